/*
 * Display width, truncation, sanitizing and line wrapping.  Widths are
 * counted by hand: ASCII 1, kana and kanji 2, circled ①–⑳ and ← … 1
 * (East Asian Ambiguous), ㉑ and up 2, combining marks 0.  Wrapped
 * output is checked by its invariants, computed on the output itself,
 * and a few short cases by exact text reasoned out line by line.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"

#include "check_main.h"

static int
width_of(const char *s)
{
	return text_width(s, strlen(s));
}

START_TEST(width_ascii_and_japanese)
{
	ck_assert_int_eq(width_of(""), 0);
	ck_assert_int_eq(width_of("visit"), 5);
	ck_assert_int_eq(width_of("日報"), 4);
	ck_assert_int_eq(width_of("営業日報 2026"), 13);
	ck_assert_int_eq(width_of("ミナト"), 6);
	ck_assert_int_eq(width_of("ｶﾅ"), 2);		/* halfwidth katakana */
	ck_assert_int_eq(width_of("ＡＢ"), 4);		/* fullwidth Latin */
	/* Only the first n bytes count. */
	ck_assert_int_eq(text_width("日報", 3), 2);
}
END_TEST

START_TEST(width_ambiguous_and_marks)
{
	ck_assert_int_eq(width_of("①"), 1);
	ck_assert_int_eq(width_of("⑩⑳"), 2);
	ck_assert_int_eq(width_of("㉑"), 2);
	ck_assert_int_eq(width_of("㊿"), 2);
	ck_assert_int_eq(width_of("←前編③"), 6);
	ck_assert_int_eq(width_of("続編→"), 5);
	ck_assert_int_eq(width_of("…"), 1);
	ck_assert_int_eq(width_of("e\xcc\x81"), 1);	/* e + U+0301 */
	ck_assert_int_eq(width_of("か\xe3\x82\x99"), 2);	/* か + U+3099 */
}
END_TEST

START_TEST(width_invalid_and_controls)
{
	ck_assert_int_eq(width_of("\xff"), 1);
	ck_assert_int_eq(width_of("a\xff" "b"), 3);
	/* A cut sequence: two invalid bytes. */
	ck_assert_int_eq(width_of("\xe6\x97"), 2);
	ck_assert_int_eq(width_of("\xc0\xaf"), 2);	/* overlong '/' */
	ck_assert_int_eq(width_of("\xed\xa0\x80"), 3);	/* a surrogate */
	/* Controls count as their sanitized form: ^[ and <U+0085>. */
	ck_assert_int_eq(width_of("\x1b"), 2);
	ck_assert_int_eq(width_of("\t"), 2);
	ck_assert_int_eq(width_of("\xc2\x85"), 8);
	ck_assert_int_eq(width_of("\xe2\x80\xae"), 8);
	ck_assert_int_eq(width_of("\xe2\x80\x8b"), 8);	/* <U+200B> */
	ck_assert_int_eq(width_of("\xf3\xa0\x80\x81"), 9);	/* <U+E0001> */
	ck_assert_int_eq(width_of("a\nb"), 2);
	/* NUL inside the n bytes is a control too. */
	ck_assert_int_eq(text_width("a\0b", 3), 4);
}
END_TEST

START_TEST(fit_boundaries)
{
	const char *s = "日報を書く";	/* 10 columns, 15 bytes */

	ck_assert_uint_eq(text_fit(s, strlen(s), 10), 15);
	ck_assert_uint_eq(text_fit(s, strlen(s), 9), 12);
	ck_assert_uint_eq(text_fit(s, strlen(s), 4), 6);
	ck_assert_uint_eq(text_fit(s, strlen(s), 3), 3);
	ck_assert_uint_eq(text_fit(s, strlen(s), 1), 0);
	ck_assert_uint_eq(text_fit(s, strlen(s), 0), 0);
	/* A combining mark stays with its base. */
	ck_assert_uint_eq(text_fit("e\xcc\x81x", 4, 1), 3);
	ck_assert_uint_eq(text_fit("ab\xff", 3, 3), 3);
}
END_TEST

static void
truncated(const char *s, int width, const char *want)
{
	struct buf b = BUF_INIT;

	text_truncate(&b, s, width);
	ck_assert_msg(strcmp(buf_str(&b), want) == 0,
	    "truncate(\"%s\", %d) = \"%s\", want \"%s\"", s, width,
	    buf_str(&b), want);
	ck_assert_int_le(width_of(buf_str(&b)), width < 0 ? 0 : width);
	buf_free(&b);
}

