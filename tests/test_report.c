/*
 * The report's model: parsing weeks and months, the week and the month
 * of a date across year boundaries, ranges, and the grouping of entries
 * (days in order, clients first seen first, entries without a client
 * last, the summary by number of entries), and its two formats.
 * Entries are built in memory; each model is compared as a one-line
 * dump.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "entry.h"
#include "report.h"
#include "report_draw.h"
#include "store.h"

#include "check_main.h"

/* "YYYY-MM-DD..YYYY-MM-DD" of a period, for comparing. */
static const char *
span(const struct period *p)
{
	static char s[40];
	struct date from = date_from_days(p->from), to = date_from_days(p->to);
	char a[17], b[17];

	snprintf(s, sizeof(s), "%s..%s", date_format(&from, a),
	    date_format(&to, b));
	return s;
}

static void
is_week(const char *arg, int year, int num, const char *days)
{
	struct period p;

	ck_assert_msg(report_parse_week(arg, &p) == PERIOD_OK, "%s refused",
	    arg);
	ck_assert_int_eq(p.kind, PERIOD_WEEK);
	ck_assert_int_eq(p.year, year);
	ck_assert_int_eq(p.num, num);
	ck_assert_str_eq(span(&p), days);
}

START_TEST(weeks)
{
	is_week("2026-W48", 2026, 48, "2026-11-23..2026-11-29");
	/* 4 January 2026 is a Sunday: week 1 begins in 2025. */
	is_week("2026-W01", 2026, 1, "2025-12-29..2026-01-04");
	/* 2026 begins on a Thursday: 53 weeks, the last one into 2027. */
	is_week("2026-W53", 2026, 53, "2026-12-28..2027-01-03");
	is_week("2027-W01", 2027, 1, "2027-01-04..2027-01-10");
	is_week("2027-W52", 2027, 52, "2027-12-27..2028-01-02");
	/* A leap year beginning on a Wednesday. */
	is_week("2020-W53", 2020, 53, "2020-12-28..2021-01-03");
	is_week("2015-W53", 2015, 53, "2015-12-28..2016-01-03");
	is_week("0001-W01", 1, 1, "0001-01-01..0001-01-07");
	/* The calendar ends at 9999-12-31: W51 fits, W52 runs past it. */
	is_week("9999-W51", 9999, 51, "9999-12-20..9999-12-26");
	{
		struct period p;

		ck_assert(report_parse_week("9999-W52", &p) == PERIOD_PAST_END);
	}
}
END_TEST

START_TEST(weeks_that_do_not_exist)
{
	struct period p;

	/* 2027 begins on a Friday: 52 weeks. */
	ck_assert_int_eq(report_parse_week("2027-W53", &p), PERIOD_NO_WEEK);
	ck_assert_int_eq(p.year, 2027);
	ck_assert_int_eq(p.num, 53);
	ck_assert_int_eq(report_parse_week("2026-W00", &p), PERIOD_NO_WEEK);
	ck_assert_int_eq(p.year, 2026);
	ck_assert_int_eq(p.num, 0);
	ck_assert_int_eq(report_parse_week("2026-W54", &p), PERIOD_NO_WEEK);
	ck_assert_int_eq(report_parse_week("2026-W99", &p), PERIOD_NO_WEEK);
	ck_assert_int_eq(report_parse_week("2021-W53", &p), PERIOD_NO_WEEK);
}
END_TEST

START_TEST(week_forms_refused)
{
	static const char *const bad[] = {
		"", "2026", "2026-48", "2026-W4", "2026-W480", "2026-w48",
		"2026W48", "2026-W4a", "2026-Wx8", " 2026-W48", "2026-W48 ",
		"0000-W01", "26-W48", "2026_W48", "+026-W48", "2026-11",
		"２０２６-W48",
	};
	struct period p;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(report_parse_week(bad[i], &p) == PERIOD_BAD_FORM,
		    "'%s' not refused as a bad form", bad[i]);
}
END_TEST

static void
is_month(const char *arg, int year, int mon, const char *days)
{
	struct period p;

	ck_assert_msg(report_parse_month(arg, &p) == PERIOD_OK, "%s refused",
	    arg);
	ck_assert_int_eq(p.kind, PERIOD_MONTH);
	ck_assert_int_eq(p.year, year);
	ck_assert_int_eq(p.num, mon);
	ck_assert_str_eq(span(&p), days);
}

