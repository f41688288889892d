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
	LB_BULLET,		/* text: a list item's mark */
	LB_RANGE,		/* between the ends of a run of parts: 〜 */
	LB_SERIES_TITLE,	/* a part heading's series title: 【%s】 */
	/* A series' default navigation labels (series.h says how). */
	LB_NAV_PREV, LB_NAV_NEXT, LB_NAV_HEADING, LB_NAV_MISSING,
	LB_NAV_INDEX,
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
