# dailylog add: options, body sources, -F, parts, errors, the editor.
. "$(dirname "$0")/lib.sh"

# The ID that add printed: stdout must be that one line and nothing else.
added_id() {
	[ "$(wc -l <"$T/out" | tr -d ' ')" = 1 ] ||
	    fail "stdout is not one line: $(head -c 200 "$T/out")"
	id=$(cat "$T/out")
	printf '%s\n' "$id" | grep -qxE '[A-Za-z0-9_-][A-Za-z0-9._-]*' ||
	    fail "'$id' is not an ID"
}

# tsv_col ID N: column N of the entry's line in list --format tsv.
tsv_col() {
	dl list --format tsv | awk -F '\t' -v id="$1" -v n="$2" '$1 == id { print $n }'
}

test_add_all_options() {
	expect_status 0 dl add -d 2026-11-20 -t 'O部長を訪問' -s badge -p 16 \
	    --client T社 --contact O部長 --staff Kさん --tag クレーム \
	    --tag 入館証 --result '返却の約束' --next '電話する' --next '再訪問' \
	    'Kさんの件で' '謝罪した' || return
	added_id
	expect_empty "$T/err"
	f=$S/entries/2026/11/$id.yaml
	[ -f "$f" ] || { fail "no file $f"; return; }
	expect_eq "$(stat -c %a "$f")" 600
	expect_eq "$(count_entries)" 1
	expect_entry "$id" '{"date": "2026-11-20", "title": "O部長を訪問",
	    "series": "badge", "part": 16, "client": "T社", "contact": "O部長",
	    "staff": "Kさん", "tags": ["クレーム", "入館証"],
	    "result": "返却の約束", "next": ["電話する", "再訪問"],
	    "body": "Kさんの件で 謝罪した\n"}'
	# Nothing but the entry in its directory: the temporary file is gone.
	expect_eq "$(ls -A "$S/entries/2026/11")" "$id.yaml"
}

test_add_long_options_and_time() {
	expect_status 0 dl add --date '2026-11-20 09:30' --title 朝礼 \
	    --series morning --part 2 本文 || return
	added_id
	expect_entry "$id" '{"date": "2026-11-20 09:30", "title": "朝礼",
	    "series": "morning", "part": 2, "body": "本文\n"}'
	expect_status 0 dl add -d 2026-11-21T17:05 -t 夕方 x || return
	added_id
	expect_entry "$id" '{"date": "2026-11-21 17:05", "title": "夕方",
	    "body": "x\n"}'
}

test_add_today_and_yesterday() {
	before=$(date +%F)
	expect_status 0 dl add -d today -t 今日 x || return
	added_id
	got=$(tsv_col "$id" 2)
	after=$(date +%F)
	[ "$got" = "$before" ] || [ "$got" = "$after" ] ||
	    fail "today gave $got, not $before"
	# Without -d the date is today too.
	expect_status 0 dl add -t 既定 x || return
	added_id
	got=$(tsv_col "$id" 2)
	after=$(date +%F)
	[ "$got" = "$before" ] || [ "$got" = "$after" ] ||
	    fail "the default date is $got, not $before"
	expect_status 0 dl add -d yesterday -t 昨日 x || return
	added_id
	got=$(tsv_col "$id" 2)
	y1=$(date -d "$before -1 day" +%F)
	y2=$(date -d "$(date +%F) -1 day" +%F)
	[ "$got" = "$y1" ] || [ "$got" = "$y2" ] ||
	    fail "yesterday gave $got, not $y1"
}

test_add_body_from_stdin() {
	printf '一段落目。\n\n## 対応経緯\n- 電話した\n\n\n' >"$T/body"
	expect_status 0 dl add -d 2026-11-20 -t 標準入力 <"$T/body" || return
	added_id
	# Trailing blank lines go; the body ends in exactly one newline.
	expect_entry "$id" '{"date": "2026-11-20", "title": "標準入力",
	    "body": "一段落目。\n\n## 対応経緯\n- 電話した\n"}'
	printf '%s\n' 'パイプから' | dl add -d 2026-11-21 -t パイプ >"$T/out" ||
	    fail "add from a pipe failed"
	added_id
	expect_entry "$id" '{"date": "2026-11-21", "title": "パイプ",
	    "body": "パイプから\n"}'
}

