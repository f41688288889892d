/*
 * References: the ways a command names entries (dailylog(1)): an ID, a
 * unique prefix of one, SERIES:PART, "@" for the newest entry and "@~N"
 * for the Nth before it (as git's HEAD~N), or a series alone where a
 * command takes one.  Only the text is parsed here; catalog.c looks
 * them up.
 */
#ifndef DL_REF_H
#define DL_REF_H

#include <stdbool.h>

enum ref_kind {
	REF_BAD,	/* none of the forms */
	REF_ID,		/* an ID or a prefix of one; maybe also a series */
	REF_PART,	/* SERIES:PART */
	REF_NEWEST	/* @, @~N ("@~" is @~1) */
};

struct ref {
	enum ref_kind	 kind;
	const char	*text;		/* what was given */
	char		 slug[65];	/* REF_PART, or a REF_ID that is a slug */
	long		 part;		/* REF_PART: 1 to PART_MAX */
	long		 back;		/* REF_NEWEST: N of @~N, 0 for @ */
	const char	*why;		/* REF_BAD: what is wrong */
};

/* Parse s into r; r->kind says which form it is. */
enum ref_kind ref_parse(const char *s, struct ref *r);

/* A REF_ID that is also a series name ("badge"). */
bool	ref_is_series(const struct ref *);

#endif
