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

run_tests
