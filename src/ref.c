/* Parsing references (ref.h). */
#include <stdbool.h>
#include <string.h>

#include "entry.h"
#include "ref.h"

/* "@", "@~" or "@~N": the newest entry, or the Nth before it. */
static enum ref_kind
newest(const char *s, struct ref *r)
{
	const char *p = s + 1;

	if (*p == '\0')
		return r->kind = REF_NEWEST;
	if (*p++ != '~')
		return REF_BAD;
	if (*p == '\0') {
		r->back = 1;
		return r->kind = REF_NEWEST;
	}
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return REF_BAD;
		/* More than any store holds: no overflow, no match. */
		if ((r->back = r->back * 10 + (*p - '0')) > 99999999) {
			r->why = "the number after @~ is too large";
			return REF_BAD;
		}
	}
	return r->kind = REF_NEWEST;
}

enum ref_kind
ref_parse(const char *s, struct ref *r)
{
	const char *colon = strchr(s, ':');
	size_t n;

	memset(r, 0, sizeof(*r));
	r->text = s;
	r->kind = REF_BAD;
	r->why = "expected ID, ID prefix, SERIES:PART, @ or @~N";
	if (s[0] == '@')
		return newest(s, r);
	if (colon == NULL) {
		if (!id_valid(s))
			return REF_BAD;
		if (slug_valid(s))
			strcpy(r->slug, s);
		return r->kind = REF_ID;
	}
	n = (size_t)(colon - s);
	if (n == 0 || n >= sizeof(r->slug))
		return REF_BAD;
	memcpy(r->slug, s, n);
	r->slug[n] = '\0';
	if (!slug_valid(r->slug)) {
		r->slug[0] = '\0';
		return REF_BAD;
	}
	if (!part_parse(colon + 1, &r->part)) {
		/* All digits, but past the last part: say so. */
		if (strspn(colon + 1, "0123456789") == strlen(colon + 1) &&
		    colon[1] >= '1' && colon[1] <= '9')
			r->why = "the part number is too large (at most 999999)";
		r->slug[0] = '\0';
		return REF_BAD;
	}
	return r->kind = REF_PART;
}

bool
ref_is_series(const struct ref *r)
{
	return r->kind == REF_ID && r->slug[0] != '\0';
}
