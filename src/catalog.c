/* The catalog (catalog.h): references, parts, adding. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
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
#include "comments.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "journal.h"
#include "ref.h"
#include "store.h"
#include "walk.h"
#include "yaml_write.h"

/* SERIES:PART among the summaries given, or those of the index. */
static int
resolve_part(struct store *st, const struct entry_list *given,
    const struct ref *r, char **out)
{
	struct parts all;
	const struct entry_list *l = given;
	const char *slug = r->slug;
	long part = r->part;
	size_t found = 0, at = 0;
	int rc;

	memset(&all, 0, sizeof(all));
	if (l == NULL && (rc = index_load_series(st, slug, &all)) != 0) {
		parts_free(&all);
		return rc;
	}
	if (l == NULL)
		l = &all.l;
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
	parts_free(&all);
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

/*
 * @~N: the Nth entry before the newest in listing order (entry_cmp, as
 * list shows them).  When some file does not load, the newest is not
 * known, and nothing is named.
 */
static int
resolve_newest(struct store *st, const struct ref *r, char **out)
{
	struct entry_list l;
	size_t errors = diag_errors();
	int rc = index_load(st, &l);

	if (rc == 0 && diag_errors() > errors) {
		diag_fail(EXIT_DATAERR, "some entries do not load (see above), "
		    "so '%s' is not known; run 'dailylog check'", r->text);
		rc = -1;
	} else if (rc == 0 && (size_t)r->back >= l.n) {
		if (l.n == 0)
			diag_fail(EXIT_NOTFOUND, "no entry '%s': the store has "
			    "no entries", r->text);
		else
			diag_fail(EXIT_NOTFOUND, "no entry '%s': the store has "
			    "%zu entr%s, @ to @~%zu", r->text, l.n,
			    l.n == 1 ? "y" : "ies", l.n - 1);
		rc = -1;
	} else if (rc == 0)
		*out = xstrdup(l.v[l.n - 1 - (size_t)r->back]->path);
	entry_list_free(&l);
	return rc;
}

/*
 * The highest part of series slug among summaries (or the index's):
 * 0 when it has none.
 */
static int
series_latest(struct store *st, const struct entry_list *given,
    const char *slug, long *part)
{
	struct parts all;
	const struct entry_list *l = given;
	int rc = 0;

	memset(&all, 0, sizeof(all));
	if (l == NULL && (rc = index_load_series(st, slug, &all)) == 0)
		l = &all.l;
	*part = 0;
	for (size_t i = 0; l != NULL && i < l->n; i++)
		if (l->v[i]->series && strcmp(l->v[i]->series, slug) == 0 &&
		    l->v[i]->part > *part)
			*part = l->v[i]->part;
	parts_free(&all);
	return rc;
}

/*
 * An ID or a prefix of one, among the paths of the walk; with latest, a
 * series name that is no entry's whole ID names its latest part.
 */
static int
resolve_id(struct store *st, const struct entry_list *summaries,
    struct ref *r, bool latest, char **out)
{
	const char *ref = r->text;
	struct strlist found;
	char **paths;
	size_t n, rlen = strlen(ref), nmatch = 0, exact = SIZE_MAX, first = 0;
	long last = 0;
	int rc;

	if ((rc = path_by_id(st, ref, out)) != 0)
		return rc > 0 ? 0 : -1;
	if ((rc = index_find_ids(st, ref, &found)) != 0) {
		strlist_free(&found);
		return rc;
	}
	paths = found.v;
	n = found.n;
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
	/* A series by its name: before a prefix, after a whole ID. */
	if (exact == SIZE_MAX && ref_is_series(r) && (latest || nmatch == 0)) {
		rc = series_latest(st, summaries, r->slug, &last);
		if (rc != 0 || last > 0)
			strlist_free(&found);
		if (rc != 0)
			return rc;
		if (last > 0 && !latest) {
			diag_fail(EXIT_NOTFOUND, "'%s' is a series, not an "
			    "entry: name a part, such as %s:%ld (its latest)",
			    ref, ref, last);
			return -1;
		}
		if (last > 0) {
			r->kind = REF_PART;
			r->part = last;
			return resolve_part(st, summaries, r, out);
		}
	}
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
	strlist_free(&found);
	return rc;
}

/* The file ref names (a new string), whether or not it loads. */
static int
find(struct store *st, const struct entry_list *summaries, const char *ref,
    bool latest, char **out)
{
	struct ref r;

	*out = NULL;
	switch (ref_parse(ref, &r)) {
	case REF_BAD:
		diag_fail(EXIT_USAGE, "bad reference '%s': %s", ref, r.why);
		return -1;
	case REF_PART:
		return resolve_part(st, summaries, &r, out);
	case REF_NEWEST:
		return resolve_newest(st, &r, out);
	case REF_ID:
		break;
	}
	return resolve_id(st, summaries, &r, latest, out);
}

/* The entry ref names, loaded. */
static int
resolve(struct store *st, const struct entry_list *summaries,
    const char *ref, bool latest, struct entry **out)
{
	struct entry *e;
	char *path;
	int rc;

	*out = NULL;
	if (find(st, summaries, ref, latest, &path) != 0)
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
catalog_resolve(struct store *st, const char *ref, struct entry **out)
{
	return resolve(st, NULL, ref, false, out);
}

int
catalog_resolve_in(struct store *st, const struct entry_list *summaries,
    const char *ref, struct entry **out)
{
	return resolve(st, summaries, ref, false, out);
}

int
catalog_resolve_latest(struct store *st, const struct entry_list *summaries,
    const char *ref, struct entry **out)
{
	return resolve(st, summaries, ref, true, out);
}

int
catalog_find(struct store *st, const char *ref, char **path)
{
	return find(st, NULL, ref, false, path);
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
	struct parts		  all;	/* the index's summaries */
	const struct entry	**v;
	size_t			  n;
	bool			  bad;	/* some entries do not load */
};

/*
 * The parts of the n series slugs that the store has taken; files that
 * do not load make t->bad.
 */
static int
taken_load(struct store *st, const char *const *slugs, size_t n,
    const char *except, struct taken *t)
{
	size_t errors = diag_errors();
	int rc = index_load_parts(st, slugs, n, &t->all);

	t->bad = diag_errors() > errors;
	t->v = xreallocarray(NULL, t->all.l.n + 1, sizeof(*t->v));
	t->n = 0;
	for (size_t i = 0; i < t->all.l.n; i++)
		if (t->all.l.v[i]->series != NULL && t->all.l.v[i]->part > 0 &&
		    (except == NULL || strcmp(t->all.l.v[i]->path, except) != 0))
			t->v[t->n++] = t->all.l.v[i];
	qsort(t->v, t->n, sizeof(*t->v), cmp_part);
	return rc;
}

static void
taken_free(struct taken *t)
{
	free(t->v);
	parts_free(&t->all);
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
	const char **slugs = xreallocarray(NULL, n + 1, sizeof(*slugs));
	size_t nmine = 0, nhigh = 0, nslugs = 0;
	struct taken t;
	int rc;

	for (size_t i = 0; i < n; i++)
		if (v[i]->series != NULL)
			slugs[nslugs++] = v[i]->series;
	rc = taken_load(st, slugs, nslugs, NULL, &t);
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
		if ((e->part = ++high[lo].max) > PART_MAX) {
			/* 73 like a taken part: the series has none left. */
			if (name != NULL)
				diag_error(EXIT_CANTCREAT, name, e->pos[F_SERIES],
				    "series '%s' has no part left after %d; give "
				    "the entry another series", e->series, PART_MAX);
			else
				diag_fail(EXIT_CANTCREAT, "series '%s' has no "
				    "part left after %d; give the entry another "
				    "series", e->series, PART_MAX);
			e->part = 0;
			rc = -1;
			break;
		}
	}
	free(high);
	free(mine);
	free(slugs);
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
	int rc = taken_load(st, &series, 1, except, &t);

	e.series = (char *)series;
	e.part = part;
	if (rc == 0 && (by = taken_by(&t, series, part)) != NULL) {
		part_taken(NULL, &e, by);
		rc = -1;
	}
	taken_free(&t);
	return rc;
}

/*
 * Every writer's last look before a file gets its name.  The text is
 * what every reader will read, so it must fit in ENTRY_MAX_FILE, load
 * with the same loader, and load as e (nothing lost in writing); else
 * nothing is written, for a file the loader refuses would vanish from
 * list, stop the numbering of its series and not open in edit.  The
 * message is placed at name:at, the entry's input, or is the command
 * line's when name is NULL.
 */
static int
check_written(const char *name, struct pos at, const char *text,
    size_t len, const struct entry *e)
{
	struct entry back;
	const char *why = NULL;
	char size[32];

	if (len > ENTRY_MAX_FILE) {
		snprintf(size, sizeof(size), "%zu KiB", (len + 1023) / 1024);
		why = size;
	} else {
		entry_init(&back);
		if (entry_load_buf("(the entry as written)", text, len, &back,
		    false) != 0)
			why = "a file that does not load (see above)";
		else if (!entry_same(e, &back))
			why = "a file that does not read back as given";
		entry_free(&back);
	}
	if (why == NULL)
		return 0;
	if (why == size && name != NULL)
		diag_error(EXIT_DATAERR, name, at, "this entry would be %s as "
		    "dailylog writes it, over the limit of %d KiB of an entry "
		    "file", size, ENTRY_MAX_FILE / 1024);
	else if (why == size)
		diag_fail(EXIT_DATAERR, "the entry would be %s as dailylog "
		    "writes it, over the limit of %d KiB of an entry file; "
		    "nothing was written", size, ENTRY_MAX_FILE / 1024);
	else if (name != NULL)
		diag_error(EXIT_DATAERR, name, at, "this entry would be written "
		    "as %s", why);
	else
		diag_fail(EXIT_DATAERR, "the entry would be written as %s; "
		    "nothing was written", why);
	return -1;
}

/* The directory of e's date, relative to the root (32 bytes). */
static void
month_dir(const struct entry *e, char *rel, size_t size)
{
	snprintf(rel, size, "entries/%04d/%02d", e->date.year, e->date.mon);
}

/* Write e as yaml, a new file with a new ID; under the lock, parts numbered. */
static int
write_new(struct store *st, struct entry *e, const struct buf *yaml)
{
	char id[64], rel[32], *dir, *path = NULL;
	int rc, err = EEXIST;

	month_dir(e, rel, sizeof(rel));
	if ((rc = fsio_mkdirs(st->root, rel)) != 0)
		return rc;
	dir = path_join(st->root, rel);
	for (int tries = 0; tries < 16 && err == EEXIST; tries++) {
		struct buf name = BUF_INIT;

		make_id(&e->date, id, sizeof(id));
		buf_addf(&name, "%s.yaml", id);
		free(path);
		path = path_join(dir, name.s);
		buf_free(&name);
		err = fsio_write(path, yaml->s, yaml->len, FSIO_NEW, 0600, true);
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
		index_note(st, path);
		store_changed(st, path);
	}
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
	struct buf yaml = BUF_INIT;
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if (e->series == NULL || (rc = number_parts(st, NULL, &e, 1)) == 0) {
		entry_to_yaml(e, false, false, &yaml);
		if ((rc = check_written(NULL, nopos, yaml.s, yaml.len, e)) == 0)
			rc = write_new(st, e, &yaml);
	}
	store_unlock(st);
	buf_free(&yaml);
	return rc;
}

/* --- a batch, all or none --- */

static const char *
signal_name(int sig)
{
	return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" :
	    sig == SIGHUP ? "SIGHUP" : "a signal";
}

int
catalog_recover(struct store *st)
{
	bool held = st->lockfd != -1;
	int rc, err;

	if (!journal_pending(st->root))
		return 0;
	if (!held && (err = store_trylock(st)) != 0) {
		/* Held: an import at work, not one that was killed. */
		if (err != EWOULDBLOCK)
			diag_warn(st->root, nopos, "an import was interrupted, "
			    "and the lock to roll it back cannot be taken: %s",
			    strerror(err));
		return 0;
	}
	rc = journal_recover(st->root);
	if (!held)
		store_unlock(st);
	return rc;
}

/* A file of entries/YYYY/MM, its size, and its text once read. */
struct month_file {
	char	*name;
	off_t	 size;
	char	*text;		/* NULL until read */
	size_t	 len;
	bool	 read;		/* tried: text may still be NULL */
};

static int
cmp_size(const void *a, const void *b)
{
	const struct month_file *x = a, *y = b;

	return (x->size > y->size) - (x->size < y->size);
}

/* The regular *.yaml files of the directory d (NULL: none), by size. */
static struct month_file *
month_files(DIR *d, size_t *n)
{
	struct month_file *v = NULL;
	struct dirent *de;
	struct stat sb;

	*n = 0;
	while (d != NULL && (de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0 ||
		    fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) ||
		    !S_ISREG(sb.st_mode))
			continue;
		if ((*n & (*n - 1)) == 0)
			v = xreallocarray(v, *n ? 2 * *n : 1, sizeof(*v));
		memset(&v[*n], 0, sizeof(v[*n]));
		v[*n].name = xstrdup(de->d_name);
		v[(*n)++].size = sb.st_size;
	}
	if (*n > 1)
		qsort(v, *n, sizeof(*v), cmp_size);
	return v;
}