START_TEST(months)
{
	is_month("2026-11", 2026, 11, "2026-11-01..2026-11-30");
	is_month("2026-12", 2026, 12, "2026-12-01..2026-12-31");
	is_month("2026-01", 2026, 1, "2026-01-01..2026-01-31");
	is_month("2028-02", 2028, 2, "2028-02-01..2028-02-29");
	is_month("2026-02", 2026, 2, "2026-02-01..2026-02-28");
	is_month("2000-02", 2000, 2, "2000-02-01..2000-02-29");
	is_month("2100-02", 2100, 2, "2100-02-01..2100-02-28");
}
END_TEST

START_TEST(month_forms_refused)
{
	static const char *const bad[] = {
		"", "2026", "2026-13", "2026-00", "0000-01", "2026-1",
		"2026-111", "2026/11", "2026-1a", "2026-W4", " 2026-11",
		"2026-11-01",
	};
	struct period p;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(report_parse_month(bad[i], &p) == PERIOD_BAD_FORM,
		    "'%s' not refused", bad[i]);
}
END_TEST

static void
week_of(const char *day, const char *week, const char *days)
{
	struct period p;
	struct date d;
	char s[16];

	ck_assert(date_parse_entry(day, &d));
	report_week_of(&p, &d);
	ck_assert_int_eq(p.kind, PERIOD_WEEK);
	snprintf(s, sizeof(s), "%04d-W%02d", p.year, p.num);
	ck_assert_msg(strcmp(s, week) == 0, "%s: %s, not %s", day, s, week);
	ck_assert_str_eq(span(&p), days);
}

START_TEST(week_of_a_date)
{
	week_of("2026-11-23", "2026-W48", "2026-11-23..2026-11-29");
	week_of("2026-11-29 23:59", "2026-W48", "2026-11-23..2026-11-29");
	week_of("2027-01-01", "2026-W53", "2026-12-28..2027-01-03");
	week_of("2027-01-03", "2026-W53", "2026-12-28..2027-01-03");
	week_of("2027-01-04", "2027-W01", "2027-01-04..2027-01-10");
	week_of("2024-12-30", "2025-W01", "2024-12-30..2025-01-05");
	week_of("2025-12-31", "2026-W01", "2025-12-29..2026-01-04");
	week_of("2021-01-03", "2020-W53", "2020-12-28..2021-01-03");
	week_of("2028-01-01", "2027-W52", "2027-12-27..2028-01-02");
}
END_TEST

START_TEST(month_of_a_date)
{
	struct period p;
	struct date d;

	ck_assert(date_parse_entry("2026-12-31 15:00", &d));
	report_month_of(&p, &d);
	ck_assert_int_eq(p.kind, PERIOD_MONTH);
	ck_assert_int_eq(p.year, 2026);
	ck_assert_int_eq(p.num, 12);
	ck_assert_str_eq(span(&p), "2026-12-01..2026-12-31");
	ck_assert(date_parse_entry("2028-02-10", &d));
	report_month_of(&p, &d);
	ck_assert_str_eq(span(&p), "2028-02-01..2028-02-29");
}
END_TEST

START_TEST(ranges)
{
	struct period p;
	struct date a, b;

	ck_assert(date_parse_entry("2026-11-24", &a));
	ck_assert(date_parse_entry("2026-11-30", &b));
	ck_assert(report_range(&p, &a, &b));
	ck_assert_int_eq(p.kind, PERIOD_RANGE);
	ck_assert_str_eq(span(&p), "2026-11-24..2026-11-30");
	ck_assert(report_range(&p, &a, &a));
	ck_assert_str_eq(span(&p), "2026-11-24..2026-11-24");
	ck_assert(!report_range(&p, &b, &a));
	/* A time of day does not count. */
	ck_assert(date_parse_entry("2026-11-24 18:00", &a));
	ck_assert(date_parse_entry("2026-11-24 09:00", &b));
	ck_assert(report_range(&p, &a, &b));
}
END_TEST

/* --- the model --- */

struct spec {
	const char	*date;
	const char	*client;	/* NULL: none */
	const char	*title;		/* and ID: the order in a minute */
};

