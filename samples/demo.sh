#!/bin/sh
# A tour of dailylog on the sample store, run by `make demo` at the top of
# the tree once ./dailylog is built.  It reads samples/store (changing
# nothing there) and writes its renderings under demo-out/.
set -eu

dailylog=${DAILYLOG:-./dailylog}
store=samples/store
out=demo-out

# Show each command before running it, as a user would type it.
run() {
	printf '\n$ %s\n' "$*"
	"$@"
}

if [ ! -x "$dailylog" ]; then
	echo "demo: $dailylog is not built; run 'make' first" >&2
	exit 1
fi

echo "== Part 16 of the badge series, as 'show' prints it"
run "$dailylog" -C "$store" show badge:16

# Start afresh, so that the list below is what this run wrote.  The
# trailing slash asks render for a directory, which it creates in $out.
rm -rf "$out"
mkdir "$out"

echo
echo "== The whole series in other formats"
run "$dailylog" -C "$store" render badge -f html -o "$out/html/"
run "$dailylog" -C "$store" render badge -f info -o "$out/badge.info"
run "$dailylog" -C "$store" render onboarding -f markdown -o "$out/onboarding.md"

echo
echo "== Files written"
find "$out" -type f | sort

echo
echo "== How to read them"
printf '  %-34s %s\n' \
    "info -f $out/badge.info" "the badge series in the Info reader" \
    "" "(n: next part, p: previous, u: up)" \
    "xdg-open $out/html/index.html" "the badge series in a web browser" \
    "less $out/onboarding.md" "the onboarding series as Markdown"
echo
echo "The Info reader needs a UTF-8 locale for the Japanese text"
echo "(LANG=C.UTF-8, for example)."
