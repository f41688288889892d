/*
 * Dates: the entry forms, the forms a user types (relative to a fixed
 * "now", in a fixed time zone), what is refused, printing and order;
 * the calendar (day numbers, weekdays, ISO weeks, months).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"

#include "check_main.h"

/* The instant at local noon of the given day (TZ fixed below). */
static time_t
local_noon(int y, int m, int d)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

static void
in_tokyo(void)
{
	/* A POSIX rule: no time zone database needed. */
	setenv("TZ", "JST-9", 1);
	tzset();
}

static void
is_day(const struct date *d, int y, int m, int day)
{
	ck_assert_int_eq(d->year, y);
	ck_assert_int_eq(d->mon, m);
	ck_assert_int_eq(d->day, day);
}

START_TEST(entry_day)
{
	struct date d;

	ck_assert(date_parse_entry("2026-11-23", &d));
	is_day(&d, 2026, 11, 23);
	ck_assert(!d.has_time);
}
END_TEST

START_TEST(entry_day_and_time)
{
	struct date d;

	ck_assert(date_parse_entry("2026-11-23 09:05", &d));
	is_day(&d, 2026, 11, 23);
	ck_assert(d.has_time);
	ck_assert_int_eq(d.hour, 9);
	ck_assert_int_eq(d.min, 5);
	ck_assert(date_parse_entry("2026-12-31 23:59", &d));
	ck_assert_int_eq(d.hour, 23);
	ck_assert_int_eq(d.min, 59);
	ck_assert(date_parse_entry("2026-01-01 00:00", &d));
	ck_assert(d.has_time);
	ck_assert_int_eq(d.hour, 0);
}
END_TEST

START_TEST(leap_days)
{
	struct date d;

	ck_assert(date_parse_entry("2024-02-29", &d));
	ck_assert(date_parse_entry("2000-02-29", &d));
	ck_assert(!date_parse_entry("2026-02-29", &d));
	ck_assert(!date_parse_entry("1900-02-29", &d));
	ck_assert(!date_parse_entry("2100-02-29", &d));
	ck_assert(date_parse_entry("2026-02-28", &d));
}
END_TEST

START_TEST(month_lengths)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };
	struct date d;
	char s[32];

	for (int m = 1; m <= 12; m++) {
		snprintf(s, sizeof(s), "2026-%02d-%02d", m, days[m - 1]);
		ck_assert_msg(date_parse_entry(s, &d), "%s refused", s);
		snprintf(s, sizeof(s), "2026-%02d-%02d", m, days[m - 1] + 1);
		ck_assert_msg(!date_parse_entry(s, &d), "%s accepted", s);
	}
}
END_TEST

START_TEST(entry_rejects)
{
	static const char *const bad[] = {
		"", "2026-02-30", "2026-13-01", "2026-00-10", "2026-11-00",
		"26-1-1", "2026-1-05", "2026-11-5", "20261123", "2026/11/23",
		"0000-01-01", " 2026-11-23", "2026-11-23 ", "2026-11-23x",
		"2026-11-23 25:00", "2026-11-23 24:00", "2026-11-23 23:60",
		"2026-11-23 9:05", "2026-11-23 09:5", "2026-11-23 09:05:00",
		"2026-11-23T09:05", "2026-11-23  09:05", "2026-11-23 09-05",
		"today", "yesterday", "２０２６-11-23", "+2026-11-23",
		"2026-11-23 -1:00",
	};
	struct date d;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!date_parse_entry(bad[i], &d), "'%s' accepted",
		    bad[i]);
}
END_TEST

START_TEST(user_absolute)
{
	time_t now = local_noon(2026, 11, 25);
	struct date d;

	ck_assert(date_parse_user("2026-11-23", now, &d));
	is_day(&d, 2026, 11, 23);
	ck_assert(!d.has_time);
	ck_assert(date_parse_user("2026-11-23 08:30", now, &d));
	ck_assert(d.has_time);
	ck_assert_int_eq(d.hour, 8);
	ck_assert_int_eq(d.min, 30);
	/* The ISO 8601 "T" is accepted from users, never in files. */
	ck_assert(date_parse_user("2026-11-23T08:30", now, &d));
	ck_assert_int_eq(d.min, 30);
}
END_TEST