START_TEST(truncate_cases)
{
	truncated("派遣契約", 8, "派遣契約");		/* exact fit */
	truncated("派遣契約", 9, "派遣契約");
	truncated("派遣契約", 7, "派遣契…");		/* 6 + 1 */
	truncated("派遣契約", 6, "派遣…");		/* 契 needs 2 of 5 left */
	truncated("派遣契約", 2, "…");
	truncated("派遣契約", 1, "…");
	truncated("派遣契約", 0, "");
	truncated("派遣契約", -3, "");
	truncated("badge", 5, "badge");
	truncated("badge", 4, "bad…");
	truncated("①②③④", 3, "①②…");
	truncated("㉑㉒", 3, "㉑…");
	truncated("㉑㉒", 2, "…");
	truncated("", 4, "");
	truncated("入館証ID", 6, "入館…");
}
END_TEST

static void
padded(const char *s, int width, const char *want)
{
	struct buf b = BUF_INIT;

	text_pad(&b, s, width);
	ck_assert_str_eq(buf_str(&b), want);
	buf_free(&b);
}

START_TEST(pad_cases)
{
	padded("日報", 6, "日報  ");
	padded("日報", 4, "日報");
	padded("日報", 3, "日報");		/* never cut */
	padded("id", 5, "id   ");
	padded("①", 3, "①  ");
	padded("", 2, "  ");
	/* An empty struct buf's s is NULL: list pads such cells. */
	padded(NULL, 3, "   ");
}
END_TEST

static void
sanitized(const char *s, size_t n, bool keep_tab, const char *want)
{
	struct buf b = BUF_INIT;

	text_sanitize(&b, s, n, keep_tab);
	ck_assert_str_eq(buf_str(&b), want);
	/* Sanitized text has nothing left to sanitize. */
	ck_assert_ptr_null(text_find_control(b.s, b.len));
	buf_free(&b);
}

#define SANITIZED(s, keep, want)	sanitized(s, sizeof(s) - 1, keep, want)

START_TEST(sanitize_cases)
{
	SANITIZED("訪問済み", false, "訪問済み");
	SANITIZED("a\x1b" "b", false, "a^[b");
	SANITIZED("\x1b[31m赤\x1b[0m", false, "^[[31m赤^[[0m");
	SANITIZED("\x1b]8;;http://example.com/\x1b\\link\x1b]8;;\x1b\\",
	    false, "^[]8;;http://example.com/^[\\link^[]8;;^[\\");
	SANITIZED("\xc2\x9b" "2J", false, "<U+009B>2J");	/* C1 CSI */
	SANITIZED("x\xc2\x85y", false, "x<U+0085>y");
	SANITIZED("\xe2\x80\xae" "abc", false, "<U+202E>abc");
	SANITIZED("\xe2\x81\xa6" "x\xe2\x81\xa9", false,
	    "<U+2066>x<U+2069>");
	SANITIZED("a\xff" "b", false, "a<FF>b");
	SANITIZED("\xe6\x97", false, "<E6><97>");
	SANITIZED("a\tb", true, "a\tb");
	SANITIZED("a\tb", false, "a^Ib");
	SANITIZED("one\ntwo\r\n", false, "one\ntwo^M\n");
	SANITIZED("del\x7f", false, "del^?");
	SANITIZED("nul\0end", false, "nul^@end");
	/* Every format control (Cf) and the two separators (Zl, Zp). */
	SANITIZED("a\xe2\x80\x8e" "b", false, "a<U+200E>b");	/* LRM */
	SANITIZED("\xd8\x9c" "x", false, "<U+061C>x");		/* ALM */
	SANITIZED("x\xe2\x80\xa8y\xe2\x80\xa9", false, "x<U+2028>y<U+2029>");
	SANITIZED("mid\xef\xbb\xbftext", false, "mid<U+FEFF>text");
	SANITIZED("zero\xe2\x80\x8bwidth", false, "zero<U+200B>width");
	SANITIZED("soft\xc2\xadhyphen", false, "soft<U+00AD>hyphen");
	SANITIZED("tag\xf3\xa0\x80\x81", false, "tag<U+E0001>");
	/* Neighbours are left alone: U+00A0, U+2027, U+2070, U+FF5E. */
	SANITIZED("\xc2\xa0\xe2\x80\xa7\xe2\x81\xb0\xef\xbd\x9e", false,
	    "\xc2\xa0\xe2\x80\xa7\xe2\x81\xb0\xef\xbd\x9e");
}
END_TEST

