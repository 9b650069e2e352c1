# test_reports.sh — `cxtop report` end to end, through the real binary:
#   - every golden file of tests/golden/ (cases listed in tests/golden/cases)
#     matches the current output byte for byte; every report of --list has
#     golden files in every format, and the ten cxtop(1) documents are listed;
#   - json: parses, has the common keys; the pnl and agents row keys are
#     exactly the ones cxtop(1) promises;
#   - the sample's headline figures (README, src/store/sample/README.md)
#     through the reports: February's upsell, January/February win-back, the
#     P&L turning positive in January, --liability, the notify what-if;
#   - csv (CRLF, header keys, money with 2 decimals) and md (separator line);
#   - summary and pnl agree on net;
#   - an empty store, and a period with costs but no returns (break-even n/a);
#   - errors: one "cxtop: " line on stderr, the documented exit status,
#     nothing on stdout; a report into a full disk;
#   - a report never writes: the store file keeps its sha256, in rollback
#     and in WAL mode, with no -wal/-shm beside it;
#   - the same figures in two other time zones.
# The golden files are rewritten by tests/golden/regen.sh (read its top).
# shellcheck disable=SC2016 # jq filters and regexes are single-quoted on purpose
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
unset CXTOP_DB

GOLD=tests/golden
# The reports cxtop(1) documents; REPORTS is whatever --list says, so that a
# new report is covered (and needs golden files) from the day it is added.
DOCUMENTED="summary pnl agents channels topics campaigns winback notify claims watchlist"
REPORTS=$("$CXTOP" report --list </dev/null | cut -d ' ' -f 1 | tr '\n' ' ')
FORMATS="text csv json md"
CR=$(printf '\r')

# A copy of the sample, so that a `make sample` running alongside cannot
# change what we read, and so that its hash is ours to check.
DB=$WORK/sample.db
cp sample.db "$DB"

sha() { sha256sum "$1" | cut -d ' ' -f 1; }
DB_SHA=$(sha "$DB")
runs=0
writers=""

# report ARGS...: `cxtop report ARGS... $DB`, then checks that the store is
# byte for byte what it was (any run that changed it is listed at the end).
report() {
	run report "$@" "$DB"
	runs=$((runs + 1))
	if [ "$(sha "$DB")" != "$DB_SHA" ]; then
		writers="$writers
report $*"
		cp sample.db "$DB"
	fi
}

# check NAME CONDITION...: ok when the command CONDITION succeeds.
check() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then ok "$name"; else not_ok "$name" "failed: $*"; fi
}

# jqcheck NAME FILTER [JQ OPTIONS...]: ok when jq -e FILTER is true on stdout.
jqcheck() {
	name=$1
	filter=$2
	shift 2
	if jq -e "$@" "$filter" "$OUT" >/dev/null 2>&1; then ok "$name"; else not_ok "$name" "jq -e '$filter' is not true"; fi
}

# Keeps the last output under $WORK/NAME.
keep() { cp "$OUT" "$WORK/$1"; }

# --- golden files ---------------------------------------------------------

for r in $REPORTS; do
	if grep -Eq "^${r}[[:space:]]+all[[:space:]]+${r}[[:space:]]*\$" "$GOLD/cases"; then
		ok "golden: report $r has a default-period case in every format"
	else
		not_ok "golden: report $r has a default-period case in every format" "no line '$r all $r' in $GOLD/cases"
	fi
done