test_add_arguments_win_over_stdin() {
	# (expect_status reads a file: in a pipeline it would run in a subshell.)
	echo 'パイプの本文' >"$T/in"
	expect_status 0 dl add -d 2026-11-20 -t 引数 引数の本文 <"$T/in" || return
	added_id
	expect_entry "$id" '{"date": "2026-11-20", "title": "引数",
	    "body": "引数の本文\n"}'
}

test_add_empty_body_is_left_out() {
	expect_status 0 dl add -d 2026-11-20 -t 本文なし || return
	added_id
	expect_entry "$id" '{"date": "2026-11-20", "title": "本文なし"}'
	expect_no_grep "$S/entries/2026/11/$id.yaml" "body"
}

test_add_from_file() {
	cat >"$T/e.yaml" <<'YAML'
date: 2026-11-19
title: ファイルから
client: T社
tags: [入館証]
x-memo: 手書きのメモ
body: |
  ## O部長を訪問
  返却をお願いした。
YAML
	expect_status 0 dl add -F "$T/e.yaml" || return
	added_id
	expect_entry "$id" '{"date": "2026-11-19", "title": "ファイルから",
	    "client": "T社", "tags": ["入館証"],
	    "body": "## O部長を訪問\n返却をお願いした。\n",
	    "x-memo": "手書きのメモ"}'
	# x- keys are kept in the stored file.
	expect_grep "$S/entries/2026/11/$id.yaml" "x-memo: 手書きのメモ"
	expect_status 0 dl add --file "$T/e.yaml" || return
	added_id
	expect_eq "$(count_entries)" 2
}

test_add_from_stdin_yaml() {
	printf 'date: 2026-11-18\ntitle: 標準入力のYAML\nstaff: Kさん\n' >"$T/in"
	expect_status 0 dl add -F - <"$T/in" || return
	added_id
	expect_entry "$id" '{"date": "2026-11-18", "title": "標準入力のYAML",
	    "staff": "Kさん"}'
}

test_add_options_override_file() {
	cat >"$T/e.yaml" <<'YAML'
date: 2026-11-19
title: 元の件名
client: T社
tags: [古い]
body: 元の本文
YAML
	expect_status 0 dl add -F "$T/e.yaml" -d 2026-12-01 -t 新しい件名 \
	    --tag 新 --contact O部長 上書きした本文 || return
	added_id
	[ -f "$S/entries/2026/12/$id.yaml" ] || fail "not filed under the new date"
	expect_entry "$id" '{"date": "2026-12-01", "title": "新しい件名",
	    "client": "T社", "contact": "O部長", "tags": ["新"],
	    "body": "上書きした本文\n"}'
}

test_add_options_complete_a_partial_file() {
	printf 'date: 2026-11-19\nclient: T社\n' >"$T/p.yaml"
	expect_status 0 dl add -F "$T/p.yaml" -t 補った件名 || return
	added_id
	expect_entry "$id" '{"date": "2026-11-19", "title": "補った件名",
	    "client": "T社"}'
	expect_status 65 dl add -F "$T/p.yaml" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "missing required key 'title'"
	expect_eq "$(count_entries)" 1
}

test_add_auto_parts() {
	for i in 1 2 3; do
		dl add -d 2026-11-0$i -s badge -t "第$i報" x >/dev/null ||
		    fail "add part $i failed"
	done
	expect_status 0 dl add -d 2026-11-10 -s badge -p 10 -t 飛んだ番号 x ||
	    return
	expect_status 0 dl add -d 2026-11-11 -s badge -t 次 x || return
	added_id
	# Another series counts on its own.
	dl add -d 2026-11-11 -s other -t 別 x >/dev/null || fail "add other failed"
	dl list --format tsv >"$T/tsv"
	expect_eq "$(awk -F '\t' '$3 == "badge" { printf "%s ", $4 }' "$T/tsv")" \
	    "1 2 3 10 11 "
	expect_eq "$(awk -F '\t' -v id="$id" '$1 == id { print $4 }' "$T/tsv")" 11
	expect_eq "$(awk -F '\t' '$3 == "other" { print $4 }' "$T/tsv")" 1
}

