/*
 * Walking a series for a renderer: the format table, addresses, headings,
 * and the order of a document.  What each format looks like is in its
 * own render_*.c.
 */
#include <string.h>

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

void
render_doc_init(struct doc *doc, const struct renderer *r,
    const struct series *s)
{
	memset(doc, 0, sizeof(*doc));
	doc->r = r;
	doc->series = s;
	doc->lang = s != NULL ? s->set.lang : LANG_DEFAULT;
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
		if (!t.index)
			buf_addf(b, ":%ld", s->parts[t.part]->part);
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
	if (!doc->split)
		buf_addc(b, '#');
	if (t.index)
		buf_adds(b, "index");
	else
		render_part_name(b, s, t.part);
	if (doc->split)
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

/* Draw entry e's body blocks with doc's renderer. */
static void
render_body(struct doc *doc, const struct entry *e)
{
	const struct renderer *r = doc->r;
	struct markup m;
	struct buf para = BUF_INIT;

	if (e->body == NULL)
		return;
	markup_parse(e->body, &m);
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

/* Draw one part: heading, nav, fields, body, nav. */
static void
render_part(struct doc *doc, size_t i)
{
	const struct renderer *r = doc->r;
	struct buf heading = BUF_INIT;
	struct nav nav;

	render_heading(&heading, doc->series, i);
	nav_build(doc->series, i, &nav);
	r->part_begin(doc, i, buf_str(&heading));
	r->nav(doc, &nav);
	r->fields(doc, doc->series->parts[i]);
	render_body(doc, doc->series->parts[i]);
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
		r->fields(doc, e);
		render_body(doc, e);
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

int
render_split(struct doc *doc, int (*emit)(const char *name,
    const struct buf *, void *), void *arg)
{
	const struct renderer *r = doc->r;
	const struct series *s = doc->series;
	struct buf name = BUF_INIT, heading = BUF_INIT;
	int rc;

	doc->split = true;
	buf_addf(&name, "index.%s", r->ext);
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
		render_part_name(&name, s, i);
		buf_addf(&name, ".%s", r->ext);
		doc->file = buf_str(&name);
		buf_reset(&heading);
		render_heading(&heading, s, i);
		r->begin(doc, buf_str(&heading));
		render_part(doc, i);
		r->end(doc);
		rc = emit(name.s, &doc->out, arg);
	}
	doc->file = NULL;
	buf_free(&doc->out);
	buf_free(&name);
	buf_free(&heading);
	return rc;
}
