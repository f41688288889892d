/*
 * The derived index (see index.h).  The file, in this host's byte order,
 * every part at an offset that is a multiple of 8, read through mmap(2)
 * so that a lookup touches only the pages it needs:
 *
 *	struct ihead	magic, byte order, counts, the offsets of the parts
 *			and the checksums of the header, the directories
 *			and the block sums
 *	directories	struct idir[ndirs] sorted by path, then their paths
 *	records		struct irec[nrecs] sorted by path, then each
 *			record's strings (NUL-terminated) and tags; each
 *			record has the checksum of its fields and strings
 *	series		struct iseries[nseries] sorted by slug, then the
 *			slugs: where each series' copies lie (below)
 *	orders		u32 record numbers: those that load in listing
 *			order; all by ID; those that do not load
 *	block sums	a u64 checksum of every BLOCK bytes of the series
 *			table and the orders, so that a lookup checks only
 *			the blocks it reads
 *	copies		each series' records again, in path order, each
 *			followed by its strings (offsets from the file's
 *			start): a lookup of one series reads a few pages
 *			together, not a record on every page of the file
 *	chunks		appended by writers under the lock (index_note):
 *			struct ichunk, records, directories, strings, with
 *			a checksum of the whole chunk; a record or
 *			directory in a chunk replaces the one of its path
 *
 * Paths are relative to the store root ("entries/2026/11/ID.yaml").
 * A string is an offset and a length, the offset NO_STRING when absent;
 * the offsets of a chunk count from the chunk's start.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "store.h"
#include "walk.h"

#define MAGIC		"DLINDEX5"
#define CHUNK_MAGIC	"DLINDEX+"
#define BYTE_ORDER_MARK	0x01020304u
#define NO_STRING	UINT32_MAX
#define INDEX_MAX	((size_t)1 << 30)
#define BLOCK		4096		/* the orders are checked by blocks */

int64_t index_racy_ns = 2 * 1000000000LL;	/* tests change it */

enum {
	REC_RACY = 1,		/* changed just before the walk: re-read */
	REC_BAD = 2,		/* did not load: stat data and path only */
	REC_DRAFT = 4,
	REC_TIME = 8		/* the date has a time */
};

struct istr {
	uint32_t	off, len;
};

struct irec {
	uint64_t	ino, size;
	int64_t		mtime_s, ctime_s;
	uint32_t	mtime_ns, ctime_ns;
	uint32_t	flags;
	uint32_t	part;
	int32_t		year;
	uint8_t		mon, day, hour, min;
	uint32_t	part_line, part_col;
	uint32_t	area, narea;	/* its strings and tags */
	uint32_t	tags, ntags;	/* ntags struct istr at tags */
	struct istr	rel, id, title, series, client, contact, staff, author;
	uint64_t	sum;		/* of the fields above and the area */
};

struct idir {
	uint64_t	ino;
	int64_t		mtime_s, ctime_s;
	uint32_t	mtime_ns, ctime_ns;
	uint32_t	flags;		/* REC_RACY */
	uint32_t	depth;		/* entries/ is 0 */
	struct istr	rel;
};

struct ihead {
	char		magic[8];
	uint32_t	bom;
	uint32_t	ndirs, nrecs;
	uint32_t	nseries, nlist, nbad, nblocks;
	uint64_t	dirs, recs, strs, series, bylist, byid, bybad, sums;
	uint64_t	copies, end;
	uint64_t	sum_dirs;	/* of [dirs, recs) */
	uint64_t	sum_sums;	/* of [sums, copies): a sum per block */
	uint64_t	sum;		/* of the header before it */
};

/* A series: its slug, and its records' copies at [recs, recs + len). */
struct iseries {
	struct istr	slug;
	uint64_t	recs, len;
	uint32_t	nrecs, pad;
};

struct ichunk {
	char		magic[8];
	uint32_t	nrecs, ndirs;
	uint64_t	len;		/* of the whole chunk */
	uint64_t	sum;		/* of the chunk after it, and of the above */
};

_Static_assert(sizeof(struct irec) % 8 == 0 && sizeof(struct idir) % 8 == 0 &&
    sizeof(struct ihead) % 8 == 0 && sizeof(struct ichunk) % 8 == 0 &&
    sizeof(struct iseries) % 8 == 0,
    "the parts of the index are 8-byte aligned");

/*
 * Fast, and good enough to catch a torn or scribbled file; the index
 * guards against accidents, not against someone forging it.  Two sums
 * of 64-bit words, the second of the first (Fletcher's), so that a
 * changed word and words out of place both tell; a list checks every
 * record, so this runs over the whole index.
 */
static uint64_t
mix(uint64_t h)
{
	h = (h ^ (h >> 31)) * 0x9e3779b97f4a7c15ULL;
	return h ^ (h >> 29);
}

static uint64_t
checksum(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t a = seed ^ 0x243f6a8885a308d3ULL, b = n, w, v;

	for (; n >= 16; p += 16, n -= 16) {
		memcpy(&w, p, 8);
		memcpy(&v, p + 8, 8);
		a += w;
		b += a;
		a += v;
		b += a;
	}
	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		a += w;
		b += a;
	}
	if (n > 0) {
		w = 0;
		memcpy(&w, p, n);
		a += w ^ (uint64_t)n << 59;
		b += a;
	}
	return mix(mix(a) ^ b);
}

static int64_t
ns_of(int64_t s, uint32_t ns)
{
	return s * 1000000000LL + ns;
}

/* Now, by the clock that stamps files; a walk's start is its cut. */
static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ns_of(ts.tv_sec, (uint32_t)ts.tv_nsec);
}

/* Changed so recently before t0 that a change within the tick would hide. */
static bool
is_racy(const struct file_stat *st, int64_t t0)
{
	return ns_of(st->mtime_s, st->mtime_ns) > t0 - index_racy_ns ||
	    ns_of(st->ctime_s, st->ctime_ns) > t0 - index_racy_ns;
}

static bool
stat_equal(const struct file_stat *a, const struct file_stat *b)
{
	return a->ino == b->ino && a->size == b->size &&
	    a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
	    a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}

/* A directory's size says nothing: its times and inode do. */
static bool
dir_equal(const struct idir *d, const struct file_stat *st)
{
	return d->ino == st->ino && d->mtime_s == st->mtime_s &&
	    d->mtime_ns == st->mtime_ns && d->ctime_s == st->ctime_s &&
	    d->ctime_ns == st->ctime_ns;
}

static void
rec_stat(const struct irec *r, struct file_stat *st)
{
	st->ino = r->ino;
	st->size = r->size;
	st->mtime_s = r->mtime_s;
	st->mtime_ns = r->mtime_ns;
	st->ctime_s = r->ctime_s;
	st->ctime_ns = r->ctime_ns;
}

/* --- writing: records and directories into a buffer --- */

/* Zero bytes up to a multiple of align. */
static void
pad_to(struct buf *b, size_t align)
{
	static const char zero[8];

	if (b->len % align != 0)
		buf_add(b, zero, align - b->len % align);
}

/* s (n bytes) and a NUL at the end of b, which begins at offset base. */
static struct istr
put_strn(struct buf *b, size_t base, const char *s, size_t n)
{
	struct istr is = { NO_STRING, 0 };

	if (s != NULL) {
		is.off = (uint32_t)(base + b->len);
		is.len = (uint32_t)n;
		buf_add(b, s, n);
		buf_addc(b, '\0');
	}
	return is;
}

static struct istr
put_str(struct buf *b, size_t base, const char *s)
{
	return put_strn(b, base, s, s != NULL ? strlen(s) : 0);
}

/* The ID of an entry file: its name without ".yaml". */
static const char *
id_of(const char *rel, size_t *len)
{
	const char *base = strrchr(rel, '/');

	base = base ? base + 1 : rel;
	*len = strlen(base) - 5;
	return base;
}

/*
 * The record of the file at rel (st) into *out, its strings after the
 * end of b, which begins at offset base (a multiple of 8) of the file;
 * e NULL for a file that does not load.
 */
static void
make_record(struct buf *b, size_t base, struct irec *out, const char *rel,
    const struct file_stat *st, const struct entry *e, uint32_t flags)
{
	size_t idlen;
	const char *id = id_of(rel, &idlen);
	struct irec r;
	struct istr *tags;

	memset(&r, 0, sizeof(r));
	r.ino = st->ino;
	r.size = st->size;
	r.mtime_s = st->mtime_s;
	r.mtime_ns = st->mtime_ns;
	r.ctime_s = st->ctime_s;
	r.ctime_ns = st->ctime_ns;
	pad_to(b, 4);
	r.area = (uint32_t)(base + b->len);
	if (e != NULL) {
		flags |= (e->draft ? REC_DRAFT : 0) |
		    (e->date.has_time ? REC_TIME : 0);
		r.part = (uint32_t)e->part;
		r.year = e->date.year;
		r.mon = (uint8_t)e->date.mon;
		r.day = (uint8_t)e->date.day;
		r.hour = (uint8_t)e->date.hour;
		r.min = (uint8_t)e->date.min;
		r.part_line = (uint32_t)e->pos[F_PART].line;
		r.part_col = (uint32_t)e->pos[F_PART].col;
		r.tags = (uint32_t)(base + b->len);
		r.ntags = (uint32_t)e->tags.n;
		buf_grow(b, e->tags.n * sizeof(struct istr));
		memset(b->s + b->len, 0, e->tags.n * sizeof(struct istr));
		b->len += e->tags.n * sizeof(struct istr);
	} else
		flags |= REC_BAD;
	r.flags = flags;
	r.rel = put_str(b, base, rel);
	r.id = put_strn(b, base, id, idlen);
	if (e != NULL) {
		r.title = put_str(b, base, e->title);
		r.series = put_str(b, base, e->series);
		r.client = put_str(b, base, e->client);
		r.contact = put_str(b, base, e->contact);
		r.staff = put_str(b, base, e->staff);
		r.author = put_str(b, base, e->author);
		for (size_t k = 0; k < e->tags.n; k++) {
			struct istr t = put_str(b, base, e->tags.v[k]);

			tags = (struct istr *)(void *)(b->s + (r.tags - base));
			tags[k] = t;
		}
	} else {
		struct istr none = { NO_STRING, 0 };

		r.title = r.series = r.client = r.contact = r.staff =
		    r.author = none;
	}
	r.narea = (uint32_t)(base + b->len - r.area);
	r.sum = checksum(&r, offsetof(struct irec, sum),
	    checksum(b->s + (r.area - base), r.narea, 0));
	*out = r;
}

