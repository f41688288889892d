/* dailylog render: a whole series as linked, navigable text. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "cli.h"
#include "command.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "index.h"
#include "output.h"
#include "pager.h"
#include "redact.h"
#include "render.h"
#include "series.h"
#include "store.h"

enum hyperlink_mode { LINK_AUTO, LINK_ALWAYS, LINK_NEVER };

struct render_opts {
	const struct renderer	*r;		/* -f, or NULL */
	const char		*out;		/* -o PATH or NULL */
	int			 width;		/* -1: the terminal's */
	enum hyperlink_mode	 links;
	bool			 drafts;	/* --drafts */
	bool			 redact;	/* --redact */
	bool			 no_fields;	/* --no-fields */
	const char		*aliases;	/* --aliases FILE */
	char			*base_url;	/* --base-url, with its '/' */
};

static int
parse_options(int argc, char **argv, struct render_opts *o)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "width", required_argument, NULL, 'w' },
		{ "hyperlink", required_argument, NULL, 'H' },
		{ "drafts", no_argument, NULL, 'D' },
		{ "redact", no_argument, NULL, 'R' },
		{ "aliases", required_argument, NULL, 'A' },
		{ "no-fields", no_argument, NULL, 'N' },
		{ "base-url", required_argument, NULL, 'U' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const modes[] = { "auto", "always", "never" };
	int ch, rc, which;

	while ((ch = getopt_long(argc, argv, ":f:o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			rc = cli_format("render", optarg, &o->r);
			if (rc != 0)
				return rc;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'D':
			o->drafts = true;
			break;
		case 'R':
			o->redact = true;
			break;
		case 'A':
			o->aliases = optarg;
			o->redact = true;
			break;
		case 'N':
			o->no_fields = true;
			break;
		case 'U':
			if (!series_url_valid(optarg))
				return usage_error("render", "--base-url takes "
				    "an absolute URL such as "
				    "https://example.com/badge/, not '%s'",
				    optarg);
			free(o->base_url);
			o->base_url = series_url_dir(optarg);
			break;
		case 'w':
			rc = cli_width("render", optarg, &o->width);
			if (rc != 0)
				return rc;
			break;
		case 'H':
			if ((rc = cli_choice("render", "--hyperlink", optarg,
			    modes, 3, &which)) != 0)
				return rc;
			o->links = (enum hyperlink_mode)which;
			break;
		default:
			return option_error("render", ch, argv, opts);
		}
	}
	return 0;
}

/* The series named, or the only one; 64 when there is a choice. */
static int
pick_series(const struct entry_list *l, const char *name, const char **slug)
{
	const char **slugs;
	size_t n;
	int rc = 0;

	slugs = series_slugs(l, &n);
	*slug = name;
	if (name != NULL) {
		size_t i;

		for (i = 0; i < n && strcmp(slugs[i], name) != 0; i++)
			;
		if (i == n) {
			diag_fail(EXIT_NOTFOUND, "no series '%s'", name);
			rc = -1;
		}
	} else if (n == 1)
		*slug = slugs[0];
	else if (n == 0) {
		diag_fail(EXIT_NOTFOUND, "render: the store has no series yet");
		rc = -1;
	} else {
		struct buf names = BUF_INIT;

		for (size_t i = 0; i < n; i++)
			buf_addf(&names, "%s%s", i ? ", " : "", slugs[i]);
		rc = usage_error("render", "name a series: %s", names.s);
		buf_free(&names);
	}
	free(slugs);
	return rc;
}

static bool
is_dir_path(const char *path)
{
	struct stat sb;
	size_t len = strlen(path);

	return (len > 0 && path[len - 1] == '/') ||
	    (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode));
}

/* One file of -o DIR/, to a temporary file until they are all written. */
static int
write_part(const char *name, const struct buf *b, void *arg)
{
	return fsio_batch_add(arg, name, b->s ? b->s : "", b->len);
}

/*
 * -o DIR/: the directory, made when missing, and every file in it,
 * durable before exit 0.  The files are written first, made durable by
 * one syncfs(2), then named: for the 1,001 files (26 MB) of the bench
 * store's long series that took 1.1 s, against 2.8 s for an fsync of
 * each file (ext4 here, medians of 7; 0.6 s without any flush).
 */
static int
render_dir(struct doc *doc, const char *dir)
{
	struct fsio_batch files;
	char *abs;
	int rc;

	if (fsio_output_dir(dir, &abs) != 0)
		return -1;
	doc->dir = abs;
	fsio_batch_init(&files, abs);
	if ((rc = render_split(doc, write_part, &files)) == 0)
		rc = fsio_batch_commit(&files);
	fsio_batch_free(&files);
	doc->dir = NULL;
	free(abs);
	return rc;
}

