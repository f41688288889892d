# Colour and the pager: only on a terminal (a pseudo-terminal here),
# never into a pipe or a file unless --color=always says so.
. "$(dirname "$0")/lib.sh"

unset DAILYLOG_PAGER XDG_CONFIG_HOME LESSCHARSET
# A terminal that can page; TERM=dumb or unset pages nothing (below).
export TERM=xterm

ESC=$(printf '\033')

# A pager that records that it ran, its LESS, and what it was given.
# It writes its record only after reading everything, so the record is
# there when dailylog returns only if dailylog waited for it.
make_pager() {
	editor_script pager <<EOF2
cat >"$T/pager.tmp"
echo "LESS=\${LESS-unset}" >>"$T/pager.tmp"
echo "LESSCHARSET=\${LESSCHARSET-unset}" >>"$T/pager.tmp"
mv "$T/pager.tmp" "$T/pager.out"
EOF2
}

fill_store() {
	printf '## 経緯\n\nO部長と面談した。\n' >"$T/body"
	dl add -d 2026-11-02 -t 初回訪問 -s badge --client T社 \
	    <"$T/body" >/dev/null &&
	dl add -d 2026-11-03 -t 再訪問 -s badge --client T社 x >/dev/null &&
	dl add -d 2026-11-04 -t 一般の訪問 x >/dev/null ||
	    fail "could not fill the store"
}

# strip_sgr FILE: FILE without SGR sequences (ESC [ digits ; m).
strip_sgr() {
	sed "s/$ESC\[[0-9;]*m//g" "$1"
}

test_piped_output_has_no_colour_and_no_pager() {
	fill_store
	PAGER=$(make_pager)
	export PAGER
	for args in "list" "list -f table" "show badge:1" "render badge"; do
		# shellcheck disable=SC2086
		dl $args >"$T/out" 2>"$T/err" || fail "$args failed"
		expect_no_grep "$T/out" "$ESC"
		[ ! -e "$T/pager.out" ] || fail "$args ran the pager into a pipe"
	done
}

test_color_always_paints_only_escapes_around_the_same_text() {
	fill_store
	for args in "list -f table" "show badge:2" "render badge"; do
		# shellcheck disable=SC2086
		dl --color=always $args >"$T/color" || fail "$args failed"
		# shellcheck disable=SC2086
		dl --color=never $args >"$T/plain" || fail "$args failed"
		expect_grep "$T/color" "$ESC[36m"
		strip_sgr "$T/color" >"$T/stripped"
		cmp -s "$T/stripped" "$T/plain" ||
		    fail "$args: colour changed the text: $(diff "$T/plain" "$T/stripped" | head -5)"
	done
}

test_what_is_painted() {
	fill_store
	dl --color=always list -f table >"$T/out"
	expect_grep "$T/out" "$ESC[36m2026-11-02$ESC[m"
	expect_grep "$T/out" "$ESC[36mbadge:1$ESC[m"
	dl --color=always show badge:2 >"$T/out"
	expect_grep "$T/out" "$ESC[1m【続編2】【badge】再訪問$ESC[m"
	expect_grep "$T/out" "$ESC[36m2026-11-03$ESC[m"
	# The navigation: a link back to part 1.
	expect_grep "$T/out" "$ESC[36m←前編①$ESC[m"
	dl --color=always show badge:1 >"$T/out"
	expect_grep "$T/out" "$ESC[1m■ 経緯$ESC[m"
	# Body text stays plain.
	expect_grep "$T/out" "
O部長と面談した。"
}

test_terminal_gets_colour_and_the_pager() {
	fill_store
	PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" list ||
	    fail "list on a terminal failed: $(cat "$T/tty")"
	[ -e "$T/pager.out" ] || { fail "the pager did not run (or was not waited for)"; return; }
	expect_grep "$T/pager.out" "$ESC[36m2026-11-02$ESC[m"
	expect_grep "$T/pager.out" "LESS=FRX"
	expect_no_grep "$T/tty" 初回訪問
}

test_less_settings_of_the_user_are_kept() {
	fill_store
	LESS=iM PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" show badge:1
	expect_grep "$T/pager.out" "LESS=iM"
}

test_show_and_render_are_paged() {
	fill_store
	PAGER=$(make_pager)
	export PAGER
	on_tty "$DAILYLOG" -C "$S" show badge:1
	expect_grep "$T/pager.out" 初回訪問
	rm -f "$T/pager.out"
	on_tty "$DAILYLOG" -C "$S" render badge
	expect_grep "$T/pager.out" 再訪問
	# Another format, or a file, is not read on the terminal: no pager.
	rm -f "$T/pager.out"
	on_tty "$DAILYLOG" -C "$S" render -f markdown badge
	[ ! -e "$T/pager.out" ] || fail "render -f markdown was paged"
	on_tty "$DAILYLOG" -C "$S" render -o "$T/r.txt" badge
	[ ! -e "$T/pager.out" ] || fail "render -o was paged"
	expect_no_grep "$T/r.txt" "$ESC"
}

