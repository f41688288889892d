# Usage and data errors: exit statuses, messages on stderr only.
. "$(dirname "$0")/lib.sh"

# expect_clean_error N cmd...: status N, nothing on stdout, and every line
# on stderr a "dailylog: " message or a usage line.
expect_clean_error() {
	expect_status "$@" || return
	expect_empty "$T/out"
	[ -s "$T/err" ] || fail "'$*' failed without a message"
	! grep -qvE '^(dailylog: |usage: )' "$T/err" ||
	    fail "'$*' wrote a stray line to stderr: $(grep -vE '^(dailylog: |usage: )' "$T/err" | head -n 3)"
}

test_unknown_command_suggests() {
	expect_clean_error 64 dl lsit || return
	expect_grep "$T/err" "dailylog: unknown command 'lsit' (did you mean 'list'?)"
	expect_clean_error 64 dl exprot || return
	expect_grep "$T/err" "did you mean 'export'?"
	expect_clean_error 64 dl frobnicate || return
	expect_grep "$T/err" "unknown command 'frobnicate'; 'dailylog --help' lists them"
	# Unknown commands are found without any store.
	expect_clean_error 64 "$DAILYLOG" -C "$T/nowhere" lsit || return
	expect_grep "$T/err" "did you mean 'list'?"
}

test_no_command() {
	expect_status 64 "$DAILYLOG" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "usage: dailylog"
}

test_help_and_version_on_stdout() {
	expect_status 0 "$DAILYLOG" --help || return
	expect_empty "$T/err"
	expect_grep "$T/out" "usage: dailylog"
	for c in init add list show edit render series check export help; do
		grep -q "^  $c" "$T/out" || fail "--help does not list $c"
	done
	expect_status 0 "$DAILYLOG" --version || return
	grep -qxE 'dailylog [0-9]+\.[0-9]+\.[0-9]+' "$T/out" ||
	    fail "--version printed: $(cat "$T/out")"
}

test_global_option_errors() {
	expect_status 64 "$DAILYLOG" --bogus list || return
	expect_empty "$T/out"
	expect_grep "$T/err" "dailylog: unknown option '--bogus'"
	expect_status 64 "$DAILYLOG" -C || return
	expect_grep "$T/err" "option -C needs a directory"
	expect_status 64 dl --color=rainbow list || return
	expect_grep "$T/err" "--color takes auto, always or never, not 'rainbow'"
	# Global options belong before the command: after it, the hint
	# says so.
	expect_status 64 "$DAILYLOG" list -C "$S" || return
	expect_grep "$T/err" "list: -C is a global option: it goes before the command, as in 'dailylog -C DIR list'"
}

test_errors_leave_stdout_empty() {
	dl add -d 2026-11-20 -s badge -t 一 x >/dev/null 2>&1 || fail "add"
	printf 'date: 2026-11-20\ntitle: [\n' >"$T/bad.yaml"
	expect_clean_error 64 dl add -d 2026-99-01 -t x x
	expect_clean_error 64 dl add --tga x -t x x
	expect_clean_error 65 dl add -F "$T/bad.yaml"
	expect_clean_error 66 dl add -F "$T/missing.yaml"
	expect_clean_error 73 dl add -d 2026-11-21 -s badge -p 1 -t x x
	expect_clean_error 64 dl list --since never
	expect_clean_error 64 dl export --format xml
	expect_clean_error 64 dl check --bogus
	expect_clean_error 1 env EDITOR=true "$DAILYLOG" -C "$S" edit nosuchid
	expect_clean_error 66 "$DAILYLOG" -C "$T/none" list
	expect_clean_error 66 "$DAILYLOG" -C "$T/none" export
	expect_clean_error 66 "$DAILYLOG" -C "$T/none" check
	expect_eq "$(count_entries)" 1
}

test_data_error_in_store_is_reported_by_list_and_export() {
	dl add -d 2026-11-20 -t 良い x >/dev/null 2>&1 || fail "add"
	printf 'date: 2026-11-20\ntitle: x\npart: 2\n' >"$S/entries/2026/11/bad.yaml"
	expect_status 65 dl list --format tsv || return
	expect_grep "$T/err" "dailylog: $S/entries/2026/11/bad.yaml:3:7: part without series"
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1
	expect_status 65 dl export --format jsonl || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1
}

