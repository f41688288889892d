/* The body's light markup: paragraphs, "## " headings, "- " list items. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markup.h"

struct parser {
	struct markup	*m;
	size_t		 cap;
	struct block	*open;		/* the block lines are added to, or NULL */
	size_t		 linecap;
};

static struct block *
open_block(struct parser *p, enum block_type type)
{
	struct markup *m = p->m;

	if (m->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 8;
		m->v = xreallocarray(m->v, p->cap, sizeof(*m->v));
	}
	p->open = &m->v[m->n++];
	p->open->type = type;
	p->open->lines = NULL;
	p->open->n = 0;
	p->linecap = 0;
	return p->open;
}

static void
add_line(struct parser *p, const char *s, size_t n)
{
	struct block *b = p->open;

	if (b->n == p->linecap) {
		p->linecap = p->linecap ? p->linecap * 2 : 4;
		b->lines = xreallocarray(b->lines, p->linecap,
		    sizeof(*b->lines));
	}
	b->lines[b->n++] = xstrndup(s, n);
}

/* Continue the last list item with a line, by markup_join's rule. */
static void
continue_item(struct parser *p, const char *s, size_t n)
{
	struct block *b = p->open;
	struct buf joined = BUF_INIT;
	char *parts[2];

	parts[0] = b->lines[b->n - 1];
	parts[1] = xstrndup(s, n);
	markup_join(&joined, parts, 2);
	free(parts[0]);
	free(parts[1]);
	b->lines[b->n - 1] = buf_detach(&joined);
}

static void
parse_line(struct parser *p, const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0) {
		p->open = NULL;
	} else if (n > 3 && strncmp(s, "## ", 3) == 0) {
		open_block(p, BLOCK_HEADING);
		add_line(p, s + 3, n - 3);
		p->open = NULL;
	} else if (n > 2 && strncmp(s, "- ", 2) == 0) {
		if (p->open == NULL || p->open->type != BLOCK_LIST)
			open_block(p, BLOCK_LIST);
		add_line(p, s + 2, n - 2);
	} else if (n > 2 && strncmp(s, "  ", 2) == 0 && p->open != NULL &&
	    p->open->type == BLOCK_LIST) {
		continue_item(p, s, n);
	} else {
		if (p->open == NULL || p->open->type != BLOCK_PARAGRAPH)
			open_block(p, BLOCK_PARAGRAPH);
		add_line(p, s, n);
	}
}

void
markup_parse(const char *body, struct markup *m)
{
	struct parser p;
	const char *s = body, *nl;

	memset(m, 0, sizeof(*m));
	memset(&p, 0, sizeof(p));
	p.m = m;
	while (s != NULL && *s != '\0') {
		size_t n;

		nl = strchr(s, '\n');
		n = nl ? (size_t)(nl - s) : strlen(s);
		parse_line(&p, s, n > 0 && s[n - 1] == '\r' ? n - 1 : n);
		s = nl ? nl + 1 : NULL;
	}
}

void
markup_free(struct markup *m)
{
	for (size_t i = 0; i < m->n; i++) {
		for (size_t j = 0; j < m->v[i].n; j++)
			free(m->v[i].lines[j]);
		free(m->v[i].lines);
	}
	free(m->v);
	memset(m, 0, sizeof(*m));
}

void
markup_join(struct buf *b, char *const *lines, size_t n)
{
	bool prev_wide = false;

	for (size_t i = 0; i < n; i++) {
		const char *s = lines[i];
		size_t len;

		if (i > 0)
			s += strspn(s, " \t");
		if ((len = strlen(s)) == 0)
			continue;
		/* Japanese lines join without a space; others with one. */
		if (b->len > 0 && i > 0 &&
		    !(prev_wide && (unsigned char)s[0] >= 0x80))
			buf_addc(b, ' ');
		buf_add(b, s, len);
		prev_wide = (unsigned char)s[len - 1] >= 0x80;
	}
	if (b->s == NULL)
		buf_adds(b, "");
}
