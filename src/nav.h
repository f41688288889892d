/*
 * The navigation block of a part: which parts it links, with which
 * labels, in which rows.  The one place that decides; renderers only
 * draw what it returns.
 */
#ifndef DL_NAV_H
#define DL_NAV_H

#include <stddef.h>

struct series;

enum nav_kind {
	NAV_PREV,	/* an earlier part */
	NAV_NEXT,	/* the next part */
	NAV_FIRST,	/* window layout: the first part, outside the window */
	NAV_LAST,	/* window layout: the last part, outside the window */
	NAV_INDEX,	/* window layout: the series index */
	NAV_MISSING	/* part numbers with no entry: drawn, never linked */
};

struct nav_link {
	enum nav_kind	 kind;
	long		 part;		/* 0 for NAV_INDEX */
	long		 last;		/* NAV_MISSING: the run part..last; else part */
	size_t		 target;	/* index into series->parts; unused for INDEX and MISSING */
	char		*label;		/* e.g. "←前編③", "Part 17 →" */
	int		 width;		/* display width of label */
};

struct nav_row {
	size_t	first;		/* index into links */
	size_t	n;
};

struct nav {
	struct nav_link	*links;
	size_t		 nlinks;
	struct nav_row	*rows;
	size_t		 nrows;
	int		 cell_width;	/* widest label + 2: text formats pad cells to it */
};

/*
 * The block for series->parts[at].  Layout all: every earlier part
 * number (gaps as NAV_MISSING), per_row to a row, then the next part
 * alone on its own row (none on the last part).  Layout window: the
 * index, the first part, "window" parts on each side, the last part.
 */
void	nav_build(const struct series *, size_t at, struct nav *);
void	nav_free(struct nav *);

#endif
