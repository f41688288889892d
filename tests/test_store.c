/*
 * The store, in a fresh temporary directory per test: creation and its
 * modes, IDs, part numbers, references, atomic writes that never
 * overwrite, and the small rule tables behind them.
 */
#include <dirent.h>
#include <fcntl.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "config.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "lang.h"
#include "store.h"
#include "template.h"
#include "walk.h"
#include "yaml_read.h"

#include "check_main.h"

/* The settings of the store open_store opened last. */
static struct config opened;

/* The store at dir opened as -C DIR opens it, with its settings. */
static int
open_store(const char *dir, struct store *st)
{
	char *user = config_user_path(getenv("XDG_CONFIG_HOME"), getenv("HOME"));
	int rc;

	config_free(&opened);
	if ((rc = store_open(st, xstrdup(dir), "-C")) == 0 &&
	    (rc = config_read_user(user, &opened)) == 0)
		rc = store_read_settings(st, &opened);
	if (rc != 0)
		store_close(st);
	free(user);
	return rc;
}

static struct buf messages = BUF_INIT;
static char tmp[64];
static char *dir;		/* the store: tmp/a/store, not yet made */
static struct store st;

static void
setup(void)
{
	buf_reset(&messages);
	diag_sink = &messages;
	umask(022);
	strcpy(tmp, "/tmp/dl-test-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmp));
	dir = path_join(tmp, "a/store");
	memset(&st, 0, sizeof(st));
	st.lockfd = -1;
}

static void
teardown(void)
{
	store_close(&st);
	remove_tree(tmp);
	free(dir);
	diag_sink = NULL;
	buf_free(&messages);
}

/* A path inside the store: a new string. */
static char *
in_store(const char *rel)
{
	return path_join(dir, rel);
}

static void
open_new_store(void)
{

	ck_assert_int_eq(store_init(dir, LANG_JA, NULL), 0);
	ck_assert_int_eq(open_store(dir, &st), 0);
	buf_reset(&messages);
}

static mode_t
mode_of(const char *path)
{
	struct stat sb;

	ck_assert_msg(lstat(path, &sb) == 0, "%s is missing", path);
	return sb.st_mode;
}

static char *
contents(const char *path)
{
	char *s;
	size_t len;

	ck_assert_int_eq(file_read(path, 1 << 20, &s, &len), 0);
	return s;
}

static void
put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

/* Names in a directory, dot files included, "." and ".." not. */
static int
count_names(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
new_entry(struct entry *e, int day, const char *title)
{
	entry_init(e);
	e->date.year = 2026;
	e->date.mon = 11;
	e->date.day = day;
	e->title = xstrdup(title);
}

/* Add an entry of series (or none) with part (0: the next); its ID. */
static char *
add(const char *series, long part, long *got_part)
{
	struct entry e;
	char *id;

	new_entry(&e, 23, "訪問");
	if (series != NULL)
		e.series = xstrdup(series);
	e.part = part;
	ck_assert_msg(catalog_add(&st, &e) == 0, "add failed: %s",
	    buf_str(&messages));
	if (got_part != NULL)
		*got_part = e.part;
	id = xstrdup(e.id);
	entry_free(&e);
	return id;
}

static void
messages_are(const char *want)
{
	ck_assert_str_eq(buf_str(&messages), want);
	buf_reset(&messages);
}

/* --- init --- */

START_TEST(init_creates_private_store)
{
	struct buf want = BUF_INIT;
	char *p, *text;

	ck_assert_int_eq(store_init(dir, LANG_JA, "山田 \"太郎\" \\"), 0);
	buf_addf(&want, "dailylog: created store %s\n", dir);
	messages_are(want.s);
	ck_assert_int_eq(mode_of(dir) & 07777, 0700);
	ck_assert(S_ISDIR(mode_of(dir)));
	p = in_store("entries");
	ck_assert(S_ISDIR(mode_of(p)));
	ck_assert_int_eq(mode_of(p) & 07777, 0700);
	free(p);
	p = in_store("series");
	ck_assert_int_eq(mode_of(p) & 07777, 0700);
	free(p);
	/* The shipped templates, private too. */
	ck_assert_uint_eq(nshipped_templates, 3);
	for (size_t i = 0; i < nshipped_templates; i++) {
		struct buf rel = BUF_INIT;
		struct entry e;

		buf_addf(&rel, "templates/%s.yaml", shipped_templates[i].name);
		p = in_store(rel.s);
		ck_assert_int_eq(mode_of(p) & 07777, 0600);
		text = contents(p);
		ck_assert_str_eq(text, shipped_templates[i].text);
		free(text);
		free(p);
		/* Each loads as add loads it. */
		entry_init(&e);
		ck_assert_int_eq(template_load(dir, shipped_templates[i].name,
		    &e), 0);
		ck_assert_uint_eq(e.tags.n, 1);
		ck_assert_ptr_nonnull(strstr(e.body, "## "));
		entry_free(&e);
		buf_free(&rel);
	}
	p = in_store("dailylog.yaml");
	ck_assert(S_ISREG(mode_of(p)));
	ck_assert_int_eq(mode_of(p) & 07777, 0600);
	free(p);
	/* What init wrote reads back, quotes and backslash included. */
	ck_assert_int_eq(open_store(dir, &st), 0);
	ck_assert_int_eq(st.lang, LANG_JA);
	ck_assert_str_eq(opened.author, "山田 \"太郎\" \\");
	ck_assert_str_eq(st.root, dir);
	buf_free(&want);
}
END_TEST

START_TEST(init_english_without_author)
{

	ck_assert_int_eq(store_init(dir, LANG_EN, NULL), 0);
	ck_assert_int_eq(open_store(dir, &st), 0);
	ck_assert_int_eq(st.lang, LANG_EN);
	ck_assert_ptr_null(opened.author);
}
END_TEST

START_TEST(init_existing_changes_nothing)
{
	static const char mine[] = "lang: en\nx-note: 手で書いた設定\n";
	struct buf want = BUF_INIT;
	char *settings = in_store("dailylog.yaml"), *text;

	ck_assert_int_eq(store_init(dir, LANG_JA, NULL), 0);
	put_file(settings, mine);
	buf_reset(&messages);
	ck_assert_int_eq(store_init(dir, LANG_JA, "別人"), 0);
	buf_addf(&want, "dailylog: %s is already a dailylog store; nothing "
	    "changed\n", dir);
	messages_are(want.s);
	text = contents(settings);
	ck_assert_str_eq(text, mine);
	/* dailylog.yaml, entries/, series/, templates/: nothing more. */
	ck_assert_int_eq(count_names(dir), 4);
	free(text);
	free(settings);
	buf_free(&want);
}
END_TEST

START_TEST(open_missing_store)
{
	struct buf want = BUF_INIT;

	ck_assert_fails(open_store(dir, &st), EXIT_NOINPUT);
	buf_addf(&want, "dailylog: %s (from -C) is not a dailylog store: it "
	    "has no dailylog.yaml; create one with 'dailylog init %s'\n",
	    dir, dir);
	messages_are(want.s);
	buf_free(&want);
}
END_TEST

START_TEST(open_bad_settings)
{
	struct buf want = BUF_INIT;
	char *settings = in_store("dailylog.yaml");

	ck_assert_int_eq(store_init(dir, LANG_JA, NULL), 0);
	put_file(settings, "lang: ja\nauther: 山田\n");
	buf_reset(&messages);
	ck_assert_fails(open_store(dir, &st), EXIT_DATAERR);
	buf_addf(&want, "dailylog: %s:2:1: unknown key 'auther' (did you mean "
	    "'author'?)\n", settings);
	messages_are(want.s);
	buf_free(&want);
	free(settings);
}
END_TEST

/* --- adding --- */

START_TEST(add_makes_ids)
{
	enum { N = 64 };
	regex_t re;
	char *ids[N];

	open_new_store();
	/* The alphabet of make_id: digits and a-z without i, l, o, u. */
	ck_assert_int_eq(regcomp(&re, "^20261123-[0-9a-hjkmnp-tv-z]{6}$",
	    REG_EXTENDED | REG_NOSUB), 0);
	for (int i = 0; i < N; i++) {
		ids[i] = add(NULL, 0, NULL);
		ck_assert_msg(regexec(&re, ids[i], 0, NULL, 0) == 0,
		    "bad ID %s", ids[i]);
		for (int j = 0; j < i; j++)
			ck_assert_str_ne(ids[i], ids[j]);
	}
	messages_are("");
	for (int i = 0; i < N; i++)
		free(ids[i]);
	regfree(&re);
}
END_TEST

START_TEST(add_writes_private_file_by_date)
{
	struct entry e, back;
	char *want;

	open_new_store();
	entry_init(&e);
	e.date = (struct date){ 2027, 1, 5, 8, 15, true };
	e.title = xstrdup("新年の挨拶回り");
	e.client = xstrdup("T社");
	ck_assert_int_eq(catalog_add(&st, &e), 0);
	ck_assert_int_gt(asprintf(&want, "%s/entries/2027/01/%s.yaml", dir,
	    e.id), 0);
	ck_assert_str_eq(e.path, want);
	ck_assert_int_eq(mode_of(e.path) & 07777, 0600);
	ck_assert_int_eq(mode_of(dir) & 07777, 0700);
	/* The file holds the entry, and nothing else is left beside it. */
	entry_init(&back);
	ck_assert_int_eq(entry_load(e.path, &back), 0);
	ck_assert_str_eq(back.title, "新年の挨拶回り");
	ck_assert_str_eq(back.client, "T社");
	ck_assert_str_eq(back.id, e.id);
	ck_assert_int_eq(back.date.hour, 8);
	free(want);
	want = in_store("entries/2027/01");
	ck_assert_int_eq(count_names(want), 1);
	ck_assert_int_eq(mode_of(want) & 07777, 0700);
	free(want);
	entry_free(&back);
	entry_free(&e);
}
END_TEST

START_TEST(add_numbers_parts)
{
	char *ids[3], *id, *month = in_store("entries/2026/11");
	struct buf want = BUF_INIT;
	struct entry e;
	long part;

	open_new_store();
	for (int i = 0; i < 3; i++) {
		ids[i] = add("badge", 0, &part);
		ck_assert_int_eq(part, i + 1);
	}
	/* A taken part is refused and nothing is written. */
	new_entry(&e, 24, "重複");
	e.series = xstrdup("badge");
	e.part = 2;
	ck_assert_fails(catalog_add(&st, &e), EXIT_CANTCREAT);
	ck_assert_ptr_null(e.id);
	ck_assert_int_eq(count_names(month), 3);
	buf_addf(&want, "dailylog: part 2 of series 'badge' is taken by %s\n",
	    ids[1]);
	messages_are(want.s);
	entry_free(&e);
	/* After a gap, the next part follows the highest. */
	id = add("badge", 5, &part);
	ck_assert_int_eq(part, 5);
	free(id);
	id = add("badge", 0, &part);
	ck_assert_int_eq(part, 6);
	free(id);
	/* Another series counts on its own. */
	id = add("other", 0, &part);
	ck_assert_int_eq(part, 1);
	free(id);
	/* The lock is released after each add. */
	ck_assert_int_eq(st.lockfd, -1);
	for (int i = 0; i < 3; i++)
		free(ids[i]);
	free(month);
	buf_free(&want);
}
END_TEST

/* Every write is recorded once, for the command's commit (git.h). */
START_TEST(writers_record_what_they_change)
{
	struct entry e, *old;
	char *a = NULL, *b = NULL, *text = NULL;
	size_t len;

	open_new_store();
	a = add(NULL, 0, NULL);
	b = add("badge", 0, NULL);
	ck_assert_uint_eq(st.nchanged, 2);
	ck_assert_ptr_nonnull(strstr(st.changed[0], a));
	ck_assert_ptr_nonnull(strstr(st.changed[1], b));
	ck_assert_int_eq(catalog_resolve(&st, a, &old), 0);
	ck_assert_int_eq(file_read(old->path, 1 << 20, &text, &len), 0);
	entry_init(&e);
	ck_assert_int_eq(entry_load_buf("new", text, len, &e, false), 0);
	ck_assert_int_eq(catalog_replace(&st, old->path, text, len, text, len, &e),
	    0);
	ck_assert_uint_eq(st.nchanged, 2);	/* the same path, once */
	store_changed_clear(&st);
	ck_assert_uint_eq(st.nchanged, 0);
	/* A refused write records nothing. */
	ck_assert_fails(catalog_replace(&st, old->path, "other", 5, text, len, &e),
	    EXIT_TEMPFAIL);
	ck_assert_uint_eq(st.nchanged, 0);
	entry_free(&e);
	entry_free(old);
	free(old);
	free(text);
	free(a);
	free(b);
}
END_TEST

/* Whether another process could take the store's lock now. */
static bool
lock_free_elsewhere(void)
{
	char *lock = in_store(".lock");
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		int fd = open(lock, O_RDWR);

		_exit(fd != -1 && flock(fd, LOCK_EX | LOCK_NB) == 0 ? 0 : 1);
	}
	free(lock);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* A hold inside a hold (sync's rewrites through the catalog) nests. */
START_TEST(lock_nests)
{
	open_new_store();
	ck_assert_int_eq(store_lock(&st), 0);
	ck_assert_int_eq(store_lock(&st), 0);
	store_unlock(&st);
	ck_assert(!lock_free_elsewhere());
	store_unlock(&st);
	ck_assert(lock_free_elsewhere());
	ck_assert_int_eq(st.lockfd, -1);
}
END_TEST

/* Writers in separate processes each get their own part: none is lost. */
START_TEST(concurrent_adds_get_distinct_parts)
{
	enum { WRITERS = 4, EACH = 5, N = WRITERS * EACH };
	struct entry_list all;
	int seen[N + 1] = { 0 }, status;

	open_new_store();
	store_close(&st);
	for (int w = 0; w < WRITERS; w++) {
		pid_t pid = fork();

		ck_assert_int_ne(pid, -1);
		if (pid == 0) {
			int rc = open_store(dir, &st);

			for (int i = 0; rc == 0 && i < EACH; i++) {
				struct entry e;

				new_entry(&e, 23, "同時");
				e.series = xstrdup("badge");
				rc = catalog_add(&st, &e);
				entry_free(&e);
			}
			store_close(&st);
			_exit(rc);
		}
	}
	for (int w = 0; w < WRITERS; w++) {
		ck_assert_int_ne(wait(&status), -1);
		ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	ck_assert_int_eq(open_store(dir, &st), 0);
	diag_reset();
	ck_assert_int_eq(walk_load_all(st.root, &all), 0);
	ck_assert_int_eq(diag_status(), 0);
	ck_assert_uint_eq(all.n, N);
	for (size_t i = 0; i < all.n; i++) {
		long part = all.v[i]->part;

		ck_assert_msg(part >= 1 && part <= N && seen[part]++ == 0,
		    "part %ld given twice or out of range", part);
	}
	entry_list_free(&all);
}
END_TEST

START_TEST(part_free)
{
	char *id;

	open_new_store();
	id = add("badge", 3, NULL);
	ck_assert_int_eq(catalog_part_free(&st, "badge", 4, NULL), 0);
	ck_assert_int_eq(catalog_part_free(&st, "other", 3, NULL), 0);
	messages_are("");
	ck_assert_fails(catalog_part_free(&st, "badge", 3, NULL), EXIT_CANTCREAT);
	free(id);
}
END_TEST

/* --- references --- */

static void
put_entry(const char *id, const char *date, const char *series, int part)
{
	struct buf rel = BUF_INIT, text = BUF_INIT;
	char *month, *path;

	buf_addf(&rel, "entries/%.4s/%.2s", date, date + 5);
	month = in_store(rel.s);
	ck_assert_int_eq(fsio_mkdirs(month, NULL), 0);
	buf_addf(&rel, "/%s.yaml", id);
	path = in_store(rel.s);
	buf_addf(&text, "date: %s\ntitle: %s の報告\n", date, id);
	if (series != NULL)
		buf_addf(&text, "series: %s\npart: %d\n", series, part);
	put_file(path, text.s);
	free(path);
	free(month);
	buf_free(&text);
	buf_free(&rel);
}

static void
three_entries(void)
{
	open_new_store();
	put_entry("20261123-aaaaaa", "2026-11-23", "badge", 1);
	put_entry("20261123-aaabbb", "2026-11-23", NULL, 0);
	put_entry("20261201-cccccc", "2026-12-01", "badge", 2);
}

static void
resolves_to(const char *ref, const char *id)
{
	struct entry *e;

	ck_assert_msg(catalog_resolve(&st, ref, &e) == 0, "%s: %s", ref,
	    buf_str(&messages));
	ck_assert_str_eq(e->id, id);
	entry_free(e);
	free(e);
	messages_are("");
}

static void
refused_ref(const char *ref, int status, const char *want)
{
	struct entry *e;

	if (status == 0)
		ck_assert_int_eq(catalog_resolve(&st, ref, &e), 0);
	else
		ck_assert_fails(catalog_resolve(&st, ref, &e), status);
	ck_assert_ptr_null(e);
	messages_are(want);
}

START_TEST(resolve_ids)
{
	three_entries();
	resolves_to("20261123-aaabbb", "20261123-aaabbb");
	resolves_to("20261201", "20261201-cccccc");
	resolves_to("20261123-aaaa", "20261123-aaaaaa");
}
END_TEST

START_TEST(resolve_ambiguous)
{
	three_entries();
	refused_ref("20261123-aa", EXIT_NOTFOUND, "dailylog: '20261123-aa' is "
	    "ambiguous: 20261123-aaaaaa, 20261123-aaabbb\n");
	refused_ref("2026", EXIT_NOTFOUND, "dailylog: '2026' is ambiguous: "
	    "20261123-aaaaaa, 20261123-aaabbb, 20261201-cccccc\n");
}
END_TEST

START_TEST(resolve_exact_beats_prefix)
{
	three_entries();
	put_entry("20261123-aaa", "2026-11-23", NULL, 0);
	resolves_to("20261123-aaa", "20261123-aaa");
}
END_TEST

START_TEST(resolve_series_part)
{
	three_entries();
	resolves_to("badge:1", "20261123-aaaaaa");
	resolves_to("badge:2", "20261201-cccccc");
	refused_ref("badge:3", EXIT_NOTFOUND,
	    "dailylog: no part 3 in series 'badge'\n");
	refused_ref("other:1", EXIT_NOTFOUND,
	    "dailylog: no part 1 in series 'other'\n");
}
END_TEST

START_TEST(resolve_duplicate_part)
{
	struct buf want = BUF_INIT;

	three_entries();
	put_entry("20261202-dddddd", "2026-12-02", "badge", 2);
	/* The later file names the earlier: part is on line 4, column 7. */
	buf_addf(&want, "dailylog: %s/entries/2026/12/20261202-dddddd.yaml:4:7: "
	    "badge:2 is also 20261201-cccccc\n", dir);
	refused_ref("badge:2", EXIT_DATAERR, want.s);
	buf_free(&want);
}
END_TEST

START_TEST(resolve_unknown)
{
	three_entries();
	refused_ref("zzz", EXIT_NOTFOUND, "dailylog: no entry 'zzz'\n");
	refused_ref("20261123-aaaaaaa", EXIT_NOTFOUND,
	    "dailylog: no entry '20261123-aaaaaaa'\n");
}
END_TEST

START_TEST(resolve_newest)
{
	three_entries();
	/* Listing order: date, then ID. */
	resolves_to("@", "20261201-cccccc");
	resolves_to("@~0", "20261201-cccccc");
	resolves_to("@~", "20261123-aaabbb");
	resolves_to("@~1", "20261123-aaabbb");
	resolves_to("@~2", "20261123-aaaaaa");
	refused_ref("@~3", EXIT_NOTFOUND, "dailylog: no entry '@~3': the store "
	    "has 3 entries, @ to @~2\n");
	put_entry("20261130-zzzzzz", "2026-11-30", NULL, 0);
	resolves_to("@~1", "20261130-zzzzzz");
}
END_TEST

START_TEST(resolve_newest_in_an_empty_or_broken_store)
{
	struct buf want = BUF_INIT;
	char *bad;

	open_new_store();
	refused_ref("@", EXIT_NOTFOUND, "dailylog: no entry '@': the store has "
	    "no entries\n");
	store_close(&st);
	three_entries();
	bad = in_store("entries/2026/12/20261231-broken.yaml");
	put_file(bad, "date: 2026-12-31\n");
	/* The broken file may be the newest: nothing is named. */
	ck_assert_fails(catalog_resolve(&st, "@", &(struct entry *){ NULL }),
	    EXIT_DATAERR);
	buf_addf(&want, "so '@' is not known");
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), want.s));
	buf_reset(&messages);
	free(bad);
	buf_free(&want);
}
END_TEST

START_TEST(resolve_a_series_by_name)
{
	struct entry *e;

	three_entries();
	/* Not an entry: said so, with its latest part. */
	refused_ref("badge", EXIT_NOTFOUND, "dailylog: 'badge' is a series, "
	    "not an entry: name a part, such as badge:2 (its latest)\n");
	/* As show takes it: the latest part. */
	ck_assert_int_eq(catalog_resolve_latest(&st, NULL, "badge", &e), 0);
	ck_assert_str_eq(e->id, "20261201-cccccc");
	entry_free(e);
	free(e);
	/* A whole ID comes first, a series before a prefix. */
	put_entry("badge", "2026-11-01", NULL, 0);
	put_entry("badge-notes", "2026-11-02", NULL, 0);
	resolves_to("badge", "badge");
	ck_assert_int_eq(catalog_resolve_latest(&st, NULL, "badge", &e), 0);
	ck_assert_str_eq(e->id, "badge");
	entry_free(e);
	free(e);
	put_entry("other-1", "2026-11-03", "other", 1);
	ck_assert_int_eq(catalog_resolve_latest(&st, NULL, "other", &e), 0);
	ck_assert_str_eq(e->id, "other-1");
	entry_free(e);
	free(e);
	messages_are("");
}
END_TEST

START_TEST(remove_entries)
{
	struct entry *v[3];
	struct strlist removed = { NULL, 0 };
	char *p;

	three_entries();
	ck_assert_int_eq(catalog_resolve(&st, "badge:2", &v[0]), 0);
	ck_assert_int_eq(catalog_resolve(&st, "20261123-aaabbb", &v[1]), 0);
	ck_assert_int_eq(catalog_resolve(&st, "20261201-cccccc", &v[2]), 0);
	ck_assert_int_eq(catalog_remove(&st, v, 3, &removed), 0);
	/* Named twice, removed once; the paths say what went. */
	ck_assert_uint_eq(removed.n, 2);
	ck_assert_str_eq(removed.v[0], v[0]->path);
	ck_assert_str_eq(removed.v[1], v[1]->path);
	ck_assert_int_eq(access(v[0]->path, F_OK), -1);
	ck_assert_int_eq(access(v[1]->path, F_OK), -1);
	p = in_store("entries/2026/11/20261123-aaaaaa.yaml");
	ck_assert_int_eq(access(p, F_OK), 0);
	free(p);
	/* The lock is released. */
	ck_assert_int_eq(st.lockfd, -1);
	/* A file gone meanwhile is reported; the others still go. */
	strlist_free(&removed);
	ck_assert_fails(catalog_remove(&st, v, 1, &removed), EXIT_NOINPUT);
	ck_assert_uint_eq(removed.n, 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "cannot remove "
	    "the entry"));
	buf_reset(&messages);
	for (int i = 0; i < 3; i++) {
		entry_free(v[i]);
		free(v[i]);
	}
	strlist_free(&removed);
}
END_TEST

