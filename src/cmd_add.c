/* dailylog add: append one new entry and print its ID. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "editor.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "output.h"
#include "store.h"
#include "yaml_read.h"
#include "yaml_write.h"

/* What the command line says; each set field overrides -F's. */
struct add_opts {
	struct entry	 set;
	const char	*file;
	bool		 edit;
	bool		 resume;
};

/*
 * Finish an entry that loaded: its author, store it, print its ID, then
 * commit it in a git store.
 */
static int
store_entry(struct ctx *ctx, struct entry *e)
{
	int rc;

	entry_normalize_body(e);
	if (e->author == NULL)
		e->author = git_author(ctx);
	if ((rc = catalog_add(&ctx->st, e)) != 0)
		return -1;
	printf("%s\n", e->id);
	rc = out_finish();
	if (git_commit_changes(ctx, "add %s: %s", e->id, e->title) != 0)
		rc = -1;
	return rc;
}

static int
edit_draft(struct ctx *ctx, const char *draft, const char *template)
{
	struct entry e;
	char *buf;
	size_t len;
	int rc;

	if ((rc = editor_run(ctx_editor(ctx), draft)) != 0) {
		diag("the draft is kept in %s; continue with 'dailylog add "
		    "--resume'", draft);
		return rc;
	}
	if ((rc = file_read(draft, ENTRY_MAX_FILE, &buf, &len)) != 0)
		return rc;
	if (template != NULL && strlen(template) == len &&
	    memcmp(template, buf, len) == 0) {
		free(buf);
		unlink(draft);
		diag_fail(EXIT_DATAERR, "nothing written: the template was "
		    "left unchanged");
		return -1;
	}
	entry_init(&e);
	rc = entry_load_buf(draft, buf, len, &e, false);
	free(buf);
	if (rc == 0)
		rc = store_entry(ctx, &e);
	if (rc == 0)
		unlink(draft);
	else
		diag("the draft is kept in %s; fix it with 'dailylog add "
		    "--resume'", draft);
	entry_free(&e);
	return rc;
}

static int
add_with_editor(struct ctx *ctx, const struct entry *e)
{
	struct buf t = BUF_INIT, name = BUF_INIT;
	char *draft;
	int rc;

	buf_addf(&name, "add-%ld-%d.yaml", (long)time(NULL), (int)getpid());
	if ((rc = draft_path(&ctx->st, name.s, &draft)) == 0) {
		entry_template(e, &t);
		if ((rc = fsio_store_file(draft, t.s, t.len, FSIO_NEW)) == 0)
			rc = edit_draft(ctx, draft, t.s);
		free(draft);
	}
	buf_free(&name);
	buf_free(&t);
	return rc;
}

static int
resume(struct ctx *ctx)
{
	char *draft = draft_newest(&ctx->st, "add-");
	int rc;

	if (draft == NULL) {
		diag_fail(EXIT_NOTFOUND, "add: no draft to resume");
		return -1;
	}
	diag("resuming the draft %s", draft);
	rc = edit_draft(ctx, draft, NULL);
	free(draft);
	return rc;
}

/* -F: a whole entry; the command line may still supply what it lacks. */
static int
read_entry_file(const char *file, struct entry *e)
{
	const char *name;
	char *buf;
	size_t len;
	int rc;

	if (fsio_read_input(file, ENTRY_MAX_FILE, &name, &buf, &len) != 0)
		return -1;
	rc = entry_load_buf(name, buf, len, e, true);
	free(buf);
	return rc;
}

