/*
 * The JSON writer's strings: what is escaped and how, written out by
 * hand, at every offset of the sixteen-byte scan that json_string does
 * over Japanese text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"

#include "check_main.h"

static const char pad[] = "0123456789012345678901234567890123456789";

START_TEST(escapes_at_every_offset)
{
	static const struct {
		const char *in, *out;
	} c[] = {
		{ "\"", "\\\"" },
		{ "\\", "\\\\" },
		{ "\n", "\\n" },
		{ "\r", "\\r" },
		{ "\t", "\\t" },
		{ "\x01", "\\u0001" },
		{ "\x1f", "\\u001f" },
		{ "\x7f", "\\u007f" },
		{ "\xc2\x85", "\\u0085" },		/* NEL, a C1 control */
		{ "\xc2\x9f", "\\u009f" },
		{ "\xe2\x80\xa8", "\\u2028" },		/* line separator */
		{ "\xe2\x80\xae", "\\u202e" },		/* right-to-left override */
		{ "\xe2\x81\xa9", "\\u2069" },		/* pop directional isolate */
		/* Lead bytes C2 and E2 of what needs no escape. */
		{ "\xc2\xa5", "\xc2\xa5" },		/* ¥ */
		{ "\xe2\x80\xa6", "\xe2\x80\xa6" },	/* … */
		{ "\xe2\x91\xa0", "\xe2\x91\xa0" },	/* ① */
	};
	struct buf in = BUF_INIT, got = BUF_INIT, want = BUF_INIT;

	for (size_t k = 0; k < sizeof(c) / sizeof(c[0]); k++)
		for (int n = 0; n < 40; n++) {
			buf_reset(&in);
			buf_reset(&got);
			buf_reset(&want);
			buf_addf(&in, "%.*s営業%s日報。%s", n, pad, c[k].in,
			    c[k].in);
			buf_addf(&want, "\"%.*s営業%s日報。%s\"", n, pad,
			    c[k].out, c[k].out);
			json_string(&got, in.s);
			ck_assert_str_eq(buf_str(&got), buf_str(&want));
		}
	buf_free(&in);
	buf_free(&got);
	buf_free(&want);
}
END_TEST

START_TEST(plain_text_as_is)
{
	struct buf got = BUF_INIT;

	json_string(&got, "");
	ck_assert_str_eq(buf_str(&got), "\"\"");
	buf_reset(&got);
	json_string(&got, "見積書を提出、来週に再訪問の予定 (担当: 佐藤)");
	ck_assert_str_eq(buf_str(&got),
	    "\"見積書を提出、来週に再訪問の予定 (担当: 佐藤)\"");
	buf_free(&got);
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("strings");

	tcase_add_test(tc, escapes_at_every_offset);
	tcase_add_test(tc, plain_text_as_is);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(json_suite)
