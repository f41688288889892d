/*
 * The readers behind import.  The JSON reader: RFC 8259 and nothing
 * more, every node with its line and column, strings decoded and held
 * to the text rules, and each malformed input refused with one message
 * at the right place.  The YAML stream loader: one parser, the stream's
 * positions in every document, the loader's defences per document.
 * import_read: the format by the first byte, export's keys dropped, and
 * no part given twice.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "import.h"
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
	ck_assert_fails(json_read_value(&r, &n), EXIT_DATAERR);
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

/* Duplicates among many keys, the last repeating the first. */
START_TEST(duplicate_among_many_keys)
{
	struct buf in = BUF_INIT;
	struct json_reader r;
	struct ynode n;

	buf_addc(&in, '{');
	for (int i = 0; i < 100000; i++)
		buf_addf(&in, "\"k%d\": %d,\n", i, i);
	buf_adds(&in, "\"k0\": 0}");
	json_reader_init(&r, "t.json", in.s, in.len, 8);
	ck_assert_fails(json_read_value(&r, &n), EXIT_DATAERR);
	ck_assert_str_eq(buf_str(&messages), "dailylog: t.json:100001:1: "
	    "duplicate key 'k0' (first at line 1)\n");
	buf_free(&in);
}
END_TEST

START_TEST(depth_cap_is_inclusive)
{
	struct ynode n;

	parse("[[[[[[[[]]]]]]]]", &n, 8);	/* eight levels */
	ynode_free(&n);
}
END_TEST

/* --- the YAML stream loader --- */

/* What the documents handed over held: a copy, as the trees are freed. */
#define MAXDOCS	32

struct docs {
	size_t		 n;
	struct ynode	 root[MAXDOCS];	/* the root, without kids */
	struct pos	 title[MAXDOCS];	/* where the value of "title" was */
	char		*title_s[MAXDOCS];
	int		 stop_at;	/* return 99 for this document (1-based) */
};

static int
collect(struct ynode *doc, void *arg)
{
	struct docs *d = arg;
	const struct ynode *t = ynode_get(doc, "title");

	ck_assert_uint_lt(d->n, MAXDOCS);
	d->root[d->n] = *doc;
	d->root[d->n].kids = NULL;
	d->root[d->n].s = NULL;
	d->title[d->n] = t != NULL ? t->pos : (struct pos){ 0, 0 };
	d->title_s[d->n] = t != NULL ? xstrdup(t->s) : NULL;
	d->n++;
	return (int)d->n == d->stop_at ? 99 : 0;
}

static void
docs_free(struct docs *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->title_s[i]);
	memset(d, 0, sizeof(*d));
}

static int
stream(const char *s, size_t len, struct docs *d)
{
	memset(d, 0, sizeof(*d));
	return yaml_load_stream("t.yaml", s, len, collect, d);
}

/* The one message given, without "dailylog: t.yaml:". */
static void
message_is(const char *want)
{
	const char *m = buf_str(&messages);
	const char *prefix = "dailylog: t.yaml:";

	ck_assert_msg(strncmp(m, prefix, strlen(prefix)) == 0 &&
	    strncmp(m + strlen(prefix), want, strlen(want)) == 0 &&
	    strcmp(m + strlen(prefix) + strlen(want), "\n") == 0,
	    "message '%s', expected '%s%s'", m, prefix, want);
}

/*
 * Ten documents of different lengths, the title indented further in
 * each: every position is the stream's, not the document's.
 */