/*
 * Characters whose code points agree in their low six bits (①, 〠 and
 * the word joiner U+2060; U+3060 だ) measured and shown one after the
 * other, both ways round: whatever text_width and text_sanitize keep
 * of the characters last seen, each one keeps its own width and form.
 */
START_TEST(alike_characters_in_turn)
{
	static const char *const alike[] = { "①", "〠", "\xe2\x81\xa0", "だ" };
	static const int width[] = { 1, 2, 8, 2 };
	static const char *const shown[] = { "①", "〠", "<U+2060>", "だ" };
	struct buf b = BUF_INIT;

	for (int round = 0; round < 3; round++)
		for (size_t i = 0; i < 4; i++) {
			size_t k = round == 1 ? 3 - i : (i * 3 + (size_t)round) % 4;

			ck_assert_int_eq(width_of(alike[k]), width[k]);
			buf_reset(&b);
			text_sanitize(&b, alike[k], strlen(alike[k]), false);
			ck_assert_str_eq(buf_str(&b), shown[k]);
		}
	ck_assert_int_eq(width_of("①〠\xe2\x81\xa0だ①"), 1 + 2 + 8 + 2 + 1);
	buf_free(&b);
}
END_TEST

static const char *
control_in(const char *s)
{
	return text_find_control(s, strlen(s));
}

START_TEST(find_control_cases)
{
	const char *s;

	ck_assert_ptr_null(control_in("普通の日報です。"));
	ck_assert_ptr_null(control_in("tab\there\nand newline\n"));
	ck_assert_ptr_null(control_in("①←…㉑"));
	s = "ab\x1b" "c";
	ck_assert_ptr_eq(control_in(s), s + 2);
	s = "日本\xe2\x80\xae";
	ck_assert_ptr_eq(control_in(s), s + 6);
	s = "\xc2\x85";
	ck_assert_ptr_eq(control_in(s), s);
	s = "a\xffz";
	ck_assert_ptr_eq(control_in(s), s + 1);
	s = "x\ry";
	ck_assert_ptr_eq(control_in(s), s + 1);
	s = "nul\0";
	ck_assert_ptr_eq(text_find_control(s, 4), s + 3);
}
END_TEST

/* Quotes and the lead byte E2, exactly, sixteen at a time. */
static bool
exact16(text_v16 v)
{
	return text_any16((v == '"') | (v == 0xE2));
}

/* Every byte from 0x80: more than the stop bytes, as a quick test may. */
static bool
broad16(text_v16 v)
{
	return text_any16((text_m16)(v >= 0x80));
}

/*
 * text_span16 stops where text_span stops, whatever the offset of the
 * stop byte in or across the blocks of sixteen, and with a quick test
 * that holds for other bytes too (Japanese text is all such bytes).
 */
START_TEST(span16_is_span)
{
	static const unsigned char stop[256] = { ['"'] = 1, [0xE2] = 1 };
	static const char *const ends[] = { "\"", "\xE2\x80\xA6", NULL };
	char s[128];

	for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++)
		for (size_t len = 0; len < 80; len++) {
			/* Kana (E3 81 82) and ASCII, the stop byte at len. */
			for (size_t i = 0; i < len; i++)
				s[i] = i % 5 < 3 ? "\xE3\x81\x82"[i % 5] : 'a';
			s[len] = '\0';
			if (ends[e] != NULL)
				strcpy(s + len, ends[e]);
			for (size_t n = len; n <= strlen(s); n++) {
				size_t want = text_span(s, n, stop);

				ck_assert_uint_eq(text_span16(s, n, stop,
				    exact16), want);
				ck_assert_uint_eq(text_span16(s, n, stop,
				    broad16), want);
				ck_assert_uint_eq(want, ends[e] != NULL &&
				    n > len ? len : n);
			}
		}
}
END_TEST

