#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "output.h"

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

void
tsv_escape(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\t':	buf_adds(b, "\\t"); break;
		case '\n':	buf_adds(b, "\\n"); break;
		case '\r':	buf_adds(b, "\\r"); break;
		case '\\':	buf_adds(b, "\\\\"); break;
		default:	buf_addc(b, *s);
		}
	}
}
