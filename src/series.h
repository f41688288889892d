/*
 * A series: its settings (ROOT/series/SLUG.yaml, documented in
 * dailylog(5)), its parts in part order, and what is known of its
 * numbers: the highest, the gaps and the duplicates, walked in one way
 * for navigation, indexes, summaries and check.
 */
#ifndef DL_SERIES_H
#define DL_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "lang.h"
#include "redact.h"

struct entry;
struct entry_list;
struct store;

enum numbering { NUMBER_CIRCLED, NUMBER_ARABIC };
enum nav_layout { LAYOUT_ALL, LAYOUT_WINDOW, LAYOUT_AUTO };
enum series_status { STATUS_NONE, STATUS_ONGOING, STATUS_COMPLETE };

/*
 * The labels are templates: "{n}" stands for the part's number as the
 * numbering draws it; a label without "{n}" gets the number appended.
 * Defaults for ja: prev "←前編", next "→続編", heading "【続編{n}】",
 * missing "（{n}欠番）"; for en: "← Part {n}", "Part {n} →", "Part {n}: ",
 * "(Part {n} missing)".  The index label (window layout) has no number:
 * "目次" in ja, "Index" in en; the window layout's part shown is
 * "[{n}]" and the numbers it leaves out "…".
 */
struct series_settings {
	char		*slug;
	char		*title;		/* the slug when not set */
	enum lang	 lang;		/* the store's when not set */
	char		*label_prev;
	char		*label_next;
	char		*label_heading;	/* before the series title; part 1 has none */
	char		*label_missing;
	char		*label_index;	/* window layout: the link to the index */
	char		*label_current;	/* window layout: the part shown */
	char		*label_gap;	/* window layout: numbers left out */
	enum numbering	 numbering;	/* ja: circled, en: arabic */
	int		 per_row;	/* links to a row; default 3 */
	enum nav_layout	 layout;	/* default auto */
	int		 threshold;	/* auto: all up to this many parts; default 20 */
	int		 window;	/* window layout: parts on each side; default 2 */
	char		*url;		/* the published series' address, ending in '/'; or NULL */
	char		*description;	/* body markup, or NULL */
	enum series_status status;
	bool		 redact;	/* render always redacts */
	struct aliases	 aliases;	/* the names to replace, and with what */
	bool		 fields;	/* parts show their fields; default true */
	char		*bullet;	/* text: a list item's mark; default "  • " */
};

struct series {
	struct series_settings	  set;
	const struct entry	**parts;	/* borrowed from an entry_list, by part */
	size_t			  n;
	bool			  has_duplicates;
};

/*
 * Read ROOT/series/SLUG.yaml when it exists, defaults otherwise.
 * Returns 0, or -1 after FILE:LINE:COLUMN messages (set is then empty;
 * freeing it again is harmless).
 */
int	series_settings_load(struct store *, const char *slug,
	    struct series_settings *);
void	series_settings_free(struct series_settings *);

/*
 * Write ROOT/series/SLUG.yaml (a valid slug) with title unless it is
 * NULL and lang unless it is -1, under the store's lock: the file's other keys and
 * comments are kept, and the result must load as series_settings_load
 * loads it before it replaces the file atomically.  Returns 0 or -1.
 */
int	series_settings_write(struct store *, const char *slug,
	    const char *title, int lang);

/* The defaults of lang for slug, as above. */
void	series_settings_defaults(struct series_settings *, const char *slug,
	    enum lang);

/*
 * The parts of slug among l's entries (those with a part number),
 * sorted by part then date; sets parts, n and has_duplicates and leaves
 * set alone.
 */
void	series_collect(const struct entry_list *l, const char *slug,
	    struct series *);
/* Free the parts array and the settings. */
void	series_free(struct series *);

/*
 * Leave out the parts with draft: true, as published output does; their
 * numbers become gaps.
 */
void	series_drop_drafts(struct series *);

/*
 * The layout for s's parts: auto is all up to the threshold (by the
 * highest part number), window beyond it.
 */
enum nav_layout series_layout(const struct series *);

/*
 * Whether url is an absolute URL fit for a feed: a scheme, "://", a
 * host, and no spaces, quotes or angle brackets.
 */
bool	series_url_valid(const char *url);

/* url with a '/' at its end: a new string. */
char	*series_url_dir(const char *url);

/*
 * Name both files of each duplicate part ("duplicate part: badge:2 is
 * also FILE"); returns -1.
 */
int	series_report_duplicates(const struct series *);

/* The highest part number, 0 for an empty series. */
long	series_last(const struct series *);

/*
 * A walk through part numbers for an index, a navigation block or a
 * summary.  Each number with a part is one item (of duplicate parts the
 * first, by date); missing numbers are one item each, or, for a run of
 * at least min_run of them, one item for the run, so that a typo such
 * as part 100000 cannot make a hundred thousand items.
 */
struct series_item {
	long	 part, last;	/* the numbers: last > part only for a run */
	bool	 missing;
	size_t	 at;		/* a part: its index in parts */
	size_t	 copies;	/* a part: how many parts have its number */
};

struct series_walk {
	const struct series	*s;
	long			 k, to;		/* the numbers left */
	size_t			 cursor;	/* parts before it are numbered below k */
	long			 min_run;
};

/* Walk the numbers from..to of s. */
void	series_walk_init(struct series_walk *, const struct series *,
	    long from, long to, long min_run);
/* The next item; false at the end. */
bool	series_walk_next(struct series_walk *, struct series_item *);

/*
 * fn for each series among l's entries, in slug order, with its parts
 * collected (the settings are left empty: set.slug is NULL); the parts
 * are freed after fn returns.  l is reordered by series.
 */
void	series_each(struct entry_list *l,
	    void (*fn)(struct series *, const char *slug, void *), void *arg);

/* Every slug in l, sorted, each once: a new array of borrowed strings. */
const char **series_slugs(const struct entry_list *l, size_t *n);

/* Append part number n as the numbering draws it (①–⑩, then 11, ...). */
struct buf;
void	series_number(struct buf *, enum numbering, long n);

/* Append a label template with {n} expanded. */
void	series_label(struct buf *, const struct series_settings *,
	    const char *tmpl, long n);

/* The same for the run of part numbers from-to (a gap): "（③〜⑨欠番）". */
void	series_label_range(struct buf *, const struct series_settings *,
	    const char *tmpl, long from, long to);

/* Gaps this long or longer are drawn as one item, not one per number. */
#define SERIES_GAP_RUN	3

#endif
