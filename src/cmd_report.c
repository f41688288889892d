/*
 * dailylog report: the entries of a week, a month or a range of days,
 * day by day and client by client, with each entry's title, result and
 * next actions: the raw material of a weekly report (週報).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "output.h"
#include "render.h"
#include "render_markdown.h"
#include "store.h"
#include "term.h"
#include "text.h"
#include "walk.h"

enum period_kind { P_WEEK, P_MONTH, P_RANGE };

struct period {
	enum period_kind kind;
	struct date	 from, to;	/* both days included */
	int		 year, num;	/* ISO week or month */
};

/* --- days --- */

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
static long
day_number(int y, int m, int d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static struct date
day_date(long z)
{
	struct date d;
	long era, doe, yoe, doy, mp;

	memset(&d, 0, sizeof(d));
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.mon <= 2));
	return d;
}

static long
date_day(const struct date *d)
{
	return day_number(d->year, d->mon, d->day);
}

/* 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
static int
weekday(long z)
{
	return (int)(((z + 3) % 7 + 7) % 7);
}

/* The Monday of ISO week 1: the week that holds 4 January. */
static long
iso_week1(int year)
{
	long jan4 = day_number(year, 1, 4);

	return jan4 - weekday(jan4);
}

/* ISO week num of year: Monday to Sunday. */
static void
set_week(struct period *p, int year, int num)
{
	long monday = iso_week1(year) + 7L * (num - 1);

	p->kind = P_WEEK;
	p->year = year;
	p->num = num;
	p->from = day_date(monday);
	p->to = day_date(monday + 6);
}

/* The ISO week a day is in; its year is the year of its Thursday. */
static void
set_week_of(struct period *p, const struct date *d)
{
	long monday = date_day(d) - weekday(date_day(d));
	int year = day_date(monday + 3).year;

	set_week(p, year, (int)((monday - iso_week1(year)) / 7 + 1));
}

static void
set_month(struct period *p, int year, int mon)
{
	p->kind = P_MONTH;
	p->year = year;
	p->num = mon;
	p->from = day_date(day_number(year, mon, 1));
	p->to = day_date(mon == 12 ? day_number(year + 1, 1, 1) - 1 :
	    day_number(year, mon + 1, 1) - 1);
}

/* --- the command line --- */

/* n decimal digits at s. */
static bool
digits(const char *s, int n, int *out)
{
	*out = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*out = *out * 10 + (s[i] - '0');
	}
	return true;
}

/* "YYYY-Www", a week that exists: 2026 has 53, 2027 only 52. */
static int
parse_week(const char *s, struct period *p)
{
	int year, num;

	if (strlen(s) != 8 || !digits(s, 4, &year) || s[4] != '-' ||
	    s[5] != 'W' || !digits(s + 6, 2, &num) || year < 1)
		return usage_error("report", "--week takes YYYY-Www, such as "
		    "2026-W48, not '%s'", s);
	if (num < 1 || num > (iso_week1(year + 1) - iso_week1(year)) / 7)
		return usage_error("report", "%d has no week %d", year, num);
	set_week(p, year, num);
	return 0;
}

static int
parse_month(const char *s, struct period *p)
{
	int year, mon;

	if (strlen(s) != 7 || !digits(s, 4, &year) || s[4] != '-' ||
	    !digits(s + 5, 2, &mon) || year < 1 || mon < 1 || mon > 12)
		return usage_error("report", "--month takes YYYY-MM, such as "
		    "2026-11, not '%s'", s);
	set_month(p, year, mon);
	return 0;
}

static int
parse_day(const char *opt, const char *s, struct date *d)
{
	if (date_parse_user(s, time(NULL), d) && !d->has_time)
		return 0;
	return usage_error("report", "%s takes YYYY-MM-DD, today or "
	    "yesterday, not '%s'", opt, s);
}

/* --- drawing --- */

struct report {
	struct buf	 out;
	bool		 md;		/* Markdown, else text for a terminal */
	bool		 ja;
	int		 width;		/* text: wrap width, 0 for none */
	bool		 in_list;	/* Markdown: a list is open */
};