/* The entries of specs, sorted as store_load_all sorts them. */
static void
make_list(struct entry_list *l, const struct spec *s, size_t n)
{
	memset(l, 0, sizeof(*l));
	for (size_t i = 0; i < n; i++) {
		struct entry *e = xmalloc(sizeof(*e));

		entry_init(e);
		ck_assert(date_parse_entry(s[i].date, &e->date));
		e->id = xstrdup(s[i].title);
		e->title = xstrdup(s[i].title);
		e->client = s[i].client ? xstrdup(s[i].client) : NULL;
		entry_list_add(l, e);
	}
	if (l->n > 0)
		qsort(l->v, l->n, sizeof(*l->v), entry_cmp);
}

/*
 * "MM-DD: client[title title] -[title] | MM-DD: ...", then
 * " = N: client n, - n" for the summary; "-" is no client.
 */
static const char *
dump(const struct report *r)
{
	static char s[1024];
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < r->ndays; i++) {
		const struct report_day *d = &r->days[i];
		struct date day = date_from_days(d->day);

		buf_addf(&b, "%s%02d-%02d:", i > 0 ? " | " : "", day.mon,
		    day.day);
		for (size_t k = 0; k < d->ngroups; k++) {
			const struct report_group *g = &d->groups[k];

			buf_addf(&b, " %s[", g->client ? g->client : "-");
			for (size_t j = 0; j < g->n; j++)
				buf_addf(&b, "%s%s", j > 0 ? " " : "",
				    g->v[j]->title);
			buf_addc(&b, ']');
		}
	}
	buf_addf(&b, " = %zu:", r->nentries);
	for (size_t k = 0; k < r->nclients; k++)
		buf_addf(&b, "%s %s %zu", k > 0 ? "," : "",
		    r->clients[k].client ? r->clients[k].client : "-",
		    r->clients[k].n);
	snprintf(s, sizeof(s), "%s", buf_str(&b));
	buf_free(&b);
	return s;
}

/* The model of specs over the ISO week given. */
static const char *
model(const char *week, const struct spec *s, size_t n)
{
	struct entry_list l;
	struct period p;
	struct report r;
	const char *out;

	ck_assert(report_parse_week(week, &p) == PERIOD_OK);
	make_list(&l, s, n);
	report_build(&r, &p, &l);
	out = dump(&r);
	report_free(&r);
	entry_list_free(&l);
	return out;
}

#define NSPECS(a)	(sizeof(a) / sizeof((a)[0]))

/* The week of tests/e2e/t_report.sh, with one entry on either side. */
START_TEST(model_week)
{
	static const struct spec s[] = {
		{ "2026-11-22", "T", "before" },
		{ "2026-11-23 10:00", "T", "visit" },
		{ "2026-11-23", NULL, "meeting" },
		{ "2026-11-23 14:00", "B", "new" },
		{ "2026-11-24 09:00", "T", "call" },
		{ "2026-11-30", "T", "after" },
	};

	/* The entry without a time comes first in its day, but last here. */
	ck_assert_str_eq(model("2026-W48", s, NSPECS(s)),
	    "11-23: T[visit] B[new] -[meeting] | 11-24: T[call]"
	    " = 4: T 2, B 1, - 1");
}
END_TEST

START_TEST(model_groups)
{
	static const struct spec s[] = {
		{ "2026-11-25 08:00", NULL, "n1" },
		{ "2026-11-25 09:00", "C", "c1" },
		{ "2026-11-25 10:00", "A", "a1" },
		{ "2026-11-25 11:00", NULL, "n2" },
		{ "2026-11-25 12:00", "C", "c2" },
		{ "2026-11-25 13:00", "A", "a2" },
		{ "2026-11-25 14:00", "C", "c3" },
		{ "2026-11-23 09:00", "A", "mon" },
		{ "2026-11-29 23:59", "Z", "sun" },
	};

	/* Days in order; each group keeps the list's order (time). */
	ck_assert_str_eq(model("2026-W48", s, NSPECS(s)),
	    "11-23: A[mon] | 11-25: C[c1 c2 c3] A[a1 a2] -[n1 n2]"
	    " | 11-29: Z[sun] = 9: A 3, C 3, Z 1, - 2");
}
END_TEST