static void
month_files_free(struct month_file *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].text);
	}
	free(v);
}

/*
 * Whether f of the directory dir (fd) holds yaml exactly, or, with
 * any_part, yaml with a "part: N" line after its series line: the file
 * that add or import wrote of this entry, numbered then.  Each file is
 * read once, however many entries of the batch it may be.
 */
static bool
holds(int fd, const char *dir, struct month_file *f, const struct buf *yaml,
    bool any_part)
{
	const char *series, *text;
	size_t len, at, digits;

	if (!f->read) {
		char *path = path_join(dir, f->name);

		f->read = true;
		if (file_read_at(fd, f->name, path, ENTRY_MAX_FILE, &f->text,
		    &f->len) != 0)
			f->text = NULL;
		free(path);
	}
	if ((text = f->text) == NULL)
		return false;
	len = f->len;
	if (!any_part)
		return len == yaml->len && memcmp(text, yaml->s, len) == 0;
	if ((series = strstr(yaml->s, "\nseries: ")) == NULL)
		return false;
	at = (size_t)(strchr(series + 1, '\n') + 1 - yaml->s);
	if (len <= at + 6 || memcmp(text, yaml->s, at) != 0 ||
	    strncmp(text + at, "part: ", 6) != 0)
		return false;
	digits = strspn(text + at + 6, "0123456789");
	return digits > 0 && text[at + 6 + digits] == '\n' &&
	    len == yaml->len + 7 + digits &&
	    memcmp(text + at + 7 + digits, yaml->s + at, yaml->len - at) == 0;
}

