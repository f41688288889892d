# Shell completion, proven by typing: real interactive bash (with
# bash-completion, and without), zsh and fish on a pseudo-terminal
# (shell_pty.py), each finding the script where `make install` put it,
# as it finds it on Debian.  What the shell lists after TAB and what it
# inserts (the arguments the line then passes) are checked: commands,
# options, formats, series, SERIES:PART, IDs, clients and tags with
# spaces and Japanese.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$E2E_DIR/../.." && pwd)

# A store with two series, clients and tags with spaces and Japanese, and
# the binary under test as "dailylog" on a PATH of its own; the scripts
# installed under $T/root.
setup() {
	dl add -d 2026-11-02 -s badge -t 初回訪問 --client 'Harbor Foods' \
	    --contact O部長 --tag 'クレーム 対応' x >/dev/null &&
	dl add -d 2026-11-03 -s badge -t 再訪問 --client 'T社 本社' \
	    --staff 'Kさん' --tag 入館証 x >/dev/null &&
	dl add -d 2026-11-04 -s quote-k -t 見積 --client K商事 x >/dev/null &&
	dl add -d 2026-11-05 -t 一般 --client 'Harbor Foods' x >/dev/null ||
	    fail "could not fill the store"
	mkdir -p "$T/bin" "$T/home"
	ln -s "$DAILYLOG" "$T/bin/dailylog"
	make -s -o dailylog -C "$ROOT" install DESTDIR="$T/root" PREFIX=/usr \
	    >"$T/make.out" 2>&1 || fail "make install: $(cat "$T/make.out")"
	# A second store, named on the line with -C.
	"$DAILYLOG" init "$T/other" >/dev/null 2>&1
	"$DAILYLOG" -C "$T/other" add -s weekly -t 週次 x >/dev/null ||
	    fail "could not fill the other store"
}

# in_shell KIND [bare]: run the Python cases on stdin in a KIND shell;
# they call offers(KEYS, WANT, NOT) and inserts(KEYS, ARGS).
in_shell() {
	{
		cat <<-'PY'
		import os, sys
		sys.path.insert(0, os.environ["E2E_DIR"])
		import shell_pty
		kind, tmp = sys.argv[1], sys.argv[-1]
		bare = len(sys.argv) > 3
		setup = ". %s/completion/dailylog.bash\n" % os.environ["ROOT"] \
		    if bare else None
		sh = shell_pty.start(kind, tmp + "/home",
		    tmp + "/bin", tmp + "/root/usr/share",
		    {"DAILYLOG_DIR": tmp + "/store"}, setup)
		failures = []
		# Listing what is ambiguous takes two TABs in bash, one elsewhere.
		LIST = "\t\t" if kind == "bash" else "\t"
		def offers(keys, want, never=()):
		    r = sh.type(keys + LIST)
		    shown = r.shown.partition(keys)[2] or r.shown
		    for w in want:
		        if w not in shown:
		            failures.append("%s: %r lists no %r: %r"
		                % (kind, keys, w, shown))
		    for w in never:
		        if w in shown:
		            failures.append("%s: %r lists %r: %r"
		                % (kind, keys, w, shown))
		def inserts(keys, args):
		    r = sh.type(keys + "\t")
		    if r.args != args:
		        failures.append("%s: %r gives %r, not %r"
		            % (kind, keys, r.args, args))
		def runs(keys, want):
		    out = sh.run(keys + "\t")
		    if want not in out or "unexpected argument" in out:
		        failures.append("%s: %r ran as %r" % (kind, keys, out))
		PY
		cat
		cat <<-'PY'
		sh.close()
		if failures:
		    sys.exit("\n".join(failures))
		PY
	} >"$T/cases.py"
	E2E_DIR=$E2E_DIR ROOT=$ROOT python3 "$T/cases.py" "$@" "$T" \
	    >"$T/py.out" 2>&1 || fail "$(cat "$T/py.out")"
}

