/*
 * dailylog series: each series with its title, number of parts, first
 * and last date, the part numbers that are missing or taken twice, and
 * the parts that are drafts; or, with a series named, the writing of its
 * title and language.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "entry.h"
#include "git.h"
#include "index.h"
#include "json.h"
#include "lang.h"
#include "output.h"
#include "series.h"
#include "store.h"
#include "table.h"
#include "text.h"

enum series_format { SERIES_TABLE, SERIES_TSV, SERIES_JSON };

/* What one line of output says about a series. */
struct summary {
	char		*slug, *title;
	size_t		 parts;
	char		 first[17], last[17];
	struct buf	 missing, dups;	/* "3,5-7" */
	struct buf	 drafts;	/* "5,17" */
};

static void
add_range(struct buf *b, long lo, long hi)
{
	buf_addf(b, b->len ? ",%ld" : "%ld", lo);
	if (hi > lo)
		buf_addf(b, "-%ld", hi);
}

static void
summarize(const struct series *s, struct summary *sum)
{
	const struct entry *first, *last;
	struct series_walk w;
	struct series_item it;

	memset(sum, 0, sizeof(*sum));
	sum->slug = xstrdup(s->set.slug);
	sum->title = xstrdup(s->set.title);
	sum->parts = s->n;
	buf_adds(&sum->missing, "");
	buf_adds(&sum->dups, "");
	buf_adds(&sum->drafts, "");
	if (s->n == 0) {	/* only entries not numbered yet */
		strcpy(sum->first, "-");
		strcpy(sum->last, "-");
		return;
	}
	first = last = s->parts[0];
	for (size_t i = 0; i < s->n; i++) {
		if (date_cmp(&s->parts[i]->date, &first->date) < 0)
			first = s->parts[i];
		if (date_cmp(&s->parts[i]->date, &last->date) > 0)
			last = s->parts[i];
	}
	series_walk_init(&w, s, 1, series_last(s), 1);
	while (series_walk_next(&w, &it))
		if (it.missing)
			add_range(&sum->missing, it.part, it.last);
		else if (it.copies > 1)
			add_range(&sum->dups, it.part, it.part);
	for (size_t i = 0; i < s->n; i++)
		if (s->parts[i]->draft)
			add_range(&sum->drafts, s->parts[i]->part,
			    s->parts[i]->part);
	date_format(&first->date, sum->first);
	date_format(&last->date, sum->last);
}

static void
summary_free(struct summary *sum)
{
	free(sum->slug);
	free(sum->title);
	buf_free(&sum->missing);
	buf_free(&sum->dups);
	buf_free(&sum->drafts);
}

static void
print_json(const struct summary *v, size_t n)
{
	struct buf b = BUF_INIT;

	buf_addc(&b, '[');
	for (size_t i = 0; i < n; i++) {
		buf_adds(&b, i ? ",\n{" : "\n{");
		buf_adds(&b, "\"slug\": ");
		json_string(&b, v[i].slug);
		buf_adds(&b, ", \"title\": ");
		json_string(&b, v[i].title);
		buf_addf(&b, ", \"parts\": %zu, \"first\": \"%s\", "
		    "\"last\": \"%s\", \"missing\": \"%s\", "
		    "\"duplicates\": \"%s\", \"drafts\": \"%s\"}", v[i].parts,
		    v[i].first, v[i].last, v[i].missing.s, v[i].dups.s,
		    v[i].drafts.s);
	}
	buf_adds(&b, n ? "\n]\n" : "]\n");
	out_buf(&b);
	buf_free(&b);
}

/* Column c of series i: its title made safe for a terminal. */
static void
cell_text(struct buf *b, size_t i, size_t c, void *arg)
{
	const struct summary *sum = (const struct summary *)arg + i;

	switch (c) {
	case 0:	buf_adds(b, sum->slug); break;
	case 1:	text_sanitize(b, sum->title, strlen(sum->title), false); break;
	case 2:	buf_addf(b, "%zu", sum->parts); break;
	case 3:	/* the days only; "-" for a series of no parts yet */
		buf_add(b, sum->first, strnlen(sum->first, 10));
		break;
	case 4:
		buf_add(b, sum->last, strnlen(sum->last, 10));
		break;
	case 5:	buf_adds(b, sum->missing.s); break;
	case 6:	buf_adds(b, sum->dups.s); break;
	case 7:	buf_adds(b, sum->drafts.s); break;
	}
}

/*
 * A header and columns aligned by display width, in width columns: the
 * days of the first and last parts, MISSING and DUPLICATES only when
 * some series has them, the title cut to what is left, and a narrow
 * terminal gives up the first and last days.
 */
