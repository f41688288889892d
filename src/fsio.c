/* Files and directories (fsio.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "fsio.h"

char *
path_join(const char *a, const char *b)
{
	struct buf p = BUF_INIT;

	buf_adds(&p, a);
	if (p.len > 0 && p.s[p.len - 1] != '/')
		buf_addc(&p, '/');
	buf_adds(&p, b);
	return buf_detach(&p);
}

int
fsio_status(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
	case EIO:
	case EFBIG:
	case EMFILE:		/* out of descriptors: not the store's fault */
	case ENFILE:
	case ENOMEM:
		return EXIT_IOERR;
	case ENOENT:
	case ENOTDIR:
		return EXIT_NOINPUT;
	default:
		return EXIT_CANTCREAT;
	}
}

/* --- reading --- */

/* A file of the store: never through a link, never waiting on a FIFO. */
#define STORE_FILE_FLAGS	(O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)

/*
 * fd into b (emptied first; what it holds already is room to reuse),
 * with the file's stat data, or NULL when it has none: 0, or the errno
 * of a failed read (EFBIG: more than max bytes).  Reports nothing.
 */
static int
read_all(int fd, const struct stat *st, size_t max, struct buf *bp)
{
	struct buf b = *bp;
	bool regular = st != NULL && S_ISREG(st->st_mode);
	size_t want;
	ssize_t n;
	int err = 0;

	b.len = 0;
	/* Room for the whole file and one byte more. */
	if (regular)
		buf_grow(&b, ((size_t)st->st_size < max ?
		    (size_t)st->st_size : max) + 1);
	for (;;) {
		if (b.cap <= b.len + 1)
			buf_grow(&b, 65536);
		want = b.cap - b.len - 1;
		n = read(fd, b.s + b.len, want);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			err = errno;
			break;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {
			err = EFBIG;
			break;
		}
		b.len += (size_t)n;
		/* A short read that brought all fstat promised is the end:
		 * no read just to see 0. */
		if (regular && (size_t)n < want &&
		    b.len >= (size_t)st->st_size)
			break;
	}
	if (err == 0)
		b.s[b.len] = '\0';
	*bp = b;
	return err;
}

/* read_all, with a failure reported. */
static int
read_whole(int fd, const struct stat *st, const char *name, size_t max,
    struct buf *bp)
{
	int err = read_all(fd, st, max, bp);

	if (err == EFBIG)
		diag_error(EXIT_DATAERR, name, nopos, "larger than the "
		    "limit of %zu KiB", max / 1024);
	else if (err != 0)
		diag_error(EXIT_IOERR, name, nopos, "read error: %s",
		    strerror(err));
	return err == 0 ? 0 : -1;
}

/* What b holds, given to the caller; nothing after a failure. */
static int
detach(int rc, struct buf *b, char **bufp, size_t *lenp)
{
	*lenp = rc == 0 ? b->len : 0;
	if (rc == 0)
		*bufp = buf_detach(b);
	else {
		*bufp = NULL;
		buf_free(b);
	}
	return rc;
}

int
fd_read(int fd, const char *name, size_t max, char **bufp, size_t *lenp)
{
	struct buf b = BUF_INIT;
	struct stat st;

	return detach(read_whole(fd, fstat(fd, &st) == 0 ? &st : NULL, name,
	    max, &b), &b, bufp, lenp);
}

int
file_read_at(int dirfd, const char *name, const char *path, size_t max,
    char **bufp, size_t *lenp)
{
	struct buf b = BUF_INIT;

	return detach(file_read_buf(dirfd, name, path, max, &b), &b, bufp,
	    lenp);
}

/* A file of the store opened to be read, never through a link; -1 told. */
void
fsio_open_failed(const char *path, int err)
{
	if (err == ELOOP)
		diag_error(EXIT_NOINPUT, path, nopos, "refusing to follow a "
		    "symbolic link");
	else
		diag_error(err == ENOENT || err == ENOTDIR || err == EACCES ?
		    EXIT_NOINPUT : EXIT_IOERR, path, nopos, "%s",
		    strerror(err));
}

