/* sync and resolve (sync.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "catalog.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "editor.h"
#include "entry.h"
#include "fsio.h"
#include "git.h"
#include "index.h"
#include "merge.h"
#include "settings.h"
#include "store.h"
#include "sync.h"
#include "yaml_read.h"
#include "yaml_write.h"

#define CONFLICTS_DIR	".dailylog-conflicts"
#define SYNC_MARK	".dailylog-sync"
#define SYNC_TRIES	3	/* pushes refused because the remote moved on */
#define TEXT_MAX	(ENTRY_MAX_FILE + 64 * 1024)

static const char *const choice_words[] = { "mine", "theirs", "edited" };

/* --- conflicts kept for resolve: ROOT/.dailylog-conflicts/KEY/ --- */

struct record {
	char		*key;		/* its directory's name */
	char		*path;		/* the file in the common commit */
	char		*mine_path;	/* where each side has it; NULL: */
	char		*theirs_path;	/* removed on that side */
	char		*base, *mine, *theirs;	/* blob IDs, "" for none */
	struct strlist	 fields;	/* what conflicts */
	int		 choice;	/* enum resolve_choice, -1 undecided */
	bool		 used;		/* matched by this sync */
};

struct records {
	struct record	*v;
	size_t		 n;
};

static void
record_free(struct record *r)
{
	free(r->key);
	free(r->path);
	free(r->mine_path);
	free(r->theirs_path);
	free(r->base);
	free(r->mine);
	free(r->theirs);
	strlist_free(&r->fields);
}

static void
records_free(struct records *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		record_free(&rs->v[i]);
	free(rs->v);
	rs->v = NULL;
	rs->n = 0;
}

/* What a reader calls the file: an entry's ID, else its path. */
static void
file_label(struct buf *b, const char *path)
{
	const char *base = strrchr(path, '/');

	if (!merge_is_entry_path(path)) {
		buf_adds(b, path);
		return;
	}
	base = base ? base + 1 : path;
	buf_add(b, base, strlen(base) - 5);
}

/* The key of a file: an entry's ID, else its path with '%' for '/'. */
static char *
record_key(const char *path)
{
	struct buf k = BUF_INIT;

	file_label(&k, path);
	for (char *s = k.s; *s; s++)
		if (*s == '/')
			*s = '%';
	return buf_detach(&k);
}

/* ROOT/.dailylog-conflicts/KEY/NAME, or the directory when NAME is NULL. */
static char *
record_file(const struct store *st, const char *key, const char *name)
{
	struct buf p = BUF_INIT;

	buf_addf(&p, "%s/%s/%s%s%s", st->root, CONFLICTS_DIR, key,
	    name ? "/" : "", name ? name : "");
	return buf_detach(&p);
}

static void
yaml_quoted(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; s != NULL && *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void
record_to_yaml(const struct record *r, struct buf *b)
{
	buf_adds(b, "# A conflict kept by dailylog sync; dailylog-resolve(1)."
	    "\n");
	buf_adds(b, "path: ");
	yaml_quoted(b, r->path);
	if (r->mine_path != NULL) {
		buf_adds(b, "\nmine-path: ");
		yaml_quoted(b, r->mine_path);
	}
	if (r->theirs_path != NULL) {
		buf_adds(b, "\ntheirs-path: ");
		yaml_quoted(b, r->theirs_path);
	}
	buf_adds(b, "\nbase: ");
	yaml_quoted(b, r->base);
	buf_adds(b, "\nmine: ");
	yaml_quoted(b, r->mine);
	buf_adds(b, "\ntheirs: ");
	yaml_quoted(b, r->theirs);
	buf_adds(b, "\nfields: [");
	for (size_t i = 0; i < r->fields.n; i++) {
		if (i > 0)
			buf_adds(b, ", ");
		yaml_quoted(b, r->fields.v[i]);
	}
	buf_adds(b, "]\n");
	if (r->choice >= 0)
		buf_addf(b, "choice: %s\n", choice_words[r->choice]);
}

static char *
get_string(const struct ynode *root, const char *key)
{
	const struct ynode *v = ynode_get(root, key);

	return v != NULL && v->type == Y_SCALAR ? xstrdup(v->s) : NULL;
}

/* One record; false (after a message) when it does not read. */
static bool
record_read(const struct store *st, const char *key, struct record *r)
{
	char *path = record_file(st, key, "record.yaml");
	const struct ynode *v;
	struct ynode root;
	bool ok;

	memset(r, 0, sizeof(*r));
	r->choice = -1;
	ok = settings_read(path, 64 * 1024, false, &root) == 0;
	if (ok) {
		r->key = xstrdup(key);
		r->path = get_string(&root, "path");
		r->mine_path = get_string(&root, "mine-path");
		r->theirs_path = get_string(&root, "theirs-path");
		r->base = get_string(&root, "base");
		r->mine = get_string(&root, "mine");
		r->theirs = get_string(&root, "theirs");
		if ((v = ynode_get(&root, "fields")) != NULL &&
		    v->type == Y_SEQ)
			for (size_t i = 0; i < v->nkids; i++)
				if (v->kids[i].type == Y_SCALAR)
					strlist_add(&r->fields, v->kids[i].s);
		if ((v = ynode_get(&root, "choice")) != NULL &&
		    v->type == Y_SCALAR)
			for (int i = 0; i < 3; i++)
				if (strcmp(v->s, choice_words[i]) == 0)
					r->choice = i;
		ok = r->path && r->base && r->mine && r->theirs;
		if (!ok)
			diag_error(EXIT_DATAERR, path, nopos, "not a conflict "
			    "record of dailylog sync (remove its directory)");
		ynode_free(&root);
	}
	if (!ok)
		record_free(r);
	free(path);
	return ok;
}

static int
cmp_record(const void *a, const void *b)
{
	return strcmp(((const struct record *)a)->key,
	    ((const struct record *)b)->key);
}

/* Every record kept, sorted; none when the directory is missing. */
static void
records_load(const struct store *st, struct records *rs)
{
	char *dir = path_join(st->root, CONFLICTS_DIR);
	struct dirent *de;
	DIR *d;

	rs->v = NULL;
	rs->n = 0;
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			struct record r;

			if (de->d_name[0] == '.' ||
			    !record_read(st, de->d_name, &r))
				continue;
			rs->v = xreallocarray(rs->v, rs->n + 1,
			    sizeof(*rs->v));
			rs->v[rs->n++] = r;
		}
		closedir(d);
	}
	if (rs->n > 1)
		qsort(rs->v, rs->n, sizeof(*rs->v), cmp_record);
	free(dir);
}

/* A file of a record, or "" when the record has none (b untouched). */
static bool
record_text(const struct store *st, const struct record *r,
    const char *name, struct buf *b)
{
	char *path = record_file(st, r->key, name), *text;
	size_t len;
	bool ok = false;

	if (access(path, F_OK) == 0 &&
	    file_read(path, TEXT_MAX, &text, &len) == 0) {
		buf_add(b, text, len);
		buf_adds(b, "");
		free(text);
		ok = true;
	}
	free(path);
	return ok;
}

