# test_drill.sh — every figure of the dashboard drills to rows that add up
# to it: the figure is read off the dashboard as drawn, Enter opens its
# rows, and their total (the total row, or the count the list says) must be
# the same string.  Walked on sample.db and on the demo store, which is
# built through import alone.
. tests/screen/screen-lib

# fig LABEL: the value drawn beside LABEL on the dashboard (its sign
# dropped: costs are drawn as negatives, their rows as amounts).
fig() {
	printf '%s\n' "$dash" | sed -n "s/.*│ $1  *\([^│]*[^ │]\) *│.*/\1/p" | head -n 1 | sed 's/^-//; s/ [▲▼=]$//'
}
# open N: the dashboard's (N+1)-th figure, opened.
open() {
	set -- Escape g $(i=0; while [ "$i" -lt "$1" ]; do printf 'j '; i=$((i + 1)); done) Enter
	keys "$@"
}
# money N LABEL: figure N's rows end in a total row holding its value.
money() {
	v=$(fig "$2")
	open "$1"
	if [ -z "$v" ]; then
		echo "not ok - $store: $2 is on the dashboard"
		return
	fi
	check "$store: $2 $v opens rows whose total is $v" "^ *Total .*$v"
}
# count N LABEL VALUE PATTERN: figure N opens a list that says it holds
# VALUE rows (PATTERN: how it says so, VALUE in it as @).
count() {
	open "$1"
	if [ -z "$3" ]; then
		echo "not ok - $store: $2 is on the dashboard"
		return
	fi
	check "$store: $2 $3 opens rows that say $3" "$(printf '%s' "$4" | sed "s/@/$3/g")"
}