static int
open_store_file(int dirfd, const char *name, const char *path)
{
	int fd;

	if ((fd = openat(dirfd, name, STORE_FILE_FLAGS)) == -1)
		fsio_open_failed(path, errno);
	return fd;
}

void
dircache_init(struct dircache *dc, const char *base)
{
	dc->base = base;
	dc->blen = strlen(base);
	dc->basefd = -1;
	dc->dir = NULL;
	dc->dlen = 0;
	dc->fd = -1;
}

/* rel's directories, one name at a time below fd, none through a link. */
static int
open_below(int fd, const char *rel, size_t len)
{
	const int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	char name[NAME_MAX + 1];
	int at = fd, next, err;

	for (size_t i = 0, j; i < len; i = j + 1) {
		for (j = i; j < len && rel[j] != '/'; j++)
			continue;
		if (j - i > NAME_MAX) {
			next = -1;
			errno = ENAMETOOLONG;
		} else {
			memcpy(name, rel + i, j - i);
			name[j - i] = '\0';
			next = openat(at, name, flags);
		}
		err = errno;
		if (at != fd)
			close(at);
		if (next == -1) {
			errno = err;
			return -1;
		}
		at = next;
	}
	return at != fd ? at : fcntl(fd, F_DUPFD_CLOEXEC, 0);
}

int
dircache_at(struct dircache *dc, const char *path, const char **name)
{
	const char *slash = strrchr(path, '/');
	size_t dlen = slash != NULL ? (size_t)(slash - path) : 0;

	*name = slash != NULL ? slash + 1 : path;
	if (slash == NULL)
		return AT_FDCWD;
	if (dc->dir != NULL && dc->dlen == dlen &&
	    memcmp(dc->dir, path, dlen) == 0)
		return dc->fd;
	if (dc->fd != -1)
		close(dc->fd);
	free(dc->dir);
	dc->dir = NULL;
	if (dlen >= dc->blen && memcmp(path, dc->base, dc->blen) == 0 &&
	    (dlen == dc->blen || path[dc->blen] == '/')) {
		if (dc->basefd == -1 && (dc->basefd = open(dc->base,
		    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
			return dc->fd = -1;
		dc->fd = open_below(dc->basefd, path + dc->blen +
		    (dlen > dc->blen), dlen - dc->blen - (dlen > dc->blen));
	} else {
		char *d = xstrndup(path, dlen);

		dc->fd = open(d, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		free(d);
	}
	if (dc->fd != -1) {
		dc->dir = xstrndup(path, dlen);
		dc->dlen = dlen;
	}
	return dc->fd;
}

void
dircache_free(struct dircache *dc)
{
	if (dc->fd != -1)
		close(dc->fd);
	if (dc->basefd != -1)
		close(dc->basefd);
	free(dc->dir);
	dircache_init(dc, dc->base);
}

int
file_read_buf(int dirfd, const char *name, const char *path, size_t max,
    struct buf *b)
{
	struct stat st;
	int fd, rc;

	if ((fd = open_store_file(dirfd, name, path)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_error(EXIT_NOINPUT, path, nopos, "not a regular file");
		close(fd);
		return -1;
	}
	rc = read_whole(fd, &st, path, max, b);
	close(fd);
	return rc;
}

int
file_read_regular(int dirfd, const char *name, const char *path, size_t max,
    struct buf *b)
{
	/* Size 0: a read short of the room is the end, as of a regular
	 * file; the room, reused, takes most files in one read. */
	struct stat st = { .st_mode = S_IFREG, .st_size = 0 };
	int fd, rc;

	if ((fd = open_store_file(dirfd, name, path)) == -1)
		return -1;
	rc = read_whole(fd, &st, path, max, b);
	close(fd);
	return rc;
}

int
file_read_quietly(int dirfd, const char *name, size_t max, struct buf *b)
{
	struct stat st;
	int fd, err;

	if ((fd = openat(dirfd, name, STORE_FILE_FLAGS)) == -1)
		return errno;
	/*
	 * Its size makes the room: a reader of many small files keeps a
	 * small one.  (A room grown to 64 KiB is a mapping of its own,
	 * made and unmade for every file, each unmaking an interrupt to
	 * the other processors.)
	 */
	if (fstat(fd, &st) == -1)
		err = errno;
	else
		err = read_all(fd, S_ISREG(st.st_mode) ? &st : NULL, max, b);
	close(fd);
	return err;
}

int
file_read(const char *path, size_t max, char **bufp, size_t *lenp)
{
	return file_read_at(AT_FDCWD, path, path, max, bufp, lenp);
}

int
fsio_read_input(const char *file, size_t max, const char **name, char **buf,
    size_t *len)
{
	struct buf b = BUF_INIT;
	struct stat st;
	int fd, rc;

	if (strcmp(file, "-") == 0) {
		*name = "<stdin>";
		return fd_read(STDIN_FILENO, *name, max, buf, len);
	}
	*name = file;
	*buf = NULL;
	*len = 0;
	/*
	 * Not a file of the store: a symbolic link is followed, and a pipe
	 * (add -F <(...)), /dev/stdin or a terminal is read to its end.
	 * Blocking, so that a FIFO waits for its writer.
	 */
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
		int err = errno;

		diag_error(err == ENOENT || err == ENOTDIR || err == EACCES ||
		    err == ELOOP ? EXIT_NOINPUT : EXIT_IOERR, file, nopos,
		    "%s", strerror(err));
		return -1;
	}
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode)) {
		diag_error(EXIT_NOINPUT, file, nopos, "%s", S_ISDIR(st.st_mode) ?
		    "a directory, not a file" : strerror(errno));
		close(fd);
		return -1;
	}
	rc = detach(read_whole(fd, &st, file, max, &b), &b, buf, len);
	close(fd);
	return rc;
}

/* --- writing --- */

int
fd_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			return errno;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), err = 0;

	if (fd == -1)
		return errno;
	if (fsync(fd) == -1 && errno != EINVAL)
		err = errno;
	close(fd);
	return err;
}

