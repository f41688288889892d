/* A small, strict JSON reader: RFC 8259, nothing more. */
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "json_read.h"
#include "yaml_read.h"

void
json_reader_init(struct json_reader *r, const char *name, const char *buf,
    size_t len, int maxdepth)
{
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->buf = buf;
	r->len = len;
	r->at.line = r->at.col = 1;
	r->maxdepth = maxdepth;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		r->off = 3;
}

static int
peek(const struct json_reader *r)
{
	return r->off < r->len ? (unsigned char)r->buf[r->off] : -1;
}

/* Step over n bytes, counting lines and characters. */
static void
advance(struct json_reader *r, size_t n)
{
	for (; n > 0 && r->off < r->len; n--, r->off++) {
		unsigned char c = (unsigned char)r->buf[r->off];

		if (c == '\n') {
			r->at.line++;
			r->at.col = 1;
		} else if ((c & 0xC0) != 0x80)
			r->at.col++;
	}
}

static void
skip_space(struct json_reader *r)
{
	int c;

	while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		advance(r, 1);
}

bool
json_at_end(struct json_reader *r)
{
	skip_space(r);
	return r->off >= r->len;
}

/* "expected X" at the current byte, naming what is there instead. */
static int
unexpected(struct json_reader *r, const char *what)
{
	int c = peek(r);

	if (c == -1)
		diag_error(EXIT_DATAERR, r->name, r->at, "invalid JSON: expected %s, found "
		    "the end of the input", what);
	else if (c >= 0x21 && c < 0x7F)
		diag_error(EXIT_DATAERR, r->name, r->at, "invalid JSON: expected %s, found "
		    "'%c'", what, c);
	else
		diag_error(EXIT_DATAERR, r->name, r->at, "invalid JSON: expected %s, found "
		    "byte 0x%02X", what, (unsigned int)c);
	return -1;
}

static int
hex4(struct json_reader *r, unsigned int *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		int c = peek(r), v;

		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'a' && c <= 'f')
			v = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v = c - 'A' + 10;
		else
			return unexpected(r, "four hexadecimal digits after \\u");
		*out = *out << 4 | (unsigned int)v;
		advance(r, 1);
	}
	return 0;
}

/* After "\u": one code point, a surrogate pair taken whole. */
static int
unicode_escape(struct json_reader *r, struct pos start, struct buf *b)
{
	unsigned int hi, lo;
	uint8_t out[6];
	int n;

	if (hex4(r, &hi) != 0)
		return -1;
	if (hi >= 0xDC00 && hi <= 0xDFFF) {
		diag_error(EXIT_DATAERR, r->name, start, "invalid JSON: \\u%04X is a low "
		    "surrogate without a high one before it", hi);
		return -1;
	}
	if (hi >= 0xD800 && hi <= 0xDBFF) {
		if (r->off + 2 > r->len || r->buf[r->off] != '\\' ||
		    r->buf[r->off + 1] != 'u') {
			diag_error(EXIT_DATAERR, r->name, start, "invalid JSON: \\u%04X is a "
			    "high surrogate without a low one after it", hi);
			return -1;
		}
		advance(r, 2);
		if (hex4(r, &lo) != 0)
			return -1;
		if (lo < 0xDC00 || lo > 0xDFFF) {
			diag_error(EXIT_DATAERR, r->name, start, "invalid JSON: \\u%04X is a "
			    "high surrogate without a low one after it", hi);
			return -1;
		}
		hi = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
	}
	n = u8_uctomb(out, hi, sizeof(out));
	buf_add(b, out, (size_t)n);
	return 0;
}

