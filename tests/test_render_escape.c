/*
 * Each format's escaping of hostile entry text, driven through render.c
 * on a two-part series built in memory: the title, the series title and
 * the body carry what the format would otherwise read as markup.  The
 * loader refuses control characters, so only these tests can give the
 * renderers an ESC, a 0x1F or a DEL.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "lang.h"
#include "render.h"
#include "series.h"

#include "check_main.h"

#define ZWSP	"\xE2\x80\x8B"
#define FFFD	"\xEF\xBF\xBD"

struct fixture {
	struct entry	 e[2];
	const struct entry *parts[2];
	struct series	 s;
	struct doc	 doc;
};

static void
make_entry(struct entry *e, long part, const char *title, const char *body)
{
	entry_init(e);
	e->date = (struct date){ 2026, 11, 20 + (int)part, 0, 0, false };
	e->title = xstrdup(title);
	e->series = xstrdup("t");
	e->part = part;
	e->client = xstrdup("<T&S>社");
	e->body = body != NULL ? xstrdup(body) : NULL;
}

/* A series: part 1 titled title with body, part 2 plain. */
static void
setup(struct fixture *f, const char *series_title, const char *title,
    const char *body)
{
	memset(f, 0, sizeof(*f));
	make_entry(&f->e[0], 1, title, body);
	make_entry(&f->e[1], 2, "次の日", NULL);
	f->parts[0] = &f->e[0];
	f->parts[1] = &f->e[1];
	series_settings_defaults(&f->s.set, "t", LANG_JA);
	free(f->s.set.title);
	f->s.set.title = xstrdup(series_title);
	f->s.parts = f->parts;
	f->s.n = 2;
}

/* The whole series as one document in format. */
static const char *
draw(struct fixture *f, const char *format)
{
	ck_assert_ptr_nonnull(renderer_find(format));
	render_doc_init(&f->doc, renderer_find(format), &f->s);
	render_series(&f->doc);
	return buf_str(&f->doc.out);
}

static const char *
render(struct fixture *f, const char *format, const char *series_title,
    const char *title, const char *body)
{
	setup(f, series_title, title, body);
	return draw(f, format);
}

static void
done(struct fixture *f)
{
	buf_free(&f->doc.out);
	series_settings_free(&f->s.set);
	entry_free(&f->e[0]);
	entry_free(&f->e[1]);
}

static bool
has(const char *out, const char *s)
{
	return strstr(out, s) != NULL;
}

static size_t
count(const char *out, const char *s)
{
	size_t n = 0;

	for (const char *p = out; (p = strstr(p, s)) != NULL; p += strlen(s))
		n++;
	return n;
}

START_TEST(markdown_inline_punctuation)
{
	struct fixture f;
	const char *out = render(&f, "markdown", "S*1*",
	    "a<b> [x](y) *z* _u_ `c` #h |p| !i ~s~ \\", NULL);

	/*
	 * Only what CommonMark or GFM would read: a tag's <, the ] of
	 * ](, runs that could open or close emphasis, code spans, # in a
	 * heading, a backslash before punctuation or at the end.
	 */
	ck_assert(has(out, "# S\\*1\\*\n"));
	ck_assert(has(out, "## 【S\\*1\\*】a\\<b> [x\\](y) \\*z\\* \\_u\\_ \\`c\\` "
	    "\\#h |p| !i \\~s\\~ \\\\\n"));
	/* In a link label every bracket: the index's link. */
	ck_assert(has(out, "[a\\<b> \\[x\\](y) \\*z\\*"));
	done(&f);
}
END_TEST