START_TEST(resolve_bad_references)
{
	static const char *const bad[] = {
		"", "../etc/passwd", "a/b", ".hidden", "Badge:1", "badge:0",
		"badge:x", "badge:", "badge:1x", "badge:-1", ":1", "ba dge:1",
		"報告", "badge: 1",
	};
	struct buf want = BUF_INIT;

	three_entries();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		buf_reset(&want);
		buf_addf(&want, "dailylog: bad reference '%s': expected ID, ID "
		    "prefix, SERIES:PART, @ or @~N\n", bad[i]);
		refused_ref(bad[i], EXIT_USAGE, want.s);
	}
	buf_free(&want);
}
END_TEST

START_TEST(load_all_sorted_and_reports_bad)
{
	struct entry_list all;

	three_entries();
	put_entry("20261122-eeeeee", "2026-11-22", NULL, 0);
	put_entry("20261123-000000", "2026-11-23", NULL, 0);
	put_entry("20261123-badbad", "2026-11-23", "Bad", 1);
	diag_reset();
	ck_assert_int_eq(walk_load_all(st.root, &all), 0);
	ck_assert_int_eq(diag_status(), EXIT_DATAERR);
	ck_assert_uint_eq(all.n, 5);
	ck_assert_str_eq(all.v[0]->id, "20261122-eeeeee");
	ck_assert_str_eq(all.v[1]->id, "20261123-000000");
	ck_assert_str_eq(all.v[2]->id, "20261123-aaaaaa");
	ck_assert_str_eq(all.v[3]->id, "20261123-aaabbb");
	ck_assert_str_eq(all.v[4]->id, "20261201-cccccc");
	entry_list_free(&all);
}
END_TEST