/*
 * The summary: most entries first, ties in order of first appearance
 * over the whole period, entries without a client last however many.
 */
START_TEST(model_summary_order)
{
	static const struct spec s[] = {
		{ "2026-11-23 09:00", NULL, "n1" },
		{ "2026-11-23 10:00", "A", "a1" },
		{ "2026-11-24 09:00", "B", "b1" },
		{ "2026-11-24 10:00", NULL, "n2" },
		{ "2026-11-25 09:00", "C", "c1" },
		{ "2026-11-25 10:00", "B", "b2" },
		{ "2026-11-26 09:00", NULL, "n3" },
		{ "2026-11-27 09:00", "D", "d1" },
		{ "2026-11-27 10:00", "C", "c2" },
	};

	ck_assert_str_eq(model("2026-W48", s, NSPECS(s)),
	    "11-23: A[a1] -[n1] | 11-24: B[b1] -[n2] | 11-25: C[c1] B[b2]"
	    " | 11-26: -[n3] | 11-27: D[d1] C[c2]"
	    " = 9: B 2, C 2, A 1, D 1, - 3");
}
END_TEST

/* One client is one name, byte for byte: a trailing space is another. */
START_TEST(model_same_name)
{
	static const struct spec s[] = {
		{ "2026-11-23 09:00", "T社", "x" },
		{ "2026-11-23 10:00", "T社 ", "y" },
		{ "2026-11-23 11:00", "T社", "z" },
	};

	ck_assert_str_eq(model("2026-W48", s, NSPECS(s)),
	    "11-23: T社[x z] T社 [y] = 3: T社 2, T社  1");
}
END_TEST

START_TEST(model_empty)
{
	static const struct spec s[] = {
		{ "2026-11-22 23:59", "T", "before" },
		{ "2026-11-30 00:00", "T", "after" },
	};

	ck_assert_str_eq(model("2026-W48", s, NSPECS(s)), " = 0:");
	ck_assert_str_eq(model("2026-W48", s, 0), " = 0:");
}
END_TEST

/* Across the year's end: 2026-W53 runs to 3 January 2027. */
START_TEST(model_year_end)
{
	static const struct spec s[] = {
		{ "2026-12-27", NULL, "w52" },
		{ "2026-12-28", NULL, "mon" },
		{ "2026-12-31", "T", "eve" },
		{ "2027-01-03", NULL, "sun" },
		{ "2027-01-04", NULL, "w01" },
	};

	ck_assert_str_eq(model("2026-W53", s, NSPECS(s)),
	    "12-28: -[mon] | 12-31: T[eve] | 01-03: -[sun] = 3: T 1, - 2");
}
END_TEST

/* A month and a range keep their days, both ends included. */
START_TEST(model_month_and_range)
{
	static const struct spec s[] = {
		{ "2028-01-31 23:59", NULL, "jan" },
		{ "2028-02-01 00:00", NULL, "first" },
		{ "2028-02-29 23:59", NULL, "leap" },
		{ "2028-03-01", NULL, "mar" },
	};
	struct entry_list l;
	struct period p;
	struct report r;
	struct date a, b;

	make_list(&l, s, NSPECS(s));
	ck_assert(report_parse_month("2028-02", &p) == PERIOD_OK);
	report_build(&r, &p, &l);
	ck_assert_str_eq(dump(&r), "02-01: -[first] | 02-29: -[leap] = 2: - 2");
	ck_assert_int_eq(r.period.kind, PERIOD_MONTH);
	report_free(&r);
	ck_assert(date_parse_entry("2028-02-29", &a));
	ck_assert(date_parse_entry("2028-03-01", &b));
	ck_assert(report_range(&p, &a, &b));
	report_build(&r, &p, &l);
	ck_assert_str_eq(dump(&r), "02-29: -[leap] | 03-01: -[mar] = 2: - 2");
	report_free(&r);
	entry_list_free(&l);
}
END_TEST

