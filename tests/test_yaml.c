/*
 * The emitter: what entry_to_yaml writes must load back as the same
 * entry, field for field, whatever the text holds; and a typical
 * Japanese entry must be written the way a person would write it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "yaml_read.h"
#include "yaml_write.h"

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

static void
base(struct entry *e)
{
	entry_init(e);
	e->date.year = 2026;
	e->date.mon = 11;
	e->date.day = 23;
	e->title = xstrdup("T社訪問");
}

static void
same_string(const char *field, const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		ck_assert_msg(a == b, "%s: '%s' came back as '%s'", field,
		    a ? a : "(none)", b ? b : "(none)");
	else
		ck_assert_msg(strcmp(a, b) == 0, "%s: '%s' came back as '%s'",
		    field, a, b);
}

static void
same_list(const char *field, const struct strlist *a, const struct strlist *b)
{
	ck_assert_msg(a->n == b->n, "%s: %zu items came back as %zu", field,
	    a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		same_string(field, a->v[i], b->v[i]);
}

static void
same_node(const char *key, const struct ynode *a, const struct ynode *b)
{
	ck_assert_msg(a->type == b->type, "%s: node type changed", key);
	ck_assert_msg(a->nkids == b->nkids, "%s: %zu children came back as %zu",
	    key, a->nkids, b->nkids);
	if (a->type == Y_SCALAR) {
		ck_assert_msg(a->len == b->len && memcmp(a->s, b->s, a->len) == 0,
		    "%s: '%s' came back as '%s'", key, a->s, b->s);
		ck_assert_msg(a->plain == b->plain, "%s: '%s' lost its style",
		    key, a->s);
	}
	for (size_t i = 0; i < a->nkids; i++)
		same_node(key, &a->kids[i], &b->kids[i]);
}

static void
same_entry(const struct entry *a, const struct entry *b)
{
	ck_assert_int_eq(a->date.year, b->date.year);
	ck_assert_int_eq(a->date.mon, b->date.mon);
	ck_assert_int_eq(a->date.day, b->date.day);
	ck_assert_int_eq(a->date.has_time, b->date.has_time);
	ck_assert_int_eq(a->date.hour, b->date.hour);
	ck_assert_int_eq(a->date.min, b->date.min);
	same_string("title", a->title, b->title);
	same_string("series", a->series, b->series);
	ck_assert_int_eq(a->part, b->part);
	same_string("client", a->client, b->client);
	same_string("contact", a->contact, b->contact);
	same_string("staff", a->staff, b->staff);
	same_list("tags", &a->tags, &b->tags);
	same_string("result", a->result, b->result);
	same_list("next", &a->next, &b->next);
	same_string("author", a->author, b->author);
	ck_assert_int_eq(a->draft, b->draft);
	same_string("body", a->body, b->body);
	ck_assert_uint_eq(a->nx, b->nx);
	for (size_t i = 0; i < a->nx; i++) {
		same_string("x- key", a->x[i].key, b->x[i].key);
		same_node(a->x[i].key, &a->x[i].value, &b->x[i].value);
	}
}

/* Write e, load it back, compare; the written text is left in yaml. */
static void
round_trip(const struct entry *e, struct buf *yaml)
{
	struct entry back;
	int rc;

	buf_reset(yaml);
	entry_to_yaml(e, false, false, yaml);
	entry_init(&back);
	rc = entry_load_buf("rt.yaml", yaml->s, yaml->len, &back, false);
	ck_assert_msg(rc == 0, "written text does not load: %s--- text:\n%s",
	    buf_str(&messages), buf_str(yaml));
	same_entry(e, &back);
	entry_free(&back);
}

/* Round trip of one body text. */
static void
body_trip(const char *body)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	base(&e);
	e.body = xstrdup(body);
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}

/* --- what a typical entry looks like --- */

static void
typical(struct entry *e)
{
	base(e);
	free(e->title);
	e->title = xstrdup("O部長を訪問");
	e->date.has_time = true;
	e->date.hour = 9;
	e->date.min = 5;
	e->series = xstrdup("badge");
	e->part = 16;
	e->client = xstrdup("T社");
	e->contact = xstrdup("O部長");
	e->staff = xstrdup("Kさん");
	strlist_add(&e->tags, "クレーム");
	strlist_add(&e->tags, "入館証");
	e->result = xstrdup("入館証は郵送で返してもらう");
	strlist_add(&e->next, "到着を確かめる");
	strlist_add(&e->next, "O部長へ報告");
	e->body = xstrdup("## 対応経緯\n\n朝一番に電話。\n\n- 謝罪した\n- 期限を決めた\n");
}

