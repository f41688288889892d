/*
 * Which parts a navigation block links, with labels and rows (nav.h).
 *
 * The items fall into groups and each group is cut into rows of
 * per_row items; a group never shares a row with another.  The window
 * layout's strip is one row, however long.  Building is linear in the
 * number of parts and in the links made.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "nav.h"
#include "series.h"
#include "text.h"

struct builder {
	const struct series	*s;
	struct nav		*nav;
	size_t			 cap, rowcap;
	size_t			 group;		/* first link of the open group */
	bool			 strip;		/* the open group is a strip */
};

/* An item for part (a gap: the run part..last), labelled by tmpl. */
static void
add_link(struct builder *b, enum nav_kind kind, long part, long last,
    size_t target, const char *tmpl)
{
	const struct series_settings *set = &b->s->set;
	struct nav *nav = b->nav;
	struct nav_link *l;
	struct buf label = BUF_INIT;

	if (nav->nlinks == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		nav->links = xreallocarray(nav->links, b->cap,
		    sizeof(*nav->links));
	}
	if (kind == NAV_INDEX || kind == NAV_GAP)
		buf_adds(&label, tmpl);
	else
		series_label_range(&label, set, tmpl, part, last);
	l = &nav->links[nav->nlinks++];
	l->kind = kind;
	l->part = part;
	l->last = last;
	l->target = target;
	l->width = text_width(buf_str(&label), label.len);
	l->label = buf_detach(&label);
	if (!b->strip && l->width + 2 > nav->cell_width)
		nav->cell_width = l->width + 2;
}

static void
add_row(struct builder *b, size_t first, size_t n)
{
	struct nav *nav = b->nav;

	if (nav->nrows == b->rowcap) {
		b->rowcap = b->rowcap ? b->rowcap * 2 : 8;
		nav->rows = xreallocarray(nav->rows, b->rowcap,
		    sizeof(*nav->rows));
	}
	nav->rows[nav->nrows].first = first;
	nav->rows[nav->nrows].n = n;
	nav->rows[nav->nrows].strip = b->strip;
	nav->nrows++;
}

/* Cut the links made since the group opened into rows. */
static void
close_group(struct builder *b)
{
	struct nav *nav = b->nav;
	size_t per = (size_t)(b->s->set.per_row > 0 ? b->s->set.per_row : 3);

	if (b->strip && nav->nlinks > b->group)
		add_row(b, b->group, nav->nlinks - b->group);
	for (size_t i = b->group; !b->strip && i < nav->nlinks; i += per)
		add_row(b, i, nav->nlinks - i < per ? nav->nlinks - i : per);
	b->group = nav->nlinks;
	b->strip = false;
}

/* Link part numbers from..to; a gap is drawn as series_walk gives it. */
static void
add_parts(struct builder *b, long from, long to, enum nav_kind kind,
    const char *tmpl)
{
	struct series_walk w;
	struct series_item it;

	series_walk_init(&w, b->s, from, to, SERIES_GAP_RUN);
	while (series_walk_next(&w, &it))
		if (it.missing)
			add_link(b, NAV_MISSING, it.part, it.last, 0,
			    b->s->set.label_missing);
		else
			add_link(b, kind, it.part, it.part, it.at, tmpl);
}

/* The index of the first part numbered above part, or s->n. */
static size_t
after(const struct series *s, size_t at)
{
	long p = s->parts[at]->part;

	while (at < s->n && s->parts[at]->part <= p)
		at++;
	return at;
}

/* The index of the first part of the number before at's, or NAV_NONE. */
static size_t
before(const struct series *s, size_t at)
{
	long p = s->parts[at]->part;

	while (at > 0 && s->parts[at - 1]->part == p)
		at--;
	if (at == 0)
		return NAV_NONE;
	p = s->parts[--at]->part;
	while (at > 0 && s->parts[at - 1]->part == p)
		at--;
	return at;
}

static void
build_all(struct builder *b, size_t at, int flags)
{
	const struct series *s = b->s;
	long p = s->parts[at]->part;

	add_parts(b, 1, p - 1, NAV_PREV, s->set.label_prev);
	close_group(b);
	if (flags & NAV_WITH_CURRENT)
		add_link(b, NAV_CURRENT, p, p, at, s->set.label_current);
	if (b->nav->next != NAV_NONE)
		add_link(b, NAV_NEXT, s->parts[b->nav->next]->part,
		    s->parts[b->nav->next]->part, b->nav->next,
		    s->set.label_next);
	close_group(b);
}

/* The window's numbers lo..hi around p: 2w+1 of them where there are. */
static void
window_span(const struct series *s, long p, long *lo, long *hi)
{
	long w = s->set.window, first = s->parts[0]->part;
	long last = series_last(s);

	*lo = p - w;
	*hi = p + w;
	if (*lo < first) {
		*hi += first - *lo;
		*lo = first;
	}
	if (*hi > last) {
		*lo -= *hi - last;
		*hi = last;
	}
	if (*lo < first)
		*lo = first;
	/* A "…" for one number would be as wide as the number. */
	if (*lo <= first + 2)
		*lo = first;
	if (*hi >= last - 2)
		*hi = last;
}

static void
build_window(struct builder *b, size_t at)
{
	const struct series *s = b->s;
	const struct nav *nav = b->nav;
	long p = s->parts[at]->part, last = series_last(s), lo, hi;

	if (nav->prev != NAV_NONE)
		add_link(b, NAV_PREV, s->parts[nav->prev]->part,
		    s->parts[nav->prev]->part, nav->prev, s->set.label_prev);
	add_link(b, NAV_INDEX, 0, 0, 0, s->set.label_index);
	if (nav->next != NAV_NONE)
		add_link(b, NAV_NEXT, s->parts[nav->next]->part,
		    s->parts[nav->next]->part, nav->next, s->set.label_next);
	close_group(b);
	window_span(s, p, &lo, &hi);
	b->strip = true;
	if (lo > s->parts[0]->part) {
		add_link(b, NAV_FIRST, s->parts[0]->part, s->parts[0]->part, 0,
		    "{n}");
		add_link(b, NAV_GAP, 0, 0, 0, s->set.label_gap);
	}
	add_parts(b, lo, p - 1, NAV_PREV, "{n}");
	add_link(b, NAV_CURRENT, p, p, at, s->set.label_current);
	add_parts(b, p + 1, hi, NAV_NEXT, "{n}");
	if (hi < last) {
		add_link(b, NAV_GAP, 0, 0, 0, s->set.label_gap);
		add_link(b, NAV_LAST, last, last, s->n - 1, "{n}");
	}
	close_group(b);
}

void
nav_build(const struct series *s, size_t at, int flags, struct nav *nav)
{
	struct builder b;

	memset(nav, 0, sizeof(*nav));
	memset(&b, 0, sizeof(b));
	b.s = s;
	b.nav = nav;
	nav->prev = nav->next = NAV_NONE;
	if (at >= s->n)
		return;
	nav->layout = series_layout(s);
	nav->part = s->parts[at]->part;
	nav->last = series_last(s);
	nav->prev = before(s, at);
	if (after(s, at) < s->n)
		nav->next = after(s, at);
	if (nav->layout == LAYOUT_WINDOW)
		build_window(&b, at);
	else
		build_all(&b, at, flags);
}

void
nav_free(struct nav *nav)
{
	for (size_t i = 0; i < nav->nlinks; i++)
		free(nav->links[i].label);
	free(nav->links);
	free(nav->rows);
	memset(nav, 0, sizeof(*nav));
}
