/* The labelled fields of a part, shared by the list-drawing renderers. */
#include <string.h>

#include "buf.h"
#include "entry.h"
#include "render.h"
#include "render_fields.h"

enum { L_DATE, L_CLIENT, L_CONTACT, L_STAFF, L_TAGS, L_RESULT, L_NEXT,
	L_COUNT };

static const char *const labels_ja[L_COUNT] = {
	"日付", "訪問先", "面談者", "派遣スタッフ", "タグ", "結果",
	"次回アクション",
};

static const char *const labels_en[L_COUNT] = {
	"Date", "Client", "Contact", "Staff", "Tags", "Result", "Next",
};

static void
scalar(struct doc *d, render_field_fn *fn, const char *label, char *value)
{
	if (value != NULL)
		fn(d, label, &value, 1);
}

void
render_fields(struct doc *d, const struct entry *e, render_field_fn *fn)
{
	const char *const *l = d->lang != NULL && strcmp(d->lang, "en") == 0 ?
	    labels_en : labels_ja;
	char date[32];

	scalar(d, fn, l[L_DATE], date_format(&e->date, date));
	scalar(d, fn, l[L_CLIENT], e->client);
	scalar(d, fn, l[L_CONTACT], e->contact);
	scalar(d, fn, l[L_STAFF], e->staff);
	if (e->tags.n > 0)
		fn(d, l[L_TAGS], e->tags.v, e->tags.n);
	scalar(d, fn, l[L_RESULT], e->result);
	if (e->next.n > 0)
		fn(d, l[L_NEXT], e->next.v, e->next.n);
}
