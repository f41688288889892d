# bash completion for dailylog(1).  Installed as
# PREFIX/share/bash-completion/completions/dailylog; live values (series,
# SERIES:PART references, recent IDs, clients, tags) come from
# `dailylog __complete WHAT` in the store the command line names.

# _dailylog_live WHAT: the store's values, in the store named by -C/--dir.
_dailylog_live()
{
	local dir=()
	[[ -n $_dailylog_dir ]] && dir=(-C "$_dailylog_dir")
	"${_dailylog_cmd:-dailylog}" "${dir[@]}" __complete "$1" 2>/dev/null
}

# _dailylog_offer WORDS...: the words that begin with $cur, one a line
# (values may hold spaces: T社 本社).
_dailylog_offer()
{
	local IFS=$'\n' w
	for w in "$@"; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$w")
	done
}

# _dailylog_value OPTION: complete the value of OPTION; 1 if it takes none.
_dailylog_value()
{
	local IFS=$'\n'
	case $1 in
	-C|--dir)
		COMPREPLY+=($(compgen -d -- "$cur")) ;;
	-o|--output|-F|--file)
		COMPREPLY+=($(compgen -f -- "$cur")) ;;
	--color|--colour|--hyperlink)
		_dailylog_offer auto always never ;;
	--lang)
		_dailylog_offer ja en ;;
	-s|--series)
		_dailylog_offer $(_dailylog_live series) ;;
	--client)
		_dailylog_offer $(_dailylog_live clients) ;;
	--tag)
		_dailylog_offer $(_dailylog_live tags) ;;
	-d|--date|--since|--until)
		_dailylog_offer today yesterday ;;
	-f|--format)
		case $_dailylog_sub in
		list)	_dailylog_offer table tsv json jsonl ;;
		series)	_dailylog_offer table tsv json ;;
		export)	_dailylog_offer json jsonl yaml ;;
		report)	_dailylog_offer text markdown ;;
		*)	_dailylog_offer text markdown html info gemini ;;
		esac ;;
	-t|--title|-p|--part|--contact|--staff|--result|--next|--author|\
	--grep|-n|--width|--week|--month)
		;;	# free text: nothing to offer
	*)
		return 1 ;;
	esac
	return 0
}

_dailylog_options()
{
	local filters="--series --since --until --client --tag --grep -n"
	case $_dailylog_sub in
	'')	echo "-C --dir --color= --no-pager --help --version" ;;
	init)	echo "--lang --author" ;;
	add)	echo "-d --date -t --title -s --series -p --part --client" \
		    "--contact --staff --tag --result --next -F --file -e" \
		    "--edit --resume --resume= --drafts" ;;
	edit)	echo "--merge --drafts" ;;
	list)	echo "$filters -f --format" ;;
	export)	echo "$filters -f --format" ;;
	show)	echo "-f --format --width" ;;
	render)	echo "-f --format -o --output --width --hyperlink=" ;;
	series)	echo "-f --format" ;;
	check)	echo "-q --quiet" ;;
	report)	echo "--week --month --since --until -f --format --width" ;;
	esac
}

# The arguments that are not options.
_dailylog_operands()
{
	local IFS=$'\n'
	case $_dailylog_sub in
	'')
		_dailylog_offer init add list show edit render series read \
		    check export report import help ;;
	show|edit)
		_dailylog_offer $(_dailylog_live refs) $(_dailylog_live ids) ;;
	render)
		_dailylog_offer $(_dailylog_live series) ;;
	read)
		_dailylog_offer $(_dailylog_live series) $(_dailylog_live refs) ;;
	help)
		_dailylog_offer init add list show edit render series read \
		    check export report import ;;
	init)
		COMPREPLY+=($(compgen -d -- "$cur")) ;;
	import)
		COMPREPLY+=($(compgen -f -- "$cur") -) ;;
	esac
}

_dailylog()
{
	local cur=${COMP_WORDS[COMP_CWORD]} opt="" i w
	local _dailylog_sub="" _dailylog_dir="" _dailylog_cmd=${COMP_WORDS[0]}
	COMPREPLY=()

	# The store and the command named so far; global options come first.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if [[ -z $_dailylog_sub ]]; then
			case $w in
			-C|--dir) _dailylog_dir=${COMP_WORDS[i + 1]}; ((i++)) ;;
			--dir=*) _dailylog_dir=${w#--dir=} ;;
			-C?*) _dailylog_dir=${w#-C} ;;
			--color|--colour) [[ ${COMP_WORDS[i + 1]} == = ]] && ((i += 2)) ;;
			-*) ;;
			*) _dailylog_sub=$w ;;
			esac
		fi
	done
	_dailylog_dir=${_dailylog_dir/#\~/$HOME}

	# The option whose value this word is: "--opt VALUE", "--opt=VALUE"
	# as one word, or as three when COMP_WORDBREAKS holds "=".
	local joined=""
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*} cur=${cur#*=} joined=1
	elif [[ $cur == = ]]; then
		opt=${COMP_WORDS[COMP_CWORD - 1]} cur=""
	elif ((COMP_CWORD >= 2)) && [[ ${COMP_WORDS[COMP_CWORD - 1]} == = ]]; then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	elif ((COMP_CWORD >= 2)); then
		opt=${COMP_WORDS[COMP_CWORD - 1]}
		[[ $opt == -* ]] || opt=""
	fi
	if [[ -n $opt ]] && _dailylog_value "$opt"; then
		# One word "--opt=VAL" is replaced whole: keep its "--opt=".
		[[ -n $joined ]] && COMPREPLY=("${COMPREPLY[@]/#/$opt=}")
		return 0
	fi
	if [[ $cur == -* ]]; then
		_dailylog_offer $(_dailylog_options)
		[[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
		return 0
	fi
	_dailylog_operands
	return 0
}

complete -F _dailylog dailylog