START_TEST(valid_utf8)
{
	ck_assert(text_valid_utf8("入館証", strlen("入館証")));
	ck_assert(text_valid_utf8("", 0));
	ck_assert(!text_valid_utf8("\xff", 1));
	ck_assert(!text_valid_utf8("\xe6\x97", 2));
	ck_assert(!text_valid_utf8("\xc0\xaf", 2));
	ck_assert(!text_valid_utf8("\xed\xa0\x80", 3));
}
END_TEST

/* Wrapping: exact results for short cases. */

static void
wrapped_glue(const char *s, const char *glue, int width, int first, int rest,
    const char *want)
{
	struct buf b = BUF_INIT;

	text_wrap(&b, s, strlen(s), width, first, rest, glue);
	ck_assert_msg(strcmp(buf_str(&b), want) == 0,
	    "wrap(\"%s\", %d, %d, %d):\n%s\nwant:\n%s", s, width, first,
	    rest, buf_str(&b), want);
	buf_free(&b);
}

static void
wrapped(const char *s, int width, int first, int rest, const char *want)
{
	wrapped_glue(s, NULL, width, first, rest, want);
}

START_TEST(wrap_exact)
{
	wrapped("", 10, 0, 0, "");
	wrapped("短い", 10, 0, 0, "短い");
	/* Ten columns hold five kana. */
	wrapped("あいうえおかきくけこさし", 10, 0, 0,
	    "あいうえお\nかきくけこ\nさし");
	wrapped("あいうえおかきく", 10, 0, 2, "あいうえお\n  かきく");
	/* The first line has 10 - 4 columns left. */
	wrapped("あいうえおかき", 10, 4, 0, "あいう\nえおかき");
	/* Spaces at a break go; none is carried. */
	wrapped("call back   tomorrow", 10, 0, 0, "call back\ntomorrow");
	wrapped("call back tomorrow   ", 10, 0, 0, "call back\ntomorrow");
	/* Hard breaks stay; an empty line gets no indentation. */
	wrapped("午前\n\n午後\n", 10, 0, 2, "午前\n\n  午後\n");
	wrapped("午前\n   \n午後", 10, 0, 2, "午前\n\n  午後");
	/* Width 0: copied, with the indentation after each newline. */
	wrapped("one two three  \nfour", 0, 0, 3, "one two three  \n   four");
	/* A word longer than the line is cut at the width. */
	wrapped("abcdefghijklm", 5, 0, 0, "abcde\nfghij\nklm");
	wrapped("ab cdefghijklm", 5, 0, 1, "ab\n cdef\n ghij\n klm");
	/* Leading spaces stay and are not left alone on a line. */
	wrapped("    abcdef", 8, 0, 0, "    abcd\nef");
}
END_TEST

START_TEST(wrap_kinsoku_exact)
{
	/* お、 would end at column 12: the break moves before お. */
	wrapped("あいうえお、かきく", 10, 0, 0, "あいうえ\nお、かきく");
	wrapped("あいうえお。かきく", 10, 0, 0, "あいうえ\nお。かきく");
	wrapped("あいうえお」かきく", 10, 0, 0, "あいうえ\nお」かきく");
	wrapped("あいうえお』かきく", 10, 0, 0, "あいうえ\nお』かきく");
	wrapped("あいうえお）かきく", 10, 0, 0, "あいうえ\nお）かきく");
	wrapped("あいうえお！かきく", 10, 0, 0, "あいうえ\nお！かきく");
	wrapped("あいうえお？かきく", 10, 0, 0, "あいうえ\nお？かきく");
	wrapped("あいうえおーかきく", 10, 0, 0, "あいうえ\nおーかきく");
	wrapped("あいうえお・かきく", 10, 0, 0, "あいうえ\nお・かきく");
	wrapped("あいうえお々かきく", 10, 0, 0, "あいうえ\nお々かきく");
	wrapped("あいうえおっかきく", 10, 0, 0, "あいうえ\nおっかきく");
	wrapped("あいうえおゝかきく", 10, 0, 0, "あいうえ\nおゝかきく");
	/* 「 would end the first line: it moves down with its word. */
	wrapped("あいうえ「かきく」", 10, 0, 0, "あいうえ\n「かきく」");
	wrapped("あいうえ『かきく』", 10, 0, 0, "あいうえ\n『かきく』");
	wrapped("あいうえ（かきく）", 10, 0, 0, "あいうえ\n（かきく）");
	/*
	 * After a space UAX #14 allows a break; kinsoku still keeps 、 off
	 * the line start.  (U+200B, which allows one anywhere, is a format
	 * control: the loader refuses it, so no text wrapped has one.)
	 */
	wrapped("あいうえお 、かき", 10, 0, 0, "あいうえ\nお 、かき");
	/* Two in a row: 。」 both stay behind お. */
	wrapped("あいうおか。」きく", 10, 0, 0, "あいうお\nか。」きく");
}
END_TEST

