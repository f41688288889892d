/*
 * Three versions of an entry merged field by field, the way sync and
 * git's merge driver for entry files merge them (dailylog(5) "Merging"):
 * each field, and each x- key, takes the side that changed it; tags that
 * either side added or removed are added or removed; a field that both
 * sides changed, each differently, is a conflict.  Nothing here writes
 * conflict markers: a conflict is a list of field names and a choice.
 */
#ifndef DL_MERGE_H
#define DL_MERGE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct strlist;

/* Which side a conflicting field takes in the result. */
enum merge_side { MERGE_MINE, MERGE_THEIRS };

/*
 * Merge three versions of the entry file name: mine and theirs, both
 * changed from base (NULL: none, the file was added on both sides).  The
 * names of conflicting fields are added to conflicts, and those fields
 * take side's values; a part left without its series (one side left the
 * series, the other changed the part) conflicts on both.  The result is
 * written as dailylog writes entries into out and checked by the loader.
 * Returns 0 when merged, 1 when fields conflict, -1 when a version does
 * not load as an entry (reported with name and which version it is).
 */
int	merge_texts(const char *name, const char *base, size_t baselen,
	    const char *mine, size_t minelen, const char *theirs,
	    size_t theirslen, enum merge_side, struct buf *out,
	    struct strlist *conflicts);

/* The names of conflicts, as messages give them: "title, client". */
void	merge_names(struct buf *, const struct strlist *conflicts);

/* Whether rel, a path in the store, is an entry file (entries/...yaml). */
bool	merge_is_entry_path(const char *rel);

#endif
