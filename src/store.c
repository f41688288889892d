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
	st->lang = LANG_DEFAULT;
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
	memset(st, 0, sizeof(*st));
	st->lockfd = -1;	/* closing twice is harmless */
	st->lockfd = -1;
}

int
store_init(const char *dir, enum lang lang, const char *author)
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
	    "lang: %s\n", lang_name(lang));
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
