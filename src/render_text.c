/*
 * Plain text for terminals and pipes.  Everything is wrapped to
 * doc->width by text_wrap (UAX #14 with kinsoku), down to 10 columns:
 * what does not fit beside its label or number goes below it.  Headings
 * break only between words, after a closing bracket or a space.  Links
 * are numbered references: a navigation label carries its part number
 * (←前編③ is reference [3]).  Where a reference names something a
 * reader cannot see, the part's file (-o DIR/) or SERIES:PART (show),
 * an index line ends in [3] and the document ends with a list that maps
 * each reference used to its target; one document holds its parts
 * already and has no such list.  With doc->hyperlinks the labels are
 * also OSC 8 hyperlinks to file:// URIs: the part's file in a
 * directory, else the entry's YAML file.  With doc->color, headings,
 * dates and the navigation are painted (color.h) once drawn and
 * measured.  Every string from an entry or the settings passes
 * text_sanitize.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "buf.h"
#include "color.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "series.h"
#include "text.h"

struct text_state {
	bool		*used;	/* by part index: referenced in this document */
	bool		 index_used;
	char		 host[HOST_NAME_MAX + 1];
	struct buf	 clean, href; /* add_wrapped's, add_reference's */
};

/* What was drawn from byte at on, painted when the document has colour. */
static void
paint(struct doc *doc, size_t at, enum paint p)
{
	if (doc->color)
		color_span(&doc->out, at, p);
}

static void
add_clean(struct buf *b, const char *s)
{
	text_sanitize(b, s, strlen(s), false);
}

/* An indentation that leaves room on a line of doc's width, else none. */
static int
room(const struct doc *doc, int indent)
{
	return doc->width == 0 || indent + 6 <= doc->width ? indent : 0;
}

/* Entry text, sanitized and wrapped, the first line at column col. */
static void
add_wrapped(struct doc *doc, const char *s, int col, int indent)
{
	struct buf *clean = &((struct text_state *)doc->priv)->clean;

	buf_reset(clean);
	add_clean(clean, s);
	text_wrap(&doc->out, buf_str(clean), clean->len, doc->width, col,
	    room(doc, indent), NULL);
}

/* Whether a heading may break after prev, before next: between words. */
static bool
word_break(ucs4_t prev, ucs4_t next)
{
	static const char closers[] = " )]},.:;!?";
	static const ucs4_t wide[] = {
		0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011,
		0xFF09, 0xFF0C, 0xFF1A,		/* 、。〉》」』】），： */
	};

	if (prev < 0x80 && strchr(closers, (int)prev) != NULL)
		return true;
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (prev == wide[i])
			return true;
	/* 【「（ */
	return next == 0x3010 || next == 0x300C || next == 0xFF08;
}

/*
 * A heading, sanitized and wrapped without breaking a word: a break only
 * after a space or a closing bracket or mark, or before an opening one.
 * What follows the last 】 (the entry's title after 【続編16】【SERIES】)
 * is not broken at all when it fits on a line of its own.
 */
static void
add_heading(struct doc *doc, const char *s, int col, int indent)
{
	struct buf clean = BUF_INIT;
	const char *last = NULL, *p;
	char *glue;
	ucs4_t prev = 0, uc;
	int len;

	add_clean(&clean, s);
	glue = xcalloc(clean.len + 1, 1);
	for (size_t i = 0; i < clean.len; i += (size_t)len) {
		if ((len = u8_mbtouc(&uc, (const uint8_t *)clean.s + i,
		    clean.len - i)) < 1)
			len = 1;
		glue[i] = i > 0 && !word_break(prev, uc);
		prev = uc;
	}
	for (p = clean.s; p != NULL && (p = strstr(p, "】")) != NULL; p += 3)
		last = p + 3;
	if (last != NULL && doc->width > 0 && text_width(last,
	    clean.len - (size_t)(last - clean.s)) <= doc->width -
	    room(doc, indent))
		for (size_t i = (size_t)(last - clean.s) + 1; i < clean.len;
		    i++)
			glue[i] = 1;
	text_wrap(&doc->out, buf_str(&clean), clean.len, doc->width, col,
	    room(doc, indent), glue);
	free(glue);
	buf_free(&clean);
}

