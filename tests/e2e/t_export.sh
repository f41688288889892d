# dailylog export: every entry with every field and its ID, as json, jsonl, yaml.
. "$(dirname "$0")/lib.sh"

FIELDS='["date", "title", "series", "part", "client", "contact", "staff",
    "tags", "result", "next", "body"]'

# Three entries; the first has every field, with values that need quoting
# in YAML (a number, a boolean word, ": ", "- ", "#", a trailing space).
fill_store() {
	id_full=$(dl add -d '2026-11-20 10:00' -t 123 -s badge -p 4 --client yes \
	    --contact 'O部長: 本社' --staff '"Kさん"' --tag 'a, b' --tag '#入館証' \
	    --result "$(printf '返却の約束\n期限は金曜')" --next '電話: 月曜' \
	    --next '- 再訪問' "$(printf '本文の行 \n- 項目\n\n## 見出し')" \
	    2>"$T/add.err") || fail "add failed: $(cat "$T/add.err")"
	id_min=$(dl add -d 2026-11-02 -t 最小限 2>"$T/add.err") ||
	    fail "add failed: $(cat "$T/add.err")"
	id_ja=$(dl add -d 2026-11-25 -s badge -t O部長を訪問 --client T社 \
	    '入館証の返却をお願いした。' 2>"$T/add.err") ||
	    fail "add failed: $(cat "$T/add.err")"
}

# check_export FILE FORMAT: the exported entries are the three of fill_store,
# oldest first, with their IDs, and the full one has every field.
check_export() {
	python3 - "$1" "$2" "$id_min" "$id_full" "$id_ja" "$FIELDS" <<-'PY' \
	    2>"$T/py" || fail "$2 export: $(cat "$T/py")"
	import json, sys
	path, fmt, ids, fields = sys.argv[1], sys.argv[2], sys.argv[3:6], json.loads(sys.argv[6])
	text = open(path, encoding="utf-8").read()
	if fmt == "json":
	    v = json.loads(text)
	elif fmt == "jsonl":
	    assert text.endswith("\n"), "no final newline"
	    v = [json.loads(line) for line in text.split("\n")[:-1]]
	else:
	    import yaml
	    # BaseLoader: every scalar a string, as the entry file has it.
	    v = list(yaml.load_all(text, Loader=yaml.BaseLoader))
	assert [e["id"] for e in v] == ids, [e.get("id") for e in v]
	full = v[1]
	missing = [f for f in fields if f not in full]
	assert not missing, "missing fields %s" % missing
	want = {"date": "2026-11-20 10:00", "title": "123", "series": "badge",
	        "part": 4, "client": "yes", "contact": "O部長: 本社",
	        "staff": '"Kさん"', "tags": ["a, b", "#入館証"],
	        "result": "返却の約束\n期限は金曜", "next": ["電話: 月曜", "- 再訪問"],
	        "body": "本文の行 \n- 項目\n\n## 見出し\n"}
	if fmt == "yaml":
	    want["part"] = "4"
	for k in want:
	    assert full[k] == want[k], "%s is %r, not %r" % (k, full[k], want[k])
	assert v[0]["title"] == "最小限" and "series" not in v[0], v[0]
	assert v[2]["title"] == "O部長を訪問" and v[2]["client"] == "T社", v[2]
	PY
}

test_export_json() {
	fill_store
	expect_status 0 dl export --format json || return
	expect_empty "$T/err"
	check_export "$T/out" json
	# json is the default.
	expect_status 0 dl export || return
	check_export "$T/out" json
}

test_export_jsonl() {
	fill_store
	expect_status 0 dl export --format jsonl || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 3
	check_export "$T/out" jsonl
}

test_export_yaml() {
	fill_store
	expect_status 0 dl export --format yaml || return
	expect_eq "$(grep -c '^---$' "$T/out")" 3
	check_export "$T/out" yaml
}

test_export_yaml_reimports() {
	fill_store
	dl export --format yaml >"$T/all.yaml" || fail "export failed"
	# Each document, added through `add -F -` to a new store...
	"$DAILYLOG" init "$T/b" 2>/dev/null
	python3 - "$T/all.yaml" "$T/doc" <<-'PY' || fail "cannot split the stream"
	import sys
	docs = open(sys.argv[1], encoding="utf-8").read().split("---\n")[1:]
	for i, d in enumerate(docs):
	    open("%s.%d" % (sys.argv[2], i), "w", encoding="utf-8").write(d)
	PY
	for doc in "$T"/doc.*; do
		expect_status 0 "$DAILYLOG" -C "$T/b" add -F - <"$doc" || return
	done
	# ...gives the same fields (IDs and paths are new).
	dl export --format json >"$T/a.json"
	"$DAILYLOG" -C "$T/b" export --format json >"$T/b.json"
	python3 - "$T/a.json" "$T/b.json" <<-'PY' 2>"$T/py" ||
	import json, sys
	def fields(p):
	    return [{k: v for k, v in e.items() if k not in ("id", "path")}
	            for e in json.load(open(p, encoding="utf-8"))]
	a, b = fields(sys.argv[1]), fields(sys.argv[2])
	assert a == b, "%s\n!=\n%s" % (a, b)
	PY
	    fail "re-imported entries differ: $(cat "$T/py")"
}

