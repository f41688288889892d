/*
 * The report's periods and its model: which entries, in which order and
 * under which headings.  Nothing here writes output; report_draw.c and
 * the formats do.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "entry.h"
#include "report.h"

/* --- periods --- */

/* ISO week num of year, Monday to Sunday; the week must exist. */
static void
set_week(struct period *p, int year, int num)
{
	long monday = date_iso_week1(year) + 7L * (num - 1);

	p->kind = PERIOD_WEEK;
	p->year = year;
	p->num = num;
	p->from = monday;
	p->to = monday + 6;
}

static void
set_month(struct period *p, int year, int mon)
{
	p->kind = PERIOD_MONTH;
	p->year = year;
	p->num = mon;
	p->from = date_month_first(year, mon);
	p->to = date_month_last(year, mon);
}

enum period_error
report_parse_week(const char *s, struct period *p)
{
	int year, num;

	if (strlen(s) != 8 || !date_digits(s, 4, &year) || s[4] != '-' ||
	    s[5] != 'W' || !date_digits(s + 6, 2, &num) || year < 1)
		return PERIOD_BAD_FORM;
	if (num < 1 || num > date_iso_weeks(year)) {
		p->year = year;
		p->num = num;
		return PERIOD_NO_WEEK;
	}
	set_week(p, year, num);
	/* The calendar's dates have four-digit years. */
	if (p->to > date_days(9999, 12, 31))
		return PERIOD_PAST_END;
	return PERIOD_OK;
}

enum period_error
report_parse_month(const char *s, struct period *p)
{
	int year, mon;

	if (strlen(s) != 7 || !date_digits(s, 4, &year) || s[4] != '-' ||
	    !date_digits(s + 5, 2, &mon) || year < 1 || mon < 1 || mon > 12)
		return PERIOD_BAD_FORM;
	set_month(p, year, mon);
	return PERIOD_OK;
}

void
report_week_of(struct period *p, const struct date *d)
{
	int year, num;

	date_iso_week(date_to_days(d), &year, &num);
	set_week(p, year, num);
}

void
report_month_of(struct period *p, const struct date *d)
{
	set_month(p, d->year, d->mon);
}

bool
report_range(struct period *p, const struct date *from,
    const struct date *to)
{
	p->kind = PERIOD_RANGE;
	p->year = p->num = 0;
	p->from = date_to_days(from);
	p->to = date_to_days(to);
	return p->from <= p->to;
}

/* --- the model --- */

/* Two client (or author) names, NULL being none. */
static bool
same_client(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* How much of a report's storage report_build has filled. */
struct fill {
	size_t	entries, groups;
};

/*
 * Group the n entries of one day (v, in the list's order) by client:
 * clients first seen first, entries without a client last.  The day,
 * its groups and its entries in group order go to r's storage; done
 * marks the entries already placed (all false at first).
 */
static void
add_day(struct report *r, struct fill *f, const struct entry **v,
    size_t n, bool *done)
{
	struct report_day *d = &r->days[r->ndays++];
	struct report_group *g = &r->groups[f->groups];

	d->day = date_to_days(&v[0]->date);
	d->groups = g;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			if (done[i] || (pass == 0) != (v[i]->client != NULL))
				continue;
			g = &r->groups[f->groups++];
			g->client = v[i]->client;
			g->v = &r->entries[f->entries];
			for (size_t j = i; j < n; j++)
				if (!done[j] &&
				    same_client(v[i]->client, v[j]->client)) {
					r->entries[f->entries++] = v[j];
					g->n++;
					done[j] = true;
				}
			d->ngroups++;
		}
}

/* More entries first; entries without a client last. */
static bool
count_before(const struct report_count *a, const struct report_count *b)
{
	if ((a->client == NULL) != (b->client == NULL))
		return b->client == NULL;
	return a->n > b->n;
}