START_TEST(user_today_yesterday)
{
	time_t now = local_noon(2026, 11, 25);
	struct date d;

	ck_assert(date_parse_user("today", now, &d));
	is_day(&d, 2026, 11, 25);
	ck_assert(!d.has_time);
	ck_assert(date_parse_user("yesterday", now, &d));
	is_day(&d, 2026, 11, 24);
	ck_assert(date_parse_user("today 17:45", now, &d));
	is_day(&d, 2026, 11, 25);
	ck_assert(d.has_time);
	ck_assert_int_eq(d.hour, 17);
	ck_assert_int_eq(d.min, 45);
	ck_assert(date_parse_user("yesterdayT07:00", now, &d));
	is_day(&d, 2026, 11, 24);
	ck_assert_int_eq(d.hour, 7);
}
END_TEST

START_TEST(yesterday_across_boundaries)
{
	struct date d;

	ck_assert(date_parse_user("yesterday", local_noon(2026, 1, 1), &d));
	is_day(&d, 2025, 12, 31);
	ck_assert(date_parse_user("yesterday", local_noon(2024, 3, 1), &d));
	is_day(&d, 2024, 2, 29);
	ck_assert(date_parse_user("yesterday", local_noon(2026, 3, 1), &d));
	is_day(&d, 2026, 2, 28);
}
END_TEST

/* "now" is an instant: its local day is what counts, not the UTC day. */
START_TEST(today_is_local)
{
	/* 2026-11-24 20:00 UTC is 2026-11-25 05:00 in Tokyo. */
	struct tm utc;
	time_t now;
	struct date d;

	memset(&utc, 0, sizeof(utc));
	utc.tm_year = 2026 - 1900;
	utc.tm_mon = 10;
	utc.tm_mday = 24;
	utc.tm_hour = 20;
	now = timegm(&utc);
	ck_assert(date_parse_user("today", now, &d));
	is_day(&d, 2026, 11, 25);
	ck_assert(date_parse_user("yesterday", now, &d));
	is_day(&d, 2026, 11, 24);
}
END_TEST

