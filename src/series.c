/* Series settings (ROOT/series/SLUG.yaml), parts and part numbers. */
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
#include "settings.h"
#include "store.h"
#include "yaml_read.h"

#define SERIES_DIR	"series"

static const char *const keys[] = {
	"title", "lang", "labels", "numbering", "per_row", "layout",
	"threshold", "window", "url", "description", "status", "redact",
	"aliases", "fields", "bullet"
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static const char *const label_keys[] = {
	"prev", "next", "heading", "missing", "index", "current", "gap"
};
#define NLABELS	(sizeof(label_keys) / sizeof(label_keys[0]))

/* The label fields in the order of label_keys. */
static char **
label_field(struct series_settings *set, size_t i)
{
	char **fields[NLABELS] = {
		&set->label_prev, &set->label_next, &set->label_heading,
		&set->label_missing, &set->label_index, &set->label_current,
		&set->label_gap
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
		LB_NAV_INDEX, LB_NAV_CURRENT, LB_NAV_GAP
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
	set->layout = LAYOUT_AUTO;
	set->threshold = 20;
	set->window = 2;
	set->fields = true;
	set_string(&set->bullet, lang_label(lang, LB_BULLET));
}

void
series_settings_free(struct series_settings *set)
{
	free(set->slug);
	free(set->title);
	for (size_t i = 0; i < NLABELS; i++)
		free(*label_field(set, i));
	free(set->url);
	free(set->description);
	free(set->bullet);
	aliases_free(&set->aliases);
	memset(set, 0, sizeof(*set));
}

static int
apply_labels(const char *path, const struct ynode *map,
    struct series_settings *set)
{
	int rc = 0;

	if (map->type != Y_MAP) {
		diag_error(EXIT_DATAERR, path, map->pos, "labels must be a mapping of prev, "
		    "next, heading, missing, index, current and gap");
		return -1;
	}
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = &map->kids[i], *v = &map->kids[i + 1];
		size_t f;

		for (f = 0; f < NLABELS; f++)
			if (strcmp(k->s, label_keys[f]) == 0)
				break;
		if (f == NLABELS)
			rc = settings_unknown_key(path, k, label_keys, NLABELS);
		else if (settings_string(path, k->s, v, SETTING_MAY_BE_EMPTY,
		    label_field(set, f)) != 0)
			rc = -1;
	}
	return rc;
}

static int
apply_url(const char *path, const struct ynode *v,
    struct series_settings *set)
{
	char *url = NULL;

	if (settings_string(path, "url", v, SETTING_ONE_LINE, &url) != 0)
		return -1;
	if (!series_url_valid(url)) {
		diag_error(EXIT_DATAERR, path, v->pos, "url must be an "
		    "absolute URL such as https://example.com/badge/, not '%s'",
		    url);
		free(url);
		return -1;
	}
	free(set->url);
	set->url = series_url_dir(url);
	free(url);
	return 0;
}

/* true or false, as YAML writes them. */
static int
apply_bool(const char *path, const char *key, const struct ynode *v,
    bool *dst)
{
	static const char *const bools[] = { "false", "true" };
	int which;

	if (settings_word(path, key, v, bools, 2, &which) != 0)
		return -1;
	*dst = which == 1;
	return 0;
}

/* The keys that take a word, a number or a flag. */
static int
apply_choice(const char *path, const struct ynode *k, const struct ynode *v,
    struct series_settings *set)
{
	static const char *const numberings[] = { "circled", "arabic" };
	static const char *const layouts[] = { "all", "window", "auto" };
	static const char *const statuses[] = { "ongoing", "complete" };
	int which;

	if (strcmp(k->s, "numbering") == 0) {
		if (settings_word(path, "numbering", v, numberings, 2,
		    &which) != 0)
			return -1;
		set->numbering = which ? NUMBER_ARABIC : NUMBER_CIRCLED;
	} else if (strcmp(k->s, "layout") == 0) {
		if (settings_word(path, "layout", v, layouts, 3, &which) != 0)
			return -1;
		set->layout = (enum nav_layout)which;
	} else if (strcmp(k->s, "status") == 0) {
		if (settings_word(path, "status", v, statuses, 2, &which) != 0)
			return -1;
		set->status = which ? STATUS_COMPLETE : STATUS_ONGOING;
	} else if (strcmp(k->s, "per_row") == 0)
		return settings_int(path, "per_row", v, 1, 20, &set->per_row);
	else if (strcmp(k->s, "threshold") == 0)
		return settings_int(path, "threshold", v, 1, PART_MAX,
		    &set->threshold);
	else if (strcmp(k->s, "window") == 0)
		return settings_int(path, "window", v, 1, 100, &set->window);
	else if (strcmp(k->s, "redact") == 0)
		return apply_bool(path, "redact", v, &set->redact);
	else if (strcmp(k->s, "fields") == 0)
		return apply_bool(path, "fields", v, &set->fields);
	return 0;
}

/* Every key but lang and labels, which apply_settings handles itself. */
static int
apply_key(const char *path, const struct ynode *k, const struct ynode *v,
    struct series_settings *set)
{
	if (strcmp(k->s, "title") == 0)
		return settings_string(path, "title", v, SETTING_ONE_LINE,
		    &set->title);
	if (strcmp(k->s, "description") == 0)
		return settings_string(path, "description", v, 0,
		    &set->description);
	if (strcmp(k->s, "bullet") == 0)
		return settings_string(path, "bullet", v, SETTING_ONE_LINE,
		    &set->bullet);
	if (strcmp(k->s, "url") == 0)
		return apply_url(path, v, set);
	if (strcmp(k->s, "aliases") == 0)
		return aliases_from_node(path, v, &set->aliases);
	return apply_choice(path, k, v, set);
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
		if (settings_word(path, "lang", lang, lang_names, LANG_COUNT,
		    &which) != 0)
			rc = -1;
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
			rc = settings_unknown_key(path, k, keys, NKEYS);
		else if (strcmp(k->s, "labels") == 0)
			labels = v;
		else if (apply_key(path, k, v, set) != 0)
			rc = -1;
	}
	if (labels != NULL && apply_labels(path, labels, set) != 0)
		rc = -1;
	return rc;
}

