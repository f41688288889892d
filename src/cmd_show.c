/*
 * dailylog show: entries rendered for reading, each with its series
 * navigation; a series named alone is its latest part.  Links in show
 * name the other parts by reference (badge:3), which is what show itself
 * takes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "comments.h"
#include "ctx.h"
#include "diag.h"
#include "entry.h"
#include "index.h"
#include "lang.h"
#include "output.h"
#include "pager.h"
#include "ref.h"
#include "render.h"
#include "series.h"
#include "store.h"
#include "text.h"

/*
 * The summaries of each series shown, loaded once: a file that does not
 * load is then reported once, however many of its parts are shown.
 */
struct seen {
	struct {
		char			*slug;
		struct parts		 sums;
	}	*v;
	size_t	 n;
};

static const struct entry_list *
series_summaries(struct store *st, struct seen *seen, const char *slug)
{
	for (size_t i = 0; i < seen->n; i++)
		if (strcmp(seen->v[i].slug, slug) == 0)
			return &seen->v[i].sums.l;
	seen->v = xreallocarray(seen->v, seen->n + 1, sizeof(*seen->v));
	seen->v[seen->n].slug = xstrdup(slug);
	/* index_load_series says what this lookup cannot see. */
	(void)index_load_series(st, slug, &seen->v[seen->n].sums);
	return &seen->v[seen->n++].sums.l;
}

static void
seen_free(struct seen *seen)
{
	for (size_t i = 0; i < seen->n; i++) {
		free(seen->v[i].slug);
		parts_free(&seen->v[i].sums);
	}
	free(seen->v);
}

/* The summary with e's ID: the one the series' parts point into. */
static const struct entry *
find_loaded(const struct entry_list *l, const struct entry *e)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i]->id, e->id) == 0)
			return l->v[i];
	return NULL;
}

/*
 * After the entry, its comments and approvals, oldest first: a heading
 * with the date and the author, the text wrapped under it.
 */
static void
show_comments(struct store *st, struct doc *doc, const struct entry *e)
{
	struct comment_list l;
	struct buf safe = BUF_INIT;
	char date[17];

	comments_load(st, e->id, &l);
	for (size_t i = 0; i < l.n; i++) {
		const struct comment *c = &l.v[i];

		/* One blank line before each, however the entry ended. */
		while (doc->out.len > 1 &&
		    doc->out.s[doc->out.len - 1] == '\n' &&
		    doc->out.s[doc->out.len - 2] == '\n')
			doc->out.s[--doc->out.len] = '\0';
		buf_reset(&safe);
		buf_addf(&safe, "%s%s ", lang_label(doc->lang, c->approval ?
		    LB_APPROVAL : LB_COMMENT), date_format(&c->date, date));
		text_sanitize(&safe, c->author, strlen(c->author), false);
		buf_addf(&doc->out, "\n%s\n", safe.s);
		if (c->text == NULL)
			continue;
		buf_reset(&safe);
		text_sanitize(&safe, c->text, strlen(c->text), false);
		buf_adds(&doc->out, "  ");
		text_wrap(&doc->out, safe.s, safe.len, doc->width, 2, 2, NULL);
		if (doc->out.s[doc->out.len - 1] != '\n')
			buf_addc(&doc->out, '\n');
	}
	comments_free(&l);
	buf_free(&safe);
}

/*
 * One entry: an ID is read from its own file, a part found among its
 * series' summaries; then its series' other parts give the navigation,
 * and in text, its comments follow.
 */
static int
show_one(struct store *st, struct seen *seen, const char *ref,
    const struct renderer *r, int width, bool color)
{
	const struct entry_list *l = NULL;
	const struct entry *e;
	struct entry *found;
	struct series s;
	struct doc doc;
	struct ref parsed;
	int rc;

	if (ref_parse(ref, &parsed) == REF_PART)
		l = series_summaries(st, seen, parsed.slug);
	if (catalog_resolve_latest(st, l, ref, &found) != 0)
		return -1;
	if (ref_is_series(&parsed) && found->series != NULL &&
	    strcmp(found->series, ref) == 0 && strcmp(found->id, ref) != 0)
		diag("%s is a series: its latest part, %s:%ld, follows; "
		    "'dailylog render %s' shows them all", ref, ref,
		    found->part, ref);
	memset(&s, 0, sizeof(s));
	if (found->series != NULL)
		l = series_summaries(st, seen, found->series);
	if (l != NULL && (e = find_loaded(l, found)) != NULL &&
	    e->series != NULL) {
		if ((rc = series_settings_load(st, e->series, &s.set)) != 0)
			goto out;
		series_collect(l, e->series, &s);
		/* The other parts are summaries; this one is shown whole. */
		for (size_t i = 0; i < s.n; i++)
			if (s.parts[i] == e)
				s.parts[i] = found;
	}
	render_doc_init(&doc, r, s.parts != NULL ? &s : NULL);
	if (s.parts == NULL)
		doc.lang = st->lang;
	doc.width = width;
	doc.color = color;
	render_entry(&doc, found);
	if (r == &render_text)
		show_comments(st, &doc, found);
	out_buf(&doc.out);
	buf_free(&doc.out);
	rc = 0;
out:
	series_free(&s);
	entry_free(found);
	free(found);
	return rc;
}

int
cmd_show(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 },
	};
	const struct renderer *r = &render_text;
	struct seen seen = { NULL, 0 };
	struct store *st = &ctx->st;
	int ch, rc = 0, width = -1;
	bool color;

	while ((ch = getopt_long(argc, argv, ":f:", opts, NULL)) != -1) {
		if (ch == 'f' && cli_entry_format("show", optarg, &r) != 0)
			return -1;
		else if (ch == 'w' && cli_width("show", optarg, &width) != 0)
			return -1;
		else if (ch != 'f' && ch != 'w')
			return option_error("show", ch, argv, opts);
	}
	if (optind == argc)
		return usage_error("show", "name an entry: ID, ID prefix or "
		    "SERIES:PART");
	if (ctx_open(ctx) != 0)
		return -1;
	if (width < 0)
		width = ctx_width(ctx, STDOUT_FILENO);
	color = r == &render_text && ctx_color(ctx, STDOUT_FILENO);
	pager_start(ctx_pager(ctx));
	for (int i = optind; i < argc; i++) {
		if (show_one(st, &seen, argv[i], r, width, color) != 0)
			rc = -1;
		else if (i + 1 < argc)
			fputs("\n", stdout);	/* a blank line between entries */
	}
	seen_free(&seen);
	return out_finish() != 0 ? -1 : rc;
}
