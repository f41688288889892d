/*
 * dailylog __merge-file BASE CURRENT OTHER PATH: git's merge driver for
 * the files of a store (merge=dailylog in .gitattributes, set up by init
 * --git and clone; dailylog(5)).  An entry is merged field by field
 * (merge.h), any other file line by line with git merge-file.  The
 * result replaces CURRENT, as git wants; a conflict, or an entry version
 * that does not load, leaves CURRENT as this side's version, without a
 * marker, and exits non-zero, so git stops with the path unmerged.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "merge.h"

/* git merge-file -p: its result, or -1 (a conflict or a failure). */
static int
merge_lines(struct ctx *ctx, const char *base, const char *cur,
    const char *other, const char *path)
{
	struct git g;
	int rc, st;

	if ((rc = git_open(&g, ctx, NULL)) != 0)
		return rc;
	st = git_run(&g, "merge-file", "-p", "-q", "-L", "this side", "-L",
	    "common", "-L", "other side", cur, base, other, (char *)NULL);
	if (st == 0)
		rc = fsio_output_file(cur, g.out.s, g.out.len, false);
	else if (st > 0) {
		diag_fail(EXIT_DATAERR, "%s: changed on both sides in the same "
		    "lines; this side's version is kept, without conflict "
		    "markers ('dailylog sync' keeps both until 'dailylog "
		    "resolve')", path);
		rc = -1;
	} else
		rc = -1;
	git_close(&g);
	return rc;
}

int
cmd_merge_file(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct strlist conflicts = { NULL, 0 };
	struct buf out = BUF_INIT, names = BUF_INIT;
	char *text[3] = { NULL, NULL, NULL };
	size_t len[3] = { 0, 0, 0 };
	const char *path;
	int ch, rc = 0;

	if ((ch = getopt_long(argc, argv, "+:", opts, NULL)) != -1)
		return option_error("__merge-file", ch, argv, opts);
	if (argc - optind != 4)
		return usage_error("__merge-file", "give BASE CURRENT OTHER "
		    "PATH, as git's %%O %%A %%B %%P");
	path = argv[optind + 3];
	if (!merge_is_entry_path(path))
		return merge_lines(ctx, argv[optind], argv[optind + 1],
		    argv[optind + 2], path);
	for (int i = 0; i < 3 && rc == 0; i++)
		rc = file_read(argv[optind + i], ENTRY_MAX_FILE, &text[i],
		    &len[i]);
	if (rc == 0)
		rc = merge_texts(path, len[0] ? text[0] : NULL, len[0],
		    text[1], len[1], text[2], len[2], MERGE_MINE, &out,
		    &conflicts);
	if (rc >= 0 && (rc = fsio_output_file(argv[optind + 1], out.s,
	    out.len, false)) == 0 && conflicts.n > 0) {
		merge_names(&names, &conflicts);
		diag_fail(EXIT_DATAERR, "%s: %s changed on both sides; this "
		    "side's kept, without conflict markers ('dailylog sync' "
		    "keeps both until 'dailylog resolve')", path, names.s);
		rc = -1;
	}
	for (int i = 0; i < 3; i++)
		free(text[i]);
	strlist_free(&conflicts);
	buf_free(&out);
	buf_free(&names);
	return rc;
}
