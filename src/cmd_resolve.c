/*
 * dailylog resolve: decide a conflict that sync kept (sync.h) with
 * --ours, --theirs or the editor, then finish the sync; without REF,
 * list the conflicts.
 */
#include <getopt.h>

#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "sync.h"

int
cmd_resolve(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ours", no_argument, NULL, 'o' },
		{ "theirs", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	enum resolve_choice how = RESOLVE_EDIT;
	int ch, given = 0;

	while ((ch = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		if (ch != 'o' && ch != 't')
			return option_error("resolve", ch, argv, opts);
		how = ch == 'o' ? RESOLVE_MINE : RESOLVE_THEIRS;
		given++;
	}
	if (given > 1)
		return usage_error("resolve", "give one of --ours and "
		    "--theirs");
	if (argc - optind > 1)
		return usage_error("resolve", "one conflict at a time");
	if (argc == optind && given > 0)
		return usage_error("resolve", "which conflict? ('dailylog "
		    "resolve' lists them)");
	if (ctx_open(ctx) != 0)
		return -1;
	if (argc == optind)
		return sync_list_conflicts(ctx);
	return sync_resolve(ctx, argv[optind], how);
}
