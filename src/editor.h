/* The user's editor, run on a file and waited for. */
#ifndef DL_EDITOR_H
#define DL_EDITOR_H

#include <stdbool.h>

/*
 * The terminal to give the editor when the standard input or output is
 * not one (add read its body from a pipe; `id=$(dailylog add)`): *fd is
 * a descriptor of /dev/tty, or -1 when both are terminals or there is
 * none.  With stdin_taken the editor cannot do without it: no terminal
 * is then -1 (66).
 */
int	editor_terminal(bool stdin_taken, int *fd);

/*
 * Run the editor command ed on path (through sh when ed is more than a
 * command name or path), with tty (-1: none) as its standard input, and
 * its output when that is not a terminal.  An editor that cannot be
 * run is reported as such, once.
 * Interrupts from the terminal go to the editor alone, as in git.
 * Returns 0, or -1 (74).
 */
int	editor_run(const char *ed, const char *path, int tty);

#endif
