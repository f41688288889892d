/* Entries merged field by field (merge.h). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "entry.h"
#include "merge.h"
#include "yaml_read.h"
#include "yaml_write.h"

void
merge_names(struct buf *b, const struct strlist *conflicts)
{
	for (size_t i = 0; i < conflicts->n; i++)
		buf_addf(b, "%s%s", i ? ", " : "", conflicts->v[i]);
	buf_adds(b, "");
}

bool
merge_is_entry_path(const char *rel)
{
	size_t n = strlen(rel);

	return strncmp(rel, "entries/", 8) == 0 && n > 13 &&
	    strcmp(rel + n - 5, ".yaml") == 0;
}

static bool
same_field(const struct entry *a, const struct entry *b, enum field f)
{
	char da[17], db[17];

	switch (f) {
	case F_DATE:
		if (a->date.year == 0 || b->date.year == 0)
			return a->date.year == b->date.year;
		return strcmp(date_format(&a->date, da),
		    date_format(&b->date, db)) == 0;
	case F_TITLE:	return text_same(a->title, b->title);
	case F_SERIES:	return text_same(a->series, b->series);
	case F_PART:	return a->part == b->part;
	case F_CLIENT:	return text_same(a->client, b->client);
	case F_CONTACT:	return text_same(a->contact, b->contact);
	case F_STAFF:	return text_same(a->staff, b->staff);
	case F_TAGS:	return strlist_same(&a->tags, &b->tags);
	case F_RESULT:	return text_same(a->result, b->result);
	case F_NEXT:	return strlist_same(&a->next, &b->next);
	case F_AUTHOR:	return text_same(a->author, b->author);
	case F_DRAFT:	return a->draft == b->draft;
	case F_BODY:	return text_same(a->body, b->body);
	case F_COUNT:
		break;
	}
	abort();
}

static void
move_str(char **dst, char **src)
{
	free(*dst);
	*dst = *src;
	*src = NULL;
}

static void
move_list(struct strlist *dst, struct strlist *src)
{
	strlist_free(dst);
	*dst = *src;
	src->v = NULL;
	src->n = 0;
}

/* Field f of src moved into dst. */
static void
move_field(struct entry *dst, struct entry *src, enum field f)
{
	switch (f) {
	case F_DATE:	dst->date = src->date; break;
	case F_TITLE:	move_str(&dst->title, &src->title); break;
	case F_SERIES:	move_str(&dst->series, &src->series); break;
	case F_PART:	dst->part = src->part; break;
	case F_CLIENT:	move_str(&dst->client, &src->client); break;
	case F_CONTACT:	move_str(&dst->contact, &src->contact); break;
	case F_STAFF:	move_str(&dst->staff, &src->staff); break;
	case F_TAGS:	move_list(&dst->tags, &src->tags); break;
	case F_RESULT:	move_str(&dst->result, &src->result); break;
	case F_NEXT:	move_list(&dst->next, &src->next); break;
	case F_AUTHOR:	move_str(&dst->author, &src->author); break;
	case F_DRAFT:	dst->draft = src->draft; break;
	case F_BODY:	move_str(&dst->body, &src->body); break;
	case F_COUNT:	break;
	}
}

static bool
has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

/*
 * Tags changed on both sides, as a set: those of base that neither side
 * removed, in base's order, then mine's new ones, then theirs'.
 */
static void
merge_tags(const struct strlist *base, const struct strlist *mine,
    const struct strlist *theirs, struct strlist *out)
{
	strlist_free(out);
	for (size_t i = 0; i < base->n; i++)
		if (has(mine, base->v[i]) && has(theirs, base->v[i]) &&
		    !has(out, base->v[i]))
			strlist_add(out, base->v[i]);
	for (size_t i = 0; i < mine->n; i++)
		if (!has(base, mine->v[i]) && !has(out, mine->v[i]))
			strlist_add(out, mine->v[i]);
	for (size_t i = 0; i < theirs->n; i++)
		if (!has(base, theirs->v[i]) && !has(out, theirs->v[i]))
			strlist_add(out, theirs->v[i]);
}

static struct xfield *
xget(const struct entry *e, const char *key)
{
	for (size_t i = 0; i < e->nx; i++)
		if (e->x[i].key != NULL && strcmp(e->x[i].key, key) == 0)
			return &e->x[i];
	return NULL;
}

/* x field x (may be NULL: the key is gone) moved to the end of dst's. */
static void
move_x(struct entry *dst, struct xfield *x)
{
	if (x == NULL)
		return;
	dst->x = xreallocarray(dst->x, dst->nx + 1, sizeof(*dst->x));
	dst->x[dst->nx++] = *x;
	x->key = NULL;
	memset(&x->value, 0, sizeof(x->value));
}

/* One x- key, by the rules of the fields; a conflict counts in *n. */
static void
merge_x(const struct entry *base, struct entry *mine, struct entry *theirs,
    const char *key, enum merge_side side, struct entry *result,
    struct strlist *conflicts, size_t *n)
{
	const struct xfield *b = xget(base, key);
	struct xfield *m = xget(mine, key), *t = xget(theirs, key);
	const struct ynode *bv = b ? &b->value : NULL;
	const struct ynode *mv = m ? &m->value : NULL;
	const struct ynode *tv = t ? &t->value : NULL;