START_TEST(markdown_line_starts)
{
	struct fixture f;
	const char *out = render(&f, "markdown", "S", "t",
	    "# not a heading\n\n1. not a list\n\n12) nor this\n\n"
	    "> no quote\n\n+ no item\n\n---\n\n===\n\n    no code\n\n"
	    "2026.11 mid-line - stays");

	ck_assert(has(out, "\n\\# not a heading\n"));
	ck_assert(has(out, "\n1\\. not a list\n"));
	ck_assert(has(out, "\n12\\) nor this\n"));
	ck_assert(has(out, "\n\\> no quote\n"));
	ck_assert(has(out, "\n\\+ no item\n"));
	ck_assert(has(out, "\n\\---\n"));
	ck_assert(has(out, "\n\\===\n"));
	ck_assert(has(out, "\nno code\n"));
	/* Away from a line's start . and - mean nothing and stay as they are. */
	ck_assert(has(out, "\n2026.11 mid-line - stays\n"));
	done(&f);
}
END_TEST

START_TEST(markdown_entities_and_controls)
{
	struct fixture f;
	const char *out = render(&f, "markdown", "S",
	    "&copy; &#169; &#xA9; & &c &; x\x1b[31m", NULL);

	ck_assert(has(out, "## 【S】&amp;copy; &amp;\\#169; &amp;\\#xA9; & &c &; x"
	    FFFD "[31m\n"));
	ck_assert(!has(out, "\x1b"));
	/* No entity without its ';': the client "<T&S>社" in the fields. */
	ck_assert(has(out, "- 訪問先: \\<T&S>社\n"));
	done(&f);
}
END_TEST

START_TEST(html_every_string_escaped)
{
	struct fixture f;
	const char *out = render(&f, "html", "<script>\"S\"</script>",
	    "a & b <i> 'q' \x1b", "<b>&amp;</b>\n\n- <li>\n\n## <h1>");

	ck_assert(!has(out, "<script>"));
	ck_assert(has(out, "<title>&lt;script&gt;&quot;S&quot;&lt;/script&gt;"
	    "</title>"));
	ck_assert(has(out, "<h2>【&lt;script&gt;&quot;S&quot;&lt;/script&gt;】"
	    "a &amp; b &lt;i&gt; &#39;q&#39; " FFFD "</h2>"));
	ck_assert(has(out, "<p>&lt;b&gt;&amp;amp;&lt;/b&gt;</p>"));
	ck_assert(has(out, "<li>&lt;li&gt;</li>"));
	ck_assert(has(out, "<h3>&lt;h1&gt;</h3>"));
	ck_assert(has(out, "<dd>&lt;T&amp;S&gt;社</dd>"));
	ck_assert(!has(out, "\x1b"));
	done(&f);
}
END_TEST

START_TEST(html_document_shape)
{
	struct fixture f;
	const char *out = render(&f, "html", "S", "t", NULL);

	ck_assert(strncmp(out, "<!doctype html>\n<html lang=\"ja\">\n", 33) == 0);
	ck_assert(has(out, "<meta charset=\"utf-8\">"));
	ck_assert(has(out, "<main>\n<h1>S</h1>\n"));
	ck_assert(has(out, "<article id=\"part-01\">"));
	ck_assert(has(out, "<article id=\"part-02\">"));
	ck_assert(has(out, "<a href=\"#part-02\" rel=\"next\">→続編②</a>"));
	ck_assert(has(out, "<a href=\"#part-01\" rel=\"prev\">←前編①</a>"));
	/* The part itself is shown, not linked; the pager has titles. */
	ck_assert(has(out, "<span aria-current=\"page\">[②]</span>"));
	ck_assert(has(out, "<a href=\"#part-02\" rel=\"next\"><span "
	    "class=\"dir\">→続編②</span> <span class=\"title\">次の日</span>"));
	ck_assert(has(out, "<span class=\"position\">第1回／全2回</span>"));
	ck_assert(has(out, "<time datetime=\"2026-11-22\">2026-11-22</time>"));
	ck_assert_uint_eq(count(out, "aria-label=\"連載の各回\""), 2);
	ck_assert_uint_eq(count(out, "aria-label=\"連載の各回（末尾）\""), 2);
	/* One document: no <link rel> in the head, which names no part. */
	ck_assert(!has(out, "<link rel="));
	done(&f);
}
END_TEST