START_TEST(typical_entry_text)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	typical(&e);
	round_trip(&e, &yaml);
	/*
	 * Keys in the contract's order, Japanese as it is, tags as a flow
	 * list, next as a block list, the body as a literal block.
	 */
	ck_assert_str_eq(buf_str(&yaml),
	    "date: 2026-11-23 09:05\n"
	    "title: O部長を訪問\n"
	    "series: badge\n"
	    "part: 16\n"
	    "client: T社\n"
	    "contact: O部長\n"
	    "staff: Kさん\n"
	    "tags: [クレーム, 入館証]\n"
	    "result: 入館証は郵送で返してもらう\n"
	    "next:\n"
	    "- 到着を確かめる\n"
	    "- O部長へ報告\n"
	    "body: |\n"
	    "  ## 対応経緯\n"
	    "\n"
	    "  朝一番に電話。\n"
	    "\n"
	    "  - 謝罪した\n"
	    "  - 期限を決めた\n");
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(no_unicode_escapes)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	typical(&e);
	/* Long lines are not folded either. */
	free(e.result);
	e.result = xstrdup("長い結果の文章がここに続きます。長い結果の文章がここに続き"
	    "ます。長い結果の文章がここに続きます。長い結果の文章がここに続きます。");
	round_trip(&e, &yaml);
	ck_assert_ptr_null(strstr(yaml.s, "\\u"));
	ck_assert_ptr_null(strstr(yaml.s, "\\x"));
	ck_assert_ptr_nonnull(strstr(yaml.s, "body: |\n  ## 対応経緯\n"));
	ck_assert_ptr_nonnull(strstr(yaml.s, "\nresult: 長い結果"));
	ck_assert_ptr_nonnull(strstr(yaml.s, "続きます。\nnext:"));
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(author_and_draft_round_trip)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	typical(&e);
	e.author = xstrdup("佐藤 太郎");
	e.draft = true;
	round_trip(&e, &yaml);
	ck_assert_ptr_nonnull(strstr(yaml.s, "\nauthor: 佐藤 太郎\ndraft: true\nbody: |\n"));
	/* Not a draft: nothing written for it. */
	e.draft = false;
	round_trip(&e, &yaml);
	ck_assert_ptr_null(strstr(yaml.s, "draft"));
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(keys_in_contract_order)
{
	/* Written in reverse; x- fields keep the order they had. */
	static const char text[] =
	    "x-first: 2\nbody: 本文\ndraft: true\nauthor: a\nnext: [n]\n"
	    "result: r\ntags: [t]\nstaff: s\ncontact: c\nclient: cl\n"
	    "part: 3\nseries: s\ntitle: t\ndate: 2026-11-23\nx-last: 1\n";
	static const char *const keys[] = {
		"date:", "title:", "series:", "part:", "client:", "contact:",
		"staff:", "tags:", "result:", "next:", "author:", "draft:",
		"body:", "x-first:", "x-last:",
	};
	struct buf yaml = BUF_INIT;
	struct entry e;
	const char *at, *prev = NULL;

	entry_init(&e);
	ck_assert_int_eq(entry_load_buf("in.yaml", text, sizeof(text) - 1, &e,
	    false), 0);
	round_trip(&e, &yaml);
	ck_assert_msg(strncmp(yaml.s, "date:", 5) == 0, "date is not first");
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		struct buf k = BUF_INIT;

		buf_addf(&k, "%s%s", i ? "\n" : "", keys[i]);
		at = strstr(yaml.s, k.s);
		ck_assert_msg(at != NULL && (prev == NULL || at > prev),
		    "%s out of order in:\n%s", keys[i], yaml.s);
		prev = at;
		buf_free(&k);
	}
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(id_and_document_start)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	/*
	 * An ID whose random part happens to use only hex letters must be
	 * written like any other, for grep and sed on export's output.
	 */
	base(&e);
	e.id = xstrdup("20261123-abc123");
	entry_to_yaml(&e, true, true, &yaml);
	ck_assert_str_eq(buf_str(&yaml), "---\nid: 20261123-abc123\n"
	    "date: 2026-11-23\ntitle: T社訪問\n");
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

