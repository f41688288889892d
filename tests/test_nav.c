/*
 * nav.c: which parts a navigation block links, with which labels, in
 * which rows.  The expected labels of part 16 of 17 are the ones in the
 * reference text's block, typed out here by hand.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "lang.h"
#include "nav.h"
#include "series.h"
#include "check_main.h"

/* A series of entries numbered by parts[], held in static storage. */
#define MAXPARTS 1000
static struct entry store[MAXPARTS];
static const struct entry *ptrs[MAXPARTS];
static struct series s;
static struct nav nav;

static void
make_series(enum lang lang, const long *parts, size_t n)
{
	memset(&s, 0, sizeof(s));
	series_settings_defaults(&s.set, "badge", lang);
	for (size_t i = 0; i < n; i++) {
		memset(&store[i], 0, sizeof(store[i]));
		store[i].part = parts[i];
		ptrs[i] = &store[i];
	}
	s.parts = ptrs;
	s.n = n;
}

static void
make_parts(enum lang lang, long n)
{
	long *parts = xreallocarray(NULL, (size_t)n, sizeof(*parts));

	for (long i = 0; i < n; i++)
		parts[i] = i + 1;
	make_series(lang, parts, (size_t)n);
	free(parts);
}

static void
teardown(void)
{
	nav_free(&nav);
	series_settings_free(&s.set);
}

static const char *
label(size_t i)
{
	ck_assert_uint_lt(i, nav.nlinks);
	return nav.links[i].label;
}

START_TEST(reference_part16)
{
	static const char *const want[] = {
		"←前編①", "←前編②", "←前編③", "←前編④", "←前編⑤",
		"←前編⑥", "←前編⑦", "←前編⑧", "←前編⑨", "←前編⑩",
		"←前編11", "←前編12", "←前編13", "←前編14", "←前編15",
		"→続編17",
	};

	make_parts(LANG_JA, 17);
	nav_build(&s, 15, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 16);
	for (size_t i = 0; i < 16; i++) {
		ck_assert_str_eq(label(i), want[i]);
		ck_assert_int_eq(nav.links[i].kind, i < 15 ? NAV_PREV : NAV_NEXT);
		ck_assert_int_eq(nav.links[i].part, i < 15 ? (long)i + 1 : 17);
		ck_assert_uint_eq(nav.links[i].target, i < 15 ? i : 16);
	}
	/* Five rows of three, then the next part alone. */
	ck_assert_uint_eq(nav.nrows, 6);
	for (size_t r = 0; r < 5; r++) {
		ck_assert_uint_eq(nav.rows[r].first, r * 3);
		ck_assert_uint_eq(nav.rows[r].n, 3);
	}
	ck_assert_uint_eq(nav.rows[5].first, 15);
	ck_assert_uint_eq(nav.rows[5].n, 1);
	/* ← and ① are Ambiguous (1 column), 前編 two Wide ones. */
	ck_assert_int_eq(nav.links[0].width, 6);
	ck_assert_int_eq(nav.links[10].width, 7);
	ck_assert_int_eq(nav.cell_width, 9);
}
END_TEST

START_TEST(first_part)
{
	make_parts(LANG_JA, 17);
	nav_build(&s, 0, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 1);
	ck_assert_str_eq(label(0), "→続編②");
	ck_assert_uint_eq(nav.nrows, 1);
}
END_TEST

START_TEST(last_part)
{
	make_parts(LANG_JA, 17);
	nav_build(&s, 16, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 16);
	ck_assert_str_eq(label(15), "←前編16");
	ck_assert_int_eq(nav.links[15].kind, NAV_PREV);
	/* 16 earlier parts: five rows of three and one of one. */
	ck_assert_uint_eq(nav.nrows, 6);
	ck_assert_uint_eq(nav.rows[5].n, 1);
}
END_TEST