START_TEST(stream_positions)
{
	struct buf b = BUF_INIT;
	struct docs d;
	int line = 1, want_line[10];

	for (int k = 0; k < 10; k++) {
		buf_adds(&b, "---\n");
		line++;
		for (int i = 0; i < k; i++, line++)
			buf_adds(&b, "# 前置き\n");
		buf_addf(&b, "date: 2026-11-%02d\n", k + 1);
		line++;
		buf_addf(&b, "title:%*s題%d\n", k + 1, "", k + 1);
		want_line[k] = line++;
		buf_adds(&b, "body: |\n  本文\n");
		line += 2;
	}
	ck_assert_int_eq(stream(b.s, b.len, &d), 0);
	ck_assert_str_eq(buf_str(&messages), "");
	ck_assert_uint_eq(d.n, 10);
	for (int k = 0; k < 10; k++) {
		char want[16];

		snprintf(want, sizeof(want), "題%d", k + 1);
		ck_assert_str_eq(d.title_s[k], want);
		ck_assert_int_eq(d.root[k].type, Y_MAP);
		/* The mapping begins on the line after the comments. */
		ck_assert_int_eq(d.root[k].pos.line, want_line[k] - 1);
		ck_assert_int_eq(d.title[k].line, want_line[k]);
		ck_assert_int_eq(d.title[k].col, 7 + k + 1);
	}
	/*
	 * By hand, for the 1st, 2nd and 10th: document k (0-based) has k + 5
	 * lines, so the 10th begins on line 1 + 36 + 45 = 82, and its title
	 * is its 11th.
	 */
	ck_assert_int_eq(d.title[0].line, 3);
	ck_assert_int_eq(d.title[0].col, 8);
	ck_assert_int_eq(d.title[1].line, 9);
	ck_assert_int_eq(d.title[1].col, 9);
	ck_assert_int_eq(d.title[9].line, 93);
	ck_assert_int_eq(d.title[9].col, 17);
	docs_free(&d);
	buf_free(&b);
}
END_TEST

/* The first document needs no "---"; "..." ends one. */
START_TEST(stream_document_ends)
{
	const char *s = "title: 一\n...\n---\ntitle: 二\n...\n# 後書き\n"
	    "--- {title: 三}\n...\n";
	struct docs d;

	ck_assert_int_eq(stream(s, strlen(s), &d), 0);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.title_s[0], "一");
	ck_assert_int_eq(d.title[0].line, 1);
	ck_assert_int_eq(d.title[0].col, 8);
	ck_assert_str_eq(d.title_s[1], "二");
	ck_assert_int_eq(d.title[1].line, 4);
	ck_assert_str_eq(d.title_s[2], "三");
	ck_assert_int_eq(d.title[2].line, 7);
	ck_assert_int_eq(d.title[2].col, 13);
	ck_assert_str_eq(buf_str(&messages), "");
	docs_free(&d);
}
END_TEST

/* A byte order mark is skipped and takes no column. */
START_TEST(stream_byte_order_mark)
{
	const char *s = "\xEF\xBB\xBFtitle: 一\n---\ntitle: 二\n";
	struct docs d;

	ck_assert_int_eq(stream(s, strlen(s), &d), 0);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_int_eq(d.root[0].pos.line, 1);
	ck_assert_int_eq(d.root[0].pos.col, 1);
	ck_assert_int_eq(d.title[0].col, 8);
	ck_assert_int_eq(d.title[1].line, 3);
	docs_free(&d);
}
END_TEST

/* Comments only, a bare "---": skipped.  A quoted "" is a document. */
START_TEST(stream_empty_documents)
{
	const char *s = "# 前書き\n---\n# なし\n---\n---   # 空\n\n"
	    "---\ntitle: 一\n---\n...\n---\n''\n---\n!!str\n---\n";
	struct docs d;

	ck_assert_int_eq(stream(s, strlen(s), &d), 0);
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.title_s[0], "一");
	ck_assert_int_eq(d.title[0].line, 8);
	ck_assert_int_eq(d.root[1].type, Y_SCALAR);
	ck_assert_int_eq(d.root[1].plain, false);
	ck_assert_int_eq(d.root[1].pos.line, 12);
	ck_assert_int_eq(d.root[2].type, Y_SCALAR);
	ck_assert_int_eq(d.root[2].pos.line, 14);
	docs_free(&d);
	ck_assert_int_eq(stream("", 0, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_int_eq(stream("\n# x\n---\n", 9, &d), 0);
	ck_assert_uint_eq(d.n, 0);
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

/* A refused document is told once; the documents after it still come. */
START_TEST(stream_alias_in_third_document)
{
	const char *s = "title: 一\n---\ntitle: 二\n---\ntitle: 三\n"
	    "client: *t\nstaff: *u\n---\ntitle: 四\n";
	struct docs d;

	ck_assert_fails(stream(s, strlen(s), &d), EXIT_DATAERR);
	message_is("6:9: aliases (*t) are not allowed");
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.title_s[0], "一");
	ck_assert_str_eq(d.title_s[1], "二");
	ck_assert_str_eq(d.title_s[2], "四");
	ck_assert_int_eq(d.title[2].line, 9);
	docs_free(&d);
}
END_TEST

/* Each defence of yaml_load, in the second of three documents. */
static const struct {
	const char	*doc;
	const char	*msg;
} bad_doc[] = {
	{ "title: &t 二\n", "3:8: anchors (&t) are not allowed" },
	{ "x-a: &m {k: v}\n", "3:6: anchors (&m) are not allowed" },
	{ "title: !custom 二\n", "3:8: tag !custom is not allowed (only !!str, "
	    "!!int, !!float, !!bool, !!null, !!seq and !!map are)" },
	{ "x-deep: [[[[[[[[1]]]]]]]]\n", "3:16: nested deeper than 8 levels" },
	{ "title: 二\nclient: T社\ntitle: 再\n",
	    "5:1: duplicate key 'title' (first at line 3)" },
	{ "? [a]\n: b\n", "3:3: a key must be a plain string" },
	{ "title: \"a\\e[2J\"\n", "3:8: control character U+001B in a value" },
	{ "title: \"a\\0\"\n", "3:8: NUL character in a value" },
};

START_TEST(stream_defences)
{
	struct buf b = BUF_INIT;
	struct docs d;

	buf_addf(&b, "title: 一\n---\n%s---\ntitle: 三\n", bad_doc[_i].doc);
	ck_assert_fails(stream(b.s, b.len, &d), EXIT_DATAERR);
	message_is(bad_doc[_i].msg);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.title_s[1], "三");
	docs_free(&d);
	buf_free(&b);
}
END_TEST

