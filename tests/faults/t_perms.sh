# Stores that cannot be written, a lock held too long, a missing store.
. "$(dirname "$0")/../e2e/lib.sh"

# A store nobody may write: a read-only mount as root; where root may not
# mount (a container; or NO_MOUNT=1 to try this path), the store is given
# to nobody, made read-only, and dailylog runs as nobody; not root: chmod.
AS=
make_readonly() {
	dl add -d 2026-11-20 -t 既存 "読み取り専用の前から" >/dev/null
	if [ "$(id -u)" = 0 ] && [ -z "${NO_MOUNT:-}" ] && mkdir "$T/ro" &&
	    mount -t tmpfs tmpfs "$T/ro" 2>/dev/null; then
		cp -a "$S" "$T/ro/store" && mount -o remount,ro "$T/ro" || return 1
		S=$T/ro/store RO=mount
	elif [ "$(id -u)" = 0 ]; then
		chmod 755 "$T" && chown -R 65534 "$S" && chmod -R a-w "$S" ||
		    return 1
		AS="setpriv --reuid=65534 --regid=65534 --clear-groups --"
		RO=nobody
	else
		chmod -R a-w "$S"
		RO=chmod
	fi
	echo "read-only store by $RO" >&2
}

# dl, as the user make_readonly chose.
ro_dl() {
	$AS "$DAILYLOG" -C "$S" "$@"
}

test_readonly_store() {
	make_readonly || { fail "cannot make a read-only store"; return; }
	expect_status 73 ro_dl add -d 2026-11-21 -t 新規 "書けないはず"
	grep -q '^dailylog: .*\(Read-only\|Permission\)' "$T/err" ||
	    fail "no clear message: $(cat "$T/err")"
	expect_eq "$(cat "$T/out")" ""
	# Reading still works.
	expect_status 0 ro_dl list --format tsv
	expect_grep "$T/out" 既存
	expect_status 0 ro_dl check
	[ "$RO" = mount ] && umount "$T/ro"
	[ "$RO" = nobody ] && chown -R 0 "$S"
	return 0
}

test_lock_held_past_the_wait() {
	flock "$S/.lock" sleep 5 & holder=$!
	sleep 0.3
	DAILYLOG_LOCK_TIMEOUT=1 expect_status 75 dl add -s busy -t 待ち "ロック中"
	expect_grep "$T/err" "locked"
	expect_eq "$(find "$S/entries" -name '*.yaml' | wc -l | tr -d ' ')" 0
	kill "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
	expect_status 0 dl add -s busy -t 待ち "ロック解放後"
}

test_missing_store() {
	expect_status 66 "$DAILYLOG" -C "$T/nowhere" list
	expect_grep "$T/err" "$T/nowhere"
	expect_status 66 "$DAILYLOG" -C "$T/nowhere" add -t x y
	[ ! -e "$T/nowhere" ] || fail "add created the missing store"
}

run_tests
