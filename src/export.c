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
#include "index.h"
#include "json.h"
#include "output.h"
#include "readahead.h"
#include "store.h"
#include "walk.h"
#include "yaml_write.h"

/*
 * The index gives the listing order of every file it knows unchanged
 * (index_order), so those are read and written out in that order, one
 * at a time, straight to the output.  The files it does not know are
 * read first, and each entry that matches is written to a temporary
 * file (the spool) at once; only its place there and its listing order
 * stay in memory.  Then the two are merged in listing order: memory
 * holds the order, never the bodies.
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
	const char		*tmpdir;
	int			 fd;
	struct buf		 pending;	/* not yet written to fd */
	off_t			 flushed;	/* bytes in fd */
	struct spooled		*v;
	size_t			 n;
	int			 err;		/* errno of a failed write */
};

static void
format_entry(enum export_format fmt, const struct entry *e, struct buf *b)
{
	if (fmt == EXPORT_YAML)
		entry_to_yaml(e, true, true, b);
	else if (fmt == EXPORT_CSV)
		csv_entry(b, e);
	else
		entry_to_json(e, b);
}

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

/* One entry the index did not know, spooled when it matches. */
static int
spool_entry(struct spool *sp, const struct entry *e)
{
	struct spooled *r;
	size_t start = sp->pending.len;

	if (filter_match(sp->f, e)) {
		if (sp->fd == -1 && (sp->fd = fsio_tmpfile(sp->tmpdir,
		    "dailylog-export", NULL)) == -1)
			return -1;
		format_entry(sp->fmt, e, &sp->pending);
		if ((sp->n & (sp->n - 1)) == 0)
			sp->v = xreallocarray(sp->v, sp->n ? sp->n * 2 : 16,
			    sizeof(*sp->v));
		r = &sp->v[sp->n++];
		r->rank = filter_rank(sp->f, e);
		r->date = e->date;
		r->id = xstrdup(e->id);
		r->off = sp->flushed + (off_t)start;
		r->len = sp->pending.len - start;
		if (sp->pending.len > 65536)
			spool_flush(sp);
	}
	return 0;
}

/* The order of filter_finish: its rank, then as entry_cmp. */
static int
cmp_key(long r1, const struct date *d1, const char *id1, long r2,
    const struct date *d2, const char *id2)
{
	int c = (r1 > r2) - (r1 < r2);

	if (c == 0)
		c = date_cmp(d1, d2);
	return c ? c : strcmp(id1, id2);
}

static int
cmp_spooled(const void *a, const void *b)
{
	const struct spooled *x = a, *y = b;

	return cmp_key(x->rank, &x->date, x->id, y->rank, &y->date, y->id);
}

/* The spooled entry r appended to b. */
static int
copy_spooled(struct spool *sp, const struct spooled *r, struct buf *b)
{
	size_t got = 0;

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
	b->s[b->len] = '\0';
	return 0;
}

/*
 * Entry files read by path, through the descriptor of their directory:
 * the listing order keeps to a month's directory for long runs.
 */
struct reader {
	struct dircache	 dirs;
	struct entry_reuse reuse;	/* from one file to the next */
};

/*
 * One place in the output: an entry the index knows, or one spooled,
 * with its place in the order (the ID of a known one points into the
 * index).
 */
struct slot {
	size_t		 known;		/* SIZE_MAX: spooled */
	size_t		 spooled;
	long		 rank;
	struct date	 date;
	const char	*id;
	const char	*path;		/* of a known one */
};

static int
cmp_slot(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	return cmp_key(x->rank, &x->date, x->id, y->rank, &y->date, y->id);
}

/*
 * The known entries the filters pick (all when matching needs the
 * text, which summaries lack) and the spooled, in the order of the
 * output: both are in listing order already, so merged, unless --series
 * orders them by part.
 */
static struct slot *
merge(struct summaries *known, struct spool *sp, size_t *n)
{
	struct slot *v = xreallocarray(NULL, known->n + sp->n + 1, sizeof(*v));
	bool text = filter_needs_text(sp->f);
	size_t i = 0, k = 0;

	*n = 0;
	if (sp->n > 1)
		qsort(sp->v, sp->n, sizeof(*sp->v), cmp_spooled);
	while (i < known->n || k < sp->n) {
		struct slot s = { SIZE_MAX, 0, 0, { 0, 0, 0, 0, 0, false },
		    NULL, NULL };

		if (i < known->n) {
			const struct entry *e = summaries_at(known, i);

			if (!text && !filter_match(sp->f, e)) {
				i++;
				continue;
			}
			s.known = i;
			s.rank = filter_rank(sp->f, e);
			s.date = e->date;
			s.id = e->id;
			s.path = e->path;
		}
		if (s.known == SIZE_MAX || (k < sp->n && cmp_key(s.rank,
		    &s.date, s.id, sp->v[k].rank, &sp->v[k].date,
		    sp->v[k].id) > 0)) {
			s.known = SIZE_MAX;
			s.spooled = k;
			s.rank = sp->v[k].rank;
			s.date = sp->v[k].date;
			s.id = sp->v[k++].id;
		} else
			i++;
		v[(*n)++] = s;
	}
	if (sp->f->any[FILTER_SERIES].n > 0 && *n > 1)
		qsort(v, *n, sizeof(*v), cmp_slot);
	return v;
}

/* What goes before the i-th entry of the output. */
static void
open_entry(struct spool *sp, struct buf *b, size_t i)
{
	if (sp->fmt == EXPORT_JSON)
		buf_adds(b, i > 0 ? ",\n" : "\n");
}

