/* dailylog check: validate every file in the store. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "cli.h"
#include "command.h"
#include "comments.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "entry.h"
#include "fsio.h"
#include "series.h"
#include "store.h"
#include "sync.h"
#include "walk.h"

struct checking {
	struct strlist		 temps;		/* judged under the lock */
	struct entry_list	 parts;		/* what the series checks need */
	struct arena		 kept;		/* what parts and ids point into */
	struct strlist		 ids;		/* for the comments' check */
};

/* Files under entries/ that are not entries; temporary files are kept
 * to be judged under the lock. */
static void
report_other(const char *path, void *arg)
{
	struct checking *c = arg;

	switch (walk_not_entry(path)) {
	case NOT_ENTRY_TEMPORARY:
		strlist_add(&c->temps, path);
		break;
	case NOT_ENTRY_LINK:
		diag_error(EXIT_DATAERR, path, nopos, "a symbolic link; "
		    "dailylog does not "
		    "follow links in the store");
		break;
	case NOT_ENTRY_NAME:
		diag_error(EXIT_DATAERR, path, nopos, "not loaded: the file "
		    "name is not a "
		    "valid ID ([A-Za-z0-9._-], not starting with '.')");
		break;
	case NOT_ENTRY_SPECIAL:
		diag_error(EXIT_DATAERR, path, nopos, "%s named like an entry; "
		    "not read", walk_special_kind(path));
		break;
	case NOT_ENTRY_DIRECTORY:
		diag_warn(path, nopos, "a hidden or too deep directory; not "
		    "read");
		break;
	case NOT_ENTRY_OTHER:
		diag_warn(path, nopos, "not an entry (no .yaml suffix); ignored");
		break;
	}
}

/* The directory entries/YYYY/MM that the date chooses. */
static void
check_place(const struct entry *e)
{
	char want[] = "/entries/YYYY/MM/", d[17];
	size_t wl = sizeof(want) - 1, pl = strlen(e->path),
	    bl = strlen(e->id) + 6;

	/* The digits date_format writes: no printf for every entry. */
	date_format(&e->date, d);
	memcpy(want + 9, d, 4);
	memcpy(want + 14, d + 5, 2);
	if (pl < wl + bl || strncmp(e->path + pl - bl - wl + 1, want, wl) != 0)
		diag_warn(e->path, e->pos[F_DATE], "dated %04d-%02d but not in "
		    "entries/%04d/%02d/", e->date.year, e->date.mon,
		    e->date.year, e->date.mon);
}

/*
 * A temporary file may belong to a write in progress.  Writers hold the
 * store's lock while theirs exists, so one still there once we hold the
 * lock was left by a write that died.
 */
static void
report_temporaries(struct store *st, const struct strlist *temps)
{
	struct stat sb;
	bool locked;

	if (temps->n == 0)
		return;
	locked = store_lock(st) == 0;
	for (size_t i = 0; i < temps->n; i++)
		if (lstat(temps->v[i], &sb) == 0)
			diag_warn(temps->v[i], nopos, "temporary file left by "
			    "an interrupted write; it is not an entry and can "
			    "be deleted");
	if (locked)
		store_unlock(st);
}

/*
 * Drafts are the user's unstored work: each is mentioned, with how to
 * go on (a warning, never an error); one open in a running dailylog is
 * only information.  Leftovers of interrupted writes can be deleted.
 */
