/*
 * The walk of ROOT/entries: every entry file, in the order of its full
 * path, through directory descriptors, never following a symbolic link.
 *
 * A directory is read whole (its names, sorted, with the stat data of
 * its entry files when they are wanted) as one job.  walk_entries and
 * walk_paths go depth first, a job at a time, and hand out each item as
 * they pass it.  walk_tree, which wants the stat data of every file,
 * queues the jobs and runs them on two threads, then goes over the jobs
 * in the same order: the stat calls are most of its cost, and two
 * threads cut them by a third on two cores.  Only the thread that
 * called reports anything, always in the order of the paths.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "readahead.h"
#include "walk.h"

void
file_stat_from(struct file_stat *f, const struct stat *sb)
{
	f->ino = sb->st_ino;
	f->size = (uint64_t)sb->st_size;
	f->mtime_s = sb->st_mtim.tv_sec;
	f->mtime_ns = (uint32_t)sb->st_mtim.tv_nsec;
	f->ctime_s = sb->st_ctim.tv_sec;
	f->ctime_ns = (uint32_t)sb->st_ctim.tv_nsec;
}

bool
entry_file_stat(const char *path, struct file_stat *f)
{
	struct stat sb;

	if (lstat(path, &sb) == -1 || !S_ISREG(sb.st_mode))
		return false;
	file_stat_from(f, &sb);
	return true;
}

bool
dir_stat_at(int dirfd, const char *path, struct file_stat *f)
{
	struct stat sb;

	if (fstatat(dirfd, path, &sb, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !S_ISDIR(sb.st_mode))
		return false;
	file_stat_from(f, &sb);
	return true;
}

/* NAME.yaml (len bytes) with a valid ID for NAME; it runs per file. */
static bool
entry_name(const char *name, size_t len)
{
	char id[130];

	if (name[0] == '.' || len <= 5 || len - 5 >= sizeof(id) ||
	    strcmp(name + len - 5, ".yaml") != 0)
		return false;
	memcpy(id, name, len - 5);
	id[len - 5] = '\0';
	return id_valid(id);
}

bool
walk_entry_name(const char *name)
{
	return entry_name(name, strlen(name));
}

/* --- a directory read whole: a job --- */

enum witem_kind {
	W_FILE,		/* an entry file */
	W_DIR,		/* a directory the walk goes into */
	W_OTHER,	/* not an entry: for the other callback */
	W_GONE,		/* removed while the directory was read */
	W_ERROR		/* its stat data could not be had */
};

struct witem {
	const char	*name;
	size_t		 len;
	struct file_stat st;		/* W_FILE, with stat data wanted */
	size_t		 sub;		/* W_DIR: its job, once opened */
	int		 err;		/* W_ERROR */
	unsigned char	 kind;
	bool		 isdir;		/* sorts as its name and '/' */
};

struct wjob {
	char		*path;
	size_t		 plen;
	int		 fd;		/* until read */
	DIR		*dir;		/* not eager: read, until gone over */
	int		 depth;
	int		 err;		/* errno: it could not be opened or read */
	struct file_stat st;		/* its own, from before the read */
	struct witem	*items;
	size_t		 nitems;
	struct arena	 names;
};

struct walker {
	bool		 want_stat;
	bool		 eager;		/* subdirectories opened and queued */
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct wjob	**jobs;
	size_t		 njobs;
	size_t		*queue;		/* jobs to read: [qhead, qtail) */
	size_t		 qhead, qtail, busy;
	pthread_t	 helper;
	bool		 helping;	/* the second thread runs */
	/* Going over the items. */
	void		(*file)(struct walker *, int dirfd, const char *name,
			    const char *path, const struct file_stat *);
	void		(*other)(const char *path, void *);
	void		*arg;		/* for other and the caller's callback */
	void		*arg2;		/* for file */
	struct buf	 path;		/* of the item at hand */
	int		 rc;
};

