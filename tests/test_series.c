/* series.c: the settings file, its defaults and its errors; parts. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "lang.h"
#include "series.h"
#include "store.h"
#include "check_main.h"

static char root[] = "/tmp/dl-series-XXXXXX";
static struct store st;
static struct series_settings set;
static struct buf msgs;

static void
setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(root));
	memset(&st, 0, sizeof(st));
	st.root = root;
	st.lang = LANG_JA;
	buf_reset(&msgs);
	diag_sink = &msgs;
}

static void
teardown(void)
{
	char cmd[128];

	diag_sink = NULL;
	series_settings_free(&set);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	ck_assert_int_eq(system(cmd), 0);
	strcpy(root, "/tmp/dl-series-XXXXXX");
}

/* Write ROOT/series/badge.yaml and load it. */
static int
load(const char *yaml)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/series", root);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/series/badge.yaml", root);
	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(yaml, fp);
	fclose(fp);
	return series_settings_load(&st, "badge", &set);
}

static void
expect_msg(const char *where, const char *what)
{
	ck_assert_msg(strstr(buf_str(&msgs), where) != NULL,
	    "no '%s' in: %s", where, buf_str(&msgs));
	ck_assert_msg(strstr(buf_str(&msgs), what) != NULL,
	    "no '%s' in: %s", what, buf_str(&msgs));
}

START_TEST(defaults_without_file)
{
	ck_assert_int_eq(series_settings_load(&st, "badge", &set), 0);
	ck_assert_str_eq(set.title, "badge");
	ck_assert_int_eq(set.lang, LANG_JA);
	ck_assert_str_eq(set.label_prev, "←前編");
	ck_assert_str_eq(set.label_next, "→続編");
	ck_assert_str_eq(set.label_heading, "【続編{n}】");
	ck_assert_int_eq(set.numbering, NUMBER_CIRCLED);
	ck_assert_int_eq(set.per_row, 3);
	ck_assert_int_eq(set.layout, LAYOUT_AUTO);
	ck_assert_int_eq(set.threshold, 20);
	ck_assert_int_eq(set.window, 2);
	ck_assert_ptr_null(set.url);
	ck_assert_ptr_null(set.description);
	ck_assert_int_eq(set.status, STATUS_NONE);
	ck_assert(!set.redact);
	ck_assert(set.fields);
	ck_assert_str_eq(set.bullet, "  • ");
	ck_assert_uint_eq(set.aliases.n, 0);
	ck_assert_uint_eq(msgs.len, 0);
}
END_TEST

START_TEST(english_defaults_then_overrides)
{
	ck_assert_int_eq(load("title: Onboarding\nper_row: 4\nlayout: window\n"
	    "window: 2\nlang: en\nlabels:\n  next: \"Next ({n})\"\n"
	    "x-note: kept\n"), 0);
	ck_assert_str_eq(set.title, "Onboarding");
	ck_assert_int_eq(set.lang, LANG_EN);
	/* lang comes last in the file yet does not undo the others. */
	ck_assert_int_eq(set.per_row, 4);
	ck_assert_int_eq(set.layout, LAYOUT_WINDOW);
	ck_assert_int_eq(set.window, 2);
	ck_assert_str_eq(set.label_prev, "← Part {n}");
	ck_assert_str_eq(set.label_next, "Next ({n})");
	ck_assert_int_eq(set.numbering, NUMBER_ARABIC);
}
END_TEST

