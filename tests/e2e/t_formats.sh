# dailylog render: the links of every format resolve.  Info is read back
# by the real `info` reader; HTML is parsed with python3's html.parser;
# Markdown is read by pandoc as GitHub Flavored Markdown, which names
# headings as GitHub does, and its HTML checked the same way; gemtext
# links are checked against the files.
. "$(dirname "$0")/lib.sh"

fixture() {
	cp -R "$FIXTURES/series-store" "$T/fx"
	chmod -R u+w "$T/fx"
}

render() {
	"$DAILYLOG" -C "$T/fx" render "$@" 2>"$T/err" ||
	    { fail "render $* failed: $(head -c 400 "$T/err")"; return 1; }
}

# check_links KIND FILE...: every relative link in each file resolves.
check_links() {
	if [ "$1" = markdown ] && ! command -v pandoc >/dev/null; then
		echo "    (pandoc not installed: markdown links not checked)" >&2
		return
	fi
	python3 - "$@" <<'PY' 2>"$T/links" || fail "$(cat "$T/links")"
import html.parser, os, re, subprocess, sys

kind, files = sys.argv[1], sys.argv[2:]

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.rels = set(), [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("a", "link") and "href" in a:
            self.hrefs.append(a["href"])
            if "rel" in a:
                self.rels.append((tag, a["rel"], a["href"]))

def parse(path):
    text = open(path, encoding="utf-8").read()
    if kind == "html":
        p = Page()
        p.feed(text)
        p.close()
        return p.ids, p.hrefs
    if kind == "markdown":
        # The identifiers GitHub would give the headings; no raw HTML.
        if "<a id=" in text:
            sys.exit("%s: a raw HTML anchor" % path)
        p = Page()
        p.feed(subprocess.run(["pandoc", "-f", "gfm", "-t", "html", path],
                              capture_output=True, text=True,
                              check=True).stdout)
        p.close()
        return p.ids, p.hrefs
    return set(), re.findall(r'^=>[ \t]*(\S+)', text, re.M)

pages = {os.path.abspath(f): parse(f) for f in files}
count = 0
for path, (ids, hrefs) in pages.items():
    for href in hrefs:
        count += 1
        target, _, frag = href.partition("#")
        dest = os.path.normpath(os.path.join(os.path.dirname(path), target)) \
            if target else path
        if not os.path.isfile(dest):
            sys.exit("%s: link to a missing file: %s" % (path, href))
        if frag:
            if dest not in pages:
                pages[dest] = parse(dest)
            if frag not in pages[dest][0]:
                sys.exit("%s: link to a missing anchor: %s" % (path, href))
if count == 0:
    sys.exit("no links found in %s" % " ".join(files))
PY
}

test_html_one_document_links() {
	fixture
	render overtime -f html >"$T/o.html" || return
	check_links html "$T/o.html"
	# The gap is drawn, not linked; the parts that exist have sections.
	expect_grep "$T/o.html" '<span class="missing">（④欠番）</span>'
	expect_no_grep "$T/o.html" 'id="part-04"'
}

test_html_directory_links_and_rel() {
	fixture
	render overtime -f html -o "$T/site/" || return
	check_links html "$T/site"/*.html
	# Each part file's head and nav name its neighbours, skipping the gap.
	expect_grep "$T/site/part-03.html" '<link rel="prev" href="part-02.html">'
	expect_grep "$T/site/part-03.html" '<link rel="next" href="part-05.html">'
	expect_grep "$T/site/part-03.html" '<a href="part-05.html" rel="next">→続編⑤</a>'
	expect_grep "$T/site/part-05.html" '<a href="part-03.html" rel="prev">←前編③</a>'
	expect_no_grep "$T/site/part-01.html" 'rel="prev"'
	expect_no_grep "$T/site/part-06.html" 'rel="next"'
}

test_markdown_links() {
	fixture
	render overtime -f markdown >"$T/o.md" || return
	check_links markdown "$T/o.md"
	render kickoff -f markdown -o "$T/md/" || return
	check_links markdown "$T/md"/*.md
	expect_grep "$T/md/part-02.md" "[← Part 1](part-01.md)"
}

test_gemini_links() {
	fixture
	render kickoff -f gemini -o "$T/gmi/" || return
	check_links gemini "$T/gmi"/*.gmi
	expect_grep "$T/gmi/part-02.gmi" "=> part-03.gmi Part 3 →"
	# One document: fragments mean nothing in gemtext, so no link lines.
	render overtime -f gemini >"$T/o.gmi" || return
	! grep -q '^=>' "$T/o.gmi" || fail "a link line in one document"
	# A body line that would be a link starts with a zero width space.
	expect_grep "$T/o.gmi" "$(printf '\342\200\213=> これは')"
	# Navigation that cannot link gives way to the one index.
	expect_no_grep "$T/o.gmi" "←前編"
	expect_grep "$T/o.gmi" "* ③ 2026-09-04 (午後) Mさんと面談"
}

# Part files link back to index.gmi; the index is a gemlog that clients
# subscribe to: "=> FILE YYYY-MM-DD TITLE", under the feed's "# " title.
test_gemini_directory_is_a_gemlog() {
	fixture
	render overtime -f gemini -o "$T/gmi/" || return
	for f in "$T"/gmi/part-*.gmi; do
		expect_eq "$(grep -c '^=> index.gmi 目次$' "$f")" 2
	done
	python3 - "$T/gmi/index.gmi" <<'PY' 2>"$T/gemlog" || fail "$(cat "$T/gemlog")"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
if not lines[0].startswith("# "):
    sys.exit("no feed title: %r" % lines[0])
entries = [l for l in lines if l.startswith("=>")]
for l in entries:
    if not re.fullmatch(r"=> part-\d+\.gmi \d{4}-\d{2}-\d{2} \S.*", l):
        sys.exit("not a gemlog entry: %r" % l)
if [l.split()[1] for l in entries] != ["part-0%d.gmi" % k for k in (1, 2, 3, 5, 6)]:
    sys.exit("entries %r" % entries)
if "=> part-03.gmi 2026-09-04 (午後) Mさんと面談" not in entries:
    sys.exit("part 3 is %r" % entries[2])
PY
}

# The window layout links the index: it resolves in one document too.
test_window_layout_links() {
	fixture
	sed -i 's/^layout: all$/layout: window\nwindow: 1/' \
	    "$T/fx/series/overtime.yaml"
	render overtime -f html >"$T/o.html" || return
	render overtime -f markdown >"$T/o.md" || return
	expect_grep "$T/o.html" 'href="#index"'
	check_links html "$T/o.html"
	check_links markdown "$T/o.md"
}

# The node chain as the `info` reader sees it: Top, then every part by
# Next, with Prev and Up pointing back; every menu item and *note exists.
test_info_node_chain() {
	fixture
	render overtime -f info -o "$T/overtime.info" || return
	command -v info >/dev/null || { fail "info is not installed"; return; }
	LC_ALL=C.UTF-8 info -f "$T/overtime.info" --subnodes -o - \
	    >"$T/dump" 2>"$T/info.err" || fail "info failed: $(cat "$T/info.err")"
	expect_empty "$T/info.err"
	expect_grep "$T/dump" "【続編5】【派遣先<A&B>社"
	python3 - "$T/dump" <<'PY' 2>"$T/chain" || fail "$(cat "$T/chain")"
import re, sys

text = open(sys.argv[1], encoding="utf-8").read()
nodes = {}
for m in re.finditer(r"^File: [^,]+,  Node: ([^,\n]+)((?:,  \w+: [^,\n]+)*)$",
                     text, re.M):
    nodes[m.group(1)] = dict(re.findall(r",  (\w+): ([^,\n]+)", m.group(2)))
want = ["Top", "part-01", "part-02", "part-03", "part-05", "part-06"]
if sorted(nodes) != sorted(want):
    sys.exit("nodes %s, expected %s" % (sorted(nodes), want))
chain, node = [], "Top"
while node is not None:
    chain.append(node)
    node = nodes[node].get("Next")
if chain != want:
    sys.exit("the Next chain is %s" % chain)
for prev, node in zip(want, want[1:]):
    p = nodes[node]
    if p.get("Prev") != prev or p.get("Up") != "Top":
        sys.exit("%s has Prev %s, Up %s" % (node, p.get("Prev"), p.get("Up")))
if nodes["Top"].get("Up") != "(dir)":
    sys.exit("Top is not under (dir)")
menu = re.findall(r"^\* ([^:\n]+)::", text, re.M)
if menu != want[1:]:
    sys.exit("the menu is %s" % menu)
notes = re.findall(r"\*note [^:]+: ([^.]+)\.", text)
if not notes or set(notes) - set(want):
    sys.exit("cross references to %s" % sorted(set(notes)))
PY
	# The escaped body lines are neither references nor a second menu.
	expect_grep "$T/dump" "＊note これはInfoの相互参照"
	expect_grep "$T/dump" "＊ Menu: もInfoの目次"
}

# Titles are never wrapped, and each underline is as wide as its title by
# display width, as makeinfo draws them, even past the fill column.
test_info_titles_whole() {
	fixture
	render overtime -f info -o "$T/o.info" || return
	python3 - "$T/o.info" <<'PY' 2>"$T/titles" || fail "$(cat "$T/titles")"
import re, sys, unicodedata
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
seen = 0
for above, line in zip(lines, lines[1:]):
    if re.fullmatch(r"([=*-])\1+", line) and above:
        seen += 1
        if width(above) != len(line):
            sys.exit("underline of %d under %r (%d)" % (len(line), above, width(above)))
if seen < 6:
    sys.exit("only %d titles" % seen)
if not any(width(l) > 72 for l in lines):
    sys.exit("no title past the fill column: nothing was tested")
PY
}

# -o DIR/: one Info file per part; every pointer and *note names a node in
# another file as (FILE)NODE, and the reader finds each one.
test_info_directory_links() {
	fixture
	render overtime -f info -o "$T/info/" || return
	cd "$T/info" || return
	targets=$(cat ./*.info | grep -ao '([a-z0-9-]*\.info)[A-Za-z0-9-]*' |
	    sort -u)
	[ -n "$targets" ] || fail "no cross-file references"
	for t in $targets; do
		LC_ALL=C.UTF-8 info -f ./index.info -n "$t" -o - >/dev/null \
		    2>"$T/info.err" && [ ! -s "$T/info.err" ] ||
		    fail "info cannot follow $t: $(cat "$T/info.err")"
	done
	grep -aq 'Next: (part-02.info)part-02' part-01.info ||
	    fail "part-01 does not point at part-02's file"
}

run_tests
