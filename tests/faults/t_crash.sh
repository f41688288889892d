# add killed with SIGKILL at random moments: the store never holds half an
# entry, every ID that add printed exists, and the store works afterwards.
. "$(dirname "$0")/../e2e/lib.sh"

KILLS=${CRASH_KILLS:-200}

# adder: adds back to back, each printed ID appended to $T/ids.
adder() {
	k=0
	while [ ! -e "$T/stop" ]; do
		k=$((k + 1))
		if [ $((k % 2)) = 0 ]; then
			dl add -d 2026-11-24 -s crash -t "中断テスト$k" \
			    "強制終了の本文$k" >>"$T/ids" 2>/dev/null
		else
			dl add -d 2026-11-24 -t "kill test $k" "body $k" \
			    >>"$T/ids" 2>/dev/null
		fi
	done
}

test_sigkill_during_add() {
	: >"$T/ids"
	adder & loop=$!
	hits=0 tries=0
	while [ "$hits" -lt "$KILLS" ] && [ "$tries" -lt $((KILLS * 20)) ]; do
		tries=$((tries + 1))
		# The adds run back to back, so a kill lands at a random moment
		# of one: before the lock, while writing, between link and print.
		sleep 0.00$((tries % 7))
		pkill -KILL -P "$loop" -x dailylog && hits=$((hits + 1))
	done
	: >"$T/stop"
	wait "$loop"
	echo "kills: $hits running adds killed ($tries tries)" >&2
	expect_eq "$hits" "$KILLS"
	tr -d ' ' <"$T/ids" | tr -s '\n' >"$T/ids.clean"
	printed=0
	while read -r id; do
		case $id in
		[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-??????) ;;
		*) fail "add printed a partial ID '$id'"; continue ;;
		esac
		printed=$((printed + 1))
		p=$(find "$S/entries" -name "$id.yaml")
		[ -n "$p" ] || fail "add printed $id but there is no such entry"
	done <"$T/ids.clean"
	echo "entries whose ID was printed: $printed" >&2
	# Every entry file loads; temporary files are never taken for entries.
	dl check >"$T/check.out" 2>"$T/check.err"
	st=$?
	[ "$st" = 0 ] || fail "check after the kills exited $st: $(head -5 "$T/check.err")"
	files=$(find "$S/entries" -name '*.yaml' | wc -l)
	n=$(dl list --format tsv | wc -l)
	expect_eq "$n" "$files"
	temps=$(find "$S/entries" -name '.*.tmp-*' | wc -l)
	echo "leftover temporary files: $temps" >&2
	if [ "$temps" -gt 0 ]; then
		grep -q 'tmp-' "$T/check.err" ||
		    fail "check does not report $temps leftover temporary files"
	fi
	# Parts in the series are unique even after kills under the lock.
	dups=$(dl list --series crash --format tsv | cut -f4 | sort | uniq -d)
	expect_eq "$dups" ""
	# The lock died with its holders: adds work at once.
	DAILYLOG_LOCK_TIMEOUT=2 expect_status 0 dl add -s crash -t after "after the kills"
}

run_tests