START_TEST(today_is_now)
{
	time_t now = time(NULL);
	struct tm tm;
	struct date d;

	localtime_r(&now, &tm);
	ck_assert(date_parse_user("today", now, &d));
	is_day(&d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
END_TEST

/* 2026-11-25, a Wednesday, at noon in Tokyo: the "now" of these tests. */
#define NOW	local_noon(2026, 11, 25)

START_TEST(user_tomorrow_and_days_ago)
{
	struct date d;

	ck_assert(date_parse_user("tomorrow", NOW, &d));
	is_day(&d, 2026, 11, 26);
	ck_assert(!d.has_time);
	ck_assert(date_parse_user("tomorrow 08:15", NOW, &d));
	is_day(&d, 2026, 11, 26);
	ck_assert(d.has_time);
	ck_assert_int_eq(d.hour, 8);
	ck_assert(date_parse_user("tomorrow", local_noon(2026, 12, 31), &d));
	is_day(&d, 2027, 1, 1);
	ck_assert(date_parse_user("-0", NOW, &d));
	is_day(&d, 2026, 11, 25);
	ck_assert(date_parse_user("-1", NOW, &d));
	is_day(&d, 2026, 11, 24);
	ck_assert(date_parse_user("-25", NOW, &d));
	is_day(&d, 2026, 10, 31);
	ck_assert(date_parse_user("-366", NOW, &d));
	is_day(&d, 2025, 11, 24);
	ck_assert(date_parse_user("-3T18:00", NOW, &d));
	is_day(&d, 2026, 11, 22);
	ck_assert_int_eq(d.hour, 18);
	ck_assert(date_parse_user("-700000", NOW, &d));
	ck_assert_int_eq(date_to_days(&d), date_days(2026, 11, 25) - 700000);
	/* Before year 1 is no date. */
	ck_assert(!date_parse_user("-999999", NOW, &d));
}
END_TEST

/* The most recent such day, today included, never a future one. */
START_TEST(user_weekdays)
{
	static const struct {
		const char	*s;
		int		 day;	/* of November 2026 */
	} t[] = {
		{ "wed", 25 }, { "tue", 24 }, { "mon", 23 }, { "sun", 22 },
		{ "sat", 21 }, { "fri", 20 }, { "thu", 19 },
		{ "水", 25 }, { "火", 24 }, { "月", 23 }, { "日", 22 },
		{ "土", 21 }, { "金", 20 }, { "木", 19 },
		{ "月曜", 23 }, { "月曜日", 23 }, { "金曜日", 20 }, { "日曜", 22 },
	};
	struct date d;

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_msg(date_parse_user(t[i].s, NOW, &d), "%s refused",
		    t[i].s);
		ck_assert_msg(d.year == 2026 && d.mon == 11 && d.day == t[i].day,
		    "%s is %04d-%02d-%02d", t[i].s, d.year, d.mon, d.day);
		ck_assert(!d.has_time);
	}
	ck_assert(date_parse_user("fri 17:30", NOW, &d));
	is_day(&d, 2026, 11, 20);
	ck_assert_int_eq(d.hour, 17);
	ck_assert(date_parse_user("月曜日T09:00", NOW, &d));
	is_day(&d, 2026, 11, 23);
	/* Across a month and a year. */
	ck_assert(date_parse_user("fri", local_noon(2027, 1, 1), &d));
	is_day(&d, 2027, 1, 1);
	ck_assert(date_parse_user("thu", local_noon(2027, 1, 1), &d));
	is_day(&d, 2026, 12, 31);
	ck_assert(date_parse_user("sat", local_noon(2027, 1, 1), &d));
	is_day(&d, 2026, 12, 26);
}
END_TEST

START_TEST(user_compact_and_short_forms)
{
	struct date d;

	ck_assert(date_parse_user("20261123", NOW, &d));
	is_day(&d, 2026, 11, 23);
	ck_assert(date_parse_user("20240229 07:05", NOW, &d));
	is_day(&d, 2024, 2, 29);
	ck_assert_int_eq(d.min, 5);
	/* This year's, unless that is still to come. */
	ck_assert(date_parse_user("11-24", NOW, &d));
	is_day(&d, 2026, 11, 24);
	ck_assert(date_parse_user("11-25", NOW, &d));
	is_day(&d, 2026, 11, 25);
	ck_assert(date_parse_user("11-26", NOW, &d));
	is_day(&d, 2025, 11, 26);
	ck_assert(date_parse_user("01-05", NOW, &d));
	is_day(&d, 2026, 1, 5);
	ck_assert(date_parse_user("12-31", NOW, &d));
	is_day(&d, 2025, 12, 31);
	ck_assert(date_parse_user("11/24", NOW, &d));
	is_day(&d, 2026, 11, 24);
	ck_assert(date_parse_user("1/5", NOW, &d));
	is_day(&d, 2026, 1, 5);
	ck_assert(date_parse_user("3/09 10:00", NOW, &d));
	is_day(&d, 2026, 3, 9);
	ck_assert_int_eq(d.hour, 10);
	ck_assert(date_parse_user("12/1", NOW, &d));
	is_day(&d, 2025, 12, 1);
	/* 29 February: the latest one there was. */
	ck_assert(date_parse_user("02-29", NOW, &d));
	is_day(&d, 2024, 2, 29);
	ck_assert(date_parse_user("2/29", local_noon(2028, 2, 28), &d));
	is_day(&d, 2024, 2, 29);
	ck_assert(date_parse_user("2/29", local_noon(2028, 2, 29), &d));
	is_day(&d, 2028, 2, 29);
}
END_TEST

START_TEST(user_time_alone)
{
	struct date d;

	ck_assert(date_parse_user("09:30", NOW, &d));
	is_day(&d, 2026, 11, 25);
	ck_assert(d.has_time);
	ck_assert_int_eq(d.hour, 9);
	ck_assert_int_eq(d.min, 30);
	ck_assert(date_parse_user("23:59", NOW, &d));
	ck_assert_int_eq(d.hour, 23);
	ck_assert(date_parse_user("00:00", NOW, &d));
	ck_assert(d.has_time);
}
END_TEST

/* The message that refuses a date names every form accepted. */
START_TEST(user_forms_listed)
{
	static const char *const forms[] = {
		"YYYY-MM-DD", "YYYYMMDD", "MM-DD", "M/D", "today", "yesterday",
		"tomorrow", "-N", "mon", "sun", "月", "日", "HH:MM",
	};

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		ck_assert_msg(strstr(DATE_FORMS, forms[i]) != NULL,
		    "DATE_FORMS lacks %s", forms[i]);
	ck_assert(strstr(DATE_DAY_FORMS, "HH:MM") == NULL);
}
END_TEST

START_TEST(user_rejects)
{
	static const char *const bad[] = {
		"", "Today", "Tomorrow", "todayx", "today ", "today 9:30",
		"today 24:00", "yesterday  10:00", "yesterday10:00", "today T",
		"2026-11-23x", "2026-11-23 25:00", "2026-11-31", "now",
		"今日", "2026-11-23T", "2026-11-23 T10:00",
		/* the new forms, mistyped */
		"-", "--1", "-1x", "-1234567", "+1", "- 1", "Mon", "monday",
		"mo", "月曜び", "曜日", "11-5", "1-05", "111-05", "11-24-",
		"13-01", "00-10", "11-00", "11-31", "1/", "/5", "1/5/", "123/4",
		"1/32", "13/1", "2026112", "202611230", "20261131", "20261323",
		"00001231", "9:30", "24:00", "09:60", "0930", "09:30 today",
		"tomorrow 9:00", "-1 25:00", "fri T09:00", "11/24T",
	};
	time_t now = local_noon(2026, 11, 25);
	struct date d;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!date_parse_user(bad[i], now, &d),
		    "'%s' accepted", bad[i]);
}
END_TEST

