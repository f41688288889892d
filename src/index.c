/*
 * The derived index (see index.h).  The file, in this host's byte
 * order:
 *
 *	"DLINDEX2"  u32 0x01020304  u32 count
 *	count records, sorted by path:
 *	    str path (relative to the store root)
 *	    u64 ino, size   i64 mtime_s   u32 mtime_ns   i64 ctime_s
 *	    u32 ctime_ns   u32 racy
 *	    u32 year, mon, day, hour, min, has_time
 *	    i64 part   u32 part line, part column
 *	    str title, series, client, contact, staff, author
 *	    u32 draft   u32 ntags, then ntags str
 *	u64 checksum of every byte before it
 *
 * A str is a u32 length and the bytes, or the length 0xFFFFFFFF alone
 * for an absent value.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "store.h"
#include "walk.h"

#define MAGIC		"DLINDEX2"
#define BYTE_ORDER_MARK	0x01020304u
#define NO_STRING	UINT32_MAX
#define INDEX_MAX	(1024 * 1024 * 1024)

int64_t index_racy_ns = 2 * 1000000000LL;	/* tests change it */

/* One record: the entry's summary and the stat data it was read with. */
struct record {
	char		*rel;
	struct file_stat st;
	bool		 racy;
	struct entry	*e;
};

struct records {
	struct record	*v;
	size_t		 n;
};

/*
 * Fast, and good enough to catch a torn or scribbled file; the index
 * guards against accidents, not against someone forging it.
 */
static uint64_t
checksum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; n > 0; p++, n--)
		h = (h ^ *p) * 0x100000001b3ULL;
	return h;
}

/* --- writing --- */

static void
put_u32(struct buf *b, uint32_t v)
{
	buf_add(b, &v, sizeof(v));
}

static void
put_u64(struct buf *b, uint64_t v)
{
	buf_add(b, &v, sizeof(v));
}

static void
put_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		put_u32(b, NO_STRING);
		return;
	}
	put_u32(b, (uint32_t)strlen(s));
	buf_adds(b, s);
}

static void
put_record(struct buf *b, const struct record *r)
{
	const struct entry *e = r->e;

	put_str(b, r->rel);
	put_u64(b, r->st.ino);
	put_u64(b, r->st.size);
	put_u64(b, (uint64_t)r->st.mtime_s);
	put_u32(b, r->st.mtime_ns);
	put_u64(b, (uint64_t)r->st.ctime_s);
	put_u32(b, r->st.ctime_ns);
	put_u32(b, r->racy);
	put_u32(b, (uint32_t)e->date.year);
	put_u32(b, (uint32_t)e->date.mon);
	put_u32(b, (uint32_t)e->date.day);
	put_u32(b, (uint32_t)e->date.hour);
	put_u32(b, (uint32_t)e->date.min);
	put_u32(b, e->date.has_time);
	put_u64(b, (uint64_t)e->part);
	put_u32(b, (uint32_t)e->pos[F_PART].line);
	put_u32(b, (uint32_t)e->pos[F_PART].col);
	put_str(b, e->title);
	put_str(b, e->series);
	put_str(b, e->client);
	put_str(b, e->contact);
	put_str(b, e->staff);
	put_str(b, e->author);
	put_u32(b, e->draft);
	put_u32(b, (uint32_t)e->tags.n);
	for (size_t i = 0; i < e->tags.n; i++)
		put_str(b, e->tags.v[i]);
}

static int64_t
ns_of(int64_t s, uint32_t ns)
{
	return s * 1000000000LL + ns;
}

/* Changed so recently that a change within the same tick would hide. */
static bool
is_racy(const struct file_stat *st, int64_t now)
{
	return ns_of(st->mtime_s, st->mtime_ns) > now - index_racy_ns ||
	    ns_of(st->ctime_s, st->ctime_ns) > now - index_racy_ns;
}

/*
 * A new index beside the old one, renamed over it.  No fsync: after a
 * crash the checksum finds a torn file.  Failures are quiet; the next
 * command tries again.
 */
