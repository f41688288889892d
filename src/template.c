/* Entry templates (template.h). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "dailylog.h"
#include "diag.h"
#include "entry.h"
#include "fsio.h"
#include "template.h"
#include "text.h"

bool
template_name_valid(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n <= 128 && name[0] != '.' &&
	    strchr(name, '/') == NULL && text_valid_utf8(name, n) &&
	    text_find_control(name, n) == NULL && strchr(name, '\t') == NULL &&
	    strchr(name, '\n') == NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
template_names(const char *root, struct strlist *names)
{
	char *dir = path_join(root, TEMPLATE_DIR);
	DIR *d = opendir(dir);
	struct dirent *de;

	names->v = NULL;
	names->n = 0;
	while (d != NULL && (de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		char *name;

		if (n <= 5 || strcmp(de->d_name + n - 5, ".yaml") != 0 ||
		    (de->d_type != DT_REG && de->d_type != DT_UNKNOWN))
			continue;
		name = xstrndup(de->d_name, n - 5);
		if (template_name_valid(name))
			strlist_add(names, name);
		free(name);
	}
	if (d != NULL)
		closedir(d);
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(*names->v), cmp_str);
	free(dir);
}

/* No such template: the near miss, or what there is. */
static int
no_template(const char *root, const char *name)
{
	struct strlist names;
	struct buf all = BUF_INIT;
	const char *hint;

	template_names(root, &names);
	hint = suggest(name, (const char *const *)names.v, names.n);
	for (size_t i = 0; i < names.n; i++)
		buf_addf(&all, "%s%s", i ? ", " : "", names.v[i]);
	if (hint != NULL)
		diag_fail(EXIT_NOINPUT, "no template '%s' (did you mean "
		    "'%s'?)", name, hint);
	else if (names.n > 0)
		diag_fail(EXIT_NOINPUT, "no template '%s'; the templates are "
		    "%s", name, all.s);
	else
		diag_fail(EXIT_NOINPUT, "no template '%s': the store has no "
		    "%s/ (see dailylog(5))", name, TEMPLATE_DIR);
	buf_free(&all);
	strlist_free(&names);
	return -1;
}

int
template_load(const char *root, const char *name, struct entry *e)
{
	struct buf rel = BUF_INIT;
	struct stat sb;
	char *path, *text;
	size_t len;
	int rc;

	if (!template_name_valid(name)) {
		diag_fail(EXIT_USAGE, "bad template name '%s'", name);
		return -1;
	}
	buf_addf(&rel, TEMPLATE_DIR "/%s.yaml", name);
	path = path_join(root, rel.s);
	buf_free(&rel);
	if (lstat(path, &sb) == -1 && errno == ENOENT) {
		free(path);
		return no_template(root, name);
	}
	if ((rc = file_read(path, ENTRY_MAX_FILE, &text, &len)) == 0) {
		rc = entry_load_buf(path, text, len, e, true);
		free(text);
	}
	/* The entry's own: today's date (or -d) and the next part. */
	if (rc == 0 && e->date.year != 0) {
		diag_error(EXIT_DATAERR, path, e->pos[F_DATE], "a template "
		    "gives no date: an entry takes today's, or -d DATE");
		rc = -1;
	}
	if (rc == 0 && e->part != 0) {
		diag_error(EXIT_DATAERR, path, e->pos[F_PART], "a template "
		    "gives no part: an entry of a series takes the next one");
		rc = -1;
	}
	free(path);
	return rc;
}

int
template_install(const char *root)
{
	int rc = fsio_mkdirs(root, TEMPLATE_DIR);

	for (size_t i = 0; rc == 0 && i < nshipped_templates; i++) {
		struct buf rel = BUF_INIT;
		char *path;
		int err;

		buf_addf(&rel, TEMPLATE_DIR "/%s.yaml",
		    shipped_templates[i].name);
		path = path_join(root, rel.s);
		err = fsio_write(path, shipped_templates[i].text,
		    strlen(shipped_templates[i].text), FSIO_NEW, 0600, true);
		if (err != 0 && err != EEXIST) {
			diag_error(fsio_status(err), path, nopos, "cannot "
			    "write the template: %s", strerror(err));
			rc = -1;
		}
		free(path);
		buf_free(&rel);
	}
	return rc;
}
