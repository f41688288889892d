# A listing whose walk is slower than the index's racy window, while a
# part is added to a directory it has already read: the index it then
# writes must not hide that part.  strace(1) stalls the real walk in
# the getdents(2) calls of one directory (its -P filter and a delay
# injected there), so the walk is slow by seconds, not by chance.
. "$(dirname "$0")/../e2e/lib.sh"

command -v strace >/dev/null || {
	echo "strace is needed (make deps)" >&2
	exit 1
}

# The fd links of process $1 name directory $2.
has_open() {
	for fd in /proc/"$1"/fd/*; do
		[ "$(readlink "$fd" 2>/dev/null)" = "$2" ] && return 0
	done
	return 1
}

test_part_added_during_a_slow_walk_is_seen() {
	for k in 1 2 3; do
		dl add -s race -d "2026-10-0$k" -t "前の回$k" "本文" >/dev/null ||
		    fail "add $k"
	done
	dl add -d 2026-11-02 -t "十一月" "本文" >/dev/null || fail "add"
	dl list >/dev/null || fail "list"
	# 2.5 s in each getdents of entries/2026/11: over the 2 s window.
	strace -f -qq -o /dev/null -P "$S/entries/2026/11" \
	    -e inject=getdents64:delay_enter=2500000 \
	    "$DAILYLOG" -C "$S" list --format tsv >"$T/slow.out" \
	    2>"$T/slow.err" &
	tracer=$!
	# Wait until the walk is held in entries/2026/11, done with 10.
	pid= waited=0
	while [ "$waited" -lt 200 ]; do
		pid=${pid:-$(pgrep -P "$tracer" -x dailylog)}
		if [ -n "$pid" ] && has_open "$pid" "$S/entries/2026/11" &&
		    ! has_open "$pid" "$S/entries/2026/10"; then
			break
		fi
		sleep 0.05
		waited=$((waited + 1))
	done
	[ "$waited" -lt 200 ] || { fail "the walk never reached 2026/11"; return; }
	expect_status 0 dl add -s race -d 2026-10-04 -t "途中で足した回" \
	    "本文" || return
	wait "$tracer" || fail "the slow list failed: $(cat "$T/slow.err")"
	expect_grep "$T/slow.out" "十一月"
	expect_status 0 dl show race:4 --width 0 || return
	expect_grep "$T/out" "途中で足した回"
	expect_status 0 dl add -s race -d 2026-10-05 -t "次の回" "本文" || return
	expect_status 0 dl show race:5 --width 0 || return
	expect_grep "$T/out" "次の回"
}

run_tests