/* The same into b at off, offsets counting from the start of b. */
static void
put_record(struct buf *b, size_t off, const char *rel,
    const struct file_stat *st, const struct entry *e, uint32_t flags)
{
	struct irec r;

	make_record(b, 0, &r, rel, st, e, flags);
	memcpy(b->s + off, &r, sizeof(r));
}

static void
put_dir(struct buf *b, size_t off, const char *rel, const struct file_stat *st,
    bool racy)
{
	struct idir d;
	uint32_t depth = 0;

	for (const char *p = rel; *p; p++)
		depth += *p == '/';
	memset(&d, 0, sizeof(d));
	d.ino = st->ino;
	d.mtime_s = st->mtime_s;
	d.mtime_ns = st->mtime_ns;
	d.ctime_s = st->ctime_s;
	d.ctime_ns = st->ctime_ns;
	d.flags = racy ? REC_RACY : 0;
	d.depth = depth;
	d.rel = put_str(b, 0, rel);
	memcpy(b->s + off, &d, sizeof(d));
}

/* n zero bytes at the end of b; their offset. */
static size_t
reserve(struct buf *b, size_t n)
{
	size_t at = b->len;

	buf_grow(b, n);
	memset(b->s + at, 0, n);
	b->len += n;
	return at;
}

/* --- reading: the file mapped --- */

struct xrec {
	const struct irec	*r;
	const unsigned char	*base;	/* its strings' offsets count from */
};

struct xdir {
	const struct idir	*d;
	const unsigned char	*base;
};

struct ixmap {
	const unsigned char	*map;
	size_t			 len;
	const struct ihead	*h;
	const struct irec	*recs;
	const struct idir	*dirs;
	struct xrec		*xrecs;	/* the chunks', by path, the last of each */
	size_t			 nxrecs;
	struct xdir		*xdirs;
	size_t			 nxdirs;
	size_t			 nchunks;
	unsigned char		*state;	/* per base record: 0 unchecked, 1 sound */
	unsigned char		*blocks; /* per block of the orders: the same */
	bool			 damaged; /* a record or block met was unsound */
};

static const char *
str_at(const unsigned char *base, struct istr s)
{
	return s.off == NO_STRING ? NULL : (const char *)base + s.off;
}

/* s lies in [lo, hi) with its NUL. */
static bool
str_ok(const unsigned char *base, struct istr s, size_t lo, size_t hi)
{
	return s.off == NO_STRING || ((size_t)s.off >= lo && s.len < hi - lo &&
	    (size_t)s.off + s.len < hi && base[s.off + s.len] == '\0');
}

/* Whether record r's strings are where it says and its checksum holds. */
static bool
rec_ok(const unsigned char *base, const struct irec *r, size_t lo, size_t hi)
{
	const struct istr *sv[] = { &r->rel, &r->id, &r->title, &r->series,
	    &r->client, &r->contact, &r->staff, &r->author };
	size_t alo = r->area, ahi = (size_t)r->area + r->narea;

	if (alo < lo || ahi > hi || alo > ahi || r->tags % 4 != 0 ||
	    (r->ntags > 0 && (r->tags < alo || r->ntags > (ahi - r->tags) /
	    sizeof(struct istr))) || r->rel.off == NO_STRING ||
	    r->id.off == NO_STRING)
		return false;
	for (size_t k = 0; k < sizeof(sv) / sizeof(sv[0]); k++)
		if (!str_ok(base, *sv[k], alo, ahi))
			return false;
	if (r->sum != checksum(r, offsetof(struct irec, sum),
	    checksum(base + alo, ahi - alo, 0)))
		return false;
	for (uint32_t k = 0; k < r->ntags; k++) {
		const struct istr *t =
		    (const struct istr *)(const void *)(base + r->tags) + k;

		if (t->off == NO_STRING || !str_ok(base, *t, alo, ahi))
			return false;
	}
	return true;
}

static const char *
rec_rel(const struct xrec *x)
{
	return str_at(x->base, x->r->rel);
}

static int
cmp_xrec(const void *a, const void *b)
{
	const struct xrec *x = a, *y = b;
	int c = strcmp(rec_rel(x), rec_rel(y));

	/* The later of two of one path wins: it sorts last. */
	return c ? c : (x->r > y->r) - (x->r < y->r);
}

static int
cmp_xdir(const void *a, const void *b)
{
	const struct xdir *x = a, *y = b;
	int c = strcmp(str_at(x->base, x->d->rel), str_at(y->base, y->d->rel));

	return c ? c : (x->d > y->d) - (x->d < y->d);
}

/* The chunks appended to the index, from off on, until a bad one. */
static void
read_chunks(struct ixmap *m, size_t off)
{
	size_t nr = 0, nd = 0, k, d;

	while (off + sizeof(struct ichunk) <= m->len) {
		const struct ichunk *c = (const void *)(m->map + off);
		const unsigned char *base = m->map + off;
		size_t recs = sizeof(*c), dirs, strs;

		if (memcmp(c->magic, CHUNK_MAGIC, 8) != 0 || c->len % 8 != 0 ||
		    c->len > m->len - off || c->nrecs > c->len / sizeof(struct irec) ||
		    c->ndirs > c->len / sizeof(struct idir))
			break;
		dirs = recs + (size_t)c->nrecs * sizeof(struct irec);
		strs = dirs + (size_t)c->ndirs * sizeof(struct idir);
		if (strs > c->len || c->sum != checksum(base + sizeof(*c),
		    c->len - sizeof(*c), checksum(c, offsetof(struct ichunk,
		    sum), 0)))
			break;
		for (k = 0; k < c->nrecs; k++)
			if (!rec_ok(base, (const struct irec *)(const void *)
			    (base + recs) + k, strs, c->len))
				break;
		for (d = 0; k == c->nrecs && d < c->ndirs; d++) {
			const struct idir *x =
			    (const struct idir *)(const void *)(base + dirs) + d;

			if (x->rel.off == NO_STRING ||
			    !str_ok(base, x->rel, strs, c->len))
				break;
		}
		if (k < c->nrecs || d < c->ndirs)
			break;		/* not what index_note writes: stop */
		m->xrecs = xreallocarray(m->xrecs, nr + c->nrecs + 1,
		    sizeof(*m->xrecs));
		m->xdirs = xreallocarray(m->xdirs, nd + c->ndirs + 1,
		    sizeof(*m->xdirs));
		for (k = 0; k < c->nrecs; k++) {
			m->xrecs[nr].r = (const struct irec *)(const void *)
			    (base + recs) + k;
			m->xrecs[nr++].base = base;
		}
		for (d = 0; d < c->ndirs; d++) {
			m->xdirs[nd].d = (const struct idir *)(const void *)
			    (base + dirs) + d;
			m->xdirs[nd++].base = base;
		}
		m->nchunks++;
		off += c->len;
	}
	/* Sorted by path, the last of each path kept. */
	if (nr > 1)
		qsort(m->xrecs, nr, sizeof(*m->xrecs), cmp_xrec);
	for (size_t i = 0; i < nr; i++)
		if (i + 1 == nr || strcmp(rec_rel(&m->xrecs[i]),
		    rec_rel(&m->xrecs[i + 1])) != 0)
			m->xrecs[m->nxrecs++] = m->xrecs[i];
	if (nd > 1)
		qsort(m->xdirs, nd, sizeof(*m->xdirs), cmp_xdir);
	for (size_t i = 0; i < nd; i++)
		if (i + 1 == nd || strcmp(str_at(m->xdirs[i].base,
		    m->xdirs[i].d->rel), str_at(m->xdirs[i + 1].base,
		    m->xdirs[i + 1].d->rel)) != 0)
			m->xdirs[m->nxdirs++] = m->xdirs[i];
}

/* The blocks of BLOCK bytes that the table and orders [series, sums) fill. */
static uint64_t
blocks_of(const struct ihead *h)
{
	return (h->sums - h->series + BLOCK - 1) / BLOCK;
}

