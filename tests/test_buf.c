/*
 * The string builder: buf_addf formats into the room a buffer has and
 * again only when that was short, so every length on either side of
 * its capacity is checked against snprintf's own answer, with text
 * already in the buffer, Japanese included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#include "check_main.h"

/* What buf_addf must have appended: snprintf's text for the same. */
static char *
expected(const char *before, const char *word, int width, long n)
{
	int len = snprintf(NULL, 0, "%s[%*s|%ld]", before, width, word, n);
	char *s = malloc((size_t)len + 1);

	ck_assert_ptr_nonnull(s);
	snprintf(s, (size_t)len + 1, "%s[%*s|%ld]", before, width, word, n);
	return s;
}

START_TEST(addf_across_the_capacity)
{
	const char *words[] = { "", "x", "営業日報", "第十二回の訪問" };

	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		for (int width = 0; width < 200; width += 7)
			for (size_t pre = 0; pre < 140; pre += 3) {
				struct buf b = BUF_INIT;
				char *before = malloc(pre + 1), *want;

				ck_assert_ptr_nonnull(before);
				memset(before, 'a', pre);
				before[pre] = '\0';
				buf_adds(&b, before);
				buf_addf(&b, "[%*s|%ld]", width, words[w],
				    (long)pre * 1000003);
				want = expected(before, words[w], width,
				    (long)pre * 1000003);
				ck_assert_uint_eq(b.len, strlen(want));
				ck_assert_str_eq(buf_str(&b), want);
				ck_assert_uint_lt(b.len, b.cap);
				free(want);
				free(before);
				buf_free(&b);
			}
}
END_TEST

/* Many short pieces in one buffer: each lands after the last. */
START_TEST(addf_many_pieces)
{
	struct buf b = BUF_INIT, want = BUF_INIT;

	for (int i = 0; i < 5000; i++) {
		char piece[32];

		snprintf(piece, sizeof(piece), "←前編%d ", i);
		buf_adds(&want, piece);
		buf_addf(&b, "←前編%d ", i);
	}
	ck_assert_uint_eq(b.len, want.len);
	ck_assert_int_eq(memcmp(b.s, want.s, b.len), 0);
	ck_assert_int_eq(b.s[b.len], '\0');
	buf_free(&b);
	buf_free(&want);
}
END_TEST

/* An empty format on an empty buffer still gives a string. */
START_TEST(addf_nothing)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s", "");
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(buf_str(&b), "");
	buf_free(&b);
}
END_TEST

static Suite *
buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("buf");

	tcase_add_test(tc, addf_across_the_capacity);
	tcase_add_test(tc, addf_many_pieces);
	tcase_add_test(tc, addf_nothing);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(buf_suite)
