# Many writers at once: every add gets its own entry and part number,
# and readers running meanwhile never fail or see half an entry.
. "$(dirname "$0")/../e2e/lib.sh"

WRITERS=${STRESS_WRITERS:-8}
ADDS=${STRESS_ADDS:-125}
TOTAL=$((WRITERS * ADDS))

# writer N SERIES: ADDS adds, each ID appended to $T/ids.N
writer() {
	n=$1 series=$2
	for i in $(seq "$ADDS"); do
		if [ -n "$series" ]; then
			dl add -d 2026-11-20 -s "$series" -t "書き手$n の$i 件目" \
			    "並行書き込みの本文 $n-$i" >>"$T/ids.$n" 2>>"$T/werr.$n" ||
			    echo "add failed: writer $n, add $i" >>"$T/failures"
		else
			dl add -d 2026-11-20 -t "writer $n add $i" "body $n-$i" \
			    >>"$T/ids.$n" 2>>"$T/werr.$n" ||
			    echo "add failed: writer $n, add $i" >>"$T/failures"
		fi
	done
}

# reader: list, check and render in a loop until $T/stop appears.
reader() {
	while [ ! -e "$T/stop" ]; do
		dl list --format tsv >/dev/null 2>>"$T/rerr" ||
		    echo "list failed" >>"$T/failures"
		dl check -q >/dev/null 2>>"$T/rerr" ||
		    echo "check failed" >>"$T/failures"
		if dl series --format tsv 2>/dev/null | grep -q '^load'; then
			dl render load -f text --width 60 >/dev/null \
			    2>>"$T/rerr" || echo "render failed" >>"$T/failures"
		fi
	done
}

run_writers() {
	series=$1
	: >"$T/failures"
	reader & rpid=$!
	pids=
	for n in $(seq "$WRITERS"); do
		writer "$n" "$series" & pids="$pids $!"
	done
	wait $pids
	: >"$T/stop"
	wait "$rpid"
	rm -f "$T/stop"
	[ -s "$T/failures" ] && fail "$(sort "$T/failures" | uniq -c | head)"
	cat "$T"/rerr 2>/dev/null | head -5 | while read -r l; do
		fail "reader said: $l"
	done
}

test_many_writers_one_series() {
	run_writers load
	files=$(find "$S/entries" -name '*.yaml' | wc -l)
	expect_eq "$files" "$TOTAL"
	ids=$(cat "$T"/ids.* | sort -u | wc -l)
	expect_eq "$ids" "$TOTAL"
	dl list --series load --format tsv | cut -f4 | sort -n >"$T/parts"
	seq "$TOTAL" >"$T/want"
	cmp -s "$T/parts" "$T/want" || fail "parts are not 1..$TOTAL: $(diff "$T/want" "$T/parts" | head -5)"
	expect_status 0 dl check
	# every printed ID names a file that loads
	for id in $(cat "$T"/ids.* | shuf -n 50 --random-source=/dev/zero); do
		dl show "$id" >/dev/null 2>&1 || fail "show $id failed"
	done
}

test_many_writers_no_series() {
	run_writers ""
	files=$(find "$S/entries" -name '*.yaml' | wc -l)
	expect_eq "$files" "$TOTAL"
	ids=$(cat "$T"/ids.* | sort -u | wc -l)
	expect_eq "$ids" "$TOTAL"
	n=$(dl list --format tsv | wc -l)
	expect_eq "$n" "$TOTAL"
	expect_status 0 dl check
}

# Imports of a few thousand entries of one series while adds go on to
# it: no add waits past the lock's timeout (75), every add and every
# imported entry gets a part of its own, and the store checks clean.
test_adds_during_imports() {
	python3 - "$T/in" <<-'PY'
	import json, sys
	for k in range(3):
	    with open("%s.%d.jsonl" % (sys.argv[1], k), "w", encoding="utf-8") as f:
	        for i in range(2000):
	            f.write(json.dumps({"date": "2026-%02d-%02d" % (1 + i % 12, 1 + i % 28),
	                                "title": "取り込み %d-%d" % (k, i), "series": "busy",
	                                "body": "並行の本文 %d\n" % i * 10},
	                               ensure_ascii=False) + "\n")
	PY
	: >"$T/failures"
	( for k in 0 1 2; do
		s0=$(date +%s%N)
		dl import "$T/in.$k.jsonl" >>"$T/imported" 2>>"$T/ierr" ||
		    echo "import $k failed" >>"$T/failures"
		echo "import of 2000 entries: $(( ($(date +%s%N) - s0) / 1000000 )) ms" >&2
	  done; : >"$T/stop" ) & ipid=$!
	adds=0
	while [ ! -e "$T/stop" ]; do
		dl add -d 2026-11-20 -s busy -t "並行の追加 $adds" 本文 \
		    >>"$T/added" 2>>"$T/aerr" ||
		    echo "add failed: $(tail -1 "$T/aerr")" >>"$T/failures"
		adds=$((adds + 1))
	done
	wait "$ipid"
	echo "adds during the imports: $adds" >&2
	[ -s "$T/failures" ] && fail "$(sort "$T/failures" | uniq -c | head -3)"
	expect_eq "$(wc -l <"$T/imported" | tr -d ' ')" 6000
	total=$((6000 + adds))
	expect_eq "$(count_entries)" "$total"
	dl list --series busy --format tsv | cut -f4 | sort -n | uniq -d >"$T/dups"
	expect_empty "$T/dups"
	expect_status 0 dl check
}

run_tests
