# The command line as people use it: COMMAND -h and --help, help with a
# typo, version, global options placed after the command, and manuals
# that stay readable under LC_ALL=C.
. "$(dirname "$0")/lib.sh"

export MANPAGER=cat MANWIDTH=80
ROOT=$(cd "$E2E_DIR/../.." && pwd)

# The pages installed, as make install puts them: help finds them there
# when the binary has no man/ beside it (the ASan build).
install_pages() {
	make -s -o dailylog -C "$ROOT" install DESTDIR="$T/root" PREFIX=/usr \
	    >"$T/make.out" 2>&1 || fail "make install: $(cat "$T/make.out")"
	export MANPATH=$T/root/usr/share/man
}

test_command_h_prints_its_usage() {
	for cmd in list add show rm series export help version; do
		expect_status 0 "$DAILYLOG" "$cmd" -h || continue
		expect_grep "$T/out" "usage: dailylog $cmd"
		expect_empty "$T/err"
	done
	# Anywhere before "--", after other options too.
	expect_status 0 dl list --since today -h || return
	expect_grep "$T/out" "usage: dailylog list"
	# After "--" it is text: add takes it as the body.
	expect_status 0 dl add -t 本文 -- -h || return
	expect_eq "$(dl export -f jsonl | python3 -c 'import json,sys
print(repr(json.loads(sys.stdin.readline())["body"]))')" "'-h\\n'"
}

test_command_help_opens_its_manual() {
	install_pages
	expect_status 0 "$DAILYLOG" list --help || return
	expect_grep "$T/out" "DAILYLOG-LIST(1)"
	expect_grep "$T/out" "--not-tag"
	expect_status 0 "$DAILYLOG" rm --help || return
	expect_grep "$T/out" "DAILYLOG-RM(1)"
	# The same page as help COMMAND.
	"$DAILYLOG" help rm >"$T/help.out" 2>&1
	cmp -s "$T/out" "$T/help.out" || fail "rm --help is not help rm"
}

test_help_suggests_the_near_miss() {
	expect_status 64 "$DAILYLOG" help lsit || return
	expect_grep "$T/err" "help: no command 'lsit' (did you mean 'list'?)"
	expect_empty "$T/out"
	expect_status 64 "$DAILYLOG" help zzzzzz || return
	expect_grep "$T/err" "'dailylog --help' lists them"
	expect_status 64 "$DAILYLOG" help __complete || return
}

test_version() {
	expect_status 0 "$DAILYLOG" version || return
	grep -qxE 'dailylog [0-9]+\.[0-9]+\.[0-9]+' "$T/out" ||
	    fail "version printed: $(cat "$T/out")"
	cp "$T/out" "$T/version"
	expect_status 0 "$DAILYLOG" -V || return
	cmp -s "$T/out" "$T/version" || fail "-V differs from version"
	expect_status 0 "$DAILYLOG" --version || return
	cmp -s "$T/out" "$T/version" || fail "--version differs from version"
	expect_status 64 "$DAILYLOG" version extra || return
}

test_global_option_after_the_command_gets_a_hint() {
	expect_status 64 "$DAILYLOG" list -C "$S" || return
	expect_grep "$T/err" "list: -C is a global option: it goes before the command, as in 'dailylog -C DIR list'"
	expect_status 64 dl show --no-pager x || return
	expect_grep "$T/err" "show: --no-pager is a global option: it goes before the command, as in 'dailylog --no-pager show'"
	expect_status 64 dl list --dir="$S" || return
	expect_grep "$T/err" "list: --dir is a global option"
	expect_status 64 dl export --color=never || return
	expect_grep "$T/err" "export: --color is a global option: it goes before the command, as in 'dailylog --color=never export'"
	expect_status 64 dl list --version || return
	expect_grep "$T/err" "'dailylog version' prints the version"
	expect_empty "$T/out"
	# A command's own unknown option is still named as such.
	expect_status 64 dl list --colour-me || return
	expect_grep "$T/err" "list: unknown option '--colour-me'"
}

test_manuals_are_readable_under_the_c_locale() {
	install_pages
	for page in report list; do
		LC_ALL=C "$DAILYLOG" help "$page" >"$T/out" 2>"$T/err" ||
		    fail "help $page: $(cat "$T/err")"
		expect_no_grep "$T/err" "can't find special character"
		expect_empty "$T/err"
	done
	expect_grep "$T/out" "入館証"
	LC_ALL=C "$DAILYLOG" report --help >"$T/out" 2>"$T/err"
	expect_grep "$T/out" "週報"
	expect_empty "$T/err"
}

run_tests
