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
	diag("error writing the output: %s", strerror(errno));
	return EXIT_IOERR;
}
