/*
 * Entry files read ahead.  A second thread opens and reads the files of
 * a list, in the list's order, into a small ring of buffers, while the
 * caller parses the ones before: the system calls of reading (a fifth
 * of a pass over every file) run on another core, beside the parsing.
 * The thread reports nothing and touches nothing but the ring: a file
 * it could not read is handed over as failed, and the caller reads it
 * again itself (file_read_regular), which says why.
 */
#ifndef DL_READAHEAD_H
#define DL_READAHEAD_H

#include <stddef.h>

struct buf;
struct readahead;

/*
 * Start reading paths[0..n) (files of the store below base, each at
 * most max bytes; their directories opened as dircache_at does); the
 * caller keeps base and paths alive until readahead_stop.  NULL when
 * no thread could be started, or when this process may run on one
 * processor only: the caller reads the files itself.
 */
struct readahead *readahead_start(const char *base,
	    const char *const *paths, size_t n, size_t max);
/*
 * The bytes of the next file of the list (NUL-terminated), valid until
 * the next call; NULL when it could not be read.  Called at most n
 * times.
 */
const struct buf *readahead_next(struct readahead *);
/* Stop the thread (wherever it is in the list) and free everything. */
void	readahead_stop(struct readahead *);

#endif
