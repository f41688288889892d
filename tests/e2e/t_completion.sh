# Shell completion: the bash function, run against a temporary store as
# bash would run it, and the listing it asks the binary for.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$E2E_DIR/../.." && pwd)
SCRIPT=$ROOT/completion/dailylog.bash

# complete WORD...: run _dailylog with COMP_WORDS set to the binary and
# the words, completing the last; the candidates, sorted, in $T/cands.
complete() {
	bash -c '
		script=$1; shift
		. "$script" || exit 1
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_dailylog
		((${#COMPREPLY[@]} == 0)) ||
		    printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort
	' sh "$SCRIPT" "$DAILYLOG" "$@" >"$T/cands" 2>"$T/cands.err"
}

# expect_cands LINE...: exactly these candidates, in C sort order.
expect_cands() {
	printf '%s\n' "$@" >"$T/want"
	cmp -s "$T/want" "$T/cands" ||
	    fail "candidates for '$*': $(tr '\n' '|' <"$T/cands")"
}

# Two series, clients with a space in one, tags in Japanese.
fill_store() {
	dl add -d 2026-11-02 -t 初回訪問 -s badge --client 'T社 本社' \
	    --tag クレーム x >/dev/null &&
	dl add -d 2026-11-03 -t 再訪問 -s badge --client 'T社 本社' \
	    --tag 入館証 --tag クレーム x >/dev/null &&
	dl add -d 2026-11-04 -t 見積 -s quote-k --client K商事 x >/dev/null &&
	dl add -d 2026-11-05 -t 一般 x >/dev/null ||
	    fail "could not fill the store"
}

test_subcommands() {
	complete ""
	expect_grep "$T/cands" list
	expect_grep "$T/cands" report
	expect_grep "$T/cands" import
	expect_no_grep "$T/cands" __complete
	complete re
	expect_cands read render report
	complete -C "$S" --no-pager ex
	expect_cands export
}

test_help_completes_commands() {
	complete help sh
	expect_cands show
}

test_options_of_each_command() {
	complete list --s
	expect_cands --series --since
	complete render --h
	expect_cands --hyperlink=
	complete add --st
	expect_cands --staff
	complete --v
	expect_cands --version
}

test_option_values() {
	complete --color=a
	expect_cands --color=always --color=auto
	# bash splits "--color=" at "=" by default: three words.
	complete --color = ""
	expect_cands always auto never
	complete render --hyperlink = n
	expect_cands never
	complete list -f ""
	expect_cands json jsonl table tsv
	complete render --format ""
	expect_cands gemini html info markdown text
	complete export -f j
	expect_cands json jsonl
	complete series --format t
	expect_cands table tsv
	complete init --lang ""
	expect_cands en ja
}

test_live_values_from_the_store() {
	fill_store
	complete -C "$S" render ""
	expect_cands badge quote-k
	complete -C "$S" list --series q
	expect_cands quote-k
	complete -C "$S" show badge:
	expect_cands badge:1 badge:2
	complete -C "$S" read ""
	expect_cands badge badge:1 badge:2 quote-k quote-k:1
	# A client with a space is one candidate.
	complete -C "$S" list --client T
	expect_cands 'T社 本社'
	complete -C "$S" export --tag ""
	expect_cands クレーム 入館証
	complete --dir="$S" add --tag 入
	expect_cands 入館証
}

test_ids_complete_for_show_and_edit() {
	fill_store
	dl list -f tsv | cut -f1 | LC_ALL=C sort >"$T/ids"
	complete -C "$S" edit 2026
	cmp -s "$T/ids" "$T/cands" ||
	    fail "edit 2026<TAB> offers $(tr '\n' ' ' <"$T/cands"), not the IDs"
}

test_the_store_from_the_environment() {
	fill_store
	DAILYLOG_DIR=$S complete render b
	expect_cands badge
}

test_no_store_offers_nothing_quietly() {
	complete -C "$T/nowhere" render ""
	expect_empty "$T/cands"
	expect_empty "$T/cands.err"
}

test_complete_listing() {
	fill_store
	expect_status 0 dl __complete clients
	printf '%s\n' 'K商事' 'T社 本社' >"$T/want"
	cmp -s "$T/want" "$T/out" || fail "clients: $(cat "$T/out")"
	expect_status 0 dl __complete ids
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 4
	# Newest first: the last entry added is dated 2026-11-05.
	expect_eq "$(head -n 1 "$T/out")" "$(dl list -f tsv | tail -n 1 | cut -f1)"
	expect_status 64 dl __complete nonsense
}

# A value that would break the line-per-value listing is not offered.
test_listing_skips_multiline_values() {
	cat >"$T/e.yaml" <<'YAML'
date: 2026-11-06
title: 改行入り
client: "A社\nB社"
tags: [ok]
YAML
	dl add -F "$T/e.yaml" >/dev/null || fail "add -F"
	expect_status 0 dl __complete clients
	expect_empty "$T/out"
}

test_make_install_puts_the_scripts_in_place() {
	make -s -o dailylog -C "$ROOT" install DESTDIR="$T/root" PREFIX=/usr \
	    >"$T/make.out" 2>&1 || { fail "make install: $(cat "$T/make.out")"; return; }
	cmp -s "$SCRIPT" "$T/root/usr/share/bash-completion/completions/dailylog" ||
	    fail "bash completion not installed"
	cmp -s "$ROOT/completion/_dailylog" \
	    "$T/root/usr/share/zsh/site-functions/_dailylog" ||
	    fail "zsh completion not installed"
	make -s -C "$ROOT" uninstall DESTDIR="$T/root" PREFIX=/usr >/dev/null 2>&1
	[ ! -e "$T/root/usr/share/zsh/site-functions/_dailylog" ] &&
	[ ! -e "$T/root/usr/share/bash-completion/completions/dailylog" ] ||
	    fail "uninstall left a completion script"
}

run_tests
