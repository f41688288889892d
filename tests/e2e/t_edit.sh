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
	expect_grep "$T/err" "your version is kept in $S/drafts/$id.yaml; 'diff -u $S/drafts/$id.base $f' shows the change on disk, and 'dailylog edit --merge $id' merges it"
	expect_grep "$f" "x-other: 他の人の変更"
	expect_grep "$f" "title: O部長を訪問"
	expect_grep "$S/drafts/$id.yaml" "title: 私の変更"
	# The diff it suggests shows just the other change.
	diff -u "$S/drafts/$id.base" "$f" >"$T/diff"
	expect_grep "$T/diff" "+x-other: 他の人の変更"
	expect_eq "$(grep -c '^[-+][^-+]' "$T/diff")" 1
	# Editing again does not overwrite the other change: refused, not
	# opened, until the change is merged.
	expect_status 75 env EDITOR=false "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "$f changed on disk since your draft was made; not opened"
	expect_grep "$f" "x-other: 他の人の変更"
	expect_status 0 env EDITOR=touch "$DAILYLOG" -C "$S" edit --merge "$id" ||
	    return
	expect_grep "$T/err" "merged the change on disk into your draft $S/drafts/$id.yaml"
	expect_grep "$T/err" "updated $f"
	expect_grep "$f" "title: 私の変更"
	expect_grep "$f" "x-other: 他の人の変更"
	[ -z "$(ls -A "$S/drafts")" ] || fail "drafts left: $(ls -A "$S/drafts")"
}

# The same line changed on both sides: the draft holds both, marked; it
# cannot be stored until the marks are gone.
test_edit_merge_conflict() {
	make_entry
	ed=$(editor_script ed <<-END
	sed -i 's/^title: .*/title: 私の題/' "\$1"
	sed -i 's/^title: .*/title: 他の人の題/' "$f"
	END
	)
	expect_status 75 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	cp "$f" "$T/theirs"
	expect_status 65 env EDITOR=touch "$DAILYLOG" -C "$S" edit --merge "$id" ||
	    return
	expect_grep "$T/err" "your draft and the change on disk differ in the same lines"
	expect_grep "$S/drafts/$id.yaml" "<<<<<<< your draft"
	expect_grep "$S/drafts/$id.yaml" ">>>>>>> on disk now"
	cmp -s "$f" "$T/theirs" || fail "the entry changed with marks in the draft"
	# Resolved by hand: keep both titles' words, drop the marks.
	fix=$(editor_script fix <<-'END'
	awk '/^<<<<<<< /{skip=0; next} /^\|\|\|\|\|\|\| /{skip=1; next}
	    /^=======$/{skip=1; next} /^>>>>>>> /{skip=0; next}
	    !skip' "$1" >"$1.new" && mv "$1.new" "$1"
	END
	)
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "resuming your earlier draft"
	expect_grep "$f" "title: 私の題"
	expect_no_grep "$f" "他の人の題"
	expect_no_grep "$f" "<<<<<<<"
}

test_edit_merge_without_draft() {
	make_entry
	expect_status 1 env EDITOR=false "$DAILYLOG" -C "$S" edit --merge "$id" ||
	    return
	expect_grep "$T/err" "no draft of $f to merge"
	cmp -s "$f" "$T/orig" || fail "the entry changed"
}

# After a failed edit the draft waits; a change made on disk meanwhile
# (a hand edit, a git pull) is never overwritten by resuming it.
test_edit_draft_waits_entry_changes() {
	make_entry
	ed=$(editor_script bad <<-'END'
	sed -i 's/^title:/titel:/' "$1"
	END
	)
	expect_status 65 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	# Someone else's version arrives, written as git writes it.
	sed 's/^client: .*/client: T社本社/' "$f" >"$T/new" && mv "$T/new" "$f"
	cp "$f" "$T/theirs"
	opened=$(editor_script opened <<-END
	: >"$T/editor-ran"
	END
	)
	expect_status 75 env EDITOR="$opened" "$DAILYLOG" -C "$S" edit "$id" ||
	    return
	[ ! -e "$T/editor-ran" ] || fail "the stale draft was opened"
	expect_grep "$T/err" "$f changed on disk since your draft was made; not opened"
	expect_grep "$T/err" "dailylog edit --merge $id"
	cmp -s "$f" "$T/theirs" || fail "the other change was overwritten"
	fix=$(editor_script fix <<-'END'
	sed -i 's/^titel:/title:/' "$1"
	END
	)
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" edit --merge "$id" ||
	    return
	expect_grep "$f" "client: T社本社"
	expect_grep "$f" "title: O部長を訪問"
}