/* Errors of libyaml end the stream, as it cannot go on after one. */
static const struct {
	const char	*in;
	size_t		 len;
	int		 ndocs;	/* handed over before the error, or -1 */
	const char	*msg;
} broken[] = {
#define B(s, n, m)	{ s, sizeof(s) - 1, n, m }
	B("title: 一\n---\n- [a: b\n---\ntitle: 三\n", 1,
	    "4:1: invalid YAML: did not find expected ',' or ']' while "
	    "parsing a flow sequence"),
	/* libyaml's reader decodes ahead: how far is its business. */
	B("title: 一\n---\ntitle: a\xffz\n---\ntitle: 三\n", -1,
	    "3:9: invalid UTF-8 byte 0xFF"),
	B("title: 一\n---\ntitle: a\0z\n", 0, "3:9: NUL byte in the file"),
	B("\xFF\xFEt\0", 0, "1:1: the file is UTF-16; entries must be UTF-8"),
#undef B
};

START_TEST(stream_broken)
{
	struct docs d;

	ck_assert_fails(stream(broken[_i].in, broken[_i].len, &d), EXIT_DATAERR);
	message_is(broken[_i].msg);
	if (broken[_i].ndocs >= 0)
		ck_assert_uint_eq(d.n, (size_t)broken[_i].ndocs);
	docs_free(&d);
}
END_TEST

/* A refused document does not hide a later one's problem. */
START_TEST(stream_refused_then_broken)
{
	const char *s = "title: &a 一\n---\ntitle: 二\n---\n- [\n";
	struct docs d;

	ck_assert_fails(stream(s, strlen(s), &d), EXIT_DATAERR);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages),
	    "t.yaml:1:8: anchors (&a) are not allowed\n"));
	ck_assert_ptr_nonnull(strstr(buf_str(&messages),
	    "t.yaml:6:1: invalid YAML: "));
	docs_free(&d);
}
END_TEST

/* What each() returns, when not 0, stops the stream and is returned. */
START_TEST(stream_stopped_by_each)
{
	const char *s = "title: 一\n---\ntitle: 二\n---\ntitle: 三\n";
	struct docs d;

	memset(&d, 0, sizeof(d));
	d.stop_at = 2;
	ck_assert_int_eq(yaml_load_stream("t.yaml", s, strlen(s), collect, &d),
	    99);
	ck_assert_uint_eq(d.n, 2);
	docs_free(&d);
}
END_TEST

static int
count_docs(struct ynode *doc, void *arg)
{
	size_t *n = arg;

	(*n)++;
	/* Each document's title is on its own third line. */
	ck_assert_int_eq(ynode_get(doc, "title")->pos.line, (int)(*n * 3));
	return 0;
}

