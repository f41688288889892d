/*
 * Comments and approvals of entries (dailylog(5) "Comments"): one file
 * each, ROOT/comments/ID/YYYYMMDD-HHMMSS.uuuuuu-XXXXXX.yaml (the time to
 * the microsecond and six random letters), never inside entries/, so
 * that a manager commenting and a representative editing the entry
 * never change the same file and two commenters never write the same
 * one.  A
 * file is a mapping:
 *
 *	date: 2026-11-24 18:30		required
 *	author: 鈴木			required
 *	approval: true			an approval; absent in a comment
 *	text: |				a comment's text (required there)
 *
 * read back through the YAML loader with its positions, like entries.
 * Functions return 0, or -1 after reporting (diag.h).
 */
#ifndef DL_COMMENTS_H
#define DL_COMMENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"

struct store;
struct strlist;

struct comment {
	char		*path;		/* its file, once read or written */
	struct date	 date;
	char		*author;
	bool		 approval;
	char		*text;		/* NULL: none (an approval) */
};

struct comment_list {
	struct comment	*v;
	size_t		 n;
};

/*
 * Write c as a new file of entry id: checked by the loader first, then
 * linked into place without ever replacing a file; its path is recorded
 * for the commit (store_changed) and set in c->path.
 */
int	comments_add(struct store *, const char *id, struct comment *);

/*
 * The comments and approvals of entry id, oldest first; none when it
 * has none.  A file that does not load is reported (65) and left out.
 */
void	comments_load(const struct store *, const char *id,
	    struct comment_list *);
void	comments_free(struct comment_list *);

/*
 * Remove every comment and approval of entry id, and its directory
 * (the entry is being removed: under the caller's lock); each removal
 * is recorded for the commit.
 */
int	comments_remove(struct store *, const char *id);

/* The IDs of the entries with an approval, sorted (a new list). */
void	comments_approved(const struct store *, struct strlist *);

/*
 * check: every file under ROOT/comments loads; comments of an ID that
 * is not in ids (the store's, sorted here) are warned about.
 */
void	comments_check(const struct store *, struct strlist *ids);

#endif