static void
index_write(const char *root, struct records *rs)
{
	struct buf b = BUF_INIT;
	struct timespec now;
	char *path = path_join(root, INDEX_FILE);

	clock_gettime(CLOCK_REALTIME, &now);
	buf_add(&b, MAGIC, 8);
	put_u32(&b, BYTE_ORDER_MARK);
	put_u32(&b, (uint32_t)rs->n);
	for (size_t i = 0; i < rs->n; i++) {
		rs->v[i].racy = is_racy(&rs->v[i].st, ns_of(now.tv_sec,
		    (uint32_t)now.tv_nsec));
		put_record(&b, &rs->v[i]);
	}
	put_u64(&b, checksum((const unsigned char *)b.s, b.len));
	(void)fsio_write(path, b.s, b.len, FSIO_REPLACE, 0600, false);
	free(path);
	buf_free(&b);
}

/* --- reading --- */

struct cursor {
	const unsigned char	*p, *end;
	bool			 bad;
};

static bool
take(struct cursor *c, void *to, size_t n)
{
	if (c->bad || (size_t)(c->end - c->p) < n) {
		c->bad = true;
		memset(to, 0, n);
		return false;
	}
	memcpy(to, c->p, n);
	c->p += n;
	return true;
}

static uint32_t
get_u32(struct cursor *c)
{
	uint32_t v;

	take(c, &v, sizeof(v));
	return v;
}

static uint64_t
get_u64(struct cursor *c)
{
	uint64_t v;

	take(c, &v, sizeof(v));
	return v;
}

static char *
get_str(struct cursor *c)
{
	uint32_t len = get_u32(c);
	char *s;

	if (c->bad || len == NO_STRING)
		return NULL;
	if ((size_t)(c->end - c->p) < len || memchr(c->p, '\0', len)) {
		c->bad = true;
		return NULL;
	}
	s = xstrndup((const char *)c->p, len);
	c->p += len;
	return s;
}

static void
skip(struct cursor *c, size_t n)
{
	if (c->bad || (size_t)(c->end - c->p) < n)
		c->bad = true;
	else
		c->p += n;
}

static void
skip_str(struct cursor *c)
{
	uint32_t len = get_u32(c);

	if (len != NO_STRING)
		skip(c, len);
}

/* The bytes of a record from its stat data to its title. */
#define RECORD_FIXED	(8 + 8 + 8 + 4 + 8 + 4 + 4 + 6 * 4 + 8 + 4 + 4)

/*
 * Whether the record at c is of series slug; when not, c moves past it
 * without allocating anything.
 */
static bool
record_in_series(struct cursor *c, const char *slug)
{
	struct cursor at = *c;
	size_t slen = strlen(slug);
	uint32_t len;
	bool in;

	skip_str(c);
	skip(c, RECORD_FIXED);
	skip_str(c);
	len = get_u32(c);
	in = !c->bad && len == slen && (size_t)(c->end - c->p) >= slen &&
	    memcmp(c->p, slug, slen) == 0;
	if (in) {
		*c = at;
		return true;
	}
	if (len != NO_STRING)
		skip(c, len);
	for (int i = 0; i < 4; i++)	/* client, contact, staff, author */
		skip_str(c);
	skip(c, 4);			/* draft */
	for (uint32_t n = get_u32(c); !c->bad && n > 0; n--)
		skip_str(c);
	return false;
}

static void
get_record(struct cursor *c, const char *root, struct record *r)
{
	struct entry *e = xmalloc(sizeof(*e));
	const char *base;
	size_t blen;

	entry_init(e);
	r->e = e;
	r->rel = get_str(c);
	r->st.ino = get_u64(c);
	r->st.size = get_u64(c);
	r->st.mtime_s = (int64_t)get_u64(c);
	r->st.mtime_ns = get_u32(c);
	r->st.ctime_s = (int64_t)get_u64(c);
	r->st.ctime_ns = get_u32(c);
	r->racy = get_u32(c) != 0;
	e->date.year = (int)get_u32(c);
	e->date.mon = (int)get_u32(c);
	e->date.day = (int)get_u32(c);
	e->date.hour = (int)get_u32(c);
	e->date.min = (int)get_u32(c);
	e->date.has_time = get_u32(c) != 0;
	e->part = (long)get_u64(c);
	e->pos[F_PART].line = (int)get_u32(c);
	e->pos[F_PART].col = (int)get_u32(c);
	e->title = get_str(c);
	e->series = get_str(c);
	e->client = get_str(c);
	e->contact = get_str(c);
	e->staff = get_str(c);
	e->author = get_str(c);
	e->draft = get_u32(c) != 0;
	for (uint32_t n = get_u32(c); !c->bad && n > 0; n--) {
		char *tag = get_str(c);

		if (tag != NULL) {
			strlist_add(&e->tags, tag);
			free(tag);
		} else
			c->bad = true;
	}
	if (r->rel == NULL || e->title == NULL)
		c->bad = true;
	if (c->bad)
		return;
	/* The ID and path follow from where the file is. */
	base = strrchr(r->rel, '/');
	base = base ? base + 1 : r->rel;
	blen = strlen(base);
	e->id = xstrndup(base, blen > 5 ? blen - 5 : blen);
	e->path = path_join(root, r->rel);
}

