# dailylog init, and how every command finds its store.
. "$(dirname "$0")/lib.sh"

mode_of() { stat -c %a "$1"; }

test_init_creates_private_store() {
	expect_status 0 "$DAILYLOG" init "$T/new" || return
	expect_empty "$T/out"
	expect_grep "$T/err" "created store $T/new"
	for d in "$T/new" "$T/new/entries" "$T/new/series" "$T/new/templates"; do
		expect_eq "$(mode_of "$d")" 700
	done
	expect_eq "$(mode_of "$T/new/dailylog.yaml")" 600
	expect_grep "$T/new/dailylog.yaml" "lang: ja"
	# The settings file and the three templates: no stray temporary file
	# from the atomic writes.
	expect_eq "$(find "$T/new" -type f | wc -l | tr -d ' ')" 4
	expect_eq "$(find "$T/new/templates" -type f -perm 600 | wc -l | tr -d ' ')" 3
}

test_init_private_under_permissive_umask() {
	(umask 000 && "$DAILYLOG" init "$T/open") 2>/dev/null
	expect_eq "$(mode_of "$T/open")" 700
	expect_eq "$(mode_of "$T/open/entries")" 700
	expect_eq "$(mode_of "$T/open/dailylog.yaml")" 600
}

test_init_makes_missing_parents() {
	expect_status 0 "$DAILYLOG" init "$T/a/b/c" || return
	[ -f "$T/a/b/c/dailylog.yaml" ] || fail "no settings in a nested store"
}

test_init_existing_store_changes_nothing() {
	printf 'lang: en\nauthor: "山田"\n' >"$S/dailylog.yaml"
	cp "$S/dailylog.yaml" "$T/before"
	expect_status 0 "$DAILYLOG" init "$S" || return
	expect_grep "$T/err" "already a dailylog store"
	expect_empty "$T/out"
	cmp -s "$S/dailylog.yaml" "$T/before" || fail "settings were rewritten"
}

test_init_lang_en_and_author() {
	expect_status 0 "$DAILYLOG" init --lang en --author '佐藤 "営業"' "$T/en" ||
	    return
	expect_grep "$T/en/dailylog.yaml" "lang: en"
	# The quoted author must survive as one YAML string: the store opens.
	expect_status 0 "$DAILYLOG" -C "$T/en" list --format tsv
	python3 - "$T/en/dailylog.yaml" <<'PY' || fail "author not stored as written"
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("author:"):
        v = line.split(":", 1)[1].strip()
        assert v == '"佐藤 \\"営業\\""', v
        break
else:
    raise SystemExit(1)
PY
}

test_init_bad_lang() {
	expect_status 64 "$DAILYLOG" init --lang fr "$T/fr" || return
	expect_grep "$T/err" "--lang takes ja or en"
	[ ! -e "$T/fr" ] || fail "a store was made despite the bad --lang"
}

test_init_without_dir_uses_default() {
	expect_status 0 env XDG_DATA_HOME="$T/xdg" "$DAILYLOG" init || return
	[ -f "$T/xdg/dailylog/dailylog.yaml" ] || fail "not created in XDG_DATA_HOME"
	expect_status 0 env HOME="$T/home" "$DAILYLOG" init || return
	[ -f "$T/home/.local/share/dailylog/dailylog.yaml" ] ||
	    fail "not created in ~/.local/share"
}

# Each store gets one entry titled after itself; `list` shows which was found.
mark_store() {
	"$DAILYLOG" init "$1" 2>/dev/null
	"$DAILYLOG" -C "$1" add -d 2026-11-02 -t "$2" </dev/null >/dev/null
}

found_store() {
	"$@" list --format tsv 2>"$T/err" | cut -f5
}

test_lookup_order() {
	mark_store "$T/c" C店
	mark_store "$T/env" 環境
	mark_store "$T/up" 祖先
	mark_store "$T/xdg/dailylog" XDG
	mkdir -p "$T/up/deep/er"
	cd "$T/up/deep/er" || return
	expect_eq "$(found_store env DAILYLOG_DIR="$T/env" XDG_DATA_HOME="$T/xdg" \
	    "$DAILYLOG" -C "$T/c")" C店
	expect_eq "$(found_store env DAILYLOG_DIR="$T/env" XDG_DATA_HOME="$T/xdg" \
	    "$DAILYLOG")" 環境
	expect_eq "$(found_store env XDG_DATA_HOME="$T/xdg" "$DAILYLOG")" 祖先
	cd "$T" || return
	expect_eq "$(found_store env XDG_DATA_HOME="$T/xdg" "$DAILYLOG")" XDG
	expect_eq "$(found_store env DAILYLOG_DIR= XDG_DATA_HOME="$T/xdg" \
	    "$DAILYLOG")" XDG
}

test_lookup_long_dir_option() {
	mark_store "$T/long" 長い
	expect_eq "$(found_store "$DAILYLOG" --dir "$T/long")" 長い
	expect_eq "$(found_store "$DAILYLOG" --dir="$T/long")" 長い
}

test_missing_store() {
	cd "$T" || return
	expect_status 66 env XDG_DATA_HOME="$T/none" "$DAILYLOG" list || return
	expect_empty "$T/out"
	expect_grep "$T/err" "no store found"
	expect_grep "$T/err" "dailylog init"
	expect_status 66 "$DAILYLOG" -C "$T/nowhere" add -t x y || return
	expect_grep "$T/err" "$T/nowhere (from -C) is not a dailylog store"
	expect_status 66 env DAILYLOG_DIR="$T/nowhere" "$DAILYLOG" list || return
	expect_grep "$T/err" "(from DAILYLOG_DIR)"
	[ ! -e "$T/nowhere" ] || fail "a failed lookup created a directory"
}

# Without HOME (and XDG_DATA_HOME) there is no default store: a clear
# message, never a store at /.local/share/dailylog.
test_no_home_no_default_store() {
	cd "$T" || return
	expect_status 66 env -u HOME "$DAILYLOG" list || return
	expect_grep "$T/err" "HOME not set there is no default store"
	expect_no_grep "$T/err" "/.local/share"
	expect_status 64 env -u HOME "$DAILYLOG" init || return
	expect_grep "$T/err" "init: HOME is not set, so there is no default store: name the directory"
	expect_status 0 env -u HOME "$DAILYLOG" init "$T/named" || return
}

run_tests