/* Entry text, escaped for Markdown or made safe for a terminal. */
static void
add_text(const struct report *r, struct buf *b, const char *s)
{
	if (r->md)
		md_escape(b, s, MD_ONE_LINE);
	else
		text_sanitize(b, s, strlen(s), false);
}

/* A heading: level 1 the report, 2 a day, 3 a client. */
static void
heading(struct report *r, int level, const char *s)
{
	if (r->md) {
		if (r->in_list)
			buf_addc(&r->out, '\n');
		r->in_list = false;
		buf_addf(&r->out, "%.*s %s\n\n", level, "###", s);
		return;
	}
	if (level == 2)
		buf_addc(&r->out, '\n');
	buf_addf(&r->out, "%*s", level == 3 ? 2 : 0, "");
	text_wrap(&r->out, s, strlen(s), r->width, level == 3 ? 2 : 0,
	    level == 3 ? 4 : 2, NULL);
	buf_addc(&r->out, '\n');
}

/* A list item: depth 0 an entry, 1 one of its fields. */
static void
item(struct report *r, int depth, const char *s)
{
	int indent = 4 + 2 * depth;

	if (r->md) {
		buf_addf(&r->out, "%*s- %s\n", 2 * depth, "", s);
		r->in_list = true;
		return;
	}
	buf_addf(&r->out, "%*s%s", indent, "", depth == 0 ? "- " : "");
	text_wrap(&r->out, s, strlen(s), r->width, indent + 2 * (depth == 0),
	    indent + 2, NULL);
	buf_addc(&r->out, '\n');
}

static void
title_line(struct report *r, const struct period *p)
{
	struct buf b = BUF_INIT;
	char from[17], to[17];

	date_format(&p->from, from);
	date_format(&p->to, to);
	if (p->kind == P_WEEK)
		buf_addf(&b, r->ja ? "週報 %04d-W%02d（%s〜%s）" :
		    "Week %04d-W%02d (%s to %s)", p->year, p->num, from, to);
	else if (p->kind == P_MONTH)
		buf_addf(&b, r->ja ? "月報 %04d-%02d（%s〜%s）" :
		    "Month %04d-%02d (%s to %s)", p->year, p->num, from, to);
	else
		buf_addf(&b, r->ja ? "報告 %s〜%s" : "Report %s to %s",
		    from, to);
	heading(r, 1, b.s);
	buf_free(&b);
}

/* The client of e as a group name (entry text, already made safe). */
static void
client_name(const struct report *r, const struct entry *e, struct buf *b)
{
	if (e->client != NULL)
		add_text(r, b, e->client);
	else
		buf_adds(b, r->ja ? "（訪問先なし）" : "(no client)");
}

static bool
same_client(const struct entry *a, const struct entry *b)
{
	if (a->client == NULL || b->client == NULL)
		return a->client == b->client;
	return strcmp(a->client, b->client) == 0;
}

struct group {
	const struct entry	*first;	/* its first entry, for the name */
	size_t			 count;
};

/* More entries first; entries without a client last. */
static bool
group_before(const struct group *a, const struct group *b)
{
	if ((a->first->client == NULL) != (b->first->client == NULL))
		return b->first->client == NULL;
	return a->count > b->count;
}

/*
 * "4件: T社 2件、B商事 1件": the clients by number of entries, ties in
 * order of first appearance, entries without a client last.
 */