START_TEST(middle_part_en)
{
	make_parts(LANG_EN, 17);
	nav_build(&s, 15, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 16);
	ck_assert_str_eq(label(0), "← Part 1");
	ck_assert_str_eq(label(14), "← Part 15");
	ck_assert_str_eq(label(15), "Part 17 →");
	ck_assert_int_eq(nav.cell_width, 11);
}
END_TEST

START_TEST(gap_is_missing)
{
	static const long parts[] = { 1, 2, 4, 5 };

	make_series(LANG_JA, parts, 4);
	nav_build(&s, 3, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 4);
	ck_assert_str_eq(label(2), "（③欠番）");
	ck_assert_int_eq(nav.links[2].kind, NAV_MISSING);
	ck_assert_int_eq(nav.links[2].part, 3);
	ck_assert_str_eq(label(3), "←前編④");
	ck_assert_uint_eq(nav.links[3].target, 2);
	nav_free(&nav);
	/* The part before a gap links the next part that exists. */
	nav_build(&s, 1, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 2);
	ck_assert_str_eq(label(1), "→続編④");
	ck_assert_uint_eq(nav.links[1].target, 2);
}
END_TEST

/* Two missing numbers stay two items; three or more are one item. */
START_TEST(long_gap_is_one_item)
{
	static const long parts[] = { 1, 4, 5, 10, 100000 };

	make_series(LANG_JA, parts, 5);
	s.set.layout = LAYOUT_ALL;
	nav_build(&s, 2, 0, &nav);		/* part 5: 1, ②, ③, 4 */
	ck_assert_uint_eq(nav.nlinks, 5);
	ck_assert_str_eq(label(1), "（②欠番）");
	ck_assert_str_eq(label(2), "（③欠番）");
	ck_assert_int_eq(nav.links[2].last, 3);
	nav_free(&nav);
	/* part 100000, a typo: ①, ②, ③, ④, ⑤, ⑥-⑨, ⑩, 11-99999 */
	nav_build(&s, 4, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 8);
	ck_assert_str_eq(label(1), "（②欠番）");
	ck_assert_str_eq(label(4), "←前編⑤");
	ck_assert_str_eq(label(5), "（⑥〜⑨欠番）");
	ck_assert_int_eq(nav.links[5].part, 6);
	ck_assert_int_eq(nav.links[5].last, 9);
	ck_assert_str_eq(label(6), "←前編⑩");
	ck_assert_str_eq(label(7), "（11〜99999欠番）");
	ck_assert_int_eq(nav.links[7].kind, NAV_MISSING);
	nav_free(&nav);
	series_settings_free(&s.set);
	make_series(LANG_EN, parts, 5);
	s.set.layout = LAYOUT_ALL;
	nav_build(&s, 4, 0, &nav);
	ck_assert_str_eq(label(7), "(Part 11–99999 missing)");
}
END_TEST

START_TEST(arabic_numbering)
{
	make_parts(LANG_JA, 12);
	s.set.numbering = NUMBER_ARABIC;
	nav_build(&s, 11, 0, &nav);
	ck_assert_str_eq(label(0), "←前編1");
	ck_assert_str_eq(label(9), "←前編10");
}
END_TEST

START_TEST(circled_stops_at_ten)
{
	struct buf b = BUF_INIT;

	for (long n = 9; n <= 11; n++)
		series_number(&b, NUMBER_CIRCLED, n);
	ck_assert_str_eq(b.s, "⑨⑩11");
	buf_reset(&b);
	series_number(&b, NUMBER_CIRCLED, 20);
	series_number(&b, NUMBER_CIRCLED, 21);
	series_number(&b, NUMBER_CIRCLED, 51);
	ck_assert_str_eq(b.s, "202151");
	buf_reset(&b);
	series_number(&b, NUMBER_ARABIC, 3);
	ck_assert_str_eq(b.s, "3");
	buf_free(&b);
}
END_TEST

