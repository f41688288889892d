# The filters of list and export as people type them: repeated values,
# exclusions, the person fields, Japanese-aware matching (NFKC and case
# folding), --grep over every text field, times in --since and --until,
# part order with --series, and the dates a user may type.
. "$(dirname "$0")/lib.sh"

add_entry() {
	id=$(dl add "$@" 2>"$T/add.err") ||
	    fail "add $* failed: $(cat "$T/add.err")"
}

# Five entries; their IDs in $e1 ... $e5, in date order.
fill_store() {
	add_entry -d '2026-11-02 09:00' -t 定例訪問 --client T社 \
	    --contact O部長 --staff Kさん --tag クレーム --tag 入館証 \
	    --result 入館証の返却を約束 --next 'ケーブルを返送する' \
	    '## 経緯

O部長と面談した。'
	e1=$id
	add_entry -d '2026-11-02 15:30' -t 見積の説明 --client 'Harbor Foods' \
	    --contact 'Ms. Lane' --tag 見積 'Quote for the spring season.'
	e2=$id
	add_entry -d 2026-11-03 -t 新規開拓 --client S商事 --staff Mさん \
	    --tag 新規 '受付で名刺を渡した。'
	e3=$id
	add_entry -d '2026-11-04 10:00' -t 電話連絡 --client T社 \
	    --contact B課長 --tag クレーム 'Kさんの件で電話。'
	e4=$id
	add_entry -d 2026-11-05 -t 社内の打合せ --tag 社内 'ＡＢＣ案件の整理。'
	e5=$id
}

# ids FILTER...: the IDs list prints (TSV), on one line.
ids() {
	dl list --format tsv "$@" 2>"$T/list.err" | cut -f1 | tr '\n' ' '
}

test_repeated_values_match_any() {
	fill_store
	expect_eq "$(ids --client T社 --client S商事)" "$e1 $e3 $e4 "
	expect_eq "$(ids --tag 見積 --tag 新規)" "$e2 $e3 "
	expect_eq "$(ids --contact O部長 --contact B課長)" "$e1 $e4 "
}

test_different_filters_all_apply() {
	fill_store
	expect_eq "$(ids --client T社 --tag 入館証)" "$e1 "
	expect_eq "$(ids --client T社 --client S商事 --tag クレーム)" "$e1 $e4 "
	expect_eq "$(ids --client T社 --since 2026-11-03)" "$e4 "
}

test_exclusions() {
	fill_store
	# Entries without the tag, entries not for the client (an entry
	# without a client is not for it).
	expect_eq "$(ids --not-tag クレーム)" "$e2 $e3 $e5 "
	expect_eq "$(ids --not-client T社)" "$e2 $e3 $e5 "
	expect_eq "$(ids --not-client T社 --not-client S商事)" "$e2 $e5 "
	expect_eq "$(ids --client T社 --not-tag 入館証)" "$e4 "
	expect_eq "$(ids --not-grep 電話 --client T社)" "$e1 "
	expect_eq "$(ids --not-staff Kさん --tag クレーム)" "$e4 "
	expect_eq "$(ids --not-contact 'ms. lane' --tag 見積)" ""
}

test_contact_staff_author() {
	fill_store
	printf 'date: 2026-11-06\ntitle: 代理で記入\nauthor: 田中\n' >"$T/e.yaml"
	add_entry -F "$T/e.yaml"
	e6=$id
	expect_eq "$(ids --contact O部長)" "$e1 "
	expect_eq "$(ids --staff Mさん)" "$e3 "
	expect_eq "$(ids --staff Kさん --staff Mさん)" "$e1 $e3 "
	expect_eq "$(ids --author 田中)" "$e6 "
	expect_eq "$(ids --not-author 田中 --since 2026-11-05)" "$e5 "
	# Whole values: a part of a name is no match (--grep finds parts).
	expect_eq "$(ids --contact O)" ""
}

test_japanese_aware_matching() {
	fill_store
	# Full-width letters, half-width katakana, case.
	expect_eq "$(ids --client Ｔ社)" "$e1 $e4 "
	expect_eq "$(ids --client 'harbor foods')" "$e2 "
	expect_eq "$(ids --client 'ＨＡＲＢＯＲ　ＦＯＯＤＳ')" "$e2 "
	expect_eq "$(ids --contact 'MS. LANE')" "$e2 "
	expect_eq "$(ids --staff Ｋさん)" "$e1 "
	expect_eq "$(ids --grep ｹｰﾌﾞﾙ)" "$e1 "
	expect_eq "$(ids --grep abc)" "$e5 "
	expect_eq "$(ids --grep ＱＵＯＴＥ)" "$e2 "
	expect_eq "$(ids --tag ｸﾚｰﾑ)" "$e1 $e4 "
	# export filters the same way.
	expect_status 0 dl export -f jsonl --client Ｔ社 || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 2
}

