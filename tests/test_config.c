/* config.c: the settings files, one over the other, and their errors. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "lang.h"
#include "store.h"
#include "check_main.h"

static char dir[] = "/tmp/dl-config-XXXXXX";
static char path[64];
static struct config cfg;
static struct buf msgs;

static void
setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/config.yaml", dir);
	config_init(&cfg);
	buf_reset(&msgs);
	diag_sink = &msgs;
}

static void
teardown(void)
{
	diag_sink = NULL;
	config_free(&cfg);
	unlink(path);
	ck_assert_int_eq(rmdir(dir), 0);
	strcpy(dir, "/tmp/dl-config-XXXXXX");
}

/* Write the settings file and read it into cfg. */
static int
read_yaml(const char *yaml)
{
	FILE *fp;

	ck_assert_ptr_nonnull(fp = fopen(path, "w"));
	fputs(yaml, fp);
	fclose(fp);
	return config_read(path, 0, &cfg);
}

/* The message, without the path, must contain want. */
static void
expect_msg(const char *want)
{
	ck_assert_msg(msgs.s != NULL && strstr(msgs.s, want) != NULL,
	    "message '%s' lacks '%s'", msgs.s ? msgs.s : "", want);
}

START_TEST(every_key)
{
	ck_assert_int_eq(read_yaml("author: 佐藤\nlang: en\neditor: nano -w\n"
	    "pager: \"less -S\"\ncolor: never\n"
	    "columns: [title, date, tags]\nx-mine: kept out\n"), 0);
	ck_assert_str_eq(cfg.author, "佐藤");
	ck_assert_int_eq(cfg.lang, LANG_EN);
	ck_assert_str_eq(cfg.editor, "nano -w");
	ck_assert_str_eq(cfg.pager, "less -S");
	ck_assert_int_eq(cfg.color, COLOR_NEVER);
	ck_assert_uint_eq(cfg.ncolumns, 3);
	ck_assert_int_eq(cfg.columns[0], COL_TITLE);
	ck_assert_int_eq(cfg.columns[1], COL_DATE);
	ck_assert_int_eq(cfg.columns[2], COL_TAGS);
	ck_assert_uint_eq(msgs.len, 0);
}
END_TEST

/* The second file replaces what it says and leaves the rest. */
START_TEST(later_file_wins_key_by_key)
{
	ck_assert_int_eq(read_yaml("color: always\npager: more\n"), 0);
	ck_assert_int_eq(read_yaml("color: auto\ncolumns: [id]\n"), 0);
	ck_assert_int_eq(cfg.color, COLOR_AUTO);
	ck_assert_str_eq(cfg.pager, "more");
	ck_assert_uint_eq(cfg.ncolumns, 1);
	ck_assert_int_eq(cfg.columns[0], COL_ID);
}
END_TEST

START_TEST(empty_file_and_empty_pager)
{
	ck_assert_int_eq(read_yaml(""), 0);
	ck_assert_int_eq(cfg.color, -1);
	ck_assert_ptr_null(cfg.pager);
	ck_assert_int_eq(read_yaml("pager: \"\"\n"), 0);
	ck_assert_str_eq(cfg.pager, "");
}
END_TEST

START_TEST(default_series)
{
	ck_assert_int_eq(read_yaml("series: badge\n"), 0);
	ck_assert_str_eq(cfg.series, "badge");
	ck_assert_fails(read_yaml("series: ../x\n"), EXIT_DATAERR);
	expect_msg(":1:9: bad series '../x'");
}
END_TEST

START_TEST(git_commit)
{
	ck_assert_int_eq(cfg.git_commit, -1);
	ck_assert_int_eq(read_yaml("git-commit: false\n"), 0);
	ck_assert_int_eq(cfg.git_commit, 0);
	ck_assert_int_eq(read_yaml("git-commit: true\n"), 0);
	ck_assert_int_eq(cfg.git_commit, 1);
	ck_assert_fails(read_yaml("git-commit: no\n"), EXIT_DATAERR);
	expect_msg(":1:13: git-commit must be one of false, true, not 'no'");
	buf_reset(&msgs);
	ck_assert_fails(read_yaml("git-comit: false\n"), EXIT_DATAERR);
	expect_msg("unknown key 'git-comit' (did you mean 'git-commit'?)");
}
END_TEST