test_add_taken_part() {
	dl add -d 2026-11-01 -s badge -t 一 x >"$T/first" || fail "first add failed"
	first=$(cat "$T/first")
	expect_status 73 dl add -d 2026-11-02 -s badge -p 1 -t 重複 x || return
	expect_empty "$T/out"
	expect_grep "$T/err" "part 1 of series 'badge' is taken by $first"
	expect_eq "$(count_entries)" 1
	# The same part through -F is refused the same way.
	printf 'date: 2026-11-02\ntitle: 重複\nseries: badge\npart: 1\n' >"$T/d.yaml"
	expect_status 73 dl add -F "$T/d.yaml" || return
	expect_eq "$(count_entries)" 1
}

test_add_bad_date() {
	for d in 2026-13-01 2026-02-30 2026/11/20 tmrw '2026-11-20 25:00' ''; do
		expect_status 64 dl add -d "$d" -t 日付 x || continue
		expect_empty "$T/out"
		expect_grep "$T/err" "bad date '$d'"
		# The refusal lists every form accepted.
		expect_grep "$T/err" "YYYY-MM-DD, YYYYMMDD, MM-DD, M/D, today, yesterday, tomorrow, -N (N days ago) or a weekday (mon to sun, 月 to 日), each optionally followed by HH:MM; or HH:MM alone"
	done
	# 2028 is a leap year.
	expect_status 0 dl add -d 2028-02-29 -t 閏日 x
	expect_eq "$(count_entries)" 1
}

test_add_bad_part_and_series() {
	expect_status 64 dl add -s badge -p 0 -t x x || return
	expect_grep "$T/err" "bad part '0'"
	expect_status 64 dl add -s badge -p 2x -t x x || return
	expect_grep "$T/err" "bad part '2x'"
	expect_status 64 dl add -s ../up -t x x || return
	expect_grep "$T/err" "bad series '../up'"
	expect_status 64 dl add -s Badge -t x x || return
	expect_eq "$(count_entries)" 0
}

test_add_part_without_series() {
	expect_status 65 dl add -d 2026-11-20 -p 3 -t 番号だけ x || return
	expect_grep "$T/err" "part without series"
	expect_eq "$(count_entries)" 0
}

test_add_unknown_option() {
	expect_status 64 dl add --tga クレーム -t x x || return
	expect_empty "$T/out"
	expect_grep "$T/err" "unknown option '--tga' (did you mean '--tag'?)"
	expect_grep "$T/err" "usage: dailylog add"
	expect_status 64 dl add -z -t x x || return
	expect_grep "$T/err" "unknown option '-z'"
	expect_status 64 dl add -t || return
	expect_grep "$T/err" "needs a value"
	expect_eq "$(count_entries)" 0
}

test_add_no_title() {
	expect_status 64 dl add -d 2026-11-20 本文だけ || return
	expect_grep "$T/err" "title is required"
	expect_status 65 dl add -d 2026-11-20 -t '' 空の件名 || return
	expect_grep "$T/err" "title is empty"
	expect_eq "$(count_entries)" 0
}

test_add_invalid_file_yaml() {
	printf 'date: 2026-11-20\ntitle: 訪問\ntitel: 綴り違い\n' >"$T/typo.yaml"
	expect_status 65 dl add -F "$T/typo.yaml" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "dailylog: $T/typo.yaml:3:1: unknown key 'titel' (did you mean 'title'?)"
	# The value of part is on line 4, after "part: ".
	printf 'date: 2026-11-20\ntitle: 訪問\nseries: badge\npart: 二\n' >"$T/part.yaml"
	expect_status 65 dl add -F "$T/part.yaml" || return
	expect_grep "$T/err" "dailylog: $T/part.yaml:4:7: part must be"
	printf 'date: 2026-11-20\ntitle: a\ntitle: b\n' >"$T/dup.yaml"
	expect_status 65 dl add -F "$T/dup.yaml" || return
	expect_grep "$T/err" "$T/dup.yaml:3:1: duplicate key 'title' (first at line 2)"
	# A syntax error is where libyaml finds it, but always FILE:LINE:COLUMN.
	printf 'date: 2026-11-20\ntitle: 訪問\ntags: [a, b\nbody: x\n' >"$T/syn.yaml"
	expect_status 65 dl add -F "$T/syn.yaml" || return
	grep -qE "^dailylog: $T/syn.yaml:[3-5]:[0-9]+: invalid YAML" "$T/err" ||
	    fail "no position for a syntax error: $(cat "$T/err")"
	# Column 8 of line 2: "title: " is seven characters.
	printf 'date: 2026-11-20\ntitle: &a x\n' >"$T/in"
	expect_status 65 dl add -F - <"$T/in" || return
	expect_grep "$T/err" "dailylog: <stdin>:2:8: anchors (&a) are not allowed"
	expect_eq "$(count_entries)" 0
}