static void
trim_spaces(struct buf *b)
{
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

/* RFC 3986 unreserved characters and '/' pass; all else is %XX. */
static void
add_uri_path(struct buf *b, const char *path)
{
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p))
			buf_addc(b, *p);
		else
			buf_addf(b, "%%%02X", *p);
}

/* The file:// URI of a target, as ls --hyperlink writes them. */
static bool
target_uri(struct buf *b, const struct doc *doc, struct target t)
{
	const struct text_state *st = doc->priv;
	struct buf path = BUF_INIT;
	char real[PATH_MAX];
	bool found;

	if (doc->split) {
		buf_addf(&path, "%s/", doc->dir);
		render_href(&path, doc, t);
	} else if (!t.index &&
	    realpath(doc->series->parts[t.part]->path, real) != NULL)
		buf_adds(&path, real);
	if ((found = path.len > 0)) {
		buf_addf(b, "file://%s", st->host);
		add_uri_path(b, path.s);
	}
	buf_free(&path);
	return found;
}

static void
remember(struct doc *doc, struct target t)
{
	struct text_state *st = doc->priv;

	if (t.index)
		st->index_used = true;
	else
		st->used[t.part] = true;
}

static void
hyperlink_open(struct doc *doc, struct target t, bool *opened)
{
	struct buf uri = BUF_INIT;

	*opened = doc->hyperlinks && target_uri(&uri, doc, t);
	if (*opened)
		buf_addf(&doc->out, "\033]8;;%s\033\\", uri.s);
	buf_free(&uri);
}

static void
hyperlink_close(struct doc *doc, bool opened)
{
	if (opened)
		buf_adds(&doc->out, "\033]8;;\033\\");
}

static void
text_link(struct doc *doc, struct target t, const char *label)
{
	bool opened;

	remember(doc, t);
	hyperlink_open(doc, t, &opened);
	add_clean(&doc->out, label);
	hyperlink_close(doc, opened);
}

static void
text_begin(struct doc *doc, const char *title)
{
	struct text_state *st = xcalloc(1, sizeof(*st));

	if (doc->series != NULL)
		st->used = xcalloc(doc->series->n + 1, sizeof(*st->used));
	if (gethostname(st->host, sizeof(st->host) - 1) == -1)
		st->host[0] = '\0';
	doc->priv = st;
	/* Part files carry their heading already: the series title tops
	 * every file, as in the Markdown and gemtext output. */
	if (!doc->show) {
		size_t at = doc->out.len;

		add_heading(doc, doc->series ? doc->series->set.title : title,
		    0, 0);
		paint(doc, at, PAINT_HEADING);
		buf_adds(&doc->out, "\n\n");
	}
}

static void
add_reference(struct doc *doc, const char *key, struct target t)
{
	struct buf *href = &((struct text_state *)doc->priv)->href;

	buf_addc(&doc->out, '[');
	buf_adds(&doc->out, key);
	buf_adds(&doc->out, "] ");
	buf_reset(href);
	render_href(href, doc, t);
	add_wrapped(doc, buf_str(href), text_width(key, strlen(key)) + 3, 4);
	buf_addc(&doc->out, '\n');
}

/* The reference list, in part order. */
static void
text_end(struct doc *doc)
{
	struct text_state *st = doc->priv;
	const struct series *s = doc->series;
	struct buf key = BUF_INIT;
	bool any = st->index_used;

	for (size_t i = 0; s != NULL && i < s->n; i++)
		any = any || st->used[i];
	/* One document holds what its references name. */
	if (!doc->split && !doc->show)
		any = false;
	if (any)
		buf_addf(&doc->out, "%s\n\n", lang_label(doc->lang, LB_LINKS));
	if (any && st->index_used) {
		struct target t = { 0, true };

		add_clean(&key, s->set.label_index);
		add_reference(doc, buf_str(&key), t);
	}
	for (size_t i = 0; s != NULL && i < s->n; i++) {
		struct target t = { i, false };

		if (!any || !st->used[i])
			continue;
		buf_reset(&key);
		buf_addu(&key, (unsigned long)s->parts[i]->part);
		add_reference(doc, key.s, t);
	}
	buf_free(&key);
	buf_free(&st->clean);
	buf_free(&st->href);
	free(st->used);
	free(st);
	doc->priv = NULL;
}