ngold=0
expected_files=""
set -f # case arguments are split into words, never globbed
while read -r name formats args; do
	case $name in '' | '#'*) continue ;; esac
	[ "$formats" = all ] && formats=text,csv,json,md
	for fmt in $(echo "$formats" | tr , ' '); do
		file=$GOLD/$name.$fmt
		expected_files="$expected_files $name.$fmt "
		# shellcheck disable=SC2086 # $args is a list of words
		report $args --format "$fmt"
		cp "$OUT" "$WORK/$name.$fmt"
		ngold=$((ngold + 1))
		if [ ! -f "$file" ]; then
			not_ok "golden: $name.$fmt" "$file is missing: run sh tests/golden/regen.sh"
		elif [ "$status" -ne 0 ] || [ -s "$ERR" ]; then
			not_ok "golden: $name.$fmt" "cxtop report $args --format $fmt failed"
		elif cmp -s "$file" "$OUT"; then
			ok "golden: $name.$fmt"
		else
			echo "not ok - golden: $name.$fmt"
			echo "#   cxtop report $args --format $fmt differs from $file (first 30 lines of the diff):"
			diff -u "$file" "$OUT" | head -n 30 | sed 's/^/#   /'
			if [ "$(tr -d '\r' <"$file")" = "$(tr -d '\r' <"$OUT")" ]; then
				echo "#   (only the line endings differ: CRLF against LF)"
			fi
			echo "#   if the change is intended: sh tests/golden/regen.sh, then review git diff"
		fi
	done
done <"$GOLD/cases"
set +f

stray=""
for f in "$GOLD"/*.text "$GOLD"/*.csv "$GOLD"/*.json "$GOLD"/*.md; do
	[ -f "$f" ] || continue
	case $expected_files in *" ${f##*/} "*) ;; *) stray="$stray ${f##*/}" ;; esac
done
if [ -z "$stray" ] && [ "$ngold" -gt 0 ]; then
	ok "golden: $ngold files, none without a case"
else
	not_ok "golden: $ngold files, none without a case" "files without a case:$stray"
fi

# --- json: shape and keys -------------------------------------------------

COMMON='has("report") and has("from") and has("to") and has("currency") and has("rows") and has("totals")'
for f in "$WORK"/*.json; do
	n=${f##*/}
	if jq -e . "$f" >/dev/null 2>&1 && jq -e "$COMMON" "$f" >/dev/null 2>&1; then
		ok "json: $n parses and has report/from/to/currency/rows/totals"
	else
		not_ok "json: $n parses and has report/from/to/currency/rows/totals"
	fi
done

PNL_KEYS='["upsell","winback","discount_codes","claims_recovered","attributed","cogs","campaign_costs","staff","platform","other","returns_cost","liability_pct","liability","net","break_even_pct","break_even_note","profit_center"]'
AGENT_KEYS='["agent_id","agent","team","tickets","solved","frt_median_s","frt_p90_s","resolution_median_s","resolution_p90_s","first_resolution_median_s","first_resolution_p90_s","requester_wait_median_s","agent_wait_median_s","next_reply_median_s","csat_pct","nps","one_touch_pct","reopen_pct","revenue"]'
EXACT='(.rows | length > 0) and all(.rows[]; keys == ($want | sort))'
for n in pnl pnl.month-range pnl.liability-15; do
	cp "$WORK/$n.json" "$OUT"
	jqcheck "json: $n row keys are exactly the P&L columns" "$EXACT" --argjson want "$PNL_KEYS"
	jqcheck "json: $n totals keys are exactly the P&L columns" '.totals | keys == ($want | sort)' --argjson want "$PNL_KEYS"
done
cp "$WORK/agents.json" "$OUT"
jqcheck "json: agents row keys are exactly the documented ones" "$EXACT" --argjson want "$AGENT_KEYS"
jqcheck "json: agents totals keys are the row keys" '.totals | keys == ($want | sort)' --argjson want "$AGENT_KEYS"
cp "$WORK/pnl.month-range.json" "$OUT"
jqcheck "json: pnl month rows are labelled in periods" \
	'[.periods[].label] == ["October 2021","November 2021","December 2021","January 2022","February 2022","March 2022"] and (.rows | length) == 6'

# --- the sample's figures -------------------------------------------------

