/*
 * dailylog import: entries from a YAML stream, a JSON array, JSON Lines
 * or jrnl's JSON export, all or none.  Every entry is read and validated
 * first; then, under the store lock, parts are checked and given, and
 * the entries written; a failed write removes the ones written before it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "import_jrnl.h"
#include "json_read.h"
#include "store.h"
#include "yaml_read.h"

#define IMPORT_MAX	(64 * 1024 * 1024)	/* bytes of input */

/* The entries read so far, and the worst problem met reading them. */
struct batch {
	const char	 *name;
	struct entry	**v;
	size_t		  n;
	int		  rc;
};

/* Keys that export writes besides the entry's own: dropped. */
static const char *const yaml_extra[] = { "id", NULL };
static const char *const json_extra[] = { "id", "path", NULL };

static void
drop_keys(struct ynode *map, const char *const *keys)
{
	if (map->type != Y_MAP)
		return;
	for (size_t i = 0; i + 1 < map->nkids; ) {
		const char *const *k;

		for (k = keys; *k != NULL; k++)
			if (strcmp(map->kids[i].s, *k) == 0)
				break;
		if (*k == NULL) {
			i += 2;
			continue;
		}
		ynode_free(&map->kids[i]);
		ynode_free(&map->kids[i + 1]);
		memmove(&map->kids[i], &map->kids[i + 2],
		    (map->nkids - i - 2) * sizeof(*map->kids));
		map->nkids -= 2;
	}
}

/* One entry from its tree; an invalid one only sets b->rc. */
static void
take_entry(struct batch *b, struct ynode *root)
{
	struct entry *e = xmalloc(sizeof(*e));

	entry_init(e);
	if (entry_from_node(b->name, root, e, false) != 0) {
		entry_free(e);
		free(e);
		b->rc = EXIT_DATAERR;
		return;
	}
	b->v = xreallocarray(b->v, b->n + 1, sizeof(*b->v));
	b->v[b->n++] = e;
}

/* --- YAML --- */

/* "---" or "..." alone or followed by a blank: a document boundary. */
static int
doc_marker(const char *s, size_t n)
{
	if (n < 3 || (memcmp(s, "---", 3) != 0 && memcmp(s, "...", 3) != 0))
		return 0;
	if (n > 3 && (s[3] == '\0' || strchr(" \t\r\n", s[3]) == NULL))
		return 0;
	return s[0];
}

/* A line of nothing but blanks, a comment or a bare "---". */
static bool
blank_line(const char *s, size_t len)
{
	size_t i = doc_marker(s, len) == '-' ? 3 : 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
		i++;
	return i == len || s[i] == '#';
}

static bool
blank_doc(const char *s, size_t n)
{
	while (n > 0) {
		const char *nl = memchr(s, '\n', n);
		size_t len = nl ? (size_t)(nl - s) : n;

		if (!blank_line(s, len))
			return false;
		s += len + (nl != NULL);
		n -= len + (nl != NULL);
	}
	return true;
}

/*
 * One document of the stream, which begins on line (1-based).  yaml_load
 * takes exactly one document, so this one is preceded by as many empty
 * lines as came before it: every position in a message is then right.
 */
static void
yaml_doc(struct batch *b, const char *s, size_t n, size_t line)
{
	struct buf doc = BUF_INIT;
	struct ynode root;

	if (blank_doc(s, n))
		return;
	buf_grow(&doc, line - 1 + n + 1);
	memset(doc.s, '\n', line - 1);
	doc.len = line - 1;
	buf_add(&doc, s, n);
	if (yaml_load(b->name, doc.s, doc.len, &root) != 0)
		b->rc = EXIT_DATAERR;
	else {
		drop_keys(&root, yaml_extra);
		take_entry(b, &root);
		ynode_free(&root);
	}
	buf_free(&doc);
}

