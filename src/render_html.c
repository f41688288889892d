/*
 * HTML5 output with a built-in style sheet, for reading on a screen of
 * any width and for print.  One document: the series title, the index
 * linking to <article id="part-NN"> elements, every part; -o DIR/: an
 * index page and one page per part, whose <head> names its neighbours
 * with <link rel="prev"/"next"> and the series' feed.
 *
 * A part is an <article>: its heading, "第16回／全17回" and its <time>,
 * then a navigation block at the top and at the end, each a <nav> with
 * its own aria-label: the previous and the next part as prominent links
 * with their titles, then the block of nav.c (the reference's: every
 * earlier part, the part itself marked aria-current="page", the next)
 * as one list laid out in per_row columns.  rel="prev" and rel="next"
 * go only to the adjacent parts.
 *
 * The head is written when the first thing after it is known (the index
 * or a part), so a part file's head can name that part's neighbours.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "render_html.h"
#include "series.h"

struct html {
	char	*title;		/* for <title> */
	bool	 body;		/* the head is written */
	size_t	 part;		/* the part being drawn */
	int	 navs;		/* navigation blocks drawn in the part */
};

/*
 * Japanese first: the fonts of macOS, Windows and Linux that have kana,
 * then sans-serif; never system-ui, which mixes a Latin font with kana
 * on Linux.  line-break: strict keeps ー and small kana off a line's
 * start.
 */
static const char style[] =
"<style>\n"
":root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e;\n"
"  --accent: #0b5cad; --line: #d1d9e0; --soft: #f6f8fa; }\n"
"@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3;\n"
"  --muted: #9198a1; --accent: #6cb6ff; --line: #3d444d; --soft: #161b22; } }\n"
"body { max-width: 40rem; margin: 0 auto; padding: 1rem 1.25rem 3rem;\n"
"  color: var(--fg); font-size: 1.0625rem; line-height: 1.85;\n"
"  font-family: \"Hiragino Sans\", \"Hiragino Kaku Gothic ProN\",\n"
"    \"BIZ UDPGothic\", \"Yu Gothic\", YuGothic, Meiryo, \"Noto Sans JP\",\n"
"    \"Noto Sans CJK JP\", sans-serif;\n"
"  line-break: strict; overflow-wrap: anywhere; }\n"
":lang(en) body, body:lang(en) { line-height: 1.6; }\n"
"a { color: var(--accent); text-underline-offset: 0.2em; }\n"
"h1, h2, h3 { line-height: 1.45; font-feature-settings: \"palt\";\n"
"  word-break: auto-phrase; }\n"
"h1 { font-size: 1.5rem; margin: 1.5rem 0 0.5rem; }\n"
"article h2 { font-size: 1.35rem; margin: 3rem 0 0.5rem; }\n"
"article h3 { font-size: 1.1rem; margin: 2rem 0 0.5rem;\n"
"  padding-left: 0.6rem; border-left: 4px solid var(--line); }\n"
".site { margin: 0; padding: 0.5rem 0; font-size: 0.9rem;\n"
"  border-bottom: 1px solid var(--line); }\n"
".site a { color: var(--muted); text-decoration: none; }\n"
".meta { margin: 0; color: var(--muted); font-size: 0.9rem; }\n"
".meta > * + *::before { content: \"・\"; }\n"
".draft-mark { color: #9a6700; font-weight: bold; }\n"
"nav.series { margin: 1.5rem 0; padding: 0.75rem 1rem; font-size: 0.95rem;\n"
"  background: var(--soft); border: 1px solid var(--line);\n"
"  border-radius: 8px; line-height: 1.6; }\n"
"nav ul, nav ol { list-style: none; margin: 0; padding: 0; }\n"
".pager { display: flex; gap: 1rem; margin-bottom: 0.75rem; }\n"
".pager li { flex: 1 1 0; min-width: 0; }\n"
".pager .up { flex: 0 0 auto; align-self: center; }\n"
".pager .next { text-align: right; }\n"
".pager a { display: block; text-decoration: none; }\n"
".pager .dir { display: block; font-size: 0.85rem; color: var(--muted); }\n"
".pager .title { font-weight: bold; }\n"
".parts { display: grid; grid-template-columns: repeat(var(--per-row, 3),\n"
"  minmax(0, 1fr)); gap: 0.2rem 1rem; }\n"
".parts .row { grid-column-start: 1; }\n"
".parts a, .strip a { text-decoration: none; }\n"
".parts a:hover, .strip a:hover { text-decoration: underline; }\n"
".strip { display: flex; flex-wrap: wrap; gap: 0.2rem 0.75rem; }\n"
"[aria-current=\"page\"] { font-weight: bold; padding: 0 0.4em;\n"
"  border-radius: 4px; background: var(--line); }\n"
".missing, .gap { color: var(--muted); }\n"
".index { margin: 1rem 0; padding-left: 2.5em; list-style: decimal; }\n"
".index li { margin: 0.5rem 0; padding-left: 0.3em; }\n"
".index li::marker { color: var(--muted);\n"
"  font-variant-numeric: tabular-nums; }\n"
".index time { display: block; color: var(--muted); font-size: 0.85rem;\n"
"  line-height: 1.4; font-variant-numeric: tabular-nums; }\n"
"dl.fields { display: grid; grid-template-columns: max-content 1fr;\n"
"  gap: 0.1rem 1rem; margin: 1.5rem 0; font-size: 0.95rem; }\n"
"dl.fields dt { grid-column: 1; color: var(--muted); }\n"
"dl.fields dd { grid-column: 2; margin: 0; }\n"
"ul.list { padding-left: 1.5em; }\n"
"@media print {\n"
"  body { max-width: none; font-size: 10.5pt; color: #000; }\n"
"  nav.series, .site, .feed { display: none; }\n"
"  a { color: inherit; text-decoration: none; }\n"
"  article { break-before: page; }\n"
"  h1, h2, h3 { break-after: avoid; }\n"
"}\n"
"</style>\n";

