/* The editor (editor.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "editor.h"

int
editor_terminal(bool stdin_taken, int *fd)
{
	*fd = -1;
	if (!stdin_taken && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return 0;
	if ((*fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC)) != -1)
		return 0;
	if (!stdin_taken)
		return 0;
	diag_fail(EXIT_NOINPUT, "the editor needs a terminal: the standard "
	    "input was read for the body, and there is no terminal to give "
	    "it instead (/dev/tty: %s)", strerror(errno));
	return -1;
}

int
editor_run(const char *ed, const char *path, int tty)
{
	struct sigaction ign, oint, oquit;
	struct buf cmd = BUF_INIT;
	pid_t pid;
	int status, rc = 0;

	/* Through the shell, so EDITOR="emacs -nw" works, as in git; exec,
	 * so that no shell between dies of the editor's ^C. */
	buf_addf(&cmd, "exec %s \"$@\"", ed);
	/* A ^C meant for the editor must not kill us and lose the draft. */
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	if ((pid = fork()) == -1) {
		diag_fail(EXIT_IOERR, "cannot start the editor: %s",
		    strerror(errno));
		rc = -1;
		goto out;
	}
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		if (tty != -1) {
			dup2(tty, STDIN_FILENO);
			if (!isatty(STDOUT_FILENO))
				dup2(tty, STDOUT_FILENO);
		}
		execl("/bin/sh", "sh", "-c", cmd.s, ed, path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			diag_fail(EXIT_IOERR, "waiting for the editor: %s",
			    strerror(errno));
			rc = -1;
			goto out;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		diag_fail(EXIT_IOERR, "the editor '%s' exited with status %d",
		    ed, WEXITSTATUS(status));
		rc = -1;
	} else if (WIFSIGNALED(status)) {
		diag_fail(EXIT_IOERR, "the editor '%s' was killed by signal "
		    "%d", ed, WTERMSIG(status));
		rc = -1;
	}
out:
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	buf_free(&cmd);
	return rc;
}
