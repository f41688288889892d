/* Tables for a terminal (table.h). */
#include <stdbool.h>
#include <string.h>

#include "buf.h"
#include "color.h"
#include "table.h"
#include "text.h"

/* Row i's cell of column c (the header is row 0 when there is one). */
static void
cell(const struct table *t, struct buf *b, size_t i, size_t c)
{
	buf_reset(b);
	if (t->header && i == 0)
		buf_adds(b, t->cols[c].head);
	else
		t->cell(b, i - t->header, c, t->arg);
}

/* The width the shown columns other than flex take, separators included. */
static int
others_width(const struct table *t, const struct table_column *flex)
{
	int w = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (t->cols[c].shown && &t->cols[c] != flex)
			w += t->cols[c].width + 2;
	return w;
}

/*
 * What is left of width is the flexible column's: columns are given up
 * in their order until it has TABLE_MIN (or, when it fits, its widest
 * cell); when nothing more can go, it has what is left, at least one.
 */
static void
fit_flex(struct table *t, struct table_column *flex, int width)
{
	int natural = flex->width;

	for (int d = 1; ; d++) {
		int rest = width - others_width(t, flex);
		bool more = false;

		if (rest >= TABLE_MIN || (flex->fit && rest >= natural)) {
			flex->width = flex->fit && rest > natural ? natural :
			    rest;
			return;
		}
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->cols[c].drop > d)
				more = true;
			if (t->cols[c].drop == d)
				t->cols[c].shown = false;
		}
		if (!more) {
			rest = width - others_width(t, flex);
			flex->width = rest < 1 ? 1 : flex->fit &&
			    rest > natural ? natural : rest;
			return;
		}
	}
}

void
table_layout(struct table *t, int width)
{
	struct buf b = BUF_INIT;
	size_t rows = t->nrows + t->header;
	struct table_column *flex = NULL;

	for (size_t c = 0; c < t->ncols; c++) {
		struct table_column *col = &t->cols[c];

		col->width = 0;
		for (size_t i = t->header; i < rows; i++) {
			int w;

			cell(t, &b, i, c);
			if ((w = text_width(buf_str(&b), b.len)) > col->width)
				col->width = w;
		}
		col->shown = !(col->hide_empty && col->width == 0);
		if (t->header && col->shown) {
			int w = text_width(col->head, strlen(col->head));

			if (w > col->width)
				col->width = w;
		}
		if (col->cap > 0 && col->width > col->cap)
			col->width = col->cap;
		if (col->flex)
			flex = col;
	}
	buf_free(&b);
	if (flex != NULL)
		fit_flex(t, flex, width);
}

void
table_draw(const struct table *t, struct buf *out,
    void (*flush)(struct buf *))
{
	struct buf b = BUF_INIT, cut = BUF_INIT;
	size_t rows = t->nrows + t->header, last = 0;

	for (size_t c = 0; c < t->ncols; c++)
		if (t->cols[c].shown)
			last = c;
	for (size_t i = 0; i < rows; i++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const struct table_column *col = &t->cols[c];
			int w;

			if (!col->shown)
				continue;
			cell(t, &b, i, c);
			buf_reset(&cut);
			/* Colour goes around text already cut and measured. */
			text_truncate(&cut, buf_str(&b), col->width);
			w = text_width(buf_str(&cut), cut.len);
			if (t->color && col->paint >= 0 && !(t->header && i == 0))
				color_add(out, (enum paint)col->paint,
				    buf_str(&cut), cut.len);
			else
				buf_add(out, buf_str(&cut), cut.len);
			for (; c != last && w < col->width + 2; w++)
				buf_addc(out, ' ');
		}
		while (out->len > 0 && out->s[out->len - 1] == ' ')
			out->s[--out->len] = '\0';
		buf_addc(out, '\n');
		if (flush != NULL && out->len > 65536)
			flush(out);
	}
	buf_free(&b);
	buf_free(&cut);
}