static void
record_remove(const struct store *st, const char *key)
{
	static const char *const names[] = {
		"record.yaml", "mine.yaml", "theirs.yaml", "base.yaml",
		"resolved.yaml", "edit.yaml",
	};
	char *dir = record_file(st, key, NULL), *conflicts;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = record_file(st, key, names[i]);

		unlink(p);
		free(p);
	}
	rmdir(dir);
	conflicts = path_join(st->root, CONFLICTS_DIR);
	rmdir(conflicts);	/* only when it is empty now */
	free(conflicts);
	free(dir);
}

/* Write a record with its texts (NULL: none), replacing what it had. */
static int
record_write(struct store *st, const struct record *r, const struct buf *base,
    const struct buf *mine, const struct buf *theirs,
    const struct buf *resolved)
{
	const struct buf *texts[] = { base, mine, theirs, resolved };
	static const char *const names[] = {
		"base.yaml", "mine.yaml", "theirs.yaml", "resolved.yaml",
	};
	struct buf rel = BUF_INIT, y = BUF_INIT;
	char *p;
	int rc;

	buf_addf(&rel, "%s/%s", CONFLICTS_DIR, r->key);
	if ((rc = fsio_mkdirs(st->root, rel.s)) != 0)
		goto out;
	for (size_t i = 0; i < 4 && rc == 0; i++) {
		p = record_file(st, r->key, names[i]);
		if (texts[i] != NULL)
			rc = fsio_store_file(p, texts[i]->s ? texts[i]->s : "",
			    texts[i]->len, FSIO_REPLACE);
		else if (i == 3)
			unlink(p);
		free(p);
	}
	if (rc == 0) {
		record_to_yaml(r, &y);
		p = record_file(st, r->key, "record.yaml");
		rc = fsio_store_file(p, y.s, y.len, FSIO_REPLACE);
		free(p);
	}
out:
	buf_free(&rel);
	buf_free(&y);
	return rc;
}

/* --- one sync --- */

/* One side's change of one file, from git diff --raw. */
struct change {
	char		 status;	/* A, M, D, R (T counts as M) */
	char		*from, *to;	/* to differs only for R */
	char		*old, *new;	/* blob IDs, "" for none */
};

struct changes {
	struct change	*v;
	size_t		 n;
};

/* A file both sides changed, and what it is to be. */
struct pair {
	const char	*path;		/* in the common commit */
	const char	*mine_path;	/* NULL: removed here */
	const char	*theirs_path;	/* NULL: removed there */
	const char	*final;		/* where the result goes */
	const char	*base, *mine, *theirs;
	struct buf	 btext, mtext, ttext;
	bool		 entry;
	bool		 decided;	/* result is known */
	bool		 deleted;	/* the result is no file */
	bool		 conflict;	/* stops sync */
	struct buf	 result;
	struct strlist	 fields;
	struct record	*rec;		/* the record it came from, or NULL */
	char		*owned[4];	/* what the pointers above own */
};

struct sync {
	struct ctx	*ctx;
	struct store	*st;
	struct git	 g;
	char		*branch, *remote, *rbranch, *track;
	bool		 has_upstream;	/* branch.NAME.remote is set */
	char		*head, *up, *base;
	char		*driver;	/* -c merge.dailylog.driver=... */
	struct changes	 mine, theirs;
	struct pair	*pairs;
	size_t		 npairs;
	struct records	 recs;
	size_t		 received, merged, renumbered;
};

static void
changes_free(struct changes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].from);
		free(c->v[i].to);
		free(c->v[i].old);
		free(c->v[i].new);
	}
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

static void
pairs_free(struct sync *s)
{
	for (size_t i = 0; i < s->npairs; i++) {
		struct pair *p = &s->pairs[i];

		buf_free(&p->btext);
		buf_free(&p->mtext);
		buf_free(&p->ttext);
		buf_free(&p->result);
		strlist_free(&p->fields);
		for (int k = 0; k < 4; k++)
			free(p->owned[k]);
	}
	free(s->pairs);
	s->pairs = NULL;
	s->npairs = 0;
}

/* The first line of the last command's output, or NULL. */
static char *
out_line(const struct git *g)
{
	size_t n = strcspn(g->out.s, "\n");

	return n > 0 ? xstrndup(g->out.s, n) : NULL;
}

/* The first line git prints for these arguments, or NULL on failure. */
static char *
git_line(struct sync *s, const char *const *argv)
{
	return git_runv(&s->g, argv) == 0 ? out_line(&s->g) : NULL;
}

static bool
exists(const struct sync *s, const char *rel)
{
	char *p = path_join(s->st->root, rel);
	struct stat sb;
	bool yes = lstat(p, &sb) == 0;

	free(p);
	return yes;
}

/* The branch, its remote and the remote's branch it follows. */
static int
find_upstream(struct sync *s)
{
	struct buf key = BUF_INIT;
	char *merge;

	s->branch = git_line(s, (const char *[]){ "symbolic-ref", "-q",
	    "--short", "HEAD", NULL });
	if (s->branch == NULL) {
		diag_fail(EXIT_TEMPFAIL, "%s is not on a branch (a detached "
		    "HEAD): check one out (git -C %s switch BRANCH), then "
		    "sync", s->st->root, s->st->root);
		return -1;
	}
	buf_addf(&key, "branch.%s.remote", s->branch);
	s->remote = git_line(s, (const char *[]){ "config", key.s, NULL });
	s->has_upstream = s->remote != NULL;
	buf_reset(&key);
	buf_addf(&key, "branch.%s.merge", s->branch);
	merge = git_line(s, (const char *[]){ "config", key.s, NULL });
	if (s->remote == NULL && git_run(&s->g, "remote", (char *)NULL) == 0) {
		/* origin, else the only remote there is. */
		const char *o = s->g.out.s;
		size_t n = strcspn(o, "\n");

		if (strstr(o, "origin\n") == o || strstr(o, "\norigin\n"))
			s->remote = xstrdup("origin");
		else if (n > 0 && o[n] == '\n' && o[n + 1] == '\0')
			s->remote = xstrndup(o, n);
	}
	if (s->remote == NULL) {
		diag_fail(EXIT_NOINPUT, "%s has no remote to sync with: add "
		    "the team's repository with 'git -C %s remote add origin "
		    "URL', then sync", s->st->root, s->st->root);
		free(merge);
		buf_free(&key);
		return -1;
	}
	s->rbranch = xstrdup(merge != NULL && strncmp(merge, "refs/heads/",
	    11) == 0 ? merge + 11 : s->branch);
	buf_reset(&key);
	buf_addf(&key, "refs/remotes/%s/%s", s->remote, s->rbranch);
	s->track = buf_detach(&key);
	free(merge);
	return 0;
}

/*
 * No git rebase or merge in progress; one that an interrupted sync left
 * (its mark is there) is undone.
 */