static int
parse_options(int argc, char **argv, struct add_opts *o)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 'd' },
		{ "title", required_argument, NULL, 't' },
		{ "series", required_argument, NULL, 's' },
		{ "part", required_argument, NULL, 'p' },
		{ "client", required_argument, NULL, 'c' },
		{ "contact", required_argument, NULL, 'k' },
		{ "staff", required_argument, NULL, 'S' },
		{ "tag", required_argument, NULL, 'g' },
		{ "result", required_argument, NULL, 'r' },
		{ "next", required_argument, NULL, 'n' },
		{ "file", required_argument, NULL, 'F' },
		{ "edit", no_argument, NULL, 'e' },
		{ "resume", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	char *end;
	int ch;

	while ((ch = getopt_long(argc, argv, ":d:t:s:p:F:e", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (!date_parse_user(optarg, time(NULL), &o->set.date))
				return usage_error("add", "bad date '%s': use "
				    DATE_FORMS, optarg);
			break;
		case 't':
			free(o->set.title);
			o->set.title = xstrdup(optarg);
			break;
		case 's':
			if (!slug_valid(optarg))
				return usage_error("add", "bad series '%s': a "
				    "series name is lower-case letters, digits "
				    "and '-'", optarg);
			free(o->set.series);
			o->set.series = xstrdup(optarg);
			break;
		case 'p':
			o->set.part = strtol(optarg, &end, 10);
			if (*end != '\0' || o->set.part < 1 ||
			    o->set.part > 999999)
				return usage_error("add", "bad part '%s': a "
				    "whole number from 1 to 999999", optarg);
			break;
		case 'c':
			free(o->set.client);
			o->set.client = xstrdup(optarg);
			break;
		case 'k':
			free(o->set.contact);
			o->set.contact = xstrdup(optarg);
			break;
		case 'S':
			free(o->set.staff);
			o->set.staff = xstrdup(optarg);
			break;
		case 'g':
			strlist_add(&o->set.tags, optarg);
			break;
		case 'r':
			free(o->set.result);
			o->set.result = xstrdup(optarg);
			break;
		case 'n':
			strlist_add(&o->set.next, optarg);
			break;
		case 'F':
			o->file = optarg;
			break;
		case 'e':
			o->edit = true;
			break;
		case 'R':
			o->resume = true;
			break;
		default:
			return option_error("add", argv, opts);
		}
	}
	if (optind < argc) {
		struct buf body = BUF_INIT;

		for (int i = optind; i < argc; i++)
			buf_addf(&body, "%s%s", i > optind ? " " : "", argv[i]);
		o->set.body = buf_detach(&body);
	}
	return 0;
}

int
cmd_add(struct ctx *ctx, int argc, char **argv)
{
	struct add_opts o;
	struct entry e;
	bool use_editor;
	int rc;

	memset(&o, 0, sizeof(o));
	entry_init(&o.set);
	entry_init(&e);
	if ((rc = parse_options(argc, argv, &o)) != 0)
		goto done;
	if (o.resume && (o.file || o.edit || optind < argc ||
	    !entry_is_empty(&o.set))) {
		rc = usage_error("add", "--resume takes no other input: the "
		    "draft holds every field");
		goto done;
	}
	if ((rc = ctx_open(ctx)) != 0)
		goto done;
	if (o.resume) {
		rc = resume(ctx);
		goto done;
	}
	if (o.file != NULL && (rc = read_entry_file(o.file, &e)) != 0)
		goto done;
	if (o.file == NULL && o.set.body == NULL && !o.edit &&
	    !isatty(STDIN_FILENO)) {
		if ((rc = fd_read(STDIN_FILENO, "<stdin>", ENTRY_MAX_FILE,
		    &o.set.body, &(size_t){ 0 })) != 0)
			goto done;
	}
	use_editor = o.file == NULL && (o.edit || (o.set.body == NULL &&
	    isatty(STDIN_FILENO)));
	if (e.date.year == 0 && o.set.date.year == 0)
		date_parse_user("today", time(NULL), &e.date);
	entry_merge(&e, &o.set);
	if (use_editor) {
		rc = add_with_editor(ctx, &e);
		goto done;
	}
	if (e.title == NULL && o.file == NULL) {
		rc = usage_error("add", "a title is required: give -t TITLE");
		goto done;
	}
	if ((rc = entry_validate(o.file ? o.file : "add", &e)) == 0)
		rc = store_entry(ctx, &e);
done:
	entry_free(&o.set);
	entry_free(&e);
	return rc;
}
