#include <ctype.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"
#include "entry.h"
#include "text.h"
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
 * nothing.  The one plain scalar libyaml always quotes is an empty
 * mapping key (`? ` alone): that null is written `~`, which stays null.
 */
static void
node_value(yaml_emitter_t *em, const struct ynode *n, bool is_key)
{
	yaml_event_t ev;

	switch (n->type) {
	case Y_SCALAR:
		if (is_key && n->plain && n->len == 0) {
			scalar(em, "~", 1, YAML_PLAIN_SCALAR_STYLE);
			return;
		}
		scalar(em, n->s ? n->s : "", n->len, n->plain ?
		    YAML_PLAIN_SCALAR_STYLE : (strchr(n->s, '\n') ?
		    YAML_LITERAL_SCALAR_STYLE : YAML_SINGLE_QUOTED_SCALAR_STYLE));
		return;
	case Y_SEQ:
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_ANY_SEQUENCE_STYLE);
		emit(em, &ev);
		for (size_t i = 0; i < n->nkids; i++)
			node_value(em, &n->kids[i], false);
		yaml_sequence_end_event_initialize(&ev);
		emit(em, &ev);
		return;
	case Y_MAP:
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_ANY_MAPPING_STYLE);
		emit(em, &ev);
		for (size_t i = 0; i < n->nkids; i++)
			node_value(em, &n->kids[i], i % 2 == 0);
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

/* A stream with one document, a block mapping at its top, onto out. */
static void
doc_begin(yaml_emitter_t *em, struct buf *out, bool doc_start)
{
	yaml_event_t ev;

	yaml_emitter_initialize(em);
	yaml_emitter_set_output(em, append_output, out);
	yaml_emitter_set_unicode(em, 1);
	yaml_emitter_set_width(em, -1);
	yaml_emitter_set_indent(em, 2);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, !doc_start);
	emit(em, &ev);
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE);
	emit(em, &ev);
}

static void
doc_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(em, &ev);
	yaml_document_end_event_initialize(&ev, 1);
	emit(em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(em, &ev);
	yaml_emitter_flush(em);
	yaml_emitter_delete(em);
}

void
entry_to_yaml(const struct entry *e, bool with_id, bool doc_start,
    struct buf *out)
{
	yaml_emitter_t em;
	char date[17], part[24];

	doc_begin(&em, out, doc_start);
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
	string_field(&em, "author", e->author);
	if (e->draft) {
		key(&em, "draft");
		scalar(&em, "true", 4, YAML_PLAIN_SCALAR_STYLE);
	}
	string_field(&em, "body", e->body);
	for (size_t i = 0; i < e->nx; i++) {
		key(&em, e->x[i].key);
		node_value(&em, &e->x[i].value, false);
	}
	doc_end(&em);
}

