#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "import_jrnl.h"
#include "yaml_read.h"

/* Append key and value (moved out of val) to a mapping. */
static void
map_put(struct ynode *map, const char *key, struct ynode *val)
{
	struct ynode *k;

	map->kids = xreallocarray(map->kids, map->nkids + 2,
	    sizeof(*map->kids));
	k = &map->kids[map->nkids];
	memset(k, 0, sizeof(*k));
	k->type = Y_SCALAR;
	k->plain = true;
	k->s = xstrdup(key);
	k->len = strlen(key);
	k->pos = val->pos;
	k[1] = *val;
	memset(val, 0, sizeof(*val));
	map->nkids += 2;
}

/* A JSON string: json_read makes every other scalar a plain one. */
static bool
is_string(const struct ynode *n)
{
	return n != NULL && n->type == Y_SCALAR && !n->plain;
}

/* jrnl's tags begin with "@" (its default tag symbol); dailylog's do not. */
static void
jrnl_tags(struct ynode *tags, bool starred)
{
	bool have = false;

	for (size_t i = 0; i < tags->nkids; i++) {
		struct ynode *t = &tags->kids[i];

		if (is_string(t) && t->s[0] == '@') {
			memmove(t->s, t->s + 1, t->len);
			t->len--;
		}
		if (is_string(t) && strcmp(t->s, "starred") == 0)
			have = true;
	}
	if (starred && !have) {
		struct ynode star;

		memset(&star, 0, sizeof(star));
		star.type = Y_SCALAR;
		star.s = xstrdup("starred");
		star.len = 7;
		star.pos = tags->pos;
		tags->kids = xreallocarray(tags->kids, tags->nkids + 1,
		    sizeof(*tags->kids));
		tags->kids[tags->nkids++] = star;
	}
}

static int
jrnl_refuse(struct ynode *out)
{
	ynode_free(out);
	memset(out, 0, sizeof(*out));
	return -1;
}

int
jrnl_entry(const char *name, struct ynode *j, struct ynode *out)
{
	struct ynode *date = NULL, *time = NULL, *tags = NULL, none;
	bool starred = false;

	memset(out, 0, sizeof(*out));
	if (j->type != Y_MAP) {
		*out = *j;		/* entry_from_node says what is wrong */
		memset(j, 0, sizeof(*j));
		return 0;
	}
	out->type = Y_MAP;
	out->pos = j->pos;
	for (size_t i = 0; i + 1 < j->nkids; i += 2) {
		const char *k = j->kids[i].s;
		struct ynode *v = &j->kids[i + 1];

		if (strcmp(k, "date") == 0)
			date = v;
		else if (strcmp(k, "time") == 0)
			time = v;
		else if (strcmp(k, "tags") == 0)
			tags = v;
		else if (strcmp(k, "starred") == 0) {
			if (v->type != Y_SCALAR || !v->plain ||
			    (strcmp(v->s, "true") != 0 &&
			    strcmp(v->s, "false") != 0)) {
				diag_error(EXIT_DATAERR, name, v->pos,
				    "starred must be true or false");
				return jrnl_refuse(out);
			}
			starred = strcmp(v->s, "true") == 0;
		} else if (strcmp(k, "body") == 0 && is_string(v) &&
		    v->len == 0)
			continue;	/* jrnl's entry without a body */
		else if (strcmp(k, "title") == 0 || strcmp(k, "body") == 0)
			map_put(out, k, v);
		else {
			struct buf x = BUF_INIT;

			buf_addf(&x, "x-jrnl-%s", k);
			map_put(out, x.s, v);
			buf_free(&x);
		}
	}
	if (date != NULL && time != NULL) {
		if (!is_string(time)) {
			diag_error(EXIT_DATAERR, name, time->pos, "time must be a string "
			    "HH:MM");
			return jrnl_refuse(out);
		}
		/* A date that is not a string is left to entry_from_node. */
		if (is_string(date)) {
			struct buf d = BUF_INIT;

			buf_addf(&d, "%s %s", date->s, time->s);
			free(date->s);
			date->len = d.len;
			date->s = buf_detach(&d);
		}
	}
	if (date != NULL)
		map_put(out, "date", date);
	if (tags == NULL && starred) {
		memset(&none, 0, sizeof(none));
		none.type = Y_SEQ;
		none.pos = j->pos;
		tags = &none;
	}
	if (tags != NULL) {
		if (tags->type == Y_SEQ)
			jrnl_tags(tags, starred);
		map_put(out, "tags", tags);
	}
	return 0;
}

bool
jrnl_is_export(const struct ynode *root)
{
	return root->type == Y_MAP && ynode_get(root, "entries") != NULL;
}

int
jrnl_read(const char *name, struct ynode *root,
    int (*each)(struct ynode *, void *), void *arg)
{
	struct ynode *entries = NULL;
	int rc = 0;

	if (!jrnl_is_export(root)) {
		diag_error(EXIT_DATAERR, name, root->pos, "a jrnl export is an object with "
		    "entries");
		return -1;
	}
	/* Every unknown key is told, and the entries read all the same. */
	for (size_t i = 0; i + 1 < root->nkids; i += 2) {
		const char *k = root->kids[i].s;

		if (strcmp(k, "entries") == 0)
			entries = &root->kids[i + 1];
		else if (strcmp(k, "tags") != 0) {
			diag_error(EXIT_DATAERR, name, root->kids[i].pos, "unknown key "
			    "'%s' in a jrnl export (it has tags and entries)",
			    k);
			rc = -1;
		}
	}
	if (entries->type != Y_SEQ) {
		diag_error(EXIT_DATAERR, name, entries->pos,
		    "entries must be a list of jrnl entries");
		return -1;
	}
	for (size_t i = 0; i < entries->nkids; i++) {
		struct ynode e;
		int erc;

		if (jrnl_entry(name, &entries->kids[i], &e) != 0) {
			rc = -1;
			continue;
		}
		erc = each(&e, arg);
		ynode_free(&e);
		if (erc != 0)
			return erc;
	}
	return rc;
}
