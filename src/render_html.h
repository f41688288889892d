/* The HTML renderer's escaping, shared with the Atom feed's XML. */
#ifndef DL_RENDER_HTML_H
#define DL_RENDER_HTML_H

struct buf;

/* Append entry text s to b escaped for HTML and XML (render_html.c). */
void	html_escape(struct buf *b, const char *s);

#endif