static void
text_index_begin(struct doc *doc)
{
	size_t at;

	render_about(doc);
	at = doc->out.len;
	buf_adds(&doc->out, lang_label(doc->lang, LB_CONTENTS));
	paint(doc, at, PAINT_HEADING);
	buf_adds(&doc->out, "\n\n");
}

/*
 * "③  2026-11-03  TITLE [3]", or "④  （④欠番）" for a gap; the title
 * hangs under itself.  When the title would have less than ten columns
 * there, the number and the date take a line, the title the next ones.
 * [3] only where a reference list says what it is.
 */
static void
text_index_item(struct doc *doc, long part, long last,
    const struct entry *e, struct target t)
{
	const struct series_settings *set = &doc->series->set;
	struct buf cell = BUF_INIT, line = BUF_INIT;
	int numw = 2, col, datew;
	bool opened;
	char date[17];

	for (long top = series_last(doc->series); top >= 10; top /= 10)
		numw++;
	series_number(&cell, set->numbering, part);
	col = numw + 1;
	if (e == NULL) {
		text_pad(&doc->out, buf_str(&cell), col);
		buf_reset(&cell);
		series_label_range(&cell, set, set->label_missing, part,
		    last);
		add_wrapped(doc, cell.s, col, col);
		buf_addc(&doc->out, '\n');
		buf_free(&cell);
		return;
	}
	datew = (int)strlen(date_format(&e->date, date));
	if (doc->width > 0 && col + datew > doc->width) {
		/* Not even the date fits beside the number. */
		buf_adds(&doc->out, cell.s);
		buf_addc(&doc->out, '\n');
		col = 0;
	} else
		text_pad(&doc->out, buf_str(&cell), col);
	{
		size_t at = doc->out.len;

		text_wrap(&doc->out, date, strlen(date), doc->width, col, 0,
		    NULL);
		paint(doc, at, PAINT_DATE);
	}
	col += datew + 2;
	if (doc->width > 0 && col + 10 > doc->width) {
		buf_addc(&doc->out, '\n');
		col = 0;
	} else
		buf_adds(&doc->out, "  ");
	add_clean(&line, e->title);
	if (doc->split)
		buf_addf(&line, " [%ld]", part);
	remember(doc, t);
	hyperlink_open(doc, t, &opened);
	text_wrap(&doc->out, line.s, line.len, doc->width, col,
	    col > 0 ? numw + 1 : 0, NULL);
	hyperlink_close(doc, opened);
	buf_addc(&doc->out, '\n');
	buf_free(&cell);
	buf_free(&line);
}

static void
text_index_end(struct doc *doc)
{
	buf_addc(&doc->out, '\n');
}

static void
text_part_begin(struct doc *doc, size_t part, const char *heading)
{
	size_t at = doc->out.len;

	(void)part;
	add_heading(doc, heading, 0, 0);
	paint(doc, at, PAINT_HEADING);
	buf_adds(&doc->out, "\n\n");
}

/* One document: a rule between parts. */
static void
text_part_end(struct doc *doc, size_t part)
{
	int n = doc->width > 0 && doc->width < 40 ? doc->width : 40;

	(void)part;
	if (doc->split || doc->show)
		return;
	while (n-- > 0)
		buf_addc(&doc->out, '-');
	buf_adds(&doc->out, "\n\n");
}

/* Items with a hanging indent under their mark (the series' bullet). */
static void
add_items(struct doc *doc, char *const *items, size_t n)
{
	const char *mark = doc->series != NULL ? doc->series->set.bullet :
	    lang_label(doc->lang, LB_BULLET);
	int indent = text_width(mark, strlen(mark));
	struct buf line = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		/* The mark is the settings': sanitized like the item. */
		buf_reset(&line);
		buf_adds(&line, mark);
		buf_adds(&line, items[i]);
		add_wrapped(doc, line.s, 0, indent);
		buf_addc(&doc->out, '\n');
	}
	buf_free(&line);
}

