/* Exit statuses of the contract (sysexits(3) values) and the global context. */
#ifndef DL_DAILYLOG_H
#define DL_DAILYLOG_H

#include <stdbool.h>

#define EXIT_NOTFOUND	1	/* a lookup found nothing */
#define EXIT_USAGE	64
#define EXIT_DATAERR	65
#define EXIT_NOINPUT	66
#define EXIT_CANTCREAT	73
#define EXIT_IOERR	74
#define EXIT_TEMPFAIL	75

#define DAILYLOG_VERSION "0.1.0"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* What the global options decided; every command receives it. */
struct globals {
	const char	*dir;		/* -C / --dir, or NULL */
	enum color_mode	 color;
	bool		 color_given;	/* --color was on the command line */
	bool		 no_pager;	/* --no-pager */
};

/* One subcommand: git's builtins table, tmux's cmd_entry. */
struct command {
	const char	*name;
	int		(*run)(int argc, char **argv, const struct globals *);
	const char	*usage;		/* the synopsis line after "dailylog" */
};

int	cmd_init(int, char **, const struct globals *);
int	cmd_add(int, char **, const struct globals *);
int	cmd_list(int, char **, const struct globals *);
int	cmd_show(int, char **, const struct globals *);
int	cmd_edit(int, char **, const struct globals *);
int	cmd_check(int, char **, const struct globals *);
int	cmd_export(int, char **, const struct globals *);
int	cmd_render(int, char **, const struct globals *);
int	cmd_series(int, char **, const struct globals *);
int	cmd_read(int, char **, const struct globals *);
int	cmd_help(int, char **, const struct globals *);
int	cmd_report(int, char **, const struct globals *);
int	cmd_import(int, char **, const struct globals *);
int	cmd_complete(int, char **, const struct globals *);

const struct command *command_find(const char *);

#include <stdio.h>
/* The global usage with every command's synopsis. */
void	usage(FILE *);
/* "unknown command", with a suggestion; returns EXIT_USAGE. */
int	unknown_command(const char *);
int	usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
struct option;
/* For an unknown "--word": the long option of opts it nearly is, or NULL. */
const char *option_suggest(const char *arg, const struct option *opts);

/* Report getopt_long's '?' or ':' for cmd; returns EXIT_USAGE. */
int	option_error(const char *cmd, char **argv, const struct option *);

#endif