static void
records_free(struct records *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		free(rs->v[i].rel);
		if (rs->v[i].e != NULL) {
			entry_free(rs->v[i].e);
			free(rs->v[i].e);
		}
	}
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

static bool
read_file(const char *path, unsigned char **data, size_t *len)
{
	struct stat sb;
	ssize_t r;
	int fd;

	*data = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return false;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    sb.st_size < 24 || sb.st_size > INDEX_MAX) {
		close(fd);
		return false;
	}
	*data = xmalloc((size_t)sb.st_size);
	for (*len = 0; *len < (size_t)sb.st_size; *len += (size_t)r)
		if ((r = read(fd, *data + *len, (size_t)sb.st_size - *len)) <= 0)
			break;
	close(fd);
	return *len == (size_t)sb.st_size;
}

/*
 * The records of ROOT/.index (only those of series slug unless it is
 * NULL); false and none when it is missing or damaged.
 */
static bool
index_read(const char *root, const char *slug, struct records *rs)
{
	char *path = path_join(root, INDEX_FILE);
	unsigned char *data;
	struct cursor c;
	uint64_t sum;
	uint32_t n;
	size_t len;
	bool ok = false;

	rs->v = NULL;
	rs->n = 0;
	if (!read_file(path, &data, &len))
		goto out;
	memcpy(&sum, data + len - 8, 8);
	c.p = data + 8;
	c.end = data + len - 8;
	c.bad = memcmp(data, MAGIC, 8) != 0 || sum != checksum(data, len - 8);
	if (get_u32(&c) != BYTE_ORDER_MARK)
		c.bad = true;
	n = get_u32(&c);
	/* Each record takes more than 64 bytes: a count beyond that is a lie. */
	if (c.bad || n > (size_t)(c.end - c.p) / 64)
		goto out;
	rs->v = xreallocarray(NULL, n, sizeof(*rs->v));
	for (; n > 0 && !c.bad; n--) {
		if (slug != NULL && !record_in_series(&c, slug))
			continue;
		get_record(&c, root, &rs->v[rs->n]);
		if (!c.bad && rs->n > 0 &&
		    strcmp(rs->v[rs->n - 1].rel, rs->v[rs->n].rel) >= 0)
			c.bad = true;
		rs->n++;
	}
	if (c.bad || c.p != c.end)
		records_free(rs);
	else
		ok = true;
out:
	free(data);
	free(path);
	return ok;
}

/* --- the times of the directories --- */

