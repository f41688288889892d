/*
 * Gemtext output.  Gemtext has no inline links: a link is a line of its
 * own, "=> part-03.gmi ←前編③".  With -o DIR/ every navigation item is
 * such a line, rows are separated by a blank line, and each block ends
 * with a link back to index.gmi; the index follows the gemlog
 * convention, "=> part-03.gmi 2026-09-04 TITLE", so that clients can
 * subscribe to it.
 *
 * One document: text/gemini gives a URI fragment no meaning, and
 * clients do not scroll to one, so "#part-03" links would lead nowhere.
 * There the index is a plain list, and the parts, each under its own
 * "## " heading, have no navigation blocks: the index is the one.
 */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "series.h"

#define GMI_ONE_LINE	0x1	/* newlines become spaces */

#define ZERO_WIDTH_SPACE	"\xE2\x80\x8B"	/* U+200B */
#define REPLACEMENT_CHAR	"\xEF\xBF\xBD"	/* U+FFFD */

/* Whether a text line starting at s would be read as a gemtext line type. */
static bool
gmi_line_type(const char *s)
{
	return strncmp(s, "=>", 2) == 0 || strncmp(s, "* ", 2) == 0 ||
	    strncmp(s, "```", 3) == 0 || *s == '#' || *s == '>';
}

/*
 * The one escaping function for entry text.  A line that would begin
 * with a link, heading, list, quote or preformatting marker gets a zero
 * width space in front: it reads the same and stays a text line.  With
 * GMI_ONE_LINE the text follows a line-type prefix, so only control
 * characters (U+FFFD) and newlines (a space) need care.
 */
static void
gmi_escape(struct buf *b, const char *s, int flags)
{
	bool line_start = !(flags & GMI_ONE_LINE);
	unsigned char c;

	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (line_start && gmi_line_type(s))
			buf_adds(b, ZERO_WIDTH_SPACE);
		line_start = false;
		if (c == '\n') {
			if (flags & GMI_ONE_LINE)
				buf_addc(b, ' ');
			else {
				buf_addc(b, '\n');
				line_start = true;
			}
		} else if ((c < 0x20 && c != '\t') || c == 0x7F)
			buf_adds(b, REPLACEMENT_CHAR);
		else
			buf_addc(b, c);
	}
}

static void
gmi_link(struct doc *d, struct target t, const char *label)
{
	if (d->split) {
		buf_adds(&d->out, "=> ");
		render_href(&d->out, d, t);
		buf_addc(&d->out, ' ');
	} else
		buf_adds(&d->out, "* ");
	gmi_escape(&d->out, label, GMI_ONE_LINE);
	buf_addc(&d->out, '\n');
}

/* The series title heads every file; a part file's heading follows as "## ". */
static void
gmi_begin(struct doc *d, const char *title)
{
	if (d->series != NULL)
		title = d->series->set.title;
	buf_adds(&d->out, "# ");
	gmi_escape(&d->out, title, GMI_ONE_LINE);
	buf_adds(&d->out, "\n\n");
}

static void
gmi_end(struct doc *d)
{
	(void)d;
}

static void
gmi_index_begin(struct doc *d)
{
	render_about(d);
}

/* "=> part-03.gmi 2026-09-04 TITLE" (one document: "* ③ 2026-09-04 TITLE"). */
static void
gmi_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	const struct series_settings *set = &d->series->set;
	struct buf label = BUF_INIT;
	char date[17];

	if (e == NULL) {
		series_label_range(&label, set, set->label_missing, part, last);
		buf_adds(&d->out, "* ");
		gmi_escape(&d->out, buf_str(&label), GMI_ONE_LINE);
		buf_addc(&d->out, '\n');
	} else {
		/* Gemlogs date a link by its day: the time is left out. */
		date_format(&e->date, date);
		date[10] = '\0';
		if (!d->split) {
			series_number(&label, set->numbering, part);
			buf_addc(&label, ' ');
		}
		buf_addf(&label, "%s %s", date, e->title);
		gmi_link(d, t, buf_str(&label));
	}
	buf_free(&label);
}

static void
gmi_index_end(struct doc *d)
{
	buf_addc(&d->out, '\n');
}

static void
gmi_part_begin(struct doc *d, size_t part, const char *heading)
{
	(void)part;
	buf_adds(&d->out, "## ");
	gmi_escape(&d->out, heading, GMI_ONE_LINE);
	buf_adds(&d->out, "\n\n");
}

static void
gmi_part_end(struct doc *d, size_t part)
{
	(void)d;
	(void)part;
}

static void
gmi_heading(struct doc *d, const char *s)
{
	buf_adds(&d->out, "### ");
	gmi_escape(&d->out, s, GMI_ONE_LINE);
	buf_adds(&d->out, "\n\n");
}

static void
gmi_paragraph(struct doc *d, const char *s)
{
	gmi_escape(&d->out, s, 0);
	buf_adds(&d->out, "\n\n");
}

static void
gmi_list(struct doc *d, char *const *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "* ");
		gmi_escape(&d->out, items[i], GMI_ONE_LINE);
		buf_addc(&d->out, '\n');
	}
	buf_addc(&d->out, '\n');
}

/*
 * Link lines; what is not linked is a text line.  None in one document
 * of the series; show lists the labels (its links are references).
 */
static void
gmi_nav(struct doc *d, const struct nav *nav)
{
	if (!d->split && !d->show)
		return;
	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];

		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];

			if (l->kind == NAV_MISSING || l->kind == NAV_GAP ||
			    l->kind == NAV_CURRENT) {
				gmi_escape(&d->out, l->label, 0);
				buf_addc(&d->out, '\n');
			} else
				gmi_link(d, (struct target){ l->target,
				    l->kind == NAV_INDEX }, l->label);
		}
		buf_addc(&d->out, '\n');
	}
	/* The window layout links the index already. */
	if (d->split && nav->layout != LAYOUT_WINDOW) {
		gmi_link(d, (struct target){ 0, true },
		    d->series->set.label_index);
		buf_addc(&d->out, '\n');
	}
}

/* "* LABEL: VALUE"; gemtext lists do not nest, so values are joined by " / ". */
static void
gmi_field(struct doc *d, enum label field, const char *label,
    char *const *v, size_t n)
{
	(void)field;
	buf_adds(&d->out, "* ");
	gmi_escape(&d->out, label, GMI_ONE_LINE);
	buf_adds(&d->out, ": ");
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&d->out, " / ");
		gmi_escape(&d->out, v[i], GMI_ONE_LINE);
	}
	buf_addc(&d->out, '\n');
}

static void
gmi_fields(struct doc *d, const struct entry *e)
{
	render_fields(d, e, gmi_field);
	buf_addc(&d->out, '\n');
}

const struct renderer render_gemini = {
	"gemini", "gmi",
	gmi_begin, gmi_end,
	gmi_index_begin, gmi_index_item, gmi_index_end,
	gmi_part_begin, gmi_fields, gmi_part_end,
	gmi_heading, gmi_paragraph, gmi_list,
	gmi_nav, gmi_link,
	0, NULL, NULL,
};