# typed_entry: an entry whose x- scalars are of every YAML type.
typed_entry() {
	dl add -F - >/dev/null 2>"$T/add.err" <<-'EOF' ||
	date: 2026-11-09
	title: 走行距離の記録
	x-mileage: 12
	x-fuel: 4.5
	x-ratio: .25
	x-offset: -007
	x-code: 0x1F
	x-paid: true
	x-late: False
	x-none: ~
	x-blank:
	x-quoted: '12'
	x-word: "false"
	x-tagged: !!str 7
	x-forced: !!int "8"
	x-yes: yes
	x-inf: .inf
	x-legs: [1, '2', true, null, 電車]
	x-map: {12: 回, 'km': 3.0}
	EOF
	    fail "add -F failed: $(cat "$T/add.err")"
}

# x- scalars keep their YAML type in JSON: numbers, booleans, null; text,
# quoted or tagged !!str, a string; what JSON has no number for a string.
test_export_json_keeps_types() {
	typed_entry
	for f in json jsonl; do
		expect_status 0 dl export --format $f || return
		python3 - "$T/out" $f <<-'PY' 2>"$T/py" || fail "$f: $(cat "$T/py")"
		import json, sys
		text = open(sys.argv[1], encoding="utf-8").read()
		e = (json.loads(text) if sys.argv[2] == "json" else
		     [json.loads(l) for l in text.splitlines()])[0]
		want = {"x-mileage": 12, "x-fuel": 4.5, "x-ratio": 0.25,
		        "x-offset": -7, "x-code": 31, "x-paid": True,
		        "x-late": False, "x-none": None, "x-blank": None,
		        "x-quoted": "12", "x-word": "false", "x-tagged": "7",
		        "x-forced": 8, "x-yes": "yes", "x-inf": ".inf",
		        "x-legs": [1, "2", True, None, "電車"],
		        "x-map": {"12": "回", "km": 3.0}}
		for k, v in want.items():
		    assert k in e, "no %s" % k
		    assert e[k] == v and type(e[k]) is type(v), \
		        "%s is %r, not %r" % (k, e[k], v)
		# As JSON writes numbers: no leading zeros, no bare ".".
		assert '"x-offset":-7,' in text and '"x-ratio":0.25,' in text, text
		PY
	done
}

test_export_filters() {
	fill_store
	expect_status 0 dl export --format jsonl --series badge || return
	python3 - "$T/out" "$id_full" "$id_ja" <<-'PY' 2>"$T/py" ||
	import json, sys
	ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
	assert ids == sys.argv[2:], ids
	PY
	    fail "filtered export: $(cat "$T/py")"
	expect_status 0 dl export --format json --grep 入館証の返却 || return
	python3 -c 'import json,sys; v = json.load(sys.stdin); assert [e["id"] for e in v] == [sys.argv[1]], v' \
	    "$id_ja" <"$T/out" || fail "grep export: $(cat "$T/out")"
}

# More entries than export reads ahead at once (its ring holds 512),
# with files broken and edited by hand in between: every entry that loads
# comes once, in listing order (the order list gives), with what its
# file says now; each broken file is reported once, where it breaks.
test_export_many_files_with_broken_ones() {
	python3 - >"$T/in.jsonl" <<-'PY'
	import json
	for i in range(1300):
	    print(json.dumps({"date": "2026-%02d-%02d %02d:%02d" % (
	        1 + i % 12, 1 + i % 28, i % 24, i % 60),
	        "title": "訪問 %d" % i, "body": "本文 %d\n二行目\n" % i},
	        ensure_ascii=False))
	PY
	expect_status 0 dl import "$T/in.jsonl" || return
	dl list >/dev/null 2>&1
	entry_files >"$T/files"
	broken1=$(sed -n 100p "$T/files")
	broken2=$(sed -n 900p "$T/files")
	edited=$(sed -n 700p "$T/files")
	printf 'date: 2026-01-01\ntitle: [unclosed\n' >"$broken1"
	printf 'date: 2026-01-01\ntitle: x\nsurprise: 1\n' >"$broken2"
	# Moved to the front of the listing, in place: same inode.
	python3 - "$edited" <<-'PY'
	import re, sys
	path = sys.argv[1]
	text = open(path, encoding="utf-8").read()
	text = re.sub(r"^date: .*$", "date: 2025-12-31 23:59", text, count=1,
	              flags=re.M)
	with open(path, "r+", encoding="utf-8") as f:
	    f.write(text)
	    f.truncate()
	PY
	dl list --format tsv >"$T/list.tsv" 2>/dev/null
	expect_status 65 dl export --format jsonl || return
	python3 - "$T/out" "$T/list.tsv" "$edited" <<-'PY' 2>"$T/py" ||
	import json, sys
	got = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
	want = [l.split("\t")[0] for l in open(sys.argv[2], encoding="utf-8")]
	assert len(got) == 1298, len(got)
	assert [e["id"] for e in got] == want, "not in listing order"
	assert got[0]["path"].endswith(sys.argv[3].rsplit("/", 1)[1]), got[0]
	assert got[0]["date"] == "2025-12-31 23:59", got[0]
	for e in got:
	    n = int(e["title"].split()[1])
	    assert e["body"] == "本文 %d\n二行目\n" % n, e
	PY
	    fail "export of many: $(cat "$T/py")"
	expect_eq "$(grep -c "$broken1:3:1: invalid YAML" "$T/err")" 1
	expect_eq "$(grep -c "$broken2:3:1: unknown key 'surprise'" "$T/err")" 1
	expect_eq "$(wc -l <"$T/err")" 2
}

