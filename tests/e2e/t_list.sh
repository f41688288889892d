# dailylog list: formats, filters, order, table width.
. "$(dirname "$0")/lib.sh"

# add_entry ARGS...: add quietly; the new ID in $id.
add_entry() {
	id=$(dl add "$@" 2>"$T/add.err") ||
	    fail "add $* failed: $(cat "$T/add.err")"
}

# A small store: two series and other entries, added out of date order
# (a series' parts are numbered in the order they are added).
fill_store() {
	add_entry -d 2026-11-05 -s badge -t Kさんと連絡が取れない --client T社 \
	    --staff Kさん --tag クレーム '電話に出ない。'
	id_b1=$id
	add_entry -d 2026-11-20 -s badge -t O部長を訪問 --client T社 \
	    --tag クレーム --tag 入館証 '入館証の返却をお願いした。'
	id_b2=$id
	add_entry -d 2026-11-28 -s badge -t 入館証が戻った --client T社 \
	    --tag 入館証 '郵送で届いた。'
	id_b3=$id
	add_entry -d 2026-11-12 -s hiring -t 面接の調整 --client S商事 \
	    'B部長の都合を聞いた。'
	id_h1=$id
	add_entry -d 2026-11-12 -t 新規訪問 --client S商事 --tag 新規 \
	    '受付で名刺を渡した。'
	id_new=$id
}

# ids: the first column of stdout of `list --format tsv FILTERS`, on one line.
ids() {
	dl list --format tsv "$@" 2>"$T/list.err" | cut -f1 | tr '\n' ' '
}

test_list_tsv_columns() {
	add_entry -d 2026-11-20 -s badge -p 16 -t O部長を訪問 --client T社 本文
	printf '%s\t2026-11-20\tbadge\t16\tO部長を訪問\tT社\n' "$id" >"$T/want"
	add_entry -d 2026-11-21 -t 連絡のみ 本文
	printf '%s\t2026-11-21\t\t\t連絡のみ\t\n' "$id" >>"$T/want"
	add_entry -d '2026-11-22 08:15' -t 朝 本文
	printf '%s\t2026-11-22 08:15\t\t\t朝\t\n' "$id" >>"$T/want"
	expect_status 0 dl list --format tsv || return
	cmp -s "$T/out" "$T/want" ||
	    fail "tsv differs: $(diff "$T/want" "$T/out" | head -c 600)"
	expect_empty "$T/err"
	# Not a terminal: tsv is the default.
	expect_status 0 dl list || return
	cmp -s "$T/out" "$T/want" || fail "the default on a pipe is not tsv"
}

test_list_tsv_escapes() {
	printf '%s\n' 'date: 2026-11-20' "title: \"列\\t区切り\\\\記号\"" \
	    'client: "T社\n本社"' >"$T/e.yaml"
	add_entry -F "$T/e.yaml"
	# Tab, newline and backslash escaped: one line of six fields.
	printf '%s\t2026-11-20\t\t\t列\\t区切り\\\\記号\tT社\\n本社\n' "$id" >"$T/want"
	expect_status 0 dl list --format tsv || return
	cmp -s "$T/out" "$T/want" ||
	    fail "escaping differs: $(diff "$T/want" "$T/out" | head -c 600)"
	expect_eq "$(awk -F '\t' '{ print NF }' "$T/out")" 6
}

test_list_oldest_first() {
	fill_store
	# Date first; the two entries of 11-12 in ID order.
	same=$(printf '%s\n%s\n' "$id_new" "$id_h1" | sort | tr '\n' ' ')
	expect_eq "$(ids)" "$id_b1 $same$id_b2 $id_b3 "
	add_entry -d '2026-11-05 18:00' -t 夕方 x
	late=$id
	add_entry -d '2026-11-05 07:30' -t 早朝 x
	# An entry without a time sorts as 00:00 of its day.
	expect_eq "$(ids --until 2026-11-05)" "$id_b1 $id $late "
}

test_list_json() {
	fill_store
	expect_status 0 dl list --format json || return
	python3 - "$T/out" "$id_b1" "$id_b2" <<-'PY' 2>"$T/py" ||
	import json, sys
	v = json.load(open(sys.argv[1], encoding="utf-8"))
	assert isinstance(v, list) and len(v) == 5, v
	assert v[0]["id"] == sys.argv[2], v[0]
	e = [x for x in v if x["id"] == sys.argv[3]][0]
	assert e["title"] == "O部長を訪問", e
	assert e["series"] == "badge" and e["part"] == 2, e
	assert e["tags"] == ["クレーム", "入館証"], e
	assert e["client"] == "T社", e
	PY
	    fail "json: $(cat "$T/py")"
	# An empty store is an empty array.
	expect_status 0 dl list --format json --series none || return
	python3 -c 'import json,sys; assert json.load(sys.stdin) == []' \
	    <"$T/out" || fail "empty json: $(cat "$T/out")"
}

