# dailylog report: a week, a month or a range of days, day by day and
# client by client, in text and Markdown.
. "$(dirname "$0")/lib.sh"

add() {
	dl add "$@" >/dev/null 2>"$T/add.err" ||
	    fail "add $* failed: $(cat "$T/add.err")"
}

# Week 48 of 2026 (Monday 23 to Sunday 29 November), and one entry on
# either side of it.
fill_week() {
	add -d 2026-11-22 -t 前の週の日曜 --client T社
	add -d '2026-11-23 10:00' -t O部長を訪問 -s badge -p 16 --client T社 \
	    --result 返却を約束 --next 金曜に電話
	add -d 2026-11-23 -t 社内会議
	add -d '2026-11-23 14:00' -t 新規面談 --client B商事
	add -d '2026-11-24 09:00' -t 確認の電話 --client T社 --next 来週訪問
	add -d 2026-11-30 -t 次の週の月曜 --client T社
}

# The whole report, written out by hand from the entries above: entries
# without a time come first in their day; clients in order of first
# appearance, entries without a client last; the summary counts clients,
# most first.
test_week_text() {
	fill_week
	expect_status 0 dl report --week 2026-W48 --width 0 || return
	cat >"$T/want" <<-'EOF'
	週報 2026-W48（2026-11-23〜2026-11-29）
	4件: T社 2件、B商事 1件、（訪問先なし） 1件

	2026-11-23（月）
	  T社
	    - 10:00 O部長を訪問 [badge:16]
	      結果: 返却を約束
	      次回アクション: 金曜に電話
	  B商事
	    - 14:00 新規面談
	  （訪問先なし）
	    - 社内会議

	2026-11-24（火）
	  T社
	    - 09:00 確認の電話
	      次回アクション: 来週訪問
	EOF
	diff -u "$T/want" "$T/out" >"$T/diff" || fail "report differs: $(cat "$T/diff")"
	expect_empty "$T/err"
}

test_week_markdown() {
	fill_week
	# The week may also follow --week as the next argument.
	expect_status 0 dl report --week 2026-W48 -f markdown || return
	cat >"$T/want" <<-'EOF'
	# 週報 2026-W48（2026-11-23〜2026-11-29）

	4件: T社 2件、B商事 1件、（訪問先なし） 1件

	## 2026-11-23（月）

	### T社

	- 10:00 O部長を訪問 [badge:16]
	  - 結果: 返却を約束
	  - 次回アクション: 金曜に電話

	### B商事

	- 14:00 新規面談

	### （訪問先なし）

	- 社内会議

	## 2026-11-24（火）

	### T社

	- 09:00 確認の電話
	  - 次回アクション: 来週訪問
	EOF
	diff -u "$T/want" "$T/out" >"$T/diff" || fail "report differs: $(cat "$T/diff")"
}

# Entry text that means something in Markdown stays text.
test_markdown_escaped() {
	add -d 2026-11-23 -t '*至急* [要確認] <b>太字</b> `x`' --client '#1 商事' \
	    --result '_下線_ & &amp;'
	expect_status 0 dl report --week=2026-W48 --format markdown || return
	# Only what Markdown would read as markup is escaped: [要確認] and
	# a # that does not begin the heading mean nothing.
	expect_grep "$T/out" '### #1 商事'
	expect_grep "$T/out" '- \*至急\* [要確認] \<b>太字\</b> \`x\`'
	expect_grep "$T/out" '  - 結果: \_下線\_ & &amp;amp;'
	cmark <"$T/out" >"$T/html" || { fail "cmark failed"; return; }
	expect_grep "$T/html" '<h3>#1 商事</h3>'
	expect_grep "$T/html" '*至急* [要確認] &lt;b&gt;太字&lt;/b&gt; `x`'
	expect_grep "$T/html" '_下線_ &amp; &amp;amp;'
	expect_no_grep "$T/html" '<em>'
	expect_no_grep "$T/html" '<code>'
}

