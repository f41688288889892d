/*
 * The command table (git's builtins, tmux's cmd_entry) and the usage
 * messages every command shares.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"

static const struct command commands[] = {
	{ "init", cmd_init, "init [--lang ja|en] [--author NAME] [DIR]" },
	{ "add", cmd_add, "add [-d DATE] [-t TITLE] [-s SERIES] [-p PART] "
	    "[--client NAME] [--contact NAME] [--staff NAME] [--tag TAG]... "
	    "[--result TEXT] [--next ACTION]... [-F FILE] [-e] [--resume] [TEXT...]" },
	{ "list", cmd_list, "list [--series SLUG] [--since DATE] [--until DATE] "
	    "[--client NAME] [--tag TAG] [--grep TEXT] [-n N] "
	    "[-f table|tsv|json|jsonl]" },
	{ "show", cmd_show, "show [--width N] [-f FORMAT] REF..." },
	{ "edit", cmd_edit, "edit REF" },
	{ "render", cmd_render, "render [SERIES] [-f FORMAT] [-o PATH] "
	    "[--width N] [--hyperlink=auto|always|never]" },
	{ "series", cmd_series, "series [--format table|tsv|json]" },
	{ "read", cmd_read, "read SERIES[:PART]" },
	{ "check", cmd_check, "check [-q]" },
	{ "export", cmd_export, "export [-f json|jsonl|yaml] [FILTERS]" },
	{ "report", cmd_report, "report [--week [YYYY-Www] | --month [YYYY-MM] | "
	    "--since DATE [--until DATE]] [-f text|markdown] [--width N]" },
	{ "import", cmd_import, "import FILE|-" },
	{ "help", cmd_help, "help [COMMAND]" },
	{ "__complete", cmd_complete, "__complete series|refs|ids|clients|tags" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

const struct command *
command_find(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

void
usage(FILE *fp)
{
	fputs("usage: dailylog [-C DIR] [--color=auto|always|never] [--no-pager] "
	    "COMMAND [ARGS]\n\ncommands:\n", fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name[0] != '_')	/* internal: __complete */
			fprintf(fp, "  %s\n", commands[i].usage);
	fputs("\n'dailylog help COMMAND' shows a command's manual.\n", fp);
}

int
usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = command_find(cmd);
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag("%s: %s", cmd, msg.s);
	if (c != NULL)
		fprintf(stderr, "usage: dailylog %s\n", c->usage);
	buf_free(&msg);
	return EXIT_USAGE;
}

int
unknown_command(const char *name)
{
	const char *names[NCOMMANDS], *hint;
	size_t n = 0;

	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name[0] != '_')
			names[n++] = commands[i].name;
	hint = suggest(name, names, n);
	if (hint != NULL)
		diag("unknown command '%s' (did you mean '%s'?)", name, hint);
	else
		diag("unknown command '%s'; 'dailylog --help' lists them", name);
	return EXIT_USAGE;
}

const char *
option_suggest(const char *arg, const struct option *opts)
{
	const char *names[64], *hint;
	size_t n = 0;
	char *word;

	if (strncmp(arg, "--", 2) != 0)
		return NULL;
	for (const struct option *o = opts; o && o->name && n < 64; o++)
		names[n++] = o->name;
	word = xstrndup(arg + 2, strcspn(arg + 2, "="));
	hint = suggest(word, names, n);
	free(word);
	return hint;
}

/*
 * After getopt_long returned '?' or ':' in a command: say which option
 * was wrong, with a suggestion among the command's long options.
 */
int
option_error(const char *cmd, char **argv, const struct option *longopts)
{
	const char *arg = argv[optind - 1], *hint;

	if (optopt != 0) {
		for (const struct option *o = longopts; o && o->name; o++)
			if (o->val == optopt && o->has_arg == required_argument)
				return usage_error(cmd, "option '%s' needs a value",
				    arg);
		if (strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
		    optopt) && arg[0] == '-' && arg[1] != '-')
			return usage_error(cmd, "unknown option '-%c'", optopt);
		return usage_error(cmd, "option '%s' needs a value", arg);
	}
	if ((hint = option_suggest(arg, longopts)) != NULL)
		return usage_error(cmd, "unknown option '%s' (did you mean "
		    "'--%s'?)", arg, hint);
	return usage_error(cmd, "unknown option '%s'", arg);
}