/* --- atomic writes --- */

/* Below the store root, a symbolic link is never gone through. */
START_TEST(mkdirs_refuses_links_below_root)
{
	char *outside = path_join(tmp, "outside"), *link;

	open_new_store();
	ck_assert_int_eq(mkdir(outside, 0700), 0);
	link = in_store("entries/2026");
	ck_assert_int_eq(symlink(outside, link), 0);
	ck_assert_fails(fsio_mkdirs(dir, "entries/2026/11"), EXIT_CANTCREAT);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "symbolic link"));
	ck_assert_int_eq(access(outside, F_OK), 0);
	free(link);
	link = path_join(outside, "11");
	ck_assert_int_ne(access(link, F_OK), 0);	/* nothing made there */
	ck_assert_int_eq(fsio_mkdirs(dir, "entries/2025/01"), 0);
	free(link);
	free(outside);
}
END_TEST

START_TEST(write_never_overwrites)
{
	struct buf want = BUF_INIT;
	char *path, *text;

	ck_assert_int_eq(fsio_mkdirs(dir, NULL), 0);
	path = in_store("f.yaml");
	ck_assert_int_eq(fsio_store_file(path, "一\n", 4, FSIO_NEW), 0);
	ck_assert_int_eq(mode_of(path) & 07777, 0600);
	ck_assert_fails(fsio_store_file(path, "二\n", 4, FSIO_NEW), EXIT_CANTCREAT);
	buf_addf(&want, "dailylog: %s: already exists; not overwritten\n", path);
	messages_are(want.s);
	text = contents(path);
	ck_assert_str_eq(text, "一\n");
	free(text);
	/* No temporary file is left behind. */
	ck_assert_int_eq(count_names(dir), 1);
	ck_assert_int_eq(fsio_store_file(path, "三\n", 4, FSIO_REPLACE), 0);
	text = contents(path);
	ck_assert_str_eq(text, "三\n");
	ck_assert_int_eq(count_names(dir), 1);
	ck_assert_int_eq(mode_of(path) & 07777, 0600);
	free(text);
	free(path);
	buf_free(&want);
}
END_TEST

