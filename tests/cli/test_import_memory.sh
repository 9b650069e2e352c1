# test_import_memory.sh — a 40,000-row import of tickets (agents and
# customers created on the way) under valgrind: no invalid access, no
# definite or indirect leak; and cxtop's peak memory does not grow with
# the file: 100,000 and 200,000 rows peak within 2 MB of each other, and
# under 32 MB.  Uses the normal build (./cxtop).  About a minute.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
BIN=$PWD/cxtop
if [ ! -x "$BIN" ]; then
	echo "not ok - ./cxtop is built (run make)"
	exit 0
fi

# gen N: N tickets naming 5,000 customers by email and 20 agents by name.
gen() {
	awk -v n="$1" 'BEGIN {
		print "source_id,customer,agent,agent_team,channel,topic,created_at,first_response_at,resolved_at,status,csat"
		split("email chat Phone WhatsApp", ch, " ")
		for (i = 1; i <= n; i++) {
			t = 1640995200 + i * 60
			printf "T%d,c%d@example.com,Agent %d,Team %d,%s,topic %d,%s,%s,%s,%s,%s\n", i, (i * 7919) % 5000,
				i % 20, i % 3, ch[i % 4 + 1], i % 7, strftime("%Y-%m-%dT%H:%M:%SZ", t, 1),
				strftime("%Y-%m-%dT%H:%M:%SZ", t + 300, 1), (i % 5 ? strftime("%Y-%m-%dT%H:%M:%SZ", t + 3600, 1) : ""),
				(i % 5 ? "solved" : "open"), (i % 3 ? i % 11 : "")
		}
	}'
}
gen 200000 >"$WORK/t200k.csv"
gen 100000 >"$WORK/t100k.csv"
# valgrind runs some 50 times slower than the import, and more so with the
# store's sort indexes: it reads 40,000 rows (four weeks of hours to pack,
# both paths of the writer), the memory bound below the full sizes.
gen 40000 >"$WORK/t40k.csv"
gen 20000 >"$WORK/t20k.csv"

# under_valgrind FILE PATTERN NAME: imports FILE into v.db under valgrind;
# ok when valgrind is clean and the summary matches PATTERN.
under_valgrind() {
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 -q \
		"$BIN" import tickets "$1" --quiet "$WORK/v.db" >"$OUT" 2>"$ERR"
	status=$?
	if [ "$status" -eq 0 ] && grep -q "$2" "$OUT"; then ok "$3"; else not_ok "$3"; fi
}
if command -v valgrind >/dev/null 2>&1; then
	"$BIN" init "$WORK/v.db" >/dev/null
	under_valgrind "$WORK/t40k.csv" '^tickets: 40,000 inserted' "a 40,000-row import is clean under valgrind"
	# The same rows again, every one found and unchanged: the other path.
	under_valgrind "$WORK/t20k.csv" ' 20,000 unchanged' "a re-import is clean under valgrind"
else
	echo "ok - # SKIP valgrind not installed"
fi

peak() {
	rm -f "$WORK/m.db" "$WORK/m.db-wal" "$WORK/m.db-shm"
	"$BIN" init "$WORK/m.db" >/dev/null
	/usr/bin/time -f %M -o "$WORK/rss" "$BIN" import tickets "$1" --quiet "$WORK/m.db" >/dev/null 2>&1
	cat "$WORK/rss"
}
if [ -x /usr/bin/time ]; then
	a=$(peak "$WORK/t100k.csv")
	b=$(peak "$WORK/t200k.csv")
	if [ $((b - a)) -lt 2048 ] && [ "$b" -lt 32768 ]; then
		ok "peak memory stays flat: $a KB at 100,000 rows, $b KB at 200,000"
	else
		not_ok "peak memory stays flat" "$a KB at 100,000 rows, $b KB at 200,000"
	fi
else
	echo "ok - # SKIP /usr/bin/time not installed"
fi
