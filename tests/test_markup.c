/* markup.c: the body's paragraphs, headings and list items. */
#include <check.h>
#include <string.h>

#include "buf.h"
#include "markup.h"
#include "check_main.h"

static struct markup m;

static void
teardown(void)
{
	markup_free(&m);
}

START_TEST(paragraphs_and_headings)
{
	markup_parse("一行目\n二行目\n\n## 対応経緯\n本文です。\n", &m);
	ck_assert_uint_eq(m.n, 3);
	ck_assert_int_eq(m.v[0].type, BLOCK_PARAGRAPH);
	ck_assert_uint_eq(m.v[0].n, 2);
	ck_assert_str_eq(m.v[0].lines[1], "二行目");
	ck_assert_int_eq(m.v[1].type, BLOCK_HEADING);
	ck_assert_str_eq(m.v[1].lines[0], "対応経緯");
	/* A heading ends its block: the next line starts a paragraph. */
	ck_assert_int_eq(m.v[2].type, BLOCK_PARAGRAPH);
	ck_assert_str_eq(m.v[2].lines[0], "本文です。");
}
END_TEST

START_TEST(list_items_and_continuations)
{
	markup_parse("- 顛末書を\n  持参する\n- call the\n  client\n- 三つ目\n"
	    "after\n", &m);
	ck_assert_uint_eq(m.n, 2);
	ck_assert_int_eq(m.v[0].type, BLOCK_LIST);
	ck_assert_uint_eq(m.v[0].n, 3);
	/* Japanese joins without a space, ASCII with one. */
	ck_assert_str_eq(m.v[0].lines[0], "顛末書を持参する");
	ck_assert_str_eq(m.v[0].lines[1], "call the client");
	ck_assert_int_eq(m.v[1].type, BLOCK_PARAGRAPH);
	ck_assert_str_eq(m.v[1].lines[0], "after");
}
END_TEST

START_TEST(crlf_and_blank_lines)
{
	markup_parse("a\r\nb\r\n  \r\n\r\n## h\r\n", &m);
	ck_assert_uint_eq(m.n, 2);
	ck_assert_str_eq(m.v[0].lines[0], "a");
	ck_assert_str_eq(m.v[0].lines[1], "b");
	ck_assert_str_eq(m.v[1].lines[0], "h");
}
END_TEST

START_TEST(not_markup)
{
	/* No space after the marks: ordinary text. */
	markup_parse("##見出しではない\n-箇条書きでもない", &m);
	ck_assert_uint_eq(m.n, 1);
	ck_assert_int_eq(m.v[0].type, BLOCK_PARAGRAPH);
	ck_assert_uint_eq(m.v[0].n, 2);
	markup_free(&m);
	markup_parse("", &m);
	ck_assert_uint_eq(m.n, 0);
	markup_free(&m);
	markup_parse(NULL, &m);
	ck_assert_uint_eq(m.n, 0);
}
END_TEST

START_TEST(join_rule)
{
	char *lines[] = { "O部長に", "電話。", "Then", "  call", "次へ" };
	struct buf b = BUF_INIT;

	markup_join(&b, lines, 5);
	/* wide|wide: none; wide|ASCII and ASCII|ASCII: one space. */
	ck_assert_str_eq(b.s, "O部長に電話。 Then call 次へ");
	buf_free(&b);
}
END_TEST

static Suite *
markup_suite(void)
{
	Suite *su = suite_create("markup");
	TCase *tc = tcase_create("markup");

	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, paragraphs_and_headings);
	tcase_add_test(tc, list_items_and_continuations);
	tcase_add_test(tc, crlf_and_blank_lines);
	tcase_add_test(tc, not_markup);
	tcase_add_test(tc, join_rule);
	suite_add_tcase(su, tc);
	return su;
}

CHECK_MAIN(markup_suite)
