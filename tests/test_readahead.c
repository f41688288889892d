/*
 * Files read ahead in a second thread: every file of the list comes
 * back in the list's order with its own bytes, across directories, past
 * the ring's length and its byte budget; what cannot be read comes back
 * as failed (the caller then reads it itself); stopping at any point,
 * even before the first file, neither hangs nor leaks; no directory on
 * the way is a symbolic link; bound to one processor, no thread is
 * started.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fsio.h"
#include "readahead.h"

#include "check_main.h"

#define NFILES	1500		/* many times the ring */
#define BIG	(900 * 1024)	/* a few of these pass the byte budget */
#define MAX	(1024 * 1024)

static char dir[] = "/tmp/dl-readahead-XXXXXX";

/* The bytes of file i: its number, and for every 97th BIG bytes. */
static void
content(size_t i, struct buf *b)
{
	b->len = 0;
	buf_addf(b, "file %zu\n", i);
	if (i % 97 == 0)
		while (b->len < BIG)
			buf_addf(b, "%zu:%zu ", i, b->len);
}

static char *
path_of(size_t i)
{
	struct buf p = BUF_INIT;

	buf_addf(&p, "%s/d%zu/f%zu.yaml", dir, i % 3, i);
	return buf_detach(&p);
}

static void
write_file(const char *path, const struct buf *b)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(b->s, 1, b->len, fp), b->len);
	ck_assert_int_eq(fclose(fp), 0);
}

static char **paths;

static int
ncpus(void)
{
	cpu_set_t cpus;

	ck_assert_int_eq(sched_getaffinity(0, sizeof(cpus), &cpus), 0);
	return CPU_COUNT(&cpus);
}

/*
 * The thread over list, when this process may run on two processors;
 * on one, readahead_start must decline (NULL), and that is all there is
 * to test.
 */
static struct readahead *
start(const char *const *list, size_t n)
{
	struct readahead *ra = readahead_start(dir, list, n, MAX);

	if (ncpus() < 2) {
		ck_assert_ptr_null(ra);
		return NULL;
	}
	ck_assert_ptr_nonnull(ra);
	return ra;
}

static void
setup(void)
{
	struct buf b = BUF_INIT;
	char sub[64];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	for (int d = 0; d < 3; d++) {
		snprintf(sub, sizeof(sub), "%s/d%d", dir, d);
		ck_assert_int_eq(mkdir(sub, 0700), 0);
	}
	paths = calloc(NFILES, sizeof(*paths));
	ck_assert_ptr_nonnull(paths);
	for (size_t i = 0; i < NFILES; i++) {
		paths[i] = path_of(i);
		content(i, &b);
		write_file(paths[i], &b);
	}
	buf_free(&b);
}

static void
teardown(void)
{
	for (size_t i = 0; i < NFILES; i++)
		free(paths[i]);
	free(paths);
	remove_tree(dir);
	strcpy(dir, "/tmp/dl-readahead-XXXXXX");
}

START_TEST(every_file_in_order)
{
	struct readahead *ra = start((const char *const *)paths, NFILES);
	struct buf want = BUF_INIT;

	if (ra == NULL)
		return;
	for (size_t i = 0; i < NFILES; i++) {
		const struct buf *got = readahead_next(ra);

		content(i, &want);
		ck_assert_ptr_nonnull(got);
		ck_assert_uint_eq(got->len, want.len);
		ck_assert(memcmp(got->s, want.s, want.len) == 0);
		ck_assert_int_eq(got->s[got->len], '\0');
		/* A slow reader now and then: the ring fills meanwhile. */
		if (i % 400 == 0)
			usleep(20000);
	}
	readahead_stop(ra);
	buf_free(&want);
}
END_TEST

