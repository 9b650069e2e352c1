#!/bin/sh
# lint-man.sh — the man pages must render without a single warning.
set -u
cd "$(dirname "$0")/.." || exit 1
for page in man/cxtop.1 man/cxtop.5; do
	warnings=$(groff -man -ww -z "$page" 2>&1)
	if [ -n "$warnings" ]; then
		echo "not ok - $page renders without warnings"
		echo "$warnings" | sed 's/^/#   /'
	else
		echo "ok - $page renders without warnings"
	fi
done
