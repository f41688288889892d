/*
 * The languages of a store or a series (ja, en) and every word that
 * dailylog writes into a document in each: one table, so that no other
 * module compares language names.
 */
#ifndef DL_LANG_H
#define DL_LANG_H

#include <stdbool.h>

enum lang { LANG_JA, LANG_EN, LANG_COUNT };

/* A store without a lang setting writes Japanese. */
#define LANG_DEFAULT	LANG_JA

/* The words, each with its use. */
enum label {
	/* Field labels of a part (render_fields.c). */
	LB_DATE, LB_CLIENT, LB_CONTACT, LB_STAFF, LB_TAGS, LB_RESULT,
	LB_NEXT,
	LB_CONTENTS,		/* text: the index's heading */
	LB_LINKS,		/* text: the reference list's heading */
	LB_BULLET,		/* text: a list item's mark, by default */
	LB_RANGE,		/* between the ends of a run of parts: 〜 */
	LB_SERIES_TITLE,	/* a part heading's series title: 【%s】 */
	/* A series' default navigation labels (series.h says how). */
	LB_NAV_PREV, LB_NAV_NEXT, LB_NAV_HEADING, LB_NAV_MISSING,
	LB_NAV_INDEX,
	LB_NAV_CURRENT,		/* window layout: the part shown, "[{n}]" */
	LB_NAV_GAP,		/* window layout: numbers left out, "…" */
	/* Publishing (render_html.c, render_atom.c, render_hugo.c). */
	LB_POSITION,		/* part, of the highest: 第16回／全17回 */
	LB_NAV_TOP,		/* the name of the block at a part's top */
	LB_NAV_BOTTOM,		/* the name of the block at its end */
	LB_INDEX_NAME,		/* the name of the index's list of parts */
	LB_ONGOING, LB_COMPLETE,	/* a series' status */
	LB_DRAFT,		/* a draft part's mark */
	LB_FEED,		/* the link to the series' feed */
	/* redact.c: alias templates, %s for the letters. */
	LB_ALIAS_CLIENT, LB_ALIAS_CONTACT, LB_ALIAS_STAFF,
	/* report: printf formats and words (report_draw.c). */
	LB_REPORT_WEEK,		/* year, week, first day, last day */
	LB_REPORT_MONTH,	/* year, month, first day, last day */
	LB_REPORT_RANGE,	/* first day, last day */
	LB_REPORT_DAY,		/* date, weekday */
	LB_REPORT_ONE,		/* the number of entries, when 1 */
	LB_REPORT_MANY,		/* the number of entries */
	LB_REPORT_COUNT,	/* a client's number of entries */
	LB_REPORT_NONE,		/* a period without entries */
	LB_NO_CLIENT,		/* the group of entries without a client */
	LB_LIST_SEP,		/* between the items of a run of text */
	LB_MON, LB_TUE, LB_WED, LB_THU, LB_FRI, LB_SAT, LB_SUN,
	/* show: a comment's, an approval's heading (date, author follow) */
	LB_COMMENT, LB_APPROVAL,
	LB_NO_AUTHOR,		/* report: the entries without an author */
	LB_COUNT
};

/* The word for label in lang. */
const char *lang_label(enum lang, enum label);

/* "ja" or "en". */
const char *lang_name(enum lang);

/* The language named s; false when s names none. */
bool	lang_parse(const char *s, enum lang *);

/* The names of the languages, as settings spell them. */
extern const char *const lang_names[LANG_COUNT];

#endif