START_TEST(info_markup_in_text)
{
	struct fixture f;
	const char *out = render(&f, "info", "S", "a*Note b\x1f\x7f",
	    "*note x: y.\n\n* Menu:\n\n* menu: lower\n\nkeep * this *");

	/* 0x1F only as the separators: Top, two parts, Local Variables. */
	ck_assert_uint_eq(count(out, "\x1f"), 4);
	ck_assert(!has(out, "\x7f"));
	ck_assert(has(out, "a＊Note b" FFFD FFFD));
	ck_assert(has(out, "\n＊note x: y.\n"));
	ck_assert(has(out, "\n＊ Menu:\n"));
	ck_assert(has(out, "\n＊ menu: lower\n"));
	ck_assert(has(out, "\nkeep * this *\n"));
	/* The one real menu and the real references stay. */
	ck_assert_uint_eq(count(out, "\n* Menu:\n"), 1);
	ck_assert(has(out, "*note →続編②: part-02."));
	done(&f);
}
END_TEST

START_TEST(info_nodes_and_labels)
{
	struct fixture f;
	const char *out = render(&f, "info", "S", "t", NULL);
	ck_assert(has(out, "\x1f\nFile: t.info,  Node: Top,  Next: part-01,  "
	    "Up: (dir)\n\nS\n*\n\n* Menu:\n\n* part-01::\t【S】t\n"
	    "* part-02::\t【続編2】【S】次の日\n"));
	ck_assert(has(out, "\x1f\nFile: t.info,  Node: part-01,  Next: part-02,  "
	    "Prev: Top,  Up: Top\n\n"));
	ck_assert(has(out, "\x1f\nFile: t.info,  Node: part-02,  Prev: part-01,  "
	    "Up: Top\n\n"));
	ck_assert(has(out, "\x1f\nLocal Variables:\ncoding: utf-8\nEnd:\n"));
	ck_assert(!has(out, "Tag Table"));
	done(&f);
}
END_TEST

START_TEST(info_colon_in_reference_label)
{
	struct fixture f;
	const char *out;

	/* A label with a colon would end the *note label early. */
	setup(&f, "S", "t", NULL);
	free(f.s.set.label_next);
	f.s.set.label_next = xstrdup("next: {n}");
	out = draw(&f, "info");
	ck_assert(has(out, "*note next： ②: part-02."));
	done(&f);
}
END_TEST

START_TEST(gemini_line_types)
{
	struct fixture f;
	const char *out = render(&f, "gemini", "# S", "=> t\x1b",
	    "=> not a link\n\n# no heading\n\n* no item\n\n> no quote\n\n"
	    "```\n\n*not an item\n\na => b");

	ck_assert(has(out, "\n" ZWSP "=> not a link\n"));
	ck_assert(has(out, "\n" ZWSP "# no heading\n"));
	ck_assert(has(out, "\n" ZWSP "* no item\n"));
	ck_assert(has(out, "\n" ZWSP "> no quote\n"));
	ck_assert(has(out, "\n" ZWSP "```\n"));
	ck_assert(has(out, "\n*not an item\n"));
	ck_assert(has(out, "\na => b\n"));
	/* After a line-type prefix the text needs nothing. */
	ck_assert(strncmp(out, "# # S\n", 6) == 0);
	ck_assert(has(out, "\n## 【# S】=> t" FFFD "\n"));
	ck_assert(!has(out, "\x1b"));
	/* One document: no link lines at all. */
	ck_assert(!has(out, "\n=>"));
	done(&f);
}
END_TEST

static Suite *
render_escape_suite(void)
{
	Suite *s = suite_create("render_escape");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, markdown_inline_punctuation);
	tcase_add_test(tc, markdown_line_starts);
	tcase_add_test(tc, markdown_entities_and_controls);
	tcase_add_test(tc, html_every_string_escaped);
	tcase_add_test(tc, html_document_shape);
	tcase_add_test(tc, info_markup_in_text);
	tcase_add_test(tc, info_nodes_and_labels);
	tcase_add_test(tc, info_colon_in_reference_label);
	tcase_add_test(tc, gemini_line_types);
	suite_add_tcase(s, tc);
	return s;
}

CHECK_MAIN(render_escape_suite)
