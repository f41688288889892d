#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "store.h"
#include "yaml_read.h"
#include "yaml_write.h"

#define SETTINGS_FILE	"dailylog.yaml"
#define LOCK_FILE	".lock"
#define LOCK_TIMEOUT	10

static const struct pos nopos = { 0, 0 };

static bool
is_store(const char *dir)
{
	char *f = path_join(dir, SETTINGS_FILE);
	bool yes = access(f, F_OK) == 0;

	free(f);
	return yes;
}

char *
store_default_dir(const struct globals *g)
{
	const char *env;

	if (g->dir != NULL)
		return xstrdup(g->dir);
	if ((env = getenv("DAILYLOG_DIR")) != NULL && *env != '\0')
		return xstrdup(env);
	if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		return path_join(env, "dailylog");
	if ((env = getenv("HOME")) == NULL || *env == '\0')
		env = "/";
	return path_join(env, ".local/share/dailylog");
}

/* The nearest ancestor of the working directory that is a store. */
static char *
find_upwards(void)
{
	char cwd[PATH_MAX], *slash;

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return NULL;
	for (;;) {
		if (is_store(cwd[0] ? cwd : "/"))
			return xstrdup(cwd[0] ? cwd : "/");
		if ((slash = strrchr(cwd, '/')) == NULL || cwd[0] == '\0')
			return NULL;
		*slash = '\0';
	}
}

/* The store's settings over the user's (config.h). */
static int
load_settings(struct store *st)
{
	char *path = path_join(st->root, SETTINGS_FILE);
	int rc = config_load(path, st);

	free(path);
	return rc;
}

int
store_open_any(const struct globals *g, struct store *st)
{
	const char *env = getenv("DAILYLOG_DIR"), *how;
	char *dir;

	memset(st, 0, sizeof(*st));
	st->lockfd = -1;
	if (g->dir != NULL) {
		dir = xstrdup(g->dir);
		how = "-C";
	} else if (env != NULL && *env != '\0') {
		dir = xstrdup(env);
		how = "DAILYLOG_DIR";
	} else if ((dir = find_upwards()) == NULL) {
		dir = store_default_dir(g);
		how = NULL;
	} else
		how = "";
	if (!is_store(dir)) {
		if (how == NULL)
			diag("no store found here or in %s; create one with "
			    "'dailylog init' or name one with -C DIR", dir);
		else
			diag("%s (from %s) is not a dailylog store: it has no "
			    "%s; create one with 'dailylog init %s'", dir, how,
			    SETTINGS_FILE, dir);
		free(dir);
		return EXIT_NOINPUT;
	}
	st->root = dir;
	st->lang = xstrdup("ja");
	return load_settings(st);
}

int
store_open(const struct globals *g, struct store *st)
{
	int rc = store_open_any(g, st);

	if (rc != 0)
		store_close(st);	/* the caller only returns */
	return rc;
}

void
store_close(struct store *st)
{
	store_unlock(st);
	free(st->root);
	free(st->author);
	free(st->lang);
	memset(st, 0, sizeof(*st));
	st->lockfd = -1;	/* closing twice is harmless */
	st->lockfd = -1;
}

int
store_init(const char *dir, const char *lang, const char *author)
{
	struct buf yaml = BUF_INIT;
	char *path;
	int rc;

	if (is_store(dir)) {
		diag("%s is already a dailylog store; nothing changed", dir);
		return 0;
	}
	if ((rc = fsio_mkdirs(dir, NULL)) != 0)
		return rc;
	for (const char *const *d = (const char *const[]){ "entries",
	    "series", NULL }; *d != NULL && rc == 0; d++)
		rc = fsio_mkdirs(dir, *d);
	if (rc != 0)
		return rc;
	buf_addf(&yaml, "# dailylog store settings: see dailylog(5)\n"
	    "lang: %s\n", lang);
	if (author != NULL) {
		buf_addf(&yaml, "author: \"");
		for (const char *s = author; *s; s++) {
			if (*s == '"' || *s == '\\')
				buf_addc(&yaml, '\\');
			buf_addc(&yaml, *s);
		}
		buf_adds(&yaml, "\"\n");
	}
	path = path_join(dir, SETTINGS_FILE);
	rc = fsio_store_file(path, yaml.s, yaml.len, FSIO_NEW);
	free(path);
	buf_free(&yaml);
	if (rc == 0)
		diag("created store %s", dir);
	return rc;
}

