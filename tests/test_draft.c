/*
 * Drafts (draft.h) and the compare-and-swap that edit replaces an entry
 * with (catalog_replace), in a fresh store per test.  A draft's lock is
 * an open file description lock, so a second take in this one process
 * meets the first as another process would.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "entry.h"
#include "fsio.h"
#include "lang.h"
#include "store.h"

#include "check_main.h"

static struct buf messages = BUF_INIT;
static char tmp[64];
static char *dir;
static struct store st;

static void
setup(void)
{
	buf_reset(&messages);
	diag_sink = &messages;
	diag_reset();
	strcpy(tmp, "/tmp/dl-test-draft-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	dir = path_join(tmp, "store");
	ck_assert_int_eq(store_init(dir, LANG_JA, NULL), 0);
	store_init_struct(&st);
	ck_assert_int_eq(store_open(&st, xstrdup(dir), "-C"), 0);
	buf_reset(&messages);
}

static void
teardown(void)
{
	store_close(&st);
	remove_tree(tmp);
	free(dir);
	diag_sink = NULL;
	buf_free(&messages);
}

static char *
in_store(const char *rel)
{
	return path_join(dir, rel);
}

static void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static char *
contents(const char *path)
{
	char *s;
	size_t len;

	ck_assert_int_eq(file_read(path, EDIT_MAX_FILE, &s, &len), 0);
	return s;
}

static bool
exists(const char *path)
{
	struct stat sb;

	return lstat(path, &sb) == 0;
}

static void
has_message(const char *part)
{
	ck_assert_msg(strstr(buf_str(&messages), part) != NULL,
	    "no '%s' in the messages: %s", part, buf_str(&messages));
}

/* --- who owns a draft --- */

/* A draft belongs to one holder at a time; the second is told who. */
START_TEST(take_is_exclusive)
{
	struct draft a, b;
	struct buf want = BUF_INIT;
	char *lock = in_store("drafts/20261124-k7m2qp.lock");

	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &a), 0);
	ck_assert(!draft_exists(&a));
	ck_assert_fails(draft_take(&st, "20261124-k7m2qp", &b), EXIT_TEMPFAIL);
	buf_addf(&want, "dailylog: %s is open in another dailylog (process "
	    "%ld); finish there first\n", a.path, (long)getpid());
	ck_assert_str_eq(buf_str(&messages), want.s);
	/* Another draft is not held by it. */
	ck_assert_int_eq(draft_take(&st, "20261124-other1", &b), 0);
	draft_release(&b);
	draft_release(&a);
	/* Let go: the next one takes it, and no lock file stays behind. */
	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &b), 0);
	ck_assert(exists(lock));
	draft_release(&b);
	ck_assert(!exists(lock));
	buf_free(&want);
	free(lock);
}
END_TEST

/* Released with its text kept: an orphan, taken again as it was. */
START_TEST(orphan_resumed_with_its_base)
{
	struct draft d;
	char *base, *text;
	size_t len;

	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert_int_eq(draft_begin(&d, "title: 元\n", 11), 0);
	put_file(d.path, "title: 書きかけ\n");
	draft_release(&d);
	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert(draft_exists(&d));
	ck_assert_int_eq(draft_read_base(&d, &base, &len), 0);
	ck_assert_str_eq(base, "title: 元\n");
	free(base);
	text = contents(d.path);
	ck_assert_str_eq(text, "title: 書きかけ\n");
	ck_assert_int_eq(access(d.path, F_OK), 0);
	draft_remove(&d);
	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert(!draft_exists(&d));
	ck_assert_int_eq(draft_read_base(&d, &base, &len), 0);
	draft_release(&d);
	free(text);
}
END_TEST

/* A draft of an older dailylog, without a base, says so by NULL. */
START_TEST(no_base)
{
	struct draft d;
	char *base = (char *)"x";
	size_t len = 9;

	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	put_file(d.path, "title: 古い\n");
	ck_assert_int_eq(draft_read_base(&d, &base, &len), 0);
	ck_assert_ptr_null(base);
	ck_assert_uint_eq(len, 0);
	draft_release(&d);
}
END_TEST

static void
make_add_draft(const char *name, const char *title, bool hold,
    struct draft *d)
{
	struct buf text = BUF_INIT;

	ck_assert_int_eq(draft_take(&st, name, d), 0);
	buf_addf(&text, "date: 2026-11-24\ntitle: %s\n", title);
	put_file(d->path, text.s);
	buf_free(&text);
	if (!hold)
		draft_release(d);
}