START_TEST(write_into_missing_directory)
{
	char *path = in_store("f.yaml");

	ck_assert_int_ne(fsio_store_file(path, "x\n", 2, FSIO_NEW), 0);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "cannot write: "));
	ck_assert_int_eq(access(dir, F_OK), -1);
	free(path);
}
END_TEST

/* --- the rule tables --- */

START_TEST(id_rules)
{
	static const struct {
		const char	*id;
		bool		 ok;
	} t[] = {
		{ "20261123-abc123", true }, { "a", true }, { "A.b_c-d", true },
		{ "report.v2", true }, { "", false }, { ".hidden", false },
		{ ".", false }, { "..", false }, { "a/b", false },
		{ "../x", false }, { "a b", false }, { "a:b", false },
		{ "日報", false }, { "a\nb", false }, { "a\\b", false },
	};
	char longid[130];

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(id_valid(t[i].id) == t[i].ok, "id_valid(\"%s\")",
		    t[i].id);
	memset(longid, 'a', 128);
	longid[128] = '\0';
	ck_assert(id_valid(longid));
	longid[128] = 'a';
	longid[129] = '\0';
	ck_assert(!id_valid(longid));
}
END_TEST

START_TEST(slug_rules)
{
	static const struct {
		const char	*slug;
		bool		 ok;
	} t[] = {
		{ "badge", true }, { "a-1", true }, { "2026", true },
		{ "", false }, { "Badge", false }, { "a_b", false },
		{ "a/b", false }, { "..", false }, { "a.b", false },
		{ "a b", false }, { "バッジ", false }, { "a:1", false },
	};
	char longslug[66];

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(slug_valid(t[i].slug) == t[i].ok,
		    "slug_valid(\"%s\")", t[i].slug);
	memset(longslug, 'z', 64);
	longslug[64] = '\0';
	ck_assert(slug_valid(longslug));
	longslug[64] = 'z';
	longslug[65] = '\0';
	ck_assert(!slug_valid(longslug));
}
END_TEST