/* --- the lock --- */

int
store_lock(struct store *st)
{
	const char *env = getenv("DAILYLOG_LOCK_TIMEOUT");
	double timeout = LOCK_TIMEOUT, waited = 0;
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char *path;

	if (st->lockfd != -1)
		return 0;
	if (env != NULL && *env != '\0') {
		char *end;
		double t = strtod(env, &end);

		if (*end != '\0' || t < 0)
			diag_warn("DAILYLOG_LOCK_TIMEOUT", nopos, "not a number "
			    "of seconds: '%s'; waiting %d s", env, LOCK_TIMEOUT);
		else
			timeout = t;
	}
	path = path_join(st->root, LOCK_FILE);
	st->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (st->lockfd == -1) {
		int err = errno;

		diag_error(path, nopos, "cannot open the lock file: %s",
		    strerror(err));
		free(path);
		return fsio_status(err);
	}
	while (flock(st->lockfd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			diag_error(path, nopos, "cannot lock: %s",
			    strerror(errno));
			break;
		}
		if (waited >= timeout) {
			diag("the store %s is locked by another process; gave "
			    "up after %g s (DAILYLOG_LOCK_TIMEOUT)", st->root,
			    timeout);
			close(st->lockfd);
			st->lockfd = -1;
			free(path);
			return EXIT_TEMPFAIL;
		}
		nanosleep(&tick, NULL);
		waited += 0.01;
	}
	free(path);
	return 0;
}

void
store_unlock(struct store *st)
{
	if (st->lockfd != -1) {
		close(st->lockfd);	/* releases the flock */
		st->lockfd = -1;
	}
}

/* --- scanning entries/ --- */

struct filevec {
	struct entry_file	*v;
	size_t			 n;
};

static void
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

static void
filevec_add(struct filevec *fv, char *path, const struct stat *sb)
{
	struct entry_file *f;

	if ((fv->n & (fv->n - 1)) == 0)
		fv->v = xreallocarray(fv->v, fv->n ? fv->n * 2 : 16,
		    sizeof(*fv->v));
	f = &fv->v[fv->n++];
	f->path = path;
	file_stat_from(&f->st, sb);
}

/* NAME.yaml with a valid ID for NAME; no allocation, it runs per file. */
static bool
is_entry_name(const char *name)
{
	size_t len = strlen(name);
	char id[130];

	if (name[0] == '.' || len <= 5 || len - 5 >= sizeof(id) ||
	    strcmp(name + len - 5, ".yaml") != 0)
		return false;
	memcpy(id, name, len - 5);
	id[len - 5] = '\0';
	return id_valid(id);
}

/*
 * The walk of entries/: each directory read through its descriptor and
 * its names sorted, so that files come in the order of their full paths
 * and can be opened relative to their directory.  Stat data come from
 * fstatat without following links (a link is no entry), or only the
 * type from d_type when the caller needs no stat data.
 */
struct walker {
	bool	 want_stat;
	void	(*file)(struct walker *, int dirfd, const char *name,
		    const struct stat *);
	void	(*other)(const char *path, void *);
	void	*arg;		/* for other, and for the caller's callback */
	void	*arg2;		/* for file */
	struct buf path;	/* of the name at hand */
};

struct dirent_sb {
	char		*name;
	struct stat	 sb;
};

/*
 * Sibling order that matches strcmp of the full paths below them: a
 * directory sorts as its name followed by '/'.
 */
