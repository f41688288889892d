
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistr.h>
#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "text.h"
#include "yaml_read.h"

#define STD_TAG_PREFIX	"tag:yaml.org,2002:"

static struct pos
mark_pos(yaml_mark_t m)
{
	struct pos p = { (int)m.line + 1, (int)m.column + 1 };

	return p;
}

/*
 * Line and column (in characters) of byte offset off in buf.  A byte
 * order mark takes no column, as in libyaml's own marks.
 */
static struct pos
offset_pos(const char *buf, size_t off)
{
	struct pos p = { 1, 1 };
	size_t i = off >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	for (; i < off; i++) {
		if (buf[i] == '\n') {
			p.line++;
			p.col = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80)
			p.col++;
	}
	return p;
}

/*
 * The stream must be UTF-8 with no NUL byte: libyaml would take UTF-16.
 * Malformed UTF-8 is left to libyaml's reader, which decodes every byte
 * anyway (see parse_error).
 */
static int
check_encoding(const char *name, const char *buf, size_t len)
{
	const char *nul;

	if (len >= 2 && ((buf[0] == '\xFE' && buf[1] == '\xFF') ||
	    (buf[0] == '\xFF' && buf[1] == '\xFE'))) {
		diag_error(EXIT_DATAERR, name, offset_pos(buf, 0),
		    "the file is UTF-16; entries must be UTF-8");
		return -1;
	}
	if ((nul = memchr(buf, '\0', len)) != NULL) {
		diag_error(EXIT_DATAERR, name, offset_pos(buf, (size_t)(nul - buf)),
		    "NUL byte in the file");
		return -1;
	}
	return 0;
}

/*
 * The byte offset where a malformed UTF-8 sequence that libyaml's reader
 * refused begins, or SIZE_MAX for its other reader errors.  It points a
 * bad trailing byte out at the offset of that byte; the sequence starts
 * at the lead byte before it.
 */
static size_t
utf8_error_offset(const char *buf, const yaml_parser_t *p)
{
	static const char *const malformed[] = {
		"invalid leading UTF-8 octet",
		"incomplete UTF-8 octet sequence",
		"invalid length of a UTF-8 sequence",
		"invalid Unicode character",
	};
	size_t off = p->problem_offset;

	if (strcmp(p->problem, "invalid trailing UTF-8 octet") == 0) {
		while (off > 0 && ((unsigned char)buf[--off] & 0xC0) == 0x80)
			continue;
		return off;
	}
	for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
		if (strcmp(p->problem, malformed[i]) == 0)
			return off;
	return SIZE_MAX;
}

static void
parse_error(const char *name, const char *buf, const yaml_parser_t *p)
{
	struct pos pos = mark_pos(p->problem_mark);

	/* Reader errors carry only a byte offset. */
	if (p->error == YAML_READER_ERROR) {
		size_t bad = utf8_error_offset(buf, p);

		if (bad != SIZE_MAX) {
			diag_error(EXIT_DATAERR, name, offset_pos(buf, bad),
			    "invalid UTF-8 byte 0x%02X",
			    (unsigned char)buf[bad]);
			return;
		}
		pos = offset_pos(buf, p->problem_offset);
	}
	if (p->context != NULL)
		diag_error(EXIT_DATAERR, name, pos, "invalid YAML: %s %s", p->problem,
		    p->context);
	else
		diag_error(EXIT_DATAERR, name, pos, "invalid YAML: %s",
		    p->problem ? p->problem : "syntax error");
}

/*
 * The tags of YAML 1.2's core schema, by the kind of node they may be
 * on (a scalar, a sequence, a mapping); everything else (!!binary,
 * !!timestamp, !!python/object, "!", a custom !tag) is refused: it
 * asks for something dailylog does not do.
 */
static const struct {
	const char	*name;
	yaml_event_type_t on;
} core_tags[] = {
	{ "str", YAML_SCALAR_EVENT },
	{ "int", YAML_SCALAR_EVENT },
	{ "float", YAML_SCALAR_EVENT },
	{ "bool", YAML_SCALAR_EVENT },
	{ "null", YAML_SCALAR_EVENT },
	{ "seq", YAML_SEQUENCE_START_EVENT },
	{ "map", YAML_MAPPING_START_EVENT },
};