/* A team's week: "author n: MM-DD: ... ; author n: ...", "-" for none. */
static const char *
dump_authors(const struct report *r)
{
	static char s[1024];
	struct buf b = BUF_INIT;

	for (size_t k = 0; k < r->nauthors; k++) {
		const struct report_author *a = &r->authors[k];

		buf_addf(&b, "%s%s %zu:", k > 0 ? " ; " : "",
		    a->author ? a->author : "-", a->nentries);
		for (size_t i = 0; i < a->ndays; i++) {
			struct date day = date_from_days(a->days[i].day);

			buf_addf(&b, " %02d-%02d", day.mon, day.day);
			for (size_t g = 0; g < a->days[i].ngroups; g++)
				for (size_t j = 0; j < a->days[i].groups[g].n;
				    j++)
					buf_addf(&b, " %s",
					    a->days[i].groups[g].v[j]->title);
		}
	}
	snprintf(s, sizeof(s), "%s", buf_str(&b));
	buf_free(&b);
	return s;
}

static const struct spec team[] = {
	{ "2026-11-23 10:00", "T社", "t1" },
	{ "2026-11-23 11:00", "B商事", "b1" },
	{ "2026-11-24 09:00", "T社", "t2" },
	{ "2026-11-24 10:00", NULL, "memo" },
	{ "2026-11-25 09:00", "T社", "t3" },
};

/* The authors of team's entries, by title; memo has none. */
static void
team_authors(struct entry_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->v[i]->title;

		if (strcmp(t, "memo") != 0)
			l->v[i]->author = xstrdup(t[0] == 't' &&
			    t[1] != '2' ? "鈴木" : "佐藤");
	}
}

/*
 * More than one author: by name, no author last, each with the days of
 * their own entries; the summary of clients is still the whole team's.
 */
START_TEST(model_authors)
{
	struct entry_list l;
	struct period p;
	struct report r;

	ck_assert(report_parse_week("2026-W48", &p) == PERIOD_OK);
	make_list(&l, team, NSPECS(team));
	team_authors(&l);
	report_build(&r, &p, &l);
	ck_assert_int_eq(r.nauthors, 3);
	ck_assert_str_eq(dump_authors(&r), "佐藤 2: 11-23 b1 11-24 t2 ; "
	    "鈴木 2: 11-23 t1 11-25 t3 ; - 1: 11-24 memo");
	ck_assert_ptr_nonnull(strstr(dump(&r), " = 5: T社 3, B商事 1, - 1"));
	report_free(&r);
	entry_list_free(&l);
	/* One author is no grouping: the report as before. */
	make_list(&l, team + 1, 2);
	team_authors(&l);
	report_build(&r, &p, &l);
	ck_assert_int_eq(r.nauthors, 0);
	ck_assert_str_eq(dump(&r), "11-23: B商事[b1] | 11-24: T社[t2] = 2: "
	    "B商事 1, T社 1");
	report_free(&r);
	entry_list_free(&l);
}
END_TEST

/* --- the formats --- */

/*
 * The report of the week 2026-W48 of specs drawn in format name; with
 * authors, team's authors.
 */
static char *
draw_as(const char *name, bool ja, int width, const struct spec *s, size_t n,
    bool authors)
{
	struct report_doc doc;
	struct entry_list l;
	struct period p;
	struct report r;

	ck_assert(report_parse_week("2026-W48", &p) == PERIOD_OK);
	make_list(&l, s, n);
	if (authors)
		team_authors(&l);
	report_build(&r, &p, &l);
	memset(&doc, 0, sizeof(doc));
	doc.f = report_format_find(name);
	ck_assert_ptr_nonnull(doc.f);
	doc.lang = ja ? LANG_JA : LANG_EN;
	doc.width = width;
	report_draw(&doc, &r);
	report_free(&r);
	entry_list_free(&l);
	return buf_detach(&doc.out);
}

static char *
draw(const char *name, bool ja, int width, const struct spec *s, size_t n)
{
	return draw_as(name, ja, width, s, n, false);
}

static const struct spec drawn[] = {
	{ "2026-11-23 10:00", "*T*", "visit [x]" },
	{ "2026-11-23 11:00", NULL, "memo" },
	{ "2026-11-25", "*T*", "call" },
};

