#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "fsio.h"
#include "store.h"
#include "template.h"
#include "yaml_read.h"

#define SETTINGS_FILE	"dailylog.yaml"
#define LOCK_FILE	".lock"
#define LOCK_TIMEOUT	10

static bool
is_store(const char *dir)
{
	char *f = path_join(dir, SETTINGS_FILE);
	bool yes = access(f, F_OK) == 0;

	free(f);
	return yes;
}

char *
store_find_upwards(void)
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

void
store_init_struct(struct store *st)
{
	memset(st, 0, sizeof(*st));
	st->lockfd = -1;
	st->lang = LANG_DEFAULT;
}

int
store_open(struct store *st, char *dir, const char *how)
{
	store_init_struct(st);
	if (!is_store(dir)) {
		if (how == NULL)
			diag_fail(EXIT_NOINPUT, "no store found here or in %s; "
			    "create one with 'dailylog init' or name one with "
			    "-C DIR", dir);
		else
			diag_fail(EXIT_NOINPUT, "%s (from %s) is not a dailylog "
			    "store: it has no %s; create one with 'dailylog "
			    "init %s'", dir, how, SETTINGS_FILE, dir);
		free(dir);
		return -1;
	}
	st->root = dir;
	return 0;
}

int
store_read_settings(struct store *st, struct config *cfg)
{
	char *path = path_join(st->root, SETTINGS_FILE);
	int rc = config_read(path, 0, cfg);

	free(path);
	if (cfg->lang >= 0)
		st->lang = (enum lang)cfg->lang;
	return rc;
}

void
store_close(struct store *st)
{
	st->lockdepth = 0;
	store_unlock(st);
	store_changed_clear(st);
	free(st->root);
	store_init_struct(st);	/* closing twice is harmless */
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
	if (rc != 0 || (rc = template_install(dir)) != 0)
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
	const char *env = st->lock_timeout;
	double timeout = LOCK_TIMEOUT, waited = 0;
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char *path;

	if (st->lockfd != -1) {
		st->lockdepth++;
		return 0;
	}
	if (env != NULL) {
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

		diag_error(fsio_status(err), path, nopos, "cannot open the lock "
		    "file: %s", strerror(err));
		free(path);
		return -1;
	}
	while (flock(st->lockfd, LOCK_EX | LOCK_NB) == -1) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			diag_error(EXIT_IOERR, path, nopos, "cannot lock: %s",
			    strerror(errno));
			store_unlock(st);
			free(path);
			return -1;
		}
		if (waited >= timeout) {
			diag_fail(EXIT_TEMPFAIL, "the store %s is locked by "
			    "another process; gave up after %g s "
			    "(DAILYLOG_LOCK_TIMEOUT)", st->root, timeout);
			close(st->lockfd);
			st->lockfd = -1;
			free(path);
			return -1;
		}
		nanosleep(&tick, NULL);
		waited += 0.01;
	}
	free(path);
	return 0;
}

int
store_trylock(struct store *st)
{
	char *path;
	int err = 0;

	if (st->lockfd != -1)
		return 0;
	path = path_join(st->root, LOCK_FILE);
	if ((st->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600)) == -1)
		err = errno;
	else if (flock(st->lockfd, LOCK_EX | LOCK_NB) == -1) {
		err = errno;
		store_unlock(st);
	}
	free(path);
	return err;
}

void
store_unlock(struct store *st)
{
	if (st->lockdepth > 0) {
		st->lockdepth--;
		return;
	}
	if (st->lockfd != -1) {
		close(st->lockfd);	/* releases the flock */
		st->lockfd = -1;
	}
}

/* --- what the command changed --- */

void
store_changed(struct store *st, const char *path)
{
	for (size_t i = 0; i < st->nchanged; i++)
		if (strcmp(st->changed[i], path) == 0)
			return;
	st->changed = xreallocarray(st->changed, st->nchanged + 1,
	    sizeof(*st->changed));
	st->changed[st->nchanged++] = xstrdup(path);
}

void
store_changed_clear(struct store *st)
{
	for (size_t i = 0; i < st->nchanged; i++)
		free(st->changed[i]);
	free(st->changed);
	st->changed = NULL;
	st->nchanged = 0;
}
