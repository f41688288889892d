/*
 * Settings: the store's dailylog.yaml and the user's
 * ${XDG_CONFIG_HOME:-~/.config}/dailylog/config.yaml, both with the keys
 * of dailylog(5).  The store's file wins over the user's; the command
 * line and the environment win over both where they say something.
 */
#ifndef DL_CONFIG_H
#define DL_CONFIG_H

#include <stddef.h>

/* The columns list can show in a table. */
enum list_column {
	COL_DATE, COL_ID, COL_SERIES, COL_TITLE, COL_CLIENT, COL_CONTACT,
	COL_STAFF, COL_TAGS, COL_COUNT
};

struct config {
	char			*author;
	int			 lang;		/* enum lang, -1 when not set */
	char			*editor;
	char			*pager;		/* "" turns paging off */
	int			 color;		/* enum color_mode, -1 when not set */
	enum list_column	 columns[COL_COUNT];
	size_t			 ncolumns;	/* 0: list's default */
	char			*series;	/* render's series when none is named */
	char			*template;	/* add's template when none is named */
	int			 git_commit;	/* 0: no commits; -1: not set */
};

/* The name of a column as the files spell it: "date", "client", ... */
const char *config_column_name(enum list_column);

/*
 * Read one settings file into cfg; the keys it sets replace earlier
 * values.  A missing file is not an error when optional.  Returns 0 or
 * -1 after FILE:LINE:COLUMN messages.
 */
int	config_read(const char *path, int optional, struct config *cfg);

/* The user's file, a new string; NULL without either directory. */
char	*config_user_path(const char *xdg_config_home, const char *home);

/* The user's file (path may be NULL, or a link): missing is no error. */
int	config_read_user(const char *path, struct config *cfg);

void	config_init(struct config *);
void	config_free(struct config *);

#endif