START_TEST(wrap_narrow)
{
	/* Narrower than one wide character: one character a line. */
	wrapped("あいう", 1, 0, 0, "あ\nい\nう");
	wrapped("あいう", 3, 0, 2, "あ\n  い\n  う");
	/* An unbreakable run: cut where kinsoku allows, not before 、. */
	wrapped_glue("あいうえお、かき", "\0\1\1\1\1\1\1\1\1\1\1\1"
	    "\1\1\1\1\1\1\1\1\1\1\1\1", 10, 0, 0, "あいうえ\nお、かき");
	/* Glue forbids every break: cut at character boundaries. */
	wrapped_glue("あいうえお", "\0\1\1\1\1\1\1\1\1\1\1\1\1\1\1", 5,
	    0, 0, "あい\nうえ\nお");
	/* Only a combining mark follows: it stays on the line. */
	wrapped("e\xcc\x81" "e\xcc\x81", 1, 0, 0, "e\xcc\x81\ne\xcc\x81");
}
END_TEST

/*
 * Invariants of text_wrap(), computed on its output:
 * - no line wider than width, counting the indentation;
 * - no line starts with a kinsoku closing mark or ends with an opening one;
 * - no line ends in a space;
 * - walking input and output together, they hold the same characters:
 *   the output only adds a newline plus indent_rest spaces at a break,
 *   and drops spaces just before a line end.
 */
