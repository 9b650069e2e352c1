#!/bin/sh
# regen.sh — rewrites the golden report outputs in tests/golden/ from the
# current binary: ./cxtop on ./sample.db with TZ=UTC and LC_ALL=C.UTF-8, one
# file NAME.FORMAT per case and format listed in tests/golden/cases.
# tests/cli/test_reports.sh compares them byte for byte with the output of
# the sanitizer build.
#
# Run it ONLY after checking that a change in a report's output is intended
# (a fix, a new column, a new sample.db) — never just to make a failing
# test pass — and then review every changed line before committing:
#
#     make cxtop && sh tests/golden/regen.sh && git diff -- tests/golden
#
# To add a case, add a line to tests/golden/cases and run this script.
# It writes nothing unless every case runs cleanly (exit 0, empty stderr),
# and it removes golden files that no case produces any more.
set -u
cd "$(dirname "$0")/../.." || exit 1
export TZ=UTC
export LC_ALL=C.UTF-8
# The shipped scoring rules, whatever the person running this keeps in ~/.config.
export CXTOP_SCORING=src/config/scoring.yaml
export XDG_CONFIG_HOME=/nonexistent-cxtop-config
unset CXTOP_DB

BIN=./cxtop
DB=sample.db
GOLD=tests/golden

if [ ! -x "$BIN" ]; then
	echo "regen.sh: $BIN is missing: run make first" >&2
	exit 1
fi
# The sample generator's sources change sample.db, not the binary.
stale=$(find src include -type f -name '*.[ch]' ! -path 'src/store/sample/*' -newer "$BIN" | head -n 1)
if [ -n "$stale" ]; then
	echo "regen.sh: $stale is newer than $BIN: run make first" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cxtop-golden-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

failed=0
set -f # the case arguments are split into words, never globbed
while read -r name formats args; do
	case $name in '' | '#'*) continue ;; esac
	[ "$formats" = all ] && formats=text,csv,json,md
	for fmt in $(echo "$formats" | tr , ' '); do
		# shellcheck disable=SC2086 # $args is a list of words
		"$BIN" report $args --format "$fmt" "$DB" >"$tmp/$name.$fmt" 2>"$tmp/stderr" </dev/null
		rc=$?
		if [ "$rc" -ne 0 ] || [ -s "$tmp/stderr" ]; then
			echo "regen.sh: cxtop report $args --format $fmt: exit $rc: $(head -n 1 "$tmp/stderr")" >&2
			failed=$((failed + 1))
		fi
	done
done <"$GOLD/cases"
set +f
rm -f "$tmp/stderr"
if [ "$failed" -ne 0 ]; then
	echo "regen.sh: $failed case(s) failed; nothing was written" >&2
	exit 1
fi

written=0
changed=0
removed=0
for new in "$tmp"/*; do
	[ -f "$new" ] || continue
	base=${new##*/}
	echo "$base" >>"$tmp/.written"
	written=$((written + 1))
	if ! cmp -s "$new" "$GOLD/$base"; then
		echo "changed: $GOLD/$base"
		changed=$((changed + 1))
	fi
	mv "$new" "$GOLD/$base"
done
# A golden file that no case wrote belongs to a case (or format) that is gone.
for old in "$GOLD"/*.text "$GOLD"/*.csv "$GOLD"/*.json "$GOLD"/*.md; do
	[ -f "$old" ] || continue
	if ! grep -qxF "${old##*/}" "$tmp/.written"; then
		echo "removed: $old"
		rm -f "$old"
		removed=$((removed + 1))
	fi
done
echo "$written golden files written, $changed changed, $removed removed."
if [ "$changed" -ne 0 ] || [ "$removed" -ne 0 ]; then
	echo "Review every change before committing: git diff -- $GOLD"
fi
