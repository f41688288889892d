/* A growable byte buffer: the one string builder used everywhere. */
#ifndef DL_BUF_H
#define DL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*s;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_grow(struct buf *, size_t);
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, int);
void	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vaddf(struct buf *, const char *, va_list);
/* The decimal digits of n, without printf: for output row by row. */
void	 buf_addu(struct buf *, unsigned long n);
void	 buf_reset(struct buf *);
char	*buf_detach(struct buf *);
void	 buf_free(struct buf *);
const char *buf_str(struct buf *);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

#endif
