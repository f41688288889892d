# Shared helpers for the end-to-end tests: each t_*.sh file sources this,
# defines test functions named test_*, and ends with `run_tests`.
# Every test gets a fresh temporary directory $T and store $S (created by
# `dl init`), and drives the real binary $DAILYLOG as a user would.

set -u
: "${DAILYLOG:?set DAILYLOG to the binary under test}"
export LC_ALL=C.UTF-8 TZ=UTC
unset DAILYLOG_DIR VISUAL EDITOR PAGER NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME \
    DAILYLOG_PAGER LESS
export HOME=/nonexistent-home

E2E_DIR=$(cd "$(dirname "$0")" && pwd)
FIXTURES=$E2E_DIR/../fixtures
DATA=$E2E_DIR/data

dl() { "$DAILYLOG" -C "$S" "$@"; }

# A failure is also marked in $T, so that one recorded in a subshell (a
# function at the end of a pipeline) is not lost.
fail() {
	printf '    FAIL: %s\n' "$*" >&2
	test_failed=1
	: >"$T/.failed" 2>/dev/null
}

# expect_status N cmd...: run cmd (stdout to $T/out, stderr to $T/err).
# Give it input from a file, not a pipe: at the end of a pipeline it runs
# in a subshell, and a failure it records there is lost.
expect_status() {
	want=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" != "$want" ]; then
		fail "'$*' exited $got, expected $want; stderr: $(head -c 400 "$T/err")"
		return 1
	fi
	return 0
}

# expect_grep FILE PATTERN (fixed string)
expect_grep() {
	grep -qF -- "$2" "$1" || fail "$1 lacks '$2': $(head -c 400 "$1")"
}

expect_no_grep() {
	! grep -qF -- "$2" "$1" || fail "$1 unexpectedly has '$2'"
}

expect_eq() {
	[ "$1" = "$2" ] || fail "expected '$2', got '$1'"
}

expect_empty() {
	[ ! -s "$1" ] || fail "$1 should be empty: $(head -c 400 "$1")"
}

# entry_files: every *.yaml under the store's entries/, one path a line.
entry_files() {
	find "$S/entries" -type f -name '*.yaml' | sort
}

count_entries() {
	entry_files | wc -l | tr -d ' '
}

# editor_script NAME: the script on stdin, as an executable $T/NAME
# (run as "NAME FILE" by the EDITOR mechanism); prints its path.
editor_script() {
	{ echo '#!/bin/sh'; cat; } >"$T/$1"
	chmod +x "$T/$1"
	echo "$T/$1"
}

# max_width FILE: the display width of its widest line, Wide and Fullwidth
# characters two columns, everything else one (the rule of text.h).
max_width() {
	python3 -c '
import sys, unicodedata
w = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = max(w, sum(2 if unicodedata.east_asian_width(c) in "WF" else 1
                   for c in line))
print(w)' "$1"
}

# expect_entry ID JSON: export shows entry ID with exactly the fields of
# the JSON object (besides id and path), e.g. '{"date": "2026-11-20", ...}'.
expect_entry() {
	dl export --format json >"$T/export.json" 2>"$T/export.err" ||
	    { fail "export failed: $(head -c 400 "$T/export.err")"; return; }
	python3 - "$1" "$2" "$T/export.json" <<'PY' 2>"$T/entry.diff" ||
import json, sys
want = json.loads(sys.argv[2])
for e in json.load(open(sys.argv[3], encoding="utf-8")):
    if e["id"] == sys.argv[1]:
        got = {k: v for k, v in e.items() if k not in ("id", "path")}
        if got != want:
            sys.exit("entry %s is %s" % (sys.argv[1],
                json.dumps(got, ensure_ascii=False)))
        break
else:
    sys.exit("no entry %s in the export" % sys.argv[1])
PY
	    fail "$(cat "$T/entry.diff")"
}

# on_tty CMD...: run CMD with stdin, stdout and stderr on a new
# pseudo-terminal; what the terminal showed (CR LF made LF) in $T/tty.
on_tty() {
	python3 - "$@" >"$T/tty" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
out = b""
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

run_tests() {
	passed=0 failed=0 start=$PWD
	for t in $(grep -o '^test_[A-Za-z0-9_]*' "$0" | sort -u); do
		T=$(mktemp -d "${TMPDIR:-/tmp}/dl-e2e.XXXXXX")
		S=$T/store
		test_failed=0
		( "$DAILYLOG" init "$S" >/dev/null 2>&1 ) || fail "init failed"
		# stdin is never the terminal: a test that wants input gives it.
		$t </dev/null
		[ ! -e "$T/.failed" ] || test_failed=1
		if [ "$test_failed" = 0 ]; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			printf '  %s: %s FAILED\n' "$(basename "$0")" "$t" >&2
		fi
		cd "$start" || exit 1	# a test may have changed directory
		chmod -R u+w "$T" 2>/dev/null
		rm -rf "$T"
	done
	echo "$passed $failed" >"${E2E_RESULT:-/dev/null}"
	[ "$failed" = 0 ]
}
