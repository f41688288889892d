#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "text.h"

size_t diag_nerrors;
size_t diag_nwarnings;
struct buf *diag_sink;

/*
 * A problem is told once per run: show, for one, meets a broken file
 * when it reads the store and again when it resolves the reference.
 * The messages seen are kept as 64-bit hashes in an open-addressing set.
 */
static uint64_t	*seen;
static size_t	 nseen, capseen;

static uint64_t
hash_of(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1;	/* 0 marks an empty slot */
}

static bool
seen_before(uint64_t h)
{
	size_t i;

	if (2 * (nseen + 1) > capseen) {
		uint64_t *old = seen;
		size_t oldcap = capseen;

		capseen = capseen ? capseen * 2 : 64;
		seen = xcalloc(capseen, sizeof(*seen));
		nseen = 0;
		for (size_t j = 0; j < oldcap; j++)
			if (old[j] != 0)
				(void)seen_before(old[j]);
		free(old);
	}
	for (i = h & (capseen - 1); seen[i] != 0; i = (i + 1) & (capseen - 1))
		if (seen[i] == h)
			return true;
	seen[i] = h;
	nseen++;
	return false;
}

/* Print one message, unless the same one was printed before. */
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
	/* Unit tests (diag_sink) see every message. */
	if (file != NULL && diag_sink == NULL &&
	    seen_before(hash_of(out.s, out.len))) {
		buf_free(&raw);
		buf_free(&out);
		return;	/* still counted by the caller: statuses depend on it */
	}
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
