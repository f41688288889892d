/*
 * peak FILE COMMAND [ARG...]: run COMMAND and write its peak resident
 * set (KiB, wait4's ru_maxrss) and its wall time (nanoseconds, from
 * just before fork to the return of wait4) to FILE.  The benchmark runs
 * commands through this small program because Linux keeps the
 * high-water mark across exec: a child spawned straight from python
 * would report python's own memory.  The time is taken here for the
 * same reason of measuring the command alone: python's spawn of this
 * program and its exec cost ~1.5 ms, as much as a lookup's work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	long long ns;
	FILE *fp;
	pid_t pid;
	int status;

	if (argc < 3) {
		fputs("usage: peak FILE COMMAND [ARG...]\n", stderr);
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
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
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
	if ((fp = fopen(argv[1], "w")) == NULL ||
	    fprintf(fp, "%ld %lld\n", ru.ru_maxrss, ns) < 0 || fclose(fp) == EOF) {
		perror(argv[1]);
		return 74;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