/* The parts the header names lie in the file, in order, aligned. */
static bool
head_ok(const struct ihead *h, size_t len)
{
	const uint64_t *part[] = { &h->dirs, &h->recs, &h->strs, &h->series,
	    &h->bylist, &h->byid, &h->bybad, &h->sums, &h->copies, &h->end };

	if (memcmp(h->magic, MAGIC, 8) != 0 || h->bom != BYTE_ORDER_MARK ||
	    h->sum != checksum(h, offsetof(struct ihead, sum), 0) ||
	    h->dirs != sizeof(*h) || h->end > len)
		return false;
	for (size_t k = 0; k < sizeof(part) / sizeof(part[0]); k++)
		if (*part[k] % 4 != 0 || (k > 0 && *part[k] < *part[k - 1]))
			return false;
	return h->dirs % 8 == 0 && h->recs % 8 == 0 && h->series % 8 == 0 &&
	    h->sums % 8 == 0 && h->copies % 8 == 0 && h->end % 8 == 0 &&
	    (h->recs - h->dirs) / sizeof(struct idir) >= h->ndirs &&
	    (h->strs - h->recs) == (uint64_t)h->nrecs * sizeof(struct irec) &&
	    (h->bylist - h->series) / sizeof(struct iseries) >= h->nseries &&
	    h->byid - h->bylist == (uint64_t)h->nlist * 4 &&
	    h->bybad - h->byid == (uint64_t)h->nrecs * 4 &&
	    h->sums - h->bybad >= (uint64_t)h->nbad * 4 &&
	    h->sums - h->bybad < (uint64_t)h->nbad * 4 + 8 &&
	    h->nblocks == blocks_of(h) &&
	    h->copies - h->sums == (uint64_t)h->nblocks * 8 &&
	    h->nseries <= h->nrecs && h->nlist <= h->nrecs &&
	    h->nbad <= h->nrecs;
}

static void
ix_close(struct ixmap *m)
{
	if (m->map != NULL)
		munmap((void *)m->map, m->len);
	free(m->xrecs);
	free(m->xdirs);
	free(m->state);
	free(m->blocks);
	memset(m, 0, sizeof(*m));
}

/* Whether block k of the table and orders holds its sum (seeded by k). */
static bool
block_ok(const struct ixmap *m, uint64_t k)
{
	uint64_t at = m->h->series + k * BLOCK, sum;
	size_t n = m->h->sums - at < BLOCK ? m->h->sums - at : BLOCK;

	memcpy(&sum, m->map + m->h->sums + k * 8, 8);
	return sum == checksum(m->map + at, n, k);
}

/*
 * What a listing reads mapped at once: all of the index but the series'
 * copies, which only a series lookup reads, and which would add a third
 * to its memory.  A kernel before 5.14 faults the pages in as they are
 * read instead.
 */
static void
populate(const struct ixmap *m, const struct ihead *h)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t chunks = h->end / page * page;

	(void)madvise((void *)m->map, h->copies, MADV_POPULATE_READ);
	if (m->len > chunks)
		(void)madvise((void *)(m->map + chunks), m->len - chunks,
		    MADV_POPULATE_READ);
}

/*
 * ROOT/.index mapped, its header, directories and block sums checked;
 * false when it is missing or damaged.  The records, and the blocks of
 * the orders, are checked when used, unless all of it will be used:
 * then it is read ahead and the orders are checked at once.
 */
static bool
ix_open(const char *root, bool all, struct ixmap *m)
{
	char *path = path_join(root, INDEX_FILE);
	const struct ihead *h;
	struct stat sb;
	void *p;
	int fd;

	memset(m, 0, sizeof(*m));
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	free(path);
	if (fd == -1)
		return false;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size < sizeof(*h) || (size_t)sb.st_size > INDEX_MAX) {
		close(fd);
		return false;
	}
	p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return false;
	m->map = p;
	m->len = (size_t)sb.st_size;
	h = p;
	if (!head_ok(h, m->len)) {
		ix_close(m);
		return false;
	}
	if (all)
		populate(m, h);
	if (h->sum_dirs != checksum(m->map + h->dirs, h->recs - h->dirs, 0) ||
	    h->sum_sums != checksum(m->map + h->sums, h->copies - h->sums, 0)) {
		ix_close(m);
		return false;
	}
	m->h = h;
	m->dirs = (const void *)(m->map + h->dirs);
	m->recs = (const void *)(m->map + h->recs);
	m->blocks = xcalloc(h->nblocks + 1, 1);
	for (uint32_t i = 0; i < h->ndirs; i++)
		if (m->dirs[i].rel.off == NO_STRING ||
		    !str_ok(m->map, m->dirs[i].rel, h->dirs, h->recs)) {
			ix_close(m);
			return false;
		}
	for (uint32_t k = 0; all && k < h->nblocks; k++) {
		if (!block_ok(m, k)) {
			ix_close(m);
			return false;
		}
		m->blocks[k] = 1;
	}
	read_chunks(m, h->end);
	return true;
}

/*
 * Whether the n bytes at at lie in [series, sums) in sound blocks,
 * each checked when first read; else the map is marked damaged.
 */
static bool
summed(struct ixmap *m, uint64_t at, uint64_t n)
{
	const struct ihead *h = m->h;

	if (at < h->series || at > h->sums || n > h->sums - at) {
		m->damaged = true;
		return false;
	}
	for (uint64_t b = (at - h->series) / BLOCK;
	    b * BLOCK < at + n - h->series; b++) {
		if (m->blocks[b] == 0)
			m->blocks[b] = block_ok(m, b) ? 1 : 2;
		if (m->blocks[b] != 1) {
			m->damaged = true;
			return false;
		}
	}
	return true;
}

/* The orders, by what they order. */
enum order { BY_LIST, BY_ID, BY_BAD };

/*
 * Element k of an order (k below its length), its block checked first;
 * UINT32_MAX, with the map marked damaged, when the block is not sound.
 */
static uint32_t
ord(struct ixmap *m, enum order which, uint32_t k)
{
	const uint64_t start[] = { m->h->bylist, m->h->byid, m->h->bybad };
	uint64_t at = start[which] + (uint64_t)k * 4;
	uint32_t v;

	if (!summed(m, at, 4))
		return UINT32_MAX;
	memcpy(&v, m->map + at, 4);
	return v;
}

/*
 * Base record i when it is sound (checked where it lies, once), else
 * NULL with the map marked damaged: a lookup that met a damaged record
 * cannot trust what it found by bisection.
 */
static const struct irec *
brec(struct ixmap *m, uint32_t i)
{
	if (i >= m->h->nrecs) {
		m->damaged = true;
		return NULL;
	}
	if (m->state == NULL)
		m->state = xcalloc(m->h->nrecs + 1, 1);
	if (m->state[i] == 0)
		m->state[i] = rec_ok(m->map, &m->recs[i], m->h->strs,
		    m->h->series) ? 1 : 2;
	if (m->state[i] != 1) {
		m->damaged = true;
		return NULL;
	}
	return &m->recs[i];
}

/* Base record i's path, or "" when it is damaged. */
static const char *
brel(struct ixmap *m, uint32_t i)
{
	const struct irec *r = brec(m, i);

	return r != NULL ? str_at(m->map, r->rel) : "";
}