START_TEST(format)
{
	struct date d = { 2026, 11, 23, 9, 5, true };
	char buf[17];

	ck_assert_str_eq(date_format(&d, buf), "2026-11-23 09:05");
	d.has_time = false;
	ck_assert_str_eq(date_format(&d, buf), "2026-11-23");
	d = (struct date){ 987, 1, 2, 0, 0, true };
	ck_assert_str_eq(date_format(&d, buf), "0987-01-02 00:00");
	ck_assert_ptr_eq(date_format(&d, buf), buf);
}
END_TEST

START_TEST(format_parse_agree)
{
	static const char *const forms[] = {
		"2026-11-23", "2026-11-23 00:00", "2024-02-29 23:59",
		"0001-01-01",
	};
	struct date d;
	char buf[17];

	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		ck_assert(date_parse_entry(forms[i], &d));
		ck_assert_str_eq(date_format(&d, buf), forms[i]);
	}
}
END_TEST

START_TEST(order)
{
	/* Strictly increasing: a day without a time comes first. */
	static const char *const seq[] = {
		"2025-12-31 23:59", "2026-01-01", "2026-01-01 00:00",
		"2026-01-01 09:30", "2026-01-01 09:31", "2026-01-01 10:00",
		"2026-01-02", "2026-02-01", "2027-01-01",
	};
	size_t n = sizeof(seq) / sizeof(seq[0]);
	struct date a, b;

	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int want = i < j ? -1 : i > j;

			ck_assert(date_parse_entry(seq[i], &a));
			ck_assert(date_parse_entry(seq[j], &b));
			ck_assert_msg(date_cmp(&a, &b) == want,
			    "%s vs %s: %d", seq[i], seq[j], date_cmp(&a, &b));
		}
}
END_TEST

START_TEST(order_by_day)
{
	struct date a, b;

	ck_assert(date_parse_entry("2026-01-01", &a));
	ck_assert(date_parse_entry("2026-01-01 18:00", &b));
	ck_assert_int_eq(date_cmp_day(&a, &b), 0);
	ck_assert_int_lt(date_cmp(&a, &b), 0);
	ck_assert(date_parse_entry("2026-01-02 00:00", &a));
	ck_assert_int_gt(date_cmp_day(&a, &b), 0);
	ck_assert_int_lt(date_cmp_day(&b, &a), 0);
}
END_TEST

/* --- the calendar --- */

/* Anchors worked out with Python's datetime (proleptic Gregorian too). */
START_TEST(day_numbers)
{
	ck_assert_int_eq(date_days(1970, 1, 1), 0);
	ck_assert_int_eq(date_days(1969, 12, 31), -1);
	ck_assert_int_eq(date_days(2000, 3, 1), 11017);
	ck_assert_int_eq(date_days(1900, 3, 1), -25508);
	ck_assert_int_eq(date_days(2026, 11, 23), 20780);
	ck_assert_int_eq(date_days(1, 1, 1), -719162);
	ck_assert_int_eq(date_days(9999, 12, 31), 2932896);
}
END_TEST

/*
 * Every day from 0001-01-01 to 9999-12-31: the date of a day number
 * gives the number back, and the next number is the next calendar day.
 * (Plain ifs in the loops: each passing ck_assert costs a write to
 * Check's pipe, and millions of them would outlast the timeout.)
 */
