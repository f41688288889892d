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

/* fd_read with the file's stat data, or NULL when it has none. */
static int
read_whole(int fd, const struct stat *st, const char *name, size_t max,
    char **bufp, size_t *lenp)
{
	struct buf b = BUF_INIT;
	ssize_t n;

	*bufp = NULL;
	*lenp = 0;
	/* Room for the whole file and the read that finds its end. */
	if (st != NULL && S_ISREG(st->st_mode))
		buf_grow(&b, ((size_t)st->st_size < max ?
		    (size_t)st->st_size : max) + 1);
	for (;;) {
		if (b.cap <= b.len + 1)
			buf_grow(&b, 65536);
		n = read(fd, b.s + b.len, b.cap - b.len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			diag_error(EXIT_IOERR, name, nopos, "read error: %s",
			    strerror(errno));
			buf_free(&b);
			return -1;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {
			diag_error(EXIT_DATAERR, name, nopos, "larger than the "
			    "limit of %zu KiB", max / 1024);
			buf_free(&b);
			return -1;
		}
		b.len += (size_t)n;
	}
	b.s[b.len] = '\0';
	*lenp = b.len;
	*bufp = buf_detach(&b);
	return 0;
}

int
fd_read(int fd, const char *name, size_t max, char **bufp, size_t *lenp)
{
	struct stat st;

	return read_whole(fd, fstat(fd, &st) == 0 ? &st : NULL, name, max,
	    bufp, lenp);
}

int
file_read_at(int dirfd, const char *name, const char *path, size_t max,
    char **bufp, size_t *lenp)
{
	struct stat st;
	int fd, rc;

	*bufp = NULL;
	*lenp = 0;
	if ((fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) == -1) {
		int err = errno;

		if (err == ELOOP)
			diag_error(EXIT_NOINPUT, path, nopos, "refusing to "
			    "follow a symbolic link");
		else
			diag_error(err == ENOENT || err == ENOTDIR ||
			    err == EACCES ? EXIT_NOINPUT : EXIT_IOERR, path,
			    nopos, "%s", strerror(err));
		return -1;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		diag_error(EXIT_NOINPUT, path, nopos, "not a regular file");
		close(fd);
		return -1;
	}
	rc = read_whole(fd, &st, path, max, bufp, lenp);
	close(fd);
	return rc;
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
	if (strcmp(file, "-") == 0) {
		*name = "<stdin>";
		return fd_read(STDIN_FILENO, *name, max, buf, len);
	}
	*name = file;
	return file_read(file, max, buf, len);
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
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
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

		if (mkdirat(fd, comp, 0700) == -1 && errno != EEXIST) {
			diag_fail(fsio_status(errno), "cannot create directory "
			    "%s/%s: %s", root, rel, strerror(errno));
			rc = -1;
		} else if ((next = openat(fd, comp, O_RDONLY | O_DIRECTORY |
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

int
fsio_write(const char *path, const char *data, size_t len,
    enum fsio_mode how, unsigned mode, bool durable)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	struct buf tmp = BUF_INIT;
	int fd, err = 0;

	buf_addf(&tmp, "%s/.%s.tmp-XXXXXX", dir, slash ? slash + 1 : path);
	if ((fd = mkostemp(tmp.s, O_CLOEXEC)) == -1) {
		err = errno;
		goto out;
	}
	if (fchmod(fd, (mode_t)mode) == -1 ||
	    (err = fd_write_all(fd, data, len)) != 0 ||
	    (durable && fsync(fd) == -1)) {
		err = err ? err : errno;
		close(fd);
		unlink(tmp.s);
		goto out;
	}
	if (close(fd) == -1) {
		err = errno;
		unlink(tmp.s);
		goto out;
	}
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
	if (durable)
		err = fsync_dir(dir);
out:
	buf_free(&tmp);
	free(dir);
	return err;
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
fsio_store_file(const char *path, const char *data, size_t len,
    enum fsio_mode how)
{
	int err = fsio_write(path, data, len, how, 0600, true);

	return err ? fsio_write_failed(path, err) : 0;
}

int
fsio_output_file(const char *path, const char *data, size_t len,
    bool durable)
{
	struct stat sb;
	mode_t mask = umask(0);
	int err;

	umask(mask);
	/* Replacing renames over the path: never over a device, a
	 * directory or a symbolic link that happens to be there. */
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		diag_error(EXIT_CANTCREAT, path, nopos, "not a regular file; "
		    "not replaced");
		return -1;
	}
	err = fsio_write(path, data, len, FSIO_REPLACE, 0666 & ~mask, durable);
	return err ? fsio_write_failed(path, err) : 0;
}

int
fsio_output_dir(const char *dir, char **abs)
{
	char real[PATH_MAX];

	*abs = NULL;
	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		diag_fail(EXIT_CANTCREAT, "cannot create directory %s: %s",
		    dir, strerror(errno));
		return -1;
	}
	if (realpath(dir, real) == NULL) {
		diag_fail(EXIT_CANTCREAT, "%s: %s", dir, strerror(errno));
		return -1;
	}
	*abs = xstrdup(real);
	return 0;
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
