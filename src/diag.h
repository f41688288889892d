/*
 * Messages to the user, all on stderr, all through here, as mandoc's
 * mandoc_msg.c: "dailylog: FILE:LINE:COLUMN: message".  Each problem is
 * reported once, where it is found, with the exit status it calls for;
 * diag keeps the worst of them, and main returns it.  Functions that
 * fail return -1 after reporting; nobody passes statuses up by hand.
 * Every message is one line: what came from data is made safe for a
 * terminal before it is printed, a newline in it shown as ^J.
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

/* No position: for messages about a whole file, or none. */
extern const struct pos nopos;

/*
 * A problem with status (64 to 75, or 1 for a lookup that found nothing):
 * "dailylog: FILE:LINE:COLUMN: message", or without what is 0 or NULL.
 */
void	diag_error(int status, const char *file, struct pos, const char *fmt,
	    ...) __attribute__((format(printf, 4, 5)));
/* A problem without a place: "dailylog: message". */
void	diag_fail(int status, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* A warning: "dailylog: FILE:LINE:COLUMN: warning: message"; no status. */
void	diag_warn(const char *file, struct pos, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Information, not a problem: "dailylog: message". */
void	diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * The worst status so far, 0 when all is well.  Worse means, in this
 * order: nothing found (1), bad data (65), no input (66), cannot create
 * (73), an I/O error (74), a temporary failure (75), a usage error (64),
 * and above all a status passed on from another program.
 */
int	diag_status(void);
/* A status without a message: another program's, passed on. */
void	diag_set_status(int status);

/*
 * A finished child's wait(2) status: 0 when it exited 0, else -1 with
 * its exit status (128 + N when killed by signal N) kept as dailylog's.
 */
int	diag_child(int status);

/*
 * While file is set, problems and warnings about it are dropped: not
 * shown, not counted, no status.  For a file whose old text no longer
 * matters because it is being replaced (edit fixes an entry that does
 * not load), or that is only peeked at (a draft's title in a listing).
 * NULL ends it.
 */
void	diag_ignore(const char *file);

/* Counts, for check's summary. */
size_t	diag_errors(void);
size_t	diag_warnings(void);

/* When set, messages are appended here instead (for the unit tests). */
extern struct buf *diag_sink;

/* Forget the status and the counts (for the unit tests). */
void	diag_reset(void);

#endif
