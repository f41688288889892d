/* dailylog list: one line per entry, oldest first. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "color.h"
#include "command.h"
#include "config.h"
#include "csv.h"
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

enum list_format {
	LIST_TABLE, LIST_TSV, LIST_JSON, LIST_JSONL, LIST_CSV, LIST_COUNT
};

static const char *const list_formats[LIST_COUNT] = {
	"table", "tsv", "json", "jsonl", "csv"
};

/*
 * The rows to print: the summaries the index gave (those picked by the
 * filters; without pick, all those that f matches, as they are
 * printed), or a list of entries (--grep's, or the filters' in their
 * order).
 */
struct rows {
	struct summaries	*s;
	const uint32_t		*pick;
	const struct filter	*f;
	const struct entry_list	*l;
	size_t			 n;
	enum list_column	 cols[COL_COUNT];
};

static const struct entry *
row(const struct rows *r, size_t i)
{
	if (r->l != NULL)
		return r->l->v[i];
	return summaries_at(r->s, r->pick != NULL ? r->pick[i] : i);
}

static size_t
len_of(const char *s)
{
	return s != NULL ? strlen(s) : 0;
}

/*
 * The TSV row of e, when it matches filter f (NULL: no filter), made in
 * the room for its worst, with no call per byte.  Also made ahead in
 * the index's own thread (index_summaries_ahead): it looks at nothing
 * but e and f.
 */
static void
tsv_row(const struct entry *e, struct buf *b, const void *f)
{
	size_t nid, nseries, ntitle, nclient;
	char *o;

	if (f != NULL && !filter_match(f, e))
		return;
	nid = len_of(e->id);
	nseries = len_of(e->series);
	ntitle = len_of(e->title);
	nclient = len_of(e->client);
	/* The date (16), a part (20 digits at most), five separators. */
	buf_grow(b, 2 * (nid + nseries + ntitle + nclient) + 48);
	o = tsv_put(b->s + b->len, e->id, nid);
	*o++ = '\t';
	o += strlen(date_format(&e->date, o));
	*o++ = '\t';
	o = tsv_put(o, e->series, nseries);
	*o++ = '\t';
	if (e->part > 0) {
		b->len = (size_t)(o - b->s);
		buf_addu(b, (unsigned long)e->part);	/* in the room */
		o = b->s + b->len;
	}
	*o++ = '\t';
	o = tsv_put(o, e->title, ntitle);
	*o++ = '\t';
	o = tsv_put(o, e->client, nclient);
	*o++ = '\n';
	*o = '\0';
	b->len = (size_t)(o - b->s);
}

/* The rows from the first on (those before were made ahead). */
static void
print_tsv(const struct rows *r, size_t first)
{
	struct buf b = BUF_INIT;

	for (size_t i = first; i < r->n; i++) {
		tsv_row(row(r, i), &b, r->f);
		if (b.len > 65536)
			out_buf(&b);
	}
	out_buf(&b);
	buf_free(&b);
}

static const enum list_column default_columns[] = {
	COL_DATE, COL_ID, COL_SERIES, COL_TITLE, COL_CLIENT
};

/*
 * The columns a narrow terminal gives up, in order, before the title
 * is narrower than 10: a phone's terminal still shows date and title.
 */
static const enum list_column drop_order[] = {
	COL_TAGS, COL_STAFF, COL_CONTACT, COL_CLIENT, COL_SERIES, COL_ID
};

static void
add_safe(struct buf *b, const char *s)
{
	if (s != NULL)
		text_sanitize(b, s, strlen(s), false);
}

/* Column col of row i as it is shown, made safe for a terminal. */
static void
cell_text(struct buf *b, size_t i, size_t col, void *arg)
{
	const struct rows *r = arg;
	const struct entry *e = row(r, i);
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
print_table(struct rows *r, const struct config *cfg, int width, bool color)
{
	struct table_column cols[COL_COUNT];
	struct table t = { cols, 0, r->n, false, color, cell_text, r };
	struct buf b = BUF_INIT;

	if (cfg->ncolumns > 0) {
		t.ncols = cfg->ncolumns;
		memcpy(r->cols, cfg->columns, t.ncols * sizeof(r->cols[0]));
	} else {
		t.ncols = sizeof(default_columns) / sizeof(default_columns[0]);
		memcpy(r->cols, default_columns, sizeof(default_columns));
	}
	memset(cols, 0, sizeof(cols));
	for (size_t c = 0; c < t.ncols; c++) {
		cols[c].cap = r->cols[c] >= COL_CLIENT ? 16 : 0;
		cols[c].flex = r->cols[c] == COL_TITLE;
		cols[c].hide_empty = !cols[c].flex;
		cols[c].paint = r->cols[c] == COL_DATE ? PAINT_DATE :
		    r->cols[c] == COL_SERIES ? PAINT_REF : -1;
		for (size_t d = 0; d < sizeof(drop_order) /
		    sizeof(drop_order[0]); d++)
			if (drop_order[d] == r->cols[c])
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
keep_match(const struct entry *view, void *arg)
{
	struct grep_run *run = arg;

	if (filter_match(run->f, view))
		entry_list_add(run->l, entry_summary_copy(NULL, view));
}

static int
parse_options(int argc, char **argv, struct filter *f, enum list_format *fmt,
    bool *bom)
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
		if ((rc = cli_filter_option(f, ch, optarg, "list")) < 0)
			return -1;
		if (rc == 0)
			continue;
		if (ch == 'B')
			*bom = true;
		else if (ch != 'f')
			return option_error("list", ch, argv, opts);
		else if (cli_choice("list", "--format", optarg, list_formats,
		    LIST_COUNT, &which) != 0)
			return -1;
		else
			*fmt = (enum list_format)which;
	}
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'",
		    argv[optind]);
	if (*bom && *fmt != LIST_CSV)
		return usage_error("list", "--bom is for --format csv");
	return cli_filter_done(f, "list");
}

