/* dailylog edit: change an entry in the editor, validated, replaced atomically. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "editor.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "store.h"

/* One edit: the entry's file, its draft, and the text it began from. */
struct edit {
	const char	*ref;
	char		*path;
	struct draft	 d;
	char		*base;
	size_t		 baselen;
};

static bool
same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* The draft is kept: how to go on. */
static void
kept(const struct edit *ed)
{
	diag("%s is unchanged; your version is kept in %s and 'dailylog edit "
	    "%s' reopens it", ed->path, ed->d.path, ed->ref);
}

/* The entry changed on disk since the draft began: how to merge. */
static void
how_to_merge(const struct edit *ed)
{
	diag("your version is kept in %s; 'diff -u %s %s' shows the change "
	    "on disk, and 'dailylog edit --merge %s' merges it into your "
	    "draft and opens it", ed->d.path, ed->d.base, ed->path, ed->ref);
}

/*
 * Whether the entry no longer holds the text the draft began from (the
 * replace failed for that): then say how to go on.
 */
static bool
changed(const struct edit *ed)
{
	struct stat sb;
	char *now;
	size_t len;
	bool differs;

	if (lstat(ed->path, &sb) == -1) {
		diag("your version is kept in %s; 'dailylog add -F %s' adds it "
		    "as a new entry", ed->d.path, ed->d.path);
		return true;
	}
	diag_ignore(ed->path);
	differs = file_read(ed->path, EDIT_MAX_FILE, &now, &len) == 0 &&
	    !same(now, len, ed->base, ed->baselen);
	diag_ignore(NULL);
	if (differs)
		how_to_merge(ed);
	free(now);
	return differs;
}

/*
 * A kept draft: resumed only when the entry still holds the text it
 * began from (or after --merge), so that a change made on disk
 * meanwhile is never overwritten.
 */
static int
resume(struct edit *ed, bool merge)
{
	char *now, *text;
	size_t nowlen, len;
	int rc;

	if (draft_read_base(&ed->d, &ed->base, &ed->baselen) != 0 ||
	    file_read(ed->path, EDIT_MAX_FILE, &now, &nowlen) != 0)
		return -1;
	if (file_read(ed->d.path, EDIT_MAX_FILE, &text, &len) != 0) {
		free(now);
		return -1;
	}
	/* Killed between storing the draft and removing it: nothing to
	 * resume, and no change on disk to merge. */
	if (same(text, len, now, nowlen)) {
		free(text);
		free(ed->base);
		ed->base = now;
		ed->baselen = nowlen;
		diag("%s holds your draft already; editing it afresh", ed->path);
		return draft_begin(&ed->d, now, nowlen);
	}
	free(text);
	if (merge) {
		rc = draft_merge(&ed->d, now, nowlen);
		free(ed->base);
		ed->base = now;
		ed->baselen = nowlen;
		return rc;
	}
	if (ed->base == NULL) {
		diag_fail(EXIT_TEMPFAIL, "%s has no record of the text it began "
		    "from (an editor saved it after its dailylog ended, or an "
		    "older dailylog kept it); not opened", ed->d.path);
		diag("compare it with the entry ('diff -u %s %s'); 'dailylog "
		    "edit --merge %s' opens it to replace the entry as it is "
		    "now, or remove it to start again", ed->path, ed->d.path,
		    ed->ref);
		rc = -1;
	} else if (!same(now, nowlen, ed->base, ed->baselen)) {
		diag_fail(EXIT_TEMPFAIL, "%s changed on disk since your draft "
		    "was made; not opened", ed->path);
		how_to_merge(ed);
		rc = -1;
	} else {
		diag("resuming your earlier draft %s", ed->d.path);
		rc = 0;
	}
	free(now);
	return rc;
}

