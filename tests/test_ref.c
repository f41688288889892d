/* ref.c: the forms of a reference, and what is refused. */
#include <check.h>
#include <string.h>

#include "ref.h"
#include "check_main.h"

START_TEST(ids_and_prefixes)
{
	struct ref r;

	ck_assert_int_eq(ref_parse("20261124-j3vtxm", &r), REF_ID);
	ck_assert_str_eq(r.text, "20261124-j3vtxm");
	/* Spelled like a series name too: which it is, the store says. */
	ck_assert(ref_is_series(&r));
	ck_assert_int_eq(ref_parse("2026112", &r), REF_ID);
	/* A name typed by hand is an ID too, as any file name may be. */
	ck_assert_int_eq(ref_parse("Hand.Made_1", &r), REF_ID);
	ck_assert(!ref_is_series(&r));
}
END_TEST

START_TEST(a_word_may_be_a_series)
{
	struct ref r;

	ck_assert_int_eq(ref_parse("badge", &r), REF_ID);
	ck_assert(ref_is_series(&r));
	ck_assert_str_eq(r.slug, "badge");
	ck_assert_int_eq(ref_parse("on-boarding-2", &r), REF_ID);
	ck_assert(ref_is_series(&r));
}
END_TEST

START_TEST(series_and_part)
{
	struct ref r;

	ck_assert_int_eq(ref_parse("badge:16", &r), REF_PART);
	ck_assert_str_eq(r.slug, "badge");
	ck_assert_int_eq(r.part, 16);
	ck_assert_int_eq(ref_parse("b:1", &r), REF_PART);
	ck_assert_int_eq(r.part, 1);
	ck_assert_int_eq(ref_parse("badge:999999", &r), REF_PART);
	ck_assert_int_eq(r.part, 999999);
	/* No leading zero, as in a file's part (YAML 1.1 reads 016 as 14). */
	ck_assert_int_eq(ref_parse("badge:016", &r), REF_BAD);
}
END_TEST

START_TEST(refused)
{
	static const char *const bad[] = {
		"", "badge:", ":3", "badge:0", "badge:-1", "badge:+3",
		"badge: 3", "badge:3 ", "badge:3a", "badge:0x10", "Badge:3",
		"ba dge:3", "a/b", "../x", ".hidden", "b:1:2", "バッジ:1",
		"id with space", "@@", "@1", "@~x", "@~1x", "@~-1", "@^", "x@",
		"@~ 1", "@ ", "~1",
	};
	struct ref r;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_msg(ref_parse(bad[i], &r) == REF_BAD, "'%s' taken",
		    bad[i]);
		ck_assert_str_eq(r.why,
		    "expected ID, ID prefix, SERIES:PART, @ or @~N");
	}
}
END_TEST

START_TEST(newest_and_before_it)
{
	struct ref r;

	ck_assert_int_eq(ref_parse("@", &r), REF_NEWEST);
	ck_assert_int_eq(r.back, 0);
	ck_assert(!ref_is_series(&r));
	ck_assert_int_eq(ref_parse("@~1", &r), REF_NEWEST);
	ck_assert_int_eq(r.back, 1);
	/* As git's HEAD~: no number is one. */
	ck_assert_int_eq(ref_parse("@~", &r), REF_NEWEST);
	ck_assert_int_eq(r.back, 1);
	ck_assert_int_eq(ref_parse("@~0", &r), REF_NEWEST);
	ck_assert_int_eq(r.back, 0);
	ck_assert_int_eq(ref_parse("@~12", &r), REF_NEWEST);
	ck_assert_int_eq(r.back, 12);
	ck_assert_int_eq(ref_parse("@~99999999", &r), REF_NEWEST);
	ck_assert_int_eq(ref_parse("@~100000000", &r), REF_BAD);
	ck_assert_str_eq(r.why, "the number after @~ is too large");
	ck_assert_int_eq(ref_parse("@~99999999999999999999999", &r), REF_BAD);
}
END_TEST

START_TEST(part_too_large)
{
	struct ref r;

	ck_assert_int_eq(ref_parse("badge:1000000", &r), REF_BAD);
	ck_assert_str_eq(r.why, "the part number is too large (at most 999999)");
	/* Far past any integer type: still the same answer, no overflow. */
	ck_assert_int_eq(ref_parse("s:99999999999999999999999999", &r), REF_BAD);
	ck_assert_str_eq(r.why, "the part number is too large (at most 999999)");
}
END_TEST

START_TEST(slug_length)
{
	char s[80];
	struct ref r;

	memset(s, 'a', 64);
	strcpy(s + 64, ":1");
	ck_assert_int_eq(ref_parse(s, &r), REF_PART);
	memset(s, 'a', 65);
	strcpy(s + 65, ":1");
	ck_assert_int_eq(ref_parse(s, &r), REF_BAD);
}
END_TEST

static Suite *
ref_suite(void)
{
	Suite *s = suite_create("ref");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, ids_and_prefixes);
	tcase_add_test(tc, a_word_may_be_a_series);
	tcase_add_test(tc, series_and_part);
	tcase_add_test(tc, refused);
	tcase_add_test(tc, newest_and_before_it);
	tcase_add_test(tc, part_too_large);
	tcase_add_test(tc, slug_length);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(ref_suite)
