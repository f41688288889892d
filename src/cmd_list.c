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
#include "ctx.h"
#include "dailylog.h"
#include "entry.h"
#include "export.h"
#include "filter.h"
#include "index.h"
#include "output.h"
#include "pager.h"
#include "store.h"
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

/* What a table draws: its columns, their widths, and whether in colour. */
struct table {
	enum list_column	 cols[COL_COUNT];
	int			 w[COL_COUNT];
	size_t			 n;
	bool			 color;
};

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

/* Column c of e as it is shown, made safe for a terminal. */
static void
cell_text(struct buf *b, const struct entry *e, enum list_column c)
{
	char date[17];

	switch (c) {
	case COL_DATE:
		buf_adds(b, date_format(&e->date, date));
		break;
	case COL_ID:
		add_safe(b, e->id);
		break;
	case COL_SERIES:
		if (e->series != NULL) {
			add_safe(b, e->series);
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
		for (size_t i = 0; i < e->tags.n; i++) {
			if (i > 0)
				buf_adds(b, ", ");
			add_safe(b, e->tags.v[i]);
		}
		break;
	case COL_COUNT:
		break;
	}
}

static void
drop_column(struct table *t, size_t i)
{
	memmove(&t->cols[i], &t->cols[i + 1], (t->n - i - 1) * sizeof(t->cols[0]));
	memmove(&t->w[i], &t->w[i + 1], (t->n - i - 1) * sizeof(t->w[0]));
	t->n--;
}

/*
 * The widest cell of each column (free text at most 16), without the
 * columns that are empty everywhere; the title takes what the terminal
 * has left, and a narrow one drops columns in drop_order first.
 */
static void
table_layout(struct table *t, const struct entry_list *l, int width)
{
	struct buf cell = BUF_INIT;
	size_t title = COL_COUNT;

	for (size_t c = 0; c < t->n; c++) {
		t->w[c] = 0;
		for (size_t i = 0; i < l->n; i++) {
			int w;

			buf_reset(&cell);
			cell_text(&cell, l->v[i], t->cols[c]);
			if ((w = text_width(buf_str(&cell), cell.len)) > t->w[c])
				t->w[c] = w;
		}
		if (t->cols[c] >= COL_CLIENT && t->w[c] > 16)
			t->w[c] = 16;
	}
	buf_free(&cell);
	for (size_t c = 0; c < t->n; )
		if (t->w[c] == 0 && t->cols[c] != COL_TITLE)
			drop_column(t, c);
		else
			c++;
	for (size_t d = 0; ; ) {
		int rest = width;

		title = COL_COUNT;
		for (size_t c = 0; c < t->n; c++)
			if (t->cols[c] == COL_TITLE)
				title = c;
			else
				rest -= t->w[c] + 2;
		if (title == COL_COUNT)
			return;
		if ((t->w[title] = rest) >= 10)
			return;
		for (; d < sizeof(drop_order) / sizeof(drop_order[0]); d++) {
			size_t c;

			for (c = 0; c < t->n && t->cols[c] != drop_order[d]; c++)
				;
			if (c < t->n) {
				drop_column(t, c);
				break;
			}
		}
		if (d == sizeof(drop_order) / sizeof(drop_order[0])) {
			t->w[title] = 10;
			return;
		}
	}
}

/* Cut, painted and padded: colour goes around text already measured. */
static void
table_cell(struct buf *b, const struct table *t, size_t c, const char *s,
    bool last)
{
	struct buf cut = BUF_INIT;
	int w;

	text_truncate(&cut, s, t->w[c]);
	w = text_width(buf_str(&cut), cut.len);
	if (t->color && t->cols[c] == COL_DATE)
		color_add(b, PAINT_DATE, buf_str(&cut), cut.len);
	else if (t->color && t->cols[c] == COL_SERIES)
		color_add(b, PAINT_REF, buf_str(&cut), cut.len);
	else
		buf_add(b, buf_str(&cut), cut.len);
	for (; !last && w < t->w[c] + 2; w++)
		buf_addc(b, ' ');
	buf_free(&cut);
}

/* The columns setting, or DATE ID SERIES TITLE CLIENT, by display width. */
static void
print_table(const struct entry_list *l, const struct config *cfg, int width,
    bool color)
{
	struct table t;
	struct buf b = BUF_INIT, cell = BUF_INIT;

	memset(&t, 0, sizeof(t));
	t.color = color;
	if (cfg->ncolumns > 0) {
		t.n = cfg->ncolumns;
		memcpy(t.cols, cfg->columns, t.n * sizeof(t.cols[0]));
	} else {
		t.n = sizeof(default_columns) / sizeof(default_columns[0]);
		memcpy(t.cols, default_columns, sizeof(default_columns));
	}
	table_layout(&t, l, width);
	for (size_t i = 0; i < l->n; i++) {
		for (size_t c = 0; c < t.n; c++) {
			buf_reset(&cell);
			cell_text(&cell, l->v[i], t.cols[c]);
			table_cell(&b, &t, c, buf_str(&cell), c + 1 == t.n);
		}
		while (b.len > 0 && b.s[b.len - 1] == ' ')
			b.s[--b.len] = '\0';
		buf_addc(&b, '\n');
		if (b.len > 65536)
			out_buf(&b);
	}
	out_buf(&b);
	buf_free(&b);
	buf_free(&cell);
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
			return option_error("list", argv, opts);
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
	/* Width and colour are the terminal's, asked before the pager. */
	width = ctx_width(ctx, STDOUT_FILENO);
	color = ctx_color(ctx, STDOUT_FILENO);
	if (fmt == LIST_JSON || fmt == LIST_JSONL) {
		/* Every field: streamed as export streams it. */
		pager_start(ctx_pager(ctx));
		if (export_stream(st, &f, fmt == LIST_JSON ? EXPORT_JSON :
		    EXPORT_JSONL, ctx_tmpdir(ctx)) != 0)
			return -1;
		return out_finish();
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
	return out_finish() != 0 ? -1 : rc;
}
