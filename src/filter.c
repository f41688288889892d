/* The entry filters (filter.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <unistr.h>

#include "buf.h"
#include "comments.h"
#include "entry.h"
#include "filter.h"

void
filter_init(struct filter *f)
{
	memset(f, 0, sizeof(*f));
}

void
filter_load(struct filter *f, const struct store *st)
{
	struct strlist ids;

	if (f->approval == 0)
		return;
	comments_approved(st, &ids);
	f->approved = ids.v;
	f->napproved = ids.n;
}

void
filter_free(struct filter *f)
{
	struct strlist ids = { f->approved, f->napproved };

	for (int k = 0; k < FILTER_KINDS; k++) {
		strlist_free(&f->any[k]);
		strlist_free(&f->none[k]);
	}
	strlist_free(&ids);
	filter_init(f);
}

static int
cmp_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The folded form of s into out without libunistring, when s is made of
 * what folds simply: ASCII (capitals lowered), the full-width forms of
 * ASCII (U+FF01..FF5E, which NFKC makes ASCII), and the kana, kanji and
 * punctuation where NFKC and case folding are the identity and nothing
 * combines -- most Japanese text.  False, with out unfinished, when s
 * holds anything else; then only libunistring knows.  --grep folds every
 * text field of every entry: this is its fast path.
 */