/* Whether directory name and its subdirectories to depth are older than cut. */
static bool
dir_older(int at, const char *name, int depth, int64_t cut)
{
	struct stat sb;
	struct dirent *de;
	DIR *d;
	int fd;
	bool old = true;

	if (fstatat(at, name, &sb, AT_SYMLINK_NOFOLLOW) == -1)
		return false;
	if (!S_ISDIR(sb.st_mode))
		return true;
	if (ns_of(sb.st_mtim.tv_sec, (uint32_t)sb.st_mtim.tv_nsec) > cut ||
	    ns_of(sb.st_ctim.tv_sec, (uint32_t)sb.st_ctim.tv_nsec) > cut)
		return false;
	if (depth == 0)
		return true;
	if ((fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return false;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return false;
	}
	while (old && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' &&
		    (de->d_type == DT_DIR || de->d_type == DT_UNKNOWN))
			old = dir_older(dirfd(d), de->d_name, depth - 1, cut);
	closedir(d);
	return old;
}

/*
 * Whether entries/, entries/YYYY and entries/YYYY/MM are all older than
 * the index (by index_racy_ns): a file added, removed or renamed since
 * the index was written changes its directory's times.
 */
static bool
dirs_older_than_index(const char *root)
{
	char *path = path_join(root, INDEX_FILE);
	struct stat ix;
	int64_t cut;
	bool old;

	old = stat(path, &ix) == 0;
	free(path);
	if (!old)
		return false;
	cut = ns_of(ix.st_mtim.tv_sec, (uint32_t)ix.st_mtim.tv_nsec) -
	    index_racy_ns;
	path = path_join(root, "entries");
	old = dir_older(AT_FDCWD, path, 2, cut);
	free(path);
	return old;
}

/* --- the merge of the walk and the index --- */

static bool
stat_equal(const struct file_stat *a, const struct file_stat *b)
{
	return a->ino == b->ino && a->size == b->size &&
	    a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns &&
	    a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}

/* Read one file whole and keep its summary; NULL after a report. */
static struct entry *
load_summary(const char *path)
{
	struct entry *e = entry_read(path);

	if (e != NULL)
		entry_summarize(e);
	return e;
}

int
index_load(struct store *st, struct entry_list *list)
{
	struct records old, cur = { NULL, 0 };
	struct entry_file *files;
	size_t n, j = 0, skip = strlen(st->root) + 1;
	bool changed = false;
	int rc;

	rc = walk_files(st->root, &files, &n, walk_warn_not_entry, NULL);
	index_read(st->root, NULL, &old);
	cur.v = xreallocarray(NULL, n, sizeof(*cur.v));
	list->v = xreallocarray(NULL, n, sizeof(*list->v));
	list->n = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rel = files[i].path + skip;
		struct record *o = NULL, *r;
		int c = 1;

		/* Both are sorted by path: records before this file are gone. */
		while (j < old.n && (c = strcmp(old.v[j].rel, rel)) < 0) {
			changed = true;
			j++;
		}
		if (c == 0)
			o = &old.v[j++];
		r = &cur.v[cur.n];
		r->st = files[i].st;
		if (o != NULL && !o->racy && stat_equal(&o->st, &r->st)) {
			r->e = o->e;
			o->e = NULL;
		} else if ((r->e = load_summary(files[i].path)) == NULL) {
			/* Reported; a bad file stays out of the index. */
			changed |= o != NULL;
			continue;
		} else
			changed = true;
		r->rel = xstrdup(rel);
		list->v[list->n++] = r->e;
		cur.n++;
	}
	changed |= j < old.n;
	/* A directory newer than the index stops index_load_series's
	 * shortcut until the index is written again. */
	if (changed || !dirs_older_than_index(st->root))
		index_write(st->root, &cur);
	for (size_t i = 0; i < cur.n; i++)
		free(cur.v[i].rel);
	free(cur.v);
	records_free(&old);
	entry_files_free(files, n);
	qsort(list->v, list->n, sizeof(*list->v), entry_cmp);
	return rc;
}

/* --- one series without the walk --- */

/* Keep the entries of series slug only. */
static void
keep_series(struct entry_list *l, const char *slug)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series != NULL && strcmp(l->v[i]->series, slug) == 0)
			l->v[kept++] = l->v[i];
		else {
			entry_free(l->v[i]);
			free(l->v[i]);
		}
	l->n = kept;
}

/* The record's summary, read again when its file changed; NULL when gone. */
static struct entry *
fresh_summary(struct record *r)
{
	struct file_stat now;
	struct entry *e = r->e;

	if (!r->racy && entry_file_stat(e->path, &now) &&
	    stat_equal(&r->st, &now)) {
		r->e = NULL;
		return e;
	}
	return load_summary(e->path);
}

int
index_load_series(struct store *st, const char *slug, struct entry_list *list)
{
	struct records rs;
	int rc;

	if (!dirs_older_than_index(st->root) ||
	    !index_read(st->root, slug, &rs)) {
		rc = index_load(st, list);
		keep_series(list, slug);
		return rc;
	}
	list->v = xreallocarray(NULL, rs.n, sizeof(*list->v));
	list->n = 0;
	for (size_t i = 0; i < rs.n; i++)
		if ((list->v[list->n] = fresh_summary(&rs.v[i])) != NULL)
			list->n++;
	records_free(&rs);
	keep_series(list, slug);	/* an edit may have moved one out */
	qsort(list->v, list->n, sizeof(*list->v), entry_cmp);
	return 0;
}
