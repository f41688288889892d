/*
 * The command table (git's builtins, tmux's cmd_entry) and the usage
 * messages every command shares.
 */
#include <stdio.h>
#include <string.h>

#include "command.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"

static const struct command commands[] = {
	{ "init", cmd_init, "init [--lang ja|en] [--author NAME] [--git] "
	    "[DIR]" },
	{ "add", cmd_add, "add [-d DATE] [-t TITLE] [-s SERIES] [-p PART] "
	    "[--client NAME] [--contact NAME] [--staff NAME] [--tag TAG]... "
	    "[--result TEXT] [--next ACTION]... [--template NAME | "
	    "--no-template] [-F FILE] [-e] [TEXT...] | "
	    "add --resume[=NAME] | add --drafts" },
	{ "list", cmd_list, "list [--series SLUG] [--client NAME] "
	    "[--contact NAME] [--staff NAME] [--author NAME] [--tag TAG] "
	    "[--grep TEXT] [--not-KIND VALUE] [--since DATE] [--until DATE] "
	    "[--approved|--unapproved] [-n N] [-f table|tsv|json|jsonl|csv] "
	    "[--bom]" },
	{ "show", cmd_show, "show [--width N] [-f FORMAT] REF..." },
	{ "edit", cmd_edit, "edit [--merge] REF | edit --drafts" },
	{ "rm", cmd_rm, "rm [-f] [-n] REF..." },
	{ "render", cmd_render, "render [SERIES] [-f FORMAT] [-o PATH] "
	    "[--width N] [--hyperlink=auto|always|never]" },
	{ "series", cmd_series, "series [--format table|tsv|json] | "
	    "series SLUG --title TITLE [--lang ja|en]" },
	{ "read", cmd_read, "read SERIES[:PART]" },
	{ "check", cmd_check, "check [-q]" },
	{ "export", cmd_export, "export [-f json|jsonl|yaml|csv] [--bom] "
	    "[FILTERS]" },
	{ "report", cmd_report, "report [--week [YYYY-Www] | --month [YYYY-MM] | "
	    "--since DATE [--until DATE]] [-f text|markdown] [--width N]" },
	{ "import", cmd_import, "import FILE|-" },
	{ "clone", cmd_clone, "clone URL [DIR]" },
	{ "sync", cmd_sync, "sync" },
	{ "resolve", cmd_resolve, "resolve [REF|PATH] [--ours | --theirs]" },
	{ "comment", cmd_comment, "comment REF [TEXT...]" },
	{ "approve", cmd_approve, "approve REF [TEXT...]" },
	{ "help", cmd_help, "help [COMMAND]" },
	{ "version", cmd_version, "version" },
	{ "__complete", cmd_complete, "__complete WHAT" },
	{ "__merge-file", cmd_merge_file,
	    "__merge-file BASE CURRENT OTHER PATH" },
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
	fputs("usage: dailylog [-C DIR] [--color=auto|always|never] "
	    "[--no-pager] [-V] COMMAND [ARGS]\n\ncommands:\n", fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name[0] != '_')	/* internal: __complete */
			fprintf(fp, "  %s\n", commands[i].usage);
	fputs("\n'dailylog COMMAND -h' shows a command's usage, "
	    "'dailylog help COMMAND' its manual.\n", fp);
}

void
command_usage(const struct command *c, FILE *fp)
{
	fprintf(fp, "usage: dailylog %s\n", c->usage);
}

const char *
command_suggest(const char *name)
{
	const char *names[NCOMMANDS];
	size_t n = 0;

	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name[0] != '_')
			names[n++] = commands[i].name;
	return suggest(name, names, n);
}

void
command_each(void (*fn)(const struct command *, void *), void *arg)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name[0] != '_')
			fn(&commands[i], arg);
}

int
unknown_command(const char *name)
{
	const char *hint = command_suggest(name);

	if (hint != NULL)
		diag_fail(EXIT_USAGE, "unknown command '%s' (did you mean "
		    "'%s'?)", name, hint);
	else
		diag_fail(EXIT_USAGE, "unknown command '%s'; 'dailylog --help' "
		    "lists them", name);
	return -1;
}