static void
close_entry(struct spool *sp, struct buf *b)
{
	if (sp->fmt == EXPORT_JSONL)
		buf_addc(b, '\n');
}

/*
 * Slot s appended to b as the i-th entry of the output: 1 when it is
 * one, 0 when its file no longer loads or no longer matches --grep, -1
 * on a spool error.  A known one's file comes from ra when there is
 * one (its next file is this one's), else it is read here.
 */
static int
format_slot(struct spool *sp, struct readahead *ra, struct reader *rd,
    const struct slot *s, struct buf *b, size_t i)
{
	struct entry e;
	int keep;

	if (s->known == SIZE_MAX) {
		open_entry(sp, b, i);
		if (copy_spooled(sp, &sp->v[s->spooled], b) != 0)
			return -1;
		close_entry(sp, b);
		return 1;
	}
	if (entry_view_ahead(ra, &rd->dirs, s->path, &e, &rd->reuse) != 0)
		return 0;		/* reported */
	if ((keep = filter_match(sp->f, &e))) {
		open_entry(sp, b, i);
		format_entry(sp->fmt, &e, b);
		close_entry(sp, b);
	}
	return keep;
}

/*
 * With -n N and --grep, the slots from the end until N match, kept, then
 * written in order: N entries in memory, not the store.
 */
static size_t
write_last_grep(struct spool *sp, struct reader *rd, const struct slot *v,
    size_t n, struct buf *out)
{
	size_t want = (size_t)sp->f->last, got = 0;
	struct buf *kept = xcalloc(want, sizeof(*kept));
	int rc = 0;

	/* Each kept with what goes around it as the second entry. */
	for (size_t i = n; i > 0 && got < want && rc >= 0; i--)
		if ((rc = format_slot(sp, NULL, rd, &v[i - 1],
		    &kept[want - got - 1], 1)) > 0)
			got++;
	for (size_t i = want - got; i < want; i++) {
		/* The first loses its comma. */
		size_t skip = i == want - got && sp->fmt == EXPORT_JSON ? 1 : 0;

		buf_add(out, kept[i].s + skip, kept[i].len - skip);
		if (out->len > 65536)
			out_buf(out);
	}
	for (size_t i = 0; i < want; i++)
		buf_free(&kept[i]);
	free(kept);
	return got;
}

/*
 * Every slot in order (the last N of them with -n), the files of the
 * known ones read ahead in a second thread.
 */
static size_t
write_all(struct spool *sp, struct reader *rd, const struct slot *v,
    size_t n, struct buf *out)
{
	size_t first = 0, written = 0, nread = 0;
	struct readahead *ra = NULL;
	const char **paths;
	int rc;

	if (sp->f->last > 0 && (size_t)sp->f->last < n)
		first = n - (size_t)sp->f->last;
	paths = xreallocarray(NULL, n - first + 1, sizeof(*paths));
	for (size_t i = first; i < n; i++)
		if (v[i].known != SIZE_MAX)
			paths[nread++] = v[i].path;
	if (nread > 1)
		ra = readahead_start(rd->dirs.base, paths, nread,
		    ENTRY_MAX_FILE);
	for (size_t i = first; i < n; i++) {
		if ((rc = format_slot(sp, ra, rd, &v[i], out, written)) < 0)
			break;
		written += (size_t)rc;
		if (out->len > 65536)
			out_buf(out);
	}
	readahead_stop(ra);
	free(paths);
	return written;
}

int
export_stream(struct store *st, const struct filter *f,
    enum export_format fmt, const char *tmpdir)
{
	struct spool sp = { f, fmt, tmpdir, -1, BUF_INIT, 0, NULL, 0, 0 };
	char *base = path_join(st->root, "entries");
	struct reader rd = { .reuse = ENTRY_REUSE_INIT };
	struct summaries known;
	struct strlist unknown;
	struct buf out = BUF_INIT;
	struct slot *v;
	size_t n, written;
	int rc;

	dircache_init(&rd.dirs, base);
	rc = index_order(st, &known, &unknown);
	for (size_t i = 0; i < unknown.n; i++) {
		struct entry e;

		if (entry_view_ahead(NULL, &rd.dirs, unknown.v[i], &e,
		    &rd.reuse) == 0 &&
		    spool_entry(&sp, &e) != 0) {
			rc = -1;
			goto out;
		}
	}
	if (sp.fd != -1)
		spool_flush(&sp);
	v = merge(&known, &sp, &n);
	/* The order is taken: the slots hold what the writing needs. */
	summaries_let_go(&known);
	if (fmt == EXPORT_JSON)
		buf_addc(&out, '[');
	else if (fmt == EXPORT_CSV)
		csv_header(&out);
	if (sp.err == 0 && f->last > 0 && filter_needs_text(f))
		written = write_last_grep(&sp, &rd, v, n, &out);
	else if (sp.err == 0)
		written = write_all(&sp, &rd, v, n, &out);
	else
		written = 0;
	if (fmt == EXPORT_JSON)
		buf_adds(&out, written > 0 ? "\n]\n" : "]\n");
	if (sp.err == 0)
		out_buf(&out);
	free(v);
out:
	if (sp.err != 0) {
		diag_fail(EXIT_IOERR, "temporary file: %s", strerror(sp.err));
		rc = -1;
	}
	if (sp.fd != -1)
		close(sp.fd);
	dircache_free(&rd.dirs);
	free(base);
	entry_reuse_free(&rd.reuse);
	for (size_t i = 0; i < sp.n; i++)
		free(sp.v[i].id);
	free(sp.v);
	buf_free(&sp.pending);
	buf_free(&out);
	strlist_free(&unknown);
	summaries_free(&known);
	return rc;
}
