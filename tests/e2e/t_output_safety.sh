# Output safety: entry text cannot carry terminal controls (the loader
# refuses them, with a position), hostile file names, store paths and
# arguments never reach a terminal raw, and every render format escapes
# entry text so that it cannot make links, headings, tags or nodes.
. "$(dirname "$0")/lib.sh"

ESC=$(printf '\033')
C1=$(printf '\302\233')		# U+009B, the one-byte CSI
RLO=$(printf '\342\200\256')	# U+202E
LRI=$(printf '\342\201\246')	# U+2066

# no_raw WHAT FILE...: none of the files holds a C0 control other than tab
# and newline, DEL, a C1 control in UTF-8, or (unless NO_RAW_BIDI=0) a
# bidirectional override or isolate (U+202A-U+202E, U+2066-U+2069).
no_raw() {
	what=$1; shift
	pat='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]'
	[ "${NO_RAW_BIDI:-1}" = 0 ] ||
	    pat="$pat"'|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
	if LC_ALL=C grep -qaP -- "$pat" "$@"; then
		fail "$what: raw control reaches output: $(LC_ALL=C grep -aoP -- \
		    ".{0,20}($pat).{0,20}" "$@" | head -n 3 | od -c | head -n 6)"
	fi
}

# run CMD...: dailylog with output in $T/out and $T/err; sets rc.
run() {
	"$DAILYLOG" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	[ "$rc" -lt 128 ] || fail "'$*' killed by signal $((rc - 128))"
}

# --- (a) the loader refuses controls in every text field ---------------