void
yaml_write_map(const struct yaml_pair *kv, size_t n, struct buf *out)
{
	yaml_emitter_t em;
	yaml_event_t ev;

	yaml_emitter_initialize(&em);
	yaml_emitter_set_output(&em, append_output, out);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(&em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(&em, &ev);
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE);
	emit(&em, &ev);
	for (size_t i = 0; i < n; i++) {
		if (kv[i].value == NULL)
			continue;
		key(&em, kv[i].key);
		if (kv[i].plain)
			scalar(&em, kv[i].value, strlen(kv[i].value),
			    YAML_PLAIN_SCALAR_STYLE);
		else
			text_value(&em, kv[i].value);
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

/* --- the editor's template --- */

/* What a template line holds: one text, one list, or nothing. */
struct tvalue {
	const char		*text;
	yaml_scalar_style_t	 style;	/* ANY: as text_value chooses */
	const struct strlist	*list;
	bool			 flow;	/* the list as [a, b] */
};

/*
 * One key and its value as the emitter writes them, so that the value
 * is quoted wherever YAML needs it, with hint (when not NULL) as a
 * comment at the end of its first line.  An empty value is a key
 * alone, which loads as absent.
 */
static void
template_field(struct buf *t, const char *k, struct tvalue v, const char *hint)
{
	struct buf y = BUF_INIT;
	yaml_emitter_t em;
	size_t first;

	if ((v.text == NULL || *v.text == '\0') &&
	    (v.list == NULL || v.list->n == 0)) {
		buf_addf(&y, "%s:%s\n", k, v.list != NULL ? " []" : "");
	} else {
		doc_begin(&em, &y, false);
		key(&em, k);
		if (v.list != NULL)
			list_value(&em, v.list, v.flow);
		else if (v.style != YAML_ANY_SCALAR_STYLE)
			scalar(&em, v.text, strlen(v.text), v.style);
		else
			text_value(&em, v.text);
		doc_end(&em);
		/* A kept final newline ("|+") makes the emitter end the
		 * stream with "...", but the template goes on. */
		if (y.len >= 5 && strcmp(y.s + y.len - 5, "\n...\n") == 0)
			y.len -= 4;
	}
	first = strcspn(y.s, "\n");
	buf_add(t, y.s, first);
	/* Hints in a column, as far as the values let them. */
	if (hint != NULL) {
		for (int w = text_width(y.s, first); w < 20; w++)
			buf_addc(t, ' ');
		buf_addf(t, "  # %s", hint);
	}
	buf_add(t, y.s + first, y.len - first);
	buf_free(&y);
}

static struct tvalue
text(const char *s)
{
	return (struct tvalue){ s, YAML_ANY_SCALAR_STYLE, NULL, false };
}

static struct tvalue
plain(const char *s)
{
	return (struct tvalue){ s, YAML_PLAIN_SCALAR_STYLE, NULL, false };
}

static struct tvalue
list(const struct strlist *l, bool flow)
{
	return (struct tvalue){ NULL, YAML_ANY_SCALAR_STYLE, l, flow };
}

void
entry_template(const struct entry *e, struct buf *t)
{
	char date[17], part[24] = "";
	struct buf body = BUF_INIT;

	buf_adds(t,
	    "# 新しい日報です。保存して終了すると登録されます。空の項目は省かれます。\n"
	    "# A new daily report: save and quit to add it; empty fields are left out.\n"
	    "# 書式 / format: dailylog(5)\n");
	template_field(t, "date", plain(date_format(&e->date, date)),
	    "日付 / date: YYYY-MM-DD [HH:MM]");
	template_field(t, "title", text(e->title),
	    "件名(必須) / title (required)");
	template_field(t, "series", text(e->series),
	    "シリーズ名 / series: a-z 0-9 -");
	if (e->part)
		snprintf(part, sizeof(part), "%ld", e->part);
	template_field(t, "part", plain(part),
	    "空なら次の番号 / empty: the next part");
	template_field(t, "client", text(e->client), "訪問先 / client");
	template_field(t, "contact", text(e->contact), "面談者 / person met");
	template_field(t, "staff", text(e->staff), "派遣スタッフ / temp worker");
	template_field(t, "tags", list(&e->tags, true),
	    "タグ / tags: [クレーム, 入館証]");
	template_field(t, "result", text(e->result), "結果 / result");
	template_field(t, "next", list(&e->next, false),
	    "次回アクション / next actions: [電話する, 訪問する]");
	buf_adds(t,
	    "# 本文: 空行で段落、「## 」で見出し、「- 」で箇条書き。\n"
	    "# body: blank lines between paragraphs, \"## \" headings, \"- \" list items.\n");
	if (e->body == NULL || *e->body == '\0') {
		buf_adds(t, "body: |\n  \n");
		return;
	}
	/* A literal block, ended by a newline, is what a person edits;
	 * the emitter quotes what a block cannot hold. */
	buf_adds(&body, e->body);
	if (body.s[body.len - 1] != '\n')
		buf_addc(&body, '\n');
	template_field(t, "body", (struct tvalue){ body.s,
	    YAML_LITERAL_SCALAR_STYLE, NULL, false }, NULL);
	buf_free(&body);
}
