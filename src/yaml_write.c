#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "entry.h"
#include "yaml_write.h"

static int
append_output(void *data, unsigned char *p, size_t n)
{
	buf_add(data, p, n);
	return 1;
}

static void
emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	/* Our own events on an in-memory buffer: failure is a bug. */
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "dailylog: YAML emitter: %s\n",
		    em->problem ? em->problem : "error");
		abort();
	}
}

/*
 * Would a YAML 1.1 reader take this plain scalar for something other
 * than a string (null, boolean, number)?  Then it must be quoted.
 */
static bool
looks_special(const char *s)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "true", "True", "TRUE", "false",
		"False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on",
		"On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
		".inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN",
	};
	const char *p = s;
	bool hex;

	if (*s == '\0')
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	if (*p == '-' || *p == '+')
		p++;
	if (!isdigit((unsigned char)*p) && *p != '.')
		return false;
	/* Hex digits make a number only after 0x: IDs stay unquoted. */
	hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X');
	for (; *p; p++)
		if (!isdigit((unsigned char)*p) &&
		    strchr("._:eExXoObB+-", *p) == NULL &&
		    !(hex && isxdigit((unsigned char)*p)))
			return false;
	return true;
}

static void
scalar(yaml_emitter_t *em, const char *s, size_t len, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)len, 1, 1, style);
	emit(em, &ev);
}

static void
text_value(yaml_emitter_t *em, const char *s)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	if (strchr(s, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	else if (looks_special(s))
		style = YAML_SINGLE_QUOTED_SCALAR_STYLE;
	scalar(em, s, strlen(s), style);
}

static void
key(yaml_emitter_t *em, const char *k)
{
	scalar(em, k, strlen(k), YAML_PLAIN_SCALAR_STYLE);
}

static void
list_value(yaml_emitter_t *em, const struct strlist *l, bool flow)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(em, &ev);
	for (size_t i = 0; i < l->n; i++)
		text_value(em, l->v[i]);
	yaml_sequence_end_event_initialize(&ev);
	emit(em, &ev);
}

/*
 * An x- field's value, as it was read.  A scalar that was quoted is
 * written single-quoted, the style libyaml itself falls back to for a
 * plain scalar it cannot write plain, so a second rewrite changes
 * nothing.
 */
static void
node_value(yaml_emitter_t *em, const struct ynode *n)
{
	yaml_event_t ev;

	switch (n->type) {
	case Y_SCALAR:
		scalar(em, n->s ? n->s : "", n->len, n->plain ?
		    YAML_PLAIN_SCALAR_STYLE : (strchr(n->s, '\n') ?
		    YAML_LITERAL_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE));
		return;
	case Y_SEQ:
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_ANY_SEQUENCE_STYLE);
		emit(em, &ev);
		for (size_t i = 0; i < n->nkids; i++)
			node_value(em, &n->kids[i]);
		yaml_sequence_end_event_initialize(&ev);
		emit(em, &ev);
		return;
	case Y_MAP:
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_ANY_MAPPING_STYLE);
		emit(em, &ev);
		for (size_t i = 0; i < n->nkids; i++)
			node_value(em, &n->kids[i]);
		yaml_mapping_end_event_initialize(&ev);
		emit(em, &ev);
		return;
	}
}

static void
string_field(yaml_emitter_t *em, const char *k, const char *v)
{
	if (v == NULL)
		return;
	key(em, k);
	text_value(em, v);
}

void
entry_to_yaml(const struct entry *e, bool with_id, bool doc_start,
    struct buf *out)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	char date[17], part[24];

	yaml_emitter_initialize(&em);
	yaml_emitter_set_output(&em, append_output, out);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, !doc_start);
	emit(&em, &ev);
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE);
	emit(&em, &ev);

	if (with_id && e->id != NULL)
		string_field(&em, "id", e->id);
	key(&em, "date");
	date_format(&e->date, date);
	scalar(&em, date, strlen(date), YAML_PLAIN_SCALAR_STYLE);
	string_field(&em, "title", e->title);
	string_field(&em, "series", e->series);
	if (e->part > 0) {
		key(&em, "part");
		snprintf(part, sizeof(part), "%ld", e->part);
		scalar(&em, part, strlen(part), YAML_PLAIN_SCALAR_STYLE);
	}
	string_field(&em, "client", e->client);
	string_field(&em, "contact", e->contact);
	string_field(&em, "staff", e->staff);
	if (e->tags.n > 0) {
		key(&em, "tags");
		list_value(&em, &e->tags, true);
	}
	string_field(&em, "result", e->result);
	if (e->next.n > 0) {
		key(&em, "next");
		list_value(&em, &e->next, false);
	}
	string_field(&em, "body", e->body);
	for (size_t i = 0; i < e->nx; i++) {
		key(&em, e->x[i].key);
		node_value(&em, &e->x[i].value);
	}

	yaml_mapping_end_event_initialize(&ev);
	emit(&em, &ev);
	yaml_document_end_event_initialize(&ev, 1);
	emit(&em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(&em, &ev);
	yaml_emitter_flush(&em);
	yaml_emitter_delete(&em);
}
