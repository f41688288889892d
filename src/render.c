/*
 * Walking a series for a renderer: the format table, addresses, headings,
 * and the order of a document.  What each format looks like is in its
 * own render_*.c.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "entry.h"
#include "markup.h"
#include "nav.h"
#include "render.h"
#include "series.h"

/* One line per format. */
static const struct renderer *const renderers[] = {
	&render_text,
	&render_markdown,
	&render_html,
	&render_info,
	&render_gemini,
	&render_atom,
	&render_hugo,
};
#define NRENDERERS	(sizeof(renderers) / sizeof(renderers[0]))

const struct renderer *
renderer_find(const char *name)
{
	for (size_t i = 0; i < NRENDERERS; i++)
		if (strcmp(renderers[i]->name, name) == 0)
			return renderers[i];
	return NULL;
}

const char *
renderer_names(void)
{
	static struct buf names = BUF_INIT;

	if (names.len == 0)
		for (size_t i = 0; i < NRENDERERS; i++)
			buf_addf(&names, "%s%s", i ? ", " : "",
			    renderers[i]->name);
	return buf_str(&names);
}

const struct renderer *
renderer_for_path(const char *path)
{
	/* The formats' own extensions, then the other common ones. */
	static const struct {
		const char			*ext;
		const struct renderer		*r;
	} more[] = {
		{ "text", &render_text }, { "markdown", &render_markdown },
		{ "htm", &render_html }, { "gemini", &render_gemini },
		{ "xml", &render_atom },
	};
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	if (dot == NULL || (slash != NULL && dot < slash) || dot == path ||
	    dot[-1] == '/')
		return NULL;
	dot++;
	/* Hugo's files are Markdown: .md means markdown, the first. */
	for (size_t i = 0; i < NRENDERERS; i++)
		if (strcasecmp(renderers[i]->ext, dot) == 0)
			return renderers[i];
	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		if (strcasecmp(more[i].ext, dot) == 0)
			return more[i].r;
	return NULL;
}

void
render_doc_init(struct doc *doc, const struct renderer *r,
    const struct series *s)
{
	memset(doc, 0, sizeof(*doc));
	doc->r = r;
	doc->series = s;
	doc->lang = s != NULL ? s->set.lang : LANG_DEFAULT;
	doc->fields = s != NULL ? s->set.fields : true;
	doc->base_url = s != NULL ? s->set.url : NULL;
}

void
render_part_name(struct buf *b, const struct series *s, size_t i)
{
	int digits = 1;

	for (long last = series_last(s); last >= 10; last /= 10)
		digits++;
	buf_addf(b, "part-%0*ld", digits < 2 ? 2 : digits, s->parts[i]->part);
}

void
render_href(struct buf *b, const struct doc *doc, struct target t)
{
	const struct series *s = doc->series;

	if (doc->show) {
		buf_adds(b, s->set.slug);
		if (!t.index) {
			buf_addc(b, ':');
			buf_addu(b, (unsigned long)s->parts[t.part]->part);
		}
		return;
	}
	if (doc->r->href != NULL) {
		doc->r->href(b, doc, t);
		return;
	}
	if (doc->r == &render_info) {
		/* Info addresses nodes; in another file as (FILE)NODE. */
		if (doc->split && t.index)
			buf_adds(b, "(index.info)");
		else if (doc->split) {
			buf_addc(b, '(');
			render_part_name(b, s, t.part);
			buf_adds(b, ".info)");
		}
		if (t.index)
			buf_adds(b, "Top");
		else
			render_part_name(b, s, t.part);
		return;
	}
	if (!doc->split) {
		buf_addc(b, '#');
		if (t.index)
			buf_adds(b, "index");
		else
			render_part_name(b, s, t.part);
	} else
		render_file_name(b, doc, t);
}

void
render_file_name(struct buf *b, const struct doc *doc, struct target t)
{
	if (t.index)
		buf_adds(b, doc->r->index_name != NULL ? doc->r->index_name :
		    "index");
	else
		render_part_name(b, doc->series, t.part);
	buf_addf(b, ".%s", doc->r->ext);
}

void
render_heading(struct buf *b, const struct series *s, size_t i)
{
	const struct entry *e = s->parts[i];
	struct series_settings digits = s->set;

	/* Headings count in digits; circled numbers are the navigation's. */
	digits.numbering = NUMBER_ARABIC;
	if (e->part != 1)
		series_label(b, &digits, s->set.label_heading, e->part);
	if (*lang_label(s->set.lang, LB_SERIES_TITLE) != '\0')
		buf_addf(b, lang_label(s->set.lang, LB_SERIES_TITLE),
		    s->set.title);
	buf_adds(b, e->title);
}

/* Draw body markup text (a body, a description) with doc's renderer. */
static void
render_markup(struct doc *doc, const char *text)
{
	const struct renderer *r = doc->r;
	struct markup m;
	struct buf para = BUF_INIT;

	if (text == NULL)
		return;
	markup_parse(text, &m);
	for (size_t i = 0; i < m.n; i++) {
		const struct block *bl = &m.v[i];

		switch (bl->type) {
		case BLOCK_HEADING:
			r->heading(doc, bl->lines[0]);
			break;
		case BLOCK_PARAGRAPH:
			buf_reset(&para);
			markup_join(&para, bl->lines, bl->n);
			r->paragraph(doc, buf_str(&para));
			break;
		case BLOCK_LIST:
			r->list(doc, bl->lines, bl->n);
			break;
		}
	}
	buf_free(&para);
	markup_free(&m);
}

void
render_about(struct doc *doc)
{
	const struct series_settings *set = &doc->series->set;

	render_markup(doc, set->description);
	if (set->status != STATUS_NONE)
		doc->r->paragraph(doc, lang_label(doc->lang,
		    set->status == STATUS_COMPLETE ? LB_COMPLETE : LB_ONGOING));
}

