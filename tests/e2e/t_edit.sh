# dailylog edit: the editor on an entry's file, validated, replaced atomically.
. "$(dirname "$0")/lib.sh"

# One entry with every kind of field, and a hand-written x- key; $id, $f.
make_entry() {
	cat >"$T/e.yaml" <<-'YAML'
	date: 2026-11-20
	title: O部長を訪問
	series: badge
	client: T社
	tags: [クレーム, 入館証]
	x-memo: 手書きのメモ
	body: |
	  入館証の返却をお願いした。
	YAML
	id=$(dl add -F "$T/e.yaml" 2>"$T/add.err") ||
	    fail "add failed: $(cat "$T/add.err")"
	f=$S/entries/2026/11/$id.yaml
	cp "$f" "$T/orig"
}

retitle_editor() {
	editor_script retitle <<-'END'
	sed -i 's/^title: .*/title: O部長を再訪問/' "$1"
	END
}

test_edit_changes_title() {
	make_entry
	inode=$(stat -c %i "$f")
	expect_status 0 env EDITOR="$(retitle_editor)" "$DAILYLOG" -C "$S" edit \
	    "$id" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "updated $f"
	expect_eq "$(count_entries)" 1
	expect_entry "$id" '{"date": "2026-11-20", "title": "O部長を再訪問",
	    "series": "badge", "part": 1, "client": "T社",
	    "tags": ["クレーム", "入館証"], "x-memo": "手書きのメモ",
	    "body": "入館証の返却をお願いした。\n"}'
	# Replaced by a rename, not rewritten in place; still private.
	[ "$(stat -c %i "$f")" != "$inode" ] || fail "the file was rewritten in place"
	expect_eq "$(stat -c %a "$f")" 600
	[ -z "$(ls -A "$S/drafts" 2>/dev/null)" ] || fail "the draft was not removed"
	expect_eq "$(ls -A "$S/entries/2026/11")" "$id.yaml"
}

test_edit_keeps_the_file_as_written() {
	make_entry
	# Everything but the changed line is kept byte for byte.
	expect_status 0 env EDITOR="$(retitle_editor)" "$DAILYLOG" -C "$S" edit \
	    "$id" || return
	sed 's/^title: .*/title: O部長を再訪問/' "$T/orig" >"$T/want"
	cmp -s "$f" "$T/want" || fail "edit changed more: $(diff "$T/want" "$f")"
}

test_edit_by_prefix_and_part() {
	make_entry
	prefix=$(printf '%s' "$id" | cut -c1-11)
	expect_status 0 env EDITOR="$(retitle_editor)" "$DAILYLOG" -C "$S" edit \
	    "$prefix" || return
	expect_grep "$f" "title: O部長を再訪問"
	ed=$(editor_script client <<-'END'
	sed -i 's/^client: .*/client: T社本社/' "$1"
	END
	)
	expect_status 0 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit badge:1 || return
	expect_grep "$f" "client: T社本社"
}

test_edit_invalid_keeps_old_file() {
	make_entry
	ed=$(editor_script bad <<-'END'
	sed -i 's/^title:/titel:/' "$1"
	END
	)
	expect_status 65 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_empty "$T/out"
	cmp -s "$f" "$T/orig" || fail "the entry changed after an invalid edit"
	draft=$S/drafts/$id.yaml
	expect_grep "$T/err" "$draft:2:1: unknown key 'titel' (did you mean 'title'?)"
	expect_grep "$T/err" "$f is unchanged; your version is kept in $draft"
	[ -f "$draft" ] || { fail "the draft was not kept"; return; }
	expect_grep "$draft" "titel: O部長を訪問"
	# Drafts name customers too: private.
	expect_eq "$(stat -c %a "$draft")" 600
	expect_eq "$(stat -c %a "$S/drafts")" 700
	# edit again reopens the draft, not the entry.
	fix=$(editor_script fix <<-'END'
	grep -q '^titel:' "$1" || exit 7
	sed -i 's/^titel: .*/title: 直した件名/' "$1"
	END
	)
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "resuming your earlier draft $draft"
	expect_grep "$f" "title: 直した件名"
	[ ! -e "$draft" ] || fail "the draft stayed after the edit was stored"
}

test_edit_entry_changed_meanwhile() {
	make_entry
	# While the editor is open, someone else changes the entry's file.
	ed=$(editor_script ed <<-END
	sed -i 's/^title: .*/title: 私の変更/' "\$1"
	printf 'x-other: 他の人の変更\n' >>"$f"
	END
	)
	expect_status 75 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "$f changed while you were editing it; not replaced"
	expect_grep "$f" "x-other: 他の人の変更"
	expect_grep "$f" "title: O部長を訪問"
	expect_grep "$S/drafts/$id.yaml" "title: 私の変更"
}

test_edit_no_change() {
	make_entry
	expect_status 0 env EDITOR=true "$DAILYLOG" -C "$S" edit "$id" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "no changes to $id"
	cmp -s "$f" "$T/orig" || fail "the entry changed"
	[ -z "$(ls -A "$S/drafts" 2>/dev/null)" ] || fail "a draft was left"
}

test_edit_editor_fails() {
	make_entry
	ed=$(editor_script ed <<-'END'
	sed -i 's/^title: .*/title: 途中/' "$1"
	exit 2
	END
	)
	expect_status 74 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	cmp -s "$f" "$T/orig" || fail "the entry changed though the editor failed"
	expect_grep "$T/err" "exited with status 2"
	expect_grep "$T/err" "the draft is kept in $S/drafts/$id.yaml"
}

test_edit_to_taken_part() {
	make_entry
	dl add -d 2026-11-21 -s badge -t 二 x >/dev/null 2>&1 || fail "add part 2"
	ed=$(editor_script ed <<-'END'
	sed -i 's/^part: 1$/part: 2/' "$1"
	END
	)
	expect_status 73 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "part 2 of series 'badge' is taken"
	cmp -s "$f" "$T/orig" || fail "the entry changed to a taken part"
}

test_edit_unknown_ref() {
	make_entry
	expect_status 1 env EDITOR=true "$DAILYLOG" -C "$S" edit 19990101-zzzzzz ||
	    return
	expect_empty "$T/out"
	expect_grep "$T/err" "no entry '19990101-zzzzzz'"
	expect_status 1 env EDITOR=true "$DAILYLOG" -C "$S" edit badge:9 || return
	expect_grep "$T/err" "no part 9 in series 'badge'"
	expect_status 64 env EDITOR=true "$DAILYLOG" -C "$S" edit ../x || return
	expect_grep "$T/err" "bad reference '../x'"
	expect_status 64 dl edit || return
	expect_status 64 dl edit a b || return
	cmp -s "$f" "$T/orig" || fail "the entry changed"
}

test_edit_ambiguous_prefix() {
	dl add -d 2026-11-20 -t 一 x >/dev/null 2>&1
	dl add -d 2026-11-20 -t 二 x >/dev/null 2>&1
	expect_status 1 env EDITOR=true "$DAILYLOG" -C "$S" edit 20261120 || return
	expect_grep "$T/err" "'20261120' is ambiguous"
}

run_tests
