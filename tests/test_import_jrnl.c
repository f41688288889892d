/*
 * jrnl's JSON export as entry trees (import_jrnl.h): each rule of
 * dailylog-import(1)'s "jrnl entries" on a tree json_read makes, and
 * each refusal with its position.
 */
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "import_jrnl.h"
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

static void
parse(const char *s, struct ynode *n)
{
	struct json_reader r;

	json_reader_init(&r, "j.json", s, strlen(s), YAML_MAX_DEPTH);
	ck_assert_msg(json_read_value(&r, n) == 0, "'%s' was refused: %s", s,
	    buf_str(&messages));
}

/* The tree jrnl_entry makes of the entry s, with no message. */
static void
convert(const char *s, struct ynode *out)
{
	struct ynode j;

	parse(s, &j);
	ck_assert_msg(jrnl_entry("j.json", &j, out) == 0, "refused: %s",
	    buf_str(&messages));
	ynode_free(&j);
	ck_assert_str_eq(buf_str(&messages), "");
}

/* Refused, with exactly the message want ("LINE:COL: text"). */
static void
refused(const char *s, const char *want)
{
	struct ynode j, out;
	struct buf full = BUF_INIT;

	parse(s, &j);
	ck_assert_fails(jrnl_entry("j.json", &j, &out), EXIT_DATAERR);
	ynode_free(&j);
	ck_assert_int_eq(out.nkids, 0);
	ck_assert_ptr_null(out.kids);
	buf_addf(&full, "dailylog: j.json:%s\n", want);
	ck_assert_str_eq(buf_str(&messages), buf_str(&full));
	buf_free(&full);
}

static const char *
str(const struct ynode *map, const char *key)
{
	const struct ynode *v = ynode_get(map, key);

	ck_assert_msg(v != NULL, "no key '%s'", key);
	ck_assert_int_eq(v->type, Y_SCALAR);
	ck_assert_uint_eq(strlen(v->s), v->len);
	return v->s;
}

/* The tags of an entry tree, as "a,b,c". */
static const char *
tags(const struct ynode *map, struct buf *b)
{
	const struct ynode *t = ynode_get(map, "tags");

	buf_reset(b);
	buf_adds(b, "");
	ck_assert_msg(t != NULL, "no tags");
	ck_assert_int_eq(t->type, Y_SEQ);
	for (size_t i = 0; i < t->nkids; i++) {
		ck_assert_uint_eq(strlen(t->kids[i].s), t->kids[i].len);
		buf_addf(b, "%s%s", i ? "," : "", t->kids[i].s);
	}
	return buf_str(b);
}

START_TEST(date_and_time_joined)
{
	struct ynode e;

	convert("{\"title\": \"一\", \"date\": \"2026-11-16\", "
	    "\"time\": \"10:30\"}", &e);
	ck_assert_str_eq(str(&e, "date"), "2026-11-16 10:30");
	ck_assert_str_eq(str(&e, "title"), "一");
	ck_assert_ptr_null(ynode_get(&e, "time"));
	/* Where the date was, for entry_from_node's messages. */
	ck_assert_int_eq(ynode_get(&e, "date")->pos.col, 24);
	ynode_free(&e);
	/* No time: the date as it is. */
	convert("{\"date\": \"2026-11-16\"}", &e);
	ck_assert_str_eq(str(&e, "date"), "2026-11-16");
	ynode_free(&e);
	/* A date that is not a string is left for entry_from_node. */
	convert("{\"date\": 20261116, \"time\": \"10:30\"}", &e);
	ck_assert_str_eq(str(&e, "date"), "20261116");
	ck_assert(ynode_get(&e, "date")->plain);
	ynode_free(&e);
}
END_TEST

START_TEST(tags_without_at)
{
	struct buf b = BUF_INIT;
	struct ynode e;

	convert("{\"tags\": [\"@営業\", \"クレーム\", \"@\", \"a@b\"]}", &e);
	ck_assert_str_eq(tags(&e, &b), "営業,クレーム,,a@b");
	ynode_free(&e);
	/* Only strings lose an "@"; anything else is entry_from_node's. */
	convert("{\"tags\": [1, \"@x\"]}", &e);
	ck_assert_str_eq(tags(&e, &b), "1,x");
	ynode_free(&e);
	convert("{\"tags\": \"@x\"}", &e);
	ck_assert_str_eq(str(&e, "tags"), "@x");
	ynode_free(&e);
	buf_free(&b);
}
END_TEST

