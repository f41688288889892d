/*
 * A report as CommonMark: ATX headings (# to ####), the summary as a
 * paragraph, entries as a list with their fields nested.  Lines are
 * never wrapped.  Every string from an entry passes md_escape.
 */

#include <stdbool.h>

#include "buf.h"
#include "render_markdown.h"
#include "report_draw.h"

static void
md_text(struct buf *b, const char *s)
{
	md_escape(b, s, MD_ONE_LINE);
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
	buf_addf(&doc->out, "%*s- %s\n", 2 * depth, "", s);
	doc->in_list = true;
}

const struct report_format report_markdown = {
	"markdown",
	md_text,
	md_heading,
	md_summary,
	md_item,
};
