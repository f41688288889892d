# Settings: the store's dailylog.yaml over the user's config.yaml, the
# environment and the command line over both, and errors with positions.
. "$(dirname "$0")/lib.sh"

unset DAILYLOG_PAGER
ESC=$(printf '\033')

# user_config TEXT: the user's config.yaml under $T/xdg (not in a
# pipeline: the variable must reach the test, and stays for later ones).
user_config() {
	mkdir -p "$T/xdg/dailylog"
	printf '%s\n' "$1" >"$T/xdg/dailylog/config.yaml"
	XDG_CONFIG_HOME=$T/xdg
	export XDG_CONFIG_HOME
}

store_setting() {
	cat >>"$S/dailylog.yaml"
}

fill_store() {
	dl add -d 2026-11-02 -t 初回訪問 -s badge --client T社 --contact O部長 \
	    --tag クレーム x >/dev/null &&
	dl add -d 2026-11-03 -t 一般 x >/dev/null || fail "could not fill the store"
}

test_columns_in_the_store() {
	fill_store
	echo 'columns: [id, title, contact]' | store_setting
	COLUMNS=40 expect_status 0 dl list -f table
	id=$(dl list -f tsv | head -n 1 | cut -f1)
	# The title takes what is left of 40: 40 - (15 + 2) - (5 + 2) = 16,
	# so 初回訪問 (8 columns) is padded with 8 spaces, then 2 between.
	expect_eq "$(head -n 1 "$T/out")" "$id  初回訪問          O部長"
	# TSV keeps its documented columns.
	expect_status 0 dl list -f tsv
	expect_grep "$T/out" "	2026-11-02	badge	1	初回訪問	T社"
}

test_store_overrides_user_file() {
	fill_store
	user_config 'columns: [title]'
	expect_status 0 dl list -f table
	expect_eq "$(cat "$T/out")" "初回訪問
一般"
	echo 'columns: [date, tags]' | store_setting
	expect_status 0 dl list -f table
	expect_eq "$(head -n 1 "$T/out")" "2026-11-02  クレーム"
}

test_user_file_through_home_and_a_symlink() {
	unset XDG_CONFIG_HOME	# user_config of an earlier test set it
	fill_store
	mkdir -p "$T/home/.config/dailylog" "$T/dotfiles"
	echo 'columns: [date]' >"$T/dotfiles/config.yaml"
	ln -s "$T/dotfiles/config.yaml" "$T/home/.config/dailylog/config.yaml"
	HOME=$T/home expect_status 0 dl list -f table
	expect_eq "$(head -n 1 "$T/out")" "2026-11-02"
}

test_color_setting_and_what_wins_over_it() {
	fill_store
	user_config 'color: always'
	expect_status 0 dl list -f table
	expect_grep "$T/out" "$ESC[36m"
	NO_COLOR=1 expect_status 0 dl list -f table
	expect_no_grep "$T/out" "$ESC"
	expect_status 0 "$DAILYLOG" --color=never -C "$S" list -f table
	expect_no_grep "$T/out" "$ESC"
	echo 'color: never' | store_setting
	expect_status 0 dl list -f table
	expect_no_grep "$T/out" "$ESC"
	expect_status 0 "$DAILYLOG" --color=always -C "$S" list -f table
	expect_grep "$T/out" "$ESC[36m"
}

# The pager setting is used on a terminal only; see t_pager_color.sh for
# the terminal.  Here: a setting never pages a pipe.
test_pager_setting_never_pages_a_pipe() {
	fill_store
	printf 'pager: "touch %s/paged"\n' "$T" | store_setting
	expect_status 0 dl list
	[ ! -e "$T/paged" ] || fail "the pager setting paged a pipe"
}

