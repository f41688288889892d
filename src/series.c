/* Series settings (ROOT/series/SLUG.yaml), parts and part numbers. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "lang.h"
#include "series.h"
#include "store.h"
#include "yaml_read.h"

#define SERIES_DIR	"series"

static const char *const keys[] = {
	"title", "lang", "labels", "numbering", "per_row", "layout", "window"
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static const char *const label_keys[] = {
	"prev", "next", "heading", "missing", "index"
};
#define NLABELS	(sizeof(label_keys) / sizeof(label_keys[0]))

/* The label fields in the order of label_keys. */
static char **
label_field(struct series_settings *set, size_t i)
{
	char **fields[NLABELS] = {
		&set->label_prev, &set->label_next, &set->label_heading,
		&set->label_missing, &set->label_index
	};

	return fields[i];
}

static void
set_string(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

void
series_settings_defaults(struct series_settings *set, const char *slug,
    enum lang lang)
{
	static const enum label nav[NLABELS] = {
		LB_NAV_PREV, LB_NAV_NEXT, LB_NAV_HEADING, LB_NAV_MISSING,
		LB_NAV_INDEX
	};

	if (set->slug == NULL)
		set->slug = xstrdup(slug);
	if (set->title == NULL)
		set->title = xstrdup(slug);
	set->lang = lang;
	for (size_t i = 0; i < NLABELS; i++)
		set_string(label_field(set, i), lang_label(lang, nav[i]));
	set->numbering = lang == LANG_EN ? NUMBER_ARABIC : NUMBER_CIRCLED;
	set->per_row = 3;
	set->layout = LAYOUT_ALL;
	set->window = 5;
}

void
series_settings_free(struct series_settings *set)
{
	free(set->slug);
	free(set->title);
	for (size_t i = 0; i < NLABELS; i++)
		free(*label_field(set, i));
	memset(set, 0, sizeof(*set));
}

static int
unknown_key(const char *path, const struct ynode *k,
    const char *const *cands, size_t n)
{
	const char *hint = suggest(k->s, cands, n);

	if (hint != NULL)
		diag_error(path, k->pos, "unknown key '%s' (did you mean "
		    "'%s'?)", k->s, hint);
	else
		diag_error(path, k->pos, "unknown key '%s'", k->s);
	return EXIT_DATAERR;
}

static int
want_string(const char *path, const char *key, const struct ynode *v)
{
	if (v->type == Y_SCALAR)
		return 0;
	diag_error(path, v->pos, "%s must be a string", key);
	return EXIT_DATAERR;
}

/* A scalar that must be one of two words; *which is 0 or 1. */
static int
want_word(const char *path, const char *key, const struct ynode *v,
    const char *w0, const char *w1, int *which)
{
	if (v->type == Y_SCALAR && strcmp(v->s, w0) == 0)
		*which = 0;
	else if (v->type == Y_SCALAR && strcmp(v->s, w1) == 0)
		*which = 1;
	else {
		diag_error(path, v->pos, "%s must be %s or %s, not '%s'", key,
		    w0, w1, v->type == Y_SCALAR ? v->s : "a collection");
		return EXIT_DATAERR;
	}
	return 0;
}

static int
want_int(const char *path, const char *key, const struct ynode *v,
    int lo, int hi, int *dst)
{
	char *end;
	long n = 0;

	if (v->type == Y_SCALAR && v->plain && v->s[0] >= '0' &&
	    v->s[0] <= '9') {
		errno = 0;
		n = strtol(v->s, &end, 10);
		if (*end == '\0' && errno == 0 && n >= lo && n <= hi) {
			*dst = (int)n;
			return 0;
		}
	}
	diag_error(path, v->pos, "%s must be a whole number from %d to %d, "
	    "not '%s'", key, lo, hi, v->type == Y_SCALAR ? v->s : "a collection");
	return EXIT_DATAERR;
}

static int
apply_labels(const char *path, const struct ynode *map,
    struct series_settings *set)
{
	int rc = 0;

	if (map->type != Y_MAP) {
		diag_error(path, map->pos, "labels must be a mapping of prev, "
		    "next, heading, missing and index");
		return EXIT_DATAERR;
	}
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = &map->kids[i], *v = &map->kids[i + 1];
		size_t f;

		for (f = 0; f < NLABELS; f++)
			if (strcmp(k->s, label_keys[f]) == 0)
				break;
		if (f == NLABELS)
			rc = unknown_key(path, k, label_keys, NLABELS);
		else if (want_string(path, k->s, v) != 0)
			rc = EXIT_DATAERR;
		else
			set_string(label_field(set, f), v->s);
	}
	return rc;
}