static int
render_to(const struct render_opts *o, struct doc *doc)
{
	int rc;

	if (o->out != NULL && is_dir_path(o->out))
		return render_dir(doc, o->out);
	if (doc->r->flags & RENDER_DIR_ONLY)
		return usage_error("render", "the %s format is a directory of "
		    "files: give -o DIR/", doc->r->name);
	doc->file = o->out;
	render_series(doc);
	if (o->out != NULL)
		rc = fsio_output_file(o->out, buf_str(&doc->out),
		    doc->out.len, true);
	else {
		out_buf(&doc->out);
		rc = out_finish();
	}
	buf_free(&doc->out);
	return rc;
}

/*
 * What is published of series slug: its parts read whole, the names
 * redacted when asked (by an option or the settings), drafts left out
 * unless asked for.
 */
static int
published(const struct render_opts *o, const struct entry_list *sums,
    const char *slug, struct entry_list *l, struct series *s)
{
	struct aliases given = { NULL, 0 };
	char *extra[2];
	int rc = 0;

	catalog_read_series(sums, slug, l);
	if (o->redact || s->set.redact) {
		aliases_merge(&given, &s->set.aliases);
		if (o->aliases != NULL && aliases_load(o->aliases, &given) != 0)
			rc = -1;
		extra[0] = s->set.title;
		extra[1] = s->set.description;
		if (rc == 0)
			rc = redact_entries(l, &given, s->set.lang, extra, 2);
		s->set.title = extra[0];
		s->set.description = extra[1];
		aliases_free(&given);
	}
	series_collect(l, slug, s);
	if (rc == 0 && s->n == 0) {
		diag_fail(EXIT_NOTFOUND, "render: series '%s' has no numbered "
		    "part yet", slug);
		return -1;
	}
	if (!o->drafts)
		series_drop_drafts(s);
	if (rc == 0 && s->n == 0) {
		diag_fail(EXIT_NOTFOUND, "render: every part of '%s' is a "
		    "draft; --drafts renders them", slug);
		rc = -1;
	}
	return rc;
}

int
cmd_render(struct ctx *ctx, int argc, char **argv)
{
	struct render_opts o = { NULL, NULL, -1, LINK_AUTO, false, false,
	    false, NULL, NULL };
	struct entry_list sums, l = { NULL, 0 };
	struct store *st = &ctx->st;
	struct series s;
	struct doc doc;
	const char *slug;
	bool tty = isatty(STDOUT_FILENO);
	int rc;

	if ((rc = parse_options(argc, argv, &o)) != 0)
		goto out;
	/* Without -f, the format of -o's extension, else text. */
	if (o.r == NULL && o.out != NULL && !is_dir_path(o.out))
		o.r = renderer_for_path(o.out);
	if (o.r == NULL)
		o.r = &render_text;
	if (argc - optind > 1) {
		rc = usage_error("render", "unexpected argument '%s'",
		    argv[optind + 1]);
		goto out;
	}
	if ((rc = ctx_open(ctx)) != 0)
		goto out;
	if ((rc = index_load(st, &sums)) == 0 &&
	    (rc = pick_series(&sums, argc > optind ? argv[optind] :
	    ctx->cfg.series,
	    &slug)) == 0 &&
	    (rc = series_settings_load(st, slug, &s.set)) == 0) {
		if ((rc = published(&o, &sums, slug, &l, &s)) == 0) {
			render_doc_init(&doc, o.r, &s);
			doc.hyperlinks = o.links == LINK_ALWAYS ||
			    (o.links == LINK_AUTO && o.out == NULL && tty);
			/* The terminal's width is for text; Info keeps 72. */
			doc.width = o.width >= 0 ? o.width :
			    o.r == &render_text ?
			    ctx_width(ctx, STDOUT_FILENO) : 0;
			doc.fields = s.set.fields && !o.no_fields;
			doc.author = ctx->cfg.author;
			if (o.base_url != NULL)
				doc.base_url = o.base_url;
			/* Text on a terminal: painted, then paged. */
			if (o.out == NULL && o.r == &render_text &&
			    !s.has_duplicates) {
				doc.color = ctx_color(ctx, STDOUT_FILENO);
				pager_start(ctx_pager(ctx));
			}
			rc = s.has_duplicates ? series_report_duplicates(&s) :
			    render_to(&o, &doc);
		}
		series_free(&s);
	}
	entry_list_free(&l);
	entry_list_free(&sums);
out:
	free(o.base_url);
	return rc;
}
