#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "pager.h"

static pid_t pager_pid = -1;

const char *
pager_command(void)
{
	const char *p;

	if ((p = getenv("DAILYLOG_PAGER")) == NULL &&
	    (p = getenv("PAGER")) == NULL &&
	    (p = config.pager) == NULL)
		p = "less -FRX";
	if (*p == '\0' || strcmp(p, "cat") == 0)
		return NULL;
	return p;
}

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

void
pager_start(const struct globals *g)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };
	const char *cmd;
	int fds[2];

	if (g->no_pager || pager_pid != -1 || !isatty(STDOUT_FILENO) ||
	    (cmd = pager_command()) == NULL)
		return;
	fflush(stdout);
	if (pipe(fds) == -1) {
		diag("cannot start the pager: %s", strerror(errno));
		return;
	}
	if ((pager_pid = fork()) == -1) {
		diag("cannot start the pager: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return;
	}
	if (pager_pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		/* less: quit on one screen, pass colour, keep the screen. */
		setenv("LESS", "FRX", 0);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	dup2(fds[1], STDOUT_FILENO);
	close(fds[0]);
	close(fds[1]);
	atexit(pager_at_exit);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], pager_on_signal);
}
