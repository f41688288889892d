/*
 * HTML5 output with a small built-in style sheet.  One document: the
 * index links to <section id="part-NN"> elements; -o DIR/: one file per
 * part, whose <head> names its neighbours with <link rel="prev"/"next">.
 * The head is written when the first thing after it is known (the index
 * or a part), so a part file's head can name that part's neighbours.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "buf.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "series.h"

struct html {
	char	*title;		/* for <title> */
	bool	 body;		/* the head is written */
	size_t	 part;		/* the part being drawn */
};

static const char style[] =
"<style>\n"
"body { max-width: 40em; margin: 2em auto; padding: 0 1em; line-height: 1.7;\n"
"  font-family: system-ui, -apple-system, \"Hiragino Sans\", \"Noto Sans CJK JP\", sans-serif; }\n"
"nav { margin: 1.5em 0; }\n"
"nav p { margin: 0.2em 0; }\n"
"nav a, nav span { display: inline-block; min-width: 6em; margin-right: 0.5em; }\n"
".missing { color: #888; }\n"
"dl { display: grid; grid-template-columns: max-content auto; gap: 0 1em; }\n"
"dt { grid-column: 1; font-weight: bold; }\n"
"dd { grid-column: 2; margin: 0; }\n"
"</style>\n";

/* The one escaping function for entry text; control characters become U+FFFD. */
static void
html_escape(struct buf *b, const char *s)
{
	unsigned char c;

	for (; (c = (unsigned char)*s) != '\0'; s++) {
		switch (c) {
		case '&':	buf_adds(b, "&amp;"); break;
		case '<':	buf_adds(b, "&lt;"); break;
		case '>':	buf_adds(b, "&gt;"); break;
		case '"':	buf_adds(b, "&quot;"); break;
		case '\'':	buf_adds(b, "&#39;"); break;
		default:
			if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
				buf_adds(b, "\xEF\xBF\xBD");
			else
				buf_addc(b, c);
		}
	}
}

static void
html_anchor(struct doc *d, struct target t, const char *label,
    const char *rel)
{
	buf_adds(&d->out, "<a href=\"");
	render_href(&d->out, d, t);
	buf_addc(&d->out, '"');
	if (rel != NULL)
		buf_addf(&d->out, " rel=\"%s\"", rel);
	buf_addc(&d->out, '>');
	html_escape(&d->out, label);
	buf_adds(&d->out, "</a>");
}

static void
html_link(struct doc *d, struct target t, const char *label)
{
	html_anchor(d, t, label, NULL);
}

static void
html_missing(struct doc *d, const char *label)
{
	buf_adds(&d->out, "<span class=\"missing\">");
	html_escape(&d->out, label);
	buf_adds(&d->out, "</span>");
}

static void
head_link(struct doc *d, const char *rel, size_t part)
{
	buf_addf(&d->out, "<link rel=\"%s\" href=\"", rel);
	render_href(&d->out, d, (struct target){ part, false });
	buf_adds(&d->out, "\">\n");
}

/*
 * The head and the page's <h1>, the series title.  A part file (part is
 * not NULL) links to the parts before and after it, and its <h1> to the
 * index.
 */
static void
html_head(struct doc *d, const size_t *part)
{
	struct html *h = d->priv;

	if (h->body)
		return;
	h->body = true;
	buf_adds(&d->out, "<!doctype html>\n<html lang=\"");
	html_escape(&d->out, lang_name(d->lang));
	buf_adds(&d->out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	html_escape(&d->out, h->title);
	buf_adds(&d->out, "</title>\n");
	if (part != NULL && *part > 0)
		head_link(d, "prev", *part - 1);
	if (part != NULL && *part + 1 < d->series->n)
		head_link(d, "next", *part + 1);
	buf_adds(&d->out, style);
	buf_adds(&d->out, "</head>\n<body>\n<h1>");
	if (d->series == NULL)
		html_escape(&d->out, h->title);
	else if (part != NULL)
		html_link(d, (struct target){ 0, true }, d->series->set.title);
	else
		html_escape(&d->out, d->series->set.title);
	buf_adds(&d->out, "</h1>\n");
}

static void
html_begin(struct doc *d, const char *title)
{
	struct html *h = xcalloc(1, sizeof(*h));

	h->title = xstrdup(title);
	d->priv = h;
}

static void
html_end(struct doc *d)
{
	struct html *h = d->priv;

	html_head(d, NULL);
	buf_adds(&d->out, "</body>\n</html>\n");
	free(h->title);
	free(h);
	d->priv = NULL;
}

static void
html_index_begin(struct doc *d)
{
	html_head(d, NULL);
	buf_adds(&d->out, "<nav class=\"index\" id=\"index\">\n<ul>\n");
}

static void
html_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	struct buf label = BUF_INIT;

	buf_adds(&d->out, "<li>");
	if (e == NULL) {
		series_label_range(&label, &d->series->set,
		    d->series->set.label_missing, part, last);
		html_missing(d, buf_str(&label));
	} else {
		render_heading(&label, d->series, t.part);
		html_link(d, t, buf_str(&label));
	}
	buf_adds(&d->out, "</li>\n");
	buf_free(&label);
}

