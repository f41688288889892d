/*
 * UTF-8 text for terminals: display width, truncation, line wrapping
 * (UAX #14 through libunistring) and sanitizing.
 *
 * Width rule, used everywhere a width is measured: East Asian Wide and
 * Fullwidth characters take two columns, Ambiguous ones (①, ←, …) one,
 * combining marks none, as libunistring's uc_width() with the "UTF-8"
 * encoding gives.  Invalid bytes count one column each.  A character
 * that text_sanitize() replaces counts as wide as its replacement (ESC
 * and tab as ^[ and ^I: 2, C1 and format controls as <U+XXXX>: 8 or
 * more), so text measures the same before and after sanitizing;
 * newline counts 0.
 */
#ifndef DL_TEXT_H
#define DL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct buf;

/* Display width of the first n bytes of s. */
int	text_width(const char *s, size_t n);

/* Byte length of the longest prefix of s (n bytes) at most width columns wide. */
size_t	text_fit(const char *s, size_t n, int width);

/*
 * Append s to out cut to at most width columns, ending in "…" when it
 * was cut; never splits a character.  Width <= 0 or s NULL appends
 * nothing.
 */
void	text_truncate(struct buf *out, const char *s, int width);

/* Append s (NULL: empty) padded with spaces to width columns; never cuts. */
void	text_pad(struct buf *out, const char *s, int width);

/* True when the n bytes are well-formed UTF-8. */
bool	text_valid_utf8(const char *s, size_t n);

/*
 * The length of the longest prefix of the n bytes at s with no byte
 * that stop[] marks (non-zero): the scanners of the loader and the
 * output formats, eight bytes a step.
 */
size_t	text_span(const char *s, size_t n, const unsigned char stop[256]);

/*
 * Sixteen bytes as one value, for tests of a few kinds of byte at once
 * (the vector extension of GCC and Clang: SSE2, NEON); a comparison
 * gives a mask, -1 in each byte where it holds.
 */
typedef unsigned char text_v16 __attribute__((vector_size(16)));
typedef signed char text_m16 __attribute__((vector_size(16)));

static inline text_v16
text_load16(const char *s)
{
	text_v16 v;

	memcpy(&v, s, sizeof(v));
	return v;
}

static inline bool
text_any16(text_m16 m)
{
	uint64_t a, b;

	memcpy(&a, &m, 8);
	memcpy(&b, (const char *)&m + 8, 8);
	return (a | b) != 0;
}

/* The place of the first byte m holds true for (16: none). */
static inline size_t
text_first16(text_m16 m)
{
	unsigned char t[16];

	memcpy(t, &m, 16);
	for (size_t i = 0; i < 16; i += 8) {
		uint64_t w;

		memcpy(&w, t + i, 8);
		if (w == 0)
			continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		return i + (size_t)__builtin_clzll(w) / 8;
#else
		return i + (size_t)__builtin_ctzll(w) / 8;
#endif
	}
	return 16;
}

/*
 * text_span, sixteen bytes a step while maybe() finds none of stop's
 * bytes in them: maybe must hold for every such byte (it may hold for
 * others too, which stop then passes).  Inline, so that a constant
 * maybe is compiled into the loop.
 */
static inline size_t
text_span16(const char *s, size_t n, const unsigned char stop[256],
    bool (*maybe)(text_v16))
{
	size_t i = 0, end, k;

	for (;;) {
		while (i + 16 <= n && !maybe(text_load16(s + i)))
			i += 16;
		end = n - i > 16 ? i + 16 : n;
		k = text_span(s + i, end - i, stop);
		if (i + k < end || end == n)
			return i + k;
		i = end;
	}
}

/*
 * Append s with everything dangerous on a terminal made visible: C0
 * controls as ^X (newline kept, and tab when keep_tab), DEL as ^?, C1
 * controls, format controls (Unicode category Cf: bidirectional marks,
 * embeddings, overrides and isolates, zero-width characters, U+FEFF)
 * and the line and paragraph separators U+2028 and U+2029 as <U+XXXX>,
 * invalid UTF-8 as <XX>.
 */
void	text_sanitize(struct buf *out, const char *s, size_t n, bool keep_tab);

/*
 * The first character text_sanitize() would change in s, or NULL; tab
 * and newline count as safe.  An invalid byte is unsafe.
 */
const char *text_find_control(const char *s, size_t n);

/*
 * Append s wrapped to width columns (0: no wrapping).  The first line
 * starts at column indent_first and continues after indent_first spaces
 * are already written by the caller; following lines get indent_rest
 * spaces.  Newlines in s are kept as hard breaks.  When glue is non-NULL,
 * glue[i] != 0 forbids a break before byte i (used to keep navigation
 * items whole).  Breaks follow UAX #14 with Japanese kinsoku: no line
 * starts with 、。」』）！？ー・々, a closing bracket or a small kana,
 * and none ends with 「『（ or another opening bracket.  A run wider than
 * the line with no such break is cut at a character boundary, where
 * kinsoku allows if it can.  Spaces at a break and at the end of a line
 * are dropped; an empty line gets no indentation.  No line is wider
 * than width unless a single character (with the indentation) is: each
 * line holds at least one.  With width <= 0, lines are copied as they
 * are, with indent_rest after each newline.
 */
void	text_wrap(struct buf *out, const char *s, size_t n, int width,
	    int indent_first, int indent_rest, const char *glue);

#endif