static int
check_idle(struct sync *s)
{
	static const char *const busy[] = {
		"rebase-merge", "rebase-apply", "MERGE_HEAD",
	};
	char *mark = path_join(s->st->root, SYNC_MARK);
	bool marked = access(mark, F_OK) == 0, busy_now = false;
	int rc = 0;

	for (size_t i = 0; i < 3 && !busy_now; i++) {
		char *p = git_line(s, (const char *[]){ "rev-parse",
		    "--git-path", busy[i], NULL });

		busy_now = p != NULL && exists(s, p);
		free(p);
	}
	if (busy_now && marked) {
		if (git_run(&s->g, "rebase", "--abort", (char *)NULL) != 0)
			rc = git_fail(&s->g, EXIT_IOERR, "cannot undo the "
			    "rebase of an interrupted sync");
		else
			diag("undid the rebase of a sync that was interrupted");
	} else if (busy_now) {
		diag_fail(EXIT_TEMPFAIL, "a git rebase or merge is in progress "
		    "in %s: finish it, or abort it (git -C %s rebase --abort), "
		    "then sync", s->st->root, s->st->root);
		rc = -1;
	}
	if (rc == 0 && marked)
		unlink(mark);
	free(mark);
	return rc;
}

/* Whether rel is one of the store's shared files. */
static bool
is_store_file(const char *rel)
{
	static const char *const dirs[] = {
		"entries/", "comments/", "series/", "templates/",
	};

	for (size_t i = 0; i < 4; i++)
		if (strncmp(rel, dirs[i], strlen(dirs[i])) == 0)
			return true;
	return strcmp(rel, "dailylog.yaml") == 0;
}

/*
 * No change to a tracked file that is not committed: a rebase could not
 * go on, and sync commits only what dailylog wrote.  Store files that
 * git does not know are not shared: said, not refused.
 */
static int
check_clean(struct sync *s)
{
	struct buf dirty = BUF_INIT;
	const char *p, *end;
	size_t n = 0;
	int rc = 0, st;

	if ((st = git_run(&s->g, "status", "--porcelain", "-z",
	    "--untracked-files=all", "--no-renames", (char *)NULL)) != 0)
		return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot "
		    "read the state of %s", s->st->root);
	for (p = s->g.out.s, end = p + s->g.out.len; p + 3 < end;
	    p += strlen(p) + 1) {
		const char *path = p + 3;

		if (p[0] == '?' && p[1] == '?') {
			if (is_store_file(path))
				diag_warn(path, nopos, "not in git, so not "
				    "shared: commit it (git -C %s add %s; git "
				    "-C %s commit) or remove it", s->st->root,
				    path, s->st->root);
			continue;
		}
		if (n++ < 4)
			buf_addf(&dirty, "%s%s", n > 1 ? ", " : "", path);
	}
	if (n > 0) {
		diag_fail(EXIT_TEMPFAIL, "%s has changes that are not "
		    "committed: %s%s; commit them (git -C %s commit FILE...) "
		    "or undo them (git -C %s checkout FILE...), then sync",
		    s->st->root, dirty.s, n > 4 ? ", ..." : "", s->st->root,
		    s->st->root);
		rc = -1;
	}
	buf_free(&dirty);
	return rc;
}

/* An all-zero blob ID (git's "none") as "". */
static char *
blob_id(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] == '0'; i++)
		;
	return i == n ? xstrdup("") : xstrndup(s, n);
}

/* What changed from commit a to commit b, renames found as git finds them. */
static int
diff_changes(struct sync *s, const char *a, const char *b, struct changes *c)
{
	const char *p, *end;
	int st;

	c->v = NULL;
	c->n = 0;
	if ((st = git_run(&s->g, "diff", "--raw", "-z", "-M", "--no-abbrev",
	    "--no-ext-diff", "--no-textconv", a, b, (char *)NULL)) != 0)
		return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot "
		    "compare %.12s with %.12s", a, b);
	/* ":MODE MODE OLD NEW STATUS\0PATH\0" (and a second path for R). */
	for (p = s->g.out.s, end = p + s->g.out.len; p < end && *p == ':'; ) {
		const char *f[5], *q = p + 1;
		struct change ch;
		size_t k = 0;

		while (k < 5 && q < end) {
			f[k++] = q;
			q += strcspn(q, k < 5 ? " " : "") + (k < 5);
		}
		if (k < 5)
			break;
		memset(&ch, 0, sizeof(ch));
		ch.status = f[4][0] == 'T' ? 'M' : f[4][0];
		ch.old = blob_id(f[2], (size_t)(f[3] - f[2] - 1));
		ch.new = blob_id(f[3], (size_t)(f[4] - f[3] - 1));
		p = f[4] + strlen(f[4]) + 1;
		ch.from = xstrdup(p);
		p += strlen(p) + 1;
		if (ch.status == 'R' || ch.status == 'C') {
			ch.to = xstrdup(p);
			p += strlen(p) + 1;
		} else
			ch.to = xstrdup(ch.from);
		if (ch.status == 'C')
			ch.status = 'A';
		c->v = xreallocarray(c->v, c->n + 1, sizeof(*c->v));
		c->v[c->n++] = ch;
	}
	return 0;
}

static int
read_blob(struct sync *s, const char *id, struct buf *b)
{
	int st;

	buf_reset(b);
	buf_adds(b, "");
	if (*id == '\0')
		return 0;
	if ((st = git_run(&s->g, "cat-file", "blob", id, (char *)NULL)) != 0)
		return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot read "
		    "%.12s", id);
	buf_add(b, s->g.out.s, s->g.out.len);
	return 0;
}

static struct record *
record_find(struct sync *s, const char *path)
{
	for (size_t i = 0; i < s->recs.n; i++)
		if (strcmp(s->recs.v[i].path, path) == 0)
			return &s->recs.v[i];
	return NULL;
}

/* The decision of a record, when it was made for these very versions. */
static bool
take_record(struct sync *s, struct pair *p)
{
	struct record *r = record_find(s, p->path);

	if (r == NULL)
		return false;
	if (strcmp(r->base, p->base) != 0 || strcmp(r->mine, p->mine) != 0 ||
	    strcmp(r->theirs, p->theirs) != 0)
		return false;	/* stale: either side changed it since */
	r->used = true;
	p->rec = r;
	if (r->choice < 0) {
		p->conflict = true;
		for (size_t i = 0; i < r->fields.n; i++)
			strlist_add(&p->fields, r->fields.v[i]);
		return true;
	}
	p->decided = true;
	p->deleted = !record_text(s->st, r, "resolved.yaml", &p->result);
	return true;
}

/*
 * Merge what both sides did to one file, in memory: an entry field by
 * field; a file removed on one side and changed on the other, or moved
 * to two places, conflicts; other files are left to git's merge.
 */
