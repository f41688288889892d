# Paths: names from the user never escape their directory, and symbolic
# links are never followed out of the store or written through.  Every
# test compares a listing of everything outside the store and the output
# directory before and after.  (A NUL byte in an argument cannot be
# passed from a shell, or by execve at all, so it is not tested here.)
. "$(dirname "$0")/lib.sh"

# snapshot FILE: every path under $T outside the store and $T/o, with its
# size and modification time, and the contents of $T/outside.
snapshot() {
	find "$T" -mindepth 1 \( -path "$S" -o -path "$T/o" -o -path "$T/out" -o \
	    -path "$T/err" -o -path "$T/snap.*" \) -prune -o \
	    -printf '%p %y %s %T@\n' | sort >"$1"
}

unchanged() {
	snapshot "$T/snap.after"
	diff "$T/snap.before" "$T/snap.after" >"$T/snap.diff" ||
	    fail "something changed outside the store: $(cat "$T/snap.diff")"
}

# Two parts of series badge, and a directory of things that must not move.
setup() {
	dl add -d 2026-11-05 -s badge -t 一報 本文 >/dev/null 2>&1 || fail "add 1"
	dl add -d 2026-11-06 -s badge -t 二報 本文 >/dev/null 2>&1 || fail "add 2"
	mkdir -p "$T/outside/d/12" "$T/o"
	echo "秘密の原稿" >"$T/outside/secret"
	printf 'date: 2026-11-09\ntitle: 外の秘密\n' >"$T/outside/target.yaml"
	printf 'date: 2026-12-09\ntitle: 外の秘密二\n' >"$T/outside/d/12/outside2.yaml"
	snapshot "$T/snap.before"
}

test_add_series_names_stay_inside() {
	setup
	for slug in ../x a/b '' .. . ../../outside/d x/../y 'badge/'; do
		expect_status 64 dl add -d 2026-11-07 -s "$slug" -t 題 本文
		expect_grep "$T/err" "bad series"
	done
	[ "$(count_entries)" = 2 ] || fail "a bad series stored an entry"
	[ ! -e "$S/series/x.yaml" ] && [ ! -e "$S/x" ] || fail "a path was created"
	unchanged
}

test_references_with_paths_are_refused() {
	setup
	for ref in ../x a/b .. ../../outside/target 2026/11/x "$T/outside/target" \
	    '../badge:1' 'badge/..:1' 'badge:../1'; do
		for cmd in show edit; do
			"$DAILYLOG" -C "$S" "$cmd" "$ref" >"$T/out" 2>"$T/err"
			rc=$?
			[ "$rc" = 64 ] || [ "$rc" = 1 ] ||
			    fail "$cmd '$ref' exited $rc: $(cat "$T/err")"
			[ -s "$T/err" ] || fail "$cmd '$ref': no message"
			expect_no_grep "$T/out" "外の秘密"
		done
	done
	for name in ../x a/b ..; do
		"$DAILYLOG" -C "$S" render "$name" >"$T/out" 2>"$T/err"
		rc=$?
		[ "$rc" = 64 ] || [ "$rc" = 1 ] || fail "render '$name' exited $rc"
	done
	unchanged
}

# render -o meets a symbolic link where it writes: either of two safe
# behaviours is accepted, never following it.  Replace: the link itself
# becomes the new file (written beside it and renamed over it), status 0.
# Refuse: status 73, a message naming it, the link left as it was.
# expect_link_handled PATH TARGET: which one happened, and done right.
expect_link_handled() {
	if [ "$rc" = 0 ]; then
		[ -f "$1" ] && [ ! -L "$1" ] || fail "$1 is still a link after status 0"
	elif [ "$rc" = 73 ]; then
		[ "$(readlink "$1")" = "$2" ] || fail "$1 was changed though refused"
		expect_grep "$T/err" "$1"
	else
		fail "render -o over a link exited $rc: $(cat "$T/err")"
	fi
}

test_render_dir_never_writes_through_symlinks() {
	setup
	ln -s "$T/outside/secret" "$T/o/part-01.html"
	ln -s "$T/outside/secret" "$T/o/index.html"
	ln -s "$T/outside/nothing-here" "$T/o/part-02.html"
	dl render badge -f html -o "$T/o/" >"$T/out" 2>"$T/err"
	rc=$?
	expect_link_handled "$T/o/index.html" "$T/outside/secret"
	[ "$rc" = 0 ] && expect_grep "$T/o/part-01.html" "一報"
	[ ! -e "$T/outside/nothing-here" ] || fail "a dangling link was followed"
	expect_eq "$(cat "$T/outside/secret")" "秘密の原稿"
	unchanged
}

test_render_file_never_writes_through_symlink() {
	setup
	ln -s "$T/outside/secret" "$T/o/series.md"
	dl render badge -f markdown -o "$T/o/series.md" >"$T/out" 2>"$T/err"
	rc=$?
	expect_link_handled "$T/o/series.md" "$T/outside/secret"
	[ "$rc" = 0 ] && expect_grep "$T/o/series.md" "二報"
	expect_eq "$(cat "$T/outside/secret")" "秘密の原稿"
	unchanged
}

test_entry_symlink_is_reported_not_read() {
	setup
	ln -s "$T/outside/target.yaml" "$S/entries/2026/11/linked.yaml"
	# Reading the target would show its title, or its access time would
	# move; neither may happen.
	touch -a -d '2001-01-01' "$T/outside/target.yaml"
	snapshot "$T/snap.before"
	expect_status 65 dl check
	expect_grep "$T/err" "$S/entries/2026/11/linked.yaml"
	expect_no_grep "$T/err" "外の秘密"
	for args in "list --format tsv" "export" "show linked" "series"; do
		# shellcheck disable=SC2086
		dl $args >"$T/out" 2>"$T/err"
		expect_no_grep "$T/out" "外の秘密"
	done
	expect_eq "$(stat -c %X "$T/outside/target.yaml")" \
	    "$(date -d 2001-01-01 +%s)"
	unchanged
}

test_entries_subdirectory_symlink_not_followed() {
	setup
	ln -s "$T/outside/d" "$S/entries/2027"
	ln -s "$T/outside" "$S/entries/2026/12"
	dl check >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -lt 128 ] || fail "check died"
	expect_grep "$T/err" "$S/entries/2027"
	expect_grep "$T/err" "2 entries"
	for args in "list --format tsv" "export" "series" "render badge"; do
		# shellcheck disable=SC2086
		dl $args >"$T/out" 2>"$T/err"
		expect_no_grep "$T/out" "外の秘密"
	done
	# add refuses to write through the linked month directory.
	expect_status 73 dl add -d 2026-12-01 -s badge -t 三報 本文
	expect_grep "$T/err" "does not write through links"
	[ ! -e "$T/outside/2026" ] && [ -z "$(find "$T/outside" -newer "$T/snap.before" -type f)" ] ||
	    fail "add wrote through the linked directory"
	unchanged
}

run_tests