START_TEST(day_numbers_round_trip)
{
	long first = date_days(1, 1, 1), last = date_days(9999, 12, 31);
	struct date prev = date_from_days(first), d;
	char s[17];

	is_day(&prev, 1, 1, 1);
	ck_assert(!prev.has_time);
	for (long z = first + 1; z <= last; z++) {
		d = date_from_days(z);
		if (date_to_days(&d) != z || d.has_time)
			ck_abort_msg("day %ld: %s", z, date_format(&d, s));
		if (d.day == prev.day + 1 && d.mon == prev.mon &&
		    d.year == prev.year) {
			prev = d;
			continue;
		}
		/* A new month: the day before was its month's last. */
		if (d.day != 1 ||
		    date_month_last(prev.year, prev.mon) != z - 1 ||
		    !(d.mon == prev.mon + 1 ? d.year == prev.year :
		    d.mon == 1 && prev.mon == 12 && d.year == prev.year + 1))
			ck_abort_msg("day %ld (%s) does not follow "
			    "%04d-%02d-%02d", z, date_format(&d, s),
			    prev.year, prev.mon, prev.day);
		prev = d;
	}
	/* The date parser agrees on the last one. */
	ck_assert(date_parse_entry(date_format(&prev, s), &d));
	is_day(&d, 9999, 12, 31);
	/* Before year 1 the arithmetic still holds. */
	for (long z = -1000000; z < -999000; z++) {
		d = date_from_days(z);
		if (date_to_days(&d) != z)
			ck_abort_msg("day %ld: %d-%d-%d", z, d.year, d.mon,
			    d.day);
	}
}
END_TEST

START_TEST(weekdays)
{
	/* 0 is Monday. */
	ck_assert_int_eq(date_weekday(date_days(1970, 1, 1)), 3);
	ck_assert_int_eq(date_weekday(date_days(1969, 12, 31)), 2);
	ck_assert_int_eq(date_weekday(date_days(2000, 1, 1)), 5);
	ck_assert_int_eq(date_weekday(date_days(2026, 11, 23)), 0);
	ck_assert_int_eq(date_weekday(date_days(2026, 11, 29)), 6);
	ck_assert_int_eq(date_weekday(date_days(2028, 2, 29)), 1);
	ck_assert_int_eq(date_weekday(date_days(1, 1, 1)), 0);
	ck_assert_int_eq(date_weekday(date_days(9999, 12, 31)), 4);
	for (long z = -800; z < 800; z++)
		ck_assert_int_eq(date_weekday(z + 1),
		    (date_weekday(z) + 1) % 7);
}
END_TEST

