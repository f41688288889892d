/* The entry filters that list and export share. */
#ifndef DL_FILTER_H
#define DL_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

struct entry;
struct entry_list;
struct store;

struct filter {
	const char	*series;
	const char	*client;
	const char	*tag;
	const char	*grep;
	struct date	 since, until;
	bool		 has_since, has_until;
	long		 last;		/* -n: the last N, 0 for all */
	int		 approval;	/* 1: approved only, -1: not */
	char		**approved;	/* then the approved IDs, sorted */
	size_t		 napproved;
};

/*
 * What the filter needs from the store besides the entries: with
 * approval, the approved IDs (comments.h).  filter_free frees them.
 */
void	filter_load(struct filter *, const struct store *);
void	filter_free(struct filter *);

bool	filter_match(const struct filter *, const struct entry *);

/* Drop the entries that do not match, keep the last N; frees the dropped. */
void	filter_apply(const struct filter *, struct entry_list *);

#endif
