/* Entries out through libyaml's emitter: Unicode, literal blocks, contract order. */
#ifndef DL_YAML_WRITE_H
#define DL_YAML_WRITE_H

#include <stdbool.h>

struct buf;
struct entry;

/* Append e as one YAML document; with_id puts "id:" first (export). */
void	entry_to_yaml(const struct entry *, bool with_id, bool doc_start,
	    struct buf *);

/* A key and its value for yaml_write_map; plain: a word written as is. */
struct yaml_pair {
	const char	*key;
	const char	*value;		/* NULL: left out */
	bool		 plain;		/* true, a date: never quoted */
};

/*
 * A flat mapping as one YAML document, values written as entries' text
 * is (quoted where YAML needs it, a literal block when multi-line).
 */
void	yaml_write_map(const struct yaml_pair *, size_t n, struct buf *);

/*
 * The editor's starting point for a new entry: every field, e's values
 * filled in, with hints in Japanese and English as comments.
 */
void	entry_template(const struct entry *, struct buf *);

#endif
