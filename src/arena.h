/*
 * An arena: many small allocations that die together, carved from a few
 * large blocks and freed at once.  For what the walk and the index hand
 * out by the thousand (paths, names, summaries), so that the heap holds
 * no long-lived crumbs between the short-lived allocations of the YAML
 * loader, and for the loader's own trees, one document at a time.  Not
 * for use by two threads at once.
 */
#ifndef DL_ARENA_H
#define DL_ARENA_H

#include <stddef.h>

struct arena {
	struct arena_block	*head;
	size_t			 block;	/* 0: 256 KiB, a mapping of its own */
};

#define ARENA_INIT { NULL, 0 }
/*
 * For an arena of a few kilobytes (a directory's names): blocks from
 * the heap, not a mapping each that is made, touched and unmade.
 */
#define ARENA_SMALL_BLOCK	(16 * 1024)

/* n bytes aligned for any object; never NULL (out of memory exits). */
void	*arena_alloc(struct arena *, size_t n);
/* A NUL-terminated copy of the n bytes at s. */
char	*arena_strndup(struct arena *, const char *s, size_t n);
char	*arena_strdup(struct arena *, const char *s);
/*
 * Everything allocated from the arena, at once, but one block kept for
 * the next use: for an arena per document of a reader of many.
 */
void	 arena_reset(struct arena *);
/* Everything allocated from the arena, at once. */
void	 arena_free(struct arena *);

#endif