/* Every key but lang and labels, which apply_settings handles itself. */
static int
apply_key(const char *path, const struct ynode *k, const struct ynode *v,
    struct series_settings *set)
{
	int which;

	if (strcmp(k->s, "title") == 0) {
		if (want_string(path, "title", v) != 0)
			return EXIT_DATAERR;
		if (v->len == 0 || memchr(v->s, '\n', v->len) != NULL) {
			diag_error(path, v->pos, "title must be one line, not "
			    "empty");
			return EXIT_DATAERR;
		}
		set_string(&set->title, v->s);
	} else if (strcmp(k->s, "numbering") == 0) {
		if (want_word(path, "numbering", v, "circled", "arabic",
		    &which) != 0)
			return EXIT_DATAERR;
		set->numbering = which ? NUMBER_ARABIC : NUMBER_CIRCLED;
	} else if (strcmp(k->s, "layout") == 0) {
		if (want_word(path, "layout", v, "all", "window", &which) != 0)
			return EXIT_DATAERR;
		set->layout = which ? LAYOUT_WINDOW : LAYOUT_ALL;
	} else if (strcmp(k->s, "per_row") == 0)
		return want_int(path, "per_row", v, 1, 20, &set->per_row);
	else if (strcmp(k->s, "window") == 0)
		return want_int(path, "window", v, 1, 100, &set->window);
	return 0;
}

/*
 * lang first, because it chooses the defaults the other keys override;
 * then every other key, reporting all problems, not just the first.
 */
static int
apply_settings(const char *path, const struct ynode *root,
    struct series_settings *set)
{
	const struct ynode *lang = ynode_get(root, "lang"), *labels = NULL;
	int rc = 0, which = 0;

	if (lang != NULL) {
		if (want_word(path, "lang", lang, "ja", "en", &which) != 0)
			rc = EXIT_DATAERR;
		else
			series_settings_defaults(set, set->slug,
			    (enum lang)which);
	}
	for (size_t i = 0; i + 1 < root->nkids; i += 2) {
		const struct ynode *k = &root->kids[i], *v = &root->kids[i + 1];
		size_t f;

		for (f = 0; f < NKEYS; f++)
			if (strcmp(k->s, keys[f]) == 0)
				break;
		if (strncmp(k->s, "x-", 2) == 0 || strcmp(k->s, "lang") == 0)
			continue;
		if (f == NKEYS)
			rc = unknown_key(path, k, keys, NKEYS);
		else if (strcmp(k->s, "labels") == 0)
			labels = v;
		else if (apply_key(path, k, v, set) != 0)
			rc = EXIT_DATAERR;
	}
	if (labels != NULL && apply_labels(path, labels, set) != 0)
		rc = EXIT_DATAERR;
	return rc;
}

int
series_settings_load(struct store *st, const char *slug,
    struct series_settings *set)
{
	struct buf rel = BUF_INIT;
	struct ynode root;
	struct stat sb;
	char *path, *text;
	size_t len;
	int rc;

	memset(set, 0, sizeof(*set));
	series_settings_defaults(set, slug, st->lang);
	/* The slug names a file: never let it leave series/. */
	if (!slug_valid(slug))
		return 0;
	buf_addf(&rel, SERIES_DIR "/%s.yaml", slug);
	path = path_join(st->root, rel.s);
	buf_free(&rel);
	if (lstat(path, &sb) == -1 && errno == ENOENT) {
		free(path);
		return 0;
	}
	if ((rc = file_read(path, ENTRY_MAX_FILE, &text, &len)) != 0) {
		free(path);
		return rc == EXIT_NOINPUT ? EXIT_DATAERR : rc;
	}
	rc = yaml_load(path, text, len, &root);
	free(text);
	if (rc == 0 && root.type == Y_SCALAR && root.plain && root.len == 0)
		;	/* an empty file: the defaults */
	else if (rc == 0 && root.type != Y_MAP) {
		diag_error(path, root.pos, "series settings must be a mapping "
		    "of title, lang, labels, numbering, per_row, layout and "
		    "window");
		rc = EXIT_DATAERR;
	} else if (rc == 0)
		rc = apply_settings(path, &root, set);
	ynode_free(&root);
	free(path);
	if (rc != 0)
		series_settings_free(set);	/* nothing for the caller to free */
	return rc;
}

