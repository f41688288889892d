/*
 * The floors of the benchmark: what a command's work costs with nothing
 * but the system calls and libyaml, so that each figure can be given
 * as a ratio to what no implementation can avoid.
 *
 * floor DIR	the libyaml floor: walks DIR/entries like dailylog does,
 *		reads each *.yaml file whole and runs libyaml's event
 *		parser over it, keeping nothing (check, export, and a
 *		listing without an index).
 * floor -s DIR	the walk and an fstatat(2) of every file: what a warm
 *		index cannot avoid when it checks every file's stat data.
 * floor -m DIR	the same and DIR/.index mapped and read through once:
 *		what a listing from the index cannot avoid.
 * floor -a DIR	the system calls of add: the lock, mkdir of the month,
 *		a temporary file written and fsynced, link(2) to its
 *		name, the directory fsynced; then the file is removed.
 *
 * Prints what it counted, so that the work cannot be skipped.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

static size_t nfiles, nevents;
static int mode;	/* 0, 's', 'm' */

static void
parse(int dirfd, const char *name)
{
	static char buf[1024 * 1024];
	yaml_parser_t p;
	yaml_event_t ev;
	ssize_t len;
	int fd, done = 0;

	if ((fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC)) == -1)
		err(1, "%s", name);
	if ((len = read(fd, buf, sizeof(buf))) == -1)
		err(1, "%s", name);
	close(fd);
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf,
	    (size_t)len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev))
			errx(1, "%s: %s", name, p.problem);
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		nevents++;
	}
	yaml_parser_delete(&p);
	nfiles++;
}

static void
walk(int dirfd)
{
	DIR *d = fdopendir(dirfd);
	struct dirent *de;

	if (d == NULL)
		err(1, "fdopendir");
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] == '.')
			continue;
		if (de->d_type == DT_DIR) {
			int sub = openat(dirfd, de->d_name,
			    O_RDONLY | O_DIRECTORY | O_CLOEXEC);

			if (sub == -1)
				err(1, "%s", de->d_name);
			walk(sub);
		} else if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0) {
			struct stat sb;

			if (mode == 0)
				parse(dirfd, de->d_name);
			else if (fstatat(dirfd, de->d_name, &sb,
			    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode))
				nfiles++;
		}
	}
	closedir(d);
}

/* The index read through once, a word a page. */
static size_t
read_index(void)
{
	struct stat sb;
	size_t sum = 0;
	const unsigned char *p;
	int fd;

	if ((fd = open(".index", O_RDONLY | O_CLOEXEC)) == -1)
		err(1, ".index");
	if (fstat(fd, &sb) == -1)
		err(1, ".index");
	p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE |
	    MAP_POPULATE, fd, 0);
	if (p == MAP_FAILED)
		err(1, "mmap");
	for (off_t i = 0; i < sb.st_size; i += 4096)
		sum += p[i];
	munmap((void *)p, (size_t)sb.st_size);
	close(fd);
	return sum;
}

static const char entry[] =
    "date: 2026-12-01 09:00\ntitle: bench\nseries: long\npart: 1001\n"
    "body: |\n  text\n";

/* add's system calls, in add's order, on entries/2026/12 of DIR. */
static void
add_calls(void)
{
	const char *tmp = "entries/2026/12/.20261201-floor0.yaml.tmp-bench";
	const char *name = "entries/2026/12/20261201-floor0.yaml";
	int lock, fd, dir;

	if ((lock = open(".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600)) == -1 ||
	    flock(lock, LOCK_EX) == -1)
		err(1, ".lock");
	if ((mkdir("entries/2026", 0700) == -1 && errno != EEXIST) ||
	    (mkdir("entries/2026/12", 0700) == -1 && errno != EEXIST))
		err(1, "mkdir");
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1)
		err(1, "%s", tmp);
	if (write(fd, entry, sizeof(entry) - 1) != sizeof(entry) - 1 ||
	    fsync(fd) == -1 || close(fd) == -1)
		err(1, "%s", tmp);
	if (link(tmp, name) == -1 || unlink(tmp) == -1)
		err(1, "%s", name);
	if ((dir = open("entries/2026/12", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) == -1 || fsync(dir) == -1)
		err(1, "entries/2026/12");
	close(dir);
	flock(lock, LOCK_UN);
	close(lock);
	printf("20261201-floor0\n");
	/* Not add's: the benchmark's clean-up. */
	unlink(name);
}

int
main(int argc, char **argv)
{
	int fd;

	if (argc == 3 && argv[1][0] == '-' && strchr("sma", argv[1][1]) &&
	    argv[1][2] == '\0') {
		mode = argv[1][1];
		argv++;
	} else if (argc != 2) {
		fprintf(stderr, "usage: floor [-s | -m | -a] DIR\n");
		return 64;
	}
	if (chdir(argv[1]) == -1)
		err(1, "%s", argv[1]);
	if (mode == 'a') {
		add_calls();
		return 0;
	}
	if ((fd = open("entries", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		err(1, "%s/entries", argv[1]);
	walk(fd);
	printf("%zu files, %zu events", nfiles, nevents);
	if (mode == 'm')
		printf(", index %zu", read_index());
	printf("\n");
	return 0;
}
