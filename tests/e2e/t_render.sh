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

# check_lines W FILE...: no line wider than W; no line begins with
# 、。」』）！？ and none ends with 「『（.
check_lines() {
	python3 - "$@" <<'PY' 2>"$T/lines" || fail "$(cat "$T/lines")"
import sys, unicodedata
w = int(sys.argv[1])
for path in sys.argv[2:]:
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                    for c in line)
        if width > w:
            sys.exit("%s:%d: %d columns at width %d: %s" % (path, n, width, w, line))
        if line and (line[0] in "、。」』）！？" or line[-1] in "「『（"):
            sys.exit("%s:%d: kinsoku at width %d: %s" % (path, n, w, line))
PY
}

# Every width from 10 columns: index, headings, fields, bodies, the
# navigation of both layouts and the reference list.
test_render_every_width_holds() {
	for k in $(seq 1 12); do
		[ "$k" = 7 ] && continue
		dl add -s memo -p "$k" -d "2026-10-$(printf %02d "$k") 09:15" \
		    -t "「長い表題の付いた日報」その$k、確認（再訪）の記録" \
		    --client '株式会社とても長い名前の取引先' --staff '派遣スタッフの山田さん' \
		    --tag 入館証 --tag 'クレーム対応' \
		    "営業日報です。「入館証はいつ返却されますか」と尋ねられ、（本日中に）と答えました！その後、担当者へ何度も電話をかけました。" \
		    >/dev/null 2>&1 || fail "add memo:$k"
	done
	for k in $(seq 1 30); do
		dl add -s long -p "$k" -d 2026-11-01 -t "第$k回の訪問" \
		    本文です。 >/dev/null 2>&1 || fail "add long:$k"
	done
	for w in $(seq 10 41) 50 60 72 80; do
		for series in memo long; do
			dl render $series --width $w >"$T/one.txt" 2>"$T/err" ||
			    { fail "render $series --width $w: $(cat "$T/err")"; return; }
			rm -rf "$T/dir"
			dl render $series --width $w -o "$T/dir/" 2>"$T/err" ||
			    { fail "render -o --width $w: $(cat "$T/err")"; return; }
			check_lines $w "$T/one.txt" "$T/dir"/*.txt
		done
	done
}

# The window layout pages like a pager, in every format: first, …, the
# parts around this one, …, last; rel="next" only on the adjacent part.
test_render_window_layout_every_format() {
	for k in $(seq 1 30); do
		dl add -s long -p "$k" -d 2026-11-01 -t "第$k回" 本文。 \
		    >/dev/null 2>&1 || fail "add long:$k"
	done
	expect_status 0 dl render long --width 0 -o "$T/txt/" || return
	expect_grep "$T/txt/part-15.txt" "←前編14  目次     →続編16"
	expect_grep "$T/txt/part-15.txt" "① … 13 14 [15] 16 17 … 30"
	expect_grep "$T/txt/part-01.txt" "[①] ② ③ ④ ⑤ … 30"
	expect_status 0 dl render long -f html -o "$T/html/" || return
	expect_eq "$(grep -c 'rel="next"' "$T/html/part-15.html")" 5
	expect_grep "$T/html/part-15.html" '<li><a href="part-16.html" rel="next">16</a></li>'
	expect_grep "$T/html/part-15.html" '<li><a href="part-17.html">17</a></li>'
	expect_grep "$T/html/part-15.html" '<li><span aria-current="page">[15]</span></li>'
	expect_grep "$T/html/part-15.html" '<li><span class="gap">…</span></li>'
	expect_status 0 dl render long -f markdown -o "$T/md/" || return
	expect_grep "$T/md/part-15.md" "[①](part-01.md) … [13](part-13.md) [14](part-14.md) [15] [16](part-16.md) [17](part-17.md) … [30](part-30.md)"
	expect_status 0 dl render long -f gemini -o "$T/gmi/" || return
	expect_grep "$T/gmi/part-15.gmi" "$(printf '=> part-14.gmi 14\n[15]\n=> part-16.gmi 16')"
	expect_status 0 dl render long -f info -o "$T/long.info" || return
	expect_grep "$T/long.info" "*note ①: part-01. … *note 13: part-13. *note 14: part-14. [15]"
	# The reference's 17 parts stay all: auto's threshold is 20.
	printf 'threshold: 40\n' >"$S/series/long.yaml"
	expect_status 0 dl render long --width 0 || return
	expect_grep "$T/out" "←前編13  ←前編14  ←前編15"
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
