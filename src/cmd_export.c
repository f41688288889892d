/* dailylog export: every entry, for other tools. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "csv.h"
#include "ctx.h"
#include "export.h"
#include "filter.h"
#include "output.h"
#include "store.h"

static int
parse_options(int argc, char **argv, struct filter *f,
    enum export_format *fmt, bool *bom)
{
	static const struct option opts[] = {
		FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "bom", no_argument, NULL, 'B' },
		{ NULL, 0, NULL, 0 },
	};
	int ch, rc, which;

	while ((ch = getopt_long(argc, argv, ":" FILTER_SHORT "f:", opts,
	    NULL)) != -1) {
		if ((rc = cli_filter_option(f, ch, optarg, "export")) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (ch == 'B')
			*bom = true;
		else if (ch != 'f')
			return option_error("export", ch, argv, opts);
		else if (cli_choice("export", "--format", optarg,
		    export_formats, EXPORT_COUNT, &which) != 0)
			return -1;
		else
			*fmt = (enum export_format)which;
	}
	if (optind < argc)
		return usage_error("export", "unexpected argument '%s'",
		    argv[optind]);
	if (*bom && *fmt != EXPORT_CSV)
		return usage_error("export", "--bom is for --format csv");
	return cli_filter_done(f, "export");
}

int
cmd_export(struct ctx *ctx, int argc, char **argv)
{
	enum export_format fmt = EXPORT_JSON;
	struct filter f;
	bool bom = false;
	int rc = -1;

	filter_init(&f);
	if (parse_options(argc, argv, &f, &fmt, &bom) == 0 &&
	    ctx_open(ctx) == 0) {
		filter_load(&f, &ctx->st);
		if (bom)
			fputs(CSV_BOM, stdout);
		if ((rc = export_stream(&ctx->st, &f, fmt,
		    ctx_tmpdir(ctx))) == 0)
			rc = out_finish();
	}
	filter_free(&f);
	return rc;
}
