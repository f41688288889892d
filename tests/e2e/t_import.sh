# dailylog import: YAML streams, JSON arrays, JSON Lines and jrnl's JSON,
# all or nothing.
. "$(dirname "$0")/lib.sh"

IMPORT_DATA=$E2E_DIR/../data/import

# Entries with every field, text that needs quoting, an x- field with
# structure, a series with a gap, and one entry without a series.
fill_store() {
	dl add -d '2026-11-20 10:00' -t 'O部長を訪問: 本社' -s badge -p 4 \
	    --client T社 --contact O部長 --staff '"Kさん"' --tag 'a, b' \
	    --tag '#入館証' --result "$(printf '返却の約束\n期限は金曜')" \
	    --next '電話: 月曜' --next '- 再訪問' \
	    "$(printf '本文の行 \n- 項目\n\n## 見出し')" >/dev/null 2>"$T/add.err" ||
	    fail "add failed: $(cat "$T/add.err")"
	dl add -d 2026-11-02 -t 最小限 >/dev/null 2>"$T/add.err" ||
	    fail "add failed: $(cat "$T/add.err")"
	dl add -F - >/dev/null 2>"$T/add.err" <<-'EOF' ||
	date: 2026-11-25
	title: 第七回
	series: badge
	part: 7
	x-source:
	  tool: 手書き
	  pages: [1, 2]
	EOF
	    fail "add -F failed: $(cat "$T/add.err")"
}

# same_entries A B: two exports (json) hold the same entries, ignoring
# id and path, in the same order.
same_entries() {
	python3 - "$1" "$2" <<-'PY' 2>"$T/py" || fail "$(cat "$T/py")"
	import json, sys
	a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
	strip = lambda l: [{k: v for k, v in e.items() if k not in ("id", "path")} for e in l]
	assert len(a) == 3, "expected 3 entries, got %d" % len(a)
	assert strip(a) == strip(b), "%s\n!=\n%s" % (strip(a), strip(b))
	PY
}

# round_trip FORMAT: export, import into an empty store, export again.
round_trip() {
	fill_store
	dl export --format "$1" >"$T/dump" || { fail "export $1"; return; }
	dl export --format json >"$T/before.json" || { fail "export"; return; }
	"$DAILYLOG" init "$T/other" >/dev/null 2>&1 || { fail "init"; return; }
	expect_status 0 "$DAILYLOG" -C "$T/other" import "$T/dump" || return
	# One new ID a line, each an entry of the new store.
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 3
	while read -r id; do
		[ -f "$T/other/entries/2026/11/$id.yaml" ] ||
		    fail "no entry file for printed ID $id"
	done <"$T/out"
	"$DAILYLOG" -C "$T/other" export --format json >"$T/after.json"
	same_entries "$T/before.json" "$T/after.json"
}

test_round_trip_json() { round_trip json; }
test_round_trip_jsonl() { round_trip jsonl; }
test_round_trip_yaml() { round_trip yaml; }

# Types on a round trip: x- scalars exported in each format and imported
# into another store are written back with their YAML types, and export
# the same again.
types_round_trip() {
	dl add -F - >/dev/null 2>"$T/add.err" <<-'EOF' ||
	date: 2026-11-09
	title: 型の往復
	x-mileage: 12
	x-fuel: 4.5
	x-paid: true
	x-late: false
	x-none: ~
	x-quoted: '12'
	x-word: 'true'
	x-null-word: 'null'
	x-legs: [1, '2', false, ~]
	EOF
	    fail "add -F failed: $(cat "$T/add.err")"
	dl export --format "$1" >"$T/dump" || { fail "export $1"; return; }
	dl export --format json >"$T/before.json" || { fail "export"; return; }
	"$DAILYLOG" init "$T/other" >/dev/null 2>&1 || { fail "init"; return; }
	expect_status 0 "$DAILYLOG" -C "$T/other" import "$T/dump" || return
	f=$(find "$T/other/entries" -name '*.yaml')
	for line in 'x-mileage: 12' 'x-fuel: 4.5' 'x-paid: true' \
	    'x-late: false' "x-quoted: '12'" "x-word: 'true'" \
	    "x-null-word: 'null'" "- '2'" '- false'; do
		grep -qxF -- "$line" "$f" ||
		    fail "$1: the imported file lacks '$line': $(cat "$f")"
	done
	# JSON's null comes back as null, YAML's ~ as ~: both plain nulls.
	grep -qxE 'x-none: (~|null)' "$f" || fail "$1: x-none: $(cat "$f")"
	"$DAILYLOG" -C "$T/other" export --format json >"$T/after.json"
	python3 - "$T/before.json" "$T/after.json" <<-'PY' 2>"$T/py" ||
	import json, sys
	a, b = ([{k: v for k, v in e.items() if k not in ("id", "path")}
	         for e in json.load(open(p, encoding="utf-8"))] for p in sys.argv[1:3])
	assert a == b and [type(v) for v in a[0].values()] == \
	    [type(v) for v in b[0].values()], "%s\n!=\n%s" % (a, b)
	assert a[0]["x-mileage"] == 12 and a[0]["x-quoted"] == "12", a
	PY
	    fail "$1: $(cat "$T/py")"
}

