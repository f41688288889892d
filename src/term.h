/* The terminal, when there is one. */
#ifndef DL_TERM_H
#define DL_TERM_H

#include <stdbool.h>

/*
 * Columns to fit output to: the terminal's width when fd is one, else
 * $COLUMNS when set, else 80.
 */
int	term_width(int fd);

#endif
