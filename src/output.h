/* Data to stdout, with write errors (a full disk, a closed pipe) noticed. */
#ifndef DL_OUTPUT_H
#define DL_OUTPUT_H

struct buf;

/* Write b to stdout and empty it. */
void	out_buf(struct buf *);

/* Flush stdout: 0, or -1 (74) after a message. */
int	out_finish(void);

/* Append s as a TSV field: tab, newline, CR and backslash as \t \n \r \\. */
void	tsv_escape(struct buf *, const char *s);
/* The same for the n bytes of s at o, which has room for 2n: the end. */
char	*tsv_put(char *o, const char *s, size_t n);

#endif
