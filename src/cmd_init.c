/* dailylog init: create a store. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "lang.h"
#include "store.h"

int
cmd_init(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "author", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	enum lang lang = LANG_DEFAULT;
	const char *author = NULL;
	char *dir;
	int ch, rc;

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
	rc = store_init(dir, lang, author);
	free(dir);
	return rc;
}
