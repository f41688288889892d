# dailylog render: the text format, its navigation, wrapping and links.
. "$(dirname "$0")/lib.sh"

# add_parts SLUG N [SKIP]: parts 1..N of SLUG, without part SKIP.
add_parts() {
	for k in $(seq 1 "$2"); do
		[ "$k" = "${3:-}" ] && continue
		dl add -s "$1" -p "$k" -d "2026-10-$(printf %02d "$k")" \
		    -t "倉庫の件その$k" --client Y社 "報告$k の本文です。" \
		    >/dev/null 2>&1 || fail "add part $k failed"
	done
}

# The navigation block of part 16 of 17, line for line as the reference.
reference_block() {
	cat <<'BLOCK'
←前編①   ←前編②   ←前編③

←前編④   ←前編⑤   ←前編⑥

←前編⑦   ←前編⑧   ←前編⑨

←前編⑩   ←前編11  ←前編12

←前編13  ←前編14  ←前編15

→続編17
BLOCK
}

test_render_part16_block_as_reference() {
	add_parts badge 17
	printf 'title: 倉庫の件\n' >"$S/series/badge.yaml"
	expect_status 0 dl render badge --width 0 || return
	reference_block >"$T/want"
	# The lines after part 16's heading, up to the next part's link.
	sed -n '/^【続編16】【倉庫の件】倉庫の件その16$/,/^→続編17$/p' \
	    "$T/out" | sed 1,2d >"$T/got"
	diff "$T/want" "$T/got" >"$T/diff" || fail "block differs: $(cat "$T/diff")"
	# At the top and at the bottom of part 16.
	expect_eq "$(grep -c '^→続編17$' "$T/out")" 2
	# Part 1 has no 【続編】 and part 17 no next link after its heading.
	expect_grep "$T/out" "【倉庫の件】倉庫の件その1"
	expect_no_grep "$T/out" "【続編1】"
	expect_no_grep "$T/out" "→続編18"
}

test_render_english_labels() {
	"$DAILYLOG" init --lang en "$T/en" >/dev/null 2>&1
	for k in 1 2 3; do
		"$DAILYLOG" -C "$T/en" add -s intro -p $k -d 2026-12-0$k \
		    -t "Visit $k" "Text $k." >/dev/null 2>&1
	done
	expect_status 0 "$DAILYLOG" -C "$T/en" render --width 0 || return
	expect_grep "$T/out" "Part 2: Visit 2"
	grep -qx '← Part 1  ← Part 2' "$T/out" || fail "no en row: $(cat "$T/out")"
	expect_grep "$T/out" "Part 3 →"
}

test_render_wraps_japanese_by_width() {
	body='営業日報をまとめます。「入館証はいつ返却されますか」とO部長に尋ねられ、私は（本日中に）と答えました！その後、担当のKさんへ何度も電話をかけ、ようやく折り返しがありました。明日の朝、事務所でお預かりする約束をし、上司にも報告しました。'
	dl add -s memo -p 1 -d 2026-11-02 -t 'とても長い表題を持つ日報、その一回目の記録' \
	    --client 'Y社' "$body" >/dev/null 2>&1 || fail "add failed"
	for w in 20 27 31 40; do
		expect_status 0 dl render memo --width $w || return
		got=$(max_width "$T/out")
		[ "$got" -le $w ] || fail "width $w: a line is $got columns"
		python3 - "$T/out" <<'PY' || fail "kinsoku broken at width $w"
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line and (line[0] in "、。」』）！？" or line[-1] in "「『（"):
        sys.exit("bad line: " + line)
PY
	done
}

test_render_output_file_and_directory() {
	add_parts badge 12
	expect_status 0 dl render badge -o "$T/one.txt" || return
	expect_empty "$T/out"
	dl render badge >"$T/stdout.txt" 2>/dev/null
	cmp -s "$T/one.txt" "$T/stdout.txt" || fail "-o FILE differs from stdout"
	expect_status 0 dl render badge -o "$T/dir/" || return
	(cd "$T/dir" && ls) >"$T/names"
	{ echo index.txt; for k in $(seq 1 12); do printf 'part-%02d.txt\n' $k; done; } |
	    sort >"$T/want"
	diff "$T/want" "$T/names" >/dev/null || fail "files: $(cat "$T/names")"
	# Numbered references resolve to the neighbouring files.
	expect_grep "$T/dir/part-05.txt" "[4] part-04.txt"
	expect_grep "$T/dir/part-05.txt" "[6] part-06.txt"
	expect_grep "$T/dir/index.txt" "[12] part-12.txt"
	# An existing directory without the slash is a directory too.
	mkdir "$T/existing"
	expect_status 0 dl render badge -o "$T/existing" || return
	[ -f "$T/existing/part-12.txt" ] || fail "no part-12.txt in existing dir"
}