/* The chunk record of path rel, or NULL. */
static const struct xrec *
xrec_find(const struct ixmap *m, const char *rel)
{
	size_t lo = 0, hi = m->nxrecs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(rec_rel(&m->xrecs[mid]), rel);

		if (c == 0)
			return &m->xrecs[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The first base record whose path is not before rel. */
static uint32_t
base_lower(struct ixmap *m, const char *rel)
{
	uint32_t lo = 0, hi = m->h->nrecs;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strcmp(brel(m, mid), rel) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The record that holds for path rel (a chunk's first), or none. */
static bool
rec_find(struct ixmap *m, const char *rel, struct xrec *out)
{
	const struct xrec *x = xrec_find(m, rel);
	uint32_t i;

	if (x != NULL) {
		*out = *x;
		return true;
	}
	i = base_lower(m, rel);
	if (i < m->h->nrecs && strcmp(brel(m, i), rel) == 0) {
		out->r = &m->recs[i];
		out->base = m->map;
		return true;
	}
	return false;
}

/* --- summaries --- */

/* Read one file whole and keep its summary; NULL after a report. */
static struct entry *
load_summary(const char *path)
{
	struct entry *e = entry_read(path);

	if (e != NULL)
		entry_summarize(e);
	return e;
}

/*
 * The record as an entry whose strings point into the index; tagv
 * (grown as needed) holds its tags.  Only the summary's fields are set:
 * e was made empty with entry_init once, and stays so in the others.
 */
static void
rec_entry(const unsigned char *base, const struct irec *r, const char *path,
    struct entry *e, char ***tagv, size_t *tagcap)
{
	const struct istr *tags = (const void *)(base + r->tags);

	e->id = (char *)str_at(base, r->id);
	e->path = (char *)path;
	e->date.year = r->year;
	e->date.mon = r->mon;
	e->date.day = r->day;
	e->date.hour = r->hour;
	e->date.min = r->min;
	e->date.has_time = (r->flags & REC_TIME) != 0;
	e->title = (char *)str_at(base, r->title);
	e->series = (char *)str_at(base, r->series);
	e->part = (long)r->part;
	e->pos[F_PART].line = (int)r->part_line;
	e->pos[F_PART].col = (int)r->part_col;
	e->client = (char *)str_at(base, r->client);
	e->contact = (char *)str_at(base, r->contact);
	e->staff = (char *)str_at(base, r->staff);
	e->author = (char *)str_at(base, r->author);
	e->draft = (r->flags & REC_DRAFT) != 0;
	if (r->ntags > *tagcap) {
		*tagcap = r->ntags * 2;
		*tagv = xreallocarray(*tagv, *tagcap, sizeof(**tagv));
	}
	for (uint32_t k = 0; k < r->ntags; k++)
		(*tagv)[k] = (char *)str_at(base, tags[k]);
	e->tags.v = *tagv;
	e->tags.n = r->ntags;
}

/*
 * One walked file: its record when that holds, else the record of what
 * reading it gave (in the snapshot's own buffer, compact: no entry and
 * no string allocated per file); none when it does not load.
 */
struct item {
	const struct irec	*r;
	const unsigned char	*base;
	size_t			 fresh;	/* its record in fresh, while reading */
	const struct entry_file	*f;
};

struct index_snap {
	struct ixmap	 m;
	struct walk_tree t;
	struct buf	 fresh;		/* records of the files read now */
	struct item	*items;		/* in the walk's order */
	size_t		 nitems;
	uint32_t	*order;		/* those that load, listing order */
	size_t		 norder;
	struct entry	 scratch;
	bool		 scratch_ready;
	char		**tagv;
	size_t		 tagcap;
};

const struct entry *
summaries_at(struct summaries *s, size_t i)
{
	struct index_snap *x = s->snap;
	const struct item *it = &x->items[x->order[i]], *far, *near;

	/*
	 * The listing order jumps about the index: fetch the records a few
	 * rows ahead, and their strings once the records are in, while
	 * this one is formatted.
	 */
	if (i + 16 < x->norder && (far = &x->items[x->order[i + 16]])->r !=
	    NULL) {
		__builtin_prefetch(far->r);
		__builtin_prefetch((const char *)far->r + 64);
		__builtin_prefetch((const char *)far->r + 128);
	}
	if (i + 8 < x->norder && (near = &x->items[x->order[i + 8]])->r !=
	    NULL)
		__builtin_prefetch(near->base + near->r->area);

	if (!x->scratch_ready) {
		entry_init(&x->scratch);
		x->scratch_ready = true;
	}
	rec_entry(it->base, it->r, it->f->path, &x->scratch, &x->tagv,
	    &x->tagcap);
	return &x->scratch;
}

void
summaries_let_go(struct summaries *s)
{
	const struct ixmap *m = &s->snap->m;

	/* Clean pages of a read-only map: dropped, read again if met. */
	if (m->map != NULL)
		(void)madvise((void *)m->map, m->len, MADV_DONTNEED);
}

struct entry *
summaries_copy(struct summaries *s, size_t i)
{
	return entry_summary_copy(NULL, summaries_at(s, i));
}

void
summaries_free(struct summaries *s)
{
	struct index_snap *x = s->snap;

	if (x == NULL)
		return;
	buf_free(&x->fresh);
	free(x->items);
	free(x->order);
	free(x->tagv);
	walk_tree_free(&x->t);
	ix_close(&x->m);
	free(x);
	s->snap = NULL;
	s->n = 0;
}

/* The path of a walked file or directory relative to the store root. */
static const char *
rel_of(const char *root, const char *path)
{
	size_t n = strlen(root);

	return path + n + (n > 0 && root[n - 1] != '/');
}

/* Listing order of two items, as entry_cmp. */
struct key {
	struct date	 date;
	const char	*id;
	size_t		 idlen;
	uint32_t	 at;
};

static int
cmp_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	size_t n = x->idlen < y->idlen ? x->idlen : y->idlen;
	int c = date_cmp(&x->date, &y->date);

	if (c == 0 && (c = memcmp(x->id, y->id, n)) == 0)
		c = (x->idlen > y->idlen) - (x->idlen < y->idlen);
	return c;
}

static void
item_key(const struct item *it, uint32_t at, struct key *k)
{
	const struct irec *r = it->r;

	k->date.year = r->year;
	k->date.mon = r->mon;
	k->date.day = r->day;
	k->date.hour = r->hour;
	k->date.min = r->min;
	k->date.has_time = (r->flags & REC_TIME) != 0;
	k->id = str_at(it->base, r->id);
	k->idlen = r->id.len;
	k->at = at;
}

/* A string of the buffer being written, by a record's offset. */
struct okey {
	const char	*series, *id;	/* id: idlen bytes, not terminated */
	size_t		 idlen;
	uint32_t	 at;
};

/*
 * Series order: (series, path), so that a lookup of one series reads
 * its records in the order they lie in the file.
 */
static int
cmp_series(const void *a, const void *b)
{
	const struct okey *x = a, *y = b;
	int c = strcmp(x->series, y->series);

	return c ? c : (x->at > y->at) - (x->at < y->at);
}

static int
cmp_id(const void *a, const void *b)
{
	const struct okey *x = a, *y = b;
	int c = memcmp(x->id, y->id, x->idlen < y->idlen ? x->idlen :
	    y->idlen);

	return c ? c : (x->idlen > y->idlen) - (x->idlen < y->idlen);
}

struct odir {
	const char		*rel;
	const struct file_stat	*st;
};

static int
cmp_odir(const void *a, const void *b)
{
	return strcmp(((const struct odir *)a)->rel,
	    ((const struct odir *)b)->rel);
}

/*
 * A part of the index being written, kept in memory from offset at of
 * the file until it is written there: the records and their strings
 * go out as they are made, so that writing the index never holds a
 * second copy of the store's summaries.
 */
struct piece {
	struct buf	 b;
	uint64_t	 at;
	int		 fd;
	bool		 ok;	/* every write so far whole */
};

#define PIECE_FLUSH	65536		/* the tests cross it */

static void
piece_flush(struct piece *p)
{
	const char *s = p->b.s;
	size_t n = p->b.len;
	ssize_t w;

	while (p->ok && n > 0) {
		if ((w = pwrite(p->fd, s, n, (off_t)p->at)) <= 0) {
			if (w == -1 && errno == EINTR)
				continue;
			p->ok = false;
			break;
		}
		s += w;
		n -= (size_t)w;
		p->at += (uint64_t)w;
	}
	p->at += n;
	buf_reset(&p->b);
}

/*
 * The record of item it into *r, its strings after the end of b, which
 * begins at offset base of the file; the summary it holds into *view
 * (unless the file did not load).
 */
static void
item_record(struct index_snap *x, const char *root, int64_t t0,
    const struct item *it, struct buf *b, size_t base, struct irec *r,
    struct entry *view)
{
	if (it->r != NULL) {
		entry_init(view);
		rec_entry(it->base, it->r, it->f->path, view, &x->tagv,
		    &x->tagcap);
	}
	make_record(b, base, r, rel_of(root, it->f->path), &it->f->st,
	    it->r != NULL ? view : NULL, is_racy(&it->f->st, t0) ?
	    REC_RACY : 0);
}

/*
 * The copies of the records of series, ks[nks] by (series, path), as
 * pieces from offset at of fd on; ser, one per series, is told where
 * each series' copies lie.  Their end, or 0 when a write failed.
 */
static uint64_t
put_copies(struct index_snap *x, const char *root, int64_t t0,
    const struct okey *ks, size_t nks, struct iseries *ser, int fd,
    uint64_t at)
{
	struct piece p = { BUF_INIT, at, fd, true };
	struct iseries *s = NULL;

	for (size_t i = 0; i < nks; i++) {
		struct entry view;
		struct irec r;
		size_t ra;

		if (i == 0 || strcmp(ks[i].series, ks[i - 1].series) != 0) {
			s = s == NULL ? ser : s + 1;
			memset(s, 0, sizeof(*s));
			s->recs = p.at + p.b.len;
		}
		ra = reserve(&p.b, sizeof(r));
		item_record(x, root, t0, &x->items[ks[i].at], &p.b, p.at, &r,
		    &view);
		memcpy(p.b.s + ra, &r, sizeof(r));
		pad_to(&p.b, 8);
		s->nrecs++;
		s->len += p.b.len - ra;
		if (p.b.len >= PIECE_FLUSH)
			piece_flush(&p);
	}
	piece_flush(&p);
	buf_free(&p.b);
	return p.ok ? p.at : 0;
}

/*
 * A new index from the snapshot: its items (in the walk's order, with
 * their listing order) and the walk's directories, racy by t0, the
 * walk's start.  Quiet on failure.
 */
static void
index_write(struct index_snap *x, const char *root, int64_t t0)
{
	struct buf b = BUF_INIT, tmp = BUF_INIT;
	struct piece recs, strs;
	struct ihead h;
	struct odir *dirs = xreallocarray(NULL, x->t.ndirs + 1, sizeof(*dirs));
	struct okey *ks = xreallocarray(NULL, x->nitems + 1, sizeof(*ks));
	struct okey *ki = xreallocarray(NULL, x->nitems + 1, sizeof(*ki));
	struct iseries *ser;
	size_t nks = 0, nser = 0, nslugs = 0, at;
	char *path = path_join(root, INDEX_FILE);
	int fd;

	if ((fd = fsio_replacement(path, 0600, &tmp)) == -1) {
		free(path);
		buf_free(&tmp);
		free(dirs);
		free(ks);
		free(ki);
		return;
	}
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, MAGIC, 8);
	h.bom = BYTE_ORDER_MARK;
	reserve(&b, sizeof(h));
	/* Directories, sorted as strings for bisection. */
	for (size_t i = 0; i < x->t.ndirs; i++) {
		dirs[i].rel = rel_of(root, x->t.dirs[i].path);
		dirs[i].st = &x->t.dirs[i].st;
	}
	qsort(dirs, x->t.ndirs, sizeof(*dirs), cmp_odir);
	h.dirs = b.len;
	h.ndirs = (uint32_t)x->t.ndirs;
	at = reserve(&b, x->t.ndirs * sizeof(struct idir));
	for (size_t i = 0; i < x->t.ndirs; i++)
		put_dir(&b, at + i * sizeof(struct idir), dirs[i].rel,
		    dirs[i].st, is_racy(dirs[i].st, t0));
	pad_to(&b, 8);
	/* Records, then their strings, each written as it fills. */
	h.recs = b.len;
	h.nrecs = (uint32_t)x->nitems;
	h.strs = h.recs + x->nitems * sizeof(struct irec);
	recs = (struct piece){ BUF_INIT, h.recs, fd, true };
	strs = (struct piece){ BUF_INIT, h.strs, fd, true };
	for (size_t i = 0; i < x->nitems; i++) {
		const struct item *it = &x->items[i];
		struct entry view;
		struct irec r;

		item_record(x, root, t0, it, &strs.b, strs.at, &r, &view);
		buf_add(&recs.b, &r, sizeof(r));
		/* The orders' keys: the walk's and the snapshot's strings. */
		ki[i].id = id_of(rel_of(root, it->f->path), &ki[i].idlen);
		ki[i].at = (uint32_t)i;
		if (it->r == NULL)
			h.nbad++;
		else if (view.series != NULL) {
			ks[nks].series = view.series;
			ks[nks++].at = (uint32_t)i;
		}
		if (recs.b.len >= PIECE_FLUSH)
			piece_flush(&recs);
		if (strs.b.len >= PIECE_FLUSH) {
			pad_to(&strs.b, 8);	/* the next area stays aligned */
			piece_flush(&strs);
		}
	}
	piece_flush(&recs);
	pad_to(&strs.b, 8);
	piece_flush(&strs);
	buf_free(&recs.b);
	buf_free(&strs.b);
	memcpy(b.s, &h, sizeof(h));	/* b is the head and directories */
	h.sum_dirs = checksum(b.s + h.dirs, h.recs - h.dirs, 0);
	recs.b = b;			/* written at 0 with the head, last */
	b = (struct buf)BUF_INIT;
	at = strs.at;			/* the series table begins here */
	qsort(ks, nks, sizeof(*ks), cmp_series);
	qsort(ki, x->nitems, sizeof(*ki), cmp_id);
	/*
	 * The table, the slugs and the orders are laid out first, so that
	 * the copies after them can go out before them, as pieces.
	 */
	for (size_t i = 0; i < nks; i++)
		if (i == 0 || strcmp(ks[i].series, ks[i - 1].series) != 0) {
			nser++;
			nslugs += strlen(ks[i].series) + 1;
		}
	h.series = at;
	h.nseries = (uint32_t)nser;
	h.bylist = at + nser * sizeof(struct iseries) + (nslugs + 3) / 4 * 4;
	h.nlist = (uint32_t)x->norder;
	h.byid = h.bylist + x->norder * 4;
	h.bybad = h.byid + x->nitems * 4;
	h.sums = (h.bybad + h.nbad * 4 + 7) / 8 * 8;
	h.nblocks = (uint32_t)blocks_of(&h);
	h.copies = h.sums + (uint64_t)h.nblocks * 8;
	ser = xreallocarray(NULL, nser + 1, sizeof(*ser));
	h.end = put_copies(x, root, t0, ks, nks, ser, fd, h.copies);
	reserve(&b, nser * sizeof(*ser));
	for (size_t i = 0, k = 0; i < nks; i++)
		if (i == 0 || strcmp(ks[i].series, ks[i - 1].series) != 0)
			ser[k++].slug = put_str(&b, at, ks[i].series);
	memcpy(b.s, ser, nser * sizeof(*ser));
	pad_to(&b, 4);
	buf_add(&b, x->order, x->norder * 4);
	for (size_t i = 0; i < x->nitems; i++)
		buf_add(&b, &ki[i].at, 4);
	for (size_t i = 0; i < x->nitems; i++)
		if (x->items[i].r == NULL) {
			uint32_t k = (uint32_t)i;

			buf_add(&b, &k, 4);
		}
	pad_to(&b, 8);
	/* A sum for each block of the table and the orders. */
	for (uint64_t i = 0; i < h.nblocks; i++) {
		uint64_t from = h.series + i * BLOCK, sum;

		sum = checksum(b.s + (from - at), h.sums - from < BLOCK ?
		    h.sums - from : BLOCK, i);
		buf_add(&b, &sum, 8);
	}
	h.sum_sums = checksum(b.s + (h.sums - at), h.copies - h.sums, 0);
	h.sum = checksum(&h, offsetof(struct ihead, sum), 0);
	memcpy(recs.b.s, &h, sizeof(h));
	strs.b = b;
	strs.at = at;
	piece_flush(&strs);
	recs.at = 0;
	piece_flush(&recs);
	(void)fsio_replace_with(fd, tmp.s, path, recs.ok && strs.ok &&
	    h.end != 0 && h.end <= INDEX_MAX);
	buf_free(&recs.b);
	buf_free(&strs.b);
	buf_free(&tmp);
	free(path);
	free(dirs);
	free(ks);
	free(ki);
	free(ser);
}

/* --- the snapshot: the walk merged with the index --- */

/* The directories that hold: the chunks' over the base's, by path. */
struct edir {
	const char		*rel;
	const struct idir	*d;
};

static struct edir *
eff_dirs(const struct ixmap *m, size_t *n)
{
	struct edir *v = xreallocarray(NULL, m->h->ndirs + m->nxdirs + 1,
	    sizeof(*v));
	size_t i = 0, k = 0;

	*n = 0;
	while (i < m->h->ndirs || k < m->nxdirs) {
		const char *a = i < m->h->ndirs ?
		    str_at(m->map, m->dirs[i].rel) : NULL;
		const char *b = k < m->nxdirs ?
		    str_at(m->xdirs[k].base, m->xdirs[k].d->rel) : NULL;
		int c = a == NULL ? 1 : b == NULL ? -1 : strcmp(a, b);

		if (c < 0) {
			v[*n].rel = a;
			v[(*n)++].d = &m->dirs[i++];
		} else {
			v[*n].rel = b;
			v[(*n)++].d = m->xdirs[k++].d;
			i += c == 0;
		}
	}
	return v;
}

/* Whether the walk read the directories the index holds, unchanged. */
static bool
dirs_same(const struct ixmap *m, const char *root, const struct walk_tree *t,
    int64_t t0)
{
	struct odir *w = xreallocarray(NULL, t->ndirs + 1, sizeof(*w));
	size_t n;
	struct edir *e = eff_dirs(m, &n);
	bool same = n == t->ndirs;

	for (size_t i = 0; i < t->ndirs; i++) {
		w[i].rel = rel_of(root, t->dirs[i].path);
		w[i].st = &t->dirs[i].st;
	}
	qsort(w, t->ndirs, sizeof(*w), cmp_odir);
	for (size_t i = 0; same && i < n; i++)
		same = strcmp(e[i].rel, w[i].rel) == 0 &&
		    dir_equal(e[i].d, w[i].st) &&
		    ((e[i].d->flags & REC_RACY) != 0) == is_racy(w[i].st, t0);
	free(w);
	free(e);
	return same;
}

enum snap_mode {
	SNAP_READ,	/* read what the index does not know; write it */
	SNAP_KNOWN,	/* only what it knows; the rest is the caller's */
	SNAP_REWRITE	/* as SNAP_READ, and written even when it holds */
};

/* Whether a sound record holds for the walked file f. */
static bool
holds(const struct irec *r, const struct entry_file *f)
{
	struct file_stat st;

	if ((r->flags & (REC_RACY | REC_BAD)) != 0)
		return false;
	rec_stat(r, &st);
	return stat_equal(&st, &f->st);
}

/*
 * Whether a file that did not load failed for its data only (it stays
 * out as a bad record); anything else (no descriptor left, an I/O
 * error) makes the walk's picture partial.
 */
static bool
failed_for_data(void)
{
	int worst = diag_status();

	return worst == 0 || worst == EXIT_DATAERR;
}

/*
 * The listing made ahead (index_summaries_ahead): in a thread of its
 * own while the walk runs, the index is opened and its listing, as it
 * stands, put through the caller's row until cap bytes.  The thread
 * alone touches the map until it is joined.
 */
struct ahead_run {
	const char		*root;
	struct ixmap		*m;
	struct index_ahead	*a;
	bool			 have;	/* the index opened */
	bool			 sound;	/* every record met was */
	pthread_t		 thread;
};

static void *
make_ahead(void *arg)
{
	struct ahead_run *ar = arg;
	struct ixmap *m = ar->m;
	struct index_ahead *a = ar->a;
	char **tagv = NULL;
	size_t tagcap = 0;
	struct entry e;

	entry_init(&e);
	if (!(ar->have = ix_open(ar->root, true, m)) || m->nchunks > 0)
		return NULL;	/* the walk will find it changed */
	ar->sound = true;
	/* The room at once: no copy of what was made as it grows. */
	if (a->row != NULL)
		buf_grow(&a->out, a->cap + 65536);
	for (uint32_t k = 0; k < m->h->nlist && (a->row == NULL ||
	    a->out.len < a->cap); k++) {
		uint32_t i = ord(m, BY_LIST, k);
		const struct irec *r = i != UINT32_MAX ? brec(m, i) : NULL;

		if (r == NULL) {
			ar->sound = false;
			break;
		}
		if (a->row == NULL)
			continue;	/* checked, for the caller's use */
		rec_entry(m->map, r, NULL, &e, &tagv, &tagcap);
		a->row(&e, &a->out, a->arg);
		a->rows++;
	}
	free(tagv);
	return NULL;
}

/* The thread started, or false (then the caller opens the index). */
static bool
ahead_start(struct ahead_run *ar)
{
	sigset_t all, was;
	bool started;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &was);
	started = pthread_create(&ar->thread, NULL, make_ahead, ar) == 0;
	pthread_sigmask(SIG_SETMASK, &was, NULL);
	return started;
}

static int
snap_build(struct store *st, struct index_snap *x, enum snap_mode mode,
    struct strlist *unknown, struct index_ahead *ahead)
{
	const char *root = st->root;
	int64_t t0 = now_ns();
	struct ahead_run ar = { root, &x->m, ahead, false, false, 0 };
	struct key *keys;
	bool have, changed, whole = true, aheading;
	uint32_t j = 0;
	int rc;

	aheading = ahead != NULL && ahead_start(&ar);
	rc = walk_tree(root, &x->t, walk_warn_not_entry, NULL);
	if (aheading) {
		pthread_join(ar.thread, NULL);
		have = ar.have;
	} else
		have = ix_open(root, true, &x->m);
	changed = !have || x->m.nchunks > 0;
	x->items = xcalloc(x->t.nfiles + 1, sizeof(*x->items));
	x->nitems = x->t.nfiles;
	for (size_t i = 0; i < x->t.nfiles; i++) {
		const struct entry_file *f = &x->t.files[i];
		const char *rel = rel_of(root, f->path);
		struct item *it = &x->items[i];
		const struct xrec *xr;
		struct xrec rec = { NULL, NULL };
		struct entry *e;
		int c = 1;

		it->f = f;
		it->fresh = SIZE_MAX;
		if (have) {
			/*
			 * Both are in the order of paths: passed ones are
			 * gone (a damaged one passes as "").
			 */
			while (j < x->m.h->nrecs && (c = strcmp(brel(&x->m, j),
			    rel)) < 0) {
				changed = true;
				j++;
			}
			if (c == 0) {
				rec.r = &x->m.recs[j++];
				rec.base = x->m.map;
			}
			if ((xr = xrec_find(&x->m, rel)) != NULL)
				rec = *xr;
		}
		if (rec.r != NULL && holds(rec.r, f)) {
			it->r = rec.r;
			it->base = rec.base;
			continue;
		}
		changed = true;
		if (mode == SNAP_KNOWN)
			strlist_add(unknown, f->path);
		else if ((e = load_summary(f->path)) == NULL)
			whole &= failed_for_data();	/* reported */
		else {
			pad_to(&x->fresh, 8);
			it->fresh = reserve(&x->fresh, sizeof(struct irec));
			put_record(&x->fresh, it->fresh, rel, &f->st, e, 0);
			entry_free(e);
			free(e);
		}
	}
	if (have && (j < x->m.h->nrecs || !dirs_same(&x->m, root, &x->t, t0)))
		changed = true;
	/* The buffer is whole now: the records read stand in it. */
	for (size_t i = 0; i < x->nitems; i++)
		if (x->items[i].fresh != SIZE_MAX) {
			x->items[i].r = (const void *)(x->fresh.s +
			    x->items[i].fresh);
			x->items[i].base = (const unsigned char *)x->fresh.s;
		}
	x->order = xreallocarray(NULL, x->nitems + 1, sizeof(*x->order));
	if (!changed) {
		/* Record i is item i: the index's listing order holds. */
		for (uint32_t k = 0; k < x->m.h->nlist; k++)
			if (ord(&x->m, BY_LIST, k) < x->nitems)
				x->order[x->norder++] = ord(&x->m, BY_LIST, k);
	} else {
		keys = xreallocarray(NULL, x->nitems + 1, sizeof(*keys));
		for (size_t i = 0; i < x->nitems; i++)
			if (x->items[i].r != NULL)
				item_key(&x->items[i], (uint32_t)i,
				    &keys[x->norder++]);
		qsort(keys, x->norder, sizeof(*keys), cmp_key);
		for (size_t k = 0; k < x->norder; k++)
			x->order[k] = keys[k].at;
		free(keys);
	}
	/* What was made ahead is the listing only if nothing changed. */
	if (ahead != NULL && (changed || !ar.sound)) {
		buf_reset(&ahead->out);
		ahead->rows = 0;
	}
	/* Only a walk that read everything may say what is there. */
	if (mode != SNAP_KNOWN && rc == 0 && whole &&
	    (changed || mode == SNAP_REWRITE))
		index_write(x, root, t0);
	return rc;
}

static int
summaries_build(struct store *st, struct summaries *s, enum snap_mode mode,
    struct index_ahead *ahead)
{
	int rc;

	s->snap = xcalloc(1, sizeof(*s->snap));
	if (ahead != NULL) {
		buf_reset(&ahead->out);
		ahead->rows = 0;
	}
	rc = snap_build(st, s->snap, mode, NULL, ahead);
	s->n = s->snap->norder;
	return rc;
}

int
index_summaries(struct store *st, struct summaries *s)
{
	return summaries_build(st, s, SNAP_READ, NULL);
}

int
index_summaries_ahead(struct store *st, struct summaries *s,
    struct index_ahead *ahead)
{
	return summaries_build(st, s, SNAP_READ, ahead);
}

int
index_order(struct store *st, struct summaries *known,
    struct strlist *unknown)
{
	/* No rows: the records are only checked while the walk runs. */
	struct index_ahead checked = { NULL, NULL, 0, BUF_INIT, 0 };
	int rc;

	known->snap = xcalloc(1, sizeof(*known->snap));
	unknown->v = NULL;
	unknown->n = 0;
	rc = snap_build(st, known->snap, SNAP_KNOWN, unknown, &checked);
	buf_free(&checked.out);
	known->n = known->snap->norder;
	return rc;
}

int
index_load(struct store *st, struct entry_list *list)
{
	struct summaries s;
	int rc = index_summaries(st, &s);

	list->v = xreallocarray(NULL, s.n + 1, sizeof(*list->v));
	list->n = 0;
	for (size_t i = 0; i < s.n; i++)
		list->v[list->n++] = summaries_copy(&s, i);
	summaries_free(&s);
	return rc;
}

/* --- lookups without the walk --- */

/* root/rel into b. */
static const char *
full_path(struct buf *b, const char *root, const char *rel)
{
	size_t n = strlen(root);

	buf_reset(b);
	buf_adds(b, root);
	if (n > 0 && root[n - 1] != '/')
		buf_addc(b, '/');
	buf_adds(b, rel);
	return b->s;
}

/* Whether rel is dir/NAME, directly in dir (length n). */
static bool
directly_in(const char *rel, const char *dir, size_t n)
{
	return strncmp(rel, dir, n) == 0 && rel[n] == '/' &&
	    strchr(rel + n + 1, '/') == NULL;
}

static int
cmp_edir_rel(const void *key, const void *elem)
{
	return strcmp(key, ((const struct edir *)elem)->rel);
}

/*
 * A directory that changed since the index recorded it, or that is
 * racy, read again: its directories must be those the index holds;
 * its entry files that are new, or whose stat data differ from their
 * records (or that are racy), go to dirty.  Files gone are found gone
 * where they are looked at.
 */
static bool
relist(struct ixmap *m, const char *root, const struct edir *ed,
    size_t ned, const struct edir *d, struct strlist *dirty)
{
	struct buf path = BUF_INIT, rel = BUF_INIT;
	size_t nsubs = 0, dlen = strlen(d->rel), known = 0;
	struct dirent *de;
	bool same = true;
	DIR *dir;
	int fd;

	fd = open(full_path(&path, root, d->rel), O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 || (dir = fdopendir(fd)) == NULL) {
		if (fd != -1)
			close(fd);
		buf_free(&path);
		return false;
	}
	while (same && (de = readdir(dir)) != NULL) {
		unsigned char type = de->d_type;
		struct stat sb;
		struct xrec rec;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (type == DT_UNKNOWN || (type == DT_REG &&
		    walk_entry_name(de->d_name))) {
			if (fstatat(dirfd(dir), de->d_name, &sb,
			    AT_SYMLINK_NOFOLLOW) == -1) {
				same = false;
				break;
			}
			type = IFTODT(sb.st_mode);
		}
		buf_reset(&rel);
		buf_addf(&rel, "%s/%s", d->rel, de->d_name);
		if (type == DT_DIR && de->d_name[0] != '.' &&
		    d->d->depth < WALK_MAX_DEPTH) {
			same = bsearch(rel.s, ed, ned, sizeof(*ed),
			    cmp_edir_rel) != NULL;
			nsubs++;
		} else if (type == DT_REG && walk_entry_name(de->d_name)) {
			struct file_stat now, was;

			if (!rec_find(m, rel.s, &rec)) {
				strlist_add(dirty, full_path(&path, root, rel.s));
				continue;
			}
			file_stat_from(&now, &sb);
			rec_stat(rec.r, &was);
			if (!stat_equal(&now, &was) ||
			    (rec.r->flags & REC_RACY) != 0)
				strlist_add(dirty, full_path(&path, root,
				    rel.s));
		}
	}
	closedir(dir);
	for (size_t i = 0; i < ned; i++)
		known += directly_in(ed[i].rel, d->rel, dlen);
	same = same && known == nsubs;
	buf_free(&path);
	buf_free(&rel);
	return same;
}

/* Beyond this many new or changed files, a lookup walks instead. */
#define DIRTY_MAX	256

/*
 * Whether the index can be trusted without a walk: every directory it
 * holds is still there; those changed since and the racy ones read
 * again (their new and changed files go to dirty) as long as they have
 * the directories recorded and not too many files changed.  No
 * directory at all: entries/ must not have been made since.
 */
static bool
trusted(struct ixmap *m, const char *root, struct strlist *dirty)
{
	struct buf path = BUF_INIT;
	struct file_stat now;
	size_t n;
	struct edir *ed = eff_dirs(m, &n);
	bool ok = true;
	struct stat sb;

	if (n == 0)
		ok = lstat(full_path(&path, root, "entries"), &sb) == -1 &&
		    errno == ENOENT;
	for (size_t i = 0; ok && i < n; i++) {
		ok = dir_stat_at(AT_FDCWD, full_path(&path, root, ed[i].rel),
		    &now);
		if (ok && (!dir_equal(ed[i].d, &now) ||
		    (ed[i].d->flags & REC_RACY) != 0))
			ok = relist(m, root, ed, n, &ed[i], dirty) &&
			    dirty->n <= DIRTY_MAX;
	}
	free(ed);
	buf_free(&path);
	return ok && !m->damaged;
}

static bool
in_slugs(const char *series, const char *const *slugs, size_t n)
{
	for (size_t i = 0; series != NULL && i < n; i++)
		if (strcmp(series, slugs[i]) == 0)
			return true;
	return false;
}

/* A file a lookup looks at: its path, and its record if it has one. */
struct cand {
	const char	*rel;
	struct xrec	 rec;
	bool		 dirty;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	int c = strcmp(x->rel, y->rel);

	return c ? c : (y->dirty - x->dirty);	/* dirty first */
}

struct cands {
	struct cand	*v;
	size_t		 n, cap;
};

static void
cand_add(struct cands *c, const char *rel, const struct xrec *rec, bool dirty)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xreallocarray(c->v, c->cap, sizeof(*c->v));
	}
	c->v[c->n].rel = rel;
	c->v[c->n].rec = *rec;
	c->v[c->n++].dirty = dirty;
}

