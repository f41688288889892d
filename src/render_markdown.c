/*
 * CommonMark output, read the same by GitHub, cmark-gfm, pandoc -f gfm
 * or -f commonmark_x, and Hugo's Goldmark.  One document: a "# "
 * title, a "## " index, each part under a "## " heading; its links are
 * in-page links to the identifiers that GitHub and pandoc give headings
 * (lower case, punctuation dropped, spaces as hyphens, "-1", "-2" for
 * a heading met again), computed for every heading of the document
 * before it is drawn, so that no raw HTML anchor is needed.  -o DIR/:
 * one file per part linked by relative file names.  Navigation rows are
 * separated by blank lines, so a row never runs into the next one.
 */
#include <string.h>
#include <strings.h>

#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "entry.h"
#include "markup.h"
#include "nav.h"
#include "render.h"
#include "render_fields.h"
#include "render_markdown.h"
#include "series.h"

#define WORD_JOINER	"\xE2\x81\xA0"	/* U+2060 */

/* One document's identifiers: by part, and the index's. */
struct md {
	char	**slugs;
	char	 *index_slug;
};

/* The code point at s (n bytes), its length in *len; invalid is U+FFFD. */
static ucs4_t
char_at(const char *s, size_t n, int *len)
{
	ucs4_t uc;

	if (n == 0) {
		*len = 0;
		return 0;
	}
	if ((*len = u8_mbtouc(&uc, (const uint8_t *)s, n)) < 1)
		*len = 1;
	return uc;
}

static bool
is_space(ucs4_t uc)
{
	return uc == 0 || uc_is_property_white_space(uc);
}

/* Punctuation as CommonMark's flanking rules see it. */
static bool
is_punct(ucs4_t uc)
{
	return (uc < 0x80 && uc > ' ' && uc != 0x7f &&
	    !((uc >= '0' && uc <= '9') || (uc >= 'A' && uc <= 'Z') ||
	    (uc >= 'a' && uc <= 'z'))) ||
	    (uc >= 0x80 && uc_is_general_category(uc, UC_CATEGORY_P));
}

/*
 * Whether a run of *, _ or ~ between prev and next (0: the string's
 * edge, taken as a space) could open or close emphasis or strikethrough:
 * a left- or right-flanking run.  An underscore inside a word can do
 * neither.
 */
static bool
delimiter(int c, ucs4_t prev, ucs4_t next)
{
	bool left = !is_space(next) && (!is_punct(next) || is_space(prev) ||
	    is_punct(prev));
	bool right = !is_space(prev) && (!is_punct(prev) || is_space(next) ||
	    is_punct(next));

	if (c == '_' && left && right && !is_punct(prev) && !is_punct(next))
		return false;
	return left || right;
}

/*
 * What a character starts at the beginning of a line: a list item (- +
 * * and digits then ". " or ")"), a heading (#), a block quote (>), a
 * fence (~ and `), a thematic break (_), a setext underline (=), a link
 * reference definition or a task ([), or an indented code block
 * (leading blanks, dropped here as CommonMark drops them in a
 * paragraph).  Escaped there and only there.
 */
static const char *
md_line_start(struct buf *b, const char *s)
{
	const char *d;

	while (*s == ' ' || *s == '\t')
		s++;
	if (*s != '\0' && strchr("-+*_=#>~`[", *s) != NULL) {
		buf_addc(b, '\\');
		buf_addc(b, *s);
		return s + 1;
	}
	for (d = s; *d >= '0' && *d <= '9'; d++)
		continue;
	/* An ordered list item: up to nine digits, "." or ")", a blank. */
	if (d > s && d - s <= 9 && (*d == '.' || *d == ')') &&
	    strchr(" \t\n", d[1]) != NULL) {
		buf_add(b, s, (size_t)(d - s));
		buf_addc(b, '\\');
		buf_addc(b, *d);
		return d + 1;
	}
	return s;
}