test_types_round_trip_json() { types_round_trip json; }
test_types_round_trip_jsonl() { types_round_trip jsonl; }
test_types_round_trip_yaml() { types_round_trip yaml; }

test_stdin() {
	printf '{"date": "2026-11-03", "title": "標準入力から"}\n' >"$T/in"
	expect_status 0 dl import - <"$T/in" || return
	expect_entry "$(cat "$T/out")" '{"date": "2026-11-03", "title": "標準入力から"}'
}

# Another store's id and path are ignored; the entry gets a new ID here.
test_id_and_path_ignored() {
	cat >"$T/in.json" <<-'EOF'
	[{"id": "20200101-zzzzzz", "path": "/elsewhere/x.yaml",
	  "date": "2026-11-04", "title": "移行"}]
	EOF
	expect_status 0 dl import "$T/in.json" || return
	id=$(cat "$T/out")
	[ "$id" != 20200101-zzzzzz ] || fail "the old ID was kept"
	expect_entry "$id" '{"date": "2026-11-04", "title": "移行"}'
	[ ! -e /elsewhere/x.yaml ] || fail "wrote to the given path"
}

# \u escapes, with a surrogate pair for a character outside the BMP.
test_json_escapes() {
	printf '%s\n' '[{"date": "2026-11-05", "title": "\u55b6\u696d \ud83d\ude00 \"q\" \\ /",' \
	    '"body": "a\tb\nc\n"}]' >"$T/in.json"
	expect_status 0 dl import "$T/in.json" || return
	expect_entry "$(cat "$T/out")" '{"date": "2026-11-05",
	    "title": "営業 😀 \"q\" \\ /", "body": "a\tb\nc\n"}'
}

test_jrnl() {
	expect_status 0 dl import "$IMPORT_DATA/jrnl.json" || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 2
	first=$(sed -n 1p "$T/out") second=$(sed -n 2p "$T/out")
	# date and time joined, "@" dropped, an empty body left out,
	# starred as a tag, another key kept as x-jrnl-KEY.
	expect_entry "$first" '{"date": "2026-11-16 10:30",
	    "title": "A社の人事課長と面談した。", "tags": ["営業"],
	    "body": "来月から事務スタッフを二名増やしたいとのこと。\n見積もりを金曜までに出す。"}'
	expect_entry "$second" '{"date": "2026-11-17 16:05",
	    "title": "B倉庫から勤怠の問い合わせ。",
	    "tags": ["営業", "クレーム", "starred"],
	    "x-jrnl-uuid": "5C1A0E6F2B7D4E0A9F3B8C2D1E0F4A5B"}'
	dl check >/dev/null 2>&1 || fail "check fails after the import"
}

test_jrnl_bad_entry() {
	cat >"$T/j.json" <<-'EOF'
	{"tags": {}, "entries": [
	  {"title": "良い", "body": "", "date": "2026-11-16", "time": "09:00",
	   "tags": [], "starred": false},
	  {"title": "悪い", "body": "", "date": "2026-11-16", "time": "9時",
	   "tags": [], "starred": "yes"}
	]}
	EOF
	expect_status 65 dl import "$T/j.json" || return
	expect_grep "$T/err" "$T/j.json:5:27: starred must be true or false"
	expect_eq "$(count_entries)" 0
}

# One bad entry among good ones: none is imported, and the bad one is
# named by its line in the stream.
test_invalid_entry_imports_none() {
	expect_status 65 dl import "$IMPORT_DATA/bad_second.yaml" || return
	expect_grep "$T/err" "bad_second.yaml:7:1: unknown key 'titel' (did you mean 'title'?)"
	expect_grep "$T/err" "bad_second.yaml:6:1: missing required key 'title'"
	expect_grep "$T/err" "nothing was imported"
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 0
}

test_invalid_jsonl_line() {
	printf '%s\n' '{"date": "2026-11-06", "title": "一"}' \
	    '{"date": "2026-11-31", "title": "二"}' >"$T/in.jsonl"
	expect_status 65 dl import "$T/in.jsonl" || return
	expect_grep "$T/err" "in.jsonl:2:10: bad date '2026-11-31'"
	expect_eq "$(count_entries)" 0
}

