/*
 * dailylog report: the entries of a week, a month or a range of days,
 * day by day and client by client, with each entry's title, result and
 * next actions: the raw material of a weekly report (週報).  The model
 * is report.c's, the drawing report_draw.c's and the formats'.
 */
#include <getopt.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "date.h"
#include "entry.h"
#include "output.h"
#include "render.h"
#include "report.h"
#include "report_draw.h"
#include "lang.h"
#include "store.h"
#include "walk.h"

struct report_opts {
	struct period	 period;
	int		 kind;		/* 'w', 'm', 's' or 0 */
	const char	*since, *until;
	const struct report_format *format;
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

static int
parse_week(const char *s, struct period *p)
{
	switch (report_parse_week(s, p)) {
	case PERIOD_OK:
		return 0;
	case PERIOD_NO_WEEK:
		return usage_error("report", "%d has no week %d", p->year,
		    p->num);
	case PERIOD_PAST_END:
		return usage_error("report", "%s ends after 9999-12-31, the "
		    "last day of the calendar", s);
	default:
		return usage_error("report", "--week takes YYYY-Www, such as "
		    "2026-W48, not '%s'", s);
	}
}

static int
parse_month(const char *s, struct period *p)
{
	if (report_parse_month(s, p) == PERIOD_OK)
		return 0;
	return usage_error("report", "--month takes YYYY-MM, such as "
	    "2026-11, not '%s'", s);
}

static int
parse_day(const char *opt, const char *s, struct date *d)
{
	if (date_parse_user(s, time(NULL), d) && !d->has_time)
		return 0;
	return usage_error("report", "%s takes a day: " DATE_DAY_FORMS
	    ", not '%s'", opt, s);
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
	struct date today, from, to;
	int rc;

	date_parse_user("today", time(NULL), &today);
	if (o->kind == 'w')
		return arg ? parse_week(arg, p) :
		    (report_week_of(p, &today), 0);
	if (o->kind == 'm')
		return arg ? parse_month(arg, p) :
		    (report_month_of(p, &today), 0);
	if (arg != NULL)
		return usage_error("report", "unexpected argument '%s'", arg);
	if (o->kind == 0) {
		report_week_of(p, &today);
		return 0;
	}
	if (o->since == NULL)
		return usage_error("report", "--until needs --since");
	if ((rc = parse_day("--since", o->since, &from)) != 0)
		return rc;
	to = today;
	if (o->until != NULL &&
	    (rc = parse_day("--until", o->until, &to)) != 0)
		return rc;
	if (!report_range(p, &from, &to))
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

	o->format = &report_text;
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
			if ((o->format = report_format_find(optarg)) == NULL)
				return usage_error("report", "--format takes "
				    "text or markdown, not '%s'", optarg);
			break;
		case 'W':
			if ((rc = cli_width("report", optarg,
			    &o->width)) != 0)
				return rc;
			break;
		default:
			return option_error("report", ch, argv, opts);
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
cmd_report(struct ctx *ctx, int argc, char **argv)
{
	struct report_opts o;
	struct report_doc doc;
	struct report r;
	struct entry_list l;
	struct store *st = &ctx->st;
	int rc;

	memset(&o, 0, sizeof(o));
	if (parse_options(argc, argv, &o) != 0 || ctx_open(ctx) != 0)
		return -1;
	rc = walk_load_all(st->root, &l);
	report_build(&r, &o.period, &l);
	memset(&doc, 0, sizeof(doc));
	doc.f = o.format;
	doc.lang = st->lang;
	/* Markdown is never wrapped: only text reads the width. */
	doc.width = o.width >= 0 ? o.width : ctx_width(ctx, STDOUT_FILENO);
	report_draw(&doc, &r);
	out_buf(&doc.out);
	buf_free(&doc.out);
	report_free(&r);
	entry_list_free(&l);
	return out_finish() != 0 ? -1 : rc;
}
