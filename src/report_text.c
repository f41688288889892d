/*
 * A report as plain text for terminals and pipes: headings and list
 * items indented by level, wrapped to doc->width by text_wrap (UAX #14
 * with kinsoku), continuation lines under the text they continue.
 * Every string from an entry passes text_sanitize.
 */
#include <string.h>

#include "buf.h"
#include "report_draw.h"
#include "text.h"

static void
text_text(struct buf *b, const char *s)
{
	text_sanitize(b, s, strlen(s), false);
}

/*
 * A blank line before each day (and author); a client indented under
 * its day, a day under its author.
 */
static void
text_heading(struct report_doc *doc, int level, const char *s)
{
	int indent = level >= 3 ? 2 * (level - 2) : 0;

	if (level == 2 || (level == 3 && doc->depth > 0))
		buf_addc(&doc->out, '\n');
	buf_addf(&doc->out, "%*s", indent, "");
	text_wrap(&doc->out, s, strlen(s), doc->width, indent, indent + 2,
	    NULL);
	buf_addc(&doc->out, '\n');
}

static void
text_summary(struct report_doc *doc, const char *s)
{
	text_wrap(&doc->out, s, strlen(s), doc->width, 0, 2, NULL);
	buf_addc(&doc->out, '\n');
}

/* "    - entry" under its client, its fields under the entry's text. */
static void
text_item(struct report_doc *doc, int depth, const char *s)
{
	int indent = 4 + 2 * depth + 2 * doc->depth;

	buf_addf(&doc->out, "%*s%s", indent, "", depth == 0 ? "- " : "");
	text_wrap(&doc->out, s, strlen(s), doc->width,
	    indent + 2 * (depth == 0), indent + 2, NULL);
	buf_addc(&doc->out, '\n');
}

const struct report_format report_text = {
	"text",
	text_text,
	text_heading,
	text_summary,
	text_item,
};