START_TEST(starred_is_a_tag)
{
	struct buf b = BUF_INIT;
	struct ynode e;

	/* Without tags: a list of one. */
	convert("{\"title\": \"一\", \"starred\": true}", &e);
	ck_assert_str_eq(tags(&e, &b), "starred");
	ck_assert_ptr_null(ynode_get(&e, "starred"));
	ynode_free(&e);
	/* With tags: last. */
	convert("{\"tags\": [\"@営業\"], \"starred\": true}", &e);
	ck_assert_str_eq(tags(&e, &b), "営業,starred");
	ynode_free(&e);
	/* Not twice, with or without its "@". */
	convert("{\"tags\": [\"@starred\", \"@a\"], \"starred\": true}", &e);
	ck_assert_str_eq(tags(&e, &b), "starred,a");
	ynode_free(&e);
	convert("{\"starred\": true, \"tags\": [\"starred\"]}", &e);
	ck_assert_str_eq(tags(&e, &b), "starred");
	ynode_free(&e);
	/* false adds nothing, and makes no list. */
	convert("{\"tags\": [\"@a\"], \"starred\": false}", &e);
	ck_assert_str_eq(tags(&e, &b), "a");
	ynode_free(&e);
	convert("{\"title\": \"一\", \"starred\": false}", &e);
	ck_assert_ptr_null(ynode_get(&e, "tags"));
	ck_assert_uint_eq(e.nkids, 2);
	ynode_free(&e);
	buf_free(&b);
}
END_TEST

START_TEST(other_keys_kept)
{
	struct ynode e;
	const struct ynode *c;

	convert("{\"title\": \"一\", \"uuid\": \"5C1A\", "
	    "\"creator\": {\"device_name\": \"pc\"}, \"body\": \"本文\"}", &e);
	ck_assert_str_eq(str(&e, "x-jrnl-uuid"), "5C1A");
	ck_assert(!ynode_get(&e, "x-jrnl-uuid")->plain);
	c = ynode_get(&e, "x-jrnl-creator");
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->type, Y_MAP);
	ck_assert_str_eq(str(c, "device_name"), "pc");
	ck_assert_str_eq(str(&e, "body"), "本文");
	ck_assert_ptr_null(ynode_get(&e, "uuid"));
	/* Kept in the order given. */
	ck_assert_str_eq(e.kids[0].s, "title");
	ck_assert_str_eq(e.kids[2].s, "x-jrnl-uuid");
	ck_assert_str_eq(e.kids[4].s, "x-jrnl-creator");
	ck_assert_str_eq(e.kids[6].s, "body");
	ynode_free(&e);
}
END_TEST

START_TEST(empty_body_left_out)
{
	struct ynode e;

	convert("{\"title\": \"一\", \"body\": \"\"}", &e);
	ck_assert_ptr_null(ynode_get(&e, "body"));
	ck_assert_uint_eq(e.nkids, 2);
	ynode_free(&e);
}
END_TEST

START_TEST(bad_starred)
{
	refused("{\"title\": \"一\", \"starred\": \"yes\"}",
	    "1:27: starred must be true or false");
	buf_reset(&messages);
	refused("{\"starred\": 1}", "1:13: starred must be true or false");
	buf_reset(&messages);
	refused("{\"title\": \"一\",\n \"starred\": null}",
	    "2:13: starred must be true or false");
	buf_reset(&messages);
	refused("{\"starred\": [true]}", "1:13: starred must be true or false");
}
END_TEST

START_TEST(bad_time)
{
	refused("{\"date\": \"2026-11-16\", \"time\": 1030}",
	    "1:32: time must be a string HH:MM");
	buf_reset(&messages);
	refused("{\"date\": \"2026-11-16\", \"time\": [\"10:30\"]}",
	    "1:32: time must be a string HH:MM");
}
END_TEST

/* Not an object: passed on as it is, for entry_from_node to refuse. */
START_TEST(not_an_object)
{
	struct ynode e;

	convert("[\"@a\"]", &e);
	ck_assert_int_eq(e.type, Y_SEQ);
	ck_assert_str_eq(e.kids[0].s, "@a");
	ynode_free(&e);
}
END_TEST

/* --- the whole export --- */

struct got {
	size_t	n;
	char	titles[64];
};

static int
each_title(struct ynode *e, void *arg)
{
	struct got *g = arg;
	const struct ynode *t = ynode_get(e, "title");

	g->n++;
	strncat(g->titles, t != NULL ? t->s : "-",
	    sizeof(g->titles) - strlen(g->titles) - 1);
	return 0;
}

static int
read_export(const char *s, struct got *g)
{
	struct ynode root;
	int rc;

	memset(g, 0, sizeof(*g));
	parse(s, &root);
	rc = jrnl_read("j.json", &root, each_title, g);
	ynode_free(&root);
	return rc;
}

