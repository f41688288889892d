#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "fsio.h"
#include "readahead.h"

const char *const field_names[F_COUNT] = {
	"date", "title", "series", "part", "client", "contact", "staff",
	"tags", "result", "next", "author", "draft", "body",
};

void
entry_init(struct entry *e)
{
	memset(e, 0, sizeof(*e));
}

void
strlist_add(struct strlist *l, const char *s)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = xstrdup(s);
}

void
strlist_free(struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Move *src over *dst when it is set. */
static void
take_str(char **dst, char **src)
{
	if (*src == NULL)
		return;
	free(*dst);
	*dst = *src;
	*src = NULL;
}

static void
take_strlist(struct strlist *dst, struct strlist *src)
{
	if (src->n == 0)
		return;
	strlist_free(dst);
	*dst = *src;
	src->v = NULL;
	src->n = 0;
}

void
entry_merge(struct entry *dst, struct entry *src)
{
	if (src->date.year != 0)
		dst->date = src->date;
	take_str(&dst->title, &src->title);
	take_str(&dst->series, &src->series);
	if (src->part != 0)
		dst->part = src->part;
	take_str(&dst->client, &src->client);
	take_str(&dst->contact, &src->contact);
	take_str(&dst->staff, &src->staff);
	take_strlist(&dst->tags, &src->tags);
	take_str(&dst->result, &src->result);
	take_strlist(&dst->next, &src->next);
	take_str(&dst->author, &src->author);
	if (src->draft)
		dst->draft = true;
	take_str(&dst->body, &src->body);
}

void
entry_summarize(struct entry *e)
{
	free(e->result);
	free(e->body);
	e->result = e->body = NULL;
	strlist_free(&e->next);
	for (size_t i = 0; i < e->nx; i++) {
		free(e->x[i].key);
		ynode_free(&e->x[i].value);
	}
	free(e->x);
	e->x = NULL;
	e->nx = 0;
}

static char *
copy_str(struct arena *a, const char *s)
{
	return s == NULL ? NULL : a != NULL ? arena_strdup(a, s) : xstrdup(s);
}

struct entry *
entry_summary_copy(struct arena *a, const struct entry *v)
{
	struct entry *e = a != NULL ? arena_alloc(a, sizeof(*e)) :
	    xmalloc(sizeof(*e));

	entry_init(e);
	e->id = copy_str(a, v->id);
	e->path = copy_str(a, v->path);
	e->title = copy_str(a, v->title);
	e->series = copy_str(a, v->series);
	e->client = copy_str(a, v->client);
	e->contact = copy_str(a, v->contact);
	e->staff = copy_str(a, v->staff);
	e->author = copy_str(a, v->author);
	e->date = v->date;
	e->part = v->part;
	e->pos[F_PART] = v->pos[F_PART];
	e->draft = v->draft;
	if (v->tags.n > 0) {
		e->tags.v = a != NULL ? arena_alloc(a, v->tags.n *
		    sizeof(*e->tags.v)) : xreallocarray(NULL, v->tags.n,
		    sizeof(*e->tags.v));
		for (size_t k = 0; k < v->tags.n; k++)
			e->tags.v[k] = copy_str(a, v->tags.v[k]);
		e->tags.n = v->tags.n;
	}
	return e;
}

bool
entry_is_empty(const struct entry *e)
{
	return e->date.year == 0 && !e->title && !e->series && !e->part &&
	    !e->client && !e->contact && !e->staff && !e->tags.n &&
	    !e->result && !e->next.n && !e->author && !e->draft && !e->body;
}

bool
text_same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool
strlist_same(const struct strlist *a, const struct strlist *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return false;
	return true;
}

bool
entry_same(const struct entry *a, const struct entry *b)
{
	char da[17], db[17];

	if (strcmp(date_format(&a->date, da), date_format(&b->date, db)) != 0 ||
	    !text_same(a->title, b->title) || !text_same(a->series, b->series) ||
	    a->part != b->part || !text_same(a->client, b->client) ||
	    !text_same(a->contact, b->contact) || !text_same(a->staff, b->staff) ||
	    !strlist_same(&a->tags, &b->tags) || !text_same(a->result, b->result) ||
	    !strlist_same(&a->next, &b->next) || !text_same(a->author, b->author) ||
	    a->draft != b->draft || !text_same(a->body, b->body) ||
	    a->nx != b->nx)
		return false;
	for (size_t i = 0; i < a->nx; i++)
		if (strcmp(a->x[i].key, b->x[i].key) != 0 ||
		    !ynode_same(&a->x[i].value, &b->x[i].value))
			return false;
	return true;
}

void
entry_normalize_body(struct entry *e)
{
	size_t len, lead = 0;

	if (e->body == NULL)
		return;
	/* Blank lines before the text: the editor's template leaves one
	 * when text is typed below its last line. */
	for (size_t i = 0; e->body[i] == ' ' || e->body[i] == '\t' ||
	    e->body[i] == '\n'; i++)
		if (e->body[i] == '\n')
			lead = i + 1;
	memmove(e->body, e->body + lead, strlen(e->body + lead) + 1);
	len = strlen(e->body);
	while (len > 0 && strchr(" \t\n", e->body[len - 1]) != NULL)
		len--;
	if (len == 0) {
		free(e->body);
		e->body = NULL;
		return;
	}
	e->body = xreallocarray(e->body, len + 2, 1);
	e->body[len] = '\n';
	e->body[len + 1] = '\0';
}

void
entry_free(struct entry *e)
{
	free(e->id);
	free(e->path);
	free(e->title);
	free(e->series);
	free(e->client);
	free(e->contact);
	free(e->staff);
	free(e->result);
	free(e->author);
	free(e->body);
	strlist_free(&e->tags);
	strlist_free(&e->next);
	for (size_t i = 0; i < e->nx; i++) {
		free(e->x[i].key);
		ynode_free(&e->x[i].value);
	}
	free(e->x);
	entry_init(e);
}

bool
part_parse(const char *s, long *part)
{
	long n = 0;

	/* No sign, no space, no leading zero: YAML 1.1 reads 016 as 14. */
	if (*s < '1' || *s > '9')
		return false;
	for (; *s >= '0' && *s <= '9'; s++)
		if ((n = n * 10 + (*s - '0')) > PART_MAX)
			return false;
	if (*s != '\0')
		return false;
	*part = n;
	return true;
}

bool
id_valid(const char *s)
{
	if (*s == '\0' || *s == '.' || strlen(s) > 128)
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '_' &&
		    *s != '-')
			return false;
	return true;
}