	if (ynode_same(mv, tv) || ynode_same(tv, bv))
		move_x(result, m);
	else if (ynode_same(mv, bv))
		move_x(result, t);
	else {
		strlist_add(conflicts, key);
		(*n)++;
		move_x(result, side == MERGE_MINE ? m : t);
	}
}

/*
 * mine and theirs into result (empty at first); values are moved out of
 * mine and theirs, which are then only good for entry_free.  Returns the
 * number of conflicts.
 */
static size_t
merge_entries(const struct entry *base, struct entry *mine,
    struct entry *theirs, enum merge_side side, struct entry *result,
    struct strlist *conflicts)
{
	struct entry *from[F_COUNT];
	struct strlist keys = { NULL, 0 };
	bool conflict[F_COUNT] = { false }, tags_both = false;
	size_t n = 0;

	for (int f = 0; f < F_COUNT; f++) {
		if (same_field(mine, theirs, (enum field)f) ||
		    same_field(theirs, base, (enum field)f))
			from[f] = mine;
		else if (same_field(mine, base, (enum field)f))
			from[f] = theirs;
		else if (f == F_TAGS) {
			from[f] = mine;
			tags_both = true;
		} else {
			conflict[f] = true;
			from[f] = side == MERGE_MINE ? mine : theirs;
		}
	}
	/*
	 * A part needs its series: when either way of settling them could
	 * leave a part without one (one side left the series, the other
	 * renumbered), both conflict, and both come from the same side.
	 */
	for (int k = 0; k < 2; k++) {
		const struct entry *sv = conflict[F_SERIES] ?
		    (k ? theirs : mine) : from[F_SERIES];
		const struct entry *pv = conflict[F_PART] ?
		    (k ? theirs : mine) : from[F_PART];

		if (pv->part != 0 && sv->series == NULL) {
			conflict[F_SERIES] = conflict[F_PART] = true;
			from[F_SERIES] = from[F_PART] = side == MERGE_MINE ?
			    mine : theirs;
		}
	}
	for (int f = 0; f < F_COUNT; f++) {
		if (conflict[f]) {
			strlist_add(conflicts, field_names[f]);
			n++;
		}
		if (f == F_TAGS && tags_both)
			merge_tags(&base->tags, &mine->tags, &theirs->tags,
			    &result->tags);
		else
			move_field(result, from[f], (enum field)f);
	}
	/* x- keys: mine's order, then theirs' new ones, then base's. */
	for (size_t i = 0; i < mine->nx; i++)
		strlist_add(&keys, mine->x[i].key);
	for (size_t i = 0; i < theirs->nx; i++)
		if (!has(&keys, theirs->x[i].key))
			strlist_add(&keys, theirs->x[i].key);
	for (size_t i = 0; i < base->nx; i++)
		if (!has(&keys, base->x[i].key))
			strlist_add(&keys, base->x[i].key);
	for (size_t i = 0; i < keys.n; i++)
		merge_x(base, mine, theirs, keys.v[i], side, result, conflicts,
		    &n);
	strlist_free(&keys);
	return n;
}

/* One version of the file, named for messages by which one it is. */
static int
load_version(const char *name, const char *which, const char *text,
    size_t len, struct entry *e)
{
	struct buf label = BUF_INIT;
	int rc;

	buf_addf(&label, "%s (%s)", name, which);
	rc = entry_load_buf(label.s, text, len, e, false);
	buf_free(&label);
	return rc;
}

int
merge_texts(const char *name, const char *base, size_t baselen,
    const char *mine, size_t minelen, const char *theirs, size_t theirslen,
    enum merge_side side, struct buf *out, struct strlist *conflicts)
{
	struct entry b, m, t, r, check;
	size_t n = 0;
	int rc = 0;

	entry_init(&b);
	entry_init(&m);
	entry_init(&t);
	entry_init(&r);
	entry_init(&check);
	if ((base != NULL && load_version(name, "their common version", base,
	    baselen, &b) != 0) ||
	    load_version(name, "this side's version", mine, minelen, &m) != 0 ||
	    load_version(name, "the other side's version", theirs, theirslen,
	    &t) != 0)
		rc = -1;
	if (rc == 0) {
		n = merge_entries(&b, &m, &t, side, &r, conflicts);
		entry_to_yaml(&r, false, false, out);
		/* What a writer writes passes the loader and its limits. */
		if (out->len > ENTRY_MAX_FILE) {
			diag_error(EXIT_DATAERR, name, nopos, "the merged "
			    "entry is larger than the limit of %d KiB",
			    ENTRY_MAX_FILE / 1024);
			rc = -1;
		} else if (entry_load_buf(name, out->s, out->len, &check,
		    false) != 0)
			rc = -1;
	}
	entry_free(&b);
	entry_free(&m);
	entry_free(&t);
	entry_free(&r);
	entry_free(&check);
	return rc != 0 ? -1 : n > 0;
}