/* --- text that a literal block or a plain scalar cannot simply hold --- */

START_TEST(quotes)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	base(&e);
	free(e.title);
	e.title = xstrdup("彼は\"大丈夫\"と言った");
	e.client = xstrdup("O'Neil商事");
	e.contact = xstrdup("'単引用'で始まる");
	e.staff = xstrdup("\"二重引用\"で始まる");
	e.result = xstrdup("\\バックスラッシュ\\n は改行ではない");
	e.body = xstrdup("「'」と「\"」\n'行頭'\n\"行頭\"\n");
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(colons)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	base(&e);
	free(e.title);
	e.title = xstrdup("報告: 第2回");
	e.client = xstrdup("T社:本社");
	e.contact = xstrdup("件名:");
	e.staff = xstrdup("key: value");
	e.result = xstrdup(": で始まる");
	e.body = xstrdup("時刻: 10:00\nkey: value\n:\n");
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(body_leading_spaces)
{
	body_trip("  字下げした一行目\n二行目\n");
	body_trip("    コードのような行\n      さらに深い\n");
	body_trip("本文\n  途中の字下げ\n");
	body_trip("\n先頭が空行\n");
}
END_TEST

START_TEST(hash_lines)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	base(&e);
	free(e.title);
	e.title = xstrdup("#1 訪問");
	e.client = xstrdup("# コメントではない");
	e.contact = xstrdup("O部長 #2");
	e.body = xstrdup("# 見出しではない\n本文 # 行内\n#\n");
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(blank_lines_in_body)
{
	body_trip("段落一\n\n段落二\n\n\n\n段落三\n");
	body_trip("行\n \n空白だけの行の後\n");
}
END_TEST

START_TEST(trailing_spaces)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	body_trip("行末に空白  \n次の行\n");
	body_trip("最後の行に空白 ");
	body_trip("全角空白の行末　\n");
	base(&e);
	free(e.title);
	e.title = xstrdup("末尾に空白 ");
	e.client = xstrdup(" 先頭に空白");
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(body_endings)
{
	body_trip("改行で終わらない");
	body_trip("一行目\n改行で終わらない");
	body_trip("改行が二つ\n\n");
	body_trip("改行がたくさん\n\n\n\n");
	body_trip("\n");
	body_trip("\n\n");
	body_trip("");
}
END_TEST

START_TEST(other_characters)
{
	body_trip("列1\t列2\n");
	body_trip("絵文字 🙇 と 半角ｶﾅ\n");
	body_trip("全角の空白\xE3\x80\x80の後\n");
	/* U+2028, a line separator, is refused by the loader (hostile/). */
}
END_TEST

START_TEST(document_markers_in_body)
{
	body_trip("前文\n---\n中\n...\n後文\n");
	body_trip("---\n先頭が区切り\n");
	body_trip("末尾が終わり\n...\n");
	body_trip("--- 区切りと文\n... 終わりと文\n");
}
END_TEST

/*
 * Values a YAML 1.1 reader would take for null, booleans, numbers or
 * dates: written quoted, so other tools read strings too.
 */
START_TEST(special_words_quoted)
{
	static const char *const words[] = {
		"yes", "no", "on", "off", "Yes", "NO", "y", "n", "true",
		"False", "null", "Null", "~", "0123", "1e3", "2026-11-25",
		"12:30", "0x1F", "1_000", ".5", "-1", "+1", ".inf", ".NaN",
		"16", "",
	};
	struct buf yaml = BUF_INIT, want = BUF_INIT;
	struct entry e;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		base(&e);
		free(e.title);
		e.title = xstrdup(words[i][0] ? words[i] : "題");
		e.client = xstrdup(words[i]);
		strlist_add(&e.tags, words[i][0] ? words[i] : "t");
		strlist_add(&e.next, words[i][0] ? words[i] : "n");
		round_trip(&e, &yaml);
		buf_reset(&want);
		buf_addf(&want, "\nclient: '%s'\n", words[i]);
		ck_assert_msg(strstr(yaml.s, want.s) != NULL,
		    "'%s' is not quoted:\n%s", words[i], yaml.s);
		entry_free(&e);
	}
	buf_free(&want);
	buf_free(&yaml);
}
END_TEST