UPSELL='.rows[] | select(.kind == "upsell")'
cp "$WORK/campaigns.feb-2022.json" "$OUT"
jqcheck "figures: Feb 2022 upsell contacted 1701, responded 392, 23.05 %" \
	"[$UPSELL] | length == 1 and (.[0] | .contacted == 1701 and .responded == 392 and .response_pct == 23.05)"
jqcheck "figures: Feb 2022 upsell converted 392 for 4437710 cents" \
	"$UPSELL | .converted == 392 and .revenue == 4437710"
cp "$WORK/campaigns.feb-2022.text" "$OUT"
expect_out 'Welcome upsell.*\$44,377\.10' "figures: Feb 2022 upsell text shows \$44,377.10"
expect_out 'Welcome upsell.* 23\.05 %' "figures: Feb 2022 upsell text shows 23.05 %"

WB='.rows | map({(.month): [.recovered_support, .revenue, .reached_support]}) | add'
cp "$WORK/winback.jan-feb-2022.json" "$OUT"
jqcheck "figures: win-back Jan 2022 support recovered 70 for 862700 of 350" "$WB | .[\"2022-01\"] == [70, 862700, 350]"
jqcheck "figures: win-back Feb 2022 support recovered 57 for 469400 of 285" "$WB | .[\"2022-02\"] == [57, 469400, 285]"

BYMONTH='[.periods, .rows] | transpose | map({(.[0].label): .[1]}) | add'
cp "$WORK/pnl.month-range.json" "$OUT"
for m in "October 2021" "November 2021" "December 2021"; do
	jqcheck "figures: P&L $m is a loss (net < 0, not a profit center)" \
		"$BYMONTH | .[\"$m\"] | .net < 0 and .profit_center == false"
done
for m in "January 2022" "February 2022"; do
	jqcheck "figures: P&L $m is a profit (net > 0, a profit center)" \
		"$BYMONTH | .[\"$m\"] | .net > 0 and .profit_center == true"
done
jqcheck "figures: liability is 10 % by default" 'all(.rows[], .totals; .liability_pct == 10)'

cp "$WORK/pnl.liability-15.json" "$OUT"
jqcheck "figures: --liability 15 gives liability_pct 15" 'all(.rows[], .totals; .liability_pct == 15)'
# 5 % more of the returns, to the cent: exact when returns x 5 is a whole
# number of hundreds of cents, which the check asserts first.
if jq -e -n --slurpfile a "$WORK/pnl.json" --slurpfile b "$WORK/pnl.liability-15.json" '
	$a[0].totals as $x | $b[0].totals as $y |
	($x.returns_cost * 5) % 100 == 0 and
	$y.net == $x.net - ($x.returns_cost * 5 / 100) and
	$y.returns_cost == $x.returns_cost' >/dev/null 2>&1; then
	ok "figures: net at 15 % = net at 10 % - returns x 5 / 100, to the cent"
else
	not_ok "figures: net at 15 % = net at 10 % - returns x 5 / 100, to the cent" \
		"10 %: $(jq -c '.totals | [.net, .returns_cost]' "$WORK/pnl.json")" \
		"15 %: $(jq -c '.totals | [.net, .returns_cost]' "$WORK/pnl.liability-15.json")"
fi

cp "$WORK/notify.what-if.json" "$OUT"
jqcheck "figures: notify what-if is in RUB" '.currency == "RUB"'
jqcheck "figures: notify what-if extra_revenue_min is 90000000 (900,000.00 RUB)" \
	'[.rows[] | select(.channel | startswith("What-if"))] | length == 1 and .[0].extra_revenue_min == 90000000'
cp "$WORK/notify.what-if.text" "$OUT"
expect_out '^What-if.* 900,000\.00 RUB' "figures: notify what-if text shows 900,000.00 RUB"

