/* git(1) as a child process, and the commits of writing commands (git.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "ctx.h"
#include "dailylog.h"
#include "diag.h"
#include "fsio.h"
#include "git.h"
#include "store.h"
#include "text.h"

#define GIT_MAX_ARGS	64	/* fixed arguments; paths come in batches */

bool
git_is_repo(const char *root)
{
	char *p = path_join(root, ".git");
	struct stat sb;
	bool yes = lstat(p, &sb) == 0;

	free(p);
	return yes;
}

int
git_open(struct git *g, const struct ctx *ctx, const char *root)
{
	memset(g, 0, sizeof(*g));
	g->root = root;
	if ((g->prog = ctx_git(ctx)) == NULL) {
		diag_fail(EXIT_IOERR, "git is not installed (or not on PATH): "
		    "install it (apt-get install git), or turn commits off "
		    "with 'git-commit: false' in the settings");
		return -1;
	}
	return 0;
}

void
git_close(struct git *g)
{
	free(g->prog);
	buf_free(&g->out);
	buf_free(&g->err);
	memset(g, 0, sizeof(*g));
}

/* The child: its output to the pipes, a known locale, no editor. */
static void
child(const char *const *av, int out, int err)
{
	static const char *const drop[] = {
		"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX",
		"GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "LANGUAGE",
	};

	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		unsetenv(drop[i]);
	/* Messages in English, so that git_fail can tell them apart. */
	setenv("LC_ALL", "C", 1);
	/* ":" is git's word for "do not start an editor". */
	setenv("GIT_EDITOR", ":", 1);
	execv(av[0], (char *const *)av);
	dprintf(err, "fatal: cannot run %s: %s\n", av[0], strerror(errno));
	_exit(127);
}