static int
evaluate(struct sync *s, struct pair *p)
{
	int rc;

	p->final = p->mine_path ? p->mine_path : p->theirs_path;
	p->entry = merge_is_entry_path(p->final ? p->final : p->path);
	if (take_record(s, p))
		return 0;
	if (p->mine_path == NULL || p->theirs_path == NULL)
		strlist_add(&p->fields, p->mine_path == NULL ?
		    "removed here, changed on the remote" :
		    "changed here, removed on the remote");
	else if (strcmp(p->mine_path, p->theirs_path) != 0)
		strlist_add(&p->fields, "moved to two places");
	else if (!p->entry)
		return 0;
	if (p->fields.n > 0) {
		p->conflict = true;
		return 0;
	}
	if (read_blob(s, p->base, &p->btext) != 0 ||
	    read_blob(s, p->mine, &p->mtext) != 0 ||
	    read_blob(s, p->theirs, &p->ttext) != 0)
		return -1;
	rc = merge_texts(p->final, *p->base ? p->btext.s : NULL,
	    p->btext.len, p->mtext.s, p->mtext.len, p->ttext.s, p->ttext.len,
	    MERGE_MINE, &p->result, &p->fields);
	if (rc < 0)
		strlist_add(&p->fields, "a version that does not load");
	if (rc != 0)
		p->conflict = true;
	else
		p->decided = true;
	return 0;
}

/* Pair the files both sides changed since base, and merge each. */
static int
make_pairs(struct sync *s)
{
	for (size_t i = 0; i < s->mine.n; i++)
		for (size_t j = 0; j < s->theirs.n; j++) {
			const struct change *m = &s->mine.v[i];
			const struct change *t = &s->theirs.v[j];
			struct pair *p;

			if (strcmp(m->from, t->from) != 0)
				continue;
			/* The same change on both sides is no question. */
			if (strcmp(m->new, t->new) == 0 &&
			    strcmp(m->to, t->to) == 0)
				continue;
			s->pairs = xreallocarray(s->pairs, s->npairs + 1,
			    sizeof(*s->pairs));
			p = &s->pairs[s->npairs++];
			memset(p, 0, sizeof(*p));
			p->path = m->from;
			p->mine_path = m->status == 'D' ? NULL : m->to;
			p->theirs_path = t->status == 'D' ? NULL : t->to;
			p->base = m->old;
			p->mine = m->new;
			p->theirs = t->new;
			if (evaluate(s, p) != 0)
				return -1;
		}
	return 0;
}

/* Keep each conflict for resolve, and say how to decide it. */
static int
keep_conflicts(struct sync *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->npairs; i++) {
		struct pair *p = &s->pairs[i];
		struct buf fields = BUF_INIT;
		struct record r;
		char *dir, *label;

		if (!p->conflict)
			continue;
		n++;
		memset(&r, 0, sizeof(r));
		r.key = record_key(p->path);
		r.path = (char *)p->path;
		r.mine_path = (char *)p->mine_path;
		r.theirs_path = (char *)p->theirs_path;
		r.base = (char *)p->base;
		r.mine = (char *)p->mine;
		r.theirs = (char *)p->theirs;
		r.fields = p->fields;
		r.choice = -1;
		if (p->rec == NULL && ((p->btext.len == 0 &&
		    read_blob(s, p->base, &p->btext) != 0) ||
		    (p->mtext.len == 0 && read_blob(s, p->mine,
		    &p->mtext) != 0) || (p->ttext.len == 0 &&
		    read_blob(s, p->theirs, &p->ttext) != 0) ||
		    record_write(s->st, &r, *p->base ? &p->btext : NULL,
		    *p->mine ? &p->mtext : NULL, *p->theirs ? &p->ttext : NULL,
		    NULL) != 0)) {
			free(r.key);
			return -1;
		}
		label = path_join(s->st->root, p->path);
		merge_names(&fields, &p->fields);
		dir = record_file(s->st, r.key, NULL);
		diag_error(EXIT_DATAERR, label, nopos, "changed here and on "
		    "the remote (%s); both versions are kept in %s/", fields.s,
		    dir);
		free(label);
		free(dir);
		free(r.key);
		buf_free(&fields);
	}
	diag("sync stopped before changing anything: decide each with "
	    "'dailylog resolve REF --ours' (keep yours), '--theirs' (take the "
	    "remote's) or 'dailylog resolve REF' (edit, with both); %zu "
	    "conflict%s", n, n == 1 ? "" : "s");
	return -1;
}

/* The pair whose file is at rel, in any of its places. */
static struct pair *
pair_at(struct sync *s, const char *rel)
{
	for (size_t i = 0; i < s->npairs; i++) {
		struct pair *p = &s->pairs[i];

		if (strcmp(p->path, rel) == 0 ||
		    (p->mine_path && strcmp(p->mine_path, rel) == 0) ||
		    (p->theirs_path && strcmp(p->theirs_path, rel) == 0))
			return p;
	}
	return NULL;
}

/* A path the rebase stopped on takes its pair's result. */
static int
apply_result(struct sync *s, const char *rel, struct pair *p)
{
	char *path = path_join(s->st->root, rel);
	int rc = 0, st;

	if (p->deleted)
		st = git_run(&s->g, "rm", "-q", "-f", "--ignore-unmatch", "--",
		    rel, (char *)NULL);
	else if ((rc = fsio_store_file(path, p->result.s, p->result.len,
	    FSIO_REPLACE)) == 0)
		st = git_run(&s->g, "add", "--", rel, (char *)NULL);
	if (rc == 0 && st != 0)
		rc = st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot settle "
		    "%s in the rebase", rel);
	free(path);
	return rc;
}

/* The blob ID of rel in commit rev, or "" when it has none there. */
static char *
blob_at(struct sync *s, const char *rev, const char *rel)
{
	struct buf spec = BUF_INIT;
	char *id;

	buf_addf(&spec, "%s:%s", rev, rel);
	id = git_line(s, (const char *[]){ "rev-parse", "-q", "--verify",
	    spec.s, NULL });
	buf_free(&spec);
	return id != NULL ? id : xstrdup("");
}

/*
 * The rebase stopped on files sync did not see coming (git's rename
 * detection went another way, or lines of another file clash): it is
 * undone whole, and those files are kept as conflicts.
 */
static int
unforeseen(struct sync *s, const struct strlist *paths)
{
	for (size_t i = 0; i < paths->n; i++) {
		struct pair *p = pair_at(s, paths->v[i]);

		if (p == NULL) {
			s->pairs = xreallocarray(s->pairs, s->npairs + 1,
			    sizeof(*s->pairs));
			p = &s->pairs[s->npairs++];
			memset(p, 0, sizeof(*p));
			p->owned[0] = xstrdup(paths->v[i]);
			p->path = p->mine_path = p->theirs_path = p->owned[0];
			p->base = p->owned[1] = blob_at(s, s->base, p->path);
			p->mine = p->owned[2] = blob_at(s, s->head, p->path);
			p->theirs = p->owned[3] = blob_at(s, s->up, p->path);
		}
		if (!p->conflict)
			strlist_add(&p->fields, "the same lines");
		p->conflict = true;
	}
	return keep_conflicts(s);
}