/* Whether the ASCII character at s (text from start) needs a backslash. */
static bool
needs_escape(const char *start, const char *s, int flags)
{
	int c = (unsigned char)*s;

	switch (c) {
	case '\\':
		/* Only before punctuation (or a line's end) is it markup. */
		return s[1] == '\0' || s[1] == '\n' ||
		    is_punct((unsigned char)s[1]);
	case '`':
		return true;
	case '[':
		return (flags & MD_LINK_TEXT) != 0;
	case ']':
		return (flags & MD_LINK_TEXT) || s[1] == '(';
	case '<':
		return (s[1] >= 'a' && s[1] <= 'z') ||
		    (s[1] >= 'A' && s[1] <= 'Z') ||
		    (s[1] != '\0' && strchr("/!?", s[1]) != NULL);
	case '#':
		return (flags & MD_HEADING) != 0;
	case ':':
		/* http://..., www. and e-mail addresses are GFM autolinks. */
		return strncmp(s + 1, "//", 2) == 0;
	case '.':
		return s - start >= 3 && strncasecmp(s - 3, "www", 3) == 0;
	default:
		return false;
	}
}

/* Whether s, at an '&', reads as an entity: &name; &#123; &#x1F; */
static bool
entity(const char *s)
{
	const char *p = s + 1;

	if (*p == '#' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	else if (*p == '#')
		p++;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9'))
		p++;
	return *p == ';' && p > s + 1 && p[-1] != '#';
}

static bool
email_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || (c != '\0' && strchr("._+-", c) != NULL);
}

/* The code point before s, or 0 at start. */
static ucs4_t
char_before(const char *start, const char *s)
{
	ucs4_t uc = 0;

	if (u8_prev(&uc, (const uint8_t *)s, (const uint8_t *)start) == NULL)
		return 0;
	return uc;
}

/*
 * The one escaping function for entry text: a backslash only where
 * CommonMark or GFM would read a character as markup (emphasis and
 * strikethrough runs that could open or close, code spans, links and
 * images, raw HTML and autolinks, what begins a block at a line's
 * start); & becomes &amp; where it begins an entity; a word
 * joiner after the @ of an e-mail address, which GFM links whatever
 * the escaping; control characters become U+FFFD.
 */
void
md_escape(struct buf *b, const char *s, int flags)
{
	const char *start = s;
	unsigned char c;

	if (flags & MD_LINE_START)
		s = md_line_start(b, s);
	while ((c = (unsigned char)*s) != '\0') {
		if (c == '\n') {
			if (flags & MD_ONE_LINE) {
				buf_addc(b, ' ');
				s++;
				continue;
			}
			buf_addc(b, '\n');
			s = md_line_start(b, s + 1);
		} else if (c == '*' || c == '_' || c == '~') {
			const char *end = s;
			int len;

			while (*end == (char)c)
				end++;
			if (!delimiter(c, char_before(start, s),
			    char_at(end, strlen(end), &len))) {
				buf_add(b, s, (size_t)(end - s));
				s = end;
			}
			for (; s < end; s++) {
				buf_addc(b, '\\');
				buf_addc(b, c);
			}
		} else if (c < 0x80 && needs_escape(start, s, flags)) {
			buf_addc(b, '\\');
			buf_addc(b, *s++);
		} else if (c == '&' && entity(s)) {
			buf_adds(b, "&amp;");
			s++;
		} else if (c == '@' && s > start && email_char(s[-1]) &&
		    email_char(s[1])) {
			buf_adds(b, "@" WORD_JOINER);
			s++;
		} else if ((c < 0x20 && c != '\t') || c == 0x7F) {
			buf_adds(b, "\xEF\xBF\xBD");
			s++;
		} else
			buf_addc(b, *s++);
	}
}

/*
 * The identifier GitHub gives a heading, as pandoc's
 * gfm_auto_identifiers do: lower case; letters, marks, digits, '_',
 * '-' kept, spaces as '-', the rest dropped.
 */
static void
md_slug(struct buf *b, const char *text)
{
	size_t n = strlen(text);
	int len;

	while (n > 0 && text[n - 1] == ' ')
		n--;
	while (n > 0 && *text == ' ')
		text++, n--;
	for (size_t i = 0; i < n; i += (size_t)len) {
		ucs4_t uc = uc_tolower(char_at(text + i, n - i, &len));
		uint8_t enc[6];
		int k;

		if (uc == ' ')
			uc = '-';
		else if (uc != '-' && uc != '_' &&
		    !uc_is_property_alphabetic(uc) &&
		    !uc_is_general_category(uc, UC_CATEGORY_M) &&
		    !uc_is_general_category(uc, UC_CATEGORY_Nd) &&
		    !uc_is_general_category(uc, UC_CATEGORY_Pc))
			continue;
		if ((k = u8_uctomb(enc, uc, (int)sizeof(enc))) > 0)
			buf_add(b, enc, (size_t)k);
	}
}

