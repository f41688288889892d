/*
 * The entry filters that list and export share (dailylog-list(1)).  A
 * kind of filter given several times matches any of its values;
 * different kinds all apply; each kind has an exclusion that none of
 * its values may match.  Text is compared after NFKC normalization and
 * case folding (libunistring), so that full-width "Ｔ社" finds "T社" and
 * half-width "ｹｰﾌﾞﾙ" finds "ケーブル".  Pure: no messages, no options
 * (those are cli.c's).
 */
#ifndef DL_FILTER_H
#define DL_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "entry.h"

struct store;

/*
 * What a value is compared with: the series slug (exactly), the whole
 * client, contact, staff or author, one of the tags, or (grep) a
 * substring of any text field: title, client, contact, staff, tags,
 * result, next actions, author and body.
 */
enum filter_kind {
	FILTER_SERIES, FILTER_CLIENT, FILTER_CONTACT, FILTER_STAFF,
	FILTER_AUTHOR, FILTER_TAG, FILTER_GREP, FILTER_KINDS
};

struct filter {
	struct strlist	 any[FILTER_KINDS];	/* folded: one must match */
	struct strlist	 none[FILTER_KINDS];	/* folded: none may match */
	struct date	 since, until;
	bool		 has_since, has_until;
	long		 last;		/* -n: the last N, 0 for all */
	int		 approval;	/* 1: approved only, -1: not */
	char		**approved;	/* then the approved IDs, sorted */
	size_t		 napproved;
};

void	filter_init(struct filter *);
void	filter_free(struct filter *);

/*
 * What the filter needs from the store besides the entries: with
 * approval, the approved IDs (comments.h).  filter_free frees them.
 */
void	filter_load(struct filter *, const struct store *);

/* Add a value of kind to match (or, with exclude, to refuse). */
void	filter_add(struct filter *, enum filter_kind, bool exclude,
	    const char *value);

/*
 * Whether since and until leave a range: since is not after until (an
 * until without a time takes in its whole day).
 */
bool	filter_range_ok(const struct filter *);

/* Whether matching needs every text field, which summaries lack. */
bool	filter_needs_text(const struct filter *);

bool	filter_match(const struct filter *, const struct entry *);

/*
 * Where an entry goes in the output: 0 for all without --series (the
 * listing order decides), else by the place of its series among the
 * --series values, then by part.
 */
long	filter_rank(const struct filter *, const struct entry *);

/*
 * The order of the output (filter_rank, then the listing order) and the
 * last N of it, for entries that match already; frees the dropped.
 */
void	filter_finish(const struct filter *, struct entry_list *);

/* Drop the entries that do not match, then filter_finish. */
void	filter_apply(const struct filter *, struct entry_list *);

/* s as filters compare it: NFKC, case folded, NFKC again; a new string. */
char	*filter_fold(const char *s);

#endif