static const char *const no_start[] = {
	"、", "。", "」", "』", "）", "！", "？", "ー", "っ", "，", "．",
};
static const char *const no_end[] = { "「", "『", "（" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static bool
has_prefix(const char *s, size_t n, const char *p)
{
	return n >= strlen(p) && memcmp(s, p, strlen(p)) == 0;
}

static bool
has_suffix(const char *s, size_t n, const char *p)
{
	return n >= strlen(p) && memcmp(s + n - strlen(p), p, strlen(p)) == 0;
}

/*
 * The checks below run over every byte of long outputs, so they report
 * through a message instead of one Check assertion per byte.
 */
static bool
fault(struct buf *why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(why, fmt, ap);
	va_end(ap);
	return true;
}

static bool
bad_lines(struct buf *why, const char *out, int width, int first, int rest)
{
	const char *line = out, *nl;
	size_t n;
	int w;

	for (;; line = nl + 1) {
		nl = strchr(line, '\n');
		n = nl ? (size_t)(nl - line) : strlen(line);
		/* The first line's indentation is the caller's, not in out. */
		w = (line == out ? first : 0) + text_width(line, n);
		if (width > 0 && w > width)
			return fault(why, "a line of %d columns: \"%.*s\"", w,
			    (int)n, line);
		if (n > 0 && line[n - 1] == ' ')
			return fault(why, "a line ends in a space: \"%.*s\"",
			    (int)n, line);
		if (line != out && n > 0) {
			if (strspn(line, " ") < (size_t)rest)
				return fault(why, "a line without its "
				    "indentation: \"%.*s\"", (int)n, line);
			line += rest;
			n -= (size_t)rest;
		}
		for (size_t i = 0; i < NELEM(no_start); i++)
			if (has_prefix(line, n, no_start[i]))
				return fault(why, "a line starts with %s",
				    no_start[i]);
		for (size_t i = 0; i < NELEM(no_end); i++)
			if (has_suffix(line, n, no_end[i]))
				return fault(why, "a line ends with %s",
				    no_end[i]);
		if (nl == NULL)
			return false;
	}
}

static bool
bad_text(struct buf *why, const char *in, const char *out, int rest)
{
	size_t i = 0, o = 0, n = strlen(in), m = strlen(out);

	while (o < m) {
		if (out[o] != '\n') {
			if (i >= n || in[i] != out[o])
				return fault(why, "output byte %zu differs from "
				    "input byte %zu", o, i);
			i++, o++;
			continue;
		}
		/* A line end: spaces may go, then a hard or a soft break. */
		while (i < n && in[i] == ' ')
			i++;
		if (i >= n)
			return fault(why, "a break after the end of the input");
		if (in[i] == '\n')
			i++;
		o++;
		if (o < m && out[o] != '\n')
			for (int k = 0; k < rest; k++, o++)
				if (out[o] != ' ')
					return fault(why, "indentation missing "
					    "at output byte %zu", o);
	}
	while (i < n && in[i] == ' ')
		i++;
	if (i < n)
		return fault(why, "input lost from byte %zu", i);
	return false;
}

static void
check_wrap(const char *in, const char *glue, int width, int first, int rest)
{
	struct buf out = BUF_INIT, why = BUF_INIT;

	text_wrap(&out, in, strlen(in), width, first, rest, glue);
	ck_assert_msg(!bad_lines(&why, buf_str(&out), width, first, rest) &&
	    !bad_text(&why, in, buf_str(&out), rest),
	    "wrap at width %d, indent %d/%d: %s\ninput:\n%s\noutput:\n%s",
	    width, first, rest, buf_str(&why), in, buf_str(&out));
	buf_free(&out);
	buf_free(&why);
}

static const char *const paragraphs[] = {
	/* Japanese */
	"本日十時、株式会社ミナト物流（品川区）の総務部を訪問。"
	"先週退職した派遣スタッフが入館証を返却していない件について、"
	"担当の高橋様へ経緯を説明し、お詫びした。"
	"先方からは「今月中に回収できなければ再発行の費用を請求する」"
	"との話があった。本人には電話とメールで三回連絡したが、"
	"まだ返事がない。明日もう一度、自宅宛てに書面を送る予定！"
	"次回訪問は来週火曜？要確認。",
	/* English */
	"Visited the client's general affairs office at ten to apologise "
	"for the building pass that our former temp worker has still not "
	"returned. The manager, Ms. Takahashi, asked for a written plan by "
	"Friday (including who pays if the pass must be reissued). "
	"I called the worker three times and left two voicemails; no reply "
	"yet. Next step: a registered letter to his home address.",
	/* Mixed, with hard breaks and a long unbreakable token */
	"10:30 訪問：ミナト物流 / contact: 高橋様（総務）\n"
	"入館証 badge No.A-2041 の未返却について説明。"
	"先方の要望は「11月末までに返却、または再発行費用3,300円の負担」。\n"
	"\n"
	"参考: https://example.com/reports/2026/11/minato-badge-followup-plan "
	"を送付済み。次の対応は書面での督促（内容証明）。",
	/* Dense punctuation, where kinsoku has work to do */
	"「はい。」「いいえ。」「わかりました！」（確認済み）"
	"『記録』――それから、ちょっと待ってください……。"
	"ショートメッセージ・メール・電話、すべて未応答っ。",
};

START_TEST(wrap_invariants)
{
	static const int indents[][2] = { { 0, 0 }, { 4, 2 }, { 2, 4 } };

	for (size_t p = 0; p < NELEM(paragraphs); p++)
		for (int width = 10; width <= 80; width++)
			for (size_t k = 0; k < NELEM(indents); k++)
				check_wrap(paragraphs[p], NULL, width,
				    indents[k][0], indents[k][1]);
}
END_TEST

/*
 * A line that fits is copied as it is; one column less and it breaks:
 * where the measure that spares UAX #14 for short lines and the one
 * that picks breaks must agree.
 */
START_TEST(wrap_fits_exactly)
{
	/* Width 10 with the first line at column 2: eight columns. */
	wrapped("あいうえ", 10, 2, 0, "あいうえ");
	wrapped("あいうえお", 10, 2, 0, "あいうえ\nお");
	wrapped("[12] part twelve", 16, 0, 4, "[12] part twelve");
	wrapped("[12] part twelve", 15, 0, 4, "[12] part\n    twelve");
	/* ① is one column, ㉑ two. */
	wrapped("①②③④⑤", 5, 0, 0, "①②③④⑤");
	wrapped("㉑㉒㉓", 5, 0, 0, "㉑㉒\n㉓");
	/* Trailing spaces neither count nor stay. */
	wrapped("訪問済み   ", 8, 0, 0, "訪問済み");
	/* Each hard line on its own, the later ones at their indent. */
	wrapped("午前\n午後の訪問", 12, 0, 2, "午前\n  午後の訪問");
	wrapped("午前\n午後の訪問先", 12, 0, 2, "午前\n  午後の訪問\n  先");
	for (int width = 6; width <= 30; width++) {
		check_wrap("←前編⑫ 【続編】 part-12", NULL, width, 0, 2);
		check_wrap("短い\n少し長めの二行目", NULL, width, 3, 1);
	}
}
END_TEST

START_TEST(wrap_no_width)
{
	for (size_t p = 0; p < NELEM(paragraphs); p++)
		check_wrap(paragraphs[p], NULL, 0, 0, 2);
}
END_TEST

/*
 * A navigation row as the reference lays it out: items apart by spaces.
 * Glue forbids a break anywhere inside an item.
 */
static const char nav_row[] =
    "←前編①   ←前編②   ←前編③   ←前編④   ←前編⑤   ←前編⑥   "
    "←前編⑦   ←前編⑧   ←前編⑨   ←前編⑩   ←前編11  ←前編12  →続編13";

/* How many of nav_row's items are whole on one line of out. */
static size_t
whole_items(const char *out)
{
	char item[32];
	size_t n = 0, len;

	for (const char *p = nav_row; *p != '\0'; p += len) {
		p += strspn(p, " ");
		len = strcspn(p, " ");
		snprintf(item, sizeof(item), "%.*s", (int)len, p);
		if (strstr(out, item) != NULL)
			n++;
	}
	return n;
}

START_TEST(wrap_glue_keeps_items)
{
	char glue[sizeof(nav_row)];
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < sizeof(nav_row); i++)
		glue[i] = i > 0 && nav_row[i] != ' ' && nav_row[i - 1] != ' ';
	for (int width = 7; width <= 60; width++) {
		buf_reset(&b);
		text_wrap(&b, nav_row, strlen(nav_row), width, 0, 0, glue);
		check_wrap(nav_row, glue, width, 0, 0);
		ck_assert_msg(whole_items(buf_str(&b)) == 13,
		    "width %d split an item:\n%s", width, buf_str(&b));
	}
	/*
	 * Without glue, UAX #14 breaks between ← and 前: at width 10,
	 * "←前編①   ←" fills the first line.
	 */
	buf_reset(&b);
	text_wrap(&b, nav_row, strlen(nav_row), 10, 0, 0, NULL);
	ck_assert_uint_lt(whole_items(buf_str(&b)), 13);
	buf_free(&b);
}
END_TEST

