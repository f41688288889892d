/*
 * The derived index, ROOT/.index: for every entry file its stat data
 * and the summary fields that list, series and reference lookup need,
 * so they need not parse every file.  Like git's index it is a cache,
 * never the source of truth:
 *
 * - A file is taken from the index only when its size, inode, and
 *   mtime and ctime to the nanosecond all match its record; any other
 *   file is read, and the index is rewritten when anything changed.
 * - Racy entries (git's term): a file changed again within the same
 *   timestamp tick as the stat data recorded would look unchanged.  A
 *   record whose mtime or ctime is less than index_racy_ns before the
 *   index was written is marked racy and its file is always re-read,
 *   until a later rewrite finds it old enough.  A clock that jumps, or
 *   a file system whose timestamps run ahead of this machine's clock,
 *   only makes more records racy.
 * - It is written to a temporary file and renamed into place, without
 *   the store lock and without fsync: readers never wait, concurrent
 *   writers each leave a whole index, and a torn or stale file (a
 *   crash, another machine's byte order, an older version) fails the
 *   header or checksum and is rebuilt.  Deleting it is always safe.
 */
#ifndef DL_INDEX_H
#define DL_INDEX_H

#include <stdbool.h>
#include <stdint.h>

struct entry;
struct entry_list;
struct store;

#define INDEX_FILE	".index"

/* Two seconds: beyond the timestamp tick of any file system but FAT. */
extern int64_t index_racy_ns;

/*
 * Every entry with its summary fields only (ID, path, date, title,
 * series, part and its position, client, contact, staff, tags, author,
 * draft; no result, next, body or x- keys), sorted by entry_cmp.  Files that do
 * not load are reported and skipped, as walk_entries does.  Writing the
 * index fails quietly (a read-only store is fine).  Returns 0, or -1
 * when the walk could not read a directory.
 */
int	index_load(struct store *, struct entry_list *);

/*
 * The summaries of series slug only, as index_load gives them, without
 * walking the store: the index's records of the series are taken when
 * their files' stat data still match, and read again when not.  When
 * the index is missing or damaged, or entries/ or a year or month
 * directory in it changed after the index was written (a file added,
 * removed or renamed there), this is index_load.  Not seen: a file
 * outside the series edited in place to join it, until the next
 * index_load; check always sees it.
 */
int	index_load_series(struct store *, const char *slug,
	    struct entry_list *);

#endif