START_TEST(ten_to_eleven_rows)
{
	/* Part 12: the row with ⑩ and 11 mixes widths, the cell fits 11. */
	make_parts(LANG_JA, 21);
	s.set.layout = LAYOUT_ALL;	/* auto would be window past 20 */
	nav_build(&s, 11, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 12);
	ck_assert_str_eq(label(9), "←前編⑩");
	ck_assert_str_eq(label(10), "←前編11");
	ck_assert_str_eq(label(11), "→続編13");
	ck_assert_int_eq(nav.cell_width, 9);
	nav_free(&nav);
	nav_build(&s, 20, 0, &nav);
	ck_assert_str_eq(label(19), "←前編20");
	ck_assert_int_eq(nav.links[19].width, 7);
}
END_TEST

START_TEST(per_row_setting)
{
	make_parts(LANG_JA, 17);
	s.set.per_row = 5;
	nav_build(&s, 15, 0, &nav);
	ck_assert_uint_eq(nav.nrows, 4);
	ck_assert_uint_eq(nav.rows[2].n, 5);
	ck_assert_uint_eq(nav.rows[3].first, 15);
}
END_TEST

/* The labels of the links from first on, joined by spaces. */
static void
labels(struct buf *b, size_t first, size_t n)
{
	for (size_t i = first; i < first + n; i++)
		buf_addf(b, "%s%s", i > first ? " " : "", label(i));
}

/* The pager of the issue: ① … 198 199 [200] 201 202 … 365. */
START_TEST(window_middle)
{
	static const enum nav_kind kinds[] = { NAV_PREV, NAV_INDEX, NAV_NEXT,
	    NAV_FIRST, NAV_GAP, NAV_PREV, NAV_PREV, NAV_CURRENT, NAV_NEXT,
	    NAV_NEXT, NAV_GAP, NAV_LAST };
	struct buf b = BUF_INIT;

	make_parts(LANG_JA, 365);
	s.set.layout = LAYOUT_WINDOW;
	nav_build(&s, 199, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 12);
	for (size_t i = 0; i < 12; i++)
		ck_assert_int_eq(nav.links[i].kind, kinds[i]);
	ck_assert_uint_eq(nav.nrows, 2);
	ck_assert(!nav.rows[0].strip);
	labels(&b, nav.rows[0].first, nav.rows[0].n);
	ck_assert_str_eq(b.s, "←前編199 目次 →続編201");
	buf_reset(&b);
	ck_assert(nav.rows[1].strip);
	labels(&b, nav.rows[1].first, nav.rows[1].n);
	ck_assert_str_eq(b.s, "① … 198 199 [200] 201 202 … 365");
	/* Only the adjacent parts are prev and next. */
	ck_assert_uint_eq(nav.prev, 198);
	ck_assert_uint_eq(nav.next, 200);
	ck_assert_uint_eq(nav.links[3].target, 0);
	ck_assert_uint_eq(nav.links[11].target, 364);
	ck_assert_int_eq(nav.part, 200);
	ck_assert_int_eq(nav.last, 365);
	buf_free(&b);
}
END_TEST

/* Every strip has as many numbers; no "…" stands for one number. */
START_TEST(window_near_ends)
{
	static const struct {
		size_t		 at;
		const char	*strip;
	} want[] = {
		{ 0, "[1] 2 3 4 5 … 365" },
		{ 1, "1 [2] 3 4 5 … 365" },
		{ 3, "1 2 3 [4] 5 6 … 365" },
		{ 5, "1 … 4 5 [6] 7 8 … 365" },
		{ 361, "1 … 360 361 [362] 363 364 365" },
		{ 364, "1 … 361 362 363 364 [365]" },
	};
	struct buf b = BUF_INIT;

	make_parts(LANG_EN, 365);
	s.set.layout = LAYOUT_WINDOW;
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		nav_build(&s, want[k].at, 0, &nav);
		buf_reset(&b);
		labels(&b, nav.rows[1].first, nav.rows[1].n);
		ck_assert_str_eq(b.s, want[k].strip);
		nav_free(&nav);
	}
	/* The first part has no previous one: the index, the next. */
	nav_build(&s, 0, 0, &nav);
	buf_reset(&b);
	labels(&b, nav.rows[0].first, nav.rows[0].n);
	ck_assert_str_eq(b.s, "Index Part 2 →");
	buf_free(&b);
}
END_TEST