/* Read both pipes to their ends, whichever git writes first. */
static void
drain(int out, int err, struct buf *bout, struct buf *berr)
{
	struct pollfd p[2] = { { out, POLLIN, 0 }, { err, POLLIN, 0 } };
	struct buf *b[2] = { bout, berr };
	int open = 2;

	while (open > 0) {
		if (poll(p, 2, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			char chunk[8192];
			ssize_t n;

			if (p[i].fd == -1 || p[i].revents == 0)
				continue;
			n = read(p[i].fd, chunk, sizeof(chunk));
			if (n > 0)
				buf_add(b[i], chunk, (size_t)n);
			else if (n == 0 || errno != EINTR) {
				close(p[i].fd);
				p[i].fd = -1;
				open--;
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (p[i].fd != -1)
			close(p[i].fd);
}

int
git_runv(struct git *g, const char *const *argv)
{
	const char **av;
	size_t n = 0, k = 0;
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, status;
	pid_t pid;

	while (argv[n] != NULL)
		n++;
	av = xreallocarray(NULL, n + 6, sizeof(*av));
	av[k++] = g->prog;
	if (g->root != NULL) {
		av[k++] = "-C";
		av[k++] = g->root;
	}
	av[k++] = "--literal-pathspecs";
	for (size_t i = 0; i < n; i++)
		av[k++] = argv[i];
	av[k] = NULL;
	buf_reset(&g->out);
	buf_reset(&g->err);
	buf_adds(&g->out, "");
	buf_adds(&g->err, "");
	if (pipe2(po, O_CLOEXEC) == -1 || pipe2(pe, O_CLOEXEC) == -1 ||
	    (pid = fork()) == -1) {
		diag_fail(EXIT_IOERR, "cannot run git: %s", strerror(errno));
		for (int i = 0; i < 2; i++) {
			if (po[i] != -1)
				close(po[i]);
			if (pe[i] != -1)
				close(pe[i]);
		}
		free(av);
		return -1;
	}
	if (pid == 0)
		child(av, po[1], pe[1]);
	free(av);
	close(po[1]);
	close(pe[1]);
	drain(po[0], pe[0], &g->out, &g->err);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			diag_fail(EXIT_IOERR, "waiting for git: %s",
			    strerror(errno));
			return -1;
		}
	if (WIFSIGNALED(status)) {
		diag_fail(EXIT_IOERR, "git was killed by signal %d",
		    WTERMSIG(status));
		return -1;
	}
	if (WEXITSTATUS(status) == 127 &&
	    strstr(g->err.s, "fatal: cannot run ") == g->err.s) {
		diag_fail(EXIT_IOERR, "%.*s", (int)strcspn(g->err.s + 7, "\n"),
		    g->err.s + 7);
		return -1;
	}
	return WEXITSTATUS(status);
}

int
git_run(struct git *g, ...)
{
	const char *argv[GIT_MAX_ARGS + 1];
	size_t n = 0;
	va_list ap;

	va_start(ap, g);
	while (n < GIT_MAX_ARGS && (argv[n] = va_arg(ap, const char *)) != NULL)
		n++;
	va_end(ap);
	argv[n] = NULL;
	return git_runv(g, argv);
}

/* --- what git said --- */

static bool
said(const struct git *g, const char *what)
{
	return strstr(g->err.s ? g->err.s : "", what) != NULL ||
	    strstr(g->out.s ? g->out.s : "", what) != NULL;
}

/* git's fatal and error lines, without their prefixes, joined by "; ". */
static void
git_why(const struct git *g, struct buf *why)
{
	const char *s = g->err.s ? g->err.s : "", *last = NULL;
	size_t lastn = 0, k = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, "\n");
		const char *line = s;

		s += n + (s[n] == '\n');
		if (n == 0)
			continue;
		if (strncmp(line, "hint: ", 6) != 0) {
			last = line;
			lastn = n;
		}
		if (strncmp(line, "fatal: ", 7) == 0) {
			line += 7;
			n -= 7;
		} else if (strncmp(line, "error: ", 7) == 0) {
			line += 7;
			n -= 7;
		} else if (memmem(line, n, "Permission denied", 17) == NULL)
			continue;
		if (k++ < 3)
			buf_addf(why, "%s%.*s", k > 1 ? "; " : "", (int)n,
			    line);
	}
	if (k == 0 && last != NULL)
		buf_addf(why, "%.*s", (int)lastn, last);
}

int
git_fail(struct git *g, int status, const char *fmt, ...)
{
	struct buf what = BUF_INIT, why = BUF_INIT;
	const char *hint = NULL;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&what, fmt, ap);
	va_end(ap);
	git_why(g, &why);
	if (said(g, "Authentication failed") || said(g, "could not read "
	    "Username") || said(g, "could not read Password") ||
	    said(g, "Permission denied") || said(g, "The requested URL "
	    "returned error: 401") || said(g, "returned error: 403")) {
		status = EXIT_CANTCREAT;
		hint = "the remote refused your credentials: check them "
		    "(git's credential helper, your SSH key) and try again";
	} else if (said(g, "does not appear to be a git repository") ||
	    said(g, "Repository not found") || said(g, "does not exist") ||
	    said(g, "returned error: 404")) {
		status = EXIT_NOINPUT;
		hint = "check the remote's URL (git remote -v)";
	} else if (said(g, "Could not resolve host") ||
	    said(g, "Connection refused") || said(g, "timed out") ||
	    said(g, "Network is unreachable") ||
	    said(g, "Could not read from remote repository") ||
	    said(g, "unable to access")) {
		status = EXIT_IOERR;
		hint = "the remote cannot be reached: check the network and "
		    "try again";
	} else if (said(g, "index.lock") || said(g, ".lock': File exists")) {
		status = EXIT_TEMPFAIL;
		hint = "another git command is at work in this repository: "
		    "wait for it to end and try again";
	} else if (said(g, "Please tell me who you are") ||
	    said(g, "unable to auto-detect email address")) {
		hint = "git does not know who you are: set it with 'git config "
		    "user.name NAME' and 'git config user.email ADDRESS' in "
		    "the store";
	}
	diag_fail(status, "%s: git: %s%s%s", what.s, why.len ? why.s :
	    "failed", hint ? "; " : "", hint ? hint : "");
	buf_free(&what);
	buf_free(&why);
	return -1;
}