/* Rebase the local commits onto the remote's, settling what stops it. */
static int
rebase(struct sync *s)
{
	char *mark = path_join(s->st->root, SYNC_MARK);
	struct strlist stuck = { NULL, 0 }, surprise = { NULL, 0 };
	int rc = 0, st;

	if ((rc = fsio_store_file(mark, s->head, strlen(s->head),
	    FSIO_REPLACE)) != 0)
		goto out;
	st = git_run(&s->g, "-c", s->driver, "rebase", "-q", "--no-autostash",
	    s->up, (char *)NULL);
	while (st > 0 && rc == 0) {
		const char *p, *end;

		strlist_free(&stuck);
		if (git_run(&s->g, "diff", "--name-only", "-z",
		    "--diff-filter=U", (char *)NULL) != 0 ||
		    s->g.out.len == 0) {
			rc = git_fail(&s->g, EXIT_IOERR, "cannot rebase onto "
			    "%s", s->track);
			break;
		}
		for (p = s->g.out.s, end = p + s->g.out.len; p < end;
		    p += strlen(p) + 1) {
			const struct pair *pr = pair_at(s, p);

			strlist_add(&stuck, p);
			if (pr == NULL || !pr->decided)
				strlist_add(&surprise, p);
		}
		if (surprise.n > 0)
			break;
		for (size_t i = 0; i < stuck.n && rc == 0; i++)
			rc = apply_result(s, stuck.v[i],
			    pair_at(s, stuck.v[i]));
		if (rc == 0)
			st = git_run(&s->g, "-c", s->driver, "rebase",
			    "--continue", (char *)NULL);
	}
	if (st < 0)
		rc = -1;
	if (rc != 0 || st != 0) {
		(void)git_run(&s->g, "rebase", "--abort", (char *)NULL);
		if (rc == 0 && surprise.n > 0)
			(void)unforeseen(s, &surprise);
		rc = -1;
	}
out:
	unlink(mark);
	strlist_free(&stuck);
	strlist_free(&surprise);
	free(mark);
	return rc;
}

/* A file the rebase left missing, with its directories. */
static int
write_new_file(struct sync *s, const char *rel, const struct buf *text)
{
	const char *slash = strrchr(rel, '/');
	char *dir = slash ? xstrndup(rel, (size_t)(slash - rel)) : NULL;
	char *path = path_join(s->st->root, rel);
	int rc = dir != NULL ? fsio_mkdirs(s->st->root, dir) : 0;

	if (rc == 0)
		rc = fsio_store_file(path, text->s, text->len, FSIO_REPLACE);
	free(dir);
	free(path);
	return rc;
}

/* After the rebase, each merged file is exactly its merge; committed. */
static int
settle(struct sync *s, struct pair *p)
{
	const char *places[] = { p->final, p->mine_path, p->theirs_path };
	struct buf label = BUF_INIT, msg = BUF_INIT;
	char *path = NULL, *now = NULL;
	size_t len = 0;
	int rc = 0;

	if (!p->deleted) {
		path = path_join(s->st->root, p->final);
		if (access(path, F_OK) == 0)
			rc = file_read(path, TEXT_MAX, &now, &len);
	}
	if (rc == 0 && !p->deleted && (now == NULL || len != p->result.len ||
	    memcmp(now, p->result.s, len) != 0)) {
		struct entry new;

		/* An entry there is replaced through the catalog, as an edit
		 * is: only while it holds what was read here. */
		entry_init(&new);
		if (p->entry && now != NULL) {
			if ((rc = entry_load_buf(p->final, p->result.s,
			    p->result.len, &new, false)) == 0)
				rc = catalog_replace(s->st, path, now, len,
				    p->result.s, p->result.len, &new);
		} else if ((rc = write_new_file(s, p->final,
		    &p->result)) == 0)
			store_changed(s->st, path);
		entry_free(&new);
	}
	for (size_t i = 0; rc == 0 && i < 3; i++) {
		char *other;

		if (places[i] == NULL || (!p->deleted &&
		    strcmp(places[i], p->final) == 0))
			continue;
		other = path_join(s->st->root, places[i]);
		if (unlink(other) == 0)
			store_changed(s->st, other);
		free(other);
	}
	file_label(&label, p->path);
	if (p->rec != NULL)
		buf_addf(&msg, "resolve %s: %s", label.s,
		    p->rec->choice == RESOLVE_MINE ? "this side's version" :
		    p->rec->choice == RESOLVE_THEIRS ? "the remote's version" :
		    "as edited");
	else
		buf_addf(&msg, "merge %s: field by field", label.s);
	if (rc == 0)
		rc = git_commit_changes(s->ctx, "%s", msg.s);
	if (rc == 0 && p->rec == NULL) {
		diag("merged %s field by field", label.s);
		s->merged++;
	}
	free(path);
	free(now);
	buf_free(&label);
	buf_free(&msg);
	return rc;
}

/* --- renumbering parts that collided --- */

struct move {
	struct entry	*e;	/* a summary of the index */
	long		 to;
};

static int
cmp_move(const void *a, const void *b)
{
	const struct move *x = a, *y = b;

	return (x->e->part > y->e->part) - (x->e->part < y->e->part);
}

static bool
taken_by(struct entry *const *v, size_t n, long part)
{
	for (size_t i = 0; i < n; i++)
		if (v[i]->part == part)
			return true;
	return false;
}

/* Rewrite one entry at its new part, through the catalog; committed. */
static int
move_part(struct sync *s, const struct move *m)
{
	const struct entry *sum = m->e;
	struct buf yaml = BUF_INIT;
	struct entry e, check;
	char *text;
	size_t len;
	int rc;

	if (file_read(sum->path, ENTRY_MAX_FILE, &text, &len) != 0)
		return -1;
	entry_init(&e);
	entry_init(&check);
	if ((rc = entry_load_buf(sum->path, text, len, &e, false)) == 0) {
		e.part = m->to;
		entry_to_yaml(&e, false, false, &yaml);
		if ((rc = entry_load_buf(sum->path, yaml.s, yaml.len, &check,
		    false)) == 0)
			rc = catalog_replace(s->st, sum->path, text, len,
			    yaml.s, yaml.len, &check);
	}
	if (rc == 0) {
		diag("%s:%ld is now %s:%ld (%s; the parts that reached the "
		    "remote first keep their numbers)", sum->series,
		    sum->part, sum->series, m->to, sum->id);
		s->renumbered++;
		rc = git_commit_changes(s->ctx, "renumber %s: %s:%ld is now "
		    "%s:%ld", sum->id, sum->series, sum->part, sum->series,
		    m->to);
	}
	entry_free(&e);
	entry_free(&check);
	buf_free(&yaml);
	free(text);
	return rc;
}

/*
 * The parts of one series that local, unpushed entries hold (mine) and
 * that the others hold (theirs): where any of mine collides, mine keep
 * their order and move up to the next free numbers.
 */
static int
renumber_series(struct sync *s, struct entry **mine, size_t nm,
    struct entry **theirs, size_t nt)
{
	struct move *mv = xcalloc(nm + 1, sizeof(*mv));
	bool collides = false;
	long prev = 0;
	int rc = 0;