START_TEST(is_export)
{
	static const struct {
		const char	*in;
		bool		 yes;
	} cases[] = {
		{ "{\"tags\": {}, \"entries\": []}", true },
		{ "{\"entries\": 1}", true },
		{ "{\"tags\": {}}", false },
		{ "{\"title\": \"entries\"}", false },
		{ "[{\"entries\": []}]", false },
		{ "\"entries\"", false },
	};
	struct ynode n;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		parse(cases[i].in, &n);
		ck_assert_msg(jrnl_is_export(&n) == cases[i].yes, "%s",
		    cases[i].in);
		ynode_free(&n);
	}
}
END_TEST

START_TEST(export_entries_in_order)
{
	struct got g;

	ck_assert_int_eq(read_export("{\"tags\": {\"@a\": 2}, \"entries\": ["
	    "{\"title\": \"一\"}, {\"title\": \"二\"}, {\"title\": \"三\"}]}",
	    &g), 0);
	ck_assert_uint_eq(g.n, 3);
	ck_assert_str_eq(g.titles, "一二三");
	ck_assert_str_eq(buf_str(&messages), "");
	ck_assert_int_eq(read_export("{\"entries\": []}", &g), 0);
	ck_assert_uint_eq(g.n, 0);
}
END_TEST

/* An unknown key is told, and the entries are read all the same. */
START_TEST(export_unknown_key)
{
	struct got g;

	ck_assert_fails(read_export("{\"tags\": {},\n \"version\": 2,\n "
	    "\"entries\": [{\"title\": \"一\"}]}", &g), EXIT_DATAERR);
	ck_assert_str_eq(buf_str(&messages), "dailylog: j.json:2:2: unknown "
	    "key 'version' in a jrnl export (it has tags and entries)\n");
	ck_assert_uint_eq(g.n, 1);
}
END_TEST

START_TEST(export_entries_not_a_list)
{
	struct got g;

	ck_assert_fails(read_export("{\"tags\": {}, \"entries\": {}}", &g), EXIT_DATAERR);
	ck_assert_str_eq(buf_str(&messages), "dailylog: j.json:1:25: entries "
	    "must be a list of jrnl entries\n");
	ck_assert_uint_eq(g.n, 0);
}
END_TEST

/* An entry that does not convert: told, skipped, the next one read. */
START_TEST(export_bad_entry)
{
	struct got g;

	ck_assert_fails(read_export("{\"entries\": [{\"title\": \"一\"},\n"
	    " {\"title\": \"二\", \"starred\": \"yes\"},\n"
	    " {\"title\": \"三\", \"date\": \"2026-11-16\", \"time\": 9},\n"
	    " {\"title\": \"四\"}]}", &g), EXIT_DATAERR);
	ck_assert_str_eq(buf_str(&messages),
	    "dailylog: j.json:2:28: starred must be true or false\n"
	    "dailylog: j.json:3:47: time must be a string HH:MM\n");
	ck_assert_uint_eq(g.n, 2);
	ck_assert_str_eq(g.titles, "一四");
}
END_TEST

START_TEST(export_not_an_export)
{
	struct got g;

	ck_assert_fails(read_export("{\"title\": \"一\"}", &g), EXIT_DATAERR);
	ck_assert_str_eq(buf_str(&messages), "dailylog: j.json:1:1: a jrnl "
	    "export is an object with entries\n");
	ck_assert_uint_eq(g.n, 0);
}
END_TEST

static Suite *
jrnl_suite(void)
{
	Suite *s = suite_create("import_jrnl");
	TCase *entry = tcase_create("entry");
	TCase *export = tcase_create("export");

	tcase_add_checked_fixture(entry, capture, release);
	tcase_add_test(entry, date_and_time_joined);
	tcase_add_test(entry, tags_without_at);
	tcase_add_test(entry, starred_is_a_tag);
	tcase_add_test(entry, other_keys_kept);
	tcase_add_test(entry, empty_body_left_out);
	tcase_add_test(entry, bad_starred);
	tcase_add_test(entry, bad_time);
	tcase_add_test(entry, not_an_object);
	suite_add_tcase(s, entry);
	tcase_add_checked_fixture(export, capture, release);
	tcase_add_test(export, is_export);
	tcase_add_test(export, export_entries_in_order);
	tcase_add_test(export, export_unknown_key);
	tcase_add_test(export, export_entries_not_a_list);
	tcase_add_test(export, export_bad_entry);
	tcase_add_test(export, export_not_an_export);
	suite_add_tcase(s, export);
	return s;
}

CHECK_MAIN(jrnl_suite)