# -o replaces a regular file only: never a device, a FIFO or a link.
# Output files get the umask's permissions: they are for publishing.
test_render_output_replaces_only_regular_files() {
	add_parts badge 2
	mkfifo "$T/fifo"
	expect_status 73 dl render badge -o "$T/fifo"
	expect_grep "$T/err" "not a regular file"
	[ -p "$T/fifo" ] || fail "the FIFO was replaced"
	echo keep >"$T/target"
	ln -s "$T/target" "$T/link"
	expect_status 73 dl render badge -o "$T/link"
	[ -L "$T/link" ] && [ "$(cat "$T/target")" = keep ] ||
	    fail "the link or its target was replaced"
	(umask 022 && dl render badge -o "$T/pub.txt" -f text) ||
	    fail "render -o pub.txt"
	expect_eq "$(stat -c %a "$T/pub.txt")" 644
	(umask 022 && dl render badge -f html -o "$T/site/") || fail "render -o site/"
	expect_eq "$(stat -c %a "$T/site/part-01.html")" 644
}

# A part file in -o DIR/ has its heading once, under the series title.
test_render_directory_part_heading_once() {
	add_parts badge 3
	expect_status 0 dl render badge -o "$T/dir/" || return
	n=$(grep -c '倉庫の件その2' "$T/dir/part-02.txt")
	expect_eq "$n" 1
	expect_eq "$(head -n 1 "$T/dir/part-02.txt")" badge
}

test_render_gap_is_visible() {
	add_parts badge 4 3
	expect_status 0 dl render badge --width 0 || return
	# （③欠番） is 9 columns wide, so cells are 11.
	grep -qx '←前編①     ←前編②     （③欠番）' "$T/out" ||
	    fail "no gap in the block: $(cat "$T/out")"
	expect_grep "$T/out" "→続編④"
	expect_no_grep "$T/out" "→続編③"
}

test_render_duplicate_parts() {
	add_parts badge 2
	mkdir -p "$S/entries/2026/10"
	printf 'date: 2026-10-05\ntitle: 重複\nseries: badge\npart: 2\n' \
	    >"$S/entries/2026/10/dup.yaml"
	expect_status 65 dl render badge || return
	expect_grep "$T/err" "dup.yaml:4:7: duplicate part: badge:2 is also"
	expect_empty "$T/out"
}

test_render_hyperlinks() {
	add_parts badge 3
	expect_status 0 dl render badge --hyperlink=always || return
	expect_grep "$T/out" "$(printf '\033]8;;file://')"
	expect_grep "$T/out" "$(printf '\033]8;;\033\\')"
	expect_status 0 dl render badge -o "$T/d/" --hyperlink=always || return
	expect_grep "$T/d/part-02.txt" "$(basename "$T")/d/part-01.txt$(printf '\033\\')←前編①"
	expect_status 0 dl render badge || return
	expect_no_grep "$T/out" "$(printf '\033')"
}

test_render_errors() {
	add_parts badge 1
	add_parts other 1
	expect_status 64 dl render || return
	expect_grep "$T/err" "name a series: badge, other"
	expect_status 1 dl render nosuch || return
	expect_status 64 dl render badge -f pdf || return
	expect_grep "$T/err" "text, markdown, html, info, gemini"
	expect_status 64 dl render badge --width -3 || return
	expect_status 64 dl render badge --hyperlink=sometimes || return
}

test_render_sanitizes_control_characters() {
	printf 'date: 2026-10-01\ntitle: "危険\\e]8;;x\\e\\\\"\nseries: s\npart: 1\n' \
	    >"$T/bad.yaml"
	dl add -F "$T/bad.yaml" >/dev/null 2>&1
	printf 'title: "題\\e[31m"\n' >"$S/series/s.yaml"
	dl render s >"$T/out" 2>&1
	expect_no_grep "$T/out" "$(printf '\033')"
}

# A long gap (here a typo, part 100000) is one item in the index and in
# every navigation block, in every format, not a hundred thousand.
test_render_long_gap_is_one_item() {
	add_parts badge 2
	dl add -s badge -p 100000 -d 2026-10-30 -t 番号違い 本文 >/dev/null ||
	    fail "add part 100000"
	# Past auto's threshold: the window layout has no room for the gap.
	printf 'layout: all\n' >"$S/series/badge.yaml"
	expect_status 0 dl render badge --width 0 || return
	expect_eq "$(grep -c '（③〜99999欠番）' "$T/out")" 3
	[ "$(wc -l <"$T/out")" -lt 80 ] || fail "$(wc -l <"$T/out") lines"
	for f in markdown html info gemini; do
		expect_status 0 dl render badge -f $f || return
		grep -q '③〜99999' "$T/out" || fail "$f lacks the gap item"
		[ "$(wc -c <"$T/out")" -lt 20000 ] || fail "$f is $(wc -c <"$T/out") bytes"
	done
}

run_tests
