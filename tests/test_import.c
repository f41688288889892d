/*
 * The JSON reader behind import: RFC 8259 and nothing more, every node
 * with its line and column, strings decoded and held to the text rules,
 * and each malformed input refused with one message at the right place.
 */
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "json_read.h"
#include "yaml_read.h"

#include "check_main.h"

static struct buf messages = BUF_INIT;

static void
capture(void)
{
	buf_reset(&messages);
	diag_sink = &messages;
}

static void
release(void)
{
	diag_sink = NULL;
	buf_free(&messages);
}

/* Parse s as one value, expecting success and nothing after it. */
static void
parse(const char *s, struct ynode *n, int maxdepth)
{
	struct json_reader r;

	json_reader_init(&r, "t.json", s, strlen(s), maxdepth);
	ck_assert_msg(json_read_value(&r, n) == 0, "'%s' was refused: %s", s,
	    buf_str(&messages));
	ck_assert(json_at_end(&r));
}

static void
scalar_is(const struct ynode *n, const char *s, size_t len, bool plain)
{
	ck_assert_int_eq(n->type, Y_SCALAR);
	ck_assert_uint_eq(n->len, len);
	ck_assert_msg(memcmp(n->s, s, len) == 0 && n->s[len] == '\0',
	    "scalar '%s', expected '%s'", n->s, s);
	ck_assert_int_eq(n->plain, plain);
}

static void
at(const struct ynode *n, int line, int col)
{
	ck_assert_msg(n->pos.line == line && n->pos.col == col,
	    "node at %d:%d, expected %d:%d", n->pos.line, n->pos.col, line,
	    col);
}

START_TEST(tree_and_positions)
{
	/* Columns count characters: 営業 is two columns of text, not six. */
	const char *s = "{\"営業\": [1, \"a\"],\n  \"x\": {\"y\": null}}";
	struct ynode n;

	parse(s, &n, 8);
	ck_assert_int_eq(n.type, Y_MAP);
	ck_assert_uint_eq(n.nkids, 4);
	at(&n, 1, 1);
	scalar_is(&n.kids[0], "営業", strlen("営業"), false);
	at(&n.kids[0], 1, 2);
	ck_assert_int_eq(n.kids[1].type, Y_SEQ);
	at(&n.kids[1], 1, 8);
	scalar_is(&n.kids[1].kids[0], "1", 1, true);
	at(&n.kids[1].kids[0], 1, 9);
	scalar_is(&n.kids[1].kids[1], "a", 1, false);
	at(&n.kids[1].kids[1], 1, 12);
	scalar_is(&n.kids[2], "x", 1, false);
	at(&n.kids[2], 2, 3);
	ck_assert_int_eq(n.kids[3].type, Y_MAP);
	scalar_is(&n.kids[3].kids[1], "null", 4, true);
	at(&n.kids[3].kids[1], 2, 14);
	ynode_free(&n);
}
END_TEST

START_TEST(string_escapes)
{
	struct ynode n;

	/* \b \f \r decode to control characters: refused below. */
	parse("\"q\\\" b\\\\ s\\/ \\n\\t\"", &n, 8);
	scalar_is(&n, "q\" b\\ s/ \n\t", 11, false);
	ynode_free(&n);
}
END_TEST

START_TEST(unicode_escapes)
{
	struct ynode n;

	/* 営 is U+55B6; U+1F600 is the pair D83D DE00. */
	parse("\"\\u55b6\\u00E9 \\ud83d\\ude00\"", &n, 8);
	scalar_is(&n, "\xE5\x96\xB6\xC3\xA9 \xF0\x9F\x98\x80", 10, false);
	ynode_free(&n);
	parse("\"\"", &n, 8);
	scalar_is(&n, "", 0, false);
	ynode_free(&n);
}
END_TEST

START_TEST(numbers_and_words)
{
	static const char *const ok[] = { "0", "-0", "16", "-12.5e+3",
	    "1E9", "0.25", "true", "false", "null" };
	struct ynode n;

	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		parse(ok[i], &n, 8);
		scalar_is(&n, ok[i], strlen(ok[i]), true);
		ynode_free(&n);
	}
}
END_TEST

START_TEST(byte_order_mark)
{
	struct ynode n;

	parse("\xEF\xBB\xBF[]", &n, 8);
	ck_assert_int_eq(n.type, Y_SEQ);
	at(&n, 1, 1);
	ynode_free(&n);
}
END_TEST

/* JSON Lines: one value after another, until the end. */
START_TEST(values_in_sequence)
{
	const char *s = "{\"a\": 1}\n\n  {\"b\": 2}\n";
	struct json_reader r;
	struct ynode n;

	json_reader_init(&r, "t.jsonl", s, strlen(s), 8);
	ck_assert(!json_at_end(&r));
	ck_assert_int_eq(json_read_value(&r, &n), 0);
	at(&n, 1, 1);
	ynode_free(&n);
	ck_assert(!json_at_end(&r));
	ck_assert_int_eq(json_read_value(&r, &n), 0);
	at(&n, 3, 3);
	scalar_is(&n.kids[0], "b", 1, false);
	ynode_free(&n);
	ck_assert(json_at_end(&r));
}
END_TEST