test_add_loader_defences() {
	printf '\377\376d\000a\000' >"$T/utf16.yaml"
	expect_status 65 dl add -F "$T/utf16.yaml" || return
	expect_grep "$T/err" "utf16.yaml:1:1: the file is UTF-16"
	printf 'date: 2026-11-20\ntitle: \343\201\n' >"$T/cut.yaml"
	expect_status 65 dl add -F "$T/cut.yaml" || return
	# The cut character begins in column 8.
	expect_grep "$T/err" "cut.yaml:2:8: invalid UTF-8 byte 0xE3"
	printf 'date: 2026-11-20\ntitle: a\nx-deep: [[[[[[[[[[1]]]]]]]]]]\n' >"$T/deep.yaml"
	expect_status 65 dl add -F "$T/deep.yaml" || return
	# The mapping is level 1; the brackets from column 9 on are levels
	# 2, 3, ...: the one in column 16 is level 9, one too many.
	expect_grep "$T/err" "deep.yaml:3:16: nested deeper than 8 levels"
	{ printf 'date: 2026-11-20\ntitle: a\nbody: |\n'
	  yes '  長い本文の行です。' | head -n 40000; } >"$T/big.yaml"
	expect_status 65 dl add -F "$T/big.yaml" || return
	expect_grep "$T/err" "larger than the limit"
	expect_eq "$(count_entries)" 0
}

# -F names an input, not a file of the store: a symbolic link, a pipe
# (the shell's <(...)), a FIFO and /dev/stdin are read like a file.
test_add_file_link_pipe_fifo_stdin() {
	printf 'date: 2026-11-12\ntitle: リンク先\n' >"$T/real.yaml"
	ln -s "$T/real.yaml" "$T/link.yaml"
	expect_status 0 dl add -F "$T/link.yaml" || return
	added_id
	expect_entry "$id" '{"date": "2026-11-12", "title": "リンク先"}'
	expect_status 0 dl add -F <(printf 'date: 2026-11-13\ntitle: パイプ\n') ||
	    return
	added_id
	expect_entry "$id" '{"date": "2026-11-13", "title": "パイプ"}'
	mkfifo "$T/fifo"
	# The writer opens the FIFO after add does: add waits for it.
	( sleep 0.2; printf 'date: 2026-11-14\ntitle: 名前付きパイプ\n' \
	    >"$T/fifo" ) &
	expect_status 0 dl add -F "$T/fifo" || return
	wait
	added_id
	expect_entry "$id" '{"date": "2026-11-14", "title": "名前付きパイプ"}'
	printf 'date: 2026-11-15\ntitle: 標準入力\n' >"$T/in"
	expect_status 0 dl add -F /dev/stdin <"$T/in" || return
	added_id
	expect_entry "$id" '{"date": "2026-11-15", "title": "標準入力"}'
	expect_status 66 dl add -F "$T" || return
	expect_grep "$T/err" "$T: a directory, not a file"
	expect_eq "$(count_entries)" 4
}

# A file under 1 MiB that grows past it as dailylog writes it (a flow
# list of short items becomes one item a line): refused, nothing stored,
# so no entry the loader would then refuse is ever in the store.
test_add_file_rewrite_over_limit() {
	python3 -c '
import sys
items = ",".join(["電"] * 200000)
sys.stdout.write("date: 2026-11-07\ntitle: 増える\nnext: [" + items + "]\n")' \
	    >"$T/grow.yaml"
	[ "$(wc -c <"$T/grow.yaml")" -lt 1048576 ] || { fail "input too big"; return; }
	expect_status 65 dl add -F "$T/grow.yaml" || return
	expect_grep "$T/err" "the entry would be 1172 KiB as dailylog writes it, over the limit of 1024 KiB"
	expect_grep "$T/err" "nothing was written"
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 0
	expect_status 0 dl list || return
}

