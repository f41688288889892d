/*
 * Entries streamed out for other tools, as export and list's JSON
 * formats write them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "export.h"
#include "filter.h"
#include "fsio.h"
#include "json.h"
#include "output.h"
#include "store.h"
#include "walk.h"
#include "yaml_write.h"

/*
 * Export reads every file once, in the order of the walk, and writes
 * each entry that matches to a temporary file (the spool) at once; only
 * its place there and its listing order stay in memory.  Sorted, the
 * entries are copied from the spool in listing order.
 */
const char *const export_formats[EXPORT_COUNT] = {
	"json", "jsonl", "yaml", "csv"
};

struct spooled {
	long		 rank;		/* filter_rank */
	struct date	 date;
	char		*id;
	off_t		 off;
	size_t		 len;
};

struct spool {
	const struct filter	*f;
	enum export_format	 fmt;
	int			 fd;
	struct buf		 pending;	/* not yet written to fd */
	off_t			 flushed;	/* bytes in fd */
	struct spooled		*v;
	size_t			 n;
	int			 err;		/* errno of a failed write */
};

static void
spool_flush(struct spool *sp)
{
	const char *p = sp->pending.s;
	size_t left = sp->pending.len;

	while (left > 0 && sp->err == 0) {
		ssize_t w = write(sp->fd, p, left);

		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			sp->err = errno;
		else {
			p += w;
			left -= (size_t)w;
			sp->flushed += w;
		}
	}
	buf_reset(&sp->pending);
}

static void
spool_entry(struct entry *e, void *arg)
{
	struct spool *sp = arg;
	struct spooled *r;
	size_t start = sp->pending.len;

	if (filter_match(sp->f, e)) {
		if (sp->fmt == EXPORT_YAML)
			entry_to_yaml(e, true, true, &sp->pending);
		else if (sp->fmt == EXPORT_CSV)
			csv_entry(&sp->pending, e);
		else
			entry_to_json(e, &sp->pending);
		if ((sp->n & (sp->n - 1)) == 0)
			sp->v = xreallocarray(sp->v, sp->n ? sp->n * 2 : 16,
			    sizeof(*sp->v));
		r = &sp->v[sp->n++];
		r->rank = filter_rank(sp->f, e);
		r->date = e->date;
		r->id = e->id;
		e->id = NULL;
		r->off = sp->flushed + (off_t)start;
		r->len = sp->pending.len - start;
		if (sp->pending.len > 65536)
			spool_flush(sp);
	}
	entry_free(e);
	free(e);
}

/* The order of filter_finish: its rank, then as entry_cmp. */
static int
cmp_spooled(const void *a, const void *b)
{
	const struct spooled *x = a, *y = b;
	int c = (x->rank > y->rank) - (x->rank < y->rank);

	if (c == 0)
		c = date_cmp(&x->date, &y->date);
	return c ? c : strcmp(x->id, y->id);
}

/* The spooled entry r appended to b, with what goes around it. */
static int
copy_entry(struct spool *sp, const struct spooled *r, size_t i, struct buf *b)
{
	size_t got = 0;

	if (sp->fmt == EXPORT_JSON)
		buf_adds(b, i > 0 ? ",\n" : "\n");
	buf_grow(b, r->len);
	while (got < r->len) {
		ssize_t n = pread(sp->fd, b->s + b->len + got, r->len - got,
		    r->off + (off_t)got);

		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			sp->err = n == 0 ? EIO : errno;
			return -1;
		}
		got += (size_t)n;
	}
	b->len += r->len;
	if (sp->fmt == EXPORT_JSONL)
		buf_addc(b, '\n');
	return 0;
}

/* The spooled entries in listing order, the last N of them with -n. */
static void
write_spooled(struct spool *sp)
{
	struct buf b = BUF_INIT;
	size_t first = 0;

	if (sp->n > 1)
		qsort(sp->v, sp->n, sizeof(*sp->v), cmp_spooled);
	if (sp->f->last > 0 && (size_t)sp->f->last < sp->n)
		first = sp->n - (size_t)sp->f->last;
	if (sp->fmt == EXPORT_JSON)
		buf_addc(&b, '[');
	else if (sp->fmt == EXPORT_CSV)
		csv_header(&b);
	for (size_t i = first; i < sp->n && sp->err == 0; i++) {
		if (copy_entry(sp, &sp->v[i], i - first, &b) == -1)
			break;
		if (b.len > 65536)
			out_buf(&b);
	}
	if (sp->fmt == EXPORT_JSON)
		buf_adds(&b, sp->n > first ? "\n]\n" : "]\n");
	if (sp->err == 0)
		out_buf(&b);
	buf_free(&b);
}

int
export_stream(struct store *st, const struct filter *f,
    enum export_format fmt, const char *tmpdir)
{
	struct spool sp = { f, fmt, -1, BUF_INIT, 0, NULL, 0, 0 };
	int rc;

	if ((sp.fd = fsio_tmpfile(tmpdir, "dailylog-export", NULL)) == -1)
		return -1;
	rc = walk_entries(st->root, spool_entry, walk_warn_not_entry, &sp,
	    NULL);
	spool_flush(&sp);
	if (sp.err == 0)
		write_spooled(&sp);
	if (sp.err != 0) {
		diag_fail(EXIT_IOERR, "temporary file: %s", strerror(sp.err));
		rc = -1;
	}
	close(sp.fd);
	for (size_t i = 0; i < sp.n; i++)
		free(sp.v[i].id);
	free(sp.v);
	buf_free(&sp.pending);
	return rc;
}
