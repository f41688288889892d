/* A batch of new entry files, all or none (journal.h). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "fsio.h"
#include "journal.h"

#define STAGE_DIR	".import"
#define JOURNAL		"journal"
#define JOURNAL_HEAD	"dailylog import journal 1\n"

/* Whether the batch is to stop: a signal came. */
static bool
stopping(const struct journal *j)
{
	return j->stop != NULL && *j->stop != 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* fsync each of the n directories (sorted first, so each once). */
static int
sync_dirs(char **dirs, size_t n)
{
	int rc = 0, err;

	qsort(dirs, n, sizeof(*dirs), cmp_str);
	for (size_t i = 0; i < n; i++)
		if ((i == 0 || strcmp(dirs[i], dirs[i - 1]) != 0) &&
		    (err = fsync_dir(dirs[i])) != 0) {
			diag_fail(fsio_status(err), "cannot sync directory %s: "
			    "%s", dirs[i], strerror(err));
			rc = -1;
		}
	return rc;
}

static void
dirs_free(char **dirs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

/* The directory of path, a file's: path cut at its last '/'. */
static char *
dir_of(char *path)
{
	*strrchr(path, '/') = '\0';
	return path;
}

/*
 * Remove each target of j that is still a link of its staged file,
 * then flush their directories; *removed counts them.
 */
static int
unlink_targets(const struct journal *j, size_t *removed)
{
	char **dirs = xreallocarray(NULL, j->n + 1, sizeof(*dirs));
	size_t ndirs = 0;
	int rc = 0;

	*removed = 0;
	for (size_t i = 0; i < j->n; i++) {
		char *from = path_join(j->stage, j->name[i]);
		char *to = path_join(j->root, j->target[i]);
		struct stat a, b;

		if (lstat(from, &a) == 0 && lstat(to, &b) == 0 &&
		    S_ISREG(b.st_mode) && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino) {
			if (unlink(to) == 0) {
				(*removed)++;
				dirs[ndirs++] = dir_of(to);
				to = NULL;
			} else {
				diag_fail(fsio_status(errno), "cannot remove "
				    "%s: %s", to, strerror(errno));
				rc = -1;
			}
		}
		free(from);
		free(to);
	}
	if (sync_dirs(dirs, ndirs) != 0)
		rc = -1;
	dirs_free(dirs, ndirs);
	return rc;
}

/* The staging directory and all in it gone, and the root flushed. */
static int
stage_remove(const char *root, const char *stage)
{
	DIR *d = opendir(stage);
	struct dirent *de;
	int rc = 0, err;

	if (d == NULL) {
		diag_fail(fsio_status(errno), "cannot open %s: %s", stage,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0 &&
		    unlinkat(dirfd(d), de->d_name, 0) == -1) {
			diag_fail(fsio_status(errno), "cannot remove %s/%s: %s",
			    stage, de->d_name, strerror(errno));
			rc = -1;
		}
	closedir(d);
	if (rc == 0 && rmdir(stage) == -1) {
		diag_fail(fsio_status(errno), "cannot remove %s: %s", stage,
		    strerror(errno));
		rc = -1;
	}
	if ((err = fsync_dir(root)) != 0) {
		diag_fail(fsio_status(err), "cannot sync directory %s: %s",
		    root, strerror(err));
		rc = -1;
	}
	return rc;
}

/*
 * Whether a journal's target is a file under entries/ that goes nowhere
 * else: no "..", ".", hidden name or empty component.
 */
static bool
target_valid(const char *t)
{
	const char *c;

	if (strncmp(t, "entries/", 8) != 0)
		return false;
	for (c = t + 8; ; c++) {
		if (*c == '.' || *c == '/' || *c == '\0')
			return false;
		c += strcspn(c, "/");
		if (*c == '\0')
			return true;
	}
}

/* Append a staged name and its target to j. */
static void
add_pair(struct journal *j, char *name, char *target)
{
	if ((j->n & (j->n - 1)) == 0) {
		j->name = xreallocarray(j->name, j->n ? 2 * j->n : 1,
		    sizeof(*j->name));
		j->target = xreallocarray(j->target, j->n ? 2 * j->n : 1,
		    sizeof(*j->target));
	}
	j->name[j->n] = name;
	j->target[j->n++] = target;
}

/* The journal's text (path for messages) into j; damaged is 65. */
static int
journal_parse(const char *path, char *text, struct journal *j)
{
	char *line, *save = NULL;
	struct pos at = { 1, 1 };

	if (strncmp(text, JOURNAL_HEAD, strlen(JOURNAL_HEAD)) != 0) {
		diag_error(EXIT_DATAERR, path, at, "not a journal of this "
		    "version of dailylog; nothing was rolled back");
		return -1;
	}
	for (line = strtok_r(text + strlen(JOURNAL_HEAD), "\n", &save);
	    line != NULL; line = strtok_r(NULL, "\n", &save)) {
		char *tab = strchr(line, '\t');

		at.line++;
		if (tab == NULL || tab == line || line[0] == '.' ||
		    memchr(line, '/', (size_t)(tab - line)) != NULL ||
		    !target_valid(tab + 1)) {
			diag_error(EXIT_DATAERR, path, at, "damaged journal; "
			    "nothing was rolled back");
			return -1;
		}
		add_pair(j, xstrndup(line, (size_t)(tab - line)),
		    xstrdup(tab + 1));
	}
	return 0;
}

bool
journal_pending(const char *root)
{
	char *stage = path_join(root, STAGE_DIR);
	struct stat sb;
	bool yes = lstat(stage, &sb) == 0;

	free(stage);
	return yes;
}

int
journal_recover(const char *root)
{
	struct journal j;
	struct stat sb;
	char *path, *text;
	size_t len, removed = 0;
	int rc = 0;

	memset(&j, 0, sizeof(j));
	j.root = root;
	j.stage = path_join(root, STAGE_DIR);
	if (lstat(j.stage, &sb) == -1) {
		/* Gone meanwhile: its import finished before us. */
		journal_free(&j);
		return 0;
	}
	if (!S_ISDIR(sb.st_mode)) {
		diag_error(EXIT_CANTCREAT, j.stage, nopos, "not the directory "
		    "of an import; nothing can be imported until it is "
		    "removed");
		journal_free(&j);
		return -1;
	}
	path = path_join(j.stage, JOURNAL);
	if (lstat(path, &sb) == 0) {
		if ((rc = file_read(path, SIZE_MAX / 2, &text, &len)) == 0) {
			if ((rc = journal_parse(path, text, &j)) == 0 &&
			    (rc = unlink_targets(&j, &removed)) == 0 &&
			    unlink(path) == -1) {
				diag_fail(fsio_status(errno), "cannot remove "
				    "%s: %s", path, strerror(errno));
				rc = -1;
			}
			free(text);
		}
	}
	free(path);
	if (rc == 0 && (rc = stage_remove(root, j.stage)) == 0)
		diag_warn(j.stage, nopos, "an import was interrupted; rolled "
		    "back: removed the %zu entries it had stored, so the store "
		    "is as it was before it", removed);
	journal_free(&j);
	return rc;
}

int
journal_stage(struct journal *j, const char *root, char *const *target,
    const struct buf *data, size_t n, const volatile sig_atomic_t *stop)
{
	struct buf text = BUF_INIT;
	char *stage = path_join(root, STAGE_DIR), *path;
	int err, rc = 0;

	memset(j, 0, sizeof(*j));
	j->root = root;
	j->stop = stop;
	if (mkdir(stage, 0700) == -1) {
		diag_fail(fsio_status(errno), "cannot create %s: %s", stage,
		    strerror(errno));
		free(stage);
		return -1;
	}
	j->stage = stage;
	if ((err = fsync_dir(root)) != 0) {
		diag_fail(fsio_status(err), "cannot sync directory %s: %s",
		    root, strerror(err));
		return -1;
	}
	for (size_t i = 0; i < n && rc == 0 && !stopping(j); i++) {
		buf_reset(&text);
		buf_addf(&text, "%zu.yaml", i);
		add_pair(j, xstrdup(text.s), xstrdup(target[i]));
		path = path_join(stage, text.s);
		rc = fsio_stage_file(path, data[i].s, data[i].len);
		free(path);
	}
	/* One flush for all: before any of them gets a name in entries/. */
	if (rc == 0 && !stopping(j) && (err = fsio_syncfs(stage)) != 0) {
		diag_fail(fsio_status(err), "%s: cannot sync: %s", stage,
		    strerror(err));
		rc = -1;
	}
	if (rc == 0 && !stopping(j)) {
		buf_reset(&text);
		buf_adds(&text, JOURNAL_HEAD);
		for (size_t i = 0; i < j->n; i++)
			buf_addf(&text, "%s\t%s\n", j->name[i], j->target[i]);
		path = path_join(stage, JOURNAL);
		rc = fsio_store_file(path, text.s, text.len, FSIO_NEW);
		free(path);
	}
	buf_free(&text);
	return stopping(j) ? -1 : rc;
}

int
journal_link(struct journal *j)
{
	char **dirs = xreallocarray(NULL, j->n + 1, sizeof(*dirs));
	size_t ndirs = 0;
	int rc = 0;

	for (size_t i = 0; i < j->n && rc == 0 && !stopping(j); i++) {
		char *from = path_join(j->stage, j->name[i]);
		char *to = path_join(j->root, j->target[i]);
		char *rel = dir_of(xstrdup(j->target[i]));

		if ((rc = fsio_mkdirs(j->root, rel)) != 0)
			free(to);
		else if (link(from, to) == -1) {
			diag_error(fsio_status(errno), to, nopos, "cannot create "
			    "the entry: %s", strerror(errno));
			rc = -1;
			free(to);
		} else
			dirs[ndirs++] = dir_of(to);
		free(rel);
		free(from);
	}
	if (rc == 0 && !stopping(j))
		rc = sync_dirs(dirs, ndirs);
	dirs_free(dirs, ndirs);
	return stopping(j) ? -1 : rc;
}

int
journal_commit(struct journal *j)
{
	char *path = path_join(j->stage, JOURNAL);
	int err = 0;

	if (unlink(path) == -1 || (err = fsync_dir(j->stage)) != 0) {
		err = err ? err : errno;
		diag_fail(fsio_status(err), "%s: cannot commit the import: %s",
		    path, strerror(err));
		free(path);
		return -1;
	}
	free(path);
	/* The staged names only: what stays is removed by the next command. */
	stage_remove(j->root, j->stage);
	return 0;
}

int
journal_roll_back(struct journal *j, size_t *removed)
{
	char *path;
	int rc;

	*removed = 0;
	if (j->stage == NULL)
		return 0;	/* nothing was made */
	if ((rc = unlink_targets(j, removed)) != 0)
		return rc;	/* the journal stays for the next command */
	path = path_join(j->stage, JOURNAL);
	if (unlink(path) == -1 && errno != ENOENT) {
		diag_fail(fsio_status(errno), "cannot remove %s: %s", path,
		    strerror(errno));
		rc = -1;
	}
	free(path);
	return rc == 0 ? stage_remove(j->root, j->stage) : rc;
}

void
journal_free(struct journal *j)
{
	for (size_t i = 0; i < j->n; i++) {
		free(j->name[i]);
		free(j->target[i]);
	}
	free(j->name);
	free(j->target);
	free(j->stage);
	memset(j, 0, sizeof(*j));
}