report summary --format json
keep summary-march.json
if [ "$(jq .net "$WORK/summary-march.json")" = "$(jq .totals.net "$WORK/pnl.json")" ] &&
	[ "$(jq -r .from "$WORK/summary-march.json")" = 2022-03-01 ]; then
	ok "summary and pnl agree on March 2022's net"
else
	not_ok "summary and pnl agree on March 2022's net" \
		"summary .net $(jq .net "$WORK/summary-march.json"), pnl .totals.net $(jq .totals.net "$WORK/pnl.json")"
fi
report summary --liability 15 --format json
if [ "$(jq .net "$OUT")" = "$(jq .totals.net "$WORK/pnl.liability-15.json")" ]; then
	ok "summary and pnl agree on net at --liability 15"
else
	not_ok "summary and pnl agree on net at --liability 15"
fi

# --- csv and md -----------------------------------------------------------

# table_header CSV: the main table's header line.  A report with single
# figures (summary, claims...) starts with them as a key,value block and an
# empty line; the table follows.
table_header() {
	tr -d '\r' <"$1" | awk 'NR == 1 && $0 != "key,value" { print; exit }
		NR > 1 && prev == "" && seen { print; exit }
		{ if ($0 == "") seen = 1; prev = $0 }'
}
# header_has_keys CSV JSON: the json row keys appear in the csv header, in
# order (the csv may add columns json leaves out, such as cost).
header_has_keys() {
	keys=$(jq -r '(.rows[0] // .totals) | keys_unsorted | join(",")' "$2")
	table_header "$1" | awk -v want="$keys" -F , '{
		m = split(want, w, ","); j = 1
		for (i = 1; i <= NF && j <= m; i++) if ($i == w[j]) j++
		exit !(m > 0 && j > m) }'
}
for f in "$WORK"/*.csv; do
	n=${f##*/}
	lines=$(wc -l <"$f")
	crlf=$(grep -c "$CR\$" "$f")
	if [ "$lines" -gt 0 ] && [ "$lines" -eq "$crlf" ] && [ "$(tail -c 2 "$f" | od -An -c | tr -d ' ')" = '\r\n' ]; then
		ok "csv: $n ends every line in CRLF"
	else
		not_ok "csv: $n ends every line in CRLF" "$crlf of $lines lines end in CRLF"
	fi
	base=${n%.csv}
	if [ ! -f "$WORK/$base.json" ] || jq -e '.rows == [] and .totals == null' "$WORK/$base.json" >/dev/null; then
		continue # no json row to take the keys from (e.g. an empty audit trail)
	fi
	first=$(table_header "$f" | cut -d , -f 1)
	want=$(jq -r '(.rows[0] // .totals) | keys_unsorted | .[0]' "$WORK/$base.json")
	case $base in pnl*) want=period ;; esac # the period label: json has it in "periods"
	if [ "$first" = "$want" ] && header_has_keys "$f" "$WORK/$base.json"; then
		ok "csv: $n header starts with $want and holds the json keys in order"
	else
		not_ok "csv: $n header starts with $want and holds the json keys in order" "header: $(table_header "$f")"
	fi
done
expect_pnl_header="period,$(jq -r '.rows[0] | keys_unsorted | join(",")' "$WORK/pnl.json")"
check "csv: the pnl header is period then the json keys, exactly" \
	test "$(head -n 1 "$WORK/pnl.csv" | tr -d '\r')" = "$expect_pnl_header"

# Money in major units with two decimals: every pnl column but the label,
# the percentages and the flag; the campaigns' money columns.
money_ok() { # money_ok CSV COLUMN...: those columns of the first table
	file=$1
	shift
	tr -d '\r' <"$file" | awk -F , -v cols="$*" '
		NR == 1 { n = split(cols, c, " "); for (i = 1; i <= NF; i++) at[$i] = i; next }
		$0 == "" { exit }
		{ for (k = 1; k <= n; k++) if ($(at[c[k]]) !~ /^-?[0-9]+\.[0-9][0-9]$/) { bad = 1; print "bad: " $0 } }
		END { exit bad }'
}
PNL_MONEY="upsell winback discount_codes claims_recovered attributed cogs staff platform other returns_cost liability net"
for n in pnl pnl.month-range; do
	check "csv: $n money has two decimals" money_ok "$WORK/$n.csv" "$PNL_MONEY"
