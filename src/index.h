/*
 * The derived index, ROOT/.index: for every entry file its stat data
 * and the summary fields that list, series and reference lookup need,
 * and the stat data of every directory the walk read, so that commands
 * need not parse every file.  Like git's index it is a cache, never the
 * source of truth:
 *
 * - A file is taken from the index only when its size, inode, and
 *   mtime and ctime to the nanosecond all match its record; any other
 *   file is read, and the index is rewritten when anything changed.
 * - Racy entries (git's term): a file changed again within the same
 *   timestamp tick as the stat data recorded would look unchanged.  A
 *   record whose mtime or ctime is less than index_racy_ns before the
 *   walk that made it began is marked racy and its file is always
 *   re-read, until a later rewrite finds it old enough.  Directories
 *   are marked the same way.  A clock that jumps, or a file system
 *   whose timestamps run ahead of this machine's clock, only makes more
 *   records racy.
 * - A lookup that does not walk (one series, an ID prefix) knows which
 *   directories changed since the walk read them: adding, removing or
 *   renaming a file changes its directory's times.  Such a directory,
 *   and a racy one, is read again and each of its files checked.  When
 *   a directory was made or removed, or too many files changed, the
 *   lookup walks the store.
 * - It is written whole to a temporary file and renamed into place,
 *   without the store lock and without fsync, and only after a walk
 *   that read every directory: readers never wait, concurrent writers
 *   each leave a whole index, and a torn or stale file (a crash,
 *   another machine's byte order, an older version) fails its header
 *   or a checksum and is rebuilt.  Deleting it is always safe.
 * - Writers that hold the store lock (add, edit) append what they wrote
 *   instead of rewriting it, so that the next lookup need not walk; the
 *   next full walk folds the appended parts in.
 */
#ifndef DL_INDEX_H
#define DL_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "entry.h"

struct store;

#define INDEX_FILE	".index"

/* Two seconds: beyond the timestamp tick of any file system but FAT. */
extern int64_t index_racy_ns;

/*
 * Every entry with its summary fields only (ID, path, date, title,
 * series, part and its position, client, contact, staff, tags, author,
 * draft; no result, next, body or x- keys), in listing order
 * (entry_cmp), as a view into the index: nothing is copied.  Files
 * that do not load are reported and skipped, as walk_entries does.
 * Writing the index fails quietly (a read-only store is fine).  Returns
 * 0, or -1 when the walk could not read a directory (then no index is
 * written).
 */
struct index_snap;
struct summaries {
	size_t			 n;
	struct index_snap	*snap;
};
int	index_summaries(struct store *, struct summaries *);

/*
 * The same with the listing made ahead: while the walk checks every
 * file, a second thread opens the index and puts its own listing, in
 * its order, through row (into out, until it holds cap bytes; the
 * entries' paths are NULL, the other summary fields set).  When the
 * walk finds that nothing changed, out holds the first rows of the
 * listing, made of the same records summaries_at gives; else out is
 * empty and rows 0.  Without row, the records are only checked then.  For a listing that only prints each summary: the
 * printing, done meanwhile, is not left for after the walk.
 */
struct index_ahead {
	void	(*row)(const struct entry *, struct buf *, const void *arg);
	const void *arg;
	size_t	 cap;
	struct buf out;
	size_t	 rows;		/* of the listing, in out */
};
int	index_summaries_ahead(struct store *, struct summaries *,
	    struct index_ahead *);

/*
 * The i-th summary: valid until the next call or summaries_free.  The
 * caller must not change or free it.
 */
const struct entry *summaries_at(struct summaries *, size_t i);
/*
 * The memory the index's pages take given back, for a caller done with
 * the summaries for now (export, once it has the order): they stay
 * valid, read again from the file should they be met.
 */
void	summaries_let_go(struct summaries *);
/* A copy of it the caller owns (entry_free). */
struct entry *summaries_copy(struct summaries *, size_t i);
void	summaries_free(struct summaries *);

/*
 * For export: the entries the index knows unchanged, in listing order
 * (their files not read), and the paths of the entry files it does not
 * know or that changed, in the order of the walk.  Nothing is read or
 * written but the stat data.
 */
int	index_order(struct store *, struct summaries *known,
	    struct strlist *unknown);

/* index_summaries, copied into a list the caller owns. */
int	index_load(struct store *, struct entry_list *);

/*
 * Summaries that live and die together: the entries of l and all their
 * strings are in the arena, so that the parts of a long series cost no
 * allocation each.  Freed by parts_free, never by entry_list_free.
 */
struct parts {
	struct entry_list	 l;
	struct arena		 arena;
};
void	parts_free(struct parts *);

/*
 * The summaries of series slug only, as index_load gives them, without
 * walking the store when the index can be trusted (see above): the
 * records of the series (which the index keeps together, a copy of
 * each, found by bisection) are taken when their files' stat data still
 * match, and read again when not, as are the files new or changed in a
 * changed directory.  When the index is missing or damaged, or cannot be
 * trusted, the store is walked.  Not seen: a file outside the series
 * edited in place to join it in a directory that did not change, until
 * the next walk; check always sees it.
 */
int	index_load_series(struct store *, const char *slug, struct parts *);

/*
 * The same for the n series slugs, for numbering parts: every file that
 * did not load when the index was written is read again too (and
 * reported if it still does not load), so that the caller sees in
 * diag_errors() that the store is not whole.
 */
int	index_load_parts(struct store *, const char *const *slugs, size_t n,
	    struct parts *);

/*
 * The paths of the entry files whose ID begins with prefix, sorted, as
 * the walk would find them; from the index when it can be trusted.
 */
int	index_find_ids(struct store *, const char *prefix, struct strlist *);

/*
 * An entry file was just written to path by this process, under the
 * store lock: its record, and its directories' new stat data, are
 * appended to the index (quietly nothing when there is no sound index).
 */
void	index_note(struct store *, const char *path);

#endif
