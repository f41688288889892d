#include <errno.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "fsio.h"
#include "pager.h"

static pid_t pager_pid = -1;

/* Close our end so the pager sees the end of its input, then wait. */
static void
pager_wait(void)
{
	int status;

	close(STDOUT_FILENO);
	while (waitpid(pager_pid, &status, 0) == -1 && errno == EINTR)
		;
}

static void
pager_at_exit(void)
{
	fflush(stdout);
	pager_wait();
}

/* Interrupted: let the pager restore the terminal before we die too. */
static void
pager_on_signal(int sig)
{
	pager_wait();
	signal(sig, SIG_DFL);
	raise(sig);
}

/*
 * Fork "sh -c cmd" reading a new pipe: its pid, with our end in *fd.
 * An argument arg (or NULL) goes after the command's own, as "$@".
 */
static pid_t
spawn(const char *cmd, const char *arg, int *fd)
{
	int fds[2];
	pid_t pid;

	if (pipe(fds) == -1) {
		diag("cannot start the pager: %s", strerror(errno));
		return -1;
	}
	if ((pid = fork()) == -1) {
		diag("cannot start the pager: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		/* less: quit on one screen, pass colour, keep the screen;
		 * the text is UTF-8 whatever the locale says (LC_ALL=C). */
		setenv("LESS", "FRX", 0);
		setenv("LESSCHARSET", "utf-8", 0);
		if (arg != NULL) {
			struct buf with = BUF_INIT;

			buf_addf(&with, "%s \"$@\"", cmd);
			execl("/bin/sh", "sh", "-c", with.s, "sh", arg,
			    (char *)NULL);
		} else
			execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	*fd = fds[1];
	return pid;
}

void
pager_start(const char *cmd)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
	int fd;

	if (cmd == NULL || pager_pid != -1 || !isatty(STDOUT_FILENO))
		return;
	fflush(stdout);
	if ((pager_pid = spawn(cmd, NULL, &fd)) == -1)
		return;
	dup2(fd, STDOUT_FILENO);
	close(fd);
	atexit(pager_at_exit);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], pager_on_signal);
}

/* Whether cmd's program takes +N for the line to start at. */
static bool
takes_line(const char *cmd)
{
	static const char *const pagers[] = {
		"less", "more", "most", "vi", "vim", "nvim", "view"
	};
	const char *end, *base;

	while (*cmd == ' ' || *cmd == '\t')
		cmd++;
	end = cmd + strcspn(cmd, " \t");
	for (base = end; base > cmd && base[-1] != '/'; base--)
		continue;
	for (size_t i = 0; i < sizeof(pagers) / sizeof(pagers[0]); i++)
		if (strlen(pagers[i]) == (size_t)(end - base) &&
		    strncmp(base, pagers[i], (size_t)(end - base)) == 0)
			return true;
	return false;
}

int
pager_run(const char *cmd, const char *text, size_t len, long line)
{
	void (*was)(int) = signal(SIGPIPE, SIG_IGN);
	char arg[32];
	pid_t pid;
	int fd, status;

	snprintf(arg, sizeof(arg), "+%ld", line);
	fflush(stdout);
	if ((pid = spawn(cmd, line > 1 && takes_line(cmd) ? arg : NULL,
	    &fd)) == -1) {
		signal(SIGPIPE, was);
		diag_set_status(EXIT_TEMPFAIL);
		return -1;
	}
	/* A pager quit early closes the pipe (EPIPE): that is no error. */
	(void)fd_write_all(fd, text, len);
	close(fd);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	signal(SIGPIPE, was);
	return diag_child(status);
}
