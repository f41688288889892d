#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool
date_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool
parse_time(const char *s, struct date *d)
{
	if (strlen(s) != 5 || s[2] != ':' || !date_digits(s, 2, &d->hour) ||
	    !date_digits(s + 3, 2, &d->min) || d->hour > 23 || d->min > 59)
		return false;
	d->has_time = true;
	return true;
}

/* s is YYYY-MM-DD followed by end, or by sep and HH:MM. */
static bool
parse_day(const char *s, struct date *d, const char *seps)
{
	if (!date_digits(s, 4, &d->year) || s[4] != '-' ||
	    !date_digits(s + 5, 2, &d->mon) || s[7] != '-' ||
	    !date_digits(s + 8, 2, &d->day))
		return false;
	if (d->year < 1 || d->mon < 1 || d->mon > 12 || d->day < 1 ||
	    d->day > days_in(d->year, d->mon))
		return false;
	d->has_time = false;
	d->hour = d->min = 0;
	if (s[10] == '\0')
		return true;
	return strchr(seps, s[10]) != NULL && parse_time(s + 11, d);
}

bool
date_parse_entry(const char *s, struct date *d)
{
	return parse_day(s, d, " ");
}

/* A known day's date, without a time. */
static void
set_day(struct date *d, long days)
{
	*d = date_from_days(days);
}

/* The weekday names: 0 for Monday, as date_weekday; -1 for none. */
static int
weekday_named(const char *s, size_t n)
{
	static const char *const en[7] = {
		"mon", "tue", "wed", "thu", "fri", "sat", "sun"
	};
	static const char *const ja[7] = {
		"月", "火", "水", "木", "金", "土", "日"
	};

	for (int i = 0; i < 7; i++) {
		size_t k = strlen(ja[i]);

		if (n == 3 && strncmp(s, en[i], 3) == 0)
			return i;
		/* 月, 月曜 and 月曜日 */
		if (n >= k && strncmp(s, ja[i], k) == 0 && (n == k ||
		    (n == k + 3 && strncmp(s + k, "曜", 3) == 0) ||
		    (n == k + 6 && strncmp(s + k, "曜日", 6) == 0)))
			return i;
	}
	return -1;
}

/*
 * Month and day with the year left out: this year's, or the latest
 * earlier year's when this year's is in the future or does not exist
 * (29 February).
 */
static bool
recent_month_day(int mon, int day, long today, struct date *d)
{
	struct date t = date_from_days(today);

	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return false;
	for (int y = t.year; y > t.year - 8 && y > 0; y--)
		if (day <= days_in(y, mon) && date_days(y, mon, day) <= today) {
			set_day(d, date_days(y, mon, day));
			return true;
		}
	return false;
}

/* One or two digits at s, n bytes in all; their value in *v. */
static bool
small_number(const char *s, size_t n, int *v)
{
	return (n == 1 || n == 2) && date_digits(s, (int)n, v);
}

/* The day part of a user's date, n bytes at s; today is a day number. */
static bool
parse_user_day(const char *s, size_t n, long today, struct date *d)
{
	const char *sep;
	int a, b, wd;
	long back;

	if (n == 5 && strncmp(s, "today", 5) == 0)
		back = 0;
	else if (n == 9 && strncmp(s, "yesterday", 9) == 0)
		back = 1;
	else if (n == 8 && strncmp(s, "tomorrow", 8) == 0)
		back = -1;
	else if (s[0] == '-' && n >= 2 && n <= 7) {
		/* -N: N days ago; at most six digits */
		back = 0;
		for (size_t i = 1; i < n; i++) {
			if (!isdigit((unsigned char)s[i]))
				return false;
			back = back * 10 + (s[i] - '0');
		}
	} else if ((wd = weekday_named(s, n)) >= 0) {
		/* The most recent one: today when today is that day. */
		back = (date_weekday(today) - wd + 7) % 7;
	} else if (n == 10) {
		char day[11];

		memcpy(day, s, 10);
		day[10] = '\0';
		return parse_day(day, d, "");
	} else if (n == 8 && date_digits(s, 4, &d->year) &&
	    date_digits(s + 4, 2, &d->mon) && date_digits(s + 6, 2, &d->day))
		return d->year >= 1 && d->mon >= 1 && d->mon <= 12 &&
		    d->day >= 1 && d->day <= days_in(d->year, d->mon);
	else if ((sep = memchr(s, '-', n)) != NULL) {
		/* MM-DD */
		if (n != 5 || sep != s + 2 || !date_digits(s, 2, &a) ||
		    !date_digits(s + 3, 2, &b))
			return false;
		return recent_month_day(a, b, today, d);
	} else if ((sep = memchr(s, '/', n)) != NULL) {
		/* M/D */
		size_t k = (size_t)(sep - s);

		if (!small_number(s, k, &a) ||
		    !small_number(sep + 1, n - k - 1, &b))
			return false;
		return recent_month_day(a, b, today, d);
	} else
		return false;
	if (today - back < date_days(1, 1, 1))
		return false;
	set_day(d, today - back);
	return true;
}

