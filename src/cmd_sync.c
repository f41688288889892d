/* dailylog sync: a git store brought level with its remote (sync.h). */
#include <getopt.h>

#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "sync.h"

int
cmd_sync(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	int ch;

	if ((ch = getopt_long(argc, argv, "+:", opts, NULL)) != -1)
		return option_error("sync", ch, argv, opts);
	if (optind < argc)
		return usage_error("sync", "unexpected argument '%s'",
		    argv[optind]);
	if (ctx_open(ctx) != 0)
		return -1;
	return sync_run(ctx);
}