/* A base record as a candidate, unless a chunk holds its path. */
static void
cand_base(struct cands *c, struct ixmap *m, uint32_t i)
{
	struct xrec rec = { brec(m, i), m->map };

	if (rec.r != NULL && xrec_find(m, rec_rel(&rec)) == NULL)
		cand_add(c, rec_rel(&rec), &rec, false);
}

/*
 * Series k of the table, its slug into *slug; NULL, with the map marked
 * damaged, when they are not sound.
 */
static const struct iseries *
nth_series(struct ixmap *m, uint32_t k, const char **slug)
{
	uint64_t at = m->h->series + (uint64_t)k * sizeof(struct iseries);
	uint64_t lo = m->h->series + (uint64_t)m->h->nseries *
	    sizeof(struct iseries);
	const struct iseries *s = (const void *)(m->map + at);

	if (!summed(m, at, sizeof(*s)))
		return NULL;
	if (s->slug.off == NO_STRING ||
	    !summed(m, s->slug.off, (uint64_t)s->slug.len + 1) ||
	    !str_ok(m->map, s->slug, lo, m->h->bylist)) {
		m->damaged = true;
		return NULL;
	}
	*slug = str_at(m->map, s->slug);
	return s;
}

/* The series slug in the table, by bisection, or NULL. */
static const struct iseries *
series_find(struct ixmap *m, const char *slug)
{
	uint32_t a = 0, b = m->h->nseries;

	while (a < b) {
		uint32_t mid = a + (b - a) / 2;
		const struct iseries *s;
		const char *name;
		int c;

		if ((s = nth_series(m, mid, &name)) == NULL)
			return NULL;
		if ((c = strcmp(name, slug)) == 0)
			return s;
		if (c < 0)
			a = mid + 1;
		else
			b = mid;
	}
	return NULL;
}