done
check "csv: campaigns money has two decimals" money_ok "$WORK/campaigns.feb-2022.csv" revenue cogs cost contribution
cp "$WORK/campaigns.feb-2022.csv" "$OUT"
expect_out '^4,Welcome upsell — Feb 2022,upsell,email,1701,392,23\.05,392,23\.05,44377\.10,' \
	"csv: Feb 2022 upsell row reads 1701,392,23.05,...,44377.10"
cp "$WORK/pnl.month-range.csv" "$OUT"
expect_out "^TOTAL," "csv: the pnl total row starts with TOTAL"

for f in "$WORK"/*.md; do
	if grep -Eq '^\|( *:?-{3,}:? *\|)+$' "$f"; then
		ok "md: ${f##*/} has a |---| separator line"
	else
		not_ok "md: ${f##*/} has a |---| separator line"
	fi
done

# --- an empty store -------------------------------------------------------

EMPTY=$WORK/empty.db
run init "$EMPTY"
expect_status 0 "empty store: init"
for r in $REPORTS; do
	for fmt in $FORMATS; do
		run report "$r" --format "$fmt" "$EMPTY"
		if [ "$status" -ne 0 ] || [ -s "$ERR" ] || [ ! -s "$OUT" ]; then
			not_ok "empty store: $r $fmt exits 0 with output and no error"
		elif [ "$fmt" = json ] && ! jq -e "$COMMON" "$OUT" >/dev/null 2>&1; then
			not_ok "empty store: $r $fmt exits 0 with output and no error" "not json with the common keys"
		else
			ok "empty store: $r $fmt exits 0 with output and no error"
		fi
		[ "$r" = pnl ] && keep "empty-pnl.$fmt"
		[ "$r" = summary ] && keep "empty-summary.$fmt"
	done
done
cp "$WORK/empty-pnl.json" "$OUT"
jqcheck "empty store: pnl break_even_pct is null" '.rows[0].break_even_pct == null and .totals.break_even_pct == null'
cp "$WORK/empty-pnl.text" "$OUT"
expect_out '^[A-Z][a-z]+ [0-9]{4} .* n/a( |$)' "empty store: pnl text says n/a for break-even"
cp "$WORK/empty-summary.json" "$OUT"
jqcheck "empty store: summary break_even_pct is null" '.break_even_pct == null'
cp "$WORK/empty-summary.text" "$OUT"
expect_out '^Break-even liability: +n/a$' "empty store: summary text says n/a for break-even"

# --- a period with costs and sales but no returns --------------------------

NORET=$WORK/noreturns.db
run init "$NORET"
# June 2022: one discount-code order (500.00, COGS 100.00), staff 3,000.00
# and platform 120.00; no returns.  Net = 500 - 100 - 3000 - 120 < 0, and the
# break-even liability has no returns to divide by.
if sqlite3 "$NORET" "
	INSERT INTO agents (id, name, team, discount_code, monthly_cost, hired_on)
		VALUES (1, 'Ann Lee', 'Frontline', 'ANN10', 300000, '2022-01-01');
	INSERT INTO customers (id, name, created_at) VALUES (1, 'Bob Roe', 1640995200);
	INSERT INTO costs (month, kind, amount) VALUES ('2022-06', 'staff', 300000), ('2022-06', 'platform', 12000);
	INSERT INTO orders (customer_id, placed_at, amount, cogs, attribution, agent_id, discount_code)
		VALUES (1, 1655294400, 50000, 10000, 'discount_code', 1, 'ANN10');" 2>"$ERR"; then
	ok "no returns: rows inserted through the schema's checks"