/* Every field, streamed as export streams it: JSON, JSON Lines, CSV. */
static int
list_stream(struct ctx *ctx, const struct filter *f, enum list_format fmt,
    bool bom)
{
	static const enum export_format as[LIST_COUNT] = {
		[LIST_JSON] = EXPORT_JSON, [LIST_JSONL] = EXPORT_JSONL,
		[LIST_CSV] = EXPORT_CSV
	};

	pager_start(ctx_pager(ctx));
	if (bom)
		fputs(CSV_BOM, stdout);
	if (export_stream(&ctx->st, f, as[fmt], ctx_tmpdir(ctx)) != 0)
		return -1;
	return out_finish();
}

/*
 * The table and TSV, from the summaries, pointed to where the index
 * holds them; those that match copied only when the filters order them
 * (--series) or keep the last of them (-n).
 */
static int
list_lines(struct ctx *ctx, const struct filter *f, enum list_format fmt)
{
	struct entry_list l = { NULL, 0 };
	struct store *st = &ctx->st;
	struct summaries s = { 0, NULL };
	/* Rows made while the walk runs: at most 2 MiB of them. */
	struct index_ahead ahead = { tsv_row, f, 2 * 1024 * 1024, BUF_INIT,
	    0 };
	uint32_t *pick = NULL;
	struct rows r;
	int rc, width;
	bool color;

	/* Width and colour are the terminal's, asked before the pager. */
	width = ctx_width(ctx, STDOUT_FILENO);
	color = ctx_color(ctx, STDOUT_FILENO);
	/* --grep reads every file whole and keeps the summaries of the
	 * matches; the other filters need only the index. */
	memset(&r, 0, sizeof(r));
	if (filter_needs_text(f)) {
		struct grep_run run = { f, &l };

		rc = walk_views(st->root, keep_match, walk_warn_not_entry,
		    &run, NULL);
		if (l.n > 1)
			qsort(l.v, l.n, sizeof(*l.v), entry_cmp);
		filter_finish(f, &l);
	} else {
		bool each = f->last == 0 && f->any[FILTER_SERIES].n == 0;

		rc = index_summaries_ahead(st, &s, each && fmt == LIST_TSV ?
		    &ahead : NULL);
		if (!each) {
			for (size_t i = 0; i < s.n; i++)
				if (filter_match(f, summaries_at(&s, i)))
					entry_list_add(&l,
					    summaries_copy(&s, i));
			filter_finish(f, &l);
		} else if (fmt == LIST_TSV) {
			/* Each summary looked at once, as it is printed. */
			r.s = &s;
			r.f = f;
			r.n = s.n;
		} else {
			pick = xreallocarray(NULL, s.n + 1, sizeof(*pick));
			for (size_t i = 0; i < s.n; i++)
				if (filter_match(f, summaries_at(&s, i)))
					pick[r.n++] = (uint32_t)i;
			r.s = &s;
			r.pick = pick;
		}
	}
	if (r.s == NULL) {
		r.l = &l;
		r.n = l.n;
	}
	pager_start(ctx_pager(ctx));
	if (fmt == LIST_TABLE)
		print_table(&r, &ctx->cfg, width, color);
	else {
		out_buf(&ahead.out);
		print_tsv(&r, ahead.rows);
	}
	buf_free(&ahead.out);
	entry_list_free(&l);
	summaries_free(&s);
	free(pick);
	return out_finish() != 0 ? -1 : rc;
}

int
cmd_list(struct ctx *ctx, int argc, char **argv)
{
	enum list_format fmt = isatty(STDOUT_FILENO) ? LIST_TABLE : LIST_TSV;
	struct filter f;
	bool bom = false;
	int rc = -1;

	filter_init(&f);
	if (parse_options(argc, argv, &f, &fmt, &bom) == 0 &&
	    ctx_open(ctx) == 0) {
		filter_load(&f, &ctx->st);
		rc = fmt == LIST_TABLE || fmt == LIST_TSV ?
		    list_lines(ctx, &f, fmt) : list_stream(ctx, &f, fmt, bom);
	}
	filter_free(&f);
	return rc;
}
