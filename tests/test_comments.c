/*
 * Comments and approvals (comments.h), in a fresh store per test: each
 * in its own private file under comments/ID/, in the order written,
 * read back through the loader with positions, approvals found, and bad
 * files reported without hiding the good ones.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "comments.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "lang.h"
#include "store.h"

#include "check_main.h"

static struct buf messages = BUF_INIT;
static char tmp[64];
static struct store st;

static void
setup(void)
{
	diag_reset();
	buf_reset(&messages);
	diag_sink = &messages;
	strcpy(tmp, "/tmp/dl-test-comments-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	ck_assert_int_eq(store_init(tmp, LANG_JA, NULL), 0);
	ck_assert_int_eq(store_open(&st, xstrdup(tmp), "-C"), 0);
}

static void
teardown(void)
{
	store_close(&st);
	remove_tree(tmp);
	diag_sink = NULL;
	buf_free(&messages);
}

static int
add(const char *id, const char *author, const char *text, bool approval)
{
	struct comment c;
	int rc;

	memset(&c, 0, sizeof(c));
	c.author = (char *)author;
	c.text = (char *)text;
	c.approval = approval;
	rc = comments_add(&st, id, &c);
	free(c.path);
	return rc;
}

/* A file written by hand into comments/ID/. */
static void
hand(const char *id, const char *name, const char *text)
{
	struct buf rel = BUF_INIT;
	char *path;

	buf_addf(&rel, "comments/%s", id);
	ck_assert_int_eq(fsio_mkdirs(tmp, rel.s), 0);
	buf_addf(&rel, "/%s", name);
	path = path_join(tmp, rel.s);
	ck_assert_int_eq(fsio_store_file(path, text, strlen(text), FSIO_NEW),
	    0);
	free(path);
	buf_free(&rel);
}

START_TEST(written_and_read_back)
{
	struct comment_list l;
	struct stat sb;

	ck_assert_int_eq(add("20261124-j3vtxm", "鈴木",
	    "先方への説明は明日。\n資料は金曜までに。\n", false), 0);
	ck_assert_int_eq(add("20261124-j3vtxm", "鈴木", NULL, true), 0);
	ck_assert_int_eq(st.nchanged, 2);
	comments_load(&st, "20261124-j3vtxm", &l);
	ck_assert_int_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].author, "鈴木");
	ck_assert_str_eq(l.v[0].text,
	    "先方への説明は明日。\n資料は金曜までに。\n");
	ck_assert(!l.v[0].approval);
	ck_assert(l.v[0].date.has_time);
	ck_assert(l.v[1].approval);
	ck_assert_ptr_null(l.v[1].text);
	ck_assert_str_eq(l.v[0].path, st.changed[0]);
	ck_assert_ptr_nonnull(strstr(l.v[1].path,
	    "/comments/20261124-j3vtxm/"));
	ck_assert_int_eq(stat(l.v[1].path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	comments_free(&l);
	/* An entry without comments has none. */
	comments_load(&st, "20261125-aaaaaa", &l);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(diag_status(), 0);
}
END_TEST

/* Many at once, by two people: each its own file, in written order. */
START_TEST(never_the_same_file)
{
	struct comment_list l;
	char text[16];

	for (int i = 0; i < 60; i++) {
		snprintf(text, sizeof(text), "%d", i);
		ck_assert_int_eq(add("20261124-j3vtxm", i % 2 ? "佐藤" : "鈴木",
		    text, false), 0);
	}
	comments_load(&st, "20261124-j3vtxm", &l);
	ck_assert_int_eq(l.n, 60);
	for (int i = 0; i < 60; i++) {
		snprintf(text, sizeof(text), "%d", i);
		ck_assert_str_eq(l.v[i].text, text);
	}
	comments_free(&l);
}
END_TEST

START_TEST(bad_files_reported)
{
	struct comment_list l;

	hand("20261124-j3vtxm", "1-good.yaml",
	    "date: 2026-11-24 18:30\nauthor: 鈴木\ntext: よし\nx-note: 1\n");
	hand("20261124-j3vtxm", "2-typo.yaml",
	    "date: 2026-11-24 18:31\nauthor: 鈴木\ntxet: typo\n");
	hand("20261124-j3vtxm", "3-nobody.yaml",
	    "date: 2026-11-24 18:32\ntext: 誰\n");
	hand("20261124-j3vtxm", "4-empty.yaml",
	    "date: 2026-11-24 18:33\nauthor: 鈴木\n");
	hand("20261124-j3vtxm", "5-date.yaml",
	    "date: 11/24\nauthor: 鈴木\napproval: true\n");
	hand("20261124-j3vtxm", "6-list.yaml", "- a\n- b\n");
	hand("20261124-j3vtxm", "7-approval.yaml",
	    "date: 2026-11-24 18:34\nauthor: 鈴木\napproval: yes\n");
	comments_load(&st, "20261124-j3vtxm", &l);
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].text, "よし");
	comments_free(&l);
	ck_assert_int_eq(diag_status(), EXIT_DATAERR);
	ck_assert_ptr_nonnull(strstr(messages.s, "2-typo.yaml:3:1: unknown key "
	    "'txet' (did you mean 'text'?)"));
	ck_assert_ptr_nonnull(strstr(messages.s, "3-nobody.yaml:1:1: missing "
	    "required key 'author'"));
	ck_assert_ptr_nonnull(strstr(messages.s, "4-empty.yaml:1:1: a comment "
	    "needs its 'text'"));
	ck_assert_ptr_nonnull(strstr(messages.s, "5-date.yaml:1:7: bad date "
	    "'11/24'"));
	ck_assert_ptr_nonnull(strstr(messages.s, "6-list.yaml:1:1: a comment "
	    "must be a mapping"));
	ck_assert_ptr_nonnull(strstr(messages.s, "7-approval.yaml:3:11: "
	    "approval must be one of false, true, not 'yes'"));
}
END_TEST

