/*
 * The navigation block of a part: which parts it links, with which
 * labels, in which rows.  The one place that decides; renderers only
 * draw what it returns.
 */
#ifndef DL_NAV_H
#define DL_NAV_H

#include <stddef.h>

#include "series.h"

enum nav_kind {
	NAV_PREV,	/* an earlier part */
	NAV_NEXT,	/* a later part */
	NAV_FIRST,	/* window layout: the first part, outside the window */
	NAV_LAST,	/* window layout: the last part, outside the window */
	NAV_INDEX,	/* window layout: the series index */
	NAV_MISSING,	/* part numbers with no entry: drawn, never linked */
	NAV_CURRENT,	/* the part shown: drawn, never linked */
	NAV_GAP		/* window layout: numbers left out, "…" */
};

struct nav_link {
	enum nav_kind	 kind;
	long		 part;		/* 0 for NAV_INDEX and NAV_GAP */
	long		 last;		/* NAV_MISSING: the run part..last; else part */
	size_t		 target;	/* index into series->parts; for the kinds that link */
	char		*label;		/* e.g. "←前編③", "Part 17 →", "198" */
	int		 width;		/* display width of label */
};

struct nav_row {
	size_t	first;		/* index into links */
	size_t	n;
	bool	strip;		/* a pager's strip of numbers, not cells */
};

#define NAV_NONE	((size_t)-1)

struct nav {
	struct nav_link	*links;
	size_t		 nlinks;
	struct nav_row	*rows;
	size_t		 nrows;
	int		 cell_width;	/* widest label in a row of cells + 2: text pads to it */
	enum nav_layout	 layout;	/* all or window, auto resolved */
	size_t		 prev, next;	/* the adjacent parts in series->parts, or NAV_NONE */
	long		 part, last;	/* the part's number and the highest: 第16回／全17回 */
};

/* nav_build's flags. */
#define NAV_WITH_CURRENT	0x1	/* all layout: the part itself, before the next */

/*
 * The block for series->parts[at], in the layout series_layout() gives.
 *
 * All: every earlier part number (gaps as NAV_MISSING), per_row to a
 * row, then on rows of their own the part itself (only with
 * NAV_WITH_CURRENT) and the next part (none on the last part).
 *
 * Window, a pager: a row of cells with the previous part, the index and
 * the next part; then one strip of numbers: the first part and "…"
 * when the window does not reach it, the window's parts around the
 * part shown (NAV_CURRENT), "…" and the last part.  The window holds
 * window * 2 + 1 numbers wherever the part is, shifted at the ends, so
 * that every part's strip has the same length; a "…" never stands for
 * fewer than two numbers.
 */
void	nav_build(const struct series *, size_t at, int flags, struct nav *);
void	nav_free(struct nav *);

#endif