bool
slug_valid(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
		    *s == '-'))
			return false;
	return true;
}

/*
 * Edit distance with adjacent transpositions (optimal string alignment),
 * for "did you mean": "lsit" is one step from "list".
 */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), d[32][32];

	if (la >= 31 || lb >= 31)
		return SIZE_MAX;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[la][lb];
}

const char *
suggest(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX, limit = strlen(word) <= 4 ? 1 : 2;

	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(word, cands[i]);

		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	return bestd <= limit ? best : NULL;
}

/* A plain empty scalar, "~" or "null": an optional field left blank. */
static bool
is_null(const struct ynode *n)
{
	return n->type == Y_SCALAR && ynode_scalar(n) == YS_NULL;
}

static const char *
type_name(const struct ynode *n)
{
	return n->type == Y_MAP ? "a mapping" :
	    n->type == Y_SEQ ? "a list" : "a string";
}

static int
want_string(const char *name, const char *key, const struct ynode *v)
{
	if (v->type != Y_SCALAR) {
		diag_error(EXIT_DATAERR, name, v->pos, "%s must be a string, not %s", key,
		    type_name(v));
		return -1;
	}
	return 0;
}

/*
 * The text of a scalar for an entry: a copy of its own, or, for a view
 * (an entry that lives in the tree's arena), the tree's own.
 */
static char *
text_of(const struct ynode *v, struct arena *view)
{
	return view != NULL ? v->s : xstrndup(v->s, v->len);
}

static int
take_string(const char *name, const char *key, const struct ynode *v,
    char **dst, struct arena *view)
{
	if (want_string(name, key, v) != 0)
		return -1;
	*dst = text_of(v, view);
	return 0;
}

static int
take_list(const char *name, const char *key, const struct ynode *v,
    struct strlist *dst, struct arena *view)
{
	if (v->type != Y_SEQ) {
		diag_error(EXIT_DATAERR, name, v->pos,
		    "%s must be a list of strings, e.g. [a, b], not %s", key,
		    type_name(v));
		return -1;
	}
	for (size_t i = 0; i < v->nkids; i++)
		if (v->kids[i].type != Y_SCALAR || is_null(&v->kids[i]) ||
		    v->kids[i].len == 0) {
			diag_error(EXIT_DATAERR, name, v->kids[i].pos,
			    "each item of %s must be a non-empty string", key);
			return -1;
		}
	dst->v = view != NULL ? arena_alloc(view, v->nkids * sizeof(*dst->v)) :
	    xreallocarray(NULL, v->nkids, sizeof(*dst->v));
	for (size_t i = 0; i < v->nkids; i++)
		dst->v[i] = text_of(&v->kids[i], view);
	dst->n = v->nkids;
	return 0;
}