static void
report_drafts(struct store *st)
{
	struct draft_info *v;
	size_t n;

	if (draft_list(st, &v, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (v[i].kind == DRAFT_LEFTOVER)
			diag_warn(v[i].path, nopos, "left by an interrupted "
			    "write of a draft; it can be deleted");
		else if (v[i].owner != 0)
			diag("%s: a draft open in a running dailylog", v[i].path);
		else if (v[i].kind == DRAFT_ADD)
			diag_warn(v[i].path, nopos, "a draft not yet added; "
			    "'dailylog add --resume=%s' resumes it", v[i].name);
		else if (v[i].kind == DRAFT_COMMENT)
			diag_warn(v[i].path, nopos, "a comment not yet stored; "
			    "'dailylog comment %s' resumes it", v[i].name +
			    strlen(DRAFT_COMMENT_PREFIX));
		else
			diag_warn(v[i].path, nopos, "a draft of an edit not yet "
			    "stored; 'dailylog edit %s' resumes it", v[i].name);
	}
	draft_list_free(v, n);
}

/* Every series/SLUG.yaml must load; its errors carry their positions. */
static void
check_series_settings(struct store *st)
{
	char *dir = path_join(st->root, "series");
	DIR *d = opendir(dir);
	struct dirent *de;

	free(dir);
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		struct series_settings set;
		char *slug;

		if (de->d_name[0] == '.' || len <= 5 ||
		    strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		slug = xstrndup(de->d_name, len - 5);
		if (!slug_valid(slug)) {
			char *rel = path_join("series", de->d_name);
			char *path = path_join(st->root, rel);

			diag_error(EXIT_DATAERR, path, nopos, "not a series slug "
			    "([a-z0-9-]+); "
			    "the settings are not used");
			free(rel);
			free(path);
		} else if (series_settings_load(st, slug, &set) == 0)
			series_settings_free(&set);
		free(slug);
	}
	closedir(d);
}

/*
 * Of an entry in a series only what the checks of its series need is
 * kept (series, part and where, date and ID for the order), copied into
 * an arena: check runs in little memory however large the store, and
 * what it keeps does not scatter the heap the loader works in.
 */
static void
check_entry(const struct entry *e, void *arg)
{
	struct checking *c = arg;
	struct entry *k;

	check_place(e);
	/* Room doubles; the strings are the arena's. */
	if ((c->ids.n & (c->ids.n - 1)) == 0)
		c->ids.v = xreallocarray(c->ids.v, c->ids.n ? c->ids.n * 2 : 16,
		    sizeof(*c->ids.v));
	c->ids.v[c->ids.n++] = arena_strdup(&c->kept, e->id);
	if (e->series != NULL && e->part != 0) {
		k = arena_alloc(&c->kept, sizeof(*k));
		entry_init(k);
		k->id = c->ids.v[c->ids.n - 1];
		k->path = arena_strdup(&c->kept, e->path);
		k->series = arena_strdup(&c->kept, e->series);
		k->part = e->part;
		k->date = e->date;
		memcpy(k->pos, e->pos, sizeof(k->pos));
		entry_list_add(&c->parts, k);
	}
}

/* Duplicate parts are errors, gaps are warnings. */
static void
check_series(struct series *s, const char *slug, void *arg)
{
	struct series_walk w;
	struct series_item it;
	long gap = 0;

	(void)arg;
	if (s->has_duplicates)
		(void)series_report_duplicates(s);
	series_walk_init(&w, s, 1, series_last(s), 1);
	while (series_walk_next(&w, &it)) {
		const struct entry *e;

		if (it.missing) {
			gap = it.part;
			continue;
		}
		e = s->parts[it.at];
		if (gap == 1)
			diag_warn(e->path, e->pos[F_PART], "series %s starts at "
			    "part %ld", slug, it.part);
		else if (gap > 0 && it.part - gap > 1)
			diag_warn(e->path, e->pos[F_PART], "series %s: parts "
			    "%ld-%ld missing before part %ld", slug, gap,
			    it.part - 1, it.part);
		else if (gap > 0)
			diag_warn(e->path, e->pos[F_PART], "series %s: part %ld "
			    "missing before part %ld", slug, gap, it.part);
		gap = 0;
	}
}

int
cmd_check(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	struct checking c = { { NULL, 0 }, { NULL, 0 }, ARENA_INIT,
	    { NULL, 0 } };
	struct store *st = &ctx->st;
	size_t n;
	bool quiet = false;
	int ch;

	while ((ch = getopt_long(argc, argv, ":q", opts, NULL)) != -1) {
		if (ch != 'q')
			return option_error("check", ch, argv, opts);
		quiet = true;
	}
	if (optind < argc)
		return usage_error("check", "unexpected argument '%s'",
		    argv[optind]);
	/* Bad settings are one more finding; go on with the entries. */
	if (ctx_open_any(ctx) != 0 && st->root == NULL)
		return -1;
	check_series_settings(st);
	/* One entry at a time: only what check_parts needs is kept. */
	(void)walk_views(st->root, check_entry, report_other, &c, &n);
	report_temporaries(st, &c.temps);
	report_drafts(st);
	series_each(&c.parts, check_series, NULL);
	comments_check(st, &c.ids);
	sync_check(st);
	if (!quiet)
		fprintf(stderr, "%zu entries, %zu error%s, %zu warning%s\n", n,
		    diag_errors(), diag_errors() == 1 ? "" : "s",
		    diag_warnings(), diag_warnings() == 1 ? "" : "s");
	/* The entries and IDs are the arena's. */
	free(c.parts.v);
	free(c.ids.v);
	arena_free(&c.kept);
	strlist_free(&c.temps);
	return 0;	/* each finding was reported with its status */
}
