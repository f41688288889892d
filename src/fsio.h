/*
 * Files and directories, for the store and for output: paths, reading
 * with a size cap, atomic writes, durable directories and temporary
 * files.  The rules of dailylog(5) "Files and safety" live here:
 *
 * - A write goes to a temporary file beside its target, is flushed with
 *   fsync, then gets its name by link(2) (never replacing anything) or
 *   rename(2) (replacing), and the directory is flushed after it.
 * - A directory made is flushed in its parent before it is used, and a
 *   directory a file is removed from is flushed after the removal.
 * - Inside the store nothing is read or created through a symbolic link;
 *   inputs named on the command line may be links, FIFOs or devices.
 *
 * Every function reports its own failure (diag.h) and returns 0 or -1,
 * unless it says it returns an errno value.
 */
#ifndef DL_FSIO_H
#define DL_FSIO_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Join a and b with one '/': a new string. */
char	*path_join(const char *a, const char *b);

/* The exit status for a failed system call's errno (disk full: 74, ...). */
int	fsio_status(int err);

/*
 * Read a whole regular file (never following a symbolic link; at most
 * max bytes) into *buf, NUL-terminated.  Missing, unreadable or not a
 * file is 66, a read error 74, too large 65.
 */
int	file_read(const char *path, size_t max, char **buf, size_t *len);
/* The same for name relative to the directory dirfd; path for messages. */
int	file_read_at(int dirfd, const char *name, const char *path,
	    size_t max, char **buf, size_t *len);
/*
 * The same into b, emptied first: its room is reused, so that a reader
 * of many files allocates once.
 */
int	file_read_buf(int dirfd, const char *name, const char *path,
	    size_t max, struct buf *b);
/*
 * The same for a file that a walk of the store has just seen regular
 * (readdir's type, or its stat): no fstat.  Should it have been
 * replaced meanwhile by what is not a file, the read fails or finds it
 * empty or short, and the loader refuses it.
 */
int	file_read_regular(int dirfd, const char *name, const char *path,
	    size_t max, struct buf *b);
/* Why the file or directory of the store at path could not be opened. */
void	fsio_open_failed(const char *path, int err);

/*
 * The directories of files of the store, opened a name at a time below
 * base (ROOT/entries: its own path is the user's to choose) and never
 * through a symbolic link, as the walk reads them: a directory swapped
 * for a link after the walk is refused (ENOTDIR, as the kernel says of
 * a link opened as a directory without following it).  The last one stays
 * open for the next file; a path not below base has its directory
 * opened whole.  Reports nothing, for a thread that must not.
 */
struct dircache {
	const char	*base;
	size_t		 blen;
	int		 basefd;	/* -1 until needed */
	char		*dir;		/* what fd is */
	size_t		 dlen;
	int		 fd;
};
void	dircache_init(struct dircache *, const char *base);
/*
 * The directory of path, open (the cache's: not to be closed), with its
 * last part in *name; -1 with errno when it cannot be opened.
 */
int	dircache_at(struct dircache *, const char *path, const char **name);
void	dircache_free(struct dircache *);

/*
 * file_read_regular that reports nothing, for a thread that must not
 * (readahead.c): 0, or the errno of what failed (EFBIG: larger than
 * max).  Its caller reads a failed file again with file_read_regular.
 */
int	file_read_quietly(int dirfd, const char *name, size_t max,
	    struct buf *b);
/* The same for an open descriptor (stdin); name is used in messages. */
int	fd_read(int fd, const char *name, size_t max, char **buf, size_t *len);

/*
 * An input named on the command line: FILE, or "-" for the standard
 * input (named "<stdin>" in *name then).  Not a file of the store, so
 * FILE may be a symbolic link, a FIFO, /dev/stdin or another device
 * that reads to an end; a directory is refused (66).
 */
int	fsio_read_input(const char *file, size_t max, const char **name,
	    char **buf, size_t *len);

/* Write all n bytes to fd (again after EINTR): 0 or an errno value. */
int	fd_write_all(int fd, const char *p, size_t n);