static int
take_part(const char *name, const struct ynode *v, long *dst)
{
	if (v->type == Y_SCALAR && v->plain && part_parse(v->s, dst))
		return 0;
	diag_error(EXIT_DATAERR, name, v->pos, "part must be a whole number "
	    "from 1 to %d, not '%s'", PART_MAX, v->type == Y_SCALAR ? v->s :
	    type_name(v));
	return -1;
}

/* A YAML boolean as YAML 1.2's core schema spells it: true or false. */
static int
take_bool(const char *name, const char *key, const struct ynode *v, bool *dst)
{
	if (v->type == Y_SCALAR && v->plain && (strcmp(v->s, "true") == 0 ||
	    strcmp(v->s, "false") == 0)) {
		*dst = strcmp(v->s, "true") == 0;
		return 0;
	}
	if (v->type == Y_SCALAR)
		diag_error(EXIT_DATAERR, name, v->pos, "%s must be true or "
		    "false, not '%s'", key, v->s);
	else
		diag_error(EXIT_DATAERR, name, v->pos, "%s must be true or "
		    "false, not %s", key, type_name(v));
	return -1;
}

static int
take_field(const char *name, enum field f, const struct ynode *v,
    struct entry *e, struct arena *view)
{
	int rc;

	e->pos[f] = v->pos;
	switch (f) {
	case F_DATE:
		if ((rc = want_string(name, "date", v)) != 0)
			return rc;
		rc = date_parse_entry(v->s, &e->date) ? 0 : -1;
		if (rc != 0)
			diag_error(EXIT_DATAERR, name, v->pos, "bad date '%s': expected "
			    "YYYY-MM-DD or YYYY-MM-DD HH:MM", v->s);
		return rc;
	case F_PART:
		return take_part(name, v, &e->part);
	case F_TAGS:
		return take_list(name, "tags", v, &e->tags, view);
	case F_NEXT:
		return take_list(name, "next", v, &e->next, view);
	case F_TITLE:
		return take_string(name, "title", v, &e->title, view);
	case F_SERIES:
		return take_string(name, "series", v, &e->series, view);
	case F_CLIENT:
		return take_string(name, "client", v, &e->client, view);
	case F_CONTACT:
		return take_string(name, "contact", v, &e->contact, view);
	case F_STAFF:
		return take_string(name, "staff", v, &e->staff, view);
	case F_RESULT:
		return take_string(name, "result", v, &e->result, view);
	case F_AUTHOR:
		return take_string(name, "author", v, &e->author, view);
	case F_DRAFT:	return take_bool(name, "draft", v, &e->draft);
	case F_BODY:
		return take_string(name, "body", v, &e->body, view);
	case F_COUNT:
		break;
	}
	abort();
}

/* The first byte tells most names apart: each key of a file is looked up. */
static int
field_lookup(const char *key)
{
	for (int f = 0; f < F_COUNT; f++)
		if (key[0] == field_names[f][0] &&
		    strcmp(key, field_names[f]) == 0)
			return f;
	return -1;
}

/* Rules across fields, shared by files and the command line. */
static int
check_rules(const char *name, const struct entry *e, struct pos where)
{
	int rc = 0;

	if (e->pos[F_DATE].line == 0 && e->date.year == 0) {
		diag_error(EXIT_DATAERR, name, where, "missing required key 'date'");
		rc = -1;
	}
	if (e->title == NULL && e->pos[F_TITLE].line != 0)
		rc = -1;	/* not a string: reported already */
	else if (e->title == NULL) {
		diag_error(EXIT_DATAERR, name, where, "missing required key 'title'");
		rc = -1;
	} else if (e->title[strspn(e->title, " \t\n")] == '\0') {
		diag_error(EXIT_DATAERR, name, e->pos[F_TITLE], "title is empty");
		rc = -1;
	} else if (strchr(e->title, '\n') != NULL) {
		diag_error(EXIT_DATAERR, name, e->pos[F_TITLE], "title must be one line");
		rc = -1;
	}
	if (e->series != NULL && !slug_valid(e->series)) {
		diag_error(EXIT_DATAERR, name, e->pos[F_SERIES], "bad series '%s': a series "
		    "name is lower-case letters, digits and '-'", e->series);
		rc = -1;
	}
	if (e->part != 0 && e->series == NULL) {
		diag_error(EXIT_DATAERR, name, e->pos[F_PART], "part without series");
		rc = -1;
	}
	return rc;
}

