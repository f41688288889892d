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
	    "[--result TEXT] [--next ACTION]... [-F FILE] [-e] [TEXT...] | "
	    "add --resume[=NAME] | add --drafts" },
	{ "list", cmd_list, "list [--series SLUG] [--since DATE] [--until DATE] "
	    "[--client NAME] [--tag TAG] [--grep TEXT] "
	    "[--approved|--unapproved] [-n N] [-f table|tsv|json|jsonl]" },
	{ "show", cmd_show, "show [--width N] [-f FORMAT] REF..." },
	{ "edit", cmd_edit, "edit [--merge] REF | edit --drafts" },
	{ "render", cmd_render, "render [SERIES] [-f FORMAT] [-o PATH] "
	    "[--width N] [--hyperlink=auto|always|never]" },
	{ "series", cmd_series, "series [--format table|tsv|json]" },
	{ "read", cmd_read, "read SERIES[:PART]" },
	{ "check", cmd_check, "check [-q]" },
	{ "export", cmd_export, "export [-f json|jsonl|yaml] [FILTERS]" },
	{ "report", cmd_report, "report [--week [YYYY-Www] | --month [YYYY-MM] | "
	    "--since DATE [--until DATE]] [-f text|markdown] [--width N]" },
	{ "import", cmd_import, "import FILE|-" },
	{ "clone", cmd_clone, "clone URL [DIR]" },
	{ "sync", cmd_sync, "sync" },
	{ "resolve", cmd_resolve, "resolve [REF|PATH] [--ours | --theirs]" },
	{ "comment", cmd_comment, "comment REF [TEXT...]" },
	{ "approve", cmd_approve, "approve REF [TEXT...]" },
	{ "help", cmd_help, "help [COMMAND]" },
	{ "__complete", cmd_complete, "__complete series|refs|ids|clients|tags" },
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
	fputs("usage: dailylog [-C DIR] [--color=auto|always|never] [--no-pager] "
	    "COMMAND [ARGS]\n\ncommands:\n", fp);
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].name[0] != '_')	/* internal: __complete */
			fprintf(fp, "  %s\n", commands[i].usage);
	fputs("\n'dailylog help COMMAND' shows a command's manual.\n", fp);
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
		diag_fail(EXIT_USAGE, "unknown command '%s' (did you mean "
		    "'%s'?)", name, hint);
	else
		diag_fail(EXIT_USAGE, "unknown command '%s'; 'dailylog --help' "
		    "lists them", name);
	return -1;
}