/* A long paragraph wraps in one pass and loses nothing. */
START_TEST(wrap_long_paragraph)
{
	struct buf in = BUF_INIT;

	for (int i = 0; i < 2000; i++)
		buf_adds(&in, paragraphs[i % 2]);
	check_wrap(buf_str(&in), NULL, 72, 0, 0);
	buf_free(&in);
}
END_TEST

/* Invalid bytes and controls wrap like any character, never split. */
START_TEST(wrap_invalid_input)
{
	check_wrap("あい\xffうえ\xe6\x97おか\x1b[1mきくけこさしすせそ", NULL,
	    10, 0, 0);
	wrapped("abcd\xff\xfe" "efgh", 5, 0, 0, "abcd\xff\n\xfe" "efgh");
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");

	tcase_add_test(tc, width_ascii_and_japanese);
	tcase_add_test(tc, width_ambiguous_and_marks);
	tcase_add_test(tc, width_invalid_and_controls);
	tcase_add_test(tc, fit_boundaries);
	tcase_add_test(tc, truncate_cases);
	tcase_add_test(tc, pad_cases);
	tcase_add_test(tc, sanitize_cases);
	tcase_add_test(tc, alike_characters_in_turn);
	tcase_add_test(tc, find_control_cases);
	tcase_add_test(tc, span16_is_span);
	tcase_add_test(tc, valid_utf8);
	tcase_add_test(tc, wrap_fits_exactly);
	tcase_add_test(tc, wrap_exact);
	tcase_add_test(tc, wrap_kinsoku_exact);
	tcase_add_test(tc, wrap_narrow);
	tcase_add_test(tc, wrap_invariants);
	tcase_add_test(tc, wrap_no_width);
	tcase_add_test(tc, wrap_glue_keeps_items);
	tcase_add_test(tc, wrap_long_paragraph);
	tcase_add_test(tc, wrap_invalid_input);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(text_suite)
