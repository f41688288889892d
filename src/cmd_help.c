/* dailylog help: the manual of a command. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"

/*
 * Prefer the page beside an uninstalled binary (./man/), so that
 * `./dailylog help add` in a build tree shows this build's page;
 * otherwise ask man(1) for the installed one.
 */
int
cmd_help(struct ctx *ctx, int argc, char **argv)
{
	struct buf page = BUF_INIT, local = BUF_INIT;
	char exe[PATH_MAX];
	ssize_t n;

	(void)ctx;
	if (argc > 2)
		return usage_error("help", "give at most one command");
	if (argc == 2 && strcmp(argv[1], "dailylog") != 0) {
		const struct command *c = command_find(argv[1]);
		const char *hint;

		if (c == NULL || c->name[0] == '_') {
			if ((hint = command_suggest(argv[1])) != NULL)
				diag_fail(EXIT_USAGE, "help: no command '%s' "
				    "(did you mean '%s'?)", argv[1], hint);
			else
				diag_fail(EXIT_USAGE, "help: no command '%s'; "
				    "'dailylog --help' lists them", argv[1]);
			return -1;
		}
		buf_addf(&page, "dailylog-%s", argv[1]);
	} else
		buf_adds(&page, "dailylog");
	/* The pages are UTF-8: under LC_ALL=C troff would drop the
	 * Japanese with a warning for each character. */
	(void)ctx_utf8_children();
	fflush(stdout);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			buf_addf(&local, "%s/man/%s.1", exe, page.s);
			if (access(local.s, R_OK) == 0)
				execlp("man", "man", "-l", local.s, (char *)NULL);
		}
	}
	execlp("man", "man", "1", page.s, (char *)NULL);
	diag_fail(EXIT_NOINPUT, "help: cannot run man(1); the page is %s(1)",
	    page.s);
	buf_free(&page);
	buf_free(&local);
	return -1;
}
