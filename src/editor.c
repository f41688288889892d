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

/*
 * Whether ed needs the shell: a plain command name or path runs as it
 * is, as git runs it, which spares starting a shell each time.
 */
static bool
needs_shell(const char *ed)
{
	return ed[strcspn(ed, "|&;<>()$`\\\"' \t\n*?[#~=%")] != '\0';
}

int
editor_run(const char *ed, const char *path, int tty)
{
	struct sigaction ign, oint, oquit;
	struct buf cmd = BUF_INIT;
	pid_t pid;
	ssize_t n;
	int status, rc = 0, err, pfd[2];

	/* Through the shell when it needs one, so EDITOR="emacs -nw" works,
	 * as in git; exec, so that no shell between dies of the editor's ^C. */
	buf_addf(&cmd, "exec %s \"$@\"", ed);
	/* The child's exec error comes back on it: closed by the exec. */
	if (pipe2(pfd, O_CLOEXEC) == -1) {
		diag_fail(EXIT_IOERR, "cannot start the editor: %s",
		    strerror(errno));
		buf_free(&cmd);
		return -1;
	}
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
		close(pfd[0]);
		close(pfd[1]);
		goto out;
	}
	if (pid == 0) {
		close(pfd[0]);
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		if (tty != -1) {
			dup2(tty, STDIN_FILENO);
			if (!isatty(STDOUT_FILENO))
				dup2(tty, STDOUT_FILENO);
		}
		if (needs_shell(ed))
			execl("/bin/sh", "sh", "-c", cmd.s, ed, path,
			    (char *)NULL);
		else
			execlp(ed, ed, path, (char *)NULL);
		err = errno;
		(void)write(pfd[1], &err, sizeof(err));
		_exit(127);
	}
	close(pfd[1]);
	while ((n = read(pfd[0], &err, sizeof(err))) == -1 && errno == EINTR)
		;
	close(pfd[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			diag_fail(EXIT_IOERR, "waiting for the editor: %s",
			    strerror(errno));
			rc = -1;
			goto out;
		}
	if (n == (ssize_t)sizeof(err)) {
		diag_fail(EXIT_IOERR, "cannot run the editor '%s': %s", ed,
		    strerror(err));
		rc = -1;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
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