/* --resume: the newest add draft nobody holds. */
START_TEST(newest_add_skips_held)
{
	struct draft held, old, d;
	struct timespec t[2] = { { 1795500000, 0 }, { 1795500000, 0 } };
	char *p;

	make_add_draft("add-1795600000-11", "古い", false, &old);
	p = in_store("drafts/add-1795600000-11.yaml");
	ck_assert_int_eq(utimensat(AT_FDCWD, p, t, 0), 0);
	free(p);
	make_add_draft("add-1795600100-12", "新しい", true, &held);
	/* The edit draft is no add draft, however new. */
	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert_int_eq(draft_begin(&d, "title: t\n", 9), 0);
	draft_release(&d);
	ck_assert_int_eq(draft_take_newest_add(&st, &d), 0);
	ck_assert_str_eq(d.name, "add-1795600000-11");
	/* Now both are held: none to take, and it says why. */
	buf_reset(&messages);
	ck_assert_fails(draft_take_newest_add(&st, &old), EXIT_TEMPFAIL);
	has_message("every draft is open in another dailylog (process ");
	draft_release(&d);
	draft_release(&held);
}
END_TEST

START_TEST(newest_add_none)
{
	struct draft d;

	ck_assert_fails(draft_take_newest_add(&st, &d), EXIT_NOTFOUND);
	has_message("no draft to resume in ");
}
END_TEST

/* --- what is in drafts/ --- */

START_TEST(list_kinds)
{
	struct draft_info *v;
	struct draft held, d;
	size_t n;
	char *p;

	make_add_draft("add-1795600000-11", "追加の[下書き]", false, &d);
	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert_int_eq(draft_begin(&d, "date: 2026-11-24\ntitle: 編集中\n",
	    strlen("date: 2026-11-24\ntitle: 編集中\n")), 0);
	draft_release(&d);
	/* One held, with a write of it in progress: no leftover. */
	make_add_draft("add-1795600200-13", "開いている", true, &held);
	p = in_store("drafts/.add-1795600200-13.yaml.tmp-AbCdEf");
	put_file(p, "x");
	free(p);
	/* Leftovers: a temporary file and a base whose draft is gone. */
	p = in_store("drafts/.20261124-k7m2qp.yaml.tmp-XyZ123");
	put_file(p, "x");
	free(p);
	p = in_store("drafts/20261101-gone00.base");
	put_file(p, "title: 消えた\n");
	free(p);
	/* An editor's own file is not ours. */
	p = in_store("drafts/.20261124-k7m2qp.yaml.swp");
	put_file(p, "x");
	free(p);
	ck_assert_int_eq(draft_list(&st, &v, &n), 0);
	ck_assert_uint_eq(n, 5);
	for (size_t i = 0; i < 3; i++)
		ck_assert_int_ne(v[i].kind, DRAFT_LEFTOVER);
	for (size_t i = 0; i < 3; i++)
		if (strcmp(v[i].name, "add-1795600200-13") == 0) {
			ck_assert_int_eq(v[i].kind, DRAFT_ADD);
			ck_assert_int_eq(v[i].owner, getpid());
			ck_assert_str_eq(v[i].title, "開いている");
		} else if (strcmp(v[i].name, "add-1795600000-11") == 0) {
			ck_assert_int_eq(v[i].kind, DRAFT_ADD);
			ck_assert_int_eq(v[i].owner, 0);
			ck_assert_str_eq(v[i].title, "追加の[下書き]");
		} else {
			ck_assert_str_eq(v[i].name, "20261124-k7m2qp");
			ck_assert_int_eq(v[i].kind, DRAFT_EDIT);
			ck_assert_int_eq(v[i].owner, 0);
		}
	ck_assert_int_eq(v[3].kind, DRAFT_LEFTOVER);
	ck_assert_str_eq(v[3].name, ".20261124-k7m2qp.yaml.tmp-XyZ123");
	ck_assert_int_eq(v[4].kind, DRAFT_LEFTOVER);
	ck_assert_str_eq(v[4].name, "20261101-gone00.base");
	/* Peeking at titles reported nothing. */
	ck_assert_str_eq(buf_str(&messages), "");
	ck_assert_int_eq(diag_status(), 0);
	draft_list_free(v, n);
	draft_release(&held);
}
END_TEST