/* The tag as a user writes it: "!!int" for YAML's own, else as given. */
static void
tag_shown(const char *tag, struct buf *b)
{
	if (strncmp(tag, STD_TAG_PREFIX, sizeof(STD_TAG_PREFIX) - 1) == 0)
		buf_addf(b, "!!%s", tag + sizeof(STD_TAG_PREFIX) - 1);
	else
		buf_adds(b, tag);
}

/* The core tag's name ("int"), or NULL when the tag is not one for t. */
static const char *
core_tag(const char *tag, yaml_event_type_t t)
{
	if (strncmp(tag, STD_TAG_PREFIX, sizeof(STD_TAG_PREFIX) - 1) != 0)
		return NULL;
	tag += sizeof(STD_TAG_PREFIX) - 1;
	for (size_t i = 0; i < sizeof(core_tags) / sizeof(core_tags[0]); i++)
		if (strcmp(tag, core_tags[i].name) == 0)
			return core_tags[i].on == t ? core_tags[i].name : NULL;
	return NULL;
}

/* Anchors, aliases and tags beyond the core schema are refused: see dailylog(5). */
static int
check_node_props(const char *name, const yaml_event_t *ev)
{
	const yaml_char_t *anchor = NULL, *tag = NULL;
	struct pos pos = mark_pos(ev->start_mark);

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		diag_error(EXIT_DATAERR, name, pos, "aliases (*%s) are not allowed",
		    (const char *)ev->data.alias.anchor);
		return -1;
	case YAML_SCALAR_EVENT:
		anchor = ev->data.scalar.anchor;
		tag = ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
		break;
	default:
		return 0;
	}
	if (anchor != NULL) {
		diag_error(EXIT_DATAERR, name, pos, "anchors (&%s) are not allowed",
		    (const char *)anchor);
		return -1;
	}
	if (tag != NULL && core_tag((const char *)tag, ev->type) == NULL) {
		struct buf shown = BUF_INIT;

		tag_shown((const char *)tag, &shown);
		if (core_tag((const char *)tag, YAML_SCALAR_EVENT) != NULL ||
		    core_tag((const char *)tag, YAML_SEQUENCE_START_EVENT) ||
		    core_tag((const char *)tag, YAML_MAPPING_START_EVENT))
			diag_error(EXIT_DATAERR, name, pos, "tag %s does not "
			    "fit %s", shown.s, ev->type == YAML_SCALAR_EVENT ?
			    "a scalar" : ev->type == YAML_SEQUENCE_START_EVENT ?
			    "a sequence" : "a mapping");
		else
			diag_error(EXIT_DATAERR, name, pos, "tag %s is not "
			    "allowed (only !!str, !!int, !!float, !!bool, !!null, "
			    "!!seq and !!map are)", shown.s);
		buf_free(&shown);
		return -1;
	}
	return 0;
}

/* [0-9]+ at s, or in the other digits of base 8 or 16: how many. */
static size_t
digits(const char *s, int base)
{
	size_t n = 0;

	while (base == 16 ? isxdigit((unsigned char)s[n]) : base == 8 ?
	    s[n] >= '0' && s[n] <= '7' : isdigit((unsigned char)s[n]))
		n++;
	return n;
}