/* Tens of thousands of documents, the last one's positions right. */
START_TEST(stream_long)
{
	struct buf b = BUF_INIT;
	size_t n = 0;

	for (int i = 0; i < 20000; i++)
		buf_addf(&b, "---\ndate: 2026-11-01\ntitle: 題%d\n", i);
	ck_assert_int_eq(yaml_load_stream("t.yaml", b.s, b.len, count_docs,
	    &n), 0);
	ck_assert_uint_eq(n, 20000);
	buf_free(&b);
}
END_TEST

/* yaml_load is the same reader for exactly one document. */
START_TEST(load_one_document)
{
	struct ynode n;

	ck_assert_int_eq(yaml_load("t.yaml", "---\ntitle: 一\n...\n", 18, &n), 0);
	ck_assert_int_eq(n.type, Y_MAP);
	ck_assert_int_eq(ynode_get(&n, "title")->pos.line, 2);
	ynode_free(&n);
	/* No document at all is an empty mapping at 1:1. */
	ck_assert_int_eq(yaml_load("t.yaml", "# x\n", 4, &n), 0);
	ck_assert_int_eq(n.type, Y_MAP);
	ck_assert_uint_eq(n.nkids, 0);
	at(&n, 1, 1);
	ck_assert_fails(yaml_load("t.yaml", "a: 1\n---\nb: 2\n", 14, &n), EXIT_DATAERR);
	message_is("2:1: more than one YAML document in the file");
	ck_assert_uint_eq(n.nkids, 0);
}
END_TEST

/* --- import_read --- */

START_TEST(format_by_first_byte)
{
	static const struct {
		const char		*in;
		enum import_format	 f;
	} cases[] = {
		{ "", IMPORT_YAML },
		{ " \t\r\n", IMPORT_YAML },
		{ "[]", IMPORT_JSON_ARRAY },
		{ " \t\r\n[", IMPORT_JSON_ARRAY },
		{ "\xEF\xBB\xBF  [", IMPORT_JSON_ARRAY },
		{ "{\"a\": 1}", IMPORT_JSON_OBJECTS },
		{ "\xEF\xBB\xBF{", IMPORT_JSON_OBJECTS },
		{ "\n\n  {", IMPORT_JSON_OBJECTS },
		{ "---\n[]", IMPORT_YAML },
		{ "date: 2026-11-01", IMPORT_YAML },
		{ "# [\n", IMPORT_YAML },
		{ "- {}", IMPORT_YAML },
		{ "\xEF\xBB\xBF", IMPORT_YAML },
		{ "\xEF\xBB[", IMPORT_YAML },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(import_format(cases[i].in, strlen(cases[i].in)) ==
		    cases[i].f, "format of '%s'", cases[i].in);
	/* A NUL byte is not white space. */
	ck_assert_int_eq(import_format("\0[", 2), IMPORT_YAML);
}
END_TEST

static int
import_s(const char *s, struct entry_list *b)
{
	return import_read("t.in", s, strlen(s), b);
}

/* Each format gives the same entries; export's id and path are dropped. */
START_TEST(read_each_format)
{
	static const char *const in[] = {
		"---\nid: 20200101-aaaaaa\ndate: 2026-11-01\ntitle: 一\n"
		    "---\ndate: 2026-11-02\ntitle: 二\nseries: s\n",
		"[{\"id\": \"x\", \"path\": \"/p\", \"date\": \"2026-11-01\", "
		    "\"title\": \"一\"},\n {\"date\": \"2026-11-02\", "
		    "\"title\": \"二\", \"series\": \"s\"}]",
		"{\"path\": \"/p\", \"date\": \"2026-11-01\", \"title\": \"一\"}\n"
		    "{\"date\": \"2026-11-02\", \"title\": \"二\", "
		    "\"series\": \"s\"}\n",
	};
	struct entry_list b;

	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		ck_assert_msg(import_s(in[i], &b) == 0, "refused: %s",
		    buf_str(&messages));
		ck_assert_uint_eq(b.n, 2);
		ck_assert_str_eq(b.v[0]->title, "一");
		ck_assert_ptr_null(b.v[0]->id);
		ck_assert_ptr_null(b.v[0]->path);
		ck_assert_uint_eq(b.v[0]->nx, 0);
		ck_assert_str_eq(b.v[1]->series, "s");
		ck_assert_int_eq(b.v[1]->part, 0);	/* given when stored */
		entry_list_free(&b);
	}
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

/* "path" is JSON's only: a YAML entry may not have it. */
START_TEST(read_yaml_path_is_unknown)
{
	struct entry_list b;

	ck_assert_fails(import_s("date: 2026-11-01\ntitle: 一\npath: /p\n",
	    &b), EXIT_DATAERR);
	ck_assert_uint_eq(b.n, 0);
	ck_assert_ptr_null(b.v);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages),
	    "t.in:3:1: unknown key 'path'"));
}
END_TEST

