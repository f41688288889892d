/*
 * The store: finding it, opening it, its settings file, making a new
 * one, and the advisory lock that serializes its writers.  What is in
 * entries/ is walk.h's, index.h's and catalog.h's.
 */
#ifndef DL_STORE_H
#define DL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lang.h"

struct config;

struct store {
	char		*root;		/* the store directory */
	enum lang	 lang;		/* its settings' language */
	int		 lockfd;	/* -1 unless locked */
	int		 lockdepth;	/* holds of the lock inside the first */
	const char	*lock_timeout;	/* seconds to wait for it, as given */
	char		**changed;	/* paths written or removed, for git */
	size_t		  nchanged;
};

/* An empty, closed store. */
void	store_init_struct(struct store *);

/* The nearest ancestor of the working directory that is a store, or NULL. */
char	*store_find_upwards(void);

/*
 * Open the store dir (a new string, owned by st from now on), found by
 * how: "-C", "DAILYLOG_DIR", "" for the working directory, or NULL for
 * the default directory; each gets its own message when dir is not a
 * store (66).
 */
int	store_open(struct store *, char *dir, const char *how);

/* ROOT/dailylog.yaml over the settings cfg holds; its lang is the store's. */
int	store_read_settings(struct store *, struct config *);

/* Closing twice, or a store never opened, is harmless. */
void	store_close(struct store *);

/*
 * Make a store in dir: entries/, series/, the shipped templates in
 * templates/ and dailylog.yaml last; an existing store is left as it
 * is (0, with a message).
 */
int	store_init(const char *dir, enum lang, const char *author);

/*
 * Take and release the store's advisory lock, waiting lock_timeout
 * seconds (default 10; a bad value warns) before 75.  A hold taken while
 * the lock is held nests: the lock goes with the last release.
 */
int	store_lock(struct store *);
void	store_unlock(struct store *);
/*
 * The lock if it is free at once: 0, or an errno value (EWOULDBLOCK when
 * another process holds it), without a message.
 */
int	store_trylock(struct store *);

/*
 * Record that path (a file of the store) was created, replaced or
 * removed: every writer does, so that the command can commit exactly
 * what it changed (git.h).  Recording a path twice keeps it once.
 */
void	store_changed(struct store *, const char *path);
/* Forget the recorded paths. */
void	store_changed_clear(struct store *);

#endif
