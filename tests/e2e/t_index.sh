# The derived index ROOT/.index: never the source of truth.  Whatever is
# done to the entry files by hand, and whatever happens to the index,
# list, series, show and add answer from the files.
. "$(dirname "$0")/lib.sh"

add_parts() {
	for k in $(seq 1 "$2"); do
		dl add -s "$1" -d "2026-10-$(printf %02d "$k")" -t "訪問その$k" \
		    "本文$k。" >/dev/null 2>&1 || fail "add part $k failed"
	done
}

# file_of REF: the path of the entry REF names.
file_of() {
	dl export --format jsonl | python3 -c '
import json, sys
slug, part = sys.argv[1].split(":")
for line in sys.stdin:
    e = json.loads(line)
    if e.get("series") == slug and e.get("part") == int(part):
        print(e["path"])' "$1"
}

# same_size_edit FILE OLD NEW: replace OLD by NEW (of the same length in
# bytes) in place, keeping the inode and the modification time.
same_size_edit() {
	python3 - "$@" <<'PY'
import os, sys
path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
assert len(old) == len(new)
st = os.stat(path)
with open(path, "r+b") as f:
    data = f.read()
    assert old in data
    f.seek(0)
    f.write(data.replace(old, new))
os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
assert os.stat(path).st_ino == st.st_ino
PY
}

test_index_is_made_private_and_ignorable() {
	add_parts visit 3
	expect_status 0 dl list --format tsv || return
	cp "$T/out" "$T/first"
	[ -f "$S/.index" ] || { fail "no index after list"; return; }
	expect_eq "$(stat -c %a "$S/.index")" 600
	expect_status 0 dl list --format tsv || return
	expect_eq "$(cat "$T/out")" "$(cat "$T/first")"
	rm "$S/.index"
	expect_status 0 dl list --format tsv || return
	expect_eq "$(cat "$T/out")" "$(cat "$T/first")"
	expect_status 0 dl check || return
	expect_no_grep "$T/err" ".index"
}

test_same_size_edit_keeping_mtime_is_seen() {
	add_parts visit 3
	dl list --format tsv >/dev/null && dl series >/dev/null
	f=$(file_of visit:2)
	same_size_edit "$f" "訪問その2" "面談その2"
	expect_status 0 dl list --format tsv || return
	expect_grep "$T/out" "面談その2"
	expect_no_grep "$T/out" "訪問その2"
	expect_status 0 dl show visit:2 --width 0 || return
	expect_eq "$(head -1 "$T/out")" "【続編2】【visit】面談その2"
}

test_hand_added_and_removed_files_are_seen() {
	add_parts visit 3
	dl list >/dev/null
	f=$(file_of visit:3)
	rm "$(file_of visit:1)"
	sed -e 's/^part: 3$/part: 4/' -e 's/訪問その3/手で足した回/' "$f" \
	    >"$(dirname "$f")/20261003-byhand.yaml"
	expect_status 0 dl series --format tsv || return
	expect_eq "$(cut -f1,3,6 "$T/out")" "$(printf 'visit\t3\t1')"
	expect_status 0 dl show visit:4 --width 0 || return
	expect_grep "$T/out" "手で足した回"
	expect_status 1 dl show visit:1 || return
	expect_grep "$T/err" "no part 1 in series 'visit'"
}

test_add_counts_parts_changed_by_hand() {
	add_parts visit 2
	dl list >/dev/null
	f=$(file_of visit:2)
	sed -i 's/^part: 2$/part: 7/' "$f"
	expect_status 0 dl add -s visit -t "次の回" "本文" || return
	expect_status 0 dl show visit:8 --width 0 || return
	expect_grep "$T/out" "次の回"
}

test_damaged_index_is_rebuilt_quietly() {
	add_parts visit 3
	expect_status 0 dl list --format tsv || return
	cp "$T/out" "$T/first"
	for damage in garbage truncated empty directory; do
		case $damage in
		garbage)	head -c 4096 /dev/urandom >"$S/.index" ;;
		truncated)	dl list >/dev/null
				head -c 100 "$S/.index" >"$T/half"
				cp "$T/half" "$S/.index" ;;
		empty)		: >"$S/.index" ;;
		directory)	rm -f "$S/.index"; mkdir "$S/.index" ;;
		esac
		expect_status 0 dl list --format tsv || return
		expect_eq "$(cat "$T/out")" "$(cat "$T/first")"
		expect_empty "$T/err"
		expect_status 0 dl show visit:2 --width 0 || return
		expect_grep "$T/out" "訪問その2"
	done
}

