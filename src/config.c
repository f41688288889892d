/*
 * Settings files (dailylog(5)): the store's dailylog.yaml over the
 * user's config.yaml.  Both are read by the project's YAML loader, so a
 * bad value is a FILE:LINE:COLUMN error like any other.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "lang.h"
#include "store.h"
#include "yaml_read.h"

#define CONFIG_MAX_FILE	(64 * 1024)

struct config config = { .color = -1, .lang = -1 };

static const char *const keys[] = {
	"author", "lang", "editor", "pager", "color", "columns", "series"
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static const char *const column_names[COL_COUNT] = {
	"date", "id", "series", "title", "client", "contact", "staff", "tags"
};

static const char *const color_names[] = { "auto", "always", "never" };

const char *
config_column_name(enum list_column c)
{
	return column_names[c];
}

void
config_init(struct config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->color = -1;
	cfg->lang = -1;
}

void
config_free(struct config *cfg)
{
	free(cfg->author);
	free(cfg->editor);
	free(cfg->pager);
	free(cfg->series);
	config_init(cfg);
}

/* An unknown key, with a suggestion when it is a near miss. */
static int
unknown_key(const char *path, const struct ynode *k)
{
	const char *hint = suggest(k->s, keys, NKEYS);

	diag_error(path, k->pos, "unknown key '%s'%s%s%s", k->s,
	    hint ? " (did you mean '" : "", hint ? hint : "",
	    hint ? "'?)" : "");
	return EXIT_DATAERR;
}

/* The index of v's text among words, or -1 after a message. */
static int
want_word(const char *path, const char *key, const struct ynode *v,
    const char *const *words, size_t n)
{
	struct buf all = BUF_INIT;
	const char *hint = NULL;

	for (size_t i = 0; v->type == Y_SCALAR && i < n; i++)
		if (strcmp(v->s, words[i]) == 0)
			return (int)i;
	for (size_t i = 0; i < n; i++)
		buf_addf(&all, "%s%s", i ? ", " : "", words[i]);
	if (v->type == Y_SCALAR)
		hint = suggest(v->s, words, n);
	diag_error(path, v->pos, "%s must be one of %s, not '%s'%s%s%s", key,
	    all.s, v->type == Y_SCALAR ? v->s : "a collection",
	    hint ? " (did you mean '" : "", hint ? hint : "",
	    hint ? "'?)" : "");
	buf_free(&all);
	return -1;
}

/* A string setting; empty is allowed only when may_be_empty. */
static int
want_string(const char *path, const char *key, const struct ynode *v,
    bool may_be_empty, char **dst)
{
	if (v->type != Y_SCALAR) {
		diag_error(path, v->pos, "%s must be a string", key);
		return EXIT_DATAERR;
	}
	if (v->len == 0 && !may_be_empty) {
		diag_error(path, v->pos, "%s must not be empty", key);
		return EXIT_DATAERR;
	}
	if (text_check(path, v->pos, v->s, v->len) != 0)
		return EXIT_DATAERR;
	free(*dst);
	*dst = xstrdup(v->s);
	return 0;
}

static int
want_columns(const char *path, const struct ynode *v, struct config *cfg)
{
	bool seen[COL_COUNT] = { false };
	size_t n = 0;

	if (v->type != Y_SEQ || v->nkids == 0) {
		diag_error(path, v->pos, "columns must be a list of column "
		    "names, such as [date, id, series, title, client]");
		return EXIT_DATAERR;
	}
	for (size_t i = 0; i < v->nkids; i++) {
		const struct ynode *c = &v->kids[i];
		int col = want_word(path, "column", c, column_names, COL_COUNT);

		if (col < 0)
			return EXIT_DATAERR;
		if (seen[col]) {
			diag_error(path, c->pos, "column '%s' is listed twice",
			    c->s);
			return EXIT_DATAERR;
		}
		seen[col] = true;
		cfg->columns[n++] = (enum list_column)col;
	}
	cfg->ncolumns = n;
	return 0;
}

static int
apply_key(const char *path, const struct ynode *k, const struct ynode *v,
    struct config *cfg)
{
	int which;

