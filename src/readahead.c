/* Entry files read ahead in a second thread (readahead.h). */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>

#include "buf.h"
#include "fsio.h"
#include "readahead.h"

/*
 * Enough files ahead to ride over slow ones, and at most BUDGET bytes
 * of them (files may be up to a mebibyte each); a slot keeps the room
 * of at most KEEP bytes for the next file, so that what stays allocated
 * is bounded too (RING * KEEP).  The reader, once the
 * ring is full, sleeps until half of it is free, and the caller wakes
 * it only then: a wake-up costs a system call on each side, so one per
 * RING / 2 files, not one each.
 */
#define RING	512
#define BUDGET	(8 * 1024 * 1024)
#define KEEP	(16 * 1024)
/* How much of the next file is fetched into this core's cache. */
#define PREFETCH	(16 * 1024)

struct slot {
	struct buf	 b;
	int		 err;		/* errno: it could not be read */
};

struct readahead {
	const char	*base;
	const char *const *paths;
	size_t		 n, max;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 filled, freed;
	/* Under mu: files read, files handed over and given back, and the
	 * bytes of those read and not given back. */
	size_t		 read, done, bytes;
	bool		 holding;	/* the caller has slot done */
	bool		 reader_waits, caller_waits, stop;
	struct slot	 ring[RING];
};

static void
read_one(struct readahead *ra, struct dircache *dc, const char *path,
    struct slot *s)
{
	const char *name;
	int dirfd;

	/* A large file's room is not kept for the small ones after it. */
	if (s->b.cap > KEEP)
		buf_free(&s->b);
	s->err = (dirfd = dircache_at(dc, path, &name)) == -1 ? errno :
	    file_read_quietly(dirfd, name, ra->max, &s->b);
}

static void *
reader(void *arg)
{
	struct readahead *ra = arg;
	struct dircache dc;

	dircache_init(&dc, ra->base);

	for (size_t i = 0; i < ra->n; i++) {
		bool stop;

		pthread_mutex_lock(&ra->mu);
		while (!ra->stop && (ra->read - ra->done >= RING ||
		    ra->bytes >= BUDGET)) {
			ra->reader_waits = true;
			pthread_cond_wait(&ra->freed, &ra->mu);
		}
		ra->reader_waits = false;
		stop = ra->stop;
		pthread_mutex_unlock(&ra->mu);
		if (stop)
			break;
		/* Slot i is the caller's no more: it gave back i - RING. */
		read_one(ra, &dc, ra->paths[i], &ra->ring[i % RING]);
		pthread_mutex_lock(&ra->mu);
		ra->read++;
		ra->bytes += ra->ring[i % RING].b.len;
		if (ra->caller_waits)
			pthread_cond_signal(&ra->filled);
		pthread_mutex_unlock(&ra->mu);
	}
	dircache_free(&dc);
	return NULL;
}

struct readahead *
readahead_start(const char *base, const char *const *paths, size_t n,
    size_t max)
{
	struct readahead *ra;
	sigset_t all, was;
	cpu_set_t cpus;
	int rc;

	/* On one processor the thread would only take turns with us. */
	if (sched_getaffinity(0, sizeof(cpus), &cpus) == 0 &&
	    CPU_COUNT(&cpus) < 2)
		return NULL;
	ra = xcalloc(1, sizeof(*ra));
	ra->base = base;
	ra->paths = paths;
	ra->n = n;
	ra->max = max;
	pthread_mutex_init(&ra->mu, NULL);
	pthread_cond_init(&ra->filled, NULL);
	pthread_cond_init(&ra->freed, NULL);
	/* Signals are the main thread's, as if there were no other. */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &was);
	rc = pthread_create(&ra->thread, NULL, reader, ra);
	pthread_sigmask(SIG_SETMASK, &was, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&ra->freed);
		pthread_cond_destroy(&ra->filled);
		pthread_mutex_destroy(&ra->mu);
		free(ra);
		return NULL;
	}
	return ra;
}

const struct buf *
readahead_next(struct readahead *ra)
{
	struct slot *s, *next;

	pthread_mutex_lock(&ra->mu);
	if (ra->holding) {
		ra->bytes -= ra->ring[ra->done % RING].b.len;
		ra->done++;
		ra->holding = false;
		if (ra->reader_waits && ra->read - ra->done <= RING / 2 &&
		    ra->bytes <= BUDGET / 2)
			pthread_cond_signal(&ra->freed);
	}
	while (ra->read == ra->done) {
		ra->caller_waits = true;
		pthread_cond_wait(&ra->filled, &ra->mu);
	}
	ra->caller_waits = false;
	ra->holding = true;
	s = &ra->ring[ra->done % RING];
	next = ra->read - ra->done > 1 ? &ra->ring[(ra->done + 1) % RING] :
	    NULL;
	pthread_mutex_unlock(&ra->mu);
	/*
	 * The next file's bytes are in the reader's cache, on the other
	 * core: fetched now, they come over while this one is parsed.
	 */
	if (next != NULL && next->err == 0)
		for (size_t at = 0; at < next->b.len && at < PREFETCH;
		    at += 64)
			__builtin_prefetch(next->b.s + at);
	return s->err == 0 ? &s->b : NULL;
}

void
readahead_stop(struct readahead *ra)
{
	if (ra == NULL)
		return;
	pthread_mutex_lock(&ra->mu);
	ra->stop = true;
	pthread_cond_signal(&ra->freed);
	pthread_mutex_unlock(&ra->mu);
	pthread_join(ra->thread, NULL);
	for (size_t i = 0; i < RING; i++)
		buf_free(&ra->ring[i].b);
	pthread_cond_destroy(&ra->freed);
	pthread_cond_destroy(&ra->filled);
	pthread_mutex_destroy(&ra->mu);
	free(ra);
}
