# dailylog render: every format of the fixture store's two series against
# the reviewed documents in tests/golden/.  UPDATE_GOLDEN=1 rewrites them
# (review every changed file before committing it).
. "$(dirname "$0")/lib.sh"

GOLDEN=$E2E_DIR/../golden

# The fixture is copied: rendering may leave a lock file in the store.
fixture() {
	cp -R "$FIXTURES/series-store" "$T/fx"
	chmod -R u+w "$T/fx"
}

# compare NAME FILE: FILE against tests/golden/NAME.
compare() {
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		mkdir -p "$(dirname "$GOLDEN/$1")"
		cp "$2" "$GOLDEN/$1"
		return
	fi
	[ -f "$GOLDEN/$1" ] || { fail "no golden file $1"; return; }
	diff -u "$GOLDEN/$1" "$2" >"$T/diff" ||
	    fail "$1 differs from the golden file: $(head -c 1500 "$T/diff")"
}

render_one() {
	"$DAILYLOG" -C "$T/fx" render "$1" -f "$2" --width 72 \
	    --hyperlink=never >"$T/out" 2>"$T/err" ||
	    { fail "render $1 -f $2 failed: $(head -c 400 "$T/err")"; return 1; }
	expect_empty "$T/err"
}

test_golden_documents() {
	fixture
	for series in overtime kickoff; do
		for f in text:txt markdown:md html:html info:info gemini:gmi \
		    atom:atom; do
			render_one "$series" "${f%%:*}" || continue
			compare "$series.${f#*:}" "$T/out"
		done
	done
}

test_golden_html_directory() {
	fixture
	"$DAILYLOG" -C "$T/fx" render overtime -f html -o "$T/site/" \
	    2>"$T/err" || { fail "render -o failed: $(cat "$T/err")"; return; }
	expect_eq "$(cd "$T/site" && ls | tr '\n' ' ')" \
	    "feed.atom index.html part-01.html part-02.html part-03.html part-05.html part-06.html "
	for f in "$T/site"/*; do
		compare "overtime-html/$(basename "$f")" "$f"
	done
}

# Static-site content: front matter and Markdown, an English series.
test_golden_hugo_directory() {
	fixture
	"$DAILYLOG" -C "$T/fx" render kickoff -f hugo -o "$T/content/kickoff/" \
	    2>"$T/err" || { fail "render -f hugo failed: $(cat "$T/err")"; return; }
	expect_eq "$(cd "$T/content/kickoff" && ls | tr '\n' ' ')" \
	    "_index.md part-01.md part-02.md part-03.md "
	for f in "$T/content/kickoff"/*; do
		compare "kickoff-hugo/$(basename "$f")" "$f"
	done
}

run_tests
