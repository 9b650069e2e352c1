# test_compare.sh — report --compare: each figure beside the same report
# for the period before (or a year before), the change being exactly the
# difference of the two reports' own figures.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
DB=$WORK/c.db
cp sample.db "$DB"

march=$("$CXTOP" report summary --format json "$DB")
feb=$("$CXTOP" report summary --from 2022-02-01 --to 2022-02-28 --format json "$DB")
run report summary --compare previous --format json "$DB"
expect_status 0 "summary --compare previous runs"
for key in net backlog tickets frt_median_s csat_pct; do
	this=$(echo "$march" | jq ".$key")
	prev=$(echo "$feb" | jq ".$key")
	got=$(jq -c "[.compare[] | select(.this == $this and .previous == $prev)] | length" "$OUT")
	if [ "$got" -ge 1 ] && [ "$this" != null ]; then ok "$key: this $this, previous $prev side by side"; else
		not_ok "$key side by side" "this $this, previous $prev"; fi
done
net_change=$(jq '.compare[] | select(.figure == "Support net") | .change' "$OUT")
want=$(($(echo "$march" | jq .net) - $(echo "$feb" | jq .net)))
if [ "$net_change" = "$want" ]; then ok "the change is this minus previous ($want)"; else
	not_ok "the change is this minus previous" "$net_change, want $want"; fi
trend=$(jq -r '.compare[] | select(.figure == "Support net") | .trend' "$OUT")
if [ "$trend" = "▼" ]; then ok "a fall is marked ▼"; else not_ok "a fall is marked ▼" "got $trend"; fi

# A year before the sample the store holds nothing: the figures stand
# alone (no zeros, no arrows), and the report says why, as the dashboard
# compares the first month with nothing.
run report pnl --compare year --format csv "$DB"
expect_out '^Upsell,40682.29,,,' "pnl --compare year: a year before the sample there is nothing to compare with"
if grep -q '▲' "$OUT"; then not_ok "... so no arrows"; else ok "... so no arrows"; fi
run report pnl --compare year "$DB"
expect_out "Not compared with March 2021: the store's first ticket is on 2021-10-01" "... and a note says why"
run report summary --compare previous --from 2021-10-01 --to 2021-10-31 --format json "$DB"
if [ "$(jq '[.compare[] | select(.previous != null)] | length' "$OUT")" = 0 ] &&
	jq -e '.compare | length > 5' "$OUT" >/dev/null; then
	ok "October 2021, the first month, is compared with nothing in every figure"
else not_ok "October 2021 compared with September"; fi
run report pnl --compare previous "$DB"
expect_out 'Compared with February 2022 \(2022-02-01 to 2022-02-28\)' "the text names the period compared with"
run report summary --compare lastweek "$DB"
expect_status 2 "--compare takes previous or year"
expect_one_line_err "a wrong --compare is one line"
