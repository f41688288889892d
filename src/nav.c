/*
 * Which parts a navigation block links, with labels and rows.
 *
 * Layout all (the reference): every part number before the part's own,
 * from 1, a missing number as a NAV_MISSING item; then the next part
 * that exists.  Layout window, for long series: the index and the first
 * part, then part numbers P-window .. P-1, then P+1 .. P+window (up to
 * the last part), then the last part; the first and the last appear only
 * when the window does not already hold them.
 *
 * The items fall into groups (all: earlier, next; window: index and
 * first, earlier, later, last) and each group is cut into rows of
 * per_row items; a group never shares a row with another.  Building is
 * linear in the number of parts and in the links made.
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
	if (kind == NAV_INDEX)
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
	if (l->width + 2 > nav->cell_width)
		nav->cell_width = l->width + 2;
}

/* Cut the links made since the group opened into rows. */
static void
close_group(struct builder *b)
{
	struct nav *nav = b->nav;
	size_t per = (size_t)(b->s->set.per_row > 0 ? b->s->set.per_row : 3);

	for (size_t i = b->group; i < nav->nlinks; i += per) {
		if (nav->nrows == b->rowcap) {
			b->rowcap = b->rowcap ? b->rowcap * 2 : 8;
			nav->rows = xreallocarray(nav->rows, b->rowcap,
			    sizeof(*nav->rows));
		}
		nav->rows[nav->nrows].first = i;
		nav->rows[nav->nrows].n = nav->nlinks - i < per ?
		    nav->nlinks - i : per;
		nav->nrows++;
	}
	b->group = nav->nlinks;
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

static void
build_all(struct builder *b, size_t at)
{
	const struct series *s = b->s;
	size_t next = after(s, at);

	add_parts(b, 1, s->parts[at]->part - 1, NAV_PREV, s->set.label_prev);
	close_group(b);
	if (next < s->n)
		add_link(b, NAV_NEXT, s->parts[next]->part,
		    s->parts[next]->part, next, s->set.label_next);
	close_group(b);
}

static void
build_window(struct builder *b, size_t at)
{
	const struct series *s = b->s;
	long p = s->parts[at]->part, w = s->set.window, last = series_last(s);
	long lo = p - w > 1 ? p - w : 1, hi = p + w < last ? p + w : last;

	add_link(b, NAV_INDEX, 0, 0, 0, s->set.label_index);
	if (s->parts[0]->part < lo)
		add_link(b, NAV_FIRST, s->parts[0]->part, s->parts[0]->part, 0,
		    s->set.label_prev);
	close_group(b);
	add_parts(b, lo, p - 1, NAV_PREV, s->set.label_prev);
	close_group(b);
	add_parts(b, p + 1, hi, NAV_NEXT, s->set.label_next);
	close_group(b);
	if (last > hi)
		add_link(b, NAV_LAST, last, last, s->n - 1, s->set.label_next);
	close_group(b);
}

void
nav_build(const struct series *s, size_t at, struct nav *nav)
{
	struct builder b;

	memset(nav, 0, sizeof(*nav));
	memset(&b, 0, sizeof(b));
	b.s = s;
	b.nav = nav;
	if (at >= s->n)
		return;
	if (s->set.layout == LAYOUT_WINDOW)
		build_window(&b, at);
	else
		build_all(&b, at);
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
