/* Drafts and who owns them (draft.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "entry.h"
#include "fsio.h"
#include "store.h"

/* --- the lock --- */

/*
 * Lock path (made when missing) for this process: 0 with *fdp, EAGAIN
 * when another open file holds it, or an errno value.
 */
static int
lock_take(const char *path, int *fdp)
{
	for (;;) {
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
		struct stat a, b;
		int fd, err;

		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (fd == -1)
			return errno;
		if (fcntl(fd, F_OFD_SETLK, &fl) == -1) {
			err = errno;
			close(fd);
			return err == EACCES ? EAGAIN : err;
		}
		/* The owner before us removes the file as it lets go: a lock
		 * on a name that is gone or taken over guards nothing. */
		if (fstat(fd, &a) == 0 && lstat(path, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			*fdp = fd;
			return 0;
		}
		close(fd);
	}
}

/* The process that holds the lock at path: 0 for none, -1 unknown. */
static pid_t
lock_owner(const char *path)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	char s[24];
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) == -1)
		return 0;
	if (fcntl(fd, F_OFD_GETLK, &fl) == -1 || fl.l_type == F_UNLCK) {
		close(fd);
		return 0;
	}
	n = pread(fd, s, sizeof(s) - 1, 0);
	close(fd);
	if (n <= 0)
		return -1;
	s[n] = '\0';
	return atol(s) > 0 ? (pid_t)atol(s) : -1;
}

static void
busy(const char *path, pid_t owner)
{
	if (owner > 0)
		diag_fail(EXIT_TEMPFAIL, "%s is open in another dailylog "
		    "(process %ld); finish there first", path, (long)owner);
	else
		diag_fail(EXIT_TEMPFAIL, "%s is open in another dailylog; "
		    "finish there first", path);
}

/* --- one draft --- */

static char *
drafts_dir(const struct store *st)
{
	return path_join(st->root, "drafts");
}

/* A comment's draft is plain text, not an entry. */
static bool
is_comment(const char *name)
{
	return strncmp(name, DRAFT_COMMENT_PREFIX,
	    strlen(DRAFT_COMMENT_PREFIX)) == 0;
}

static void
names(const struct store *st, const char *name, struct draft *d)
{
	char *dir = drafts_dir(st);
	struct buf p = BUF_INIT;

	d->name = xstrdup(name);
	buf_addf(&p, "%s/%s%s", dir, name, is_comment(name) ? ".txt" :
	    ".yaml");
	d->path = buf_detach(&p);
	buf_addf(&p, "%s/%s.base", dir, name);
	d->base = buf_detach(&p);
	buf_addf(&p, "%s/%s.lock", dir, name);
	d->lock = buf_detach(&p);
	d->lockfd = -1;
	free(dir);
}

static void
unnamed(struct draft *d)
{
	free(d->name);
	free(d->path);
	free(d->base);
	free(d->lock);
	memset(d, 0, sizeof(*d));
	d->lockfd = -1;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcmp(s + n - k, suffix) == 0;
}

/* The draft a file of drafts/ belongs to (a new string), or NULL. */
static char *
owning_draft(const char *file)
{
	const char *t;
	char *name;

	if (file[0] == '.' && (t = strstr(file, ".tmp-")) != NULL)
		name = xstrndup(file + 1, (size_t)(t - file - 1));
	else if (file[0] != '.' && (ends_with(file, ".base") ||
	    ends_with(file, ".lock")))
		name = xstrndup(file, strlen(file) - 5);
	else
		return NULL;
	if (ends_with(name, ".yaml") || ends_with(name, ".base"))
		name[strlen(name) - 5] = '\0';
	else if (is_comment(name) && ends_with(name, ".txt"))
		name[strlen(name) - 4] = '\0';
	return name;
}

/*
 * Take d's lock: 0, EAGAIN, or an errno value.  The owner's ID goes
 * inside, for the message another process gives; temporary files of the
 * draft that are still there were left by a write that died.
 */