/* A gap inside the window is drawn, never linked. */
START_TEST(window_gap)
{
	static const long parts[] = { 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12,
	    13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26 };
	struct buf b = BUF_INIT;

	make_series(LANG_JA, parts, sizeof(parts) / sizeof(parts[0]));
	/* auto: 26 numbers are past the threshold of 20. */
	nav_build(&s, 5, 0, &nav);	/* part 7 */
	ck_assert_int_eq(nav.layout, LAYOUT_WINDOW);
	labels(&b, nav.rows[1].first, nav.rows[1].n);
	ck_assert_str_eq(b.s, "① … （⑤欠番） ⑥ [⑦] ⑧ ⑨ … 26");
	ck_assert_uint_eq(nav.prev, 4);
	buf_free(&b);
}
END_TEST

/* auto: the reference's 17 parts stay all, past the threshold window. */
START_TEST(auto_threshold)
{
	make_parts(LANG_JA, 17);
	nav_build(&s, 15, 0, &nav);
	ck_assert_int_eq(nav.layout, LAYOUT_ALL);
	nav_free(&nav);
	s.set.threshold = 10;
	nav_build(&s, 15, 0, &nav);
	ck_assert_int_eq(nav.layout, LAYOUT_WINDOW);
}
END_TEST

/* HTML asks for the part itself: on the row of the next part. */
START_TEST(with_current)
{
	make_parts(LANG_JA, 17);
	nav_build(&s, 15, NAV_WITH_CURRENT, &nav);
	ck_assert_uint_eq(nav.nlinks, 17);
	ck_assert_int_eq(nav.links[15].kind, NAV_CURRENT);
	ck_assert_str_eq(label(15), "[16]");
	ck_assert_str_eq(label(16), "→続編17");
	ck_assert_uint_eq(nav.nrows, 6);
	ck_assert_uint_eq(nav.rows[5].first, 15);
	ck_assert_uint_eq(nav.rows[5].n, 2);
	ck_assert_uint_eq(nav.prev, 14);
	ck_assert_uint_eq(nav.next, 16);
}
END_TEST

START_TEST(thousand_parts)
{
	make_parts(LANG_JA, 1000);
	s.set.layout = LAYOUT_ALL;
	nav_build(&s, 999, 0, &nav);
	ck_assert_uint_eq(nav.nlinks, 999);
	ck_assert_uint_eq(nav.nrows, 333);
	ck_assert_str_eq(label(998), "←前編999");
	/* "←前編999" is 1 + 4 + 3 columns. */
	ck_assert_int_eq(nav.cell_width, 10);
}
END_TEST

static Suite *
nav_suite(void)
{
	Suite *su = suite_create("nav");
	TCase *tc = tcase_create("nav");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, reference_part16);
	tcase_add_test(tc, first_part);
	tcase_add_test(tc, last_part);
	tcase_add_test(tc, middle_part_en);
	tcase_add_test(tc, gap_is_missing);
	tcase_add_test(tc, long_gap_is_one_item);
	tcase_add_test(tc, arabic_numbering);
	tcase_add_test(tc, circled_stops_at_ten);
	tcase_add_test(tc, ten_to_eleven_rows);
	tcase_add_test(tc, per_row_setting);
	tcase_add_test(tc, window_middle);
	tcase_add_test(tc, window_near_ends);
	tcase_add_test(tc, window_gap);
	tcase_add_test(tc, auto_threshold);
	tcase_add_test(tc, with_current);
	tcase_add_test(tc, thousand_parts);
	suite_add_tcase(su, tc);
	return su;
}

CHECK_MAIN(nav_suite)