	if (strcmp(k->s, "author") == 0)
		return want_string(path, "author", v, true, &cfg->author);
	if (strcmp(k->s, "series") == 0) {
		if (want_string(path, "series", v, false, &cfg->series) != 0)
			return EXIT_DATAERR;
		if (!slug_valid(cfg->series)) {
			diag_error(path, v->pos, "bad series '%s': a series "
			    "name is lower-case letters, digits and '-'",
			    cfg->series);
			return EXIT_DATAERR;
		}
		return 0;
	}
	if (strcmp(k->s, "editor") == 0)
		return want_string(path, "editor", v, false, &cfg->editor);
	if (strcmp(k->s, "pager") == 0)
		return want_string(path, "pager", v, true, &cfg->pager);
	if (strcmp(k->s, "columns") == 0)
		return want_columns(path, v, cfg);
	if (strcmp(k->s, "lang") == 0) {
		if ((which = want_word(path, "lang", v, lang_names,
		    LANG_COUNT)) < 0)
			return EXIT_DATAERR;
		cfg->lang = which;
		return 0;
	}
	if (strcmp(k->s, "color") == 0) {
		if ((which = want_word(path, "color", v, color_names, 3)) < 0)
			return EXIT_DATAERR;
		cfg->color = which;	/* color_names follows enum color_mode */
		return 0;
	}
	return unknown_key(path, k);
}

int
config_read(const char *path, int optional, struct config *cfg)
{
	struct ynode root;
	struct stat sb;
	char *buf;
	size_t len;
	int rc;

	if (optional && stat(path, &sb) == -1 && errno == ENOENT)
		return 0;
	if ((rc = file_read(path, CONFIG_MAX_FILE, &buf, &len)) != 0)
		return rc;
	rc = yaml_load(path, buf, len, &root);
	free(buf);
	if (rc != 0)
		return rc;
	/* An empty file is an empty mapping: nothing set. */
	if (root.type == Y_SCALAR && root.len == 0 && root.plain) {
		ynode_free(&root);
		return 0;
	}
	if (root.type != Y_MAP) {
		diag_error(path, root.pos, "settings must be a mapping of keys "
		    "to values");
		rc = EXIT_DATAERR;
	}
	for (size_t i = 0; root.type == Y_MAP && i + 1 < root.nkids; i += 2) {
		const struct ynode *k = &root.kids[i], *v = &root.kids[i + 1];

		if (strncmp(k->s, "x-", 2) == 0)
			continue;
		if (apply_key(path, k, v, cfg) != 0)
			rc = EXIT_DATAERR;
	}
	ynode_free(&root);
	return rc;
}

char *
config_user_path(void)
{
	const char *env;

	if ((env = getenv("XDG_CONFIG_HOME")) != NULL && *env == '/')
		return path_join(env, "dailylog/config.yaml");
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return path_join(env, ".config/dailylog/config.yaml");
	return NULL;
}

/*
 * The user's file may well be a symbolic link into a dotfiles
 * repository; the loader never follows one, so read what it names.
 */
static int
read_user_file(struct config *cfg)
{
	char *path = config_user_path(), real[PATH_MAX];
	int rc = 0;

	if (path != NULL && realpath(path, real) != NULL)
		rc = config_read(real, 0, cfg);
	else if (path != NULL && errno != ENOENT && errno != ENOTDIR) {
		diag("%s: %s", path, strerror(errno));
		rc = EXIT_NOINPUT;
	}
	free(path);
	return rc;
}

int
config_load(const char *store_file, struct store *st)
{
	const char *visual = getenv("VISUAL"), *editor = getenv("EDITOR");
	int rc;

	config_free(&config);
	if ((rc = read_user_file(&config)) != 0 ||
	    (rc = config_read(store_file, 0, &config)) != 0)
		return rc;
	if (config.author != NULL && *config.author != '\0') {
		free(st->author);
		st->author = xstrdup(config.author);
	}
	if (config.lang >= 0)
		st->lang = (enum lang)config.lang;
	/* The environment wins: the setting only fills in for it. */
	if (config.editor != NULL && (visual == NULL || *visual == '\0') &&
	    (editor == NULL || *editor == '\0'))
		setenv("EDITOR", config.editor, 1);
	return 0;
}