/* The clients of the n entries of v, counted and ordered. */
static void
count_clients(struct report *r, const struct entry **v, size_t n)
{
	struct report_count *c = xcalloc(n + 1, sizeof(*c)), t;
	size_t nc = 0;

	for (size_t i = 0; i < n; i++) {
		size_t k = 0;

		while (k < nc && !same_client(c[k].client, v[i]->client))
			k++;
		if (k == nc)
			c[nc++].client = v[i]->client;
		c[k].n++;
	}
	/* Insertion sort: stable, so ties keep their first appearance. */
	for (size_t i = 1; i < nc; i++)
		for (size_t k = i; k > 0 && count_before(&c[k], &c[k - 1]);
		    k--) {
			t = c[k];
			c[k] = c[k - 1];
			c[k - 1] = t;
		}
	r->clients = c;
	r->nclients = nc;
}

/* The n entries of v (in the list's order), day by day. */
static void
add_days(struct report *r, struct fill *f, const struct entry **v, size_t n,
    bool *done)
{
	for (size_t i = 0, k; i < n; i = k) {
		for (k = i + 1; k < n &&
		    date_cmp_day(&v[k]->date, &v[i]->date) == 0; k++)
			continue;
		add_day(r, f, v + i, k - i, done + i);
	}
}

/* Authors by name, no author last. */
static int
cmp_author(const void *a, const void *b)
{
	const char *x = ((const struct report_author *)a)->author;
	const char *y = ((const struct report_author *)b)->author;

	if (x == NULL || y == NULL)
		return (x == NULL) - (y == NULL);
	return strcmp(x, y);
}

/*
 * With more than one author among the n entries of in, the days of each
 * author in turn; false (nothing done) with one author or none.
 */
static bool
add_authors(struct report *r, struct fill *f, const struct entry **in,
    size_t n, bool *done)
{
	struct report_author *a = xcalloc(n + 1, sizeof(*a));
	const struct entry **mine = xcalloc(n + 1, sizeof(*mine));
	size_t na = 0;

	for (size_t i = 0; i < n; i++) {
		size_t k = 0;

		while (k < na && !same_client(a[k].author, in[i]->author))
			k++;
		if (k == na)
			a[na++].author = in[i]->author;
		a[k].nentries++;
	}
	if (na < 2) {
		free(a);
		free(mine);
		return false;
	}
	qsort(a, na, sizeof(*a), cmp_author);
	for (size_t k = 0; k < na; k++) {
		size_t m = 0, first = r->ndays;

		for (size_t i = 0; i < n; i++)
			if (same_client(a[k].author, in[i]->author))
				mine[m++] = in[i];
		add_days(r, f, mine, m, done);
		memset(done, 0, m * sizeof(*done));
		a[k].days = &r->days[first];
		a[k].ndays = r->ndays - first;
	}
	r->authors = a;
	r->nauthors = na;
	free(mine);
	return true;
}

void
report_build(struct report *r, const struct period *p,
    const struct entry_list *l)
{
	const struct entry **in;
	struct fill f = { 0, 0 };
	bool *done;
	size_t n = 0;

	memset(r, 0, sizeof(*r));
	r->period = *p;
	in = xcalloc(l->n, sizeof(*in));
	for (size_t i = 0; i < l->n; i++) {
		long day = date_to_days(&l->v[i]->date);

		if (day >= p->from && day <= p->to)
			in[n++] = l->v[i];
	}
	r->nentries = n;
	/* At most one day and one group per entry. */
	r->entries = xcalloc(n, sizeof(*r->entries));
	r->groups = xcalloc(n, sizeof(*r->groups));
	r->days = xcalloc(n, sizeof(*r->days));
	done = xcalloc(n, sizeof(*done));
	if (!add_authors(r, &f, in, n, done))
		add_days(r, &f, in, n, done);
	count_clients(r, in, n);
	free(done);
	free(in);
}

void
report_free(struct report *r)
{
	free(r->entries);
	free(r->groups);
	free(r->days);
	free(r->clients);
	free(r->authors);
	memset(r, 0, sizeof(*r));
}