START_TEST(suggestions)
{
	static const struct {
		const char	*word, *want;
	} t[] = {
		{ "titel", "title" }, { "tilte", "title" }, { "dat", "date" },
		{ "bdoy", "body" }, { "tgas", "tags" }, { "clinet", "client" },
		{ "sereis", "series" }, { "contcat", "contact" },
		{ "nxet", "next" }, { "date", "date" }, { "results", "result" },
		{ "xyz", NULL }, { "weather", NULL }, { "", NULL },
		{ "bd", NULL },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *got = suggest(t[i].word, field_names, F_COUNT);

		if (t[i].want == NULL)
			ck_assert_msg(got == NULL, "%s -> %s", t[i].word, got);
		else
			ck_assert_msg(got != NULL && strcmp(got, t[i].want) == 0,
			    "%s -> %s, not %s", t[i].word, got ? got : "nothing",
			    t[i].want);
	}
}
END_TEST

START_TEST(entry_order)
{
	struct entry e[5], *v[5];
	static const char *const ids[] = { "b", "a", "0", "z", "c" };
	static const struct date dates[] = {
		{ 2026, 11, 23, 0, 0, false }, { 2026, 11, 23, 0, 0, false },
		{ 2026, 11, 23, 8, 0, true }, { 2026, 11, 22, 23, 0, true },
		{ 2026, 11, 23, 7, 59, true },
	};

	for (int i = 0; i < 5; i++) {
		entry_init(&e[i]);
		e[i].id = xstrdup(ids[i]);
		e[i].date = dates[i];
		v[i] = &e[i];
	}
	qsort(v, 5, sizeof(v[0]), entry_cmp);
	ck_assert_str_eq(v[0]->id, "z");
	ck_assert_str_eq(v[1]->id, "a");
	ck_assert_str_eq(v[2]->id, "b");
	ck_assert_str_eq(v[3]->id, "c");
	ck_assert_str_eq(v[4]->id, "0");
	for (int i = 0; i < 5; i++)
		entry_free(&e[i]);
}
END_TEST

