/* dailylog list: one line per entry, oldest first. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "filter.h"
#include "json.h"
#include "output.h"
#include "store.h"
#include "term.h"
#include "text.h"

enum list_format { LIST_TABLE, LIST_TSV, LIST_JSON, LIST_JSONL };

/* A TSV field: tab, newline, CR and backslash escaped, as dailylog-list(1) says. */
static void
tsv_field(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\t':	buf_adds(b, "\\t"); break;
		case '\n':	buf_adds(b, "\\n"); break;
		case '\r':	buf_adds(b, "\\r"); break;
		case '\\':	buf_adds(b, "\\\\"); break;
		default:	buf_addc(b, *s);
		}
	}
}

static void
print_tsv(const struct entry_list *l)
{
	struct buf b = BUF_INIT;
	char date[17];

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];

		tsv_field(&b, e->id);
		buf_addc(&b, '\t');
		tsv_field(&b, date_format(&e->date, date));
		buf_addc(&b, '\t');
		tsv_field(&b, e->series);
		buf_addc(&b, '\t');
		if (e->part > 0)
			buf_addf(&b, "%ld", e->part);
		buf_addc(&b, '\t');
		tsv_field(&b, e->title);
		buf_addc(&b, '\t');
		tsv_field(&b, e->client);
		buf_addc(&b, '\n');
		if (b.len > 65536)
			out_buf(&b);
	}
	out_buf(&b);
	buf_free(&b);
}

static char *
series_cell(const struct entry *e)
{
	struct buf b = BUF_INIT;

	if (e->series != NULL)
		buf_addf(&b, "%s:%ld", e->series, e->part);
	return buf_detach(&b);
}

/* Columns DATE ID SERIES TITLE CLIENT, aligned by display width. */
static void
print_table(const struct entry_list *l)
{
	int width = term_width(STDOUT_FILENO), wdate = 10, wid = 2, wser = 0,
	    wcli = 0, wtitle;
	struct buf b = BUF_INIT, cell = BUF_INIT;
	char date[17];

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];
		char *s = series_cell(e);
		int w;

		if (e->date.has_time)
			wdate = 16;
		if ((w = text_width(e->id, strlen(e->id))) > wid)
			wid = w;
		if ((w = text_width(s, strlen(s))) > wser)
			wser = w;
		if (e->client && (w = text_width(e->client,
		    strlen(e->client))) > wcli)
			wcli = w;
		free(s);
	}
	if (wcli > 16)
		wcli = 16;
	/* A narrow terminal gives up CLIENT, then SERIES, before the title
	 * gets fewer than 10 columns. */
	for (;;) {
		wtitle = width - wdate - wid - (wser ? wser + 2 : 0) -
		    (wcli ? wcli + 2 : 0) - 4;
		if (wtitle >= 10)
			break;
		if (wcli)
			wcli = 0;
		else if (wser)
			wser = 0;
		else {
			wtitle = 10;
			break;
		}
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];
		char *s = series_cell(e);

		text_pad(&b, date_format(&e->date, date), wdate);
		buf_adds(&b, "  ");
		text_pad(&b, e->id, wid);
		buf_adds(&b, "  ");
		if (wser) {
			text_pad(&b, s, wser);
			buf_adds(&b, "  ");
		}
		/* Entry text is made safe before it is measured and cut. */
		buf_reset(&cell);
		text_sanitize(&cell, e->title, strlen(e->title), false);
		if (wcli) {
			struct buf t = BUF_INIT;

			text_truncate(&t, cell.s, wtitle);
			text_pad(&b, t.s, wtitle);
			buf_adds(&b, "  ");
			buf_reset(&cell);
			if (e->client)
				text_sanitize(&cell, e->client,
				    strlen(e->client), false);
			buf_reset(&t);
			text_truncate(&t, buf_str(&cell), wcli);
			buf_adds(&b, buf_str(&t));
			buf_free(&t);
		} else
			text_truncate(&b, cell.s, wtitle);
		while (b.len > 0 && b.s[b.len - 1] == ' ')
			b.s[--b.len] = '\0';
		buf_addc(&b, '\n');
		free(s);
		if (b.len > 65536)
			out_buf(&b);
	}
	out_buf(&b);
	buf_free(&b);
	buf_free(&cell);
}

int
cmd_list(int argc, char **argv, const struct globals *g)
{
	static const struct option opts[] = {
		FILTER_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	enum list_format fmt = isatty(STDOUT_FILENO) ? LIST_TABLE : LIST_TSV;
	struct filter f;
	struct entry_list l;
	struct store st;
	int ch, rc, bad;

	memset(&f, 0, sizeof(f));
	while ((ch = getopt_long(argc, argv, ":" FILTER_SHORT "f:", opts,
	    NULL)) != -1) {
		if ((rc = filter_option(&f, ch, optarg, "list")) >= 0) {
			if (rc != 0)
				return rc;
			continue;
		}
		if (ch != 'f')
			return option_error("list", argv, opts);
		if (strcmp(optarg, "table") == 0)
			fmt = LIST_TABLE;
		else if (strcmp(optarg, "tsv") == 0)
			fmt = LIST_TSV;
		else if (strcmp(optarg, "json") == 0)
			fmt = LIST_JSON;
		else if (strcmp(optarg, "jsonl") == 0)
			fmt = LIST_JSONL;
		else
			return usage_error("list", "--format takes table, tsv, "
			    "json or jsonl, not '%s'", optarg);
	}
	if (optind < argc)
		return usage_error("list", "unexpected argument '%s'",
		    argv[optind]);
	if ((rc = store_open(g, &st)) != 0)
		return rc;
	rc = store_load_all(&st, &l, &bad);
	filter_apply(&f, &l);
	switch (fmt) {
	case LIST_TABLE:
		print_table(&l);
		break;
	case LIST_TSV:
		print_tsv(&l);
		break;
	case LIST_JSON:
	case LIST_JSONL:
		json_write_entries(&l, fmt == LIST_JSONL);
		break;
	}
	entry_list_free(&l);
	store_close(&st);
	if (rc == 0)
		rc = out_finish();
	return rc ? rc : bad;
}
