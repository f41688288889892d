/* dailylog export: every entry, for other tools. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "filter.h"
#include "json.h"
#include "output.h"
#include "store.h"
#include "yaml_write.h"

enum export_format { EXPORT_JSON, EXPORT_JSONL, EXPORT_YAML };

static void
write_yaml(const struct entry_list *l)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < l->n; i++) {
		entry_to_yaml(l->v[i], true, true, &b);
		if (b.len > 65536)
			out_buf(&b);
	}
	out_buf(&b);
	buf_free(&b);
}

int
cmd_export(int argc, char **argv, const struct globals *g)
{
	static const struct option opts[] = {
		FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum export_format fmt = EXPORT_JSON;
	struct filter f;
	struct entry_list l;
	struct store st;
	int ch, rc, bad;

	memset(&f, 0, sizeof(f));
	while ((ch = getopt_long(argc, argv, ":" FILTER_SHORT "f:", opts,
	    NULL)) != -1) {
		if ((rc = filter_option(&f, ch, optarg, "export")) >= 0) {
			if (rc != 0)
				return rc;
			continue;
		}
		if (ch != 'f')
			return option_error("export", argv, opts);
		if (strcmp(optarg, "json") == 0)
			fmt = EXPORT_JSON;
		else if (strcmp(optarg, "jsonl") == 0)
			fmt = EXPORT_JSONL;
		else if (strcmp(optarg, "yaml") == 0)
			fmt = EXPORT_YAML;
		else
			return usage_error("export", "--format takes json, "
			    "jsonl or yaml, not '%s'", optarg);
	}
	if (optind < argc)
		return usage_error("export", "unexpected argument '%s'",
		    argv[optind]);
	if ((rc = store_open(g, &st)) != 0)
		return rc;
	rc = store_load_all(&st, &l, &bad);
	filter_apply(&f, &l);
	if (fmt == EXPORT_YAML)
		write_yaml(&l);
	else
		json_write_entries(&l, fmt == EXPORT_JSONL);
	entry_list_free(&l);
	store_close(&st);
	if (rc == 0)
		rc = out_finish();
	return rc ? rc : bad;
}
