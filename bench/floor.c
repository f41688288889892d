/*
 * The floor of the benchmark: what reading a store costs with nothing
 * but libyaml.  Walks DIR/entries like dailylog does, reads each *.yaml
 * file whole and runs libyaml's event parser over it, keeping nothing.
 * Prints the number of files and events so the work cannot be skipped.
 *
 * With -s, the second floor: the walk and an fstatat(2) of every file,
 * what a warm index cannot avoid when it checks every file's stat data.
 *
 * usage: floor [-s] DIR
 */
#include <dirent.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

static size_t nfiles, nevents;
static int stat_only;

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

			if (!stat_only)
				parse(dirfd, de->d_name);
			else if (fstatat(dirfd, de->d_name, &sb,
			    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode))
				nfiles++;
		}
	}
	closedir(d);
}

int
main(int argc, char **argv)
{
	int fd;

	if (argc == 3 && strcmp(argv[1], "-s") == 0) {
		stat_only = 1;
		argv++;
	} else if (argc != 2) {
		fprintf(stderr, "usage: floor [-s] DIR\n");
		return 64;
	}
	if (chdir(argv[1]) == -1 || (fd = open("entries",
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		err(1, "%s/entries", argv[1]);
	walk(fd);
	printf("%zu files, %zu events\n", nfiles, nevents);
	return 0;
}
