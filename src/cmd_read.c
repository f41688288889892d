/*
 * dailylog read: a series in a reader.  With info(1) (or the program
 * $DAILYLOG_INFO names), the series is rendered as Info into a private
 * temporary file and opened at the part's node; otherwise it is
 * rendered as text into the pager (ctx_pager).  The reader's exit
 * status is passed on; a reader killed by a signal gives 128 + signal.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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
#include "index.h"
#include "output.h"
#include "pager.h"
#include "ref.h"
#include "render.h"
#include "series.h"
#include "store.h"

static int
run_info(const char *info, const char *tmpdir, const struct series *s,
    size_t at)
{
	struct buf node = BUF_INIT;
	struct doc doc;
	char *path;
	pid_t pid;
	int fd, status, rc = 0, err;

	if ((fd = fsio_tmpfile(tmpdir, "dailylog", &path)) == -1)
		return -1;
	render_doc_init(&doc, &render_info, s);
	render_series(&doc);
	if ((err = fd_write_all(fd, buf_str(&doc.out), doc.out.len)) != 0) {
		diag_fail(fsio_status(err), "%s: %s", path, strerror(err));
		rc = -1;
	}
	close(fd);
	buf_free(&doc.out);
	if (at < s->n)
		render_part_name(&node, s, at);
	else
		buf_adds(&node, "Top");
	if (rc == 0)
		(void)ctx_utf8_children();	/* info shows "??" under C */
	if (rc == 0 && (pid = fork()) == 0) {
		execl(info, info, "-f", path, "-n", node.s, (char *)NULL);
		diag("cannot run %s: %s", info, strerror(errno));
		_exit(127);
	} else if (rc == 0 && pid == -1) {
		diag_fail(EXIT_TEMPFAIL, "cannot start %s: %s", info,
		    strerror(errno));
		rc = -1;
	} else if (rc == 0) {
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		rc = diag_child(status);
	}
	unlink(path);
	free(path);
	buf_free(&node);
	return rc;
}

/* Without info: the series as text through the pager, at part at. */
static int
run_pager(const struct ctx *ctx, const struct series *s, size_t at)
{
	const char *pager = ctx_pager(ctx);
	struct doc doc;
	long line = 1;
	int rc;

	render_doc_init(&doc, &render_text, s);
	doc.width = ctx_width(ctx, STDOUT_FILENO);
	doc.hyperlinks = isatty(STDOUT_FILENO);
	doc.part_at = xcalloc(s->n + 1, sizeof(*doc.part_at));
	render_series(&doc);
	/* The part's heading: its line in the text as drawn. */
	for (size_t i = 0; at < s->n && i < doc.part_at[at]; i++)
		if (doc.out.s[i] == '\n')
			line++;
	if (pager == NULL) {		/* "cat" or empty: plain output */
		out_buf(&doc.out);
		rc = out_finish();
	} else
		rc = pager_run(pager, buf_str(&doc.out), doc.out.len, line);
	free(doc.part_at);
	buf_free(&doc.out);
	return rc;
}

static int
read_series(struct ctx *ctx, const struct entry_list *l, const char *slug,
    long part)
{
	struct series s;
	char *info;
	size_t at = 0;
	int rc;

	if ((rc = series_settings_load(&ctx->st, slug, &s.set)) != 0)
		return rc;
	series_collect(l, slug, &s);
	while (part > 0 && at < s.n && s.parts[at]->part != part)
		at++;
	if (s.n == 0) {
		diag_fail(EXIT_NOTFOUND, "no series '%s'", slug);
		rc = -1;
	} else if (part > 0 && at == s.n) {
		diag_fail(EXIT_NOTFOUND, "no part %ld in series '%s'", part,
		    slug);
		rc = -1;
	} else if (s.has_duplicates)
		rc = series_report_duplicates(&s);
	else if ((info = ctx_info(ctx)) != NULL) {
		rc = run_info(info, ctx_tmpdir(ctx), &s, part > 0 ? at : s.n);
		free(info);
	} else
		rc = run_pager(ctx, &s, part > 0 ? at : s.n);
	series_free(&s);
	return rc;
}

int
cmd_read(struct ctx *ctx, int argc, char **argv)
{
	struct entry_list sums, l;
	struct store *st = &ctx->st;
	struct ref r;
	int rc;

	if (argc < 2)
		return usage_error("read", "name a series");
	if (argc > 2 || argv[1][0] == '-')
		return usage_error("read", "expected one SERIES[:PART], not "
		    "'%s'", argv[argc - 1]);
	/* SERIES or SERIES:PART. */
	if (ref_parse(argv[1], &r) != REF_PART && !ref_is_series(&r))
		return usage_error("read", "expected SERIES or SERIES:PART, "
		    "not '%s'", argv[1]);
	if (ctx_open(ctx) != 0 || index_load(st, &sums) != 0)
		return -1;
	catalog_read_series(&sums, r.slug, &l);
	rc = read_series(ctx, &l, r.slug, r.part);
	entry_list_free(&l);
	entry_list_free(&sums);
	return rc;
}