# What the loader refuses is refused as an argument, before any write.
test_add_empty_tag_or_next() {
	expect_status 64 dl add -t 空のタグ --tag '' x || return
	expect_grep "$T/err" "add: --tag needs a value that is not empty"
	expect_status 64 dl add -t 空の次 --next '' x || return
	expect_grep "$T/err" "add: --next needs a value that is not empty"
	expect_eq "$(count_entries)" 0
	# Words the loader would read as null are kept as text.
	expect_status 0 dl add -t 言葉 --tag '~' --tag null --next false x || return
	added_id
	expect_entry "$id" "{\"date\": \"$(date +%F)\", \"title\": \"言葉\",
	    \"tags\": [\"~\", \"null\"], \"next\": [\"false\"], \"body\": \"x\\n\"}"
}

# Numbering stops at the highest part rather than write one the loader
# refuses; the series can still be given other parts by hand.
test_add_no_part_past_the_highest() {
	expect_status 0 dl add -s full -p 999999 -t 最後 x || return
	expect_status 73 dl add -s full -t その次 y || return
	expect_grep "$T/err" "series 'full' has no part left after 999999"
	expect_eq "$(count_entries)" 1
	expect_status 0 dl add -s full -p 5 -t 空いている番号 z || return
	expect_status 0 dl list --series full || return
}

test_add_missing_file() {
	expect_status 66 dl add -F "$T/nonexistent.yaml" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "$T/nonexistent.yaml"
	expect_eq "$(count_entries)" 0
}

test_add_control_characters_refused() {
	expect_status 65 dl add -d 2026-11-20 -t "$(printf 'a\033[31mb')" x || return
	expect_grep "$T/err" "control character U+001B"
	# The message itself carries no raw escape.
	! grep -q "$(printf '\033')" "$T/err" || fail "raw ESC on stderr"
	expect_eq "$(count_entries)" 0
}

# --- the editor ---

VALID_ENTRY='date: 2026-11-21
title: エディタで書いた
client: T社
body: |
  O部長に電話した。'

test_add_editor_valid() {
	printf '%s\n' "$VALID_ENTRY" >"$T/valid.yaml"
	# The editor gets the template: it must already hold a title line.
	ed=$(editor_script ed <<-END
	grep -q '^title:' "\$1" || exit 9
	cp "$T/valid.yaml" "\$1"
	END
	)
	expect_status 0 env EDITOR="$ed" "$DAILYLOG" -C "$S" add --edit || return
	added_id
	expect_entry "$id" '{"date": "2026-11-21", "title": "エディタで書いた",
	    "client": "T社", "body": "O部長に電話した。\n"}'
	[ -z "$(ls -A "$S/drafts" 2>/dev/null)" ] || fail "the draft was not removed"
}

test_add_editor_template_has_options() {
	# The template carries what the command line gave; the editor adds a body.
	ed=$(editor_script ed <<-'END'
	sed -i 's/^  $/  追記した本文/' "$1"
	END
	)
	expect_status 0 env VISUAL="$ed" EDITOR=false "$DAILYLOG" -C "$S" add \
	    --edit -d 2026-11-22 -t 下書き --client T社 --tag 入館証 || return
	added_id
	expect_entry "$id" '{"date": "2026-11-22", "title": "下書き",
	    "client": "T社", "tags": ["入館証"], "body": "追記した本文\n"}'
}

test_add_editor_on_a_terminal() {
	# With stdin a terminal and no body, add opens the editor by itself.
	printf '%s\n' "$VALID_ENTRY" >"$T/valid.yaml"
	ed=$(editor_script ed <<-END
	cp "$T/valid.yaml" "\$1"
	END
	)
	EDITOR=$ed on_tty "$DAILYLOG" -C "$S" add
	[ $? = 0 ] || fail "add on a terminal failed: $(cat "$T/tty")"
	expect_eq "$(count_entries)" 1
	id=$(cat "$T/tty")
	[ -f "$S/entries/2026/11/$id.yaml" ] ||
	    fail "the terminal did not get the ID alone: $id"
}

