#include <stdarg.h>
#include <stdio.h>

#include "buf.h"
#include "diag.h"
#include "text.h"

size_t diag_nerrors;
size_t diag_nwarnings;
struct buf *diag_sink;

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
	text_sanitize(&out, buf_str(&raw), raw.len, 0);
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

void
diag_error(const char *file, struct pos p, const char *fmt, ...)
{
	va_list ap;

	diag_nerrors++;
	va_start(ap, fmt);
	vreport(file, p, NULL, fmt, ap);
	va_end(ap);
}

void
diag_warn(const char *file, struct pos p, const char *fmt, ...)
{
	va_list ap;

	diag_nwarnings++;
	va_start(ap, fmt);
	vreport(file, p, "warning: ", fmt, ap);
	va_end(ap);
}

void
diag(const char *fmt, ...)
{
	va_list ap;
	struct pos none = { 0, 0 };

	va_start(ap, fmt);
	vreport(NULL, none, NULL, fmt, ap);
	va_end(ap);
}
