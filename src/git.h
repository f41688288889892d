/*
 * A store shared through git (dailylog(5) "A store in git"), on the git
 * command users already have, with their own remotes and credentials:
 *
 * - git runs as a child process from an argument vector, never through
 *   a shell, as "git -C ROOT --literal-pathspecs ...", in the C locale
 *   (so that its messages can be told apart), with GIT_DIR and friends
 *   of the caller's environment removed and no editor; its standard
 *   output and error are captured, and its errors become messages that
 *   say what to do.
 * - A store is a git store when ROOT/.git exists (init --git, clone).
 * - Every writer records the paths it changed (store_changed); a writing
 *   command ends with git_commit_changes, which commits exactly those,
 *   or does nothing outside a git store or with "git-commit: false".
 *
 * Functions return 0, or -1 after reporting (diag.h).
 */
#ifndef DL_GIT_H
#define DL_GIT_H

#include <stdbool.h>

#include "buf.h"

struct ctx;

struct git {
	char		*prog;		/* the git program */
	const char	*root;		/* the work tree (-C), or NULL */
	struct buf	 out, err;	/* what the last command wrote */
};

/* Whether the store at root is a git repository (ROOT/.git exists). */
bool	git_is_repo(const char *root);

/* path relative to the store at root, or NULL when it is not in it. */
const char *git_relative(const char *root, const char *path);

/*
 * Find git for the work tree root (NULL: none, for clone).  Not
 * installed: 74, with what to install.
 */
int	git_open(struct git *, const struct ctx *, const char *root);
void	git_close(struct git *);

/*
 * Run git with the arguments (a NULL-terminated vector after "git -C
 * ROOT"): its exit status, its output in g->out and g->err; -1 (74)
 * after a message when it could not be run or was killed.
 */
int	git_runv(struct git *, const char *const *argv);
/* The same with the arguments given in the call, ending in NULL. */
int	git_run(struct git *, ...) __attribute__((sentinel));

/*
 * Report a failed git command: "dailylog: WHAT: git: WHY; HINT", WHY
 * being git's own fatal or error lines, the status chosen by what git
 * said (an authentication failure 73, a repository not found 66, a
 * network failure 74, another git at work in the repository 75, else
 * status).  Returns -1.
 */
int	git_fail(struct git *, int status, const char *what, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Commit exactly the paths the store recorded (store_changed), with the
 * message fmt ("add 20261124-j3vtxm: A社訪問"), under the store's lock;
 * nothing outside a git store, with git-commit: false, or when nothing
 * was recorded.  The record is emptied.  A failure says that the files
 * are written but not committed, and how to commit them.
 */
int	git_commit_changes(struct ctx *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Who writes: the author setting (in a git store only the user's own
 * config.yaml's, as the store's file is everyone's), else git config
 * user.name when git is installed; a new string, or NULL.  An empty
 * author setting is NULL: no author.
 */
char	*git_author(const struct ctx *);

/* The driver's command line for git config, as a new string. */
char	*git_driver_command(void);

/*
 * init --git: make root a git repository (if it is not one), with the
 * .gitignore and .gitattributes of dailylog(5), the driver, and a first
 * commit of the store's files when it has none.  author (or NULL) is
 * this clone's git config user.name.
 */
int	git_init_store(struct ctx *, const char *root, const char *author);

/*
 * clone: git clone url into dir (which must not exist or be empty),
 * then check that it is a store and set up the driver; what the clone
 * made is removed again when it is not a store.
 */
int	git_clone_store(struct ctx *, const char *url, const char *dir);

#endif
