/*
 * Entries merged field by field (merge.h): what each side changed is
 * kept, tags merge as sets, x- keys one by one, a field changed on both
 * sides is a conflict that takes the side asked for, and the result is
 * written as dailylog writes entries and loads again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "merge.h"

#include "check_main.h"

static struct buf messages = BUF_INIT;
static struct buf out = BUF_INIT;
static struct strlist conflicts;

static void
setup(void)
{
	diag_reset();
	buf_reset(&messages);
	diag_sink = &messages;
	buf_reset(&out);
	memset(&conflicts, 0, sizeof(conflicts));
}

static void
teardown(void)
{
	diag_sink = NULL;
	buf_free(&messages);
	buf_free(&out);
	strlist_free(&conflicts);
}

/* merge_texts of three versions (base NULL: none) for side. */
static int
merge(const char *base, const char *mine, const char *theirs,
    enum merge_side side)
{
	buf_reset(&out);
	strlist_free(&conflicts);
	return merge_texts("entries/2026/11/20261124-j3vtxm.yaml", base,
	    base ? strlen(base) : 0, mine, strlen(mine), theirs,
	    strlen(theirs), side, &out, &conflicts);
}

/* The conflicting fields, joined by commas. */
static const char *
conflicting(void)
{
	static char s[256];
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < conflicts.n; i++)
		buf_addf(&b, "%s%s", i ? "," : "", conflicts.v[i]);
	snprintf(s, sizeof(s), "%s", buf_str(&b));
	buf_free(&b);
	return s;
}

static const char base[] =
    "date: 2026-11-24\n"
    "title: A社訪問 更新のご相談\n"
    "client: A社\n"
    "tags: [定期, 契約]\n"
    "body: |\n"
    "  田中課長と面談。\n";

START_TEST(different_fields_both_kept)
{
	ck_assert_int_eq(merge(base,
	    "date: 2026-11-24\ntitle: A社訪問 更新の合意\nclient: A社\n"
	    "tags: [定期, 契約]\nbody: |\n  田中課長と面談。\n",
	    "date: 2026-11-24\ntitle: A社訪問 更新のご相談\nclient: A社 本社\n"
	    "tags: [定期, 契約]\nbody: |\n  田中課長と面談。\n",
	    MERGE_MINE), 0);
	ck_assert_str_eq(out.s,
	    "date: 2026-11-24\n"
	    "title: A社訪問 更新の合意\n"
	    "client: A社 本社\n"
	    "tags: [定期, 契約]\n"
	    "body: |\n"
	    "  田中課長と面談。\n");
	ck_assert_int_eq(conflicts.n, 0);
	ck_assert_int_eq(diag_status(), 0);
}
END_TEST

START_TEST(same_field_conflicts)
{
	static const char mine[] =
	    "date: 2026-11-24\ntitle: 佐藤の題\nclient: A社\nstaff: Hさん\n";
	static const char theirs[] =
	    "date: 2026-11-25\ntitle: 鈴木の題\nclient: A社\n";

	/*
	 * The title: both changed it.  The date: only theirs; the staff:
	 * only mine; tags and body: both removed them.
	 */
	ck_assert_int_eq(merge(base, mine, theirs, MERGE_MINE), 1);
	ck_assert_str_eq(conflicting(), "title");
	ck_assert_str_eq(out.s, "date: 2026-11-25\ntitle: 佐藤の題\n"
	    "client: A社\nstaff: Hさん\n");
	ck_assert_int_eq(merge(base, mine, theirs, MERGE_THEIRS), 1);
	ck_assert_str_eq(out.s, "date: 2026-11-25\ntitle: 鈴木の題\n"
	    "client: A社\nstaff: Hさん\n");
}
END_TEST

START_TEST(the_same_change_is_no_conflict)
{
	static const char both[] =
	    "date: 2026-11-24\ntitle: 同じ題\nclient: A社\n";

	ck_assert_int_eq(merge(base, both, both, MERGE_MINE), 0);
	ck_assert_str_eq(out.s, both);
}
END_TEST

/* Tags changed on both sides: each side's additions and removals. */
START_TEST(tags_merge_as_sets)
{
	ck_assert_int_eq(merge(base,
	    "date: 2026-11-24\ntitle: t\ntags: [定期, 契約, 至急]\n",
	    "date: 2026-11-24\ntitle: t\ntags: [契約, 入館証]\n",
	    MERGE_MINE), 0);
	ck_assert_str_eq(out.s, "date: 2026-11-24\ntitle: t\n"
	    "tags: [契約, 至急, 入館証]\n");
	/* Both remove every tag: none is left. */
	ck_assert_int_eq(merge(base, "date: 2026-11-24\ntitle: t\n",
	    "date: 2026-11-24\ntitle: t\ntags: [新規]\n", MERGE_MINE), 0);
	ck_assert_str_eq(out.s, "date: 2026-11-24\ntitle: t\ntags: [新規]\n");
}
END_TEST

