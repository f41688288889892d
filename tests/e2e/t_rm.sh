# dailylog rm: references resolved first, the question on a terminal
# (answered through a real pseudo-terminal), -f, -n, the lock.
. "$(dirname "$0")/lib.sh"

add_entry() {
	id=$(dl add "$@" 2>"$T/add.err") ||
	    fail "add $* failed: $(cat "$T/add.err")"
}

fill_store() {
	add_entry -d 2026-11-02 -s badge -t 初回訪問 x
	b1=$id
	add_entry -d 2026-11-03 -s badge -t 再訪問 x
	b2=$id
	add_entry -d 2026-11-04 -t 一般の訪問 x
	g1=$id
}

# answer_on_tty ANSWER CMD...: run CMD on a new pseudo-terminal, wait
# for its question ("[y/N] "), type ANSWER and Enter; what the terminal
# showed in $T/tty, CMD's status as ours.
answer_on_tty() {
	python3 - "$@" >"$T/tty" <<'PY'
import os, pty, sys
answer = sys.argv[1].encode()
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
out = b""
asked = False
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
    if not asked and b"[y/N] " in out:
        asked = True
        os.write(fd, answer + b"\r")
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

test_rm_force_removes_and_prints_the_id() {
	fill_store
	path=$(entry_files | grep "$g1")
	expect_status 0 dl rm -f "$g1" || return
	expect_eq "$(cat "$T/out")" "$g1"
	[ ! -e "$path" ] || fail "$path is still there"
	expect_eq "$(count_entries)" 2
	expect_status 0 dl list -f tsv || return
	expect_no_grep "$T/out" "$g1"
}

test_rm_takes_every_form_of_reference() {
	fill_store
	add_entry -d 2026-11-05 -t 最新 x
	newest=$id
	expect_status 0 dl rm -f @ badge:2 "$(echo "$g1" | cut -c1-13)" || return
	printf '%s\n' "$newest" "$b2" "$g1" >"$T/want"
	cmp -s "$T/want" "$T/out" || fail "rm printed $(cat "$T/out")"
	expect_eq "$(count_entries)" 1
	# The gap shows in series.
	add_entry -d 2026-11-06 -s badge -p 3 -t 三 x
	expect_status 0 dl series -f tsv || return
	expect_eq "$(cut -f6 "$T/out")" 2
}

test_rm_one_bad_reference_removes_nothing() {
	fill_store
	expect_status 1 dl rm -f "$b1" nosuch badge:9 || return
	expect_grep "$T/err" "no entry 'nosuch'"
	expect_grep "$T/err" "no part 9 in series 'badge'"
	expect_grep "$T/err" "nothing removed"
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 3
	expect_status 64 dl rm -f 'bad ref' || return
	expect_eq "$(count_entries)" 3
	expect_status 64 dl rm || return
	expect_grep "$T/err" "name the entries to remove"
	# A series named alone is not an entry: rm never guesses a part.
	expect_status 1 dl rm -f badge || return
	expect_grep "$T/err" "'badge' is a series, not an entry: name a part, such as badge:2"
	expect_eq "$(count_entries)" 3
}

test_rm_named_twice_is_removed_once() {
	fill_store
	expect_status 0 dl rm -f "$b2" badge:2 @~1 || return
	expect_eq "$(cat "$T/out")" "$b2"
	expect_eq "$(count_entries)" 2
}

test_rm_asks_on_a_terminal() {
	fill_store
	answer_on_tty y "$DAILYLOG" -C "$S" rm "$b1" "$g1" ||
	    fail "rm answered y: $(cat "$T/tty")"
	expect_grep "$T/tty" "$b1  2026-11-02  badge:1  初回訪問"
	expect_grep "$T/tty" "$g1  2026-11-04  一般の訪問"
	expect_grep "$T/tty" "Remove these entries? [y/N] "
	expect_eq "$(count_entries)" 1
}

test_rm_no_answer_keeps_everything() {
	fill_store
	for answer in n '' no N; do
		answer_on_tty "$answer" "$DAILYLOG" -C "$S" rm "$b2" ||
		    fail "rm answered '$answer': $(cat "$T/tty")"
		expect_grep "$T/tty" "Remove this entry? [y/N] "
		expect_grep "$T/tty" "nothing removed"
		expect_eq "$(count_entries)" 3
	done
}

test_rm_force_does_not_ask_on_a_terminal() {
	fill_store
	answer_on_tty y "$DAILYLOG" -C "$S" rm -f "$b2" ||
	    fail "rm -f: $(cat "$T/tty")"
	expect_no_grep "$T/tty" "[y/N]"
	expect_eq "$(count_entries)" 2
}

# Not on a terminal (a script, a pipe) nothing is asked, as rm(1).
test_rm_from_a_script_does_not_ask() {
	fill_store
	expect_status 0 dl rm "$g1" || return
	expect_no_grep "$T/err" "[y/N]"
	expect_eq "$(count_entries)" 2
}

test_rm_dry_run() {
	fill_store
	expect_status 0 dl rm -n badge:1 "$g1" || return
	expect_grep "$T/out" "$b1  2026-11-02  badge:1  初回訪問"
	expect_grep "$T/out" "$g1  2026-11-04  一般の訪問"
	expect_eq "$(count_entries)" 3
}

test_rm_waits_for_the_lock() {
	fill_store
	command -v flock >/dev/null || return 0
	# The holder says when it has the lock, by its pid.
	flock "$S/.lock" sh -c 'echo $$ >"$1.tmp"; mv "$1.tmp" "$1"; exec sleep 60' \
	    sh "$T/held" &
	holder=$!
	while [ ! -s "$T/held" ]; do sleep 0.05; done
	expect_status 75 env DAILYLOG_LOCK_TIMEOUT=0.2 "$DAILYLOG" -C "$S" \
	    rm -f "$g1"
	expect_grep "$T/err" "locked by another process"
	kill "$(cat "$T/held")" 2>/dev/null
	wait "$holder" 2>/dev/null
	expect_eq "$(count_entries)" 3
}

run_tests