# Only what Markdown would take for markup is escaped: a report pasted
# into a chat shows no needless backslashes.
test_markdown_escapes_only_what_needs_it() {
	add -d 2026-11-23 -t '見積(第2版) [badge:3] a_b 1+1=2 50% #3 C:\dir' \
	    --client 'A社 (本社)'
	add -d 2026-11-23 -t '- 箇条書きではない' --result '[x] 済み'
	add -d 2026-11-23 -t '[リンク](http://example.com) &copy; <http://x>' \
	    --client '#'
	add -d 2026-11-23 -t '1. 番号ではない' --result '> 引用ではない'
	expect_status 0 dl report --week=2026-W48 --format markdown || return
	expect_grep "$T/out" '見積(第2版) [badge:3] a_b 1+1=2 50% #3 C:\dir'
	expect_grep "$T/out" '### A社 (本社)'
	expect_grep "$T/out" '- \- 箇条書きではない'
	expect_grep "$T/out" '  - 結果: \[x] 済み'
	expect_grep "$T/out" '[リンク\](http://example.com) &amp;copy; \<http://x>'
	expect_grep "$T/out" '### \#'
	expect_grep "$T/out" '- 1\. 番号ではない'
	# Rendered, it is the text and nothing else.
	cmark <"$T/out" >"$T/html" || { fail "cmark failed"; return; }
	expect_grep "$T/html" '見積(第2版) [badge:3] a_b 1+1=2 50% #3 C:\dir'
	expect_grep "$T/html" '<li>- 箇条書きではない'
	expect_grep "$T/html" '[リンク](http://example.com) &amp;copy; &lt;http://x&gt;'
	expect_grep "$T/html" '<li>1. 番号ではない'
	expect_grep "$T/html" '<h3>#</h3>'
	expect_grep "$T/html" '<li>結果: &gt; 引用ではない</li>'
	expect_no_grep "$T/html" '<a '
	expect_no_grep "$T/html" '<ol'
	expect_no_grep "$T/html" '<blockquote'
}

# 2026 begins on a Thursday, so it has 53 ISO weeks; week 53 runs into
# 2027, and 2027-W01 begins on Monday 4 January.
test_iso_week_year_end() {
	add -d 2026-12-27 -t 第52週の日曜
	add -d 2026-12-28 -t 第53週の月曜
	add -d 2026-12-31 -t 大晦日
	add -d 2027-01-03 -t 第53週の日曜
	add -d 2027-01-04 -t 仕事始め
	expect_status 0 dl report --week 2026-W53 --width 0 || return
	expect_eq "$(head -n 2 "$T/out")" "週報 2026-W53（2026-12-28〜2027-01-03）
3件: （訪問先なし） 3件"
	expect_grep "$T/out" '2026-12-31（木）'
	expect_grep "$T/out" '2027-01-03（日）'
	expect_no_grep "$T/out" 第52週の日曜
	expect_no_grep "$T/out" 仕事始め
	expect_status 0 dl report --week 2027-W01 || return
	expect_eq "$(head -n 1 "$T/out")" "週報 2027-W01（2027-01-04〜2027-01-10）"
	expect_grep "$T/out" '2027-01-04（月）'
	expect_grep "$T/out" 仕事始め
	expect_no_grep "$T/out" 大晦日
	# 2026-W01 begins in 2025 (4 January 2026 is a Sunday).
	expect_status 0 dl report --week 2026-W01 || return
	expect_eq "$(head -n 1 "$T/out")" "週報 2026-W01（2025-12-29〜2026-01-04）"
	# A leap year beginning on a Wednesday has 53 weeks too.
	expect_status 0 dl report --week 2020-W53 || return
	expect_eq "$(head -n 1 "$T/out")" "週報 2020-W53（2020-12-28〜2021-01-03）"
	# 2027 begins on a Friday: 52 weeks.
	expect_status 64 dl report --week 2027-W53 || return
	expect_grep "$T/err" "2027 has no week 53"
	expect_status 64 dl report --week 2026-W00 || return
	expect_status 64 dl report --week 2026-48 || return
	expect_grep "$T/err" "--week takes YYYY-Www"
}

test_default_is_this_week() {
	add -d today -t 今日の訪問 --client T社
	expect_status 0 dl report || return
	expect_grep "$T/out" "週報 $(date +%G-W%V)（"
	expect_grep "$T/out" "$(date +%F)（"
	expect_grep "$T/out" 今日の訪問
	expect_status 0 dl report --week || return
	expect_grep "$T/out" "週報 $(date +%G-W%V)（"
}

