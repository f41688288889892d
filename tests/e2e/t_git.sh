# A team's store through git: init --git, clone, commits of exactly what
# each command wrote, sync (adds, field-by-field merges, conflicts kept
# until resolve, renumbered parts), comments, and the errors.  Real git,
# no network: a bare repository in the test's directory is the remote.
. "$(dirname "$0")/lib.sh"

export GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_AUTHOR_NAME GIT_COMMITTER_NAME

# team: the store $S made a git store by 佐藤, shared in $T/team.git.
team() {
	git init -q --bare "$T/team.git" || fail "git init --bare failed"
	git init -q "$S"
	git -C "$S" config user.email sato@example.jp
	"$DAILYLOG" init --git --author 佐藤 "$S" 2>"$T/team.err" ||
	    fail "init --git failed: $(cat "$T/team.err")"
	git -C "$S" remote add origin "$T/team.git"
	dl sync 2>"$T/team.err" || fail "the first sync failed: $(cat "$T/team.err")"
}

# member NAME USER: $T/NAME, a clone of the team's store, used by USER.
member() {
	"$DAILYLOG" clone "$T/team.git" "$T/$1" 2>"$T/member.err" ||
	    fail "clone failed: $(cat "$T/member.err")"
	git -C "$T/$1" config user.name "$2"
	git -C "$T/$1" config user.email "$1@example.jp"
}

# at NAME ARGS...: dailylog in the clone $T/NAME.
at() {
	d=$1
	shift
	"$DAILYLOG" -C "$T/$d" "$@"
}

# synced NAME...: sync each clone in turn; a failure is reported.
synced() {
	for c in "$@"; do
		if [ "$c" = a ]; then
			dl sync 2>"$T/sync.err"
		else
			at "$c" sync 2>"$T/sync.err"
		fi || fail "sync of $c failed: $(cat "$T/sync.err")"
	done
}

# editor SED: an editor that runs sed -i SED on the file.
editor() {
	printf "sed -i '%s' \"\$1\"\n" "$1" | editor_script "ed$RANDOM.sh"
}

# no_markers DIR: no conflict marker in any commit or file of DIR.
no_markers() {
	if git -C "$1" log -p --all | grep -qE '^\+(<<<<<<<|=======$|>>>>>>>)'; then
		fail "a conflict marker was committed in $1"
	fi
	if grep -rqE '^(<<<<<<<|>>>>>>>)' --exclude-dir=.git "$1"; then
		fail "a conflict marker is in a file of $1"
	fi
}

# clean DIR: no rebase or merge half done, nothing uncommitted.
clean() {
	[ -z "$(git -C "$1" status --porcelain --untracked-files=no)" ] ||
	    fail "$1 has uncommitted changes: $(git -C "$1" status --short)"
	for f in rebase-merge rebase-apply MERGE_HEAD; do
		[ ! -e "$1/.git/$f" ] || fail "$1 has .git/$f left"
	done
}

# changed REV: the files the commit REV of $S changed, one a line.
changed() {
	git -C "${2:-$S}" show --name-only --format= "$1"
}

subject() {
	git -C "${2:-$S}" log -1 --format=%s "${1:-HEAD}"
}

id_of() {
	at "$1" list --format tsv | awk -F'\t' -v t="$2" '$5 == t { print $1 }'
}

# identity: git knows the user's address (as a user's ~/.gitconfig says).
identity() {
	printf '[user]\n\temail = sato@example.jp\n' >"$T/gitconfig"
}