static bool
fold_simple(const char *s, struct buf *out)
{
	static const ucs4_t same[][2] = {
		{ 0x3001, 0x3029 }, { 0x3030, 0x3035 }, { 0x3037, 0x3037 },
		{ 0x303B, 0x3098 }, { 0x309D, 0x309E }, { 0x30A0, 0x30FE },
		{ 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	};
	const uint8_t *p = (const uint8_t *)s;

	buf_reset(out);
	while (*p != '\0') {
		const uint8_t *run = p;
		ucs4_t uc;
		size_t i;
		int n;

		while (*p >= 0x80 || (*p != '\0' && (*p < 'A' || *p > 'Z'))) {
			if (*p < 0x80) {
				p++;
				continue;
			}
			if ((n = u8_strmbtouc(&uc, p)) <= 0)
				return false;
			for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
				if (uc >= same[i][0] && uc <= same[i][1])
					break;
			if (i == sizeof(same) / sizeof(same[0]))
				break;
			p += n;
		}
		buf_add(out, run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (*p >= 'A' && *p <= 'Z') {
			buf_addc(out, *p++ + 'a' - 'A');
			continue;
		}
		/* A character outside the runs above. */
		if ((n = u8_strmbtouc(&uc, p)) <= 0 || uc < 0xFF01 ||
		    uc > 0xFF5E)
			return false;
		uc -= 0xFEE0;		/* its ASCII form */
		buf_addc(out, uc >= 'A' && uc <= 'Z' ? (int)uc + 'a' - 'A' :
		    (int)uc);
		p += n;
	}
	buf_adds(out, "");
	return true;
}

/*
 * NFKC first, so that compatibility characters fold as their plain
 * forms do, then case folding, which libunistring follows with NFKC
 * (Unicode's compatibility caseless match, composed).  ASCII, the
 * common case of IDs and English names, only needs its letters
 * lowered.
 */
char *
filter_fold(const char *s)
{
	size_t n = strlen(s), len, flen;
	uint8_t *norm, *folded;
	struct buf b = BUF_INIT;
	char *out;

	if (fold_simple(s, &b))
		return buf_detach(&b);
	buf_free(&b);
	norm = u8_normalize(UNINORM_NFKC, (const uint8_t *)s, n, NULL, &len);
	folded = norm == NULL ? NULL : u8_casefold(norm, len, NULL,
	    UNINORM_NFKC, NULL, &flen);
	free(norm);
	if (folded == NULL)	/* invalid UTF-8 (never loaded) or no memory */
		return xstrdup(s);
	out = xstrndup((const char *)folded, flen);
	free(folded);
	return out;
}

void
filter_add(struct filter *f, enum filter_kind k, bool exclude,
    const char *value)
{
	struct strlist *l = exclude ? &f->none[k] : &f->any[k];
	char *folded;

	if (k == FILTER_SERIES) {	/* a slug: compared as it is */
		strlist_add(l, value);
		return;
	}
	folded = filter_fold(value);
	strlist_add(l, folded);
	free(folded);
}

bool
filter_range_ok(const struct filter *f)
{
	if (!f->has_since || !f->has_until)
		return true;
	if (!f->until.has_time)
		return date_cmp_day(&f->since, &f->until) <= 0;
	return date_cmp(&f->since, &f->until) <= 0;
}

bool
filter_needs_text(const struct filter *f)
{
	return f->any[FILTER_GREP].n > 0 || f->none[FILTER_GREP].n > 0;
}

/* Which of l's values s is (whole), or -1; s NULL is none of them. */
static long
which_value(const struct strlist *l, const char *s, bool fold)
{
	char *folded;
	long at = -1;

	if (s == NULL || l->n == 0)
		return -1;
	folded = fold ? filter_fold(s) : NULL;
	for (size_t i = 0; i < l->n && at < 0; i++)
		if (strcmp(l->v[i], folded ? folded : s) == 0)
			at = (long)i;
	free(folded);
	return at;
}

/* Whether any of the values is s (folded) or, with tags, one of them. */
static bool
value_in(const struct strlist *l, enum filter_kind k, const struct entry *e)
{
	const char *s;

	switch (k) {
	case FILTER_SERIES:
		return which_value(l, e->series, false) >= 0;
	case FILTER_CLIENT:
		s = e->client;
		break;
	case FILTER_CONTACT:
		s = e->contact;
		break;
	case FILTER_STAFF:
		s = e->staff;
		break;
	case FILTER_AUTHOR:
		s = e->author;
		break;
	case FILTER_TAG:
		for (size_t i = 0; i < e->tags.n; i++)
			if (which_value(l, e->tags.v[i], true) >= 0)
				return true;
		return false;
	default:
		return false;
	}
	return which_value(l, s, true) >= 0;
}

/* Whether one of the needles is in s, folded. */
static bool
text_has(const struct strlist *needles, const char *s)
{
	char *folded;
	bool found = false;

	if (s == NULL)
		return false;
	folded = filter_fold(s);
	for (size_t i = 0; i < needles->n && !found; i++)
		found = strstr(folded, needles->v[i]) != NULL;
	free(folded);
	return found;
}

/*
 * Whether one of the needles is in one of e's text fields.  Folded
 * UTF-8 is searched bytewise: UTF-8 never matches inside a character.
 */
static bool
grep_in(const struct strlist *needles, const struct entry *e)
{
	const char *fields[] = {
		e->title, e->client, e->contact, e->staff, e->result,
		e->author, e->body
	};

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (text_has(needles, fields[i]))
			return true;
	for (size_t i = 0; i < e->tags.n; i++)
		if (text_has(needles, e->tags.v[i]))
			return true;
	for (size_t i = 0; i < e->next.n; i++)
		if (text_has(needles, e->next.v[i]))
			return true;
	return false;
}

static bool
kind_matches(const struct strlist *l, enum filter_kind k,
    const struct entry *e)
{
	return k == FILTER_GREP ? grep_in(l, e) : value_in(l, k, e);
}

bool
filter_match(const struct filter *f, const struct entry *e)
{
	/* A time in --since or --until counts; an entry without one is
	 * at the start of its day, as in the listing order. */
	if (f->has_since && (f->since.has_time ? date_cmp(&e->date,
	    &f->since) < 0 : date_cmp_day(&e->date, &f->since) < 0))
		return false;
	if (f->has_until && (f->until.has_time ? date_cmp(&e->date,
	    &f->until) > 0 : date_cmp_day(&e->date, &f->until) > 0))
		return false;
	for (int k = 0; k < FILTER_KINDS; k++) {
		if (f->any[k].n > 0 && !kind_matches(&f->any[k], k, e))
			return false;
		if (f->none[k].n > 0 && kind_matches(&f->none[k], k, e))
			return false;
	}
	if (f->approval != 0 && (bsearch(&e->id, f->approved, f->napproved,
	    sizeof(*f->approved), cmp_id) != NULL) != (f->approval > 0))
		return false;
	return true;
}

long
filter_rank(const struct filter *f, const struct entry *e)
{
	long at = which_value(&f->any[FILTER_SERIES], e->series, false);

	if (at < 0)
		return 0;
	return at * (PART_MAX + 1L) + e->part;
}

struct ranked {
	long		 rank;
	struct entry	*e;
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return entry_cmp(&x->e, &y->e);
}

void
filter_finish(const struct filter *f, struct entry_list *l)
{
	size_t skip;

	if (f->any[FILTER_SERIES].n > 0 && l->n > 1) {
		struct ranked *r = xreallocarray(NULL, l->n, sizeof(*r));

		for (size_t i = 0; i < l->n; i++) {
			r[i].rank = filter_rank(f, l->v[i]);
			r[i].e = l->v[i];
		}
		qsort(r, l->n, sizeof(*r), cmp_ranked);
		for (size_t i = 0; i < l->n; i++)
			l->v[i] = r[i].e;
		free(r);
	}
	if (f->last > 0 && (size_t)f->last < l->n) {
		skip = l->n - (size_t)f->last;
		for (size_t i = 0; i < skip; i++) {
			entry_free(l->v[i]);
			free(l->v[i]);
		}
		memmove(l->v, l->v + skip, (size_t)f->last * sizeof(*l->v));
		l->n = (size_t)f->last;
	}
}

void
filter_apply(const struct filter *f, struct entry_list *l)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (filter_match(f, l->v[i]))
			l->v[kept++] = l->v[i];
		else {
			entry_free(l->v[i]);
			free(l->v[i]);
		}
	}
	l->n = kept;
	filter_finish(f, l);
}