int
entry_validate(const char *name, const struct entry *e)
{
	struct pos none = { 0, 0 };
	const char *strs[] = { e->title, e->series, e->client, e->contact,
	    e->staff, e->result, e->author, e->body };
	const struct strlist *lists[] = { &e->tags, &e->next };
	int rc = check_rules(name, e, none);

	/* What the file loader checks, for text from the command line. */
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		if (strs[i] != NULL &&
		    text_check(name, none, strs[i], strlen(strs[i])) != 0)
			rc = -1;
	for (size_t i = 0; i < 2; i++)
		for (size_t j = 0; j < lists[i]->n; j++)
			if (text_check(name, none, lists[i]->v[j],
			    strlen(lists[i]->v[j])) != 0)
				rc = -1;
	return rc;
}

/*
 * entry_from_node, or with view an entry whose strings and arrays are
 * the tree's or in its arena (see entry_view_reusing).
 */
static int
from_node(const char *name, struct ynode *root, struct entry *e, bool partial,
    struct arena *view)
{
	int rc = 0;

	if (root->type != Y_MAP) {
		diag_error(EXIT_DATAERR, name, root->pos,
		    "an entry must be a mapping of keys to values, not %s",
		    type_name(root));
		return -1;
	}
	for (size_t i = 0; i + 1 < root->nkids; i += 2) {
		struct ynode *k = &root->kids[i], *v = &root->kids[i + 1];
		int f = field_lookup(k->s);

		if (f >= 0) {
			/* A blank optional field is as good as absent. */
			if (is_null(v) && f != F_DATE && f != F_TITLE)
				continue;
			if (take_field(name, (enum field)f, v, e, view) != 0)
				rc = -1;
		} else if (partial && strcmp(k->s, "id") == 0) {
			/* export writes the ID; add -F makes a new one. */
			continue;
		} else if (strncmp(k->s, "x-", 2) == 0) {
			/* Doubling: a file may hold a hundred thousand. */
			if ((e->nx & (e->nx - 1)) == 0 && view != NULL) {
				struct xfield *x = arena_alloc(view,
				    (e->nx ? 2 * e->nx : 1) * sizeof(*x));

				if (e->nx > 0)
					memcpy(x, e->x, e->nx * sizeof(*x));
				e->x = x;
			} else if ((e->nx & (e->nx - 1)) == 0)
				e->x = xreallocarray(e->x, e->nx ? 2 * e->nx :
				    1, sizeof(*e->x));
			e->x[e->nx].key = text_of(k, view);
			if (view != NULL)
				e->x[e->nx].value = *v;
			else
				ynode_dup(&e->x[e->nx].value, v);
			e->nx++;
		} else {
			const char *hint = suggest(k->s, field_names, F_COUNT);

			if (hint != NULL)
				diag_error(EXIT_DATAERR, name, k->pos, "unknown key '%s' "
				    "(did you mean '%s'?)", k->s, hint);
			else
				diag_error(EXIT_DATAERR, name, k->pos, "unknown key '%s' "
				    "(keys beginning with x- are kept and "
				    "ignored)", k->s);
			rc = -1;
		}
	}
	if (!partial && check_rules(name, e, root->pos) != 0)
		rc = -1;
	return rc;
}

int
entry_from_node(const char *name, struct ynode *root, struct entry *e,
    bool partial)
{
	return from_node(name, root, e, partial, NULL);
}

/*
 * The document's tree in arena a, emptied first: an entry of its own,
 * or a view that lives in a.
 */
static int
load_in(const char *name, const char *buf, size_t len, struct entry *e,
    bool partial, struct arena *a, bool view)
{
	struct ynode root;
	int rc;

	arena_reset(a);
	if ((rc = yaml_load_in(name, buf, len, &root, a)) == 0)
		rc = from_node(name, &root, e, partial, view ? a : NULL);
	return rc;
}

