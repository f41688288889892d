/*
 * The body's light markup (dailylog(5)): blank-line-separated paragraphs,
 * "## " headings, "- " list items.  Parsed once into blocks that every
 * renderer draws in its own way.
 */
#ifndef DL_MARKUP_H
#define DL_MARKUP_H

#include <stddef.h>

enum block_type { BLOCK_PARAGRAPH, BLOCK_HEADING, BLOCK_LIST };

struct block {
	enum block_type	  type;
	char		**lines;	/* paragraph: its lines; heading: one; list: one per item */
	size_t		  n;
};

struct markup {
	struct block	*v;
	size_t		 n;
};

/*
 * Split body into blocks.  A list item continues on following lines
 * indented by two spaces; those are joined to it with one space (none
 * between two non-ASCII characters, as Japanese needs no space).
 */
void	markup_parse(const char *body, struct markup *);
void	markup_free(struct markup *);

/* Append lines joined as one run of text, by the rule above. */
struct buf;
void	markup_join(struct buf *, char *const *lines, size_t n);

#endif
