/*
 * Tables for a terminal (list, series): columns aligned by display
 * width (text.h's rule), a flexible column that takes what the terminal
 * leaves, columns given up in a set order when it is narrow (so that a
 * table fits any width its columns that are never given up fit), cells
 * cut with "…" and painted after they are measured.  Cells come from a
 * callback, row by row, so a table of many rows holds no strings.
 */
#ifndef DL_TABLE_H
#define DL_TABLE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

struct table_column {
	const char	*head;		/* its header, when the table has one */
	int		 cap;		/* widest it may be; 0: no cap */
	int		 drop;		/* given up when narrow: 1 first; 0 never */
	bool		 flex;		/* takes the width left (one column) */
	bool		 fit;		/* flex, but no wider than its widest cell */
	bool		 hide_empty;	/* left out when empty in every row */
	int		 paint;		/* enum paint, or -1 */
	/* Set by table_layout: */
	int		 width;
	bool		 shown;
};

/* Columns are given up before the flexible one is narrower than this. */
#define TABLE_MIN	10

struct table {
	struct table_column	*cols;
	size_t			 ncols;
	size_t			 nrows;
	bool			 header;	/* a first row of heads */
	bool			 color;
	/* Append the cell of row, column col: text safe for a terminal. */
	void			(*cell)(struct buf *, size_t row, size_t col,
				    void *arg);
	void			*arg;
};

/* Measure the cells and fit the columns into width. */
void	table_layout(struct table *, int width);

/*
 * Draw every row into out, each line without trailing spaces; flush,
 * when given, is called whenever out holds 64 KiB.
 */
void	table_draw(const struct table *, struct buf *out,
	    void (*flush)(struct buf *));

#endif