START_TEST(indicator_titles)
{
	static const char *const titles[] = {
		"- 箇条書き風", "[括弧]で始まる", "{波括弧}", "!感嘆", "&アンド",
		"*星", "%パーセント", "@アット", "`バッククォート", "|縦線",
		">大なり", "? 疑問", "-", "?", ",カンマ", "a, b", "a [b]",
	};
	struct buf yaml = BUF_INIT;
	struct entry e;

	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		base(&e);
		free(e.title);
		e.title = xstrdup(titles[i]);
		e.result = xstrdup(titles[i]);
		round_trip(&e, &yaml);
		entry_free(&e);
	}
	buf_free(&yaml);
}
END_TEST

START_TEST(lists)
{
	static const char *const items[] = {
		"クレーム", "a, b", "[x]", "{y}", "- z", "#tag", "key: v",
		"'q'", "\"d\"", " 前に空白", "後に空白 ", "複数\n行",
	};
	struct buf yaml = BUF_INIT;
	struct entry e;

	base(&e);
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		strlist_add(&e.tags, items[i]);
		strlist_add(&e.next, items[i]);
	}
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

START_TEST(x_fields)
{
	static const char text[] =
	    "date: 2026-11-23 18:00\n"
	    "title: 訪問\n"
	    "x-weather: 晴れ\n"
	    "x-quoted: 'yes'\n"
	    "x-plain-word: yes\n"
	    "x-list: [a, 'b', [c, d]]\n"
	    "x-map:\n"
	    "  from: 本社\n"
	    "  to: T社\n"
	    "  legs: [電車, 徒歩]\n"
	    "x-multi: |\n"
	    "  一行目\n"
	    "  二行目\n"
	    "x-empty:\n";
	struct buf yaml = BUF_INIT;
	struct entry e;

	entry_init(&e);
	ck_assert_int_eq(entry_load_buf("in.yaml", text, sizeof(text) - 1, &e,
	    false), 0);
	ck_assert_uint_eq(e.nx, 7);
	round_trip(&e, &yaml);
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

/* Writing what was written changes nothing, whatever the x- quoting. */
START_TEST(x_fields_rewrite_stable)
{
	static const char text[] =
	    "date: 2026-11-23\n"
	    "title: 訪問\n"
	    "x-odd:\n"
	    "  - Wtx:: 1\n"
	    "  - \"double\": \"a\\tb\"\n"
	    "  - 'single': plain\n";
	struct buf once = BUF_INIT, twice = BUF_INIT;
	struct entry a, b;

	entry_init(&a);
	entry_init(&b);
	ck_assert_int_eq(entry_load_buf("in.yaml", text, sizeof(text) - 1, &a,
	    false), 0);
	entry_to_yaml(&a, false, false, &once);
	ck_assert_int_eq(entry_load_buf("once.yaml", once.s, once.len, &b,
	    false), 0);
	entry_to_yaml(&b, false, false, &twice);
	ck_assert_str_eq(buf_str(&twice), buf_str(&once));
	buf_free(&once);
	buf_free(&twice);
	entry_free(&a);
	entry_free(&b);
}
END_TEST

/*
 * A mapping key left empty (`? ` alone) is a null; libyaml never writes
 * an empty plain key, so it is written `~` and must load back a null,
 * not the string '' (found by the fuzzer).
 */
START_TEST(x_null_key)
{
	static const char text[] =
	    "date: 2026-11-01\n"
	    "title: 訪問\n"
	    "x-odd:\n"
	    "  - ?\n"
	    "  - {? : 1}\n";
	struct buf yaml = BUF_INIT;
	const struct ynode *key;
	struct entry a, b;

	entry_init(&a);
	entry_init(&b);
	ck_assert_int_eq(entry_load_buf("in.yaml", text, sizeof(text) - 1, &a,
	    false), 0);
	entry_to_yaml(&a, false, false, &yaml);
	ck_assert_ptr_nonnull(strstr(buf_str(&yaml), "- ~:"));
	ck_assert_ptr_null(strstr(buf_str(&yaml), "''"));
	ck_assert_int_eq(entry_load_buf("out.yaml", yaml.s, yaml.len, &b,
	    false), 0);
	for (size_t i = 0; i < 2; i++) {
		key = &b.x[0].value.kids[i].kids[0];
		ck_assert_int_eq(ynode_scalar(key), YS_NULL);
	}
	ck_assert(entry_same(&a, &b));
	buf_free(&yaml);
	entry_free(&a);
	entry_free(&b);
}
END_TEST

START_TEST(optional_fields_absent)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	base(&e);
	round_trip(&e, &yaml);
	ck_assert_str_eq(buf_str(&yaml), "date: 2026-11-23\ntitle: T社訪問\n");
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

/* A file written by hand goes through the emitter unchanged in meaning. */
START_TEST(hand_written_file)
{
	struct buf yaml = BUF_INIT;
	struct entry e;

	entry_init(&e);
	ck_assert_int_eq(entry_load("tests/data/20261124-k7m2qp.yaml", &e), 0);
	round_trip(&e, &yaml);
	ck_assert_ptr_nonnull(strstr(yaml.s, "\nbody: |\n  ## 経緯\n"));
	buf_free(&yaml);
	entry_free(&e);
}
END_TEST

/* --- the editor's template --- */

/*
 * The template for e loads back as e, field for field: every value was
 * placed as the emitter writes it.  The template is left in t.
 */
static void
template_trip(const struct entry *e, struct buf *t)
{
	struct entry back;
	int rc;

	struct entry want = *e;

	buf_reset(t);
	entry_template(e, t);
	entry_init(&back);
	rc = entry_load_buf("draft.yaml", t->s, t->len, &back, false);
	ck_assert_msg(rc == 0, "the template does not load: %s--- template:\n%s",
	    buf_str(&messages), buf_str(t));
	/* add stores a body as it ends, in one newline: compare so. */
	want.body = e->body ? xstrdup(e->body) : NULL;
	entry_normalize_body(&want);
	entry_normalize_body(&back);
	same_entry(&want, &back);
	free(want.body);
	entry_free(&back);
}

/* Every text field, both lists and the body hold value v. */
static void
all_fields(struct entry *e, const char *v)
{
	base(e);
	free(e->title);
	e->title = xstrdup(v);
	e->client = xstrdup(v);
	e->contact = xstrdup(v);
	e->staff = xstrdup(v);
	e->result = xstrdup(v);
	strlist_add(&e->tags, v);
	strlist_add(&e->tags, "二つ目");
	strlist_add(&e->next, v);
	strlist_add(&e->next, "次も");
	e->body = xstrdup(v);
}

/* What YAML reads as a comment, a flow collection, a key, a directive. */
START_TEST(template_indicators)
{
	static const char *const values[] = {
		"案件 #12 の件", "田中 #2", "#先頭", "[至急] 入館証", "末尾 [",
		"閉じ ]", "] 先頭", "{波括弧} 件", "a, b", "A社: 本社", "末尾:",
		"@T社", "`引用`", "\"引用\" の件", "'単引用' の件", "it's",
		"%YAML", "100%", " 前に空白", "後に空白 ", "  両方  ",
		"- 箇条書き風", "? 疑問", "!タグ風", "&錨", "*別名", "|縦線",
		">大なり", "---", "...", "T社 O部長", "yes", "null", "~", "12",
		"2026-11-23", "タブ\tの後",
	};
	struct buf t = BUF_INIT;
	struct entry e;

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		all_fields(&e, values[i]);
		template_trip(&e, &t);
		entry_free(&e);
	}
	buf_free(&t);
}
END_TEST

