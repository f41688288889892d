/*
 * dailylog rm: remove entries.  Every reference is resolved before
 * anything is removed, so a typo removes nothing; on a terminal the
 * entries are listed and the question asked unless -f; the catalog
 * removes each file at once.  The IDs removed are printed, one a line.
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
#include "ctx.h"
#include "diag.h"
#include "entry.h"
#include "git.h"
#include "output.h"
#include "text.h"

struct rm_opts {
	bool	force;		/* -f: never ask */
	bool	dry_run;	/* -n: only say what would go */
};

static int
parse_options(int argc, char **argv, struct rm_opts *o)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	while ((ch = getopt_long(argc, argv, ":fn", opts, NULL)) != -1) {
		if (ch == 'f')
			o->force = true;
		else if (ch == 'n')
			o->dry_run = true;
		else
			return option_error("rm", ch, argv, opts);
	}
	if (optind == argc)
		return usage_error("rm", "name the entries to remove: ID, ID "
		    "prefix, SERIES:PART, @ or @~N");
	return 0;
}

/* "ID  DATE  SERIES:PART  TITLE", safe for a terminal. */
static void
describe(struct buf *b, const struct entry *e)
{
	char date[17];

	buf_addf(b, "  %s  %s  ", e->id, date_format(&e->date, date));
	if (e->series != NULL)
		buf_addf(b, "%s:%ld  ", e->series, e->part);
	text_sanitize(b, e->title, strlen(e->title), false);
	buf_addc(b, '\n');
}

/* Whether l has e's file already. */
static bool
named(const struct entry_list *l, const struct entry *e)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i]->path, e->path) == 0)
			return true;
	return false;
}

/* The entries listed on stderr, and a yes read from the terminal. */
static bool
confirmed(struct entry *const *v, size_t n)
{
	struct buf b = BUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	bool yes;

	for (size_t i = 0; i < n; i++)
		describe(&b, v[i]);
	buf_addf(&b, "Remove %s? [y/N] ", n == 1 ? "this entry" :
	    "these entries");
	fputs(b.s, stderr);
	fflush(stderr);
	buf_free(&b);
	yes = getline(&line, &cap, stdin) > 0 && (line[0] == 'y' ||
	    line[0] == 'Y');
	free(line);
	return yes;
}

int
cmd_rm(struct ctx *ctx, int argc, char **argv)
{
	struct rm_opts o = { false, false };
	struct entry_list l = { NULL, 0 };
	struct strlist removed = { NULL, 0 };
	int rc = 0;

	if (parse_options(argc, argv, &o) != 0 || ctx_open(ctx) != 0)
		return -1;
	for (int i = optind; i < argc; i++) {
		struct entry *e;

		if (catalog_resolve(&ctx->st, argv[i], &e) != 0)
			rc = -1;
		else if (named(&l, e)) {	/* named twice */
			entry_free(e);
			free(e);
		} else
			entry_list_add(&l, e);
	}
	if (rc != 0)
		diag("nothing removed");
	else if (o.dry_run) {
		struct buf b = BUF_INIT;

		for (size_t i = 0; i < l.n; i++)
			describe(&b, l.v[i]);
		out_buf(&b);
		buf_free(&b);
		rc = out_finish();
	} else if (!o.force && isatty(STDIN_FILENO) && !confirmed(l.v, l.n))
		diag("nothing removed");
	else {
		struct buf msg = BUF_INIT;

		rc = catalog_remove(&ctx->st, l.v, l.n, &removed);
		/* removed keeps the order of l, less what failed. */
		for (size_t i = 0, k = 0; i < l.n && k < removed.n; i++)
			if (strcmp(removed.v[k], l.v[i]->path) == 0) {
				puts(l.v[i]->id);
				buf_addf(&msg, "%s: %s\n", l.v[i]->id,
				    l.v[i]->title);
				k++;
			}
		if (out_finish() != 0)
			rc = -1;
		if (removed.n == 1 && git_commit_changes(ctx, "rm %s",
		    msg.s) != 0)
			rc = -1;
		else if (removed.n > 1 && git_commit_changes(ctx, "rm %zu "
		    "entries\n\n%s", removed.n, msg.s) != 0)
			rc = -1;
		buf_free(&msg);
	}
	strlist_free(&removed);
	entry_list_free(&l);
	return rc;
}
