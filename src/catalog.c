/* The catalog (catalog.h): references, parts, adding. */
#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "ref.h"
#include "store.h"
#include "walk.h"
#include "yaml_write.h"

/* SERIES:PART among the summaries given, or those of the index. */
static int
resolve_part(struct store *st, const struct entry_list *given,
    const struct ref *r, char **out)
{
	struct entry_list all = { NULL, 0 };
	const struct entry_list *l = given;
	const char *slug = r->slug;
	long part = r->part;
	size_t found = 0, at = 0;
	int rc;

	if (l == NULL && (rc = index_load_series(st, slug, &all)) != 0) {
		entry_list_free(&all);
		return rc;
	}
	if (l == NULL)
		l = &all;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series && strcmp(l->v[i]->series, slug) == 0 &&
		    l->v[i]->part == part) {
			if (found++ > 0)
				diag_error(EXIT_DATAERR, l->v[i]->path,
				    l->v[i]->pos[F_PART],
				    "%s:%ld is also %s", slug, part,
				    l->v[at]->id);
			else
				at = i;
		}
	if (found == 0) {
		diag_fail(EXIT_NOTFOUND, "no part %ld in series '%s'", part,
		    slug);
		rc = -1;
	} else if (found > 1)
		rc = -1;
	else
		*out = xstrdup(l->v[at]->path);
	entry_list_free(&all);
	return rc;
}

static const char *
basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/*
 * The file an ID that add made names by itself: entries/YYYY/MM/ID.yaml
 * by the date it begins with.  Returns 1 with *out, -1 when something
 * else than a file is there (reported), 0 when there is none there (a
 * prefix, a name given by hand, a file in another month): the walk
 * finds those.
 */
static int
path_by_id(struct store *st, const char *id, char **out)
{
	struct buf rel = BUF_INIT;
	struct stat sb;
	char *path;
	int rc = 0;

	for (int i = 0; i < 8; i++)
		if (!isdigit((unsigned char)id[i]))
			return 0;
	if (id[8] != '-' || id[9] == '\0')
		return 0;
	buf_addf(&rel, "entries/%.4s/%.2s/%s.yaml", id, id + 4, id);
	path = path_join(st->root, rel.s);
	if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode) &&
	    !S_ISLNK(sb.st_mode)) {
		diag_error(EXIT_NOINPUT, path, nopos, "%s, not an entry file; "
		    "not read", walk_special_kind(path));
		rc = -1;
	} else if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
		*out = path;
		path = NULL;
		rc = 1;
	}
	buf_free(&rel);
	free(path);
	return rc;
}

/* The file ref names (a new string), whether or not it loads. */
static int
find(struct store *st, const struct entry_list *summaries, const char *ref,
    char **out)
{
	struct ref r;
	char **paths;
	size_t n, rlen = strlen(ref), nmatch = 0, exact = SIZE_MAX, first = 0;
	int rc;

	*out = NULL;
	if (ref_parse(ref, &r) == REF_BAD) {
		diag_fail(EXIT_USAGE, "bad reference '%s': %s", ref, r.why);
		return -1;
	}
	if (r.kind == REF_PART)
		return resolve_part(st, summaries, &r, out);
	if ((rc = path_by_id(st, ref, out)) != 0)
		return rc > 0 ? 0 : -1;
	if ((rc = walk_paths(st->root, &paths, &n, NULL, NULL)) != 0) {
		walk_paths_free(paths, n);
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		const char *b = basename_of(paths[i]);

		if (strncmp(b, ref, rlen) != 0)
			continue;
		if (strcmp(b + rlen, ".yaml") == 0)
			exact = i;
		if (nmatch++ == 0)
			first = i;
	}
	if (exact != SIZE_MAX)
		first = exact;
	if (nmatch == 0) {
		diag_fail(EXIT_NOTFOUND, "no entry '%s'", ref);
		rc = -1;
	} else if (nmatch > 1 && exact == SIZE_MAX) {
		struct buf c = BUF_INIT;

		for (size_t i = 0, k = 0; i < n && k < 8; i++)
			if (strncmp(basename_of(paths[i]), ref, rlen) == 0) {
				const char *b = basename_of(paths[i]);

				buf_addf(&c, "%s%.*s", k++ ? ", " : "",
				    (int)(strlen(b) - 5), b);
			}
		diag_fail(EXIT_NOTFOUND, "'%s' is ambiguous: %s%s", ref,
		    buf_str(&c),
		    nmatch > 8 ? ", ..." : "");
		buf_free(&c);
		rc = -1;
	} else
		*out = xstrdup(paths[first]);
	walk_paths_free(paths, n);
	return rc;
}