test_init_git_makes_a_git_store() {
	identity
	expect_status 0 env GIT_CONFIG_GLOBAL="$T/gitconfig" \
	    "$DAILYLOG" init --git --author 佐藤 "$T/new" || return
	expect_grep "$T/err" "created store $T/new"
	expect_grep "$T/err" "git repository now"
	[ -d "$T/new/.git" ] || fail "no repository"
	expect_grep "$T/new/.gitignore" "/.*"
	expect_grep "$T/new/.gitignore" "/drafts/"
	expect_grep "$T/new/.gitattributes" "*.yaml merge=dailylog"
	expect_eq "$(git -C "$T/new" config merge.dailylog.driver)" \
	    "'$DAILYLOG' __merge-file %O %A %B %P"
	expect_eq "$(git -C "$T/new" config user.name)" 佐藤
	expect_eq "$(subject HEAD "$T/new")" "init: a dailylog store"
	# The store as init made it: its settings and its templates.
	expect_eq "$(changed HEAD "$T/new" | sort | tr '\n' ' ')" \
	    ".gitattributes .gitignore dailylog.yaml $(cd "$T/new" &&
	    ls templates/*.yaml | tr '\n' ' ')"
	# The author is this clone's, not written into the shared settings.
	expect_no_grep "$T/new/dailylog.yaml" 佐藤
	expect_eq "$(stat -c %a "$T/new/.gitignore")" 600
	# Again: nothing changes, and it says so.
	head=$(git -C "$T/new" rev-parse HEAD)
	expect_status 0 env GIT_CONFIG_GLOBAL="$T/gitconfig" \
	    "$DAILYLOG" init --git "$T/new" || return
	expect_grep "$T/err" "a git store already"
	expect_eq "$(git -C "$T/new" rev-parse HEAD)" "$head"
}

test_init_git_turns_a_store_into_one() {
	id=$(dl add -d 2026-11-24 -t "A社訪問" --client A社 本文)
	printf 'title: 入館証\n' >"$S/series/badge.yaml"
	printf '/old\n' >"$S/.gitignore"
	dl list >/dev/null		# an index, which git must not see
	identity
	expect_status 0 env GIT_CONFIG_GLOBAL="$T/gitconfig" \
	    "$DAILYLOG" init --git --author 佐藤 "$S" || return
	expect_no_grep "$T/err" "created store"
	files=$(git -C "$S" ls-files | tr '\n' ' ')
	expect_eq "$files" ".gitattributes .gitignore dailylog.yaml entries/2026/11/$id.yaml series/badge.yaml $(cd "$S" &&
	    ls templates/*.yaml | tr '\n' ' ')"
	# The user's own lines stay; ours are added after them.
	expect_eq "$(head -1 "$S/.gitignore")" /old
	expect_grep "$S/.gitignore" "!/.gitignore"
	git -C "$S" status --porcelain --ignored | grep -q '^!! .index$' ||
	    fail ".index is not ignored by git"
}

test_init_git_identity_unknown() {
	# No user.email anywhere: git cannot commit; init says how to go on.
	expect_status 74 "$DAILYLOG" init --git "$T/anon" || return
	expect_grep "$T/err" "git does not know who you are"
	expect_grep "$T/err" "'dailylog init --git $T/anon' again"
	git -C "$T/anon" config user.name 佐藤
	git -C "$T/anon" config user.email sato@example.jp
	expect_status 0 "$DAILYLOG" init --git "$T/anon" || return
	expect_eq "$(subject HEAD "$T/anon")" "init: a dailylog store"
}

test_commits_exactly_what_each_command_wrote() {
	team
	echo stray >"$S/notes.txt"
	printf 'title: 入館証\n' >"$S/series/badge.yaml"
	git -C "$S" add series/badge.yaml	# staged by the user, not ours
	id=$(dl add -d 2026-11-24 -t "A社訪問 更新のご相談" --client A社 本文)
	expect_eq "$(subject)" "add $id: A社訪問 更新のご相談"
	expect_eq "$(changed HEAD)" "entries/2026/11/$id.yaml"
	git -C "$S" diff --cached --name-only | grep -qx series/badge.yaml ||
	    fail "the user's staged file was committed or unstaged"
	git -C "$S" status --porcelain | grep -q '^?? notes.txt$' ||
	    fail "an untracked file was touched"
	EDITOR=$(editor 's/^title: .*/title: A社訪問 更新の合意/') \
	    expect_status 0 dl edit "$id" || return
	expect_eq "$(subject)" "edit $id: A社訪問 更新の合意"
	expect_eq "$(changed HEAD)" "entries/2026/11/$id.yaml"
	printf -- '---\ndate: 2026-11-25\ntitle: 一件目\n---\ndate: 2026-11-26\ntitle: 二件目\n' \
	    >"$T/in.yaml"
	expect_status 0 dl import "$T/in.yaml" || return
	expect_eq "$(subject)" "import 2 entries from $T/in.yaml"
	expect_eq "$(changed HEAD | wc -l | tr -d ' ')" 2
	for i in $(cat "$T/out"); do
		git -C "$S" log -1 --format=%b | grep -qx "$i: .*" ||
		    fail "the import commit does not name $i"
	done
	expect_status 0 dl comment "$id" "来週も同行します" || return
	expect_eq "$(subject)" "comment $id: A社訪問 更新の合意"
	changed HEAD | grep -qx "comments/$id/[0-9]*-[0-9.]*-[0-9a-z]*\.yaml" ||
	    fail "the comment commit has $(changed HEAD)"
	expect_status 0 dl approve "$id" || return
	expect_eq "$(subject)" "approve $id: A社訪問 更新の合意"
	expect_eq "$(changed HEAD | wc -l | tr -d ' ')" 1
	# Every commit of the store touched only what its command wrote.
	git -C "$S" log --format=%s --name-only | grep -E '^(notes.txt|series/|\.index)' &&
	    fail "a commit holds a file no command wrote"
}

