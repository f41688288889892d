# dailylog render for publishing: the Atom feed read back by an XML
# parser, Hugo building the static-site output, redaction checked byte
# by byte in every file of every format, drafts, the format chosen by
# -o's extension, output directories made, and install-info taking the
# Info file.  Sample text is written here for these tests.
. "$(dirname "$0")/lib.sh"

# complaint: a ja series of five parts that names a client, a contact
# and a worker in its fields, its titles, its bodies and its settings.
complaint() {
	cat >"$S/series/pass.yaml" <<-'YAML'
	title: 北浜精機の入館証の件
	description: |
	  北浜精機の村瀬課長から届いた苦情と、その後の対応の記録です。
	status: ongoing
	YAML
	for k in 1 2 3 4 5; do
		cat >"$T/p$k.yaml" <<-YAML
		date: 2026-10-0$k 1$k:00
		title: 北浜精機の村瀬課長へ報告（その$k）
		series: pass
		part: $k
		client: 北浜精機
		contact: 村瀬課長
		staff: 早川さん
		tags: [入館証, 北浜精機]
		result: 村瀬課長が早川さんの件を了承
		next: [北浜精機へ電話]
		body: |
		  ## 経緯

		  早川さんが入館証を返していないと、村瀬課長（北浜精機）から電話がありました。

		  - 早川さんに連絡する
		  - 北浜精機の総務に報告する
		YAML
		dl add -F "$T/p$k.yaml" >/dev/null 2>"$T/err" ||
		    fail "add part $k: $(cat "$T/err")"
	done
}

