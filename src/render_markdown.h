/* The Markdown renderer's escaping, shared with report's Markdown output. */
#ifndef DL_RENDER_MARKDOWN_H
#define DL_RENDER_MARKDOWN_H

struct buf;

#define MD_LINE_START	0x1	/* s begins a line of the output */
#define MD_ONE_LINE	0x2	/* newlines become spaces */

/* Append entry text s to b escaped for CommonMark (render_markdown.c). */
void	md_escape(struct buf *b, const char *s, int flags);

#endif
