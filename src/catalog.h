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

/*
 * An entry by full ID, unique ID prefix, or SERIES:PART.  Returns 0, or
 * -1 after a message: nothing found (1, with the candidates when a
 * prefix is ambiguous), a bad reference (64), a file that does not load.
 */
int	catalog_resolve(struct store *, const char *ref, struct entry **);
/* The same, SERIES:PART among summaries the caller has (index_load). */
int	catalog_resolve_in(struct store *, const struct entry_list *summaries,
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
 * series when e->part is 0, refuses a taken part (73), makes an ID,
 * writes entries/YYYY/MM/ID.yaml atomically without ever replacing a
 * file.  Sets e->id and e->path.
 */
int	catalog_add(struct store *, struct entry *);

/*
 * The same for n entries, all or none, in one hold of the lock; parts
 * are given in order, and a taken one is reported at its place in the
 * input name.  A failed write removes the entries written before it.
 */
int	catalog_add_batch(struct store *, const char *name, struct entry **,
	    size_t n);

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