/* Entries by the directory of their date. */
static int
cmp_month(const void *a, const void *b, void *arg)
{
	struct entry *const *v = arg;
	const struct date *x = &v[*(const size_t *)a]->date;
	const struct date *y = &v[*(const size_t *)b]->date;

	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return (x->mon > y->mon) - (x->mon < y->mon);
}

/*
 * Which of the n entries (their files yaml[i], parts not yet given) the
 * store holds already, in present[]: a file in the directory of the
 * entry's date that is, byte for byte, the file dailylog writes of it
 * (with any part when the entry has none).  Only those directories are
 * read, and only their files of a size that fits.  Returns how many.
 */
static size_t
find_present(struct store *st, struct entry **v, const struct buf *yaml,
    size_t n, bool *present)
{
	size_t *order = xreallocarray(NULL, n + 1, sizeof(*order));
	size_t found = 0, nfiles = 0;
	struct month_file *files = NULL;
	char rel[32], prev[32] = "", *dir = NULL;
	DIR *d = NULL;

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof(*order), cmp_month, v);
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k], lo = 0, hi;
		bool any_part = v[i]->series != NULL && v[i]->part == 0;
		off_t min = (off_t)yaml[i].len + (any_part ? 8 : 0);
		off_t max = (off_t)yaml[i].len + (any_part ? 13 : 0);

		month_dir(v[i], rel, sizeof(rel));
		if (strcmp(rel, prev) != 0) {
			month_files_free(files, nfiles);
			if (d != NULL)
				closedir(d);
			free(dir);
			memcpy(prev, rel, sizeof(prev));
			dir = path_join(st->root, rel);
			d = opendir(dir);	/* none yet: nothing there */
			files = month_files(d, &nfiles);
		}
		present[i] = false;
		for (hi = nfiles; lo < hi; ) {
			size_t mid = lo + (hi - lo) / 2;

			if (files[mid].size < min)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < nfiles && files[lo].size <= max && !present[i]; lo++)
			present[i] = holds(dirfd(d), dir, &files[lo], &yaml[i],
			    any_part);
		found += present[i];
	}
	month_files_free(files, nfiles);
	if (d != NULL)
		closedir(d);
	free(dir);
	free(order);
	return found;
}

