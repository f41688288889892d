#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

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

/* Where those bytes are, sixteen at a time. */
static text_m16
special16(text_v16 v)
{
	return (v < 0x20) | (v == '"') | (v == '\\') | (v == 0x7F) |
	    (v == 0xC2) | (v == 0xE2);
}

/*
 * The escape of what starts at s (n bytes left, s[0] special) written at
 * o: returns how many bytes of s it stands for, *o advanced.
 */
static size_t
escape(const char *s, size_t n, char **o)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c = (unsigned char)s[0];
	unsigned int u;
	size_t used = 1;
	char *p = *o;

	switch (c) {
	case '"':	*p++ = '\\'; *p++ = '"'; goto done;
	case '\\':	*p++ = '\\'; *p++ = '\\'; goto done;
	case '\n':	*p++ = '\\'; *p++ = 'n'; goto done;
	case '\r':	*p++ = '\\'; *p++ = 'r'; goto done;
	case '\t':	*p++ = '\\'; *p++ = 't'; goto done;
	}
	if (c < 0x20 || c == 0x7F)
		u = c;
	else if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] <= 0x9F) {
		/* C1 controls: escaped, never raw. */
		u = (unsigned char)s[1];
		used = 2;
	} else if (c == 0xE2 && n > 2 && is_format_char(s)) {
		/* Line separators and bidi controls: a viewer of the JSON
		 * must see them. */
		u = 0x2000 | ((unsigned char)s[1] & 0x3) << 6 |
		    ((unsigned char)s[2] & 0x3F);
		used = 3;
	} else {
		*p++ = (char)c;
		goto done;
	}
	*p++ = '\\';
	*p++ = 'u';
	*p++ = hex[u >> 12 & 0xF];
	*p++ = hex[u >> 8 & 0xF];
	*p++ = hex[u >> 4 & 0xF];
	*p++ = hex[u & 0xF];
done:
	*o = p;
	return used;
}

/*
 * Written straight into b's room: sixteen bytes are copied at a time
 * (past the end of what is kept when one of them needs an escape), so
 * the room holds the rest of s unescaped, an escape and sixteen bytes
 * more; it is grown again only at an escape.
 */
#define JSON_SLACK	(16 + 6)

void
json_string(struct buf *b, const char *s)
{
	size_t n = strlen(s), k;
	char *o;

	buf_grow(b, n + 2 + JSON_SLACK);
	o = b->s + b->len;
	*o++ = '"';
	for (;;) {
		while (n >= 16) {
			text_v16 v = text_load16(s);
			text_m16 m = special16(v);

			memcpy(o, &v, 16);
			if (!text_any16(m)) {
				o += 16;
				s += 16;
				n -= 16;
				continue;
			}
			k = text_first16(m);
			o += k;
			s += k;
			n -= k;
			break;
		}
		if (n < 16) {
			k = text_span(s, n, special);
			memcpy(o, s, k);
			o += k;
			s += k;
			n -= k;
		}
		if (n == 0)
			break;
		/* An escape: up to six bytes for what was one to three. */
		if ((size_t)(b->s + b->cap - o) <= n + 2 + JSON_SLACK) {
			b->len = (size_t)(o - b->s);
			buf_grow(b, n + 2 + JSON_SLACK);
			o = b->s + b->len;
		}
		if (*s == '\n') {	/* by far the most common */
			*o++ = '\\';
			*o++ = 'n';
			s++;
			n--;
			continue;
		}
		k = escape(s, n, &o);
		s += k;
		n -= k;
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->s);
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

/*
 * A YAML number as JSON writes it, or false when JSON has no way: an
 * octal or hexadecimal number past 2^64 - 1, .inf and .nan.  A sign +,
 * leading zeros and a bare "." are dropped or filled in, as JSON wants.
 */
static bool
json_number(struct buf *b, const char *s)
{
	const char *p = s;

	if (s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
		unsigned long long v;
		char *end;

		errno = 0;
		v = strtoull(s + 2, &end, s[1] == 'o' ? 8 : 16);
		if (errno == ERANGE)
			return false;
		buf_addf(b, "%llu", v);
		return true;
	}
	if (*p == '-' || *p == '+') {
		if (*p++ == '-')
			buf_addc(b, '-');
	}
	if (*p == '.' && !isdigit((unsigned char)p[1]))
		return false;		/* .inf, .nan */
	while (p[0] == '0' && isdigit((unsigned char)p[1]))
		p++;
	if (!isdigit((unsigned char)*p))
		buf_addc(b, '0');	/* .5 */
	while (isdigit((unsigned char)*p))
		buf_addc(b, *p++);
	if (*p == '.') {
		buf_addc(b, *p++);
		if (!isdigit((unsigned char)*p))
			buf_addc(b, '0');	/* 5. */
		while (isdigit((unsigned char)*p))
			buf_addc(b, *p++);
	}
	buf_adds(b, p);		/* the exponent, as JSON allows it */
	return true;
}

/*
 * A scalar keeps its YAML type: null, true and false, numbers; text,
 * and what JSON cannot hold as a number, as a string.
 */
static void
scalar_json(struct buf *b, const struct ynode *n)
{
	size_t mark = b->len;

	switch (ynode_scalar(n)) {
	case YS_NULL:
		buf_adds(b, "null");
		return;
	case YS_BOOL:
		buf_adds(b, n->s[0] == 't' || n->s[0] == 'T' ? "true" :
		    "false");
		return;
	case YS_INT:
	case YS_FLOAT:
		if (json_number(b, n->s))
			return;
		b->len = mark;
		break;
	case YS_STR:
		break;
	}
	json_string(b, n->s ? n->s : "");
}

static void
node_json(struct buf *b, const struct ynode *n)
{
	switch (n->type) {
	case Y_SCALAR:
		scalar_json(b, n);
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
			json_string(b, n->kids[i].s);	/* keys are text */
			buf_addc(b, ':');
			node_json(b, &n->kids[i + 1]);
		}
		buf_addc(b, '}');
		return;
	}
}

/*
 * A path as a JSON string.  Entry text is valid UTF-8 (the loader sees
 * to it), but a path holds the bytes of the store's directory name:
 * each byte that is not UTF-8 becomes U+FFFD, so the JSON stays valid.
 */
static void
path_field(struct buf *b, const char *path)
{
	struct buf fixed = BUF_INIT;

	if (path == NULL || text_valid_utf8(path, strlen(path))) {
		str_field(b, "path", path);
		return;
	}
	for (const char *s = path, *end = path + strlen(path); s < end; ) {
		ucs4_t uc;
		int n = u8_mbtoucr(&uc, (const uint8_t *)s, (size_t)(end - s));

		if (n > 0)
			buf_add(&fixed, s, (size_t)n);
		else
			buf_adds(&fixed, "\xEF\xBF\xBD");
		s += n > 0 ? n : 1;
	}
	str_field(b, "path", buf_str(&fixed));
	buf_free(&fixed);
}

void
entry_to_json(const struct entry *e, struct buf *b)
{
	char date[17];

	buf_adds(b, "{\"id\":");
	json_string(b, e->id ? e->id : "");
	path_field(b, e->path);
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