/* The slugs handed out so far, for "-1", "-2" on a heading met again. */
struct slugs {
	char	**v;
	size_t	  n;
};

static char *
slug_unique(struct slugs *used, const char *text)
{
	struct buf base = BUF_INIT, try = BUF_INIT;
	size_t i;

	md_slug(&base, text);
	buf_adds(&try, buf_str(&base));
	for (long k = 1; ; k++) {
		for (i = 0; i < used->n && strcmp(used->v[i], try.s) != 0; i++)
			continue;
		if (i == used->n)
			break;
		buf_reset(&try);
		buf_addf(&try, "%s-%ld", base.s, k);
	}
	used->v = xreallocarray(used->v, used->n + 1, sizeof(*used->v));
	used->v[used->n++] = xstrdup(try.s);
	buf_free(&base);
	return buf_detach(&try);
}

static void
slug_body(struct slugs *used, const char *body)
{
	struct markup m;

	if (body == NULL)
		return;
	markup_parse(body, &m);
	for (size_t i = 0; i < m.n; i++)
		if (m.v[i].type == BLOCK_HEADING)
			free(slug_unique(used, m.v[i].lines[0]));
	markup_free(&m);
}

/* Every heading of one document in order: the identifiers links need. */
static void
md_plan(struct doc *d, struct md *m)
{
	const struct series *s = d->series;
	struct slugs used = { NULL, 0 };
	struct buf heading = BUF_INIT;

	m->slugs = xcalloc(s->n + 1, sizeof(*m->slugs));
	free(slug_unique(&used, s->set.title));
	m->index_slug = slug_unique(&used, lang_label(d->lang, LB_CONTENTS));
	for (size_t i = 0; i < s->n; i++) {
		if (i > 0 && s->parts[i]->part == s->parts[i - 1]->part)
			continue;
		buf_reset(&heading);
		render_heading(&heading, s, i);
		m->slugs[i] = slug_unique(&used, buf_str(&heading));
		slug_body(&used, s->parts[i]->body);
	}
	for (size_t i = 0; i < used.n; i++)
		free(used.v[i]);
	free(used.v);
	buf_free(&heading);
}

static void
md_href(struct buf *b, const struct doc *d, struct target t)
{
	const struct md *m = d->priv;

	if (d->split || m == NULL) {
		render_file_name(b, d, t);
		return;
	}
	buf_addc(b, '#');
	if (t.index)
		buf_adds(b, m->index_slug);
	else if (m->slugs[t.part] != NULL)
		buf_adds(b, m->slugs[t.part]);
}

static void
md_link(struct doc *d, struct target t, const char *label)
{
	buf_addc(&d->out, '[');
	md_escape(&d->out, label, MD_ONE_LINE | MD_LINK_TEXT);
	buf_adds(&d->out, "](");
	render_href(&d->out, d, t);
	buf_addc(&d->out, ')');
}

/* The series title heads every file; a part file's heading follows as "## ". */
static void
md_begin(struct doc *d, const char *title)
{
	if (d->series != NULL && !d->split && !d->show) {
		struct md *m = xcalloc(1, sizeof(*m));

		md_plan(d, m);
		d->priv = m;
	}
	if (d->series != NULL)
		title = d->series->set.title;
	buf_adds(&d->out, "# ");
	md_escape(&d->out, title, MD_ONE_LINE | MD_HEADING);
	buf_adds(&d->out, "\n\n");
}

static void
md_end(struct doc *d)
{
	struct md *m = d->priv;

	if (m == NULL)
		return;
	for (size_t i = 0; i < d->series->n; i++)
		free(m->slugs[i]);
	free(m->slugs);
	free(m->index_slug);
	free(m);
	d->priv = NULL;
}