test_add_editor_invalid_then_resume() {
	ed=$(editor_script bad <<-'END'
	printf 'date: 2026-11-21\ntitel: 綴り違い\nbody: 下書きの本文\n' >"$1"
	END
	)
	expect_status 65 env EDITOR="$ed" "$DAILYLOG" -C "$S" add --edit || return
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 0
	draft=$(sed -n "s/.*the draft is kept in \(.*\); fix it with 'dailylog add --resume'.*/\1/p" "$T/err")
	[ -n "$draft" ] || { fail "no draft path in: $(cat "$T/err")"; return; }
	expect_grep "$T/err" "dailylog: $draft:2:1: unknown key 'titel' (did you mean 'title'?)"
	[ -f "$draft" ] || { fail "draft $draft not kept"; return; }
	expect_grep "$draft" "下書きの本文"
	fix=$(editor_script fix <<-'END'
	sed -i 's/^titel:/title:/' "$1"
	END
	)
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" add --resume || return
	added_id
	expect_grep "$T/err" "resuming the draft $draft"
	expect_entry "$id" '{"date": "2026-11-21", "title": "綴り違い",
	    "body": "下書きの本文\n"}'
	[ ! -e "$draft" ] || fail "the draft stayed after it was stored"
	expect_status 1 dl add --resume || return
	expect_grep "$T/err" "no draft to resume"
}

test_add_editor_unchanged_template() {
	expect_status 65 env EDITOR=true "$DAILYLOG" -C "$S" add --edit \
	    -t そのまま || return
	expect_empty "$T/out"
	expect_grep "$T/err" "template was left unchanged"
	expect_eq "$(count_entries)" 0
	[ -z "$(ls -A "$S/drafts" 2>/dev/null)" ] || fail "an unchanged draft was kept"
}

test_add_editor_fails() {
	ed=$(editor_script ed <<-'END'
	printf 'date: 2026-11-21\ntitle: 途中\n' >"$1"
	exit 3
	END
	)
	expect_status 74 env EDITOR="$ed" "$DAILYLOG" -C "$S" add --edit || return
	expect_empty "$T/out"
	expect_grep "$T/err" "exited with status 3"
	expect_grep "$T/err" "the draft is kept in $S/drafts/add-"
	expect_eq "$(count_entries)" 0
}

# What the command line gives reaches the entry through the template
# as it was given, whatever YAML makes of '#', '[', ': ', '@', quotes.
test_add_editor_template_keeps_values() {
	body=$(editor_script body <<-'END'
	sed -i 's/^  $/  本文を書いた/' "$1"
	END
	)
	expect_status 0 env EDITOR="$body" "$DAILYLOG" -C "$S" add -e \
	    -d 2026-11-23 -t '案件 #12 の件' --contact '田中 #2' \
	    --client 'A社: 本社' --staff '@Kさん' --tag '[至急]' --tag 'a, b' \
	    --result '"引用" の件' --next ' 前後に空白 ' --next '100% `確認`' ||
	    return
	added_id
	expect_entry "$id" '{"date": "2026-11-23", "title": "案件 #12 の件",
	    "client": "A社: 本社", "contact": "田中 #2", "staff": "@Kさん",
	    "tags": ["[至急]", "a, b"], "result": "\"引用\" の件",
	    "next": [" 前後に空白 ", "100% `確認`"], "body": "本文を書いた\n"}'
	for t in '[至急] 入館証' '"引用" の件' "{'a': 1}"; do
		expect_status 0 env EDITOR="$body" "$DAILYLOG" -C "$S" add -e \
		    -d 2026-11-23 -t "$t" --client '@T社' || return
		added_id
		expect_entry "$id" "$(python3 -c 'import json, sys
print(json.dumps({"date": "2026-11-23", "title": sys.argv[1],
    "client": "@T社", "body": "本文を書いた\n"}))' "$t")"
	done
}

# A body from a pipe or a file, and the editor on the terminal for the
# rest; without a terminal, a clear error and nothing left behind.
test_add_editor_piped_body_without_terminal() {
	printf '電話で確認した。\n' >"$T/body.txt"
	ed=$(editor_script ed <<-END
	: >"$T/editor-ran"
	END
	)
	expect_status 66 env EDITOR="$ed" setsid -w "$DAILYLOG" -C "$S" add -e \
	    -t 題 <"$T/body.txt" || return
	expect_grep "$T/err" "the editor needs a terminal: the standard input was read for the body, and there is no terminal to give it instead (/dev/tty: "
	expect_empty "$T/out"
	[ ! -e "$T/editor-ran" ] || fail "the editor ran without a terminal"
	expect_eq "$(count_entries)" 0
	[ -z "$(ls -A "$S/drafts" 2>/dev/null)" ] || fail "a draft was left"
}