static void
read_yaml(struct batch *b, const char *buf, size_t len)
{
	size_t start = 0, start_line = 1, off = 0, line = 1;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		start = off = 3;
	for (;;) {
		int m = off < len ? doc_marker(buf + off, len - off) : 0;
		const char *nl;

		if (off == len || m != 0) {
			yaml_doc(b, buf + start, off - start, start_line);
			if (off == len)
				return;
			start = off;
			start_line = line;
		}
		if ((nl = memchr(buf + off, '\n', len - off)) == NULL)
			off = len;
		else {
			off = (size_t)(nl - buf) + 1;
			line++;
		}
		if (m == '.') {		/* "..." ends a document: skip it */
			start = off;
			start_line = line;
		}
	}
}

/* --- JSON --- */

static int
jrnl_doc(struct ynode *entry, void *arg)
{
	take_entry(arg, entry);
	return 0;
}

/*
 * "[" begins an array of entries; "{" one jrnl export or JSON Lines, an
 * object a line.  An array's entries sit one level deeper than a line's,
 * so the depth cap lets both hold what an entry file may.
 */
static void
read_json(struct batch *b, const char *buf, size_t len, bool array)
{
	struct json_reader r;
	struct ynode v;
	int line = 0;

	json_reader_init(&r, b->name, buf, len, YAML_MAX_DEPTH + array);
	while (!json_at_end(&r)) {
		if (line != 0 && (array || r.at.line == line)) {
			diag_error(b->name, r.at, "invalid JSON: %s",
			    array ? "more after the array" :
			    "expected one object a line");
			b->rc = EXIT_DATAERR;
			return;
		}
		if (json_read_value(&r, &v) != 0) {
			b->rc = EXIT_DATAERR;
			return;
		}
		line = r.at.line;
		if (array && v.type == Y_SEQ) {
			for (size_t i = 0; i < v.nkids; i++) {
				drop_keys(&v.kids[i], json_extra);
				take_entry(b, &v.kids[i]);
			}
		} else if (!array && jrnl_is_export(&v) && json_at_end(&r) &&
		    b->n == 0 && b->rc == 0) {
			if (jrnl_read(b->name, &v, jrnl_doc, b) != 0)
				b->rc = EXIT_DATAERR;
		} else {
			drop_keys(&v, json_extra);
			take_entry(b, &v);
		}
		ynode_free(&v);
	}
}

/* --- checks and writing --- */

static void
batch_free(struct batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		entry_free(b->v[i]);
		free(b->v[i]);
	}
	free(b->v);
}

/* Two entries of the input with one series part: a data error. */
static int
check_input_parts(const struct batch *b)
{
	int rc = 0;

	for (size_t i = 0; i < b->n; i++)
		for (size_t j = 0; j < i; j++) {
			const struct entry *e = b->v[i], *o = b->v[j];

			if (e->part == 0 || o->part != e->part ||
			    strcmp(e->series, o->series) != 0)
				continue;
			diag_error(b->name, e->pos[F_PART], "part %ld of series "
			    "'%s' is given twice (also at line %d)", e->part,
			    e->series, o->pos[F_PART].line);
			rc = EXIT_DATAERR;
			break;
		}
	return rc;
}

/* The highest part of series among the store's entries and the batch's. */
static long
highest_part(const struct entry_list *l, const struct batch *b,
    const char *series)
{
	long max = 0;

	for (size_t i = 0; i < l->n + b->n; i++) {
		const struct entry *e = i < l->n ? l->v[i] : b->v[i - l->n];

		if (e->series != NULL && strcmp(e->series, series) == 0 &&
		    e->part > max)
			max = e->part;
	}
	return max;
}

/*
 * Under the lock: refuse a part the store has taken, and give an entry
 * of a series without a part the next one, in input order, past every
 * part of the store and of the input (so no later entry's part is taken
 * by an earlier one's).
 */
