/*
 * libFuzzer target: the body markup parser, and every renderer drawing
 * the parsed body of an entry outside a series (show's path).  Input that
 * the loader would refuse (invalid UTF-8, control characters) is skipped:
 * renderers only ever see validated text.  Run by `make fuzz`.
 */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "entry.h"
#include "markup.h"
#include "render.h"
#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct renderer *const renderers[] = {
	&render_text, &render_markdown, &render_html, &render_info,
	&render_gemini,
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf msgs = BUF_INIT;
	struct markup m;
	struct entry e;
	struct doc doc;
	char *body;

	body = xstrndup((const char *)data, size);
	if (!text_valid_utf8(body, size) ||
	    text_find_control(body, size) != NULL) {
		free(body);
		return 0;
	}
	diag_sink = &msgs;
	markup_parse(body, &m);
	markup_free(&m);

	entry_init(&e);
	e.title = xstrdup("ファズ");
	e.date.year = 2026;
	e.date.mon = 11;
	e.date.day = 7;
	e.body = body;
	for (size_t i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++) {
		render_doc_init(&doc, renderers[i], NULL);
		doc.width = size % 2 ? 0 : 24 + (int)(size % 37);
		render_entry(&doc, &e);
		buf_free(&doc.out);
	}
	entry_free(&e);
	diag_sink = NULL;
	buf_free(&msgs);
	return 0;
}