# The cases every shell passes.
common_cases() {
	cat <<-'PY'
	# Commands, from the binary's own table.
	offers("dailylog re", ["read", "render", "report"], ["list", "__complete"])
	inserts("dailylog impo", ["dailylog", "import"])
	inserts("dailylog help sh", ["dailylog", "help", "show"])
	# Options of the command typed.
	offers("dailylog list --not-c", ["--not-client", "--not-contact"])
	inserts("dailylog rm --dr", ["dailylog", "rm", "--dry-run"])
	inserts("dailylog init --gi", ["dailylog", "init", "--git"])
	offers("dailylog resolve --", ["--ours", "--theirs"])
	inserts("dailylog render --red", ["dailylog", "render", "--redact"])
	inserts("dailylog approve badge:2", ["dailylog", "approve", "badge:2"])
	# Formats: each command's own, render's from the binary.
	offers("dailylog list -f t", ["table", "tsv"], ["yaml", "json"])
	inserts("dailylog export -f y", ["dailylog", "export", "-f", "yaml"])
	inserts("dailylog render -f ht", ["dailylog", "render", "-f", "html"])
	offers("dailylog render -f h", ["html", "hugo"])
	# Series, and SERIES:PART (bash splits words at ':').
	inserts("dailylog render q", ["dailylog", "render", "quote-k"])
	offers("dailylog show badge:", ["1", "2"])
	inserts("dailylog show badge:2", ["dailylog", "show", "badge:2"])
	inserts("dailylog show quote-k:", ["dailylog", "show", "quote-k:1"])
	inserts("dailylog read badge:1", ["dailylog", "read", "badge:1"])
	offers("dailylog show @", ["~1"])
	# IDs.
	ids = sorted(os.listdir(tmp + "/store/entries/2026/11"))
	third = [i[:-5] for i in ids if i.startswith("20261104-")][0]
	inserts("dailylog edit 20261104", ["dailylog", "edit", third])
	# Values with spaces and Japanese: one argument each.
	inserts("dailylog list --client Har",
	    ["dailylog", "list", "--client", "Harbor Foods"])
	inserts("dailylog export --not-client T",
	    ["dailylog", "export", "--not-client", "T社 本社"])
	inserts("dailylog list --tag ク", ["dailylog", "list", "--tag", "クレーム 対応"])
	inserts("dailylog list --tag 入", ["dailylog", "list", "--tag", "入館証"])
	inserts("dailylog add --contact O", ["dailylog", "add", "--contact", "O部長"])
	inserts("dailylog list --staff K", ["dailylog", "list", "--staff", "Kさん"])
	inserts("dailylog add --template d", ["dailylog", "add", "--template", "daily"])
	# And the line then runs: the value reached dailylog whole.
	runs("dailylog list --client Har", "一般")
	# The store named on the line, not $DAILYLOG_DIR's.
	inserts("dailylog -C %s/other render w" % tmp,
	    ["dailylog", "-C", tmp + "/other", "render", "weekly"])
	PY
}

test_bash_with_bash_completion() {
	setup
	common_cases >"$T/cases.in"
	in_shell bash <"$T/cases.in"
}

test_bash_without_bash_completion() {
	setup
	{
		common_cases
		cat <<-'PY'
		# A quote typed by the user is closed by readline.
		inserts("dailylog list --client 'Har",
		    ["dailylog", "list", "--client", "Harbor Foods"])
		PY
	} >"$T/cases.in"
	# Not at the end of a pipeline: a failure in a subshell is lost.
	in_shell bash bare <"$T/cases.in"
}

test_zsh() {
	setup
	common_cases >"$T/cases.in"
	in_shell zsh <"$T/cases.in"
}

test_fish() {
	setup
	common_cases >"$T/cases.in"
	in_shell fish <"$T/cases.in"
}

# No store: nothing offered, nothing printed into the line.
test_no_store_offers_nothing_quietly() {
	setup
	rm -r "$S"
	in_shell bash <<-'PY'
	inserts("dailylog show badge:", ["dailylog", "show", "badge:"])
	r = sh.type("dailylog render \t\t")
	if "dailylog:" in r.shown:
	    failures.append("a message in the line: %r" % r.shown)
	PY
}

