/*
 * What only commands use: usage and option errors, and the parsing of
 * option values that several commands share (a fixed word, a width, a
 * format, the entry filters).  Nothing below the commands includes it.
 * A bad value is a usage error (64): reported, and -1 returned.
 */
#ifndef DL_CLI_H
#define DL_CLI_H

#include <stddef.h>

#include "draft.h"

struct filter;
struct option;
struct renderer;
struct store;

/* "dailylog: CMD: message" and CMD's usage line (64); returns -1. */
int	usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Report what getopt_long's '?' or ':' (ch; the option string must
 * begin with ':') means for cmd, naming the option (64); returns -1.
 */
int	option_error(const char *cmd, int ch, char **argv,
	    const struct option *);

/* For an unknown "--word": the long option of opts it nearly is, or NULL. */
const char *option_suggest(const char *arg, const struct option *opts);

/*
 * arg, the value of option opt of cmd, as one of n words: its index in
 * *which, else a usage error "OPT takes A, B or C, not 'ARG'" (cmd NULL
 * for a global option).
 */
int	cli_choice(const char *cmd, const char *opt, const char *arg,
	    const char *const *words, size_t n, int *which);

/* --width N: 0 (no wrapping) to 10000, else a usage error. */
int	cli_width(const char *cmd, const char *arg, int *width);

/* -f FORMAT: a renderer, else a usage error naming them all. */
int	cli_format(const char *cmd, const char *arg, const struct renderer **);

/* The long options of the entry filters, for a command's option table. */
#define FILTER_OPTIONS							\
	{ "series", required_argument, NULL, 0x100 },			\
	{ "since", required_argument, NULL, 0x101 },			\
	{ "until", required_argument, NULL, 0x102 },			\
	{ "client", required_argument, NULL, 0x103 },			\
	{ "tag", required_argument, NULL, 0x104 },			\
	{ "grep", required_argument, NULL, 0x105 },			\
	{ "approved", no_argument, NULL, 0x106 },			\
	{ "unapproved", no_argument, NULL, 0x107 }
#define FILTER_SHORT	"n:"

/*
 * Take option ch (from getopt_long) if it is a filter's.  Returns 0 when
 * taken, 1 when not a filter option, -1 after a usage error.
 */
int	cli_filter_option(struct filter *, int ch, const char *arg,
	    const char *cmd);

/*
 * The drafts of one kind (draft.h) for add --drafts and edit --drafts,
 * newest first, one a line: NAME, the time it was last changed
 * (YYYY-MM-DD HH:MM), kept or open (by a running dailylog), and its
 * title as far as it loads, tab-separated as list's tsv is.
 */
int	cli_drafts(const struct store *, enum draft_kind);

#endif
