/*
 * Drawing a report (report.h), as mandoc draws its -T outputs: one small
 * struct of functions per format (report_text.c, report_markdown.c).
 * report_draw() walks the model and composes every line in the store's
 * language; a format only lays the lines out and escapes entry text.
 */
#ifndef DL_REPORT_DRAW_H
#define DL_REPORT_DRAW_H

#include <stdbool.h>

#include "buf.h"
#include "lang.h"

struct report;

/* One report being drawn. */
struct report_doc {
	const struct report_format *f;
	struct buf	 out;		/* the format appends here */
	enum lang	 lang;		/* of the labels */
	int		 width;		/* text: wrap width, 0 for none */
	bool		 in_list;	/* Markdown: a list is open */
	int		 depth;		/* 1: days under an author's heading */
};

struct report_format {
	const char	*name;		/* the value of --format */

	/* Append entry text s, escaped or made safe for the format. */
	void	(*text)(struct buf *, const char *s);

	/*
	 * The lines, already composed (entry text in them already passed
	 * text()): a heading of level 1 (the report), 2 (a day) or 3 (a
	 * client), each one level deeper under an author's heading (level
	 * 2, doc->depth 1); the summary under the report's heading; a list
	 * item of depth 0 (an entry) or 1 (one of its fields).
	 */
	void	(*heading)(struct report_doc *, int level, const char *);
	void	(*summary)(struct report_doc *, const char *);
	void	(*item)(struct report_doc *, int depth, const char *);
};

extern const struct report_format report_text;
extern const struct report_format report_markdown;

/* The format named name, or NULL. */
const struct report_format *report_format_find(const char *name);

/* Draw r with doc->f into doc->out. */
void	report_draw(struct report_doc *, const struct report *r);

#endif
