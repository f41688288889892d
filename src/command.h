/*
 * The command table (git's builtins, tmux's cmd_entry): every command's
 * name, function and synopsis, and the messages that use the table.
 */
#ifndef DL_COMMAND_H
#define DL_COMMAND_H

#include <stdio.h>

struct ctx;

struct command {
	const char	*name;
	int		(*run)(struct ctx *, int argc, char **argv);
	const char	*usage;		/* the synopsis line after "dailylog" */
};

int	cmd_init(struct ctx *, int, char **);
int	cmd_add(struct ctx *, int, char **);
int	cmd_list(struct ctx *, int, char **);
int	cmd_show(struct ctx *, int, char **);
int	cmd_edit(struct ctx *, int, char **);
int	cmd_check(struct ctx *, int, char **);
int	cmd_export(struct ctx *, int, char **);
int	cmd_render(struct ctx *, int, char **);
int	cmd_series(struct ctx *, int, char **);
int	cmd_read(struct ctx *, int, char **);
int	cmd_help(struct ctx *, int, char **);
int	cmd_report(struct ctx *, int, char **);
int	cmd_import(struct ctx *, int, char **);
int	cmd_rm(struct ctx *, int, char **);
int	cmd_version(struct ctx *, int, char **);
int	cmd_complete(struct ctx *, int, char **);
int	cmd_clone(struct ctx *, int, char **);
int	cmd_sync(struct ctx *, int, char **);
int	cmd_resolve(struct ctx *, int, char **);
int	cmd_comment(struct ctx *, int, char **);
int	cmd_approve(struct ctx *, int, char **);
int	cmd_merge_file(struct ctx *, int, char **);

/* The command called name, or NULL. */
const struct command *command_find(const char *name);

/* The global usage with every command's synopsis. */
void	usage(FILE *);

/* "usage: dailylog SYNOPSIS" of one command. */
void	command_usage(const struct command *, FILE *);

/* The command name nearly is, or NULL. */
const char *command_suggest(const char *name);

/* fn for each command of the table but the hidden ones, in its order. */
void	command_each(void (*fn)(const struct command *, void *), void *arg);

/* "unknown command", with a suggestion (64); returns -1. */
int	unknown_command(const char *);

#endif