static int
escape(struct json_reader *r, struct buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	struct pos start = r->at;
	const char *p;
	int c;

	advance(r, 1);		/* the backslash */
	c = peek(r);
	if (c == 'u') {
		advance(r, 1);
		return unicode_escape(r, start, b);
	}
	if (c <= 0 || (p = strchr(from, c)) == NULL) {
		diag_error(EXIT_DATAERR, r->name, start, "invalid JSON: unknown escape; "
		    "a string may use \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
		return -1;
	}
	buf_addc(b, to[p - from]);
	advance(r, 1);
	return 0;
}

/* A string's text, escapes decoded, into b; r is at the opening quote. */
static int
string_text(struct json_reader *r, struct buf *b)
{
	advance(r, 1);
	for (;;) {
		const uint8_t *s = (const uint8_t *)r->buf + r->off;
		int c = peek(r), n;
		ucs4_t uc;

		if (c == -1)
			return unexpected(r, "'\"' to end the string");
		if (c == '"')
			break;
		if (c == '\\') {
			if (escape(r, b) != 0)
				return -1;
			continue;
		}
		if (c < 0x20) {
			diag_error(EXIT_DATAERR, r->name, r->at, "invalid JSON: control "
			    "character U+%04X in a string; write it as \\u%04X",
			    (unsigned int)c, (unsigned int)c);
			return -1;
		}
		if ((n = u8_mbtoucr(&uc, s, r->len - r->off)) < 0) {
			diag_error(EXIT_DATAERR, r->name, r->at, "invalid UTF-8 byte 0x%02X",
			    (unsigned int)c);
			return -1;
		}
		buf_add(b, s, (size_t)n);
		advance(r, (size_t)n);
	}
	advance(r, 1);
	buf_addc(b, '\0');	/* so an empty string is allocated too */
	b->len--;
	return 0;
}

static int
string_node(struct json_reader *r, struct ynode *n)
{
	struct buf b = BUF_INIT;

	n->type = Y_SCALAR;
	n->pos = r->at;
	if (string_text(r, &b) != 0 ||
	    text_check(r->name, n->pos, b.s, b.len) != 0) {
		buf_free(&b);
		return -1;
	}
	n->len = b.len;
	n->s = buf_detach(&b);
	return 0;
}

static size_t
span(const struct json_reader *r, size_t off, const char *set)
{
	size_t n = 0;

	while (off + n < r->len && r->buf[off + n] != '\0' &&
	    strchr(set, r->buf[off + n]) != NULL)
		n++;
	return n;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written. */
static int
number_node(struct json_reader *r, struct ynode *n)
{
	static const char digits[] = "0123456789";
	size_t off = r->off, d;

	if (off < r->len && r->buf[off] == '-')
		off++;
	if ((d = span(r, off, digits)) == 0 ||
	    (r->buf[off] == '0' && d > 1))
		goto bad;
	off += d;
	if (off < r->len && r->buf[off] == '.') {
		if ((d = span(r, off + 1, digits)) == 0)
			goto bad;
		off += 1 + d;
	}
	if (off < r->len && (r->buf[off] == 'e' || r->buf[off] == 'E')) {
		off++;
		off += span(r, off, "+-") == 1;
		if ((d = span(r, off, digits)) == 0)
			goto bad;
		off += d;
	}
	n->type = Y_SCALAR;
	n->plain = true;
	n->pos = r->at;
	n->len = off - r->off;
	n->s = xstrndup(r->buf + r->off, n->len);
	advance(r, n->len);
	return 0;
bad:
	diag_error(EXIT_DATAERR, r->name, r->at, "invalid JSON: a malformed number");
	return -1;
}

static int
literal_node(struct json_reader *r, struct ynode *n)
{
	static const char *const words[] = { "true", "false", "null" };

	for (size_t i = 0; i < 3; i++) {
		size_t len = strlen(words[i]);

		if (r->len - r->off >= len &&
		    memcmp(r->buf + r->off, words[i], len) == 0) {
			n->type = Y_SCALAR;
			n->plain = true;
			n->pos = r->at;
			n->s = xstrdup(words[i]);
			n->len = len;
			advance(r, len);
			return 0;
		}
	}
	return unexpected(r, "a value");
}

static int	value(struct json_reader *, struct ynode *, int depth);

/* A key must not repeat: the YAML loader refuses that too. */
static int
object_key(struct json_reader *r, struct ynode *obj, struct ykeys *keys)
{
	struct ynode *k;
	size_t first;

	skip_space(r);
	if (peek(r) != '"')
		return unexpected(r, "a string as the key");
	k = ynode_add_kid(obj);
	if (string_node(r, k) != 0)
		return -1;
	if ((first = ykeys_add(keys, obj, obj->nkids - 1)) != SIZE_MAX) {
		diag_error(EXIT_DATAERR, r->name, k->pos, "duplicate key '%s' "
		    "(first at line %d)", k->s, obj->kids[first].pos.line);
		return -1;
	}
	skip_space(r);
	if (peek(r) != ':')
		return unexpected(r, "':' after the key");
	advance(r, 1);
	return 0;
}

/* An array or object: items separated by commas up to close. */
static int
container(struct json_reader *r, struct ynode *n, int depth)
{
	struct ykeys keys = { NULL, 0, 0, NULL };
	int close = peek(r) == '[' ? ']' : '}', rc = -1;

	n->type = close == ']' ? Y_SEQ : Y_MAP;
	n->pos = r->at;
	if (depth >= r->maxdepth) {
		diag_error(EXIT_DATAERR, r->name, r->at, "nested deeper than %d levels",
		    r->maxdepth);
		return -1;
	}
	advance(r, 1);
	skip_space(r);
	if (peek(r) == close) {
		advance(r, 1);
		return 0;
	}
	for (;;) {
		if (close == '}' && object_key(r, n, &keys) != 0)
			goto out;
		if (value(r, ynode_add_kid(n), depth + 1) != 0)
			goto out;
		skip_space(r);
		if (peek(r) == close)
			break;
		if (peek(r) != ',') {
			unexpected(r, close == ']' ? "',' or ']' after an item" :
			    "',' or '}' after a value");
			goto out;
		}
		advance(r, 1);
	}
	advance(r, 1);
	rc = 0;
out:
	ykeys_free(&keys);
	return rc;
}

static int
value(struct json_reader *r, struct ynode *n, int depth)
{
	int c;

	skip_space(r);
	c = peek(r);
	if (c == '{' || c == '[')
		return container(r, n, depth);
	if (c == '"')
		return string_node(r, n);
	if (c == '-' || (c >= '0' && c <= '9'))
		return number_node(r, n);
	return literal_node(r, n);
}

int
json_read_value(struct json_reader *r, struct ynode *n)
{
	memset(n, 0, sizeof(*n));
	if (value(r, n, 0) == 0)
		return 0;
	ynode_free(n);
	return -1;
}