enum yscalar
yscalar_of(const char *s, size_t len)
{
	static const char *const nulls[] = { "~", "null", "Null", "NULL" };
	static const char *const bools[] = { "true", "True", "TRUE", "false",
	    "False", "FALSE" };
	static const char *const odd[] = { ".inf", ".Inf", ".INF", ".nan",
	    ".NaN", ".NAN" };
	const char *p = s;
	size_t n;

	if (len == 0)
		return YS_NULL;
	if (strlen(s) != len)
		return YS_STR;	/* a NUL inside: text, whatever it spells */
	/* The words by their first letters: most text starts otherwise. */
	if (strchr("~nN", s[0]) != NULL)
		for (size_t i = 0; i < 4; i++)
			if (strcmp(s, nulls[i]) == 0)
				return YS_NULL;
	if (strchr("tTfF", s[0]) != NULL)
		for (size_t i = 0; i < 6; i++)
			if (strcmp(s, bools[i]) == 0)
				return YS_BOOL;
	if (s[0] == '0' && (s[1] == 'o' || s[1] == 'x') && s[2] != '\0')
		return digits(s + 2, s[1] == 'o' ? 8 : 16) == len - 2 ?
		    YS_INT : YS_STR;
	if (*p == '-' || *p == '+')
		p++;
	if (*p == '.')
		for (size_t i = 0; i < 6; i++)
			if (strcmp(p, odd[i]) == 0 && (i < 3 || p == s))
				return YS_FLOAT;
	n = digits(p, 10);
	if (p[n] == '\0' && n > 0)
		return YS_INT;
	/* [0-9]+(\.[0-9]*)? or \.[0-9]+, then ([eE][-+]?[0-9]+)? */
	if (p[n] == '.') {
		size_t f = digits(p + n + 1, 10);

		if (n == 0 && f == 0)
			return YS_STR;
		n += 1 + f;
	} else if (n == 0)
		return YS_STR;
	if (p[n] == 'e' || p[n] == 'E') {
		size_t e = p[n + 1] == '-' || p[n + 1] == '+' ? n + 2 : n + 1;
		size_t d = digits(p + e, 10);

		if (d == 0)
			return YS_STR;
		n = e + d;
	}
	return p[n] == '\0' ? YS_FLOAT : YS_STR;
}

enum yscalar
ynode_scalar(const struct ynode *n)
{
	return n->plain ? yscalar_of(n->s ? n->s : "", n->len) : YS_STR;
}

bool
ynode_same(const struct ynode *a, const struct ynode *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	/* A null is the same null however it is spelt (`~` for an empty key). */
	if (a->type == Y_SCALAR && ynode_scalar(a) == YS_NULL)
		return b->type == Y_SCALAR && ynode_scalar(b) == YS_NULL;
	if (a->type != b->type || a->nkids != b->nkids)
		return false;
	if (a->type == Y_SCALAR)
		return a->len == b->len && ynode_scalar(a) == ynode_scalar(b) &&
		    memcmp(a->s ? a->s : "", b->s ? b->s : "", a->len) == 0;
	for (size_t i = 0; i < a->nkids; i++)
		if (!ynode_same(&a->kids[i], &b->kids[i]))
			return false;
	return true;
}

/* Kids arrays double in size: a long list costs few reallocations. */
struct ynode *
ynode_add_kid(struct ynode *parent)
{
	struct ynode *k;
	size_t n = parent->nkids;

	if ((n & (n - 1)) == 0)
		parent->kids = xreallocarray(parent->kids, n ? n * 2 : 1,
		    sizeof(*parent->kids));
	k = &parent->kids[parent->nkids++];
	memset(k, 0, sizeof(*k));
	return k;
}

/*
 * FNV-1a from a random start, drawn once a process: a file cannot be
 * made beforehand whose keys all fall on one slot, which would make
 * the check quadratic again.
 */
