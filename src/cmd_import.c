/*
 * dailylog import: entries from a YAML stream, a JSON array, JSON Lines
 * or jrnl's JSON export, all or none.  import_read reads and validates
 * every entry first; then catalog_add_batch stores them, all or none
 * even when killed, skipping those the store holds already.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "import.h"
#include "output.h"
#include "store.h"
#include "yaml_read.h"

#define IMPORT_MAX	(64 * 1024 * 1024)	/* bytes of input */

/*
 * Store the batch, all or none, each entry without an author with the
 * writer's, print the new IDs (not the skipped), and commit them in a
 * git store.
 */
static int
store_batch(struct ctx *ctx, const char *name, struct entry_list *b)
{
	struct buf list = BUF_INIT;
	char *author = git_author(ctx);
	size_t n = 0;
	int rc;

	for (size_t i = 0; author != NULL && i < b->n; i++)
		if (b->v[i]->author == NULL)
			b->v[i]->author = xstrdup(author);
	free(author);
	if (catalog_add_batch(&ctx->st, name, b->v, b->n) != 0)
		return -1;
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i]->id != NULL) {
			printf("%s\n", b->v[i]->id);
			buf_addf(&list, "%s: %s\n", b->v[i]->id,
			    b->v[i]->title);
			n++;
		}
	rc = out_finish();
	if (git_commit_changes(ctx, "import %zu entr%s from %s\n\n%s", n,
	    n == 1 ? "y" : "ies", name, list.s ? list.s : "") != 0)
		rc = -1;
	buf_free(&list);
	return rc;
}

int
cmd_import(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ NULL, 0, NULL, 0 },
	};
	struct entry_list b;
	const char *name;
	char *buf;
	size_t len;
	int ch, rc;

	if ((ch = getopt_long(argc, argv, "+:", opts, NULL)) != -1)
		return option_error("import", ch, argv, opts);
	if (argc - optind != 1)
		return usage_error("import", argc == optind ?
		    "which file? ('-' for the standard input)" :
		    "one file at a time");
	if ((rc = ctx_open(ctx)) != 0)
		return rc;
	if ((rc = fsio_read_input(argv[optind], IMPORT_MAX, &name, &buf,
	    &len)) != 0)
		return rc;
	rc = import_read(name, buf, len, &b);
	free(buf);
	if (rc != 0)
		diag("import: nothing was imported");
	else if (b.n == 0)
		diag("import: %s has no entries", name);
	else
		rc = store_batch(ctx, name, &b);
	entry_list_free(&b);
	return rc;
}
