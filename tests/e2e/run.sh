# Runs every t_*.sh in DIR (default: this directory) and prints one
# closing line.
dir=$(cd "${1:-$(dirname "$0")}" && pwd)
total_pass=0 total_fail=0
res=$(mktemp)
for f in "$dir"/t_*.sh; do
	echo "-- $(basename "$f")"
	E2E_RESULT=$res bash "$f"
	read -r p q <"$res" || { p=0; q=1; }
	total_pass=$((total_pass + p)) total_fail=$((total_fail + q))
	: >"$res"
done
rm -f "$res"
echo "$(basename "$dir"): $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