int
catalog_resolve(struct store *st, const char *ref, struct entry **out)
{
	return catalog_resolve_in(st, NULL, ref, out);
}

int
catalog_resolve_in(struct store *st, const struct entry_list *summaries,
    const char *ref, struct entry **out)
{
	struct entry *e;
	char *path;
	int rc;

	*out = NULL;
	if (find(st, summaries, ref, &path) != 0)
		return -1;
	e = xmalloc(sizeof(*e));
	entry_init(e);
	if ((rc = entry_load(path, e)) != 0)
		free(e);
	else
		*out = e;
	free(path);
	return rc;
}

int
catalog_find(struct store *st, const char *ref, char **path)
{
	return find(st, NULL, ref, path);
}

void
catalog_read_series(const struct entry_list *sums, const char *slug,
    struct entry_list *parts)
{
	parts->v = xreallocarray(NULL, sums->n + 1, sizeof(*parts->v));
	parts->n = 0;
	for (size_t i = 0; i < sums->n; i++)
		if (sums->v[i]->series != NULL &&
		    strcmp(sums->v[i]->series, slug) == 0 &&
		    (parts->v[parts->n] = entry_read(sums->v[i]->path)) != NULL)
			parts->n++;
}

/* --- adding --- */

static void
make_id(const struct date *d, char *id, size_t size)
{
	static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
	unsigned char rnd[6];

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd)) {
		/* Never expected; time and pid still separate writers. */
		unsigned long x = (unsigned long)time(NULL) ^
		    ((unsigned long)getpid() << 16) ^ (unsigned long)clock();

		for (size_t i = 0; i < sizeof(rnd); i++, x >>= 5)
			rnd[i] = (unsigned char)x;
	}
	snprintf(id, size, "%04d%02d%02d-%c%c%c%c%c%c", d->year, d->mon,
	    d->day, alphabet[rnd[0] & 31], alphabet[rnd[1] & 31],
	    alphabet[rnd[2] & 31], alphabet[rnd[3] & 31],
	    alphabet[rnd[4] & 31], alphabet[rnd[5] & 31]);
}

/* Order of the store's parts: by series, then part. */
static int
cmp_part(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;
	int c = strcmp(x->series, y->series);

	return c ? c : (x->part > y->part) - (x->part < y->part);
}

/* The parts the store has taken, sorted by series and part. */
struct taken {
	struct entry_list	  all;	/* the index's summaries */
	const struct entry	**v;
	size_t			  n;
	bool			  bad;	/* some entries do not load */
};

static int
taken_load(struct store *st, const char *except, struct taken *t)
{
	size_t errors = diag_errors();
	int rc = index_load(st, &t->all);

	t->bad = diag_errors() > errors;
	t->v = xreallocarray(NULL, t->all.n + 1, sizeof(*t->v));
	t->n = 0;
	for (size_t i = 0; i < t->all.n; i++)
		if (t->all.v[i]->series != NULL && t->all.v[i]->part > 0 &&
		    (except == NULL || strcmp(t->all.v[i]->path, except) != 0))
			t->v[t->n++] = t->all.v[i];
	qsort(t->v, t->n, sizeof(*t->v), cmp_part);
	return rc;
}

static void
taken_free(struct taken *t)
{
	free(t->v);
	entry_list_free(&t->all);
}