static int
part_cmp(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return entry_cmp(a, b);
}

void
series_collect(const struct entry_list *l, const char *slug,
    struct series *s)
{
	s->parts = xreallocarray(NULL, l->n + 1, sizeof(*s->parts));
	s->n = 0;
	s->has_duplicates = false;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series != NULL && strcmp(l->v[i]->series, slug) == 0)
			s->parts[s->n++] = l->v[i];
	qsort(s->parts, s->n, sizeof(*s->parts), part_cmp);
	for (size_t i = 1; i < s->n; i++)
		if (s->parts[i]->part == s->parts[i - 1]->part)
			s->has_duplicates = true;
}

void
series_free(struct series *s)
{
	free(s->parts);
	s->parts = NULL;
	s->n = 0;
	series_settings_free(&s->set);
}

int
series_report_duplicates(const struct series *s)
{
	for (size_t i = 1; i < s->n; i++)
		if (s->parts[i]->part == s->parts[i - 1]->part)
			diag_error(s->parts[i]->path, s->parts[i]->pos[F_PART],
			    "part %ld of series '%s' is also %s",
			    s->parts[i]->part, s->set.slug, s->parts[i - 1]->path);
	return EXIT_DATAERR;
}

long
series_last(const struct series *s)
{
	return s->n > 0 ? s->parts[s->n - 1]->part : 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **
series_slugs(const struct entry_list *l, size_t *n)
{
	const char **v = xreallocarray(NULL, l->n + 1, sizeof(*v));
	size_t k = 0;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series != NULL)
			v[k++] = l->v[i]->series;
	qsort(v, k, sizeof(*v), str_cmp);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		if (*n == 0 || strcmp(v[*n - 1], v[i]) != 0)
			v[(*n)++] = v[i];
	return v;
}

void
series_number(struct buf *b, enum numbering num, long n)
{
	/*
	 * Only ①–⑩ as the reference does: Unicode's ⑪–⑳ are still
	 * Ambiguous width but ㉑–㊿ are Wide and nothing follows ㊿, so a
	 * longer run would change width mid-series and then stop.
	 */
	if (num == NUMBER_CIRCLED && n >= 1 && n <= 10) {
		unsigned int cp = 0x2460 + (unsigned int)(n - 1);

		buf_addc(b, (int)(0xe0 | (cp >> 12)));
		buf_addc(b, (int)(0x80 | ((cp >> 6) & 0x3f)));
		buf_addc(b, (int)(0x80 | (cp & 0x3f)));
	} else
		buf_addf(b, "%ld", n);
}

void
series_label(struct buf *b, const struct series_settings *set,
    const char *tmpl, long n)
{
	series_label_range(b, set, tmpl, n, n);
}

/* n, or the run from-to: "③〜⑨" in ja, "3–9" in en. */
static void
add_number(struct buf *b, const struct series_settings *set, long from,
    long to)
{
	series_number(b, set->numbering, from);
	if (to > from) {
		buf_adds(b, lang_label(set->lang, LB_RANGE));
		series_number(b, set->numbering, to);
	}
}

void
series_label_range(struct buf *b, const struct series_settings *set,
    const char *tmpl, long from, long to)
{
	const char *at = strstr(tmpl, "{n}");

	if (at == NULL) {
		buf_adds(b, tmpl);
		add_number(b, set, from, to);
		return;
	}
	for (; at != NULL; at = strstr(tmpl, "{n}")) {
		buf_add(b, tmpl, (size_t)(at - tmpl));
		add_number(b, set, from, to);
		tmpl = at + 3;
	}
	buf_adds(b, tmpl);
}