int
series_settings_load(struct store *st, const char *slug,
    struct series_settings *set)
{
	struct buf rel = BUF_INIT;
	struct ynode root;
	char *path;
	int rc;

	memset(set, 0, sizeof(*set));
	series_settings_defaults(set, slug, st->lang);
	/* The slug names a file: never let it leave series/. */
	if (!slug_valid(slug))
		return 0;
	buf_addf(&rel, SERIES_DIR "/%s.yaml", slug);
	path = path_join(st->root, rel.s);
	buf_free(&rel);
	if ((rc = settings_read(path, ENTRY_MAX_FILE, true, &root)) == 0)
		rc = apply_settings(path, &root, set);
	ynode_free(&root);
	free(path);
	if (rc != 0)
		series_settings_free(set);	/* nothing for the caller to free */
	return rc;
}

/*
 * "key: value" in text, in place of the lines the key has now (its line
 * and those indented under it), else at the end.  The file must be a
 * mapping of one key a line (not a flow mapping) for that.
 */
static int
set_key(const char *path, struct buf *text, const char *key,
    const char *value)
{
	struct buf out = BUF_INIT;
	struct ynode root;
	const struct ynode *k = NULL;
	const char *t = buf_str(text);
	size_t len = text->len, at = len, end = len;
	int rc;

	if ((rc = yaml_load(path, t, len, &root)) != 0)
		return rc;
	for (size_t i = 0; root.type == Y_MAP && i + 1 < root.nkids; i += 2)
		if (strcmp(root.kids[i].s, key) == 0)
			k = &root.kids[i];
	if ((root.type != Y_MAP && !(root.type == Y_SCALAR && root.len == 0)) ||
	    (k != NULL && k->pos.col != 1)) {
		diag_error(EXIT_DATAERR, path, root.pos, "not a mapping of one "
		    "key a line: set %s there by hand", key);
		ynode_free(&root);
		return -1;
	}
	if (k != NULL) {
		at = 0;
		for (int line = 1; line < k->pos.line && at < len; line++)
			at += strcspn(t + at, "\n") + 1;
		/* Its line, then every line indented under it (blank lines
		 * only between such lines). */
		end = at + strcspn(t + at, "\n");
		for (size_t e = end; e + 1 < len && (t[e + 1] == ' ' ||
		    t[e + 1] == '\t' || t[e + 1] == '\n'); ) {
			size_t start = e + 1;

			e = start + strcspn(t + start, "\n");
			if (e > start)
				end = e;
		}
		end += end < len;
	}
	ynode_free(&root);
	buf_add(&out, t, at);
	if (at > 0 && t[at - 1] != '\n')
		buf_addc(&out, '\n');
	buf_addf(&out, "%s: \"", key);
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(&out, '\\');
		buf_addc(&out, *p);
	}
	buf_adds(&out, "\"\n");
	buf_add(&out, t + end, len - end);
	buf_free(text);
	*text = out;
	return 0;
}

