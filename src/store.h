/*
 * The store: finding it, its settings, scanning entries/, resolving
 * references, atomic creation and replacement, and the advisory lock.
 */
#ifndef DL_STORE_H
#define DL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct entry;
struct globals;

struct store {
	char	*root;		/* the store directory */
	char	*author;	/* from dailylog.yaml, or NULL */
	char	*lang;		/* "ja" or "en" */
	int	 lockfd;	/* -1 unless locked */
};

struct entry_list {
	struct entry	**v;
	size_t		  n;
};

/*
 * Find the store by the lookup order of dailylog(1) and read its settings.
 * On failure the store is closed again.
 */
int	store_open(const struct globals *, struct store *);

/*
 * The same, but bad settings (EXIT_DATAERR, reported) leave the store
 * open with defaults, for check to go on; close it in every case.
 */
int	store_open_any(const struct globals *, struct store *);
void	store_close(struct store *);

/* The directory init creates when given none. */
char	*store_default_dir(const struct globals *);
int	store_init(const char *dir, const char *lang, const char *author);

/*
 * Every entry, sorted by entry_cmp.  Files that do not load are reported
 * and skipped; *bad is set to EXIT_DATAERR (or another status) then.
 * The callback, when given, sees every path that is not an entry
 * (temporary files, bad names) for check to report.
 */
int	store_load_all(struct store *, struct entry_list *, int *bad);

/*
 * One entry file read whole into a new entry; NULL after a report, with
 * *bad set as store_load_all sets it.
 */
struct entry *store_load_entry(const char *path, int *bad);
void	entry_list_free(struct entry_list *);
/* Append e (owned by the list from now on). */
void	entry_list_add(struct entry_list *, struct entry *);

/*
 * An entry by full ID, unique ID prefix, or SERIES:PART.  Returns 0,
 * EXIT_NOTFOUND (reported, with candidates when ambiguous) or another
 * status.
 */
int	store_resolve(struct store *, const char *ref, struct entry **);
/* The same, SERIES:PART among summaries the caller has (index_load). */
int	store_resolve_in(struct store *, const struct entry_list *summaries,
	    const char *ref, struct entry **);

/*
 * Store a new entry.  Under the lock: gives it the next part of its
 * series when e->part is 0 (auto_part), refuses a taken part (73), makes
 * an ID, writes entries/YYYY/MM/ID.yaml atomically without ever
 * replacing a file.  Sets e->id and e->path.
 */
int	store_add(struct store *, struct entry *);

/*
 * 0 when part of series is free (files other than except), else 73
 * after a message.  Call under the lock.
 */
int	store_part_free(struct store *, const char *series, long part,
	    const char *except);

/* Take and release the store's advisory lock (75 after DAILYLOG_LOCK_TIMEOUT). */
int	store_lock(struct store *);
void	store_unlock(struct store *);

/* What the derived index compares to see that a file is unchanged. */
struct file_stat {
	uint64_t	ino, size;
	int64_t		mtime_s, ctime_s;
	uint32_t	mtime_ns, ctime_ns;
};

/* The stat data of a regular file (not a link); false when none. */
bool	entry_file_stat(const char *path, struct file_stat *);

struct entry_file {
	char		*path;
	struct file_stat st;
};

/* Why a path under entries/ that the walk passed over is not an entry. */
enum not_entry {
	NOT_ENTRY_TEMPORARY,	/* .ID.yaml.tmp-XXXXXX of a write */
	NOT_ENTRY_LINK,		/* a symbolic link: never followed */
	NOT_ENTRY_DIRECTORY,	/* hidden, or deeper than YYYY/MM/... */
	NOT_ENTRY_NAME,		/* *.yaml whose name is not a valid ID */
	NOT_ENTRY_OTHER		/* anything else */
};
enum not_entry store_not_entry(const char *path);

/* A walk callback for readers: warn about links and badly named *.yaml. */
void	store_warn_not_entry(const char *path, void *arg);

/*
 * Walk the entry files (*.yaml under entries/) with their stat data,
 * sorted by path.  The callback, when given, sees every path that is
 * not an entry.
 */
int	store_entry_files(struct store *, struct entry_file **, size_t *n,
	    void (*other)(const char *path, void *), void *arg);
void	entry_files_free(struct entry_file *, size_t);

/* The same walk, only the paths. */
int	store_entry_paths(struct store *, char ***paths, size_t *n,
	    void (*other)(const char *path, void *), void *arg);

/*
 * Every entry file read whole, one at a time, in the order of the walk:
 * fn gets each entry that loads and owns it.  Files that do not load are
 * reported and skipped with *bad set as store_load_all sets it; other,
 * when given, sees every path that is not an entry.  arg goes to both.
 * *nfiles (unless NULL) counts the entry files, loaded or not.
 */
int	store_each_entry(struct store *, void (*fn)(struct entry *, void *),
	    void (*other)(const char *path, void *), void *arg,
	    size_t *nfiles, int *bad);

#endif
