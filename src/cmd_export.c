/* dailylog export: every entry, for other tools. */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "export.h"
#include "filter.h"
#include "output.h"
#include "store.h"

int
cmd_export(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum export_format fmt = EXPORT_JSON;
	struct filter f;
	struct store *st = &ctx->st;
	int ch, rc, which;

	memset(&f, 0, sizeof(f));
	while ((ch = getopt_long(argc, argv, ":" FILTER_SHORT "f:", opts,
	    NULL)) != -1) {
		if ((rc = cli_filter_option(&f, ch, optarg, "export")) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (ch != 'f')
			return option_error("export", ch, argv, opts);
		if ((rc = cli_choice("export", "--format", optarg,
		    export_formats, EXPORT_COUNT, &which)) != 0)
			return rc;
		fmt = (enum export_format)which;
	}
	if (optind < argc)
		return usage_error("export", "unexpected argument '%s'",
		    argv[optind]);
	if (ctx_open(ctx) != 0)
		return -1;
	filter_load(&f, st);
	rc = export_stream(st, &f, fmt, ctx_tmpdir(ctx));
	filter_free(&f);
	return rc != 0 ? -1 : out_finish();
}