static void
text_list(struct doc *doc, char *const *items, size_t n)
{
	add_items(doc, items, n);
	buf_addc(&doc->out, '\n');
}

/*
 * "名前: value"; tags joined on the line by 、 (", " in en); other
 * lists under "名前:".  A value that would have less than ten columns
 * beside its label goes under it.
 */
static void
text_field(struct doc *doc, enum label field, const char *label,
    char *const *values, size_t n)
{
	int col = text_width(label, strlen(label)) + 2;
	struct buf value = BUF_INIT, head = BUF_INIT;
	size_t at;

	buf_addf(&head, "%s:", label);
	add_wrapped(doc, head.s, 0, 0);
	buf_free(&head);
	if (n > 1 && field != LB_TAGS) {
		buf_addc(&doc->out, '\n');
		add_items(doc, values, n);
		return;
	}
	for (size_t i = 0; i < n; i++)
		buf_addf(&value, "%s%s", i > 0 ?
		    lang_label(doc->lang, LB_LIST_SEP) : "", values[i]);
	if (doc->width > 0 && col + 10 > doc->width) {
		buf_addc(&doc->out, '\n');
		col = 0;
	} else
		buf_addc(&doc->out, ' ');
	at = doc->out.len;
	add_wrapped(doc, value.s, col, 2);
	if (field == LB_DATE)
		paint(doc, at, PAINT_DATE);
	buf_addc(&doc->out, '\n');
	buf_free(&value);
}

static void
text_fields(struct doc *doc, const struct entry *e)
{
	render_fields(doc, e, text_field);
	buf_addc(&doc->out, '\n');
}

static void
text_heading(struct doc *doc, const char *s)
{
	size_t at = doc->out.len;

	buf_adds(&doc->out, "■ ");
	add_heading(doc, s, 2, 2);
	paint(doc, at, PAINT_HEADING);
	buf_adds(&doc->out, "\n\n");
}

static void
text_paragraph(struct doc *doc, const char *s)
{
	add_wrapped(doc, s, 0, 0);
	buf_adds(&doc->out, "\n\n");
}

/* One item of a navigation row: a link, or what is drawn unlinked. */
static void
nav_item(struct doc *doc, const struct nav_link *l)
{
	struct target t = { l->target, l->kind == NAV_INDEX };

	if (doc->width > 0 && l->width > doc->width)
		add_wrapped(doc, l->label, 0, 0);	/* a line too narrow */
	else if (l->kind == NAV_MISSING || l->kind == NAV_CURRENT ||
	    l->kind == NAV_GAP)
		add_clean(&doc->out, l->label);
	else
		text_link(doc, t, l->label);
}

/*
 * Rows as the reference draws them: each label padded to the cell
 * width by display width, trailing spaces cut, a blank line between
 * rows; a strip's items are one space apart.  A row wider than
 * doc->width continues on the next line.
 */
static void
text_nav(struct doc *doc, const struct nav *nav)
{
	size_t at = doc->out.len;

	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];
		int col = 0, cell;

		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];

			cell = row->strip ? l->width + 1 : nav->cell_width;
			if (col > 0 && doc->width > 0 &&
			    col + l->width > doc->width) {
				trim_spaces(&doc->out);
				buf_addc(&doc->out, '\n');
				col = 0;
			}
			nav_item(doc, l);
			for (int w = l->width; w < cell; w++)
				buf_addc(&doc->out, ' ');
			col += cell;
		}
		trim_spaces(&doc->out);
		buf_adds(&doc->out, "\n\n");
	}
	/* Its links are series references. */
	paint(doc, at, PAINT_REF);
}

const struct renderer render_text = {
	.name = "text",
	.ext = "txt",
	.begin = text_begin,
	.end = text_end,
	.index_begin = text_index_begin,
	.index_item = text_index_item,
	.index_end = text_index_end,
	.part_begin = text_part_begin,
	.fields = text_fields,
	.part_end = text_part_end,
	.heading = text_heading,
	.paragraph = text_paragraph,
	.list = text_list,
	.nav = text_nav,
	.link = text_link,
	.flags = 0,
	.index_name = NULL,
	.href = NULL,
};