else
	not_ok "no returns: rows inserted through the schema's checks"
fi
rm -f "$NORET-wal" "$NORET-shm"
run report pnl --from 2022-06-01 --to 2022-06-30 --format json "$NORET"
expect_status 0 "no returns: pnl json exits 0"
jqcheck "no returns: the code order counted, returns 0, net -272000" \
	'.totals | .discount_codes == 50000 and .attributed == 50000 and .cogs == 10000 and .staff == 300000 and .platform == 12000 and .returns_cost == 0 and .liability == 0 and .net == -272000 and .profit_center == false'
jqcheck "no returns: break_even_pct is null in json" '.rows[0].break_even_pct == null and .totals.break_even_pct == null'
run report pnl --from 2022-06-01 --to 2022-06-30 "$NORET"
expect_status 0 "no returns: pnl text exits 0"
expect_out '^June 2022 .* n/a( |$)' "no returns: break-even is n/a in text"
run report summary --from 2022-06-01 --to 2022-06-30 "$NORET"
expect_out '^Break-even liability: +n/a$' "no returns: summary text says n/a"
run report summary --from 2022-06-01 --to 2022-06-30 --format json "$NORET"
jqcheck "no returns: summary break_even_pct is null" '.break_even_pct == null and .attributed == 50000'

# --- errors ---------------------------------------------------------------

# expect_error STATUS NAME ARGS...: exits STATUS, one "cxtop: " line on
# stderr, nothing on stdout.
expect_error() {
	want=$1
	name=$2
	shift 2
	run "$@"
	if [ "$status" -eq "$want" ] && [ ! -s "$OUT" ] && [ "$(wc -l <"$ERR")" -eq 1 ] && grep -q '^cxtop: ' "$ERR"; then
		ok "error: $name exits $want with one line on stderr"
	else
		not_ok "error: $name exits $want with one line on stderr"
	fi
}
printf 'id,name\n1,not a database\n' >"$WORK/notes.csv"
expect_error 2 "unknown report" report nosuch "$DB"
expect_error 2 "--from 2022-02-30" report pnl --from 2022-02-30 "$DB"
expect_error 2 "--to 2022-02-30" report pnl --to 2022-02-30 "$DB"
expect_error 2 "--from after --to" report pnl --from 2022-03-10 --to 2022-03-01 "$DB"
expect_error 2 "--liability -5" report pnl --liability -5 "$DB"
expect_error 2 "--liability 101" report pnl --liability 101 "$DB"
expect_error 2 "--liability ten" report pnl --liability ten "$DB"
expect_error 2 "--format xml" report pnl --format xml "$DB"
expect_error 2 "--period year" report pnl --period year "$DB"
expect_error 2 "unknown option" report pnl --no-such-option "$DB"
expect_error 2 "no report name" report
expect_error 2 "an extra argument" report pnl "$DB" extra
# Options the report does not read, and options given twice, are mistakes.
expect_error 2 "--shipments on pnl" report pnl --shipments 5 "$DB"
expect_err "^cxtop: report pnl: --shipments does not apply to it \(only to: notify\) \(see" "error: the option and report are named"
run report agents --liability 15 "$DB"
expect_err "^cxtop: report agents: --liability does not apply to it \(only to: summary, pnl\) \(see" "error: the reports an option applies to are listed"
expect_error 2 "--avg-check on summary" report summary --avg-check 3000 "$DB"
expect_error 2 "--buyout on campaigns" report campaigns --buyout 5 "$DB"
expect_error 2 "--cost-per-order on agents" report agents --cost-per-order 20 "$DB"
expect_error 2 "--liability on agents" report agents --liability 15 "$DB"
expect_error 2 "--liability on notify" report notify --liability 15 "$DB"
expect_error 2 "--csv-raw without --format csv" report campaigns --csv-raw "$DB"
expect_error 2 "--from twice" report pnl --from 2022-01-01 --from 2022-02-01 "$DB"
expect_err "^cxtop: report: --from given twice" "error: the repeated option is named"
expect_error 2 "--format twice" report pnl --format json --format=csv "$DB"
expect_error 2 "--liability twice" report pnl --liability 10 --liability 10 "$DB"
expect_error 2 "--csv-raw twice" report campaigns --format csv --csv-raw --csv-raw "$DB"
run report notify --shipments 6000 --avg-check 3000 --buyout 5 --cost-per-order 20 "$DB"
expect_status 0 "the notify options still apply to notify"
run report summary --liability 15 "$DB"
expect_status 0 "--liability still applies to summary"
expect_error 1 "missing store" report pnl "$WORK/missing.db"
expect_err "missing\.db" "error: the missing store is named"
check "error: a missing store is not created" test ! -e "$WORK/missing.db"
expect_error 1 "a non-database" report pnl "$WORK/notes.csv"
expect_err "notes\.csv'?: file is not an SQLite database" "error: the non-database is named and explained"
run report pnl --from 2022-02-30 "$DB"
expect_err "2022-02-30" "error: the bad date is named"
run report pnl --liability ten "$DB"
expect_err "ten" "error: the bad percentage is named"

