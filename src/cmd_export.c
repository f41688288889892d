/* dailylog export: every entry, for other tools. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "filter.h"
#include "index.h"
#include "json.h"
#include "output.h"
#include "store.h"
#include "yaml_write.h"

enum export_format { EXPORT_JSON, EXPORT_JSONL, EXPORT_YAML };

/* One entry in the format; i counts the entries written before it. */
static void
write_entry(struct buf *b, const struct entry *e, enum export_format fmt,
    size_t i)
{
	switch (fmt) {
	case EXPORT_YAML:
		entry_to_yaml(e, true, true, b);
		break;
	case EXPORT_JSON:
		buf_adds(b, i > 0 ? ",\n" : "\n");
		entry_to_json(e, b);
		break;
	case EXPORT_JSONL:
		entry_to_json(e, b);
		buf_addc(b, '\n');
		break;
	}
}

/* Read one entry whole: 0, or the status after a report. */
static int
load_whole(const struct entry *summary, struct entry *e, int *bad)
{
	int r;

	entry_init(e);
	if ((r = entry_load(summary->path, e)) != 0 && *bad == 0)
		*bad = r;
	return r;
}

/*
 * With --grep and -n: drop the head of l before the last N entries that
 * match, reading from the end.
 */
static void
keep_last_matching(struct entry_list *l, const struct filter *f, int *bad)
{
	size_t first = l->n;
	long found = 0;

	while (first > 0 && found < f->last) {
		struct entry e;

		if (load_whole(l->v[--first], &e, bad) == 0 &&
		    filter_match(f, &e))
			found++;
		entry_free(&e);
	}
	for (size_t i = 0; i < first; i++) {
		entry_free(l->v[i]);
		free(l->v[i]);
	}
	memmove(l->v, l->v + first, (l->n - first) * sizeof(*l->v));
	l->n -= first;
}

/*
 * The entries in listing order, one at a time: the summaries of the
 * index give the order and the filters but --grep, then each file is
 * read whole, written and freed, so memory does not grow with the store.
 */
static int
export_stream(struct store *st, const struct filter *f,
    enum export_format fmt, int *bad)
{
	struct filter cheap = *f;
	struct entry_list l;
	struct buf b = BUF_INIT;
	size_t written = 0;
	int rc;

	cheap.grep = NULL;
	if (f->grep != NULL)
		cheap.last = 0;
	rc = index_load(st, &l, bad);
	filter_apply(&cheap, &l);
	if (f->grep != NULL && f->last > 0)
		keep_last_matching(&l, f, bad);
	if (fmt == EXPORT_JSON)
		buf_addc(&b, '[');
	for (size_t i = 0; i < l.n; i++) {
		struct entry e;

		if (load_whole(l.v[i], &e, bad) == 0 && filter_match(f, &e))
			write_entry(&b, &e, fmt, written++);
		entry_free(&e);
		if (b.len > 65536)
			out_buf(&b);
	}
	if (fmt == EXPORT_JSON)
		buf_adds(&b, written ? "\n]\n" : "]\n");
	out_buf(&b);
	buf_free(&b);
	entry_list_free(&l);
	return rc;
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
	rc = export_stream(&st, &f, fmt, &bad);
	store_close(&st);
	if (rc == 0)
		rc = out_finish();
	return rc ? rc : bad;
}
