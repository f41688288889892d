/* The context of a command (ctx.h): the one reader of the environment. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "config.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "fsio.h"
#include "store.h"

/* A variable that is set and not empty, or NULL. */
static const char *
var(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

void
ctx_init(struct ctx *c)
{
	struct env *e = &c->env;

	memset(c, 0, sizeof(*c));
	c->color = COLOR_AUTO;
	e->dailylog_dir = var("DAILYLOG_DIR");
	e->xdg_data_home = var("XDG_DATA_HOME");
	e->xdg_config_home = var("XDG_CONFIG_HOME");
	e->home = var("HOME");
	e->visual = var("VISUAL");
	e->editor = var("EDITOR");
	/* Set but empty turns paging off: kept as it is. */
	e->dailylog_pager = getenv("DAILYLOG_PAGER");
	e->pager = getenv("PAGER");
	e->no_color = var("NO_COLOR");
	e->term = getenv("TERM");
	e->columns = var("COLUMNS");
	e->tmpdir = var("TMPDIR");
	e->path = getenv("PATH");
	e->dailylog_info = var("DAILYLOG_INFO");
	e->lock_timeout = var("DAILYLOG_LOCK_TIMEOUT");
	config_init(&c->cfg);
	store_init_struct(&c->st);
}

void
ctx_free(struct ctx *c)
{
	store_close(&c->st);
	config_free(&c->cfg);
}

char *
ctx_default_dir(const struct ctx *c)
{
	if (c->dir != NULL)
		return xstrdup(c->dir);
	if (c->env.dailylog_dir != NULL)
		return xstrdup(c->env.dailylog_dir);
	if (c->env.xdg_data_home != NULL && c->env.xdg_data_home[0] == '/')
		return path_join(c->env.xdg_data_home, "dailylog");
	if (c->env.home != NULL)
		return path_join(c->env.home, ".local/share/dailylog");
	return NULL;
}

int
ctx_open_any(struct ctx *c)
{
	const char *how;
	char *dir, *user;
	int rc;

	if (c->dir != NULL) {
		dir = xstrdup(c->dir);
		how = "-C";
	} else if (c->env.dailylog_dir != NULL) {
		dir = xstrdup(c->env.dailylog_dir);
		how = "DAILYLOG_DIR";
	} else if ((dir = store_find_upwards()) != NULL)
		how = "";
	else if ((dir = ctx_default_dir(c)) != NULL)
		how = NULL;
	else {
		diag_fail(EXIT_NOINPUT, "no store found here, and with HOME not "
		    "set there is no default store; name one with -C DIR or "
		    "DAILYLOG_DIR");
		return -1;
	}
	if ((rc = store_open(&c->st, dir, how)) != 0)
		return rc;
	c->st.lock_timeout = c->env.lock_timeout;
	/* An import killed midway is rolled back before anything is read. */
	catalog_recover(&c->st);
	user = config_user_path(c->env.xdg_config_home, c->env.home);
	if ((rc = config_read_user(user, &c->cfg)) == 0)
		rc = store_read_settings(&c->st, &c->cfg);
	free(user);
	return rc;
}

int
ctx_open(struct ctx *c)
{
	int rc = ctx_open_any(c);

	if (rc != 0)
		store_close(&c->st);
	return rc;
}

const char *
ctx_editor(const struct ctx *c)
{
	if (c->env.visual != NULL)
		return c->env.visual;
	if (c->env.editor != NULL)
		return c->env.editor;
	return c->cfg.editor != NULL ? c->cfg.editor : "vi";
}

const char *
ctx_pager(const struct ctx *c)
{
	const char *p;

	if (c->no_pager)
		return NULL;
	if ((p = c->env.dailylog_pager) == NULL &&
	    (p = c->env.pager) == NULL &&
	    (p = c->cfg.pager) == NULL)
		p = "less -FRX";
	if (*p == '\0' || strcmp(p, "cat") == 0)
		return NULL;
	/* A terminal that cannot page (Emacs' shell, a bare serial
	 * line): plain output, as git does for TERM=dumb. */
	if (c->env.term == NULL || *c->env.term == '\0' ||
	    strcmp(c->env.term, "dumb") == 0)
		return NULL;
	return p;
}

bool
ctx_color(const struct ctx *c, int fd)
{
	int mode = COLOR_AUTO;

	if (c->color_given)
		mode = c->color;
	else if (c->env.no_color != NULL)
		mode = COLOR_NEVER;
	else if (c->cfg.color >= 0)
		mode = c->cfg.color;
	if (mode == COLOR_AUTO)
		return isatty(fd) && (c->env.term == NULL ||
		    strcmp(c->env.term, "dumb") != 0);
	return mode == COLOR_ALWAYS;
}

int
ctx_width(const struct ctx *c, int fd)
{
	struct winsize ws;
	long n;

	if (isatty(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (c->env.columns != NULL && (n = atol(c->env.columns)) > 0 &&
	    n < 10000)
		return (int)n;
	return 80;
}

const char *
ctx_tmpdir(const struct ctx *c)
{
	return c->env.tmpdir != NULL ? c->env.tmpdir : "/tmp";
}

/* The program name on $PATH, as a new string, or NULL. */
static char *
on_path(const struct ctx *c, const char *name)
{
	const char *path = c->env.path;

	while (path != NULL && *path != '\0') {
		size_t n = strcspn(path, ":");
		struct buf p = BUF_INIT;

		buf_addf(&p, "%.*s/%s", (int)n, n ? path : ".", name);
		if (access(p.s, X_OK) == 0)
			return buf_detach(&p);
		buf_free(&p);
		path += n + (path[n] == ':');
	}
	return NULL;
}

char *
ctx_info(const struct ctx *c)
{
	if (c->env.dailylog_info != NULL)
		return xstrdup(c->env.dailylog_info);
	return on_path(c, "info");
}

char *
ctx_git(const struct ctx *c)
{
	return on_path(c, "git");
}

/*
 * Whether the locale setlocale(3) took is UTF-8.  Children get a UTF-8
 * locale when it is not: the first of these that is installed.
 */
int
ctx_utf8_children(void)
{
	static const char *const names[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "ja_JP.UTF-8"
	};
	const char *codeset = nl_langinfo(CODESET);

	if (strcmp(codeset, "UTF-8") == 0)
		return 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		locale_t l = newlocale(LC_ALL_MASK, names[i], (locale_t)0);

		if (l != (locale_t)0) {
			freelocale(l);
			setenv("LC_ALL", names[i], 1);
			return 0;
		}
	}
	diag_warn(NULL, nopos, "the locale is %s and no UTF-8 locale is "
	    "installed: Japanese text may not show (install one, such as "
	    "C.UTF-8)", codeset);
	return -1;
}
