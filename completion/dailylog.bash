# bash completion for dailylog(1).  Installed as
# PREFIX/share/bash-completion/completions/dailylog, where bash-completion
# loads it the first time dailylog is completed; without bash-completion,
# source it from ~/.bashrc.  Live values (commands, series, SERIES:PART,
# recent IDs, clients, contacts, staff, authors, tags, templates, formats)
# come from `dailylog __complete WHAT` in the store the line names.
#
# bash splits words at the characters of COMP_WORDBREAKS, ':' and '='
# among them: "badge:1" arrives as "badge" ":" "1".  The words are put
# back together first, candidates are made whole, and what readline will
# not replace (up to the last break in the word) is cut from them.

# The words as the shell will see them, into words[] and cword.
_dailylog_words()
{
	local i p=0 n=-1 w skipped
	words=() cword=0
	for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
		w=${COMP_WORDS[i]}
		skipped=
		while ((p < ${#COMP_LINE})) && [[ ${COMP_LINE:p:1} == [[:space:]] ]]; do
			((p++))
			skipped=1
		done
		if ((n < 0)) || [[ -n $skipped ]]; then
			words[++n]=$w
		else
			words[n]+=$w
		fi
		((p += ${#w}))
		((i == COMP_CWORD)) && cword=$n
	done
}

# _dailylog_dequote WORD: WORD as the shell will pass it, for the common
# forms ('a b', "a b", a\ b, ~/x); never through eval.
_dailylog_dequote()
{
	local w=$1
	case $w in
	\'*\')	w=${w:1:${#w}-2} ;;
	\"*\")	w=${w:1:${#w}-2} ;;
	*)	w=${w//\\ / } ;;
	esac
	[[ $w == "~"/* || $w == "~" ]] && w=$HOME${w:1}
	printf '%s' "$w"
}

# _dailylog_live WHAT: the store's values, one a line, in the store the
# line names with -C or --dir.
_dailylog_live()
{
	local dir=()
	[[ -n $_dailylog_dir ]] && dir=(-C "$_dailylog_dir")
	"${_dailylog_cmd:-dailylog}" "${dir[@]}" __complete "$1" 2>/dev/null
}

# _dailylog_offer PREFIX: the lines of stdin that begin with $val, each
# after PREFIX (an option's "--opt="), quoted for the command line unless
# the word opens a quote, which readline then closes.
_dailylog_offer()
{
	local w
	while IFS= read -r w; do
		[[ -n $w && $w == "$val"* ]] || continue
		if [[ -n $_dailylog_quote ]]; then
			COMPREPLY+=("$1$w")
		else
			COMPREPLY+=("$1$(printf '%q' "$w")")
		fi
	done
}

# _dailylog_list WORD...: the words, one a line.
_dailylog_list()
{
	printf '%s\n' "$@"
}

# The values of option $1 (for the command $_dailylog_sub), one a line;
# 1 when it takes none.
_dailylog_values()
{
	case $1 in
	-C|--dir)
		compgen -d -- "$val" ;;
	-o|--output|-F|--file)
		compgen -f -- "$val" ;;
	--color|--colour|--hyperlink)
		_dailylog_list auto always never ;;
	--lang)
		_dailylog_list ja en ;;
	-s|--series|--not-series)
		_dailylog_live series ;;
	--client|--not-client)
		_dailylog_live clients ;;
	--contact|--not-contact)
		_dailylog_live contacts ;;
	--staff|--not-staff)
		_dailylog_live staff ;;
	--author|--not-author)
		_dailylog_live authors ;;
	--tag|--not-tag)
		_dailylog_live tags ;;
	--template)
		_dailylog_live templates ;;
	-d|--date|--since|--until)
		_dailylog_list today yesterday tomorrow ;;
	-f|--format)
		case $_dailylog_sub in
		list)	_dailylog_list table tsv json jsonl csv ;;
		series)	_dailylog_list table tsv json ;;
		export)	_dailylog_list json jsonl yaml csv ;;
		report)	_dailylog_list text markdown ;;
		*)	_dailylog_live formats ;;
		esac ;;
	-t|--title|-p|--part|--result|--next|--grep|--not-grep|-n|\
	--width|--week|--month|--resume)
		;;	# free text: nothing to offer
	*)
		return 1 ;;
	esac
	return 0
}

_dailylog_options()
{
	local filters="--series --client --contact --staff --author --tag
	    --grep --not-series --not-client --not-contact --not-staff
	    --not-author --not-tag --not-grep --since --until -n"
	case $_dailylog_sub in
	'')	echo "-C --dir= --color= --no-pager --help --version" ;;
	init)	echo "--lang --author --git" ;;
	resolve) echo "--ours --theirs" ;;
	comment|approve) echo "--author" ;;
	add)	echo "-d --date -t --title -s --series -p --part --client" \
		    "--contact --staff --tag --result --next --template" \
		    "--no-template -F --file -e --edit --resume --resume=" \
		    "--drafts" ;;
	edit)	echo "--merge --drafts" ;;
	list)	echo "$filters -f --format --bom" ;;
	export)	echo "$filters -f --format --bom" ;;
	show)	echo "-f --format --width" ;;
	rm)	echo "-f --force -n --dry-run" ;;
	render)	echo "-f --format -o --output --width --hyperlink= --drafts" \
		    "--redact --aliases --no-fields --base-url" ;;
	series)	echo "-f --format --title --lang" ;;
	check)	echo "-q --quiet" ;;
	report)	echo "--week --month --since --until -f --format --width" ;;
	esac
	[[ -n $_dailylog_sub ]] && echo "-h --help"
}

# The arguments that are not options.
_dailylog_operands()
{
	case $_dailylog_sub in
	'')
		_dailylog_live commands ;;
	show)
		_dailylog_live refs
		_dailylog_live series
		_dailylog_list @ @~1
		_dailylog_live ids ;;
	edit|rm|comment|approve|resolve)
		_dailylog_live refs
		_dailylog_list @ @~1
		_dailylog_live ids ;;
	render|series)
		_dailylog_live series ;;
	read)
		_dailylog_live series
		_dailylog_live refs ;;
	help)
		_dailylog_live commands ;;
	init)
		compgen -d -- "$val" ;;
	import)
		compgen -f -- "$val"
		echo - ;;
	esac
}

_dailylog()
{
	local words cword cur opt="" prefix="" val vals i w
	local _dailylog_sub="" _dailylog_dir="" _dailylog_quote=""
	local _dailylog_cmd=${COMP_WORDS[0]}
	COMPREPLY=()
	_dailylog_words
	cur=${words[cword]}

	# The store and the command named so far; global options come first.
	for ((i = 1; i < cword; i++)); do
		w=${words[i]}
		[[ -n $_dailylog_sub ]] && break
		case $w in
		-C|--dir) _dailylog_dir=${words[i + 1]}; ((i++)) ;;
		--dir=*) _dailylog_dir=${w#--dir=} ;;
		-C?*) _dailylog_dir=${w#-C} ;;
		-*) ;;
		*) _dailylog_sub=$w ;;
		esac
	done
	_dailylog_dir=$(_dailylog_dequote "$_dailylog_dir")

	# The option whose value this word is: "--opt VALUE" or "--opt=VALUE".
	val=$cur
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*} prefix=$opt= val=${cur#*=}
	elif ((cword >= 2)) && [[ ${words[cword - 1]} == -* ]]; then
		opt=${words[cword - 1]}
	fi
	if [[ $val == [\'\"]* ]]; then
		_dailylog_quote=1 val=${val:1}
	fi
	if [[ -n $opt ]] && vals=$(_dailylog_values "$opt"); then
		_dailylog_offer "$prefix" <<<"$vals"
	elif [[ $cur == -* ]]; then
		_dailylog_offer "" < <(_dailylog_options | tr ' \t' '\n\n')
		[[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
	else
		_dailylog_offer "" < <(_dailylog_operands)
	fi

	# readline replaces only what follows the last break in the word.
	local breaks=${COMP_WORDBREAKS//[^:=]/}
	if [[ -n $breaks && -z $_dailylog_quote ]]; then
		local cut=${cur%"${cur##*[$breaks]}"}
		[[ -n $cut ]] && COMPREPLY=("${COMPREPLY[@]#"$cut"}")
	fi
	return 0
}

complete -F _dailylog dailylog