START_TEST(unknown_key_suggests)
{
	ck_assert_fails(load("title: T\ntitel: U\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:2:1:", "unknown key 'titel' (did you mean "
	    "'title'?)");
}
END_TEST

START_TEST(unknown_label)
{
	ck_assert_fails(load("labels:\n  prevv: x\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:2:3:", "did you mean 'prev'?");
}
END_TEST

START_TEST(bad_values)
{
	ck_assert_fails(load("per_row: 0\nnumbering: roman\nwindow: 101\n"
	    "lang: fr\nlayout: [all]\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:1:10:", "per_row must be a whole number from "
	    "1 to 20, not '0'");
	expect_msg("badge.yaml:2:12:", "numbering must be one of circled, arabic");
	expect_msg("badge.yaml:3:9:", "window must be a whole number from 1 "
	    "to 100");
	expect_msg("badge.yaml:4:7:", "lang must be one of ja, en, not 'fr'");
	expect_msg("badge.yaml:5:9:", "layout must be one of all, window, auto");
}
END_TEST

/* The publishing keys, each read and each refused with its place. */
START_TEST(publishing_keys)
{
	ck_assert_int_eq(load("url: https://example.com/badge\n"
	    "description: |\n  入館証の件の記録。\n\n  全17回。\n"
	    "status: complete\nredact: true\nfields: false\n"
	    "bullet: \"- \"\nlayout: auto\nthreshold: 30\n"
	    "aliases:\n  T社: 取引先\n  O部長: 部長\n"), 0);
	/* A URL gets the slash that makes it a directory. */
	ck_assert_str_eq(set.url, "https://example.com/badge/");
	ck_assert_str_eq(set.description, "入館証の件の記録。\n\n全17回。\n");
	ck_assert_int_eq(set.status, STATUS_COMPLETE);
	ck_assert(set.redact);
	ck_assert(!set.fields);
	ck_assert_str_eq(set.bullet, "- ");
	ck_assert_int_eq(set.threshold, 30);
	ck_assert_uint_eq(set.aliases.n, 2);
	ck_assert_str_eq(set.aliases.v[0].name, "T社");
	ck_assert_str_eq(set.aliases.v[0].alias, "取引先");
}
END_TEST

START_TEST(publishing_keys_refused)
{
	ck_assert_fails(load("url: example.com/badge\nstatus: done\n"
	    "redact: yes\naliases: [T社]\nthreshold: 0\n"
	    "description: \"\"\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:1:6:", "url must be an absolute URL");
	expect_msg("badge.yaml:2:9:", "status must be one of ongoing, "
	    "complete, not 'done'");
	expect_msg("badge.yaml:3:9:", "redact must be one of false, true");
	expect_msg("badge.yaml:4:10:", "aliases must be a mapping");
	expect_msg("badge.yaml:5:12:", "threshold must be a whole number");
	expect_msg("badge.yaml:6:14:", "description must not be empty");
	buf_reset(&msgs);
	series_settings_free(&set);
	/* An alias that holds its own name would publish it. */
	ck_assert_fails(load("aliases:\n  T社: T社の親会社\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:2:7:", "the alias of 'T社' must not contain it");
}
END_TEST

START_TEST(url_rules)
{
	ck_assert(series_url_valid("https://example.com"));
	ck_assert(series_url_valid("http://localhost:1313/badge/"));
	ck_assert(series_url_valid("gemini://example.org/"));
	ck_assert(!series_url_valid("example.com"));
	ck_assert(!series_url_valid("https://"));
	ck_assert(!series_url_valid("https:///x"));
	ck_assert(!series_url_valid("https://a b/"));
	ck_assert(!series_url_valid("https://x/\"y\""));
	ck_assert(!series_url_valid("//example.com/"));
}
END_TEST

START_TEST(wrong_types)
{
	ck_assert_fails(load("title: [a]\nlabels: x\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:1:8:", "title must be a string");
	expect_msg("badge.yaml:2:9:", "labels must be a mapping");
	buf_reset(&msgs);
	series_settings_free(&set);
	ck_assert_fails(load("- a\n"), EXIT_DATAERR);
	expect_msg("badge.yaml:1:1:", "must be a mapping");
}
END_TEST

START_TEST(labels_expand)
{
	struct buf b = BUF_INIT;

	series_settings_defaults(&set, "badge", LANG_JA);
	series_label(&b, &set, "【続編{n}】", 7);
	ck_assert_str_eq(b.s, "【続編⑦】");
	buf_reset(&b);
	series_label(&b, &set, "→続編", 12);
	ck_assert_str_eq(b.s, "→続編12");
	buf_reset(&b);
	series_label(&b, &set, "{n}/{n}", 3);
	ck_assert_str_eq(b.s, "③/③");
	buf_free(&b);
}
END_TEST

START_TEST(collect_and_slugs)
{
	struct entry e[5];
	struct entry *v[5];
	struct entry_list l = { v, 5 };
	static const char *const slug[5] = { "b", "a", "b", NULL, "b" };
	static const long part[5] = { 3, 1, 1, 0, 3 };
	struct series s;
	const char **slugs;
	size_t n;

	for (int i = 0; i < 5; i++) {
		memset(&e[i], 0, sizeof(e[i]));
		e[i].series = (char *)slug[i];
		e[i].part = part[i];
		e[i].id = (char *)(i == 4 ? "z" : "m");
		v[i] = &e[i];
	}
	memset(&s, 0, sizeof(s));
	series_collect(&l, "b", &s);
	ck_assert_uint_eq(s.n, 3);
	ck_assert_ptr_eq(s.parts[0], &e[2]);
	ck_assert_int_eq(s.parts[1]->part, 3);
	ck_assert_int_eq(s.parts[2]->part, 3);
	ck_assert(s.has_duplicates);
	ck_assert_int_eq(series_last(&s), 3);
	/* A draft leaves its number as a gap; its duplicate is none. */
	e[4].draft = true;
	series_drop_drafts(&s);
	ck_assert_uint_eq(s.n, 2);
	ck_assert(!s.has_duplicates);
	ck_assert_int_eq(series_last(&s), 3);
	e[0].draft = true;
	series_drop_drafts(&s);
	ck_assert_uint_eq(s.n, 1);
	ck_assert_int_eq(series_last(&s), 1);
	series_free(&s);
	slugs = series_slugs(&l, &n);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(slugs[0], "a");
	ck_assert_str_eq(slugs[1], "b");
	free(slugs);
}
END_TEST

static Suite *
series_suite(void)
{
	Suite *su = suite_create("series");
	TCase *tc = tcase_create("series");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, defaults_without_file);
	tcase_add_test(tc, english_defaults_then_overrides);
	tcase_add_test(tc, unknown_key_suggests);
	tcase_add_test(tc, unknown_label);
	tcase_add_test(tc, bad_values);
	tcase_add_test(tc, publishing_keys);
	tcase_add_test(tc, publishing_keys_refused);
	tcase_add_test(tc, url_rules);
	tcase_add_test(tc, wrong_types);
	tcase_add_test(tc, labels_expand);
	tcase_add_test(tc, collect_and_slugs);
	suite_add_tcase(su, tc);
	return su;
}

CHECK_MAIN(series_suite)
