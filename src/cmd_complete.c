/*
 * dailylog __complete WHAT: live values for the shell completion
 * scripts (completion/), one a line, and nothing else: the series
 * slugs, their SERIES:PART references, recent IDs (newest first),
 * clients or tags.  Hidden from the usage.  The scripts throw stderr
 * away: a completion must never print into the user's command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "entry.h"
#include "index.h"
#include "output.h"
#include "store.h"
#include "text.h"
#include "walk.h"

#define RECENT_IDS	100

/* Values that contain no newline and nothing unsafe are worth offering. */
static bool
offerable(const char *s)
{
	return s != NULL && *s != '\0' && strchr(s, '\n') == NULL &&
	    text_find_control(s, strlen(s)) == NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Print the strings sorted, each once. */
static void
print_unique(const char **v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			puts(v[i]);
}

static void
print_field(const struct entry_list *l, bool tags)
{
	const char **v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];
		size_t k = tags ? e->tags.n : 1;

		v = xreallocarray(v, n + k, sizeof(*v));
		for (size_t j = 0; j < k; j++) {
			const char *s = tags ? e->tags.v[j] : e->client;

			if (offerable(s))
				v[n++] = s;
		}
	}
	print_unique(v, n);
	free(v);
}

static void
print_refs(const struct entry_list *l, bool parts)
{
	const char **v = xreallocarray(NULL, l->n + 1, sizeof(*v));
	struct buf b = BUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];

		if (e->series == NULL)
			continue;
		if (!parts)
			v[n++] = e->series;
		else if (e->part > 0)
			buf_addf(&b, "%s:%ld\n", e->series, e->part);
	}
	print_unique(v, n);
	fputs(buf_str(&b), stdout);
	buf_free(&b);
	free(v);
}

enum listing { L_SERIES, L_REFS, L_IDS, L_CLIENTS, L_TAGS, L_COUNT };

static void
print_listing(const struct entry_list *l, enum listing what)
{
	switch (what) {
	case L_SERIES:
	case L_REFS:
		print_refs(l, what == L_REFS);
		break;
	case L_IDS:
		for (size_t i = l->n; i > 0 && i + RECENT_IDS > l->n; i--)
			puts(l->v[i - 1]->id);
		break;
	case L_CLIENTS:
	case L_TAGS:
		print_field(l, what == L_TAGS);
		break;
	case L_COUNT:
		break;
	}
}

int
cmd_complete(struct ctx *ctx, int argc, char **argv)
{
	static const char *const names[L_COUNT] = {
		"series", "refs", "ids", "clients", "tags"
	};
	struct entry_list l;
	struct store *st = &ctx->st;
	size_t what = L_COUNT;
	int rc;

	for (size_t i = 0; argc == 2 && i < L_COUNT; i++)
		if (strcmp(argv[1], names[i]) == 0)
			what = i;
	if (what == L_COUNT)
		return usage_error("__complete", "name one of series, refs, "
		    "ids, clients, tags");
	if (ctx_open(ctx) != 0)
		return -1;
	/* The summaries of the index hold every value offered. */
	if ((rc = index_load(st, &l)) == 0) {
		print_listing(&l, (enum listing)what);
		rc = out_finish();
	}
	entry_list_free(&l);
	return rc;
}