run report --list
expect_status 0 "--list exits 0"
missing=""
for r in $DOCUMENTED; do grep -q "^$r " "$OUT" || missing="$missing $r"; done
if [ -z "$missing" ]; then ok "--list lists the ten documented reports"; else not_ok "--list lists the ten documented reports" "missing:$missing"; fi
run report --help
expect_status 0 "report --help exits 0"
expect_out '^Usage: cxtop report' "report --help prints usage"
# A terminal or a man page 80 columns wide shows every line whole.
for what in --help --list; do
	"$CXTOP" report $what >"$OUT" 2>"$ERR" </dev/null
	wide=$(awk 'length > 80' "$OUT")
	if [ -z "$wide" ] && ! LC_ALL=C grep -q '[^ -~]' "$OUT"; then ok "report $what: every line fits 80 columns"; else
		not_ok "report $what: every line fits 80 columns" "wider (or not ASCII): $wide"; fi
done

if [ -w /dev/full ]; then
	"$CXTOP" report agents "$DB" >/dev/full 2>"$ERR" </dev/null
	status=$?
	: >"$OUT"
	expect_status 1 "a report into a full disk exits 1"
	expect_one_line_err "a report into a full disk: one line on stderr"
	expect_err "cannot write" "a report into a full disk says it cannot write"
else
	ok "a report into a full disk # SKIP no /dev/full"
fi

# --- reports never write ----------------------------------------------------

# (The sample copy's hash is checked after every golden and figure run, and
# once more at the end of this file, after the error and time-zone runs.)
if [ ! -e "$DB-journal" ] && [ ! -e "$DB-wal" ]; then
	ok "a report leaves no journal beside a rollback-mode store"
else
	not_ok "a report leaves no journal beside a rollback-mode store"
fi

# The same in WAL mode (what `cxtop init` and the UI make), each report
# starting with no -wal and -shm beside the store.
WAL=$WORK/wal.db
cp sample.db "$WAL"
sqlite3 "$WAL" 'PRAGMA journal_mode = WAL' >/dev/null
rm -f "$WAL-wal" "$WAL-shm"
wal_sha=$(sha "$WAL")
changed=""
failed=""
for r in $REPORTS; do
	for s in "$WAL" "$NORET"; do
		rm -f "$s-wal" "$s-shm"
		before=$(sha "$s")
		run report "$r" --format json "$s"
		[ "$status" -eq 0 ] || failed="$failed $r:${s##*/}"
		[ "$(sha "$s")" = "$before" ] || changed="$changed $r:${s##*/}"
	done
