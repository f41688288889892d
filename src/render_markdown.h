/* The Markdown renderer's escaping, shared with report's Markdown output. */
#ifndef DL_RENDER_MARKDOWN_H
#define DL_RENDER_MARKDOWN_H

struct buf;

#define MD_LINE_START	0x1	/* s begins a line of the output */
#define MD_ONE_LINE	0x2	/* newlines become spaces */
#define MD_LINK_TEXT	0x4	/* inside [...]: every bracket escaped */
#define MD_HEADING	0x8	/* an ATX heading: every # escaped */

/* Append entry text s to b escaped for CommonMark (render_markdown.c). */
void	md_escape(struct buf *b, const char *s, int flags);

#endif