/* A draft that does not load still lists, quietly, without a title. */
START_TEST(list_broken_draft)
{
	struct draft_info *v;
	struct draft d;
	size_t n;

	ck_assert_int_eq(draft_take(&st, "add-1795600000-11", &d), 0);
	put_file(d.path, "titel: [\n");
	draft_release(&d);
	ck_assert_int_eq(draft_list(&st, &v, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_null(v[0].title);
	ck_assert_str_eq(buf_str(&messages), "");
	ck_assert_int_eq(diag_status(), 0);
	draft_list_free(v, n);
}
END_TEST

/* --- merging a change on disk into a draft --- */

#define BASE	"date: 2026-11-24\ntitle: 元の題\nclient: T社\nbody: |\n  本文\n"

START_TEST(merge_clean)
{
	struct draft d;
	char *text, *base;
	size_t len;
	const char *now = "date: 2026-11-24\ntitle: 元の題\nclient: T社\n"
	    "body: |\n  本文\n  追記\n";

	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert_int_eq(draft_begin(&d, BASE, strlen(BASE)), 0);
	put_file(d.path, "date: 2026-11-24\ntitle: 直した題\nclient: T社\n"
	    "body: |\n  本文\n");
	ck_assert_int_eq(draft_merge(&d, now, strlen(now)), 0);
	text = contents(d.path);
	ck_assert_str_eq(text, "date: 2026-11-24\ntitle: 直した題\n"
	    "client: T社\nbody: |\n  本文\n  追記\n");
	ck_assert_int_eq(draft_read_base(&d, &base, &len), 0);
	ck_assert_str_eq(base, now);
	has_message("merged the change on disk into your draft");
	ck_assert_int_eq(diag_status(), 0);
	draft_release(&d);
	free(text);
	free(base);
}
END_TEST

/* Both changed one line: both kept between marks, which do not load. */
START_TEST(merge_conflict)
{
	struct draft d;
	struct entry e;
	char *text;
	const char *now = "date: 2026-11-24\ntitle: 他の人の題\nclient: T社\n"
	    "body: |\n  本文\n";

	ck_assert_int_eq(draft_take(&st, "20261124-k7m2qp", &d), 0);
	ck_assert_int_eq(draft_begin(&d, BASE, strlen(BASE)), 0);
	put_file(d.path, "date: 2026-11-24\ntitle: 私の題\nclient: T社\n"
	    "body: |\n  本文\n");
	ck_assert_int_eq(draft_merge(&d, now, strlen(now)), 0);
	text = contents(d.path);
	ck_assert_ptr_nonnull(strstr(text, "<<<<<<< your draft\ntitle: 私の題\n"));
	ck_assert_ptr_nonnull(strstr(text, "title: 他の人の題\n>>>>>>> on disk "
	    "now\n"));
	has_message("keep what is right and delete the marks");
	entry_init(&e);
	diag_reset();
	ck_assert_int_eq(entry_load_buf(d.path, text, strlen(text), &e, false),
	    -1);
	entry_free(&e);
	draft_release(&d);
	free(text);
}
END_TEST

/* --- the compare and swap --- */

static char *
entry_file(const char *id, const char *text)
{
	struct buf rel = BUF_INIT;
	char *path;

	ck_assert_int_eq(fsio_mkdirs(dir, "entries/2026/11"), 0);
	buf_addf(&rel, "entries/2026/11/%s.yaml", id);
	path = in_store(rel.s);
	put_file(path, text);
	buf_free(&rel);
	return path;
}

static int
replace(const char *path, const char *base, const char *text)
{
	struct entry e;
	int rc;

	entry_init(&e);
	ck_assert_int_eq(entry_load_buf("draft.yaml", text, strlen(text), &e,
	    false), 0);
	rc = catalog_replace(&st, path, base, strlen(base), text, strlen(text),
	    &e);
	entry_free(&e);
	return rc;
}

START_TEST(replace_when_unchanged)
{
	char *path = entry_file("20261124-k7m2qp", BASE), *text;
	const char *mine = "date: 2026-11-24\ntitle: 私の題\n";

	ck_assert_int_eq(replace(path, BASE, mine), 0);
	text = contents(path);
	ck_assert_str_eq(text, mine);
	ck_assert_str_eq(buf_str(&messages), "");
	free(text);
	free(path);
}
END_TEST

/* The file is not what the edit began from: untouched, 75. */
START_TEST(replace_refused_when_changed)
{
	const char *theirs = BASE "x-other: 他の人\n";
	char *path = entry_file("20261124-k7m2qp", theirs), *text;
	struct buf want = BUF_INIT;

	ck_assert_fails(replace(path, BASE, "date: 2026-11-24\ntitle: 私の\n"),
	    EXIT_TEMPFAIL);
	buf_addf(&want, "dailylog: %s changed while you were editing it; not "
	    "replaced\n", path);
	ck_assert_str_eq(buf_str(&messages), want.s);
	text = contents(path);
	ck_assert_str_eq(text, theirs);
	/* Even a change that only adds a byte at the end. */
	free(text);
	free(path);
	path = entry_file("20261124-k7m2qp", BASE "\n");
	ck_assert_fails(replace(path, BASE, "date: 2026-11-24\ntitle: 私の\n"),
	    EXIT_TEMPFAIL);
	buf_free(&want);
	free(path);
}
END_TEST

START_TEST(replace_refused_when_removed)
{
	char *path = entry_file("20261124-k7m2qp", BASE);

	ck_assert_int_eq(unlink(path), 0);
	ck_assert_fails(replace(path, BASE, "date: 2026-11-24\ntitle: 私の\n"),
	    EXIT_TEMPFAIL);
	has_message("was removed while you were editing it; not written back");
	ck_assert(!exists(path));
	free(path);
}
END_TEST

/*
 * An entry that does not load, in a series, fixed: replaced, and its
 * old problems (seen again by the walk for the part) are not reported.
 */
START_TEST(replace_fixes_broken_series_entry)
{
	const char *broken = "date: 2026-11-24\ntitel: 綴り違い\nseries: badge\n"
	    "part: 3\n";
	const char *fixed = "date: 2026-11-24\ntitle: 綴り\nseries: badge\n"
	    "part: 3\n";
	char *path = entry_file("20261124-k7m2qp", broken), *text;

	ck_assert_int_eq(replace(path, broken, fixed), 0);
	ck_assert_str_eq(buf_str(&messages), "");
	ck_assert_int_eq(diag_status(), 0);
	text = contents(path);
	ck_assert_str_eq(text, fixed);
	free(text);
	free(path);
	/* And one that is not even YAML. */
	path = entry_file("20261124-zz9999", "title: [\n");
	ck_assert_int_eq(replace(path, "title: [\n", "date: 2026-11-24\n"
	    "title: 直した\nseries: badge\npart: 4\n"), 0);
	ck_assert_str_eq(buf_str(&messages), "");
	ck_assert_int_eq(diag_status(), 0);
	free(path);
}
END_TEST

/* A part new to the entry must be free; the file stays as it was. */
START_TEST(replace_to_taken_part)
{
	const char *other = "date: 2026-11-23\ntitle: 二\nseries: badge\n"
	    "part: 2\n";
	const char *mine = "date: 2026-11-24\ntitle: 一\nseries: badge\n"
	    "part: 1\n";
	char *o = entry_file("20261123-aaaaaa", other);
	char *path = entry_file("20261124-k7m2qp", mine), *text;

	ck_assert_fails(replace(path, mine, "date: 2026-11-24\ntitle: 一\n"
	    "series: badge\npart: 2\n"), EXIT_CANTCREAT);
	has_message("part 2 of series 'badge' is taken by 20261123-aaaaaa");
	text = contents(path);
	ck_assert_str_eq(text, mine);
	free(text);
	free(path);
	free(o);
}
END_TEST

static Suite *
draft_suite(void)
{
	Suite *s = suite_create("draft");
	TCase *own = tcase_create("owner"), *list = tcase_create("list");
	TCase *merge = tcase_create("merge"), *cas = tcase_create("replace");

	tcase_add_checked_fixture(own, setup, teardown);
	tcase_add_test(own, take_is_exclusive);
	tcase_add_test(own, orphan_resumed_with_its_base);
	tcase_add_test(own, no_base);
	tcase_add_test(own, newest_add_skips_held);
	tcase_add_test(own, newest_add_none);
	suite_add_tcase(s, own);
	tcase_add_checked_fixture(list, setup, teardown);
	tcase_add_test(list, list_kinds);
	tcase_add_test(list, list_broken_draft);
	suite_add_tcase(s, list);
	tcase_add_checked_fixture(merge, setup, teardown);
	tcase_add_test(merge, merge_clean);
	tcase_add_test(merge, merge_conflict);
	suite_add_tcase(s, merge);
	tcase_add_checked_fixture(cas, setup, teardown);
	tcase_add_test(cas, replace_when_unchanged);
	tcase_add_test(cas, replace_refused_when_changed);
	tcase_add_test(cas, replace_refused_when_removed);
	tcase_add_test(cas, replace_fixes_broken_series_entry);
	tcase_add_test(cas, replace_to_taken_part);
	suite_add_tcase(s, cas);
	return s;
}

CHECK_MAIN(draft_suite)
