/*
 * UTF-8 text for terminals, on top of GNU libunistring: display width,
 * truncation, sanitizing, and line wrapping (UAX #14 plus Japanese
 * kinsoku).  Every function walks characters with char_at(), so invalid
 * input is handled the same way everywhere: each invalid byte is one
 * character of its own, one column wide.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unictype.h>
#include <unistr.h>
#include <uniwidth.h>

#include "buf.h"
#include "text.h"

/* Not a code point: what char_at() reports for an invalid byte. */
#define BAD_BYTE	0x110000

/* How text_sanitize() shows a character. */
enum shown {
	SHOWN_AS_IS,
	SHOWN_CARET,		/* ^X */
	SHOWN_CODE_POINT,	/* <U+XXXX> */
	SHOWN_HEX_BYTE		/* <XX> */
};

/*
 * Japanese kinsoku: characters that may not begin a line...  Both
 * tables are sorted, for bsearch(3).  The ASCII ones UAX #14 already
 * keeps; they are here for breaks forced inside an unbreakable run.
 */
static const ucs4_t no_line_start[] = {
	'!', ')', ',', '.', ':', ';', '?', ']', '}',
	0x2019, 0x201D,				/* ’ ” */
	0x3001, 0x3002, 0x3005, 0x3009, 0x300B,	/* 、 。 々 〉 》 */
	0x300D, 0x300F, 0x3011, 0x3015, 0x3017,	/* 」 』 】 〕 〗 */
	0x3019, 0x301F, 0x303B,			/* 〙 〟 〻 */
	0x3041, 0x3043, 0x3045, 0x3047, 0x3049,	/* ぁ ぃ ぅ ぇ ぉ */
	0x3063, 0x3083, 0x3085, 0x3087, 0x308E,	/* っ ゃ ゅ ょ ゎ */
	0x3095, 0x3096, 0x309D, 0x309E,		/* ゕ ゖ ゝ ゞ */
	0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,	/* ァ ィ ゥ ェ ォ */
	0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE,	/* ッ ャ ュ ョ ヮ */
	0x30F5, 0x30F6, 0x30FB, 0x30FC,		/* ヵ ヶ ・ ー */
	0x30FD, 0x30FE,				/* ヽ ヾ */
	0xFF01, 0xFF09, 0xFF0C, 0xFF0E,		/* ！ ） ， ． */
	0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D,	/* ： ； ？ ］ ｝ */
};

