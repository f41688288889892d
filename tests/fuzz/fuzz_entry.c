/*
 * libFuzzer target: the entry loader (encoding checks, libyaml's events,
 * the node tree, the schema) on arbitrary bytes.  An entry that loads is
 * written back with the emitter and must load again with the same values
 * (quoting may change): editing never drops or changes what a user
 * wrote.  Run by `make fuzz` (mk/fuzz.mk).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "yaml_write.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static bool
str_eq(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static bool
list_eq(const struct strlist *a, const struct strlist *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			return false;
	return true;
}

static bool
node_eq(const struct ynode *a, const struct ynode *b)
{
	if (a->type != b->type || a->len != b->len || a->nkids != b->nkids ||
	    (a->len > 0 && memcmp(a->s, b->s, a->len) != 0))
		return false;
	for (size_t i = 0; i < a->nkids; i++)
		if (!node_eq(&a->kids[i], &b->kids[i]))
			return false;
	return true;
}

/* The same values, whatever their quoting. */
static bool
entry_eq(const struct entry *a, const struct entry *b)
{
	if (date_cmp(&a->date, &b->date) != 0 ||
	    a->date.has_time != b->date.has_time || a->part != b->part ||
	    !str_eq(a->title, b->title) || !str_eq(a->series, b->series) ||
	    !str_eq(a->client, b->client) || !str_eq(a->contact, b->contact) ||
	    !str_eq(a->staff, b->staff) || !str_eq(a->result, b->result) ||
	    !str_eq(a->body, b->body) || !list_eq(&a->tags, &b->tags) ||
	    !list_eq(&a->next, &b->next) || a->nx != b->nx)
		return false;
	for (size_t i = 0; i < a->nx; i++)
		if (strcmp(a->x[i].key, b->x[i].key) != 0 ||
		    !node_eq(&a->x[i].value, &b->x[i].value))
			return false;
	return true;
}

/* Emit e and load the result: it must load, with the same values. */
static void
round_trip(const struct entry *e)
{
	struct buf once = BUF_INIT, twice = BUF_INIT;
	struct entry again;

	entry_to_yaml(e, false, false, &once);
	entry_init(&again);
	if (entry_load_buf("emitted.yaml", once.s, once.len, &again,
	    false) != 0) {
		fprintf(stderr, "emitted entry does not load:\n%s\n%s\n",
		    buf_str(&once), buf_str(diag_sink));
		abort();
	}
	if (!entry_eq(e, &again)) {
		entry_to_yaml(&again, false, false, &twice);
		fprintf(stderr, "round trip changed the entry:\n%s\n--\n%s\n",
		    buf_str(&once), buf_str(&twice));
		abort();
	}
	entry_free(&again);
	buf_free(&once);
	buf_free(&twice);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf msgs = BUF_INIT;
	struct entry e;

	if (size > ENTRY_MAX_FILE)
		return 0;
	diag_sink = &msgs;
	entry_init(&e);
	if (entry_load_buf("fuzz.yaml", (const char *)data, size, &e,
	    false) == 0)
		round_trip(&e);
	entry_free(&e);
	/* The partial mode of add -F takes the other branch of the rules. */
	entry_init(&e);
	(void)entry_load_buf("fuzz.yaml", (const char *)data, size, &e, true);
	entry_free(&e);
	diag_sink = NULL;
	buf_free(&msgs);
	return 0;
}
