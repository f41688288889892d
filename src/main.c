/*
 * dailylog: keep daily reports as YAML files and render series of them
 * as linked text.  Global options, then one command from the table.
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dir", required_argument, NULL, 'C' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "no-pager", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx ctx;
	const struct command *cmd;
	const char *hint;
	int ch, which, rc;

	setlocale(LC_ALL, "");
	ctx_init(&ctx);
	opterr = 0;
	/* "+": stop at the command, whose options are its own. */
	while ((ch = getopt_long(argc, argv, "+C:h", opts, NULL)) != -1) {
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
	rc = cmd->run(&ctx, argc, argv);
	ctx_free(&ctx);
	/* Every failure was reported with its status: return the worst.
	 * A command that failed without saying why is a bug. */
	if (diag_status() == 0 && rc != 0)
		return EXIT_SOFTWARE;
	return diag_status();
}
