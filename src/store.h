/*
 * The store: finding it, its settings, scanning entries/, resolving
 * references, atomic creation and replacement, and the advisory lock.
 */
#ifndef DL_STORE_H
#define DL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang.h"

struct entry;
struct globals;

struct store {
	char	*root;		/* the store directory */
	char	*author;	/* from dailylog.yaml, or NULL */
	enum lang lang;
	int	 lockfd;	/* -1 unless locked */
};

/*
 * Find the store by the lookup order of dailylog(1) and read its settings.
 * On failure the store is closed again.
 */
int	store_open(const struct globals *, struct store *);

/*
 * The same, but bad settings (EXIT_DATAERR, reported) leave the store
 * open with defaults, for check to go on; close it in every case.
 */
int	store_open_any(const struct globals *, struct store *);
void	store_close(struct store *);

/* The directory init creates when given none. */
char	*store_default_dir(const struct globals *);
int	store_init(const char *dir, enum lang, const char *author);

/* Take and release the store's advisory lock (75 after DAILYLOG_LOCK_TIMEOUT). */
int	store_lock(struct store *);
void	store_unlock(struct store *);

#endif