test_no_pager_writes_to_the_terminal_itself() {
	fill_store
	PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" --no-pager list
	[ ! -e "$T/pager.out" ] || fail "--no-pager ran the pager"
	expect_grep "$T/tty" "$ESC[36m2026-11-02$ESC[m"
}

test_dailylog_pager_overrides_pager_and_cat_turns_it_off() {
	fill_store
	PAGER=false DAILYLOG_PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" list
	expect_grep "$T/pager.out" 初回訪問
	rm -f "$T/pager.out"
	PAGER=$(make_pager) DAILYLOG_PAGER=cat on_tty "$DAILYLOG" -C "$S" list
	[ ! -e "$T/pager.out" ] || fail "DAILYLOG_PAGER=cat still paged"
	expect_grep "$T/tty" 初回訪問
	PAGER=$(make_pager) DAILYLOG_PAGER= on_tty "$DAILYLOG" -C "$S" list
	[ ! -e "$T/pager.out" ] || fail "an empty DAILYLOG_PAGER still paged"
}

test_no_color_and_the_command_line() {
	fill_store
	NO_COLOR=1 DAILYLOG_PAGER=cat on_tty "$DAILYLOG" -C "$S" list
	expect_grep "$T/tty" 初回訪問
	expect_no_grep "$T/tty" "$ESC["
	NO_COLOR=1 DAILYLOG_PAGER=cat on_tty "$DAILYLOG" -C "$S" --color=always list
	expect_grep "$T/tty" "$ESC[36m"
	DAILYLOG_PAGER=cat on_tty "$DAILYLOG" -C "$S" --color=never list
	expect_no_grep "$T/tty" "$ESC["
	TERM=dumb DAILYLOG_PAGER=cat on_tty "$DAILYLOG" -C "$S" list
	expect_no_grep "$T/tty" "$ESC["
}

test_output_to_a_file_from_a_terminal_is_plain() {
	fill_store
	PAGER=$(make_pager) on_tty sh -c '"$1" -C "$2" list >"$3"' sh \
	    "$DAILYLOG" "$S" "$T/file"
	[ ! -e "$T/pager.out" ] || fail "output to a file was paged"
	expect_grep "$T/file" 初回訪問
	expect_no_grep "$T/file" "$ESC"
}

test_no_pager_on_a_dumb_terminal_or_none() {
	fill_store
	for term in dumb ''; do
		TERM=$term PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" list
		[ ! -e "$T/pager.out" ] || fail "TERM='$term' ran the pager"
		expect_grep "$T/tty" 初回訪問
		rm -f "$T/pager.out"
	done
	env -u TERM PAGER="$(make_pager)" python3 -c 'import os,pty,sys
pty.spawn(sys.argv[1:])' "$DAILYLOG" -C "$S" show badge:1 >"$T/tty"
	[ ! -e "$T/pager.out" ] || fail "no TERM at all ran the pager"
	expect_grep "$T/tty" 初回訪問
}

# Under LC_ALL=C the text stays UTF-8, and less is told so.
test_c_locale_keeps_utf8() {
	fill_store
	LC_ALL=C PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" show badge:1
	expect_grep "$T/pager.out" "初回訪問"
	expect_grep "$T/pager.out" "LESSCHARSET=utf-8"
	# The user's own setting is kept.
	LESSCHARSET=latin1 PAGER=$(make_pager) on_tty "$DAILYLOG" -C "$S" \
	    show badge:1
	expect_grep "$T/pager.out" "LESSCHARSET=latin1"
	# Tables measure Japanese as wide under C too.
	LC_ALL=C COLUMNS=60 "$DAILYLOG" -C "$S" list -f table >"$T/c.txt"
	LC_ALL=C.UTF-8 COLUMNS=60 "$DAILYLOG" -C "$S" list -f table >"$T/u.txt"
	cmp -s "$T/c.txt" "$T/u.txt" || fail "the table differs under LC_ALL=C"
	expect_grep "$T/c.txt" 一般の訪問
	# So do wrapping and navigation.
	LC_ALL=C "$DAILYLOG" -C "$S" show --width 24 badge:2 >"$T/c.txt"
	LC_ALL=C.UTF-8 "$DAILYLOG" -C "$S" show --width 24 badge:2 >"$T/u.txt"
	cmp -s "$T/c.txt" "$T/u.txt" || fail "show differs under LC_ALL=C"
	expect_grep "$T/c.txt" 前編
}

test_bad_color_value() {
	expect_status 64 "$DAILYLOG" --color=sometimes -C "$S" list
	expect_grep "$T/err" "--color takes auto, always or never"
}

run_tests