int
fsio_remove(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) :
	    xstrdup(".");
	int err = 0;

	if (unlink(path) == -1 && errno != ENOENT)
		err = errno;
	else
		err = fsync_dir(*dir ? dir : "/");
	if (err != 0)
		diag_error(fsio_status(err), path, nopos, "cannot remove: %s",
		    strerror(err));
	free(dir);
	return err ? -1 : 0;
}

/*
 * A directory just made is flushed in its parent (dir, the path of the
 * parent for messages), or on power loss it can vanish with all that
 * was written in it since.
 */
static int
made_durable(int parentfd, const char *dir)
{
	if (fsync(parentfd) == -1 && errno != EINVAL) {
		diag_fail(fsio_status(errno), "cannot sync directory %s: %s",
		    dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* mkdir -p of path (0700); the path above the store may hold links. */
static int
mkdirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char save = *s;

		*s = '\0';
		if (mkdir(p, 0700) == 0) {
			char *slash = strrchr(p, '/');
			char *parent = slash == NULL ? xstrdup(".") :
			    slash == p ? xstrdup("/") :
			    xstrndup(p, (size_t)(slash - p));
			int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

			if (fd == -1 || made_durable(fd, parent) != 0) {
				if (fd == -1)
					diag_fail(fsio_status(errno), "cannot "
					    "sync directory %s: %s", parent,
					    strerror(errno));
				rc = -1;
			}
			if (fd != -1)
				close(fd);
			free(parent);
		} else if (errno != EEXIST) {
			diag_fail(fsio_status(errno), "cannot create directory "
			    "%s: %s", p, strerror(errno));
			rc = -1;
		}
		if (save == '\0')
			break;
		*s = save;
	}
	free(p);
	return rc;
}

int
fsio_mkdirs(const char *root, const char *rel)
{
	char *p, *comp, *save = NULL;
	int fd, rc = 0;

	if (rel == NULL)
		return mkdirs(root);
	if ((fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_fail(fsio_status(errno), "cannot open %s: %s", root,
		    strerror(errno));
		return -1;
	}
	p = xstrdup(rel);
	/* Inside the store nothing is written through a symbolic link:
	 * each directory is opened with O_NOFOLLOW before going down. */
	for (comp = strtok_r(p, "/", &save); comp != NULL && rc == 0;
	    comp = strtok_r(NULL, "/", &save)) {
		int next;

		bool made = mkdirat(fd, comp, 0700) == 0;

		if (!made && errno != EEXIST) {
			diag_fail(fsio_status(errno), "cannot create directory "
			    "%s/%s: %s", root, rel, strerror(errno));
			rc = -1;
		} else if (made && made_durable(fd, root) != 0)
			rc = -1;
		else if ((next = openat(fd, comp, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1) {
			diag_fail(EXIT_CANTCREAT, "cannot use %s/%s: %s%s", root,
			    rel, strerror(errno), errno == ELOOP ||
			    errno == ENOTDIR ? " (a symbolic link or a file "
			    "where a directory belongs; dailylog does not write "
			    "through links in the store)" : "");
			rc = -1;
		} else {
			close(fd);
			fd = next;
		}
	}
	close(fd);
	free(p);
	return rc;
}

/*
 * data in a new temporary file .BASE.tmp-XXXXXX of dir, with mode,
 * synced when durable: 0 with its path in tmp, or an errno value with
 * nothing left behind.
 */
/* A new, empty .BASE.tmp-XXXXXX of dir with mode: its descriptor, or -1. */
static int
open_temporary(const char *dir, const char *base, unsigned mode,
    struct buf *tmp)
{
	int fd;

	buf_addf(tmp, "%s/.%s.tmp-XXXXXX", dir, base);
	if ((fd = mkostemp(tmp->s, O_CLOEXEC)) == -1)
		return -1;
	if (fchmod(fd, (mode_t)mode) == -1) {
		int err = errno;

		close(fd);
		unlink(tmp->s);
		errno = err;
		return -1;
	}
	return fd;
}

static int
write_temporary(const char *dir, const char *base, const char *data,
    size_t len, unsigned mode, bool durable, struct buf *tmp)
{
	int fd, err = 0;

	if ((fd = open_temporary(dir, base, mode, tmp)) == -1)
		return errno;
	if ((err = fd_write_all(fd, data, len)) != 0 ||
	    (durable && fsync(fd) == -1)) {
		err = err ? err : errno;
		close(fd);
		unlink(tmp->s);
		return err;
	}
	if (close(fd) == -1) {
		err = errno;
		unlink(tmp->s);
	}
	return err;
}

/* fsio_write, the file synced when durable, its directory when sync_dir. */
static int
write_named(const char *path, const char *data, size_t len,
    enum fsio_mode how, unsigned mode, bool durable, bool sync_dir)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	struct buf tmp = BUF_INIT;
	int err;

	if ((err = write_temporary(dir, slash ? slash + 1 : path, data, len,
	    mode, durable, &tmp)) != 0)
		goto out;
	if (how == FSIO_REPLACE) {
		if (rename(tmp.s, path) == -1) {
			err = errno;
			unlink(tmp.s);
			goto out;
		}
	} else {
		/* link(2) never replaces: a racing writer gets EEXIST. */
		if (link(tmp.s, path) == -1)
			err = errno;
		unlink(tmp.s);
		if (err)
			goto out;
	}
	if (sync_dir)
		err = fsync_dir(dir);
out:
	buf_free(&tmp);
	free(dir);
	return err;
}

int
fsio_write(const char *path, const char *data, size_t len,
    enum fsio_mode how, unsigned mode, bool durable)
{
	return write_named(path, data, len, how, mode, durable, durable);
}

int
fsio_replacement(const char *path, unsigned mode, struct buf *tmp)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	int fd = open_temporary(dir, slash ? slash + 1 : path, mode, tmp);

	free(dir);
	return fd;
}

int
fsio_replace_with(int fd, const char *tmp, const char *path, bool ok)
{
	if (close(fd) == -1 || !ok || rename(tmp, path) == -1) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Report a failed fsio_write of path (its status by errno); returns -1. */
static int
fsio_write_failed(const char *path, int err)
{
	if (err == EEXIST)
		diag_error(EXIT_CANTCREAT, path, nopos, "already exists; not "
		    "overwritten");
	else if (err == ENOSPC || err == EDQUOT)
		diag_error(fsio_status(err), path, nopos, "cannot write: %s; "
		    "nothing was written", strerror(err));
	else
		diag_error(fsio_status(err), path, nopos, "cannot write: %s",
		    strerror(err));
	return -1;
}

int
fsio_stage_file(const char *path, const char *data, size_t len)
{
	int err = fsio_write(path, data, len, FSIO_NEW, 0600, false);

	return err ? fsio_write_failed(path, err) : 0;
}

int
fsio_store_file(const char *path, const char *data, size_t len,
    enum fsio_mode how)
{
	int err = fsio_write(path, data, len, how, 0600, true);

	return err ? fsio_write_failed(path, err) : 0;
}

int
fsio_place_file(const char *path, const char *data, size_t len,
    enum fsio_mode how)
{
	int err = write_named(path, data, len, how, 0600, true, false);

	return err ? fsio_write_failed(path, err) : 0;
}

/*
 * The mode of an output file at path (the umask's), or -1 after a
 * message when what is there must not be replaced: replacing renames
 * over the path, never over a device, a directory or a symbolic link
 * that happens to be there.
 */
static int
output_mode(const char *path, unsigned *mode)
{
	struct stat sb;
	mode_t mask = umask(0);

	umask(mask);
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		diag_error(EXIT_CANTCREAT, path, nopos, "not a regular file; "
		    "not replaced");
		return -1;
	}
	*mode = 0666 & ~mask;
	return 0;
}

int
fsio_output_file(const char *path, const char *data, size_t len,
    bool durable)
{
	unsigned mode;
	int err;

	if (output_mode(path, &mode) != 0)
		return -1;
	err = fsio_write(path, data, len, FSIO_REPLACE, mode, durable);
	return err ? fsio_write_failed(path, err) : 0;
}

/*
 * One component of an output directory: entered when it is there, a
 * link being the user's own path; else made, 0777 less the umask, its
 * parent flushed, and entered without following a link, so that one
 * swapped in for the directory just made is not taken for it.
 */
static int
output_component(int fd, const char *comp, const char *dir, bool *made)
{
	int next;

	*made = false;
	if ((next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1)
		return next;
	if (errno != ENOENT) {
		diag_fail(EXIT_CANTCREAT, "cannot use directory %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	if (mkdirat(fd, comp, 0777) == -1 && errno != EEXIST) {
		diag_fail(fsio_status(errno), "cannot create directory %s: %s",
		    dir, strerror(errno));
		return -1;
	}
	if ((next = openat(fd, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		diag_fail(EXIT_CANTCREAT, "cannot use directory %s: %s", dir,
		    strerror(errno));
		return -1;
	}
	(void)fsync(fd);
	*made = true;
	return next;
}

int
fsio_output_dir(const char *dir, char **abs)
{
	char *p = xstrdup(dir), *comp, *save = NULL, real[PATH_MAX], link[64];
	int fd, next;
	ssize_t n;
	bool made = false;

	*abs = NULL;
	if ((fd = open(*dir == '/' ? "/" : ".", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1) {
		diag_fail(EXIT_CANTCREAT, "%s: %s", dir, strerror(errno));
		free(p);
		return -1;
	}
	for (comp = strtok_r(p, "/", &save); comp != NULL && fd != -1;
	    comp = strtok_r(NULL, "/", &save)) {
		next = output_component(fd, comp, dir, &made);
		close(fd);
		fd = next;
	}
	free(p);
	if (fd == -1)
		return -1;
	/* The directory opened, wherever a link led to it. */
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((n = readlink(link, real, sizeof(real) - 1)) == -1 &&
	    realpath(dir, real) == NULL) {
		diag_fail(EXIT_CANTCREAT, "%s: %s", dir, strerror(errno));
		close(fd);
		return -1;
	}
	if (n != -1)
		real[n] = '\0';
	close(fd);
	*abs = xstrdup(real);
	return 0;
}

int
fsio_syncfs(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), err = 0;

	if (fd == -1)
		return errno;
	if (syncfs(fd) == -1)
		err = errno;
	close(fd);
	return err;
}

void
fsio_batch_init(struct fsio_batch *b, const char *dir)
{
	memset(b, 0, sizeof(*b));
	b->dir = xstrdup(dir);
}

int
fsio_batch_add(struct fsio_batch *b, const char *name, const char *data,
    size_t len)
{
	struct buf tmp = BUF_INIT;
	char *path = path_join(b->dir, name);
	unsigned mode;
	int err, rc = 0;

	if (output_mode(path, &mode) != 0)
		rc = -1;
	else if ((err = write_temporary(b->dir, name, data, len, mode, false,
	    &tmp)) != 0)
		rc = fsio_write_failed(path, err);
	if (rc != 0) {
		buf_free(&tmp);
		free(path);
		return rc;
	}
	b->tmp = xreallocarray(b->tmp, b->n + 1, sizeof(*b->tmp));
	b->path = xreallocarray(b->path, b->n + 1, sizeof(*b->path));
	b->tmp[b->n] = buf_detach(&tmp);
	b->path[b->n++] = path;
	return 0;
}

int
fsio_batch_commit(struct fsio_batch *b)
{
	int err;

	/* One flush of the file system for all the files: cheaper than
	 * an fsync each (see dailylog-render(1) for the figures). */
	if ((err = fsio_syncfs(b->dir)) != 0) {
		diag_fail(fsio_status(err), "%s: cannot sync: %s", b->dir,
		    strerror(err));
		return -1;
	}
	for (size_t i = 0; i < b->n; i++) {
		if (rename(b->tmp[i], b->path[i]) == -1)
			return fsio_write_failed(b->path[i], errno);
		free(b->tmp[i]);
		b->tmp[i] = NULL;
	}
	if ((err = fsync_dir(b->dir)) != 0) {
		diag_fail(fsio_status(err), "%s: cannot sync: %s", b->dir,
		    strerror(err));
		return -1;
	}
	return 0;
}

void
fsio_batch_free(struct fsio_batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		if (b->tmp[i] != NULL)
			unlink(b->tmp[i]);
		free(b->tmp[i]);
		free(b->path[i]);
	}
	free(b->tmp);
	free(b->path);
	free(b->dir);
	memset(b, 0, sizeof(*b));
}

int
fsio_tmpfile(const char *dir, const char *prefix, char **path)
{
	struct buf p = BUF_INIT;
	int fd;

	buf_addf(&p, "%s/%s-XXXXXX", dir, prefix);
	if ((fd = mkostemp(p.s, O_CLOEXEC)) == -1) {
		diag_fail(EXIT_CANTCREAT, "cannot make a temporary file in "
		    "%s: %s", dir, strerror(errno));
		buf_free(&p);
		return -1;
	}
	if (path != NULL)
		*path = buf_detach(&p);
	else {
		unlink(p.s);
		buf_free(&p);
	}
	return fd;
}