/* ...and characters that may not end one. */
static const ucs4_t no_line_end[] = {
	'(', '[', '{',
	0x2018, 0x201C,				/* ‘ “ */
	0x3008, 0x300A, 0x300C, 0x300E, 0x3010,	/* 〈 《 「 『 【 */
	0x3014, 0x3016, 0x3018, 0x301D,		/* 〔 〖 〘 〝 */
	0xFF08, 0xFF3B, 0xFF5B,			/* （ ［ ｛ */
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * The character at s (n > 0 bytes left): its code point in *uc, or
 * BAD_BYTE for a byte that does not start a valid sequence.  Returns
 * its length in bytes, always at least 1, so callers always advance.
 */
static size_t
char_at(const char *s, size_t n, ucs4_t *uc)
{
	int len;

	if ((unsigned char)*s < 0x80) {		/* most text: no call */
		*uc = (unsigned char)*s;
		return 1;
	}
	if ((len = u8_mbtoucr(uc, (const uint8_t *)s, n)) <= 0) {
		*uc = BAD_BYTE;
		return 1;
	}
	return (size_t)len;
}

static enum shown
shown_as(ucs4_t uc, bool keep_tab)
{
	if (uc == BAD_BYTE)
		return SHOWN_HEX_BYTE;
	if (uc == '\n' || (uc == '\t' && keep_tab))
		return SHOWN_AS_IS;
	if (uc < 0x20 || uc == 0x7F)
		return SHOWN_CARET;
	if (uc >= 0x80 && uc <= 0x9F)			/* C1 controls */
		return SHOWN_CODE_POINT;
	/*
	 * Format controls (category Cf: bidi marks, embeddings, overrides
	 * and isolates, zero-width characters, U+FEFF, tags) and the line
	 * and paragraph separators can reorder or hide text: none is
	 * printed raw.  ASCII has none, so it costs nothing there.
	 */
	if (uc >= 0xAD && (uc == 0x2028 || uc == 0x2029 ||
	    uc_is_general_category(uc, UC_CATEGORY_Cf)))
		return SHOWN_CODE_POINT;
	return SHOWN_AS_IS;
}

/*
 * Columns of one character.  A character that text_sanitize() replaces
 * counts as wide as its replacement (tab as ^I), so a string measures
 * the same before and after sanitizing; invalid bytes are the exception
 * and count one column, as a terminal shows U+FFFD for them.
 */
static int
width_of(ucs4_t uc, enum shown shown)
{
	int w;

	switch (shown) {
	case SHOWN_CARET:
		return 2;
	case SHOWN_CODE_POINT:			/* <U+XXXX>, <U+XXXXX> */
		return uc > 0xFFFFF ? 10 : uc > 0xFFFF ? 9 : 8;
	case SHOWN_HEX_BYTE:
		return 1;
	case SHOWN_AS_IS:
		break;
	}
	w = uc_width(uc, "UTF-8");
	return w < 0 ? 0 : w;
}

/*
 * How a character beyond ASCII is shown, and its width, remembered for
 * the last few: text repeats them (a navigation block says ←前編 on
 * every link), and uc_width() and the test for format controls look
 * through tables each time.
 */
struct seen {
	ucs4_t		uc;		/* 0: none yet */
	enum shown	shown;
	int		width;
};

static const struct seen *
seen_of(ucs4_t uc)
{
	static struct seen memo[64];
	struct seen *m = &memo[uc % 64];

	if (m->uc != uc) {
		m->uc = uc;
		m->shown = shown_as(uc, false);	/* keep_tab: ASCII only */
		m->width = width_of(uc, m->shown);
	}
	return m;
}

static int
char_width(ucs4_t uc)
{
	if (uc >= 0x80)
		return seen_of(uc)->width;
	return uc >= 0x20 && uc < 0x7F ? 1 : width_of(uc, shown_as(uc, false));
}

int
text_width(const char *s, size_t n)
{
	size_t i = 0;
	int w = 0;
	ucs4_t uc;

	while (i < n) {
		i += char_at(s + i, n - i, &uc);
		w += char_width(uc);
	}
	return w;
}

size_t
text_fit(const char *s, size_t n, int width)
{
	size_t i = 0, len;
	int w = 0, cw;
	ucs4_t uc;

	while (i < n) {
		len = char_at(s + i, n - i, &uc);
		cw = char_width(uc);
		if (w + cw > width)
			break;
		w += cw;
		i += len;
	}
	return i;
}

void
text_truncate(struct buf *out, const char *s, int width)
{
	size_t n;

	if (width <= 0 || s == NULL)
		return;
	n = strlen(s);
	if (text_width(s, n) <= width) {
		buf_add(out, s, n);
		return;
	}
	/* "…" is East Asian Ambiguous: one column. */
	buf_add(out, s, text_fit(s, n, width - 1));
	buf_adds(out, "…");
}

static void
add_spaces(struct buf *out, int n)
{
	for (; n > 0; n--)
		buf_addc(out, ' ');
}

void
text_pad(struct buf *out, const char *s, int width)
{
	size_t n = s == NULL ? 0 : strlen(s);

	buf_add(out, s, n);
	add_spaces(out, width - text_width(s, n));
}

size_t
text_span(const char *s, size_t n, const unsigned char stop[256])
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	/* Most text has no such byte: one branch per eight. */
	for (; i + 8 <= n; i += 8)
		if (stop[p[i]] | stop[p[i + 1]] | stop[p[i + 2]] |
		    stop[p[i + 3]] | stop[p[i + 4]] | stop[p[i + 5]] |
		    stop[p[i + 6]] | stop[p[i + 7]])
			break;
	while (i < n && !stop[p[i]])
		i++;
	return i;
}

