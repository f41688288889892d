# CSV for spreadsheets: export -f csv and list -f csv, read back with
# Python's csv module (RFC 4180): the header, one record per entry,
# CRLF, quoting, lists joined by LF, --bom.
. "$(dirname "$0")/lib.sh"

fill_store() {
	cat >"$T/e1.yaml" <<-'YAML'
	date: 2026-11-24 10:30
	title: 'T社, O部長を訪問 "至急"'
	series: badge
	part: 16
	client: T社
	contact: O部長
	staff: Kさん
	tags: [クレーム, 入館証]
	result: 返却を約束
	next: [郵送の手配, 'K さんに電話, 再度']
	author: 佐藤
	draft: true
	body: |
	  ## 経緯

	  入館証の件で訪問した。
	  カンマ, と "引用" と改行。
	x-note: 表計算には出ない
	YAML
	dl add -F "$T/e1.yaml" >"$T/id1" || fail "add 1"
	dl add -d 2026-11-25 -t 簡単な件 x >"$T/id2" || fail "add 2"
}

# check_csv FILE BOM: FILE is the store's two entries as CSV.
check_csv() {
	python3 - "$1" "$2" "$(cat "$T/id1")" "$(cat "$T/id2")" <<'PY' ||
import csv, sys
path, bom, id1, id2 = sys.argv[1:]
raw = open(path, "rb").read()
assert raw.startswith(b"\xef\xbb\xbf") == (bom == "yes"), raw[:8]
# Every record ends in CRLF; a LF alone is inside a quoted field.
assert raw.endswith(b"\r\n"), raw[-4:]
assert raw.count(b"\r\n") == 3, raw.count(b"\r\n")
rows = list(csv.reader(open(path, encoding="utf-8-sig", newline=""),
                       strict=True))
assert rows[0] == ["id", "date", "series", "part", "title", "client",
                   "contact", "staff", "tags", "result", "next", "author",
                   "draft", "body"], rows[0]
assert len(rows) == 3, rows
r = dict(zip(rows[0], rows[1]))
assert r["id"] == id1, r
assert r["date"] == "2026-11-24 10:30", r
assert r["series"] == "badge" and r["part"] == "16", r
assert r["title"] == 'T社, O部長を訪問 "至急"', r["title"]
assert r["client"] == "T社" and r["contact"] == "O部長", r
assert r["staff"] == "Kさん" and r["author"] == "佐藤", r
assert r["tags"].split("\n") == ["クレーム", "入館証"], r["tags"]
assert r["next"].split("\n") == ["郵送の手配", "K さんに電話, 再度"], r["next"]
assert r["result"] == "返却を約束" and r["draft"] == "true", r
assert r["body"] == ("## 経緯\n\n入館証の件で訪問した。\n"
                     'カンマ, と "引用" と改行。'), repr(r["body"])
r = dict(zip(rows[0], rows[2]))
assert r["id"] == id2 and r["title"] == "簡単な件", r
assert r["series"] == r["part"] == r["tags"] == r["draft"] == "", r
assert r["body"] == "x", r
PY
	    fail "$1 is not the CSV expected"
}

test_export_csv() {
	fill_store
	expect_status 0 dl export -f csv || return
	check_csv "$T/out" no
	# Unquoted where nothing needs quotes.
	expect_grep "$T/out" "$(cat "$T/id2"),2026-11-25,,,簡単な件,"
}

test_export_csv_bom() {
	fill_store
	expect_status 0 dl export --format csv --bom || return
	check_csv "$T/out" yes
}

test_list_csv_is_export_csv() {
	fill_store
	expect_status 0 dl list -f csv --bom || return
	check_csv "$T/out" yes
	dl export -f csv --bom >"$T/export.csv" || fail "export"
	cmp -s "$T/out" "$T/export.csv" || fail "list -f csv differs from export"
}

test_csv_filters_and_empty_store() {
	expect_status 0 dl export -f csv || return
	printf 'id,date,series,part,title,client,contact,staff,tags,result,next,author,draft,body\r\n' >"$T/want"
	cmp -s "$T/want" "$T/out" || fail "empty store: $(od -c "$T/out" | head)"
	fill_store
	expect_status 0 dl list -f csv --tag 入館証 || return
	expect_eq "$(python3 -c 'import csv,sys
print(len(list(csv.reader(open(sys.argv[1], newline="")))))' "$T/out")" 2
}

run_tests