/*
 * The one escaping function for entry text; control characters and the
 * noncharacters U+FFFE and U+FFFF, which XML refuses (the feed draws its
 * content with these functions), become U+FFFD.
 */
void
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
			else if (c == 0xEF && (unsigned char)s[1] == 0xBF &&
			    ((unsigned char)s[2] & 0xFE) == 0xBE) {
				buf_adds(b, "\xEF\xBF\xBD");
				s += 2;
			} else
				buf_addc(b, c);
		}
	}
}

/* <time datetime="2026-09-01T09:30">2026-09-01 09:30</time> */
static void
html_time(struct buf *b, const struct entry *e)
{
	char date[17], *sp;

	date_format(&e->date, date);
	buf_adds(b, "<time datetime=\"");
	if ((sp = strchr(date, ' ')) != NULL) {
		buf_add(b, date, (size_t)(sp - date));
		buf_addf(b, "T%s", sp + 1);
	} else
		buf_adds(b, date);
	buf_addf(b, "\">%s</time>", date);
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
html_span(struct doc *d, const char *attrs, const char *label)
{
	buf_addf(&d->out, "<span %s>", attrs);
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

/* The address of this file where the series is published. */
static void
head_canonical(struct doc *d)
{
	buf_adds(&d->out, "<link rel=\"canonical\" href=\"");
	html_escape(&d->out, d->base_url);
	html_escape(&d->out, d->file);
	buf_adds(&d->out, "\">\n");
}

/*
 * The head, then the body's start.  A part file (part is not NULL)
 * links to the parts before and after it, and its page begins with a
 * link to the index; a directory's pages name the series' feed.
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
	if (d->split && d->series != NULL) {
		buf_adds(&d->out, "<link rel=\"alternate\" "
		    "type=\"application/atom+xml\" href=\"feed.atom\" "
		    "title=\"");
		html_escape(&d->out, d->series->set.title);
		buf_adds(&d->out, "\">\n");
		if (d->base_url != NULL)
			head_canonical(d);
	}
	buf_adds(&d->out, style);
	buf_adds(&d->out, "</head>\n<body>\n");
	if (d->series != NULL && part != NULL) {
		buf_adds(&d->out, "<p class=\"site\">");
		html_link(d, (struct target){ 0, true }, d->series->set.title);
		buf_adds(&d->out, "</p>\n");
	}
	buf_adds(&d->out, "<main>\n");
	if (d->series != NULL && part == NULL) {
		buf_adds(&d->out, "<h1>");
		html_escape(&d->out, d->series->set.title);
		buf_adds(&d->out, "</h1>\n");
	}
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
	buf_adds(&d->out, "</main>\n</body>\n</html>\n");
	free(h->title);
	free(h);
	d->priv = NULL;
}

static void
html_index_begin(struct doc *d)
{
	html_head(d, NULL);
	render_about(d);
	buf_addf(&d->out, "<nav id=\"index\" aria-label=\"%s\">\n"
	    "<ol class=\"index\">\n", lang_label(d->lang, LB_INDEX_NAME));
}

/* An item of the index: its number, date and the entry's title. */
static void
html_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	struct buf label = BUF_INIT;

	buf_addf(&d->out, "<li value=\"%ld\"", part);
	if (e == NULL) {
		series_label_range(&label, &d->series->set,
		    d->series->set.label_missing, part, last);
		buf_adds(&d->out, " class=\"missing\">");
		html_escape(&d->out, buf_str(&label));
	} else {
		buf_addc(&d->out, '>');
		html_time(&d->out, e);
		html_link(d, t, e->title);
		if (e->draft)
			html_span(d, "class=\"draft-mark\"",
			    lang_label(d->lang, LB_DRAFT));
	}
	buf_adds(&d->out, "</li>\n");
	buf_free(&label);
}

static void
html_index_end(struct doc *d)
{
	buf_adds(&d->out, "</ol>\n</nav>\n");
	if (d->split) {
		buf_adds(&d->out, "<p class=\"feed\"><a href=\"feed.atom\" "
		    "type=\"application/atom+xml\">");
		html_escape(&d->out, lang_label(d->lang, LB_FEED));
		buf_adds(&d->out, "</a></p>\n");
	}
}

/* The line under a heading: 第16回／全17回, the date, a draft's mark. */
static void
html_meta(struct doc *d, const struct entry *e)
{
	buf_adds(&d->out, "<p class=\"meta\">");
	if (d->series != NULL) {
		struct buf pos = BUF_INIT;

		buf_addf(&pos, lang_label(d->lang, LB_POSITION), e->part,
		    series_last(d->series));
		html_span(d, "class=\"position\"", buf_str(&pos));
		buf_free(&pos);
	}
	html_time(&d->out, e);
	if (e->draft)
		html_span(d, "class=\"draft-mark\"", lang_label(d->lang,
		    LB_DRAFT));
	buf_adds(&d->out, "</p>\n");
}

static void
html_part_begin(struct doc *d, size_t part, const char *heading)
{
	struct html *h = d->priv;
	const struct entry *e = NULL;
	const char *hn = d->split || d->series == NULL ? "h1" : "h2";

	html_head(d, d->split ? &part : NULL);
	h->part = part;
	h->navs = 0;
	buf_adds(&d->out, "<article");
	if (d->series != NULL) {
		e = d->series->parts[part];
		buf_adds(&d->out, " id=\"");
		render_part_name(&d->out, d->series, part);
		buf_addc(&d->out, '"');
		if (e->draft)
			buf_adds(&d->out, " class=\"draft\"");
	}
	buf_addf(&d->out, ">\n<header>\n<%s>", hn);
	html_escape(&d->out, heading);
	buf_addf(&d->out, "</%s>\n", hn);
	if (e != NULL)
		html_meta(d, e);
	buf_adds(&d->out, "</header>\n");
}

static void
html_part_end(struct doc *d, size_t part)
{
	(void)part;
	buf_adds(&d->out, "</article>\n");
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
	buf_adds(&d->out, "<ul class=\"list\">\n");
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "<li>");
		html_escape(&d->out, items[i]);
		buf_adds(&d->out, "</li>\n");
	}
	buf_adds(&d->out, "</ul>\n");
}