/*
 * The file of a new entry e, relative to the root: a new ID whose name
 * no file has (none can come while the lock is held, but by hand).
 */
static char *
new_target(struct store *st, const struct entry *e)
{
	struct buf rel = BUF_INIT;
	char id[64], dir[32];

	month_dir(e, dir, sizeof(dir));
	for (int tries = 0; tries < 16; tries++) {
		struct stat sb;
		char *path;
		bool taken;

		make_id(&e->date, id, sizeof(id));
		buf_reset(&rel);
		buf_addf(&rel, "%s/%s.yaml", dir, id);
		path = path_join(st->root, rel.s);
		taken = lstat(path, &sb) == 0;
		free(path);
		if (!taken)
			break;
	}
	return buf_detach(&rel);
}

/* The signal that asked the batch to stop, or 0. */
static volatile sig_atomic_t stop_signal;

static void
on_stop(int sig)
{
	stop_signal = sig;
}

/* After a failure or a signal: the batch undone, and said so. */
static void
batch_undo(struct journal *j)
{
	size_t removed;

	if (journal_roll_back(j, &removed) != 0)
		diag("import: could not remove all the entries written; the "
		    "next dailylog command removes the rest");
	else if (stop_signal != 0 && removed > 0)
		diag("import: interrupted by %s; removed the %zu entries "
		    "written so far; nothing was imported",
		    signal_name(stop_signal), removed);
	else if (stop_signal != 0)
		diag("import: interrupted by %s; nothing was imported",
		    signal_name(stop_signal));
	else if (removed > 0)
		diag("import: removed the %zu entries written before the "
		    "failure; nothing was imported", removed);
	else
		diag("import: nothing was imported");
}

