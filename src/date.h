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

#define DATE_FORMS "YYYY-MM-DD, today or yesterday, optionally followed by HH:MM"

/* An entry file's date: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM". */
bool	date_parse_entry(const char *, struct date *);

/*
 * A date typed by the user: an entry date, "today" or "yesterday",
 * each optionally followed by a space or "T" and HH:MM; relative to now.
 */
bool	date_parse_user(const char *, time_t now, struct date *);

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"; buf holds at least 17 bytes. */
char	*date_format(const struct date *, char *buf);
int	date_cmp(const struct date *, const struct date *);
/* Compare the day only. */
int	date_cmp_day(const struct date *, const struct date *);

#endif
