/*
 * dailylog show: entries rendered for reading, each with its series
 * navigation.  Links in show name the other parts by reference
 * (badge:3), which is what show itself takes.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "color.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "entry.h"
#include "index.h"
#include "output.h"
#include "pager.h"
#include "ref.h"
#include "render.h"
#include "series.h"
#include "store.h"

/* The summary with e's ID: the one the series' parts point into. */
static const struct entry *
find_loaded(const struct entry_list *l, const struct entry *e)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i]->id, e->id) == 0)
			return l->v[i];
	return NULL;
}

static int
show_one(struct store *st, const struct entry_list *l, const char *ref,
    const struct renderer *r, int width)
{
	const struct entry *e;
	struct entry *found;
	struct series s;
	struct doc doc;
	int rc;

	if ((rc = catalog_resolve_in(st, l, ref, &found)) != 0)
		return rc;
	memset(&s, 0, sizeof(s));
	if ((e = find_loaded(l, found)) != NULL && e->series != NULL) {
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
	render_entry(&doc, found);
	out_buf(&doc.out);
	buf_free(&doc.out);
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
	struct entry_list l;
	struct store *st = &ctx->st;
	struct ref first;
	int ch, rc = 0, width = -1, bad;

	while ((ch = getopt_long(argc, argv, ":f:", opts, NULL)) != -1) {
		if (ch == 'f' &&
		    (rc = cli_format("show", optarg, &r)) != 0)
			return rc;
		else if (ch == 'w' &&
		    (rc = cli_width("show", optarg, &width)) != 0)
			return rc;
		else if (ch != 'f' && ch != 'w')
			return option_error("show", argv, opts);
	}
	if (optind == argc)
		return usage_error("show", "name an entry: ID, ID prefix or "
		    "SERIES:PART");
	if ((rc = ctx_open(ctx)) != 0)
		return rc;
	if (width < 0)
		width = ctx_width(ctx, STDOUT_FILENO);
	r = color_renderer(r, ctx_color(ctx, STDOUT_FILENO));
	pager_start(ctx_pager(ctx));
	/* One SERIES:PART needs only its series: no walk of the store
	 * (index_load_series says what that lookup cannot see). */
	if (argc - optind == 1 && ref_parse(argv[optind], &first) == REF_PART)
		(void)index_load_series(st, first.slug, &l, &bad);
	else
		(void)index_load(st, &l, &bad);
	for (int i = optind; i < argc; i++) {
		int one = show_one(st, &l, argv[i], r, width);

		if (one != 0 && rc == 0)
			rc = one;
		if (one == 0 && i + 1 < argc)
			fputs("\n", stdout);	/* a blank line between entries */
	}
	entry_list_free(&l);
	if (out_finish() != 0 && rc == 0)
		rc = EXIT_IOERR;
	return rc;
}
