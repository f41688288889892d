/*
 * Long output on a terminal goes through a pager, as git does: a pipe
 * to "sh -c PAGER" takes stdout, and dailylog waits for the pager
 * before it exits, so the shell's prompt never lands in the middle.
 */
#ifndef DL_PAGER_H
#define DL_PAGER_H

struct globals;

/*
 * The pager command: $DAILYLOG_PAGER, else $PAGER, else the pager
 * setting, else "less -FRX".  NULL when it is empty or "cat".
 */
const char *pager_command(void);

/*
 * Start the pager when stdout is a terminal and --no-pager was not
 * given.  Decide colour and widths before: stdout is a pipe afterwards.
 * Without a pager (or when it cannot start) output goes on as it was.
 */
void	pager_start(const struct globals *);

#endif
