/*
 * A batch of new files in entries/, made all or none even when the
 * process is killed or the power fails (dailylog(5), "Importing").
 * Under the store's lock the files are staged in ROOT/.import and made
 * durable with one syncfs(2); a journal there names the file of
 * entries/ each will become; each is then linked there (never
 * replacing anything), the directories are flushed, and removing the
 * journal commits the batch.  A staging directory found later, by any
 * command under the lock, is rolled back: every name its journal lists
 * that is still a link of its staged file (the same inode, so never a
 * file that is not the batch's) is removed.  Without a journal nothing
 * was linked yet.  Functions return 0, or -1 after reporting.
 */
#ifndef DL_JOURNAL_H
#define DL_JOURNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct buf;

struct journal {
	const char	 *root;
	char		 *stage;	/* ROOT/.import, once made */
	char		**name;		/* each staged file, in stage */
	char		**target;	/* where it goes, relative to root */
	size_t		  n;
	/* When it is set (by a signal handler), stop at once. */
	const volatile sig_atomic_t *stop;
};

/* Whether root holds a batch left behind: one lstat, no lock. */
bool	journal_pending(const char *root);

/*
 * Under the lock: roll back the batch that root holds, if any, and say
 * so (a warning: the command goes on).
 */
int	journal_recover(const char *root);

/*
 * Stage n files, data[i] to become target[i] (relative to root, under
 * entries/, not there yet), then the journal.  Nothing is in entries/
 * yet when this returns; j is to be freed with journal_free.
 */
int	journal_stage(struct journal *, const char *root,
	    char *const *target, const struct buf *data, size_t n,
	    const volatile sig_atomic_t *stop);

/*
 * Link each staged file to its target, the month directories made as
 * they are needed, then flush the directories.
 */
int	journal_link(struct journal *);

/* Remove the journal: from here the batch is in.  Then tidy up. */
int	journal_commit(struct journal *);

/*
 * After a failure or a signal: every target this batch linked removed
 * (*removed counts them), their directories flushed, the staging
 * directory gone.  What cannot be undone is left for the next command.
 */
int	journal_roll_back(struct journal *, size_t *removed);

void	journal_free(struct journal *);

#endif
