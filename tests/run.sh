#!/bin/sh
# run.sh — runs every test of `make check` and prints one closing line,
# "N passed, N failed".  Unit tests are cmocka binaries built with ASan and
# UBSan; the shell suites in tests/cli (and later tests/screen) drive the
# real binaries.  Everything runs from the repository root.
set -u
cd "$(dirname "$0")/.." || exit 1

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Reports group by local time; the golden files are written for UTC.  Suites
# that care about other zones set TZ themselves.
export TZ=UTC
export LC_ALL=C.UTF-8
# Whatever the person running the tests keeps in ~/.config (themes, a
# config file, scoring rules) must not change what the tests see.
XDG_CONFIG_HOME=$(mktemp -d)
export XDG_CONFIG_HOME
export CXTOP_SCORING=src/config/scoring.yaml

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"; rm -rf "$XDG_CONFIG_HOME"' EXIT

for t in build/san/tests/test_*; do
	[ -x "$t" ] || continue
	"$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	# A crash or a sanitizer report after the summary still fails the suite.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$t: exited with status $rc" >&2
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done

for s in tests/cli/*.sh tests/screen/*.sh; do
	[ -f "$s" ] || continue
	echo "== $s"
	sh "$s" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$s: exited with status $rc" >&2
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
