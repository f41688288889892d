# sync killed with SIGKILL in the middle of its rebase, as a crash or a
# power cut would stop it: the next sync undoes the half-done rebase
# and syncs, and nothing is lost.
. "$(dirname "$0")/../e2e/lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

test_sync_killed_in_its_rebase() {
	git init -q --bare "$T/team.git"
	git init -q "$S"
	git -C "$S" config user.email sato@example.jp
	"$DAILYLOG" init --git --author 佐藤 "$S" 2>/dev/null
	git -C "$S" remote add origin "$T/team.git"
	dl sync 2>/dev/null || fail "the first sync failed"
	"$DAILYLOG" clone "$T/team.git" "$T/b" 2>/dev/null || fail "clone failed"
	git -C "$T/b" config user.name 鈴木
	git -C "$T/b" config user.email suzuki@example.jp
	mine=$(dl add -d 2026-11-24 -t 佐藤の日報 本文)
	theirs=$("$DAILYLOG" -C "$T/b" add -d 2026-11-24 -t 鈴木の日報 本文)
	"$DAILYLOG" -C "$T/b" sync 2>/dev/null || fail "b's sync failed"
	# The rebase begins by checking out the remote's commit: hold it
	# there, and kill sync with everything it started.
	printf '#!/bin/sh\n: >"%s/held"\nsleep 60\n' "$T" \
	    >"$S/.git/hooks/post-checkout"
	chmod +x "$S/.git/hooks/post-checkout"
	setsid "$DAILYLOG" -C "$S" sync 2>/dev/null &
	pid=$!
	for i in $(seq 200); do
		[ -e "$T/held" ] && break
		sleep 0.05
	done
	[ -e "$T/held" ] || fail "the rebase never began"
	kill -KILL -- "-$pid"
	wait "$pid" 2>/dev/null
	[ -d "$S/.git/rebase-merge" ] ||
	    fail "no rebase was left half done: the test did not interrupt it"
	rm "$S/.git/hooks/post-checkout"
	expect_status 0 dl sync || return
	expect_grep "$T/err" "undid the rebase of a sync that was interrupted"
	expect_grep "$T/err" "synced with origin"
	expect_eq "$(dl list --format tsv | cut -f1 | sort | tr '\n' ' ')" \
	    "$(printf '%s\n%s\n' "$mine" "$theirs" | sort | tr '\n' ' ')"
	[ ! -e "$S/.git/rebase-merge" ] || fail "the rebase is still half done"
	[ ! -e "$S/.dailylog-sync" ] || fail "the mark of the sync is left"
	expect_status 0 dl check
	"$DAILYLOG" -C "$T/b" sync 2>/dev/null
	expect_eq "$("$DAILYLOG" -C "$T/b" list --format tsv | wc -l | tr -d ' ')" 2
}

run_tests
