/*
 * Colour on a terminal, restrained so it reads on light and dark
 * backgrounds alike: headings bold, dates and series references in
 * cyan, nothing else.  Escapes go around text that is already safe and
 * already measured, so they never change a width computation.
 */
#ifndef DL_COLOR_H
#define DL_COLOR_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

enum paint { PAINT_HEADING, PAINT_DATE, PAINT_REF };

/* Append the n bytes of s, which must be safe for a terminal, painted. */
void	color_add(struct buf *, enum paint, const char *s, size_t n);

/*
 * Paint what b holds from byte from on, line by line: every non-empty
 * line gets its own start and reset, so a pager shows each line right.
 */
void	color_span(struct buf *, size_t from, enum paint);

#endif
