# dailylog series, and dailylog read with substitute readers.
. "$(dirname "$0")/lib.sh"

add_part() {
	dl add -s "$1" -p "$2" -d "$3" -t "件名$2" "本文。" >/dev/null 2>&1 ||
	    fail "add $1:$2 failed"
}

test_series_summary_formats() {
	add_part badge 1 2026-10-05
	add_part badge 2 2026-10-01
	add_part badge 5 2026-10-09
	add_part badge 7 2026-10-12
	add_part memo 1 2026-11-01
	printf 'title: 入館証の件\n' >"$S/series/badge.yaml"
	expect_status 0 dl series --format tsv || return
	printf 'badge\t入館証の件\t4\t2026-10-01\t2026-10-12\t3-4,6\t\t\nmemo\tmemo\t1\t2026-11-01\t2026-11-01\t\t\t\n' >"$T/want"
	diff "$T/want" "$T/out" >/dev/null || fail "tsv: $(cat "$T/out")"
	expect_status 0 dl series --format json || return
	python3 - "$T/out" <<'PY' || fail "json: $(cat "$T/out")"
import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
assert [s["slug"] for s in v] == ["badge", "memo"]
assert v[0]["title"] == "入館証の件" and v[0]["parts"] == 4
assert v[0]["missing"] == "3-4,6" and v[0]["duplicates"] == ""
assert v[0]["drafts"] == ""
PY
	expect_status 0 dl series --format table || return
	# Columns: widest cell (入館証の件 is 10 columns) plus 2; no trailing space.
	expect_eq "$(sed -n 2p "$T/out")" \
	    "badge   入館証の件  4      2026-10-01  2026-10-12  3-4,6"
}

test_series_duplicates() {
	add_part badge 1 2026-10-01
	add_part badge 2 2026-10-02
	printf 'date: 2026-10-03\ntitle: 二重\nseries: badge\npart: 2\n' \
	    >"$S/entries/2026/10/twice.yaml"
	expect_status 65 dl series --format tsv || return
	expect_grep "$T/out" "$(printf 'badge\tbadge\t3\t2026-10-01\t2026-10-03\t\t2\t')"
	expect_grep "$T/err" "twice.yaml:4:7: duplicate part: badge:2 is also"
	expect_status 64 dl series --format xml || return
}