START_TEST(read_nothing)
{
	static const char *const in[] = { "", "\n\n", "# x\n---\n", "[]",
	    "[\n]\n" };
	struct entry_list b;

	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		ck_assert_int_eq(import_s(in[i], &b), 0);
		ck_assert_uint_eq(b.n, 0);
		entry_list_free(&b);
	}
	ck_assert_str_eq(buf_str(&messages), "");
}
END_TEST

/* One object that holds "entries" is a jrnl export; two are JSON Lines. */
START_TEST(read_jrnl_detected)
{
	const char *jrnl = "{\"tags\": {}, \"entries\": [{\"title\": \"一\", "
	    "\"date\": \"2026-11-16\", \"time\": \"10:30\", \"id\": 7}]}\n";
	struct buf two = BUF_INIT;
	struct entry_list b;

	ck_assert_int_eq(import_s(jrnl, &b), 0);
	ck_assert_uint_eq(b.n, 1);
	ck_assert_int_eq(b.v[0]->date.hour, 10);
	/* A jrnl entry's "id" is jrnl's: kept, as x-jrnl-id. */
	ck_assert_uint_eq(b.v[0]->nx, 1);
	ck_assert_str_eq(b.v[0]->x[0].key, "x-jrnl-id");
	entry_list_free(&b);
	buf_addf(&two, "%s%s", jrnl, jrnl);
	ck_assert_fails(import_s(two.s, &b), EXIT_DATAERR);
	ck_assert_uint_eq(b.n, 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages),
	    "t.in:1:14: unknown key 'entries'"));
	buf_free(&two);
}
END_TEST

/* Every later entry with a part taken in the input, in input order. */
START_TEST(read_parts_twice)
{
	const char *s =
	    "{\"date\": \"2026-11-01\", \"title\": \"a\", \"series\": \"s\", \"part\": 3}\n"
	    "{\"date\": \"2026-11-02\", \"title\": \"b\", \"series\": \"t\", \"part\": 3}\n"
	    "{\"date\": \"2026-11-03\", \"title\": \"c\", \"series\": \"s\", \"part\": 2}\n"
	    "{\"date\": \"2026-11-04\", \"title\": \"d\", \"series\": \"s\", \"part\": 3}\n"
	    "{\"date\": \"2026-11-05\", \"title\": \"e\", \"series\": \"s\"}\n"
	    "{\"date\": \"2026-11-06\", \"title\": \"f\", \"series\": \"t\", \"part\": 3}\n"
	    "{\"date\": \"2026-11-07\", \"title\": \"g\", \"series\": \"s\", \"part\": 3}\n";
	struct entry_list b;

	ck_assert_fails(import_s(s, &b), EXIT_DATAERR);
	ck_assert_uint_eq(b.n, 0);
	ck_assert_str_eq(buf_str(&messages),
	    "dailylog: t.in:4:61: part 3 of series 's' is given twice "
	    "(also at line 1)\n"
	    "dailylog: t.in:6:61: part 3 of series 't' is given twice "
	    "(also at line 2)\n"
	    "dailylog: t.in:7:61: part 3 of series 's' is given twice "
	    "(also at line 1)\n");
}
END_TEST

/* The same in a YAML stream, where the lines are the stream's. */
START_TEST(read_parts_twice_yaml)
{
	const char *s = "---\ndate: 2026-11-01\ntitle: a\nseries: s\npart: 1\n"
	    "---\ndate: 2026-11-02\ntitle: b\nseries: s\npart: 2\n"
	    "---\ndate: 2026-11-03\ntitle: c\nseries: s\npart: 1\n";
	struct entry_list b;

	ck_assert_fails(import_s(s, &b), EXIT_DATAERR);
	ck_assert_str_eq(buf_str(&messages),
	    "dailylog: t.in:15:7: part 1 of series 's' is given twice "
	    "(also at line 5)\n");
}
END_TEST

