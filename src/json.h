/* JSON out: all escaping in one place. */
#ifndef DL_JSON_H
#define DL_JSON_H

#include <stdbool.h>

struct buf;
struct entry;
struct entry_list;

/* A JSON string literal for s (valid UTF-8 assumed, as the loader ensures). */
void	json_string(struct buf *, const char *s);

/* One entry as a JSON object on one line: id, path, then every field. */
void	entry_to_json(const struct entry *, struct buf *);

#endif
