/*
 * GNU Info output, readable with `info -f FILE`: a preamble with the
 * entry install-info(1) adds to a dir file, the Top node (the series
 * title and a menu of the parts), one node per part named part-NN with
 * Next, Prev and Up pointers, and the Local Variables block that
 * declares UTF-8.  No tag table: readers find the nodes by searching,
 * and a tag table with wrong byte offsets is worse than none.  Titles
 * are never wrapped and are underlined to their display width, as
 * makeinfo does.
 *
 * Node names are ASCII and never come from entries; titles appear only
 * in the text.  The navigation block is a set of *note cross references.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "series.h"
#include "text.h"

#define INFO_WIDTH	72	/* makeinfo's fill column */

#define INFO_ONE_LINE	0x1	/* newlines become spaces */
#define INFO_XREF_LABEL	0x2	/* a *note label: no colon */

#define FULLWIDTH_ASTERISK	"\xEF\xBC\x8A"	/* U+FF0A */
#define FULLWIDTH_COLON		"\xEF\xBC\x9A"	/* U+FF1A */
#define REPLACEMENT_CHAR	"\xEF\xBF\xBD"	/* U+FFFD */

struct info {
	char	*title;
};

static int
info_width(const struct doc *d)
{
	return d->width > 0 ? d->width : INFO_WIDTH;
}

/*
 * Whether the asterisk at s would be read as Info markup: a cross
 * reference "*note" (any case, anywhere in a node) or the menu's start
 * "* Menu:".  Such an asterisk is written as a full-width asterisk,
 * which reads the same and means nothing to an Info reader.
 */
static bool
info_markup_star(const char *s)
{
	return strncasecmp(s, "*note", 5) == 0 ||
	    strncasecmp(s, "* menu:", 7) == 0;
}

/*
 * The one escaping function for entry text.  Besides the asterisks
 * above: the node separator 0x1F, DEL and the other control characters
 * (a form feed splits a node into pages) become U+FFFD, and in a *note
 * label a colon, which would end the label, becomes a full-width colon.
 */
static void
info_escape(struct buf *b, const char *s, int flags)
{
	unsigned char c;

	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (c == '*' && info_markup_star(s))
			buf_adds(b, FULLWIDTH_ASTERISK);
		else if (c == ':' && (flags & INFO_XREF_LABEL))
			buf_adds(b, FULLWIDTH_COLON);
		else if (c == '\n')
			buf_addc(b, flags & INFO_ONE_LINE ? ' ' : '\n');
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			buf_adds(b, REPLACEMENT_CHAR);
		else
			buf_addc(b, c);
	}
}

/* Entry text escaped and wrapped; the caller wrote indent columns already. */
static void
info_fill(struct doc *d, const char *s, int indent)
{
	struct buf esc = BUF_INIT;

	info_escape(&esc, s, 0);
	text_wrap(&d->out, buf_str(&esc), esc.len, info_width(d), indent,
	    indent, NULL);
	buf_addc(&d->out, '\n');
	buf_free(&esc);
}

/* A title on one line underlined with ch, as makeinfo draws them. */
static void
info_title(struct doc *d, const char *s, int ch)
{
	struct buf esc = BUF_INIT;
	int w;

	info_escape(&esc, s, INFO_ONE_LINE);
	buf_add(&d->out, buf_str(&esc), esc.len);
	buf_addc(&d->out, '\n');
	for (w = text_width(buf_str(&esc), esc.len); w > 0; w--)
		buf_addc(&d->out, ch);
	buf_adds(&d->out, "\n\n");
	buf_free(&esc);
}

static void
info_file_name(struct buf *b, const struct doc *d)
{
	const char *slash;

	if (d->file == NULL) {
		buf_addf(b, "%s.info", d->series != NULL ?
		    d->series->set.slug : "dailylog");
		return;
	}
	slash = strrchr(d->file, '/');
	buf_adds(b, slash != NULL ? slash + 1 : d->file);
}

/*
 * What install-info(1) adds to a dir file: "* SLUG: (FILE).  TITLE.",
 * FILE being this file's name without .info, in the section Reports.
 */
static void
info_dir_entry(struct doc *d)
{
	struct buf file = BUF_INIT, title = BUF_INIT;

	info_file_name(&file, d);
	if (file.len > 5 && strcmp(file.s + file.len - 5, ".info") == 0)
		file.s[file.len -= 5] = '\0';
	info_escape(&title, d->series->set.title, INFO_ONE_LINE);
	buf_addf(&d->out, "INFO-DIR-SECTION Reports\nSTART-INFO-DIR-ENTRY\n"
	    "* %s: (%s).", d->series->set.slug, file.s);
	buf_addf(&d->out, "%*s%s\nEND-INFO-DIR-ENTRY\n\n",
	    (int)(strlen(d->series->set.slug) + file.len < 24 ?
	    24 - strlen(d->series->set.slug) - file.len : 1), "", title.s);
	buf_free(&file);
	buf_free(&title);
}

/* A node's header line; next and prev are NULL when absent. */
static void
info_node(struct doc *d, const char *node, const struct target *next,
    const struct target *prev, const char *up)
{
	buf_adds(&d->out, "\x1f\nFile: ");
	info_file_name(&d->out, d);
	buf_addf(&d->out, ",  Node: %s", node);
	if (next != NULL) {
		buf_adds(&d->out, ",  Next: ");
		render_href(&d->out, d, *next);
	}
	if (prev != NULL) {
		buf_adds(&d->out, ",  Prev: ");
		render_href(&d->out, d, *prev);
	}
	buf_addf(&d->out, ",  Up: %s\n\n", up);
}

