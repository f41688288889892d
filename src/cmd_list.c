/* dailylog list: one line per entry, oldest first. */
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "color.h"
#include "command.h"
#include "config.h"
#include "ctx.h"
#include "entry.h"
#include "export.h"
#include "filter.h"
#include "index.h"
#include "output.h"
#include "pager.h"
#include "store.h"
#include "table.h"
#include "text.h"
#include "walk.h"

enum list_format { LIST_TABLE, LIST_TSV, LIST_JSON, LIST_JSONL, LIST_COUNT };

static const char *const list_formats[LIST_COUNT] = {
	"table", "tsv", "json", "jsonl"
};

static void
print_tsv(const struct entry_list *l)
{
	struct buf b = BUF_INIT;
	char date[17];

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];

		tsv_escape(&b, e->id);
		buf_addc(&b, '\t');
		tsv_escape(&b, date_format(&e->date, date));
		buf_addc(&b, '\t');
		tsv_escape(&b, e->series);
		buf_addc(&b, '\t');
		if (e->part > 0)
			buf_addf(&b, "%ld", e->part);
		buf_addc(&b, '\t');
		tsv_escape(&b, e->title);
		buf_addc(&b, '\t');
		tsv_escape(&b, e->client);
		buf_addc(&b, '\n');
		if (b.len > 65536)
			out_buf(&b);
	}
	out_buf(&b);
	buf_free(&b);
}

static const enum list_column default_columns[] = {
	COL_DATE, COL_ID, COL_SERIES, COL_TITLE, COL_CLIENT
};

/* The columns a narrow terminal gives up first, before the title's 10. */
static const enum list_column drop_order[] = {
	COL_TAGS, COL_STAFF, COL_CONTACT, COL_CLIENT, COL_SERIES
};

static void
add_safe(struct buf *b, const char *s)
{
	if (s != NULL)
		text_sanitize(b, s, strlen(s), false);
}

/* What the table's cells are drawn from. */
struct rows {
	const struct entry_list	*l;
	enum list_column	 cols[COL_COUNT];
};

/* Column col of row i as it is shown, made safe for a terminal. */
static void
cell_text(struct buf *b, size_t i, size_t col, void *arg)
{
	const struct rows *r = arg;
	const struct entry *e = r->l->v[i];
	char date[17];

	switch (r->cols[col]) {
	case COL_DATE:
		buf_adds(b, date_format(&e->date, date));
		break;
	case COL_ID:
		add_safe(b, e->id);
		break;
	case COL_SERIES:
		if (e->series != NULL) {
			add_safe(b, e->series);
			if (e->part > 0)
				buf_addf(b, ":%ld", e->part);
		}
		break;
	case COL_TITLE:
		add_safe(b, e->title);
		break;
	case COL_CLIENT:
		add_safe(b, e->client);
		break;
	case COL_CONTACT:
		add_safe(b, e->contact);
		break;
	case COL_STAFF:
		add_safe(b, e->staff);
		break;
	case COL_TAGS:
		for (size_t k = 0; k < e->tags.n; k++) {
			if (k > 0)
				buf_adds(b, ", ");
			add_safe(b, e->tags.v[k]);
		}
		break;
	case COL_COUNT:
		break;
	}
}

/*
 * The columns setting, or DATE ID SERIES TITLE CLIENT: each as wide as
 * its widest cell (free text at most 16), none that is empty everywhere,
 * and the title with what the terminal has left.
 */
static void
print_table(const struct entry_list *l, const struct config *cfg, int width,
    bool color)
{
	struct table_column cols[COL_COUNT];
	struct rows r = { l, { 0 } };
	struct table t = { cols, 0, l->n, false, color, cell_text, &r };
	struct buf b = BUF_INIT;

	if (cfg->ncolumns > 0) {
		t.ncols = cfg->ncolumns;
		memcpy(r.cols, cfg->columns, t.ncols * sizeof(r.cols[0]));
	} else {
		t.ncols = sizeof(default_columns) / sizeof(default_columns[0]);
		memcpy(r.cols, default_columns, sizeof(default_columns));
	}
	memset(cols, 0, sizeof(cols));
	for (size_t c = 0; c < t.ncols; c++) {
		cols[c].cap = r.cols[c] >= COL_CLIENT ? 16 : 0;
		cols[c].flex = r.cols[c] == COL_TITLE;
		cols[c].hide_empty = !cols[c].flex;
		cols[c].paint = r.cols[c] == COL_DATE ? PAINT_DATE :
		    r.cols[c] == COL_SERIES ? PAINT_REF : -1;
		for (size_t d = 0; d < sizeof(drop_order) /
		    sizeof(drop_order[0]); d++)
			if (drop_order[d] == r.cols[c])
				cols[c].drop = (int)d + 1;
	}
	table_layout(&t, width);
	table_draw(&t, &b, out_buf);
	out_buf(&b);
	buf_free(&b);
}

/* --grep: every file read whole, only the matches kept, as summaries. */
struct grep_run {
	const struct filter	*f;
	struct entry_list	*l;
};

static void
keep_match(struct entry *e, void *arg)
{
	struct grep_run *run = arg;

	if (!filter_match(run->f, e)) {
		entry_free(e);
		free(e);
		return;
	}
	entry_summarize(e);
	entry_list_add(run->l, e);
}

int
cmd_list(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum list_format fmt = isatty(STDOUT_FILENO) ? LIST_TABLE : LIST_TSV;
	struct filter f;
	struct entry_list l;
	struct store *st = &ctx->st;
	int ch, rc, width, which;
	bool color;

	memset(&f, 0, sizeof(f));
	while ((ch = getopt_long(argc, argv, ":" FILTER_SHORT "f:", opts,
	    NULL)) != -1) {
		if ((rc = cli_filter_option(&f, ch, optarg, "list")) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (ch != 'f')
			return option_error("list", ch, argv, opts);
		if ((rc = cli_choice("list", "--format", optarg, list_formats,
		    LIST_COUNT, &which)) != 0)
			return rc;
		fmt = (enum list_format)which;
	}
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'",
		    argv[optind]);
	if (ctx_open(ctx) != 0)
		return -1;
	filter_load(&f, st);
	/* Width and colour are the terminal's, asked before the pager. */
	width = ctx_width(ctx, STDOUT_FILENO);
	color = ctx_color(ctx, STDOUT_FILENO);
	if (fmt == LIST_JSON || fmt == LIST_JSONL) {
		/* Every field: streamed as export streams it. */
		pager_start(ctx_pager(ctx));
		rc = export_stream(st, &f, fmt == LIST_JSON ? EXPORT_JSON :
		    EXPORT_JSONL, ctx_tmpdir(ctx));
		filter_free(&f);
		return rc != 0 ? -1 : out_finish();
	}
	/* The table and TSV need only the summaries; --grep reads every
	 * file whole and keeps the summaries of the matches. */
	if (f.grep != NULL) {
		struct grep_run run = { &f, &l };

		l.v = NULL;
		l.n = 0;
		rc = walk_entries(st->root, keep_match, walk_warn_not_entry,
		    &run, NULL);
		if (l.n > 1)
			qsort(l.v, l.n, sizeof(*l.v), entry_cmp);
		f.grep = NULL;	/* matched already; the bodies are gone */
	} else
		rc = index_load(st, &l);
	filter_apply(&f, &l);
	pager_start(ctx_pager(ctx));
	if (fmt == LIST_TABLE)
		print_table(&l, &ctx->cfg, width, color);
	else
		print_tsv(&l);
	entry_list_free(&l);
	filter_free(&f);
	return out_finish() != 0 ? -1 : rc;
}