/* --- commits --- */

const char *
git_relative(const char *root, const char *path)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(path, root, n) != 0 || path[n] != '/')
		return NULL;
	return path + n + 1;
}

/* A temporary file in tmpdir holding n bytes of data; a new path. */
static char *
temp_with(const char *tmpdir, const char *data, size_t n)
{
	char *path;
	int fd, err;

	if ((fd = fsio_tmpfile(tmpdir, "dailylog-git", &path)) == -1)
		return NULL;
	err = fd_write_all(fd, data, n);
	if (close(fd) == -1 && err == 0)
		err = errno;
	if (err != 0) {
		diag_fail(fsio_status(err), "cannot write %s: %s", path,
		    strerror(err));
		unlink(path);
		free(path);
		return NULL;
	}
	return path;
}

/*
 * Commit the n paths (relative to the work tree) and nothing else: git
 * add learns them (added, changed or gone), then commit --only takes
 * their content whatever else is staged.  The paths and the message go
 * through files, as an import can name more than a command line holds.
 * A path that is neither there nor known to git (written, then rolled
 * back) is left out.
 */
static int
commit_paths(struct git *g, const char *tmpdir, const char **paths,
    size_t n, const char *msg)
{
	struct buf list = BUF_INIT, spec = BUF_INIT;
	char *pf = NULL, *mf = NULL;
	int rc = -1, st;

	for (size_t i = 0; i < n; i++) {
		char *p = path_join(g->root, paths[i]);
		struct stat sb;

		if (lstat(p, &sb) == 0 || git_run(g, "ls-files",
		    "--error-unmatch", "--", paths[i], (char *)NULL) == 0)
			buf_add(&list, paths[i], strlen(paths[i]) + 1);
		free(p);
	}
	if (list.len == 0) {
		rc = 0;
		goto out;
	}
	if ((pf = temp_with(tmpdir, list.s, list.len)) == NULL ||
	    (mf = temp_with(tmpdir, msg, strlen(msg))) == NULL)
		goto out;
	buf_addf(&spec, "--pathspec-from-file=%s", pf);
	if ((st = git_run(g, "add", spec.s, "--pathspec-file-nul",
	    (char *)NULL)) == 0)
		st = git_run(g, "commit", "-q", "--only", "-F", mf, spec.s,
		    "--pathspec-file-nul", (char *)NULL);
	if (st == 0 || (st == 1 && said(g, "nothing to commit")))
		rc = 0;
	else if (st > 0) {
		rc = git_fail(g, EXIT_IOERR, "cannot commit %s", list.s);
		/* Not committed: not staged either, as before. */
		(void)git_run(g, "reset", "-q", spec.s, "--pathspec-file-nul",
		    (char *)NULL);
	}
out:
	if (pf != NULL)
		unlink(pf);
	if (mf != NULL)
		unlink(mf);
	free(pf);
	free(mf);
	buf_free(&list);
	buf_free(&spec);
	return rc;
}

int
git_commit_changes(struct ctx *ctx, const char *fmt, ...)
{
	struct store *st = &ctx->st;
	struct buf msg = BUF_INIT;
	const char **rel;
	struct git g;
	size_t n = 0;
	va_list ap;
	int rc;

	if (st->nchanged == 0 || ctx->cfg.git_commit == 0 ||
	    !git_is_repo(st->root)) {
		store_changed_clear(st);
		return 0;
	}
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	rel = xreallocarray(NULL, st->nchanged, sizeof(*rel));
	for (size_t i = 0; i < st->nchanged; i++)
		if ((rel[n] = git_relative(st->root, st->changed[i])) != NULL)
			n++;
	if ((rc = git_open(&g, ctx, st->root)) == 0 &&
	    (rc = store_lock(st)) == 0) {
		rc = commit_paths(&g, ctx_tmpdir(ctx), rel, n, msg.s);
		store_unlock(st);
	}
	if (rc != 0) {
		struct buf files = BUF_INIT;

		for (size_t i = 0; i < n; i++)
			buf_addf(&files, " %s", rel[i]);
		diag("the files are written but not committed; once git works, "
		    "commit them with 'git -C %s add --%s' and 'git -C %s "
		    "commit -m \"%.*s\"'", st->root, files.s ? files.s : "",
		    st->root, (int)strcspn(msg.s, "\n"), msg.s);
		buf_free(&files);
	}
	git_close(&g);
	free(rel);
	buf_free(&msg);
	store_changed_clear(st);
	return rc;
}

