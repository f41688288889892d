# Edits as people make them: two editors open on one entry, the entry
# changed on disk (by git) while an editor is open or while a draft
# waits, dailylog killed with its editor open, many edits at once.
# Nothing anyone saved is ever overwritten without being merged.
. "$(dirname "$0")/../e2e/lib.sh"

export GIT_AUTHOR_NAME=佐藤 GIT_AUTHOR_EMAIL=sato@example.com \
    GIT_COMMITTER_NAME=佐藤 GIT_COMMITTER_EMAIL=sato@example.com \
    GIT_CONFIG_NOSYSTEM=1

ROUNDS=${EDIT_ROUNDS:-20}
EDITORS=${EDIT_EDITORS:-6}
KILLS=${EDIT_KILLS:-100}

make_entry() {
	cat >"$T/e.yaml" <<-'YAML'
	date: 2026-11-20
	title: 入館証の件
	series: badge
	client: T社
	contact: O部長
	body: |
	  返却の期限を決めた。

	  次は電話で確認する。
	YAML
	id=$(dl add -F "$T/e.yaml" 2>"$T/add.err") ||
	    fail "add failed: $(cat "$T/add.err")"
	f=$S/entries/2026/11/$id.yaml
}

# wait_file PATH: until it exists (an editor reached its point).
wait_file() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt 1200 ]; do sleep 0.05; i=$((i + 1)); done
	[ -e "$1" ] || fail "$1 never appeared"
}

# held_editor NAME SED: an editor that makes its change, says it is
# open ($T/NAME.open) and waits until $T/NAME.go is written.
held_editor() {
	mkfifo "$T/$1.go"
	editor_script "$1" <<-END
	sed -i '$2' "\$1"
	: >"$T/$1.open"
	read x <"$T/$1.go"
	END
}

# The store as a git clone of a bare repository, with a second clone
# where someone else works: $other.
git_store() {
	git init -q --bare "$T/remote.git"
	printf '.index\n.lock\ndrafts/\n' >"$S/.gitignore"
	git -C "$S" init -q
	git -C "$S" add -A
	git -C "$S" commit -qm 'the store'
	git -C "$S" branch -M main
	git -C "$S" remote add origin "$T/remote.git"
	git -C "$S" push -q origin main
	git clone -q -b main "$T/remote.git" "$T/other"
	other=$T/other/entries/2026/11/$id.yaml
}

# someone_else SED MSG: the other clone changes the entry and pushes.
someone_else() {
	sed -i "$1" "$other"
	git -C "$T/other" commit -qam "$2"
	git -C "$T/other" push -q origin main
}

# Two edits of one entry with their sessions overlapping: the second is
# refused while the first is open, and its own edit, done once the first
# is stored, starts from the first's text: both changes are kept.
test_two_edits_overlap() {
	make_entry
	a=$(held_editor a 's/^client: .*/client: T社本社/')
	env EDITOR="$a" "$DAILYLOG" -C "$S" edit "$id" >"$T/a.out" 2>"$T/a.err" &
	pa=$!
	wait_file "$T/a.open"
	cp "$S/drafts/$id.yaml" "$T/a.draft"
	b=$(held_editor b 's/^contact: .*/contact: O部長と課長/')
	env EDITOR="$b" "$DAILYLOG" -C "$S" edit "badge:1" >"$T/b.out" 2>"$T/b.err" &
	pb=$!
	wait "$pb"
	expect_eq "$?" 75
	expect_grep "$T/b.err" "is open in another dailylog (process $pa)"
	[ ! -e "$T/b.open" ] || fail "the second editor was opened"
	cmp -s "$S/drafts/$id.yaml" "$T/a.draft" || fail "the first draft was touched"
	echo go >"$T/a.go"
	wait "$pa"
	expect_eq "$?" 0
	expect_grep "$f" "client: T社本社"
	# The second again, now alone: on top of the first one's text.
	b=$(held_editor b2 's/^contact: .*/contact: O部長と課長/')
	env EDITOR="$b" "$DAILYLOG" -C "$S" edit "badge:1" >"$T/b.out" 2>"$T/b.err" &
	pb=$!
	wait_file "$T/b2.open"
	echo go >"$T/b2.go"
	wait "$pb"
	expect_eq "$?" 0
	expect_grep "$f" "client: T社本社"
	expect_grep "$f" "contact: O部長と課長"
	expect_status 0 dl check -q
}