# rm and series SLUG --title commit what they wrote too.
test_rm_and_series_settings_commit() {
	team
	a=$(dl add -d 2026-11-24 -s badge -t 一件目 本文)
	b=$(dl add -d 2026-11-25 -t 二件目 本文)
	c=$(dl add -d 2026-11-26 -t 三件目 本文)
	expect_status 0 dl series badge --title 入館証の件 || return
	expect_eq "$(subject)" "series badge: 入館証の件"
	expect_eq "$(changed HEAD)" "series/badge.yaml"
	expect_status 0 dl rm -f "$a" || return
	expect_eq "$(subject)" "rm $a: 一件目"
	expect_eq "$(changed HEAD)" "entries/2026/11/$a.yaml"
	expect_status 0 dl rm -f "$b" "$c" || return
	expect_eq "$(subject)" "rm 2 entries"
	expect_eq "$(changed HEAD | sort | tr '\n' ' ')" \
	    "entries/2026/11/$b.yaml entries/2026/11/$c.yaml "
	git -C "$S" log -1 --format=%b | grep -qx "$c: 三件目" ||
	    fail "the rm commit does not name $c"
	clean "$S"
	synced a
	member b 鈴木
	expect_eq "$(at b list --format tsv | wc -l | tr -d ' ')" 0
	expect_grep "$T/b/series/badge.yaml" 'title: "入館証の件"'
}

# An entry's comments and approvals go with it, in the same commit.
test_rm_takes_the_comments_along() {
	team
	a=$(dl add -d 2026-11-24 -t 承認済み 本文)
	expect_status 0 dl comment "$a" 確認しました || return
	expect_status 0 dl approve "$a" || return
	expect_eq "$(ls "$S/comments/$a" | wc -l | tr -d ' ')" 2
	expect_status 0 dl rm -f "$a" || return
	[ ! -e "$S/comments/$a" ] || fail "comments/$a was left behind"
	expect_eq "$(changed HEAD | grep -c "^comments/$a/")" 2
	expect_grep_count=$(changed HEAD | grep -c "^entries/2026/11/$a.yaml$")
	expect_eq "$expect_grep_count" 1
	expect_status 0 dl check || return
	expect_no_grep "$T/err" "comments/"
	clean "$S"
}

