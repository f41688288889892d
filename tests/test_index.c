/*
 * The derived index: whatever happens to the entry files (edited in
 * place with the same size and mtime, replaced, added, removed, broken,
 * at any directory level the walk reads) and to the index itself (torn,
 * scribbled, unwritable, appended to), index_load and the lookups that
 * do not walk return what the files say.  No timing: racy records are
 * tested by an edit that stat data alone cannot see, and the racy
 * window is set by index_racy_ns (0: none; negative: everything is old
 * enough to trust).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "config.h"
#include "dailylog.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "lang.h"
#include "store.h"
#include "walk.h"

#include "check_main.h"

/* The settings of the store open_store opened last. */
static struct config opened;

/* The store at dir opened as -C DIR opens it, with its settings. */
static int
open_store(const char *dir, struct store *st)
{
	char *user = config_user_path(getenv("XDG_CONFIG_HOME"), getenv("HOME"));
	int rc;

	config_free(&opened);
	if ((rc = store_open(st, xstrdup(dir), "-C")) == 0 &&
	    (rc = config_read_user(user, &opened)) == 0)
		rc = store_read_settings(st, &opened);
	if (rc != 0)
		store_close(st);
	free(user);
	return rc;
}

static struct buf messages = BUF_INIT;
static char tmp[64];
static struct store st;
static const int64_t racy_default = 2 * 1000000000LL;