/* Distinct parts pass, and parts are not compared while others fail. */
START_TEST(read_parts_distinct)
{
	const char *ok = "[{\"date\": \"2026-11-01\", \"title\": \"a\", "
	    "\"series\": \"s\", \"part\": 1}, {\"date\": \"2026-11-02\", "
	    "\"title\": \"b\", \"series\": \"s\", \"part\": 2}, {\"date\": "
	    "\"2026-11-03\", \"title\": \"c\", \"series\": \"u\", \"part\": 1}]";
	const char *invalid = "[{\"date\": \"2026-11-01\", \"title\": \"a\", "
	    "\"series\": \"s\", \"part\": 1}, {\"date\": \"2026-11-02\", "
	    "\"title\": \"b\", \"series\": \"s\", \"part\": 1}, {\"date\": "
	    "\"2026-11-31\", \"title\": \"c\"}]";
	struct entry_list b;

	ck_assert_int_eq(import_s(ok, &b), 0);
	ck_assert_uint_eq(b.n, 3);
	entry_list_free(&b);
	ck_assert_fails(import_s(invalid, &b), EXIT_DATAERR);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "bad date"));
	ck_assert_ptr_null(strstr(buf_str(&messages), "given twice"));
}
END_TEST

/* Every invalid entry is told, in the order of the input. */
START_TEST(read_every_problem)
{
	const char *s = "---\ndate: 2026-11-01\ntitle: 一\n"
	    "---\ndate: 2026-11-02\ntitel: 二\n"
	    "---\ndate: 2026-11-33\ntitle: 三\n";
	struct entry_list b;
	const char *m, *a, *c;

	ck_assert_fails(import_s(s, &b), EXIT_DATAERR);
	ck_assert_uint_eq(b.n, 0);
	m = buf_str(&messages);
	a = strstr(m, "t.in:6:1: unknown key 'titel' (did you mean 'title'?)");
	c = strstr(m, "t.in:8:7: bad date '2026-11-33'");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(c);
	ck_assert_ptr_nonnull(strstr(m, "t.in:5:1: missing required key 'title'"));
	ck_assert(a < c);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *json = tcase_create("json_read");
	TCase *yaml = tcase_create("yaml_stream");
	TCase *rd = tcase_create("import_read");

	tcase_add_checked_fixture(json, capture, release);
	tcase_add_test(json, tree_and_positions);
	tcase_add_test(json, string_escapes);
	tcase_add_test(json, unicode_escapes);
	tcase_add_test(json, numbers_and_words);
	tcase_add_test(json, byte_order_mark);
	tcase_add_test(json, values_in_sequence);
	tcase_add_loop_test(json, refused, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(json, duplicate_among_many_keys);
	tcase_add_test(json, depth_cap_is_inclusive);
	suite_add_tcase(s, json);

	tcase_add_checked_fixture(yaml, capture, release);
	tcase_add_test(yaml, stream_positions);
	tcase_add_test(yaml, stream_document_ends);
	tcase_add_test(yaml, stream_byte_order_mark);
	tcase_add_test(yaml, stream_empty_documents);
	tcase_add_test(yaml, stream_alias_in_third_document);
	tcase_add_loop_test(yaml, stream_defences, 0,
	    sizeof(bad_doc) / sizeof(bad_doc[0]));
	tcase_add_loop_test(yaml, stream_broken, 0,
	    sizeof(broken) / sizeof(broken[0]));
	tcase_add_test(yaml, stream_refused_then_broken);
	tcase_add_test(yaml, stream_stopped_by_each);
	tcase_add_test(yaml, stream_long);
	tcase_add_test(yaml, load_one_document);
	suite_add_tcase(s, yaml);

	tcase_add_checked_fixture(rd, capture, release);
	tcase_add_test(rd, format_by_first_byte);
	tcase_add_test(rd, read_each_format);
	tcase_add_test(rd, read_yaml_path_is_unknown);
	tcase_add_test(rd, read_nothing);
	tcase_add_test(rd, read_jrnl_detected);
	tcase_add_test(rd, read_parts_twice);
	tcase_add_test(rd, read_parts_twice_yaml);
	tcase_add_test(rd, read_parts_distinct);
	tcase_add_test(rd, read_every_problem);
	suite_add_tcase(s, rd);
	return s;
}

CHECK_MAIN(import_suite)
