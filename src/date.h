/* Dates of entries: YYYY-MM-DD with an optional HH:MM, in local time. */
#ifndef DL_DATE_H
#define DL_DATE_H

#include <stdbool.h>
#include <time.h>

struct date {
	int	year, mon, day;
	int	hour, min;
	bool	has_time;
};

/* The forms of date_parse_user, for the messages that refuse a date. */
#define DATE_DAY_FORMS "YYYY-MM-DD, YYYYMMDD, MM-DD, M/D, today, yesterday, " \
	"tomorrow, -N (N days ago) or a weekday (mon to sun, 月 to 日)"
#define DATE_FORMS DATE_DAY_FORMS ", each optionally followed by HH:MM; " \
	"or HH:MM alone (today)"

/* An entry file's date: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM". */
bool	date_parse_entry(const char *, struct date *);

/*
 * A date typed by the user, relative to now in local time: an entry
 * date; YYYYMMDD; "today", "yesterday", "tomorrow"; "-N", N days ago
 * (up to six digits); a weekday, "mon" to "sun" or 月 to 日 (also 月曜,
 * 月曜日), the most recent one, today included; MM-DD or M/D, this
 * year's or, when that is in the future, the latest earlier one.  Each
 * may be followed by a space or "T" and HH:MM; HH:MM alone is today.
 * Words are lower case.
 */
bool	date_parse_user(const char *, time_t now, struct date *);

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"; buf holds at least 17 bytes. */
char	*date_format(const struct date *, char *buf);
int	date_cmp(const struct date *, const struct date *);
/* Compare the day only. */
int	date_cmp_day(const struct date *, const struct date *);

/* Exactly n ASCII digits at s, their value in *out (untouched if not). */
bool	date_digits(const char *s, int n, int *out);

/*
 * The calendar, proleptic Gregorian.  A day number counts days since
 * 1970-01-01 (day 0), negative before it; months and days given must
 * be valid.  ISO 8601 weeks run Monday to Sunday.
 */

/* The day number of year-mon-day. */
long	date_days(int year, int mon, int day);
/* The day number of a date's day (its time ignored). */
long	date_to_days(const struct date *);
/* The date of a day number, without a time. */
struct date date_from_days(long days);
/* The day's weekday: 0 for Monday to 6 for Sunday. */
int	date_weekday(long days);
/* The ISO week of a day: the year of its Thursday, and 1 to 53. */
void	date_iso_week(long days, int *year, int *week);
/* The Monday of ISO week 1 of year (it may be in December before). */
long	date_iso_week1(int year);
/* How many ISO weeks year has: 52, or 53 (2015, 2020, 2026). */
int	date_iso_weeks(int year);
/* The first and the last day of a month. */
long	date_month_first(int year, int mon);
long	date_month_last(int year, int mon);

#endif