# set_draft PART: mark a part of pass as a draft.
set_draft() {
	f=$(grep -l "^part: $1\$" "$S"/entries/2026/10/*.yaml)
	printf 'draft: true\n' >>"$f"
}

# check_atom FILE DIR [BASE]: an RFC 4287 feed whose links resolve in DIR
# (under BASE when given).
check_atom() {
	python3 - "$@" <<'PY' 2>"$T/atom" || fail "atom: $(cat "$T/atom")"
import os, re, sys
import xml.etree.ElementTree as ET

path, d = sys.argv[1], sys.argv[2]
base = sys.argv[3] if len(sys.argv) > 3 else ""
A = "{http://www.w3.org/2005/Atom}"
feed = ET.parse(path).getroot()
if feed.tag != A + "feed":
    sys.exit("root is %s" % feed.tag)
date = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")

def one(el, name):
    found = el.findall(A + name)
    if len(found) != 1:
        sys.exit("%s has %d <%s>" % (el.tag, len(found), name))
    return found[0]

def resolves(href):
    if not href.startswith(base):
        sys.exit("link %s is not under %s" % (href, base))
    if not os.path.isfile(os.path.join(d, href[len(base):])):
        sys.exit("link %s does not resolve in %s" % (href, d))

ids = [one(feed, "id").text]
one(feed, "title")
if not date.match(one(feed, "updated").text):
    sys.exit("feed updated %r" % one(feed, "updated").text)
feed_author = feed.findall(A + "author")
for l in feed.findall(A + "link"):
    if l.get("rel") in ("self", "alternate"):
        resolves(l.get("href"))
entries = feed.findall(A + "entry")
if not entries:
    sys.exit("no entries")
for e in entries:
    ids.append(one(e, "id").text)
    one(e, "title")
    if not date.match(one(e, "updated").text):
        sys.exit("entry updated %r" % one(e, "updated").text)
    if not feed_author and not e.findall(A + "author"):
        sys.exit("an entry without an author in a feed without one")
    alt = [l for l in e.findall(A + "link") if l.get("rel") == "alternate"]
    if len(alt) != 1:
        sys.exit("entry has %d alternate links" % len(alt))
    resolves(alt[0].get("href"))
    content = one(e, "content")
    if content.get("type") != "xhtml" or \
            content.find("{http://www.w3.org/1999/xhtml}div") is None:
        sys.exit("content is not an xhtml div")
for i in ids:
    if not re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-"
                        r"[89ab][0-9a-f]{3}-[0-9a-f]{12}", i or ""):
        sys.exit("id %r is not a urn:uuid" % i)
if len(set(ids)) != len(ids):
    sys.exit("ids are not unique: %r" % ids)
print(len(entries))
PY
}

test_atom_beside_html() {
	complaint
	expect_status 0 dl render pass -f html -o "$T/site/" || return
	[ -f "$T/site/feed.atom" ] || { fail "no feed.atom"; return; }
	check_atom "$T/site/feed.atom" "$T/site" >"$T/n"
	expect_eq "$(cat "$T/n")" 5
	# Every page names the feed; the index links it.
	expect_grep "$T/site/part-02.html" \
	    '<link rel="alternate" type="application/atom+xml" href="feed.atom"'
	expect_grep "$T/site/index.html" '<a href="feed.atom"'
	# The ids stay when a part's title changes: they are the entries'.
	grep -o 'urn:uuid:[^<]*' "$T/site/feed.atom" >"$T/ids.before"
	f=$(grep -l '^part: 2$' "$S"/entries/2026/10/*.yaml)
	sed -i 's/（その2）/（その二）/' "$f"
	expect_status 0 dl render pass -f atom -o "$T/site/feed.atom" || return
	grep -o 'urn:uuid:[^<]*' "$T/site/feed.atom" >"$T/ids.after"
	cmp -s "$T/ids.before" "$T/ids.after" || fail "ids changed with a title"
	expect_grep "$T/site/feed.atom" "（その二）"
}

# -f atom writes to stdout; --base-url (or the url setting) makes every
# link absolute.
test_atom_stdout_and_base_url() {
	complaint
	expect_status 0 dl render pass -f html -o "$T/site/" || return
	expect_status 0 dl render pass -f atom \
	    --base-url https://example.com/pass || return
	cp "$T/out" "$T/feed.atom"
	check_atom "$T/feed.atom" "$T/site" https://example.com/pass/ >/dev/null
	expect_grep "$T/feed.atom" 'href="https://example.com/pass/part-03.html"'
	printf 'url: https://example.org/blog/pass/\n' >>"$S/series/pass.yaml"
	expect_status 0 dl render pass -f html -o "$T/site/" || return
	check_atom "$T/site/feed.atom" "$T/site" https://example.org/blog/pass/ \
	    >/dev/null
	expect_grep "$T/site/part-03.html" \
	    '<link rel="canonical" href="https://example.org/blog/pass/part-03.html">'
	expect_status 64 dl render pass -f atom --base-url example.com || return
	expect_grep "$T/err" "--base-url takes an absolute URL"
	# A directory of atom holds the feed alone.
	expect_status 0 dl render pass -f atom -o "$T/fd/" || return
	expect_eq "$(ls "$T/fd")" feed.atom
}

# The real Hugo builds the output under content/ of a minimal site; every
# page exists and every link in the built pages resolves.
test_hugo_builds_the_series() {
	if ! command -v hugo >/dev/null; then
		echo "    (hugo not installed: static-site output not built)" >&2
		return
	fi
	complaint
	set_draft 5
	mkdir -p "$T/hugo/layouts/_default"
	cat >"$T/hugo/config.yaml" <<-'YAML'
	baseURL: http://localhost/
	title: 日報
	disableKinds: [RSS, sitemap, robotsTXT, 404]
	taxonomies:
	  series: series
	  tag: tags
	YAML
	cat >"$T/hugo/layouts/_default/single.html" <<-'HTML'
	<!doctype html><html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
	HTML
	cat >"$T/hugo/layouts/_default/list.html" <<-'HTML'
	<!doctype html><html><body><h1>{{ .Title }}</h1>{{ .Content }}
	{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>
	HTML
	expect_status 0 dl render pass -f hugo -o "$T/hugo/content/pass/" ||
	    return
	expect_eq "$(cd "$T/hugo/content/pass" && ls | tr '\n' ' ')" \
	    "_index.md part-01.md part-02.md part-03.md part-04.md "
	(cd "$T/hugo" && hugo --quiet -d "$T/public") >"$T/hugo.out" 2>&1 ||
	    { fail "hugo failed: $(cat "$T/hugo.out")"; return; }
	for k in 1 2 3 4; do
		[ -f "$T/public/pass/part-0$k/index.html" ] ||
		    fail "hugo made no page for part $k"
	done
	expect_grep "$T/public/pass/part-02/index.html" \
	    "<h1>【続編2】【北浜精機の入館証の件】北浜精機の村瀬課長へ報告（その2）</h1>"
	[ -f "$T/public/series/index.html" ] || fail "no series taxonomy page"
	python3 - "$T/public" <<'PY' 2>"$T/links" || fail "$(cat "$T/links")"
import html.parser, os, sys
from urllib.parse import unquote, urlparse
root = sys.argv[1]
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
n = 0
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".html"):
            continue
        p = P()
        p.feed(open(os.path.join(d, f), encoding="utf-8").read())
        for h in p.hrefs:
            u = urlparse(h)
            if u.netloc not in ("", "localhost"):
                sys.exit("%s: link out of the site: %s" % (f, h))
            path = unquote(u.path)
            target = os.path.normpath(os.path.join(root, path.lstrip("/"))
                                      if path.startswith("/") else
                                      os.path.join(d, path))
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not os.path.isfile(target):
                sys.exit("%s/%s: %s does not resolve" % (d, f, h))
            n += 1
if n < 20:
    sys.exit("only %d links" % n)
PY
	# The body's markup came through Goldmark as text: no autolink.
	printf 'date: 2026-10-06\ntitle: 連絡先\nseries: pass\npart: 6\nbody: |\n  a@evil.example と https://evil.example/x と www.evil.example\n' \
	    >"$T/p6.yaml"
	dl add -F "$T/p6.yaml" >/dev/null 2>&1 || fail "add part 6"
	expect_status 0 dl render pass -f hugo -o "$T/hugo/content/pass/" ||
	    return
	(cd "$T/hugo" && hugo --quiet -d "$T/public") >"$T/hugo.out" 2>&1 ||
	    fail "hugo failed: $(cat "$T/hugo.out")"
	expect_no_grep "$T/public/pass/part-06/index.html" 'href="http'
	expect_no_grep "$T/public/pass/part-06/index.html" 'mailto:'
	expect_grep "$T/public/pass/part-06/index.html" 'https://evil.example/x'
}

# A series that outgrows two digits keeps the pages' old addresses.
test_hugo_aliases_for_shorter_names() {
	for k in 1 2 100; do
		dl add -s big -p $k -d 2026-10-01 -t "回$k" 本文 >/dev/null 2>&1 ||
		    fail "add $k"
	done
	expect_status 0 dl render big -f hugo -o "$T/h/content/big/" || return
	expect_grep "$T/h/content/big/part-002.md" 'aliases: ["part-02/"]'
	expect_no_grep "$T/h/content/big/part-100.md" 'aliases'
	if command -v hugo >/dev/null; then
		printf 'baseURL: http://localhost/\ndisableKinds: [RSS, sitemap]\n' \
		    >"$T/h/config.yaml"
		(cd "$T/h" && hugo --quiet -d "$T/pub") >"$T/hugo.out" 2>&1 ||
		    fail "hugo: $(cat "$T/hugo.out")"
		# The old address redirects to the new one.
		expect_grep "$T/pub/big/part-02/index.html" \
		    'http://localhost/big/part-002/'
	fi
	expect_status 64 dl render big -f hugo || return
	expect_grep "$T/err" "give -o DIR/"
	expect_status 64 dl show big:1 -f hugo || return
	expect_status 64 dl show big:1 -f atom || return
	expect_grep "$T/err" "for a whole series"
}

# names FILE...: the names of the complaint, which no output may hold.
no_names_in() {
	python3 - "$@" <<'PY' 2>"$T/names" || fail "$(cat "$T/names")"
import os, sys
names = ["北浜精機", "村瀬課長", "早川さん", "村瀬", "早川"]
for top in sys.argv[1:]:
    walk = [(os.path.dirname(top), [], [os.path.basename(top)])] \
        if os.path.isfile(top) else os.walk(top)
    for d, _, files in walk:
        for f in files:
            p = os.path.join(d, f)
            data = open(p, "rb").read()
            for n in names:
                if n.encode() in data:
                    sys.exit("%s holds %s" % (p, n))
PY
}

# No byte of a name in any file of any format, one document or a
# directory: fields, titles, bodies, tags, the series' title.
test_redact_every_format() {
	complaint
	printf '村瀬: 担当\n早川: スタッフ\n' >"$T/aliases.yaml"
	mkdir "$T/red"
	for f in text markdown html info gemini atom; do
		expect_status 0 dl render pass -f $f --redact \
		    --aliases "$T/aliases.yaml" -o "$T/red/one.$f" || return
		expect_status 0 dl render pass -f $f --redact \
		    --aliases "$T/aliases.yaml" -o "$T/red/dir-$f/" || return
		expect_status 0 dl render pass -f $f --redact || return
		no_names_in "$T/out"
	done
	expect_status 0 dl render pass -f hugo --redact -o "$T/red/hugo/" ||
	    return
	no_names_in "$T/red"
	# Stable aliases, in part order: the client, the contact, the worker.
	expect_grep "$T/red/one.text" "【A社の入館証の件】A社の担当者Aへ報告（その1）"
	expect_grep "$T/red/one.text" "訪問先: A社"
	expect_grep "$T/red/one.text" "派遣スタッフ: スタッフA"
	expect_grep "$T/red/one.html" "<p>スタッフAが入館証を返していないと、担当者A（A社）から電話がありました。</p>"
	# Without --redact the names are there: the test can see them.
	expect_status 0 dl render pass -f text || return
	expect_grep "$T/out" 北浜精機
}

# The series setting redacts without the option, and the user's mapping
# chooses aliases; an alias that shows a name is refused.
test_redact_setting_and_mapping() {
	complaint
	printf 'redact: true\naliases:\n  北浜精機: 精密機器メーカー\n' \
	    >>"$S/series/pass.yaml"
	expect_status 0 dl render pass -f html -o "$T/site/" || return
	no_names_in "$T/site"
	expect_grep "$T/site/part-01.html" "精密機器メーカーの担当者Aへ報告"
	printf '北浜精機: 北浜精機の親会社\n' >"$T/bad.yaml"
	expect_status 65 dl render pass --aliases "$T/bad.yaml" -o "$T/x.txt" ||
	    return
	expect_grep "$T/err" "bad.yaml:1:7: the alias of '北浜精機' must not contain it"
	[ ! -e "$T/x.txt" ] || fail "output written despite a bad mapping"
	printf '北浜精機: 早川さんの会社\n' >"$T/bad.yaml"
	expect_status 65 dl render pass --aliases "$T/bad.yaml" -o "$T/x.txt" ||
	    return
	expect_grep "$T/err" "contains the name '早川さん'"
	expect_status 66 dl render pass --aliases "$T/none.yaml" || return
}

# A draft is left out: no page, no link, no feed entry; the last
# published part has no next; --drafts puts it back, marked.
test_drafts_left_out() {
	complaint
	set_draft 3
	set_draft 5
	expect_status 0 dl render pass -f html -o "$T/site/" || return
	[ ! -e "$T/site/part-03.html" ] && [ ! -e "$T/site/part-05.html" ] ||
	    fail "a draft has a page"
	! grep -l 'part-0[35]\.html' "$T/site"/* >"$T/which" ||
	    fail "a link to a draft in $(cat "$T/which")"
	expect_eq "$(check_atom "$T/site/feed.atom" "$T/site")" 3
	expect_no_grep "$T/site/part-04.html" 'rel="next"'

	expect_grep "$T/site/index.html" '<li value="3" class="missing">（③欠番）</li>'
	expect_status 0 dl render pass --width 0 || return
	expect_no_grep "$T/out" "その3"
	expect_no_grep "$T/out" "→続編⑤"
	expect_status 0 dl render pass -f html --drafts -o "$T/all/" || return
	[ -f "$T/all/part-05.html" ] || fail "--drafts left out a draft"
	expect_grep "$T/all/part-05.html" '<span class="draft-mark">下書き</span>'
	expect_status 0 dl render pass -f hugo --drafts -o "$T/c/" || return
	expect_grep "$T/c/part-03.md" "draft: true"
	expect_grep "$T/c/part-02.md" "draft: false"
	for k in 1 2 4; do set_draft $k; done
	expect_status 1 dl render pass || return
	expect_grep "$T/err" "every part of 'pass' is a draft"
}

# Without -f, -o's extension names the format; -f wins over it.
test_format_from_extension() {
	complaint
	for pair in html:'<!doctype html>' md:'# 北浜精機の入館証の件' \
	    info:'INFO-DIR-SECTION' gmi:'=> ' txt:'目次' \
	    atom:'<feed xmlns="http://www.w3.org/2005/Atom"' \
	    markdown:'## 目次' htm:'<main>' xml:'<entry>'; do
		ext=${pair%%:*} want=${pair#*:}
		expect_status 0 dl render pass -o "$T/x.$ext" || return
		expect_grep "$T/x.$ext" "$want"
	done
	expect_no_grep "$T/x.gmi" '=> part-'
	expect_status 0 dl render pass -o "$T/x.rst" || return
	expect_grep "$T/x.rst" "【続編2】"
	expect_status 0 dl render pass -f text -o "$T/y.html" || return
	expect_no_grep "$T/y.html" "<html"
}

# -o a/b/c/ makes every missing directory with the umask's mode; a link
# the user's path goes through is followed, nothing is written through
# one in what dailylog makes, and a file in the way is an error.
test_output_directories_made() {
	complaint
	(umask 027 && dl render pass -f html -o "$T/a/b/c/" >/dev/null) ||
	    fail "render -o a/b/c/"
	[ -f "$T/a/b/c/part-01.html" ] || fail "no part-01.html in a/b/c"
	for d in a a/b a/b/c; do
		expect_eq "$(stat -c %a "$T/$d")" 750
	done
	mkdir "$T/real"
	ln -s "$T/real" "$T/via"
	expect_status 0 dl render pass -o "$T/via/x/y/" || return
	[ -f "$T/real/x/y/index.txt" ] || fail "not made through the user's link"
	echo keep >"$T/file"
	expect_status 73 dl render pass -o "$T/file/sub/" || return
	expect_eq "$(cat "$T/file")" keep
	# A file's directory must exist: only DIR/ is made.
	expect_status 66 dl render pass -o "$T/none/x.html" || return
	[ ! -e "$T/none" ] || fail "a directory made for -o FILE"
}

# install-info takes the entry of the Info file; info finds the series.
test_info_installs() {
	command -v install-info >/dev/null ||
	    { echo "    (install-info not installed)" >&2; return; }
	complaint
	mkdir "$T/info"
	expect_status 0 dl render pass -o "$T/info/pass.info" || return
	install-info --info-dir="$T/info" "$T/info/pass.info" \
	    >"$T/ii.out" 2>&1 || { fail "install-info: $(cat "$T/ii.out")"; return; }
	expect_grep "$T/info/dir" "* pass: (pass)."
	expect_grep "$T/info/dir" "北浜精機の入館証の件"
	LC_ALL=C.UTF-8 INFOPATH=$T/info info pass -n part-02 -o - \
	    >"$T/node" 2>"$T/info.err" || fail "info: $(cat "$T/info.err")"
	expect_grep "$T/node" "【続編2】"
	# In a directory the menu is used by name: "m part-02".
	expect_status 0 dl render pass -f info -o "$T/d/" || return
	expect_grep "$T/d/index.info" "* part-02: (part-02.info)part-02."
	LC_ALL=C.UTF-8 info -f "$T/d/index.info" -n '(part-02.info)part-02' \
	    -o - >"$T/node" 2>/dev/null || fail "info cannot follow the menu"
	expect_grep "$T/node" "【続編2】"
}

# The fields block is left out by --no-fields or the fields setting; the
# index shows the description and the status.
test_fields_and_about() {
	complaint
	expect_status 0 dl render pass --no-fields --width 0 || return
	expect_no_grep "$T/out" "訪問先:"
	expect_grep "$T/out" "北浜精機の村瀬課長から届いた苦情と、その後の対応の記録です。"
	expect_grep "$T/out" "連載中"
	printf 'fields: false\n' >>"$S/series/pass.yaml"
	expect_status 0 dl render pass -f html || return
	expect_no_grep "$T/out" '<dl class="fields">'
	expect_grep "$T/out" "<p>連載中</p>"
}

run_tests
