/*
 * peak FILE COMMAND [ARG...]: run COMMAND and write its peak resident
 * set (KiB, wait4's ru_maxrss) to FILE.  The benchmark runs commands
 * through this small program because Linux keeps the high-water mark
 * across exec: a child spawned straight from python would report
 * python's own memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	FILE *fp;
	pid_t pid;
	int status;

	if (argc < 3) {
		fputs("usage: peak FILE COMMAND [ARG...]\n", stderr);
		return 64;
	}
	if ((pid = fork()) == -1) {
		perror("peak: fork");
		return 71;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("peak: wait4");
		return 71;
	}
	if ((fp = fopen(argv[1], "w")) == NULL ||
	    fprintf(fp, "%ld\n", ru.ru_maxrss) < 0 || fclose(fp) == EOF) {
		perror(argv[1]);
		return 74;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
