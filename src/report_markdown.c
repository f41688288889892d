/*
 * A report as CommonMark: ATX headings (# to ####), the summary as a
 * paragraph, entries as a list with their fields nested.  Lines are
 * never wrapped.
 *
 * A report is pasted into chats and mails more than it is rendered, and
 * there every needless backslash shows.  So entry text is escaped only
 * where CommonMark (with GitHub's strikethrough and task lists) would
 * read it as markup, unlike the renderer's md_escape, whose documents
 * hold links of their own: "[badge:16]" and "(第2版)" stay as they are.
 */

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "report_draw.h"

/* An entity or character reference: &name; &#123; &#x1F; */
static bool
entity_at(const char *s)
{
	const char *p = s + 1;

	if (*p == '#')
		p += p[1] == 'x' || p[1] == 'X' ? 2 : 1;
	if (!isalnum((unsigned char)*p))
		return false;
	while (isalnum((unsigned char)*p))
		p++;
	return *p == ';';
}

static bool
ascii_alnum(unsigned char c)
{
	return c < 0x80 && isalnum(c);
}

/*
 * The escapes that matter inline, piece by piece (report_draw passes
 * titles, names and fields one at a time): emphasis and strikethrough
 * (* and ~ always, _ unless between letters or digits), code spans,
 * HTML and autolinks (< before a letter, / ! or ?), references
 * (&name;), a backslash that would escape, a link or a definition (] before
 * ( [ or :), a task box, and a run of # that would close a heading.
 */
static void
md_text(struct buf *b, const char *s)
{
	size_t n = strlen(s), hashes = n;

	/* A final run of # after a space (or alone) closes an ATX heading. */
	while (hashes > 0 && s[hashes - 1] == '#')
		hashes--;
	if (hashes == n || (hashes > 0 && s[hashes - 1] != ' '))
		hashes = n;
	/* "[ ] " or "[x] " at the start is a task box in a list item. */
	if (s[0] == '[' && (s[1] == ' ' || s[1] == 'x' || s[1] == 'X') &&
	    s[2] == ']')
		buf_addc(b, '\\');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned char next = (unsigned char)s[i + 1];
		bool esc;

		switch (c) {
		case '*': case '~': case '`':
			esc = true;
			break;
		case '_':
			esc = !(i > 0 && ascii_alnum((unsigned char)s[i - 1]) &&
			    ascii_alnum(next));
			break;
		case '<':
			esc = isalpha(next) || next == '/' || next == '!' ||
			    next == '?';
			break;
		case '&':
			esc = entity_at(s + i);
			break;
		case '\\':
			esc = next == '\0' || ispunct(next);
			break;
		case ']':
			esc = next == '(' || next == '[' || next == ':';
			break;
		case '#':
			esc = i == hashes;
			break;
		default:
			esc = false;
		}
		if (c == '&' && esc)
			buf_adds(b, "&amp;");
		else if (c == '\n')
			buf_addc(b, ' ');
		else if ((c < 0x20 && c != '\t') || c == 0x7F)
			buf_adds(b, "\xEF\xBF\xBD");
		else {
			if (esc)
				buf_addc(b, '\\');
			buf_addc(b, c);
		}
	}
}

/* A space, a tab or the end of the text. */
static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\0';
}

/* Only -, spaces and tabs, three - at least: a thematic break. */
static bool
dash_rule(const char *s)
{
	size_t dashes = 0;

	for (; *s != '\0'; s++)
		if (*s == '-')
			dashes++;
		else if (*s != ' ' && *s != '\t')
			return false;
	return dashes >= 3;
}

/*
 * What only a line's start makes markup, here at the start of a list
 * item's text: a nested list ("- ", "+ ", "1. ", "1) "), a heading
 * ("# " to "###### "), a quote (">"), a thematic break ("---").
 */
static void
line_start(struct buf *out, const char *s)
{
	const char *d = s;
	size_t k = strspn(s, "#");

	while (isdigit((unsigned char)*d))
		d++;
	if (((*s == '-' || *s == '+') && (blank(s[1]) || dash_rule(s))) ||
	    (k > 0 && k <= 6 && blank(s[k])) || *s == '>')
		buf_addc(out, '\\');
	else if (d > s && d - s <= 9 && (*d == '.' || *d == ')') &&
	    blank(d[1])) {
		buf_add(out, s, (size_t)(d - s));
		buf_addc(out, '\\');
		s = d;
	}
	buf_adds(out, s);
}

/* Blocks are apart by a blank line: a list open before a heading too. */
static void
md_heading(struct report_doc *doc, int level, const char *s)
{
	if (doc->in_list)
		buf_addc(&doc->out, '\n');
	doc->in_list = false;
	buf_addf(&doc->out, "%.*s %s\n\n", level, "####", s);
}

static void
md_summary(struct report_doc *doc, const char *s)
{
	buf_addf(&doc->out, "%s\n\n", s);
}

static void
md_item(struct report_doc *doc, int depth, const char *s)
{
	buf_addf(&doc->out, "%*s- ", 2 * depth, "");
	line_start(&doc->out, s);
	buf_addc(&doc->out, '\n');
	doc->in_list = true;
}

const struct report_format report_markdown = {
	"markdown",
	md_text,
	md_heading,
	md_summary,
	md_item,
};