/* Which rel a link carries: only the adjacent parts have one. */
static const char *
nav_rel(const struct nav *nav, const struct nav_link *l)
{
	if (l->kind == NAV_INDEX || l->kind == NAV_MISSING ||
	    l->kind == NAV_CURRENT || l->kind == NAV_GAP)
		return NULL;
	if (l->target == nav->next)
		return "next";
	if (l->target == nav->prev)
		return "prev";
	return NULL;
}

/* The previous or the next part: its label, then its title. */
static void
pager_item(struct doc *d, const char *class, size_t at, const char *tmpl,
    const char *rel)
{
	const struct entry *e = d->series->parts[at];
	struct buf label = BUF_INIT;

	series_label(&label, &d->series->set, tmpl, e->part);
	buf_addf(&d->out, "<li class=\"%s\"><a href=\"", class);
	render_href(&d->out, d, (struct target){ at, false });
	buf_addf(&d->out, "\" rel=\"%s\"><span class=\"dir\">", rel);
	html_escape(&d->out, buf_str(&label));
	buf_adds(&d->out, "</span> <span class=\"title\">");
	html_escape(&d->out, e->title);
	buf_adds(&d->out, "</span></a></li>\n");
	buf_free(&label);
}

/*
 * Previous, index and next, the first and the last with their titles:
 * the links most readers follow (前へ｜目次｜次へ).
 */