int
entry_load_buf(const char *name, const char *buf, size_t len, struct entry *e,
    bool partial)
{
	struct arena a = ARENA_INIT;
	int rc = load_in(name, buf, len, e, partial, &a, false);

	arena_free(&a);
	return rc;
}

void
entry_reuse_free(struct entry_reuse *r)
{
	buf_free(&r->file);
	arena_free(&r->tree);
}

int
entry_load_at(int dirfd, const char *name, const char *path, struct entry *e)
{
	struct entry_reuse r = ENTRY_REUSE_INIT;
	int rc = entry_load_reusing(dirfd, name, path, e, &r);

	entry_reuse_free(&r);
	return rc;
}

/* The entry in buf (the file at path, named name) into e. */
static int
load_bytes(const char *name, const char *path, const char *buf, size_t len,
    struct entry *e, struct entry_reuse *r, bool view)
{
	const char *base = strrchr(name, '/');
	size_t blen;
	int rc;

	rc = load_in(path, buf, len, e, false, &r->tree, view);
	if (rc != 0) {
		if (view)
			entry_init(e);
		else
			entry_free(e);
		return rc;
	}
	base = base ? base + 1 : name;
	blen = strlen(base);
	if (blen > 5 && strcmp(base + blen - 5, ".yaml") == 0)
		blen -= 5;
	if (view) {
		e->path = arena_strdup(&r->tree, path);
		e->id = arena_strndup(&r->tree, base, blen);
	} else {
		e->path = xstrdup(path);
		e->id = xstrndup(base, blen);
	}
	return 0;
}

/* An entry file into e, of its own or a view. */
static int
load_file(int dirfd, const char *name, const char *path, struct entry *e,
    struct entry_reuse *r, bool view)
{
	int rc;

	/* A view's file comes from a walk that saw it regular. */
	if ((rc = (view ? file_read_regular : file_read_buf)(dirfd, name, path,
	    ENTRY_MAX_FILE, &r->file)) != 0)
		return rc;
	return load_bytes(name, path, r->file.s, r->file.len, e, r, view);
}

int
entry_load_reusing(int dirfd, const char *name, const char *path,
    struct entry *e, struct entry_reuse *r)
{
	return load_file(dirfd, name, path, e, r, false);
}

int
entry_view_reusing(int dirfd, const char *name, const char *path,
    struct entry *view, struct entry_reuse *r)
{
	entry_init(view);
	return load_file(dirfd, name, path, view, r, true);
}

int
entry_view_ahead(struct readahead *ra, struct dircache *dc, const char *path,
    struct entry *view, struct entry_reuse *r)
{
	const struct buf *file = ra != NULL ? readahead_next(ra) : NULL;
	const char *name;
	int dirfd;

	if (file != NULL) {
		entry_init(view);
		return load_bytes(path, path, file->s, file->len, view, r,
		    true);
	}
	if ((dirfd = dircache_at(dc, path, &name)) == -1) {
		fsio_open_failed(path, errno);
		return -1;
	}
	return entry_view_reusing(dirfd, name, path, view, r);
}

int
entry_view_buf(const char *name, const char *buf, size_t len,
    struct entry *view, struct arena *a)
{
	entry_init(view);
	if (load_in(name, buf, len, view, false, a, true) == 0)
		return 0;
	entry_init(view);
	return -1;
}

int
entry_load(const char *path, struct entry *e)
{
	return entry_load_at(AT_FDCWD, path, path, e);
}

int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;
	int c = date_cmp(&x->date, &y->date);

	if (c != 0)
		return c;
	return strcmp(x->id ? x->id : "", y->id ? y->id : "");
}

struct entry *
entry_read(const char *path)
{
	struct entry *e = xmalloc(sizeof(*e));

	entry_init(e);
	if (entry_load(path, e) != 0) {
		free(e);
		return NULL;
	}
	return e;
}

void
entry_list_add(struct entry_list *list, struct entry *e)
{
	/* Capacity is the next power of two, at least 16. */
	if (list->n >= 16 && (list->n & (list->n - 1)) == 0)
		list->v = xreallocarray(list->v, list->n * 2, sizeof(*list->v));
	else if (list->n == 0)
		list->v = xreallocarray(list->v, 16, sizeof(*list->v));
	list->v[list->n++] = e;
}

void
entry_list_free(struct entry_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		entry_free(list->v[i]);
		free(list->v[i]);
	}
	free(list->v);
	list->v = NULL;
	list->n = 0;
}