static size_t
key_hash(const char *s, size_t len)
{
	static uint64_t start;
	uint64_t h;

	if (start == 0 && getrandom(&start, sizeof(start), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(start))
		start = (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)&start;
	start |= 1;
	h = start;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (size_t)(h ^ h >> 32);
}

/* Open addressing, at most half full: the kid's slot, or an empty one. */
static size_t *
ykeys_find(const struct ykeys *ks, const struct ynode *map,
    const struct ynode *key)
{
	size_t i = key_hash(key->s, key->len) & (ks->cap - 1);

	for (;; i = (i + 1) & (ks->cap - 1)) {
		const struct ynode *o;

		if (ks->slot[i] == 0)
			return &ks->slot[i];
		o = &map->kids[ks->slot[i] - 1];
		if (o->len == key->len && memcmp(o->s, key->s, key->len) == 0)
			return &ks->slot[i];
	}
}

size_t
ykeys_add(struct ykeys *ks, const struct ynode *map, size_t k)
{
	size_t *at;

	if (2 * (ks->n + 1) > ks->cap) {
		/* 32 slots at first: an entry has a dozen keys. */
		struct ykeys bigger = { NULL, ks->cap ? 2 * ks->cap : 32, 0,
		    ks->arena };

		if (ks->arena != NULL) {
			bigger.slot = arena_alloc(ks->arena, bigger.cap *
			    sizeof(*bigger.slot));
			memset(bigger.slot, 0, bigger.cap * sizeof(*bigger.slot));
		} else
			bigger.slot = xcalloc(bigger.cap, sizeof(*bigger.slot));
		for (size_t i = 0; i < ks->cap; i++)
			if (ks->slot[i] != 0)
				*ykeys_find(&bigger, map,
				    &map->kids[ks->slot[i] - 1]) = ks->slot[i];
		bigger.n = ks->n;
		ykeys_free(ks);
		*ks = bigger;
	}
	at = ykeys_find(ks, map, &map->kids[k]);
	if (*at != 0)
		return *at - 1;
	*at = k + 1;
	ks->n++;
	return SIZE_MAX;
}

void
ykeys_free(struct ykeys *ks)
{
	struct arena *a = ks->arena;

	if (a == NULL)
		free(ks->slot);
	memset(ks, 0, sizeof(*ks));
	ks->arena = a;
}

/* A new key in a map (its last kid) must be a scalar and must not repeat. */
static int
check_key(const char *name, const struct ynode *map, struct ykeys *ks)
{
	const struct ynode *key = &map->kids[map->nkids - 1];
	size_t first;

	if (key->type != Y_SCALAR) {
		diag_error(EXIT_DATAERR, name, key->pos, "a key must be a plain string");
		return -1;
	}
	if ((first = ykeys_add(ks, map, map->nkids - 1)) != SIZE_MAX) {
		diag_error(EXIT_DATAERR, name, key->pos,
		    "duplicate key '%s' (first at line %d)", key->s,
		    map->kids[first].pos.line);
		return -1;
	}
	return 0;
}

int
text_check(const char *name, struct pos where, const char *s, size_t len)
{
	const char *bad;

	if (memchr(s, '\0', len) != NULL) {
		diag_error(EXIT_DATAERR, name, where, "NUL character in a value");
		return -1;
	}
	if (!text_valid_utf8(s, len)) {
		diag_error(EXIT_DATAERR, name, where, "text is not valid UTF-8");
		return -1;
	}
	if ((bad = text_find_control(s, len)) != NULL) {
		ucs4_t uc;

		u8_mbtouc(&uc, (const uint8_t *)bad, len - (size_t)(bad - s));
		diag_error(EXIT_DATAERR, name, where, "control character U+%04X in a value",
		    (unsigned int)uc);
		return -1;
	}
	return 0;
}

/*
 * Whether a scalar may break text_check's rules.  check_encoding saw
 * no NUL in the file, libyaml's reader let only valid UTF-8 through,
 * and its escapes only make valid UTF-8, so a scan for the first two
 * bytes of what text_check refuses is enough here: C0 but tab and
 * newline, DEL, C1 (C2 80..9F), and the blocks that hold format
 * controls (Unicode category Cf) or the line and paragraph separators.
 * The precise decision is text_check's (libunistring's); this only has
 * to miss none.  The lead bytes are found sixteen bytes a step.
 */

/* Those bytes, and more: C0 but tab and newline, DEL, and the lead
 * bytes but Japanese E3..E9. */
static bool
suspect16(text_v16 v)
{
	return text_any16(((v < 0x20) & (v != '\t') & (v != '\n')) |
	    (v == 0x7F) | ((v >= 0xC0) & ((text_v16)(v - 0xE3) > 6)));
}

static bool
scalar_suspect(const unsigned char *s, size_t len)
{
	/* 00..1F but 09 0A, 7F, and the lead bytes C2, D8, DB, DC, E0,
	 * E1, E2, EF, F0, F3. */
	static const unsigned char lead[256] = {
		1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		[0x7F] = 1, [0xC2] = 1, [0xD8] = 1, [0xDB] = 1, [0xDC] = 1,
		[0xE0] = 1, [0xE1] = 1, [0xE2] = 1, [0xEF] = 1, [0xF0] = 1,
		[0xF3] = 1,
	};
	size_t i;

	for (i = text_span16((const char *)s, len, lead, suspect16); i < len;
	    i += 1 + text_span16((const char *)s + i + 1, len - i - 1, lead,
	    suspect16)) {
		unsigned char c = s[i], d;

		if (c < 0x80)
			return true;	/* C0 or DEL */
		if (i + 1 >= len)
			continue;
		d = s[i + 1];
		switch (c) {
		case 0xC2:		/* C1, U+00AD */
			if (d <= 0x9F || d == 0xAD)
				return true;
			break;
		case 0xD8:		/* U+0600..0605, U+061C */
		case 0xDB:		/* U+06DD */
		case 0xDC:		/* U+070F */
			return true;
		case 0xE0:		/* U+08E2 */
			if (d == 0xA3)
				return true;
			break;
		case 0xE1:		/* U+180E */
			if (d == 0xA0)
				return true;
			break;
		case 0xE2:		/* U+200B..200F, 2028..202E, 2060..206F */
			if (d == 0x80 || d == 0x81)
				return true;
			break;
		case 0xEF:		/* U+FEFF, U+FFF9..FFFB */
			if (d == 0xBB || d == 0xBF)
				return true;
			break;
		case 0xF0:		/* U+110BD, 110CD, 13430.., 1BCA0.., 1D173.. */
			if (d == 0x91 || d == 0x93 || d == 0x9B || d == 0x9D)
				return true;
			break;
		case 0xF3:		/* U+E0001, E0020..E007F */
			if (d == 0xA0)
				return true;
			break;
		}
	}
	return false;
}

/*
 * A core tag says what the scalar is: !!str makes text of what would be
 * a number or a word (as quotes do), and !!int, !!float, !!bool and
 * !!null must be what they say, and are then as if written plain.
 */
static int
scalar_tag(const char *name, const yaml_event_t *ev, struct ynode *n)
{
	const char *tag = core_tag((const char *)ev->data.scalar.tag,
	    YAML_SCALAR_EVENT);
	enum yscalar is = yscalar_of(n->s, n->len);
	struct buf shown = BUF_INIT;
	bool fits;

	if (strcmp(tag, "str") == 0) {
		n->plain = false;
		return 0;
	}
	fits = strcmp(tag, "int") == 0 ? is == YS_INT :
	    strcmp(tag, "float") == 0 ? is == YS_FLOAT || is == YS_INT :
	    strcmp(tag, "bool") == 0 ? is == YS_BOOL : is == YS_NULL;
	if (fits) {
		n->plain = true;
		return 0;
	}
	tag_shown((const char *)ev->data.scalar.tag, &shown);
	diag_error(EXIT_DATAERR, name, n->pos, "'%s' is not what its tag %s "
	    "says", n->s, shown.s);
	buf_free(&shown);
	return -1;
}

/*
 * The scalar's text moves from the event to the node (no copy), or is
 * copied into the arena, and libyaml's is freed with its event.
 */
static int
scalar_node(const char *name, struct arena *a, yaml_event_t *ev,
    struct ynode *n)
{
	char *s = (char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;

	n->type = Y_SCALAR;
	n->pos = mark_pos(ev->start_mark);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	/* The full check only for its message. */
	if (scalar_suspect((const unsigned char *)s, len) &&
	    text_check(name, n->pos, s, len) != 0)
		return -1;
	if (a != NULL)
		n->s = arena_strndup(a, s, len);
	else {
		n->s = s;
		ev->data.scalar.value = NULL;
	}
	n->len = len;
	return ev->data.scalar.tag != NULL ? scalar_tag(name, ev, n) : 0;
}

/* A new last kid, its room doubling in the arena when there is one. */
static struct ynode *
add_kid(struct arena *a, struct ynode *parent)
{
	struct ynode *k;
	size_t n = parent->nkids;

	if (a == NULL)
		return ynode_add_kid(parent);
	/* Eight at first: a map of four keys, a short list. */
	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
		size_t cap = n == 0 ? 8 : 2 * n;

		if (cap > SIZE_MAX / sizeof(*k))
			cap = SIZE_MAX / sizeof(*k);	/* arena_alloc fails */
		k = arena_alloc(a, cap * sizeof(*k));
		if (n > 0)
			memcpy(k, parent->kids, n * sizeof(*k));
		parent->kids = k;
	}
	k = &parent->kids[parent->nkids++];
	memset(k, 0, sizeof(*k));
	return k;
}

/*
 * The machinery behind yaml_load and yaml_load_stream: one parser over
 * the whole buffer, so every mark is already the stream's line and
 * column, and the documents are read one after another.
 */
struct reader {
	const char	*name;
	const char	*buf;
	struct arena	*arena;		/* the tree's, or NULL: malloc */
	yaml_parser_t	 parser;
	bool		 broken;	/* libyaml failed: it cannot go on */
};

static int
reader_open(struct reader *r, const char *name, const char *buf, size_t len,
    struct arena *a)
{
	int rc;

	memset(r, 0, sizeof(*r));
	r->name = name;
	r->buf = buf;
	r->arena = a;
	if ((rc = check_encoding(name, buf, len)) != 0)
		return rc;
	if (!yaml_parser_initialize(&r->parser)) {
		diag_fail(EXIT_IOERR, "out of memory");
		return -1;
	}
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)buf,
	    len);
	/* Not set_encoding: check_encoding refused UTF-16 already, and
	 * forcing UTF-8 stops libyaml from skipping a byte order mark. */
	return 0;
}

