# fish completion for dailylog(1).  Installed as
# PREFIX/share/fish/vendor_completions.d/dailylog.fish: fish looks there
# under /usr/share, and under each directory of $XDG_DATA_DIRS when that
# is set (/usr/local/share is, in most desktop sessions); or copy it to
# ~/.config/fish/completions/.  Live values (commands, series,
# SERIES:PART, recent IDs, clients, contacts, staff, authors, tags,
# templates, formats) come from `dailylog __complete WHAT` in the store
# the line names.

# The words before the cursor, as fish passes them: the program first.
# Prints the store (-C DIR, --dir DIR, --dir=DIR) and the command, one
# a line; an empty line for what is not there.
function __dailylog_scan
    set -l words (commandline -opc)
    set -l dir ''
    set -l cmd ''
    set -l i 2
    while test $i -le (count $words)
        set -l w $words[$i]
        switch $w
            case -C --dir
                set i (math $i + 1)
                test $i -le (count $words); and set dir $words[$i]
            case '--dir=*'
                set dir (string replace -- --dir= '' $w)
            case '-C?*'
                set dir (string sub -s 3 -- $w)
            case '-*'
            case '*'
                set cmd $w
                break
        end
        set i (math $i + 1)
    end
    printf '%s\n' $dir $cmd
end

function __dailylog_command
    set -l scan (__dailylog_scan)
    printf '%s\n' $scan[2]
end

# Whether the command is not given yet, or is one of the arguments.
function __dailylog_needs_command
    test -z (__dailylog_command)
end

function __dailylog_using
    contains -- (__dailylog_command) $argv
end

# __dailylog_live WHAT: the store's values, one a line.
function __dailylog_live
    set -l scan (__dailylog_scan)
    set -l prog (commandline -opc)[1]
    set -l dir
    test -n "$scan[1]"; and set dir -C $scan[1]
    command $prog $dir __complete $argv[1] 2>/dev/null
end

complete -c dailylog -f

# Global options, before the command.
complete -c dailylog -n __dailylog_needs_command -s C -l dir -x -a '(__fish_complete_directories)' -d 'Use the store in this directory'
complete -c dailylog -n __dailylog_needs_command -l color -l colour -x -a 'auto always never' -d 'When to use colour'
complete -c dailylog -n __dailylog_needs_command -l no-pager -d 'Never page the output'
complete -c dailylog -n __dailylog_needs_command -s V -l version -d 'Show the version'
complete -c dailylog -n __dailylog_needs_command -s h -l help -d 'Show the usage'
complete -c dailylog -n __dailylog_needs_command -a '(__dailylog_live commands)'

# -h and --help after any command.
complete -c dailylog -n 'not __dailylog_needs_command' -s h -d 'Show the usage of the command'
complete -c dailylog -n 'not __dailylog_needs_command' -l help -d 'Open the manual of the command'

# The filters of list and export.
set -l filtered 'list export'
for kind in series client contact staff author tag
    set -l what $kind
    switch $kind
        case client contact author tag
            set what {$kind}s
    end
    complete -c dailylog -n "__dailylog_using $filtered" -l $kind -x -a "(__dailylog_live $what)" -d "Only this $kind"
    complete -c dailylog -n "__dailylog_using $filtered" -l not-$kind -x -a "(__dailylog_live $what)" -d "Not this $kind"
end
complete -c dailylog -n "__dailylog_using $filtered" -l grep -x -d 'Only entries containing the text'
complete -c dailylog -n "__dailylog_using $filtered" -l not-grep -x -d 'Only entries without the text'
complete -c dailylog -n "__dailylog_using $filtered" -l since -x -a 'today yesterday tomorrow' -d 'From this date'
complete -c dailylog -n "__dailylog_using $filtered" -l until -x -a 'today yesterday tomorrow' -d 'Up to this date'
complete -c dailylog -n "__dailylog_using $filtered" -s n -x -d 'Only the last N'
complete -c dailylog -n "__dailylog_using $filtered" -l bom -d 'A byte order mark before CSV'
complete -c dailylog -n '__dailylog_using list' -s f -l format -x -a 'table tsv json jsonl csv' -d 'The format'
complete -c dailylog -n '__dailylog_using export' -s f -l format -x -a 'json jsonl yaml csv' -d 'The format'

# init
complete -c dailylog -n '__dailylog_using init' -l lang -x -a 'ja en' -d 'The store language'
complete -c dailylog -n '__dailylog_using init' -l author -x -d 'The author'
complete -c dailylog -n '__dailylog_using init' -x -a '(__fish_complete_directories)'

