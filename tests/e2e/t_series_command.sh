# dailylog series: the table fitting the terminal's width, and
# series SLUG --title T [--lang ja|en], the series settings file
# written, its other keys and comments kept, validated first.
. "$(dirname "$0")/lib.sh"

test_series_title_writes_the_settings() {
	dl add -d 2026-11-02 -s badge -t 初回 x >/dev/null || fail "add"
	expect_status 0 dl series badge --title '入館証の件: "T社"' || return
	expect_empty "$T/out"
	[ -f "$S/series/badge.yaml" ] || { fail "no settings file"; return; }
	expect_status 0 dl series -f json || return
	python3 - "$T/out" <<-'PY' 2>"$T/py" || fail "series: $(cat "$T/py")"
	import json, sys
	s = json.load(open(sys.argv[1], encoding="utf-8"))[0]
	assert s["title"] == '入館証の件: "T社"', s
	PY
	# The title shows in a rendering.
	expect_status 0 dl render badge -f markdown || return
	expect_grep "$T/out" "入館証の件"
	# Private like the rest of the store.
	expect_eq "$(stat -c %a "$S/series/badge.yaml")" 600
}

test_series_title_keeps_what_the_user_wrote() {
	mkdir -p "$S/series"
	cat >"$S/series/badge.yaml" <<-'YAML'
	# 入館証シリーズの設定
	title: 古い題
	  の続き
	numbering: arabic   # 数字で

	per_row: 4
	x-memo: 手書き
	YAML
	expect_status 0 dl series badge --title 新しい題 --lang en || return
	cat >"$T/want" <<-'YAML'
	# 入館証シリーズの設定
	title: "新しい題"
	numbering: arabic   # 数字で

	per_row: 4
	x-memo: 手書き
	lang: "en"
	YAML
	diff "$T/want" "$S/series/badge.yaml" >"$T/diff" ||
	    fail "the file is not as expected: $(cat "$T/diff")"
	# Again: replaced in place, nothing doubled.
	expect_status 0 dl series badge --lang ja || return
	expect_eq "$(grep -c '^lang:' "$S/series/badge.yaml")" 1
	expect_grep "$S/series/badge.yaml" 'lang: "ja"'
	expect_grep "$S/series/badge.yaml" 'title: "新しい題"'
}

test_series_title_for_a_series_without_parts_yet() {
	expect_status 0 dl series kickoff --title 'Kickoff' --lang en || return
	expect_grep "$S/series/kickoff.yaml" 'title: "Kickoff"'
	dl add -s kickoff -t first x >/dev/null || fail "add"
	expect_status 0 dl render kickoff || return
	expect_grep "$T/out" "Kickoff"
}

test_series_title_refusals() {
	expect_status 64 dl series 'Bad Slug' --title x || return
	expect_grep "$T/err" "bad series 'Bad Slug'"
	expect_status 64 dl series ../x --title x || return
	[ ! -e "$T/x.yaml" ] || fail "escaped the store"
	expect_status 64 dl series badge || return
	expect_grep "$T/err" "series badge takes --title TITLE and --lang ja|en"
	expect_status 64 dl series --title x || return
	expect_grep "$T/err" "name the series"
	expect_status 64 dl series badge --title '' || return
	expect_status 64 dl series badge --title "$(printf 'a\nb')" || return
	expect_grep "$T/err" "--title takes one line of text"
	expect_status 64 dl series badge --lang fr || return
	expect_grep "$T/err" "--lang takes ja or en, not 'fr'"
	[ ! -e "$S/series/badge.yaml" ] || fail "a refusal wrote the file"
}

# A file the loader refuses stays as it is: nothing is written over it.
test_series_title_leaves_a_bad_file_alone() {
	mkdir -p "$S/series"
	printf 'title: x\nnumbring: arabic\n' >"$S/series/badge.yaml"
	cp "$S/series/badge.yaml" "$T/before"
	expect_status 65 dl series badge --title y || return
	expect_grep "$T/err" "unknown key 'numbring' (did you mean 'numbering'?)"
	cmp -s "$T/before" "$S/series/badge.yaml" || fail "the file changed"
	# A flow mapping cannot be rewritten line by line: said so.
	printf '{title: x, lang: ja}\n' >"$S/series/badge.yaml"
	expect_status 65 dl series badge --title y || return
	expect_grep "$T/err" "set title there by hand"
	expect_eq "$(cat "$S/series/badge.yaml")" "{title: x, lang: ja}"
	# No temporary file is left behind.
	expect_eq "$(ls -A "$S/series" | wc -l | tr -d ' ')" 1
}

test_series_table_fits_the_width() {
	for p in 1 2 3; do
		dl add -d "2026-11-0$p 10:30" -s badge -t "件名$p" x >/dev/null ||
		    fail "add"
	done
	dl add -d 2026-11-05 -s onboarding -p 3 -t x x >/dev/null
	dl series badge --title 派遣会社営業担当のクレーム対応報告 || fail "title"
	for w in 100 80 60 45 40 32; do
		expect_status 0 env COLUMNS=$w "$DAILYLOG" -C "$S" series \
		    -f table || continue
		mw=$(max_width "$T/out")
		[ "$mw" -le "$w" ] || fail "at $w columns a line is $mw wide:
$(cat "$T/out")"
		expect_grep "$T/out" "onboarding"
		expect_grep "$T/out" "PARTS"
		# Missing parts are never given up.
		expect_grep "$T/out" "MISSING"
		expect_grep "$T/out" "1-2"
	done
	# Wide enough: every title whole, days without times.
	expect_status 0 env COLUMNS=100 "$DAILYLOG" -C "$S" series -f table
	expect_grep "$T/out" "派遣会社営業担当のクレーム対応報告  3      2026-11-01  2026-11-03"
	# Narrow: the title is cut, the days go.
	expect_status 0 env COLUMNS=60 "$DAILYLOG" -C "$S" series -f table
	expect_grep "$T/out" "…"
	expect_no_grep "$T/out" "FIRST"
}

run_tests
