/*
 * Long output on a terminal goes through a pager, as git does: a pipe
 * to "sh -c PAGER" takes stdout, and dailylog waits for the pager
 * before it exits, so the shell's prompt never lands in the middle.
 * The pager command comes from the caller (ctx_pager); NULL means none.
 */
#ifndef DL_PAGER_H
#define DL_PAGER_H

#include <stddef.h>

/*
 * Start the pager cmd on stdout when stdout is a terminal.  Decide
 * colour and widths before: stdout is a pipe afterwards.  Without a
 * pager (or when it cannot start) output goes on as it was.
 */
void	pager_start(const char *cmd);

/*
 * Page the len bytes of text through cmd whatever stdout is, and wait
 * for it, opened at line (from 1): less, more, most and vi, which take
 * "+N", get it after the command's own arguments; other pagers start at
 * the top.  Returns 0, or -1 when it cannot start (75) or fails (its
 * status is dailylog's then: diag_child).  A pager quit early is no
 * error.
 */
int	pager_run(const char *cmd, const char *text, size_t len, long line);

#endif