test_output_error() {
	[ -w /dev/full ] || return 0
	dl add -d 2026-11-20 -t 一 x >/dev/null 2>&1 || fail "add"
	dl list --format tsv >/dev/full 2>"$T/err"
	expect_eq "$?" 74
	expect_grep "$T/err" "No space left on device"
	dl export --format yaml >/dev/full 2>"$T/err"
	expect_eq "$?" 74
}

test_show_unknown_ref() {
	dl show 19990101-zzzzzz >"$T/out" 2>"$T/err"
	st=$?
	if grep -q "show: not built yet" "$T/err"; then
		echo "    note: show is not built yet; test_show_unknown_ref skipped" >&2
		return
	fi
	expect_eq "$st" 1
	expect_empty "$T/out"
	expect_grep "$T/err" "no entry '19990101-zzzzzz'"
}

test_messages_are_sanitized() {
	# A title with ESC is refused; the message shows it made harmless.
	printf 'date: 2026-11-20\ntitle: "a\\e]8;;x\\e\\\\b"\n' >"$T/esc.yaml"
	expect_status 65 dl add -F "$T/esc.yaml" || return
	! grep -q "$(printf '\033')" "$T/err" || fail "raw ESC reached stderr"
	# The quoted value begins in column 8, after "title: ".
	expect_grep "$T/err" "esc.yaml:2:8: control character U+001B"
	# A file name with a control character is shown harmless too.
	name=$(printf 'x\033[2Jy.yaml')
	cp "$T/esc.yaml" "$T/$name"
	expect_status 65 dl add -F "$T/$name" || return
	! grep -q "$(printf '\033')" "$T/err" || fail "raw ESC from a file name"
}

# Bad store settings stop every command with their position (and, under
# check-asan, without a leak); check reports them and goes on.
test_bad_settings_stop_every_command() {
	echo "lnag: ja" >>"$S/dailylog.yaml"
	for c in "add -t x y" "list" "show x" "render" "export" "series" \
	    "report" "edit x" "import /dev/null"; do
		# shellcheck disable=SC2086
		expect_status 65 dl $c
		expect_grep "$T/err" "dailylog.yaml:"
		expect_grep "$T/err" "lnag"
	done
	expect_status 65 dl check
	expect_grep "$T/err" "entries, 1 error"
}

# A mistyped global option gets a suggestion too.
test_global_option_suggestion() {
	expect_status 64 "$DAILYLOG" --no-pagr list
	expect_grep "$T/err" "unknown option '--no-pagr' (did you mean '--no-pager'?)"
	expect_status 64 "$DAILYLOG" --colr=never list
	expect_grep "$T/err" "(did you mean '--color'?)"
	expect_empty "$T/out"
}

# An option error names the option that is wrong, however it was typed.
test_option_errors_name_the_option() {
	while IFS='|' read -r msg args; do
		# shellcheck disable=SC2086
		expect_status 64 dl $args || continue
		expect_grep "$T/err" "$msg"
		expect_empty "$T/out"
	done <<-'EOF'
	show: unknown option '-r'|show -rf x
	list: unknown option '-z'|list -zn 3
	render: unknown option '-x'|render -xo out
	add: unknown option '-q'|add -qt x
	list: option '-n' needs a value|list -n
	list: option '--format' needs a value|list --format
	list: option '-f' needs a value|list -f
	add: option '-t' needs a value|add -et
	check: option '--quiet' takes no value|check --quiet=yes
	list: unknown option '--colr'|list --colr
	EOF
}

# Out of file descriptors is an I/O error (74), not "cannot create".
# Five descriptors (the three standard ones and two more) are too few for
# the walk of a store with months in it; check says so and exits 74.
test_too_many_open_files_is_74() {
	for d in 01 02 03 04 05 06; do
		dl add -d 2026-$d-05 -t "月$d" 本文 >/dev/null || { fail add; return; }
	done
	expect_status 74 sh -c 'ulimit -n 5 && exec "$@"' sh "$DAILYLOG" -C "$S" check ||
	    return
	expect_grep "$T/err" "Too many open files"
}

run_tests
