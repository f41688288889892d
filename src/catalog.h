/*
 * The catalog: the store's entries as commands ask for them, above the
 * index and the walk.  References are resolved here, series parts are
 * numbered here, and every entry is added or replaced here, under the
 * store's lock.  Functions return 0, or -1 after reporting (diag.h).
 */
#ifndef DL_CATALOG_H
#define DL_CATALOG_H

struct entry;
struct entry_list;
struct store;
struct strlist;

/*
 * An entry by full ID, unique ID prefix, SERIES:PART, @ (the newest, in
 * listing order) or @~N (the Nth before it).  Returns 0, or -1 after a
 * message: nothing found (1, with the candidates when a prefix is
 * ambiguous, and a hint when a series is named), a bad reference (64),
 * a file that does not load.
 */
int	catalog_resolve(struct store *, const char *ref, struct entry **);
/* The same, SERIES:PART among summaries the caller has (index_load). */
int	catalog_resolve_in(struct store *, const struct entry_list *summaries,
	    const char *ref, struct entry **);

/*
 * As catalog_resolve_in, but a series name that is no entry's whole ID
 * names the series' latest part (its highest number), as show takes it.
 */
int	catalog_resolve_latest(struct store *, const struct entry_list *summaries,
	    const char *ref, struct entry **);

/*
 * The entries of series slug among the summaries sums (index_load), each
 * read whole from its file; one that no longer loads is reported and
 * left out.  A new list.
 */
void	catalog_read_series(const struct entry_list *sums, const char *slug,
	    struct entry_list *parts);

/*
 * Store a new entry.  Under the lock: gives it the next part of its
 * series when e->part is 0 (none past PART_MAX: 73), refuses a taken
 * part (73), makes an ID, checks the file as every writer does (too
 * large or not loading back as e: 65), and writes entries/YYYY/MM/ID.yaml
 * atomically without ever replacing a file.  Sets e->id and e->path.
 */
int	catalog_add(struct store *, struct entry *);

/*
 * The same for n entries, all or none, in one hold of the lock, even
 * when the process is killed or the power fails (a staging directory
 * and a journal, see catalog.c and dailylog(5)).  Entries whose file
 * the store holds already, byte for byte in the directory of their
 * date, are skipped (their id stays NULL) and counted in a message.
 * Parts are given in order, and a taken one is reported at its place
 * in the input name; every entry is written and loaded back as a file
 * first (too large, or not loading: 65).  A failure, or SIGINT, SIGTERM
 * or SIGHUP (status 128 + the signal), removes what was written.
 */
int	catalog_add_batch(struct store *, const char *name, struct entry **,
	    size_t n);

/*
 * Roll back a batch that an import left when it was killed, if any:
 * for every command, after the store is opened.  Only under the lock,
 * taken at once or not at all (an import at work holds it); a problem
 * is reported, and the command goes on.
 */
int	catalog_recover(struct store *);

/*
 * Remove the files of the n entries (one named twice is removed once),
 * under the lock, each by one unlink(2), then flush their directories.
 * Every path removed is appended to removed, also when another could
 * not be (reported: 73 for permission, 74 for I/O, ...).
 */
int	catalog_remove(struct store *, struct entry *const *, size_t n,
	    struct strlist *removed);

/*
 * The file ref names, as catalog_resolve finds it, whether or not it
 * loads (edit opens one that does not, to fix it): a new string.
 */
int	catalog_find(struct store *, const char *ref, char **path);

/*
 * Replace the entry file path with text (len bytes, which load as new):
 * under the lock, only when the file still holds exactly base (baselen
 * bytes), else 75 and nothing written (a compare and swap); a part new
 * to the entry must be free.  The old text need not load.
 */
int	catalog_replace(struct store *, const char *path, const char *base,
	    size_t baselen, const char *text, size_t len,
	    const struct entry *new);

/*
 * 0 when part of series is free (files other than except), else 73
 * after a message.  Call under the lock.
 */
int	catalog_part_free(struct store *, const char *series, long part,
	    const char *except);

#endif
