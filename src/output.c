#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "output.h"
#include "text.h"

void
out_buf(struct buf *b)
{
	if (b->len > 0)
		fwrite(b->s, 1, b->len, stdout);
	buf_reset(b);
}

int
out_finish(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	diag_fail(EXIT_IOERR, "error writing the output: %s", strerror(errno));
	return -1;
}

char *
tsv_put(char *o, const char *s, size_t n)
{
	static const unsigned char special[256] = {
		['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
	};
	size_t run;

	/* A run at a time: most fields need no escape at all. */
	while (n > 0) {
		run = text_span(s, n, special);
		memcpy(o, s, run);
		o += run;
		if (run == n)
			break;
		*o++ = '\\';
		*o++ = (char)special[(unsigned char)s[run]];
		s += run + 1;
		n -= run + 1;
	}
	return o;
}

void
tsv_escape(struct buf *b, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	buf_grow(b, 2 * n);
	b->len = (size_t)(tsv_put(b->s + b->len, s, n) - b->s);
	b->s[b->len] = '\0';
}
