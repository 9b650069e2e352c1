# test_rows.sh — report rows: for every figure of the dashboard, the rows
# it lists add up to it, and it is the figure report summary and report pnl
# print, on sample.db and on the demo store (built through import alone),
# for a month, a week, a quarter and a range that cuts months.
. tests/cli/lib.sh

TZ=UTC sh demo/build.sh "$CXTOP" "$WORK/demo.db" >/dev/null 2>&1 || not_ok "demo/build.sh builds the demo store"

# figure:source:the column its rows add up in (- : the figure counts rows)
FIGURES="attributed:pnl:amount upsell:pnl:amount winback:pnl:amount discount_codes:pnl:amount
claims_recovered:pnl:recovered cogs:pnl:cogs campaign_costs:pnl:cost fixed:pnl:share staff:pnl:share
platform:pnl:share other:pnl:share returns_cost:pnl:cost liability:pnl:liability
tickets:summary:- solved:summary:- backlog:summary:- unanswered:summary:- claims_open:summary:-
claims_due_7d:summary:- claims_past_deadline:summary:- watchlist:summary:-"

# reconcile STORE NAME ARGS...: every figure for one period.
reconcile() {
	db=$1 name=$2
	shift 2
	"$CXTOP" report pnl --format json "$@" "$db" >"$WORK/pnl.json" 2>/dev/null
	"$CXTOP" report summary --format json "$@" "$db" >"$WORK/summary.json" 2>/dev/null
	for spec in $FIGURES; do
		f=${spec%%:*} rest=${spec#*:}
		src=${rest%%:*} col=${rest#*:}
		run report rows --figure "$f" --format json "$@" "$db"
		if [ "$src" = pnl ]; then
			want=$(jq -r --arg f "$f" 'if $f == "fixed" then .totals.staff + .totals.platform + .totals.other
				else .totals[$f] end' "$WORK/pnl.json")
		else
			want=$(jq -r --arg f "$f" '.[$f]' "$WORK/summary.json")
		fi
		if [ "$col" = - ]; then
			sum=$(jq '.rows | length' "$OUT")
		else
			sum=$(jq --arg c "$col" '[.rows[][$c]] | add // 0' "$OUT")
		fi
		got=$(jq -r '"\(.value) \(.total) \(.count) \(.rows | length)"' "$OUT")
		rows=$(jq '.rows | length' "$OUT")
		if [ "$status" -eq 0 ] && [ ! -s "$ERR" ] && [ "$got" = "$want $want $rows $rows" ] && [ "$sum" = "$want" ]; then
			ok "$name: $f = $want, its $rows rows add up to it"
		else
			not_ok "$name: $f" "report $src says $want; rows: value total count rows = $got; summed: $sum"
		fi
	done
}

reconcile sample.db "sample March 2022"
reconcile sample.db "sample 2021-W48" --from 2021-11-29 --to 2021-12-05 --period week
reconcile sample.db "sample 2021 Q4" --from 2021-10-01 --to 2021-12-31
reconcile sample.db "sample 2022-01-15..2022-02-10" --from 2022-01-15 --to 2022-02-10
reconcile "$WORK/demo.db" "demo, its latest month"

# The liability's parts each round once on the running total: they add up
# to the figure at any percentage, where rounding each return would drift.
run report rows --figure liability --liability 7.77 --format json sample.db
if [ "$(jq '[.rows[].liability] | add' "$OUT")" = "$(jq .value "$OUT")" ]; then
	ok "at 7.77 % the liability's parts still add up to the figure"
else not_ok "liability parts at 7.77 %"; fi

# The backlog's rows are the tickets open at the period's end as the store
# knew them then: a ticket still open solved today, and one solved in
# February reopened today (both through the sqlite3 shell), leave
# February's list as it was.
cp sample.db "$WORK/asof.db"
run report rows --figure backlog --format csv --from 2022-02-01 --to 2022-02-28 "$WORK/asof.db"
cp "$OUT" "$WORK/before.csv"
sqlite3 "$WORK/asof.db" "UPDATE tickets SET status = 'solved', resolved_at = CAST(strftime('%s', 'now') AS INTEGER)
	WHERE id = (SELECT min(id) FROM tickets WHERE created_at < 1646092800 AND resolved_at IS NULL);
	UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = reopened + 1
	WHERE id = (SELECT min(id) FROM tickets WHERE resolved_at >= 1643673600 AND resolved_at < 1646092800)"
run report rows --figure backlog --format csv --from 2022-02-01 --to 2022-02-28 "$WORK/asof.db"
if cmp -s "$OUT" "$WORK/before.csv" && [ "$(wc -l <"$OUT")" -gt 100 ]; then
	ok "February's backlog rows do not move when its tickets change later"
else not_ok "February's backlog rows moved" "$(diff "$WORK/before.csv" "$OUT" | head -5)"; fi
run report rows --figure backlog --format json "$WORK/asof.db"
if [ "$(jq '.value == .total' "$OUT")" = true ]; then ok "... and today's backlog, which moved, still adds up"
else not_ok "today's backlog after the changes"; fi

# Text, csv and md carry the same total.
for fmt in text csv md; do
	run report rows --figure upsell --format "$fmt" sample.db
	expect_out '40,?682\.29' "report rows --format $fmt shows the upsell total"
done

# Without --figure, the index: every figure with its value.
run report rows --format json sample.db
if [ "$(jq -r '[.rows[] | select(.figure == "upsell" or .figure == "backlog") | .value] | join(" ")' "$OUT")" = "4068229 825" ]
then ok "report rows without --figure lists the figures and their values"
else not_ok "the figures' index"; fi

# Usage errors: an unknown figure, --figure on another report.
run report rows --figure upsel sample.db
expect_status 2 "an unknown figure is a usage error"
expect_one_line_err "... on one line"
expect_err "no figure named 'upsel'" "... naming it"
run report pnl --figure upsell sample.db
expect_status 2 "--figure on another report is a usage error"
run report --help
expect_out "claims_past_deadline" "report --help lists the figures"

# One agent's part (--agent): for every agent of the period, the orders
# credited to them add up to their revenue in report agents, and their
# tickets created and solved to its counts.
"$CXTOP" report agents --format json sample.db >"$WORK/agents.json"
bad=""
for id in $(jq '.rows[] | select(.agent_id != null) | .agent_id' "$WORK/agents.json"); do
	want=$(jq -r --argjson id "$id" '.rows[] | select(.agent_id == $id) | "\(.revenue) \(.tickets) \(.solved)"' "$WORK/agents.json")
	got=""
	for f in attributed tickets solved; do
		"$CXTOP" report rows --figure "$f" --agent "$id" --format json sample.db >"$OUT" 2>"$ERR"
		got="$got $(jq -r 'if .value == .total and .count == (.rows | length) then .total else "differs" end' "$OUT")"
	done
	[ "$got" = " $want" ] || bad="$bad $id:($got vs $want)"
done
if [ -z "$bad" ]; then ok "every agent's revenue, tickets and solved add up from their rows"
else not_ok "agents whose rows do not add up:$bad"; fi
run report rows --figure liability --agent 3 sample.db
expect_status 2 "--agent on a figure that is not an agent's is a usage error"
run report rows --figure tickets --agent 0 sample.db
expect_status 2 "--agent 0 is a usage error"

# One campaign's contacts (--campaign): for every campaign of the period,
# their cost, conversions and their orders' revenue are the campaigns
# report's figures.
"$CXTOP" report campaigns --format json sample.db >"$WORK/campaigns.json"
bad=""
for id in $(jq '.rows[] | .campaign_id' "$WORK/campaigns.json"); do
	want=$(jq -r --argjson id "$id" '.rows[] | select(.campaign_id == $id) | "\(.cost) \(.contacted) \(.converted) \(.revenue)"' "$WORK/campaigns.json")
	"$CXTOP" report rows --figure campaign_costs --campaign "$id" --format json sample.db >"$OUT" 2>"$ERR"
	got=$(jq -r 'if .value == .total then "\(.total) \(.count) \(.converted) \(.revenue)" else "differs" end' "$OUT")
	[ "$got" = "$want" ] && [ ! -s "$ERR" ] || bad="$bad $id:($got vs $want)"
done
if [ -z "$bad" ]; then ok "every campaign's cost, contacts, conversions and revenue add up from its contacts"
else not_ok "campaigns whose contacts do not add up:$bad"; fi
run report rows --figure upsell --campaign 6 sample.db
expect_status 2 "--campaign on another figure is a usage error"

# The claims report's table by carrier and status (the Claims view): each
# row's claims (--figure claims --carrier --status) add up to its count,
# claimed and recovered, in a month, a quarter and the demo; and all the
# claims opened in the period to the table's total row.
claims_by_status() {
	db=$1 name=$2
	shift 2
	"$CXTOP" report claims --format json "$@" "$db" >"$WORK/claims.json" 2>/dev/null
	bad="" n=0
	for pair in $(jq -r '.rows[] | "\(.carrier)|\(.status)"' "$WORK/claims.json"); do
		carrier=${pair%|*} st=${pair#*|}
		want=$(jq -r --arg c "$carrier" --arg s "$st" \
			'.rows[] | select(.carrier == $c and .status == $s) | "\(.count) \(.claimed) \(.recovered)"' "$WORK/claims.json")
		"$CXTOP" report rows --figure claims --carrier "$carrier" --status "$st" --format json "$@" "$db" >"$OUT" 2>"$ERR"
		got=$(jq -r 'if .value == .total and .count == (.rows | length)
			and ([.rows[].status] | unique | length) <= 1 then
			"\(.total) \([.rows[].claimed] | add // 0) \([.rows[].recovered] | add // 0)" else "differs" end' "$OUT")
		[ "$got" = "$want" ] && [ ! -s "$ERR" ] || bad="$bad $carrier/$st:($got vs $want)"
		n=$((n + 1))
	done
	want=$(jq -r '"\(.totals.count) \(.totals.claimed) \(.totals.recovered)"' "$WORK/claims.json")
	"$CXTOP" report rows --figure claims --format json "$@" "$db" >"$OUT" 2>"$ERR"
	got=$(jq -r '"\(.total) \(.claimed) \(.recovered)"' "$OUT")
	if [ -z "$bad" ] && [ "$n" -gt 0 ] && [ "$got" = "$want" ]; then
		ok "$name: the claims of each of the $n carrier and status rows add up to it, and all of them to $want"
	else not_ok "$name: claims by carrier and status" "rows that do not add up:$bad" "all: $got vs $want"; fi
}
claims_by_status sample.db "sample March 2022"
claims_by_status sample.db "sample 2022 Q1" --from 2022-01-01 --to 2022-03-31
# Claims paid and denied today through the sqlite3 shell: March as
# recorded still lists them as they stood then, and still adds up.
cp sample.db "$WORK/claims.db"
sqlite3 "$WORK/claims.db" "UPDATE carrier_claims SET status = 'paid', recovered = claimed, resolved_on = date('now')
	WHERE id IN (SELECT id FROM carrier_claims WHERE status = 'filed' AND opened_on LIKE '2022-03-%' LIMIT 3);
	UPDATE carrier_claims SET status = 'denied', resolved_on = date('now')
	WHERE id IN (SELECT id FROM carrier_claims WHERE status = 'approved' AND opened_on LIKE '2022-03-%' LIMIT 2)"
claims_by_status "$WORK/claims.db" "March after claims were paid and denied later"
run report rows --figure claims --format csv "$WORK/claims.db"
cp "$OUT" "$WORK/after.csv"
run report rows --figure claims --format csv sample.db
if cmp -s "$OUT" "$WORK/after.csv"; then ok "... its claims are listed as they stood at March's end"
else not_ok "March's claims moved" "$(diff "$OUT" "$WORK/after.csv" | head -5)"; fi

run report rows --figure claims --status lost sample.db
expect_status 2 "--status that is no claim status is a usage error"
expect_err "want draft, filed, approved, denied or paid" "... saying which are"
run report rows --figure upsell --carrier UPS sample.db
expect_status 2 "--carrier on another figure is a usage error"
run report rows --figure claims --carrier Nobody --format json sample.db
if [ "$status" -eq 0 ] && [ "$(jq -r '"\(.value) \(.total) \(.rows | length)"' "$OUT")" = "0 0 0" ]; then
	ok "a carrier with no claims lists none, and its figure is 0"
else not_ok "an unknown carrier"; fi

# The solved tickets of a past month as recorded: one solved in February
# and reopened today, one reassigned today, and one open at February's end
# solved into February by a later write leave February's list and each
# agent's part as they were, adding up to the figures.
cp sample.db "$WORK/solved.db"
F="--from 2022-02-01 --to 2022-02-28"
# shellcheck disable=SC2086
"$CXTOP" report rows --figure solved --format csv $F "$WORK/solved.db" >"$WORK/s1.csv"
sqlite3 "$WORK/solved.db" "
	UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = reopened + 1
	WHERE id = (SELECT min(id) FROM tickets WHERE resolved_at >= 1643673600 AND resolved_at < 1646092800);
	UPDATE tickets SET agent_id = (SELECT min(id) FROM agents WHERE id <> tickets.agent_id AND left_on IS NULL)
	WHERE id = (SELECT max(id) FROM tickets WHERE resolved_at >= 1643673600 AND resolved_at < 1646092800);
	UPDATE tickets SET status = 'solved', resolved_at = 1645000000
	WHERE id = (SELECT min(id) FROM tickets WHERE created_at < 1644000000 AND resolved_at IS NULL)"
# shellcheck disable=SC2086
"$CXTOP" report rows --figure solved --format csv $F "$WORK/solved.db" >"$WORK/s2.csv"
if cmp -s "$WORK/s1.csv" "$WORK/s2.csv"; then ok "February's solved tickets are listed as recorded after later changes"
else not_ok "February's solved list moved" "$(diff "$WORK/s1.csv" "$WORK/s2.csv" | head -6)"; fi
# shellcheck disable=SC2086
"$CXTOP" report agents --format json $F "$WORK/solved.db" >"$WORK/agents2.json"
bad=""
for id in $(jq '.rows[] | select(.agent_id != null) | .agent_id' "$WORK/agents2.json"); do
	want=$(jq -r --argjson id "$id" '.rows[] | select(.agent_id == $id) | .solved' "$WORK/agents2.json")
	# shellcheck disable=SC2086
	got=$("$CXTOP" report rows --figure solved --agent "$id" --format json $F "$WORK/solved.db" |
		jq -r 'if .value == .total and .count == (.rows | length) then .total else "differs" end')
	[ "$got" = "$want" ] || bad="$bad $id:($got vs $want)"
done
if [ -z "$bad" ]; then ok "... and every agent's solved tickets add up to their figure as recorded"
else not_ok "agents' solved as recorded:$bad"; fi