test_list_jsonl() {
	fill_store
	expect_status 0 dl list --format jsonl --series badge || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 3
	python3 - "$T/out" <<-'PY' 2>"$T/py" || fail "jsonl: $(cat "$T/py")"
	import json, sys
	parts = [json.loads(line)["part"] for line in open(sys.argv[1], encoding="utf-8")]
	assert parts == [1, 2, 3], parts
	PY
	expect_status 0 dl list --format jsonl --series none || return
	expect_empty "$T/out"
}

test_list_json_escapes() {
	printf '%s\n' 'date: 2026-11-20' "title: '\"引用\" \\ と	タブ'" \
	    'body: "一行目\n二行目\n"' >"$T/e.yaml"
	add_entry -F "$T/e.yaml"
	expect_status 0 dl list --format json || return
	python3 - "$T/out" <<-'PY' 2>"$T/py" || fail "json escapes: $(cat "$T/py")"
	import json, sys
	e = json.load(open(sys.argv[1], encoding="utf-8"))[0]
	assert e["title"] == '"引用" \\ と\tタブ', e["title"]
	assert e["body"] == "一行目\n二行目\n", e["body"]
	PY
}

test_list_filters() {
	fill_store
	expect_eq "$(ids --series badge)" "$id_b1 $id_b2 $id_b3 "
	expect_eq "$(ids --series hiring)" "$id_h1 "
	expect_eq "$(ids --series badg)" ""
	# since and until take whole days, both ends included.
	same=$(printf '%s\n%s\n' "$id_new" "$id_h1" | sort | tr '\n' ' ')
	expect_eq "$(ids --since 2026-11-12 --until 2026-11-20)" "$same$id_b2 "
	expect_eq "$(ids --since 2026-11-21)" "$id_b3 "
	expect_eq "$(ids --until 2026-11-04)" ""
	expect_eq "$(ids --client S商事)" "$same"
	expect_eq "$(ids --client T)" ""
	expect_eq "$(ids --tag 入館証)" "$id_b2 $id_b3 "
	expect_eq "$(ids --tag 入館)" ""
	# grep: a substring of the title or of the body.
	expect_eq "$(ids --grep 部長を)" "$id_b2 "
	expect_eq "$(ids --grep 名刺)" "$id_new "
	expect_eq "$(ids --grep 入館証)" "$id_b2 $id_b3 "
	expect_eq "$(ids --grep 館証が戻)" "$id_b3 "
	expect_eq "$(ids --grep 存在しない語)" ""
	# Filters combine.
	expect_eq "$(ids --series badge --tag クレーム --since 2026-11-06)" "$id_b2 "
	expect_eq "$(ids --client T社 --grep 電話)" "$id_b1 "
}

test_list_grep_whole_characters() {
	# 「が」 is E3 81 8C: its last two bytes are no character, and a
	# byte-wise search would find them inside it.
	add_entry -d 2026-11-20 -t 鍵がない x
	expect_eq "$(ids --grep "$(printf '\201\214')")" ""
	expect_eq "$(ids --grep が)" "$id "
}

test_list_last_n() {
	fill_store
	expect_eq "$(ids -n 2)" "$id_b2 $id_b3 "
	expect_eq "$(ids -n 1 --series badge)" "$id_b3 "
	expect_eq "$(ids -n 50 --series badge)" "$id_b1 $id_b2 $id_b3 "
	expect_status 64 dl list -n 0 || return
	expect_grep "$T/err" "-n takes a positive number"
	expect_status 64 dl list -n abc || return
	expect_empty "$T/out"
}

test_list_bad_options() {
	expect_status 64 dl list --since 2026-02-30 || return
	expect_grep "$T/err" "bad date '2026-02-30'"
	expect_status 64 dl list --format xml || return
	expect_grep "$T/err" "--format takes table, tsv, json, jsonl or csv"
	expect_status 64 dl list --seires badge || return
	expect_grep "$T/err" "did you mean '--series'?"
	expect_status 64 dl list extra || return
	expect_grep "$T/err" "unexpected argument 'extra'"
	expect_empty "$T/out"
}

