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
		fprintf(stderr, "usage: dailylog %s\n", c->usage);
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

/*
 * After getopt_long returned '?' or ':' in a command: say which option
 * was wrong, with a suggestion among the command's long options.
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

int
cli_filter_option(struct filter *f, int ch, const char *arg, const char *cmd)
{
	char *end;

	switch (ch) {
	case 0x100:
		if (!slug_valid(arg))
			return usage_error(cmd, "--series takes a series name "
			    "(lower-case letters, digits and '-'), not '%s'",
			    arg);
		f->series = arg;
		return 0;
	case 0x101:
	case 0x102:
		if (!date_parse_user(arg, time(NULL), ch == 0x101 ? &f->since :
		    &f->until))
			return usage_error(cmd, "bad date '%s': use " DATE_FORMS,
			    arg);
		if (ch == 0x101)
			f->has_since = true;
		else
			f->has_until = true;
		return 0;
	case 0x103:
		f->client = arg;
		return 0;
	case 0x104:
		f->tag = arg;
		return 0;
	case 0x105:
		f->grep = arg;
		return 0;
	case 0x106:
	case 0x107:
		if (f->approval != 0 && f->approval != (ch == 0x106 ? 1 : -1))
			return usage_error(cmd, "give one of --approved and "
			    "--unapproved");
		f->approval = ch == 0x106 ? 1 : -1;
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