test_add_editor_piped_body_on_a_terminal() {
	ed=$(editor_script ed <<-END
	# The editor has the terminal, for its input and its output.
	[ -t 0 ] && [ -t 1 ] || exit 9
	tty >"$T/editor-tty"
	grep -q '^  パイプから来た本文。$' "\$1" || exit 8
	sed -i 's/^title:.*/title: 端末で書いた/' "\$1"
	END
	)
	# As in  id=$(printf ... | dailylog add -e)  at a shell prompt.
	EDITOR=$ed python3 - "$T/id" "$DAILYLOG" -C "$S" add -e >"$T/out" \
	    2>"$T/err" <<-'PY'
	import os, pty, sys
	out = sys.argv[1]
	pid, fd = pty.fork()
	if pid == 0:
	    r, w = os.pipe()
	    os.write(w, "パイプから来た本文。\n".encode())
	    os.close(w)
	    os.dup2(r, 0)
	    o = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
	    os.dup2(o, 1)
	    os.execv(sys.argv[2], sys.argv[2:])
	seen = b""
	while True:
	    try:
	        data = os.read(fd, 4096)
	    except OSError:
	        break
	    if not data:
	        break
	    seen += data
	_, status = os.waitpid(pid, 0)
	sys.stderr.buffer.write(seen)
	sys.exit(os.waitstatus_to_exitcode(status))
	PY
	[ $? = 0 ] || { fail "add -e from a pipe failed: $(cat "$T/err")"; return; }
	grep -q '^/dev/' "$T/editor-tty" || fail "the editor had no terminal"
	cp "$T/id" "$T/out"
	added_id
	expect_entry "$id" "{\"date\": \"$(date +%F)\", \"title\": \"端末で書いた\",
	    \"body\": \"パイプから来た本文。\\n\"}"
}

# ^C at the terminal is the editor's (vi ignores it): dailylog does not
# die of it and leave the work behind.
test_add_editor_interrupt_goes_to_editor() {
	ed=$(editor_script ed <<-'END'
	trap '' INT
	echo ready
	read answer
	sed -i "s/^  \$/  $answer/" "$1"
	END
	)
	EDITOR=$ed python3 - "$DAILYLOG" -C "$S" add -t 割り込み >"$T/out" \
	    2>"$T/err" <<-'PY'
	import os, pty, sys
	pid, fd = pty.fork()
	if pid == 0:
	    os.execv(sys.argv[1], sys.argv[1:])
	seen = b""
	while b"ready" not in seen:
	    seen += os.read(fd, 4096)
	os.write(fd, b"\x03")
	os.write(fd, "続けた\n".encode())
	while True:
	    try:
	        data = os.read(fd, 4096)
	    except OSError:
	        break
	    if not data:
	        break
	    seen += data
	_, status = os.waitpid(pid, 0)
	sys.stdout.buffer.write(seen)
	sys.exit(os.waitstatus_to_exitcode(status))
	PY
	[ $? = 0 ] || { fail "add died of ^C: $(cat "$T/out" "$T/err")"; return; }
	expect_eq "$(count_entries)" 1
	expect_grep "$(entry_files)" "続けた"
}

# --resume: quitting the editor without saving stores nothing and keeps
# the draft, as a first add left unchanged stores nothing.
test_add_resume_left_as_it_was() {
	ed=$(editor_script ed <<-'END'
	printf 'date: 2026-11-21\ntitle: 書きかけ\nbody: 途中\n' >"$1"
	exit 3
	END
	)
	expect_status 74 env EDITOR="$ed" "$DAILYLOG" -C "$S" add -e || return
	draft=$(ls "$S"/drafts/add-*.yaml)
	cp "$draft" "$T/draft"
	expect_status 65 env EDITOR=true "$DAILYLOG" -C "$S" add --resume || return
	expect_grep "$T/err" "nothing written: the draft was left as it was; it is kept in $draft"
	expect_empty "$T/out"
	expect_eq "$(count_entries)" 0
	cmp -s "$draft" "$T/draft" || fail "the draft changed"
	# Saved as it is: stored.
	expect_status 0 env EDITOR=touch "$DAILYLOG" -C "$S" add --resume || return
	added_id
	expect_entry "$id" '{"date": "2026-11-21", "title": "書きかけ",
	    "body": "途中\n"}'
	[ ! -e "$draft" ] || fail "the stored draft stayed"
}

