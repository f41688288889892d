/*
 * dailylog import: entries from a YAML stream, a JSON array, JSON Lines
 * or jrnl's JSON export, all or none.  import_read reads and validates
 * every entry first; then, under the store lock, parts are checked and
 * given, and the entries written; a failed write removes the ones
 * written before it.
 */
#include <errno.h>
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
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "import.h"
#include "store.h"
#include "walk.h"
#include "yaml_read.h"

#define IMPORT_MAX	(64 * 1024 * 1024)	/* bytes of input */

/* The highest part of series among the store's entries and the batch's. */
static long
highest_part(const struct entry_list *l, const struct import_batch *b,
    const char *series)
{
	long max = 0;

	for (size_t i = 0; i < l->n + b->n; i++) {
		const struct entry *e = i < l->n ? l->v[i] : b->v[i - l->n];

		if (e->series != NULL && strcmp(e->series, series) == 0 &&
		    e->part > max)
			max = e->part;
	}
	return max;
}

/*
 * Under the lock: refuse a part the store has taken, and give an entry
 * of a series without a part the next one, in input order, past every
 * part of the store and of the input (so no later entry's part is taken
 * by an earlier one's).
 */
static int
assign_parts(struct store *st, const char *name, struct import_batch *b)
{
	struct entry_list l;
	int bad, rc;

	if ((rc = walk_load_all(st->root, &l, &bad)) != 0)
		return rc;
	for (size_t i = 0; i < b->n; i++) {
		struct entry *e = b->v[i];

		for (size_t j = 0; e->part != 0 && j < l.n; j++)
			if (l.v[j]->series != NULL &&
			    strcmp(l.v[j]->series, e->series) == 0 &&
			    l.v[j]->part == e->part) {
				diag_error(name, e->pos[F_PART], "part %ld of "
				    "series '%s' is taken by %s", e->part,
				    e->series, l.v[j]->id);
				rc = EXIT_CANTCREAT;
			}
	}
	for (size_t i = 0; rc == 0 && i < b->n; i++) {
		struct entry *e = b->v[i];

		if (e->series == NULL || e->part != 0)
			continue;
		if (bad != 0) {
			diag("some entries of the store do not load (see "
			    "above), so the next part of '%s' is not known; "
			    "run 'dailylog check', or give the parts",
			    e->series);
			rc = bad;
			break;
		}
		e->part = highest_part(&l, b, e->series) + 1;
	}
	entry_list_free(&l);
	return rc;
}

/* Remove what this run wrote: nothing half-imported stays. */
static void
roll_back(struct import_batch *b, size_t written)
{
	size_t kept = 0;

	for (size_t i = 0; i < written; i++)
		if (unlink(b->v[i]->path) == -1) {
			diag("cannot remove %s: %s", b->v[i]->path,
			    strerror(errno));
			kept++;
		}
	if (kept == 0)
		diag("import: removed the %zu entries written before the "
		    "failure; nothing was imported", written);
	else
		diag("import: %zu of %zu entries written could not be removed",
		    kept, written);
}

static int
store_batch(struct store *st, const char *name, struct import_batch *b)
{
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if ((rc = assign_parts(st, name, b)) != 0) {
		store_unlock(st);
		diag("import: nothing was imported");
		return rc;
	}
	for (size_t i = 0; i < b->n; i++) {
		/* store_add checks each part again, under the lock. */
		if ((rc = catalog_add(st, b->v[i])) != 0) {
			roll_back(b, i);
			break;
		}
	}
	store_unlock(st);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < b->n; i++)
		printf("%s\n", b->v[i]->id);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IOERR;
}

static int
read_input(const char *file, const char **name, char **buf, size_t *len)
{
	if (strcmp(file, "-") == 0) {
		*name = "<stdin>";
		return fd_read(STDIN_FILENO, *name, IMPORT_MAX, buf, len);
	}
	*name = file;
	return file_read(file, IMPORT_MAX, buf, len);
}

int
cmd_import(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ NULL, 0, NULL, 0 },
	};
	struct import_batch b;
	struct store *st = &ctx->st;
	const char *name;
	char *buf;
	size_t len;
	int rc;

	if (getopt_long(argc, argv, "+:", opts, NULL) != -1)
		return option_error("import", argv, opts);
	if (argc - optind != 1)
		return usage_error("import", argc == optind ?
		    "which file? ('-' for the standard input)" :
		    "one file at a time");
	if ((rc = ctx_open(ctx)) != 0)
		return rc;
	if ((rc = read_input(argv[optind], &name, &buf, &len)) != 0)
		return rc;
	rc = import_read(name, buf, len, &b);
	free(buf);
	if (rc != 0)
		diag("import: nothing was imported");
	else if (b.n == 0)
		diag("import: %s has no entries", name);
	else
		rc = store_batch(st, name, &b);
	import_batch_free(&b);
	return rc;
}