static void
info_link(struct doc *d, struct target t, const char *label)
{
	buf_adds(&d->out, "*note ");
	info_escape(&d->out, label, INFO_ONE_LINE | INFO_XREF_LABEL);
	buf_adds(&d->out, ": ");
	render_href(&d->out, d, t);
	buf_addc(&d->out, '.');
}

static void
info_begin(struct doc *d, const char *title)
{
	struct info *in = xcalloc(1, sizeof(*in));

	in->title = xstrdup(title);
	d->priv = in;
	buf_adds(&d->out, "This is ");
	info_file_name(&d->out, d);
	buf_adds(&d->out, ", produced by dailylog.\n\n");
}

static void
info_end(struct doc *d)
{
	struct info *in = d->priv;

	buf_adds(&d->out, "\x1f\nLocal Variables:\ncoding: utf-8\nEnd:\n");
	free(in->title);
	free(in);
	d->priv = NULL;
}

/* The Top node: the series title, then the menu of parts. */
static void
info_index_begin(struct doc *d)
{
	const struct info *in = d->priv;
	struct target first = { 0, false };

	info_dir_entry(d);
	info_node(d, "Top", d->series->n > 0 ? &first : NULL, NULL, "(dir)");
	info_title(d, in->title, '*');
	render_about(d);
	buf_adds(&d->out, "* Menu:\n\n");
}

static void
info_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	struct buf label = BUF_INIT;

	if (e == NULL) {
		series_label_range(&label, &d->series->set,
		    d->series->set.label_missing, part, last);
		buf_adds(&d->out, "  ");
	} else if (d->split) {
		/* "* part-03: (part-03.info)part-03.": m part-03 finds it. */
		render_heading(&label, d->series, t.part);
		buf_adds(&d->out, "* ");
		render_part_name(&d->out, d->series, t.part);
		buf_adds(&d->out, ": ");
		render_href(&d->out, d, t);
		buf_adds(&d->out, ".\t");
	} else {
		render_heading(&label, d->series, t.part);
		buf_adds(&d->out, "* ");
		render_href(&d->out, d, t);
		buf_adds(&d->out, "::\t");
	}
	info_escape(&d->out, buf_str(&label), INFO_ONE_LINE);
	buf_addc(&d->out, '\n');
	buf_free(&label);
}

static void
info_index_end(struct doc *d)
{
	buf_addc(&d->out, '\n');
}

static void
info_part_begin(struct doc *d, size_t part, const char *heading)
{
	struct target next = { part + 1, false }, prev = { part - 1, false };
	struct target top = { 0, true };
	struct buf name = BUF_INIT, up = BUF_INIT;

	if (d->series == NULL) {	/* show: an entry outside any series */
		info_node(d, "Top", NULL, NULL, "(dir)");
		info_title(d, heading, '*');
		return;
	}
	render_part_name(&name, d->series, part);
	render_href(&up, d, top);
	info_node(d, buf_str(&name), part + 1 < d->series->n ? &next : NULL,
	    part > 0 ? &prev : &top, buf_str(&up));
	info_title(d, heading, '=');
	buf_free(&name);
	buf_free(&up);
}

static void
info_part_end(struct doc *d, size_t part)
{
	(void)d;
	(void)part;
}

static void
info_heading(struct doc *d, const char *s)
{
	info_title(d, s, '-');
}

static void
info_paragraph(struct doc *d, const char *s)
{
	info_fill(d, s, 0);
	buf_addc(&d->out, '\n');
}

/* Items as makeinfo draws @itemize @bullet. */
static void
info_list(struct doc *d, char *const *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "   • ");
		info_fill(d, items[i], 5);
	}
	buf_addc(&d->out, '\n');
}

/* A row per line, as in the reference; rows separated by blank lines. */
static void
info_nav(struct doc *d, const struct nav *nav)
{
	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];

		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];

			if (i > row->first)
				buf_adds(&d->out, row->strip ? " " : "   ");
			if (l->kind == NAV_MISSING || l->kind == NAV_GAP ||
			    l->kind == NAV_CURRENT)
				info_escape(&d->out, l->label, INFO_ONE_LINE);
			else
				info_link(d, (struct target){ l->target,
				    l->kind == NAV_INDEX }, l->label);
		}
		buf_adds(&d->out, "\n\n");
	}
}

/* "LABEL: VALUE", further values on lines of their own under the first. */
static void
info_field(struct doc *d, enum label field, const char *label,
    char *const *v, size_t n)
{
	struct buf esc = BUF_INIT;
	int indent;

	(void)field;
	info_escape(&esc, label, INFO_ONE_LINE);
	buf_add(&d->out, esc.s, esc.len);
	buf_adds(&d->out, ": ");
	indent = text_width(buf_str(&esc), esc.len) + 2;
	for (size_t i = 0; i < n; i++) {
		buf_reset(&esc);
		info_escape(&esc, v[i], INFO_ONE_LINE);
		if (i > 0)
			buf_addf(&d->out, "%*s", indent, "");
		text_wrap(&d->out, buf_str(&esc), esc.len, info_width(d),
		    indent, indent, NULL);
		buf_addc(&d->out, '\n');
	}
	buf_free(&esc);
}

static void
info_fields(struct doc *d, const struct entry *e)
{
	render_fields(d, e, info_field);
	buf_addc(&d->out, '\n');
}

const struct renderer render_info = {
	"info", "info",
	info_begin, info_end,
	info_index_begin, info_index_item, info_index_end,
	info_part_begin, info_fields, info_part_end,
	info_heading, info_paragraph, info_list,
	info_nav, info_link,
	0, NULL, NULL,
};