/* After the editor: store the draft, keep it, or drop it unchanged. */
static int
finish(struct ctx *ctx, struct edit *ed, bool resumed)
{
	struct entry new;
	char *text;
	size_t len;
	int rc;

	if (file_read(ed->d.path, ENTRY_MAX_FILE, &text, &len) != 0) {
		kept(ed);
		return -1;
	}
	if (same(text, len, ed->base, ed->baselen)) {
		diag("no changes to %s", ed->d.name);
		draft_remove(&ed->d);
		free(text);
		return 0;
	}
	/* Quit without saving: as with a new draft, nothing is stored. */
	if (resumed && !draft_saved(&ed->d)) {
		diag("the draft was left as it was: %s is unchanged; your "
		    "draft is kept in %s", ed->path, ed->d.path);
		free(text);
		return 0;
	}
	entry_init(&new);
	if ((rc = entry_load_buf(ed->d.path, text, len, &new, false)) == 0 &&
	    (rc = catalog_replace(&ctx->st, ed->path, ed->base, ed->baselen,
	    text, len, &new)) == 0) {
		const char *b = strrchr(ed->path, '/') + 1;

		draft_remove(&ed->d);
		diag("updated %s", ed->path);
		rc = git_commit_changes(ctx, "edit %.*s: %s",
		    (int)(strlen(b) - 5), b, new.title);
	} else if (!changed(ed))
		kept(ed);
	entry_free(&new);
	free(text);
	return rc;
}

/* No entry ref: when a draft of it waits, the entry was removed since. */
static void
gone(struct ctx *ctx, struct edit *ed)
{
	if (!id_valid(ed->ref) || draft_take(&ctx->st, ed->ref, &ed->d) != 0)
		return;
	if (draft_exists(&ed->d)) {
		diag_fail(EXIT_TEMPFAIL, "the entry %s was removed since your "
		    "draft %s was made", ed->ref, ed->d.path);
		diag("'dailylog add -F %s' adds your draft as a new entry",
		    ed->d.path);
	}
	draft_release(&ed->d);
}

static int
edit(struct ctx *ctx, struct edit *ed, bool merge)
{
	char *id;
	const char *b;
	bool resumed;
	int rc, tty;

	if (catalog_find(&ctx->st, ed->ref, &ed->path) != 0) {
		gone(ctx, ed);
		return -1;
	}
	b = strrchr(ed->path, '/') + 1;
	id = xstrndup(b, strlen(b) - 5);
	rc = draft_take(&ctx->st, id, &ed->d);
	free(id);
	if (rc != 0)
		return -1;
	resumed = draft_exists(&ed->d);
	if (merge && !resumed) {
		diag_fail(EXIT_NOTFOUND, "no draft of %s to merge", ed->path);
		return -1;
	}
	if (resumed)
		rc = resume(ed, merge);
	else if ((rc = file_read(ed->path, EDIT_MAX_FILE, &ed->base,
	    &ed->baselen)) == 0)
		rc = draft_begin(&ed->d, ed->base, ed->baselen);
	if (rc != 0 || draft_note(&ed->d) != 0 ||
	    editor_terminal(false, &tty) != 0)
		return -1;
	rc = editor_run(ctx_editor(ctx), ed->d.path, tty);
	if (tty != -1)
		close(tty);
	if (rc != 0) {
		diag("the draft is kept in %s; 'dailylog edit %s' reopens it",
		    ed->d.path, ed->ref);
		return -1;
	}
	return finish(ctx, ed, resumed);
}

int
cmd_edit(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "drafts", no_argument, NULL, 'D' },
		{ "merge", no_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	struct edit ed;
	bool drafts = false, merge = false;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch == 'D')
			drafts = true;
		else if (ch == 'm')
			merge = true;
		else
			return option_error("edit", ch, argv, opts);
	}
	if (drafts && (merge || optind < argc))
		return usage_error("edit", "--drafts takes no other argument");
	if (!drafts && argc - optind != 1)
		return usage_error("edit", "give one entry: ID, ID prefix or "
		    "SERIES:PART");
	if ((rc = ctx_open(ctx)) != 0)
		return rc;
	if (drafts)
		return cli_drafts(&ctx->st, DRAFT_EDIT);
	memset(&ed, 0, sizeof(ed));
	ed.d.lockfd = -1;
	ed.ref = argv[optind];
	rc = edit(ctx, &ed, merge);
	draft_release(&ed.d);
	free(ed.path);
	free(ed.base);
	return rc;
}
