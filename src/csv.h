/*
 * CSV for spreadsheets (RFC 4180), as export and list write it: a
 * header row, then one record per entry, each record ended by CRLF; a
 * field is quoted when it holds a comma, a double quote, CR or LF, with
 * the double quotes in it doubled.  The columns are CSV_COLUMNS; the
 * tags and the next actions are one field each, their items joined by
 * LF (a spreadsheet shows them as lines of one cell); the body is
 * written without its final newline; x- keys are left out.
 */
#ifndef DL_CSV_H
#define DL_CSV_H

struct buf;
struct entry;

#define CSV_COLUMNS "id,date,series,part,title,client,contact,staff," \
	"tags,result,next,author,draft,body"

/* The UTF-8 byte order mark that makes Excel read UTF-8 (--bom). */
#define CSV_BOM "\xEF\xBB\xBF"

/* Append the header row. */
void	csv_header(struct buf *);

/* Append e as one record. */
void	csv_entry(struct buf *, const struct entry *);

#endif
