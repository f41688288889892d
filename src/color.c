/*
 * Colour: whether to use it, and SGR escapes around safe text.  The
 * coloured text renderer wraps render_text: each callback lets the
 * plain renderer draw (sanitizing, measuring, wrapping) and then paints
 * what it appended.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "color.h"
#include "dailylog.h"
#include "date.h"
#include "entry.h"
#include "render.h"

#define SGR_RESET	"\033[m"

const char *const color_modes[3] = { "auto", "always", "never" };

static const char *const sgr[] = {
	[PAINT_HEADING] = "\033[1m",
	[PAINT_DATE] = "\033[36m",
	[PAINT_REF] = "\033[36m",
};

void
color_add(struct buf *b, enum paint p, const char *s, size_t n)
{
	if (n == 0)
		return;
	buf_adds(b, sgr[p]);
	buf_add(b, s, n);
	buf_adds(b, SGR_RESET);
}

void
color_span(struct buf *b, size_t from, enum paint p)
{
	char *text;
	size_t len;

	if (from >= b->len)
		return;
	len = b->len - from;
	text = xstrndup(b->s + from, len);
	b->len = from;
	b->s[from] = '\0';
	for (size_t i = 0; i < len; ) {
		size_t n = strcspn(text + i, "\n");

		color_add(b, p, text + i, n);
		i += n;
		if (i < len) {
			buf_addc(b, '\n');
			i++;
		}
	}
	free(text);
}

/* Paint the first s in b after from: the date a plain line begins with. */
static void
color_word(struct buf *b, size_t from, const char *s, enum paint p)
{
	const char *at = from < b->len ? strstr(b->s + from, s) : NULL;
	char *rest;
	size_t off, n = strlen(s);

	if (at == NULL)
		return;
	off = (size_t)(at - b->s);
	rest = xstrdup(at + n);
	b->len = off;
	color_add(b, p, s, n);
	buf_adds(b, rest);
	free(rest);
}

static void
paint_begin(struct doc *doc, const char *title)
{
	size_t at = doc->out.len;

	render_text.begin(doc, title);
	color_span(&doc->out, at, PAINT_HEADING);
}

static void
paint_index_begin(struct doc *doc)
{
	size_t at = doc->out.len;

	render_text.index_begin(doc);
	color_span(&doc->out, at, PAINT_HEADING);
}

static void
paint_index_item(struct doc *doc, long part, long last,
    const struct entry *e, struct target t)
{
	size_t at = doc->out.len;
	char date[32];

	render_text.index_item(doc, part, last, e, t);
	if (e != NULL)
		color_word(&doc->out, at, date_format(&e->date, date),
		    PAINT_DATE);
}

static void
paint_part_begin(struct doc *doc, size_t part, const char *heading)
{
	size_t at = doc->out.len;

	render_text.part_begin(doc, part, heading);
	color_span(&doc->out, at, PAINT_HEADING);
}

/* The fields begin with the date. */
static void
paint_fields(struct doc *doc, const struct entry *e)
{
	size_t at = doc->out.len;
	char date[32];

	render_text.fields(doc, e);
	color_word(&doc->out, at, date_format(&e->date, date), PAINT_DATE);
}

static void
paint_heading(struct doc *doc, const char *s)
{
	size_t at = doc->out.len;

	render_text.heading(doc, s);
	color_span(&doc->out, at, PAINT_HEADING);
}

/* The navigation block: its links are series references. */
static void
paint_nav(struct doc *doc, const struct nav *nav)
{
	size_t at = doc->out.len;

	render_text.nav(doc, nav);
	color_span(&doc->out, at, PAINT_REF);
}

const struct renderer *
color_renderer(const struct renderer *base, bool paint)
{
	static struct renderer r;

	if (base != &render_text || !paint)
		return base;
	if (r.name == NULL) {
		r = render_text;
		r.begin = paint_begin;
		r.index_begin = paint_index_begin;
		r.index_item = paint_index_item;
		r.part_begin = paint_part_begin;
		r.fields = paint_fields;
		r.heading = paint_heading;
		r.nav = paint_nav;
	}
	return &r;
}