static void
summary(struct report *r, struct entry **v, size_t n)
{
	struct group *g = xcalloc(n + 1, sizeof(*g)), t;
	struct buf b = BUF_INIT;
	size_t ng = 0;

	for (size_t i = 0; i < n; i++) {
		size_t k = 0;

		while (k < ng && !same_client(g[k].first, v[i]))
			k++;
		if (k == ng)
			g[ng++].first = v[i];
		g[k].count++;
	}
	for (size_t i = 1; i < ng; i++)		/* stable: insertion */
		for (size_t k = i; k > 0 && group_before(&g[k], &g[k - 1]); k--) {
			t = g[k];
			g[k] = g[k - 1];
			g[k - 1] = t;
		}
	if (n == 0)
		buf_adds(&b, r->ja ? "記録なし" : "No entries.");
	else if (r->ja)
		buf_addf(&b, "%zu件: ", n);
	else
		buf_addf(&b, "%zu %s: ", n, n == 1 ? "entry" : "entries");
	for (size_t k = 0; k < ng; k++) {
		if (k > 0)
			buf_adds(&b, r->ja ? "、" : ", ");
		client_name(r, g[k].first, &b);
		buf_addf(&b, r->ja ? " %zu件" : " %zu", g[k].count);
	}
	if (r->md)
		buf_addf(&r->out, "%s\n\n", b.s);
	else {
		text_wrap(&r->out, b.s, b.len, r->width, 0, 2, NULL);
		buf_addc(&r->out, '\n');
	}
	free(g);
	buf_free(&b);
}

/* One entry: time, title and series part, then result and next actions. */
static void
entry_item(struct report *r, const struct entry *e)
{
	const char *next_label = r->ja ? "次回アクション: " : "Next: ";
	struct buf b = BUF_INIT;

	if (e->date.has_time)
		buf_addf(&b, "%02d:%02d ", e->date.hour, e->date.min);
	add_text(r, &b, e->title);
	if (e->series != NULL) {
		buf_adds(&b, r->md ? " \\[" : " [");
		add_text(r, &b, e->series);
		if (e->part > 0)
			buf_addf(&b, ":%ld", e->part);
		buf_adds(&b, r->md ? "\\]" : "]");
	}
	item(r, 0, b.s);
	if (e->result != NULL) {
		buf_reset(&b);
		buf_adds(&b, r->ja ? "結果: " : "Result: ");
		add_text(r, &b, e->result);
		item(r, 1, b.s);
	}
	for (size_t i = 0; i < e->next.n; i++) {
		buf_reset(&b);
		buf_adds(&b, next_label);
		add_text(r, &b, e->next.v[i]);
		item(r, 1, b.s);
	}
	buf_free(&b);
}

/* The entries of one day (v[0..n-1]), client by client, first seen first. */
static void
day(struct report *r, struct entry **v, size_t n)
{
	static const char *const wd_ja[] = { "月", "火", "水", "木", "金",
	    "土", "日" };
	static const char *const wd_en[] = { "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat", "Sun" };
	struct buf b = BUF_INIT;
	char date[17];
	bool *done = xcalloc(n, sizeof(*done));
	int wd = weekday(date_day(&v[0]->date));

	date_format(&v[0]->date, date);
	date[10] = '\0';
	buf_addf(&b, r->ja ? "%s（%s）" : "%s (%s)", date,
	    r->ja ? wd_ja[wd] : wd_en[wd]);
	heading(r, 2, b.s);
	/* Clients first seen first; entries without a client last. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			if (done[i] || (pass == 0) != (v[i]->client != NULL))
				continue;
			buf_reset(&b);
			client_name(r, v[i], &b);
			heading(r, 3, b.s);
			for (size_t j = i; j < n; j++)
				if (!done[j] && same_client(v[i], v[j])) {
					entry_item(r, v[j]);
					done[j] = true;
				}
		}
	free(done);
	buf_free(&b);
}

static void
draw(struct report *r, const struct period *p, const struct entry_list *l)
{
	struct entry **v = l->v;
	size_t n = l->n;

	title_line(r, p);
	summary(r, v, n);
	while (n > 0) {
		size_t k = 1;

		while (k < n && date_cmp_day(&v[k]->date, &v[0]->date) == 0)
			k++;
		day(r, v, k);
		v += k;
		n -= k;
	}
}

/* Keep the entries of the period (l is sorted by date). */
static void
keep_period(struct entry_list *l, const struct period *p)
{
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		struct entry *e = l->v[i];

		if (date_cmp_day(&e->date, &p->from) >= 0 &&
		    date_cmp_day(&e->date, &p->to) <= 0)
			l->v[n++] = e;
		else {
			entry_free(e);
			free(e);
		}
	}
	l->n = n;
}

/* --- the command --- */