static void
md_index_begin(struct doc *d)
{
	render_about(d);
	/* One document: the heading the window layout's index link names. */
	if (!d->split) {
		buf_adds(&d->out, "## ");
		md_escape(&d->out, lang_label(d->lang, LB_CONTENTS),
		    MD_ONE_LINE | MD_HEADING);
		buf_adds(&d->out, "\n\n");
	}
}

/* "- ③ 2026-09-04 14:00 [TITLE](part-03.md)", or "- ④ （④欠番）". */
static void
md_index_item(struct doc *d, long part, long last,
    const struct entry *e, struct target t)
{
	const struct series_settings *set = &d->series->set;
	struct buf label = BUF_INIT;
	char date[17];

	buf_adds(&d->out, "- ");
	series_number(&d->out, set->numbering, part);
	buf_addc(&d->out, ' ');
	if (e == NULL) {
		series_label_range(&label, set, set->label_missing, part, last);
		md_escape(&d->out, buf_str(&label), MD_ONE_LINE);
	} else {
		buf_addf(&d->out, "%s ", date_format(&e->date, date));
		md_link(d, t, e->title);
	}
	buf_addc(&d->out, '\n');
	buf_free(&label);
}

static void
md_index_end(struct doc *d)
{
	buf_addc(&d->out, '\n');
}

static void
md_part_begin(struct doc *d, size_t part, const char *heading)
{
	(void)part;
	buf_adds(&d->out, "## ");
	md_escape(&d->out, heading, MD_ONE_LINE | MD_HEADING);
	buf_adds(&d->out, "\n\n");
}

static void
md_part_end(struct doc *d, size_t part)
{
	(void)d;
	(void)part;
}

static void
md_heading(struct doc *d, const char *s)
{
	buf_adds(&d->out, "### ");
	md_escape(&d->out, s, MD_ONE_LINE | MD_HEADING);
	buf_adds(&d->out, "\n\n");
}

static void
md_paragraph(struct doc *d, const char *s)
{
	md_escape(&d->out, s, MD_LINE_START);
	buf_adds(&d->out, "\n\n");
}

static void
md_list(struct doc *d, char *const *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_adds(&d->out, "- ");
		md_escape(&d->out, items[i], MD_ONE_LINE | MD_LINE_START);
		buf_addc(&d->out, '\n');
	}
	buf_addc(&d->out, '\n');
}

/* One paragraph per row: links separated by spaces; gaps as text. */
static void
md_nav(struct doc *d, const struct nav *nav)
{
	for (size_t r = 0; r < nav->nrows; r++) {
		const struct nav_row *row = &nav->rows[r];

		for (size_t i = row->first; i < row->first + row->n; i++) {
			const struct nav_link *l = &nav->links[i];

			if (i > row->first)
				buf_addc(&d->out, ' ');
			if (l->kind == NAV_MISSING || l->kind == NAV_GAP ||
			    l->kind == NAV_CURRENT)
				md_escape(&d->out, l->label, MD_ONE_LINE);
			else
				md_link(d, (struct target){ l->target,
				    l->kind == NAV_INDEX }, l->label);
		}
		buf_adds(&d->out, "\n\n");
	}
}

/* "- LABEL: VALUE", or the values as a nested list when there are several. */
static void
md_field(struct doc *d, enum label field, const char *label,
    char *const *v, size_t n)
{
	(void)field;
	buf_adds(&d->out, "- ");
	md_escape(&d->out, label, MD_ONE_LINE | MD_LINE_START);
	buf_addc(&d->out, ':');
	if (n == 1) {
		buf_addc(&d->out, ' ');
		md_escape(&d->out, v[0], MD_ONE_LINE);
	} else
		for (size_t i = 0; i < n; i++) {
			buf_adds(&d->out, "\n  - ");
			md_escape(&d->out, v[i], MD_ONE_LINE | MD_LINE_START);
		}
	buf_addc(&d->out, '\n');
}

static void
md_fields(struct doc *d, const struct entry *e)
{
	render_fields(d, e, md_field);
	buf_addc(&d->out, '\n');
}

const struct renderer render_markdown = {
	"markdown", "md",
	md_begin, md_end,
	md_index_begin, md_index_item, md_index_end,
	md_part_begin, md_fields, md_part_end,
	md_heading, md_paragraph, md_list,
	md_nav, md_link,
	0, NULL, md_href,
};