test_month() {
	add -d 2028-02-29 -t 閏日
	add -d 2028-03-01 -t 三月
	expect_status 0 dl report --month 2028-02 || return
	expect_eq "$(head -n 2 "$T/out")" "月報 2028-02（2028-02-01〜2028-02-29）
1件: （訪問先なし） 1件"
	expect_grep "$T/out" '2028-02-29（火）'
	expect_no_grep "$T/out" 三月
	expect_status 0 dl report --month=2026-12 || return
	expect_eq "$(head -n 2 "$T/out")" "月報 2026-12（2026-12-01〜2026-12-31）
記録なし"
	expect_status 0 dl report --month || return
	expect_grep "$T/out" "月報 $(date +%Y-%m)（"
	expect_status 64 dl report --month 2026-13 || return
	expect_grep "$T/err" "--month takes YYYY-MM"
}

test_range() {
	fill_week
	expect_status 0 dl report --since 2026-11-24 --until 2026-11-30 || return
	expect_eq "$(head -n 2 "$T/out")" "報告 2026-11-24〜2026-11-30
2件: T社 2件"
	expect_grep "$T/out" 確認の電話
	expect_grep "$T/out" 次の週の月曜
	expect_no_grep "$T/out" 新規面談
	expect_status 64 dl report --until 2026-11-30 || return
	expect_grep "$T/err" "--until needs --since"
	expect_status 64 dl report --since 2026-11-30 --until 2026-11-24 || return
	expect_status 64 dl report --since 2026-11-31 || return
}

test_english_store() {
	"$DAILYLOG" init --lang en "$T/en" >/dev/null 2>&1 || fail "init"
	"$DAILYLOG" -C "$T/en" add -d '2026-11-23 10:00' -t 'Visit Mr O' \
	    --client 'T Corp' --result 'Pass promised' --next 'Call on Friday' \
	    >/dev/null || fail "add"
	"$DAILYLOG" -C "$T/en" add -d 2026-11-25 -t 'Team meeting' >/dev/null ||
	    fail "add"
	expect_status 0 "$DAILYLOG" -C "$T/en" report --week 2026-W48 || return
	cat >"$T/want" <<-'EOF'
	Week 2026-W48 (2026-11-23 to 2026-11-29)
	2 entries: T Corp 1, (no client) 1

	2026-11-23 (Mon)
	  T Corp
	    - 10:00 Visit Mr O
	      Result: Pass promised
	      Next: Call on Friday

	2026-11-25 (Wed)
	  (no client)
	    - Team meeting
	EOF
	diff -u "$T/want" "$T/out" >"$T/diff" || fail "report differs: $(cat "$T/diff")"
}

# Text wraps by display width: Japanese is two columns a character.
test_width() {
	add -d 2026-11-23 -t 'O部長を訪問し、入館証の返却について改めてお願いした。期限は金曜。' \
	    --client T社 --result '返却は金曜の午前中に受付で、とのこと。'
	expect_status 0 dl report --week 2026-W48 --width 30 || return
	w=$(max_width "$T/out")
	[ "$w" -le 30 ] || fail "a line is $w columns wide"
	# Nothing lost: the title is all there, across its lines.
	tr -d ' \n' <"$T/out" | grep -qF 'O部長を訪問し、入館証の返却について改めてお願いした。期限は金曜。' ||
	    fail "the title was cut: $(cat "$T/out")"
	# No line begins with 、 or 。 (kinsoku).
	! grep -qE '^ *[、。]' "$T/out" || fail "a line begins with 、 or 。"
	# Continuation lines keep the item's indentation.
	expect_grep "$T/out" '    - O部長を'
}

test_usage() {
	expect_status 64 dl report --week 2026-W48 --month 2026-11 || return
	expect_grep "$T/err" "give one of --week, --month and --since/--until"
	expect_status 64 dl report -f html || return
	expect_grep "$T/err" "--format takes text or markdown"
	expect_status 64 dl report 2026-W48 || return
	expect_grep "$T/err" "unexpected argument '2026-W48'"
	expect_status 64 dl report --wek || return
	expect_grep "$T/err" "did you mean '--week'"
	expect_status 64 dl report --width x || return
}

# A week that runs past the calendar's last day is refused, not shown
# as ending in year 0000.
test_report_week_past_9999() {
	expect_status 64 dl report --week 9999-W52 || return
	expect_grep "$T/err" "9999-W52 ends after 9999-12-31"
	expect_empty "$T/out"
	expect_status 0 dl report --week 9999-W51
	expect_no_grep "$T/out" "0000"
}

run_tests