# A big import is one commit, though its message and its paths are more
# than one argument of a command line may hold (128 KiB).
test_big_import_is_one_commit() {
	team
	python3 -c '
import json
t = "長い件名で確かめる取引先との打ち合わせの記録、説明と次回の予定を含む"
print(json.dumps([{"date": "2026-11-%02d" % (i % 28 + 1), "title": "%s %d" % (t, i)}
    for i in range(1200)], ensure_ascii=False))' >"$T/big.json"
	expect_status 0 dl import "$T/big.json" || return
	expect_eq "$(subject)" "import 1200 entries from $T/big.json"
	expect_eq "$(changed HEAD | wc -l | tr -d ' ')" 1200
	[ "$(git -C "$S" log -1 --format=%B | wc -c)" -gt 131072 ] ||
	    fail "the message is not longer than one argument may be"
	clean "$S"
}

test_git_commit_setting_off() {
	team
	printf 'git-commit: false\n' >>"$S/dailylog.yaml"
	git -C "$S" commit -qam "no commits here"
	head=$(git -C "$S" rev-parse HEAD)
	expect_status 0 dl add -t 下書き 本文 || return
	expect_eq "$(git -C "$S" rev-parse HEAD)" "$head"
	sed -i 's/^git-commit: .*/git-commit: maybe/' "$S/dailylog.yaml"
	expect_status 65 dl list || return
	expect_grep "$T/err" "git-commit must be one of false, true, not 'maybe'"
}

test_private_files_never_shared() {
	team
	dl add -t 一件 本文 >/dev/null
	dl list >/dev/null
	mkdir -p "$S/drafts" && echo x >"$S/drafts/add-1.yaml"
	synced a
	for f in .index .lock drafts/add-1.yaml; do
		[ -e "$S/$f" ] || fail "$f should exist for this test"
		git -C "$S" ls-files --error-unmatch "$f" >/dev/null 2>&1 &&
		    fail "$f is in git"
	done
	clean "$S"
}

test_two_clones_adds_everywhere() {
	team
	member b 鈴木
	a1=$(dl add -d 2026-11-24 -t "A社訪問" --client A社 本文)
	b1=$(at b add -d 2026-11-25 -t "B商事 打ち合わせ" --client B商事 本文)
	b2=$(at b add -d 2026-11-26 -t "C工業 見学" 本文)
	synced a b a
	dl list --format tsv | cut -f1 >"$T/a.ids"
	at b list --format tsv | cut -f1 >"$T/b.ids"
	expect_eq "$(cat "$T/a.ids" | tr '\n' ' ')" "$a1 $b1 $b2 "
	cmp -s "$T/a.ids" "$T/b.ids" || fail "the clones differ"
	# Authors: 佐藤 from init --git, 鈴木 from git config user.name.
	expect_eq "$(at b show "$a1" >/dev/null; at b export -f jsonl | \
	    python3 -c 'import json,sys; print(" ".join(json.loads(l).get("author","-") for l in sys.stdin))')" \
	    "佐藤 鈴木 鈴木"
	no_markers "$S"
	clean "$T/b"
}

test_title_here_client_there_both_kept() {
	team
	member b 鈴木
	id=$(dl add -d 2026-11-24 -t "A社訪問 更新のご相談" --client A社 --tag 定期 本文)
	synced a b
	at b list >/dev/null		# b's index knows the old version
	EDITOR=$(editor 's/^title: .*/title: A社訪問 更新の合意/') dl edit "$id" 2>/dev/null
	EDITOR=$(editor 's/^client: .*/client: A社 本社/; s/^tags: .*/tags: [定期, 契約]/') \
	    at b edit "$id" 2>/dev/null
	synced a
	expect_status 0 at b sync || return
	expect_grep "$T/err" "merged $id field by field"
	synced a
	for c in store b; do
		expect_eq "$("$DAILYLOG" -C "$T/$c" list --format tsv | cut -f5,6)" \
		    "A社訪問 更新の合意	A社 本社"
	done
	expect_entry "$id" '{"date": "2026-11-24", "title": "A社訪問 更新の合意",
	    "client": "A社 本社", "tags": ["定期", "契約"], "author": "佐藤",
	    "body": "本文\n"}'
	no_markers "$S"
	no_markers "$T/b"
	clean "$T/b"
}