/* A new job for the directory open as fd (-1: it could not be, err). */
static size_t
job_new(struct walker *w, const char *parent, const char *name, int fd,
    int err, int depth)
{
	struct wjob *j = xcalloc(1, sizeof(*j));
	struct buf p = BUF_INIT;
	size_t at;

	j->names.block = ARENA_SMALL_BLOCK;

	buf_adds(&p, parent);
	if (name != NULL) {
		buf_addc(&p, '/');
		buf_adds(&p, name);
	}
	j->plen = p.len;
	j->path = buf_detach(&p);
	j->fd = fd;
	j->err = err;
	j->depth = depth;
	pthread_mutex_lock(&w->mu);
	if ((w->njobs & (w->njobs - 1)) == 0) {
		w->jobs = xreallocarray(w->jobs, w->njobs ? w->njobs * 2 : 16,
		    sizeof(*w->jobs));
		w->queue = xreallocarray(w->queue, w->njobs ? w->njobs * 2 :
		    16, sizeof(*w->queue));
	}
	at = w->njobs++;
	w->jobs[at] = j;
	if (fd != -1 && w->eager) {
		w->queue[w->qtail++] = at;
		pthread_cond_signal(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
	return at;
}

static void
job_free(struct wjob *j)
{
	if (j->dir != NULL)
		closedir(j->dir);
	else if (j->fd != -1)
		close(j->fd);
	arena_free(&j->names);
	free(j->items);
	free(j->path);
	free(j);
}

/*
 * Sibling order that matches strcmp of the full paths below them: a
 * directory sorts as its name followed by '/'.  The first 16 bytes of
 * that, big-endian and padded with NULs, decide almost every pair; the
 * rest only breaks ties.
 */
struct okey {
	uint64_t	 k0, k1;
	const char	*name;
	bool		 isdir;
	uint32_t	 at;
};

static int
cmp_names(const char *p0, bool dir0, const char *q0, bool dir1)
{
	const unsigned char *p = (const unsigned char *)p0;
	const unsigned char *q = (const unsigned char *)q0;

	while (*p != '\0' && *p == *q)
		p++, q++;
	return (*p ? *p : dir0 ? '/' : 0) - (*q ? *q : dir1 ? '/' : 0);
}

static bool
key_before(const struct okey *a, const struct okey *b)
{
	if (a->k0 != b->k0)
		return a->k0 < b->k0;
	if (a->k1 != b->k1)
		return a->k1 < b->k1;
	return cmp_names(a->name, a->isdir, b->name, b->isdir) < 0;
}

static void
make_key(struct okey *k, const struct witem *it, uint32_t at)
{
	unsigned char b[16] = { 0 };
	size_t n = it->len;

	memcpy(b, it->name, n < 16 ? n : 16);
	if (n < 16 && it->isdir)
		b[n] = '/';
	k->k0 = k->k1 = 0;
	for (int i = 0; i < 8; i++) {
		k->k0 = k->k0 << 8 | b[i];
		k->k1 = k->k1 << 8 | b[8 + i];
	}
	k->name = it->name;
	k->isdir = it->isdir;
	k->at = at;
}

/* Byte i (0..15) of a key. */
static unsigned
key_byte(const struct okey *k, int i)
{
	return (unsigned)((i < 8 ? k->k0 >> (56 - 8 * i) :
	    k->k1 >> (56 - 8 * (i - 8))) & 0xFF);
}

/* Insertion sort of a[lo, hi): small runs and ties. */
static void
insertion(struct okey *a, size_t lo, size_t hi)
{
	for (size_t i = lo + 1; i < hi; i++) {
		struct okey k = a[i];
		size_t at = i;

		while (at > lo && key_before(&k, &a[at - 1])) {
			a[at] = a[at - 1];
			at--;
		}
		a[at] = k;
	}
}

/*
 * Keys a[lo, hi) in order from byte on, the bytes before it being the
 * same: a radix sort on the most significant byte that differs, then
 * each bucket by the next; small buckets, and ties past 16 bytes, by
 * insertion.
 */
static void
msd_sort(struct okey *a, struct okey *t, size_t lo, size_t hi, int byte)
{
	size_t count[256], at;

	for (; byte < 16 && hi - lo > 16; byte++) {
		memset(count, 0, sizeof(count));
		for (size_t i = lo; i < hi; i++)
			count[key_byte(&a[i], byte)]++;
		if (count[key_byte(&a[lo], byte)] < hi - lo)
			break;		/* this byte tells them apart */
	}
	if (byte == 16 || hi - lo <= 16) {
		insertion(a, lo, hi);
		return;
	}
	at = lo;
	for (size_t c = 0; c < 256; c++) {
		size_t k = count[c];

		count[c] = at;
		at += k;
	}
	for (size_t i = lo; i < hi; i++)
		t[count[key_byte(&a[i], byte)]++] = a[i];
	memcpy(a + lo, t + lo, (hi - lo) * sizeof(*a));
	/* count[c] is now where bucket c ends. */
	for (size_t c = 0, from = lo; c < 256; from = count[c++])
		if (count[c] - from > 1)
			msd_sort(a, t, from, count[c], byte + 1);
}

/* The items in order: their keys sorted, then the items moved. */
static void
sort_items(struct wjob *j)
{
	size_t n = j->nitems;
	struct okey *a = xreallocarray(NULL, n, sizeof(*a));
	struct okey *t = xreallocarray(NULL, n, sizeof(*t));
	struct witem *sorted = xreallocarray(NULL, n, sizeof(*sorted));

	for (size_t i = 0; i < n; i++)
		make_key(&a[i], &j->items[i], (uint32_t)i);
	msd_sort(a, t, 0, n, 0);
	for (size_t i = 0; i < n; i++)
		sorted[i] = j->items[a[i].at];
	free(j->items);
	j->items = sorted;
	free(a);
	free(t);
}

/* What an item is, from its type, and its stat data when wanted. */
static void
judge(struct walker *w, struct wjob *j, DIR *d, struct witem *it,
    unsigned char type)
{
	bool entry = entry_name(it->name, it->len);
	struct stat sb;

	if (type == DT_UNKNOWN || (type == DT_REG && entry && w->want_stat)) {
		if (fstatat(dirfd(d), it->name, &sb, AT_SYMLINK_NOFOLLOW) == -1) {
			it->err = errno;
			it->kind = errno == ENOENT ? W_GONE : W_ERROR;
			return;
		}
		type = IFTODT(sb.st_mode);
		if (type == DT_REG)
			file_stat_from(&it->st, &sb);
	}
	it->isdir = type == DT_DIR;
	if (type == DT_DIR && it->name[0] != '.' && j->depth < WALK_MAX_DEPTH)
		it->kind = W_DIR;
	else if (type == DT_REG && entry)
		it->kind = W_FILE;
	else
		it->kind = W_OTHER;
}

/*
 * Read job j's directory: its stat data, then its names, judged and
 * sorted.  Eager, its subdirectories are opened and queued now, and the
 * directory closed; else it stays open to be gone over.
 */
static void
job_read(struct walker *w, struct wjob *j)
{
	struct dirent *de;
	struct stat sb;
	size_t cap = 0;
	DIR *d;

	if (fstat(j->fd, &sb) == -1 || (d = fdopendir(j->fd)) == NULL) {
		j->err = errno;
		close(j->fd);
		j->fd = -1;
		return;
	}
	file_stat_from(&j->st, &sb);
	for (;;) {
		struct witem *it;

		errno = 0;
		if ((de = readdir(d)) == NULL) {
			j->err = errno;
			break;
		}
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (j->nitems == cap) {
			cap = cap ? cap * 2 : 64;
			j->items = xreallocarray(j->items, cap, sizeof(*j->items));
		}
		it = &j->items[j->nitems++];
		memset(it, 0, sizeof(*it));
		it->len = strlen(de->d_name);
		it->name = arena_strndup(&j->names, de->d_name, it->len);
		judge(w, j, d, it, de->d_type);
	}
	if (j->nitems > 1)
		sort_items(j);
	j->fd = -1;		/* d's now */
	if (!w->eager) {
		j->dir = d;
		return;
	}
	for (size_t i = 0; i < j->nitems; i++) {
		struct witem *it = &j->items[i];
		int fd;

		if (it->kind != W_DIR)
			continue;
		fd = openat(dirfd(d), it->name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		it->sub = job_new(w, j->path, it->name, fd, fd == -1 ? errno : 0,
		    j->depth + 1);
	}
	closedir(d);
}

/* --- going over the items, in order --- */

static void
report_dir(struct walker *w, const char *path, int err)
{
	diag_error(fsio_status(err), path, nopos, "cannot read directory: %s",
	    strerror(err));
	w->rc = -1;
}

/* Set w->path to job's path and name. */
static void
item_path(struct walker *w, const struct wjob *j, const struct witem *it)
{
	buf_reset(&w->path);
	buf_add(&w->path, j->path, j->plen);
	buf_addc(&w->path, '/');
	buf_add(&w->path, it->name, it->len);
}

static void go_over(struct walker *, struct wjob *);

/* One item of j: handed out, or gone into (opened now unless eager). */
static void
go_item(struct walker *w, struct wjob *j, struct witem *it)
{
	size_t sub;

	item_path(w, j, it);
	switch (it->kind) {
	case W_FILE:
		w->file(w, j->dir != NULL ? dirfd(j->dir) : -1, it->name,
		    w->path.s, &it->st);
		break;
	case W_DIR:
		if (w->eager)
			sub = it->sub;
		else {
			int fd = openat(dirfd(j->dir), it->name, O_RDONLY |
			    O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);

			sub = job_new(w, j->path, it->name, fd, fd == -1 ?
			    errno : 0, j->depth + 1);
			if (fd != -1)
				job_read(w, w->jobs[sub]);
		}
		go_over(w, w->jobs[sub]);
		break;
	case W_OTHER:
		if (w->other != NULL)
			w->other(w->path.s, w->arg);
		break;
	case W_ERROR:
		diag_error(fsio_status(it->err), w->path.s, nopos, "cannot "
		    "read: %s", strerror(it->err));
		w->rc = -1;
		break;
	case W_GONE:
		break;		/* removed meanwhile: as if never there */
	}
}

/* Job j and everything below it, in order; j is freed unless eager. */
static void
go_over(struct walker *w, struct wjob *j)
{
	if (j->err != 0)
		report_dir(w, j->path, j->err);
	else
		w->file(w, -1, NULL, j->path, &j->st);	/* the directory */
	for (size_t i = 0; i < j->nitems && j->err == 0; i++)
		go_item(w, j, &j->items[i]);
	if (!w->eager) {
		w->jobs[w->njobs - 1] = NULL;	/* the last job is j's */
		w->njobs--;
		job_free(j);
	}
}

static void *help(void *);

/*
 * A thread's share of the queue, in the order of queueing (a parent's
 * directories in the order of their names), until it is empty and
 * nobody is busy.  The first thread starts the second once two jobs
 * wait: a thread costs less than the stat calls of a few files.
 */
static void
work(struct walker *w, bool first)
{
	pthread_mutex_lock(&w->mu);
	for (;;) {
		struct wjob *j;

		while (w->qhead == w->qtail && w->busy > 0)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->qhead == w->qtail)
			break;
		if (first && !w->helping && w->qtail - w->qhead >= 2)
			w->helping = pthread_create(&w->helper, NULL, help,
			    w) == 0;
		j = w->jobs[w->queue[w->qhead++]];
		w->busy++;
		pthread_mutex_unlock(&w->mu);
		job_read(w, j);
		pthread_mutex_lock(&w->mu);
		if (--w->busy == 0 && w->qhead == w->qtail)
			pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mu);
}

static void *
help(void *arg)
{
	work(arg, false);
	return NULL;
}

/*
 * Walk ROOT/entries; a store without it has no entries.  Eager, the
 * jobs run on the queue first, then they are gone over.
 */
static int
walk_root(const char *root, struct walker *w)
{
	struct buf top = BUF_INIT;
	size_t first;
	int fd;

	w->path = (struct buf)BUF_INIT;
	w->rc = 0;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	buf_adds(&top, root);
	if (top.len == 0 || top.s[top.len - 1] != '/')
		buf_addc(&top, '/');
	buf_adds(&top, "entries");
	if ((fd = open(top.s, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		if (errno != ENOENT)
			report_dir(w, top.s, errno);
		goto out;
	}
	first = job_new(w, top.s, NULL, fd, 0, 0);
	if (w->eager) {
		work(w, true);
		if (w->helping)
			pthread_join(w->helper, NULL);
	} else
		job_read(w, w->jobs[first]);
	go_over(w, w->jobs[first]);
out:
	for (size_t i = 0; i < w->njobs; i++)
		if (w->jobs[i] != NULL)
			job_free(w->jobs[i]);
	free(w->jobs);
	free(w->queue);
	buf_free(&top);
	buf_free(&w->path);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	return w->rc;
}

enum not_entry
walk_not_entry(const char *path)
{
	const char *base = strrchr(path, '/');
	struct stat sb;
	size_t len;

	base = base ? base + 1 : path;
	len = strlen(base);
	if (base[0] == '.' && strstr(base, ".yaml.tmp-") != NULL)
		return NOT_ENTRY_TEMPORARY;
	if (lstat(path, &sb) == -1)
		sb.st_mode = 0;		/* gone meanwhile */
	if (S_ISLNK(sb.st_mode))
		return NOT_ENTRY_LINK;
	if (S_ISDIR(sb.st_mode))
		return NOT_ENTRY_DIRECTORY;
	if (len > 5 && strcmp(base + len - 5, ".yaml") == 0)
		return S_ISREG(sb.st_mode) || sb.st_mode == 0 ?
		    NOT_ENTRY_NAME : NOT_ENTRY_SPECIAL;
	return NOT_ENTRY_OTHER;
}

const char *
walk_special_kind(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == -1)
		return "a file";
	return S_ISFIFO(sb.st_mode) ? "a FIFO" : S_ISSOCK(sb.st_mode) ?
	    "a socket" : S_ISCHR(sb.st_mode) ? "a character device" :
	    S_ISBLK(sb.st_mode) ? "a block device" : "not a regular file";
}

void
walk_warn_not_entry(const char *path, void *arg)
{
	(void)arg;
	switch (walk_not_entry(path)) {
	case NOT_ENTRY_LINK:
		diag_warn(path, nopos, "a symbolic link; not followed, not "
		    "loaded");
		break;
	case NOT_ENTRY_NAME:
		diag_warn(path, nopos, "not loaded: the file name is not a "
		    "valid ID ([A-Za-z0-9._-], not starting with '.')");
		break;
	case NOT_ENTRY_SPECIAL:
		diag_warn(path, nopos, "%s, not an entry file; not read",
		    walk_special_kind(path));
		break;
	default:
		break;	/* temporary files and others: check reports them */
	}
}

/* --- the walks --- */

/*
 * walk_tree's files and directories; a directory is handed to file()
 * with no name.
 */
static void
add_tree(struct walker *w, int dirfd, const char *name, const char *path,
    const struct file_stat *st)
{
	struct walk_tree *t = w->arg2;

	(void)dirfd;
	if (name == NULL) {
		if ((t->ndirs & (t->ndirs - 1)) == 0)
			t->dirs = xreallocarray(t->dirs, t->ndirs ?
			    t->ndirs * 2 : 16, sizeof(*t->dirs));
		t->dirs[t->ndirs].path = arena_strdup(&t->arena, path);
		t->dirs[t->ndirs++].st = *st;
		return;
	}
	if ((t->nfiles & (t->nfiles - 1)) == 0)
		t->files = xreallocarray(t->files, t->nfiles ? t->nfiles * 2 :
		    16, sizeof(*t->files));
	t->files[t->nfiles].path = arena_strndup(&t->arena, path, w->path.len);
	t->files[t->nfiles++].st = *st;
}

int
walk_tree(const char *root, struct walk_tree *t,
    void (*other)(const char *, void *), void *arg)
{
	struct walker w;

	memset(t, 0, sizeof(*t));
	memset(&w, 0, sizeof(w));
	w.want_stat = w.eager = true;
	w.file = add_tree;
	w.other = other;
	w.arg = arg;
	w.arg2 = t;
	return walk_root(root, &w);
}

void
walk_tree_free(struct walk_tree *t)
{
	free(t->files);
	free(t->dirs);
	arena_free(&t->arena);
	memset(t, 0, sizeof(*t));
}

static void
add_path(struct walker *w, int dirfd, const char *name, const char *path,
    const struct file_stat *st)
{
	(void)dirfd;
	(void)st;
	if (name != NULL)
		strlist_add(w->arg2, path);
}

/* The walk without stat data: the types from d_type will do. */
int
walk_paths(const char *root, char ***paths, size_t *n,
    void (*other)(const char *, void *), void *arg)
{
	struct strlist l = { NULL, 0 };
	struct walker w;
	int rc;

	memset(&w, 0, sizeof(w));
	w.file = add_path;
	w.other = other;
	w.arg = arg;
	w.arg2 = &l;
	rc = walk_root(root, &w);
	*paths = l.v;
	*n = l.n;
	return rc;
}

void
walk_paths_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

struct each {
	void		(*fn)(struct entry *, void *);
	size_t		 nfiles;
	struct entry_reuse reuse;	/* from one file to the next */
};

/* One entry file, read through its directory's descriptor. */
static void
load_file(struct walker *w, int dirfd, const char *name, const char *path,
    const struct file_stat *st)
{
	struct each *each = w->arg2;
	struct entry *e;

	(void)st;
	if (name == NULL)
		return;
	each->nfiles++;
	e = xmalloc(sizeof(*e));
	entry_init(e);
	if (entry_load_reusing(dirfd, name, path, e, &each->reuse) != 0) {
		free(e);		/* reported: the walk goes on */
		return;
	}
	each->fn(e, w->arg);
}

static int
walk_each(const char *root, struct each *each,
    void (*other)(const char *, void *), void *arg, size_t *nfiles)
{
	struct walker w;
	int rc;

	memset(&w, 0, sizeof(w));
	w.file = load_file;
	w.other = other;
	w.arg = arg;
	w.arg2 = each;
	rc = walk_root(root, &w);
	entry_reuse_free(&each->reuse);
	if (nfiles != NULL)
		*nfiles = each->nfiles;
	return rc;
}

int
walk_entries(const char *root, void (*fn)(struct entry *, void *),
    void (*other)(const char *, void *), void *arg, size_t *nfiles)
{
	struct each each = { fn, 0, ENTRY_REUSE_INIT };

	return walk_each(root, &each, other, arg, nfiles);
}

/*
 * The paths first (the walk is quick), then the files in their order,
 * read ahead in a second thread while each is parsed here.
 */
int
walk_views(const char *root, void (*fn)(const struct entry *, void *),
    void (*other)(const char *, void *), void *arg, size_t *nfiles)
{
	struct entry_reuse reuse = ENTRY_REUSE_INIT;
	struct readahead *ra = NULL;
	char *base = path_join(root, "entries");
	struct dircache dc;
	struct entry view;
	char **paths;
	size_t n;
	int rc;

	rc = walk_paths(root, &paths, &n, other, arg);
	dircache_init(&dc, base);
	if (n > 1)
		ra = readahead_start(base, (const char *const *)paths, n,
		    ENTRY_MAX_FILE);
	for (size_t i = 0; i < n; i++)
		if (entry_view_ahead(ra, &dc, paths[i], &view, &reuse) == 0)
			fn(&view, arg);
	readahead_stop(ra);
	dircache_free(&dc);
	free(base);
	entry_reuse_free(&reuse);
	walk_paths_free(paths, n);
	if (nfiles != NULL)
		*nfiles = n;
	return rc;
}

static void
append_entry(struct entry *e, void *arg)
{
	entry_list_add(arg, e);
}

int
walk_load_all(const char *root, struct entry_list *list)
{
	int rc;

	list->v = NULL;
	list->n = 0;
	rc = walk_entries(root, append_entry, NULL, list, NULL);
	if (list->n > 1)
		qsort(list->v, list->n, sizeof(*list->v), entry_cmp);
	return rc;
}