test_concurrent_adds_and_lists() {
	for w in 1 2 3; do
		( for i in 1 2 3 4; do
			dl add -s busy -t "同時$w-$i" "本文" >/dev/null 2>&1 ||
			    echo "add $w-$i failed" >>"$T/failures"
		done ) &
		( for i in 1 2 3 4; do
			dl list --format tsv >/dev/null 2>>"$T/failures"
		done ) &
	done
	wait
	[ ! -s "$T/failures" ] || { fail "$(cat "$T/failures")"; return; }
	expect_status 0 dl list --format tsv --series busy || return
	expect_eq "$(cut -f4 "$T/out" | sort -n | tr '\n' ' ')" \
	    "1 2 3 4 5 6 7 8 9 10 11 12 "
}

test_export_streams_in_listing_order() {
	dl add -d 2026-10-03 -t "三日" "見積の話" >/dev/null 2>&1
	dl add -d 2026-10-01 -t "一日" "見積の話" >/dev/null 2>&1
	dl add -d 2026-10-02 -t "二日" "別の話" >/dev/null 2>&1
	expect_status 0 dl export --format jsonl || return
	expect_eq "$(python3 -c '
import json, sys
print(" ".join(json.loads(l)["title"] + json.loads(l)["body"].strip()
               for l in open(sys.argv[1])))' "$T/out")" \
	    "一日見積の話 二日別の話 三日見積の話"
	expect_status 0 dl export --format json --grep 見積 -n 1 || return
	expect_eq "$(python3 -c '
import json, sys
print(" ".join(e["title"] for e in json.load(open(sys.argv[1]))))' \
	    "$T/out")" "三日"
	expect_status 0 dl export --format json --grep 無い || return
	expect_eq "$(cat "$T/out")" "[]"
}

# A listing that runs out of file descriptors (ulimit -n) cannot read a
# month: it says so and fails, and leaves the index as it was, so that
# the parts of that month are still found.
test_failed_walk_keeps_the_index() {
	add_parts visit 3
	dl add -d 2026-11-02 -t "十一月" "本文" >/dev/null
	expect_status 0 dl list --format tsv || return
	# Something for the listing to write: an entry add noted.
	dl add -d 2026-09-30 -t "九月" "本文" >/dev/null
	cp "$S/.index" "$T/index.before"
	( ulimit -n 5; exec "$DAILYLOG" -C "$S" list --format tsv ) \
	    >"$T/out" 2>"$T/err"
	st=$?
	case $st in
	73|74) ;;
	*) fail "list with 5 descriptors exited $st: $(cat "$T/err")"; return ;;
	esac
	expect_grep "$T/err" "cannot read directory"
	cmp -s "$S/.index" "$T/index.before" ||
	    fail "a listing that could not read a directory rewrote the index"
	expect_status 0 dl show visit:3 --width 0 || return
	expect_grep "$T/out" "訪問その3"
	expect_status 0 dl list --format tsv || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 5
}

# Entry files below entries/YYYY/MM (a merge of another machine's, say)
# are found by part, and numbering counts them, also when they came
# after the index was written.
test_deeper_levels_are_seen() {
	add_parts visit 3
	dl list >/dev/null
	mkdir -p "$S/entries/2026/10/merged/old"
	sed -e 's/^part: 3$/part: 4/' -e 's/訪問その3/統合した回/' \
	    "$(file_of visit:3)" >"$S/entries/2026/10/merged/20261004-merged.yaml"
	expect_status 0 dl show visit:4 --width 0 || return
	expect_grep "$T/out" "統合した回"
	sed -e 's/^part: 3$/part: 5/' -e 's/訪問その3/深い回/' \
	    "$(file_of visit:3)" >"$S/entries/2026/10/merged/old/20261005-deeper.yaml"
	expect_status 0 dl show visit:5 --width 0 || return
	expect_grep "$T/out" "深い回"
	expect_status 0 dl add -s visit -t "次の回" "本文" || return
	expect_status 0 dl show visit:6 --width 0 || return
	expect_grep "$T/out" "次の回"
}

