/*
 * JSON in (RFC 8259), strictly, into the tree yaml_read.h builds, so an
 * entry from JSON meets the same checks as one from YAML.  Strings
 * become quoted scalars; numbers, true, false and null plain ones (null
 * is then "absent", as in YAML).  Every node keeps its line and column.
 * Strings obey the text rules of text_check(): well-formed UTF-8, no
 * NUL, no control characters but tab and newline, even when escaped.
 */
#ifndef DL_JSON_READ_H
#define DL_JSON_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct ynode;

struct json_reader {
	const char	*name;		/* for messages */
	const char	*buf;
	size_t		 len;
	size_t		 off;		/* the next byte to read */
	struct pos	 at;		/* its line and column (characters) */
	int		 maxdepth;	/* arrays and objects nested deeper are refused */
};

/* Read buf (len bytes, a UTF-8 byte order mark skipped) as name. */
void	json_reader_init(struct json_reader *, const char *name,
	    const char *buf, size_t len, int maxdepth);

/* Skip white space; true when nothing is left. */
bool	json_at_end(struct json_reader *);

/*
 * Parse the next value into n.  Returns 0, or -1 (65) after one
 * name:line:column message (n is then empty).
 */
int	json_read_value(struct json_reader *, struct ynode *n);

#endif