/* The first of t's parts at or after (series, part) in their order. */
static size_t
taken_find(const struct taken *t, const char *series, long part)
{
	struct entry key;
	const struct entry *k = &key;
	size_t lo = 0, hi = t->n;

	key.series = (char *)series;
	key.part = part;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_part(&t->v[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The entry of t that has (series, part), or NULL. */
static const struct entry *
taken_by(const struct taken *t, const char *series, long part)
{
	size_t i = taken_find(t, series, part);

	return i < t->n && strcmp(t->v[i]->series, series) == 0 &&
	    t->v[i]->part == part ? t->v[i] : NULL;
}

/* The highest part of series in the store, 0 for none. */
static long
taken_max(const struct taken *t, const char *series)
{
	size_t i = taken_find(t, series, LONG_MAX);

	return i > 0 && strcmp(t->v[i - 1]->series, series) == 0 ?
	    t->v[i - 1]->part : 0;
}

/* The part of an entry is refused: with its place when it has one. */
static void
part_taken(const char *name, const struct entry *e, const struct entry *by)
{
	if (name != NULL)
		diag_error(EXIT_CANTCREAT, name, e->pos[F_PART], "part %ld of "
		    "series '%s' is "
		    "taken by %s", e->part, e->series, by->id);
	else
		diag_fail(EXIT_CANTCREAT, "part %ld of series '%s' is taken by "
		    "%s", e->part,
		    e->series, by->id);
}

/*
 * Under the lock: refuse a part the store has taken, and give an entry
 * of a series without a part the next one, in order, past every part of
 * the store and of the batch (so no later entry's part is taken by an
 * earlier one's).  The batch's own parts are distinct (import checks).
 */
static int
number_parts(struct store *st, const char *name, struct entry **v, size_t n)
{
	/* Each series of the batch with its highest part so far. */
	struct high {
		const char	*series;
		long		 max;
	} *high = xreallocarray(NULL, n + 1, sizeof(*high));
	const struct entry **mine = xreallocarray(NULL, n + 1, sizeof(*mine));
	size_t nmine = 0, nhigh = 0;
	struct taken t;
	int rc = taken_load(st, NULL, &t);

	for (size_t i = 0; i < n; i++) {
		const struct entry *by;

		if (v[i]->series == NULL)
			continue;
		if (v[i]->part > 0 &&
		    (by = taken_by(&t, v[i]->series, v[i]->part)) != NULL) {
			part_taken(name, v[i], by);
			rc = -1;
		}
		mine[nmine++] = v[i];
	}
	qsort(mine, nmine, sizeof(*mine), cmp_part);
	for (size_t i = 0; i < nmine; i++) {
		if (nhigh == 0 || strcmp(high[nhigh - 1].series,
		    mine[i]->series) != 0) {
			high[nhigh].series = mine[i]->series;
			high[nhigh++].max = taken_max(&t, mine[i]->series);
		}
		if (mine[i]->part > high[nhigh - 1].max)
			high[nhigh - 1].max = mine[i]->part;
	}
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct entry *e = v[i];
		size_t lo = 0, hi = nhigh;

		if (e->series == NULL || e->part != 0)
			continue;
		if (t.bad) {
			diag_fail(EXIT_DATAERR, "some entries of the store do "
			    "not load (see above), so the next part of '%s' is "
			    "not known; run 'dailylog check', or give the part",
			    e->series);
			rc = -1;
			break;
		}
		while (lo + 1 < hi) {	/* high is sorted; e's series is in it */
			size_t mid = lo + (hi - lo) / 2;

			if (strcmp(high[mid].series, e->series) <= 0)
				lo = mid;
			else
				hi = mid;
		}
		e->part = ++high[lo].max;
	}
	free(high);
	free(mine);
	taken_free(&t);
	return rc;
}

int
catalog_part_free(struct store *st, const char *series, long part,
    const char *except)
{
	struct taken t;
	struct entry e;
	const struct entry *by;
	int rc = taken_load(st, except, &t);

	e.series = (char *)series;
	e.part = part;
	if (rc == 0 && (by = taken_by(&t, series, part)) != NULL) {
		part_taken(NULL, &e, by);
		rc = -1;
	}
	taken_free(&t);
	return rc;
}

/* Write e as a new file with a new ID; under the lock, parts numbered. */
static int
write_new(struct store *st, struct entry *e)
{
	struct buf yaml = BUF_INIT;
	char id[64], rel[32], *dir, *path = NULL;
	int rc, err = EEXIST;

	snprintf(rel, sizeof(rel), "entries/%04d/%02d", e->date.year,
	    e->date.mon);
	if ((rc = fsio_mkdirs(st->root, rel)) != 0)
		return rc;
	dir = path_join(st->root, rel);
	entry_to_yaml(e, false, false, &yaml);
	for (int tries = 0; tries < 16 && err == EEXIST; tries++) {
		struct buf name = BUF_INIT;

		make_id(&e->date, id, sizeof(id));
		buf_addf(&name, "%s.yaml", id);
		free(path);
		path = path_join(dir, name.s);
		buf_free(&name);
		err = fsio_write(path, yaml.s, yaml.len, FSIO_NEW, 0600, true);
	}
	if (err != 0) {
		diag_error(fsio_status(err), path, nopos, "cannot create the "
		    "entry: %s%s", strerror(err), err == ENOSPC ?
		    "; nothing was written" : "");
		rc = -1;
		free(path);
	} else {
		free(e->id);
		free(e->path);
		e->id = xstrdup(id);
		e->path = path;
		store_changed(st, path);
	}
	buf_free(&yaml);
	free(dir);
	return rc;
}

/* Whether any of the n entries is in a series. */
static bool
any_series(struct entry *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->series != NULL)
			return true;
	return false;
}

int
catalog_add(struct store *st, struct entry *e)
{
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if (e->series == NULL || (rc = number_parts(st, NULL, &e, 1)) == 0)
		rc = write_new(st, e);
	store_unlock(st);
	return rc;
}

/* Remove what this batch wrote: nothing half-added stays. */
static void
roll_back(struct entry **v, size_t written)
{
	size_t kept = 0;

	for (size_t i = 0; i < written; i++)
		if (unlink(v[i]->path) == -1) {
			diag_fail(fsio_status(errno), "cannot remove %s: %s",
			    v[i]->path, strerror(errno));
			kept++;
		}
	if (kept == 0)
		diag("import: removed the %zu entries written before the "
		    "failure; nothing was imported", written);
	else
		diag("import: %zu of %zu entries written could not be removed",
		    kept, written);
}

int
catalog_add_batch(struct store *st, const char *name, struct entry **v,
    size_t n)
{
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if (any_series(v, n) && (rc = number_parts(st, name, v, n)) != 0) {
		store_unlock(st);
		diag("import: nothing was imported");
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		if ((rc = write_new(st, v[i])) != 0) {
			roll_back(v, i);
			break;
		}
	store_unlock(st);
	return rc;
}

/* --- replacing --- */

static bool
same(const char *a, size_t alen, const char *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

int
catalog_replace(struct store *st, const char *path, const char *base,
    size_t baselen, const char *text, size_t len, const struct entry *new)
{
	struct entry old;
	struct stat sb;
	char *now = NULL;
	size_t nowlen;
	bool loads;
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	entry_init(&old);
	/* Compare and swap: under the lock no other dailylog writes it. */
	if (lstat(path, &sb) == -1 && errno == ENOENT) {
		diag_fail(EXIT_TEMPFAIL, "%s was removed while you were "
		    "editing it; not written back", path);
		rc = -1;
		goto out;
	}
	if ((rc = file_read(path, EDIT_MAX_FILE, &now, &nowlen)) != 0)
		goto out;
	if (!same(now, nowlen, base, baselen)) {
		diag_fail(EXIT_TEMPFAIL, "%s changed while you were editing it; "
		    "not replaced", path);
		rc = -1;
		goto out;
	}
	/* The old text may not load (the edit fixes it): its problems, and
	 * those the walk for the part finds in it, are no longer news. */
	diag_ignore(path);
	loads = entry_load_buf(path, now, nowlen, &old, false) == 0;
	if (new->series != NULL && (!loads || old.series == NULL ||
	    strcmp(old.series, new->series) != 0 || old.part != new->part))
		rc = catalog_part_free(st, new->series, new->part, path);
	diag_ignore(NULL);
	if (rc == 0)
		rc = fsio_store_file(path, text, len, FSIO_REPLACE);
	if (rc == 0)
		store_changed(st, path);
out:
	entry_free(&old);
	free(now);
	store_unlock(st);
	return rc;
}