test_same_field_stops_then_resolve_theirs() {
	team
	member b 鈴木
	id=$(dl add -d 2026-11-24 -t "元の題" --client A社 本文)
	synced a b
	EDITOR=$(editor 's/^title: .*/title: 佐藤の題/') dl edit "$id" 2>/dev/null
	EDITOR=$(editor 's/^title: .*/title: 鈴木の題/; s/^client: .*/client: A社 本社/') \
	    at b edit "$id" 2>/dev/null
	synced a
	head=$(git -C "$T/b" rev-parse HEAD)
	cp "$T/b/entries/2026/11/$id.yaml" "$T/before"
	expect_status 65 at b sync || return
	expect_grep "$T/err" "changed here and on the remote (title)"
	expect_grep "$T/err" "dailylog resolve REF --ours"
	# Stopped cleanly: nothing changed, no rebase half done, no marker.
	expect_eq "$(git -C "$T/b" rev-parse HEAD)" "$head"
	cmp -s "$T/b/entries/2026/11/$id.yaml" "$T/before" ||
	    fail "the entry changed when sync stopped"
	clean "$T/b"
	no_markers "$T/b"
	kept=$T/b/.dailylog-conflicts/$id
	expect_grep "$kept/mine.yaml" "title: 鈴木の題"
	expect_grep "$kept/theirs.yaml" "title: 佐藤の題"
	expect_status 65 at b check || return
	expect_grep "$T/err" "an unresolved conflict (title)"
	expect_status 0 at b resolve || return
	expect_eq "$(cat "$T/out")" "$id	title	undecided"
	expect_status 0 at b resolve "$id" --theirs || return
	expect_grep "$T/err" "decided, the remote's version"
	expect_grep "$T/err" "synced with origin"
	synced a
	for c in store b; do
		expect_eq "$("$DAILYLOG" -C "$T/$c" list --format tsv | cut -f5,6)" \
		    "佐藤の題	A社 本社"
		expect_status 0 "$DAILYLOG" -C "$T/$c" check
	done
	[ ! -e "$kept" ] || fail "the conflict is still kept"
	cmp -s "$S/entries/2026/11/$id.yaml" "$T/b/entries/2026/11/$id.yaml" ||
	    fail "the clones did not converge"
	no_markers "$S"
}

test_resolve_ours_and_in_the_editor() {
	team
	member b 鈴木
	id=$(dl add -d 2026-11-24 -t "元の題" 本文)
	synced a b
	EDITOR=$(editor 's/^title: .*/title: 佐藤の題/') dl edit "$id" 2>/dev/null
	EDITOR=$(editor 's/^title: .*/title: 鈴木の題/') at b edit "$id" 2>/dev/null
	synced a
	at b sync 2>/dev/null
	expect_status 0 at b resolve "$id" --ours || return
	synced a
	expect_eq "$(dl list --format tsv | cut -f5)" 鈴木の題
	# Again, decided in the editor, which sees both versions.
	EDITOR=$(editor 's/^title: .*/title: 佐藤の二/') dl edit "$id" 2>/dev/null
	EDITOR=$(editor 's/^title: .*/title: 鈴木の二/') at b edit "$id" 2>/dev/null
	synced a
	at b sync 2>/dev/null
	ed=$(editor_script both.sh <<'EOF'
cp "$1" "$(dirname "$0")/seen"
sed -i 's/^title: .*/title: 二人の題/' "$1"
EOF
)
	EDITOR=$ed expect_status 0 at b resolve "$id" || return
	expect_grep "$T/seen" "title: 鈴木の二"
	expect_grep "$T/seen" "# title: 佐藤の二"
	synced a
	expect_eq "$(dl list --format tsv | cut -f5)" 二人の題
	expect_eq "$(at b list --format tsv | cut -f5)" 二人の題
	expect_status 1 at b resolve "$id" --ours || return
	expect_grep "$T/err" "no conflict kept for '$id'"
}

