/*
 * jrnl's "--export json" as dailylog entries, over the node tree of
 * yaml_read.h (json_read.h builds it): {"tags": {...}, "entries": [...]},
 * each entry's title and body kept, date and time joined, tags without
 * their "@", starred as the tag "starred", any other key K kept as
 * x-jrnl-K.  dailylog-import(1) is the contract.  No I/O but the
 * messages; the trees made are for entry_from_node to check.
 */
#ifndef DL_IMPORT_JRNL_H
#define DL_IMPORT_JRNL_H

#include <stdbool.h>

struct ynode;

/* Whether root is a jrnl export: a mapping that holds "entries". */
bool	jrnl_is_export(const struct ynode *root);

/*
 * One jrnl entry j as the tree of a dailylog entry in *out, moving j's
 * nodes there (j is left to free).  A j that is not a mapping is moved
 * as it is, for entry_from_node to say what is wrong.  Returns 0, or
 * -1 after reporting (out is then empty).
 */
int	jrnl_entry(const char *name, struct ynode *j, struct ynode *out);

/*
 * The entries of the export root, each converted by jrnl_entry and
 * handed to each() (and freed when it returns), in order.  Every
 * problem is reported: a top-level key besides "tags" and "entries",
 * entries that are not a list, an entry that does not convert; the
 * entries after one that does not are still converted.  Returns 0, or
 * -1 after reporting, or when each() returned -1 (which stops).
 */
int	jrnl_read(const char *name, struct ynode *root,
	    int (*each)(struct ynode *entry, void *arg), void *arg);

#endif