	for (size_t i = 0; i < nm; i++) {
		mv[i].e = mine[i];
		collides |= taken_by(theirs, nt, mine[i]->part);
	}
	if (!collides)
		goto out;
	qsort(mv, nm, sizeof(*mv), cmp_move);
	for (size_t i = 0; i < nm; i++) {
		long want = mv[i].e->part;

		if (want <= prev || taken_by(theirs, nt, want))
			for (want = prev + 1; taken_by(theirs, nt, want);
			    want++)
				;
		mv[i].to = prev = want;
	}
	/* From the top down, so that each new number is free when taken. */
	for (size_t i = nm; i-- > 0 && rc == 0; )
		if (mv[i].to != mv[i].e->part)
			rc = move_part(s, &mv[i]);
out:
	free(mv);
	return rc;
}

static int
cmp_series(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a;
	const struct entry *y = *(const struct entry *const *)b;

	return strcmp(x->series, y->series);
}

static bool
in_list(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

static int
renumber(struct sync *s)
{
	struct strlist added = { NULL, 0 };
	struct entry_list all = { NULL, 0 };
	struct entry **mine, **theirs, **parts;
	size_t nm, nt, np = 0;
	const char *p, *end;
	int rc, st;

	if ((st = git_run(&s->g, "diff", "--name-only", "-z",
	    "--diff-filter=A", "--no-renames", s->up, "HEAD", "--",
	    "entries", (char *)NULL)) != 0)
		return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot list "
		    "the entries added here");
	for (p = s->g.out.s, end = p + s->g.out.len; p < end;
	    p += strlen(p) + 1)
		strlist_add(&added, p);
	if (added.n == 0)
		return 0;
	rc = index_load(s->st, &all);
	parts = xcalloc(all.n + 1, sizeof(*parts));
	mine = xcalloc(all.n + 1, sizeof(*mine));
	theirs = xcalloc(all.n + 1, sizeof(*theirs));
	for (size_t i = 0; i < all.n; i++)
		if (all.v[i]->series != NULL && all.v[i]->part > 0)
			parts[np++] = all.v[i];
	if (np > 1)
		qsort(parts, np, sizeof(*parts), cmp_series);
	for (size_t i = 0, k; rc == 0 && i < np; i = k) {
		nm = nt = 0;
		for (k = i; k < np && strcmp(parts[k]->series,
		    parts[i]->series) == 0; k++) {
			const char *rel = git_relative(s->st->root,
			    parts[k]->path);

			if (rel != NULL && in_list(&added, rel))
				mine[nm++] = parts[k];
			else
				theirs[nt++] = parts[k];
		}
		if (nm > 0 && nt > 0)
			rc = renumber_series(s, mine, nm, theirs, nt);
	}
	free(parts);
	free(mine);
	free(theirs);
	entry_list_free(&all);
	strlist_free(&added);
	return rc;
}

/* --- the steps --- */

static size_t
count_commits(struct sync *s, const char *range)
{
	char *n = git_line(s, (const char *[]){ "rev-list", "--count", range,
	    NULL });
	size_t k = n ? strtoul(n, NULL, 10) : 0;

	free(n);
	return k;
}

/* Drop the records this sync found no longer apply. */
static void
drop_records(struct sync *s, bool all)
{
	for (size_t i = 0; i < s->recs.n; i++)
		if (all || !s->recs.v[i].used)
			record_remove(s->st, s->recs.v[i].key);
}

/*
 * Bring the remote's commits in, under the lock: fast-forward, or merge
 * in memory, rebase, settle and renumber.
 */
static int
integrate(struct sync *s)
{
	struct buf range = BUF_INIT;
	int rc = 0, st;

	s->head = git_line(s, (const char *[]){ "rev-parse", "HEAD", NULL });
	if (s->head == NULL)
		return git_fail(&s->g, EXIT_IOERR, "%s has no commit",
		    s->st->root);
	if (s->up == NULL || strcmp(s->head, s->up) == 0) {
		drop_records(s, true);	/* nothing to merge: none applies */
		return 0;
	}
	s->base = git_line(s, (const char *[]){ "merge-base", s->head, s->up,
	    NULL });
	if (s->base == NULL) {
		diag_fail(EXIT_DATAERR, "%s and %s have no commit in common: "
		    "they are two stores; clone the team's (dailylog clone "
		    "URL) and add your entries to it", s->st->root, s->track);
		return -1;
	}
	buf_addf(&range, "%s..%s", s->head, s->up);
	s->received = count_commits(s, range.s);
	buf_free(&range);
	if (strcmp(s->base, s->up) == 0 || strcmp(s->base, s->head) == 0)
		drop_records(s, true);
	if (strcmp(s->base, s->up) == 0)
		return 0;
	if (strcmp(s->base, s->head) == 0) {
		if ((st = git_run(&s->g, "merge", "-q", "--ff-only", s->up,
		    (char *)NULL)) != 0)
			return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR,
			    "cannot bring in the remote's commits");
		return 0;
	}
	if (diff_changes(s, s->base, s->head, &s->mine) != 0 ||
	    diff_changes(s, s->base, s->up, &s->theirs) != 0 ||
	    make_pairs(s) != 0)
		return -1;
	drop_records(s, false);
	for (size_t i = 0; i < s->npairs; i++)
		if (s->pairs[i].conflict)
			return keep_conflicts(s);
	if ((rc = rebase(s)) != 0)
		return rc;
	for (size_t i = 0; i < s->npairs && rc == 0; i++)
		if (s->pairs[i].decided)
			rc = settle(s, &s->pairs[i]);
	if (rc == 0)
		rc = renumber(s);
	if (rc == 0)
		for (size_t i = 0; i < s->recs.n; i++)
			record_remove(s->st, s->recs.v[i].key);
	return rc;
}

/* Push, never forcing: 0, 1 when the remote moved on, or -1. */
static int
push(struct sync *s)
{
	struct buf dst = BUF_INIT;
	const char *av[8];
	size_t k = 0;
	int st;

	buf_addf(&dst, "HEAD:refs/heads/%s", s->rbranch);
	av[k++] = "push";
	av[k++] = "--porcelain";
	if (!s->has_upstream)
		av[k++] = "--set-upstream";
	av[k++] = s->remote;
	av[k++] = dst.s;
	av[k] = NULL;
	st = git_runv(&s->g, av);
	buf_free(&dst);
	if (st == 0) {
		s->has_upstream = true;
		return 0;
	}
	/* Someone pushed first: before git asked, or while it did. */
	if (st > 0 && (strstr(s->g.out.s, "[rejected]") != NULL ||
	    strstr(s->g.out.s, "cannot lock ref") != NULL ||
	    strstr(s->g.out.s, "failed to update ref") != NULL ||
	    strstr(s->g.out.s, "incorrect old value") != NULL))
		return 1;
	if (st > 0 && strstr(s->g.out.s, "[remote rejected]") != NULL) {
		const char *why = strstr(s->g.out.s, "[remote rejected]") + 17;
		struct buf said = BUF_INIT;

		/* What the remote's hooks said, on lines of their own. */
		for (const char *l = s->g.err.s; *l; ) {
			size_t n = strcspn(l, "\n");

			if (strncmp(l, "remote: ", 8) == 0 && n > 8)
				buf_addf(&said, "; %.*s", (int)(n - 8), l + 8);
			l += n + (l[n] == '\n');
		}
		while (said.len > 0 && said.s[said.len - 1] == ' ')
			said.s[--said.len] = '\0';
		diag_fail(EXIT_CANTCREAT, "%s refused the push:%.*s%s; that is "
		    "the remote's own rule (ask who runs it); your commits are "
		    "kept here", s->remote, (int)strcspn(why, "\n"), why,
		    said.len ? said.s : "");
		buf_free(&said);
		return -1;
	}
	return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot push to %s",
	    s->remote);
}