void
render_date_rfc3339(struct buf *b, const struct entry *e)
{
	struct tm tm;
	long off;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = e->date.year - 1900;
	tm.tm_mon = e->date.mon - 1;
	tm.tm_mday = e->date.day;
	tm.tm_hour = e->date.hour;
	tm.tm_min = e->date.min;
	tm.tm_isdst = -1;
	/* The date is local time: its offset is the zone's on that day. */
	off = mktime(&tm) == (time_t)-1 ? 0 : tm.tm_gmtoff / 60;
	buf_addf(b, "%04d-%02d-%02dT%02d:%02d:00", e->date.year, e->date.mon,
	    e->date.day, e->date.hour, e->date.min);
	if (off == 0)
		buf_addc(b, 'Z');
	else
		buf_addf(b, "%c%02ld:%02ld", off < 0 ? '-' : '+',
		    labs(off) / 60, labs(off) % 60);
}

/* Draw one part: heading, nav, fields, body, nav. */
static void
render_part(struct doc *doc, size_t i)
{
	const struct renderer *r = doc->r;
	struct buf heading = BUF_INIT;
	struct nav nav;

	if (doc->part_at != NULL)
		doc->part_at[i] = doc->out.len;
	render_heading(&heading, doc->series, i);
	nav_build(doc->series, i, r->flags & RENDER_SHOWS_CURRENT ?
	    NAV_WITH_CURRENT : 0, &nav);
	r->part_begin(doc, i, buf_str(&heading));
	r->nav(doc, &nav);
	if (doc->fields)
		r->fields(doc, doc->series->parts[i]);
	render_markup(doc, doc->series->parts[i]->body);
	r->nav(doc, &nav);
	r->part_end(doc, i);
	nav_free(&nav);
	buf_free(&heading);
}

void
render_entry(struct doc *doc, const struct entry *e)
{
	const struct series *s = doc->series;
	const struct renderer *r = doc->r;
	struct buf heading = BUF_INIT;
	size_t i = 0;

	doc->show = true;
	while (s != NULL && i < s->n && s->parts[i] != e)
		i++;
	if (s != NULL && i < s->n) {
		render_heading(&heading, s, i);
		r->begin(doc, buf_str(&heading));
		render_part(doc, i);
	} else {
		doc->series = NULL;
		r->begin(doc, e->title);
		r->part_begin(doc, 0, e->title);
		if (doc->fields)
			r->fields(doc, e);
		render_markup(doc, e->body);
		r->part_end(doc, 0);
	}
	r->end(doc);
	doc->series = s;
	buf_free(&heading);
}

/* The index: every part number from 1 to the last, gaps included. */
static void
render_index(struct doc *doc)
{
	const struct series *s = doc->series;
	const struct renderer *r = doc->r;
	struct series_walk w;
	struct series_item it;

	r->index_begin(doc);
	series_walk_init(&w, s, 1, series_last(s), SERIES_GAP_RUN);
	while (series_walk_next(&w, &it)) {
		/* A gap's target is the part after it, as nav.c points. */
		struct target t = { it.missing ? w.cursor : it.at, false };

		r->index_item(doc, it.part, it.last,
		    it.missing ? NULL : s->parts[it.at], t);
	}
	r->index_end(doc);
}

void
render_series(struct doc *doc)
{
	const struct series *s = doc->series;

	doc->r->begin(doc, s->set.title);
	render_index(doc);
	for (size_t i = 0; i < s->n; i++)
		if (i == 0 || s->parts[i]->part != s->parts[i - 1]->part)
			render_part(doc, i);
	doc->r->end(doc);
}

#define FEED_FILE	"feed.atom"

/* The series' feed, drawn as doc's companion and handed to emit. */
static int
render_feed(const struct doc *doc, int (*emit)(const char *name,
    const struct buf *, void *), void *arg)
{
	struct doc feed;
	int rc;

	render_doc_init(&feed, &render_atom, doc->series);
	feed.split = true;
	feed.dir = doc->dir;
	feed.file = FEED_FILE;
	feed.fields = doc->fields;
	feed.base_url = doc->base_url;
	feed.author = doc->author;
	render_series(&feed);
	rc = emit(FEED_FILE, &feed.out, arg);
	buf_free(&feed.out);
	return rc;
}

int
render_split(struct doc *doc, int (*emit)(const char *name,
    const struct buf *, void *), void *arg)
{
	const struct renderer *r = doc->r;
	const struct series *s = doc->series;
	struct buf name = BUF_INIT, heading = BUF_INIT;
	int rc;

	if (r->flags & RENDER_ONE_FILE)
		return render_feed(doc, emit, arg);
	doc->split = true;
	render_file_name(&name, doc, (struct target){ 0, true });
	doc->file = buf_str(&name);
	r->begin(doc, s->set.title);
	render_index(doc);
	r->end(doc);
	rc = emit(name.s, &doc->out, arg);
	for (size_t i = 0; rc == 0 && i < s->n; i++) {
		if (i > 0 && s->parts[i]->part == s->parts[i - 1]->part)
			continue;
		buf_reset(&doc->out);
		buf_reset(&name);
		render_file_name(&name, doc, (struct target){ i, false });
		doc->file = buf_str(&name);
		buf_reset(&heading);
		render_heading(&heading, s, i);
		r->begin(doc, buf_str(&heading));
		render_part(doc, i);
		r->end(doc);
		rc = emit(name.s, &doc->out, arg);
	}
	if (rc == 0 && r == &render_html)
		rc = render_feed(doc, emit, arg);
	doc->file = NULL;
	buf_free(&doc->out);
	buf_free(&name);
	buf_free(&heading);
	return rc;
}
