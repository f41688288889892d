/* What only commands use (cli.h). */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cli.h"
#include "command.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "entry.h"
#include "filter.h"
#include "output.h"
#include "render.h"
#include "text.h"

int
usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = command_find(cmd);
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_fail(EXIT_USAGE, "%s: %s", cmd, msg.s);
	if (c != NULL)
		command_usage(c, stderr);
	buf_free(&msg);
	return -1;
}

const char *
option_suggest(const char *arg, const struct option *opts)
{
	const char *names[64], *hint;
	size_t n = 0;
	char *word;

	if (strncmp(arg, "--", 2) != 0)
		return NULL;
	for (const struct option *o = opts; o && o->name && n < 64; o++)
		names[n++] = o->name;
	word = xstrndup(arg + 2, strcspn(arg + 2, "="));
	hint = suggest(word, names, n);
	free(word);
	return hint;
}

const struct option cli_global_options[] = {
	{ "dir", required_argument, NULL, 'C' },
	{ "color", required_argument, NULL, 'c' },
	{ "colour", required_argument, NULL, 'c' },
	{ "no-pager", no_argument, NULL, 'P' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/*
 * A global option given after the command (list -C DIR, show
 * --no-pager): the hint that it goes first.  Returns 1 when arg is no
 * global option.
 */
static int
global_after_command(const char *cmd, const char *arg)
{
	size_t n = strcspn(arg, "=");
	int val = 0;

	if (arg[0] == '-' && arg[1] == 'C')
		val = 'C';
	else if (arg[0] == '-' && arg[1] == 'V' && arg[2] == '\0')
		val = 'V';
	else if (strncmp(arg, "--", 2) == 0)
		for (size_t i = 0; cli_global_options[i].name != NULL; i++)
			if (strlen(cli_global_options[i].name) == n - 2 &&
			    strncmp(arg + 2, cli_global_options[i].name,
			    n - 2) == 0)
				val = cli_global_options[i].val;
	switch (val) {
	case 'C':
		return usage_error(cmd, "%.*s is a global option: it goes "
		    "before the command, as in 'dailylog -C DIR %s'", (int)n,
		    arg, cmd);
	case 'c':
		return usage_error(cmd, "%.*s is a global option: it goes "
		    "before the command, as in 'dailylog --color=never %s'",
		    (int)n, arg, cmd);
	case 'P':
		return usage_error(cmd, "--no-pager is a global option: it "
		    "goes before the command, as in 'dailylog --no-pager %s'",
		    cmd);
	case 'V':
		return usage_error(cmd, "%s is a global option: 'dailylog %s' "
		    "or 'dailylog version' prints the version", arg, arg);
	default:
		return 1;
	}
}

/*
 * After getopt_long returned '?' or ':' in a command: say which option
 * was wrong, with a suggestion among the command's long options, or
 * that it is a global one.
 */
int
option_error(const char *cmd, int ch, char **argv,
    const struct option *longopts)
{
	/* After a long option getopt has moved past its word; within a
	 * cluster of short ones (-rf) it may not have. */
	const char *word = argv[optind - 1], *hint;
	bool is_long = strncmp(word, "--", 2) == 0;
	int n = (int)strcspn(word, "=");

	if (global_after_command(cmd, word) <= 0)
		return -1;
	if (ch == ':') {
		if (is_long)
			return usage_error(cmd, "option '%.*s' needs a value", n,
			    word);
		return usage_error(cmd, "option '-%c' needs a value", optopt);
	}
	if (is_long && optopt != 0)
		return usage_error(cmd, "option '%.*s' takes no value", n, word);
	if (optopt != 0 && optopt > ' ' && optopt < 0x7F)
		return usage_error(cmd, "unknown option '-%c'", optopt);
	if (optopt != 0)
		return usage_error(cmd, "unknown option");
	if ((hint = option_suggest(word, longopts)) != NULL)
		return usage_error(cmd, "unknown option '%s' (did you mean "
		    "'--%s'?)", word, hint);
	return usage_error(cmd, "unknown option '%s'", word);
}

int
cli_choice(const char *cmd, const char *opt, const char *arg,
    const char *const *words, size_t n, int *which)
{
	struct buf all = BUF_INIT;
	int rc;

	for (size_t i = 0; i < n; i++)
		if (strcmp(arg, words[i]) == 0) {
			*which = (int)i;
			return 0;
		}
	for (size_t i = 0; i < n; i++)
		buf_addf(&all, "%s%s", words[i], i + 2 < n ? ", " :
		    i + 2 == n ? " or " : "");
	if (cmd == NULL) {
		diag_fail(EXIT_USAGE, "%s takes %s, not '%s'", opt, all.s, arg);
		rc = -1;
	} else
		rc = usage_error(cmd, "%s takes %s, not '%s'", opt, all.s, arg);
	buf_free(&all);
	return rc;
}

int
cli_format(const char *cmd, const char *arg,
    const struct renderer **r)
{
	if ((*r = renderer_find(arg)) == NULL)
		return usage_error(cmd, "unknown format '%s'; the formats are "
		    "%s", arg, renderer_names());
	return 0;
}

int
cli_entry_format(const char *cmd, const char *arg,
    const struct renderer **r)
{
	if (cli_format(cmd, arg, r) != 0)
		return -1;
	if ((*r)->flags & (RENDER_DIR_ONLY | RENDER_ONE_FILE))
		return usage_error(cmd, "the %s format is for a whole series: "
		    "use dailylog render -f %s", arg, arg);
	return 0;
}

int
cli_width(const char *cmd, const char *arg, int *width)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end != '\0' || errno != 0 ||
	    n > 10000)
		return usage_error(cmd, "--width takes a number of columns "
		    "from 0 (no wrapping) to 10000, not '%s'", arg);
	*width = (int)n;
	return 0;
}