static void
print_table(const struct summary *v, size_t n, int width)
{
	static const char *const head[8] = {
		"SERIES", "TITLE", "PARTS", "FIRST", "LAST", "MISSING",
		"DUPLICATES", "DRAFTS"
	};
	struct table_column cols[8];
	struct table t = { cols, 8, n, true, false, cell_text, (void *)v };
	struct buf b = BUF_INIT;

	memset(cols, 0, sizeof(cols));
	for (int c = 0; c < 8; c++) {
		cols[c].head = head[c];
		cols[c].paint = -1;
	}
	cols[1].flex = cols[1].fit = true;
	cols[3].drop = 1;
	cols[4].drop = 2;
	cols[5].hide_empty = cols[6].hide_empty = true;
	cols[7].hide_empty = true;	/* most stores have no drafts */
	table_layout(&t, width);
	table_draw(&t, &b, out_buf);
	out_buf(&b);
	buf_free(&b);
}

/* TSV without a header, the title escaped as list does. */
static void
print_tsv(const struct summary *v, size_t n)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		buf_addf(&b, "%s\t", v[i].slug);
		tsv_escape(&b, v[i].title);
		buf_addf(&b, "\t%zu\t%s\t%s\t%s\t%s\t%s\n", v[i].parts,
		    v[i].first, v[i].last, v[i].missing.s, v[i].dups.s,
		    v[i].drafts.s);
	}
	out_buf(&b);
	buf_free(&b);
}

/* What the command line asks: a listing, or to write one's settings. */
struct series_opts {
	enum series_format	 fmt;
	bool			 fmt_given;
	const char		*slug;		/* series SLUG --title ... */
	const char		*title;
	int			 lang;		/* -1: not given */
};

static int
parse_options(int argc, char **argv, struct series_opts *o)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "title", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "table", "tsv", "json" };
	int ch, which;

	while ((ch = getopt_long(argc, argv, ":f:", opts, NULL)) != -1) {
		if (ch == 'f') {
			if (cli_choice("series", "--format", optarg, formats, 3,
			    &which) != 0)
				return -1;
			o->fmt = (enum series_format)which;
			o->fmt_given = true;
		} else if (ch == 't')
			o->title = optarg;
		else if (ch == 'l') {
			if (cli_choice("series", "--lang", optarg, lang_names,
			    LANG_COUNT, &o->lang) != 0)
				return -1;
		} else
			return option_error("series", ch, argv, opts);
	}
	if (optind < argc)
		o->slug = argv[optind++];
	if (optind < argc)
		return usage_error("series", "unexpected argument '%s'",
		    argv[optind]);
	if (o->slug == NULL && (o->title != NULL || o->lang >= 0))
		return usage_error("series", "name the series whose settings "
		    "to write: series SLUG --title TITLE");
	if (o->slug == NULL)
		return 0;
	if (!slug_valid(o->slug))
		return usage_error("series", "bad series '%s': a series name "
		    "is lower-case letters, digits and '-'", o->slug);
	if (o->fmt_given || (o->title == NULL && o->lang < 0))
		return usage_error("series", "series %s takes --title TITLE "
		    "and --lang ja|en", o->slug);
	if (o->title != NULL && (*o->title == '\0' ||
	    strchr(o->title, '\n') != NULL ||
	    !text_valid_utf8(o->title, strlen(o->title))))
		return usage_error("series", "--title takes one line of text");
	return 0;
}

/* What cmd_series gathers, series by series. */
struct gather {
	struct store	*st;
	struct summary	*sums;
	size_t		 n;
};

static void
gather_series(struct series *s, const char *slug, void *arg)
{
	struct gather *g = arg;

	/* Bad settings are reported; the summary goes on with defaults. */
	if (series_settings_load(g->st, slug, &s->set) != 0)
		series_settings_defaults(&s->set, slug, g->st->lang);
	summarize(s, &g->sums[g->n++]);
	if (s->has_duplicates)
		(void)series_report_duplicates(s);
	series_settings_free(&s->set);
}

int
cmd_series(struct ctx *ctx, int argc, char **argv)
{
	struct series_opts o = { isatty(STDOUT_FILENO) ? SERIES_TABLE :
	    SERIES_TSV, false, NULL, NULL, -1 };
	struct gather ga = { NULL, NULL, 0 };
	struct entry_list l;
	struct store *st = &ctx->st;
	int rc, width;

	if (parse_options(argc, argv, &o) != 0 || ctx_open(ctx) != 0)
		return -1;
	if (o.slug != NULL) {
		if (series_settings_write(st, o.slug, o.title, o.lang) != 0)
			return -1;
		return git_commit_changes(ctx, "series %s: %s%s", o.slug,
		    o.title ? o.title : "lang ", o.title ? "" :
		    lang_name((enum lang)o.lang));
	}
	width = ctx_width(ctx, STDOUT_FILENO);
	rc = index_load(st, &l);
	ga.st = st;
	ga.sums = xreallocarray(NULL, l.n + 1, sizeof(*ga.sums));
	series_each(&l, gather_series, &ga);
	if (o.fmt == SERIES_JSON)
		print_json(ga.sums, ga.n);
	else if (o.fmt == SERIES_TABLE)
		print_table(ga.sums, ga.n, width);
	else
		print_tsv(ga.sums, ga.n);
	for (size_t i = 0; i < ga.n; i++)
		summary_free(&ga.sums[i]);
	free(ga.sums);
	entry_list_free(&l);
	return out_finish() != 0 ? -1 : rc;
}
