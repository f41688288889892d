#include <ctype.h>
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

bool
date_parse_user(const char *s, time_t now, struct date *d)
{
	struct tm tm;
	const char *rest;
	int back;

	if (strncmp(s, "today", 5) == 0) {
		rest = s + 5;
		back = 0;
	} else if (strncmp(s, "yesterday", 9) == 0) {
		rest = s + 9;
		back = 1;
	} else
		return parse_day(s, d, " T");
	if (*rest != '\0' && *rest != ' ' && *rest != 'T')
		return false;
	/* Noon keeps "yesterday" right across daylight-saving changes. */
	localtime_r(&now, &tm);
	tm.tm_mday -= back;
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	mktime(&tm);
	d->year = tm.tm_year + 1900;
	d->mon = tm.tm_mon + 1;
	d->day = tm.tm_mday;
	d->has_time = false;
	d->hour = d->min = 0;
	if (*rest == '\0')
		return true;
	return parse_time(rest + 1, d);
}

char *
date_format(const struct date *d, char *buf)
{
	/* Fields are in range once parsed; the masks only bound the width. */
	unsigned y = (unsigned)d->year % 10000u, mo = (unsigned)d->mon % 100u,
	    dd = (unsigned)d->day % 100u, h = (unsigned)d->hour % 100u,
	    mi = (unsigned)d->min % 100u;

	/* By hand: list formats one for every entry. */
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + mo / 10);
	buf[6] = (char)('0' + mo % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + dd / 10);
	buf[9] = (char)('0' + dd % 10);
	buf[10] = '\0';
	if (d->has_time) {
		buf[10] = ' ';
		buf[11] = (char)('0' + h / 10);
		buf[12] = (char)('0' + h % 10);
		buf[13] = ':';
		buf[14] = (char)('0' + mi / 10);
		buf[15] = (char)('0' + mi % 10);
		buf[16] = '\0';
	}
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
