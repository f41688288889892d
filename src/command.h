/*
 * The command table (git's builtins, tmux's cmd_entry): every command's
 * name, function and synopsis, and the messages that use the table.
 */
#ifndef DL_COMMAND_H
#define DL_COMMAND_H

#include <stdio.h>

struct globals;

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

/* The command called name, or NULL. */
const struct command *command_find(const char *name);

/* The global usage with every command's synopsis. */
void	usage(FILE *);

/* "unknown command", with a suggestion; returns EXIT_USAGE. */
int	unknown_command(const char *);

#endif
