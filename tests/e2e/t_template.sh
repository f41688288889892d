# Entry templates: the three that init installs, add --template (with
# the command line over them, and in the editor), the template setting,
# --no-template, near misses; and a body typed below the editor
# template's last line, stored exactly as typed.
. "$(dirname "$0")/lib.sh"

ROOT=$(cd "$E2E_DIR/../.." && pwd)

# body_of ID: the stored body, as Python's repr.
body_of() {
	dl export -f jsonl | python3 -c 'import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if e["id"] == sys.argv[1]:
        print(repr(e.get("body")))' "$1"
}

# An editor that keeps what it was given, sets the title and appends its
# own lines (from $T/typed) after the last line, as a user typing at the
# end of the file does.
typing_editor() {
	editor_script typing <<EOF
cp "\$1" "$T/buffer"
sed -i 's/^title:.*/title: 追記のテスト/' "\$1"
cat "$T/typed" >>"\$1"
EOF
}

test_init_installs_the_shipped_templates() {
	for name in daily followup complaint; do
		cmp -s "$ROOT/share/templates/$name.yaml" \
		    "$S/templates/$name.yaml" ||
		    fail "init did not install $name.yaml as shipped"
		# The sample store has the same.
		cmp -s "$ROOT/share/templates/$name.yaml" \
		    "$ROOT/samples/store/templates/$name.yaml" ||
		    fail "samples/store/templates/$name.yaml differs from share/"
		expect_eq "$(stat -c %a "$S/templates/$name.yaml")" 600
	done
	expect_eq "$(ls "$ROOT/share/templates" | wc -l | tr -d ' ')" 3
	# init again changes nothing, an edited template included.
	echo '# mine' >>"$S/templates/daily.yaml"
	cp "$S/templates/daily.yaml" "$T/mine"
	"$DAILYLOG" init "$S" >/dev/null 2>&1
	cmp -s "$T/mine" "$S/templates/daily.yaml" || fail "init rewrote a template"
}

