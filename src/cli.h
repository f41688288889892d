/*
 * What only commands use: usage and option errors, and the parsing of
 * option values that several commands share (a fixed word, a width, a
 * format, the entry filters).  Nothing below the commands includes it.
 * A bad value is a usage error (64): reported, and -1 returned.
 */
#ifndef DL_CLI_H
#define DL_CLI_H

#include <getopt.h>
#include <stddef.h>

#include "draft.h"

struct filter;
struct renderer;
struct store;

/* "dailylog: CMD: message" and CMD's usage line (64); returns -1. */
int	usage_error(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* The options before the command (dailylog(1)), for main and the hints. */
extern const struct option cli_global_options[];

/*
 * Report what getopt_long's '?' or ':' (ch; the option string must
 * begin with ':') means for cmd, naming the option, with a hint when it
 * is a global one (64); returns -1.
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

/* The same for one entry (show): not a format of a whole series. */
int	cli_entry_format(const char *cmd, const char *arg,
	    const struct renderer **);

/*
 * The long options of the entry filters, for a command's option table:
 * --KIND VALUE and --not-KIND VALUE for each enum filter_kind, --since,
 * --until, --approved and --unapproved; -n N is FILTER_SHORT.
 */
#define FILTER_OPT_ANY	0x100	/* + enum filter_kind */
#define FILTER_OPT_NONE	0x110	/* + enum filter_kind */
#define FILTER_OPT_SINCE 0x120
#define FILTER_OPT_UNTIL 0x121
#define FILTER_OPT_APPROVED 0x122
#define FILTER_OPT_UNAPPROVED 0x123
#define FILTER_OPTIONS							\
	{ "series", required_argument, NULL, FILTER_OPT_ANY + 0 },	\
	{ "client", required_argument, NULL, FILTER_OPT_ANY + 1 },	\
	{ "contact", required_argument, NULL, FILTER_OPT_ANY + 2 },	\
	{ "staff", required_argument, NULL, FILTER_OPT_ANY + 3 },	\
	{ "author", required_argument, NULL, FILTER_OPT_ANY + 4 },	\
	{ "tag", required_argument, NULL, FILTER_OPT_ANY + 5 },		\
	{ "grep", required_argument, NULL, FILTER_OPT_ANY + 6 },	\
	{ "not-series", required_argument, NULL, FILTER_OPT_NONE + 0 },	\
	{ "not-client", required_argument, NULL, FILTER_OPT_NONE + 1 },	\
	{ "not-contact", required_argument, NULL, FILTER_OPT_NONE + 2 }, \
	{ "not-staff", required_argument, NULL, FILTER_OPT_NONE + 3 },	\
	{ "not-author", required_argument, NULL, FILTER_OPT_NONE + 4 },	\
	{ "not-tag", required_argument, NULL, FILTER_OPT_NONE + 5 },	\
	{ "not-grep", required_argument, NULL, FILTER_OPT_NONE + 6 },	\
	{ "since", required_argument, NULL, FILTER_OPT_SINCE },		\
	{ "until", required_argument, NULL, FILTER_OPT_UNTIL },		\
	{ "approved", no_argument, NULL, FILTER_OPT_APPROVED },		\
	{ "unapproved", no_argument, NULL, FILTER_OPT_UNAPPROVED }
#define FILTER_SHORT	"n:"

/*
 * Take option ch (from getopt_long) if it is a filter's.  Returns 0 when
 * taken, 1 when not a filter option, -1 after a usage error.
 */
int	cli_filter_option(struct filter *, int ch, const char *arg,
	    const char *cmd);

/* After the options: --since after --until is a usage error. */
int	cli_filter_done(const struct filter *, const char *cmd);

/*
 * The drafts of one kind (draft.h) for add --drafts and edit --drafts,
 * newest first, one a line: NAME, the time it was last changed
 * (YYYY-MM-DD HH:MM), kept or open (by a running dailylog), and its
 * title as far as it loads, tab-separated as list's tsv is.
 */
int	cli_drafts(const struct store *, enum draft_kind);

#endif
