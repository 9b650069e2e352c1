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
# An alternating-font macro (.BR, .BI, ...) joins its arguments without
# spaces: an argument ending in a comma followed by a word is prose that
# renders as "revenue),fixed,staff"; it belongs on a line of its own.
for page in man/cxtop.1 man/cxtop.5; do
	joined=$(awk '/^\.(BR|RB|BI|IB|IR|RI) / && !/"/ {
		for (i = 2; i < NF; i++)
			if ($i ~ /,$/ && $(i + 1) ~ /^[A-Za-z]/) { print FILENAME ":" NR ": " $0; break }
	}' "$page")
	if [ -n "$joined" ]; then
		echo "not ok - $page has no words run together by a font macro"
		echo "$joined" | sed 's/^/#   /'
	else
		echo "ok - $page has no words run together by a font macro"
	fi
done
