/*
 * The model of a report: the entries of a period (an ISO week, a month
 * or a range of days), day by day and, within a day, client by client,
 * with a summary of the clients.  It knows no output format and no
 * language; report_draw.h draws it.
 */
#ifndef DL_REPORT_H
#define DL_REPORT_H

#include <stdbool.h>
#include <stddef.h>

struct date;
struct entry;
struct entry_list;

enum period_kind { PERIOD_WEEK, PERIOD_MONTH, PERIOD_RANGE };

struct period {
	enum period_kind kind;
	long		 from, to;	/* day numbers (date.h), inclusive */
	int		 year, num;	/* ISO week or month; 0 in a range */
};

/* What a period parser found wrong. */
enum period_error {
	PERIOD_OK,
	PERIOD_BAD_FORM,	/* not YYYY-Www (YYYY-MM), or year 0 */
	PERIOD_NO_WEEK,		/* a week the year lacks */
	PERIOD_PAST_END		/* a week that ends after 9999-12-31 */
};

/*
 * "YYYY-Www", such as 2026-W48: an ISO week that exists (2026 has 53,
 * 2027 only 52).  On PERIOD_NO_WEEK, p->year and p->num hold what was
 * asked for, for the message; p is otherwise unusable on an error.
 */
enum period_error report_parse_week(const char *, struct period *);

/* "YYYY-MM", such as 2026-11: PERIOD_OK or PERIOD_BAD_FORM. */
enum period_error report_parse_month(const char *, struct period *);

/* The ISO week a date is in (its year is the year of its Thursday). */
void	report_week_of(struct period *, const struct date *);

/* The month a date is in. */
void	report_month_of(struct period *, const struct date *);

/* The days from to to, both included; false when from is after to. */
bool	report_range(struct period *, const struct date *from,
	    const struct date *to);

/* One client's entries on one day, in the order of the list. */
struct report_group {
	const char		 *client;	/* NULL: no client */
	const struct entry *const *v;
	size_t			  n;
};

/* A day with entries: its clients first seen first, no client last. */
struct report_day {
	long				 day;	/* its day number */
	const struct report_group	*groups;
	size_t				 ngroups;
};

/* A client of the summary and how many entries it has in the period. */
struct report_count {
	const char	*client;	/* NULL: no client */
	size_t		 n;
};

/*
 * One author's entries, when the period has entries of more than one
 * (a team's store): the days of that author only.
 */
struct report_author {
	const char		*author;	/* NULL: no author */
	size_t			 nentries;
	const struct report_day	*days;
	size_t			 ndays;
};

struct report {
	struct period		 period;
	size_t			 nentries;	/* in the period */
	struct report_day	*days;		/* with entries, in order */
	size_t			 ndays;
	/*
	 * With more than one author: by name, no author last, each with
	 * its own days (days then holds all authors' days, author by
	 * author); else none.
	 */
	struct report_author	*authors;
	size_t			 nauthors;
	/* Most entries first, ties as first seen; no client last. */
	struct report_count	*clients;
	size_t			 nclients;
	/* Storage the days point into. */
	const struct entry	**entries;
	struct report_group	 *groups;
};

/*
 * The report of period p over the entries of l (sorted by entry_cmp),
 * keeping those within p.  The report points into l's entries (client
 * names too): free it before l.
 */
void	report_build(struct report *, const struct period *p,
	    const struct entry_list *l);
void	report_free(struct report *);

#endif
