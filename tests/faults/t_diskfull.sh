# A full disk: add and edit fail with exit 74 and a clear message, the store
# is unchanged and valid, and add works again once there is space.
# As root the store lives on a small tmpfs; where that cannot be mounted
# (not root, a container; NO_MOUNT=1 to try it) the file size limit
# (ulimit -f) stands in for a full disk.
. "$(dirname "$0")/../e2e/lib.sh"

# fill_store: make the store's filesystem full (or the size limit tiny).
setup_full() {
	MODE=ulimit
	if [ "$(id -u)" = 0 ] && [ -z "${NO_MOUNT:-}" ] && mkdir -p "$T/small" &&
	    mount -t tmpfs -o size=256k,mode=0700 tmpfs "$T/small" 2>/dev/null; then
		MODE=tmpfs
		S=$T/small/store
		"$DAILYLOG" init "$S" >/dev/null 2>&1 || fail "init on tmpfs"
	fi
	echo "disk-full mode: $MODE" >&2
}

teardown_full() {
	[ "$MODE" = tmpfs ] && umount "$T/small"
}

fill() {
	if [ "$MODE" = tmpfs ]; then
		dd if=/dev/zero of="$T/small/filler" bs=4k 2>/dev/null
	fi
}

unfill() {
	[ "$MODE" = tmpfs ] && rm -f "$T/small/filler"
}

# run_full cmd...: run with the disk full ($T/out, $T/err, $st).
run_full() {
	if [ "$MODE" = tmpfs ]; then
		"$@" >"$T/out" 2>"$T/err"
	else
		# Writes past 1 block fail with EFBIG instead of a signal.
		( trap '' XFSZ; ulimit -f 1; "$@" ) >"$T/out" 2>"$T/err"
	fi
	st=$?
}

snapshot() {
	(cd "$S" && find entries -type f | sort | xargs -r sha256sum)
}

test_add_on_full_disk() {
	setup_full
	dl add -d 2026-11-20 -t 既存 "消えてはいけない日報" >/dev/null || fail "first add"
	before=$(snapshot)
	fill
	body=$(head -c 3000 /dev/zero | tr '\0' 'x')
	run_full dl add -d 2026-11-21 -t 満杯 "$body"
	expect_eq "$st" 74
	grep -q 'dailylog: .*\(No space\|too large\|disk\)' "$T/err" ||
	    fail "no clear message: $(cat "$T/err")"
	expect_eq "$(cat "$T/out")" ""
	unfill
	expect_eq "$(snapshot)" "$before"
	expect_status 0 dl check
	[ -z "$(find "$S/entries" -name '.*tmp*')" ] ||
	    fail "a temporary file was left behind"
	expect_status 0 dl add -d 2026-11-21 -t 空きあり "$body"
	teardown_full
}

test_edit_on_full_disk() {
	setup_full
	id=$(dl add -d 2026-11-20 -t 編集前 "元の本文") || fail "add"
	before=$(snapshot)
	cat >"$T/ed" <<-'ED'
	#!/bin/sh
	sed -i 's/編集前/編集後/' "$1"
	printf 'body: |\n  %s\n' "$(head -c 4000 /dev/zero | tr '\0' y)" >>"$1.new"
	ED
	chmod +x "$T/ed"
	fill
	EDITOR=$T/ed run_full dl edit "$id"
	[ "$st" = 74 ] || fail "edit on a full disk exited $st: $(cat "$T/err")"
	unfill
	expect_eq "$(snapshot)" "$before"
	expect_status 0 dl check
	teardown_full
}

# The disk fills up while an import stages its batch: none of it is in
# the store, nothing of it is left behind, and it works with space.
test_import_on_full_disk() {
	setup_full
	dl add -d 2026-11-20 -t 既存 "消えてはいけない日報" >/dev/null || fail "first add"
	python3 -c '
import json
for i in range(30):
    print(json.dumps({"date": "2026-11-%02d" % (1 + i % 28),
                      "title": "満杯の取り込み %d" % i, "series": "full",
                      "body": "x" * 1500}))' >"$T/in.jsonl"
	before=$(snapshot)
	# Room for a few staged files, not all: the batch fails midway.
	if [ "$MODE" = tmpfs ]; then
		fill
		rm -f "$T/small/filler"
		dd if=/dev/zero of="$T/small/filler" bs=4k 		    count=$(( $(df -k --output=avail "$T/small" | tail -1) / 4 - 12 )) 		    2>/dev/null
	fi
	run_full dl import "$T/in.jsonl"
	[ "$st" = 74 ] || fail "import on a full disk exited $st: $(cat "$T/err")"
	expect_grep "$T/err" "nothing was imported"
	expect_eq "$(cat "$T/out")" ""
	unfill
	expect_eq "$(snapshot)" "$before"
	[ ! -e "$S/.import" ] || fail "the staging directory is left"
	expect_status 0 dl check
	expect_status 0 dl import "$T/in.jsonl"
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 30
	teardown_full
}

run_tests