walk() {
	start 80 24 "$1"
	keys G g
	dash=$(screen)
	money 0 "Upsell"
	money 1 "Win-back"
	money 2 "Discount codes"
	money 3 "Claims recovered"
	money 4 "COGS"
	money 5 "Campaign costs"
	money 6 "Staff, platform, other"
	money 7 "Returns liability [0-9.]* %"
	pair=$(fig "Created · solved")
	created=${pair% · *}
	solved=${pair#* · }
	count 10 "Created" "$created" "^ @ tickets created"
	count 11 "Solved" "$solved" "^ @ tickets solved"
	count 12 "Backlog" "$(fig "Backlog at period end")" "^ @ tickets open at period end"
	count 13 "Never answered" "$(fig "Never answered")" "^ @ tickets never answered"
	count 14 "First response" "$created" "^ @ tickets created"
	count 15 "Resolution" "$solved" "^ @ tickets solved"
	csat=$(fig "CSAT ([0-9,]* unrated)")
	count 16 "CSAT" "$csat" "^ $solved tickets solved · CSAT @ of"
}

store=sample.db
walk "$DB"
count 17 "NPS" "$solved" "^ @ tickets solved"
count 18 "One-touch" "$solved" "^ @ tickets solved"
email=$(fig "email  [█▉▊▋▌▍▎▏ ]*")
count 20 "channel email" "$email" "^ @ tickets created · email"
sms=$(fig "sms    [█▉▊▋▌▍▎▏ ]*")
count 24 "channel sms" "$sms" "^ @ tickets created · sms"
count 29 "Claims open" "$(fig "Claims open ([0-9,]* due in 7 days)")" "^ @ of @ rows"
check "... the claims open at the period's end" "› Claims open at the period's end"
count 30 "Claims past deadline" "$(fig "Claims past deadline")" "^ @ of @ rows"
count 31 "Watchlist" "$(fig "Watchlist (satisfaction ≤ 6)")" "^ @ of @ rows"

# Wider, the solved tickets' line says every rate the dashboard shows.
start 120 30 "$DB"
dash=$(screen)
onetouch=$(fig "One-touch · reopened")
count 11 "Solved, one-touch and reopened" "$onetouch" \
	"one-touch $(printf '%s' "$onetouch" | sed 's/ · / · reopened /')"

# The second store: the demo company, imported from vendors' exports.
if TZ=UTC sh demo/build.sh "$CXTOP" "$WORK/demo.db" >/dev/null 2>&1; then
	store=demo
	walk "$WORK/demo.db"
else
	echo "not ok - demo/build.sh builds the demo store"
fi

# Each figure beside the period before: the arrow on a wide screen, and
# for the selected figure the change and the earlier value on the status
# line, which are report summary's for the two months.
now=$("$CXTOP" report summary --format json "$DB" | jq .backlog)
feb=$("$CXTOP" report summary --from 2022-02-01 --to 2022-02-28 --format json "$DB" | jq .backlog)
start 120 30 "$DB"
check "120x30: every figure has its arrow against the month before" "Backlog at period end  *$now ▲ │"
keys g j j j j j j j j j j j j
check "the selected figure's change is on the status line" \
	"Backlog at period end: $now, ▲ +$((now - feb)) against February 2022 ($feb)"
keys '['
keys '[' '[' '[' '['
check "October 2021, the first month, is compared with nothing" "◂ October 2021 ▸"
check_not "... so it has no arrows" "Backlog at period end  *[0-9,]* [▲▼=] │"

# An agent's figures in the Agents view open their rows too: the pane's
# tickets, solved and revenue, each adding up to what the row shows.
start 100 30 "$DB"
row=$("$CXTOP" report agents --format json "$DB" | jq -r '.rows[0] | "\(.tickets) \(.solved)"')
keys 2 Enter
check "the agent's pane offers its figures" "j k: a figure   Enter: its rows"
keys Enter
check "Tickets opens the agent's tickets created, as many as the row says" "^ ${row% *} tickets created · agent"
keys Escape Enter j Enter
check "Solved opens the agent's tickets solved" "^ ${row#* } tickets solved · agent"
keys Escape Enter j j Enter
revenue=$(screen | sed -n 's/^ *Total  *\([^ ]*\) *$/\1/p')
check "Revenue opens the orders credited to the agent" "› Revenue: agent"
"$CXTOP" report agents --format text "$DB" >"$WORK/agents.txt"
if [ -n "$revenue" ] && grep -q -- "$revenue" "$WORK/agents.txt"; then ok "... whose total, $revenue, is the agent's revenue"
else echo "not ok - the agent's revenue rows add up to it (total '$revenue')"; fi

# A campaign's figures in the Campaigns view open its contacts, whose cost
# and orders add up to the row's cost and revenue.
start 120 30 "$DB"
keys 4 j j Enter
check "the campaign's pane offers its figures" "j k: a figure   Enter: its rows"
keys Enter
check "Contacted opens the campaign's contacts, as many as the row says" "› Contacts: campaign Welcome upsell"
check "... 1,653 of them" "1,653 of 1,653 rows"
c=$("$CXTOP" report campaigns --format text "$DB" | grep 'Welcome upsell')
check "... whose total is the campaign's cost and revenue" "^ *Total  *\$826.50  *359  *\$40,682.29"
case "$c" in *'$826.50'*'$40,682.29'* | *'$40,682.29'*'$826.50'*) ok "... which report campaigns prints for it" ;;
*) echo "not ok - report campaigns' row: $c" ;; esac

# The Claims view's table by carrier and status: Enter on a row lists its
# claims, which add up to its count, claimed and recovered.
start 120 30 "$DB"
keys 5 f
check "f shows the claims by carrier and status" "FedEx  *draft  *2  *\$137.34"
keys g j j Enter
check "Enter on FedEx approved lists its claims" "› Claims: FedEx, approved"
check "... as many as the row counts" "7 of 7 rows"
check "... adding up to its claimed and recovered" "^ *Total  *\$513.76  *\$0.00"
keys Escape
check "Esc goes back to the table by carrier and status" "FedEx  *approved  *7  *\$513.76"
