/*
 * The walk of ROOT/entries: every entry file, in the order of its full
 * path, through directory descriptors, never following a symbolic link.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "walk.h"

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
		diag_error(fsio_status(errno), w->path.s, nopos, "cannot read "
		    "directory: %s", strerror(errno));
		close(fd);
		return -1;
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
				diag_error(fsio_status(errno), w->path.s,
				    nopos, "cannot read directory: %s",
				    strerror(errno));
				rc = -1;
			} else if (walk(w, sub, depth + 1) != 0)
				rc = -1;
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
walk_root(const char *root, struct walker *w)
{
	int fd, rc = 0;

	w->path = (struct buf)BUF_INIT;
	buf_adds(&w->path, root);
	if (w->path.len == 0 || w->path.s[w->path.len - 1] != '/')
		buf_addc(&w->path, '/');
	buf_adds(&w->path, "entries");
	if ((fd = open(w->path.s, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1)
		rc = walk(w, fd, 0);
	else if (errno != ENOENT) {
		diag_error(fsio_status(errno), w->path.s, nopos, "cannot read "
		    "directory: %s", strerror(errno));
		rc = -1;
	}
	buf_free(&w->path);
	return rc;
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

static void
add_file(struct walker *w, int dirfd, const char *name, const struct stat *sb)
{
	(void)dirfd;
	(void)name;
	filevec_add(w->arg2, xstrdup(w->path.s), sb);
}

int
walk_files(const char *root, struct entry_file **files, size_t *n,
    void (*other)(const char *, void *), void *arg)
{
	struct filevec fv = { NULL, 0 };
	struct walker w = { true, add_file, other, arg, &fv, BUF_INIT };
	int rc = walk_root(root, &w);

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
walk_paths(const char *root, char ***paths, size_t *n,
    void (*other)(const char *, void *), void *arg)
{
	struct strlist l = { NULL, 0 };
	struct walker w = { false, add_path, other, arg, &l, BUF_INIT };
	int rc = walk_root(root, &w);

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
	void	(*fn)(struct entry *, void *);
	size_t	 nfiles;
};

/* One entry file, read through its directory's descriptor. */
static void
load_file(struct walker *w, int dirfd, const char *name, const struct stat *sb)
{
	struct each *each = w->arg2;
	struct entry *e = xmalloc(sizeof(*e));

	(void)sb;
	each->nfiles++;
	entry_init(e);
	if (entry_load_at(dirfd, name, w->path.s, e) != 0) {
		free(e);		/* reported: the walk goes on */
		return;
	}
	each->fn(e, w->arg);
}

int
walk_entries(const char *root, void (*fn)(struct entry *, void *),
    void (*other)(const char *, void *), void *arg, size_t *nfiles)
{
	struct each each = { fn, 0 };
	struct walker w = { false, load_file, other, arg, &each, BUF_INIT };
	int rc;

	rc = walk_root(root, &w);
	if (nfiles != NULL)
		*nfiles = each.nfiles;
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