static int
cmp_dirent_sb(const void *a, const void *b)
{
	const struct dirent_sb *x = a, *y = b;
	const unsigned char *p = (const unsigned char *)x->name;
	const unsigned char *q = (const unsigned char *)y->name;

	while (*p != '\0' && *p == *q)
		p++, q++;
	return (*p ? *p : S_ISDIR(x->sb.st_mode) ? '/' : 0) -
	    (*q ? *q : S_ISDIR(y->sb.st_mode) ? '/' : 0);
}

/* The names in d with their stat data (or type), sorted. */
static struct dirent_sb *
read_names(const struct walker *w, DIR *d, size_t *n)
{
	struct dirent_sb *v = NULL;
	struct dirent *de;

	*n = 0;
	while ((de = readdir(d)) != NULL) {
		struct dirent_sb *e;

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if ((*n & (*n - 1)) == 0)
			v = xreallocarray(v, *n ? *n * 2 : 16, sizeof(*v));
		e = &v[(*n)++];
		e->name = xstrdup(de->d_name);
		memset(&e->sb, 0, sizeof(e->sb));
		if (w->want_stat || de->d_type == DT_UNKNOWN) {
			if (fstatat(dirfd(d), de->d_name, &e->sb,
			    AT_SYMLINK_NOFOLLOW) == -1)
				e->sb.st_mode = 0;	/* gone: not an entry */
		} else
			e->sb.st_mode = DTTOIF(de->d_type);
	}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_dirent_sb);
	return v;
}

/* Walk the directory w->path, open as fd (closed here). */
static int
walk(struct walker *w, int fd, int depth)
{
	struct dirent_sb *v;
	size_t n, plen = w->path.len;
	DIR *d;
	int rc = 0;

	if ((d = fdopendir(fd)) == NULL) {
		diag_error(w->path.s, nopos, "cannot read directory: %s",
		    strerror(errno));
		close(fd);
		return fsio_status(errno);
	}
	v = read_names(w, d, &n);
	for (size_t i = 0; i < n; i++) {
		const char *name = v[i].name;
		mode_t mode = v[i].sb.st_mode;
		int sub;

		buf_addc(&w->path, '/');
		buf_adds(&w->path, name);
		if (S_ISDIR(mode) && name[0] != '.' && depth < 4) {
			if ((sub = openat(dirfd(d), name, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC)) == -1) {
				diag_error(w->path.s, nopos, "cannot read "
				    "directory: %s", strerror(errno));
				rc = rc ? rc : fsio_status(errno);
			} else {
				int r = walk(w, sub, depth + 1);

				rc = rc ? rc : r;
			}
		} else if (S_ISREG(mode) && is_entry_name(name))
			w->file(w, dirfd(d), name, &v[i].sb);
		else if (w->other != NULL)
			w->other(w->path.s, w->arg);
		w->path.len = plen;
		w->path.s[plen] = '\0';
		free(v[i].name);
	}
	free(v);
	closedir(d);
	return rc;
}