test_editor_setting_fills_in_for_the_environment() {
	fill_store
	ed=$(editor_script ed <<EOF2
echo "\$1" >"$T/edited"
EOF2
)
	printf 'editor: %s\n' "$ed" | store_setting
	expect_status 0 dl edit badge:1
	expect_grep "$T/edited" ".yaml"
	rm -f "$T/edited"
	other=$(editor_script other <<EOF2
touch "$T/other-ran"
EOF2
)
	EDITOR=$other expect_status 0 dl edit badge:1
	[ -e "$T/other-ran" ] || fail "\$EDITOR did not win over the setting"
	[ ! -e "$T/edited" ] || fail "the setting won over \$EDITOR"
}

test_unknown_key_with_suggestion() {
	printf 'colr: always\n' | store_setting
	expect_status 65 dl list
	expect_grep "$T/err" "$S/dailylog.yaml:3:1: unknown key 'colr' (did you mean 'color'?)"
}

test_bad_values_name_their_position() {
	user_config 'color: sometimes'
	expect_status 65 dl list
	expect_grep "$T/err" "$T/xdg/dailylog/config.yaml:1:8: color must be one of auto, always, never, not 'sometimes'"
	user_config 'lang: jp'
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:1:7: lang must be one of ja, en, not 'jp'"
	user_config "$(printf 'columns:\n  - date\n  - clinet')"
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:3:5: column must be one of date, id, series, title, client, contact, staff, tags, not 'clinet' (did you mean 'client'?)"
	user_config 'columns: [date, date]'
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:1:17: column 'date' is listed twice"
	user_config 'columns: date'
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:1:10: columns must be a list"
	user_config 'editor: ""'
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:1:9: editor must not be empty"
	user_config '- color'
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:1:1: settings must be a mapping"
}

test_settings_that_are_fine() {
	user_config '# nothing yet'
	expect_status 0 dl list
	user_config "$(printf 'x-note: mine\nauthor: 田中\nlang: en\npager: ""')"
	expect_status 0 dl list
	# The store's lang (ja, from init) wins over the user's en.
	dl add -d 2026-11-02 -t 訪問 x >/dev/null
	expect_status 0 dl show "$(dl list -f tsv | cut -f1)"
	expect_grep "$T/out" "日付: 2026-11-02"
}

test_broken_yaml_in_the_user_file() {
	user_config 'color: [always'
	expect_status 65 dl list
	expect_grep "$T/err" "config.yaml:"
}

# The series setting names render's series; a bad slug is an error there.
test_default_series() {
	dl add -s aa -t 一 本文 >/dev/null && dl add -s bb -t 二 本文 >/dev/null ||
	    fail "add"
	expect_status 64 dl render
	expect_grep "$T/err" "name a series: aa, bb"
	echo 'series: bb' | store_setting
	expect_status 0 dl render --width 0
	expect_grep "$T/out" "二"
	expect_no_grep "$T/out" "一"
	expect_status 0 dl render aa --width 0
	expect_grep "$T/out" "一"
	user_config 'series: No/Good'
	sed -i '/^series:/d' "$S/dailylog.yaml"
	expect_status 65 dl render
	expect_grep "$T/err" "config.yaml:1:9: bad series"
}

# A user's file that cannot be read stops no command: a warning, and
# its settings are not used.  (A directory in its place is unreadable
# as a file for root too.)
test_unreadable_user_config_is_a_warning() {
	mkdir -p "$T/xdg/dailylog/config.yaml" || return
	XDG_CONFIG_HOME=$T/xdg expect_status 0 dl list || return
	expect_grep "$T/err" "config.yaml: warning: not a file; its settings are not used"
	XDG_CONFIG_HOME=$T/xdg expect_status 0 dl add -t 題 本文 || return
	if [ "$(id -u)" != 0 ]; then
		rmdir "$T/xdg/dailylog/config.yaml"
		echo 'lang: en' >"$T/xdg/dailylog/config.yaml"
		chmod 000 "$T/xdg/dailylog/config.yaml"
		XDG_CONFIG_HOME=$T/xdg expect_status 0 dl list || return
		expect_grep "$T/err" "warning: cannot read: Permission denied"
	fi
}

run_tests