START_TEST(missing_file)
{
	ck_assert_int_eq(config_read(path, 1, &cfg), 0);
	ck_assert_uint_eq(msgs.len, 0);
	ck_assert_fails(config_read(path, 0, &cfg), EXIT_NOINPUT);
	ck_assert_uint_gt(msgs.len, 0);
	/* teardown unlinks it */
	ck_assert_int_eq(read_yaml(""), 0);
}
END_TEST

START_TEST(unknown_key_near_miss)
{
	ck_assert_fails(read_yaml("lang: ja\npagr: less\n"), EXIT_DATAERR);
	expect_msg(":2:1: unknown key 'pagr' (did you mean 'pager'?)");
}
END_TEST

START_TEST(unknown_key_far_off)
{
	ck_assert_fails(read_yaml("client: T社\n"), EXIT_DATAERR);
	expect_msg(":1:1: unknown key 'client'\n");
}
END_TEST

START_TEST(bad_words)
{
	ck_assert_fails(read_yaml("color: alway\n"), EXIT_DATAERR);
	expect_msg(":1:8: color must be one of auto, always, never, not "
	    "'alway' (did you mean 'always'?)");
	buf_reset(&msgs);
	ck_assert_fails(read_yaml("lang: [ja]\n"), EXIT_DATAERR);
	expect_msg(":1:7: lang must be one of ja, en, not 'a collection'");
}
END_TEST

START_TEST(bad_columns)
{
	ck_assert_fails(read_yaml("columns: []\n"), EXIT_DATAERR);
	expect_msg(":1:10: columns must be a list");
	buf_reset(&msgs);
	ck_assert_fails(read_yaml("columns: [id, titel]\n"), EXIT_DATAERR);
	expect_msg(":1:15: column must be one of");
	expect_msg("(did you mean 'title'?)");
	buf_reset(&msgs);
	ck_assert_fails(read_yaml("columns: [id, tags, id]\n"), EXIT_DATAERR);
	expect_msg(":1:21: column 'id' is listed twice");
}
END_TEST

/* Every bad key of a file is reported, not only the first. */
START_TEST(all_errors_reported)
{
	ck_assert_fails(read_yaml("author: [a]\neditor: \"\"\n"), EXIT_DATAERR);
	expect_msg(":1:9: author must be a string");
	expect_msg(":2:9: editor must not be empty");
}
END_TEST

START_TEST(control_characters_refused)
{
	ck_assert_fails(read_yaml("pager: \"less\\e[2J\"\n"), EXIT_DATAERR);
	ck_assert_uint_gt(msgs.len, 0);
}
END_TEST

START_TEST(not_a_mapping)
{
	ck_assert_fails(read_yaml("- color\n"), EXIT_DATAERR);
	expect_msg(":1:1: settings must be a mapping");
}
END_TEST

START_TEST(column_names_round_trip)
{
	char yaml[256] = "columns: [";

	for (int c = 0; c < COL_COUNT; c++) {
		strcat(yaml, config_column_name((enum list_column)c));
		strcat(yaml, c + 1 < COL_COUNT ? ", " : "]\n");
	}
	ck_assert_int_eq(read_yaml(yaml), 0);
	ck_assert_uint_eq(cfg.ncolumns, COL_COUNT);
	for (int c = 0; c < COL_COUNT; c++)
		ck_assert_int_eq(cfg.columns[c], c);
}
END_TEST

START_TEST(user_path)
{
	char *p;

	p = config_user_path("/x/conf", "/home/k");
	ck_assert_str_eq(p, "/x/conf/dailylog/config.yaml");
	free(p);
	/* A relative XDG_CONFIG_HOME is ignored, as the spec says. */
	p = config_user_path("conf", "/home/k");
	ck_assert_str_eq(p, "/home/k/.config/dailylog/config.yaml");
	free(p);
	ck_assert_ptr_null(config_user_path(NULL, NULL));
}
END_TEST

static Suite *
config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("read");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, default_series);
	tcase_add_test(tc, git_commit);
	tcase_add_test(tc, every_key);
	tcase_add_test(tc, later_file_wins_key_by_key);
	tcase_add_test(tc, empty_file_and_empty_pager);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, unknown_key_near_miss);
	tcase_add_test(tc, unknown_key_far_off);
	tcase_add_test(tc, bad_words);
	tcase_add_test(tc, bad_columns);
	tcase_add_test(tc, all_errors_reported);
	tcase_add_test(tc, control_characters_refused);
	tcase_add_test(tc, not_a_mapping);
	tcase_add_test(tc, column_names_round_trip);
	tcase_add_test(tc, user_path);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(config_suite)