/* Walk ROOT/entries; a store without it has no entries. */
static int
walk_entries(struct store *st, struct walker *w)
{
	int fd, rc = 0;

	w->path = (struct buf)BUF_INIT;
	buf_adds(&w->path, st->root);
	if (w->path.len == 0 || w->path.s[w->path.len - 1] != '/')
		buf_addc(&w->path, '/');
	buf_adds(&w->path, "entries");
	if ((fd = open(w->path.s, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1)
		rc = walk(w, fd, 0);
	else if (errno != ENOENT) {
		diag_error(w->path.s, nopos, "cannot read directory: %s",
		    strerror(errno));
		rc = fsio_status(errno);
	}
	buf_free(&w->path);
	return rc;
}

enum not_entry
store_not_entry(const char *path)
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
		return NOT_ENTRY_NAME;
	return NOT_ENTRY_OTHER;
}

void
store_warn_not_entry(const char *path, void *arg)
{
	(void)arg;
	switch (store_not_entry(path)) {
	case NOT_ENTRY_LINK:
		diag_warn(path, nopos, "a symbolic link; not followed, not "
		    "loaded");
		break;
	case NOT_ENTRY_NAME:
		diag_warn(path, nopos, "not loaded: the file name is not a "
		    "valid ID ([A-Za-z0-9._-], not starting with '.')");
		break;
	default:
		break;	/* temporary files and others: check reports them */
	}
}

static void
add_file(struct walker *w, int dirfd, const char *name, const struct stat *sb)
{
	(void)dirfd;
	(void)name;
	filevec_add(w->arg2, xstrdup(w->path.s), sb);
}

int
store_entry_files(struct store *st, struct entry_file **files, size_t *n,
    void (*other)(const char *, void *), void *arg)
{
	struct filevec fv = { NULL, 0 };
	struct walker w = { true, add_file, other, arg, &fv, BUF_INIT };
	int rc = walk_entries(st, &w);

	*files = fv.v;
	*n = fv.n;
	return rc;
}

void
entry_files_free(struct entry_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(files[i].path);
	free(files);
}

static void
add_path(struct walker *w, int dirfd, const char *name, const struct stat *sb)
{
	(void)dirfd;
	(void)name;
	(void)sb;
	strlist_add(w->arg2, w->path.s);
}

/* The walk without stat data: the types from d_type will do. */
int
store_entry_paths(struct store *st, char ***paths, size_t *n,
    void (*other)(const char *, void *), void *arg)
{
	struct strlist l = { NULL, 0 };
	struct walker w = { false, add_path, other, arg, &l, BUF_INIT };
	int rc = walk_entries(st, &w);

	*paths = l.v;
	*n = l.n;
	return rc;
}

static void
free_paths(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

/* A file that does not load sets *bad: EXIT_DATAERR unless worse. */
static void
set_bad(int *bad, int r)
{
	if (*bad == 0 || r != EXIT_DATAERR)
		*bad = r;
}

struct entry *
store_load_entry(const char *path, int *bad)
{
	struct entry *e = xmalloc(sizeof(*e));
	int r;

	entry_init(e);
	if ((r = entry_load(path, e)) != 0) {
		free(e);
		set_bad(bad, r);
		return NULL;
	}
	return e;
}

struct each {
	void	(*fn)(struct entry *, void *);
	size_t	 nfiles;
	int	*bad;
};

/* One entry file, read through its directory's descriptor. */
static void
load_file(struct walker *w, int dirfd, const char *name, const struct stat *sb)
{
	struct each *each = w->arg2;
	struct entry *e = xmalloc(sizeof(*e));
	int r;

	(void)sb;
	each->nfiles++;
	entry_init(e);
	if ((r = entry_load_at(dirfd, name, w->path.s, e)) != 0) {
		free(e);
		set_bad(each->bad, r);
		return;
	}
	each->fn(e, w->arg);
}

int
store_each_entry(struct store *st, void (*fn)(struct entry *, void *),
    void (*other)(const char *, void *), void *arg, size_t *nfiles, int *bad)
{
	struct each each = { fn, 0, bad };
	struct walker w = { false, load_file, other, arg, &each, BUF_INIT };
	int rc;

	*bad = 0;
	rc = walk_entries(st, &w);
	if (nfiles != NULL)
		*nfiles = each.nfiles;
	return rc;
}

void
entry_list_add(struct entry_list *list, struct entry *e)
{
	/* Capacity is the next power of two, at least 16. */
	if (list->n >= 16 && (list->n & (list->n - 1)) == 0)
		list->v = xreallocarray(list->v, list->n * 2, sizeof(*list->v));
	else if (list->n == 0)
		list->v = xreallocarray(list->v, 16, sizeof(*list->v));
	list->v[list->n++] = e;
}

static void
append_entry(struct entry *e, void *arg)
{
	entry_list_add(arg, e);
}

int
store_load_all(struct store *st, struct entry_list *list, int *bad)
{
	int rc;

	list->v = NULL;
	list->n = 0;
	rc = store_each_entry(st, append_entry, NULL, list, NULL, bad);
	if (list->n > 1)
		qsort(list->v, list->n, sizeof(*list->v), entry_cmp);
	return rc;
}

void
entry_list_free(struct entry_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		entry_free(list->v[i]);
		free(list->v[i]);
	}
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

/* --- references --- */

/*
 * SERIES:PART among the summaries given, or those of the index; only
 * that file is read whole.
 */
static int
resolve_part(struct store *st, const struct entry_list *given,
    const char *ref, const char *colon, struct entry **out)
{
	struct entry_list all = { NULL, 0 };
	const struct entry_list *l = given;
	char *slug = xstrndup(ref, (size_t)(colon - ref)), *end;
	long part = strtol(colon + 1, &end, 10);
	size_t found = 0, at = 0;
	int bad, rc;

	if (!slug_valid(slug) || *end != '\0' || part < 1 ||
	    !isdigit((unsigned char)colon[1])) {
		diag("bad reference '%s': expected ID, ID prefix or SERIES:PART",
		    ref);
		free(slug);
		return EXIT_USAGE;
	}
	if (l == NULL && (rc = index_load_series(st, slug, &all, &bad)) != 0) {
		free(slug);
		entry_list_free(&all);
		return rc;
	}
	if (l == NULL)
		l = &all;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series && strcmp(l->v[i]->series, slug) == 0 &&
		    l->v[i]->part == part) {
			if (found++ > 0)
				diag_error(l->v[i]->path, l->v[i]->pos[F_PART],
				    "%s:%ld is also %s", slug, part,
				    l->v[at]->id);
			else
				at = i;
		}
	if (found == 0) {
		diag("no part %ld in series '%s'", part, slug);
		rc = EXIT_NOTFOUND;
	} else if (found > 1)
		rc = EXIT_DATAERR;
	else {
		struct entry *e = xmalloc(sizeof(*e));

		entry_init(e);
		if ((rc = entry_load(l->v[at]->path, e)) != 0)
			free(e);
		else
			*out = e;
	}
	free(slug);
	entry_list_free(&all);
	return rc;
}

static const char *
basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

int
store_resolve(struct store *st, const char *ref, struct entry **out)
{
	return store_resolve_in(st, NULL, ref, out);
}

int
store_resolve_in(struct store *st, const struct entry_list *summaries,
    const char *ref, struct entry **out)
{
	const char *colon = strchr(ref, ':');
	char **paths;
	size_t n, rlen = strlen(ref), nmatch = 0, exact = SIZE_MAX, first = 0;
	int rc;

	*out = NULL;
	if (colon != NULL)
		return resolve_part(st, summaries, ref, colon, out);
	if (!id_valid(ref)) {
		diag("bad reference '%s': expected ID, ID prefix or SERIES:PART",
		    ref);
		return EXIT_USAGE;
	}
	if ((rc = store_entry_paths(st, &paths, &n, NULL, NULL)) != 0) {
		free_paths(paths, n);
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		const char *b = basename_of(paths[i]);

		if (strncmp(b, ref, rlen) != 0)
			continue;
		if (strcmp(b + rlen, ".yaml") == 0)
			exact = i;
		if (nmatch++ == 0)
			first = i;
	}
	if (exact != SIZE_MAX)
		first = exact;
	if (nmatch == 0) {
		diag("no entry '%s'", ref);
		rc = EXIT_NOTFOUND;
	} else if (nmatch > 1 && exact == SIZE_MAX) {
		struct buf c = BUF_INIT;

		for (size_t i = 0, k = 0; i < n && k < 8; i++)
			if (strncmp(basename_of(paths[i]), ref, rlen) == 0) {
				const char *b = basename_of(paths[i]);

				buf_addf(&c, "%s%.*s", k++ ? ", " : "",
				    (int)(strlen(b) - 5), b);
			}
		diag("'%s' is ambiguous: %s%s", ref, buf_str(&c),
		    nmatch > 8 ? ", ..." : "");
		buf_free(&c);
		rc = EXIT_NOTFOUND;
	} else {
		struct entry *e = xmalloc(sizeof(*e));

		entry_init(e);
		if ((rc = entry_load(paths[first], e)) != 0)
			free(e);
		else
			*out = e;
	}
	free_paths(paths, n);
	return rc;
}

/* --- adding --- */

static void
make_id(const struct date *d, char *id, size_t size)
{
	static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
	unsigned char rnd[6];

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		/* Never expected; time and pid still separate writers. */
		unsigned long x = (unsigned long)time(NULL) ^
		    ((unsigned long)getpid() << 16) ^ (unsigned long)clock();

		for (size_t i = 0; i < sizeof(rnd); i++, x >>= 5)
			rnd[i] = (unsigned char)x;
	}
	snprintf(id, size, "%04d%02d%02d-%c%c%c%c%c%c", d->year, d->mon,
	    d->day, alphabet[rnd[0] & 31], alphabet[rnd[1] & 31],
	    alphabet[rnd[2] & 31], alphabet[rnd[3] & 31],
	    alphabet[rnd[4] & 31], alphabet[rnd[5] & 31]);
}

