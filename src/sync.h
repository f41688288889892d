/*
 * A git store brought level with its remote (dailylog-sync(1)), and the
 * conflicts that stop it (dailylog-resolve(1)):
 *
 * 1. fetch;
 * 2. every file that both sides changed since their common commit is
 *    merged first, in memory: entries field by field (merge.h); a field
 *    both changed stops sync here, before anything is touched, with the
 *    versions kept under ROOT/.dailylog-conflicts/ until resolve decides;
 * 3. under the store's lock, the local commits are rebased onto the
 *    remote's with the merge driver; a file that still stops the rebase
 *    takes its merge from step 2, or the rebase is undone whole and the
 *    file kept as a conflict; each merged file is then exactly its merge;
 * 4. a part that a local, unpushed entry shares with one that arrived
 *    moves to the next free part, through the catalog, and is committed;
 * 5. push, never forcing; when the remote moved on meanwhile, again.
 *
 * A sync killed halfway leaves a mark (ROOT/.dailylog-sync); the next
 * one undoes the rebase it left.  Functions return 0 or -1 (diag.h).
 */
#ifndef DL_SYNC_H
#define DL_SYNC_H

struct ctx;
struct store;

int	sync_run(struct ctx *);

/* How resolve decides a conflict. */
enum resolve_choice {
	RESOLVE_MINE,		/* --ours: this store's version */
	RESOLVE_THEIRS,		/* --theirs: the remote's */
	RESOLVE_EDIT		/* the editor, with both versions */
};

/*
 * Decide the conflict of ref (an entry's reference, or the file's path
 * in the store), then sync when no conflict is left undecided.
 */
int	sync_resolve(struct ctx *, const char *ref, enum resolve_choice);

/* The kept conflicts, one a line on stdout: ID or path, fields, state. */
int	sync_list_conflicts(struct ctx *);

/* For check: each conflict kept, an error while undecided. */
void	sync_check(struct store *);

#endif