# git pull while an editor is open: the edit is refused (75), the pulled
# text stays, the draft keeps the edit, and --merge makes both one.
test_pull_while_editor_open() {
	make_entry
	git_store
	someone_else 's/^client: .*/client: T社東京支店/' "client: 支店"
	a=$(held_editor a 's/^title: .*/title: 入館証の返却/')
	env EDITOR="$a" "$DAILYLOG" -C "$S" edit "$id" >"$T/a.out" 2>"$T/a.err" &
	pa=$!
	wait_file "$T/a.open"
	git -C "$S" pull -q --ff-only origin main ||
	    { fail "git pull failed"; echo go >"$T/a.go"; return; }
	cp "$f" "$T/pulled"
	echo go >"$T/a.go"
	wait "$pa"
	expect_eq "$?" 75
	expect_grep "$T/a.err" "$f changed while you were editing it; not replaced"
	expect_grep "$T/a.err" "dailylog edit --merge $id"
	cmp -s "$f" "$T/pulled" || fail "the pulled change was overwritten"
	expect_grep "$S/drafts/$id.yaml" "title: 入館証の返却"
	expect_status 0 env EDITOR=touch "$DAILYLOG" -C "$S" edit --merge "$id" ||
	    return
	expect_grep "$f" "title: 入館証の返却"
	expect_grep "$f" "client: T社東京支店"
	# In a git store the edit commits what it wrote (issue 11).
	expect_eq "$(git -C "$S" log -1 --format=%s)" "edit $id: 入館証の返却"
	expect_eq "$(git -C "$S" show --name-only --format= HEAD)" \
	    "entries/2026/11/$id.yaml"
	[ -z "$(git -C "$S" status --porcelain -- entries)" ] ||
	    fail "the merged edit is not committed"
}

# git pull while a draft waits after a failed edit: resuming it is
# refused until merged; the pulled change is never overwritten.
test_pull_while_draft_waits() {
	make_entry
	git_store
	bad=$(editor_script bad <<-'END'
	sed -i 's/^title: .*/title: 件名を直した/; s/^contact:/contcat:/' "$1"
	END
	)
	expect_status 65 env EDITOR="$bad" "$DAILYLOG" -C "$S" edit "$id" || return
	someone_else 's/^  次は電話で確認する。$/  次は訪問して確認する。/' "body"
	git -C "$S" pull -q --ff-only origin main || { fail "git pull failed"; return; }
	cp "$f" "$T/pulled"
	fix=$(editor_script fix <<-'END'
	sed -i 's/^contcat:/contact:/' "$1"
	END
	)
	expect_status 75 env EDITOR="$fix" "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "changed on disk since your draft was made; not opened"
	cmp -s "$f" "$T/pulled" || fail "the pulled change was overwritten"
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" edit --merge "$id" ||
	    return
	expect_grep "$f" "title: 件名を直した"
	expect_grep "$f" "次は訪問して確認する。"
	expect_grep "$f" "contact: O部長"
}

# dailylog killed with its editor open: the draft is an orphan, resumed
# by the next edit with the base it began from.
test_killed_with_editor_open() {
	make_entry
	a=$(held_editor a 's/^title: .*/title: 殺される前の変更/')
	env EDITOR="$a" "$DAILYLOG" -C "$S" edit "$id" >"$T/a.out" 2>"$T/a.err" &
	pa=$!
	wait_file "$T/a.open"
	kill -KILL "$pa"
	wait "$pa" 2>/dev/null
	echo go >"$T/a.go"	# the editor, left behind, finishes
	expect_status 0 env EDITOR=touch "$DAILYLOG" -C "$S" edit "$id" || return
	expect_grep "$T/err" "resuming your earlier draft"
	expect_grep "$f" "title: 殺される前の変更"
	# Again, and this time the entry changes while the draft is orphaned.
	rm -f "$T/a.open"
	a=$(held_editor a2 's/^title: .*/title: 二度目/')
	env EDITOR="$a" "$DAILYLOG" -C "$S" edit "$id" >"$T/a.out" 2>"$T/a.err" &
	pa=$!
	wait_file "$T/a2.open"
	kill -KILL "$pa"
	wait "$pa" 2>/dev/null
	echo go >"$T/a2.go"
	sed -i 's/^client: .*/client: 手で直した/' "$f"
	cp "$f" "$T/hand"
	expect_status 75 env EDITOR=touch "$DAILYLOG" -C "$S" edit "$id" || return
	cmp -s "$f" "$T/hand" || fail "the hand edit was overwritten"
}