/* fsync(2) of a directory: 0 or an errno value. */
int	fsync_dir(const char *dir);

/*
 * Remove a file of the store and flush its directory, so that it does
 * not come back after a power loss (missing already is fine).
 */
int	fsio_remove(const char *path);

/*
 * Make root/rel, mode 0700, never through a symbolic link below root
 * (73 then).  rel NULL: make root itself, like mkdir -p.
 */
int	fsio_mkdirs(const char *root, const char *rel);

/* How fsio_write gives a file its name. */
enum fsio_mode {
	FSIO_NEW,	/* link: never replace; EEXIST when path exists */
	FSIO_REPLACE	/* rename over what is there */
};

/*
 * The atomic write behind every file: a temporary file .NAME.tmp-XXXXXX
 * beside path, with mode, then its name.  With durable, the file is
 * synced before it gets its name and the directory after.  Returns 0 or
 * an errno value, with nothing left behind; no message.
 */
int	fsio_write(const char *path, const char *data, size_t len,
	    enum fsio_mode, unsigned mode, bool durable);
/*
 * The same for a writer that writes in pieces: fsio_replacement opens
 * the temporary for path (named in tmp) and gives its descriptor, or
 * -1 with errno; fsio_replace_with closes it and, when ok, renames it
 * over path (0), else, or when that fails, removes it (-1).  Nothing is
 * synced: for caches that can be rebuilt.
 */
int	fsio_replacement(const char *path, unsigned mode, struct buf *tmp);
int	fsio_replace_with(int fd, const char *tmp, const char *path, bool ok);

/*
 * A new private file of the store (0600), not yet durable: for staging
 * many files that one fsio_syncfs then flushes.
 */
int	fsio_stage_file(const char *path, const char *data, size_t len);

/* A private file of the store (0600), durable. */
int	fsio_store_file(const char *path, const char *data, size_t len,
	    enum fsio_mode);

/*
 * The same, synced before it gets its name, but its directory is left
 * to the caller to flush (fsync_dir): once for several files in it.
 */
int	fsio_place_file(const char *path, const char *data, size_t len,
	    enum fsio_mode);

/*
 * Write output to path (outside the store), replacing a regular file
 * but nothing else (73), with the umask's permissions.  Without
 * durable, no fsync: for many files in one directory that the caller
 * syncs once.
 */
int	fsio_output_file(const char *path, const char *data, size_t len,
	    bool durable);

/*
 * dir, made with its missing parents when missing (mode 0777 less the
 * umask: output is not the store), as an absolute path in *abs (a new
 * string).  Directories that exist are followed through links, as the
 * user named them; one made here is never entered through a link.
 */
int	fsio_output_dir(const char *dir, char **abs);

/*
 * Many output files of one directory, made durable together: each is
 * written to a temporary file beside its name (as fsio_output_file
 * would, refusing to replace what is not a regular file), then commit
 * flushes them all with one syncfs(2), gives each its name by rename(2)
 * and flushes the directory.  A file never has its name before its
 * data are on disk.  Free removes the temporaries not committed.
 */
struct fsio_batch {
	char	 *dir;
	char	**tmp, **path;
	size_t	  n;
};

void	fsio_batch_init(struct fsio_batch *, const char *dir);
int	fsio_batch_add(struct fsio_batch *, const char *name,
	    const char *data, size_t len);
int	fsio_batch_commit(struct fsio_batch *);
void	fsio_batch_free(struct fsio_batch *);

/* syncfs(2) of the file system that holds path: 0 or an errno value. */
int	fsio_syncfs(const char *path);

/*
 * A new private temporary file dir/PREFIX-XXXXXX, open for reading and
 * writing (close-on-exec): its descriptor, with its name in *path (a new
 * string) unless path is NULL, when the file is unlinked at once.
 * Returns -1 after a message.
 */
int	fsio_tmpfile(const char *dir, const char *prefix, char **path);

#endif