/* A series is a slug, but some slugs read as numbers or words. */
START_TEST(template_series)
{
	static const char *const slugs[] = {
		"badge", "123", "0x1f", "1e3", "no", "null", "y", "2026-11",
		"-", "a-",
	};
	struct buf t = BUF_INIT;
	struct entry e;

	for (size_t i = 0; i < sizeof(slugs) / sizeof(slugs[0]); i++) {
		base(&e);
		e.series = xstrdup(slugs[i]);
		e.part = (long)i + 1;
		template_trip(&e, &t);
		entry_free(&e);
	}
	buf_free(&t);
}
END_TEST

/* Bodies a hand-written "|" block would break: the first line indented,
 * spaces at the ends of lines, blank lines, markers. */
START_TEST(template_bodies)
{
	static const char *const bodies[] = {
		"  字下げで始まる\n次の行\n", "行末に空白 \n次\n", "末尾の空白 ",
		"一行目\n\n\n三行目\n", "\n先頭が空行\n", "---\n...\n",
		"# 見出しではない\n", "## 見出し\n\n- 項目\n", "\t先頭のタブ\n",
		"最後の改行なし",
	};
	struct buf t = BUF_INIT;
	struct entry e;

	for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		base(&e);
		e.body = xstrdup(bodies[i]);
		template_trip(&e, &t);
		entry_free(&e);
	}
	buf_free(&t);
}
END_TEST

