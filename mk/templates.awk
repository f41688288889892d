# The shipped templates (share/templates/NAME.yaml) as C strings, for
# init: awk -f mk/templates.awk FILE... >build/gen/shipped_templates.c

# C string escapes, character by character: gsub's treatment of "\\"
# differs between awks.
function escape(s,	out, c, i) {
	out = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "\\" || c == "\"" || c == "?")	# ? for trigraphs
			out = out "\\"
		out = out c
	}
	return out
}

function close_file() {
	if (name != "")
		printf "\t},\n"
}
BEGIN {
	print "/* Made by mk/templates.awk from share/templates/: do not edit. */"
	print "#include <stddef.h>"
	print ""
	print "#include \"template.h\""
	print ""
	print "const struct template_file shipped_templates[] = {"
}
FNR == 1 {
	close_file()
	name = FILENAME
	sub(/.*\//, "", name)
	sub(/\.yaml$/, "", name)
	printf "\t{ \"%s\",\n", name
	n++
}
{
	printf "\t    \"%s\\n\"\n", escape($0)
}
END {
	close_file()
	print "};"
	printf "const size_t nshipped_templates = %d;\n", n
}