/* --KIND VALUE or --not-KIND VALUE. */
static int
cli_filter_value(struct filter *f, int kind, bool exclude, const char *arg,
    const char *cmd)
{
	static const char *const names[FILTER_KINDS] = {
		"series", "client", "contact", "staff", "author", "tag", "grep"
	};

	if (kind == FILTER_SERIES && !slug_valid(arg))
		return usage_error(cmd, "--%s%s takes a series name "
		    "(lower-case letters, digits and '-'), not '%s'",
		    exclude ? "not-" : "", names[kind], arg);
	if (*arg == '\0' || !text_valid_utf8(arg, strlen(arg)))
		return usage_error(cmd, "--%s%s takes text (UTF-8, not "
		    "empty)", exclude ? "not-" : "", names[kind]);
	filter_add(f, (enum filter_kind)kind, exclude, arg);
	return 0;
}

int
cli_filter_option(struct filter *f, int ch, const char *arg, const char *cmd)
{
	char *end;

	if (ch >= FILTER_OPT_ANY && ch < FILTER_OPT_ANY + FILTER_KINDS)
		return cli_filter_value(f, ch - FILTER_OPT_ANY, false, arg,
		    cmd);
	if (ch >= FILTER_OPT_NONE && ch < FILTER_OPT_NONE + FILTER_KINDS)
		return cli_filter_value(f, ch - FILTER_OPT_NONE, true, arg,
		    cmd);
	switch (ch) {
	case FILTER_OPT_SINCE:
	case FILTER_OPT_UNTIL:
		if (!date_parse_user(arg, time(NULL), ch == FILTER_OPT_SINCE ?
		    &f->since : &f->until))
			return usage_error(cmd, "bad date '%s': use "
			    DATE_FORMS, arg);
		if (ch == FILTER_OPT_SINCE)
			f->has_since = true;
		else
			f->has_until = true;
		return 0;
	case FILTER_OPT_APPROVED:
	case FILTER_OPT_UNAPPROVED:
		if (f->approval != 0 && f->approval !=
		    (ch == FILTER_OPT_APPROVED ? 1 : -1))
			return usage_error(cmd, "give one of --approved and "
			    "--unapproved");
		f->approval = ch == FILTER_OPT_APPROVED ? 1 : -1;
		return 0;
	case 'n':
		f->last = strtol(arg, &end, 10);
		if (*end != '\0' || f->last < 1)
			return usage_error(cmd, "-n takes a positive number, "
			    "not '%s'", arg);
		return 0;
	default:
		return 1;
	}
}

int
cli_filter_done(const struct filter *f, const char *cmd)
{
	char since[17], until[17];

	if (filter_range_ok(f))
		return 0;
	return usage_error(cmd, "--since %s is after --until %s",
	    date_format(&f->since, since), date_format(&f->until, until));
}

int
cli_drafts(const struct store *st, enum draft_kind kind)
{
	struct draft_info *v;
	struct buf line = BUF_INIT, out = BUF_INIT;
	size_t n;

	if (draft_list(st, &v, &n) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		struct tm tm;
		char when[32];

		if (v[i].kind != kind)
			continue;
		localtime_r(&v[i].mtime.tv_sec, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
		buf_reset(&line);
		tsv_escape(&line, v[i].name);
		buf_addf(&line, "\t%s\t%s\t", when, v[i].owner ? "open" :
		    "kept");
		tsv_escape(&line, v[i].title ? v[i].title : "");
		text_sanitize(&out, line.s, line.len, true);
		buf_addc(&out, '\n');
		out_buf(&out);
	}
	draft_list_free(v, n);
	buf_free(&line);
	buf_free(&out);
	return out_finish();
}