/* Each bad input, and the start of the one message it must give. */
static const struct {
	const char	*in;
	const char	*msg;
} bad[] = {
	{ "", "t.json:1:1: invalid JSON: expected a value, found the end" },
	{ "[1, 2,]", "t.json:1:7: invalid JSON: expected a value, found ']'" },
	{ "[1 2]", "t.json:1:4: invalid JSON: expected ',' or ']' after an item" },
	{ "{\"a\" 1}", "t.json:1:6: invalid JSON: expected ':' after the key" },
	{ "{\"a\": 1,}", "t.json:1:9: invalid JSON: expected a string as the key" },
	{ "{a: 1}", "t.json:1:2: invalid JSON: expected a string as the key" },
	{ "{\"a\": 1 \"b\": 2}", "t.json:1:9: invalid JSON: expected ',' or '}'" },
	{ "{\"a\": 1, \"a\": 2}", "t.json:1:10: duplicate key 'a' (first at line 1)" },
	{ "\"open", "t.json:1:6: invalid JSON: expected '\"' to end the string" },
	{ "\"a\tb\"", "t.json:1:3: invalid JSON: control character U+0009" },
	{ "\"a\\x\"", "t.json:1:3: invalid JSON: unknown escape" },
	{ "\"\\u12G4\"", "t.json:1:6: invalid JSON: expected four hexadecimal" },
	{ "\"\\ude00\"", "t.json:1:2: invalid JSON: \\uDE00 is a low surrogate" },
	{ "\"\\ud83d\"", "t.json:1:2: invalid JSON: \\uD83D is a high surrogate" },
	{ "\"\\ud83d\\u0041\"", "t.json:1:2: invalid JSON: \\uD83D is a high" },
	{ "\"\\b\"", "t.json:1:1: control character U+0008 in a value" },
	{ "\"a\\r\\n\"", "t.json:1:1: control character U+000D in a value" },
	{ "\"\\u0000\"", "t.json:1:1: NUL character in a value" },
	{ "\"\\u001b[2J\"", "t.json:1:1: control character U+001B in a value" },
	{ "\"\\u202e\"", "t.json:1:1: control character U+202E in a value" },
	{ "\"\xC0\xAF\"", "t.json:1:2: invalid UTF-8 byte 0xC0" },
	{ "\"\xED\xA0\x80\"", "t.json:1:2: invalid UTF-8 byte 0xED" },
	{ "\"ok\xE5\x96\"", "t.json:1:4: invalid UTF-8 byte 0xE5" },
	{ "01", "t.json:1:1: invalid JSON: a malformed number" },
	{ "1.", "t.json:1:1: invalid JSON: a malformed number" },
	{ "-", "t.json:1:1: invalid JSON: a malformed number" },
	{ "1e", "t.json:1:1: invalid JSON: a malformed number" },
	{ "+1", "t.json:1:1: invalid JSON: expected a value, found '+'" },
	{ "tru", "t.json:1:1: invalid JSON: expected a value, found 't'" },
	{ "NaN", "t.json:1:1: invalid JSON: expected a value, found 'N'" },
	{ "\n  [[[[[[[[[]]]]]]]]]", "t.json:2:11: nested deeper than 8 levels" },
};

START_TEST(refused)
{
	const char *in = bad[_i].in;
	struct json_reader r;
	struct ynode n;
	const char *m;

	json_reader_init(&r, "t.json", in, strlen(in), 8);
	ck_assert_int_eq(json_read_value(&r, &n), EXIT_DATAERR);
	m = buf_str(&messages);
	ck_assert_msg(strncmp(m, "dailylog: ", 10) == 0 &&
	    strncmp(m + 10, bad[_i].msg, strlen(bad[_i].msg)) == 0,
	    "'%s' gave '%s', expected '%s'", in, m, bad[_i].msg);
	ck_assert_msg(strchr(m, '\n') == m + strlen(m) - 1,
	    "more than one message: %s", m);
	/* Refused input leaves nothing to free. */
	ck_assert_uint_eq(n.nkids, 0);
	ck_assert_ptr_null(n.s);
}
END_TEST

START_TEST(depth_cap_is_inclusive)
{
	struct ynode n;

	parse("[[[[[[[[]]]]]]]]", &n, 8);	/* eight levels */
	ynode_free(&n);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *json = tcase_create("json_read");

	tcase_add_checked_fixture(json, capture, release);
	tcase_add_test(json, tree_and_positions);
	tcase_add_test(json, string_escapes);
	tcase_add_test(json, unicode_escapes);
	tcase_add_test(json, numbers_and_words);
	tcase_add_test(json, byte_order_mark);
	tcase_add_test(json, values_in_sequence);
	tcase_add_loop_test(json, refused, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(json, depth_cap_is_inclusive);
	suite_add_tcase(s, json);
	return s;
}

CHECK_MAIN(import_suite)
