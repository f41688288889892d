/* CSV records (csv.h). */
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "entry.h"

/* The first n bytes of s as one field, quoted when it must be. */
static void
field(struct buf *b, const char *s, size_t n)
{
	if (strcspn(s, ",\"\r\n") >= n) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

/* A comma, then s as a field (NULL: empty). */
static void
text(struct buf *b, const char *s)
{
	buf_addc(b, ',');
	if (s != NULL)
		field(b, s, strlen(s));
}

static void
list(struct buf *b, const struct strlist *l)
{
	struct buf joined = BUF_INIT;

	for (size_t i = 0; i < l->n; i++)
		buf_addf(&joined, "%s%s", i ? "\n" : "", l->v[i]);
	text(b, l->n ? buf_str(&joined) : NULL);
	buf_free(&joined);
}

void
csv_header(struct buf *b)
{
	buf_adds(b, CSV_COLUMNS "\r\n");
}

void
csv_entry(struct buf *b, const struct entry *e)
{
	char date[17];
	size_t n;

	if (e->id != NULL)
		field(b, e->id, strlen(e->id));
	text(b, date_format(&e->date, date));
	text(b, e->series);
	buf_addc(b, ',');
	if (e->part > 0)
		buf_addf(b, "%ld", e->part);
	text(b, e->title);
	text(b, e->client);
	text(b, e->contact);
	text(b, e->staff);
	list(b, &e->tags);
	text(b, e->result);
	list(b, &e->next);
	text(b, e->author);
	text(b, e->draft ? "true" : NULL);
	buf_addc(b, ',');
	if (e->body != NULL) {
		n = strlen(e->body);
		if (n > 0 && e->body[n - 1] == '\n')
			n--;
		field(b, e->body, n);
	}
	buf_adds(b, "\r\n");
}
