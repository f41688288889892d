/* The entry filters that list and export share. */
#ifndef DL_FILTER_H
#define DL_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

struct entry;
struct entry_list;

struct filter {
	const char	*series;
	const char	*client;
	const char	*tag;
	const char	*grep;
	struct date	 since, until;
	bool		 has_since, has_until;
	long		 last;		/* -n: the last N, 0 for all */
};

/* The long options of the filters, for a command's option table. */
#define FILTER_OPTIONS							\
	{ "series", required_argument, NULL, 0x100 },			\
	{ "since", required_argument, NULL, 0x101 },			\
	{ "until", required_argument, NULL, 0x102 },			\
	{ "client", required_argument, NULL, 0x103 },			\
	{ "tag", required_argument, NULL, 0x104 },			\
	{ "grep", required_argument, NULL, 0x105 }
#define FILTER_SHORT	"n:"

/*
 * Take option ch (from getopt_long) if it is a filter's.  Returns 0 when
 * taken, -1 when not a filter option, EXIT_USAGE after a message.
 */
int	filter_option(struct filter *, int ch, const char *arg, const char *cmd);

bool	filter_match(const struct filter *, const struct entry *);

/* Drop the entries that do not match, keep the last N; frees the dropped. */
void	filter_apply(const struct filter *, struct entry_list *);

/* Substring search with ASCII letters folded, at character boundaries. */
bool	text_contains(const char *hay, const char *needle);

#endif
