/*
 * The lines of a report in the store's language, from its model: the
 * title, the summary, then day by day and client by client each entry
 * with its result and next actions.  The format (report_draw.h) lays
 * them out; entry text goes through its text() on the way in.
 */
#include <string.h>

#include "buf.h"
#include "date.h"
#include "entry.h"
#include "lang.h"
#include "report.h"
#include "report_draw.h"

static const struct report_format *const formats[] = {
	&report_text, &report_markdown,
};

const struct report_format *
report_format_find(const char *name)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}

/* "週報 2026-W48（2026-11-23〜2026-11-29）" */
static void
title(struct report_doc *doc, const struct period *p)
{
	struct date d;
	struct buf b = BUF_INIT;
	char from[17], to[17];

	d = date_from_days(p->from);
	date_format(&d, from);
	d = date_from_days(p->to);
	date_format(&d, to);
	if (p->kind == PERIOD_WEEK)
		buf_addf(&b, lang_label(doc->lang, LB_REPORT_WEEK), p->year,
		    p->num, from, to);
	else if (p->kind == PERIOD_MONTH)
		buf_addf(&b, lang_label(doc->lang, LB_REPORT_MONTH), p->year,
		    p->num, from, to);
	else
		buf_addf(&b, lang_label(doc->lang, LB_REPORT_RANGE), from, to);
	doc->f->heading(doc, 1, buf_str(&b));
	buf_free(&b);
}

/* A client's name as entry text; NULL names the entries without one. */
static void
client_name(const struct report_doc *doc, struct buf *b, const char *client)
{
	if (client != NULL)
		doc->f->text(b, client);
	else
		buf_adds(b, lang_label(doc->lang, LB_NO_CLIENT));
}

/* "4件: T社 2件、B商事 1件" */
static void
summary(struct report_doc *doc, const struct report *r)
{
	struct buf b = BUF_INIT;

	if (r->nentries == 0)
		buf_adds(&b, lang_label(doc->lang, LB_REPORT_NONE));
	else
		buf_addf(&b, lang_label(doc->lang, r->nentries == 1 ?
		    LB_REPORT_ONE : LB_REPORT_MANY), r->nentries);
	for (size_t k = 0; k < r->nclients; k++) {
		if (k > 0)
			buf_adds(&b, lang_label(doc->lang, LB_LIST_SEP));
		client_name(doc, &b, r->clients[k].client);
		buf_addf(&b, lang_label(doc->lang, LB_REPORT_COUNT),
		    r->clients[k].n);
	}
	doc->f->summary(doc, buf_str(&b));
	buf_free(&b);
}

/* One entry: time, title and series part, then result and next actions. */
static void
entry_item(struct report_doc *doc, const struct entry *e)
{
	struct buf b = BUF_INIT;

	if (e->date.has_time)
		buf_addf(&b, "%02d:%02d ", e->date.hour, e->date.min);
	doc->f->text(&b, e->title);
	if (e->series != NULL) {
		/* The brackets are text: Markdown must not see a link. */
		buf_addc(&b, ' ');
		doc->f->text(&b, "[");
		doc->f->text(&b, e->series);
		if (e->part > 0)
			buf_addf(&b, ":%ld", e->part);
		doc->f->text(&b, "]");
	}
	doc->f->item(doc, 0, buf_str(&b));
	if (e->result != NULL) {
		buf_reset(&b);
		buf_addf(&b, "%s: ", lang_label(doc->lang, LB_RESULT));
		doc->f->text(&b, e->result);
		doc->f->item(doc, 1, buf_str(&b));
	}
	for (size_t i = 0; i < e->next.n; i++) {
		buf_reset(&b);
		buf_addf(&b, "%s: ", lang_label(doc->lang, LB_NEXT));
		doc->f->text(&b, e->next.v[i]);
		doc->f->item(doc, 1, buf_str(&b));
	}
	buf_free(&b);
}

/* "2026-11-23（月）", then its clients and their entries. */
static void
day(struct report_doc *doc, const struct report_day *d)
{
	int level = 2 + doc->depth;

	struct date date = date_from_days(d->day);
	struct buf b = BUF_INIT;
	int wd = date_weekday(d->day);
	char s[17];

	buf_addf(&b, lang_label(doc->lang, LB_REPORT_DAY), date_format(&date, s),
	    lang_label(doc->lang, (enum label)(LB_MON + wd)));
	doc->f->heading(doc, level, buf_str(&b));
	for (size_t k = 0; k < d->ngroups; k++) {
		buf_reset(&b);
		client_name(doc, &b, d->groups[k].client);
		doc->f->heading(doc, level + 1, buf_str(&b));
		for (size_t i = 0; i < d->groups[k].n; i++)
			entry_item(doc, d->groups[k].v[i]);
	}
	buf_free(&b);
}

/* "佐藤 3件", then that author's days. */
static void
author(struct report_doc *doc, const struct report_author *a)
{
	struct buf b = BUF_INIT;

	if (a->author != NULL)
		doc->f->text(&b, a->author);
	else
		buf_adds(&b, lang_label(doc->lang, LB_NO_AUTHOR));
	buf_addf(&b, lang_label(doc->lang, LB_REPORT_COUNT), a->nentries);
	doc->f->heading(doc, 2, buf_str(&b));
	buf_free(&b);
	doc->depth = 1;
	for (size_t i = 0; i < a->ndays; i++)
		day(doc, &a->days[i]);
	doc->depth = 0;
}

void
report_draw(struct report_doc *doc, const struct report *r)
{
	title(doc, &r->period);
	summary(doc, r);
	for (size_t i = 0; i < r->nauthors; i++)
		author(doc, &r->authors[i]);
	for (size_t i = 0; r->nauthors == 0 && i < r->ndays; i++)
		day(doc, &r->days[i]);
}