static void
html_index_end(struct doc *d)
{
	buf_adds(&d->out, "</ul>\n</nav>\n");
}

static void
html_part_begin(struct doc *d, size_t part, const char *heading)
{
	struct html *h = d->priv;

	html_head(d, d->split ? &part : NULL);
	h->part = part;
	buf_adds(&d->out, "<section");
	if (d->series != NULL) {
		buf_adds(&d->out, " id=\"");
		render_part_name(&d->out, d->series, part);
		buf_addc(&d->out, '"');
	}
	buf_adds(&d->out, ">\n<h2>");
	html_escape(&d->out, heading);
	buf_adds(&d->out, "</h2>\n");
}

static void
html_part_end(struct doc *d, size_t part)
{
	(void)part;
	buf_adds(&d->out, "</section>\n");
}

static void
html_heading(struct doc *d, const char *s)
{
	buf_adds(&d->out, "<h3>");
	html_escape(&d->out, s);
	buf_adds(&d->out, "</h3>\n");
}

static void
html_paragraph(struct doc *d, const char *s)
{
	buf_adds(&d->out, "<p>");
	html_escape(&d->out, s);
	buf_adds(&d->out, "</p>\n");
}

static void
html_list(struct doc *d, char *const *items, size_t n)
{
	buf_adds(&d->out, "<ul>\n");
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "<li>");
		html_escape(&d->out, items[i]);
		buf_adds(&d->out, "</li>\n");
	}
	buf_adds(&d->out, "</ul>\n");
}

/* Which rel an adjacent part's link carries. */
static const char *
nav_rel(const struct html *h, const struct nav_link *l)
{
	if (l->kind == NAV_NEXT || (l->kind != NAV_INDEX &&
	    l->target == h->part + 1))
		return "next";
	if (l->kind != NAV_INDEX && l->target + 1 == h->part)
		return "prev";
	return NULL;
}

/* One <p> per row; spaces between links collapse, so CSS spaces them. */
static void
html_nav(struct doc *d, const struct nav *nav)
{
	const struct html *h = d->priv;

	buf_adds(&d->out, "<nav>\n");
	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];

		buf_adds(&d->out, "<p>");
		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];

			if (i > row->first)
				buf_addc(&d->out, '\n');
			if (l->kind == NAV_MISSING)
				html_missing(d, l->label);
			else
				html_anchor(d, (struct target){ l->target,
				    l->kind == NAV_INDEX }, l->label,
				    nav_rel(h, l));
		}
		buf_adds(&d->out, "</p>\n");
	}
	buf_adds(&d->out, "</nav>\n");
}

/* One <dt>, one <dd> per value. */
static void
html_field(struct doc *d, enum label field, const char *label,
    char *const *v, size_t n)
{
	(void)field;
	buf_adds(&d->out, "<dt>");
	html_escape(&d->out, label);
	buf_adds(&d->out, "</dt>");
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "<dd>");
		html_escape(&d->out, v[i]);
		buf_adds(&d->out, "</dd>");
	}
	buf_addc(&d->out, '\n');
}

static void
html_fields(struct doc *d, const struct entry *e)
{
	buf_adds(&d->out, "<dl>\n");
	render_fields(d, e, html_field);
	buf_adds(&d->out, "</dl>\n");
}

const struct renderer render_html = {
	"html", "html",
	html_begin, html_end,
	html_index_begin, html_index_item, html_index_end,
	html_part_begin, html_fields, html_part_end,
	html_heading, html_paragraph, html_list,
	html_nav, html_link,
};
