/* Comments and approvals, one file each (comments.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "comments.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "settings.h"
#include "store.h"
#include "yaml_read.h"
#include "yaml_write.h"

#define COMMENTS_DIR	"comments"
#define COMMENT_MAX	(64 * 1024)	/* larger files are refused */

static const char *const keys[] = { "date", "author", "approval", "text" };
static const char *const bools[] = { "false", "true" };

static void
comment_free(struct comment *c)
{
	free(c->path);
	free(c->author);
	free(c->text);
	memset(c, 0, sizeof(*c));
}

void
comments_free(struct comment_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		comment_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int
take_key(const char *name, const struct ynode *k, const struct ynode *v,
    struct comment *c, struct pos *at)
{
	char *date = NULL;
	int which, rc;

	if (strcmp(k->s, "date") == 0) {
		if ((rc = settings_string(name, "date", v, SETTING_ONE_LINE,
		    &date)) == 0 && !date_parse_entry(date, &c->date)) {
			diag_error(EXIT_DATAERR, name, v->pos, "bad date '%s': "
			    "expected YYYY-MM-DD HH:MM", date);
			rc = -1;
		}
		free(date);
		at[0] = v->pos;
		return rc;
	}
	if (strcmp(k->s, "author") == 0) {
		at[1] = v->pos;
		return settings_string(name, "author", v, SETTING_ONE_LINE,
		    &c->author);
	}
	if (strcmp(k->s, "approval") == 0) {
		if (settings_word(name, "approval", v, bools, 2, &which) != 0)
			return -1;
		c->approval = which == 1;
		return 0;
	}
	if (strcmp(k->s, "text") == 0)
		return settings_string(name, "text", v, 0, &c->text);
	if (strncmp(k->s, "x-", 2) == 0)
		return 0;
	return settings_unknown_key(name, k, keys, sizeof(keys) /
	    sizeof(keys[0]));
}

/* A comment from its file's text; name is used in messages. */
static int
comment_from_text(const char *name, const char *buf, size_t len,
    struct comment *c)
{
	struct pos at[2] = { { 0, 0 }, { 0, 0 } };
	struct ynode root;
	int rc = 0;

	memset(c, 0, sizeof(*c));
	if (yaml_load(name, buf, len, &root) != 0)
		return -1;
	if (root.type != Y_MAP) {
		diag_error(EXIT_DATAERR, name, root.pos, "a comment must be a "
		    "mapping of keys to values");
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i + 1 < root.nkids; i += 2)
		if (take_key(name, &root.kids[i], &root.kids[i + 1], c,
		    at) != 0)
			rc = -1;
	if (rc == 0 && at[0].line == 0) {
		diag_error(EXIT_DATAERR, name, root.pos, "missing required key "
		    "'date'");
		rc = -1;
	}
	if (rc == 0 && c->author == NULL) {
		diag_error(EXIT_DATAERR, name, root.pos, "missing required key "
		    "'author'");
		rc = -1;
	}
	if (rc == 0 && !c->approval && c->text == NULL) {
		diag_error(EXIT_DATAERR, name, root.pos, "a comment needs its "
		    "'text' (only an approval may go without)");
		rc = -1;
	}
	ynode_free(&root);
	if (rc != 0)
		comment_free(c);
	return rc;
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted (none when it cannot be read). */
static void
dir_names(const char *dir, struct strlist *names)
{
	struct dirent *de;
	DIR *d;

	names->v = NULL;
	names->n = 0;
	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			strlist_add(names, de->d_name);
	closedir(d);
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(*names->v), cmp_name);
}

static bool
is_yaml(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

void
comments_load(const struct store *st, const char *id,
    struct comment_list *l)
{
	struct buf rel = BUF_INIT;
	struct strlist names;
	char *dir;

	l->v = NULL;
	l->n = 0;
	buf_addf(&rel, "%s/%s", COMMENTS_DIR, id);
	dir = path_join(st->root, rel.s);
	dir_names(dir, &names);
	for (size_t i = 0; i < names.n; i++) {
		char *path, *text;
		size_t len;
		struct comment c;

		if (!is_yaml(names.v[i]))
			continue;
		path = path_join(dir, names.v[i]);
		if (file_read(path, COMMENT_MAX, &text, &len) == 0) {
			if (comment_from_text(path, text, len, &c) == 0) {
				c.path = path;
				path = NULL;
				l->v = xreallocarray(l->v, l->n + 1,
				    sizeof(*l->v));
				l->v[l->n++] = c;
			}
			free(text);
		}
		free(path);
	}
	strlist_free(&names);
	buf_free(&rel);
	free(dir);
}

int
comments_remove(struct store *st, const char *id)
{
	struct buf rel = BUF_INIT;
	struct strlist names;
	char *dir, *parent;
	int rc = 0, err;

	buf_addf(&rel, "%s/%s", COMMENTS_DIR, id);
	dir = path_join(st->root, rel.s);
	parent = path_join(st->root, COMMENTS_DIR);
	dir_names(dir, &names);
	for (size_t i = 0; i < names.n; i++) {
		char *path = path_join(dir, names.v[i]);

		if (unlink(path) == -1) {
			diag_error(fsio_status(errno), path, nopos, "cannot "
			    "remove the comment: %s", strerror(errno));
			rc = -1;
		} else if (is_yaml(names.v[i]))
			store_changed(st, path);
		free(path);
	}
	if (names.n > 0 && rc == 0) {
		if (rmdir(dir) == -1 && errno != ENOENT) {
			diag_error(fsio_status(errno), dir, nopos, "cannot "
			    "remove the directory: %s", strerror(errno));
			rc = -1;
		} else if ((err = fsync_dir(parent)) != 0) {
			diag_error(fsio_status(err), parent, nopos, "cannot "
			    "flush the directory: %s", strerror(err));
			rc = -1;
		}
	}
	strlist_free(&names);
	buf_free(&rel);
	free(parent);
	free(dir);
	return rc;
}

/*
 * YYYYMMDD-HHMMSS.uuuuuu-XXXXXX.yaml for now, XXXXXX random: names sort
 * in the order they were written, to the microsecond.
 */
static void
comment_name(const struct timespec *now, struct buf *name)
{
	static const char alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
	unsigned char rnd[6];
	struct tm tm;

	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		for (size_t i = 0; i < sizeof(rnd); i++)
			rnd[i] = (unsigned char)(rand() ^ getpid() >> i);
	localtime_r(&now->tv_sec, &tm);
	buf_reset(name);
	buf_addf(name, "%04d%02d%02d-%02d%02d%02d.%06ld-", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    now->tv_nsec / 1000);
	for (size_t i = 0; i < sizeof(rnd); i++)
		buf_addc(name, alphabet[rnd[i] & 31]);
	buf_adds(name, ".yaml");
}

int
comments_add(struct store *st, const char *id, struct comment *c)
{
	struct buf rel = BUF_INIT, yaml = BUF_INIT, name = BUF_INIT;
	struct comment check;
	char date[17], *dir = NULL, *path = NULL;
	struct timespec now;
	struct tm tm;
	int rc, err = EEXIST;

	clock_gettime(CLOCK_REALTIME, &now);
	localtime_r(&now.tv_sec, &tm);
	c->date = (struct date){ tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	    tm.tm_hour, tm.tm_min, true };
	yaml_write_map((const struct yaml_pair[]){
		{ "date", date_format(&c->date, date), true },
		{ "author", c->author, false },
		{ "approval", c->approval ? "true" : NULL, true },
		{ "text", c->text, false },
	}, 4, &yaml);
	/* What is written passes the loader and its limits first. */
	if (yaml.len > COMMENT_MAX) {
		diag_fail(EXIT_DATAERR, "the comment is larger than the limit "
		    "of %d KiB; nothing was written", COMMENT_MAX / 1024);
		rc = -1;
		goto out;
	}
	if ((rc = comment_from_text("the new comment", yaml.s, yaml.len,
	    &check)) != 0)
		goto out;
	comment_free(&check);
	buf_addf(&rel, "%s/%s", COMMENTS_DIR, id);
	if ((rc = fsio_mkdirs(st->root, rel.s)) != 0)
		goto out;
	dir = path_join(st->root, rel.s);
	for (int tries = 0; tries < 16 && err == EEXIST; tries++) {
		comment_name(&now, &name);
		free(path);
		path = path_join(dir, name.s);
		err = fsio_write(path, yaml.s, yaml.len, FSIO_NEW, 0600, true);
	}
	if (err != 0) {
		diag_error(fsio_status(err), path, nopos, "cannot write the "
		    "comment: %s", strerror(err));
		rc = -1;
	} else {
		store_changed(st, path);
		free(c->path);
		c->path = path;
		path = NULL;
	}
out:
	free(dir);
	free(path);
	buf_free(&rel);
	buf_free(&yaml);
	buf_free(&name);
	return rc;
}

void
comments_approved(const struct store *st, struct strlist *ids)
{
	char *dir = path_join(st->root, COMMENTS_DIR);
	struct strlist names;

	ids->v = NULL;
	ids->n = 0;
	dir_names(dir, &names);
	for (size_t i = 0; i < names.n; i++) {
		struct comment_list l;
		bool approved = false;

		if (!id_valid(names.v[i]))
			continue;
		comments_load(st, names.v[i], &l);
		for (size_t k = 0; k < l.n; k++)
			approved |= l.v[k].approval;
		if (approved)
			strlist_add(ids, names.v[i]);
		comments_free(&l);
	}
	strlist_free(&names);
	free(dir);
}

void
comments_check(const struct store *st, struct strlist *ids)
{
	char *dir = path_join(st->root, COMMENTS_DIR);
	struct strlist names;

	if (ids->n > 1)
		qsort(ids->v, ids->n, sizeof(*ids->v), cmp_name);
	dir_names(dir, &names);
	for (size_t i = 0; i < names.n; i++) {
		char *sub = path_join(dir, names.v[i]);
		struct comment_list l;
		struct strlist files;
		const char *id = names.v[i];
		struct stat sb;

		if (lstat(sub, &sb) == -1 || !S_ISDIR(sb.st_mode) ||
		    !id_valid(id)) {
			diag_warn(sub, nopos, "not the comments of an entry "
			    "(comments/ID/ holds them); ignored");
			free(sub);
			continue;
		}
		if (bsearch(&id, ids->v, ids->n, sizeof(*ids->v),
		    cmp_name) == NULL)
			diag_warn(sub, nopos, "comments of %s, which is not in "
			    "the store", id);
		dir_names(sub, &files);
		for (size_t k = 0; k < files.n; k++)
			if (files.v[k][0] != '.' && !is_yaml(files.v[k])) {
				char *p = path_join(sub, files.v[k]);

				diag_warn(p, nopos, "not a comment (no .yaml "
				    "suffix); ignored");
				free(p);
			}
		strlist_free(&files);
		comments_load(st, id, &l);	/* each bad file reported */
		comments_free(&l);
		free(sub);
	}
	strlist_free(&names);
	free(dir);
}
