/*
 * Content for static-site generators: -o DIR/ holds _index.md, the
 * series' section page, and part-NN.md, each Markdown (drawn by the
 * Markdown renderer) after YAML front matter: title, date, draft,
 * weight (the part number), series, tags and, where the series has
 * outgrown two digits, aliases for the shorter part-NN/ names its pages
 * had before.  Hugo builds the directory as-is under content/; the same
 * keys are Jekyll's.  Links are relative to the pages' URLs as Hugo
 * makes them by default (content/badge/part-03.md at badge/part-03/):
 * ../part-02/ from a part, part-02/ from the index, ../ back to it;
 * Hugo takes a relative alias from the content file's directory.
 * Strings are written as JSON strings, which YAML reads the same.
 */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "json.h"
#include "nav.h"
#include "render.h"
#include "series.h"

#define HUGO_INDEX	"_index"

static bool
in_index(const struct doc *d)
{
	return d->file != NULL && strncmp(d->file, HUGO_INDEX ".",
	    sizeof(HUGO_INDEX)) == 0;
}

static void
hugo_href(struct buf *b, const struct doc *d, struct target t)
{
	if (!in_index(d))
		buf_adds(b, "../");
	if (!t.index) {
		render_part_name(b, d->series, t.part);
		buf_addc(b, '/');
	}
}

static void
yaml_line(struct buf *b, const char *key, const char *value)
{
	buf_addf(b, "%s: ", key);
	json_string(b, value);
	buf_addc(b, '\n');
}

/* The names part i had with fewer digits: part-7 of 120 was part-07. */
static void
hugo_aliases(struct doc *d, size_t i)
{
	long part = d->series->parts[i]->part, limit = 100;
	int digits = 1;
	bool any = false;

	for (long last = series_last(d->series); last >= 10; last /= 10)
		digits++;
	/* Names are at least two digits wide: part-07 is the first. */
	for (int k = 2; k < digits; k++, limit *= 10) {
		if (part >= limit)
			continue;
		buf_adds(&d->out, any ? ", " : "aliases: [");
		buf_addf(&d->out, "\"part-%0*ld/\"", k, part);
		any = true;
	}
	if (any)
		buf_adds(&d->out, "]\n");
}

static void
hugo_begin(struct doc *d, const char *title)
{
	(void)d;
	(void)title;
}

static void
hugo_end(struct doc *d)
{
	(void)d;
}

/* The section page: the series' title and description, then its index. */
static void
hugo_index_begin(struct doc *d)
{
	const struct series_settings *set = &d->series->set;

	buf_adds(&d->out, "---\n");
	yaml_line(&d->out, "title", set->title);
	if (set->description != NULL)
		yaml_line(&d->out, "description", set->description);
	buf_adds(&d->out, "---\n\n");
	render_markdown.index_begin(d);
}

static void
hugo_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	render_markdown.index_item(d, part, last, e, t);
}

static void
hugo_index_end(struct doc *d)
{
	render_markdown.index_end(d);
}

/* The front matter; the site's templates draw the title. */
static void
hugo_part_begin(struct doc *d, size_t part, const char *heading)
{
	const struct entry *e = d->series->parts[part];

	buf_adds(&d->out, "---\n");
	yaml_line(&d->out, "title", heading);
	buf_adds(&d->out, "date: ");
	render_date_rfc3339(&d->out, e);
	buf_addf(&d->out, "\ndraft: %s\nweight: %ld\nseries: [",
	    e->draft ? "true" : "false", e->part);
	json_string(&d->out, d->series->set.title);
	buf_adds(&d->out, "]\n");
	if (e->tags.n > 0) {
		buf_adds(&d->out, "tags: [");
		for (size_t i = 0; i < e->tags.n; i++) {
			if (i > 0)
				buf_adds(&d->out, ", ");
			json_string(&d->out, e->tags.v[i]);
		}
		buf_adds(&d->out, "]\n");
	}
	hugo_aliases(d, part);
	buf_adds(&d->out, "---\n\n");
}

static void
hugo_fields(struct doc *d, const struct entry *e)
{
	render_markdown.fields(d, e);
}

static void
hugo_part_end(struct doc *d, size_t part)
{
	(void)d;
	(void)part;
}

static void
hugo_heading(struct doc *d, const char *s)
{
	render_markdown.heading(d, s);
}

static void
hugo_paragraph(struct doc *d, const char *s)
{
	render_markdown.paragraph(d, s);
}

static void
hugo_list(struct doc *d, char *const *items, size_t n)
{
	render_markdown.list(d, items, n);
}

static void
hugo_nav(struct doc *d, const struct nav *nav)
{
	render_markdown.nav(d, nav);
}

static void
hugo_link(struct doc *d, struct target t, const char *label)
{
	render_markdown.link(d, t, label);
}

const struct renderer render_hugo = {
	"hugo", "md",
	hugo_begin, hugo_end,
	hugo_index_begin, hugo_index_item, hugo_index_end,
	hugo_part_begin, hugo_fields, hugo_part_end,
	hugo_heading, hugo_paragraph, hugo_list,
	hugo_nav, hugo_link,
	RENDER_DIR_ONLY, HUGO_INDEX, hugo_href,
};