# A part number changed in place, same size, mtime kept: add sees it
# through the series' own files.
test_add_sees_same_size_part_change() {
	add_parts visit 2
	dl list >/dev/null
	same_size_edit "$(file_of visit:2)" "part: 2" "part: 7"
	expect_status 0 dl add -s visit -t "次の回" "本文" || return
	expect_status 0 dl show visit:8 --width 0 || return
	expect_grep "$T/out" "次の回"
}

# add and edit record what they wrote in the index; lists, shows and
# further adds after them agree with the files.
test_writes_and_lookups_agree() {
	add_parts visit 3
	for k in 4 5 6; do
		dl add -s visit -d "2026-10-0$k" -t "追加$k" "本文$k" \
		    >/dev/null || fail "add $k failed"
		expect_status 0 dl show "visit:$k" --width 0 || return
		expect_grep "$T/out" "追加$k"
	done
	ed=$(editor_script retitle <<-'END'
	sed -i 's/^title: .*/title: 書き直した回/' "$1"
	END
	)
	expect_status 0 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit visit:5 ||
	    return
	expect_status 0 dl show visit:5 --width 0 || return
	expect_grep "$T/out" "書き直した回"
	expect_status 0 dl list --format tsv --series visit || return
	expect_eq "$(cut -f4,5 "$T/out" | tr '\t\n' ':;')" \
	    "1:訪問その1;2:訪問その2;3:訪問その3;4:追加4;5:書き直した回;6:追加6;"
	id=$(cut -f1 "$T/out" | sed -n 4p)
	expect_status 0 dl show "$(printf %.11s "$id")" --width 0 || return
	expect_grep "$T/out" "追加4"
}

# export keeps the listing order when a file's date was changed by hand
# since the index was written, earlier or later.
test_export_order_after_hand_edits() {
	for d in 01 02 03 04; do
		dl add -d "2026-10-$d 09:00" -t "十月$d" "本文" >/dev/null
	done
	dl list >/dev/null
	f=$(dl export --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if e["title"] == "十月03":
        print(e["path"])')
	same_size_edit "$f" "2026-10-03 09:00" "2026-10-01 08:00"
	expect_status 0 dl export --format jsonl || return
	expect_eq "$(python3 -c '
import json, sys
print(" ".join(json.loads(l)["title"] for l in open(sys.argv[1])))' \
	    "$T/out")" "十月03 十月01 十月02 十月04"
	expect_status 0 dl export --format json -n 2 || return
	expect_eq "$(python3 -c '
import json, sys
print(" ".join(e["title"] for e in json.load(open(sys.argv[1]))))' \
	    "$T/out")" "十月02 十月04"
}

# flip_in_copies TEXT: scribble on the copy of the record holding TEXT
# in the part of the index where each series' records are kept together
# (after the header's "copies" offset, dailylog(5)), in place.
flip_in_copies() {
	python3 - "$S/.index" "$1" <<'PY'
import struct, sys
path, text = sys.argv[1], sys.argv[2].encode()
data = bytearray(open(path, "rb").read())
copies, end = struct.unpack_from("=2Q", data, 40 + 8 * 8)
at = data.index(text, copies, end)
data[at] ^= 1
open(path, "r+b").write(data)
PY
}

# A damaged copy of a series' record is found by a lookup of that series
# (which then answers from the files and writes the index anew), and
# only by it: a lookup of another series does not read it.
test_damaged_series_copy_is_found_by_its_lookup() {
	add_parts visit 3
	dl add -s badge -d 2026-09-01 -t "入館証の件" "本文" >/dev/null ||
	    fail "add badge failed"
	dl list >/dev/null
	flip_in_copies "訪問その2" || { fail "no copy of visit:2"; return; }
	cp "$S/.index" "$T/damaged"
	expect_status 0 dl show badge:1 --width 0 || return
	expect_grep "$T/out" "入館証の件"
	cmp -s "$S/.index" "$T/damaged" || fail "the copies were read"
	expect_status 0 dl show visit:2 --width 0 || return
	expect_eq "$(head -1 "$T/out")" "【続編2】【visit】訪問その2"
	expect_empty "$T/err"
	cmp -s "$S/.index" "$T/damaged" && fail "the index was not rewritten"
	expect_status 0 dl show visit:3 --width 0 || return
	expect_eq "$(head -1 "$T/out")" "【続編3】【visit】訪問その3"
}

run_tests
