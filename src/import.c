#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "import.h"
#include "import_jrnl.h"
#include "json_read.h"
#include "yaml_read.h"

/* The batch being read, and the worst problem met reading it. */
struct reading {
	const char		*name;
	struct entry_list	*b;
	int			 rc;
};

/* Keys that export writes besides the entry's own: dropped. */
static const char *const yaml_extra[] = { "id", NULL };
static const char *const json_extra[] = { "id", "path", NULL };

static void
drop_keys(struct ynode *map, const char *const *keys)
{
	if (map->type != Y_MAP)
		return;
	for (size_t i = 0; i + 1 < map->nkids; ) {
		const char *const *k;

		for (k = keys; *k != NULL; k++)
			if (strcmp(map->kids[i].s, *k) == 0)
				break;
		if (*k == NULL) {
			i += 2;
			continue;
		}
		ynode_free(&map->kids[i]);
		ynode_free(&map->kids[i + 1]);
		memmove(&map->kids[i], &map->kids[i + 2],
		    (map->nkids - i - 2) * sizeof(*map->kids));
		map->nkids -= 2;
	}
}

/* One entry from its tree; an invalid one only sets r->rc. */
static void
take_entry(struct reading *r, struct ynode *root)
{
	struct entry *e = xmalloc(sizeof(*e));

	entry_init(e);
	if (entry_from_node(r->name, root, e, false) != 0) {
		entry_free(e);
		free(e);
		r->rc = -1;
		return;
	}
	entry_list_add(r->b, e);
}

/* --- YAML --- */

static int
yaml_doc(struct ynode *doc, void *arg)
{
	drop_keys(doc, yaml_extra);
	take_entry(arg, doc);
	return 0;
}

/*
 * One parser over the whole stream (yaml_load_stream): positions are
 * the stream's, and a refused document does not stop the others from
 * being checked; a syntax error does, as libyaml cannot go on.
 */
static void
read_yaml(struct reading *r, const char *buf, size_t len)
{
	int rc;

	if ((rc = yaml_load_stream(r->name, buf, len, yaml_doc, r)) != 0)
		r->rc = rc;
}

/* --- JSON --- */

static int
jrnl_doc(struct ynode *entry, void *arg)
{
	take_entry(arg, entry);
	return 0;
}

/*
 * "[" begins an array of entries; "{" one jrnl export or JSON Lines, an
 * object a line.  An array's entries sit one level deeper than a line's,
 * so the depth cap lets both hold what an entry file may.
 */
static void
read_json(struct reading *r, const char *buf, size_t len, bool array)
{
	struct json_reader jr;
	struct ynode v;
	int line = 0;

	json_reader_init(&jr, r->name, buf, len, YAML_MAX_DEPTH + array);
	while (!json_at_end(&jr)) {
		if (line != 0 && (array || jr.at.line == line)) {
			diag_error(EXIT_DATAERR, r->name, jr.at, "invalid JSON: %s",
			    array ? "more after the array" :
			    "expected one object a line");
			r->rc = -1;
			return;
		}
		if (json_read_value(&jr, &v) != 0) {
			r->rc = -1;
			return;
		}
		line = jr.at.line;
		if (array && v.type == Y_SEQ) {
			for (size_t i = 0; i < v.nkids; i++) {
				drop_keys(&v.kids[i], json_extra);
				take_entry(r, &v.kids[i]);
			}
		} else if (!array && jrnl_is_export(&v) && json_at_end(&jr) &&
		    r->b->n == 0 && r->rc == 0) {
			if (jrnl_read(r->name, &v, jrnl_doc, r) != 0)
				r->rc = -1;
		} else {
			drop_keys(&v, json_extra);
			take_entry(r, &v);
		}
		ynode_free(&v);
	}
}

/* --- the parts of the input --- */

struct part_ref {
	const struct entry	*e;
	size_t			 i;	/* its place in the input */
};

/* By series, part, then place in the input. */
static int
part_cmp(const void *a, const void *b)
{
	const struct part_ref *x = a, *y = b;
	int c;

	if ((c = strcmp(x->e->series, y->e->series)) != 0)
		return c;
	if (x->e->part != y->e->part)
		return x->e->part < y->e->part ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Two entries of the input with one series part: a data error, told
 * at each later entry, in input order, naming the first.  Sorted, not
 * compared pairwise: an input of tens of thousands of parts is common
 * (a whole store exported).
 */
static int
check_parts(const char *name, const struct entry_list *b)
{
	struct part_ref *v;
	size_t *first, n = 0;
	int rc = 0;

	if (b->n == 0)
		return 0;
	v = xreallocarray(NULL, b->n, sizeof(*v));
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i]->part != 0) {	/* part implies series */
			v[n].e = b->v[i];
			v[n++].i = i;
		}
	if (n > 1)
		qsort(v, n, sizeof(*v), part_cmp);
	/* first[i]: 1 + the place of the first entry with i's part, or 0. */
	first = xcalloc(b->n, sizeof(*first));
	for (size_t k = 1, start = 0; k < n; k++) {
		if (v[start].e->part != v[k].e->part ||
		    strcmp(v[start].e->series, v[k].e->series) != 0)
			start = k;
		else
			first[v[k].i] = v[start].i + 1;
	}
	for (size_t i = 0; i < b->n; i++) {
		const struct entry *e = b->v[i], *o;

		if (first[i] == 0)
			continue;
		o = b->v[first[i] - 1];
		diag_error(EXIT_DATAERR, name, e->pos[F_PART], "part %ld of series '%s' is "
		    "given twice (also at line %d)", e->part, e->series,
		    o->pos[F_PART].line);
		rc = -1;
	}
	free(first);
	free(v);
	return rc;
}

/* --- the batch --- */

enum import_format
import_format(const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	while (i < len && (buf[i] == ' ' || buf[i] == '\t' ||
	    buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i < len && buf[i] == '[')
		return IMPORT_JSON_ARRAY;
	if (i < len && buf[i] == '{')
		return IMPORT_JSON_OBJECTS;
	return IMPORT_YAML;
}

int
import_read(const char *name, const char *buf, size_t len,
    struct entry_list *b)
{
	struct reading r;

	memset(b, 0, sizeof(*b));
	r.name = name;
	r.b = b;
	r.rc = 0;
	switch (import_format(buf, len)) {
	case IMPORT_JSON_ARRAY:
		read_json(&r, buf, len, true);
		break;
	case IMPORT_JSON_OBJECTS:
		read_json(&r, buf, len, false);
		break;
	case IMPORT_YAML:
		read_yaml(&r, buf, len);
		break;
	}
	/* Parts given twice only among entries that are all valid. */
	if (r.rc == 0)
		r.rc = check_parts(name, b);
	if (r.rc != 0)
		entry_list_free(b);
	return r.rc;
}