test_loader_refuses_controls_everywhere() {
	mkdir -p "$S/entries/2026/11"
	i=0
	for field in title series client contact staff result body tags next; do
		# Hostile text as YAML double-quoted escapes, so that libyaml's
		# reader lets it through to the loader's own check.
		for seq in '\e[31m' '\e]8;;http://example.invalid/\e\\' '\x9b' \
		    '\u202e' '\u2066' '\x07'; do
			i=$((i + 1))
			case $field in
			tags|next) v="[\"前$seq後\"]" col=$((${#field} + 4)) ;;
			*) v="\"前$seq後\"" col=$((${#field} + 3)) ;;
			esac
			printf 'date: 2026-11-07\ntitle: 制御文字\n' >"$T/e$i.yaml"
			[ "$field" = title ] && printf 'date: 2026-11-07\n' >"$T/e$i.yaml"
			[ "$field" = part ] || :
			printf '%s: %s\n' "$field" "$v" >>"$T/e$i.yaml"
			line=$(wc -l <"$T/e$i.yaml" | tr -d ' ')
			cp "$T/e$i.yaml" "$S/entries/2026/11/c$i.yaml"
			echo "c$i $line:$col $field $seq" >>"$T/cases"
			run -C "$S" add -F "$T/e$i.yaml"
			[ "$rc" = 65 ] || fail "add -F with $seq in $field exited $rc"
			grep -qF "$T/e$i.yaml:$line:$col: control character" "$T/err" ||
			    fail "add -F with $seq in $field: $(cat "$T/err")"
			no_raw "add -F message" "$T/err" "$T/out"
		done
	done
	run -C "$S" check
	[ "$rc" = 65 ] || fail "check exited $rc"
	while read -r id pos field seq; do
		grep -qF "entries/2026/11/$id.yaml:$pos: control character" "$T/err" ||
		    fail "check: $seq in $field not reported at $pos"
	done <"$T/cases"
	no_raw "check messages" "$T/err" "$T/out"
	[ "$(count_entries)" = "$i" ] || fail "add -F stored something"
}

# The same text from the command line is refused too, and nothing stored.
test_add_options_refuse_controls() {
	for seq in "$ESC[31m" "$C1" "$RLO" "$LRI"; do
		for opt in -t --client --contact --staff --tag; do
			run -C "$S" add -d 2026-11-07 -t 題 "$opt" "前${seq}後" 本文
			[ "$rc" = 65 ] || fail "add $opt with a control exited $rc"
			no_raw "add $opt" "$T/out" "$T/err"
			[ -s "$T/err" ] || fail "add $opt: no message"
		done
		run -C "$S" add -d 2026-11-07 -t 題 "本文${seq}です"
		[ "$rc" = 65 ] || fail "add with a control in the body exited $rc"
		no_raw "add body" "$T/out" "$T/err"
	done
	[ "$(count_entries)" = 0 ] || fail "an entry with a control was stored"
}

# --- (b) hostile names and arguments ------------------------------------

# A store whose path holds ESC sequences and U+202E, with an entry file
# whose name holds them too: every command's output stays clean.
test_hostile_store_path_and_file_name() {
	h=$T/"st${ESC}[31mre${RLO}"
	run init "$h"
	[ "$rc" = 0 ] || { fail "init in a hostile path exited $rc"; return; }
	no_raw "init" "$T/out" "$T/err"
	run -C "$h" add -d 2026-11-05 -s badge -t 一報 本文
	[ "$rc" = 0 ] || fail "add exited $rc"
	run -C "$h" add -d 2026-11-06 -s badge -t 二報 本文
	# Split output into a directory whose name is hostile as well.
	run -C "$h" render -f text -o "$T/out${ESC}]8;;x${ESC}\\dir/"
	[ "$rc" = 0 ] || fail "render -o into a hostile directory exited $rc: $(cat "$T/err")"
	no_raw "render -o" "$T/out" "$T/err"
	run -C "$h" render -f html -o "$T/nonexistent/${RLO}/deeper/x.html"
	[ "$rc" != 0 ] || fail "render -o into a missing directory succeeded"
	no_raw "render -o error" "$T/out" "$T/err"
	printf 'date: 2026-11-07\ntitle: 名前が悪い\n' \
	    >"$h/entries/2026/11/a${ESC}[2Jb${RLO}c${C1}d.yaml"
	printf 'date: 2026-11-07\ntitle: "閉じていない\n' >"$h/entries/2026/11/broken.yaml"
	for args in "check" "list" "list --format table" "list --format tsv" \
	    "show badge:1" "show badge:2" "series" "render" "render -f text" \
	    "render -f markdown" "render -f html" "render -f gemini" \
	    "show nosuch" "edit nosuch"; do
		# shellcheck disable=SC2086
		run -C "$h" $args
		no_raw "$args" "$T/out" "$T/err"
	done
	# JSON carries the path as data, escaped for JSON: C0 and C1 as \uXXXX.
	for args in "list --format json" "list --format jsonl" "export"; do
		# shellcheck disable=SC2086
		run -C "$h" $args
		NO_RAW_BIDI=0 no_raw "$args" "$T/out"
		no_raw "$args" "$T/err"
	done
	run -C "$h" check
	grep -qF "broken.yaml:3:1:" "$T/err" || fail "check lost the broken file: $(cat "$T/err")"
	grep -qF 'a^[[2Jb<U+202E>c<U+009B>d.yaml' "$T/err" ||
	    fail "check does not name the bad file visibly: $(cat "$T/err")"
}

# A newline in a file name or a reference cannot forge a message: each
# message is one line, the newline shown as ^J.
test_newline_cannot_forge_a_message() {
	printf 'date: 2026-11-07\ntitle: 名前が悪い\n' >"$S/entries/x.yaml"
	mkdir -p "$S/entries/2026/11" || return
	printf 'date: 2026-11-07\ntitle: 改行\n' \
	    >"$S/entries/2026/11/a
dailylog: all is well.yaml"
	expect_status 65 dl check || return
	expect_grep "$T/err" "a^Jdailylog: all is well.yaml: not loaded: the file name is not a valid ID"
	! grep -q '^dailylog: all is well' "$T/err" ||
	    fail "a file name forged a message: $(cat "$T/err")"
	expect_status 64 dl show 'x
dailylog: forged' || return
	expect_eq "$(grep -c '' "$T/err")" 1
	expect_grep "$T/err" "bad reference 'x^Jdailylog: forged'"
}

# Arguments are echoed in messages only in visible form.
test_hostile_arguments() {
	dl add -d 2026-11-05 -s badge -t 一報 本文 >/dev/null 2>&1 || fail add
	while IFS= read -r line; do
		# Each line: arguments separated by '|', with \e, \x9b, \u202e.
		args=$(printf '%s' "$line" | sed "s/\\\\e/$ESC/g; s/\\\\c1/$C1/g; s/\\\\rlo/$RLO/g")
		old_ifs=$IFS IFS='|'
		# shellcheck disable=SC2086
		set -- $args
		IFS=$old_ifs
		run -C "$S" "$@"
		[ "$rc" != 0 ] || fail "'$line' succeeded"
		[ -s "$T/err" ] || fail "'$line': no message"
		no_raw "$line" "$T/out" "$T/err"
	done <<-'EOF'
	show|\e[31mX
	show|badge:\e[31m
	show|\c1X\rlo
	--colr
	--color=\e[31m
	\e[2J\c1
	list|--series|\e]8;;http://example.invalid/\e\\x|--format|x
	list|--format|\rlo
	list|--since|\e[31m
	list|-n|\c1
	add|-d|\e[31m|-t|題
	add|-s|\e[31m|-t|題
	add|-p|\rlo|-s|badge|-t|題
	add|-F|\e[2Jmissing.yaml
	render|\e[31mseries
	render|-f|\e[1mhtml|badge
	render|--width|\c1|badge
	edit|\rlo
	export|--format|\e[31m
	help|\e[31m
	EOF
}

# --- (c) each format escapes what it needs --------------------------------

# Two parts of series "safe", every field full of markup of every format.
hostile_series() {
	cat >"$T/p1.yaml" <<-'YAML'
	date: 2026-11-05
	title: '<script>alert(1)</script> & [偽リンク](http://evil.example/a) `code` *強調* _下線_ "二重" ''単'' #番号 a,b: c.'
	series: safe
	client: '<b>顧客</b> & Co. [偽顧客](http://evil.example/b)'
	contact: '=> http://evil.example/c 偽連絡'
	staff: '# 偽スタッフ'
	tags: ['*note 偽タグ: part-01.', '<i>タグ</i>']
	result: '* Menu: 偽結果'
	next: ['```偽次', '[偽次](http://evil.example/d)']
	body: |
	  # 偽見出し
	  <img src=x onerror=alert(1)>本文 &amp; &lt; &#60; <http://evil.example/e>
	  連絡は someone@evil.example か www.evil.example/i か https://evil.example/j まで ~~消し~~ ~単~

	  => http://evil.example/f 偽ゲミニリンク
	  ```偽フェンス

	  * 偽星印の行
	  > 偽引用
	  + 偽プラス
	  1. 偽番号
	  ===

	  *note 偽参照: part-01.
	  * Menu: 偽メニュー

	  ## 本物の見出し
	  - 本物の項目 [偽項目リンク](http://evil.example/g) <u>下</u>
	  - *Note 偽項目参照: part-02.
	YAML
	cat >"$T/p2.yaml" <<-'YAML'
	date: 2026-11-06
	title: '=> http://evil.example/h 偽題'
	series: safe
	body: |
	  # 偽二
	  `偽コード`
	YAML
	dl add -F "$T/p1.yaml" >/dev/null 2>"$T/err" || fail "add p1: $(cat "$T/err")"
	dl add -F "$T/p2.yaml" >/dev/null 2>"$T/err" || fail "add p2: $(cat "$T/err")"
}

# render FORMAT: one document to $T/one.EXT and a directory $T/dir-FORMAT/.
render_both() {
	run -C "$S" render safe -f "$1" -o "$T/one.$1"
	[ "$rc" = 0 ] || fail "render -f $1 exited $rc: $(cat "$T/err")"
	run -C "$S" render safe -f "$1" -o "$T/dir-$1/"
	[ "$rc" = 0 ] || fail "render -f $1 -o DIR/ exited $rc: $(cat "$T/err")"
}

test_html_escapes_entry_text() {
	hostile_series
	render_both html
	python3 - "$T/one.html" "$T"/dir-html/*.html >"$T/why" <<-'PY' || fail "html: $(cat "$T/why")"
	import sys
	from html.parser import HTMLParser
	class P(HTMLParser):
	    def __init__(self):
	        super().__init__(convert_charrefs=True)
	        self.bad, self.text = [], []
	    def handle_starttag(self, tag, attrs):
	        if tag in ("script", "img", "b", "i", "u", "iframe"):
	            self.bad.append("element <%s>" % tag)
	        for k, v in attrs:
	            if k.startswith("on") or "evil" in (v or ""):
	                self.bad.append("attribute %s=%r on <%s>" % (k, v, tag))
	    def handle_data(self, d):
	        self.text.append(d)
	bad = []
	for path in sys.argv[1:]:
	    p = P()
	    p.feed(open(path, encoding="utf-8").read())
	    text = "".join(p.text)
	    bad += ["%s: %s" % (path, b) for b in p.bad]
	    if path.endswith("one.html"):
	        # The text survives, as text.
	        for want in ("<script>alert(1)</script>", "<img src=x", "&amp; &lt;",
	                     "[偽リンク](http://evil.example/a)", "<b>顧客</b> & Co."):
	            if want not in text:
	                bad.append("%s: text %r lost" % (path, want))
	print("\n".join(bad))
	sys.exit(1 if bad else 0)
	PY
}

# The renderer's own structure (index and field lists, part headings,
# links between parts) is allowed; nothing that comes from the body's
# paragraphs or from inline markup in any field, read as CommonMark by
# cmark and as GFM, autolinks and strikethrough on, by cmark-gfm.
test_markdown_entry_text_makes_no_markup() {
	hostile_series
	render_both markdown
	if ! command -v cmark >/dev/null; then
		echo "    (cmark not installed: markdown structure not checked)" >&2
		return
	fi
	parsers="cmark"
	command -v cmark-gfm >/dev/null && parsers="$parsers cmark-gfm" ||
	    echo "    (cmark-gfm not installed: GFM not checked)" >&2
	for f in "$T/one.markdown" "$T"/dir-markdown/*; do
	for parser in $parsers; do
		case $parser in
		cmark-gfm) cmark-gfm -e autolink -e strikethrough -e table \
		    -e tasklist -t xml "$f" >"$T/md.xml" ;;
		*) cmark -t xml "$f" >"$T/md.xml" ;;
		esac || { fail "$parser $f"; continue; }
		python3 - "$T/md.xml" "$f" >"$T/why" <<-'PY' || fail "markdown: $(cat "$T/why")"
		import re, sys
		import xml.etree.ElementTree as ET
		ns = "{http://commonmark.org/xml/1.0}"
		root = ET.parse(sys.argv[1]).getroot()
		bad = []
		def text(n):
		    return "".join(n.itertext()).strip()
		for n in root.iter():
		    tag = n.tag.replace(ns, "")
		    if tag in ("html_inline", "html_block"):
		        if not re.fullmatch(r'<a id="[A-Za-z0-9_-]+">(</a>)?|</a>',
		                            (n.text or "").strip()):
		            bad.append("%s %r" % (tag, n.text))
		    elif tag in ("block_quote", "code_block", "code", "emph",
		                 "strong", "thematic_break", "image",
		                 "strikethrough", "table", "tasklist"):
		        bad.append("%s %r" % (tag, text(n) or n.text))
		    elif tag == "link":
		        dest = n.get("destination", "")
		        # In-page links name headings: no scheme, no path.
		        if not re.fullmatch(r"#[^\s/:?]+|(part-[0-9]+|index)\.(md|markdown)", dest):
		            bad.append("link to %r" % dest)
		    elif tag == "heading" and re.match(r"偽(見出し|二)", text(n)):
		        bad.append("heading %r" % text(n))
		    elif tag == "item" and re.match(r"偽(星印|プラス|番号)", text(n)):
		        bad.append("list item %r" % text(n))
		if bad:
		    print(sys.argv[2] + ": " + "; ".join(bad))
		sys.exit(1 if bad else 0)
		PY
	done
	done
}

# A line's type comes from its start: entry text must never begin one
# with =>, ```, #, * or > (the renderer's own links, headings and lists
# carry entry text only after their prefix).
test_gemini_entry_lines_stay_text() {
	hostile_series
	render_both gemini
	for f in "$T/one.gemini" "$T"/dir-gemini/*; do
		python3 - "$f" >"$T/why" <<-'PY' || fail "gemini $f: $(cat "$T/why")"
		import re, sys
		bad = []
		for line in open(sys.argv[1], encoding="utf-8"):
		    line = line.rstrip("\n")
		    if line.startswith("=>"):
		        url = line[2:].split()[0] if line[2:].split() else ""
		        if "evil" in url or not re.fullmatch(
		                r"#?[A-Za-z0-9_-]+(\.gmi)?", url):
		            bad.append(line)
		    elif line.startswith("```"):
		        bad.append(line)
		    elif re.match(r"(#+ ?|\* |> ?)偽(見出し|二|星印|引用)", line):
		        bad.append(line)
		print("\n".join(bad))
		sys.exit(1 if bad else 0)
		PY
	done
}

test_info_entry_text_makes_no_nodes_or_references() {
	hostile_series
	render_both info
	for f in "$T/one.info" "$T"/dir-info/*; do
		python3 - "$f" >"$T/why" <<-'PY' || fail "info $f: $(cat "$T/why")"
		import re, sys
		data = open(sys.argv[1], "rb").read()
		bad = []
		# Every 0x1F starts a node or the Local Variables block.
		if data.count(b"\x1f") != data.count(b"\x1f\nFile: ") + \
		        data.count(b"\x1f\nLocal Variables:"):
		    bad.append("0x1F outside a node header")
		text = data.decode("utf-8")
		for m in re.finditer(r"\*note\s+[^:]*偽|^\* Menu:.*偽|^\* [^:\n]*偽[^:\n]*::",
		                     text, re.I | re.M):
		    bad.append(repr(m.group(0)))
		print("\n".join(bad))
		sys.exit(1 if bad else 0)
		PY
	done
	if command -v info >/dev/null; then
		(cd "$T" && info -f ./one.info --subnodes -o - \
		    >"$T/info.out" 2>"$T/info.err") || fail "info -f failed: $(cat "$T/info.err")"
		expect_grep "$T/info.out" "偽メニュー"
		expect_grep "$T/info.out" "偽二"
	fi
}

test_text_output_is_clean() {
	hostile_series
	run -C "$S" render safe -f text
	[ "$rc" = 0 ] || fail "render -f text exited $rc"
	no_raw "render text" "$T/out" "$T/err"
	expect_grep "$T/out" "<script>alert(1)</script>"
	run -C "$S" show safe:1
	[ "$rc" = 0 ] || fail "show exited $rc"
	no_raw "show" "$T/out" "$T/err"
	run -C "$S" list --format table
	no_raw "list" "$T/out" "$T/err"
}

run_tests
