#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "json.h"
#include "text.h"

/* U+2028, U+2029, U+202A-U+202E, U+2066-U+2069 at s (UTF-8, s[0] 0xE2). */
static bool
is_format_char(const char *s)
{
	unsigned char b1 = (unsigned char)s[1], b2 = (unsigned char)s[2];

	return (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) ||
	    (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

/*
 * The bytes that start something json_string escapes: C0 and DEL, '"',
 * '\\', and the lead bytes C2 (of C1 controls) and E2 (of line separators
 * and bidi controls), which are escaped only after a look at what
 * follows.
 */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, [0x7F] = 1, [0xC2] = 1, [0xE2] = 1,
};

void
json_string(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	buf_grow(b, n + 2);
	buf_addc(b, '"');
	while (n > 0) {
		/* Most text needs no escape: copy it a run at a time. */
		size_t run = text_span(s, n, special);
		unsigned char c;

		buf_add(b, s, run);
		s += run;
		n -= run;
		if (n == 0)
			break;
		switch ((c = (unsigned char)*s)) {
		case '"':	buf_adds(b, "\\\""); break;
		case '\\':	buf_adds(b, "\\\\"); break;
		case '\n':	buf_adds(b, "\\n"); break;
		case '\r':	buf_adds(b, "\\r"); break;
		case '\t':	buf_adds(b, "\\t"); break;
		default:
			if (c < 0x20 || c == 0x7F)
				buf_addf(b, "\\u%04x", c);
			else if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 &&
			    (unsigned char)s[1] <= 0x9F) {
				/* C1 controls: escaped, never raw. */
				buf_addf(b, "\\u%04x", (unsigned char)s[1]);
				s++;
				n--;
			} else if (c == 0xE2 && n > 2 && is_format_char(s)) {
				/* Line separators and bidi controls: a
				 * viewer of the JSON must see them. */
				buf_addf(b, "\\u%04x", 0x2000 |
				    ((unsigned char)s[1] & 0x3) << 6 |
				    ((unsigned char)s[2] & 0x3F));
				s += 2;
				n -= 2;
			} else
				buf_addc(b, c);
		}
		s++;
		n--;
	}
	buf_addc(b, '"');
}

static void
key(struct buf *b, const char *k)
{
	buf_addc(b, ',');
	json_string(b, k);
	buf_addc(b, ':');
}

/* The key of a field of the contract: plain ASCII, nothing to escape. */
static void
field_key(struct buf *b, const char *k)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, k);
	buf_add(b, "\":", 2);
}

static void
str_field(struct buf *b, const char *k, const char *v)
{
	if (v == NULL)
		return;
	field_key(b, k);
	json_string(b, v);
}

static void
list_field(struct buf *b, const char *k, const struct strlist *l)
{
	if (l->n == 0)
		return;
	field_key(b, k);
	buf_addc(b, '[');
	for (size_t i = 0; i < l->n; i++) {
		if (i > 0)
			buf_addc(b, ',');
		json_string(b, l->v[i]);
	}
	buf_addc(b, ']');
}

static void
node_json(struct buf *b, const struct ynode *n)
{
	switch (n->type) {
	case Y_SCALAR:
		json_string(b, n->s ? n->s : "");
		return;
	case Y_SEQ:
		buf_addc(b, '[');
		for (size_t i = 0; i < n->nkids; i++) {
			if (i > 0)
				buf_addc(b, ',');
			node_json(b, &n->kids[i]);
		}
		buf_addc(b, ']');
		return;
	case Y_MAP:
		buf_addc(b, '{');
		for (size_t i = 0; i + 1 < n->nkids; i += 2) {
			if (i > 0)
				buf_addc(b, ',');
			node_json(b, &n->kids[i]);
			buf_addc(b, ':');
			node_json(b, &n->kids[i + 1]);
		}
		buf_addc(b, '}');
		return;
	}
}

void
entry_to_json(const struct entry *e, struct buf *b)
{
	char date[17];

	buf_adds(b, "{\"id\":");
	json_string(b, e->id ? e->id : "");
	str_field(b, "path", e->path);
	str_field(b, "date", date_format(&e->date, date));
	str_field(b, "title", e->title);
	str_field(b, "series", e->series);
	if (e->part > 0) {
		field_key(b, "part");
		buf_addu(b, (unsigned long)e->part);
	}
	str_field(b, "client", e->client);
	str_field(b, "contact", e->contact);
	str_field(b, "staff", e->staff);
	list_field(b, "tags", &e->tags);
	str_field(b, "result", e->result);
	list_field(b, "next", &e->next);
	str_field(b, "author", e->author);
	if (e->draft) {
		field_key(b, "draft");
		buf_adds(b, "true");
	}
	str_field(b, "body", e->body);
	for (size_t i = 0; i < e->nx; i++) {
		key(b, e->x[i].key);
		node_json(b, &e->x[i].value);
	}
	buf_addc(b, '}');
}
