/*
 * Drafts: what a person writes in the editor, kept in ROOT/drafts/
 * until it is stored, so that nothing typed is lost when the editor
 * fails, the text does not load, or the entry changed meanwhile.
 *
 * A draft NAME is up to three files in drafts/:
 *
 *   NAME.yaml   the text (NAME.txt for a comment, which is not YAML);
 *   NAME.base   for an edit, the entry's text when the edit began: the
 *               edit replaces the entry only while it still holds that,
 *               and a resumed draft keeps it;
 *   NAME.lock   locked (an open file description lock, fcntl(2)
 *               F_OFD_SETLK) by the one dailylog process that owns the
 *               draft, and holding its process ID.
 *
 * A draft whose lock nobody holds is orphaned: its process ended, and
 * it may be resumed.  An edit's draft is named by the entry's ID; an
 * add's is add-TIME-PID and has no base; a comment's is comment-ID and
 * has none either.  Functions return 0, or -1 after a message (diag.h).
 */
#ifndef DL_DRAFT_H
#define DL_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct store;

/* A comment's draft: comment-ID, its text drafts/comment-ID.txt. */
#define DRAFT_COMMENT_PREFIX	"comment-"

struct draft {
	char		*name;
	char		*path;		/* drafts/NAME.yaml */
	char		*base;		/* drafts/NAME.base */
	char		*lock;		/* drafts/NAME.lock */
	int		 lockfd;	/* held from draft_take to draft_release */
	ino_t		 ino;		/* the text's file at draft_note */
	struct timespec	 mtime;
};

/*
 * Make drafts/ and take draft name for this process, whether or not its
 * text exists yet.  A live dailylog that holds it is 75, and the message
 * names that process.
 */
int	draft_take(const struct store *, const char *name, struct draft *);

/*
 * The newest orphaned add draft, taken: 1 when there is no add draft
 * at all, 75 when every one is open in another process.
 */
int	draft_take_newest_add(const struct store *, struct draft *);

/* Whether the draft has its text (kept from an earlier session). */
bool	draft_exists(const struct draft *);

/*
 * Start an edit's draft afresh: base and the text, both the entry's
 * text, the base written first, then one flush of drafts/ for both.  A
 * power loss before that flush may leave a draft without its base: it
 * is refused, never stored over the entry (dailylog-edit(1)).
 */
int	draft_begin(struct draft *, const char *text, size_t len);

/*
 * The draft's base into *text (a new string).  A draft without one (an
 * older dailylog's) gives 0 with *text NULL.
 */
int	draft_read_base(const struct draft *, char **text, size_t *len);

/*
 * Merge the change from the draft's base to now (len bytes, what the
 * entry holds now) into the draft with diff3(1), and make now its base.
 * Where both changed the same lines the draft holds both between
 * conflict marks, which keep it from loading until they are resolved;
 * the message says so.  Without a base the draft is kept as it is.
 */
int	draft_merge(struct draft *, const char *now, size_t len);

/*
 * Note the text's file before the editor opens it, so that draft_saved
 * tells whether the editor wrote it (saved, even unchanged) or quit
 * without saving.
 */
int	draft_note(struct draft *);
bool	draft_saved(const struct draft *);

/* Remove the draft's files (its text was stored, or nothing changed). */
void	draft_remove(struct draft *);

/* Give the draft up, its text kept for later; harmless twice. */
void	draft_release(struct draft *);

/* What is in drafts/. */
enum draft_kind {
	DRAFT_ADD,		/* add-TIME-PID.yaml without a base */
	DRAFT_EDIT,		/* ID.yaml, an edit of entry ID */
	DRAFT_COMMENT,		/* comment-ID.txt, a comment on entry ID */
	DRAFT_LEFTOVER		/* a temporary file, or a base or lock alone */
};

struct draft_info {
	enum draft_kind	 kind;
	char		*name;		/* NAME, or the leftover's file name */
	char		*path;
	struct timespec	 mtime;
	pid_t		 owner;		/* the process holding it, or 0 */
	char		*title;		/* as far as the text loads, or NULL */
};

/*
 * Everything in drafts/, drafts newest first, then leftovers by name; a
 * leftover of a draft that is open (a write in progress) is not one.
 * Nothing is locked or changed.  A new array in *v.
 */
int	draft_list(const struct store *, struct draft_info **v, size_t *n);
void	draft_list_free(struct draft_info *, size_t);

#endif