START_TEST(draw_text)
{
	char *s = draw("text", false, 0, drawn, NSPECS(drawn));

	ck_assert_str_eq(s,
	    "Week 2026-W48 (2026-11-23 to 2026-11-29)\n"
	    "3 entries: *T* 2, (no client) 1\n"
	    "\n"
	    "2026-11-23 (Mon)\n"
	    "  *T*\n"
	    "    - 10:00 visit [x]\n"
	    "  (no client)\n"
	    "    - 11:00 memo\n"
	    "\n"
	    "2026-11-25 (Wed)\n"
	    "  *T*\n"
	    "    - call\n");
	free(s);
}
END_TEST

/*
 * Entry text escaped where Markdown would read markup (the brackets
 * would not be), and a blank line between a list and a heading.
 */
START_TEST(draw_markdown)
{
	char *s = draw("markdown", true, 0, drawn, NSPECS(drawn));

	ck_assert_str_eq(s,
	    "# 週報 2026-W48（2026-11-23〜2026-11-29）\n"
	    "\n"
	    "3件: \\*T\\* 2件、（訪問先なし） 1件\n"
	    "\n"
	    "## 2026-11-23（月）\n"
	    "\n"
	    "### \\*T\\*\n"
	    "\n"
	    "- 10:00 visit [x]\n"
	    "\n"
	    "### （訪問先なし）\n"
	    "\n"
	    "- 11:00 memo\n"
	    "\n"
	    "## 2026-11-25（水）\n"
	    "\n"
	    "### \\*T\\*\n"
	    "\n"
	    "- call\n");
	free(s);
}
END_TEST

/* A team's report: each author's days one level in. */
START_TEST(draw_authors)
{
	char *s = draw_as("text", true, 0, team, 3, true);

	ck_assert_str_eq(s,
	    "週報 2026-W48（2026-11-23〜2026-11-29）\n"
	    "3件: T社 2件、B商事 1件\n"
	    "\n"
	    "佐藤 2件\n"
	    "\n"
	    "  2026-11-23（月）\n"
	    "    B商事\n"
	    "      - 11:00 b1\n"
	    "\n"
	    "  2026-11-24（火）\n"
	    "    T社\n"
	    "      - 09:00 t2\n"
	    "\n"
	    "鈴木 1件\n"
	    "\n"
	    "  2026-11-23（月）\n"
	    "    T社\n"
	    "      - 10:00 t1\n");
	free(s);
	s = draw_as("markdown", false, 0, team, 4, true);
	ck_assert_ptr_nonnull(strstr(s, "\n## (no author) 1\n\n"
	    "### 2026-11-24 (Tue)\n\n#### (no client)\n\n- 10:00 memo\n"));
	ck_assert_ptr_nonnull(strstr(s, "\n## 佐藤 2\n\n### 2026-11-23 (Mon)"
	    "\n\n#### B商事\n\n- 11:00 b1\n\n### 2026-11-24"));
	free(s);
}
END_TEST

START_TEST(draw_empty)
{
	char *s = draw("text", true, 0, drawn, 0);

	ck_assert_str_eq(s,
	    "週報 2026-W48（2026-11-23〜2026-11-29）\n"
	    "記録なし\n");
	free(s);
	ck_assert_ptr_null(report_format_find("html"));
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *periods = tcase_create("periods"), *m = tcase_create("model"),
	    *f = tcase_create("formats");

	tcase_add_test(periods, weeks);
	tcase_add_test(periods, weeks_that_do_not_exist);
	tcase_add_test(periods, week_forms_refused);
	tcase_add_test(periods, months);
	tcase_add_test(periods, month_forms_refused);
	tcase_add_test(periods, week_of_a_date);
	tcase_add_test(periods, month_of_a_date);
	tcase_add_test(periods, ranges);
	suite_add_tcase(s, periods);

	tcase_add_test(m, model_week);
	tcase_add_test(m, model_groups);
	tcase_add_test(m, model_summary_order);
	tcase_add_test(m, model_same_name);
	tcase_add_test(m, model_empty);
	tcase_add_test(m, model_year_end);
	tcase_add_test(m, model_month_and_range);
	tcase_add_test(m, model_authors);
	suite_add_tcase(s, m);

	tcase_add_test(f, draw_text);
	tcase_add_test(f, draw_markdown);
	tcase_add_test(f, draw_authors);
	tcase_add_test(f, draw_empty);
	suite_add_tcase(s, f);
	return s;
}

CHECK_MAIN(report_suite)