/* A batch of n entries of series (NULL: none), day 1.., parts given. */
static struct entry **
batch(size_t n, const char *series, const long *parts)
{
	struct entry **v = xreallocarray(NULL, n, sizeof(*v));

	for (size_t i = 0; i < n; i++) {
		v[i] = xmalloc(sizeof(*v[i]));
		new_entry(v[i], (int)i + 1, "一括");
		if (series != NULL)
			v[i]->series = xstrdup(series);
		v[i]->part = parts != NULL ? parts[i] : 0;
		v[i]->pos[F_PART].line = (int)i + 10;
		v[i]->pos[F_PART].col = 7;
	}
	return v;
}

static void
batch_free(struct entry **v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		entry_free(v[i]);
		free(v[i]);
	}
	free(v);
}

/* Parts go past the store's highest and the batch's own, in order. */
START_TEST(batch_numbers_parts)
{
	static const long parts[] = { 0, 7, 0, 0 };
	struct entry **v;

	open_new_store();
	free(add("badge", 0, NULL));
	free(add("badge", 3, NULL));
	free(add("other", 9, NULL));
	v = batch(4, "badge", parts);
	ck_assert_int_eq(catalog_add_batch(&st, "in.yaml", v, 4), 0);
	/* 3 in the store, 7 in the batch: the three without go 8, 9, 10. */
	ck_assert_int_eq(v[0]->part, 8);
	ck_assert_int_eq(v[1]->part, 7);
	ck_assert_int_eq(v[2]->part, 9);
	ck_assert_int_eq(v[3]->part, 10);
	for (size_t i = 0; i < 4; i++)
		ck_assert_int_eq(access(v[i]->path, F_OK), 0);
	messages_are("");
	batch_free(v, 4);
}
END_TEST

/* A taken part is refused at its place in the input; nothing written. */
START_TEST(batch_refuses_taken_part)
{
	static const long parts[] = { 5, 2, 0 };
	struct entry **v;
	struct buf want = BUF_INIT;
	char *taken, *month;

	open_new_store();
	free(add("badge", 0, NULL));
	taken = add("badge", 0, NULL);
	v = batch(3, "badge", parts);
	buf_addf(&want, "dailylog: in.yaml:11:7: part 2 of series 'badge' is "
	    "taken by %s\ndailylog: import: nothing was imported\n", taken);
	ck_assert_fails(catalog_add_batch(&st, "in.yaml", v, 3), EXIT_CANTCREAT);
	messages_are(want.s);
	month = in_store("entries/2026/11");
	ck_assert_int_eq(count_names(month), 2);	/* the two added before */
	free(month);
	free(taken);
	buf_free(&want);
	batch_free(v, 3);
}
END_TEST

