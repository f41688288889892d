/*
 * dailylog: keep daily reports as YAML files and render series of them
 * as linked text.  Global options, then one command from the table.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"

/*
 * COMMAND -h prints its usage and COMMAND --help opens its manual, as
 * git does, wherever they come before "--" (a value that is "-h" can be
 * given as --opt=-h).  Returns 1 when neither is there.
 */
static int
command_help(struct ctx *ctx, const struct command *cmd, int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "-h") == 0) {
			command_usage(cmd, stdout);
			return 0;
		}
		if (strcmp(argv[i], "--help") == 0)
			return cmd_help(ctx, 2, (char *[]){ "help",
			    argv[0], NULL });
	}
	return 1;
}

int
main(int argc, char **argv)
{
	const struct option *opts = cli_global_options;
	struct ctx ctx;
	const struct command *cmd;
	const char *hint;
	int ch, which, rc;

	/*
	 * The character set and the system's messages only: loading every
	 * category of the locale is a tenth of a millisecond of every
	 * command, and numbers are to read the same everywhere.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	ctx_init(&ctx);
	opterr = 0;
	/* "+": stop at the command, whose options are its own. */
	while ((ch = getopt_long(argc, argv, "+C:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'C':
			ctx.dir = optarg;
			break;
		case 'c':
			if (cli_choice(NULL, "--color", optarg, color_modes, 3,
			    &which) != 0)
				return EXIT_USAGE;
			ctx.color = (enum color_mode)which;
			ctx.color_given = true;
			break;
		case 'P':
			ctx.no_pager = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			puts("dailylog " DAILYLOG_VERSION);
			return 0;
		default:
			if (optopt == 'C')
				diag_fail(EXIT_USAGE, "option -C needs a "
				    "directory");
			else if (optopt != 0)
				diag_fail(EXIT_USAGE, "unknown option '-%c'",
				    optopt);
			else if ((hint = option_suggest(argv[optind - 1],
			    opts)) != NULL)
				diag_fail(EXIT_USAGE, "unknown option '%s' (did "
				    "you mean '--%s'?)", argv[optind - 1], hint);
			else
				diag_fail(EXIT_USAGE, "unknown option '%s'",
				    argv[optind - 1]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if ((cmd = command_find(argv[0])) == NULL) {
		unknown_command(argv[0]);
		return EXIT_USAGE;
	}
	/* 0, not 1: glibc starts afresh, so the command's own options may
	 * follow its arguments (dailylog render badge --width 60). */
	optind = 0;
	opterr = 0;
	if ((rc = command_help(&ctx, cmd, argc, argv)) > 0)
		rc = cmd->run(&ctx, argc, argv);
	ctx_free(&ctx);
	/* Every failure was reported with its status: return the worst.
	 * A command that failed without saying why is a bug. */
	if (diag_status() == 0 && rc != 0)
		return EXIT_SOFTWARE;
	return diag_status();
}
