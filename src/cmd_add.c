/* dailylog add: append one new entry and print its ID. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "draft.h"
#include "editor.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "output.h"
#include "store.h"
#include "template.h"
#include "yaml_read.h"
#include "yaml_write.h"

/* What the command line says; each set field overrides -F's. */
struct add_opts {
	struct entry	 set;
	const char	*file;
	const char	*template;	/* --template */
	bool		 no_template;	/* not even the setting's */
	const char	*draft;		/* --resume=NAME */
	bool		 edit;
	bool		 resume;
	bool		 drafts;	/* --drafts */
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

/*
 * The editor on draft d: template is the text it began with (NULL for
 * a draft resumed), tty the terminal for it (editor_terminal).  Nothing
 * is stored when the editor leaves the template or a resumed draft as
 * it was.
 */
static int
edit_draft(struct ctx *ctx, struct draft *d, const char *template, int tty)
{
	struct entry e;
	char *buf;
	size_t len;
	int rc;

	if (draft_note(d) != 0)
		return -1;
	if ((rc = editor_run(ctx_editor(ctx), d->path, tty)) != 0) {
		diag("the draft is kept in %s; continue with 'dailylog add "
		    "--resume=%s'", d->path, d->name);
		return rc;
	}
	if ((rc = file_read(d->path, ENTRY_MAX_FILE, &buf, &len)) != 0)
		return rc;
	if (template != NULL && strlen(template) == len &&
	    memcmp(template, buf, len) == 0) {
		free(buf);
		draft_remove(d);
		diag_fail(EXIT_DATAERR, "nothing written: the template was "
		    "left unchanged");
		return -1;
	}
	if (template == NULL && !draft_saved(d)) {
		free(buf);
		diag_fail(EXIT_DATAERR, "nothing written: the draft was left "
		    "as it was; it is kept in %s", d->path);
		return -1;
	}
	entry_init(&e);
	rc = entry_load_buf(d->path, buf, len, &e, false);
	free(buf);
	if (rc == 0)
		rc = store_entry(ctx, &e);
	if (rc == 0)
		draft_remove(d);
	else
		diag("the draft is kept in %s; fix it with 'dailylog add "
		    "--resume' (--resume=%s when there are several)", d->path,
		    d->name);
	entry_free(&e);
	return rc;
}

static int
add_with_editor(struct ctx *ctx, const struct entry *e, int tty)
{
	struct buf t = BUF_INIT, name = BUF_INIT;
	struct draft d;
	int rc;

	buf_addf(&name, "add-%ld-%d", (long)time(NULL), (int)getpid());
	if ((rc = draft_take(&ctx->st, name.s, &d)) == 0) {
		entry_template(e, &t);
		if ((rc = fsio_store_file(d.path, t.s, t.len, FSIO_NEW)) == 0)
			rc = edit_draft(ctx, &d, t.s, tty);
		draft_release(&d);
	}
	buf_free(&name);
	buf_free(&t);
	return rc;
}

/* --resume: the draft named (NAME or NAME.yaml), else the newest. */
static int
resume(struct ctx *ctx, const char *name)
{
	struct draft d;
	char *n = NULL;
	int rc, tty;

	if (name != NULL) {
		size_t len = strlen(name);

		n = len > 5 && strcmp(name + len - 5, ".yaml") == 0 ?
		    xstrndup(name, len - 5) : xstrdup(name);
		if (!id_valid(n)) {
			rc = usage_error("add", "bad draft name '%s': see "
			    "'dailylog add --drafts'", name);
			free(n);
			return rc;
		}
		rc = draft_take(&ctx->st, n, &d);
		free(n);
		if (rc != 0)
			return -1;
		if (!draft_exists(&d) || access(d.base, F_OK) == 0) {
			diag_fail(EXIT_NOTFOUND, "no draft of add named '%s' "
			    "(see 'dailylog add --drafts'%s)", name,
			    access(d.base, F_OK) == 0 ? "; a draft of an edit "
			    "is resumed by 'dailylog edit ID'" : "");
			draft_release(&d);
			return -1;
		}
	} else if (draft_take_newest_add(&ctx->st, &d) != 0)
		return -1;
	diag("resuming the draft %s", d.path);
	if ((rc = editor_terminal(false, &tty)) == 0)
		rc = edit_draft(ctx, &d, NULL, tty);
	if (tty != -1)
		close(tty);
	draft_release(&d);
	return rc;
}

/* Whether stdin holds data for the body: a pipe, a socket or a file. */
static bool
stdin_is_data(void)
{
	struct stat sb;

	return fstat(STDIN_FILENO, &sb) == 0 && (S_ISFIFO(sb.st_mode) ||
	    S_ISSOCK(sb.st_mode) || S_ISREG(sb.st_mode));
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
		{ "resume", optional_argument, NULL, 'R' },
		{ "drafts", no_argument, NULL, 'L' },
		{ "template", required_argument, NULL, 'T' },
		{ "no-template", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
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
			if (!part_parse(optarg, &o->set.part))
				return usage_error("add", "bad part '%s': a "
				    "whole number from 1 to %d", optarg,
				    PART_MAX);
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
		case 'n':
			/* The loader refuses an empty item: so does add. */
			if (*optarg == '\0')
				return usage_error("add", "--%s needs a value "
				    "that is not empty", ch == 'g' ? "tag" :
				    "next");
			strlist_add(ch == 'g' ? &o->set.tags : &o->set.next,
			    optarg);
			break;
		case 'r':
			free(o->set.result);
			o->set.result = xstrdup(optarg);
			break;
		case 'F':
			o->file = optarg;
			break;
		case 'e':
			o->edit = true;
			break;
		case 'R':
			o->resume = true;
			o->draft = optarg;
			break;
		case 'L':
			o->drafts = true;
			break;
		case 'T':
			o->template = optarg;
			break;
		case 'N':
			o->no_template = true;
			break;
		default:
			return option_error("add", ch, argv, opts);
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
	bool use_editor, stdin_body;
	int rc, tty = -1;

	memset(&o, 0, sizeof(o));
	entry_init(&o.set);
	entry_init(&e);
	if ((rc = parse_options(argc, argv, &o)) != 0)
		goto done;
	if ((o.resume || o.drafts) && (o.file || o.edit || optind < argc ||
	    !entry_is_empty(&o.set) || (o.resume && o.drafts) || o.template)) {
		rc = usage_error("add", "%s takes no other input%s",
		    o.drafts ? "--drafts" : "--resume", o.drafts ? "" :
		    ": the draft holds every field (name a draft as "
		    "--resume=NAME)");
		goto done;
	}
	if (o.template != NULL && (o.file != NULL || o.no_template)) {
		rc = usage_error("add", "--template goes with neither -F nor "
		    "--no-template");
		goto done;
	}
	if ((rc = ctx_open(ctx)) != 0)
		goto done;
	if (o.drafts) {
		rc = cli_drafts(&ctx->st, DRAFT_ADD);
		goto done;
	}
	if (o.resume) {
		rc = resume(ctx, o.draft);
		goto done;
	}
	if (o.file != NULL && (rc = read_entry_file(o.file, &e)) != 0)
		goto done;
	/* A template starts the entry, unless -F gives all of it. */
	if (o.file == NULL && !o.no_template && (o.template != NULL ||
	    ctx->cfg.template != NULL) && (rc = template_load(ctx->st.root,
	    o.template ? o.template : ctx->cfg.template, &e)) != 0)
		goto done;
	use_editor = o.file == NULL && (o.edit || (o.set.body == NULL &&
	    isatty(STDIN_FILENO)));
	/* With the editor, a pipe or file on stdin is the body, and the
	 * editor gets the terminal instead. */
	stdin_body = o.file == NULL && o.set.body == NULL &&
	    (use_editor ? stdin_is_data() : !isatty(STDIN_FILENO));
	if (use_editor && (rc = editor_terminal(stdin_body, &tty)) != 0)
		goto done;
	if (stdin_body && (rc = fd_read(STDIN_FILENO, "<stdin>",
	    ENTRY_MAX_FILE, &o.set.body, &(size_t){ 0 })) != 0)
		goto done;
	if (e.date.year == 0 && o.set.date.year == 0)
		date_parse_user("today", time(NULL), &e.date);
	entry_merge(&e, &o.set);
	if (use_editor) {
		rc = add_with_editor(ctx, &e, tty);
		goto done;
	}
	if (e.title == NULL && o.file == NULL) {
		rc = usage_error("add", "a title is required: give -t TITLE");
		goto done;
	}
	if ((rc = entry_validate(o.file ? o.file : "add", &e)) == 0)
		rc = store_entry(ctx, &e);
done:
	if (tty != -1)
		close(tty);
	entry_free(&o.set);
	entry_free(&e);
	return rc;
}