/*
 * The highest part of the series, and whether part (when not 0) is taken
 * by a file other than except.  Under the lock, so the answer holds.
 */
static int
series_parts(struct store *st, const char *series, long part,
    const char *except, long *max, bool *taken)
{
	struct entry_list all;
	int bad, rc;

	*max = 0;
	*taken = false;
	rc = index_load(st, &all, &bad);
	for (size_t i = 0; i < all.n; i++) {
		struct entry *o = all.v[i];

		if (o->series == NULL || strcmp(o->series, series) != 0 ||
		    (except != NULL && strcmp(o->path, except) == 0))
			continue;
		if (o->part > *max)
			*max = o->part;
		if (part != 0 && o->part == part && !*taken) {
			diag("part %ld of series '%s' is taken by %s", part,
			    series, o->id);
			*taken = true;
		}
	}
	entry_list_free(&all);
	if (bad != 0 && rc == 0 && part == 0) {
		diag("some entries do not load (see above); run "
		    "'dailylog check', or give the part with -p");
		rc = bad;
	}
	return rc;
}

int
store_part_free(struct store *st, const char *series, long part,
    const char *except)
{
	long max;
	bool taken;
	int rc = series_parts(st, series, part, except, &max, &taken);

	return rc ? rc : taken ? EXIT_CANTCREAT : 0;
}