struct report_opts {
	struct period	 period;
	int		 kind;		/* 'w', 'm', 's' or 0 */
	const char	*since, *until;
	bool		 md;
	int		 width;		/* -1: the terminal's */
};

static int
period_option(struct report_opts *o, int ch)
{
	int kind = ch == 's' || ch == 'u' ? 's' : ch;

	if (o->kind != 0 && o->kind != kind)
		return usage_error("report", "give one of --week, --month "
		    "and --since/--until");
	o->kind = kind;
	return 0;
}

/*
 * The period from the options.  --week and --month take their value
 * with "=" or as the next argument; without one, the current week or
 * month (local time).
 */
static int
make_period(struct report_opts *o, const char *arg)
{
	struct period *p = &o->period;
	struct date today;
	int rc;

	date_parse_user("today", time(NULL), &today);
	if (o->kind == 'w')
		return arg ? parse_week(arg, p) : (set_week_of(p, &today), 0);
	if (o->kind == 'm')
		return arg ? parse_month(arg, p) :
		    (set_month(p, today.year, today.mon), 0);
	if (arg != NULL)
		return usage_error("report", "unexpected argument '%s'", arg);
	if (o->kind == 0) {
		set_week_of(p, &today);
		return 0;
	}
	if (o->since == NULL)
		return usage_error("report", "--until needs --since");
	p->kind = P_RANGE;
	if ((rc = parse_day("--since", o->since, &p->from)) != 0)
		return rc;
	p->to = today;
	if (o->until != NULL &&
	    (rc = parse_day("--until", o->until, &p->to)) != 0)
		return rc;
	if (date_cmp_day(&p->from, &p->to) > 0)
		return usage_error("report", "--since %s is after --until %s",
		    o->since, o->until ? o->until : "today");
	return 0;
}

static int
parse_options(int argc, char **argv, struct report_opts *o)
{
	static const struct option opts[] = {
		{ "week", optional_argument, NULL, 'w' },
		{ "month", optional_argument, NULL, 'm' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ "width", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 },
	};
	const char *arg = NULL;
	int ch, rc;

	o->width = -1;
	while ((ch = getopt_long(argc, argv, ":f:", opts, NULL)) != -1) {
		switch (ch) {
		case 'w':
		case 'm':
		case 's':
		case 'u':
			if ((rc = period_option(o, ch)) != 0)
				return rc;
			if (ch == 's')
				o->since = optarg;
			else if (ch == 'u')
				o->until = optarg;
			else
				arg = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "text") != 0 &&
			    strcmp(optarg, "markdown") != 0)
				return usage_error("report", "--format takes "
				    "text or markdown, not '%s'", optarg);
			o->md = strcmp(optarg, "markdown") == 0;
			break;
		case 'W':
			if ((rc = render_parse_width("report", optarg,
			    &o->width)) != 0)
				return rc;
			break;
		default:
			return option_error("report", argv, opts);
		}
	}
	if (optind < argc && arg == NULL)
		arg = argv[optind++];
	if (optind < argc)
		return usage_error("report", "unexpected argument '%s'",
		    argv[optind]);
	return make_period(o, arg);
}

int
cmd_report(int argc, char **argv, const struct globals *g)
{
	struct report_opts o;
	struct report r;
	struct entry_list l;
	struct store st;
	int rc, bad;

	memset(&o, 0, sizeof(o));
	if ((rc = parse_options(argc, argv, &o)) != 0)
		return rc;
	if ((rc = store_open(g, &st)) != 0)
		return rc;
	memset(&r, 0, sizeof(r));
	r.md = o.md;
	r.ja = st.lang != LANG_EN;
	r.width = o.md ? 0 : o.width >= 0 ? o.width :
	    term_width(STDOUT_FILENO);
	rc = walk_load_all(st.root, &l, &bad);
	keep_period(&l, &o.period);
	draw(&r, &o.period, &l);
	out_buf(&r.out);
	buf_free(&r.out);
	entry_list_free(&l);
	store_close(&st);
	if (rc == 0)
		rc = out_finish();
	return rc ? rc : bad;
}
