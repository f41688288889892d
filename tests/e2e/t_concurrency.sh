# Concurrent adds: each gets its own part number and none is lost.
. "$(dirname "$0")/lib.sh"

WRITERS=4
EACH=25

# writer N: EACH adds to series demo, one after another; failures logged.
writer() {
	i=1
	while [ "$i" -le "$EACH" ]; do
		dl add -d 2026-11-20 -s demo -t "書き手$1の$i件目" 同時に追加 \
		    >>"$T/ids.$1" 2>>"$T/err.$1" || echo "add $1/$i: $?" >>"$T/fail.$1"
		i=$((i + 1))
	done
}

test_parallel_adds() {
	total=$((WRITERS * EACH))
	w=1
	while [ "$w" -le "$WRITERS" ]; do
		writer "$w" &
		w=$((w + 1))
	done
	wait
	cat "$T"/fail.* 2>/dev/null >"$T/fails"
	expect_empty "$T/fails"
	cat "$T"/err.* >"$T/errs"
	expect_empty "$T/errs"
	expect_eq "$(count_entries)" "$total"
	# Every printed ID is distinct and is a stored file.
	cat "$T"/ids.* | sort >"$T/ids"
	expect_eq "$(sort -u "$T/ids" | wc -l | tr -d ' ')" "$total"
	entry_files | sed 's|.*/||; s|\.yaml$||' | sort >"$T/files"
	cmp -s "$T/ids" "$T/files" || fail "printed IDs and files differ"
	# The parts are exactly 1..total, each once.
	expect_status 0 dl list --series demo --format tsv || return
	cut -f4 "$T/out" | sort -n >"$T/parts"
	seq 1 "$total" >"$T/want"
	cmp -s "$T/parts" "$T/want" ||
	    fail "parts are not 1..$total: $(diff "$T/want" "$T/parts" | head -n 10)"
	# Each writer's own entries got rising parts, in the order it added them.
	w=1
	while [ "$w" -le "$WRITERS" ]; do
		awk -F '\t' -v w="$w" 'index($5, "書き手" w "の") == 1 {
		    n = substr($5, length("書き手" w "の") + 1) + 0; print n, $4 }' \
		    "$T/out" | sort -n | awk '$2 <= last { bad = 1 } { last = $2 }
		    END { exit bad }' || fail "writer $w's parts do not rise"
		w=$((w + 1))
	done
	expect_status 0 dl check || return
	expect_grep "$T/err" "$total entries, 0 errors, 0 warnings"
	# No temporary file or lock debris among the entries.
	expect_eq "$(find "$S/entries" -type f ! -name '*.yaml' | wc -l | tr -d ' ')" 0
}

test_locked_store_is_a_temporary_failure() {
	command -v flock >/dev/null || return 0
	# Another process holds the store's lock until told to let go.
	flock "$S/.lock" sh -c 'touch "$1/held"; while [ ! -e "$1/go" ]; do
	    sleep 0.05; done' sh "$T" &
	holder=$!
	while [ ! -e "$T/held" ]; do sleep 0.05; done
	expect_status 75 env DAILYLOG_LOCK_TIMEOUT=0.2 "$DAILYLOG" -C "$S" add \
	    -d 2026-11-20 -s demo -t 待ち x
	expect_empty "$T/out"
	expect_grep "$T/err" "is locked by another process"
	expect_eq "$(count_entries)" 0
	# Reading needs no lock.
	expect_status 0 dl list --format tsv
	touch "$T/go"
	wait "$holder"
	expect_status 0 dl add -d 2026-11-20 -s demo -t 空いた x
	expect_eq "$(count_entries)" 1
}

run_tests