/* A write that fails takes back the ones before it. */
START_TEST(batch_rolls_back)
{
	struct entry **v;
	char *month, *blocked;

	open_new_store();
	v = batch(3, NULL, NULL);
	v[2]->date.mon = 12;
	/* A file where entries/2026/12 belongs: the third write fails. */
	month = in_store("entries/2026");
	ck_assert_int_eq(fsio_mkdirs(dir, "entries/2026"), 0);
	blocked = in_store("entries/2026/12");
	put_file(blocked, "not a directory\n");
	ck_assert_fails(catalog_add_batch(&st, "in.yaml", v, 3), EXIT_CANTCREAT);
	free(month);
	month = in_store("entries/2026/11");
	ck_assert_int_eq(count_names(month), 0);	/* the first two are gone */
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "import: removed the "
	    "2 entries written before the failure; nothing was imported"));
	free(month);
	free(blocked);
	batch_free(v, 3);
}
END_TEST

/* Without a series, adding never reads the store's other entries. */
START_TEST(batch_without_series_reads_nothing)
{
	struct entry **v;
	char *broken;

	open_new_store();
	ck_assert_int_eq(fsio_mkdirs(dir, "entries/2026/10"), 0);
	broken = in_store("entries/2026/10/broken.yaml");
	put_file(broken, "titel: [\n");
	v = batch(2, NULL, NULL);
	ck_assert_int_eq(catalog_add_batch(&st, "in.yaml", v, 2), 0);
	messages_are("");
	/* With one, the broken file stops the numbering, said once. */
	batch_free(v, 2);
	v = batch(1, "badge", NULL);
	ck_assert_fails(catalog_add_batch(&st, "in.yaml", v, 1), EXIT_DATAERR);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "so the next part of "
	    "'badge' is not known"));
	free(broken);
	batch_free(v, 1);
}
END_TEST

/* The same batch again: all of it is skipped, with a word; IDs NULL. */
START_TEST(batch_skips_what_is_there)
{
	static const long parts[] = { 0, 4, 0 };
	struct entry **v;
	char *month;

	open_new_store();
	v = batch(3, "badge", parts);
	ck_assert_int_eq(catalog_add_batch(&st, "in.yaml", v, 3), 0);
	batch_free(v, 3);
	buf_reset(&messages);
	v = batch(3, "badge", parts);
	ck_assert_int_eq(catalog_add_batch(&st, "in.yaml", v, 3), 0);
	for (size_t i = 0; i < 3; i++)
		ck_assert_ptr_null(v[i]->id);
	messages_are("dailylog: import: all 3 entries are in the store "
	    "already; nothing to import\n");
	month = in_store("entries/2026/11");
	ck_assert_int_eq(count_names(month), 3);
	free(month);
	batch_free(v, 3);
}
END_TEST

/* A batch whose file would pass the limit is refused whole, at its place. */
START_TEST(batch_refuses_file_over_limit)
{
	struct entry **v;
	char *month;

	open_new_store();
	v = batch(2, NULL, NULL);
	v[1]->body = xmalloc(ENTRY_MAX_FILE);
	memset(v[1]->body, 'x', ENTRY_MAX_FILE - 1);
	v[1]->body[ENTRY_MAX_FILE - 1] = '\0';
	v[1]->pos[F_DATE].line = 8;
	v[1]->pos[F_DATE].col = 7;
	ck_assert_fails(catalog_add_batch(&st, "in.yaml", v, 2), EXIT_DATAERR);
	messages_are("dailylog: in.yaml:8:7: this entry would be 1025 KiB as "
	    "dailylog writes it, over the limit of 1024 KiB of an entry file\n"
	    "dailylog: import: nothing was imported\n");
	month = in_store("entries/2026");
	ck_assert_int_eq(access(month, F_OK), -1);	/* nothing made */
	free(month);
	batch_free(v, 2);
}
END_TEST

/* The same for add, which has no input to place the message in. */
START_TEST(add_refuses_file_over_limit)
{
	struct entry e;

	open_new_store();
	new_entry(&e, 3, "大きい");
	e.body = xmalloc(ENTRY_MAX_FILE);
	memset(e.body, 'y', ENTRY_MAX_FILE - 1);
	e.body[ENTRY_MAX_FILE - 1] = '\0';
	ck_assert_fails(catalog_add(&st, &e), EXIT_DATAERR);
	messages_are("dailylog: the entry would be 1025 KiB as dailylog writes "
	    "it, over the limit of 1024 KiB of an entry file; nothing was "
	    "written\n");
	ck_assert_ptr_null(e.id);
	entry_free(&e);
}
END_TEST

/*
 * What an import killed midway leaves, made by hand: the rollback
 * removes a name only while it is a link of its staged file, and a
 * journal naming a file outside entries/ is refused, nothing removed.
 */
