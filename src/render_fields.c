/* The labelled fields of a part, shared by the list-drawing renderers. */
#include "entry.h"
#include "render.h"
#include "render_fields.h"

static void
scalar(struct doc *d, render_field_fn *fn, enum label field, char *value)
{
	if (value != NULL)
		fn(d, field, lang_label(d->lang, field), &value, 1);
}

void
render_fields(struct doc *d, const struct entry *e, render_field_fn *fn)
{
	enum lang l = d->lang;
	char date[32];

	scalar(d, fn, LB_DATE, date_format(&e->date, date));
	scalar(d, fn, LB_CLIENT, e->client);
	scalar(d, fn, LB_CONTACT, e->contact);
	scalar(d, fn, LB_STAFF, e->staff);
	if (e->tags.n > 0)
		fn(d, LB_TAGS, lang_label(l, LB_TAGS), e->tags.v, e->tags.n);
	scalar(d, fn, LB_RESULT, e->result);
	if (e->next.n > 0)
		fn(d, LB_NEXT, lang_label(l, LB_NEXT), e->next.v, e->next.n);
}
