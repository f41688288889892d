/*
 * libyaml's event parser into a small tree that remembers where every
 * node was.  All the loader's defences live here: UTF-8 only (a byte
 * order mark is skipped), no aliases or anchors, no tags but YAML's
 * own, a depth cap, duplicate keys, NUL bytes and control characters.
 * A single document and a stream of them pass the same defences.
 */
#ifndef DL_YAML_READ_H
#define DL_YAML_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct arena;

#define YAML_MAX_DEPTH	8

enum ynode_type { Y_SCALAR, Y_SEQ, Y_MAP };

struct ynode {
	enum ynode_type	 type;
	char		*s;		/* scalar text, NUL-terminated */
	size_t		 len;
	bool		 plain;		/* an unquoted plain scalar */
	struct pos	 pos;
	struct ynode	*kids;		/* a map holds key, value, key, value... */
	size_t		 nkids;
};

/*
 * Parse exactly one document.  Reports the first problem as
 * name:line:column and returns -1 (65), or 0.
 */
int	yaml_load(const char *name, const char *buf, size_t len, struct ynode *);

/*
 * The same with every node, key and text of the tree in arena a: a
 * reader of many files resets one arena between them (arena_reset),
 * and no allocation of libyaml's outlives its event, so the heap stays
 * as libyaml leaves it.  The tree is freed with the arena, never with
 * ynode_free; what must outlive it is copied (ynode_dup).
 */
int	yaml_load_in(const char *name, const char *buf, size_t len,
	    struct ynode *, struct arena *a);

/*
 * Parse a stream of documents with one parser, handing each to each()
 * as a tree whose positions are the stream's; the tree is freed when
 * each() returns (it may take strings and nodes out).  A document with
 * no content (comments only, a bare "---") is skipped.  A document the
 * defences refuse is reported (its first problem) and the next one
 * read; a libyaml error (syntax, encoding) is reported and ends the
 * stream, as libyaml cannot go on after one.  Returns 0; or -1 after
 * reporting, or when each() returned -1, which stops the stream.
 */
int	yaml_load_stream(const char *name, const char *buf, size_t len,
	    int (*each)(struct ynode *doc, void *arg), void *arg);

/*
 * The text rules of every value: no NUL, well-formed UTF-8, no control
 * characters but tab and newline.  Reports the first break and returns
 * -1 (65), or 0.
 */
int	text_check(const char *name, struct pos, const char *s, size_t len);

void	ynode_free(struct ynode *);
/* A deep copy of src in memory of its own, for ynode_free. */
void	ynode_dup(struct ynode *dst, const struct ynode *src);

/* What a plain scalar is by YAML 1.2's core schema; quoted is text. */
enum yscalar { YS_STR, YS_NULL, YS_BOOL, YS_INT, YS_FLOAT };

/*
 * The core schema's reading of plain text s (len bytes): null ("", ~,
 * null), a boolean (true, false, in three cases), an integer (decimal,
 * 0o octal, 0x hexadecimal), a float (with . or an exponent, .inf,
 * .nan), else a string.
 */
enum yscalar yscalar_of(const char *s, size_t len);
/* The same for a scalar node: YS_STR when it was quoted. */
enum yscalar ynode_scalar(const struct ynode *);
/*
 * Whether two trees hold the same values and types (quoting may differ;
 * a null is a null however spelt).  Either may be NULL.
 */
bool	ynode_same(const struct ynode *, const struct ynode *);

/* A new, empty last kid of parent (a sequence or a map). */
struct ynode *ynode_add_kid(struct ynode *parent);

/* The value for key in a map, or NULL. */
const struct ynode *ynode_get(const struct ynode *, const char *);

/*
 * The keys of one mapping as it is read, hashed, so that a mapping of
 * a hundred thousand keys is checked for duplicates in linear time.
 * It holds places in the map's kids, which may move.
 */
struct ykeys {
	size_t		*slot;		/* 1 + the kid's place, or 0 */
	size_t		 cap;		/* a power of two, or 0 */
	size_t		 n;
	struct arena	*arena;		/* where slot lives, or NULL: malloc */
};

/*
 * Add map->kids[k], a scalar key: the place of the same key met
 * before, or SIZE_MAX when it is new.
 */
size_t	ykeys_add(struct ykeys *, const struct ynode *map, size_t k);
void	ykeys_free(struct ykeys *);

#endif
