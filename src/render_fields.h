/*
 * The fields a part shows between its heading and its body, labelled in
 * the document's language, for the renderers that draw them as a list
 * (markdown, html, info, gemini).
 */
#ifndef DL_RENDER_FIELDS_H
#define DL_RENDER_FIELDS_H

#include <stddef.h>

#include "lang.h"

struct doc;
struct entry;

/*
 * Draw one field: which it is (LB_DATE, LB_CLIENT, ...), its label in the
 * document's language and its values (one for a single value).
 */
typedef void	render_field_fn(struct doc *, enum label field,
		    const char *label, char *const *values, size_t n);

/*
 * Call fn for each field e has, in the contract's order: date, client,
 * contact, staff, tags, result, next.  Labels: 日付, 訪問先, 面談者,
 * 派遣スタッフ, タグ, 結果, 次回アクション in ja; Date, Client, Contact,
 * Staff, Tags, Result, Next in en.
 */
void	render_fields(struct doc *, const struct entry *, render_field_fn *);

#endif
