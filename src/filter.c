#include <stdlib.h>
#include <string.h>

#include "comments.h"
#include "entry.h"
#include "filter.h"

void
filter_load(struct filter *f, const struct store *st)
{
	struct strlist ids;

	if (f->approval == 0)
		return;
	comments_approved(st, &ids);
	f->approved = ids.v;
	f->napproved = ids.n;
}

void
filter_free(struct filter *f)
{
	struct strlist ids = { f->approved, f->napproved };

	strlist_free(&ids);
	f->approved = NULL;
	f->napproved = 0;
}

static int
cmp_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* Substring search with ASCII letters folded, at character boundaries. */
static bool
text_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return true;
	for (const char *h = hay; *h; h++) {
		size_t i;

		/* Only at the start of a character: no match inside one. */
		if (((unsigned char)*h & 0xC0) == 0x80)
			continue;
		for (i = 0; i < n && h[i] && fold((unsigned char)h[i]) ==
		    fold((unsigned char)needle[i]); i++)
			;
		if (i == n)
			return true;
	}
	return false;
}

bool
filter_match(const struct filter *f, const struct entry *e)
{
	if (f->series && (e->series == NULL || strcmp(f->series, e->series)))
		return false;
	if (f->client && (e->client == NULL || strcmp(f->client, e->client)))
		return false;
	if (f->has_since && date_cmp_day(&e->date, &f->since) < 0)
		return false;
	if (f->has_until && date_cmp_day(&e->date, &f->until) > 0)
		return false;
	if (f->tag) {
		size_t i;

		for (i = 0; i < e->tags.n && strcmp(e->tags.v[i], f->tag); i++)
			;
		if (i == e->tags.n)
			return false;
	}
	if (f->grep && !text_contains(e->title, f->grep) &&
	    (e->body == NULL || !text_contains(e->body, f->grep)))
		return false;
	if (f->approval != 0 && (bsearch(&e->id, f->approved, f->napproved,
	    sizeof(*f->approved), cmp_id) != NULL) != (f->approval > 0))
		return false;
	return true;
}

void
filter_apply(const struct filter *f, struct entry_list *l)
{
	size_t kept = 0, skip;

	for (size_t i = 0; i < l->n; i++) {
		if (filter_match(f, l->v[i]))
			l->v[kept++] = l->v[i];
		else {
			entry_free(l->v[i]);
			free(l->v[i]);
		}
	}
	l->n = kept;
	if (f->last > 0 && (size_t)f->last < l->n) {
		skip = l->n - (size_t)f->last;
		for (size_t i = 0; i < skip; i++) {
			entry_free(l->v[i]);
			free(l->v[i]);
		}
		memmove(l->v, l->v + skip, (size_t)f->last * sizeof(*l->v));
		l->n = (size_t)f->last;
	}
}