# Drafts are marked: the last column of tsv and json, a column of the
# table only when some series has one.
test_series_drafts() {
	add_part badge 1 2026-10-01
	add_part badge 2 2026-10-02
	add_part badge 3 2026-10-03
	f=$(grep -l 'part: 3' "$S"/entries/2026/10/*.yaml)
	printf 'draft: true\n' >>"$f"
	f=$(grep -l 'part: 1' "$S"/entries/2026/10/*.yaml)
	printf 'draft: true\n' >>"$f"
	expect_status 0 dl series --format tsv || return
	expect_eq "$(cat "$T/out")" "$(printf 'badge\tbadge\t3\t2026-10-01\t2026-10-03\t\t\t1,3')"
	expect_status 0 dl series --format json || return
	expect_grep "$T/out" '"drafts": "1,3"'
	expect_status 0 dl series --format table || return
	# MISSING and DUPLICATES only when some series has them.
	expect_eq "$(head -n 1 "$T/out")" \
	    "SERIES  TITLE  PARTS  FIRST       LAST        DRAFTS"
}

# fake_reader NAME: a script that records its arguments and the file
# named after -f, then exits 3.
fake_reader() {
	cat >"$T/$1" <<EOS
#!/bin/sh
printf '%s\n' "\$@" >"$T/$1.args"
[ "\$1" = -f ] && /bin/cp "\$2" "$T/$1.file"
exit 3
EOS
	chmod +x "$T/$1"
}

test_read_with_info() {
	add_part badge 1 2026-10-01
	add_part badge 2 2026-10-02
	add_part badge 3 2026-10-03
	fake_reader info
	DAILYLOG_INFO=$T/info TMPDIR=$T expect_status 3 dl read badge:2 || return
	printf -- '-f\n%s\n-n\npart-02\n' "$(sed -n 2p "$T/info.args")" >"$T/want"
	diff "$T/want" "$T/info.args" >/dev/null || fail "args: $(cat "$T/info.args")"
	expect_grep "$T/info.file" "Node: part-02"
	# The temporary file is gone once the reader returns.
	[ ! -e "$(sed -n 2p "$T/info.args")" ] || fail "temporary file left"
	# Found on PATH as well, opening the Top node without a part.
	PATH=$T:$PATH TMPDIR=$T expect_status 3 dl read badge || return
	expect_eq "$(sed -n 4p "$T/info.args")" "Top"
}

test_read_with_pager() {
	add_part badge 1 2026-10-01
	add_part badge 2 2026-10-02
	mkdir "$T/bin"
	printf '#!/bin/sh\n/bin/cat >"%s/paged"\nexit 5\n' "$T" >"$T/pager"
	chmod +x "$T/pager"
	PATH=$T/bin PAGER=$T/pager expect_status 5 dl read badge || return
	expect_grep "$T/paged" "【続編2】【badge】件名2"
	expect_grep "$T/paged" "←前編①"
	# DAILYLOG_PAGER comes first; "cat" means plain standard output.
	rm -f "$T/paged"
	PATH=$T/bin PAGER=/bin/false DAILYLOG_PAGER=$T/pager \
	    expect_status 5 dl read badge || return
	expect_grep "$T/paged" "【続編2】【badge】件名2"
	PATH=$T/bin DAILYLOG_PAGER=cat expect_status 0 dl read badge || return
	expect_grep "$T/out" "【続編2】【badge】件名2"
}

# Without info, read SERIES:PART opens the pager at the part: less, more
# and vi take +LINE, the line of the part's heading in what they read.
test_read_pager_opens_at_part() {
	for k in 1 2 3; do add_part badge $k 2026-10-0$k; done
	mkdir "$T/bin"
	for name in less mypager; do
		cat >"$T/bin/$name" <<-EOS
		#!/bin/sh
		for a; do printf '%s\n' "\$a"; done >"$T/$name.args"
		/bin/cat >"$T/$name.in"
		EOS
		chmod +x "$T/bin/$name"
	done
	PATH=$T/bin PAGER='less -R' expect_status 0 dl read badge:3 || return
	expect_eq "$(head -n 1 "$T/less.args")" "-R"
	line=$(sed -n 2p "$T/less.args")
	case $line in +[0-9]*) ;; *) fail "no +LINE: $(cat "$T/less.args")"; return ;; esac
	expect_eq "$(sed -n "${line#+}p" "$T/less.in")" "【続編3】【badge】件名3"
	# The whole series is paged, from its title.
	expect_eq "$(head -n 1 "$T/less.in")" badge
	expect_grep "$T/less.in" "【続編2】【badge】件名2"
	# The series alone starts at the top; another pager gets no +LINE.
	PATH=$T/bin PAGER=less expect_status 0 dl read badge || return
	expect_empty "$T/less.args"
	PATH=$T/bin PAGER=mypager expect_status 0 dl read badge:2 || return
	expect_empty "$T/mypager.args"
	expect_grep "$T/mypager.in" "【続編2】【badge】件名2"
}

test_read_errors() {
	add_part badge 1 2026-10-01
	expect_status 64 dl read || return
	expect_status 64 dl read 'a/b' || return
	DAILYLOG_INFO=/bin/true expect_status 1 dl read nosuch || return
	DAILYLOG_INFO=/bin/true expect_status 1 dl read badge:4 || return
	expect_grep "$T/err" "no part 4 in series 'badge'"
}

# TSV escapes a tab in a title as list does; a multi-line title is an error.
test_series_tsv_escaping_and_title_rules() {
	dl add -s tabs -t 一 本文 >/dev/null || fail "add"
	printf 'title: "A\\tB"\n' >"$S/series/tabs.yaml"
	expect_status 0 dl series --format tsv
	expect_grep "$T/out" 'A\tB'
	printf 'title: |\n  one\n  two\n' >"$S/series/tabs.yaml"
	expect_status 65 dl series --format tsv
	expect_grep "$T/err" "tabs.yaml:1:8: title must be one line"
	expect_status 65 dl check
}

# An entry of a series without a part is not numbered yet: never
# "part 0" in list, series, show or render.
test_unnumbered_entry_is_never_part_0() {
	dl add -d 2026-11-01 -s badge -t 第一報 本文 >/dev/null || { fail add; return; }
	mkdir -p "$S/entries/2026/11"
	printf 'date: 2026-11-02\ntitle: 番号なし\nseries: badge\n' \
	    >"$S/entries/2026/11/no-part.yaml"
	printf 'date: 2026-11-03\ntitle: 単独\nseries: alone\n' \
	    >"$S/entries/2026/11/alone.yaml"
	expect_status 0 dl list -f table || return
	expect_grep "$T/out" "badge:1"
	expect_no_grep "$T/out" ":0"
	expect_status 0 dl series -f tsv || return
	expect_grep "$T/out" "$(printf 'alone\talone\t0\t-\t-')"
	expect_grep "$T/out" "$(printf 'badge\tbadge\t1\t')"
	expect_status 0 dl show no-part || return
	expect_no_grep "$T/out" "0】"
	expect_no_grep "$T/out" "続編"
	expect_status 0 dl render badge || return
	expect_no_grep "$T/out" "番号なし"
	expect_no_grep "$T/out" "⓪"
	# A series of such entries has nothing to render yet.
	expect_status 1 dl render alone || return
	expect_grep "$T/err" "series 'alone' has no numbered part yet"
}

run_tests