/*
 * The author setting that is the writer's own: in a git store the
 * store's dailylog.yaml is everyone's, so only the user's file counts.
 */
static char *
own_author(const struct ctx *ctx)
{
	struct config user;
	char *path, *name = NULL;

	if (!git_is_repo(ctx->st.root))
		return ctx->cfg.author ? xstrdup(ctx->cfg.author) : NULL;
	config_init(&user);
	path = config_user_path(ctx->env.xdg_config_home, ctx->env.home);
	if (config_read_user(path, &user) == 0 && user.author != NULL)
		name = xstrdup(user.author);
	config_free(&user);
	free(path);
	return name;
}

char *
git_author(const struct ctx *ctx)
{
	struct git g;
	char *name = own_author(ctx);

	/* An empty author setting keeps the field out. */
	if (name != NULL) {
		if (*name != '\0')
			return name;
		free(name);
		return NULL;
	}
	memset(&g, 0, sizeof(g));
	if ((g.prog = ctx_git(ctx)) == NULL)
		return NULL;
	g.root = ctx->st.root;
	if (git_run(&g, "config", "user.name", (char *)NULL) == 0) {
		size_t n = strcspn(g.out.s, "\n");

		/* A name the loader would refuse is no author. */
		if (n > 0 && text_valid_utf8(g.out.s, n) &&
		    text_find_control(g.out.s, n) == NULL)
			name = xstrndup(g.out.s, n);
	}
	git_close(&g);
	return name;
}

/* --- the driver, init --git, clone --- */

/* Append s quoted for sh(1). */
static void
shell_quote(struct buf *b, const char *s)
{
	buf_addc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			buf_adds(b, "'\\''");
		else
			buf_addc(b, *s);
	buf_addc(b, '\'');
}

char *
git_driver_command(void)
{
	struct buf cmd = BUF_INIT;
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	/* This very program, wherever it is installed. */
	if (n > 0) {
		self[n] = '\0';
		shell_quote(&cmd, self);
	} else
		buf_adds(&cmd, "dailylog");
	buf_adds(&cmd, " __merge-file %O %A %B %P");
	return buf_detach(&cmd);
}

/*
 * The merge driver in the repository's own configuration (git does not
 * carry it in the repository): this program's __merge-file.
 */
static int
git_setup_driver(struct git *g)
{
	char *cmd = git_driver_command();
	int rc = 0, st;

	if ((st = git_run(g, "config", "merge.dailylog.name", "dailylog: "
	    "entries merged field by field", (char *)NULL)) != 0 ||
	    (st = git_run(g, "config", "merge.dailylog.driver", cmd,
	    (char *)NULL)) != 0)
		rc = st < 0 ? -1 : git_fail(g, EXIT_IOERR, "cannot set up the "
		    "merge driver in %s", g->root);
	free(cmd);
	return rc;
}

static const char gitignore[] =
    "# dailylog(5): what is derived or private stays out of git: the\n"
    "# index, the lock, kept conflicts, drafts, temporary files.\n"
    "/.*\n"
    "!/.gitignore\n"
    "!/.gitattributes\n"
    "/drafts/\n"
    ".*.tmp-*\n";

static const char gitattributes[] =
    "# dailylog(5): entries and settings merge field by field.\n"
    "*.yaml merge=dailylog\n";