static void
sync_free(struct sync *s)
{
	free(s->branch);
	free(s->remote);
	free(s->rbranch);
	free(s->track);
	free(s->head);
	free(s->up);
	free(s->base);
	free(s->driver);
	changes_free(&s->mine);
	changes_free(&s->theirs);
	pairs_free(s);
	records_free(&s->recs);
	git_close(&s->g);
}

/* Forget one attempt's findings before the next. */
static void
sync_again(struct sync *s)
{
	free(s->head);
	free(s->up);
	free(s->base);
	s->head = s->up = s->base = NULL;
	changes_free(&s->mine);
	changes_free(&s->theirs);
	pairs_free(s);
	records_free(&s->recs);
}

/* One fetch, integrate and push: 0 done, 1 to be tried again, -1. */
static int
attempt(struct sync *s, size_t *sent)
{
	int rc, st;

	if ((st = git_run(&s->g, "fetch", "-q", s->remote, (char *)NULL)) != 0)
		return st < 0 ? -1 : git_fail(&s->g, EXIT_IOERR, "cannot fetch "
		    "from %s", s->remote);
	s->up = git_line(s, (const char *[]){ "rev-parse", "-q", "--verify",
	    s->track, NULL });
	if ((rc = store_lock(s->st)) != 0)
		return rc;
	records_load(s->st, &s->recs);
	if ((rc = check_clean(s)) == 0)
		rc = integrate(s);
	store_unlock(s->st);
	if (rc != 0)
		return -1;
	if (s->up != NULL) {
		struct buf range = BUF_INIT;

		buf_addf(&range, "%s..HEAD", s->up);
		*sent = count_commits(s, range.s);
		buf_free(&range);
	} else
		*sent = count_commits(s, "HEAD");
	if (*sent == 0)
		return 0;
	return push(s);
}

int
sync_run(struct ctx *ctx)
{
	struct sync s;
	struct buf driver = BUF_INIT;
	size_t sent = 0, received = 0;
	char *cmd;
	int rc = -1;

	memset(&s, 0, sizeof(s));
	s.ctx = ctx;
	s.st = &ctx->st;
	if (!git_is_repo(s.st->root)) {
		diag_fail(EXIT_NOINPUT, "%s is not a git store: make it one "
		    "with 'dailylog init --git %s', or clone the team's with "
		    "'dailylog clone URL'", s.st->root, s.st->root);
		return -1;
	}
	/* A sync killed in its rebase left HEAD detached: undo that first. */
	if (git_open(&s.g, ctx, s.st->root) != 0 || store_lock(s.st) != 0)
		goto out;
	rc = check_idle(&s);
	store_unlock(s.st);
	if (rc != 0 || (rc = find_upstream(&s)) != 0)
		goto out;
	/* This program is the driver, whatever the configuration says. */
	cmd = git_driver_command();
	buf_addf(&driver, "merge.dailylog.driver=%s", cmd);
	s.driver = buf_detach(&driver);
	free(cmd);
	for (int i = 0; i < SYNC_TRIES; i++) {
		if (i > 0) {
			diag("%s moved on while syncing (someone pushed); "
			    "syncing again", s.remote);
			sync_again(&s);
		}
		rc = attempt(&s, &sent);
		received += s.received;
		s.received = 0;
		if (rc <= 0)
			break;
	}
	if (rc > 0) {
		diag_fail(EXIT_TEMPFAIL, "%s kept moving on (others are "
		    "pushing): nothing is lost, your commits are rebased here; "
		    "run 'dailylog sync' again", s.remote);
		rc = -1;
	} else if (rc == 0 && received + sent == 0)
		diag("up to date with %s/%s", s.remote, s.rbranch);
	else if (rc == 0)
		diag("synced with %s/%s: %zu commit%s received, %zu sent",
		    s.remote, s.rbranch, received, received == 1 ? "" : "s",
		    sent);
out:
	sync_free(&s);
	return rc;
}

/* --- resolve --- */

/* The record that ref names: its path, an ID or prefix, SERIES:PART. */
static struct record *
find_for(struct ctx *ctx, struct records *rs, const char *ref)
{
	struct record *hit = NULL;
	struct entry *e = NULL;
	size_t n = 0, rlen = strlen(ref);

	for (size_t i = 0; i < rs->n; i++) {
		struct buf label = BUF_INIT;

		file_label(&label, rs->v[i].path);
		if (strcmp(rs->v[i].path, ref) == 0 ||
		    strcmp(label.s, ref) == 0) {
			buf_free(&label);
			return &rs->v[i];
		}
		if (strncmp(label.s, ref, rlen) == 0 && n++ == 0)
			hit = &rs->v[i];
		buf_free(&label);
	}
	if (n == 1)
		return hit;
	if (n > 1) {
		diag_fail(EXIT_NOTFOUND, "'%s' names more than one conflict; "
		    "'dailylog resolve' lists them", ref);
		return NULL;
	}
	/* SERIES:PART names the entry here, and so its file. */
	if (strchr(ref, ':') != NULL) {
		const char *rel;

		if (catalog_resolve(&ctx->st, ref, &e) != 0)
			return NULL;
		rel = git_relative(ctx->st.root, e->path);
		for (size_t i = 0; rel != NULL && i < rs->n; i++)
			if ((rs->v[i].mine_path != NULL &&
			    strcmp(rs->v[i].mine_path, rel) == 0) ||
			    strcmp(rs->v[i].path, rel) == 0)
				hit = &rs->v[i];
		entry_free(e);
		free(e);
		if (hit != NULL)
			return hit;
	}
	diag_fail(EXIT_NOTFOUND, "no conflict kept for '%s'; 'dailylog "
	    "resolve' lists them", ref);
	return NULL;
}

/*
 * The editor with both versions: the merge with this side's values,
 * then the remote's whole version as comments, in the conflict's own
 * edit.yaml, which is kept when that fails.  The result is the entry as
 * dailylog writes it.
 */