START_TEST(iso_weeks_in_year)
{
	static const struct {
		int year, weeks;
	} t[] = {
		{ 2015, 53 }, { 2020, 53 }, { 2026, 53 }, { 2027, 52 },
		{ 2004, 53 }, { 2009, 53 }, { 2021, 52 }, { 2024, 52 },
		{ 2025, 52 }, { 2032, 53 },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(date_iso_weeks(t[i].year) == t[i].weeks,
		    "%d: %d weeks", t[i].year, date_iso_weeks(t[i].year));
}
END_TEST

START_TEST(iso_week1)
{
	struct date d;

	/* 4 January 2026 is a Sunday: week 1 begins in 2025. */
	d = date_from_days(date_iso_week1(2026));
	is_day(&d, 2025, 12, 29);
	d = date_from_days(date_iso_week1(2027));
	is_day(&d, 2027, 1, 4);
	d = date_from_days(date_iso_week1(2021));
	is_day(&d, 2021, 1, 4);
	d = date_from_days(date_iso_week1(2020));
	is_day(&d, 2019, 12, 30);
}
END_TEST

static void
is_week(int y, int m, int d, int want_year, int want_week)
{
	int year, week;

	date_iso_week(date_days(y, m, d), &year, &week);
	ck_assert_msg(year == want_year && week == want_week,
	    "%04d-%02d-%02d: %d-W%02d, not %d-W%02d", y, m, d, year, week,
	    want_year, want_week);
}

START_TEST(iso_week_of_day)
{
	is_week(2026, 11, 23, 2026, 48);
	is_week(2026, 11, 29, 2026, 48);
	is_week(2027, 1, 1, 2026, 53);
	is_week(2027, 1, 3, 2026, 53);
	is_week(2027, 1, 4, 2027, 1);
	is_week(2024, 12, 30, 2025, 1);
	is_week(2025, 12, 29, 2026, 1);
	is_week(2026, 1, 1, 2026, 1);
	is_week(2021, 1, 3, 2020, 53);
	is_week(2008, 12, 29, 2009, 1);
	is_week(2010, 1, 3, 2009, 53);
}
END_TEST

/* The C library's %G-W%V over a century and a half, day by day. */
START_TEST(iso_week_as_strftime)
{
	char want[16], got[16];
	int year, week;
	struct tm tm;
	time_t t;

	for (long z = date_days(1970, 1, 1); z <= date_days(2120, 12, 31);
	    z++) {
		t = (time_t)z * 86400;
		gmtime_r(&t, &tm);
		strftime(want, sizeof(want), "%G-W%V", &tm);
		date_iso_week(z, &year, &week);
		snprintf(got, sizeof(got), "%04d-W%02d", year, week);
		if (strcmp(got, want) != 0 ||
		    date_weekday(z) != (tm.tm_wday + 6) % 7)
			ck_abort_msg("day %ld: %s, weekday %d; %s, tm_wday %d",
			    z, got, date_weekday(z), want, tm.tm_wday);
	}
}
END_TEST

START_TEST(month_bounds)
{
	struct date d;

	d = date_from_days(date_month_first(2026, 11));
	is_day(&d, 2026, 11, 1);
	d = date_from_days(date_month_last(2026, 11));
	is_day(&d, 2026, 11, 30);
	d = date_from_days(date_month_last(2026, 12));
	is_day(&d, 2026, 12, 31);
	ck_assert_int_eq(date_month_first(2027, 1),
	    date_month_last(2026, 12) + 1);
	d = date_from_days(date_month_last(2028, 2));
	is_day(&d, 2028, 2, 29);
	d = date_from_days(date_month_last(2026, 2));
	is_day(&d, 2026, 2, 28);
	d = date_from_days(date_month_last(2000, 2));
	is_day(&d, 2000, 2, 29);
	d = date_from_days(date_month_last(1900, 2));
	is_day(&d, 1900, 2, 28);
}
END_TEST

START_TEST(digits)
{
	int v = -1;

	ck_assert(date_digits("2026-11", 4, &v));
	ck_assert_int_eq(v, 2026);
	ck_assert(date_digits("07", 2, &v));
	ck_assert_int_eq(v, 7);
	v = -1;
	ck_assert(!date_digits("20a6", 4, &v));
	ck_assert(!date_digits("1", 2, &v));
	ck_assert(!date_digits("-1", 2, &v));
	ck_assert(!date_digits("\xef\xbc\x92", 1, &v));	/* fullwidth 2 */
	ck_assert_int_eq(v, -1);
}
END_TEST

static Suite *
date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *entry = tcase_create("entry"), *user = tcase_create("user"),
	    *out = tcase_create("format and order"),
	    *cal = tcase_create("calendar");

	tcase_add_test(entry, entry_day);
	tcase_add_test(entry, entry_day_and_time);
	tcase_add_test(entry, leap_days);
	tcase_add_test(entry, month_lengths);
	tcase_add_test(entry, entry_rejects);
	suite_add_tcase(s, entry);

	tcase_add_unchecked_fixture(user, in_tokyo, NULL);
	tcase_add_test(user, user_absolute);
	tcase_add_test(user, user_today_yesterday);
	tcase_add_test(user, yesterday_across_boundaries);
	tcase_add_test(user, today_is_local);
	tcase_add_test(user, today_is_now);
	tcase_add_test(user, user_tomorrow_and_days_ago);
	tcase_add_test(user, user_weekdays);
	tcase_add_test(user, user_compact_and_short_forms);
	tcase_add_test(user, user_time_alone);
	tcase_add_test(user, user_forms_listed);
	tcase_add_test(user, user_rejects);
	suite_add_tcase(s, user);

	tcase_add_test(out, format);
	tcase_add_test(out, format_parse_agree);
	tcase_add_test(out, order);
	tcase_add_test(out, order_by_day);
	suite_add_tcase(s, out);

	tcase_add_test(cal, day_numbers);
	tcase_add_test(cal, day_numbers_round_trip);
	tcase_add_test(cal, weekdays);
	tcase_add_test(cal, iso_weeks_in_year);
	tcase_add_test(cal, iso_week1);
	tcase_add_test(cal, iso_week_of_day);
	tcase_add_test(cal, iso_week_as_strftime);
	tcase_add_test(cal, month_bounds);
	tcase_add_test(cal, digits);
	suite_add_tcase(s, cal);
	return s;
}

CHECK_MAIN(date_suite)