test_offline_parts_renumbered() {
	team
	member b 鈴木
	for i in $(seq 17); do
		dl add -d 2026-11-01 -s badge -t "第$i回" 本文 >/dev/null
	done
	synced a b
	a18=$(dl add -d 2026-11-24 -s badge -t "佐藤の18" 本文)
	b18=$(at b add -d 2026-11-24 -s badge -t "鈴木の18" 本文)
	synced a
	expect_status 0 at b sync || return
	expect_grep "$T/err" "badge:18 is now badge:19 ($b18;"
	expect_eq "$(subject HEAD "$T/b" | sed 's/renumber .*: //')" \
	    "badge:18 is now badge:19"
	synced a
	for c in store b; do
		"$DAILYLOG" -C "$T/$c" list --series badge --format tsv |
		    cut -f4 | sort -n | uniq -d >"$T/dups"
		expect_empty "$T/dups"
		expect_eq "$("$DAILYLOG" -C "$T/$c" show badge:18 | head -1)" \
		    "【続編18】【badge】佐藤の18"
		expect_eq "$("$DAILYLOG" -C "$T/$c" show badge:19 | head -1)" \
		    "【続編19】【badge】鈴木の18"
		expect_status 0 "$DAILYLOG" -C "$T/$c" check
		expect_no_grep "$T/err" "warning:"
	done
	expect_eq "$a18" "$(id_of store 佐藤の18)"
}

test_remote_removal_and_move_applied() {
	team
	member b 鈴木
	gone=$(dl add -d 2026-11-24 -t 消える 本文)
	moved=$(dl add -d 2026-11-25 -s trip -t 動く 本文)
	kept=$(dl add -d 2026-11-26 -t 残る 本文)
	synced a b
	at b list >/dev/null
	at b show trip:1 >/dev/null
	git -C "$S" rm -q "entries/2026/11/$gone.yaml"
	mkdir -p "$S/entries/2026/12"
	git -C "$S" mv "entries/2026/11/$moved.yaml" "entries/2026/12/$moved.yaml"
	git -C "$S" commit -qm "tidy"
	synced a b
	[ ! -e "$T/b/entries/2026/11/$gone.yaml" ] || fail "the removal was not applied"
	[ -f "$T/b/entries/2026/12/$moved.yaml" ] || fail "the move was not applied"
	expect_eq "$(at b list --format tsv | cut -f1 | tr '\n' ' ')" "$moved $kept "
	expect_eq "$(at b show trip:1 | head -1)" 【trip】動く
}

test_comment_and_approve_while_the_entry_is_edited() {
	team
	member boss 部長
	id=$(dl add -d 2026-11-24 -t "T社 クレーム対応" --client T社 本文)
	other=$(dl add -d 2026-11-25 -t "U社 定期訪問" 本文)
	synced a boss
	EDITOR=$(editor 's/^  本文$/  本文に追記した。/') dl edit "$id" 2>/dev/null
	expect_status 0 at boss comment "$id" "先方への説明は明日、私も同行します。" || return
	expect_grep "$T/err" "commented on $id"
	expect_status 0 at boss approve "$id" || return
	synced a boss a
	for c in store boss; do
		expect_eq "$("$DAILYLOG" -C "$T/$c" list --unapproved --format tsv | cut -f1)" "$other"
		expect_eq "$("$DAILYLOG" -C "$T/$c" list --approved --format tsv | cut -f1)" "$id"
		"$DAILYLOG" -C "$T/$c" show --width 0 "$id" >"$T/show"
		expect_grep "$T/show" "本文に追記した。"
		expect_grep "$T/show" "【コメント】"
		expect_grep "$T/show" "部長"
		expect_grep "$T/show" "  先方への説明は明日、私も同行します。"
		expect_grep "$T/show" "【承認】"
		expect_status 0 "$DAILYLOG" -C "$T/$c" check
	done
	# The comments are never rendered.
	dl render -f markdown >"$T/render" 2>/dev/null
	expect_no_grep "$T/render" "先方への説明"
	no_markers "$S"
}

