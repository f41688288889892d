# The order of the system calls of every writer, from strace(1): a file
# is flushed before it gets its name, a directory after mkdir, link,
# rename and unlink in it, and the ID is printed after the last flush
# (tests/faults/fsync_order.py has the rules).  Power loss cannot be
# staged here; these orders are what makes it harmless (Pillai et al.).
. "$(dirname "$0")/../e2e/lib.sh"

ORDER=$E2E_DIR/../faults/fsync_order.py

# traced NAME CMD...: CMD under strace, its log $T/NAME.log; sets rc.
traced() {
	log=$T/$1.log; shift
	strace -f -y -qq -e trace=file,desc -o "$log" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# order NAME SCOPE...: the rules hold for $T/NAME.log within SCOPE.
order() {
	name=$1; shift
	python3 "$ORDER" "$T/$name.log" "$@" >&2 2>"$T/order.err" ||
	    fail "$name: $(cat "$T/order.err")"
}

test_strace_present() {
	command -v strace >/dev/null ||
	    fail "strace is missing: 'make deps' installs it"
}

# init makes the store and its parent: each is flushed in its parent.
test_init() {
	traced init "$DAILYLOG" init "$T/new/store"
	expect_eq "$rc" 0
	order init "$T"
	grep -q 'mkdir("'"$T"'/new", 0700) = 0' "$T/init.log" ||
	    fail "init did not make the parent (the check saw no mkdir)"
}

# The first entry of a month makes entries/YYYY and entries/YYYY/MM.
test_add_first_of_month() {
	traced add "$DAILYLOG" -C "$S" add -d 2031-04-01 -t 月初め 本文
	expect_eq "$rc" 0
	grep -q '^[0-9]\{8\}-' "$T/out" || fail "add printed no ID"
	grep -q 'mkdirat(.*"2031", 0700) = 0' "$T/add.log" ||
	    fail "the year directory was not made"
	order add "$S"
	# A second entry of the month: no directory made, the same rules.
	traced add2 "$DAILYLOG" -C "$S" add -d 2031-04-02 -t 二つ目 本文
	order add2 "$S"
}

test_edit() {
	id=$(dl add -d 2031-05-01 -t 直す前 本文) || { fail "add"; return; }
	ed=$(editor_script ed <<-'EOF'
	sed 's/直す前/直した後/' "$1" >"$1.new" && cat "$1.new" >"$1" && rm "$1.new"
	EOF
	)
	EDITOR=$ed traced edit "$DAILYLOG" -C "$S" edit "$id"
	expect_eq "$rc" 0
	expect_grep "$(find "$S/entries" -name "$id.yaml")" 直した後
	order edit "$S"
}

# batch FILE: entries over two months new to the store, some in a series.
batch() {
	printf '%s\n' '{"date": "2031-06-01", "title": "一", "series": "s"}' \
	    '{"date": "2031-06-02", "title": "二"}' \
	    '{"date": "2031-07-01", "title": "三", "series": "s"}' >"$1"
}

test_import() {
	batch "$T/in.jsonl"
	traced import "$DAILYLOG" -C "$S" import "$T/in.jsonl"
	expect_eq "$rc" 0
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 3
	grep -q 'syncfs(' "$T/import.log" || fail "import staged without syncfs"
	order import "$S"
}

# A failure while linking: the rollback flushes what it removed.
test_import_rolled_back() {
	batch "$T/in.jsonl"
	mkdir -p "$S/entries/2031"
	: >"$S/entries/2031/07"		# a file where July belongs
	traced import-failed "$DAILYLOG" -C "$S" import "$T/in.jsonl"
	expect_eq "$rc" 73
	expect_grep "$T/err" "removed the 2 entries written before the failure"
	grep -q 'unlink(".*/entries/2031/06/' "$T/import-failed.log" ||
	    fail "nothing was rolled back"
	order import-failed "$S"
	expect_eq "$(count_entries)" 0
}

# An import killed at its second link (strace injects the SIGKILL): the
# next command rolls it back, in the same order.
test_import_killed_then_recovered() {
	batch "$T/in.jsonl"
	# (sh reports the kill to /dev/null, not to the test's output.)
	sh -c 'strace -qq -o /dev/null -e trace=link \
	    -e inject=link:signal=SIGKILL:when=6 "$@"; exit 0' sh \
	    "$DAILYLOG" -C "$S" import "$T/in.jsonl" >"$T/out" 2>/dev/null
	[ -f "$S/.import/journal" ] || { fail "the kill missed the links"; return; }
	expect_empty "$T/out"
	[ "$(count_entries)" -gt 0 ] || fail "nothing was linked before the kill"
	traced recover "$DAILYLOG" -C "$S" list --format tsv
	expect_eq "$rc" 0
	expect_grep "$T/err" "an import was interrupted; rolled back"
	order recover "$S"
	expect_eq "$(count_entries)" 0
	[ ! -e "$S/.import" ] || fail "the staging directory is left"
}

# render -o DIR/: a new directory in a new place, then over its files.
test_render_dir() {
	for p in 1 2 3; do
		dl add -d 2031-08-0$p -s r -t "第$p回" 本文 >/dev/null || fail "add"
	done
	traced render "$DAILYLOG" -C "$S" render r -f html -o "$T/site/"
	expect_eq "$rc" 0
	[ -f "$T/site/part-03.html" ] || fail "no part-3.html"
	order render "$T"
	traced render2 "$DAILYLOG" -C "$S" render r -f html -o "$T/site/"
	order render2 "$T"
	grep -q 'syncfs(' "$T/render2.log" || fail "render flushed no file"
}

run_tests
