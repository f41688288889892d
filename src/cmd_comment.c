/*
 * dailylog comment and approve: a comment or an approval of an entry,
 * each in its own file under ROOT/comments/ID/ (comments.h), committed
 * in a git store.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "comments.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "editor.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"

/*
 * The text without blank lines around it, and without its '#' lines
 * when it comes from the editor; NULL when nothing is left.
 */
static char *
clean_text(const char *s, bool drafted)
{
	struct buf b = BUF_INIT;

	while (*s != '\0') {
		size_t n = strcspn(s, "\n");

		if (!drafted || *s != '#')
			buf_addf(&b, "%.*s\n", (int)n, s);
		s += n + (s[n] == '\n');
	}
	while (b.len > 0 && strchr(" \t\n", b.s[b.len - 1]) != NULL)
		b.s[--b.len] = '\0';
	while (b.len > 0 && b.s[0] == '\n')
		memmove(b.s, b.s + 1, b.len--);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	/* A text of several lines ends in a newline: a "|" block. */
	if (strchr(b.s, '\n') != NULL)
		buf_addc(&b, '\n');
	return buf_detach(&b);
}

/*
 * The comment from the editor, in the draft comment-ID (drafts/
 * comment-ID.txt): taken for this process, so that a second comment on
 * the entry waits for it, and kept until the comment is stored.
 */
static int
text_from_editor(struct ctx *ctx, const struct entry *e, struct draft *d,
    char **text)
{
	struct buf t = BUF_INIT, name = BUF_INIT;
	char *buf = NULL;
	size_t len;
	int rc, tty;

	buf_addf(&name, DRAFT_COMMENT_PREFIX "%s", e->id);
	rc = draft_take(&ctx->st, name.s, d);
	buf_free(&name);
	if (rc != 0)
		return -1;
	if (draft_exists(d))
		diag("resuming your earlier draft %s", d->path);
	else {
		buf_addf(&t, "\n# %s: %s\n# コメントを書いて保存してください。"
		    "「#」で始まる行は除かれます。\n# Write the comment, save "
		    "and quit; lines starting with '#' are left out.\n", e->id,
		    e->title);
		rc = fsio_store_file(d->path, t.s, t.len, FSIO_NEW);
		buf_free(&t);
		if (rc != 0)
			return -1;
	}
	if ((rc = editor_terminal(false, &tty)) != 0)
		return -1;
	rc = editor_run(ctx_editor(ctx), d->path, tty);
	if (tty != -1)
		close(tty);
	if (rc != 0 || (rc = file_read(d->path, 64 * 1024, &buf, &len)) != 0)
		return -1;
	*text = clean_text(buf, true);
	free(buf);
	return 0;
}

static int
comment_or_approve(struct ctx *ctx, int argc, char **argv, bool approval)
{
	static const struct option opts[] = {
		{ "author", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = approval ? "approve" : "comment";
	struct comment c;
	struct draft d = { .lockfd = -1 };
	struct entry *e = NULL;
	struct buf args = BUF_INIT;
	char *author = NULL;
	int ch, rc;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch != 'a')
			return option_error(cmd, ch, argv, opts);
		free(author);
		author = xstrdup(optarg);
	}
	if (optind == argc) {
		free(author);
		return usage_error(cmd, "name an entry: ID, ID prefix or "
		    "SERIES:PART");
	}
	if ((rc = ctx_open(ctx)) != 0 ||
	    (rc = catalog_resolve(&ctx->st, argv[optind], &e)) != 0)
		goto out;
	if (author == NULL && (author = git_author(ctx)) == NULL) {
		rc = usage_error(cmd, "who is it? give --author NAME, or set "
		    "the author setting (dailylog(5)) or git config user.name");
		goto out;
	}
	for (int i = optind + 1; i < argc; i++)
		buf_addf(&args, "%s%s", i > optind + 1 ? " " : "", argv[i]);
	if (args.len > 0)
		c.text = clean_text(args.s, false);
	else if (!isatty(STDIN_FILENO)) {
		char *in;

		if ((rc = fd_read(STDIN_FILENO, "<stdin>", 64 * 1024, &in,
		    &(size_t){ 0 })) != 0)
			goto out;
		c.text = clean_text(in, false);
		free(in);
	} else if (!approval && (rc = text_from_editor(ctx, e, &d,
	    &c.text)) != 0)
		goto out;
	if (!approval && c.text == NULL && d.name != NULL) {
		diag_fail(EXIT_DATAERR, "nothing written: the comment is "
		    "empty");
		rc = -1;
		draft_remove(&d);
		goto out;
	}
	if (!approval && c.text == NULL) {
		rc = usage_error(cmd, "the comment is empty");
		goto out;
	}
	c.author = author;
	c.approval = approval;
	if ((rc = comments_add(&ctx->st, e->id, &c)) != 0)
		goto out;
	if (d.name != NULL)
		draft_remove(&d);
	diag("%s %s: %s", approval ? "approved" : "commented on", e->id,
	    e->title);
	rc = git_commit_changes(ctx, "%s %s: %s", cmd, e->id, e->title);
out:
	if (d.name != NULL) {
		diag("the draft is kept in %s; 'dailylog comment %s' reopens "
		    "it", d.path, e->id);
		draft_release(&d);
	}
	if (e != NULL) {
		entry_free(e);
		free(e);
	}
	free(c.text);
	free(c.path);
	free(author);
	buf_free(&args);
	return rc;
}

int
cmd_comment(struct ctx *ctx, int argc, char **argv)
{
	return comment_or_approve(ctx, argc, argv, false);
}

int
cmd_approve(struct ctx *ctx, int argc, char **argv)
{
	return comment_or_approve(ctx, argc, argv, true);
}