/* Whether text has line (n bytes, without its newline) as a line. */
static bool
has_line(const char *text, const char *line, size_t n)
{
	for (const char *s = text; *s; ) {
		size_t k = strcspn(s, "\n");

		if (k == n && memcmp(s, line, n) == 0)
			return true;
		s += k + (s[k] == '\n');
	}
	return false;
}

/*
 * ROOT/name with every line of want that is not a comment: written
 * when missing, else the lines it lacks appended.  *changed tells.
 */
static int
ensure_lines(const char *root, const char *name, const char *want,
    bool *changed)
{
	char *path = path_join(root, name), *old = NULL;
	struct buf b = BUF_INIT;
	size_t len = 0;
	struct stat sb;
	int rc = 0;

	*changed = false;
	if (lstat(path, &sb) == -1)
		buf_adds(&b, want);
	else if ((rc = file_read(path, 64 * 1024, &old, &len)) == 0) {
		buf_add(&b, old, len);
		for (const char *s = want; *s; ) {
			size_t k = strcspn(s, "\n");

			if (*s != '#' && !has_line(old, s, k)) {
				if (b.len > 0 && b.s[b.len - 1] != '\n')
					buf_addc(&b, '\n');
				buf_addf(&b, "%.*s\n", (int)k, s);
			}
			s += k + (s[k] == '\n');
		}
	}
	if (rc == 0 && (old == NULL || b.len != len)) {
		*changed = true;
		rc = fsio_store_file(path, b.s, b.len, FSIO_REPLACE);
	}
	free(old);
	free(path);
	buf_free(&b);
	return rc;
}

/*
 * The first commit: the store as it is, through git add (which skips
 * what .gitignore names); the repository has no commit, so nothing
 * else can be staged but what the user staged there himself.
 */
static int
first_commit(struct git *g)
{
	static const char *const names[] = {
		"dailylog.yaml", ".gitignore", ".gitattributes", "entries",
		"series", "templates", "comments",
	};
	const char *av[16];
	size_t k = 0;
	int st;

	av[k++] = "add";
	av[k++] = "--";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *p = path_join(g->root, names[i]);
		struct stat sb;

		if (lstat(p, &sb) == 0)
			av[k++] = names[i];
		free(p);
	}
	av[k] = NULL;
	if ((st = git_runv(g, av)) != 0)
		return st < 0 ? -1 : git_fail(g, EXIT_IOERR, "cannot add the "
		    "store's files to git");
	if ((st = git_run(g, "commit", "-q", "-m", "init: a dailylog store",
	    (char *)NULL)) != 0)
		return st < 0 ? -1 : git_fail(g, EXIT_IOERR, "cannot make the "
		    "first commit");
	return 0;
}

/* The store's own author setting, which a git store shares: said. */
static void
warn_shared_author(const char *root)
{
	char *path = path_join(root, "dailylog.yaml");
	struct config cfg;

	config_init(&cfg);
	if (config_read(path, 1, &cfg) == 0 && cfg.author != NULL)
		diag_warn(path, nopos, "author '%s' is shared with everyone "
		    "who clones the store, so it is not used in a git store: "
		    "put yours in your own config.yaml or git config "
		    "user.name", cfg.author);
	config_free(&cfg);
	free(path);
}

