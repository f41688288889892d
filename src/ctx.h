/*
 * What every command is handed: the global options, the environment as
 * it was at the start, the settings, and the store once the command
 * opens it.  Commands take their inputs from here and pass plain values
 * down; no module below the commands reads the environment or a
 * setting of its own accord.
 */
#ifndef DL_CTX_H
#define DL_CTX_H

#include <stdbool.h>

#include "config.h"
#include "dailylog.h"
#include "store.h"

/* The environment variables dailylog(1) documents, read once. */
struct env {
	const char	*dailylog_dir, *xdg_data_home, *xdg_config_home, *home;
	const char	*visual, *editor, *dailylog_pager, *pager;
	const char	*no_color, *term, *columns, *tmpdir, *path;
	const char	*dailylog_info, *lock_timeout;
};

struct ctx {
	const char	*dir;		/* -C / --dir, or NULL */
	enum color_mode	 color;		/* --color, when color_given */
	bool		 color_given;
	bool		 no_pager;	/* --no-pager */
	struct env	 env;
	struct config	 cfg;		/* the user's settings, the store's over them */
	struct store	 st;		/* open after ctx_open */
};

void	ctx_init(struct ctx *);
/* Close the store and free the settings. */
void	ctx_free(struct ctx *);

/*
 * Find the store by the lookup order of dailylog(1) (-C, $DAILYLOG_DIR,
 * the working directory and its parents, the XDG data directory) and
 * read the user's settings, then the store's over them.  Returns 0 or an
 * exit status after a message.
 */
int	ctx_open(struct ctx *);
/* The same, but bad settings (65) leave the store open, for check. */
int	ctx_open_any(struct ctx *);

/*
 * The directory init makes when given none: -C, $DAILYLOG_DIR, then
 * $XDG_DATA_HOME/dailylog or ~/.local/share/dailylog; NULL when neither
 * XDG_DATA_HOME nor HOME is set.
 */
char	*ctx_default_dir(const struct ctx *);

/* $VISUAL, else $EDITOR, else the editor setting, else vi. */
const char *ctx_editor(const struct ctx *);

/*
 * $DAILYLOG_PAGER, else $PAGER, else the pager setting, else
 * "less -FRX"; NULL when that is empty or "cat", with --no-pager, or
 * when $TERM is unset, empty or "dumb".
 */
const char *ctx_pager(const struct ctx *);

/*
 * Whether output to fd gets colour: --color, else $NO_COLOR (never),
 * else the color setting, else auto: fd is a terminal and $TERM is not
 * "dumb".  Ask before the pager takes stdout.
 */
bool	ctx_color(const struct ctx *, int fd);

/* Columns to fit output to: the terminal's, else $COLUMNS, else 80. */
int	ctx_width(const struct ctx *, int fd);

/* $TMPDIR, else /tmp. */
const char *ctx_tmpdir(const struct ctx *);

/* $DAILYLOG_INFO, else info(1) on $PATH: a new string, or NULL. */
char	*ctx_info(const struct ctx *);

/* git(1) on $PATH: a new string, or NULL when it is not installed. */
char	*ctx_git(const struct ctx *);

/*
 * Before man(1), info(1) or a pager run: when dailylog's locale is not
 * UTF-8 (LC_ALL=C), set LC_ALL for the children to a UTF-8 locale that
 * is installed (C.UTF-8 first), since entries and manuals are UTF-8.
 * Returns 0, or -1 after a one-line warning when there is none.
 */
int	ctx_utf8_children(void);

#endif