test_list_table() {
	fill_store
	expect_status 0 env COLUMNS=100 "$DAILYLOG" -C "$S" list --format table ||
	    return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 5
	# Oldest first, date first, the series as SLUG:PART.
	head -n 1 "$T/out" >"$T/first"
	expect_grep "$T/first" "2026-11-05  $id_b1"
	expect_grep "$T/first" "badge:1"
	expect_grep "$T/first" "Kさんと連絡が取れない"
	# Columns line up by display width: the client column starts at the
	# same display column on every line.
	python3 - "$T/out" <<-'PY' 2>"$T/py" || fail "table: $(cat "$T/py")"
	import sys, unicodedata
	def width(s):
	    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
	cols = set()
	for line in open(sys.argv[1], encoding="utf-8"):
	    for client in ("T社", "S商事"):
	        if line.rstrip("\n").endswith(client):
	            cols.add(width(line.rstrip("\n")) - width(client))
	assert len(cols) == 1, cols
	PY
}

test_list_table_fits_40_columns() {
	add_entry -d 2026-11-20 -t 'O部長を訪問し入館証の返却について改めてお願いした件' x
	add_entry -d 2026-11-21 -t 短い件名 x
	add_entry -d 2026-11-22 -t 'ASCII title that is long enough to be cut' x
	expect_status 0 env COLUMNS=40 "$DAILYLOG" -C "$S" list --format table ||
	    return
	w=$(max_width "$T/out")
	[ "$w" -le 40 ] || fail "a line is $w columns wide: $(cat "$T/out")"
	expect_grep "$T/out" "短い件名"
	expect_eq "$(grep -c '…$' "$T/out")" 2
	# What is left of a cut title is its beginning.
	expect_grep "$T/out" "O部長を"
	expect_grep "$T/out" "ASCII"
}

test_list_table_with_series_and_client_fits_40_columns() {
	fill_store
	expect_status 0 env COLUMNS=40 "$DAILYLOG" -C "$S" list --format table ||
	    return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 5
	w=$(max_width "$T/out")
	[ "$w" -le 40 ] || fail "a line is $w columns wide, more than COLUMNS=40:
$(cat "$T/out")"
}

# Times make the date 16 columns: at 40 columns and less the ID goes
# too, and the date and title still fit.
test_list_table_fits_narrow_terminals_with_times() {
	add_entry -d '2026-11-20 10:30' -s badge -t 'O部長を訪問し入館証の返却について改めてお願いした件' \
	    --client T社 x
	add_entry -d '2026-11-21 09:00' -t 短い件名 --client 'Harbor Foods' x
	for w in 80 45 40 36 30 24; do
		expect_status 0 env COLUMNS=$w "$DAILYLOG" -C "$S" list \
		    --format table || continue
		mw=$(max_width "$T/out")
		[ "$mw" -le "$w" ] || fail "at $w columns a line is $mw wide:
$(cat "$T/out")"
		expect_grep "$T/out" "2026-11-21 09:00"
		expect_grep "$T/out" "短い"
	done
	expect_status 0 env COLUMNS=80 "$DAILYLOG" -C "$S" list --format table
	expect_grep "$T/out" "$id"
	expect_status 0 env COLUMNS=40 "$DAILYLOG" -C "$S" list --format table
	expect_no_grep "$T/out" "$id"
	expect_grep "$T/out" "2026-11-21 09:00  短い件名"
}

test_list_table_sanitizes() {
	# A title that a hand-written file smuggles an escape into is not
	# loaded at all; a tab is allowed, and the table shows it harmlessly.
	printf 'date: 2026-11-20\ntitle: "a\\tb"\n' >"$T/tab.yaml"
	add_entry -F "$T/tab.yaml"
	expect_status 0 env COLUMNS=80 "$DAILYLOG" -C "$S" list --format table ||
	    return
	! grep -q "$(printf '\t')" "$T/out" || fail "a raw tab in the table"
}

# A symbolic link or a badly named *.yaml under entries/ is never loaded,
# and list says so instead of skipping it silently; check calls it an error.
test_list_warns_about_links_and_bad_names() {
	dl add -d 2026-11-02 -t 本物 本文 >/dev/null || fail "add"
	printf 'date: 2026-11-02\ntitle: 外\n' >"$T/outside.yaml"
	ln -s "$T/outside.yaml" "$S/entries/2026/11/20261102-linked.yaml"
	cp "$T/outside.yaml" "$S/entries/2026/11/bad name.yaml"
	expect_status 0 dl list --format tsv
	expect_grep "$T/out" 本物
	expect_no_grep "$T/out" 外
	expect_grep "$T/err" "20261102-linked.yaml: warning: a symbolic link; not followed"
	expect_grep "$T/err" "bad name.yaml: warning: not loaded: the file name is not a valid ID"
	expect_status 65 dl check
	expect_grep "$T/err" "20261102-linked.yaml: a symbolic link; dailylog does not follow links"
}

# A series name that cannot exist is a usage error, not an empty list.
test_list_bad_series_name() {
	expect_status 64 dl list --series Badge
	expect_grep "$T/err" "--series takes a series name"
	expect_status 64 dl export --series ../x
	expect_empty "$T/out"
}

run_tests
