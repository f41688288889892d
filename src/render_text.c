/*
 * Plain text for terminals and pipes.  Paragraphs are wrapped to
 * doc->width by text_wrap (UAX #14 with kinsoku).  Links are numbered
 * references: a navigation label carries its part number (←前編③ is
 * reference [3]), an index line ends in [3], and the document ends with
 * a list that maps each reference used to its target: the part's file
 * (-o DIR/), its heading (one document) or SERIES:PART (show).  With
 * doc->hyperlinks the labels are also OSC 8 hyperlinks to file:// URIs:
 * the part's file in a directory, else the entry's YAML file.  With
 * doc->color, headings, dates and the navigation are painted (color.h)
 * once drawn and measured.  Every string from an entry or the settings
 * passes text_sanitize.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "color.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "series.h"
#include "text.h"

struct text_state {
	bool	*used;		/* by part index: referenced in this document */
	bool	 index_used;
	char	 host[HOST_NAME_MAX + 1];
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

/* Entry text, sanitized and wrapped, the first line at column col. */
static void
add_wrapped(struct doc *doc, const char *s, int col, int indent)
{
	struct buf clean = BUF_INIT;

	add_clean(&clean, s);
	text_wrap(&doc->out, buf_str(&clean), clean.len, doc->width, col,
	    indent, NULL);
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

		add_wrapped(doc, doc->series ? doc->series->set.title : title,
		    0, 0);
		paint(doc, at, PAINT_HEADING);
		buf_adds(&doc->out, "\n\n");
	}
}

static void
add_reference(struct doc *doc, const char *key, struct target t)
{
	struct buf target = BUF_INIT;

	buf_addf(&doc->out, "[%s] ", key);
	if (!doc->split && !doc->show && !t.index)
		render_heading(&target, doc->series, t.part);
	else if (!doc->split && !doc->show)
		buf_adds(&target, lang_label(doc->lang, LB_CONTENTS));
	else
		render_href(&target, doc, t);
	add_wrapped(doc, buf_str(&target), text_width(key, strlen(key)) + 3,
	    4);
	buf_addc(&doc->out, '\n');
	buf_free(&target);
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
	if (any)
		buf_addf(&doc->out, "%s\n\n", lang_label(doc->lang, LB_LINKS));
	if (st->index_used) {
		struct target t = { 0, true };

		add_clean(&key, s->set.label_index);
		add_reference(doc, buf_str(&key), t);
	}
	for (size_t i = 0; s != NULL && i < s->n; i++) {
		struct target t = { i, false };

		if (!st->used[i])
			continue;
		buf_reset(&key);
		buf_addf(&key, "%ld", s->parts[i]->part);
		add_reference(doc, key.s, t);
	}
	buf_free(&key);
	free(st->used);
	free(st);
	doc->priv = NULL;
}

static void
text_index_begin(struct doc *doc)
{
	size_t at = doc->out.len;

	buf_adds(&doc->out, lang_label(doc->lang, LB_CONTENTS));
	paint(doc, at, PAINT_HEADING);
	buf_adds(&doc->out, "\n\n");
}

/* "③  2026-11-03  TITLE [3]", or "⑦  （⑦欠番）" for a gap. */
static void
text_index_item(struct doc *doc, long part, long last,
    const struct entry *e, struct target t)
{
	const struct series_settings *set = &doc->series->set;
	struct buf cell = BUF_INIT, line = BUF_INIT;
	int numw = 2, col;
	bool opened;
	char date[17];

	for (long top = series_last(doc->series); top >= 10; top /= 10)
		numw++;
	series_number(&cell, set->numbering, part);
	text_pad(&doc->out, buf_str(&cell), numw + 1);
	col = numw + 1;
	if (e == NULL) {
		buf_reset(&cell);
		series_label_range(&cell, set, set->label_missing, part,
		    last);
		add_wrapped(doc, cell.s, col, col);
	} else {
		size_t at = doc->out.len;

		buf_adds(&doc->out, date_format(&e->date, date));
		paint(doc, at, PAINT_DATE);
		buf_adds(&doc->out, "  ");
		col += (int)strlen(date) + 2;
		add_clean(&line, e->title);
		buf_addf(&line, " [%ld]", part);
		remember(doc, t);
		hyperlink_open(doc, t, &opened);
		text_wrap(&doc->out, line.s, line.len, doc->width, col,
		    numw + 1, NULL);
		hyperlink_close(doc, opened);
	}
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
	add_wrapped(doc, heading, 0, 0);
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

/* Items with a hanging indent under their mark. */
static void
add_items(struct doc *doc, char *const *items, size_t n)
{
	const char *mark = lang_label(doc->lang, LB_BULLET);
	int indent = text_width(mark, strlen(mark));

	for (size_t i = 0; i < n; i++) {
		buf_adds(&doc->out, mark);
		add_wrapped(doc, items[i], indent, indent);
		buf_addc(&doc->out, '\n');
	}
}

static void
text_list(struct doc *doc, char *const *items, size_t n)
{
	add_items(doc, items, n);
	buf_addc(&doc->out, '\n');
}

/* "名前: value", or a list under "名前:" when there are several values. */
static void
text_field(struct doc *doc, enum label field, const char *label,
    char *const *values, size_t n)
{
	int col = text_width(label, strlen(label)) + 2;
	size_t at;

	if (n > 1) {
		buf_addf(&doc->out, "%s:\n", label);
		add_items(doc, values, n);
		return;
	}
	buf_addf(&doc->out, "%s: ", label);
	at = doc->out.len;
	add_wrapped(doc, values[0], col, 2);
	if (field == LB_DATE)
		paint(doc, at, PAINT_DATE);
	buf_addc(&doc->out, '\n');
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
	add_wrapped(doc, s, 2, 2);
	paint(doc, at, PAINT_HEADING);
	buf_adds(&doc->out, "\n\n");
}

static void
text_paragraph(struct doc *doc, const char *s)
{
	add_wrapped(doc, s, 0, 0);
	buf_adds(&doc->out, "\n\n");
}

/*
 * Rows as the reference draws them: each label padded to the cell
 * width by display width, trailing spaces cut, a blank line between
 * rows.  A row wider than doc->width continues on the next line.
 */
static void
text_nav(struct doc *doc, const struct nav *nav)
{
	size_t at = doc->out.len;

	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];
		int col = 0;

		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];
			struct target t = { l->target, l->kind == NAV_INDEX };

			if (col > 0 && doc->width > 0 &&
			    col + l->width > doc->width) {
				trim_spaces(&doc->out);
				buf_addc(&doc->out, '\n');
				col = 0;
			}
			if (l->kind == NAV_MISSING)
				add_clean(&doc->out, l->label);
			else
				text_link(doc, t, l->label);
			for (int w = l->width; w < nav->cell_width; w++)
				buf_addc(&doc->out, ' ');
			col += nav->cell_width;
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
};
