/* Names replaced by aliases for publishing (redact.h). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "redact.h"
#include "settings.h"
#include "yaml_read.h"

/* The kinds of name, in the order an entry's fields give them. */
enum kind { K_CLIENT, K_CONTACT, K_STAFF, K_COUNT };

static void
alias_set(struct aliases *a, const char *name, const char *alias)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i].name, name) == 0) {
			free(a->v[i].alias);
			a->v[i].alias = xstrdup(alias);
			return;
		}
	a->v = xreallocarray(a->v, a->n + 1, sizeof(*a->v));
	a->v[a->n].name = xstrdup(name);
	a->v[a->n].alias = xstrdup(alias);
	a->n++;
}

int
aliases_from_node(const char *path, const struct ynode *map,
    struct aliases *a)
{
	int rc = 0;

	if (map->type != Y_MAP) {
		diag_error(EXIT_DATAERR, path, map->pos, "aliases must be a "
		    "mapping of names to aliases, such as 'T社: A社'");
		return -1;
	}
	for (size_t i = 0; i + 1 < map->nkids; i += 2) {
		const struct ynode *k = &map->kids[i], *v = &map->kids[i + 1];
		char *alias = NULL;

		if (k->len == 0 || memchr(k->s, '\n', k->len) != NULL) {
			diag_error(EXIT_DATAERR, path, k->pos, "a name to "
			    "replace must be one line, not empty");
			rc = -1;
		} else if (settings_string(path, k->s, v, SETTING_ONE_LINE,
		    &alias) != 0)
			rc = -1;
		else if (strstr(alias, k->s) != NULL) {
			diag_error(EXIT_DATAERR, path, v->pos, "the alias of "
			    "'%s' must not contain it", k->s);
			rc = -1;
		} else
			alias_set(a, k->s, alias);
		free(alias);
	}
	return rc;
}

int
aliases_load(const char *path, struct aliases *a)
{
	struct ynode root;
	int rc;

	if ((rc = settings_read(path, ENTRY_MAX_FILE, false, &root)) == 0)
		rc = aliases_from_node(path, &root, a);
	ynode_free(&root);
	return rc;
}

void
aliases_merge(struct aliases *a, const struct aliases *b)
{
	for (size_t i = 0; i < b->n; i++)
		alias_set(a, b->v[i].name, b->v[i].alias);
}

void
aliases_free(struct aliases *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].alias);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

/* A name found in a field, before it has an alias. */
struct found {
	const char	*name;		/* borrowed from an entry */
	enum kind	 kind;
};

struct redactor {
	struct aliases	 all;		/* the mapping given, then found */
	struct found	*found;
	size_t		 nfound;
	const struct alias **by_len;	/* all, longest name first */
};

static bool
known(const struct redactor *r, const char *name)
{
	for (size_t i = 0; i < r->all.n; i++)
		if (strcmp(r->all.v[i].name, name) == 0)
			return true;
	for (size_t i = 0; i < r->nfound; i++)
		if (strcmp(r->found[i].name, name) == 0)
			return true;
	return false;
}

static void
find(struct redactor *r, const char *name, enum kind kind)
{
	if (name == NULL || *name == '\0' || known(r, name))
		return;
	r->found = xreallocarray(r->found, r->nfound + 1, sizeof(*r->found));
	r->found[r->nfound].name = name;
	r->found[r->nfound].kind = kind;
	r->nfound++;
}

/* Whether alias contains a name, or is already some name's alias. */
static bool
taken(const struct redactor *r, const char *alias)
{
	for (size_t i = 0; i < r->all.n; i++)
		if (strstr(alias, r->all.v[i].name) != NULL ||
		    strcmp(alias, r->all.v[i].alias) == 0)
			return true;
	for (size_t i = 0; i < r->nfound; i++)
		if (strstr(alias, r->found[i].name) != NULL)
			return true;
	return false;
}

/* Letters as spreadsheet columns count: A … Z, AA, AB … */
static void
add_letters(struct buf *b, size_t n)
{
	char s[16];
	size_t at = sizeof(s);

	s[--at] = '\0';
	do {
		s[--at] = (char)('A' + n % 26);
		n = n / 26;
	} while (n-- > 0 && at > 0);
	buf_adds(b, s + at);
}

