/*
 * Redaction for publishing (render --redact, dailylog-render(1)): the
 * names of clients, contacts and staff replaced by aliases in every
 * text an entry shows, before any renderer sees it.  A name is what a
 * client, contact or staff field holds, or a key of the user's mapping
 * (the aliases setting of a series, or a file); its alias is the one
 * the mapping gives, else the next of its kind in the document's
 * language (A社, B社 …, 担当者A …, スタッフA …; Company A, Person A,
 * Staff A …), given in part order so that it stays the same from one
 * rendering to the next.  No alias contains a name.
 */
#ifndef DL_REDACT_H
#define DL_REDACT_H

#include <stddef.h>

#include "lang.h"

struct entry_list;
struct ynode;

struct alias {
	char	*name;
	char	*alias;
};

struct aliases {
	struct alias	*v;
	size_t		 n;
};

/*
 * A mapping NAME: ALIAS of one-line strings, from the file path (for
 * messages), added to a; a name given again takes the later alias.
 * Returns 0, or -1 after FILE:LINE:COLUMN messages (65).
 */
int	aliases_from_node(const char *path, const struct ynode *,
	    struct aliases *);

/* The same from the YAML file path; missing is 66. */
int	aliases_load(const char *path, struct aliases *);

/* Add the mapping of b over a's. */
void	aliases_merge(struct aliases *a, const struct aliases *b);
void	aliases_free(struct aliases *);

/*
 * Replace every name in every text field of l's entries (title, client,
 * contact, staff, tags, result, next, body) and in the strings extra[0]
 * .. extra[nextra - 1] (the series title, its description; NULL ones
 * are skipped) with its alias.  l is sorted by part, then date.  The
 * longest name wins where names overlap, and aliases are never
 * replaced again.  A given alias that contains a name found in a
 * field is refused: -1 after the message (65), nothing replaced.
 */
int	redact_entries(struct entry_list *l, const struct aliases *given,
	    enum lang, char **extra, size_t nextra);

#endif
