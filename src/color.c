/* Colour: SGR escapes around text that is already safe (color.h). */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "color.h"
#include "dailylog.h"

#define SGR_RESET	"\033[m"

const char *const color_modes[3] = { "auto", "always", "never" };

static const char *const sgr[] = {
	[PAINT_HEADING] = "\033[1m",
	[PAINT_DATE] = "\033[36m",
	[PAINT_REF] = "\033[36m",
};

void
color_add(struct buf *b, enum paint p, const char *s, size_t n)
{
	if (n == 0)
		return;
	buf_adds(b, sgr[p]);
	buf_add(b, s, n);
	buf_adds(b, SGR_RESET);
}

void
color_span(struct buf *b, size_t from, enum paint p)
{
	char *text;
	size_t len;

	if (from >= b->len)
		return;
	len = b->len - from;
	text = xstrndup(b->s + from, len);
	b->len = from;
	b->s[from] = '\0';
	for (size_t i = 0; i < len; ) {
		size_t n = strcspn(text + i, "\n");

		color_add(b, p, text + i, n);
		i += n;
		if (i < len) {
			buf_addc(b, '\n');
			i++;
		}
	}
	free(text);
}
