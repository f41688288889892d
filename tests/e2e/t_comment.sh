#!/bin/bash
# dailylog comment from the editor: the draft comment-ID is held by one
# process, kept when anything fails, resumed, listed by check, and gone
# once the comment is stored.  The editor opens only when stdin is a
# terminal, so these run dailylog on a pseudo-terminal (on_tty).
. "$(dirname "$0")/lib.sh"

make_entry() {
	expect_status 0 dl add -d 2026-11-20 -t "O部長を訪問" --client T社 \
	    "入館証の件で伺った。" || return
	id=$(cat "$T/out")
}

draft_of() { echo "$S/drafts/comment-$1.txt"; }

test_comment_from_the_editor() {
	make_entry || return
	ed=$(editor_script ed <<-'END'
	printf '来週の同行は私が行きます。\n' >>"$1"
	END
	)
	on_tty env EDITOR="$ed" "$DAILYLOG" -C "$S" comment --author 課長 "$id" ||
	    { fail "comment failed: $(cat "$T/tty")"; return; }
	expect_grep "$T/tty" "commented on $id"
	[ ! -e "$(draft_of "$id")" ] || fail "the draft was left after storing"
	[ -z "$(ls "$S/drafts")" ] || fail "drafts/ holds $(ls "$S/drafts")"
	expect_status 0 dl show "$id" || return
	expect_grep "$T/out" "来週の同行は私が行きます。"
	# The template's '#' lines are not part of the comment.
	expect_no_grep "$T/out" "lines starting with"
}

# The editor fails: the text typed so far waits in the draft, check names
# it with the command that resumes it, and the next comment opens it.
test_comment_draft_kept_and_resumed() {
	make_entry || return
	ed=$(editor_script ed <<-'END'
	printf '途中まで書いた' >>"$1"
	exit 1
	END
	)
	on_tty env EDITOR="$ed" "$DAILYLOG" -C "$S" comment --author 課長 "$id"
	expect_eq "$?" 74
	expect_grep "$T/tty" "the draft is kept in $(draft_of "$id"); 'dailylog comment $id' reopens it"
	expect_grep "$(draft_of "$id")" "途中まで書いた"
	[ ! -d "$S/comments/$id" ] || fail "a comment was stored"
	expect_status 0 dl check || return
	expect_grep "$T/err" "$(draft_of "$id"): warning: a comment not yet stored; 'dailylog comment $id' resumes it"
	ed=$(editor_script ed2 <<-'END'
	printf '、続きです。\n' >>"$1"
	END
	)
	on_tty env EDITOR="$ed" "$DAILYLOG" -C "$S" comment --author 課長 "$id" ||
	    { fail "resuming failed: $(cat "$T/tty")"; return; }
	expect_grep "$T/tty" "resuming your earlier draft $(draft_of "$id")"
	expect_status 0 dl show "$id" || return
	expect_grep "$T/out" "途中まで書いた、続きです。"
	[ -z "$(ls "$S/drafts")" ] || fail "drafts/ holds $(ls "$S/drafts")"
	expect_status 0 dl check || return
	expect_no_grep "$T/err" "comment"
}

# Two comments on one entry at once: the second must not open (and then
# overwrite or delete) the draft the first is writing in.
test_comment_draft_held_by_one_process() {
	make_entry || return
	mkfifo "$T/go"
	ed=$(editor_script slow <<-END
	printf '先に書き始めた方\n' >>"\$1"
	: >"$T/opened"
	read line <"$T/go"
	END
	)
	( on_tty env EDITOR="$ed" "$DAILYLOG" -C "$S" comment --author 課長 \
	    "$id"; echo $? >"$T/first.rc"; cp "$T/tty" "$T/first.tty" ) &
	for _ in $(seq 100); do [ -e "$T/opened" ] && break; sleep 0.1; done
	[ -e "$T/opened" ] || { fail "the first editor never opened"; echo >"$T/go"; wait; return; }
	other=$(editor_script other <<-END
	: >"$T/second-opened"
	END
	)
	on_tty env EDITOR="$other" "$DAILYLOG" -C "$S" comment --author 部長 "$id"
	rc=$?
	echo >"$T/go"
	wait
	expect_eq "$rc" 75
	expect_grep "$T/tty" "open in another dailylog (process"
	[ ! -e "$T/second-opened" ] || fail "the second comment opened the draft"
	expect_eq "$(cat "$T/first.rc")" 0
	expect_status 0 dl show "$id" || return
	expect_grep "$T/out" "先に書き始めた方"
	[ -z "$(ls "$S/drafts")" ] || fail "drafts/ holds $(ls "$S/drafts")"
}

test_comment_empty_from_the_editor() {
	make_entry || return
	on_tty env EDITOR=true "$DAILYLOG" -C "$S" comment --author 課長 "$id"
	expect_eq "$?" 65
	expect_grep "$T/tty" "nothing written: the comment is empty"
	[ ! -d "$S/comments/$id" ] || fail "an empty comment was stored"
	[ -z "$(ls "$S/drafts")" ] || fail "drafts/ holds $(ls "$S/drafts")"
}

run_tests
