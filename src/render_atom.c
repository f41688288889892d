/*
 * An Atom feed of a series (RFC 4287): the series as the feed, each part
 * an <entry> in part order, its fields and body as XHTML content drawn
 * by the HTML renderer.  An id is a urn:uuid URN made from the series'
 * slug and the entry's ID, so that it stays the same whatever the
 * address, the part number or the title; updated is the entry's date
 * (the feed's: the latest), in local time with its offset.  Links point
 * to the pages of -o DIR/ in HTML (part-NN.html, index.html), relative
 * to the feed or under the base URL when there is one.
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "render.h"
#include "render_html.h"
#include "series.h"

#define XHTML_NS	"http://www.w3.org/1999/xhtml"

/* A stable UUID (version 8, RFC 9562) from two FNV-1a hashes of the words. */
static void
atom_uuid(struct buf *b, const char *slug, const char *id)
{
	const char *words[] = { "dailylog", slug, id };
	uint64_t h[2] = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL };
	unsigned char u[16];

	for (int k = 0; k < 2; k++)
		for (size_t w = 0; w < 3; w++) {
			for (const char *p = words[w]; p != NULL && *p; p++) {
				h[k] ^= (unsigned char)*p;
				h[k] *= 0x100000001b3ULL;
			}
			h[k] ^= (uint64_t)(w + 1 + k * 3);	/* separators */
			h[k] *= 0x100000001b3ULL;
		}
	for (int i = 0; i < 8; i++) {
		u[i] = (unsigned char)(h[0] >> (56 - 8 * i));
		u[i + 8] = (unsigned char)(h[1] >> (56 - 8 * i));
	}
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x80);
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	buf_adds(b, "urn:uuid:");
	for (int i = 0; i < 16; i++)
		buf_addf(b, "%s%02x", i == 4 || i == 6 || i == 8 || i == 10 ?
		    "-" : "", u[i]);
}

static void
atom_href(struct buf *b, const struct doc *d, struct target t)
{
	if (d->base_url != NULL)
		html_escape(b, d->base_url);
	if (t.index)
		buf_adds(b, "index");
	else
		render_part_name(b, d->series, t.part);
	buf_adds(b, ".html");
}

static void
atom_element(struct buf *b, const char *name, const char *text)
{
	buf_addf(b, "<%s>", name);
	html_escape(b, text);
	buf_addf(b, "</%s>\n", name);
}

static void
atom_author(struct buf *b, const char *name)
{
	buf_adds(b, "<author><name>");
	html_escape(b, name);
	buf_adds(b, "</name></author>\n");
}

/* Who wrote the series: the store's author, else the first part's. */
static const char *
feed_author(const struct doc *d)
{
	const struct series *s = d->series;

	if (d->author != NULL)
		return d->author;
	for (size_t i = 0; i < s->n; i++)
		if (s->parts[i]->author != NULL)
			return s->parts[i]->author;
	return s->set.title;
}

static void
atom_link(struct doc *d, const char *rel, const char *type,
    struct target t)
{
	buf_addf(&d->out, "<link rel=\"%s\" type=\"%s\" href=\"", rel, type);
	render_href(&d->out, d, t);
	buf_adds(&d->out, "\"/>\n");
}

static void
atom_begin(struct doc *d, const char *title)
{
	const struct series *s = d->series;
	const struct entry *latest = NULL;
	struct buf line = BUF_INIT;

	(void)title;
	for (size_t i = 0; i < s->n; i++)
		if (latest == NULL ||
		    date_cmp(&s->parts[i]->date, &latest->date) > 0)
			latest = s->parts[i];
	buf_addf(&d->out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n",
	    lang_name(d->lang));
	atom_element(&d->out, "title", s->set.title);
	if (s->set.description != NULL) {
		/* A subtitle is text: the description's lines as one. */
		for (const char *p = s->set.description; *p; p++)
			buf_addc(&line, *p == '\n' ? ' ' : *p);
		atom_element(&d->out, "subtitle", buf_str(&line));
	}
	buf_adds(&d->out, "<id>");
	atom_uuid(&d->out, s->set.slug, NULL);
	buf_adds(&d->out, "</id>\n<updated>");
	if (latest != NULL)
		render_date_rfc3339(&d->out, latest);
	buf_adds(&d->out, "</updated>\n");
	buf_adds(&d->out, "<link rel=\"self\" type=\"application/atom+xml\" "
	    "href=\"");
	if (d->base_url != NULL)
		html_escape(&d->out, d->base_url);
	buf_adds(&d->out, "feed.atom\"/>\n");
	atom_link(d, "alternate", "text/html", (struct target){ 0, true });
	atom_author(&d->out, feed_author(d));
	buf_adds(&d->out, "<generator version=\"" DAILYLOG_VERSION "\">"
	    "dailylog</generator>\n");
	buf_free(&line);
}

static void
atom_end(struct doc *d)
{
	buf_adds(&d->out, "</feed>\n");
}

/* The index is the feed's: nothing to draw. */
static void
atom_index_begin(struct doc *d)
{
	(void)d;
}

static void
atom_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	(void)d;
	(void)part;
	(void)last;
	(void)e;
	(void)t;
}

static void
atom_index_end(struct doc *d)
{
	(void)d;
}

static void
atom_part_begin(struct doc *d, size_t part, const char *heading)
{
	const struct entry *e;

	if (d->series == NULL)
		return;
	e = d->series->parts[part];
	buf_adds(&d->out, "<entry>\n");
	atom_element(&d->out, "title", heading);
	buf_adds(&d->out, "<id>");
	atom_uuid(&d->out, d->series->set.slug, e->id);
	buf_adds(&d->out, "</id>\n<published>");
	render_date_rfc3339(&d->out, e);
	buf_adds(&d->out, "</published>\n<updated>");
	render_date_rfc3339(&d->out, e);
	buf_adds(&d->out, "</updated>\n");
	atom_link(d, "alternate", "text/html", (struct target){ part, false });
	if (e->author != NULL && strcmp(e->author, feed_author(d)) != 0)
		atom_author(&d->out, e->author);
	for (size_t i = 0; i < e->tags.n; i++) {
		buf_adds(&d->out, "<category term=\"");
		html_escape(&d->out, e->tags.v[i]);
		buf_adds(&d->out, "\"/>\n");
	}
	buf_adds(&d->out, "<content type=\"xhtml\"><div xmlns=\"" XHTML_NS
	    "\">\n");
}

static void
atom_part_end(struct doc *d, size_t part)
{
	(void)part;
	if (d->series != NULL)
		buf_adds(&d->out, "</div></content>\n</entry>\n");
}

/* A feed reader has its own navigation. */
static void
atom_nav(struct doc *d, const struct nav *nav)
{
	(void)d;
	(void)nav;
}

static void
atom_fields(struct doc *d, const struct entry *e)
{
	render_html.fields(d, e);
}

static void
atom_heading(struct doc *d, const char *s)
{
	render_html.heading(d, s);
}

static void
atom_paragraph(struct doc *d, const char *s)
{
	render_html.paragraph(d, s);
}

static void
atom_list(struct doc *d, char *const *items, size_t n)
{
	render_html.list(d, items, n);
}

static void
atom_link_text(struct doc *d, struct target t, const char *label)
{
	render_html.link(d, t, label);
}

const struct renderer render_atom = {
	"atom", "atom",
	atom_begin, atom_end,
	atom_index_begin, atom_index_item, atom_index_end,
	atom_part_begin, atom_fields, atom_part_end,
	atom_heading, atom_paragraph, atom_list,
	atom_nav, atom_link_text,
	RENDER_ONE_FILE, NULL, atom_href,
};
