/* dailylog version: the version, as -V and --version print it. */
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "dailylog.h"
#include "output.h"

int
cmd_version(struct ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc > 1)
		return usage_error("version", "unexpected argument '%s'",
		    argv[1]);
	puts("dailylog " DAILYLOG_VERSION);
	return out_finish();
}