static void
setup(void)
{

	buf_reset(&messages);
	diag_sink = &messages;
	index_racy_ns = racy_default;
	strcpy(tmp, "/tmp/dl-test-index-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	rmdir(tmp);
	ck_assert_int_eq(store_init(tmp, LANG_JA, NULL), 0);
	ck_assert_int_eq(open_store(tmp, &st), 0);
	buf_reset(&messages);
}

static void
teardown(void)
{
	store_close(&st);
	remove_tree(tmp);
	diag_sink = NULL;
	buf_free(&messages);
}

static char *
in_store(const char *rel)
{
	return path_join(tmp, rel);
}

/* Write text over path in place: the same inode when it exists. */
static void
overwrite(const char *rel, const char *text)
{
	char *path = in_store(rel);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t len = strlen(text);

	ck_assert_msg(fd != -1, "cannot open %s", path);
	ck_assert_int_eq(write(fd, text, len), (ssize_t)len);
	ck_assert_int_eq(close(fd), 0);
	free(path);
}

static void
set_mtime(const char *rel, time_t when)
{
	struct timespec ts[2] = { { when, 0 }, { when, 0 } };
	char *path = in_store(rel);

	ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
	free(path);
}

static ino_t
inode_of(const char *rel)
{
	struct stat sb;
	char *path = in_store(rel);

	ck_assert_msg(stat(path, &sb) == 0, "%s is missing", path);
	free(path);
	return sb.st_ino;
}

#define ENTRY_A	"entries/2026/11/20261123-aaaaaa.yaml"
#define ENTRY_B	"entries/2026/11/20261124-bbbbbb.yaml"
#define ENTRY_C	"entries/2026/12/20261201-cccccc.yaml"

static void
three_entries(void)
{
	ck_assert_int_eq(fsio_mkdirs(tmp, "entries/2026/11"), 0);
	ck_assert_int_eq(fsio_mkdirs(tmp, "entries/2026/12"), 0);
	overwrite(ENTRY_A, "date: 2026-11-23 09:30\ntitle: T社を訪問\n"
	    "series: badge\npart: 1\nclient: T社\ncontact: O部長\n"
	    "staff: Kさん\ntags: [クレーム, 入館証]\nbody: 本文A\n");
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: Visit\nbody: text B\n");
	overwrite(ENTRY_C, "date: 2026-12-01\ntitle: 続報\nseries: badge\n"
	    "part: 2\n");
	/* Old files: no record is racy unless a test makes it so. */
	set_mtime(ENTRY_A, 1700000000);
	set_mtime(ENTRY_B, 1700000000);
	set_mtime(ENTRY_C, 1700000000);
}

/*
 * index_load's answer (index_load_series's for a slug) as one line per
 * entry: id date series part title.
 */
static char *
summaries(const char *slug, int want_bad)
{
	struct entry_list l;
	struct parts p;
	struct buf b = BUF_INIT;
	char date[17];

	diag_reset();
	if (slug != NULL) {
		ck_assert_int_eq(index_load_series(&st, slug, &p), 0);
		l = p.l;
	} else
		ck_assert_int_eq(index_load(&st, &l), 0);
	ck_assert_int_eq(diag_status(), want_bad);
	for (size_t i = 0; i < l.n; i++) {
		const struct entry *e = l.v[i];

		ck_assert_ptr_null(e->body);
		buf_addf(&b, "%s %s %s %ld %s\n", e->id,
		    date_format(&e->date, date), e->series ? e->series : "-",
		    e->part, e->title);
	}
	if (slug != NULL)
		parts_free(&p);
	else
		entry_list_free(&l);
	buf_adds(&b, "");
	return buf_detach(&b);
}

static char *
loaded(int want_bad)
{
	return summaries(NULL, want_bad);
}

static void
series_loads_as(const char *slug, const char *want)
{
	char *got = summaries(slug, 0);

	ck_assert_str_eq(got, want);
	free(got);
}

static void
loads_as(const char *want)
{
	char *got = loaded(0);

	ck_assert_str_eq(got, want);
	free(got);
}

static const char three[] =
    "20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
    "20261124-bbbbbb 2026-11-24 - 0 Visit\n"
    "20261201-cccccc 2026-12-01 badge 2 続報\n";

/*
 * three with line added after the line-th line of it (0: first): the
 * summaries a test expects once it added one entry.
 */
static const char *
three_plus(const char *added, int line)
{
	static struct buf out = BUF_INIT;
	const char *p = three;

	buf_reset(&out);
	for (int i = 0; i < line; i++) {
		const char *nl = strchr(p, '\n');

		buf_add(&out, p, (size_t)(nl - p + 1));
		p = nl + 1;
	}
	buf_adds(&out, added);
	buf_adds(&out, p);
	return buf_str(&out);
}

START_TEST(summaries_from_files_then_from_the_index)
{
	struct entry_list l;
	ino_t ino;

	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	ino = inode_of(INDEX_FILE);
	/* Nothing changed: the same answer, and the index is not rewritten. */
	loads_as(three);
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	/* Every summary field comes back from the index. */
	ck_assert_int_eq(index_load(&st, &l), 0);
	ck_assert_str_eq(l.v[0]->client, "T社");
	ck_assert_str_eq(l.v[0]->contact, "O部長");
	ck_assert_str_eq(l.v[0]->staff, "Kさん");
	ck_assert_uint_eq(l.v[0]->tags.n, 2);
	ck_assert_str_eq(l.v[0]->tags.v[1], "入館証");
	ck_assert_int_eq(l.v[0]->pos[F_PART].line, 4);
	ck_assert_ptr_null(l.v[1]->client);
	ck_assert_int_eq(l.v[1]->date.has_time, 0);
	ck_assert(strstr(l.v[2]->path, ENTRY_C) != NULL);
	entry_list_free(&l);
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

static const char made_ahead[] = "ahead";

/*
 * A row of the listing: the ID and the title.  Made ahead (arg is
 * made_ahead), the entry has no path.
 */
static void
id_title(const struct entry *e, struct buf *b, const void *arg)
{
	if (arg == made_ahead)
		ck_assert_ptr_null(e->path);
	buf_addf(b, "%s %s\n", e->id, e->title);
}

/*
 * index_summaries_ahead with room for cap bytes: the rows made ahead
 * followed by those of the summaries after them, and how many of them
 * were made ahead.
 */
static char *
listed_ahead(size_t cap, size_t *rows)
{
	struct index_ahead a = { id_title, made_ahead, cap, BUF_INIT, 0 };
	struct summaries sum;

	diag_reset();
	ck_assert_int_eq(index_summaries_ahead(&st, &sum, &a), 0);
	*rows = a.rows;
	ck_assert_uint_le(a.rows, sum.n);
	for (size_t i = a.rows; i < sum.n; i++)
		id_title(summaries_at(&sum, i), &a.out, NULL);
	summaries_free(&sum);
	buf_adds(&a.out, "");
	return buf_detach(&a.out);
}

/*
 * The listing made while the walk runs is the listing when nothing
 * changed, cut where its room ends; when a file changed, even with
 * its size and mtime kept, nothing made ahead is used.
 */
START_TEST(listing_made_ahead)
{
	static const char want[] = "20261123-aaaaaa T社を訪問\n"
	    "20261124-bbbbbb Visit\n20261201-cccccc 続報\n";
	static const char vasit[] = "20261123-aaaaaa T社を訪問\n"
	    "20261124-bbbbbb Vasit\n20261201-cccccc 続報\n";
	size_t rows;
	char *got;

	index_racy_ns = 0;
	three_entries();
	/* No index yet: nothing to make ahead from. */
	got = listed_ahead(1 << 20, &rows);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(rows, 0);
	free(got);
	got = listed_ahead(1 << 20, &rows);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(rows, 3);
	free(got);
	/* Room for one row: one made ahead, the rest after. */
	got = listed_ahead(1, &rows);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(rows, 1);
	free(got);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: Vasit\nbody: text B\n");
	set_mtime(ENTRY_B, 1700000000);
	got = listed_ahead(1 << 20, &rows);
	ck_assert_str_eq(got, vasit);
	ck_assert_uint_eq(rows, 0);
	free(got);
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

/*
 * Same size, same inode, mtime set back to what the index holds: only
 * ctime tells, and within one tick not even that.  Fresh records are
 * racy, so the file is read again anyway.
 */
START_TEST(same_size_same_mtime_edit_is_seen)
{
	three_entries();
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: Visit\nbody: text B\n");
	set_mtime(ENTRY_B, 1700000000);
	loads_as(three);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: Vasit\nbody: text B\n");
	set_mtime(ENTRY_B, 1700000000);
	loads_as("20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
	    "20261124-bbbbbb 2026-11-24 - 0 Vasit\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
}
END_TEST

/* With no racy window at all, stat data alone still sees these. */
START_TEST(stat_data_sees_replacement_and_size)
{
	char *a = in_store(ENTRY_A), *tmpf = in_store("entries/2026/11/x.tmp");

	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	/* Replaced by rename, same size, same mtime: another inode. */
	overwrite("entries/2026/11/x.tmp", "date: 2026-11-23 09:30\ntitle: "
	    "T社を再訪\nseries: badge\npart: 1\nclient: T社\ncontact: O部長\n"
	    "staff: Kさん\ntags: [クレーム, 入館証]\nbody: 本文A\n");
	set_mtime("entries/2026/11/x.tmp", 1700000000);
	ck_assert_int_eq(rename(tmpf, a), 0);
	/* In place, another size, mtime set back. */
	overwrite(ENTRY_C, "date: 2026-12-01\ntitle: 続報です\nseries: badge\n"
	    "part: 3\n");
	set_mtime(ENTRY_C, 1700000000);
	loads_as("20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を再訪\n"
	    "20261124-bbbbbb 2026-11-24 - 0 Visit\n"
	    "20261201-cccccc 2026-12-01 badge 3 続報です\n");
	free(a);
	free(tmpf);
}
END_TEST

START_TEST(added_and_removed_files_are_seen)
{
	char *b = in_store(ENTRY_B);

	three_entries();
	loads_as(three);
	ck_assert_int_eq(unlink(b), 0);
	overwrite("entries/2026/12/20261202-dddddd.yaml",
	    "date: 2026-12-02\ntitle: 追加\n");
	loads_as("20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n"
	    "20261202-dddddd 2026-12-02 - 0 追加\n");
	free(b);
}
END_TEST

/* A bad file stays out of the index and is reported every time. */
START_TEST(bad_file_reported_each_time)
{
	char *got;

	three_entries();
	overwrite(ENTRY_B, "date: 2026-11-24\ntitel: Visit\n");
	for (int i = 0; i < 2; i++) {
		buf_reset(&messages);
		got = loaded(EXIT_DATAERR);
		ck_assert_str_eq(got,
		    "20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
		    "20261201-cccccc 2026-12-01 badge 2 続報\n");
		ck_assert_msg(strstr(buf_str(&messages), "unknown key 'titel'"),
		    "round %d: %s", i, buf_str(&messages));
		free(got);
	}
}
END_TEST

/*
 * Damage at the start, the middle and the end, and a torn write.  With
 * no racy window every record would be trusted: only the header and
 * checksum keep a scribbled title out.
 */
START_TEST(damaged_index_is_ignored)
{
	char *path = in_store(INDEX_FILE);
	struct stat sb;

	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	ck_assert_int_eq(stat(path, &sb), 0);
	for (off_t at = 0; at < sb.st_size; at += sb.st_size / 7 + 1) {
		int fd = open(path, O_RDWR);
		char c;

		ck_assert_int_ne(fd, -1);
		ck_assert_int_eq(pread(fd, &c, 1, at), 1);
		c ^= 0x5a;
		ck_assert_int_eq(pwrite(fd, &c, 1, at), 1);
		close(fd);
		loads_as(three);
		ck_assert_int_eq(stat(path, &sb), 0);
	}
	ck_assert_int_eq(truncate(path, sb.st_size / 2), 0);
	loads_as(three);
	ck_assert_int_eq(truncate(path, 0), 0);
	loads_as(three);
	ck_assert_str_eq(buf_str(&messages), "");
	free(path);
}
END_TEST

/* An index that cannot be written is no error. */
START_TEST(unwritable_index_is_quiet)
{
	char *path = in_store(INDEX_FILE);

	three_entries();
	ck_assert_int_eq(mkdir(path, 0700), 0);
	loads_as(three);
	loads_as(three);
	ck_assert_str_eq(buf_str(&messages), "");
	free(path);
}
END_TEST

/* Writers add to a series while readers rebuild the index. */
START_TEST(concurrent_adds_and_readers)
{
	enum { WRITERS = 3, READERS = 3, EACH = 6, N = WRITERS * EACH };
	int seen[N + 1] = { 0 }, status;
	struct entry_list l;

	store_close(&st);
	for (int w = 0; w < WRITERS + READERS; w++) {
		pid_t pid = fork();

		ck_assert_int_ne(pid, -1);
		if (pid != 0)
			continue;
		int rc = open_store(tmp, &st);

		for (int i = 0; rc == 0 && i < EACH; i++) {
			if (w < WRITERS) {
				struct entry e;

				entry_init(&e);
				e.date = (struct date){ 2026, 11, 23, 0, 0, false };
				e.title = xstrdup("同時");
				e.series = xstrdup("badge");
				rc = catalog_add(&st, &e);
				entry_free(&e);
			} else {
				rc = index_load(&st, &l);
				entry_list_free(&l);
				rc = rc ? rc : diag_status();
			}
		}
		store_close(&st);
		_exit(rc);
	}
	for (int w = 0; w < WRITERS + READERS; w++) {
		ck_assert_int_ne(wait(&status), -1);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	ck_assert_int_eq(open_store(tmp, &st), 0);
	diag_reset();
	ck_assert_int_eq(index_load(&st, &l), 0);
	ck_assert_int_eq(diag_status(), 0);
	ck_assert_uint_eq(l.n, N);
	for (size_t i = 0; i < l.n; i++) {
		long part = l.v[i]->part;

		ck_assert_msg(part >= 1 && part <= N && seen[part]++ == 0,
		    "part %ld given twice or out of range", part);
	}
	entry_list_free(&l);
}
END_TEST

static const char badge[] =
    "20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
    "20261201-cccccc 2026-12-01 badge 2 続報\n";

/*
 * With every directory as the index recorded it, one series comes from
 * the index's records and its own files' stat data: a bad file
 * elsewhere goes unread, while in-place edits of the series' files are
 * seen.
 */
START_TEST(series_without_the_walk)
{
	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitel: Visit\n");
	buf_reset(&messages);
	series_loads_as("badge", badge);
	ck_assert_str_eq(buf_str(&messages), "");
	series_loads_as("none", "");
	/* Edited in place (the directory's times stay): read again. */
	overwrite(ENTRY_C, "date: 2026-12-01\ntitle: 続報その二\n"
	    "series: badge\npart: 2\n");
	series_loads_as("badge",
	    "20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報その二\n");
	/* Edited out of the series. */
	overwrite(ENTRY_A, "date: 2026-11-23\ntitle: 別件\n");
	series_loads_as("badge",
	    "20261201-cccccc 2026-12-01 badge 2 続報その二\n");
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

/*
 * A file added after the index was written changes its directory: the
 * whole store is read (the bad file is reported) and the new part seen.
 * So does a missing index.
 */
START_TEST(series_sees_new_files_and_no_index)
{
	char *ix = in_store(INDEX_FILE), *got;

	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	overwrite("entries/2026/12/20261202-dddddd.yaml",
	    "date: 2026-12-02\ntitle: 三報\nseries: badge\npart: 3\n");
	series_loads_as("badge", "20261123-aaaaaa 2026-11-23 09:30 badge 1 "
	    "T社を訪問\n20261201-cccccc 2026-12-01 badge 2 続報\n"
	    "20261202-dddddd 2026-12-02 badge 3 三報\n");
	ck_assert_int_eq(unlink(ix), 0);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitel: Visit\n");
	got = summaries("badge", EXIT_DATAERR);
	ck_assert_msg(strstr(got, "badge 3 三報"), "%s", got);
	ck_assert_msg(strstr(buf_str(&messages), "unknown key 'titel'"),
	    "%s", buf_str(&messages));
	free(got);
	free(ix);
}
END_TEST

/* The bytes of the index now, to see whether a command rewrote it. */
static char *
index_bytes(size_t *len)
{
	char *path = in_store(INDEX_FILE), *data;

	ck_assert_int_eq(file_read(path, 1 << 30, &data, len), 0);
	free(path);
	return data;
}

/*
 * A walk that cannot open a directory (no descriptor left) reports it,
 * fails, and writes no index: the one there, which holds every month,
 * stays, and the parts in the month not read are still found.
 */
START_TEST(failed_walk_writes_no_index)
{
	char *before, *after;
	size_t blen, alen;
	struct rlimit rl;
	int status, lowest;
	pid_t pid;

	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	before = index_bytes(&blen);
	/* A change that makes the next walk rewrite the index... */
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: Visit again\n");
	if ((pid = fork()) == 0) {
		struct entry_list l;

		/* ...but only entries/ can be opened, not entries/2026. */
		lowest = dup(0);
		close(lowest);
		rl.rlim_cur = rl.rlim_max = (rlim_t)lowest + 1;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			_exit(2);
		diag_reset();
		_exit(index_load(&st, &l) == -1 && diag_status() != 0 ? 0 : 1);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the walk did not fail as it should: %d", status);
	after = index_bytes(&alen);
	ck_assert_msg(alen == blen && memcmp(before, after, blen) == 0,
	    "a failed walk rewrote the index");
	series_loads_as("badge", badge);
	free(before);
	free(after);
}
END_TEST

#define DEEP_A	"entries/2026/11/merged/20261125-mmmmmm.yaml"
#define DEEP_B	"entries/2026/11/merged/a/20261126-nnnnnn.yaml"
#define TOO_DEEP "entries/2026/11/merged/a/b/20261128-tttttt.yaml"

/*
 * Files at every level the walk reads (entries/YYYY/MM/x/y) are in the
 * index, and one added there later is seen without a full listing: the
 * directories that changed are those levels' own.  A hidden directory
 * and one deeper than that are not read, by the walk or the lookup.
 */
START_TEST(series_sees_every_level)
{
	index_racy_ns = 0;
	three_entries();
	ck_assert_int_eq(fsio_mkdirs(tmp, "entries/2026/11/merged/a/b"), 0);
	ck_assert_int_eq(fsio_mkdirs(tmp, "entries/2026/11/.hidden"), 0);
	overwrite(DEEP_A, "date: 2026-11-25\ntitle: 統合された回\n"
	    "series: badge\npart: 3\n");
	loads_as(three_plus("20261125-mmmmmm 2026-11-25 badge 3 統合された回\n",
	    2));
	overwrite(DEEP_B, "date: 2026-11-26\ntitle: 深い回\nseries: badge\n"
	    "part: 4\n");
	overwrite("entries/2026/11/.hidden/20261127-hhhhhh.yaml",
	    "date: 2026-11-27\ntitle: 隠れた回\nseries: badge\npart: 5\n");
	overwrite(TOO_DEEP, "date: 2026-11-28\ntitle: 深すぎる回\n"
	    "series: badge\npart: 6\n");
	series_loads_as("badge", "20261123-aaaaaa 2026-11-23 09:30 badge 1 "
	    "T社を訪問\n20261125-mmmmmm 2026-11-25 badge 3 統合された回\n"
	    "20261126-nnnnnn 2026-11-26 badge 4 深い回\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
}
END_TEST

/* A store entry added as add adds it: numbered, written, noted. */
static char *
add_part(const char *series, const char *title)
{
	struct entry e;
	char *path;

	entry_init(&e);
	e.date = (struct date){ 2026, 11, 25, 0, 0, false };
	e.title = xstrdup(title);
	e.series = xstrdup(series);
	ck_assert_int_eq(catalog_add(&st, &e), 0);
	path = xstrdup(e.path + strlen(tmp) + 1);
	entry_free(&e);
	return path;
}

/* badge with the part add_part("badge", "三報") made at rel. */
static void
got_part_three(const char *rel)
{
	struct buf w = BUF_INIT;

	buf_addf(&w, "20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
	    "%.15s 2026-11-25 badge 3 三報\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n", strrchr(rel, '/') + 1);
	series_loads_as("badge", buf_str(&w));
	buf_free(&w);
}

/*
 * A directory changed within the racy window of the walk that recorded
 * it is read again by a lookup, and every changed file in it as well:
 * even a file outside the series edited in place to join it is seen.
 * Out of that window, the same edit is seen only by the next walk.
 */
START_TEST(racy_directory_is_read_again)
{
	index_racy_ns = 3600 * 1000000000LL;
	three_entries();
	loads_as(three);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: 合流\nseries: badge\n"
	    "part: 3\n");
	series_loads_as("badge", "20261123-aaaaaa 2026-11-23 09:30 badge 1 "
	    "T社を訪問\n20261124-bbbbbb 2026-11-24 badge 3 合流\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
	/* Now nothing is racy: the lookup trusts the records. */
	index_racy_ns = -3600 * 1000000000LL;
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: Visit\nbody: text B\n");
	loads_as(three);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: 合流\nseries: badge\n"
	    "part: 3\n");
	series_loads_as("badge", badge);
	loads_as("20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
	    "20261124-bbbbbb 2026-11-24 badge 3 合流\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
}
END_TEST

/*
 * A file that does not load is kept in the index as such: a lookup
 * passes over it while it is unchanged, reads it again once it changed
 * (fixed in place to join the series), and numbering always reads it
 * again, so that it knows the store is not whole.
 */
START_TEST(bad_files_in_lookups)
{
	struct parts p;
	const char *slug = "badge";
	size_t errors;

	index_racy_ns = 0;
	three_entries();
	overwrite(ENTRY_B, "date: 2026-11-24\ntitel: Visit\n");
	free(loaded(EXIT_DATAERR));
	buf_reset(&messages);
	series_loads_as("badge", badge);
	ck_assert_str_eq(buf_str(&messages), "");
	diag_reset();
	errors = diag_errors();
	ck_assert_int_eq(index_load_parts(&st, &slug, 1, &p), 0);
	ck_assert_uint_eq(p.l.n, 2);
	ck_assert_uint_gt(diag_errors(), errors);
	ck_assert_msg(strstr(buf_str(&messages), "unknown key 'titel'"),
	    "%s", buf_str(&messages));
	parts_free(&p);
	overwrite(ENTRY_B, "date: 2026-11-24\ntitle: 直した\nseries: badge\n"
	    "part: 3\n");
	series_loads_as("badge", "20261123-aaaaaa 2026-11-23 09:30 badge 1 "
	    "T社を訪問\n20261124-bbbbbb 2026-11-24 badge 3 直した\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
}
END_TEST

/*
 * add appends its entry to the index: the next lookup needs no walk
 * (the link in entries/2026/12 that any walk warns about stays
 * unmentioned) and sees the new part; the next walk folds the appended
 * part into a new index, once.
 */
START_TEST(add_appends_and_a_walk_folds)
{
	char *link = in_store("entries/2026/12/20261230-llllll.yaml");
	char *rel, *got;
	ino_t ino;

	index_racy_ns = 0;
	three_entries();
	ck_assert_int_eq(symlink("/nonexistent", link), 0);
	loads_as(three);
	ck_assert_msg(strstr(buf_str(&messages), "symbolic link"), "%s",
	    buf_str(&messages));
	ino = inode_of(INDEX_FILE);
	rel = add_part("badge", "三報");
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	buf_reset(&messages);
	got_part_three(rel);
	ck_assert_str_eq(buf_str(&messages), "");
	/* The next walk writes the index anew, the one after it does not. */
	got = loaded(0);
	ck_assert_msg(strstr(got, "badge 3 三報"), "%s", got);
	ck_assert_uint_ne(inode_of(INDEX_FILE), ino);
	ino = inode_of(INDEX_FILE);
	free(got);
	free(loaded(0));
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	free(rel);
	free(link);
}
END_TEST


/* The paths index_find_ids gives for prefix, relative, one a line. */
static char *
ids_found(const char *prefix)
{
	struct strlist l;
	struct buf b = BUF_INIT;

	diag_reset();
	ck_assert_int_eq(index_find_ids(&st, prefix, &l), 0);
	ck_assert_int_eq(diag_status(), 0);
	for (size_t i = 0; i < l.n; i++)
		buf_addf(&b, "%s\n", l.v[i] + strlen(tmp) + 1);
	strlist_free(&l);
	buf_adds(&b, "");
	return buf_detach(&b);
}

static void
ids_are(const char *prefix, const char *want)
{
	char *got = ids_found(prefix);

	ck_assert_str_eq(got, want);
	free(got);
}

/*
 * An ID prefix is found among the index's records while no directory
 * changed, and by the walk once one did (a file named by hand, in a
 * month its name does not say).
 */
START_TEST(id_prefixes)
{
	char *rel;
	struct buf w = BUF_INIT;

	index_racy_ns = 0;
	three_entries();
	ids_are("202611", ENTRY_A "\n" ENTRY_B "\n");
	loads_as(three);
	ids_are("20261124", ENTRY_B "\n");
	ids_are("2026112", ENTRY_A "\n" ENTRY_B "\n");
	ids_are("20261124-bbbbbc", "");
	ck_assert_int_eq(fsio_mkdirs(tmp, "entries/2027/01"), 0);
	overwrite("entries/2027/01/20261124-bbbbbz.yaml",
	    "date: 2026-11-24\ntitle: 月違い\n");
	ids_are("20261124", ENTRY_B "\nentries/2027/01/20261124-bbbbbz.yaml\n");
	loads_as("20261123-aaaaaa 2026-11-23 09:30 badge 1 T社を訪問\n"
	    "20261124-bbbbbb 2026-11-24 - 0 Visit\n"
	    "20261124-bbbbbz 2026-11-24 - 0 月違い\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
	/* One that add appended. */
	rel = add_part("badge", "三報");
	buf_addf(&w, "%s\n", rel);
	ids_are("20261125", buf_str(&w));
	buf_free(&w);
	free(rel);
}
END_TEST

/*
 * Damage anywhere in the index, and a torn append: the lookups that do
 * not walk answer what the files say, as index_load does.
 */
START_TEST(damaged_index_and_lookups)
{
	char *path = in_store(INDEX_FILE), *rel;
	struct stat sb;

	index_racy_ns = 0;
	three_entries();
	loads_as(three);
	ck_assert_int_eq(stat(path, &sb), 0);
	for (off_t at = 0; at < sb.st_size; at += sb.st_size / 23 + 1) {
		int fd = open(path, O_RDWR);
		char c;

		ck_assert_int_ne(fd, -1);
		ck_assert_int_eq(pread(fd, &c, 1, at), 1);
		c ^= 0x21;
		ck_assert_int_eq(pwrite(fd, &c, 1, at), 1);
		close(fd);
		series_loads_as("badge", badge);
		ids_are("20261124", ENTRY_B "\n");
		loads_as(three);
		ck_assert_int_eq(stat(path, &sb), 0);
	}
	/* An append cut short: as if it never was, and the part is seen. */
	rel = add_part("badge", "三報");
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(truncate(path, sb.st_size - 8), 0);
	got_part_three(rel);
	ck_assert_str_eq(buf_str(&messages), "");
	free(rel);
	free(path);
}
END_TEST

/* The header of the index as dailylog(5) lays it out: where its parts lie. */
struct ihead_view {
	char		magic[8];
	uint32_t	bom, ndirs, nrecs, nseries, nlist, nbad, nblocks;
	uint64_t	dirs, recs, strs, series, bylist, byid, bybad, sums;
	uint64_t	copies, end;
};

static void
read_head(struct ihead_view *h)
{
	char *path = in_store(INDEX_FILE);
	int fd = open(path, O_RDONLY);

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(pread(fd, h, sizeof(*h), 0), (ssize_t)sizeof(*h));
	ck_assert_int_eq(memcmp(h->magic, "DLINDEX5", 8), 0);
	close(fd);
	free(path);
}

/* Flip the low byte of the u32 at off of the index, in place. */
static void
flip_at(uint64_t off)
{
	char *path = in_store(INDEX_FILE);
	int fd = open(path, O_RDWR);
	unsigned char c;

	ck_assert_int_ne(fd, -1);
	ck_assert_int_eq(pread(fd, &c, 1, (off_t)off), 1);
	c ^= 0x01;
	ck_assert_int_eq(pwrite(fd, &c, 1, (off_t)off), 1);
	close(fd);
	free(path);
}

/*
 * A lookup checks the blocks of the orders it reads, and only those: a
 * damaged block it reads (a record number off by one, which would name
 * another entry) sends it to the files, and the index is written anew;
 * one it does not read leaves it to the index, until a lookup reads it
 * or index_load, which checks every block.
 */
START_TEST(damaged_block_of_the_orders)
{
	enum { LOT = 1500 };
	struct ihead_view h;
	char rel[64], text[96], *got;
	ino_t ino;

	index_racy_ns = 0;
	three_entries();
	for (int i = 1; i <= LOT; i++) {
		snprintf(rel, sizeof(rel), "entries/2026/11/20261101-p%05d.yaml",
		    i);
		snprintf(text, sizeof(text), "date: 2026-11-01\ntitle: 束%d\n"
		    "series: lot\npart: %d\n", i, i);
		overwrite(rel, text);
		set_mtime(rel, 1700000000);
	}
	free(loaded(0));
	read_head(&h);
	ck_assert_uint_eq(h.nseries, 2);	/* badge, lot */
	ck_assert_uint_ge(h.nblocks, 3);

	/* bylist's last block: no series or ID lookup reads it. */
	ino = inode_of(INDEX_FILE);
	flip_at(h.byid - 4);
	series_loads_as("badge", badge);
	ids_are("20261124", ENTRY_B "\n");
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	got = loaded(0);
	ck_assert_ptr_nonnull(strstr(got, three));
	free(got);
	ck_assert_uint_ne(inode_of(INDEX_FILE), ino);

	/* Where badge's copies lie, in the series table: its first entry. */
	read_head(&h);
	ino = inode_of(INDEX_FILE);
	flip_at(h.series + 8);
	series_loads_as("badge", badge);
	ck_assert_uint_ne(inode_of(INDEX_FILE), ino);

	/* 20261124-bbbbbb's, second to last by ID. */
	read_head(&h);
	flip_at(h.byid + (uint64_t)(h.nrecs - 2) * 4);
	ids_are("20261124", ENTRY_B "\n");
	ids_are("20261201", ENTRY_C "\n");
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

/* A part of series long, n, as its file says it. */
static void
long_part(int n, const char *title, char *rel, size_t relsz, struct buf *text)
{
	snprintf(rel, relsz, "entries/2026/10/20261001-l%05d.yaml", n);
	buf_reset(text);
	buf_addf(text, "date: 2026-10-01\ntitle: 長い連載の第%d回、"
	    "先方の倉庫で棚卸しの段取りを確かめる%s\nseries: long\npart: %d\n"
	    "client: 北浜物流\ncontact: 倉庫長\ntags: [棚卸し, 定例]\n", n,
	    title, n);
}

/*
 * Each series' records are kept together a second time, so that a
 * lookup reads them in one place: a series whose copies fill several
 * of the pieces the index is written in comes back whole; parts that
 * add and edit appended replace or join them; a damaged copy is found
 * when that series is looked up (the right answer, from the files, and
 * a new index), and only then.
 */
START_TEST(series_copies)
{
	enum { LONG = 600 };
	struct ihead_view h;
	struct buf text = BUF_INIT, want = BUF_INIT;
	struct parts p;
	char rel[64], *path, *got, *old;
	struct entry e;
	size_t oldlen;
	ino_t ino;

	index_racy_ns = 0;
	three_entries();
	ck_assert_int_eq(fsio_mkdirs(tmp, "entries/2026/10"), 0);
	for (int i = 1; i <= LONG; i++) {
		long_part(i, "", rel, sizeof(rel), &text);
		overwrite(rel, buf_str(&text));
		set_mtime(rel, 1700000000);
		buf_addf(&want, "20261001-l%05d 2026-10-01 long %d 長い連載の第%d回、"
		    "先方の倉庫で棚卸しの段取りを確かめる\n", i, i, i);
	}
	free(loaded(0));
	read_head(&h);
	ck_assert_uint_eq(h.nseries, 2);
	/* More than one piece of 64 KiB: the copies of long are first. */
	ck_assert_uint_gt(h.end - h.copies, 2 * 65536);
	series_loads_as("long", buf_str(&want));
	series_loads_as("badge", badge);
	/* Every field of the summary, in memory of the parts' own. */
	ck_assert_int_eq(index_load_series(&st, "long", &p), 0);
	ck_assert_uint_eq(p.l.n, LONG);
	for (size_t i = 0; i < p.l.n; i++) {
		const struct entry *v = p.l.v[i];

		long_part((int)i + 1, "", rel, sizeof(rel), &text);
		path = in_store(rel);
		ck_assert_str_eq(v->path, path);
		free(path);
		ck_assert_str_eq(v->client, "北浜物流");
		ck_assert_str_eq(v->contact, "倉庫長");
		ck_assert_ptr_null(v->staff);
		ck_assert_uint_eq(v->tags.n, 2);
		ck_assert_str_eq(v->tags.v[0], "棚卸し");
		ck_assert_str_eq(v->tags.v[1], "定例");
	}
	parts_free(&p);

	/* Part 300 edited as edit does: its appended record wins. */
	long_part(300, "（改）", rel, sizeof(rel), &text);
	path = in_store(rel);
	ck_assert_int_eq(file_read(path, 1 << 20, &old, &oldlen), 0);
	entry_init(&e);
	ck_assert_int_eq(entry_load_buf(path, buf_str(&text), text.len, &e,
	    false), 0);
	ino = inode_of(INDEX_FILE);
	ck_assert_int_eq(catalog_replace(&st, path, old, oldlen,
	    buf_str(&text), text.len, &e), 0);
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	got = summaries("long", 0);
	ck_assert_uint_eq(strlen(got), want.len + strlen("（改）"));
	ck_assert_msg(strstr(got, "long 300 長い連載の第300回、先方の倉庫で"
	    "棚卸しの段取りを確かめる（改）\n"), "%s", got);
	free(got);
	free(add_part("long", "追加"));
	got = summaries("long", 0);
	ck_assert_msg(strstr(got, " 2026-11-25 long 601 追加\n"), "%s", got);
	free(got);
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	entry_free(&e);
	free(old);
	free(path);

	/*
	 * A byte of part 500's title in its copy, beyond the first piece:
	 * only a lookup of long reads it, and a walk would not see it.
	 */
	free(loaded(0));
	read_head(&h);
	ino = inode_of(INDEX_FILE);
	old = index_bytes(&oldlen);
	got = memmem(old + h.copies, h.end - h.copies, "第500回",
	    strlen("第500回"));
	ck_assert_ptr_nonnull(got);
	flip_at((uint64_t)(got - old));
	free(old);
	free(loaded(0));
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	series_loads_as("badge", badge);
	ck_assert_uint_eq(inode_of(INDEX_FILE), ino);
	got = summaries("long", 0);
	ck_assert_msg(strstr(got, "long 500 長い連載の第500回、"), "%s", got);
	ck_assert_msg(strstr(got, " 2026-11-25 long 601 追加\n"), "%s", got);
	free(got);
	ck_assert_uint_ne(inode_of(INDEX_FILE), ino);
	ck_assert_str_eq(buf_str(&messages), "");
	buf_free(&text);
	buf_free(&want);
}
END_TEST

/* Writers add to a series while readers look the series up. */
START_TEST(concurrent_adds_and_series_lookups)
{
	enum { WRITERS = 3, READERS = 3, EACH = 6, N = WRITERS * EACH };
	int seen[N + 1] = { 0 }, status;
	struct parts p;

	index_racy_ns = 0;
	store_close(&st);
	for (int w = 0; w < WRITERS + READERS; w++) {
		pid_t pid = fork();

		ck_assert_int_ne(pid, -1);
		if (pid != 0)
			continue;
		int rc = open_store(tmp, &st);

		for (int i = 0; rc == 0 && i < EACH; i++) {
			if (w < WRITERS)
				free(add_part("busy", "同時"));
			else {
				rc = index_load_series(&st, "busy", &p);
				/* What is there is whole, numbered once. */
				for (size_t k = 0; rc == 0 && k < p.l.n; k++)
					if (p.l.v[k]->part < 1 ||
					    p.l.v[k]->part > N)
						rc = -1;
				parts_free(&p);
				rc = rc ? rc : diag_status();
			}
		}
		store_close(&st);
		_exit(rc);
	}
	for (int w = 0; w < WRITERS + READERS; w++) {
		ck_assert_int_ne(wait(&status), -1);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	ck_assert_int_eq(open_store(tmp, &st), 0);
	diag_reset();
	ck_assert_int_eq(index_load_series(&st, "busy", &p), 0);
	ck_assert_int_eq(diag_status(), 0);
	ck_assert_uint_eq(p.l.n, N);
	for (size_t i = 0; i < p.l.n; i++) {
		long part = p.l.v[i]->part;

		ck_assert_msg(part >= 1 && part <= N && seen[part]++ == 0,
		    "part %ld given twice or out of range", part);
	}
	parts_free(&p);
}
END_TEST

/*
 * Files added, removed or renamed by hand in a directory the index
 * knows: a lookup reads that directory again, and only that one (the
 * link in entries/2026/12 that a walk warns about stays unmentioned);
 * past a few hundred new files it walks instead.
 */
START_TEST(changed_directory_is_read_again)
{
	char *link = in_store("entries/2026/12/20261230-llllll.yaml");
	char *a = in_store(ENTRY_A), *moved = in_store(
	    "entries/2026/11/20261123-renamed.yaml");
	char name[64];

	index_racy_ns = 0;
	three_entries();
	ck_assert_int_eq(symlink("/nonexistent", link), 0);
	loads_as(three);
	overwrite("entries/2026/11/20261125-eeeeee.yaml",
	    "date: 2026-11-25\ntitle: 手で足した\nseries: badge\npart: 3\n");
	ck_assert_int_eq(rename(a, moved), 0);
	buf_reset(&messages);
	series_loads_as("badge", "20261123-renamed 2026-11-23 09:30 badge 1 "
	    "T社を訪問\n20261125-eeeeee 2026-11-25 badge 3 手で足した\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
	ids_are("20261123", "entries/2026/11/20261123-renamed.yaml\n");
	ids_are("20261125", "entries/2026/11/20261125-eeeeee.yaml\n");
	ck_assert_str_eq(buf_str(&messages), "");
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "entries/2026/11/20261126-%06d.yaml",
		    i);
		overwrite(name, "date: 2026-11-26\ntitle: 多数\n");
	}
	series_loads_as("badge", "20261123-renamed 2026-11-23 09:30 badge 1 "
	    "T社を訪問\n20261125-eeeeee 2026-11-25 badge 3 手で足した\n"
	    "20261201-cccccc 2026-12-01 badge 2 続報\n");
	ck_assert_msg(strstr(buf_str(&messages), "symbolic link"), "%s",
	    buf_str(&messages));
	free(link);
	free(a);
	free(moved);
}
END_TEST

static int
cmp_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The walk hands out files in the order of their full paths, whatever
 * the names (sharing their first 16 bytes or not, directories whose
 * names are prefixes of files' and of other directories'), small
 * directories and large ones; the index's records are kept in that
 * order.  walk_tree gives the same files with their stat data.
 */
START_TEST(walk_order_is_path_order)
{
	static const char *const dirs[] = {
		"entries/2026/11", "entries/2026/11-x", "entries/2026/11/a",
		"entries/2026/11/a-b", "entries/2026/1",
	};
	char **paths, **want;
	struct walk_tree t;
	size_t n, k = 0;
	char name[96];

	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++)
		ck_assert_int_eq(fsio_mkdirs(tmp, dirs[d]), 0);
	want = xreallocarray(NULL, 400, sizeof(*want));
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++)
		for (int i = 0; i < (d == 0 ? 300 : 3); i++) {
			/* Long shared prefixes, short names, odd bytes. */
			if (i % 3 == 0)
				snprintf(name, sizeof(name), "%s/2026112%d-%c%c.yaml",
				    dirs[d], i % 10, 'a' + i % 26, 'A' + i / 26 % 26);
			else if (i % 3 == 1)
				snprintf(name, sizeof(name), "%s/20261120-"
				    "same-long-prefix-%03d.yaml", dirs[d], 999 - i);
			else
				snprintf(name, sizeof(name), "%s/%c.yaml",
				    dirs[d], "a_b-Z0"[i % 6]);
			overwrite(name, "date: 2026-11-20\ntitle: 順\n");
			want[k++] = in_store(name);
		}
	qsort(want, k, sizeof(*want), cmp_paths);
	n = 0;
	for (size_t i = 0; i < k; i++)	/* the same name twice: once */
		if (n == 0 || strcmp(want[n - 1], want[i]) != 0)
			want[n++] = want[i];
		else
			free(want[i]);
	k = n;
	ck_assert_int_eq(walk_paths(tmp, &paths, &n, NULL, NULL), 0);
	ck_assert_uint_eq(n, k);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(paths[i], want[i]);
	ck_assert_int_eq(walk_tree(tmp, &t, NULL, NULL), 0);
	ck_assert_uint_eq(t.nfiles, k);
	for (size_t i = 0; i < t.nfiles; i++) {
		ck_assert_str_eq(t.files[i].path, want[i]);
		ck_assert_uint_ne(t.files[i].st.ino, 0);
	}
	walk_tree_free(&t);
	walk_paths_free(paths, n);
	for (size_t i = 0; i < k; i++)
		free(want[i]);
	free(want);
}
END_TEST

static Suite *
index_suite(void)
{
	Suite *s = suite_create("index");
	TCase *tc = tcase_create("index");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, summaries_from_files_then_from_the_index);
	tcase_add_test(tc, listing_made_ahead);
	tcase_add_test(tc, same_size_same_mtime_edit_is_seen);
	tcase_add_test(tc, stat_data_sees_replacement_and_size);
	tcase_add_test(tc, added_and_removed_files_are_seen);
	tcase_add_test(tc, bad_file_reported_each_time);
	tcase_add_test(tc, damaged_index_is_ignored);
	tcase_add_test(tc, unwritable_index_is_quiet);
	tcase_add_test(tc, concurrent_adds_and_readers);
	tcase_add_test(tc, series_without_the_walk);
	tcase_add_test(tc, series_sees_new_files_and_no_index);
	tcase_add_test(tc, failed_walk_writes_no_index);
	tcase_add_test(tc, series_sees_every_level);
	tcase_add_test(tc, racy_directory_is_read_again);
	tcase_add_test(tc, bad_files_in_lookups);
	tcase_add_test(tc, add_appends_and_a_walk_folds);
	tcase_add_test(tc, id_prefixes);
	tcase_add_test(tc, damaged_index_and_lookups);
	tcase_add_test(tc, damaged_block_of_the_orders);
	tcase_add_test(tc, series_copies);
	tcase_add_test(tc, concurrent_adds_and_series_lookups);
	tcase_add_test(tc, walk_order_is_path_order);
	tcase_add_test(tc, changed_directory_is_read_again);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(index_suite)