bool
date_parse_user(const char *s, time_t now, struct date *d)
{
	struct tm tm;
	size_t n = strcspn(s, " T");
	long today;

	memset(d, 0, sizeof(*d));
	localtime_r(&now, &tm);
	today = date_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	/* HH:MM alone: today at that time. */
	if (strlen(s) == 5 && s[2] == ':') {
		set_day(d, today);
		return parse_time(s, d);
	}
	if (n == 0 || !parse_user_day(s, n, today, d))
		return false;
	d->has_time = false;
	d->hour = d->min = 0;
	if (s[n] == '\0')
		return true;
	return parse_time(s + n + 1, d);
}

char *
date_format(const struct date *d, char *buf)
{
	/* Fields are in range once parsed; the masks only bound the width. */
	unsigned y = (unsigned)d->year % 10000u, mo = (unsigned)d->mon % 100u,
	    dd = (unsigned)d->day % 100u, h = (unsigned)d->hour % 100u,
	    mi = (unsigned)d->min % 100u;

	if (d->has_time)
		snprintf(buf, 17, "%04u-%02u-%02u %02u:%02u", y, mo, dd, h, mi);
	else
		snprintf(buf, 17, "%04u-%02u-%02u", y, mo, dd);
	return buf;
}

int
date_cmp_day(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->mon != b->mon)
		return a->mon < b->mon ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

int
date_cmp(const struct date *a, const struct date *b)
{
	int c = date_cmp_day(a, b);
	int ta, tb;

	if (c != 0)
		return c;
	/* An entry without a time sorts before the timed ones of its day. */
	ta = a->has_time ? a->hour * 60 + a->min : -1;
	tb = b->has_time ? b->hour * 60 + b->min : -1;
	return ta < tb ? -1 : ta > tb;
}

/* --- the calendar: proleptic Gregorian, days since 1970-01-01 --- */

/* Howard Hinnant's days_from_civil: exact for any year, no tables. */
long
date_days(int y, int m, int d)
{
	long era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

long
date_to_days(const struct date *d)
{
	return date_days(d->year, d->mon, d->day);
}

/* civil_from_days, the inverse of date_days. */
struct date
date_from_days(long z)
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

/* 1970-01-01 was a Thursday (3); the double modulo keeps it >= 0. */
int
date_weekday(long days)
{
	return (int)(((days + 3) % 7 + 7) % 7);
}

/* ISO week 1 is the week that holds 4 January. */
long
date_iso_week1(int year)
{
	long jan4 = date_days(year, 1, 4);

	return jan4 - date_weekday(jan4);
}

int
date_iso_weeks(int year)
{
	return (int)((date_iso_week1(year + 1) - date_iso_week1(year)) / 7);
}

/* A week belongs to the year of its Thursday. */
void
date_iso_week(long days, int *year, int *week)
{
	long monday = days - date_weekday(days);

	*year = date_from_days(monday + 3).year;
	*week = (int)((monday - date_iso_week1(*year)) / 7 + 1);
}

long
date_month_first(int year, int mon)
{
	return date_days(year, mon, 1);
}

long
date_month_last(int year, int mon)
{
	return date_days(year, mon, days_in(year, mon));
}
