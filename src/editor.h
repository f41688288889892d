/* The user's editor, and the drafts that keep their work when it fails. */
#ifndef DL_EDITOR_H
#define DL_EDITOR_H

struct store;

/* Run the editor command ed (through sh) on path; 0, or -1 (74). */
int	editor_run(const char *ed, const char *path);

/* ROOT/drafts/NAME (a new string), creating the directory. */
int	draft_path(const struct store *, const char *name, char **path);

/* The most recently changed ROOT/drafts/PREFIX*.yaml, or NULL. */
char	*draft_newest(const struct store *, const char *prefix);

#endif
