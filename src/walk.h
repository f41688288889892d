/*
 * The walk of ROOT/entries: every *.yaml file with a valid ID for a
 * name, at most four directory levels down (YYYY/MM/...), sorted by full
 * path, read through directory descriptors without following symbolic
 * links.  What is not an entry is passed to an optional callback so
 * that check can report it and readers can warn.  A directory that
 * cannot be read, or a file whose stat data cannot be had, is reported
 * and the walk goes on: the functions return -1 then, 0 otherwise.
 */
#ifndef DL_WALK_H
#define DL_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

struct entry;
struct entry_list;
struct stat;

/* What the derived index compares to see that a file is unchanged. */
struct file_stat {
	uint64_t	ino, size;
	int64_t		mtime_s, ctime_s;
	uint32_t	mtime_ns, ctime_ns;
};

/* The stat data of a regular file (not a link); false when none. */
bool	entry_file_stat(const char *path, struct file_stat *);
/* The same for a directory, relative to dirfd. */
bool	dir_stat_at(int dirfd, const char *path, struct file_stat *);
/* The stat data of what fstat(2) or fstatat(2) gave. */
void	file_stat_from(struct file_stat *, const struct stat *);

/* Why a path under entries/ that the walk passed over is not an entry. */
enum not_entry {
	NOT_ENTRY_TEMPORARY,	/* .ID.yaml.tmp-XXXXXX of a write */
	NOT_ENTRY_LINK,		/* a symbolic link: never followed */
	NOT_ENTRY_DIRECTORY,	/* hidden, or deeper than YYYY/MM/... */
	NOT_ENTRY_NAME,		/* *.yaml whose name is not a valid ID */
	NOT_ENTRY_SPECIAL,	/* *.yaml that is a FIFO, device or socket */
	NOT_ENTRY_OTHER		/* anything else */
};
enum not_entry walk_not_entry(const char *path);

/* What a NOT_ENTRY_SPECIAL path is: "a FIFO", "a character device"... */
const char *walk_special_kind(const char *path);

/* A callback for readers: warn about links and badly named *.yaml. */
void	walk_warn_not_entry(const char *path, void *arg);

/* NAME.yaml with a valid ID for NAME: a name the walk takes for an entry. */
bool	walk_entry_name(const char *name);

/* How deep the walk reads: entries/ is 0, entries/YYYY/MM is 2. */
#define WALK_MAX_DEPTH	4

struct entry_file {
	const char	*path;		/* ROOT/entries/... */
	struct file_stat st;
};

/* A directory the walk read, with its stat data from before the read. */
struct walk_dir {
	const char	*path;		/* ROOT/entries, ROOT/entries/YYYY, ... */
	struct file_stat st;
};

/*
 * The walk with the stat data of every entry file and of every
 * directory read, for the index.  The files and the directories, each
 * sorted by path, live until walk_tree_free.  Large trees are walked by
 * two threads, a directory at a time.
 */
struct walk_tree {
	struct entry_file	*files;
	size_t			 nfiles;
	struct walk_dir		*dirs;
	size_t			 ndirs;
	struct arena		 arena;
};

int	walk_tree(const char *root, struct walk_tree *,
	    void (*other)(const char *path, void *), void *arg);
void	walk_tree_free(struct walk_tree *);

/* The same walk, only the paths (no stat calls: d_type will do). */
int	walk_paths(const char *root, char ***paths, size_t *n,
	    void (*other)(const char *path, void *), void *arg);
void	walk_paths_free(char **paths, size_t n);

/*
 * Every entry file read whole, one at a time, in the order of the walk:
 * fn gets each entry that loads and owns it.  Files that do not load are
 * reported (65) and skipped; other, when given, sees every path that is
 * not an entry.  arg goes to both.  *nfiles (unless NULL) counts the
 * entry files, loaded or not.  Returns -1 when a directory could not be
 * read (reported), else 0.
 */
int	walk_entries(const char *root, void (*fn)(struct entry *, void *),
	    void (*other)(const char *path, void *), void *arg,
	    size_t *nfiles);

/*
 * The same, each entry a view (entry_view_reusing) that fn looks at and
 * keeps nothing of: no string is copied or freed per entry.  The walk
 * comes first (other sees what is not an entry then), and the files are
 * read after it, in its order, ahead in a second thread (readahead.h).
 */
int	walk_views(const char *root, void (*fn)(const struct entry *, void *),
	    void (*other)(const char *path, void *), void *arg,
	    size_t *nfiles);

/* Every entry read whole, sorted by entry_cmp. */
int	walk_load_all(const char *root, struct entry_list *);

#endif