static void
reader_close(struct reader *r)
{
	yaml_parser_delete(&r->parser);
}

/* The next event, or -1 after reporting libyaml's error. */
static int
next_event(struct reader *r, yaml_event_t *ev)
{
	if (yaml_parser_parse(&r->parser, ev))
		return 0;
	parse_error(r->name, r->buf, &r->parser);
	r->broken = true;
	return -1;
}

/*
 * One document, its DOCUMENT-START already read, into root, up to and
 * including its DOCUMENT-END.  Empty is set for a document with no
 * content (comments, a bare "---"): libyaml gives it an empty plain
 * scalar without a tag, and a plain scalar written is never empty, so
 * '' and "!!str" alone are still documents.  On a refusal
 * the first problem is reported, the events after it are left unread
 * and root holds nothing.
 */
static int
read_doc(struct reader *r, struct ynode *root, bool *empty)
{
	yaml_event_t ev;
	struct ynode *stack[YAML_MAX_DEPTH + 1];
	struct ykeys keys[YAML_MAX_DEPTH + 1];	/* of the maps on the stack */
	int depth = 0, rc = 0;
	bool done = false, have_root = false;

	memset(root, 0, sizeof(*root));
	*empty = false;
	while (!done && rc == 0) {
		struct ynode *n;

		if ((rc = next_event(r, &ev)) != 0)
			break;
		if ((rc = check_node_props(r->name, &ev)) != 0) {
			yaml_event_delete(&ev);
			break;
		}
		switch (ev.type) {
		case YAML_DOCUMENT_END_EVENT:
			done = true;
			break;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == 0) {
				if (have_root)
					abort();	/* libyaml allows one root */
				have_root = true;
				n = root;
				*empty = ev.type == YAML_SCALAR_EVENT &&
				    ev.data.scalar.length == 0 &&
				    ev.data.scalar.tag == NULL &&
				    ev.data.scalar.style ==
				    YAML_PLAIN_SCALAR_STYLE;
			} else
				n = add_kid(r->arena, stack[depth - 1]);
			if (ev.type == YAML_SCALAR_EVENT) {
				rc = scalar_node(r->name, r->arena, &ev, n);
				if (rc == 0 && depth > 0 &&
				    stack[depth - 1]->type == Y_MAP &&
				    stack[depth - 1]->nkids % 2 == 1)
					rc = check_key(r->name, stack[depth - 1],
					    &keys[depth - 1]);
				break;
			}
			if (depth > 0 && stack[depth - 1]->type == Y_MAP &&
			    stack[depth - 1]->nkids % 2 == 1) {
				diag_error(EXIT_DATAERR, r->name, mark_pos(ev.start_mark),
				    "a key must be a plain string");
				rc = -1;
				break;
			}
			if (depth == YAML_MAX_DEPTH) {
				diag_error(EXIT_DATAERR, r->name, mark_pos(ev.start_mark),
				    "nested deeper than %d levels",
				    YAML_MAX_DEPTH);
				rc = -1;
				break;
			}
			n->type = ev.type == YAML_MAPPING_START_EVENT ?
			    Y_MAP : Y_SEQ;
			n->pos = mark_pos(ev.start_mark);
			memset(&keys[depth], 0, sizeof(keys[depth]));
			keys[depth].arena = r->arena;
			stack[depth++] = n;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			ykeys_free(&keys[--depth]);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	while (depth > 0)
		ykeys_free(&keys[--depth]);
	if (rc != 0 && r->arena == NULL)
		ynode_free(root);
	if (rc != 0)
		memset(root, 0, sizeof(*root));
	return rc;
}

/*
 * After a refused document, the rest of it unread, so the next can be
 * read.  Quiet: a document reports its first problem only, as one that
 * yaml_load reads does.
 */
static void
skip_doc(struct reader *r)
{
	yaml_event_t ev;

	for (;;) {
		yaml_event_type_t t;

		if (!yaml_parser_parse(&r->parser, &ev)) {
			r->broken = true;
			return;
		}
		t = ev.type;
		yaml_event_delete(&ev);
		if (t == YAML_DOCUMENT_END_EVENT)
			return;
	}
}

int
yaml_load(const char *name, const char *buf, size_t len, struct ynode *root)
{
	return yaml_load_in(name, buf, len, root, NULL);
}

int
yaml_load_in(const char *name, const char *buf, size_t len, struct ynode *root,
    struct arena *a)
{
	struct reader r;
	yaml_event_t ev;
	int rc, ndocs = 0;
	bool empty;

	/* No document at all is an empty mapping. */
	memset(root, 0, sizeof(*root));
	root->type = Y_MAP;
	root->pos.line = root->pos.col = 1;
	if ((rc = reader_open(&r, name, buf, len, a)) != 0)
		return rc;
	while ((rc = next_event(&r, &ev)) == 0) {
		yaml_event_type_t t = ev.type;

		if (t == YAML_DOCUMENT_START_EVENT && ++ndocs > 1) {
			diag_error(EXIT_DATAERR, name, mark_pos(ev.start_mark),
			    "more than one YAML document in the file");
			rc = -1;
		}
		yaml_event_delete(&ev);
		if (rc != 0 || t == YAML_STREAM_END_EVENT)
			break;
		if (t == YAML_DOCUMENT_START_EVENT &&
		    (rc = read_doc(&r, root, &empty)) != 0)
			break;
	}
	reader_close(&r);
	if (rc != 0) {
		if (a == NULL)
			ynode_free(root);
		memset(root, 0, sizeof(*root));
		root->type = Y_MAP;
	}
	return rc;
}

int
yaml_load_stream(const char *name, const char *buf, size_t len,
    int (*each)(struct ynode *, void *), void *arg)
{
	struct reader r;
	yaml_event_t ev;
	struct ynode doc;
	int rc, worst = 0;
	bool empty;

	if ((rc = reader_open(&r, name, buf, len, NULL)) != 0)
		return rc;
	while (!r.broken) {
		yaml_event_type_t t;

		if ((rc = next_event(&r, &ev)) != 0) {
			worst = rc;
			break;
		}
		t = ev.type;
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT)
			break;
		if (t != YAML_DOCUMENT_START_EVENT)
			continue;
		if ((rc = read_doc(&r, &doc, &empty)) != 0) {
			/* A refused document: the others are still read. */
			worst = rc;
			if (!r.broken)
				skip_doc(&r);
			continue;
		}
		if (!empty)
			rc = each(&doc, arg);
		ynode_free(&doc);
		if (rc != 0) {
			worst = rc;
			break;
		}
	}
	reader_close(&r);
	return worst;
}

void
ynode_free(struct ynode *n)
{
	for (size_t i = 0; i < n->nkids; i++)
		ynode_free(&n->kids[i]);
	free(n->kids);
	free(n->s);
	n->kids = NULL;
	n->nkids = 0;
	n->s = NULL;
}

void
ynode_dup(struct ynode *dst, const struct ynode *src)
{
	size_t cap;

	*dst = *src;
	if (src->s != NULL)
		dst->s = xstrndup(src->s, src->len);
	if (src->nkids == 0) {
		dst->kids = NULL;
		return;
	}
	/* Room for a power of two, as ynode_add_kid keeps it. */
	for (cap = 1; cap < src->nkids; cap *= 2)
		continue;
	dst->kids = xreallocarray(NULL, cap, sizeof(*dst->kids));
	for (size_t i = 0; i < src->nkids; i++)
		ynode_dup(&dst->kids[i], &src->kids[i]);
}

const struct ynode *
ynode_get(const struct ynode *map, const char *key)
{
	if (map->type != Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->nkids; i += 2)
		if (strcmp(map->kids[i].s, key) == 0)
			return &map->kids[i + 1];
	return NULL;
}