# add
complete -c dailylog -n '__dailylog_using add' -s d -l date -x -a 'today yesterday tomorrow' -d 'The date'
complete -c dailylog -n '__dailylog_using add' -s t -l title -x -d 'The title'
complete -c dailylog -n '__dailylog_using add' -s s -l series -x -a '(__dailylog_live series)' -d 'The series'
complete -c dailylog -n '__dailylog_using add' -s p -l part -x -d 'The part'
complete -c dailylog -n '__dailylog_using add' -l client -x -a '(__dailylog_live clients)' -d 'The client'
complete -c dailylog -n '__dailylog_using add' -l contact -x -a '(__dailylog_live contacts)' -d 'The person met'
complete -c dailylog -n '__dailylog_using add' -l staff -x -a '(__dailylog_live staff)' -d 'The temp worker'
complete -c dailylog -n '__dailylog_using add' -l tag -x -a '(__dailylog_live tags)' -d 'A tag'
complete -c dailylog -n '__dailylog_using add' -l result -x -d 'The result'
complete -c dailylog -n '__dailylog_using add' -l next -x -d 'A next action'
complete -c dailylog -n '__dailylog_using add' -l template -x -a '(__dailylog_live templates)' -d 'Start from a template'
complete -c dailylog -n '__dailylog_using add' -l no-template -d 'No template'
complete -c dailylog -n '__dailylog_using add' -s F -l file -r -F -d 'A whole entry as YAML'
complete -c dailylog -n '__dailylog_using add' -s e -l edit -d 'Open the editor'
complete -c dailylog -n '__dailylog_using add' -l resume -d 'Reopen a draft: the newest, or --resume=NAME'
complete -c dailylog -n '__dailylog_using add' -l drafts -d 'List the drafts of add'
complete -c dailylog -n '__dailylog_using edit' -l merge -d 'Merge the change on disk into the kept draft'
complete -c dailylog -n '__dailylog_using edit' -l drafts -d 'List the drafts of edits'

# Entries: SERIES:PART, the newest, recent IDs; show takes a series too.
complete -c dailylog -n '__dailylog_using show edit rm' -a '(__dailylog_live refs)' -d 'Part'
complete -c dailylog -n '__dailylog_using show edit rm' -a '@' -d 'The newest entry'
complete -c dailylog -n '__dailylog_using show edit rm' -a '@~1' -d 'The one before it'
complete -c dailylog -n '__dailylog_using show edit rm' -a '(__dailylog_live ids)' -d 'Entry'
complete -c dailylog -n '__dailylog_using show' -a '(__dailylog_live series)' -d 'Series (its latest part)'
complete -c dailylog -n '__dailylog_using show render' -s f -l format -x -a '(__dailylog_live formats)' -d 'The format'
complete -c dailylog -n '__dailylog_using show render report' -l width -x -d 'Columns to wrap to'
complete -c dailylog -n '__dailylog_using rm' -s f -l force -d 'Do not ask'
complete -c dailylog -n '__dailylog_using init' -l git -d 'Make the store a git repository'
complete -c dailylog -n '__dailylog_using resolve' -l ours -d "Keep this clone's version"
complete -c dailylog -n '__dailylog_using resolve' -l theirs -d 'Keep the version that arrived'
complete -c dailylog -n '__dailylog_using comment approve' -l author -x -d 'Who writes it'
complete -c dailylog -n '__dailylog_using comment approve resolve' -a '(__dailylog_live refs)' -d 'Entry'
complete -c dailylog -n '__dailylog_using rm' -s n -l dry-run -d 'Only say what would go'

# render, series, read
complete -c dailylog -n '__dailylog_using render series read' -a '(__dailylog_live series)' -d 'Series'
complete -c dailylog -n '__dailylog_using read' -a '(__dailylog_live refs)' -d 'Part'
complete -c dailylog -n '__dailylog_using render' -s o -l output -r -F -d 'A file, or DIR/ for one file a part'
complete -c dailylog -n '__dailylog_using render' -l hyperlink -x -a 'auto always never' -d 'When to write OSC 8 links'
complete -c dailylog -n '__dailylog_using render' -l drafts -d 'Include the parts that are drafts'
complete -c dailylog -n '__dailylog_using render' -l redact -d 'Replace the names of people and clients'
complete -c dailylog -n '__dailylog_using render' -l aliases -r -F -d 'A file of names and their aliases'
complete -c dailylog -n '__dailylog_using render' -l no-fields -d 'Leave out the fields block'
complete -c dailylog -n '__dailylog_using render' -l base-url -x -d 'The absolute address of the output'
complete -c dailylog -n '__dailylog_using series' -s f -l format -x -a 'table tsv json' -d 'The format'
complete -c dailylog -n '__dailylog_using series' -l title -x -d 'Write the series title'
complete -c dailylog -n '__dailylog_using series' -l lang -x -a 'ja en' -d 'Write the series language'

# check, report, import, help
complete -c dailylog -n '__dailylog_using check' -s q -l quiet -d 'Only problems'
complete -c dailylog -n '__dailylog_using report' -l week -x -d 'An ISO week, YYYY-Www'
complete -c dailylog -n '__dailylog_using report' -l month -x -d 'A month, YYYY-MM'
complete -c dailylog -n '__dailylog_using report' -l since -x -a 'today yesterday tomorrow' -d 'From this date'
complete -c dailylog -n '__dailylog_using report' -l until -x -a 'today yesterday tomorrow' -d 'Up to this date'
complete -c dailylog -n '__dailylog_using report' -s f -l format -x -a 'text markdown' -d 'The format'
complete -c dailylog -n '__dailylog_using import' -F -a '-' -d 'A file, or - for stdin'
complete -c dailylog -n '__dailylog_using help' -a '(__dailylog_live commands)'
