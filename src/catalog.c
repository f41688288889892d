/* The catalog (catalog.h): references, parts, adding. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "store.h"
#include "walk.h"
#include "yaml_write.h"

static const struct pos nopos = { 0, 0 };

/*
 * SERIES:PART among the summaries given, or those of the index; only
 * that file is read whole.
 */
static int
resolve_part(struct store *st, const struct entry_list *given,
    const char *ref, const char *colon, struct entry **out)
{
	struct entry_list all = { NULL, 0 };
	const struct entry_list *l = given;
	char *slug = xstrndup(ref, (size_t)(colon - ref)), *end;
	long part = strtol(colon + 1, &end, 10);
	size_t found = 0, at = 0;
	int bad, rc;

	if (!slug_valid(slug) || *end != '\0' || part < 1 ||
	    !isdigit((unsigned char)colon[1])) {
		diag("bad reference '%s': expected ID, ID prefix or SERIES:PART",
		    ref);
		free(slug);
		return EXIT_USAGE;
	}
	if (l == NULL && (rc = index_load_series(st, slug, &all, &bad)) != 0) {
		free(slug);
		entry_list_free(&all);
		return rc;
	}
	if (l == NULL)
		l = &all;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series && strcmp(l->v[i]->series, slug) == 0 &&
		    l->v[i]->part == part) {
			if (found++ > 0)
				diag_error(l->v[i]->path, l->v[i]->pos[F_PART],
				    "%s:%ld is also %s", slug, part,
				    l->v[at]->id);
			else
				at = i;
		}
	if (found == 0) {
		diag("no part %ld in series '%s'", part, slug);
		rc = EXIT_NOTFOUND;
	} else if (found > 1)
		rc = EXIT_DATAERR;
	else {
		struct entry *e = xmalloc(sizeof(*e));

		entry_init(e);
		if ((rc = entry_load(l->v[at]->path, e)) != 0)
			free(e);
		else
			*out = e;
	}
	free(slug);
	entry_list_free(&all);
	return rc;
}

static const char *
basename_of(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
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
	const char *colon = strchr(ref, ':');
	char **paths;
	size_t n, rlen = strlen(ref), nmatch = 0, exact = SIZE_MAX, first = 0;
	int rc;

	*out = NULL;
	if (colon != NULL)
		return resolve_part(st, summaries, ref, colon, out);
	if (!id_valid(ref)) {
		diag("bad reference '%s': expected ID, ID prefix or SERIES:PART",
		    ref);
		return EXIT_USAGE;
	}
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
		diag("no entry '%s'", ref);
		rc = EXIT_NOTFOUND;
	} else if (nmatch > 1 && exact == SIZE_MAX) {
		struct buf c = BUF_INIT;

		for (size_t i = 0, k = 0; i < n && k < 8; i++)
			if (strncmp(basename_of(paths[i]), ref, rlen) == 0) {
				const char *b = basename_of(paths[i]);

				buf_addf(&c, "%s%.*s", k++ ? ", " : "",
				    (int)(strlen(b) - 5), b);
			}
		diag("'%s' is ambiguous: %s%s", ref, buf_str(&c),
		    nmatch > 8 ? ", ..." : "");
		buf_free(&c);
		rc = EXIT_NOTFOUND;
	} else {
		struct entry *e = xmalloc(sizeof(*e));

		entry_init(e);
		if ((rc = entry_load(paths[first], e)) != 0)
			free(e);
		else
			*out = e;
	}
	walk_paths_free(paths, n);
	return rc;
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

/*
 * The highest part of the series, and whether part (when not 0) is taken
 * by a file other than except.  Under the lock, so the answer holds.
 */
static int
series_parts(struct store *st, const char *series, long part,
    const char *except, long *max, bool *taken)
{
	struct entry_list all;
	int bad, rc;

	*max = 0;
	*taken = false;
	rc = index_load(st, &all, &bad);
	for (size_t i = 0; i < all.n; i++) {
		struct entry *o = all.v[i];

		if (o->series == NULL || strcmp(o->series, series) != 0 ||
		    (except != NULL && strcmp(o->path, except) == 0))
			continue;
		if (o->part > *max)
			*max = o->part;
		if (part != 0 && o->part == part && !*taken) {
			diag("part %ld of series '%s' is taken by %s", part,
			    series, o->id);
			*taken = true;
		}
	}
	entry_list_free(&all);
	if (bad != 0 && rc == 0 && part == 0) {
		diag("some entries do not load (see above); run "
		    "'dailylog check', or give the part with -p");
		rc = bad;
	}
	return rc;
}

int
catalog_part_free(struct store *st, const char *series, long part,
    const char *except)
{
	long max;
	bool taken;
	int rc = series_parts(st, series, part, except, &max, &taken);

	return rc ? rc : taken ? EXIT_CANTCREAT : 0;
}

int
catalog_add(struct store *st, struct entry *e)
{
	struct buf yaml = BUF_INIT;
	char id[64], rel[32], *dir = NULL, *path = NULL;
	bool held = st->lockfd != -1;	/* import holds it for a batch */
	int rc, err = EEXIST;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if (e->series != NULL) {
		bool taken;
		long max;

		if ((rc = series_parts(st, e->series, e->part, NULL, &max,
		    &taken)) != 0)
			goto out;
		if (taken) {
			rc = EXIT_CANTCREAT;
			goto out;
		}
		if (e->part == 0)
			e->part = max + 1;
	}
	snprintf(rel, sizeof(rel), "entries/%04d/%02d", e->date.year,
	    e->date.mon);
	dir = path_join(st->root, rel);
	if ((rc = fsio_mkdirs(st->root, rel)) != 0)
		goto out;
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
		diag_error(path, nopos, "cannot create the entry: %s%s",
		    strerror(err), err == ENOSPC ?
		    "; nothing was written" : "");
		rc = fsio_status(err);
		goto out;
	}
	free(e->id);
	free(e->path);
	e->id = xstrdup(id);
	e->path = path;
	path = NULL;
out:
	if (!held)
		store_unlock(st);
	buf_free(&yaml);
	free(dir);
	free(path);
	return rc;
}
