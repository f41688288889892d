/* dailylog clone: a store shared through git, cloned and set up. */
#include <getopt.h>
#include <stdlib.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "git.h"

int
cmd_clone(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *dir;
	int ch, rc;

	if ((ch = getopt_long(argc, argv, "+:", opts, NULL)) != -1)
		return option_error("clone", ch, argv, opts);
	if (argc - optind < 1)
		return usage_error("clone", "give the URL of the team's "
		    "repository");
	if (argc - optind > 2)
		return usage_error("clone", "too many arguments");
	dir = argc - optind == 2 ? xstrdup(argv[optind + 1]) :
	    ctx_default_dir(ctx);
	if (dir == NULL)
		return usage_error("clone", "HOME is not set, so there is no "
		    "default store: name the directory");
	rc = git_clone_store(ctx, argv[optind], dir);
	free(dir);
	return rc;
}
