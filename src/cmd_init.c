/* dailylog init: create a store, or make one a git store (--git). */
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "fsio.h"
#include "git.h"
#include "lang.h"
#include "store.h"

int
cmd_init(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "author", required_argument, NULL, 'a' },
		{ "git", no_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 },
	};
	enum lang lang = LANG_DEFAULT;
	const char *author = NULL;
	char *dir, *settings;
	bool git = false;
	int ch, rc = 0;

	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			if (!lang_parse(optarg, &lang))
				return usage_error("init", "--lang takes ja or "
				    "en, not '%s'", optarg);
			break;
		case 'a':
			author = optarg;
			break;
		case 'g':
			git = true;
			break;
		default:
			return option_error("init", ch, argv, opts);
		}
	}
	if (argc - optind > 1)
		return usage_error("init", "too many arguments");
	dir = argc > optind ? xstrdup(argv[optind]) : ctx_default_dir(ctx);
	if (dir == NULL)
		return usage_error("init", "HOME is not set, so there is no "
		    "default store: name the directory");
	settings = path_join(dir, "dailylog.yaml");
	/*
	 * --git on a store turns it into a git store, and says so itself;
	 * the author is then this clone's, not the shared settings'.
	 */
	if (!git || access(settings, F_OK) != 0)
		rc = store_init(dir, lang, git ? NULL : author);
	if (rc == 0 && git)
		rc = git_init_store(ctx, dir, author);
	free(settings);
	free(dir);
	return rc;
}
