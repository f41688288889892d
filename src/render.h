/*
 * The renderer interface, as mandoc's -T outputs: one struct of
 * functions per format (render_text.c, render_markdown.c, render_html.c,
 * render_info.c, render_gemini.c, render_atom.c, render_hugo.c).
 * render.c walks a series and calls them; a renderer draws and never
 * decides which parts to link (nav.c) or reads files.  Every string
 * from an entry reaches the output through the format's own escaping
 * function.  What is published (drafts left out, names redacted) is
 * decided before: a renderer draws the series it is given.
 */
#ifndef DL_RENDER_H
#define DL_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "lang.h"

struct entry;
struct nav;
struct series;

/* Where a link points: a part, or the index. */
struct target {
	size_t	part;		/* index into series->parts */
	bool	index;		/* the index instead of a part */
};

/* One output document being drawn: a whole series, or one file of it. */
struct doc {
	const struct renderer	*r;
	const struct series	*series;
	struct buf		 out;		/* the renderer appends here */
	enum lang		 lang;		/* field names, marks */
	bool			 split;		/* -o DIR/: one file per part */
	bool			 show;		/* show: links name parts as SERIES:PART */
	const char		*dir;		/* split mode: the directory, absolute */
	const char		*file;		/* this file's name in split mode (else the -o name or NULL) */
	int			 width;		/* text: wrap width, 0 for none */
	bool			 hyperlinks;	/* text: OSC 8 on a terminal */
	bool			 color;		/* text: SGR colour on a terminal */
	bool			 fields;	/* parts show their fields */
	const char		*base_url;	/* the published address, ending in '/', or NULL */
	const char		*author;	/* atom: who wrote the series when entries do not say */
	size_t			*part_at;	/* if set, by part: where it begins in out */
	void			*priv;		/* the renderer's own state */
};

/* What a format is (struct renderer's flags). */
#define RENDER_SHOWS_CURRENT	0x1	/* its navigation shows the part itself */
#define RENDER_DIR_ONLY		0x2	/* only as -o DIR/: one file is no document */
#define RENDER_ONE_FILE		0x4	/* never split: -o DIR/ holds its one file */

struct renderer {
	const char	*name;		/* "text", "markdown", ... */
	const char	*ext;		/* "txt", "md", "html", "info", "gmi" */

	/*
	 * The document's start and end (head, Top node, reference list).
	 * series is NULL in show for an entry outside any series.
	 */
	void	(*begin)(struct doc *, const char *title);
	void	(*end)(struct doc *);

	/*
	 * The index: a heading, then one item per part; a NULL entry is a
	 * gap, the missing numbers part..last (last == part otherwise).
	 */
	void	(*index_begin)(struct doc *);
	void	(*index_item)(struct doc *, long part, long last,
		    const struct entry *, struct target);
	void	(*index_end)(struct doc *);

	/* A part: its heading line (already composed), its fields, its end. */
	void	(*part_begin)(struct doc *, size_t part, const char *heading);
	void	(*fields)(struct doc *, const struct entry *);
	void	(*part_end)(struct doc *, size_t part);

	/* The body's blocks (markup.h). */
	void	(*heading)(struct doc *, const char *);
	void	(*paragraph)(struct doc *, const char *);
	void	(*list)(struct doc *, char *const *items, size_t n);

	/* The navigation block; its links and the index's are drawn by link(). */
	void	(*nav)(struct doc *, const struct nav *);
	void	(*link)(struct doc *, struct target, const char *label);

	int		 flags;		/* RENDER_* */
	const char	*index_name;	/* the index's file without extension; NULL: "index" */
	/* A target's address when render_href's is not the format's; or NULL. */
	void	(*href)(struct buf *, const struct doc *, struct target);
};

/* The renderer named name, or NULL. */
const struct renderer *renderer_find(const char *name);

/* The names of all formats, for messages: "text, markdown, html, info, gemini, ...". */
const char *renderer_names(void);

/*
 * The format a file name's extension names (.txt .md .html .info .gmi
 * .atom, and .text .markdown .htm .gemini .xml), or NULL.
 */
const struct renderer *renderer_for_path(const char *path);

/* "part-07.html" or "index.html": a file of -o DIR/ by its target. */
void	render_file_name(struct buf *, const struct doc *, struct target);

/*
 * The index's description and status (the series settings), as
 * paragraphs through the document's renderer, for its index_begin.
 */
void	render_about(struct doc *);

/* "2026-11-23T13:00:00+09:00": e's date in RFC 3339, in local time. */
void	render_date_rfc3339(struct buf *, const struct entry *);

/*
 * A target's address relative to the current document: "part-07.html",
 * "#part-07", "index.html", the Info node "part-07"; in show, the part's
 * reference "badge:7" (the index: "badge").  Parts are named part-NN
 * with NN zero-padded to the width of the highest part number, at
 * least two digits.
 */
void	render_href(struct buf *, const struct doc *, struct target);

/* The name of part i's file or node without extension: "part-07". */
void	render_part_name(struct buf *, const struct series *, size_t i);

/*
 * Compose part i's heading: 【続編16】【TITLE】ENTRY TITLE in ja,
 * "Part 16: ENTRY TITLE" in en; part 1 has no label.
 */
void	render_heading(struct buf *, const struct series *, size_t i);

/*
 * Draw one entry for show as a whole document (begin to end): as part
 * of doc->series (with navigation) when that is non-NULL, else alone.
 */
void	render_entry(struct doc *, const struct entry *);

/* The whole series as one document (index, then every part) into doc->out. */
void	render_series(struct doc *);

/*
 * The series as files of a directory (doc->dir, absolute): index.EXT and
 * part-NN.EXT, each drawn into doc->out and handed to emit with its
 * name, and for html the series' feed, feed.atom; a RENDER_ONE_FILE
 * format is its one file (feed.atom).  The first emit that fails (-1)
 * stops.  Writing them is the caller's: a renderer draws, it does not
 * write files.
 */
int	render_split(struct doc *, int (*emit)(const char *name,
	    const struct buf *, void *), void *arg);

/* A doc for renderer r and series s (NULL for a lone entry in show). */
void	render_doc_init(struct doc *, const struct renderer *r,
	    const struct series *s);

extern const struct renderer render_text;
extern const struct renderer render_markdown;
extern const struct renderer render_html;
extern const struct renderer render_info;
extern const struct renderer render_gemini;
extern const struct renderer render_atom;
extern const struct renderer render_hugo;

#endif