# git itself, as a user may run it, merges entries with the driver too.
test_plain_git_pull_uses_the_driver() {
	team
	member b 鈴木
	id=$(dl add -d 2026-11-24 -t "元の題" --client A社 本文)
	synced a b
	EDITOR=$(editor 's/^title: .*/title: 佐藤の題/') dl edit "$id" 2>/dev/null
	EDITOR=$(editor 's/^client: .*/client: A社 本社/') at b edit "$id" 2>/dev/null
	synced a
	git -C "$T/b" -c pull.rebase=false pull -q --no-edit >"$T/out" 2>&1 ||
	    fail "git pull failed: $(cat "$T/out")"
	expect_eq "$(at b list --format tsv | cut -f5,6)" "佐藤の題	A社 本社"
	# The same field: git stops, and the file holds no marker.
	EDITOR=$(editor 's/^title: .*/title: 佐藤の二/') dl edit "$id" 2>/dev/null
	EDITOR=$(editor 's/^title: .*/title: 鈴木の二/') at b edit "$id" 2>/dev/null
	synced a
	git -C "$T/b" -c pull.rebase=false pull -q --no-edit >"$T/out" 2>&1 &&
	    fail "git pull merged a title changed on both sides"
	expect_grep "$T/out" "title changed on both sides; this side's kept"
	expect_grep "$T/b/entries/2026/11/$id.yaml" "title: 鈴木の二"
	no_markers "$T/b"
	git -C "$T/b" merge --abort
}

test_sync_refuses_uncommitted_changes() {
	team
	id=$(dl add -t 一件 本文)
	sed -i 's/^title: .*/title: 手で直した/' "$S/entries"/*/*/"$id.yaml"
	expect_status 75 dl sync || return
	expect_grep "$T/err" "has changes that are not committed: entries/"
	expect_grep "$T/err" "commit FILE"
	grep -q "手で直した" "$S/entries"/*/*/"$id.yaml" || fail "the hand edit was lost"
}

test_sync_errors_say_what_to_do() {
	expect_status 66 dl sync || return
	expect_grep "$T/err" "is not a git store: make it one with 'dailylog init --git"
	git init -q "$S"
	git -C "$S" config user.email sato@example.jp
	"$DAILYLOG" init --git --author 佐藤 "$S" 2>/dev/null
	expect_status 66 dl sync || return
	expect_grep "$T/err" "has no remote to sync with: add the team's repository with 'git -C $S remote add origin URL'"
	git -C "$S" remote add origin "$T/nowhere.git"
	expect_status 66 dl sync || return
	expect_grep "$T/err" "cannot fetch from origin"
	expect_grep "$T/err" "check the remote's URL"
	# No git at all: said, and the store is left as it was.
	expect_status 74 env PATH=/nonexistent "$DAILYLOG" -C "$S" sync || return
	expect_grep "$T/err" "git is not installed"
	expect_status 74 env PATH=/nonexistent "$DAILYLOG" -C "$S" add -t 一件 本文 || return
	expect_grep "$T/err" "git is not installed"
	expect_grep "$T/err" "written but not committed"
	expect_eq "$(count_entries)" 1
}

test_push_refused_by_the_remote() {
	team
	printf '#!/bin/sh\necho "月末の締めで受付を止めています" >&2\nexit 1\n' \
	    >"$T/team.git/hooks/pre-receive"
	chmod +x "$T/team.git/hooks/pre-receive"
	id=$(dl add -t 締め前 本文)
	head=$(git -C "$S" rev-parse HEAD)
	expect_status 73 dl sync || return
	expect_grep "$T/err" "origin refused the push: (pre-receive hook declined); 月末の締めで受付を止めています"
	expect_eq "$(git -C "$S" rev-parse HEAD)" "$head"
	expect_eq "$(subject)" "add $id: 締め前"
}

