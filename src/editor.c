#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "editor.h"
#include "fsio.h"
#include "store.h"

int
editor_run(const char *ed, const char *path)
{
	struct buf cmd = BUF_INIT;
	pid_t pid;
	int status;

	/* Through the shell, so EDITOR="emacs -nw" works, as in git. */
	buf_addf(&cmd, "%s \"$@\"", ed);
	if ((pid = fork()) == -1) {
		diag_fail(EXIT_IOERR, "cannot start the editor: %s",
		    strerror(errno));
		buf_free(&cmd);
		return -1;
	}
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", cmd.s, ed, path, (char *)NULL);
		_exit(127);
	}
	buf_free(&cmd);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			diag_fail(EXIT_IOERR, "waiting for the editor: %s",
			    strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		diag_fail(EXIT_IOERR, "the editor '%s' exited with status %d",
		    ed, WEXITSTATUS(status));
	else
		diag_fail(EXIT_IOERR, "the editor '%s' was killed by signal "
		    "%d", ed, WTERMSIG(status));
	return -1;
}

int
draft_path(const struct store *st, const char *name, char **path)
{
	char *dir = path_join(st->root, "drafts");
	int rc = fsio_mkdirs(st->root, "drafts");

	*path = rc == 0 ? path_join(dir, name) : NULL;
	free(dir);
	return rc;
}

char *
draft_newest(const struct store *st, const char *prefix)
{
	char *dir = path_join(st->root, "drafts"), *best = NULL;
	struct timespec best_t = { 0, 0 };
	struct dirent *de;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		free(dir);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		struct stat sb;
		char *p;

		if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 ||
		    len < 5 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		p = path_join(dir, de->d_name);
		if (lstat(p, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    (best == NULL || sb.st_mtim.tv_sec > best_t.tv_sec ||
		    (sb.st_mtim.tv_sec == best_t.tv_sec &&
		    sb.st_mtim.tv_nsec > best_t.tv_nsec))) {
			free(best);
			best = p;
			best_t = sb.st_mtim;
		} else
			free(p);
	}
	closedir(d);
	free(dir);
	return best;
}
