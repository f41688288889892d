/*
 * Messages to the user, all on stderr, all through here:
 * "dailylog: FILE:LINE:COLUMN: message".  Every string that came from
 * data is made safe for a terminal before it is printed.
 */
#ifndef DL_DIAG_H
#define DL_DIAG_H

#include <stddef.h>

struct buf;

/* A position in a file; line and column are 1-based, 0 when unknown. */
struct pos {
	int	line;
	int	col;
};

void	diag_error(const char *file, struct pos, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	diag_warn(const char *file, struct pos, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* A plain message without a position: "dailylog: message". */
void	diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Counters, for check's summary. */
extern size_t diag_nerrors;
extern size_t diag_nwarnings;

/* When set, messages are appended here instead (for the unit tests). */
extern struct buf *diag_sink;

#endif