static int
edit_both(struct ctx *ctx, const struct record *r, const struct buf *merged,
    const struct buf *theirs, struct buf *out)
{
	struct buf draft = BUF_INIT, label = BUF_INIT;
	struct entry e;
	char *path = record_file(&ctx->st, r->key, "edit.yaml"), *text = NULL;
	size_t len;
	int rc = 0, tty;

	file_label(&label, r->path);
	entry_init(&e);
	if (access(path, F_OK) == 0)
		diag("resuming your earlier draft %s", path);
	else {
		buf_adds(&draft, "# 競合: 両方で変更された項目 / changed "
		    "on both sides: ");
		merge_names(&draft, &r->fields);
		buf_adds(&draft, "\n# 下はこちらの値、末尾はリモートの版で"
		    "す。決めて保存してください。\n# Below: your values; at "
		    "the end, the remote's version. Decide, save, quit.\n");
		buf_add(&draft, merged->s, merged->len);
		buf_adds(&draft, "\n# --- リモートの版 / the remote's "
		    "version ---\n");
		for (const char *s = theirs->s; s && *s; ) {
			size_t n = strcspn(s, "\n");

			buf_addf(&draft, "# %.*s\n", (int)n, s);
			s += n + (s[n] == '\n');
		}
		if ((rc = fsio_store_file(path, draft.s, draft.len,
		    FSIO_NEW)) != 0)
			goto out;
	}
	if ((rc = editor_terminal(false, &tty)) != 0)
		goto out;
	rc = editor_run(ctx_editor(ctx), path, tty);
	if (tty != -1)
		close(tty);
	if (rc != 0 ||
	    (rc = file_read(path, ENTRY_MAX_FILE, &text, &len)) != 0 ||
	    (rc = entry_load_buf(path, text, len, &e, false)) != 0) {
		diag("the draft is kept in %s; 'dailylog resolve %s' reopens "
		    "it", path, label.s);
		goto out;
	}
	entry_to_yaml(&e, false, false, out);
	unlink(path);
out:
	entry_free(&e);
	free(path);
	free(text);
	buf_free(&draft);
	buf_free(&label);
	return rc;
}

/* What a choice makes of the record's versions: out, or a removal. */
static int
decide(struct ctx *ctx, struct record *r, enum resolve_choice how,
    struct buf *out, bool *deleted)
{
	struct buf base = BUF_INIT, mine = BUF_INIT, theirs = BUF_INIT;
	struct strlist fields = { NULL, 0 };
	bool hb = record_text(&ctx->st, r, "base.yaml", &base);
	bool hm = record_text(&ctx->st, r, "mine.yaml", &mine);
	bool ht = record_text(&ctx->st, r, "theirs.yaml", &theirs);
	bool entry = merge_is_entry_path(r->path) && hm && ht;
	int rc = 0, m = -1;

	*deleted = false;
	if (entry)
		m = merge_texts(r->path, hb ? base.s : NULL, base.len, mine.s,
		    mine.len, theirs.s, theirs.len, how == RESOLVE_THEIRS ?
		    MERGE_THEIRS : MERGE_MINE, out, &fields);
	if (how == RESOLVE_EDIT && !entry) {
		diag_fail(EXIT_USAGE, "resolve: %s cannot be edited with both "
		    "versions (%s); choose --ours or --theirs", r->path,
		    merge_is_entry_path(r->path) ? "one side removed it" :
		    "it is not an entry");
		rc = -1;
	} else if (how == RESOLVE_EDIT && m < 0)
		rc = -1;	/* a version does not load: said */
	else if (how == RESOLVE_EDIT) {
		struct buf merged = BUF_INIT;

		buf_add(&merged, out->s, out->len);
		buf_reset(out);
		rc = edit_both(ctx, r, &merged, &theirs, out);
		buf_free(&merged);
	} else if (m < 0) {
		/* Whole versions: the side's file, or its removal. */
		bool t = how == RESOLVE_THEIRS;
		const struct buf *side = t ? &theirs : &mine;
		bool has = t ? ht : hm;

		buf_reset(out);
		if (has)
			buf_add(out, side->s, side->len);
		*deleted = !has;
	}
	buf_free(&base);
	buf_free(&mine);
	buf_free(&theirs);
	strlist_free(&fields);
	return rc;
}

int
sync_resolve(struct ctx *ctx, const char *ref, enum resolve_choice how)
{
	static const char *const said[] = {
		"this side's version", "the remote's version", "as edited",
	};
	struct records rs;
	struct record *r;
	struct buf out = BUF_INIT, label = BUF_INIT;
	size_t left = 0;
	bool deleted;
	int rc = -1;

	records_load(&ctx->st, &rs);
	if ((r = find_for(ctx, &rs, ref)) == NULL)
		goto out;
	if (decide(ctx, r, how, &out, &deleted) != 0)
		goto out;
	r->choice = (int)how;
	if (record_write(&ctx->st, r, NULL, NULL, NULL, deleted ? NULL :
	    &out) != 0)
		goto out;
	file_label(&label, r->path);
	diag("%s: decided, %s%s", label.s, said[how], deleted ?
	    " (the file removed)" : "");
	for (size_t i = 0; i < rs.n; i++)
		if (rs.v[i].choice < 0)
			left++;
	if (left > 0) {
		diag("%zu conflict%s left to decide ('dailylog resolve' lists "
		    "them); sync goes on once none is", left, left == 1 ? "" :
		    "s");
		rc = 0;
	} else
		rc = sync_run(ctx);
out:
	records_free(&rs);
	buf_free(&out);
	buf_free(&label);
	return rc;
}

int
sync_list_conflicts(struct ctx *ctx)
{
	struct records rs;
	struct buf line = BUF_INIT;

	records_load(&ctx->st, &rs);
	for (size_t i = 0; i < rs.n; i++) {
		buf_reset(&line);
		file_label(&line, rs.v[i].path);
		buf_addc(&line, '\t');
		merge_names(&line, &rs.v[i].fields);
		buf_addf(&line, "\t%s\n", rs.v[i].choice < 0 ? "undecided" :
		    choice_words[rs.v[i].choice]);
		fputs(line.s, stdout);
	}
	if (rs.n == 0)
		diag("no conflicts are kept");
	records_free(&rs);
	buf_free(&line);
	return 0;
}

void
sync_check(struct store *st)
{
	struct records rs;

	records_load(st, &rs);
	for (size_t i = 0; i < rs.n; i++) {
		struct buf label = BUF_INIT, fields = BUF_INIT;
		const struct record *r = &rs.v[i];
		char *path = path_join(st->root, r->path);
		bool entry = merge_is_entry_path(r->path);

		file_label(&label, r->path);
		merge_names(&fields, &r->fields);
		if (r->choice < 0)
			diag_error(EXIT_DATAERR, path, nopos, "an unresolved "
			    "conflict (%s), kept by sync: decide it with "
			    "'dailylog resolve %s --ours' or '--theirs'%s%s%s",
			    fields.s, label.s, entry ? ", or edit it with "
			    "'dailylog resolve " : "", entry ? label.s : "",
			    entry ? "'" : "");
		else
			diag_warn(path, nopos, "a conflict decided (%s) that "
			    "'dailylog sync' has not finished yet",
			    choice_words[r->choice]);
		free(path);
		buf_free(&label);
		buf_free(&fields);
	}
	records_free(&rs);
}
