/* dailylog check: validate every file in the store. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <sys/stat.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "series.h"
#include "store.h"

static const struct pos nopos = { 0, 0 };

/* Files under entries/ that are not entries; temporary files are kept in
 * arg (a struct strlist) to be judged under the lock. */
static void
report_other(const char *path, void *arg)
{
	switch (store_not_entry(path)) {
	case NOT_ENTRY_TEMPORARY:
		strlist_add(arg, path);
		break;
	case NOT_ENTRY_LINK:
		diag_error(path, nopos, "a symbolic link; dailylog does not "
		    "follow links in the store");
		break;
	case NOT_ENTRY_NAME:
		diag_error(path, nopos, "not loaded: the file name is not a "
		    "valid ID ([A-Za-z0-9._-], not starting with '.')");
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
	char want[32];
	size_t wl, pl = strlen(e->path), bl = strlen(e->id) + 6;

	snprintf(want, sizeof(want), "/entries/%04d/%02d/", e->date.year,
	    e->date.mon);
	wl = strlen(want);
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

			diag_error(path, nopos, "not a series slug ([a-z0-9-]+); "
			    "the settings are not used");
			free(rel);
			free(path);
		} else if (series_settings_load(st, slug, &set) == 0)
			series_settings_free(&set);
		free(slug);
	}
	closedir(d);
}

static int
cmp_series_part(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;
	int c = strcmp(x->series, y->series);

	return c ? c : (x->part > y->part) - (x->part < y->part);
}

/* Duplicate parts are errors, gaps are warnings. */
static void
check_parts(const struct entry_list *all)
{
	struct entry **v = xreallocarray(NULL, all->n, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < all->n; i++)
		if (all->v[i]->series != NULL && all->v[i]->part > 0)
			v[n++] = all->v[i];
	qsort(v, n, sizeof(*v), cmp_series_part);
	for (size_t i = 0; i < n; i++) {
		bool first = i == 0 || strcmp(v[i]->series, v[i - 1]->series);

		if (!first && v[i]->part == v[i - 1]->part)
			diag_error(v[i]->path, v[i]->pos[F_PART], "duplicate "
			    "part: %s:%ld is also %s", v[i]->series,
			    v[i]->part, v[i - 1]->path);
		else if (!first && v[i]->part > v[i - 1]->part + 1)
			diag_warn(v[i]->path, v[i]->pos[F_PART], "series %s: "
			    "part%s %ld%s%.0ld missing before part %ld",
			    v[i]->series, v[i]->part - v[i - 1]->part > 2 ?
			    "s" : "", v[i - 1]->part + 1,
			    v[i]->part - v[i - 1]->part > 2 ? "-" : "",
			    v[i]->part - v[i - 1]->part > 2 ? v[i]->part - 1 : 0,
			    v[i]->part);
		else if (first && v[i]->part > 1)
			diag_warn(v[i]->path, v[i]->pos[F_PART], "series %s "
			    "starts at part %ld", v[i]->series, v[i]->part);
	}
	free(v);
}

int
cmd_check(int argc, char **argv, const struct globals *g)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ NULL, 0, NULL, 0 },
	};
	struct entry_list all = { NULL, 0 };
	struct strlist temps = { NULL, 0 };
	struct store st;
	char **paths;
	size_t n;
	bool quiet = false;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, ":q", opts, NULL)) != -1) {
		if (ch != 'q')
			return option_error("check", argv, opts);
		quiet = true;
	}
	if (optind < argc)
		return usage_error("check", "unexpected argument '%s'",
		    argv[optind]);
	/* Bad settings are one more finding; go on with the entries. */
	if ((rc = store_open_any(g, &st)) != 0 && rc != EXIT_DATAERR)
		return rc;
	check_series_settings(&st);
	rc = store_entry_paths(&st, &paths, &n, report_other, &temps);
	report_temporaries(&st, &temps);
	strlist_free(&temps);
	all.v = xreallocarray(NULL, n, sizeof(*all.v));
	for (size_t i = 0; i < n; i++) {
		struct entry *e = xmalloc(sizeof(*e));

		entry_init(e);
		if (entry_load(paths[i], e) == 0) {
			check_place(e);
			all.v[all.n++] = e;
		} else
			free(e);
		free(paths[i]);
	}
	free(paths);
	check_parts(&all);
	if (!quiet)
		fprintf(stderr, "%zu entries, %zu error%s, %zu warning%s\n", n,
		    diag_nerrors, diag_nerrors == 1 ? "" : "s", diag_nwarnings,
		    diag_nwarnings == 1 ? "" : "s");
	entry_list_free(&all);
	store_close(&st);
	if (rc != 0)
		return rc;
	return diag_nerrors ? EXIT_DATAERR : 0;
}
