# dailylog check: every file in the store validated, problems located.
. "$(dirname "$0")/lib.sh"

# put REL: a hand-written file at $S/entries/REL, its text on stdin.
put() {
	mkdir -p "$(dirname "$S/entries/$1")"
	cat >"$S/entries/$1"
}

# Two good entries of series badge, parts 1 and 2.
good_store() {
	dl add -d 2026-11-05 -s badge -t 一報 本文 >/dev/null 2>&1 || fail "add 1"
	dl add -d 2026-11-06 -s badge -t 二報 本文 >/dev/null 2>&1 || fail "add 2"
}

test_check_clean_store() {
	good_store
	expect_status 0 dl check || return
	expect_empty "$T/out"
	expect_grep "$T/err" "2 entries, 0 errors, 0 warnings"
	expect_status 0 dl check -q || return
	expect_empty "$T/err"
}

test_check_empty_store() {
	expect_status 0 dl check || return
	expect_grep "$T/err" "0 entries, 0 errors, 0 warnings"
}

test_check_bad_file() {
	good_store
	put 2026/11/hand-1.yaml <<-'YAML'
	date: 2026-11-07
	title: 手書き
	clinet: T社
	YAML
	put 2026/11/hand-2.yaml <<-'YAML'
	date: 2026-11-31
	title: 日付違い
	YAML
	expect_status 65 dl check || return
	expect_empty "$T/out"
	expect_grep "$T/err" "dailylog: $S/entries/2026/11/hand-1.yaml:3:1: unknown key 'clinet' (did you mean 'client'?)"
	expect_grep "$T/err" "dailylog: $S/entries/2026/11/hand-2.yaml:1:7: bad date '2026-11-31'"
	expect_grep "$T/err" "4 entries, 2 errors, 0 warnings"
	# The good entries still list; the exit status tells of the bad ones.
	expect_status 65 dl list --format tsv || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 2
}

test_check_yaml_syntax_error() {
	put 2026/11/broken.yaml <<-'YAML'
	date: 2026-11-07
	title: "閉じていない
	YAML
	expect_status 65 dl check || return
	grep -qE "^dailylog: $S/entries/2026/11/broken.yaml:[0-9]+:[0-9]+: invalid YAML" \
	    "$T/err" || fail "no position: $(cat "$T/err")"
}

test_check_invalid_names() {
	good_store
	printf 'date: 2026-11-07\ntitle: x\n' >"$T/e"
	put '2026/11/with space.yaml' <"$T/e"
	put '2026/11/.hidden.yaml' <"$T/e"
	put '2026/11/名前.yaml' <"$T/e"
	expect_status 65 dl check || return
	for n in 'with space' .hidden 名前; do
		expect_grep "$T/err" "dailylog: $S/entries/2026/11/$n.yaml: not loaded: the file name is not a valid ID"
	done
	expect_grep "$T/err" "2 entries, 3 errors"
}

test_check_duplicate_part() {
	good_store
	put 2026/11/dup.yaml <<-'YAML'
	date: 2026-11-08
	title: 同じ番号
	series: badge
	part: 2
	YAML
	expect_status 65 dl check || return
	# Either file may be named first; the part's position is line 4, column 7.
	grep -qE "^dailylog: $S/entries/2026/11/[^/]+\.yaml:4:7: duplicate part: badge:2 is also $S/entries/2026/11/[^/]+\.yaml$" \
	    "$T/err" || fail "no duplicate reported: $(cat "$T/err")"
	expect_grep "$T/err" "dup.yaml"
	expect_grep "$T/err" "3 entries, 1 error, 0 warnings"
}

test_check_gap_is_a_warning() {
	good_store
	put 2026/11/five.yaml <<-'YAML'
	date: 2026-11-09
	title: 五報
	series: badge
	part: 5
	YAML
	expect_status 0 dl check || return
	expect_grep "$T/err" "dailylog: $S/entries/2026/11/five.yaml:4:7: warning: series badge: parts 3-4 missing before part 5"
	expect_grep "$T/err" "3 entries, 0 errors, 1 warning"
}

test_check_series_not_starting_at_one() {
	put 2026/11/late.yaml <<-'YAML'
	date: 2026-11-09
	title: 途中から
	series: late
	part: 3
	YAML
	expect_status 0 dl check || return
	expect_grep "$T/err" "late.yaml:4:7: warning: series late starts at part 3"
}

test_check_leftover_temp_file() {
	good_store
	# What an interrupted write leaves: the atomic write's temporary name.
	printf 'date: 2026-11-07\ntit' >"$S/entries/2026/11/.20261107-abcdef.yaml.tmp-Q1w2E3"
	expect_status 0 dl check || return
	expect_grep "$T/err" "dailylog: $S/entries/2026/11/.20261107-abcdef.yaml.tmp-Q1w2E3: warning: temporary file left by an interrupted write"
	expect_grep "$T/err" "2 entries, 0 errors, 1 warning"
	# It is not an entry for the other commands either.
	expect_status 0 dl list --format tsv || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 2
}

test_check_misplaced_entry() {
	put 2026/10/moved.yaml <<-'YAML'
	date: 2026-11-09
	title: 置き場所違い
	YAML
	expect_status 0 dl check || return
	expect_grep "$T/err" "moved.yaml:1:7: warning: dated 2026-11 but not in entries/2026/11/"
	# Still loaded.
	expect_status 0 dl list --format tsv || return
	expect_grep "$T/out" "moved	2026-11-09"
}

test_check_other_files() {
	good_store
	echo メモ >"$S/entries/2026/11/notes.txt"
	expect_status 0 dl check || return
	expect_grep "$T/err" "notes.txt: warning: not an entry (no .yaml suffix); ignored"
}

test_check_bad_settings() {
	good_store
	printf 'lang: ja\nauthr: 山田\n' >"$S/dailylog.yaml"
	expect_status 65 dl check || return
	expect_grep "$T/err" "dailylog: $S/dailylog.yaml:2:1: unknown key 'authr' (did you mean 'author'?)"
	# The entries are checked all the same.
	expect_grep "$T/err" "2 entries"
}

test_check_usage() {
	expect_status 64 dl check extra || return
	expect_grep "$T/err" "unexpected argument 'extra'"
	expect_status 64 dl check --quite || return
	expect_grep "$T/err" "did you mean '--quiet'?"
}

# A FIFO named like an entry is said to be one, never opened (a read
# would hang), never taken for a badly named file.
test_fifo_named_like_an_entry() {
	mkdir -p "$S/entries/2026/11" && mkfifo "$S/entries/2026/11/20261101-fifoaa.yaml" ||
	    return
	expect_status 65 timeout 10 "$DAILYLOG" -C "$S" check || return
	expect_grep "$T/err" "20261101-fifoaa.yaml: a FIFO named like an entry; not read"
	expect_no_grep "$T/err" "not a valid ID"
	expect_status 0 timeout 10 "$DAILYLOG" -C "$S" list || return
	expect_grep "$T/err" "20261101-fifoaa.yaml: warning: a FIFO, not an entry file; not read"
	expect_status 66 timeout 10 "$DAILYLOG" -C "$S" show 20261101-fifoaa || return
	expect_grep "$T/err" "20261101-fifoaa.yaml: a FIFO, not an entry file; not read"
}

run_tests