START_TEST(what_cannot_be_read_is_handed_over_failed)
{
	struct buf b = BUF_INIT, big = BUF_INIT;
	char *p[7];
	struct readahead *ra;
	const struct buf *got;

	for (size_t i = 0; i < 7; i++) {
		struct buf n = BUF_INIT;

		buf_addf(&n, "%s/d1/odd%zu", dir, i);
		p[i] = buf_detach(&n);
	}
	/* 0 gone, 1 a directory, 2 a link, 3 too large, 4 a FIFO, 5 and 6
	 * plain files around them. */
	ck_assert_int_eq(mkdir(p[1], 0700), 0);
	ck_assert_int_eq(symlink(paths[0], p[2]), 0);
	while (big.len <= MAX)
		buf_adds(&big, "0123456789abcdef");
	write_file(p[3], &big);
	ck_assert_int_eq(mkfifo(p[4], 0600), 0);
	buf_adds(&b, "before\n");
	write_file(p[5], &b);
	b.len = 0;
	buf_adds(&b, "after\n");
	write_file(p[6], &b);
	{
		const char *list[] = { p[5], p[0], p[1], p[2], p[3], p[4],
		    p[6] };

		if ((ra = start(list, 7)) == NULL)
			goto out;
		got = readahead_next(ra);
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got->s, "before\n");
		for (int i = 0; i < 4; i++)
			ck_assert_ptr_null(readahead_next(ra));
		/* A FIFO with no writer reads as empty, never waits. */
		got = readahead_next(ra);
		ck_assert_ptr_nonnull(got);
		ck_assert_uint_eq(got->len, 0);
		got = readahead_next(ra);
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got->s, "after\n");
		readahead_stop(ra);
	}
out:
	for (size_t i = 0; i < 7; i++)
		free(p[i]);
	buf_free(&b);
	buf_free(&big);
}
END_TEST

START_TEST(stopped_anywhere)
{
	static const size_t at[] = { 0, 1, 5, 511, 512, 513, 1200 };

	for (size_t k = 0; k < sizeof(at) / sizeof(at[0]); k++) {
		struct readahead *ra = start((const char *const *)paths,
		    NFILES);

		if (ra == NULL)
			return;
		for (size_t i = 0; i < at[k]; i++)
			ck_assert_ptr_nonnull(readahead_next(ra));
		readahead_stop(ra);
	}
	readahead_stop(NULL);
}
END_TEST

/*
 * A directory on the way that is a symbolic link is not gone through,
 * by the thread or by dircache_at (the caller's own reads): a store's
 * month swapped for a link to elsewhere after the walk stays unread.
 */
START_TEST(no_link_on_the_way)
{
	struct buf link = BUF_INIT, through = BUF_INIT, outside = BUF_INIT;
	struct dircache dc;
	struct readahead *ra;
	const char *name;

	buf_addf(&link, "%s/d9", dir);
	ck_assert_int_eq(symlink("d1", link.s), 0);
	buf_addf(&through, "%s/d9/f1.yaml", dir);
	dircache_init(&dc, dir);
	errno = 0;
	ck_assert_int_eq(dircache_at(&dc, through.s, &name), -1);
	/* O_DIRECTORY | O_NOFOLLOW on a link: "not a directory". */
	ck_assert_int_eq(errno, ENOTDIR);
	/* What lies below base, the usual way, and what does not. */
	ck_assert_int_ge(dircache_at(&dc, paths[4], &name), 0);
	ck_assert_str_eq(name, "f4.yaml");
	buf_addf(&outside, "%s/../%s/d1/f1.yaml", dir, strrchr(dir, '/') + 1);
	ck_assert_int_ge(dircache_at(&dc, outside.s, &name), 0);
	dircache_free(&dc);
	{
		const char *list[] = { paths[1], through.s, paths[4] };

		if ((ra = start(list, 3)) != NULL) {
			ck_assert_ptr_nonnull(readahead_next(ra));
			ck_assert_ptr_null(readahead_next(ra));
			ck_assert_ptr_nonnull(readahead_next(ra));
			readahead_stop(ra);
		}
	}
	buf_free(&link);
	buf_free(&through);
	buf_free(&outside);
}
END_TEST

/* Bound to one processor, the caller reads its files itself. */
START_TEST(declines_on_one_processor)
{
	cpu_set_t one;

	CPU_ZERO(&one);
	CPU_SET(sched_getcpu(), &one);
	ck_assert_int_eq(sched_setaffinity(0, sizeof(one), &one), 0);
	ck_assert_ptr_null(readahead_start(dir, (const char *const *)paths,
	    NFILES, MAX));
}
END_TEST

static Suite *
readahead_suite(void)
{
	Suite *s = suite_create("readahead");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, every_file_in_order);
	tcase_add_test(tc, what_cannot_be_read_is_handed_over_failed);
	tcase_add_test(tc, stopped_anywhere);
	tcase_add_test(tc, no_link_on_the_way);
	tcase_add_test(tc, declines_on_one_processor);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(readahead_suite)