int
series_settings_write(struct store *st, const char *slug, const char *title,
    int lang)
{
	struct series_settings set;
	struct ynode root;
	struct buf rel = BUF_INIT, text = BUF_INIT;
	struct stat sb;
	char *path, *old;
	size_t len;
	int rc;

	if ((rc = fsio_mkdirs(st->root, SERIES_DIR)) != 0 ||
	    (rc = store_lock(st)) != 0)
		return rc;
	buf_addf(&rel, SERIES_DIR "/%s.yaml", slug);
	path = path_join(st->root, rel.s);
	memset(&set, 0, sizeof(set));
	memset(&root, 0, sizeof(root));
	/* The file as it is: its other keys and its comments stay. */
	if (lstat(path, &sb) == -1)
		buf_adds(&text, "# Series settings: see dailylog(5).\n");
	else if ((rc = file_read(path, ENTRY_MAX_FILE, &old, &len)) == 0) {
		buf_add(&text, old, len);
		free(old);
	}
	if (rc == 0 && title != NULL)
		rc = set_key(path, &text, "title", title);
	if (rc == 0 && lang >= 0)
		rc = set_key(path, &text, "lang", lang_name((enum lang)lang));
	/* Written only when it loads as series_settings_load loads it. */
	series_settings_defaults(&set, slug, st->lang);
	if (rc == 0 && (rc = yaml_load(path, text.s, text.len, &root)) == 0 &&
	    (rc = apply_settings(path, &root, &set)) == 0 &&
	    (rc = fsio_store_file(path, text.s, text.len, FSIO_REPLACE)) == 0)
		store_changed(st, path);
	store_unlock(st);
	series_settings_free(&set);
	ynode_free(&root);
	buf_free(&rel);
	buf_free(&text);
	free(path);
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
	/* An entry without a part is not numbered yet: not a part. */
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i]->series != NULL && l->v[i]->part > 0 &&
		    strcmp(l->v[i]->series, slug) == 0)
			s->parts[s->n++] = l->v[i];
	qsort(s->parts, s->n, sizeof(*s->parts), part_cmp);
	for (size_t i = 1; i < s->n; i++)
		if (s->parts[i]->part == s->parts[i - 1]->part)
			s->has_duplicates = true;
}

static const char *
series_of(const struct entry *e)
{
	return e->series != NULL ? e->series : "";
}

static int
by_series(const void *a, const void *b)
{
	return strcmp(series_of(*(struct entry *const *)a),
	    series_of(*(struct entry *const *)b));
}

void
series_each(struct entry_list *l,
    void (*fn)(struct series *, const char *, void *), void *arg)
{
	/* Grouped by series, so each is collected from its own run. */
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), by_series);
	for (size_t at = 0; at < l->n; ) {
		struct entry_list run = { l->v + at, 0 };
		struct series s;
		const char *slug = l->v[at]->series;

		while (at < l->n && strcmp(series_of(l->v[at]),
		    series_of(run.v[0])) == 0) {
			at++;
			run.n++;
		}
		if (slug == NULL)
			continue;
		memset(&s, 0, sizeof(s));
		series_collect(&run, slug, &s);
		fn(&s, slug, arg);
		free(s.parts);
	}
}

void
series_drop_drafts(struct series *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n; i++)
		if (!s->parts[i]->draft)
			s->parts[k++] = s->parts[i];
	s->n = k;
	s->has_duplicates = false;
	for (size_t i = 1; i < s->n; i++)
		if (s->parts[i]->part == s->parts[i - 1]->part)
			s->has_duplicates = true;
}

enum nav_layout
series_layout(const struct series *s)
{
	if (s->set.layout != LAYOUT_AUTO)
		return s->set.layout;
	return series_last(s) > s->set.threshold ? LAYOUT_WINDOW : LAYOUT_ALL;
}

bool
series_url_valid(const char *url)
{
	const char *p = url;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (strncmp(p, "://", 3) != 0 || p[3] == '\0' || p[3] == '/')
		return false;
	for (; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || strchr("\"'<>\\`{}|^", *p) ||
		    (unsigned char)*p == 0x7f)
			return false;
	return true;
}

char *
series_url_dir(const char *url)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, url);
	if (b.s[b.len - 1] != '/')
		buf_addc(&b, '/');
	return buf_detach(&b);
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
			diag_error(EXIT_DATAERR, s->parts[i]->path, s->parts[i]->pos[F_PART],
			    "duplicate part: %s:%ld is also %s",
			    s->parts[i]->series, s->parts[i]->part,
			    s->parts[i - 1]->path);
	return -1;
}

long
series_last(const struct series *s)
{
	return s->n > 0 ? s->parts[s->n - 1]->part : 0;
}

void
series_walk_init(struct series_walk *w, const struct series *s, long from,
    long to, long min_run)
{
	size_t lo = 0, hi = s->n;

	/* The first part numbered from or above, by bisection. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->parts[mid]->part < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	w->s = s;
	w->k = from;
	w->to = to;
	w->cursor = lo;
	w->min_run = min_run;
}

bool
series_walk_next(struct series_walk *w, struct series_item *it)
{
	const struct series *s = w->s;
	long end;

	if (w->k > w->to)
		return false;
	memset(it, 0, sizeof(*it));
	if (w->cursor < s->n && s->parts[w->cursor]->part == w->k) {
		it->part = it->last = w->k;
		it->at = w->cursor;
		while (w->cursor < s->n && s->parts[w->cursor]->part == w->k)
			w->cursor++;
		it->copies = w->cursor - it->at;
		w->k++;
		return true;
	}
	end = w->cursor < s->n && s->parts[w->cursor]->part <= w->to ?
	    s->parts[w->cursor]->part - 1 : w->to;
	it->missing = true;
	it->part = w->k;
	it->last = end - w->k + 1 >= w->min_run ? end : w->k;
	w->k = it->last + 1;
	return true;
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
		buf_addu(b, (unsigned long)n);	/* 1 to PART_MAX */
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
