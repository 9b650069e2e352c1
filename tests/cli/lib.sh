# lib.sh — a tiny harness for the shell suites: each check prints
# "ok - NAME" or "not ok - NAME" (with what was seen), counted by run.sh.
# The binary under test is the sanitizer build unless CXTOP is set.
CXTOP=${CXTOP:-$PWD/build/san/cxtop}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cxtop-cli-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/out"
ERR="$WORK/err"
status=0

# run ARGS...: runs cxtop, keeping stdout, stderr and the exit status.
run() {
	"$CXTOP" "$@" >"$OUT" 2>"$ERR" </dev/null
	status=$?
}

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
	echo "#   exit status: $status"
	sed 's/^/#   stdout: /' "$OUT" | head -n 20
	sed 's/^/#   stderr: /' "$ERR" | head -n 20
}

# expect_status N NAME
expect_status() {
	if [ "$status" -eq "$1" ]; then ok "$2"; else not_ok "$2" "wanted exit status $1"; fi
}
# expect_out PATTERN NAME (grep -E on stdout)
expect_out() {
	if grep -Eq -- "$1" "$OUT"; then ok "$2"; else not_ok "$2" "stdout lacks /$1/"; fi
}
# expect_err PATTERN NAME (grep -E on stderr)
expect_err() {
	if grep -Eq -- "$1" "$ERR"; then ok "$2"; else not_ok "$2" "stderr lacks /$1/"; fi
}
# expect_one_line_err NAME: stderr is exactly one line starting "cxtop: "
expect_one_line_err() {
	if [ "$(wc -l <"$ERR")" -eq 1 ] && grep -q '^cxtop: ' "$ERR"; then ok "$1"; else not_ok "$1" "wanted one 'cxtop: ' line on stderr"; fi
}
