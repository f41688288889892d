/*
 * The checks every settings file shares (the store's dailylog.yaml, the
 * user's config.yaml, series/SLUG.yaml), so that each bad value gets the
 * same FILE:LINE:COLUMN message whichever file it is in.  Each returns 0,
 * or -1 (65) after the message.
 */
#ifndef DL_SETTINGS_H
#define DL_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

struct ynode;

/*
 * Read and parse path (at most max bytes): a mapping in *root, or an
 * empty one for an empty file.  A missing file is 0 with *root empty
 * when optional.  Returns 0 or -1 after the message.
 */
int	settings_read(const char *path, size_t max, bool optional,
	    struct ynode *root);

/* An unknown key, with the near miss among keys when there is one. */
int	settings_unknown_key(const char *path, const struct ynode *key,
	    const char *const *keys, size_t n);

/* How a string setting may look. */
#define SETTING_MAY_BE_EMPTY	0x1
#define SETTING_ONE_LINE	0x2	/* not empty, no newline */

/* A string setting into *dst (replacing what was there). */
int	settings_string(const char *path, const char *key,
	    const struct ynode *v, int how, char **dst);

/* One of n words: its index in *which. */
int	settings_word(const char *path, const char *key, const struct ynode *v,
	    const char *const *words, size_t n, int *which);

/* A whole number from lo to hi. */
int	settings_int(const char *path, const char *key, const struct ynode *v,
	    int lo, int hi, int *dst);

#endif
