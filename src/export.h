/* Entries streamed out for other tools: export, and list's JSON formats. */
#ifndef DL_EXPORT_H
#define DL_EXPORT_H

struct filter;
struct store;

enum export_format {
	EXPORT_JSON, EXPORT_JSONL, EXPORT_YAML, EXPORT_CSV, EXPORT_COUNT
};

/* The formats' names, as -f takes them. */
extern const char *const export_formats[EXPORT_COUNT];

/*
 * Every entry of the store that f matches, in listing order (by part
 * with --series, see filter_rank), to stdout; CSV begins with its
 * header row.
 * Each file is read once and written to a temporary file in tmpdir at
 * once, so memory holds only the order, never the bodies.  Returns 0 or
 * -1; files that do not load are reported and left out.
 */
int	export_stream(struct store *, const struct filter *,
	    enum export_format, const char *tmpdir);

#endif