static int
take(struct draft *d)
{
	char pid[24], *dir;
	struct dirent *de;
	DIR *dp;
	int err;

	if ((err = lock_take(d->lock, &d->lockfd)) != 0)
		return err;
	snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(d->lockfd, 0) == 0)
		(void)fd_write_all(d->lockfd, pid, strlen(pid));
	dir = xstrndup(d->path, (size_t)(strrchr(d->path, '/') - d->path));
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			char *owner;

			if (de->d_name[0] != '.' ||
			    (owner = owning_draft(de->d_name)) == NULL)
				continue;
			if (strcmp(owner, d->name) == 0)
				(void)unlinkat(dirfd(dp), de->d_name, 0);
			free(owner);
		}
		closedir(dp);
	}
	free(dir);
	return 0;
}

int
draft_take(const struct store *st, const char *name, struct draft *d)
{
	int err;

	memset(d, 0, sizeof(*d));
	d->lockfd = -1;
	if (fsio_mkdirs(st->root, "drafts") != 0)
		return -1;
	names(st, name, d);
	if ((err = take(d)) == 0)
		return 0;
	if (err == EAGAIN)
		busy(d->path, lock_owner(d->lock));
	else
		diag_error(fsio_status(err), d->lock, nopos, "cannot lock the "
		    "draft: %s", strerror(err));
	unnamed(d);
	return -1;
}

int
draft_take_newest_add(const struct store *st, struct draft *d)
{
	struct draft_info *v;
	size_t n, adds = 0, busy_n = 0;
	pid_t owner = 0;
	int rc = -1;

	memset(d, 0, sizeof(*d));
	d->lockfd = -1;
	if (draft_list(st, &v, &n) != 0)
		return -1;
	for (size_t i = 0; i < n && rc != 0; i++) {
		int err;

		if (v[i].kind != DRAFT_ADD)
			continue;
		adds++;
		names(st, v[i].name, d);
		if ((err = take(d)) == 0 && draft_exists(d)) {
			rc = 0;
			break;
		}
		if (err == 0)		/* stored meanwhile */
			draft_release(d);
		else {
			if (err == EAGAIN) {
				busy_n++;
				owner = lock_owner(d->lock);
			} else
				diag_error(fsio_status(err), d->lock, nopos,
				    "cannot lock the draft: %s", strerror(err));
			unnamed(d);
		}
	}
	if (rc != 0 && adds == 0) {
		char *dir = drafts_dir(st);

		diag_fail(EXIT_NOTFOUND, "no draft to resume in %s", dir);
		free(dir);
	} else if (rc != 0 && busy_n > 0) {
		if (owner > 0)
			diag_fail(EXIT_TEMPFAIL, "every draft is open in another "
			    "dailylog (process %ld%s); finish there first",
			    (long)owner, busy_n > 1 ? ", ..." : "");
		else
			diag_fail(EXIT_TEMPFAIL, "every draft is open in another "
			    "dailylog; finish there first");
	}
	draft_list_free(v, n);
	return rc;
}

bool
draft_exists(const struct draft *d)
{
	struct stat sb;

	return lstat(d->path, &sb) == 0;
}

int
draft_begin(struct draft *d, const char *text, size_t len)
{
	char *dir;
	int err;

	/* One flush of drafts/ for both: each is whole before its name. */
	if (fsio_place_file(d->base, text, len, FSIO_REPLACE) != 0)
		return -1;
	if (fsio_place_file(d->path, text, len, FSIO_REPLACE) != 0) {
		unlink(d->base);
		return -1;
	}
	dir = xstrndup(d->path, (size_t)(strrchr(d->path, '/') - d->path));
	if ((err = fsync_dir(dir)) != 0) {
		diag_error(fsio_status(err), d->path, nopos, "cannot write: %s",
		    strerror(err));
		unlink(d->path);
		unlink(d->base);
	}
	free(dir);
	return err ? -1 : 0;
}

int
draft_read_base(const struct draft *d, char **text, size_t *len)
{
	struct stat sb;

	*text = NULL;
	*len = 0;
	if (lstat(d->base, &sb) == -1 && errno == ENOENT)
		return 0;
	return file_read(d->base, EDIT_MAX_FILE, text, len);
}

/*
 * diff3 -m of mine, older and yours into out (a descriptor): 0 merged,
 * 1 with conflicts, or -1 after a message.
 */