START_TEST(recover_removes_only_the_batch)
{
	char *stage, *staged, *linked, *other, *journal, *settings;
	struct stat sb;

	open_new_store();
	ck_assert_int_eq(fsio_mkdirs(dir, "entries/2026/11"), 0);
	stage = in_store(".import");
	ck_assert_int_eq(mkdir(stage, 0700), 0);
	staged = in_store(".import/0.yaml");
	put_file(staged, "date: 2026-11-01\ntitle: 一\n");
	linked = in_store("entries/2026/11/20261101-aaaaaa.yaml");
	ck_assert_int_eq(link(staged, linked), 0);
	/* The same text, but another file: someone else's. */
	free(staged);
	staged = in_store(".import/1.yaml");
	put_file(staged, "date: 2026-11-02\ntitle: 二\n");
	free(staged);
	staged = in_store(".import/0.yaml");
	other = in_store("entries/2026/11/20261102-bbbbbb.yaml");
	put_file(other, "date: 2026-11-02\ntitle: 二\n");
	journal = in_store(".import/journal");
	put_file(journal, "dailylog import journal 1\n"
	    "0.yaml\tentries/2026/11/20261101-aaaaaa.yaml\n"
	    "1.yaml\tentries/2026/11/20261102-bbbbbb.yaml\n"
	    "2.yaml\tentries/2026/11/20261103-cccccc.yaml\n");
	ck_assert_int_eq(catalog_recover(&st), 0);
	ck_assert_int_eq(lstat(linked, &sb), -1);	/* the batch's: gone */
	ck_assert_int_eq(lstat(other, &sb), 0);		/* not a link: kept */
	ck_assert_int_eq(lstat(stage, &sb), -1);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "an import was "
	    "interrupted; rolled back: removed the 1 entries it had stored"));
	/* A journal that points elsewhere is not followed. */
	buf_reset(&messages);
	diag_reset();
	ck_assert_int_eq(mkdir(stage, 0700), 0);
	settings = in_store("dailylog.yaml");
	ck_assert_int_eq(link(settings, staged), 0);
	put_file(journal, "dailylog import journal 1\n"
	    "0.yaml\tentries/../dailylog.yaml\n");
	ck_assert_fails(catalog_recover(&st), EXIT_DATAERR);
	ck_assert_ptr_nonnull(strstr(buf_str(&messages), "journal:2:1: damaged "
	    "journal; nothing was rolled back"));
	ck_assert_int_eq(lstat(settings, &sb), 0);
	ck_assert_int_eq(lstat(journal, &sb), 0);	/* left for a person */
	free(settings);
	free(journal);
	free(other);
	free(linked);
	free(staged);
	free(stage);
}
END_TEST

/* Another holds the lock: an import at work is not touched. */
START_TEST(recover_leaves_a_live_import)
{
	struct store other;
	char *stage;
	struct stat sb;

	open_new_store();
	stage = in_store(".import");
	ck_assert_int_eq(mkdir(stage, 0700), 0);
	/* flock(2) locks belong to open files: this one's is another's. */
	ck_assert_int_eq(open_store(dir, &other), 0);
	ck_assert_int_eq(store_lock(&other), 0);
	ck_assert_int_eq(catalog_recover(&st), 0);
	ck_assert_int_eq(lstat(stage, &sb), 0);
	messages_are("");
	store_close(&other);
	ck_assert_int_eq(catalog_recover(&st), 0);
	ck_assert_int_eq(lstat(stage, &sb), -1);
	free(stage);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *init = tcase_create("init"), *adding = tcase_create("add"),
	    *refs = tcase_create("references"), *files = tcase_create("files"),
	    *rules = tcase_create("rules");

	tcase_add_checked_fixture(init, setup, teardown);
	tcase_add_test(init, init_creates_private_store);
	tcase_add_test(init, init_english_without_author);
	tcase_add_test(init, init_existing_changes_nothing);
	tcase_add_test(init, open_missing_store);
	tcase_add_test(init, open_bad_settings);
	suite_add_tcase(s, init);

	tcase_add_checked_fixture(adding, setup, teardown);
	tcase_add_test(adding, add_makes_ids);
	tcase_add_test(adding, add_writes_private_file_by_date);
	tcase_add_test(adding, add_numbers_parts);
	tcase_add_test(adding, concurrent_adds_get_distinct_parts);
	tcase_add_test(adding, writers_record_what_they_change);
	tcase_add_test(adding, lock_nests);
	tcase_add_test(adding, part_free);
	tcase_add_test(adding, batch_numbers_parts);
	tcase_add_test(adding, batch_refuses_taken_part);
	tcase_add_test(adding, batch_rolls_back);
	tcase_add_test(adding, batch_without_series_reads_nothing);
	tcase_add_test(adding, batch_skips_what_is_there);
	tcase_add_test(adding, batch_refuses_file_over_limit);
	tcase_add_test(adding, add_refuses_file_over_limit);
	tcase_add_test(adding, recover_removes_only_the_batch);
	tcase_add_test(adding, recover_leaves_a_live_import);
	suite_add_tcase(s, adding);

	tcase_add_checked_fixture(refs, setup, teardown);
	tcase_add_test(refs, resolve_ids);
	tcase_add_test(refs, resolve_ambiguous);
	tcase_add_test(refs, resolve_exact_beats_prefix);
	tcase_add_test(refs, resolve_series_part);
	tcase_add_test(refs, resolve_duplicate_part);
	tcase_add_test(refs, resolve_unknown);
	tcase_add_test(refs, resolve_bad_references);
	tcase_add_test(refs, resolve_newest);
	tcase_add_test(refs, resolve_newest_in_an_empty_or_broken_store);
	tcase_add_test(refs, resolve_a_series_by_name);
	tcase_add_test(refs, remove_entries);
	tcase_add_test(refs, load_all_sorted_and_reports_bad);
	suite_add_tcase(s, refs);

	tcase_add_checked_fixture(files, setup, teardown);
	tcase_add_test(files, mkdirs_refuses_links_below_root);
	tcase_add_test(files, write_never_overwrites);
	tcase_add_test(files, write_into_missing_directory);
	suite_add_tcase(s, files);

	tcase_add_test(rules, id_rules);
	tcase_add_test(rules, slug_rules);
	tcase_add_test(rules, suggestions);
	tcase_add_test(rules, entry_order);
	suite_add_tcase(s, rules);
	return s;
}

CHECK_MAIN(store_suite)
