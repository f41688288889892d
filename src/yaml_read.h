/*
 * libyaml's event parser into a small tree that remembers where every
 * node was.  All the loader's defences live here: UTF-8 only, no
 * aliases or anchors, a depth cap, duplicate keys, NUL bytes.
 */
#ifndef DL_YAML_READ_H
#define DL_YAML_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

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
 * name:line:column and returns EXIT_DATAERR, or 0.
 */
int	yaml_load(const char *name, const char *buf, size_t len, struct ynode *);

/*
 * The text rules of every value: no NUL, well-formed UTF-8, no control
 * characters but tab and newline.  Reports the first break and returns
 * EXIT_DATAERR, or 0.
 */
int	text_check(const char *name, struct pos, const char *s, size_t len);

void	ynode_free(struct ynode *);

/* The value for key in a map, or NULL. */
const struct ynode *ynode_get(const struct ynode *, const char *);

#endif