# The entry removed while its editor is open: the draft is kept, and
# can be added again.
test_edit_entry_removed_meanwhile() {
	make_entry
	ed=$(editor_script ed <<-END
	sed -i 's/^title: .*/title: 消される前/' "\$1"
	rm "$f"
	END
	)
	expect_status 75 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "$f was removed while you were editing it; not written back"
	expect_grep "$T/err" "'dailylog add -F $S/drafts/$id.yaml' adds it as a new entry"
	[ ! -e "$f" ] || fail "the removed entry came back"
	expect_grep "$S/drafts/$id.yaml" "title: 消される前"
	# Editing it again: the entry is gone, the draft waits (75).
	expect_status 75 env EDITOR=false "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "no entry '$id'"
	expect_grep "$T/err" "the entry $id was removed since your draft $S/drafts/$id.yaml was made"
	expect_status 0 dl add -F "$S/drafts/$id.yaml" || return
	expect_status 0 dl list --format tsv
	expect_grep "$T/out" "消される前"
}

# A second edit of an entry whose editor is open is refused, not
# "resuming"; the first one's draft is left alone and it finishes.
test_edit_second_while_open() {
	make_entry
	mkfifo "$T/go"
	ed=$(editor_script first <<-END
	sed -i 's/^title: .*/title: 先の変更/' "\$1"
	: >"$T/opened"
	read x <"$T/go"
	END
	)
	env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" >"$T/out1" 2>"$T/err1" &
	first=$!
	i=0
	while [ ! -e "$T/opened" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
	cp "$S/drafts/$id.yaml" "$T/draft-before"
	second=$(editor_script second <<-END
	: >"$T/second-ran"
	END
	)
	expect_status 75 env EDITOR="$second" "$DAILYLOG" -C "$S" edit "$id"
	expect_grep "$T/err" "$S/drafts/$id.yaml is open in another dailylog (process $first); finish there first"
	expect_no_grep "$T/err" "resuming"
	[ ! -e "$T/second-ran" ] || fail "the second edit opened the editor"
	cmp -s "$S/drafts/$id.yaml" "$T/draft-before" ||
	    fail "the second edit touched the first one's draft"
	# The listing shows it open.
	expect_status 0 dl edit --drafts
	expect_grep "$T/out" "$id	"
	expect_grep "$T/out" "	open	"
	echo go >"$T/go"
	wait "$first"
	expect_eq "$?" 0
	expect_grep "$T/err1" "updated $f"
	expect_grep "$f" "title: 先の変更"
}

# Left as it was, a resumed draft is not stored (as a new one is not);
# saved, even unchanged, it is.
test_edit_resumed_draft_left_as_it_was() {
	make_entry
	ed=$(editor_script ed <<-'END'
	sed -i 's/^title: .*/title: 保存したい/' "$1"
	exit 2
	END
	)
	expect_status 74 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_status 0 env EDITOR=true "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "the draft was left as it was: $f is unchanged; your draft is kept in $S/drafts/$id.yaml"
	cmp -s "$f" "$T/orig" || fail "an untouched draft was stored"
	expect_grep "$S/drafts/$id.yaml" "title: 保存したい"
	expect_status 0 env EDITOR=touch "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$f" "title: 保存したい"
	[ ! -e "$S/drafts/$id.yaml" ] || fail "the stored draft stayed"
}

# An entry that does not load is opened as it is, to be fixed; once it
# loads nothing about the old text is reported.
test_edit_fixes_entry_that_does_not_load() {
	mkdir -p "$S/entries/2026/11"
	f=$S/entries/2026/11/20261120-brkn01.yaml
	printf 'date: 2026-11-20\ntitel: 綴り違い\nseries: badge\npart: 2\n' >"$f"
	expect_status 65 dl list
	fix=$(editor_script fix <<-'END'
	sed -i 's/^titel:/title:/' "$1"
	END
	)
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" edit 20261120-brkn01 ||
	    return
	expect_eq "$(cat "$T/err")" "dailylog: updated $f"
	expect_grep "$f" "title: 綴り違い"
	# Not even YAML, named by a prefix.
	printf 'date: 2026-11-21\ntitle: [閉じない\n' >"$S/entries/2026/11/hand-1.yaml"
	fix2=$(editor_script fix2 <<-'END'
	sed -i 's/^title: .*/title: 閉じた/' "$1"
	END
	)
	expect_status 0 env EDITOR="$fix2" "$DAILYLOG" -C "$S" edit hand- || return
	expect_eq "$(cat "$T/err")" "dailylog: updated $S/entries/2026/11/hand-1.yaml"
	expect_status 0 dl check -q
	# Left broken: the usual errors, with the draft's name, and kept.
	printf 'date: 2026-11-22\ntitel: また\n' >"$S/entries/2026/11/hand-2.yaml"
	memo=$(editor_script memo <<-'END'
	echo 'x-memo: 直す途中' >>"$1"
	END
	)
	expect_status 65 env EDITOR="$memo" "$DAILYLOG" -C "$S" edit hand-2 ||
	    return
	expect_grep "$T/err" "$S/drafts/hand-2.yaml:2:1: unknown key 'titel'"
	expect_grep "$S/drafts/hand-2.yaml" "x-memo: 直す途中"
}

# An entry past the size limit is opened too, to be cut down.
test_edit_entry_too_large() {
	mkdir -p "$S/entries/2026/11"
	f=$S/entries/2026/11/20261120-big001.yaml
	python3 -c '
import sys
sys.stdout.write("date: 2026-11-20\ntitle: 大きすぎる\nbody: |\n" +
    "  長い本文の行です。\n" * 60000)' >"$f"
	expect_status 65 dl show 20261120-big001
	cut=$(editor_script cut <<-'END'
	head -n 5 "$1" >"$1.new" && mv "$1.new" "$1"
	END
	)
	expect_status 0 env EDITOR="$cut" "$DAILYLOG" -C "$S" edit 20261120-big001 ||
	    return
	expect_eq "$(wc -l <"$f" | tr -d ' ')" 5
	expect_status 0 dl show 20261120-big001
}

# Drafts are listed, and check mentions them (never as errors).
test_edit_drafts_listed_and_checked() {
	make_entry
	bad=$(editor_script bad <<-'END'
	sed -i 's/^title:/titel:/' "$1"
	END
	)
	expect_status 65 env EDITOR="$bad" "$DAILYLOG" -C "$S" edit "$id" || return
	fail_ed=$(editor_script failing <<-'END'
	printf 'date: 2026-11-21\ntitle: 追加の下書き\n' >"$1"
	exit 3
	END
	)
	expect_status 74 env EDITOR="$fail_ed" "$DAILYLOG" -C "$S" add -e || return
	add=$(cd "$S/drafts" && ls add-*.yaml | sed 's/\.yaml$//')
	expect_status 0 dl edit --drafts || return
	expect_eq "$(cut -f1,3 "$T/out")" "$id	kept"
	expect_status 0 dl add --drafts || return
	expect_eq "$(cut -f1,3,4 "$T/out")" "$add	kept	追加の下書き"
	cut -f2 "$T/out" | grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$' ||
	    fail "no time in: $(cat "$T/out")"
	# A leftover of an interrupted write in drafts/.
	: >"$S/drafts/.$id.yaml.tmp-Ab12Cd"
	expect_status 0 dl check || return
	expect_grep "$T/err" "$S/drafts/$id.yaml: warning: a draft of an edit not yet stored; 'dailylog edit $id' resumes it"
	expect_grep "$T/err" "$S/drafts/$add.yaml: warning: a draft not yet added; 'dailylog add --resume=$add' resumes it"
	expect_grep "$T/err" "$S/drafts/.$id.yaml.tmp-Ab12Cd: warning: left by an interrupted write of a draft; it can be deleted"
	expect_grep "$T/err" "1 entries, 0 errors, 3 warnings"
	expect_status 64 dl edit --drafts "$id" || return
	expect_status 64 dl add --drafts -t x || return
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

# A missing editor is said once, in dailylog's words, and the draft kept.
test_edit_editor_missing() {
	make_entry
	expect_status 74 env EDITOR=dailylog-test-no-editor "$DAILYLOG" -C "$S" \
	    edit "$id" || return
	expect_grep "$T/err" "cannot run the editor 'dailylog-test-no-editor': No such file or directory"
	expect_eq "$(grep -c dailylog-test-no-editor "$T/err")" 1
	expect_grep "$T/err" "the draft is kept in $S/drafts/$id.yaml"
	cmp -s "$f" "$T/orig" || fail "the entry changed"
	expect_status 74 env EDITOR="$T/nowhere/ed" "$DAILYLOG" -C "$S" edit \
	    "$id" || return
	expect_grep "$T/err" "cannot run the editor '$T/nowhere/ed': No such file or directory"
}

# An editor with arguments goes through the shell; a bare one gets the file.
test_edit_editor_arguments() {
	make_entry
	ed=$(editor_script ed <<-'END'
	printf '%s\n' "$#" "$@" >"$(dirname "$0")/args"
	eval "last=\${$#}"
	sed -i 's/^title: .*/title: 引数つき/' "$last"
	END
	)
	expect_status 0 env EDITOR="$ed -n '二 語'" "$DAILYLOG" -C "$S" edit \
	    "$id" || return
	printf '3\n-n\n二 語\n%s\n' "$S/drafts/$id.yaml" >"$T/want"
	cmp -s "$T/args" "$T/want" || fail "the editor got: $(cat "$T/args")"
	expect_grep "$f" "title: 引数つき"
	expect_status 0 env EDITOR="$ed" "$DAILYLOG" -C "$S" edit "$id" || return
	printf '1\n%s\n' "$S/drafts/$id.yaml" >"$T/want"
	cmp -s "$T/args" "$T/want" || fail "the editor got: $(cat "$T/args")"
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