START_TEST(x_keys_one_by_one)
{
	static const char b[] =
	    "date: 2026-11-24\ntitle: t\nx-mileage: 12\nx-gone: 1\n"
	    "x-both: a\n";

	ck_assert_int_eq(merge(b,
	    "date: 2026-11-24\ntitle: t\nx-mileage: 12\nx-both: here\n"
	    "x-mine: [1, 2]\n",
	    "date: 2026-11-24\ntitle: t\nx-mileage: 40\nx-gone: 1\n"
	    "x-both: there\nx-theirs: {k: v}\n", MERGE_THEIRS), 1);
	ck_assert_str_eq(conflicting(), "x-both");
	ck_assert_str_eq(out.s, "date: 2026-11-24\ntitle: t\nx-mileage: 40\n"
	    "x-both: there\nx-mine:\n- 1\n- 2\nx-theirs:\n  k: v\n");
}
END_TEST

/* One side left the series, the other moved the part: a conflict. */
START_TEST(a_part_without_its_series)
{
	static const char b[] =
	    "date: 2026-11-24\ntitle: t\nseries: badge\npart: 3\n";
	static const char left[] = "date: 2026-11-24\ntitle: t\n";
	static const char moved[] =
	    "date: 2026-11-24\ntitle: t\nseries: badge\npart: 4\n";

	ck_assert_int_eq(merge(b, left, moved, MERGE_MINE), 1);
	ck_assert_str_eq(conflicting(), "series,part");
	ck_assert_str_eq(out.s, left);
	ck_assert_int_eq(merge(b, left, moved, MERGE_THEIRS), 1);
	ck_assert_str_eq(out.s, moved);
}
END_TEST

/* The same file added on both sides: no common version. */
START_TEST(added_on_both_sides)
{
	ck_assert_int_eq(merge(NULL,
	    "date: 2026-11-24\ntitle: 同じ\nclient: X社\n",
	    "date: 2026-11-24\ntitle: 同じ\nstaff: Yさん\n", MERGE_MINE), 0);
	ck_assert_str_eq(out.s, "date: 2026-11-24\ntitle: 同じ\n"
	    "client: X社\nstaff: Yさん\n");
	ck_assert_int_eq(merge(NULL, "date: 2026-11-24\ntitle: 一\n",
	    "date: 2026-11-24\ntitle: 二\n", MERGE_MINE), 1);
	ck_assert_str_eq(conflicting(), "title");
}
END_TEST

/* A body changed on one side only is that side's, whole. */
START_TEST(bodies)
{
	ck_assert_int_eq(merge(base,
	    "date: 2026-11-24\ntitle: A社訪問 更新のご相談\nclient: A社\n"
	    "tags: [定期, 契約]\nbody: |\n  田中課長と面談。\n\n  ## 次回\n"
	    "  - 電話する\n", base, MERGE_MINE), 0);
	ck_assert_ptr_nonnull(strstr(out.s, "  ## 次回\n  - 電話する\n"));
	ck_assert_int_eq(merge(base, "date: 2026-11-24\ntitle: t\nbody: 一\n",
	    "date: 2026-11-24\ntitle: t\nbody: 二\n", MERGE_MINE), 1);
	ck_assert_str_eq(conflicting(), "body");
}
END_TEST

START_TEST(a_version_that_does_not_load)
{
	diag_reset();
	ck_assert_int_eq(merge(base, "date: 2026-11-24\ntitel: t\n", base,
	    MERGE_MINE), -1);
	ck_assert_int_eq(diag_status(), EXIT_DATAERR);
	ck_assert_ptr_nonnull(strstr(messages.s, "20261124-j3vtxm.yaml "
	    "(this side's version):2:1: unknown key 'titel'"));
	diag_reset();
	ck_assert_int_eq(merge("[", base, base, MERGE_MINE), -1);
	ck_assert_ptr_nonnull(strstr(messages.s, "(their common version)"));
}
END_TEST

START_TEST(entry_paths)
{
	ck_assert(merge_is_entry_path("entries/2026/11/20261124-j3vtxm.yaml"));
	ck_assert(merge_is_entry_path("entries/x/a.yaml"));
	ck_assert(!merge_is_entry_path("series/badge.yaml"));
	ck_assert(!merge_is_entry_path("entries/2026/11/notes.txt"));
	ck_assert(!merge_is_entry_path("dailylog.yaml"));
}
END_TEST

static Suite *
merge_suite(void)
{
	Suite *s = suite_create("merge");
	TCase *t = tcase_create("merge");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, different_fields_both_kept);
	tcase_add_test(t, same_field_conflicts);
	tcase_add_test(t, the_same_change_is_no_conflict);
	tcase_add_test(t, tags_merge_as_sets);
	tcase_add_test(t, x_keys_one_by_one);
	tcase_add_test(t, a_part_without_its_series);
	tcase_add_test(t, added_on_both_sides);
	tcase_add_test(t, bodies);
	tcase_add_test(t, a_version_that_does_not_load);
	tcase_add_test(t, entry_paths);
	suite_add_tcase(s, t);
	return s;
}

CHECK_MAIN(merge_suite)