static void
html_pager(struct doc *d, const struct nav *nav)
{
	buf_adds(&d->out, "<ul class=\"pager\">\n");
	if (nav->prev != NAV_NONE)
		pager_item(d, "prev", nav->prev, d->series->set.label_prev,
		    "prev");
	else
		buf_adds(&d->out, "<li class=\"prev\"></li>\n");
	buf_adds(&d->out, "<li class=\"up\">");
	html_link(d, (struct target){ 0, true }, d->series->set.label_index);
	buf_adds(&d->out, "</li>\n");
	if (nav->next != NAV_NONE)
		pager_item(d, "next", nav->next, d->series->set.label_next,
		    "next");
	else
		buf_adds(&d->out, "<li class=\"next\"></li>\n");
	buf_adds(&d->out, "</ul>\n");
}

static void
nav_entry(struct doc *d, const struct nav *nav, const struct nav_link *l)
{
	if (l->kind == NAV_MISSING)
		html_span(d, "class=\"missing\"", l->label);
	else if (l->kind == NAV_GAP)
		html_span(d, "class=\"gap\"", l->label);
	else if (l->kind == NAV_CURRENT)
		html_span(d, "aria-current=\"page\"", l->label);
	else
		html_anchor(d, (struct target){ l->target,
		    l->kind == NAV_INDEX }, l->label, nav_rel(nav, l));
}

/*
 * The block: the pager, then nav.c's rows as one list, each row
 * starting a grid row; the window layout's strip is a list that wraps,
 * and its row of cells is the pager's already.  Outside a series (show
 * of a lone entry) there is none.
 */
static void
html_nav(struct doc *d, const struct nav *nav)
{
	struct html *h = d->priv;

	if (d->series == NULL)
		return;
	buf_addf(&d->out, "<nav class=\"series\" aria-label=\"%s\">\n",
	    lang_label(d->lang, h->navs++ == 0 ? LB_NAV_TOP : LB_NAV_BOTTOM));
	html_pager(d, nav);
	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];

		if (nav->layout == LAYOUT_WINDOW && !row->strip)
			continue;

		if (row->strip)
			buf_adds(&d->out, "<ol class=\"strip\">\n");
		else if (r == 0 || nav->rows[r - 1].strip)
			buf_addf(&d->out, "<ol class=\"parts\" "
			    "style=\"--per-row: %d\">\n",
			    d->series->set.per_row);
		for (size_t i = row->first; i < row->first + row->n; i++) {
			buf_adds(&d->out, i == row->first && !row->strip ?
			    "<li class=\"row\">" : "<li>");
			nav_entry(d, nav, &nav->links[i]);
			buf_adds(&d->out, "</li>\n");
		}
		if (row->strip || r + 1 == nav->nrows ||
		    nav->rows[r + 1].strip)
			buf_adds(&d->out, "</ol>\n");
	}
	buf_adds(&d->out, "</nav>\n");
}

/*
 * One <dt>, one <dd> per value, but tags share one, joined by 、; the
 * date is in the part's header.
 */
static void
html_field(struct doc *d, enum label field, const char *label,
    char *const *v, size_t n)
{
	if (field == LB_DATE && d->series != NULL)
		return;
	buf_adds(&d->out, "<dt>");
	html_escape(&d->out, label);
	buf_adds(&d->out, "</dt>");
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || field != LB_TAGS)
			buf_adds(&d->out, "<dd>");
		else
			buf_adds(&d->out, lang_label(d->lang, LB_LIST_SEP));
		html_escape(&d->out, v[i]);
		if (i + 1 == n || field != LB_TAGS)
			buf_adds(&d->out, "</dd>");
	}
	buf_addc(&d->out, '\n');
}

/* The list, unless the date was all there was. */
static void
html_fields(struct doc *d, const struct entry *e)
{
	size_t at = d->out.len, open;

	buf_adds(&d->out, "<dl class=\"fields\">\n");
	open = d->out.len;
	render_fields(d, e, html_field);
	if (d->out.len == open) {
		d->out.len = at;
		d->out.s[at] = '\0';
	} else
		buf_adds(&d->out, "</dl>\n");
}

const struct renderer render_html = {
	"html", "html",
	html_begin, html_end,
	html_index_begin, html_index_item, html_index_end,
	html_part_begin, html_fields, html_part_end,
	html_heading, html_paragraph, html_list,
	html_nav, html_link,
	RENDER_SHOWS_CURRENT, NULL, NULL,
};