test_each_shipped_template_starts_an_entry() {
	for spec in daily:営業日報:目的 followup:スタッフフォロー:本人の声 \
	    complaint:クレーム:再発防止策; do
		name=${spec%%:*} rest=${spec#*:}
		tag=${rest%%:*} heading=${rest#*:}
		printf '  書いた本文\n' >"$T/typed"
		expect_status 0 env EDITOR="$(typing_editor)" "$DAILYLOG" -C "$S" \
		    add -e --template "$name" || continue
		id=$(cat "$T/out")
		# The editor had the skeleton, and the template's tag.
		expect_grep "$T/buffer" "  ## $heading"
		expect_grep "$T/buffer" "tags: [$tag]"
		dl export -f jsonl >"$T/all"
		expect_grep "$T/all" "\"tags\":[\"$tag\"]"
		expect_grep "$T/all" "## $heading"
		expect_grep "$T/all" "書いた本文"
	done
	expect_eq "$(count_entries)" 3
}

test_complaint_template_has_every_heading() {
	for h in 発生日時 経緯 初期対応 原因 再発防止策 担当と期限; do
		expect_grep "$S/templates/complaint.yaml" "## $h"
	done
	for h in 目的 商談内容 所感; do
		expect_grep "$S/templates/daily.yaml" "## $h"
	done
	# 結果 and 次回アクション are the entry's result and next.
	expect_grep "$S/templates/daily.yaml" "結果は result"
	expect_grep "$S/templates/daily.yaml" "次回アクションは next"
}

test_command_line_over_the_template() {
	expect_status 0 dl add --template daily -t 訪問 --client T社 \
	    --tag 至急 本文だけ || return
	id=$(cat "$T/out")
	expect_entry "$id" "{\"date\": \"$(date +%F)\", \"title\": \"訪問\",
	    \"client\": \"T社\", \"tags\": [\"至急\"], \"body\": \"本文だけ\\n\"}"
	# From a pipe: the body replaces the skeleton; the tags stay.
	printf '標準入力の本文\n' >"$T/in"
	expect_status 0 dl add --template followup -t 面談 --staff Kさん \
	    <"$T/in" || return
	id=$(cat "$T/out")
	expect_entry "$id" "{\"date\": \"$(date +%F)\", \"title\": \"面談\",
	    \"staff\": \"Kさん\", \"tags\": [\"スタッフフォロー\"],
	    \"body\": \"標準入力の本文\\n\"}"
}

test_unknown_template_suggests() {
	expect_status 66 dl add --template dialy -t x y || return
	expect_grep "$T/err" "no template 'dialy' (did you mean 'daily'?)"
	expect_status 66 dl add --template zzz -t x y || return
	expect_grep "$T/err" "no template 'zzz'; the templates are complaint, daily, followup"
	rm -r "$S/templates"
	expect_status 66 dl add --template daily -t x y || return
	expect_grep "$T/err" "the store has no templates/"
	expect_status 64 dl add --template ../dailylog -t x y || return
	expect_grep "$T/err" "bad template name '../dailylog'"
	expect_eq "$(count_entries)" 0
}

test_template_setting_and_no_template() {
	printf 'lang: ja\ntemplate: complaint\n' >"$S/dailylog.yaml"
	expect_status 0 dl add -t 一件目 本文 || return
	expect_grep "$(entry_files)" "クレーム"
	expect_status 0 dl add --no-template -t 二件目 本文 || return
	id=$(cat "$T/out")
	expect_entry "$id" "{\"date\": \"$(date +%F)\", \"title\": \"二件目\",
	    \"body\": \"本文\\n\"}"
	# --template wins over the setting.
	expect_status 0 dl add --template daily -t 三件目 本文 || return
	dl export -f jsonl -n 1 --grep 三件目 >"$T/last"
	expect_grep "$T/last" 営業日報
	expect_status 64 dl add --template daily --no-template -t x y || return
	expect_status 64 dl add --template daily -F /dev/null || return
	# A bad name in the settings is the file's error.
	printf 'template: ../x\n' >"$S/dailylog.yaml"
	expect_status 65 dl list || return
	expect_grep "$T/err" "dailylog.yaml:1:11: bad template name '../x'"
}

test_template_gives_no_date_or_part() {
	printf 'date: 2026-11-01\ntitle: 日付入り\n' >"$S/templates/dated.yaml"
	expect_status 65 dl add --template dated x || return
	expect_grep "$T/err" "dated.yaml:1:7: a template gives no date"
	printf 'series: badge\npart: 3\n' >"$S/templates/part.yaml"
	expect_status 65 dl add --template part -t x y || return
	expect_grep "$T/err" "part.yaml:2:7: a template gives no part"
	printf 'title: [\n' >"$S/templates/broken.yaml"
	expect_status 65 dl add --template broken x || return
	expect_eq "$(count_entries)" 0
	# A template for a series: each entry gets the next part.
	printf 'series: weekly\ntitle: 週次ミーティング\n' >"$S/templates/weekly.yaml"
	expect_status 0 dl add --template weekly 一回目 || return
	expect_status 0 dl add --template weekly 二回目 || return
	expect_status 0 dl list -f tsv --series weekly || return
	expect_eq "$(cut -f4 "$T/out" | tr '\n' ' ')" "1 2 "
}

# Text typed below the editor template's last line ("body: |" and its
# empty line) is the body exactly: no blank line before it.
test_body_typed_after_the_templates_last_line() {
	printf '  一行目\n  二行目\n' >"$T/typed"
	expect_status 0 env EDITOR="$(typing_editor)" "$DAILYLOG" -C "$S" \
	    add -e --no-template || return
	id=$(cat "$T/out")
	tail -n 1 "$T/buffer" | grep -qx '  ' ||
	    fail "the template no longer ends in an empty body line: $(tail -n 2 "$T/buffer")"
	expect_eq "$(body_of "$id")" "'一行目\\n二行目\\n'"
	# Below a skeleton's last heading too.
	printf '  田中、金曜まで\n' >"$T/typed"
	expect_status 0 env EDITOR="$(typing_editor)" "$DAILYLOG" -C "$S" \
	    add -e --template complaint || return
	id=$(cat "$T/out")
	body_of "$id" | grep -qF '## 担当と期限\n田中、金曜まで\n' ||
	    fail "body: $(body_of "$id")"
	# A body that begins with blank lines from elsewhere loses them too;
	# its first line keeps its indentation.
	printf '\n  \n    字下げ\n本文\n' >"$T/in"
	expect_status 0 dl add -t 空行 <"$T/in" || return
	expect_eq "$(body_of "$(cat "$T/out")")" "'    字下げ\\n本文\\n'"
}

run_tests