test_push_race_syncs_again() {
	team
	member b 鈴木
	at b add -t 鈴木の一件 本文 >/dev/null
	dl add -t 佐藤の一件 本文 >/dev/null
	# While a pushes, b's sync gets there first: a's push is refused.
	printf '#!/bin/sh\n[ -e "%s/raced" ] && exit 0\n: >"%s/raced"\n"%s" -C "%s/b" sync 2>/dev/null\n' \
	    "$T" "$T" "$DAILYLOG" "$T" >"$S/.git/hooks/pre-push"
	chmod +x "$S/.git/hooks/pre-push"
	expect_status 0 dl sync || return
	expect_grep "$T/err" "moved on while syncing (someone pushed); syncing again"
	synced b
	expect_eq "$(dl list --format tsv | wc -l | tr -d ' ')" 2
	expect_eq "$(at b list --format tsv | wc -l | tr -d ' ')" 2
}

test_clone_errors() {
	git init -q --bare "$T/empty.git"
	expect_status 66 "$DAILYLOG" clone "$T/empty.git" "$T/c1" || return
	expect_grep "$T/err" "is an empty repository: nobody has shared a store there yet"
	[ ! -e "$T/c1" ] || fail "the clone of an empty repository was left"
	git init -q "$T/plain" && echo x >"$T/plain/x" && git -C "$T/plain" add x &&
	    git -C "$T/plain" -c user.name=x -c user.email=x@x commit -qm x
	expect_status 66 "$DAILYLOG" clone "$T/plain" "$T/c2" || return
	expect_grep "$T/err" "is not a dailylog store"
	[ ! -e "$T/c2" ] || fail "the clone of a non-store was left"
	mkdir "$T/full" && echo x >"$T/full/x"
	expect_status 73 "$DAILYLOG" clone "$T/plain" "$T/full" || return
	expect_grep "$T/err" "exists and is not an empty directory"
	expect_status 66 "$DAILYLOG" clone "$T/none.git" "$T/c3" || return
	expect_grep "$T/err" "cannot clone $T/none.git"
	expect_status 64 "$DAILYLOG" clone || return
}

# A server that refuses every request for want of credentials.
refusing_server() {
	python3 - "$T/port" <<'PY' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="team"')
        self.send_header("Content-Length", "0")
        self.end_headers()
    do_POST = do_GET
    def log_message(self, *a): pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1], "w").write(str(s.server_port))
s.serve_forever()
PY
	server=$!
	for i in $(seq 50); do [ -s "$T/port" ] && break; sleep 0.1; done
}

test_authentication_failure() {
	refusing_server
	url=http://127.0.0.1:$(cat "$T/port")/team.git
	expect_status 73 "$DAILYLOG" clone "$url" "$T/c" || { kill $server; return; }
	expect_grep "$T/err" "the remote refused your credentials"
	team
	git -C "$S" remote set-url origin "$url"
	dl add -t 一件 本文 >/dev/null
	head=$(git -C "$S" rev-parse HEAD)
	expect_status 73 dl sync
	expect_grep "$T/err" "cannot fetch from origin"
	expect_grep "$T/err" "refused your credentials"
	expect_eq "$(git -C "$S" rev-parse HEAD)" "$head"
	kill $server
}

test_commit_without_identity() {
	team
	member b 鈴木
	git -C "$T/b" config --unset user.email
	git -C "$T/b" config user.useConfigOnly true
	expect_status 74 at b add -d 2026-11-24 -t 名無し 本文 || return
	id=$(cat "$T/out")
	expect_grep "$T/err" "git does not know who you are"
	expect_grep "$T/err" "written but not committed"
	[ -f "$T/b/entries/2026/11/$id.yaml" ] || fail "the entry was not kept"
	git -C "$T/b" config user.email b@example.jp
	expect_status 0 at b sync || return
	expect_grep "$T/err" "entries/2026/11/$id.yaml: warning: not in git, so not shared"
}

run_tests