# Several drafts: listed, and resumed by name, the others left alone.
test_add_several_drafts_by_name() {
	for t in 一つ目 二つ目; do
		ed=$(editor_script ed <<-END
		printf 'date: 2026-11-21\\ntitel: $t\\n' >"\$1"
		END
		)
		expect_status 65 env EDITOR="$ed" "$DAILYLOG" -C "$S" add -e || return
	done
	expect_status 0 dl add --drafts || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 2
	first=$(awk -F'\t' 'NR == 2 { print $1 }' "$T/out")	# the older one
	fix=$(editor_script fix <<-'END'
	sed -i 's/^titel:/title:/' "$1"
	END
	)
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" add \
	    --resume="$first" || return
	added_id
	expect_entry "$id" '{"date": "2026-11-21", "title": "一つ目"}'
	expect_status 0 dl add --drafts || return
	expect_eq "$(wc -l <"$T/out" | tr -d ' ')" 1
	[ "$(cut -f1 "$T/out")" != "$first" ] || fail "the resumed draft is listed"
	# The rest: NAME.yaml works too; a bad or unknown name is refused.
	other=$(cut -f1 "$T/out")
	expect_status 64 dl add --resume=../x || return
	expect_grep "$T/err" "bad draft name '../x'"
	expect_status 1 dl add --resume=add-1-2 || return
	expect_grep "$T/err" "no draft of add named 'add-1-2'"
	expect_status 0 env EDITOR="$fix" "$DAILYLOG" -C "$S" add \
	    --resume="$other.yaml" || return
	expect_eq "$(count_entries)" 2
}

# A draft open in another dailylog is not resumed under it.
test_add_resume_skips_open_draft() {
	mkfifo "$T/go"
	ed=$(editor_script hold <<-END
	printf 'date: 2026-11-21\\ntitle: 開いている\\n' >"\$1"
	: >"$T/opened"
	read x <"$T/go"
	END
	)
	env EDITOR="$ed" "$DAILYLOG" -C "$S" add -e >"$T/out1" 2>"$T/err1" &
	holder=$!
	i=0
	while [ ! -e "$T/opened" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
	expect_status 75 env EDITOR=false "$DAILYLOG" -C "$S" add --resume
	expect_grep "$T/err" "every draft is open in another dailylog (process $holder); finish there first"
	name=$(cd "$S/drafts" && ls add-*.yaml | sed 's/\.yaml$//')
	expect_status 75 env EDITOR=false "$DAILYLOG" -C "$S" add --resume="$name"
	expect_grep "$T/err" "is open in another dailylog (process $holder)"
	echo go >"$T/go"
	wait "$holder"
	expect_eq "$?" 0
	expect_eq "$(count_entries)" 1
}

test_add_resume_refuses_other_input() {
	expect_status 64 dl add --resume 本文 || return
	expect_grep "$T/err" "--resume takes no other input"
	expect_status 64 dl add --resume -F "$T/x.yaml" || return
	expect_grep "$T/err" "--resume takes no other input"
}

# A lock timeout that is not a number is a warning, not "do not wait".
test_add_bad_lock_timeout() {
	DAILYLOG_LOCK_TIMEOUT=abc expect_status 0 dl add -t 題 本文
	expect_grep "$T/err" "DAILYLOG_LOCK_TIMEOUT: warning: not a number of seconds: 'abc'"
}

# --resume takes the draft's fields, never others beside it.
test_add_resume_refuses_fields() {
	expect_status 64 dl add --resume -t 別の題
	expect_grep "$T/err" "--resume takes no other input"
	expect_status 64 dl add --resume --client A社
	expect_eq "$(find "$S/entries" -name '*.yaml' | wc -l | tr -d ' ')" 0
}

# -p takes a part as a file writes it: no space, sign or leading zero.
test_add_part_forms() {
	for p in ' 5' '+6' '016' '0' '-3' '1000000' '5 ' '0x10'; do
		expect_status 64 dl add -s badge -p "$p" -t 題 本文 || continue
		expect_grep "$T/err" "bad part '$p'"
	done
	expect_eq "$(count_entries)" 0
	expect_status 0 dl add -s badge -p 16 -t 題 本文
}

run_tests