test_json_syntax_errors() {
	printf '[{"date": "2026-11-06", "title": "x"},\n {"title" "y"}]\n' >"$T/a.json"
	expect_status 65 dl import "$T/a.json" || return
	expect_grep "$T/err" "a.json:2:11: invalid JSON: expected ':' after the key, found '\"'"
	printf '[{"date": "2026-11-06", "title": "x"}] []\n' >"$T/b.json"
	expect_status 65 dl import "$T/b.json" || return
	expect_grep "$T/err" "b.json:1:40: invalid JSON: more after the array"
	printf '{"date": "2026-11-06", "title": "x"} {"date": "2026-11-07", "title": "y"}\n' >"$T/c.json"
	expect_status 65 dl import "$T/c.json" || return
	expect_grep "$T/err" "c.json:1:38: invalid JSON: expected one object a line"
	printf '[{"date": "2026-11-06", "title": "\\ud800"}]' >"$T/d.json"
	expect_status 65 dl import "$T/d.json" || return
	expect_grep "$T/err" "d.json:1:35: invalid JSON: \\uD800 is a high surrogate"
	printf '[{"date": "2026-11-06", "title": "x\\u001b[2J"}]' >"$T/e.json"
	expect_status 65 dl import "$T/e.json" || return
	expect_grep "$T/err" "e.json:1:34: control character U+001B in a value"
	printf '[{"date": "2026-11-06", "title": "x", "title": "y"}]' >"$T/f.json"
	expect_status 65 dl import "$T/f.json" || return
	expect_grep "$T/err" "f.json:1:39: duplicate key 'title'"
	printf '[{"date": "2026-11-06", "title": "\xff"}]' >"$T/g.json"
	expect_status 65 dl import "$T/g.json" || return
	expect_grep "$T/err" "g.json:1:35: invalid UTF-8 byte 0xFF"
	expect_eq "$(count_entries)" 0
}

test_empty_input() {
	: >"$T/empty"
	expect_status 0 dl import "$T/empty" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "has no entries"
	printf '[]\n' >"$T/empty.json"
	expect_status 0 dl import "$T/empty.json" || return
	expect_empty "$T/out"
	printf '# only a comment\n---\n' >"$T/empty.yaml"
	expect_status 0 dl import "$T/empty.yaml" || return
	expect_eq "$(count_entries)" 0
}

test_part_taken() {
	dl add -d 2026-11-01 -t 一 -s badge -p 1 >/dev/null || fail "add"
	printf -- '---\ndate: 2026-11-02\ntitle: 二\nseries: badge\npart: 2\n---\ndate: 2026-11-03\ntitle: 別の一\nseries: badge\npart: 1\n' >"$T/in.yaml"
	expect_status 73 dl import "$T/in.yaml" || return
	expect_grep "$T/err" "in.yaml:10:7: part 1 of series 'badge' is taken by"
	expect_eq "$(count_entries)" 1
}

test_part_twice_in_input() {
	printf '%s\n' '{"date": "2026-11-02", "title": "a", "series": "s", "part": 3}' \
	    '{"date": "2026-11-03", "title": "b", "series": "s", "part": 3}' >"$T/in.jsonl"
	expect_status 65 dl import "$T/in.jsonl" || return
	expect_grep "$T/err" "in.jsonl:2:61: part 3 of series 's' is given twice (also at line 1)"
	expect_eq "$(count_entries)" 0
}

# An entry without a part gets one past every part, the input's included.
test_parts_given_in_order() {
	dl add -d 2026-11-01 -t 一 -s badge -p 1 >/dev/null || fail "add"
	printf '%s\n' '{"date": "2026-11-02", "title": "auto", "series": "badge"}' \
	    '{"date": "2026-11-03", "title": "two", "series": "badge", "part": 2}' \
	    '{"date": "2026-11-04", "title": "auto2", "series": "badge"}' >"$T/in.jsonl"
	expect_status 0 dl import "$T/in.jsonl" || return
	expect_entry "$(sed -n 1p "$T/out")" '{"date": "2026-11-02", "title": "auto", "series": "badge", "part": 3}'
	expect_entry "$(sed -n 2p "$T/out")" '{"date": "2026-11-03", "title": "two", "series": "badge", "part": 2}'
	expect_entry "$(sed -n 3p "$T/out")" '{"date": "2026-11-04", "title": "auto2", "series": "badge", "part": 4}'
}