/*
 * Under the lock: the n entries of the input name, those in the store
 * already skipped, numbered, checked as files, staged, linked and
 * committed.
 */
static int
import_locked(struct store *st, const char *name, struct entry **v, size_t n)
{
	struct journal j = { NULL, NULL, NULL, NULL, 0, NULL };
	struct entry **todo = xreallocarray(NULL, n + 1, sizeof(*todo));
	struct buf *yaml = xcalloc(n + 1, sizeof(*yaml));
	bool *present = xcalloc(n + 1, sizeof(*present));
	char **target = xcalloc(n + 1, sizeof(*target));
	size_t skipped, m = 0;
	int rc = 0;

	for (size_t i = 0; i < n; i++)
		entry_to_yaml(v[i], false, false, &yaml[i]);
	skipped = find_present(st, v, yaml, n, present);
	for (size_t i = 0; i < n; i++) {
		buf_free(&yaml[i]);
		if (!present[i])
			todo[m++] = v[i];
	}
	if (any_series(todo, m) && number_parts(st, name, todo, m) != 0)
		rc = -1;
	/* Each file as it will be, its part given, checked as it is read. */
	for (size_t i = 0; rc == 0 && i < m; i++) {
		entry_to_yaml(todo[i], false, false, &yaml[i]);
		if (check_written(name, todo[i]->pos[F_DATE], yaml[i].s,
		    yaml[i].len, todo[i]) != 0)
			rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < m; i++)
		target[i] = new_target(st, todo[i]);
	if (rc != 0)
		diag("import: nothing was imported");
	else if (m == 0)
		diag("import: all %zu entries are in the store already; "
		    "nothing to import", n);
	else if (stop_signal != 0 || journal_stage(&j, st->root, target, yaml,
	    m, &stop_signal) != 0 || journal_link(&j) != 0 ||
	    stop_signal != 0 || journal_commit(&j) != 0) {
		batch_undo(&j);
		rc = -1;
	} else {
		for (size_t i = 0; i < m; i++) {
			const char *base = strrchr(target[i], '/') + 1;

			free(todo[i]->id);
			free(todo[i]->path);
			todo[i]->path = path_join(st->root, target[i]);
			todo[i]->id = xstrndup(base, strlen(base) - 5);
			index_note(st, todo[i]->path);
			store_changed(st, todo[i]->path);
		}
		if (skipped > 0)
			diag("import: %zu of %zu entries are in the store "
			    "already; skipped", skipped, n);
	}
	journal_free(&j);
	for (size_t i = 0; i < n; i++) {
		buf_free(&yaml[i]);
		free(target[i]);
	}
	free(target);
	free(yaml);
	free(present);
	free(todo);
	return rc;
}