/*
 * The copies of series s's records as candidates, unless a chunk holds
 * their paths; each checked where it lies, and all of them lying
 * exactly where the table says, else the map is marked damaged.
 */
static void
cand_series(struct cands *c, struct ixmap *m, const struct iseries *s)
{
	uint64_t at = s->recs, hi = s->recs + s->len;

	if (s->recs < m->h->copies || s->recs % 8 != 0 ||
	    s->len > m->h->end - s->recs) {
		m->damaged = true;
		return;
	}
	for (uint32_t k = 0; k < s->nrecs; k++) {
		struct xrec rec = { (const void *)(m->map + at), m->map };

		if (hi - at < sizeof(struct irec) ||
		    rec.r->area != at + sizeof(struct irec) ||
		    !rec_ok(m->map, rec.r, at + sizeof(struct irec), hi)) {
			m->damaged = true;
			return;
		}
		if (xrec_find(m, rec_rel(&rec)) == NULL)
			cand_add(c, rec_rel(&rec), &rec, false);
		at = ((uint64_t)rec.r->area + rec.r->narea + 7) / 8 * 8;
	}
	if (at != hi)
		m->damaged = true;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* What a lookup of the parts of series collects, and with what. */
struct lookup {
	const char *const *slugs;
	size_t		   n;
	bool		   strict;
	struct parts	  *p;
	char		 **tagv;	/* the tags of a record's view */
	size_t		   tagcap;
};

/* Summary v (it points elsewhere) into the parts, if of their series. */
static void
lookup_take(struct lookup *lk, const struct entry *v)
{
	if (in_slugs(v->series, lk->slugs, lk->n))
		lk->p->l.v[lk->p->l.n++] = entry_summary_copy(&lk->p->arena, v);
}

/* String s of a record's area at from, in its copy at to. */
static char *
moved(char *s, const char *from, char *to)
{
	return s == NULL ? NULL : to + (s - from);
}

/*
 * The summary of record x into the parts, of file path: its strings
 * copied at once, as they lie in the record's area.
 */
static void
lookup_take_rec(struct lookup *lk, const struct xrec *x, const char *path)
{
	struct arena *a = &lk->p->arena;
	const char *area = (const char *)x->base + x->r->area;
	struct entry *e;
	char *copy, **tags;

	if (!in_slugs(str_at(x->base, x->r->series), lk->slugs, lk->n))
		return;
	e = arena_alloc(a, sizeof(*e));
	copy = arena_alloc(a, x->r->narea);
	memcpy(copy, area, x->r->narea);
	entry_init(e);
	rec_entry(x->base, x->r, path, e, &lk->tagv, &lk->tagcap);
	e->id = moved(e->id, area, copy);
	e->title = moved(e->title, area, copy);
	e->series = moved(e->series, area, copy);
	e->client = moved(e->client, area, copy);
	e->contact = moved(e->contact, area, copy);
	e->staff = moved(e->staff, area, copy);
	e->author = moved(e->author, area, copy);
	e->path = arena_strdup(a, path);
	if (e->tags.n > 0) {
		tags = arena_alloc(a, e->tags.n * sizeof(*tags));
		for (size_t k = 0; k < e->tags.n; k++)
			tags[k] = moved(e->tags.v[k], area, copy);
		e->tags.v = tags;
	}
	lk->p->l.v[lk->p->l.n++] = e;
}

/*
 * What a lookup makes of file path (it exists, now): its record's
 * summary when that holds, else the file read again.  A file that did
 * not load and has not changed is passed over quietly, unless strict.
 */
static void
cand_take(struct lookup *lk, const struct cand *k, const char *path,
    const struct file_stat *now)
{
	struct file_stat was;
	struct entry *e;

	if (!k->dirty && k->rec.r != NULL) {
		rec_stat(k->rec.r, &was);
		if (stat_equal(now, &was) && (k->rec.r->flags & REC_BAD) != 0 &&
		    !lk->strict)
			return;
		if (stat_equal(now, &was) &&
		    (k->rec.r->flags & (REC_RACY | REC_BAD)) == 0) {
			lookup_take_rec(lk, &k->rec, path);
			return;
		}
	}
	if ((e = load_summary(path)) != NULL) {	/* or reported */
		lookup_take(lk, e);
		entry_free(e);
		free(e);
	}
}

/*
 * The files a lookup stats lie a run to a directory: stat them by their
 * names in it, not by their paths from the root.
 */
struct statdir {
	struct buf	 rel;		/* the directory open as fd */
	int		 fd;
};

/* The stat data of the entry file at rel, as entry_file_stat gives them. */
static bool
statdir_stat(struct statdir *sd, const char *root, const char *rel,
    struct buf *path, struct file_stat *out)
{
	const char *name = strrchr(rel, '/') + 1;
	size_t n = (size_t)(name - 1 - rel);
	struct stat sb;

	if (sd->fd == -1 || sd->rel.len != n || memcmp(sd->rel.s, rel, n) != 0) {
		if (sd->fd != -1)
			close(sd->fd);
		buf_reset(&sd->rel);
		buf_add(&sd->rel, rel, n);
		sd->fd = open(full_path(path, root, sd->rel.s), O_RDONLY |
		    O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (sd->fd == -1 && errno != ENOENT && errno != ENOTDIR)
			/* No descriptor left, say: by the path, then. */
			return entry_file_stat(full_path(path, root, rel), out);
	}
	if (sd->fd == -1 || fstatat(sd->fd, name, &sb,
	    AT_SYMLINK_NOFOLLOW) == -1 || !S_ISREG(sb.st_mode))
		return false;
	file_stat_from(out, &sb);
	return true;
}

static int
load_parts(struct store *st, const char *const *given, size_t ngiven,
    bool strict, struct parts *p)
{
	struct strlist dirty = { NULL, 0 };
	struct cands c = { NULL, 0, 0 };
	struct buf path = BUF_INIT, full = BUF_INIT;
	struct statdir sd = { BUF_INIT, -1 };
	const char **slugs = xreallocarray(NULL, ngiven + 1, sizeof(*slugs));
	size_t rootlen;
	struct lookup lk = { slugs, 0, strict, p, NULL, 0 };
	struct summaries all;
	struct ixmap m;
	int rc = 0;

	/* Each series once: a batch names one many times. */
	memcpy(slugs, given, ngiven * sizeof(*slugs));
	qsort(slugs, ngiven, sizeof(*slugs), cmp_str);
	for (size_t i = 0; i < ngiven; i++)
		if (lk.n == 0 || strcmp(slugs[lk.n - 1], slugs[i]) != 0)
			slugs[lk.n++] = slugs[i];
	memset(p, 0, sizeof(*p));
	if (!ix_open(st->root, false, &m) || !trusted(&m, st->root, &dirty))
		goto walk;
	/* The series' records, those that did not load, the changed. */
	for (size_t k = 0; k < lk.n; k++) {
		const struct iseries *s = series_find(&m, slugs[k]);

		if (s != NULL)
			cand_series(&c, &m, s);
	}
	for (uint32_t i = 0; i < m.h->nbad; i++)
		cand_base(&c, &m, ord(&m, BY_BAD, i));
	for (size_t i = 0; i < m.nxrecs; i++)
		if (in_slugs(str_at(m.xrecs[i].base, m.xrecs[i].r->series),
		    slugs, lk.n) || (m.xrecs[i].r->flags & REC_BAD) != 0)
			cand_add(&c, rec_rel(&m.xrecs[i]), &m.xrecs[i], false);
	for (size_t i = 0; i < dirty.n; i++) {
		struct xrec none = { NULL, NULL };

		cand_add(&c, rel_of(st->root, dirty.v[i]), &none, true);
	}
	if (m.damaged)
		goto walk;
	/* Only a changed file can be a candidate twice: once as dirty. */
	if (dirty.n > 0 && c.n > 1)
		qsort(c.v, c.n, sizeof(*c.v), cmp_cand);
	p->l.v = xreallocarray(NULL, c.n + 1, sizeof(*p->l.v));
	rootlen = strlen(full_path(&full, st->root, ""));
	for (size_t i = 0; i < c.n; i++) {
		struct file_stat now;

		if (dirty.n > 0 && i > 0 && strcmp(c.v[i].rel,
		    c.v[i - 1].rel) == 0)
			continue;	/* dirty first, then its record */
		if (!statdir_stat(&sd, st->root, c.v[i].rel, &path, &now))
			continue;	/* removed since: as the walk would */
		full.len = rootlen;	/* root/, then the file's path */
		buf_adds(&full, c.v[i].rel);
		cand_take(&lk, &c.v[i], full.s, &now);
	}
	goto out;
walk:
	/*
	 * Not to be trusted: the walk, which writes a new index; also when
	 * the damage is in the copies of a series, which a walk never reads.
	 */
	rc = summaries_build(st, &all, m.damaged ? SNAP_REWRITE : SNAP_READ,
	    NULL);
	p->l.v = xreallocarray(NULL, all.n + 1, sizeof(*p->l.v));
	for (size_t i = 0; i < all.n; i++)
		lookup_take(&lk, summaries_at(&all, i));
	summaries_free(&all);
out:
	if (p->l.n > 1)
		qsort(p->l.v, p->l.n, sizeof(*p->l.v), entry_cmp);
	if (sd.fd != -1)
		close(sd.fd);
	buf_free(&sd.rel);
	free(lk.tagv);
	free(c.v);
	free(slugs);
	strlist_free(&dirty);
	buf_free(&path);
	buf_free(&full);
	ix_close(&m);
	return rc;
}

void
parts_free(struct parts *p)
{
	free(p->l.v);
	arena_free(&p->arena);
	memset(p, 0, sizeof(*p));
}

int
index_load_series(struct store *st, const char *slug, struct parts *p)
{
	return load_parts(st, &slug, 1, false, p);
}

int
index_load_parts(struct store *st, const char *const *slugs, size_t n,
    struct parts *p)
{
	return load_parts(st, slugs, n, true, p);
}

/* path, when it is still an entry file: a record may outlive its file. */
static void
add_if_there(struct strlist *l, const char *path)
{
	struct file_stat st;

	if (entry_file_stat(path, &st))
		strlist_add(l, path);
}

/* Base record i's ID, or "" when it is damaged. */
static const char *
bid(struct ixmap *m, uint32_t i)
{
	const struct irec *r = brec(m, i);

	return r != NULL ? str_at(m->map, r->id) : "";
}

int
index_find_ids(struct store *st, const char *prefix, struct strlist *out)
{
	struct strlist dirty = { NULL, 0 };
	struct buf path = BUF_INIT;
	size_t plen = strlen(prefix);
	struct ixmap m;
	uint32_t lo = 0, hi;
	char **paths;
	size_t n;
	int rc = 0;

	out->v = NULL;
	out->n = 0;
	if (!ix_open(st->root, false, &m) || !trusted(&m, st->root, &dirty))
		goto walk;
	/* By ID in the base, then the chunks'. */
	hi = m.h->nrecs;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strcmp(bid(&m, ord(&m, BY_ID, mid)), prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < m.h->nrecs; lo++) {
		const struct irec *r = brec(&m, ord(&m, BY_ID, lo));
		const char *rel;

		if (r == NULL || strncmp(str_at(m.map, r->id), prefix,
		    plen) != 0)
			break;
		rel = str_at(m.map, r->rel);
		if (xrec_find(&m, rel) == NULL)
			add_if_there(out, full_path(&path, st->root, rel));
	}
	for (size_t i = 0; i < m.nxrecs; i++)
		if (strncmp(str_at(m.xrecs[i].base, m.xrecs[i].r->id), prefix,
		    plen) == 0)
			add_if_there(out, full_path(&path, st->root,
			    rec_rel(&m.xrecs[i])));
	/* New files in changed directories, unless a record named them. */
	for (size_t i = 0; i < dirty.n; i++) {
		const char *b = strrchr(dirty.v[i], '/') + 1;
		struct xrec rec;

		if (strncmp(b, prefix, plen) == 0 &&
		    !rec_find(&m, rel_of(st->root, dirty.v[i]), &rec))
			strlist_add(out, dirty.v[i]);
	}
	if (!m.damaged) {
		if (out->n > 1)
			qsort(out->v, out->n, sizeof(*out->v), cmp_str);
		goto out;
	}
	strlist_free(out);
walk:
	/* The walk: every name, as it is now. */
	rc = walk_paths(st->root, &paths, &n, NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		const char *b = strrchr(paths[i], '/');

		b = b ? b + 1 : paths[i];
		if (strncmp(b, prefix, plen) == 0)
			strlist_add(out, paths[i]);
	}
	walk_paths_free(paths, n);
out:
	strlist_free(&dirty);
	buf_free(&path);
	ix_close(&m);
	return rc;
}

/* --- appending what a writer wrote --- */

/* Beyond this, appending stops: the next walk folds the chunks in. */
#define CHUNKS_MAX	(1024 * 1024)

void
index_note(struct store *st, const char *path)
{
	char *ipath = path_join(st->root, INDEX_FILE);
	const char *rel = rel_of(st->root, path), *name;
	struct buf b = BUF_INIT, dir = BUF_INIT;
	struct file_stat fst, dst[WALK_MAX_DEPTH + 1];
	size_t dlen[WALK_MAX_DEPTH + 1];
	struct ihead h;
	struct ichunk c;
	struct stat sb;
	size_t ndirs = 0, at;
	int64_t t0 = now_ns();
	struct entry *e = NULL;
	int fd;

	fd = open(ipath, O_RDWR | O_APPEND | O_NOFOLLOW | O_CLOEXEC);
	free(ipath);
	if (fd == -1)
		return;
	if (strncmp(rel, "entries/", 8) != 0 || fstat(fd, &sb) == -1 ||
	    pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    !head_ok(&h, (size_t)sb.st_size) ||
	    (size_t)sb.st_size - h.end > CHUNKS_MAX ||
	    (size_t)sb.st_size % 8 != 0 || !entry_file_stat(path, &fst))
		goto out;
	/* Every directory from entries/ down to the file's. */
	name = strrchr(rel, '/');
	for (const char *p = rel + 7; ndirs <= WALK_MAX_DEPTH;
	    p = strchr(p + 1, '/')) {
		dlen[ndirs] = (size_t)(p - rel);
		buf_reset(&dir);
		buf_add(&dir, rel, dlen[ndirs]);
		if (!dir_stat_at(AT_FDCWD, full_path(&b, st->root, dir.s),
		    &dst[ndirs]))
			goto out;
		if (p == name)
			break;
		ndirs++;
	}
	if (ndirs > WALK_MAX_DEPTH)
		goto out;
	ndirs++;
	/* As a walk would read it: what the file says is the summary. */
	e = load_summary(path);
	buf_reset(&b);
	memset(&c, 0, sizeof(c));
	memcpy(c.magic, CHUNK_MAGIC, 8);
	c.nrecs = 1;
	c.ndirs = (uint32_t)ndirs;
	reserve(&b, sizeof(c) + sizeof(struct irec) +
	    ndirs * sizeof(struct idir));
	put_record(&b, sizeof(c), rel, &fst, e, is_racy(&fst, t0) ?
	    REC_RACY : 0);
	/*
	 * Racy, whatever their times: someone else may have changed them
	 * before this write, and a reader must look.
	 */
	at = sizeof(c) + sizeof(struct irec);
	for (size_t k = 0; k < ndirs; k++) {
		buf_reset(&dir);
		buf_add(&dir, rel, dlen[k]);
		put_dir(&b, at + k * sizeof(struct idir), dir.s, &dst[k], true);
	}
	pad_to(&b, 8);
	c.len = b.len;
	c.sum = checksum(b.s + sizeof(c), b.len - sizeof(c),
	    checksum(&c, offsetof(struct ichunk, sum), 0));
	memcpy(b.s, &c, sizeof(c));
	(void)fd_write_all(fd, b.s, b.len);
out:
	close(fd);
	if (e != NULL) {
		entry_free(e);
		free(e);
	}
	buf_free(&b);
	buf_free(&dir);
}
