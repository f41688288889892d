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
#include "render.h"
#include "series.h"
#include "store.h"

enum hyperlink_mode { LINK_AUTO, LINK_ALWAYS, LINK_NEVER };

struct render_opts {
	const struct renderer	*r;
	const char		*out;		/* -o PATH or NULL */
	int			 width;		/* -1: the terminal's */
	enum hyperlink_mode	 links;
};

static int
parse_options(int argc, char **argv, struct render_opts *o)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "width", required_argument, NULL, 'w' },
		{ "hyperlink", required_argument, NULL, 'H' },
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

/* One file of -o DIR/: replaced, not synced; the directory is, once. */
static int
write_part(const char *name, const struct buf *b, void *arg)
{
	char *path = path_join(arg, name);
	int rc = fsio_output_file(path, b->s ? b->s : "", b->len, false);

	free(path);
	return rc;
}

/* -o DIR/: the directory, made when missing, and every file in it. */
static int
render_dir(struct doc *doc, const char *dir)
{
	char *abs;
	int rc, err;

	if (fsio_output_dir(dir, &abs) != 0)
		return -1;
	doc->dir = abs;
	rc = render_split(doc, write_part, abs);
	/* The files are derived: synced once, all together, not each. */
	if (rc == 0 && (err = fsync_dir(abs)) != 0) {
		diag_fail(EXIT_IOERR, "%s: cannot sync: %s", abs,
		    strerror(err));
		rc = -1;
	}
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

int
cmd_render(struct ctx *ctx, int argc, char **argv)
{
	struct render_opts o = { &render_text, NULL, -1, LINK_AUTO };
	struct entry_list sums, l = { NULL, 0 };
	struct store *st = &ctx->st;
	struct series s;
	struct doc doc;
	const char *slug;
	bool tty = isatty(STDOUT_FILENO);
	int rc;

	if ((rc = parse_options(argc, argv, &o)) != 0)
		return rc;
	if (argc - optind > 1)
		return usage_error("render", "unexpected argument '%s'",
		    argv[optind + 1]);
	if (ctx_open(ctx) != 0)
		return -1;
	if ((rc = index_load(st, &sums)) == 0 &&
	    (rc = pick_series(&sums, argc > optind ? argv[optind] :
	    ctx->cfg.series,
	    &slug)) == 0 &&
	    (rc = series_settings_load(st, slug, &s.set)) == 0) {
		catalog_read_series(&sums, slug, &l);
		series_collect(&l, slug, &s);
		render_doc_init(&doc, o.r, &s);
		doc.hyperlinks = o.links == LINK_ALWAYS ||
		    (o.links == LINK_AUTO && o.out == NULL && tty);
		/* The terminal's width is for text; Info keeps its own 72. */
		doc.width = o.width >= 0 ? o.width : o.r == &render_text ?
		    ctx_width(ctx, STDOUT_FILENO) : 0;
		/* Text on a terminal: painted, then paged. */
		if (o.out == NULL && o.r == &render_text && !s.has_duplicates) {
			doc.color = ctx_color(ctx, STDOUT_FILENO);
			pager_start(ctx_pager(ctx));
		}
		rc = s.has_duplicates ? series_report_duplicates(&s) :
		    render_to(&o, &doc);
		series_free(&s);
	}
	entry_list_free(&l);
	entry_list_free(&sums);
	return rc;
}
