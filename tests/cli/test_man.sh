# test_man.sh — the man pages render cleanly and document what exists.
sh tests/lint-man.sh
. tests/cli/lib.sh
# Every command --help lists is documented in cxtop(1).
run --help
for cmd in $(sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' "$OUT" | sort -u); do
	if grep -q "^\.SS $cmd\b" man/cxtop.1; then
		ok "cxtop(1) documents the $cmd command"
	else
		not_ok "cxtop(1) documents the $cmd command"
	fi
done
# Every table of the schema is documented in cxtop(5).
"$CXTOP" init "$WORK/s.db" >/dev/null
for table in $(sqlite3 "$WORK/s.db" "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"); do
	if grep -q "^\.SS $table\$" man/cxtop.5; then ok "cxtop(5) documents table $table"; else not_ok "cxtop(5) documents table $table"; fi
done
