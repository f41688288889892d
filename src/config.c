/*
 * Settings files (dailylog(5)): the keys of the store's dailylog.yaml
 * and the user's config.yaml.  Both are read by the project's YAML
 * loader, so a bad value is a FILE:LINE:COLUMN error like any other.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "lang.h"
#include "settings.h"
#include "template.h"
#include "yaml_read.h"

#define CONFIG_MAX_FILE	(64 * 1024)

static const char *const keys[] = {
	"author", "lang", "editor", "pager", "color", "columns", "series",
	"template", "git-commit"
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static const char *const column_names[COL_COUNT] = {
	"date", "id", "series", "title", "client", "contact", "staff", "tags"
};

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
	cfg->git_commit = -1;
}

void
config_free(struct config *cfg)
{
	free(cfg->author);
	free(cfg->editor);
	free(cfg->pager);
	free(cfg->series);
	free(cfg->template);
	config_init(cfg);
}

static int
want_columns(const char *path, const struct ynode *v, struct config *cfg)
{
	bool seen[COL_COUNT] = { false };
	size_t n = 0;

	if (v->type != Y_SEQ || v->nkids == 0) {
		diag_error(EXIT_DATAERR, path, v->pos, "columns must be a list of column "
		    "names, such as [date, id, series, title, client]");
		return -1;
	}
	for (size_t i = 0; i < v->nkids; i++) {
		const struct ynode *c = &v->kids[i];
		int col;

		if (settings_word(path, "column", c, column_names, COL_COUNT,
		    &col) != 0)
			return -1;
		if (seen[col]) {
			diag_error(EXIT_DATAERR, path, c->pos, "column '%s' is listed twice",
			    c->s);
			return -1;
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
		return settings_string(path, "author", v, SETTING_MAY_BE_EMPTY,
		    &cfg->author);
	if (strcmp(k->s, "series") == 0) {
		if (settings_string(path, "series", v, 0, &cfg->series) != 0)
			return -1;
		if (!slug_valid(cfg->series)) {
			diag_error(EXIT_DATAERR, path, v->pos, "bad series '%s': a series "
			    "name is lower-case letters, digits and '-'",
			    cfg->series);
			return -1;
		}
		return 0;
	}
	if (strcmp(k->s, "template") == 0) {
		if (settings_string(path, "template", v, 0,
		    &cfg->template) != 0)
			return -1;
		if (!template_name_valid(cfg->template)) {
			diag_error(EXIT_DATAERR, path, v->pos, "bad template "
			    "name '%s': the name of a file in templates/ "
			    "without .yaml", cfg->template);
			return -1;
		}
		return 0;
	}
	if (strcmp(k->s, "editor") == 0)
		return settings_string(path, "editor", v, 0, &cfg->editor);
	if (strcmp(k->s, "pager") == 0)
		return settings_string(path, "pager", v, SETTING_MAY_BE_EMPTY,
		    &cfg->pager);
	if (strcmp(k->s, "columns") == 0)
		return want_columns(path, v, cfg);
	if (strcmp(k->s, "lang") == 0) {
		if (settings_word(path, "lang", v, lang_names, LANG_COUNT,
		    &which) != 0)
			return -1;
		cfg->lang = which;
		return 0;
	}
	if (strcmp(k->s, "git-commit") == 0) {
		static const char *const bools[] = { "false", "true" };

		if (settings_word(path, "git-commit", v, bools, 2,
		    &which) != 0)
			return -1;
		cfg->git_commit = which;
		return 0;
	}
	if (strcmp(k->s, "color") == 0) {
		if (settings_word(path, "color", v, color_modes, 3,
		    &which) != 0)
			return -1;
		cfg->color = which;
		return 0;
	}
	return settings_unknown_key(path, k, keys, NKEYS);
}

int
config_read(const char *path, int optional, struct config *cfg)
{
	struct ynode root;
	int rc = settings_read(path, CONFIG_MAX_FILE, optional, &root);

	for (size_t i = 0; i + 1 < root.nkids; i += 2) {
		const struct ynode *k = &root.kids[i], *v = &root.kids[i + 1];

		if (strncmp(k->s, "x-", 2) == 0)
			continue;
		if (apply_key(path, k, v, cfg) != 0)
			rc = -1;
	}
	ynode_free(&root);
	return rc;
}

char *
config_user_path(const char *xdg_config_home, const char *home)
{
	if (xdg_config_home != NULL && *xdg_config_home == '/')
		return path_join(xdg_config_home, "dailylog/config.yaml");
	if (home != NULL && *home != '\0')
		return path_join(home, ".config/dailylog/config.yaml");
	return NULL;
}

/*
 * The user's file may well be a symbolic link into a dotfiles
 * repository; the loader never follows one, so read what it names.
 */
int
config_read_user(const char *path, struct config *cfg)
{
	char real[PATH_MAX];
	struct stat sb;

	if (path == NULL)
		return 0;
	/*
	 * One's own file that cannot be read (its mode, a directory in
	 * its place) must not stop every command: it is passed over, and
	 * said so.  What it says, when it can be read, is checked.
	 */
	if (realpath(path, real) == NULL) {
		if (errno != ENOENT && errno != ENOTDIR)
			diag_warn(path, nopos, "cannot read: %s; its settings "
			    "are not used", strerror(errno));
		return 0;
	}
	if (stat(real, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		diag_warn(path, nopos, "not a file; its settings are not used");
		return 0;
	}
	if (access(real, R_OK) != 0) {
		diag_warn(path, nopos, "cannot read: %s; its settings are not "
		    "used", strerror(errno));
		return 0;
	}
	return config_read(real, 0, cfg);
}