/* What the loader would refuse is never written. */
START_TEST(refused_before_writing)
{
	char *dir = path_join(tmp, "comments/20261124-j3vtxm");
	struct comment_list l;

	ck_assert_fails(add("20261124-j3vtxm", "鈴木", "\033[2J消す", false),
	    EXIT_DATAERR);
	ck_assert_fails(add("20261124-j3vtxm", "鈴木\n二行", "x", false),
	    EXIT_DATAERR);
	comments_load(&st, "20261124-j3vtxm", &l);
	ck_assert_int_eq(l.n, 0);
	ck_assert_int_eq(st.nchanged, 0);
	ck_assert_int_ne(access(dir, F_OK), 0);
	free(dir);
}
END_TEST

START_TEST(approved_ids)
{
	struct strlist ids;

	ck_assert_int_eq(add("20261124-aaaaaa", "鈴木", "見ました", false), 0);
	ck_assert_int_eq(add("20261125-bbbbbb", "鈴木", "見ました", false), 0);
	ck_assert_int_eq(add("20261125-bbbbbb", "鈴木", "承認します", true), 0);
	ck_assert_int_eq(add("20261123-cccccc", "部長", NULL, true), 0);
	comments_approved(&st, &ids);
	ck_assert_int_eq(ids.n, 2);
	ck_assert_str_eq(ids.v[0], "20261123-cccccc");
	ck_assert_str_eq(ids.v[1], "20261125-bbbbbb");
	strlist_free(&ids);
}
END_TEST

/* check: comments of an entry that is gone are said. */
START_TEST(check_orphans)
{
	struct strlist ids = { NULL, 0 };

	strlist_add(&ids, "20261125-bbbbbb");
	strlist_add(&ids, "20261124-aaaaaa");
	ck_assert_int_eq(add("20261124-aaaaaa", "鈴木", "見ました", false), 0);
	ck_assert_int_eq(add("20261126-gone00", "鈴木", "消えた", false), 0);
	hand("20261124-aaaaaa", "notes.txt", "x");
	comments_check(&st, &ids);
	ck_assert_int_eq(diag_status(), 0);
	ck_assert_ptr_nonnull(strstr(messages.s, "comments/20261126-gone00: "
	    "warning: comments of 20261126-gone00, which is not in the store"));
	ck_assert_ptr_nonnull(strstr(messages.s, "notes.txt: warning: not a "
	    "comment"));
	ck_assert_ptr_null(strstr(messages.s, "aaaaaa, which"));
	strlist_free(&ids);
}
END_TEST

static Suite *
comments_suite(void)
{
	Suite *s = suite_create("comments");
	TCase *t = tcase_create("comments");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, written_and_read_back);
	tcase_add_test(t, never_the_same_file);
	tcase_add_test(t, bad_files_reported);
	tcase_add_test(t, refused_before_writing);
	tcase_add_test(t, approved_ids);
	tcase_add_test(t, check_orphans);
	suite_add_tcase(s, t);
	return s;
}

CHECK_MAIN(comments_suite)