int
catalog_add_batch(struct store *st, const char *name, struct entry **v,
    size_t n)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old[3];
	int rc;

	/*
	 * From here a signal rolls the batch back before exit (one that
	 * is ignored stays ignored, as for a job in the background).
	 */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	stop_signal = 0;
	for (size_t i = 0; i < 3; i++) {
		sigaction(sigs[i], NULL, &old[i]);
		if (old[i].sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
	if ((rc = store_lock(st)) == 0) {
		if ((rc = journal_recover(st->root)) == 0)
			rc = import_locked(st, name, v, n);
		store_unlock(st);
	}
	for (size_t i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	if (rc != 0 && stop_signal != 0)
		diag_set_status(128 + stop_signal);
	return rc;
}

/* --- removing --- */

/* Whether s is among the first n of v. */
static bool
among(char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return true;
	return false;
}

int
catalog_remove(struct store *st, struct entry *const *v, size_t n,
    struct strlist *removed)
{
	struct strlist dirs = { NULL, 0 };
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		char *dir;

		if (among(removed->v, removed->n, v[i]->path))
			continue;	/* named twice */
		if (unlink(v[i]->path) == -1) {
			diag_error(fsio_status(errno), v[i]->path, nopos,
			    "cannot remove the entry: %s", strerror(errno));
			rc = -1;
			continue;
		}
		strlist_add(removed, v[i]->path);
		store_changed(st, v[i]->path);
		/* Its comments and approvals go with it. */
		if (comments_remove(st, v[i]->id) != 0)
			rc = -1;
		dir = xstrndup(v[i]->path, (size_t)(basename_of(v[i]->path) -
		    v[i]->path));
		if (!among(dirs.v, dirs.n, dir))
			strlist_add(&dirs, dir);
		free(dir);
	}
	/* The removals are durable before anyone is told of them. */
	for (size_t i = 0; i < dirs.n; i++) {
		int err = fsync_dir(dirs.v[i]);

		if (err != 0) {
			diag_error(fsio_status(err), dirs.v[i], nopos,
			    "cannot flush the directory: %s", strerror(err));
			rc = -1;
		}
	}
	strlist_free(&dirs);
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
		rc = check_written(path, nopos, text, len, new);
	if (rc == 0)
		rc = fsio_store_file(path, text, len, FSIO_REPLACE);
	if (rc == 0) {
		index_note(st, path);
		store_changed(st, path);
	}
out:
	entry_free(&old);
	free(now);
	store_unlock(st);
	return rc;
}
