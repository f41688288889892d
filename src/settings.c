/* The checks settings files share (settings.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "settings.h"
#include "yaml_read.h"

int
settings_read(const char *path, size_t max, bool optional, struct ynode *root)
{
	struct stat sb;
	char *buf;
	size_t len;
	int rc;

	memset(root, 0, sizeof(*root));
	root->type = Y_MAP;
	if (optional && lstat(path, &sb) == -1 && errno == ENOENT)
		return 0;
	if ((rc = file_read(path, max, &buf, &len)) != 0)
		return rc;
	rc = yaml_load(path, buf, len, root);
	free(buf);
	if (rc != 0) {
		root->type = Y_MAP;
		return rc;
	}
	/* An empty file is an empty mapping: nothing set. */
	if (root->type == Y_SCALAR && root->len == 0 && root->plain) {
		ynode_free(root);
		root->type = Y_MAP;
		return 0;
	}
	if (root->type != Y_MAP) {
		diag_error(EXIT_DATAERR, path, root->pos, "settings must be a mapping of keys "
		    "to values");
		ynode_free(root);
		root->type = Y_MAP;
		return -1;
	}
	return 0;
}

int
settings_unknown_key(const char *path, const struct ynode *k,
    const char *const *keys, size_t n)
{
	const char *hint = suggest(k->s, keys, n);

	if (hint != NULL)
		diag_error(EXIT_DATAERR, path, k->pos, "unknown key '%s' (did you mean "
		    "'%s'?)", k->s, hint);
	else
		diag_error(EXIT_DATAERR, path, k->pos, "unknown key '%s'", k->s);
	return -1;
}

int
settings_string(const char *path, const char *key, const struct ynode *v,
    int how, char **dst)
{
	if (v->type != Y_SCALAR) {
		diag_error(EXIT_DATAERR, path, v->pos, "%s must be a string", key);
		return -1;
	}
	if ((how & SETTING_ONE_LINE) &&
	    (v->len == 0 || memchr(v->s, '\n', v->len) != NULL)) {
		diag_error(EXIT_DATAERR, path, v->pos, "%s must be one line, not empty", key);
		return -1;
	}
	if (v->len == 0 && !(how & SETTING_MAY_BE_EMPTY)) {
		diag_error(EXIT_DATAERR, path, v->pos, "%s must not be empty", key);
		return -1;
	}
	if (text_check(path, v->pos, v->s, v->len) != 0)
		return -1;
	free(*dst);
	*dst = xstrdup(v->s);
	return 0;
}

int
settings_word(const char *path, const char *key, const struct ynode *v,
    const char *const *words, size_t n, int *which)
{
	struct buf all = BUF_INIT;
	const char *hint = NULL;

	for (size_t i = 0; v->type == Y_SCALAR && i < n; i++)
		if (strcmp(v->s, words[i]) == 0) {
			*which = (int)i;
			return 0;
		}
	for (size_t i = 0; i < n; i++)
		buf_addf(&all, "%s%s", i ? ", " : "", words[i]);
	if (v->type == Y_SCALAR)
		hint = suggest(v->s, words, n);
	diag_error(EXIT_DATAERR, path, v->pos, "%s must be one of %s, not '%s'%s%s%s", key,
	    all.s, v->type == Y_SCALAR ? v->s : "a collection",
	    hint ? " (did you mean '" : "", hint ? hint : "",
	    hint ? "'?)" : "");
	buf_free(&all);
	return -1;
}

int
settings_int(const char *path, const char *key, const struct ynode *v,
    int lo, int hi, int *dst)
{
	char *end;
	long n = 0;

	if (v->type == Y_SCALAR && v->plain && v->s[0] >= '0' &&
	    v->s[0] <= '9') {
		errno = 0;
		n = strtol(v->s, &end, 10);
		if (*end == '\0' && errno == 0 && n >= lo && n <= hi) {
			*dst = (int)n;
			return 0;
		}
	}
	diag_error(EXIT_DATAERR, path, v->pos, "%s must be a whole number from %d to %d, "
	    "not '%s'", key, lo, hi, v->type == Y_SCALAR ? v->s : "a collection");
	return -1;
}