int
git_init_store(struct ctx *ctx, const char *root, const char *author)
{
	const char *rel[2];
	struct git g;
	bool made, ign, attr;
	size_t n = 0;
	int rc, st;

	if ((rc = git_open(&g, ctx, root)) != 0)
		return rc;
	made = !git_is_repo(root);
	if (made && (st = git_run(&g, "init", "-q", (char *)NULL)) != 0) {
		rc = st < 0 ? -1 : git_fail(&g, EXIT_IOERR, "cannot make %s a "
		    "git repository", root);
		goto out;
	}
	if (author != NULL && (st = git_run(&g, "config", "user.name", author,
	    (char *)NULL)) != 0) {
		rc = st < 0 ? -1 : git_fail(&g, EXIT_IOERR, "cannot set "
		    "user.name in %s", root);
		goto out;
	}
	warn_shared_author(root);
	if ((rc = ensure_lines(root, ".gitignore", gitignore, &ign)) != 0 ||
	    (rc = ensure_lines(root, ".gitattributes", gitattributes,
	    &attr)) != 0 || (rc = git_setup_driver(&g)) != 0)
		goto out;
	if (git_run(&g, "rev-parse", "-q", "--verify", "HEAD",
	    (char *)NULL) != 0) {
		if ((rc = first_commit(&g)) == 0)
			diag("%s is a git repository now, with a first commit; "
			    "share it with 'git -C %s remote add origin URL' "
			    "and 'dailylog sync'", root, root);
		else
			diag("once that is mended, 'dailylog init --git %s' "
			    "again finishes the store", root);
		goto out;
	}
	if (ign)
		rel[n++] = ".gitignore";
	if (attr)
		rel[n++] = ".gitattributes";
	if (n > 0 && (rc = commit_paths(&g, ctx_tmpdir(ctx), rel, n,
	    "init --git: what git "
	    "leaves out, and the merge driver")) == 0)
		diag("%s: wrote %s%s%s and committed", root, ign ?
		    ".gitignore" : "", n > 1 ? " and " : "", attr ?
		    ".gitattributes" : "");
	else if (n == 0)
		diag("%s is a git store already; the merge driver is set up",
		    root);
out:
	git_close(&g);
	return rc;
}

static int
remove_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) == -1)
		diag_warn(path, nopos, "cannot remove: %s", strerror(errno));
	return 0;
}

/* Whether dir is missing or an empty directory. */
static bool
empty_or_missing(const char *dir)
{
	struct dirent *de;
	DIR *d;
	int n = 0;

	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n == 0;
}

int
git_clone_store(struct ctx *ctx, const char *url, const char *dir)
{
	struct git g;
	struct stat sb;
	char *settings;
	bool existed = lstat(dir, &sb) == 0;
	mode_t mode = sb.st_mode & 07777;
	int rc, st;

	if (!empty_or_missing(dir)) {
		diag_fail(EXIT_CANTCREAT, "%s exists and is not an empty "
		    "directory; give clone another one", dir);
		return -1;
	}
	if ((rc = git_open(&g, ctx, NULL)) != 0)
		return rc;
	if ((st = git_run(&g, "clone", "-q", "--", url, dir,
	    (char *)NULL)) != 0) {
		rc = st < 0 ? -1 : git_fail(&g, EXIT_IOERR, "cannot clone %s",
		    url);
		goto out;
	}
	g.root = dir;
	settings = path_join(dir, "dailylog.yaml");
	if (lstat(settings, &sb) == -1) {
		if (git_run(&g, "rev-parse", "-q", "--verify", "HEAD",
		    (char *)NULL) != 0)
			diag_fail(EXIT_NOINPUT, "%s is an empty repository: "
			    "nobody has shared a store there yet; make one "
			    "with 'dailylog init --git DIR', add the remote "
			    "with 'git -C DIR remote add origin %s' and run "
			    "'dailylog -C DIR sync'", url, url);
		else
			diag_fail(EXIT_NOINPUT, "%s is not a dailylog store: "
			    "it has no dailylog.yaml", url);
		/* Leave nothing behind: what is in dir is git's clone. */
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
		if (existed)
			mkdir(dir, mode);
		rc = -1;
	} else if ((rc = git_setup_driver(&g)) == 0) {
		diag("cloned %s into %s", url, dir);
		if (git_run(&g, "var", "GIT_COMMITTER_IDENT",
		    (char *)NULL) != 0)
			diag_warn(dir, nopos, "git does not know who you are, "
			    "so your changes cannot be committed: set 'git -C "
			    "%s config user.name NAME' and 'git -C %s config "
			    "user.email ADDRESS'", dir, dir);
	}
	free(settings);
out:
	git_close(&g);
	return rc;
}