static int
diff3(const char *mine, const char *older, const char *yours, int out)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == -1) {
		diag_fail(EXIT_IOERR, "cannot run diff3: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		dup2(out, STDOUT_FILENO);
		execlp("diff3", "diff3", "-m", "-L", "your draft", "-L",
		    "when you began", "-L", "on disk now", mine, older, yours,
		    (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			diag_fail(EXIT_IOERR, "waiting for diff3: %s",
			    strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) <= 1)
		return WEXITSTATUS(status);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		diag_fail(EXIT_IOERR, "cannot run diff3 (GNU diffutils) to "
		    "merge; is it installed?");
	else
		diag_fail(EXIT_IOERR, "diff3 failed to merge %s", mine);
	return -1;
}

int
draft_merge(struct draft *d, const char *now, size_t len)
{
	struct buf prefix = BUF_INIT;
	char *base, *dir, *yours = NULL, *merged = NULL;
	size_t blen, mlen;
	int fd = -1, out = -1, rc, err;

	if (draft_read_base(d, &base, &blen) != 0)
		return -1;
	if (base == NULL) {
		diag("%s has no record of the text it began from: it is kept "
		    "as it is, to replace the entry as it is now", d->path);
		return fsio_store_file(d->base, now, len, FSIO_REPLACE);
	}
	dir = xstrndup(d->path, (size_t)(strrchr(d->path, '/') - d->path));
	buf_addf(&prefix, ".%s.tmp", d->name);
	/* What the entry holds now, as diff3 reads it; a leftover of it
	 * is a temporary file of this draft. */
	rc = -1;
	if ((fd = fsio_tmpfile(dir, prefix.s, &yours)) == -1 ||
	    (out = fsio_tmpfile(dir, prefix.s, NULL)) == -1)
		goto done;
	if ((err = fd_write_all(fd, now, len)) != 0) {
		diag_error(fsio_status(err), yours, nopos, "cannot write: %s",
		    strerror(err));
		goto done;
	}
	if ((rc = diff3(d->path, d->base, yours, out)) == -1)
		goto done;
	if (lseek(out, 0, SEEK_SET) == -1 ||
	    fd_read(out, "diff3", EDIT_MAX_FILE, &merged, &mlen) != 0) {
		rc = -1;
		goto done;
	}
	/* The draft first: a crash before the base is written leaves a
	 * draft that still asks to be merged, never one that overwrites. */
	if (fsio_store_file(d->path, merged, mlen, FSIO_REPLACE) != 0 ||
	    fsio_store_file(d->base, now, len, FSIO_REPLACE) != 0) {
		rc = -1;
		goto done;
	}
	if (rc == 1)
		diag("your draft and the change on disk differ in the same "
		    "lines: %s holds both between '<<<<<<< your draft' and "
		    "'>>>>>>> on disk now'; keep what is right and delete the "
		    "marks", d->path);
	else
		diag("merged the change on disk into your draft %s", d->path);
	rc = 0;
done:
	if (yours != NULL)
		unlink(yours);
	if (fd != -1)
		close(fd);
	if (out != -1)
		close(out);
	buf_free(&prefix);
	free(yours);
	free(merged);
	free(base);
	free(dir);
	return rc;
}

int
draft_note(struct draft *d)
{
	struct stat sb;

	if (lstat(d->path, &sb) == -1) {
		diag_error(fsio_status(errno), d->path, nopos, "%s",
		    strerror(errno));
		return -1;
	}
	d->ino = sb.st_ino;
	d->mtime = sb.st_mtim;
	return 0;
}

bool
draft_saved(const struct draft *d)
{
	struct stat sb;

	/* Written in place or renamed over: either changes one of them. */
	return lstat(d->path, &sb) == -1 || sb.st_ino != d->ino ||
	    sb.st_mtim.tv_sec != d->mtime.tv_sec ||
	    sb.st_mtim.tv_nsec != d->mtime.tv_nsec;
}

void
draft_remove(struct draft *d)
{
	unlink(d->path);
	unlink(d->base);
	draft_release(d);
}

void
draft_release(struct draft *d)
{
	if (d->lockfd != -1) {
		char *dir = xstrndup(d->lock, (size_t)(strrchr(d->lock, '/') -
		    d->lock));

		/* Before letting go, so a lock taken later is on a new file. */
		unlink(d->lock);
		/* What went from drafts/ stays gone after a power loss. */
		(void)fsync_dir(dir);
		free(dir);
		close(d->lockfd);
	}
	unnamed(d);
}

/* --- what is in drafts/ --- */

/* The title of the draft at path as far as it loads; quietly. */
static char *
peek_title(const char *path)
{
	struct entry e;
	char *text, *title = NULL;
	size_t len;

	diag_ignore(path);
	if (file_read(path, ENTRY_MAX_FILE, &text, &len) == 0) {
		entry_init(&e);
		(void)entry_load_buf(path, text, len, &e, true);
		title = e.title;
		e.title = NULL;
		entry_free(&e);
		free(text);
	}
	diag_ignore(NULL);
	return title;
}

static int
cmp_info(const void *a, const void *b)
{
	const struct draft_info *x = a, *y = b;

	if ((x->kind == DRAFT_LEFTOVER) != (y->kind == DRAFT_LEFTOVER))
		return x->kind == DRAFT_LEFTOVER ? 1 : -1;
	if (x->kind == DRAFT_LEFTOVER)
		return strcmp(x->name, y->name);
	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec > y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec > y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->name, y->name);
}

int
draft_list(const struct store *st, struct draft_info **vp, size_t *np)
{
	char *dir = drafts_dir(st);
	struct draft_info *v = NULL;
	struct dirent *de;
	size_t n = 0;
	DIR *dp;

	*vp = NULL;
	*np = 0;
	if ((dp = opendir(dir)) == NULL) {
		int err = errno;

		free(dir);
		if (err == ENOENT)
			return 0;
		diag_fail(fsio_status(err), "cannot read the drafts: %s",
		    strerror(err));
		return -1;
	}
	while ((de = readdir(dp)) != NULL) {
		struct draft d;
		struct draft_info in;
		struct stat sb;
		char *owner_name = NULL;
		bool leftover;

		memset(&in, 0, sizeof(in));
		if (de->d_name[0] != '.' && (ends_with(de->d_name, ".yaml") ||
		    (is_comment(de->d_name) && ends_with(de->d_name, ".txt")))) {
			char *name = xstrndup(de->d_name, strlen(de->d_name) -
			    (ends_with(de->d_name, ".txt") ? 4 : 5));

			names(st, name, &d);
			free(name);
			if (is_comment(d.name))
				in.kind = DRAFT_COMMENT;
			else
				in.kind = strncmp(d.name, "add-", 4) == 0 &&
				    access(d.base, F_OK) != 0 ? DRAFT_ADD :
				    DRAFT_EDIT;
			in.name = xstrdup(d.name);
			in.owner = lock_owner(d.lock);
			if (in.kind != DRAFT_COMMENT)
				in.title = peek_title(d.path);
		} else if ((owner_name = owning_draft(de->d_name)) != NULL) {
			names(st, owner_name, &d);
			/* A temporary file of a draft that is open is a write
			 * in progress; a base or a lock belongs to its draft. */
			if (de->d_name[0] == '.')
				leftover = lock_owner(d.lock) == 0;
			else
				leftover = access(d.path, F_OK) != 0 &&
				    lock_owner(d.lock) == 0;
			if (!leftover) {
				unnamed(&d);
				free(owner_name);
				continue;
			}
			in.kind = DRAFT_LEFTOVER;
			in.name = xstrdup(de->d_name);
		} else
			continue;
		in.path = path_join(dir, de->d_name);
		if (lstat(in.path, &sb) == 0)
			in.mtime = sb.st_mtim;
		unnamed(&d);
		free(owner_name);
		v = xreallocarray(v, n + 1, sizeof(*v));
		v[n++] = in;
	}
	closedir(dp);
	free(dir);
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_info);
	*vp = v;
	*np = n;
	return 0;
}

void
draft_list_free(struct draft_info *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
		free(v[i].title);
	}
	free(v);
}
