/*
 * dailylog __complete WHAT: live values for the shell completion
 * scripts (completion/), one a line, and nothing else: the commands,
 * the render formats, the series slugs, their SERIES:PART references,
 * recent IDs (newest first), clients, contacts, staff, authors, tags,
 * templates.  Hidden from the usage.  The scripts throw stderr away: a
 * completion must never print into the user's command line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "entry.h"
#include "index.h"
#include "output.h"
#include "render.h"
#include "store.h"
#include "template.h"
#include "text.h"
#include "walk.h"

#define RECENT_IDS	100

enum listing {
	L_COMMANDS, L_FORMATS, L_SERIES, L_REFS, L_IDS, L_CLIENTS,
	L_CONTACTS, L_STAFF, L_AUTHORS, L_TAGS, L_TEMPLATES, L_COUNT
};

static const char *const names[L_COUNT] = {
	"commands", "formats", "series", "refs", "ids", "clients",
	"contacts", "staff", "authors", "tags", "templates"
};

/* Values that contain no newline and nothing unsafe are worth offering. */
static bool
offerable(const char *s)
{
	return s != NULL && *s != '\0' && strchr(s, '\n') == NULL &&
	    text_find_control(s, strlen(s)) == NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Print the strings sorted, each once. */
static void
print_unique(const char **v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_str);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(v[i], v[i - 1]) != 0)
			puts(v[i]);
}

/* The field of each entry that the listing names: its tags, or one. */
static void
print_field(const struct entry_list *l, enum listing what)
{
	const char **v = NULL;
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];
		size_t k = what == L_TAGS ? e->tags.n : 1;

		v = xreallocarray(v, n + k, sizeof(*v));
		for (size_t j = 0; j < k; j++) {
			const char *s = what == L_TAGS ? e->tags.v[j] :
			    what == L_CLIENTS ? e->client :
			    what == L_CONTACTS ? e->contact :
			    what == L_STAFF ? e->staff : e->author;

			if (offerable(s))
				v[n++] = s;
		}
	}
	print_unique(v, n);
	free(v);
}

static void
print_refs(const struct entry_list *l, bool parts)
{
	const char **v = xreallocarray(NULL, l->n + 1, sizeof(*v));
	struct buf b = BUF_INIT;
	size_t n = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct entry *e = l->v[i];

		if (e->series == NULL)
			continue;
		if (!parts)
			v[n++] = e->series;
		else if (e->part > 0)
			buf_addf(&b, "%s:%ld\n", e->series, e->part);
	}
	print_unique(v, n);
	fputs(buf_str(&b), stdout);
	buf_free(&b);
	free(v);
}

static void
print_command(const struct command *c, void *arg)
{
	(void)arg;
	puts(c->name);
}

/* What needs no store: the commands and the formats. */
static void
print_fixed(enum listing what)
{
	const char *s = renderer_names();

	if (what == L_COMMANDS) {
		command_each(print_command, NULL);
		return;
	}
	while (*s != '\0') {		/* "text, markdown, ..." */
		size_t n = strcspn(s, ",");

		printf("%.*s\n", (int)n, s);
		s += n + strspn(s + n, ", ");
	}
}

static void
print_listing(const struct store *st, const struct entry_list *l,
    enum listing what)
{
	struct strlist templates;

	switch (what) {
	case L_SERIES:
	case L_REFS:
		print_refs(l, what == L_REFS);
		break;
	case L_IDS:
		for (size_t i = l->n; i > 0 && i + RECENT_IDS > l->n; i--)
			puts(l->v[i - 1]->id);
		break;
	case L_TEMPLATES:
		template_names(st->root, &templates);
		for (size_t i = 0; i < templates.n; i++)
			puts(templates.v[i]);
		strlist_free(&templates);
		break;
	default:
		print_field(l, what);
		break;
	}
}

int
cmd_complete(struct ctx *ctx, int argc, char **argv)
{
	struct entry_list l = { NULL, 0 };
	struct store *st = &ctx->st;
	size_t what = L_COUNT;
	int rc = 0;

	for (size_t i = 0; argc == 2 && i < L_COUNT; i++)
		if (strcmp(argv[1], names[i]) == 0)
			what = i;
	if (what == L_COUNT)
		return usage_error("__complete", "name one of commands, "
		    "formats, series, refs, ids, clients, contacts, staff, "
		    "authors, tags, templates");
	if (what == L_COMMANDS || what == L_FORMATS) {
		print_fixed((enum listing)what);
		return out_finish();
	}
	if (ctx_open(ctx) != 0)
		return -1;
	/* The summaries of the index hold every value offered. */
	if (what == L_TEMPLATES || (rc = index_load(st, &l)) == 0) {
		print_listing(st, &l, (enum listing)what);
		rc = out_finish();
	}
	entry_list_free(&l);
	return rc;
}
