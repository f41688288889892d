/*
 * The reading half of import: an input buffer into a batch of entries,
 * each read and validated as an entry file is, or nothing.  The first
 * byte that is not white space decides the format (dailylog-import(1)):
 * "[" a JSON array, "{" JSON Lines or one jrnl export, anything else a
 * YAML stream.  The keys export writes besides the entry's own (id, and
 * path in JSON) are dropped; no part may be given twice in the input.
 * No store is touched here: parts are checked against the store, and
 * given, by whoever stores the batch.
 */
#ifndef DL_IMPORT_H
#define DL_IMPORT_H

#include <stddef.h>

struct entry_list;

enum import_format {
	IMPORT_YAML,		/* a YAML stream, one entry a document */
	IMPORT_JSON_ARRAY,	/* "[": an array of entry objects */
	IMPORT_JSON_OBJECTS,	/* "{": JSON Lines, or one jrnl export */
};

/* The format of buf, by its first byte that is not white space. */
enum import_format import_format(const char *buf, size_t len);

/*
 * Read buf (len bytes; name for messages) into b, in the input's order.
 * Every problem is
 * reported as name:line:column, in the input's order, and then b is
 * empty.  An input without entries is a success with b->n == 0.
 * Returns 0 or -1.
 */
int	import_read(const char *name, const char *buf, size_t len,
	    struct entry_list *b);

#endif
