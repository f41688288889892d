/* The arena (arena.h). */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

/* Blocks above the mmap threshold come from their own mappings. */
#define BLOCK_SIZE	(256 * 1024)

struct arena_block {
	struct arena_block	*next;
	size_t			 used, size;
	alignas(max_align_t) unsigned char data[];
};

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t align = alignof(max_align_t), at;

	if (n > SIZE_MAX - align - sizeof(*b))
		n = SIZE_MAX - align - sizeof(*b);	/* xmalloc fails */
	at = b != NULL ? (b->used + align - 1) & ~(align - 1) : 0;
	if (b == NULL || at + n > b->size) {
		size_t block = a->block != 0 ? a->block : BLOCK_SIZE;
		size_t size = n > block / 4 ? n : block;

		/* A large request gets a block of its own, behind the head. */
		b = xmalloc(sizeof(*b) + size);
		b->size = size;
		b->used = 0;
		if (size != block && a->head != NULL) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
		at = 0;
	}
	b->used = at + n;
	return b->data + at;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_reset(struct arena *a)
{
	struct arena_block *b, *next, *keep = NULL;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (keep == NULL && b->size == (a->block != 0 ? a->block :
		    BLOCK_SIZE))
			keep = b;
		else
			free(b);
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