bool
text_valid_utf8(const char *s, size_t n)
{
	return u8_check((const uint8_t *)s, n) == NULL;
}

void
text_sanitize(struct buf *out, const char *s, size_t n, bool keep_tab)
{
	size_t i = 0, kept = 0, len;
	ucs4_t uc;

	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++;
			continue;
		}
		len = char_at(s + i, n - i, &uc);
		switch (uc >= 0x80 ? seen_of(uc)->shown :
		    shown_as(uc, keep_tab)) {
		case SHOWN_AS_IS:
			i += len;
			continue;
		case SHOWN_CARET:
			buf_add(out, s + kept, i - kept);
			buf_addc(out, '^');
			buf_addc(out, (int)(uc ^ 0x40));
			break;
		case SHOWN_CODE_POINT:
			buf_add(out, s + kept, i - kept);
			buf_addf(out, "<U+%04X>", (unsigned int)uc);
			break;
		case SHOWN_HEX_BYTE:
			buf_add(out, s + kept, i - kept);
			buf_addf(out, "<%02X>", (unsigned char)s[i]);
			break;
		}
		i += len;
		kept = i;
	}
	buf_add(out, s + kept, i - kept);
}

/* Tab and newline are safe here: entry text may hold both. */
const char *
text_find_control(const char *s, size_t n)
{
	size_t i = 0, len;
	ucs4_t uc;

	while (i < n) {
		len = char_at(s + i, n - i, &uc);
		if (shown_as(uc, true) != SHOWN_AS_IS)
			return s + i;
		i += len;
	}
	return NULL;
}

static int
ucs4_cmp(const void *a, const void *b)
{
	ucs4_t x = *(const ucs4_t *)a, y = *(const ucs4_t *)b;

	return x < y ? -1 : x > y;
}

static bool
in_set(const ucs4_t *set, size_t n, ucs4_t uc)
{
	return bsearch(&uc, set, n, sizeof(*set), ucs4_cmp) != NULL;
}

/* Kinsoku allows a break between prev and next. */
static bool
kinsoku_allows(ucs4_t prev, ucs4_t next)
{
	return !in_set(no_line_end, NELEM(no_line_end), prev) &&
	    !in_set(no_line_start, NELEM(no_line_start), next);
}

/* One text_wrap() call. */
struct wrap {
	struct buf	*out;
	const char	*s;
	const char	*brk;	/* UAX #14 result, one per byte */
	const char	*glue;	/* the caller's, or NULL */
	int		 width;
	int		 indent_rest;
};

/* UAX #14, the caller's glue and kinsoku all allow a break before byte i. */
static bool
break_allowed(const struct wrap *w, size_t i, ucs4_t prev, ucs4_t next)
{
	return w->brk[i] == UC_BREAK_POSSIBLE &&
	    (w->glue == NULL || w->glue[i] == 0) &&
	    kinsoku_allows(prev, next);
}

/*
 * Where the output line that starts at byte pos ends, for a hard line
 * ending at byte end and avail columns: the last break that fits and
 * that UAX #14, glue and kinsoku allow; else, in an unbreakable run,
 * the last character boundary that fits and that kinsoku allows; else
 * before the first character that does not fit; else, when not even
 * one fits, after one character.  Spaces never overflow a line: a
 * break comes after them, and the caller drops them.  A break is never
 * chosen before the line shows something, unless leading spaces alone
 * fill it.
 */