test_export_empty_store() {
	expect_status 0 dl export --format json || return
	python3 -c 'import json,sys; assert json.load(sys.stdin) == []' <"$T/out" ||
	    fail "empty json export is not []: $(cat "$T/out")"
	expect_status 0 dl export --format jsonl || return
	expect_empty "$T/out"
	expect_status 0 dl export --format yaml || return
	expect_empty "$T/out"
}

test_export_bad_format() {
	expect_status 64 dl export --format xml || return
	expect_empty "$T/out"
	expect_grep "$T/err" "--format takes json, jsonl, yaml or csv, not 'xml'"
	expect_status 64 dl export --formt json || return
	expect_grep "$T/err" "did you mean '--format'?"
}

# JSON never carries C1 or bidirectional controls raw (here from the
# store's path): they come out as \u escapes.
test_export_json_escapes_format_characters() {
	odd=$T/$(printf 'x\342\200\256y\302\233z')
	"$DAILYLOG" init "$odd" >/dev/null 2>&1 || fail "init"
	"$DAILYLOG" -C "$odd" add -t 題 本文 >/dev/null || fail "add"
	for f in json jsonl; do
		"$DAILYLOG" -C "$odd" export --format $f >"$T/out" 2>"$T/err" ||
		    fail "export $f"
		expect_grep "$T/out" 'x\u202ey\u009bz'
		if grep -q "$(printf '\342\200\256')" "$T/out"; then
			fail "raw U+202E in $f"
		fi
		python3 -c 'import json,sys
for l in open(sys.argv[1]) if sys.argv[2] == "jsonl" else [open(sys.argv[1]).read()]:
    json.loads(l)' "$T/out" $f || fail "$f does not parse"
	done
}

# Export sorts through a temporary file in TMPDIR; none there is 73, and
# nothing is left behind in it.
test_export_temporary_file() {
	dl add -t 題 本文 >/dev/null || fail "add"
	mkdir "$T/tmp"
	TMPDIR=$T/tmp expect_status 0 dl export --format jsonl
	expect_grep "$T/out" '"title":"題"'
	expect_eq "$(ls -A "$T/tmp")" ""
	TMPDIR=$T/missing expect_status 73 dl export
	expect_grep "$T/err" "cannot make a temporary file in $T/missing"
	expect_empty "$T/out"
}

# A store whose directory name is not UTF-8 (a Latin-1 é): the JSON is
# still valid UTF-8, the byte shown as U+FFFD in the path.
test_export_json_valid_utf8_for_any_path() {
	h=$(printf '%s/st\351re' "$T")
	"$DAILYLOG" init "$h" >/dev/null 2>&1 || { fail "init"; return; }
	"$DAILYLOG" -C "$h" add -d 2026-11-05 -t 一報 本文 >/dev/null ||
	    { fail "add"; return; }
	for f in json jsonl; do
		"$DAILYLOG" -C "$h" export -f $f >"$T/out.$f" 2>"$T/err" ||
		    fail "export -f $f: $(cat "$T/err")"
		python3 - "$T/out.$f" "$f" <<-'PY' || fail "export -f $f is not valid UTF-8 JSON"
		import json, sys
		data = open(sys.argv[1], "rb").read().decode("utf-8")
		rows = json.loads(data) if sys.argv[2] == "json" else [json.loads(l) for l in data.splitlines()]
		assert len(rows) == 1 and "st\ufffdre" in rows[0]["path"], rows
		PY
	done
}

run_tests
