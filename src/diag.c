/* Messages and the worst exit status (diag.h). */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "text.h"

const struct pos nopos = { 0, 0 };
struct buf *diag_sink;

static size_t	nerrors, nwarnings;
static int	worst;
static const char *ignored;

void
diag_ignore(const char *file)
{
	ignored = file;
}

static bool
is_ignored(const char *file)
{
	return ignored != NULL && file != NULL && strcmp(file, ignored) == 0;
}

static void
vreport(const char *file, struct pos p, const char *kind, const char *fmt,
    va_list ap)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;

	if (file != NULL) {
		buf_adds(&raw, file);
		if (p.line > 0) {
			buf_addf(&raw, ":%d", p.line);
			if (p.col > 0)
				buf_addf(&raw, ":%d", p.col);
		}
		buf_adds(&raw, ": ");
	}
	if (kind != NULL)
		buf_adds(&raw, kind);
	buf_vaddf(&raw, fmt, ap);
	buf_adds(&out, "dailylog: ");
	/* One message, one line: a newline in a file name or a reference
	 * must not forge a second message. */
	for (const char *s = buf_str(&raw), *end = s + raw.len; s < end; ) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);

		text_sanitize(&out, s, n, false);
		if (nl != NULL)
			buf_adds(&out, "^J");
		s += n + (nl != NULL);
	}
	buf_addc(&out, '\n');
	if (diag_sink != NULL)
		buf_add(diag_sink, out.s, out.len);
	else {
		fwrite(out.s, 1, out.len, stderr);
		fflush(stderr);
	}
	buf_free(&raw);
	buf_free(&out);
}

/* How bad a status is: the order diag.h gives. */
static int
rank(int status)
{
	switch (status) {
	case 0:			return 0;
	case EXIT_NOTFOUND:	return 1;
	case EXIT_DATAERR:	return 2;
	case EXIT_NOINPUT:	return 3;
	case EXIT_CANTCREAT:	return 4;
	case EXIT_IOERR:	return 5;
	case EXIT_TEMPFAIL:	return 6;
	case EXIT_USAGE:	return 7;
	default:		return 8;
	}
}

void
diag_set_status(int status)
{
	if (rank(status) > rank(worst))
		worst = status;
}

int
diag_child(int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	diag_set_status(WIFEXITED(status) ? WEXITSTATUS(status) :
	    WIFSIGNALED(status) ? 128 + WTERMSIG(status) : EXIT_IOERR);
	return -1;
}

int
diag_status(void)
{
	return worst;
}

void
diag_error(int status, const char *file, struct pos p, const char *fmt, ...)
{
	va_list ap;

	if (is_ignored(file))
		return;
	nerrors++;
	diag_set_status(status);
	va_start(ap, fmt);
	vreport(file, p, NULL, fmt, ap);
	va_end(ap);
}

void
diag_fail(int status, const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	diag_set_status(status);
	va_start(ap, fmt);
	vreport(NULL, nopos, NULL, fmt, ap);
	va_end(ap);
}

void
diag_warn(const char *file, struct pos p, const char *fmt, ...)
{
	va_list ap;

	if (is_ignored(file))
		return;
	nwarnings++;
	va_start(ap, fmt);
	vreport(file, p, "warning: ", fmt, ap);
	va_end(ap);
}

void
diag(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, nopos, NULL, fmt, ap);
	va_end(ap);
}

size_t
diag_errors(void)
{
	return nerrors;
}

size_t
diag_warnings(void)
{
	return nwarnings;
}

void
diag_reset(void)
{
	nerrors = nwarnings = 0;
	worst = 0;
}