test_complete_listing() {
	setup
	expect_status 0 dl __complete clients
	printf '%s\n' 'Harbor Foods' 'K商事' 'T社 本社' >"$T/want"
	cmp -s "$T/want" "$T/out" || fail "clients: $(cat "$T/out")"
	expect_status 0 dl __complete ids
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 4
	# Newest first: the last entry added is dated 2026-11-05.
	expect_eq "$(head -n 1 "$T/out")" "$(dl list -f tsv | tail -n 1 | cut -f1)"
	expect_status 0 dl __complete refs
	printf 'badge:1\nbadge:2\nquote-k:1\n' >"$T/want"
	cmp -s "$T/want" "$T/out" || fail "refs: $(cat "$T/out")"
	expect_status 0 dl __complete templates
	printf 'complaint\ndaily\nfollowup\n' >"$T/want"
	cmp -s "$T/want" "$T/out" || fail "templates: $(cat "$T/out")"
	expect_status 0 dl __complete contacts
	expect_eq "$(cat "$T/out")" "O部長"
	# Commands and formats need no store.
	expect_status 0 "$DAILYLOG" -C "$T/nowhere" __complete commands
	expect_grep "$T/out" rm
	expect_no_grep "$T/out" __complete
	expect_status 0 "$DAILYLOG" -C "$T/nowhere" __complete formats
	expect_grep "$T/out" gemini
	expect_status 64 dl __complete nonsense
}

# A value that would break the line-per-value listing is not offered.
test_listing_skips_multiline_values() {
	cat >"$T/e.yaml" <<'YAML'
date: 2026-11-06
title: 改行入り
client: "A社\nB社"
tags: [ok]
YAML
	dl add -F "$T/e.yaml" >/dev/null || fail "add -F"
	expect_status 0 dl __complete clients
	expect_empty "$T/out"
}

test_make_install_puts_the_scripts_where_the_shells_look() {
	for prefix in /usr /usr/local; do
		rm -rf "$T/root"
		make -s -o dailylog -C "$ROOT" install DESTDIR="$T/root" \
		    PREFIX=$prefix >"$T/make.out" 2>&1 ||
		    { fail "make install: $(cat "$T/make.out")"; return; }
		bash_dir=$T/root$prefix/share/bash-completion/completions
		fish_dir=$T/root$prefix/share/fish/vendor_completions.d
		if [ $prefix = /usr ]; then
			zsh_dir=$T/root/usr/share/zsh/vendor-completions
		else
			zsh_dir=$T/root/usr/local/share/zsh/site-functions
		fi
		cmp -s "$ROOT/completion/dailylog.bash" "$bash_dir/dailylog" ||
		    fail "bash completion not in $bash_dir"
		cmp -s "$ROOT/completion/_dailylog" "$zsh_dir/_dailylog" ||
		    fail "zsh completion not in $zsh_dir"
		cmp -s "$ROOT/completion/dailylog.fish" "$fish_dir/dailylog.fish" ||
		    fail "fish completion not in $fish_dir"
		# The directories are the shells' own.
		case $prefix in
		/usr)	zsh -fc 'print -l $fpath' | grep -qx /usr/share/zsh/vendor-completions ;;
		*)	zsh -fc 'print -l $fpath' | grep -qx /usr/local/share/zsh/site-functions ;;
		esac || fail "zsh does not search ${zsh_dir#$T/root}"
		make -s -C "$ROOT" uninstall DESTDIR="$T/root" PREFIX=$prefix \
		    >/dev/null 2>&1
		[ ! -e "$zsh_dir/_dailylog" ] && [ ! -e "$bash_dir/dailylog" ] &&
		[ ! -e "$fish_dir/dailylog.fish" ] ||
		    fail "uninstall left a completion script"
	done
	fish -c 'printf "%s\n" $fish_complete_path' | grep -qx /usr/share/fish/vendor_completions.d ||
	    fail "fish does not search /usr/share/fish/vendor_completions.d"
}

run_tests