/* The next free alias of kind: A社, then B社, ... */
static void
next_alias(struct redactor *r, enum kind kind, enum lang lang,
    size_t *counter, struct buf *b)
{
	static const enum label tmpl[K_COUNT] = {
		LB_ALIAS_CLIENT, LB_ALIAS_CONTACT, LB_ALIAS_STAFF
	};
	const char *t = lang_label(lang, tmpl[kind]);
	const char *at = strstr(t, "%s");

	do {
		buf_reset(b);
		buf_add(b, t, (size_t)(at - t));
		add_letters(b, (*counter)++);
		buf_adds(b, at + 2);
	} while (taken(r, b->s));
}

static int
by_length(const void *a, const void *b)
{
	size_t x = strlen((*(const struct alias *const *)a)->name);
	size_t y = strlen((*(const struct alias *const *)b)->name);

	return x < y ? 1 : x > y ? -1 : 0;
}

/* Every name in s replaced, in one pass: an alias is never looked at again. */
static void
replace(const struct redactor *r, char **s)
{
	struct buf out = BUF_INIT;
	const char *p;
	bool changed = false;

	if (*s == NULL)
		return;
	for (p = *s; *p != '\0'; ) {
		size_t i, len = 0;

		for (i = 0; i < r->all.n; i++) {
			len = strlen(r->by_len[i]->name);
			if (strncmp(p, r->by_len[i]->name, len) == 0)
				break;
		}
		if (i < r->all.n) {
			buf_adds(&out, r->by_len[i]->alias);
			p += len;
			changed = true;
		} else
			buf_addc(&out, *p++);
	}
	if (changed) {
		free(*s);
		*s = buf_detach(&out);
	}
	buf_free(&out);
}

static void
replace_list(const struct redactor *r, struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		replace(r, &l->v[i]);
}

static int
part_order(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;

	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return entry_cmp(a, b);
}

/* A given alias that shows a name would publish it: refuse. */
static int
check_given(const struct redactor *r, size_t ngiven)
{
	int rc = 0;

	for (size_t i = 0; i < ngiven; i++)
		for (size_t j = 0; j < r->nfound; j++) {
			const struct alias *a = &r->all.v[i];

			if (strstr(a->alias, r->found[j].name) == NULL)
				continue;
			diag_fail(EXIT_DATAERR, "the alias '%s' of '%s' "
			    "contains the name '%s': nothing rendered",
			    a->alias, a->name, r->found[j].name);
			rc = -1;
		}
	return rc;
}

int
redact_entries(struct entry_list *l, const struct aliases *given,
    enum lang lang, char **extra, size_t nextra)
{
	struct redactor r;
	struct buf alias = BUF_INIT;
	size_t counter[K_COUNT] = { 0 };
	int rc;

	memset(&r, 0, sizeof(r));
	aliases_merge(&r.all, given);
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), part_order);
	for (size_t i = 0; i < l->n; i++) {
		find(&r, l->v[i]->client, K_CLIENT);
		find(&r, l->v[i]->contact, K_CONTACT);
		find(&r, l->v[i]->staff, K_STAFF);
	}
	if ((rc = check_given(&r, given->n)) != 0)
		goto out;
	for (size_t i = 0; i < r.nfound; i++) {
		next_alias(&r, r.found[i].kind, lang,
		    &counter[r.found[i].kind], &alias);
		alias_set(&r.all, r.found[i].name, alias.s);
	}
	r.by_len = xreallocarray(NULL, r.all.n + 1, sizeof(*r.by_len));
	for (size_t i = 0; i < r.all.n; i++)
		r.by_len[i] = &r.all.v[i];
	qsort(r.by_len, r.all.n, sizeof(*r.by_len), by_length);
	for (size_t i = 0; i < l->n; i++) {
		struct entry *e = l->v[i];

		replace(&r, &e->title);
		replace(&r, &e->client);
		replace(&r, &e->contact);
		replace(&r, &e->staff);
		replace_list(&r, &e->tags);
		replace(&r, &e->result);
		replace_list(&r, &e->next);
		replace(&r, &e->body);
	}
	for (size_t i = 0; i < nextra; i++)
		replace(&r, &extra[i]);
out:
	buf_free(&alias);
	free(r.by_len);
	free(r.found);
	aliases_free(&r.all);
	return rc;
}