static size_t
line_end(const struct wrap *w, size_t pos, size_t end, int avail)
{
	size_t i = pos, len = 0, best = pos, kinsoku = pos;
	int col = 0, cw;
	bool ink = false;
	ucs4_t uc, prev = 0;

	while (i < end) {
		len = char_at(w->s + i, end - i, &uc);
		cw = char_width(uc);
		if (ink && break_allowed(w, i, prev, uc))
			best = i;
		if (ink && cw > 0 && kinsoku_allows(prev, uc))
			kinsoku = i;
		if (uc != ' ' && cw > 0 && col + cw > avail)
			break;
		if (uc != ' ')
			ink = true;
		/* Kinsoku looks at what shows at the end of the line. */
		if (uc != ' ' && cw > 0)
			prev = uc;
		col += cw;
		i += len;
	}
	if (i >= end)
		return end;
	if (best > pos)
		return best;
	if (kinsoku > pos)
		return kinsoku;
	if (i > pos)
		return i;
	/* Not one character fits: take one, with its combining marks. */
	for (i += len; i < end; i += len) {
		len = char_at(w->s + i, end - i, &uc);
		if (char_width(uc) > 0)
			break;
	}
	return i;
}

/*
 * Whether the hard line s[pos..end) fits in avail columns as it is, by
 * the measure of line_end: then it needs no break, and no UAX #14.
 */
static bool
line_fits(const char *s, size_t pos, size_t end, int avail)
{
	size_t len;
	int col = 0, cw;
	ucs4_t uc;

	for (size_t i = pos; i < end; i += len) {
		len = char_at(s + i, end - i, &uc);
		cw = char_width(uc);
		if (uc != ' ' && cw > 0 && col + cw > avail)
			return false;
		col += cw;
	}
	return true;
}

/* Whether every hard line of s fits, its first at indent_first. */
static bool
all_fit(const char *s, size_t n, int width, int indent_first,
    int indent_rest)
{
	size_t pos = 0, end;
	const char *nl;

	for (;;) {
		nl = memchr(s + pos, '\n', n - pos);
		end = nl == NULL ? n : (size_t)(nl - s);
		if (!line_fits(s, pos, end, width - (pos == 0 ? indent_first :
		    indent_rest)))
			return false;
		if (nl == NULL)
			return true;
		pos = end + 1;
	}
}

/* Wrap the hard line s[pos..end), whose first output line starts at column col. */
static void
wrap_line(const struct wrap *w, size_t pos, size_t end, int col)
{
	size_t brk, last;

	for (;;) {
		brk = line_end(w, pos, end, w->width - col);
		for (last = brk; last > pos && w->s[last - 1] == ' '; last--)
			continue;
		buf_add(w->out, w->s + pos, last - pos);
		for (pos = brk; pos < end && w->s[pos] == ' '; pos++)
			continue;
		if (pos >= end)
			break;
		buf_addc(w->out, '\n');
		add_spaces(w->out, w->indent_rest);
		col = w->indent_rest;
	}
}

/*
 * Each hard line is wrapped on its own.  Trailing spaces of every
 * output line are dropped, and so are spaces at a break.  Lines after
 * the first get their indentation only when they have text, so no line
 * ends in spaces.  With width 0 the lines are copied as they are.
 */
void
text_wrap(struct buf *out, const char *s, size_t n, int width,
    int indent_first, int indent_rest, const char *glue)
{
	struct wrap w = { out, s, NULL, glue, width, indent_rest };
	char *brk = NULL;
	size_t pos = 0, end;
	const char *nl;

	/* Text that fits as it is (most short lines do) is copied. */
	if (width > 0 && !all_fit(s, n, width, indent_first, indent_rest)) {
		brk = xmalloc(n);
		u8_possible_linebreaks((const uint8_t *)s, n, "UTF-8", brk);
		w.brk = brk;
	}
	for (;;) {
		nl = memchr(s + pos, '\n', n - pos);
		end = nl == NULL ? n : (size_t)(nl - s);
		if (width > 0)
			while (end > pos && s[end - 1] == ' ')
				end--;
		if (pos > 0) {
			buf_addc(out, '\n');
			if (end > pos)
				add_spaces(out, indent_rest);
		}
		if (width <= 0 || brk == NULL)
			buf_add(out, s + pos, end - pos);
		else if (end > pos)
			wrap_line(&w, pos, end, pos == 0 ? indent_first : indent_rest);
		if (nl == NULL)
			break;
		pos = (size_t)(nl - s) + 1;
	}
	free(brk);
}
