# dailylog show: one entry for reading, with its series navigation.
. "$(dirname "$0")/lib.sh"

add_parts() {
	for k in $(seq 1 "$2"); do
		dl add -s "$1" -p "$k" -d "2026-10-$(printf %02d "$k")" \
		    -t "面談その$k" --contact "A課長" "本文$k。" \
		    >/dev/null 2>&1 || fail "add part $k failed"
	done
}

test_show_part_with_navigation() {
	add_parts visit 5
	expect_status 0 dl show visit:3 --width 0 || return
	expect_eq "$(head -1 "$T/out")" "【続編3】【visit】面談その3"
	# The block at the top and at the bottom; cells are 6 + 2 columns.
	expect_eq "$(grep -cx '←前編①  ←前編②' "$T/out")" 2
	expect_eq "$(grep -cx '→続編④' "$T/out")" 2
	expect_grep "$T/out" "面談者: A課長"
	expect_grep "$T/out" "本文3。"
	# Links name the other parts as show takes them.
	expect_grep "$T/out" "[1] visit:1"
	expect_grep "$T/out" "[4] visit:4"
	expect_no_grep "$T/out" "[3] visit:3"
}

test_show_by_id_without_series() {
	id=$(dl add -d 2026-11-01 -t '単発の訪問' '一度きり。' 2>/dev/null)
	expect_status 0 dl show "$id" || return
	expect_eq "$(head -1 "$T/out")" "単発の訪問"
	expect_grep "$T/out" "日付: 2026-11-01"
	expect_no_grep "$T/out" "←前編"
	expect_no_grep "$T/out" "リンク"
}

test_show_unknown_after_the_others() {
	add_parts visit 2
	expect_status 1 dl show visit:1 nosuch visit:2 || return
	expect_grep "$T/out" "面談その1"
	expect_grep "$T/out" "面談その2"
	expect_grep "$T/err" "no entry 'nosuch'"
	expect_status 1 dl show visit:9 || return
	expect_grep "$T/err" "no part 9 in series 'visit'"
}

test_show_usage() {
	expect_status 64 dl show || return
	expect_status 64 dl show -f nosuch x || return
	expect_grep "$T/err" "text, markdown"
}

# show SERIES:PART reads only its series through the index, and still
# sees a hand edit of a part in place and a part file added by hand.
test_show_series_part_sees_hand_edits() {
	add_parts visit 2
	dl show visit:2 >/dev/null || fail "first show"
	f=$(grep -l '面談その2' -r "$S/entries")
	sed -i 's/面談その2/差し替えた題/' "$f"
	expect_status 0 dl show visit:2
	expect_grep "$T/out" "差し替えた題"
	printf 'date: 2026-10-03\ntitle: 手で足した回\nseries: visit\npart: 3\n' \
	    >"$S/entries/2026/10/by-hand.yaml"
	expect_status 0 dl show visit:3
	expect_grep "$T/out" "手で足した回"
	rm "$S/entries/2026/10/by-hand.yaml"
	expect_status 1 dl show visit:3
}

# A broken entry is reported once, though show meets it twice (reading
# the store, then resolving the reference).
test_show_broken_entry_reported_once() {
	id=$(dl add -t 題 本文) || fail "add"
	f=$(find "$S/entries" -name "$id.yaml")
	echo "titel: x" >>"$f"
	expect_status 65 dl show "$id"
	expect_eq "$(grep -c "unknown key 'titel'" "$T/err")" 1
}

run_tests
