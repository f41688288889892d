# A team at scale (issue 11): SCALE_CLONES clones of one store each add
# SCALE_ENTRIES entries, a third into one shared series, and now and
# then mark an entry that came from another clone, syncing in random
# order and all at once, so that pushes race (refused, synced again).
# At the end every clone has every entry, the shared series has its
# parts once each and no gap, no commit holds a conflict marker, and
# check is clean everywhere.  The figures are printed.
. "$(dirname "$0")/../e2e/lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

CLONES=${SCALE_CLONES:-10}
ENTRIES=${SCALE_ENTRIES:-30}
TOTAL=$((CLONES * ENTRIES))
SHARED=$((CLONES * (ENTRIES / 3)))

# sync_until NAME LOG: sync clone NAME until it is not refused (75);
# every attempt's messages go to LOG.
sync_until() {
	for try in $(seq 20); do
		"$DAILYLOG" -C "$T/$1" sync 2>>"$2"
		rc=$?
		echo "sync $1 $rc" >>"$T/syncs"
		[ "$rc" = 75 ] || return "$rc"
		sleep 0.$((RANDOM % 5))
	done
	return 75
}

# worker K: clone cK adds its entries, marks others', syncs at random.
worker() {
	k=$1 c=c$1 log=$T/log.$1
	RANDOM=$k
	mark=$T/mark$k.sh
	printf '#!/bin/sh\necho "x-seen-by-c%s-$$: true" >>"$1"\n' "$k" >"$mark"
	chmod +x "$mark"
	for i in $(seq "$ENTRIES"); do
		if [ $((i % 3)) = 0 ]; then
			"$DAILYLOG" -C "$T/$c" add -d 2026-11-$((10 + i % 18)) \
			    -s team -t "c$k の共有 $i" "共有シリーズの本文 $k-$i" \
			    >/dev/null 2>>"$log" || echo "add $c $i" >>"$T/failures"
		else
			"$DAILYLOG" -C "$T/$c" add -d 2026-11-$((10 + i % 18)) \
			    -t "c$k の日報 $i" --client "客先$((i % 7))" \
			    "本文 $k-$i" >/dev/null 2>>"$log" ||
			    echo "add $c $i" >>"$T/failures"
		fi
		if [ $((RANDOM % 4)) = 0 ]; then
			sync_until "$c" "$log" ||
			    echo "sync $c after $i: $?" >>"$T/failures"
		fi
		if [ $((RANDOM % 6)) = 0 ]; then
			other=$("$DAILYLOG" -C "$T/$c" list --format tsv 2>/dev/null |
			    grep -v "	c$k の" | shuf -n 1 | cut -f1)
			if [ -n "$other" ]; then
				EDITOR=$mark "$DAILYLOG" -C "$T/$c" edit "$other" \
				    2>>"$log" || echo "edit $c $other" >>"$T/failures"
			fi
		fi
	done
	sync_until "$c" "$log" || echo "last sync $c: $?" >>"$T/failures"
}

test_team_at_scale() {
	began=$(date +%s)
	git init -q --bare "$T/team.git"
	git init -q "$S"
	git -C "$S" config user.email lead@example.jp
	"$DAILYLOG" init --git --author 課長 "$S" 2>/dev/null
	git -C "$S" remote add origin "$T/team.git"
	dl sync 2>/dev/null || fail "the first sync failed"
	for k in $(seq "$CLONES"); do
		"$DAILYLOG" clone "$T/team.git" "$T/c$k" 2>/dev/null ||
		    fail "clone $k failed"
		git -C "$T/c$k" config user.name "担当$k"
		git -C "$T/c$k" config user.email "c$k@example.jp"
	done
	: >"$T/failures"
	: >"$T/syncs"
	pids=
	for k in $(seq "$CLONES"); do
		worker "$k" & pids="$pids $!"
	done
	wait $pids
	# Two rounds bring every clone level with the last push.
	for round in 1 2; do
		for k in $(seq "$CLONES"); do
			sync_until "c$k" "$T/log.$k" ||
			    echo "round $round c$k: $?" >>"$T/failures"
		done
	done
	[ -s "$T/failures" ] && fail "$(sort "$T/failures" | head -20)"
	seq "$SHARED" >"$T/want.parts"
	head=$(git -C "$T/c1" rev-parse HEAD)
	for k in $(seq "$CLONES"); do
		c=$T/c$k
		n=$("$DAILYLOG" -C "$c" list --format tsv | wc -l | tr -d ' ')
		expect_eq "$n" "$TOTAL"
		"$DAILYLOG" -C "$c" list --series team --format tsv | cut -f4 |
		    sort -n >"$T/parts"
		cmp -s "$T/parts" "$T/want.parts" ||
		    fail "c$k: the shared series' parts are not 1-$SHARED once each: $(uniq -d "$T/parts" | head -3 | tr '\n' ' ')"
		"$DAILYLOG" -C "$c" check >"$T/check.out" 2>"$T/check.err" ||
		    fail "c$k: check failed: $(head -3 "$T/check.err")"
		expect_no_grep "$T/check.err" "warning:"
		if git -C "$c" log -p | grep -qE '^\+(<<<<<<<|=======$|>>>>>>>)'; then
			fail "c$k: a conflict marker was committed"
		fi
		[ -z "$(git -C "$c" status --porcelain --untracked-files=no)" ] ||
		    fail "c$k is not clean"
		[ ! -e "$c/.dailylog-conflicts" ] || fail "c$k kept a conflict"
		expect_eq "$(git -C "$c" rev-parse HEAD)" "$head"
	done
	# Each commit touched the one file its command wrote (the first
	# commit, of the store, aside).
	git -C "$T/c1" log --format='@%s' --name-only | awk '
	    /^@/ { if (n != 1 && s != "") print s; s = $0; n = 0; next }
	    NF { n++ }
	    END { if (n != 1 && s !~ /^@init: /) print s }' >"$T/wide"
	expect_empty "$T/wide"
	# The time of a sync with nothing to do, best of five.
	best=
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		"$DAILYLOG" -C "$T/c1" sync 2>/dev/null
		t1=$(date +%s%N)
		ms=$(((t1 - t0) / 1000000))
		if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then
			best=$ms
		fi
	done
	syncs=$(wc -l <"$T/syncs" | tr -d ' ')
	refused=$(grep -c ' 75$' "$T/syncs")
	again=$(cat "$T"/log.* | grep -c "moved on while syncing")
	renumbered=$(cat "$T"/log.* | grep -c " is now ")
	merged=$(cat "$T"/log.* | grep -c "field by field")
	edits=$(git -C "$T/c1" log --format=%s | grep -c '^edit ')
	kept=$(git -C "$T/c1" log --format=%s | grep -c '^renumber ')
	printf '    %s clones, %s entries (%s in the shared series), %s edits of entries from other clones\n' \
	    "$CLONES" "$TOTAL" "$SHARED" "$edits"
	printf '    %s syncs; %s times the remote moved on and sync went again; %s syncs gave up (75) and were run again\n' \
	    "$syncs" "$again" "$refused"
	printf '    %s renumberings said, %s renumber commits in the shared history; %s entries changed on both sides merged field by field; no conflict left\n' \
	    "$renumbered" "$kept" "$merged"
	printf '    a sync with nothing to do: %s ms (best of 5); the whole run: %s s\n' \
	    "$best" "$(($(date +%s) - began))"
}

run_tests