static int
assign_parts(struct store *st, struct batch *b)
{
	struct entry_list l;
	int bad, rc;

	if ((rc = store_load_all(st, &l, &bad)) != 0)
		return rc;
	for (size_t i = 0; i < b->n; i++) {
		struct entry *e = b->v[i];

		for (size_t j = 0; e->part != 0 && j < l.n; j++)
			if (l.v[j]->series != NULL &&
			    strcmp(l.v[j]->series, e->series) == 0 &&
			    l.v[j]->part == e->part) {
				diag_error(b->name, e->pos[F_PART], "part %ld of "
				    "series '%s' is taken by %s", e->part,
				    e->series, l.v[j]->id);
				rc = EXIT_CANTCREAT;
			}
	}
	for (size_t i = 0; rc == 0 && i < b->n; i++) {
		struct entry *e = b->v[i];

		if (e->series == NULL || e->part != 0)
			continue;
		if (bad != 0) {
			diag("some entries of the store do not load (see "
			    "above), so the next part of '%s' is not known; "
			    "run 'dailylog check', or give the parts",
			    e->series);
			rc = bad;
			break;
		}
		e->part = highest_part(&l, b, e->series) + 1;
	}
	entry_list_free(&l);
	return rc;
}

/* Remove what this run wrote: nothing half-imported stays. */
static void
roll_back(struct batch *b, size_t written)
{
	size_t kept = 0;

	for (size_t i = 0; i < written; i++)
		if (unlink(b->v[i]->path) == -1) {
			diag("cannot remove %s: %s", b->v[i]->path,
			    strerror(errno));
			kept++;
		}
	if (kept == 0)
		diag("import: removed the %zu entries written before the "
		    "failure; nothing was imported", written);
	else
		diag("import: %zu of %zu entries written could not be removed",
		    kept, written);
}

static int
store_batch(struct store *st, struct batch *b)
{
	int rc;

	if ((rc = store_lock(st)) != 0)
		return rc;
	if ((rc = assign_parts(st, b)) != 0) {
		store_unlock(st);
		diag("import: nothing was imported");
		return rc;
	}
	for (size_t i = 0; i < b->n; i++) {
		/* store_add checks each part again, under the lock. */
		if ((rc = store_add(st, b->v[i])) != 0) {
			roll_back(b, i);
			break;
		}
	}
	store_unlock(st);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < b->n; i++)
		printf("%s\n", b->v[i]->id);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IOERR;
}

static int
read_input(const char *file, const char **name, char **buf, size_t *len)
{
	if (strcmp(file, "-") == 0) {
		*name = "<stdin>";
		return fd_read(STDIN_FILENO, *name, IMPORT_MAX, buf, len);
	}
	*name = file;
	return file_read(file, IMPORT_MAX, buf, len);
}

/* The first byte that is not white space (after a byte order mark). */
static int
first_byte(const char *buf, size_t len)
{
	size_t i = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	while (i < len && strchr(" \t\r\n", buf[i]) != NULL && buf[i] != '\0')
		i++;
	return i < len ? (unsigned char)buf[i] : -1;
}

int
cmd_import(int argc, char **argv, const struct globals *g)
{
	static const struct option opts[] = {
		{ NULL, 0, NULL, 0 },
	};
	struct batch b;
	struct store st;
	char *buf;
	size_t len;
	int rc, c;

	if (getopt_long(argc, argv, "+:", opts, NULL) != -1)
		return option_error("import", argv, opts);
	if (argc - optind != 1)
		return usage_error("import", argc == optind ?
		    "which file? ('-' for the standard input)" :
		    "one file at a time");
	memset(&b, 0, sizeof(b));
	if ((rc = store_open(g, &st)) != 0)
		return rc;
	if ((rc = read_input(argv[optind], &b.name, &buf, &len)) != 0) {
		store_close(&st);
		return rc;
	}
	c = first_byte(buf, len);
	if (c == '[' || c == '{')
		read_json(&b, buf, len, c == '[');
	else
		read_yaml(&b, buf, len);
	free(buf);
	if (b.rc == 0)
		b.rc = check_input_parts(&b);
	if (b.rc != 0)
		diag("import: nothing was imported");
	else if (b.n == 0)
		diag("import: %s has no entries", b.name);
	else
		b.rc = store_batch(&st, &b);
	batch_free(&b);
	store_close(&st);
	return b.rc;
}
