/* dailylog edit: change an entry in the editor, validated, replaced atomically. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "diag.h"
#include "editor.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "store.h"
#include "yaml_read.h"

static bool
same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

int
cmd_edit(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct entry *old = NULL, new;
	struct store *st = &ctx->st;
	struct buf name = BUF_INIT;
	char *draft = NULL, *orig = NULL, *text = NULL;
	size_t origlen = 0, len;
	bool resumed;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1)
		return option_error("edit", argv, opts);
	if (argc - optind != 1)
		return usage_error("edit", "give one entry: ID, ID prefix or "
		    "SERIES:PART");
	if ((rc = ctx_open(ctx)) != 0)
		return rc;
	entry_init(&new);
	if ((rc = catalog_resolve(st, argv[optind], &old)) != 0)
		goto out;
	buf_addf(&name, "%s.yaml", old->id);
	if ((rc = draft_path(st, name.s, &draft)) != 0)
		goto out;
	if ((rc = file_read(old->path, ENTRY_MAX_FILE, &orig, &origlen)) != 0)
		goto out;
	resumed = access(draft, F_OK) == 0;
	if (resumed)
		diag("resuming your earlier draft %s", draft);
	else if ((rc = fsio_store_file(draft, orig, origlen, FSIO_NEW)) != 0)
		goto out;
	if ((rc = editor_run(ctx_editor(ctx), draft)) != 0) {
		diag("the draft is kept in %s; 'dailylog edit %s' reopens it",
		    draft, argv[optind]);
		goto out;
	}
	if ((rc = file_read(draft, ENTRY_MAX_FILE, &text, &len)) != 0)
		goto out;
	if (same(text, len, orig, origlen)) {
		unlink(draft);
		diag("no changes to %s", old->id);
		goto out;
	}
	if ((rc = entry_load_buf(draft, text, len, &new, false)) == 0)
		rc = catalog_replace(st, old, resumed ? NULL : orig, origlen,
		    text, len, &new);
	if (rc == 0) {
		unlink(draft);
		diag("updated %s", old->path);
		rc = git_commit_changes(ctx, "edit %s: %s", old->id, new.title);
	} else
		diag("%s is unchanged; your version is kept in %s and "
		    "'dailylog edit %s' reopens it", old->path, draft,
		    argv[optind]);
out:
	if (old != NULL) {
		entry_free(old);
		free(old);
	}
	entry_free(&new);
	buf_free(&name);
	free(draft);
	free(orig);
	free(text);
	return rc;
}
