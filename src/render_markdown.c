/*
 * CommonMark output.  One document: a "# " title, the index as a list of
 * in-document links, each part under a "## " heading with an explicit
 * <a id="part-NN"></a> anchor before it.  -o DIR/: one file per part
 * linked by relative file names.  Navigation rows are separated by
 * blank lines, so a row never runs into the next one.
 */
#include <ctype.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "render_markdown.h"
#include "series.h"

/*
 * What a character starts at the beginning of a line: a list item (- +
 * and digits then ". " or ")"), a heading (#), a block quote (>), a
 * fence (~ and `), a setext underline (= -), or an indented code block
 * (leading blanks, dropped here as CommonMark drops them in a paragraph).
 * # > ~ ` ) are escaped everywhere by md_escape.
 */
static const char *
md_line_start(struct buf *b, const char *s)
{
	const char *d;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '-' || *s == '+' || *s == '=') {
		buf_addc(b, '\\');
		buf_addc(b, *s);
		return s + 1;
	}
	for (d = s; isdigit((unsigned char)*d); d++)
		continue;
	if (d > s && *d == '.' && strchr(" \t\n", d[1]) != NULL) {
		buf_add(b, s, d - s);
		buf_adds(b, "\\.");
		return d + 1;
	}
	return s;
}

/*
 * The one escaping function for entry text: every ASCII punctuation
 * character that CommonMark (or GitHub's tables and strikethrough) gives
 * a meaning inline is backslash-escaped, those that matter only at a
 * line's start are escaped there, & becomes &amp; where it could start
 * an entity, and control characters become U+FFFD.
 */
void
md_escape(struct buf *b, const char *s, int flags)
{
	unsigned char c;

	if (flags & MD_LINE_START)
		s = md_line_start(b, s);
	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (c == '\n') {
			if (flags & MD_ONE_LINE) {
				buf_addc(b, ' ');
				continue;
			}
			buf_addc(b, '\n');
			s = md_line_start(b, s + 1) - 1;
		} else if (strchr("\\`*_{}[]<>()#!|~", c) != NULL) {
			buf_addc(b, '\\');
			buf_addc(b, c);
		} else if (c == '&' && (isalnum((unsigned char)s[1]) ||
		    s[1] == '#'))
			buf_adds(b, "&amp;");
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			buf_adds(b, "\xEF\xBF\xBD");
		else
			buf_addc(b, c);
	}
}

static void
md_link(struct doc *d, struct target t, const char *label)
{
	buf_addc(&d->out, '[');
	md_escape(&d->out, label, MD_ONE_LINE);
	buf_adds(&d->out, "](");
	render_href(&d->out, d, t);
	buf_addc(&d->out, ')');
}

/* The series title heads every file; a part file's heading follows as "## ". */
static void
md_begin(struct doc *d, const char *title)
{
	if (d->series != NULL)
		title = d->series->set.title;
	buf_adds(&d->out, "# ");
	md_escape(&d->out, title, MD_ONE_LINE);
	buf_adds(&d->out, "\n\n");
}

static void
md_end(struct doc *d)
{
	(void)d;
}

static void
md_index_begin(struct doc *d)
{
	/* The window layout's index link lands here in one document. */
	if (!d->split)
		buf_adds(&d->out, "<a id=\"index\"></a>\n\n");
}

static void
md_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	struct buf label = BUF_INIT;

	buf_adds(&d->out, "- ");
	if (e == NULL) {
		series_label_range(&label, &d->series->set,
		    d->series->set.label_missing, part, last);
		md_escape(&d->out, buf_str(&label), MD_ONE_LINE);
	} else {
		render_heading(&label, d->series, t.part);
		md_link(d, t, buf_str(&label));
	}
	buf_addc(&d->out, '\n');
	buf_free(&label);
}

static void
md_index_end(struct doc *d)
{
	buf_addc(&d->out, '\n');
}

static void
md_part_begin(struct doc *d, size_t part, const char *heading)
{
	if (!d->split && d->series != NULL) {
		buf_adds(&d->out, "<a id=\"");
		render_part_name(&d->out, d->series, part);
		buf_adds(&d->out, "\"></a>\n\n");
	}
	buf_adds(&d->out, "## ");
	md_escape(&d->out, heading, MD_ONE_LINE);
	buf_adds(&d->out, "\n\n");
}

static void
md_part_end(struct doc *d, size_t part)
{
	(void)d;
	(void)part;
}

static void
md_heading(struct doc *d, const char *s)
{
	buf_adds(&d->out, "### ");
	md_escape(&d->out, s, MD_ONE_LINE);
	buf_adds(&d->out, "\n\n");
}

static void
md_paragraph(struct doc *d, const char *s)
{
	md_escape(&d->out, s, MD_LINE_START);
	buf_adds(&d->out, "\n\n");
}

static void
md_list(struct doc *d, char *const *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "- ");
		md_escape(&d->out, items[i], MD_ONE_LINE);
		buf_addc(&d->out, '\n');
	}
	buf_addc(&d->out, '\n');
}

/* One paragraph per row: links separated by spaces; gaps as text. */
static void
md_nav(struct doc *d, const struct nav *nav)
{
	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];

		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];

			if (i > row->first)
				buf_addc(&d->out, ' ');
			if (l->kind == NAV_MISSING)
				md_escape(&d->out, l->label, MD_ONE_LINE);
			else
				md_link(d, (struct target){ l->target,
				    l->kind == NAV_INDEX }, l->label);
		}
		buf_adds(&d->out, "\n\n");
	}
}

/* "- LABEL: VALUE", or the values as a nested list when there are several. */
static void
md_field(struct doc *d, enum label field, const char *label,
    char *const *v, size_t n)
{
	(void)field;
	buf_adds(&d->out, "- ");
	md_escape(&d->out, label, MD_ONE_LINE);
	buf_addc(&d->out, ':');
	if (n == 1) {
		buf_addc(&d->out, ' ');
		md_escape(&d->out, v[0], MD_ONE_LINE);
	} else
		for (size_t i = 0; i < n; i++) {
			buf_adds(&d->out, "\n  - ");
			md_escape(&d->out, v[i], MD_ONE_LINE);
		}
	buf_addc(&d->out, '\n');
}

static void
md_fields(struct doc *d, const struct entry *e)
{
	render_fields(d, e, md_field);
	buf_addc(&d->out, '\n');
}

const struct renderer render_markdown = {
	"markdown", "md",
	md_begin, md_end,
	md_index_begin, md_index_item, md_index_end,
	md_part_begin, md_fields, md_part_end,
	md_heading, md_paragraph, md_list,
	md_nav, md_link,
};