done
check "WAL store: every report runs with no -wal/-shm present" test -z "$failed"
if [ -z "$changed" ] && [ "$(sha "$WAL")" = "$wal_sha" ]; then
	ok "WAL store: byte-identical after every report"
else
	not_ok "WAL store: byte-identical after every report" "changed by:$changed"
fi

# --- other time zones -------------------------------------------------------

# The sample keeps campaign contacts and renewals away from month edges, so
# these figures do not move with the zone.
for zone in Pacific/Honolulu Australia/Sydney; do
	if [ "$(TZ=$zone date +%z)" = "+0000" ]; then
		ok "TZ=$zone # SKIP zone not installed (tzdata)"
		continue
	fi
	TZ=$zone
	run report campaigns --from 2022-02-01 --to 2022-02-28 --format json "$DB"
	jqcheck "TZ=$zone: Feb 2022 upsell 1701 / 392 / 23.05 % / 4437710" \
		"$UPSELL | .contacted == 1701 and .responded == 392 and .response_pct == 23.05 and .converted == 392 and .revenue == 4437710"
	run report winback --from 2022-01-01 --to 2022-02-28 --format json "$DB"
	jqcheck "TZ=$zone: win-back Jan 70 / 862700 / 350, Feb 57 / 469400 / 285" \
		"$WB | .[\"2022-01\"] == [70, 862700, 350] and .[\"2022-02\"] == [57, 469400, 285]"
	run report campaigns --from 2022-02-01 --to 2022-02-28 "$DB"
	expect_out 'Welcome upsell.*\$44,377\.10' "TZ=$zone: Feb 2022 upsell text shows \$44,377.10"
	TZ=UTC
done

if [ -z "$writers" ] && [ "$(sha "$DB")" = "$DB_SHA" ]; then
	ok "the store is byte-identical after each of $runs report runs, and at the end"
else
	not_ok "the store is byte-identical after each of $runs report runs, and at the end" "changed by:$writers"
fi

# --- gamification ----------------------------------------------------------
run report leaderboard --format json sample.db
check "leaderboard: json rows carry exactly rank, agent_id, agent, team, points, level, badges, flags" \
	test "$(jq -c '.rows[0] | keys' "$OUT")" = '["agent","agent_id","badges","flags","level","points","rank","team"]'
check "leaderboard: ranks start at 1 and never rise with points falling" \
	jq -e '.rows[0].rank == 1 and ([.rows[].points] | . == (sort | reverse))' "$OUT"
check "leaderboard: the sample's real spread raises no alarm" jq -e '.alarm == false' "$OUT"
check "leaderboard: the fast agent with many reopens is flagged" \
	jq -e '[.rows[] | select(.agent == "Jyrki Häkkinen")][0].flags | test("reopens")' "$OUT"
printf 'levels:\n  - { name: Only, points: 5 }\n' >"$WORK/bad-scoring.yaml"
CXTOP_SCORING="$WORK/bad-scoring.yaml" run report leaderboard sample.db
expect_status 0 "leaderboard: a broken scoring file still prints the board"
expect_err "bad-scoring.yaml:2:[0-9]+: " "leaderboard: a broken scoring file is named with line and column"


# json: a totals object's first column is null, never "Total" or "TOTAL" in
# a field that holds an id or a name (the other formats print the label).
bad=""
for r in $("$CXTOP" report --list | awk '{print $1}'); do
	"$CXTOP" report "$r" --format json sample.db >"$WORK/t.json" 2>/dev/null || continue
	n=$(jq '[to_entries[] | select(.key == "totals" or (.key | endswith("_totals"))) | .value
		| select(. != null) | to_entries[0].value | select(type == "string")] | length' "$WORK/t.json")
	[ "$n" = 0 ] || bad="$bad $r"
done
if [ -z "$bad" ]; then ok "json totals carry no label text in their first column"
else not_ok "json totals with a label in their first column:$bad"; fi