test_grep_searches_every_text_field() {
	fill_store
	expect_eq "$(ids --grep 定例)" "$e1 "		# title
	expect_eq "$(ids --grep 面談)" "$e1 "		# body
	expect_eq "$(ids --grep 返却を約束)" "$e1 "	# result
	expect_eq "$(ids --grep 返送)" "$e1 "		# next
	expect_eq "$(ids --grep Harbor)" "$e2 "	# client
	expect_eq "$(ids --grep Lane)" "$e2 "		# contact
	expect_eq "$(ids --grep Mさ)" "$e3 "		# staff
	expect_eq "$(ids --grep 社内)" "$e5 "		# title and tag
	expect_eq "$(ids --grep 入館証)" "$e1 "	# tag, result
	# Two values: either.
	expect_eq "$(ids --grep 名刺 --grep 見積)" "$e2 $e3 "
	# The table shows the same entries as the TSV.
	expect_status 0 env COLUMNS=100 "$DAILYLOG" -C "$S" list -f table \
	    --grep 返送 || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1
	expect_grep "$T/out" 定例訪問
}

test_since_and_until_honour_a_time() {
	fill_store
	expect_eq "$(ids --since '2026-11-02 12:00' --until 2026-11-03)" "$e2 $e3 "
	expect_eq "$(ids --since 2026-11-02T15:30 --until 2026-11-02T15:30)" "$e2 "
	expect_eq "$(ids --until '2026-11-02 09:00')" "$e1 "
	expect_eq "$(ids --until '2026-11-02 08:59')" ""
	# An entry without a time is at the start of its day.
	expect_eq "$(ids --since '2026-11-03 08:00' --until 2026-11-03)" ""
	expect_eq "$(ids --since 2026-11-03 --until '2026-11-03 08:00')" "$e3 "
}

test_since_after_until_is_a_usage_error() {
	fill_store
	for cmd in list export; do
		expect_status 64 dl "$cmd" --since 2026-11-05 --until 2026-11-01 ||
		    continue
		expect_empty "$T/out"
		expect_grep "$T/err" "--since 2026-11-05 is after --until 2026-11-01"
	done
	expect_status 64 dl list --since '2026-11-02 10:00' \
	    --until '2026-11-02 09:00' || return
	# The whole day of an --until without a time.
	expect_status 0 dl list --since '2026-11-02 10:00' --until 2026-11-02
	expect_eq "$(cut -f1 "$T/out")" "$e2"
}

test_series_lists_in_part_order() {
	# Parts given out of date order: part 2 happened first.
	add_entry -d 2026-11-10 -s badge -p 3 -t 三 x
	p3=$id
	add_entry -d 2026-11-01 -s badge -p 2 -t 二 x
	p2=$id
	add_entry -d 2026-11-05 -s badge -p 1 -t 一 x
	p1=$id
	add_entry -d 2026-11-03 -s other -t 別 x
	o1=$id
	expect_eq "$(ids --series badge)" "$p1 $p2 $p3 "
	expect_eq "$(ids --series badge -n 2)" "$p2 $p3 "
	# Several series: in the order given, each by part.
	expect_eq "$(ids --series other --series badge)" "$o1 $p1 $p2 $p3 "
	# Without --series: by date.
	expect_eq "$(ids)" "$p2 $o1 $p1 $p3 "
	# export and list's JSON in the same order.
	expect_status 0 dl export -f jsonl --series badge || return
	expect_eq "$(python3 -c 'import json,sys
print(" ".join(str(json.loads(l)["part"]) for l in open(sys.argv[1])))' "$T/out")" "1 2 3"
	expect_status 0 dl list -f json --series badge || return
	expect_eq "$(python3 -c 'import json,sys
print(" ".join(str(e["part"]) for e in json.load(open(sys.argv[1]))))' "$T/out")" "1 2 3"
}

test_bad_filter_values() {
	expect_status 64 dl list --client '' || return
	expect_grep "$T/err" "--client takes text (UTF-8, not empty)"
	expect_status 64 dl list --not-tag "$(printf '\377')" || return
	expect_grep "$T/err" "--not-tag takes text"
	expect_status 64 dl list --not-series 'Bad Slug' || return
	expect_grep "$T/err" "--not-series takes a series name"
	expect_status 64 dl export --bom || return
	expect_grep "$T/err" "--bom is for --format csv"
}

# The dates a user types, through add and list, at the real "now".
test_relative_dates() {
	today=$(date +%F)
	add_entry -d today -t 今日 x
	t0=$id
	add_entry -d -1 -t 昨日 x
	t1=$id
	add_entry -d tomorrow -t 明日 x
	t2=$id
	add_entry -d "$(date +%Y%m%d) 08:05" -t 朝 x
	t3=$id
	add_entry -d 09:30 -t 九時半 x
	t4=$id
	expect_status 0 dl list -f tsv --since today --until today || return
	expect_eq "$(cut -f2 "$T/out" | tr '\n' ' ')" \
	    "$today $today 08:05 $today 09:30 "
	expect_eq "$(ids --since tomorrow)" "$t2 "
	expect_eq "$(ids --until -1)" "$t1 "
	# A weekday is never in the future: today's name is today.
	wd=$(LC_ALL=C date +%a | tr A-Z a-z)
	expect_eq "$(ids --since "$wd" --until "$wd")" "$t0 $t3 $t4 "
	# M/D of today is this year's.
	expect_eq "$(ids --since "$(date +%-m/%-d)" --until today)" "$t0 $t3 $t4 "
	expect_status 64 dl list --since someday || return
	expect_grep "$T/err" "YYYYMMDD, MM-DD, M/D"
}

run_tests