# A write that fails midway: what this run wrote is removed again.
test_failed_write_rolls_back() {
	mkdir -p "$S/entries/2026"
	: >"$S/entries/2026/12"		# a file where December's directory belongs
	printf -- '---\ndate: 2026-11-05\ntitle: 十一月\n---\ndate: 2026-12-05\ntitle: 十二月\n' >"$T/in.yaml"
	expect_status 73 dl import "$T/in.yaml" || return
	expect_grep "$T/err" "removed the 1 entries written before the failure"
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 0
}

# The same input again: what the store holds already is skipped, and
# said; an entry numbered by the first import is known without a part.
test_reimport_skips_what_is_there() {
	printf '%s\n' '{"date": "2026-11-02", "title": "一", "series": "s"}' \
	    '{"date": "2026-11-03", "title": "二", "series": "s", "part": 7}' \
	    '{"date": "2026-12-04", "title": "三", "x-km": 12}' >"$T/in.jsonl"
	expect_status 0 dl import "$T/in.jsonl" || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 3
	expect_status 0 dl import "$T/in.jsonl" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "import: all 3 entries are in the store already; nothing to import"
	expect_eq "$(count_entries)" 3
	# One new entry among them: only it is imported.
	printf '%s\n' '{"date": "2026-11-05", "title": "四", "series": "s"}' \
	    >>"$T/in.jsonl"
	expect_status 0 dl import "$T/in.jsonl" || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1
	expect_grep "$T/err" "import: 3 of 4 entries are in the store already; skipped"
	expect_entry "$(cat "$T/out")" '{"date": "2026-11-05", "title": "四",
	    "series": "s", "part": 9}'
	expect_eq "$(count_entries)" 4
	# An export of the store, imported back into it, adds nothing.
	dl export --format yaml >"$T/all.yaml"
	expect_status 0 dl import "$T/all.yaml" || return
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 4
	# A changed entry is a new one: same date and title, another body.
	printf '{"date": "2026-11-02", "title": "一", "series": "s", "body": "別"}\n' \
	    >"$T/changed.jsonl"
	expect_status 0 dl import "$T/changed.jsonl" || return
	expect_eq "$(count_entries)" 5
}

# A jrnl entry whose body is 1.5 MB would be a file over the limit: the
# whole import is refused at its place, and nothing is stored.
test_jrnl_body_over_the_limit() {
	python3 - "$T/j.json" <<-'PY'
	import json, sys
	big = {"title": "大きい", "body": "長" * 500000, "date": "2026-11-16",
	       "time": "09:00", "tags": [], "starred": False}
	small = dict(big, title="小さい", body="短い")
	json.dump({"tags": {}, "entries": [small, big]},
	          open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
	PY
	expect_status 65 dl import "$T/j.json" || return
	expect_grep "$T/err" "j.json:1:"
	expect_grep "$T/err" ": this entry would be 1465 KiB as dailylog writes it, over the limit of 1024 KiB of an entry file"
	expect_grep "$T/err" "import: nothing was imported"
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 0
	[ ! -e "$S/.import" ] || fail "a staging directory is left"
}

# Numbering in a batch stops at the highest part, at the entry's place.
test_no_part_past_the_highest() {
	dl add -d 2026-11-01 -t 最後 -s full -p 999999 >/dev/null || fail "add"
	printf '%s\n' '{"date": "2026-11-02", "title": "a"}' \
	    '{"date": "2026-11-03", "title": "b", "series": "full"}' >"$T/in.jsonl"
	expect_status 73 dl import "$T/in.jsonl" || return
	expect_grep "$T/err" "in.jsonl:2:48: series 'full' has no part left after 999999"
	expect_eq "$(count_entries)" 1
}

# FILE is an input: a symbolic link or a pipe is read like a file.
test_input_link_and_pipe() {
	printf '{"date": "2026-11-03", "title": "リンク"}\n' >"$T/real.jsonl"
	ln -s "$T/real.jsonl" "$T/link.jsonl"
	expect_status 0 dl import "$T/link.jsonl" || return
	expect_eq "$(count_entries)" 1
	expect_status 0 dl import <(printf '{"date": "2026-11-04", "title": "パイプ"}\n') ||
	    return
	expect_eq "$(count_entries)" 2
}

# A batch leaves nothing behind but its entries.
test_no_staging_left() {
	printf '{"date": "2026-11-03", "title": "一"}\n' >"$T/in.jsonl"
	expect_status 0 dl import "$T/in.jsonl" || return
	[ ! -e "$S/.import" ] || fail "the staging directory is left"
	expect_eq "$(find "$S" -name '*.tmp-*' | wc -l | tr -d ' ')" 0
}

test_usage() {
	expect_status 64 dl import || return
	expect_grep "$T/err" "usage: dailylog import"
	expect_status 64 dl import a b || return
	expect_status 64 dl import --bogus x || return
	expect_status 66 dl import "$T/missing.json" || return
}

run_tests
