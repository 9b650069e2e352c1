# test_valgrind.sh — the normal build (./cxtop, not the sanitizer one) under
# valgrind: no invalid reads or writes, no use of uninitialised memory and no
# definite or indirect leak, for every report of `cxtop report --list` in
# json and text on sample.db (default period only), for `init`, and for two
# error paths (an unknown report, a store that is not a database).  A check
# passes when valgrind's exit status is not 99; the program's own status may
# be anything but death by a signal.  The runs go two at a time: about 20 s
# on two cores.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
unset CXTOP_DB

if ! command -v valgrind >/dev/null 2>&1; then
	echo "ok - # SKIP valgrind not installed"
	exit 0
fi
BIN=$PWD/cxtop
if [ ! -x "$BIN" ]; then
	echo "not ok - ./cxtop is built (run make)"
	exit 0
fi

DB=$WORK/sample.db
cp sample.db "$DB"
printf 'id,name\n1,not a database\n' >"$WORK/notes.csv"

# start N NAME ARGS...: runs cxtop ARGS under valgrind in the background,
# leaving its exit status in $WORK/N.rc and valgrind's report in $WORK/N.err.
start() {
	id=$1
	echo "$2" >"$WORK/$id.name"
	shift 2
	(
		valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect \
			--error-exitcode=99 -q "$BIN" "$@" >/dev/null 2>"$WORK/$id.err" </dev/null
		echo $? >"$WORK/$id.rc"
	) &
}

# queue NAME ARGS...: starts run number n+1; every second one waits for the
# pair to finish.
n=0
queue() {
	n=$((n + 1))
	start "$n" "$@"
	[ $((n % 2)) -eq 0 ] && wait
}
reports=$("$BIN" report --list </dev/null | cut -d ' ' -f 1)
if [ -n "$reports" ]; then echo "ok - valgrind: cxtop report --list names the reports"; else echo "not ok - valgrind: cxtop report --list names the reports"; fi
for r in $reports; do
	for fmt in json text; do
		queue "report $r --format $fmt" report "$r" --format "$fmt" "$DB"
	done
done
queue "init" init "$WORK/new.db"
queue "error: unknown report" report nosuch "$DB"
queue "error: not a database" report pnl "$WORK/notes.csv"
wait

i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	name=$(cat "$WORK/$i.name")
	rc=$(cat "$WORK/$i.rc" 2>/dev/null || echo "?")
	if [ "$rc" != "?" ] && [ "$rc" -ne 99 ] && [ "$rc" -lt 128 ]; then
		echo "ok - valgrind: $name"
	else
		echo "not ok - valgrind: $name"
		echo "#   valgrind exit status: $rc"
		grep -v '^cxtop: ' "$WORK/$i.err" | head -n 40 | sed 's/^/#   /'
	fi
done