/* A person reads the template: plain values stay plain, hints follow. */
START_TEST(template_text)
{
	struct buf t = BUF_INIT;
	struct entry e;

	typical(&e);
	free(e.contact);
	e.contact = xstrdup("田中 #2");
	template_trip(&e, &t);
	ck_assert_ptr_nonnull(strstr(t.s, "\ndate: 2026-11-23 09:05  # 日付"));
	ck_assert_ptr_nonnull(strstr(t.s, "\ntitle: O部長を訪問  "
	    "  # 件名(必須) / title (required)\n"));
	ck_assert_ptr_nonnull(strstr(t.s, "\npart: 16  "));
	ck_assert_ptr_nonnull(strstr(t.s, "\ncontact: '田中 #2'"));
	ck_assert_ptr_nonnull(strstr(t.s, "\ntags: [クレーム, 入館証]  "));
	ck_assert_ptr_nonnull(strstr(t.s, "  # 次回アクション / next actions: "
	    "[電話する, 訪問する]\n- 到着を確かめる\n- O部長へ報告\n"));
	ck_assert_ptr_nonnull(strstr(t.s, "\nbody: |\n  ## 対応経緯\n\n"));
	entry_free(&e);
	/* Nothing given: every key is there, empty. */
	base(&e);
	free(e.title);
	e.title = NULL;
	buf_reset(&t);
	entry_template(&e, &t);
	ck_assert_ptr_nonnull(strstr(t.s, "\ntitle:         "));
	ck_assert_ptr_nonnull(strstr(t.s, "\ntags: []   "));
	ck_assert_ptr_nonnull(strstr(t.s, "\nnext: []   "));
	ck_assert_ptr_nonnull(strstr(t.s, "\nbody: |\n  \n"));
	entry_free(&e);
	buf_free(&t);
}
END_TEST

static Suite *
yaml_suite(void)
{
	Suite *s = suite_create("yaml");
	TCase *form = tcase_create("form"), *trip = tcase_create("round trip");
	TCase *tmpl = tcase_create("template");

	tcase_add_checked_fixture(form, capture, release);
	tcase_add_test(form, typical_entry_text);
	tcase_add_test(form, no_unicode_escapes);
	tcase_add_test(form, keys_in_contract_order);
	tcase_add_test(form, author_and_draft_round_trip);
	tcase_add_test(form, id_and_document_start);
	tcase_add_test(form, optional_fields_absent);
	suite_add_tcase(s, form);

	tcase_add_checked_fixture(trip, capture, release);
	tcase_add_test(trip, quotes);
	tcase_add_test(trip, colons);
	tcase_add_test(trip, body_leading_spaces);
	tcase_add_test(trip, hash_lines);
	tcase_add_test(trip, blank_lines_in_body);
	tcase_add_test(trip, trailing_spaces);
	tcase_add_test(trip, body_endings);
	tcase_add_test(trip, other_characters);
	tcase_add_test(trip, document_markers_in_body);
	tcase_add_test(trip, special_words_quoted);
	tcase_add_test(trip, indicator_titles);
	tcase_add_test(trip, lists);
	tcase_add_test(trip, x_fields);
	tcase_add_test(trip, x_fields_rewrite_stable);
	tcase_add_test(trip, x_null_key);
	tcase_add_test(trip, hand_written_file);
	suite_add_tcase(s, trip);

	tcase_add_checked_fixture(tmpl, capture, release);
	tcase_add_test(tmpl, template_indicators);
	tcase_add_test(tmpl, template_series);
	tcase_add_test(tmpl, template_bodies);
	tcase_add_test(tmpl, template_text);
	suite_add_tcase(s, tmpl);
	return s;
}

CHECK_MAIN(yaml_suite)