# Many edits of one entry at once, round after round, each adding its own
# key: every edit either stored its key (0) or was refused before its
# editor opened (75); no stored key is ever lost.
test_many_edits_at_once() {
	make_entry
	ed=$(editor_script add_key <<-'END'
	printf 'x-e%s: 並行編集\n' "$KEY" >>"$1"
	END
	)
	: >"$T/won" ; : >"$T/refused"
	r=0
	while [ $r -lt "$ROUNDS" ]; do
		r=$((r + 1))
		k=0 pids=
		while [ $k -lt "$EDITORS" ]; do
			k=$((k + 1))
			key=$r-$k
			( KEY=$key EDITOR=$ed "$DAILYLOG" -C "$S" edit "$id" \
			    >/dev/null 2>"$T/err.$key"
			  echo "$key $?" >>"$T/status" ) &
			pids="$pids $!"
		done
		wait $pids
	done
	while read -r key st; do
		case $st in
		0)	echo "$key" >>"$T/won"
			grep -q "^x-e$key: 並行編集$" "$f" ||
			    fail "edit $key said updated but its key is gone" ;;
		75)	echo "$key" >>"$T/refused"
			grep -q "is open in another dailylog" "$T/err.$key" ||
			    fail "edit $key: 75 without the reason: $(cat "$T/err.$key")"
			grep -q "^x-e$key:" "$f" &&
			    fail "refused edit $key is in the entry" ;;
		*)	fail "edit $key exited $st: $(cat "$T/err.$key")" ;;
		esac
	done <"$T/status"
	won=$(wc -l <"$T/won" | tr -d ' ')
	refused=$(wc -l <"$T/refused" | tr -d ' ')
	echo "edits: $((ROUNDS * EDITORS)) run, $won stored, $refused refused while another was open" >&2
	expect_eq "$((won + refused))" "$((ROUNDS * EDITORS))"
	expect_eq "$(grep -c '^x-e' "$f")" "$won"
	[ -z "$(ls -A "$S/drafts")" ] || fail "drafts left: $(ls -A "$S/drafts")"
	expect_status 0 dl check -q
}

# SIGKILL at random instants of edits: the entry is always whole (the
# old text or the new), and the next edit always goes on.
test_sigkill_during_edit() {
	make_entry
	# The editor outlives a killed dailylog: each waits for the last to
	# end (flock), as a person finishes in the editor.
	ed=$(editor_script bump <<-END
	exec 9>"$T/editor.lock"
	flock 9
	n=\$(sed -n 's/^x-n: //p' "\$1")
	sed -i "s/^x-n: .*/x-n: \$((n + 1))/" "\$1"
	END
	)
	echo 'x-n: 0' >>"$f"
	hits=0 tries=0 late=0
	while [ "$hits" -lt "$KILLS" ] && [ "$tries" -lt $((KILLS * 20)) ]; do
		tries=$((tries + 1))
		EDITOR=$ed "$DAILYLOG" -C "$S" edit "$id" >/dev/null 2>&1 &
		p=$!
		sleep 0.00$((tries % 9))
		kill -KILL "$p" 2>/dev/null && hits=$((hits + 1))
		wait "$p" 2>/dev/null
		flock "$T/editor.lock" true
		dl show "$id" >/dev/null 2>"$T/show.err" ||
		    { fail "after kill $tries the entry does not load: $(cat "$T/show.err")"; break; }
		if [ -e "$S/drafts/$id.yaml" ]; then
			# A draft left by the kill is resumed (its base is the
			# entry, no one changed it) or was never edited.
			EDITOR=touch "$DAILYLOG" -C "$S" edit "$id" >/dev/null \
			    2>"$T/resume.err"
			st=$?
			# An editor that ended after the draft was stored
			# leaves one without a base: taken only by --merge.
			if [ "$st" = 75 ] && grep -q "has no record of the text" \
			    "$T/resume.err"; then
				late=$((late + 1))
				flock "$T/editor.lock" true
				EDITOR=touch "$DAILYLOG" -C "$S" edit --merge \
				    "$id" >/dev/null 2>"$T/resume.err"
				st=$?
			fi
			[ "$st" = 0 ] ||
			    { fail "after kill $tries the draft was not resumed ($st): $(cat "$T/resume.err")"; break; }
		fi
	done
	echo "kills: $hits running edits killed ($tries tries; $late drafts saved by an editor after its dailylog died)" >&2
	expect_eq "$hits" "$KILLS"
	# What a kill left half written in drafts/ is cleared by the next
	# edit of the draft, and named by check until then, as a warning.
	expect_status 0 dl check
	expect_grep "$T/err" " 0 errors"
	: >"$S/drafts/.$id.yaml.tmp-Killed"
	expect_status 0 dl check
	expect_grep "$T/err" "$S/drafts/.$id.yaml.tmp-Killed: warning: left by an interrupted write of a draft"
	expect_status 0 env EDITOR=true "$DAILYLOG" -C "$S" edit "$id"
	[ -z "$(ls -A "$S/drafts")" ] || fail "drafts/ holds: $(ls -A "$S/drafts")"
}

run_tests
