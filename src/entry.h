/* The entry: one daily report, as the plain struct every command works on. */
#ifndef DL_ENTRY_H
#define DL_ENTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "diag.h"
#include "yaml_read.h"

/* The contract's keys, in the contract's order (also the order written). */
enum field {
	F_DATE, F_TITLE, F_SERIES, F_PART, F_CLIENT, F_CONTACT, F_STAFF,
	F_TAGS, F_RESULT, F_NEXT, F_AUTHOR, F_DRAFT, F_BODY, F_COUNT
};

extern const char *const field_names[F_COUNT];

struct strlist {
	char	**v;
	size_t	  n;
};

/* A key beginning with "x-": kept as written, ignored otherwise. */
struct xfield {
	char		*key;
	struct ynode	 value;
};

struct entry {
	char		*id;		/* file name without .yaml; NULL until stored */
	char		*path;		/* where it was loaded from, or NULL */
	struct date	 date;
	char		*title;
	char		*series;	/* NULL when not in a series */
	long		 part;		/* 0 when absent */
	char		*client;
	char		*contact;
	char		*staff;
	struct strlist	 tags;
	char		*result;
	struct strlist	 next;
	char		*author;	/* who wrote it, or NULL */
	bool		 draft;		/* kept out of published output */
	char		*body;
	struct xfield	*x;
	size_t		 nx;
	struct pos	 pos[F_COUNT];	/* where each value was; {0,0} if absent */
};

#define ENTRY_MAX_FILE	(1024 * 1024)	/* larger files are refused */
/* What edit opens: an entry too large to load can be edited down. */
#define EDIT_MAX_FILE	(16 * ENTRY_MAX_FILE)
#define PART_MAX	999999		/* the highest part number */

void	entry_init(struct entry *);
void	entry_free(struct entry *);

/*
 * Every field that src sets (a date, a string, a non-empty list) moved
 * over dst's, src's x- keys left alone: the command line over a file.
 */
void	entry_merge(struct entry *dst, struct entry *src);

/* Drop what the index does not keep: result, next, body and x- keys. */
void	entry_summarize(struct entry *);
/*
 * The summary of v (a view, or an entry that points elsewhere) copied:
 * into arena a, or (a NULL) one the caller owns (entry_free).
 */
struct entry *entry_summary_copy(struct arena *a, const struct entry *v);

/* Whether e sets no field at all. */
bool	entry_is_empty(const struct entry *);

/*
 * Whether a and b hold the same report: every field alike, and the same
 * x- keys in the same order with the same values, a scalar compared by
 * its text and its YAML type (ynode_scalar), not by its quoting.  IDs,
 * paths and positions are not compared.
 */
bool	entry_same(const struct entry *a, const struct entry *b);

/*
 * A body begins with its first line that is not blank and ends in
 * exactly one newline, so that it is written as a "|" block; a blank
 * body is none.
 */
void	entry_normalize_body(struct entry *);

/*
 * Fill e from a parsed document (copying its strings: the tree stays
 * the caller's), reporting every schema problem as name:line:column.  Partial skips the rules across
 * fields (required keys), for input the command line completes.
 * Returns 0 or -1 (65).
 */
int	entry_from_node(const char *name, struct ynode *, struct entry *,
	    bool partial);

/* Read and validate one entry file.  Returns 0 or -1. */
int	entry_load(const char *path, struct entry *);

/* The same for name relative to dirfd; path is used in messages. */
int	entry_load_at(int dirfd, const char *name, const char *path,
	    struct entry *);
/*
 * What a reader of many files reuses from one to the next: the room the
 * file is read into, and the arena of its YAML tree.
 */
struct entry_reuse {
	struct buf	file;
	struct arena	tree;
};
#define ENTRY_REUSE_INIT { BUF_INIT, ARENA_INIT }
void	entry_reuse_free(struct entry_reuse *);

/* entry_load_at with the room of r. */
int	entry_load_reusing(int dirfd, const char *name, const char *path,
	    struct entry *, struct entry_reuse *r);
/*
 * The same as a view, for a reader that looks at each entry once and
 * keeps nothing of it (check, export): its strings and lists are those
 * of the YAML tree in r, nothing copied.  Valid until the next load
 * with r; never passed to entry_free or changed.  The file is one a
 * walk of the store has just seen regular (file_read_regular).
 */
int	entry_view_reusing(int dirfd, const char *name, const char *path,
	    struct entry *view, struct entry_reuse *r);
/*
 * The same for the next file of ra (readahead.h), which is the one at
 * path: when ra is NULL or could not read it, it is read here, through
 * its directory in dc (fsio.h).
 */
struct dircache;
struct readahead;
int	entry_view_ahead(struct readahead *ra, struct dircache *dc,
	    const char *path, struct entry *view, struct entry_reuse *r);
/* The same from memory; name is used in messages. */
int	entry_load_buf(const char *name, const char *buf, size_t len,
	    struct entry *, bool partial);
/* A view from memory, in arena a (emptied first); no ID or path. */
int	entry_view_buf(const char *name, const char *buf, size_t len,
	    struct entry *view, struct arena *a);

/*
 * The rules across fields (required keys, part only with series) and the
 * text rules of the loader, for an entry made on the command line.
 */
int	entry_validate(const char *name, const struct entry *);

/* Add a string to a list. */
void	strlist_add(struct strlist *, const char *);
void	strlist_free(struct strlist *);
/* Equal values: two strings (either may be NULL), two lists. */
bool	text_same(const char *, const char *);
bool	strlist_same(const struct strlist *, const struct strlist *);

/*
 * A part number as dailylog(5) writes it: decimal digits, the first not
 * 0, from 1 to PART_MAX; no sign, space or leading zero.
 */
bool	part_parse(const char *, long *part);

/* The ID and slug rules of dailylog(5). */
bool	id_valid(const char *);
bool	slug_valid(const char *);

/* The candidate within a small edit distance of word, or NULL. */
const char *suggest(const char *word, const char *const *cands, size_t n);

/* One entry file read whole into a new entry; NULL after a report. */
struct entry *entry_read(const char *path);

/* Entries, each owned by the list. */
struct entry_list {
	struct entry	**v;
	size_t		  n;
};

/* Append e (owned by the list from now on). */
void	entry_list_add(struct entry_list *, struct entry *);
void	entry_list_free(struct entry_list *);

/* Order for listing: date, time, then ID. */
int	entry_cmp(const void *, const void *);

#endif