int
store_add(struct store *st, struct entry *e)
{
	struct buf yaml = BUF_INIT;
	char id[64], rel[32], *dir = NULL, *path = NULL;
	bool held = st->lockfd != -1;	/* import holds it for a batch */
	int rc, err = EEXIST;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if (e->series != NULL) {
		bool taken;
		long max;

		if ((rc = series_parts(st, e->series, e->part, NULL, &max,
		    &taken)) != 0)
			goto out;
		if (taken) {
			rc = EXIT_CANTCREAT;
			goto out;
		}
		if (e->part == 0)
			e->part = max + 1;
	}
	snprintf(rel, sizeof(rel), "entries/%04d/%02d", e->date.year,
	    e->date.mon);
	dir = path_join(st->root, rel);
	if ((rc = fsio_mkdirs(st->root, rel)) != 0)
		goto out;
	entry_to_yaml(e, false, false, &yaml);
	for (int tries = 0; tries < 16 && err == EEXIST; tries++) {
		struct buf name = BUF_INIT;

		make_id(&e->date, id, sizeof(id));
		buf_addf(&name, "%s.yaml", id);
		free(path);
		path = path_join(dir, name.s);
		buf_free(&name);
		err = fsio_write(path, yaml.s, yaml.len, FSIO_NEW, 0600, true);
	}
	if (err != 0) {
		diag_error(path, nopos, "cannot create the entry: %s%s",
		    strerror(err), err == ENOSPC ?
		    "; nothing was written" : "");
		rc = fsio_status(err);
		goto out;
	}
	free(e->id);
	free(e->path);
	e->id = xstrdup(id);
	e->path = path;
	path = NULL;
out:
	if (!held)
		store_unlock(st);
	buf_free(&yaml);
	free(dir);
	free(path);
	return rc;
}
