# test_view1_dashboard.sh — view 1, the Dashboard, as a manager reads it:
# the figures it draws are the reports' (report summary, pnl, sla), each
# figure drills to rows that add up to it and Esc comes back to the same
# figure and period, its SLA line opens the SLA's tables, H counts in
# business hours; at 60x16, 80x24, 160x48 and 200x50 its labels are whole
# and its panels framed, from 150 columns the wide panels hold the
# reports' figures; under LANG=C it is plain ASCII; it reads in words.
# Walked on sample.db and on the demo store, which is built through
# import alone.
. tests/screen/screen-lib

# --- what it draws, and its drill-downs and back (80x24) -------------------
start 80 24 "$DB"
check "80x24: the dashboard draws" "Support P&L"
check "80x24: the dashboard opens on the newest ticket's month" "March 2022"
check "80x24: the dashboard shows the P&L" "Support P&L"
check "80x24: the dashboard shows net and profit center" "Net ✓ profit center"
check "80x24: the dashboard shows ticket KPIs" "reply med · p90\|response med · p90"
check "80x24: the dashboard shows channels" "email"
tabs "80x24"
whole "80x24: every dashboard label whole (no ellipsis)" '…'
framed "80x24: the dashboard's panels are framed inside the screen" '│╭╰' '│╮╯'
# The figures on screen are the report's.
net=$(TZ=${TZ:-UTC} "$CXTOP" report summary --format json "$DB" | jq -r .net)
check "the dashboard's net is the summary report's ($(usd "$net"))" "$(pattern "$(usd "$net")")"

# The back stack: every drill-down pushes a view that Esc, Backspace and h
# leave, back to exactly where the manager was.  The first figure is the
# P&L's upsell: it opens the upsell orders.
keys Enter
check "a dashboard figure pushes its rows, named in the trail" "Dashboard › Upsell orders · March 2022"
keys Escape
check_not "Esc leaves the drill-down" "Dashboard › Upsell"
check "... back on the dashboard" "Support P&L"
# The eleventh figure, tickets created, opens the period's tickets.
keys j j j j j j j j j j Enter
check "Enter on created · solved pushes the tickets" "Dashboard › Tickets · March 2022"
keys BSpace
check "Backspace leaves it, the dashboard as it was" "Support P&L"
keys Enter
check "... with the same figure still selected" "Dashboard › Tickets"
keys h
check_not "h leaves it too" "Dashboard › Tickets"
# A period back, a figure of the P&L: Esc keeps both.
keys g '[' j j j Enter
check "February: claims recovered opens the claims paid in February" "Dashboard › Carrier claims paid · February 2022"
keys Escape
check "Esc is back on February's dashboard" "◂ February 2022 ▸"
check_not "... the drill-down gone" "Dashboard › Carrier"
keys Enter
check "... with claims recovered still selected" "Dashboard › Carrier claims paid · February 2022"
keys Escape L g

# The SLA in the tickets panel: the dashboard's line is report sla's
# total, Enter opens the report's tables (f: the next one), and H counts
# every duration in business hours and back.
check "80x24: the tickets panel has the SLA line, whole (first reply, next reply, resolution)" "SLA  *87.51 % · 86.03 % · 79.95 %"
check_not "... and no room for the first resolution's line" "1st res med"
check "the top bar shows the period's dates" "◂ March 2022 ▸ 2022-03-01 – 2022-03-31  month"
# The twentieth figure: ten of the P&L, then the tickets panel's (created and solved are two).
keys j j j j j j j j j j j j j j j j j j j Enter
check "Enter on it opens the SLA per agent" "Dashboard › SLA · March 2022"
check "... whose total is the dashboard's figure" "TOTAL .*3,413 .*487 .*87.51 %"
keys f
check "f: by team" "By team"
keys Escape
check "Esc is back on the dashboard" "Support P&L"
check_not "... with the clock's medians" "business hours"
keys Enter
check "... the SLA line still selected" "Dashboard › SLA · March 2022"
keys Escape H
check "H: business hours, said in the top bar" "business hours"
check "80x24: the top bar keeps the dates and business hours whole" "^ .*◂ March 2022 ▸ 2022-03-01 – 2022-03-31 .*business hours  "
check "... and on the status line" "durations in business hours"
check_not "... the medians counted in working hours" "1st reply med · p90 *1h 05m · 8h 08m"
keys H
check "H again: back on the clock" "1st reply med · p90 *1h 05m · 8h 08m"
keys q
wait_for 'EXIT=' 3
check "80x24: q exits 0" "EXIT=0"

# Read-only too: the period, its dates, business hours and READ-ONLY whole.
start 80 24 --read-only "$DB"
keys H
check "80x24, read-only: dates, business hours and READ-ONLY whole" "^ .*◂ March 2022 ▸ 2022-03-01 – 2022-03-31 .*business hours  *READ-ONLY "
keys Escape q
wait_for 'EXIT=' 3
check "... and it exits 0" "EXIT=0"

# The first resolution: a line more (80x25), or after the full one's
# figures on a wide panel (120x24), as report summary has them.
start 80 25 "$DB"
check "80x25: the first resolution has its line" "1st res med · p90 *2h 29m · 2d 11h"
check "... the full one above it" "Resolution med · p90 *2h 51m · 2d 17h"
check "... and the SLA line stays" "SLA  *87.51 % · 86.03 % · 79.95 %"
check_not "... with no room for the waits" "Wait on team"
keys q
wait_for 'EXIT=' 3
start 120 24 "$DB"
check "120x24: both on the resolution line" "Resolved med · p90  2h 51m · 2d 17h  1st 2h 29m · 2d 11h"
keys q
wait_for 'EXIT=' 3

start 120 40 "$DB"
check "120x40: the dashboard opens on the newest ticket's month" "March 2022"
check "120x40: the dashboard shows the P&L" "Support P&L"
check "120x40: the dashboard shows net and profit center" "Net ✓ profit center"
check "120x40: the dashboard shows ticket KPIs" "reply med · p90\|response med · p90"
check "120x40: the dashboard shows channels" "email"
keys q
wait_for 'EXIT=' 3

# --- every figure drills to rows that add up to it -------------------------
# The figure is read off the dashboard as drawn, Enter opens its rows, and
# their total (the total row, or the count the list says) must be the same
# string.

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
# total N LABEL: figure N's rows end in a total row holding its value.
total() {
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
	total 0 "Upsell"
	total 1 "Win-back"
	total 2 "Discount codes"
	total 3 "Claims recovered"
	total 4 "COGS"
	total 5 "Campaign costs"
	total 6 "Staff, platform, other"
	total 7 "Returns liability [0-9.]* %"
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
keys q q
wait_for 'EXIT=' 3

# Wider, the solved tickets' line says every rate the dashboard shows.
start 120 30 "$DB"
dash=$(screen)
onetouch=$(fig "One-touch · reopened")
count 11 "Solved, one-touch and reopened" "$onetouch" \
	"one-touch $(printf '%s' "$onetouch" | sed 's/ · / · reopened /')"

# Each figure beside the period before: the arrow on a wide screen, and
# for the selected figure the change and the earlier value on the status
# line, which are report summary's for the two months.
now=$("$CXTOP" report summary --format json "$DB" | jq .backlog)
feb=$("$CXTOP" report summary --from 2022-02-01 --to 2022-02-28 --format json "$DB" | jq .backlog)
keys Escape
check "120x30: every figure has its arrow against the month before" "Backlog at period end  *$now ▲ │"
keys g j j j j j j j j j j j j
check "the selected figure's change is on the status line" \
	"Backlog at period end: $now, ▲ +$((now - feb)) against February 2022 ($feb)"
keys Escape
check "Esc clears it, and the key hints come back" "^ ? help  q quit"
check_not "... for good" "against February 2022"
keys '['
keys '[' '[' '[' '['
check "October 2021, the first month, is compared with nothing" "◂ October 2021 ▸"
check_not "... so it has no arrows" "Backlog at period end  *[0-9,]* [▲▼=] │"
keys q
wait_for 'EXIT=' 3

# The second store: the demo company, imported from vendors' exports.
if TZ=UTC sh demo/build.sh "$CXTOP" "$WORK/demo.db" >/dev/null 2>&1; then
	store=demo
	walk "$WORK/demo.db"
	keys q q
	wait_for 'EXIT=' 3
else
	echo "not ok - demo/build.sh builds the demo store"
fi

# --- 60x16, 160x48 and 200x50 ----------------------------------------------
# Every label whole, the panels framed inside the screen; from 150 columns
# the wide panels (trends, the top rows of the lists), their figures those
# of the reports.
report() { TZ=${TZ:-UTC} "$CXTOP" report "$@" --format json "$DB"; }
agent=$(report agents | jq -r '[.rows[] | select(.agent_id != null)] | sort_by(-.revenue) | .[0] | "\(.agent)|\(.revenue)"')
campaign=$(report campaigns | jq -r '.rows | sort_by(-.revenue) | .[0] | "\(.campaign)|\(.revenue)"')
watch=$(report watchlist | jq -r '"\(.watchlist)|\(.rows[0].customer)|\(.rows[0].on_list_since)"')
claims=$(report claims | jq -r '"\(.past_deadline)|\([.open[] | select(.past_deadline)][0] | "\(.tracking_no)|\(.days_to_deadline)|\(.claimed)")"')
sla=$(report sla | jq -r '.channels[] | select(.channel == "email") | "\(.first_reply_met_pct)|\(.resolution_met_pct)"')
months=$(TZ=${TZ:-UTC} "$CXTOP" report pnl --from 2021-10-01 --to 2022-03-31 --period month --format json "$DB" |
	jq -r '[.rows[].net] | "\(min)|\(max)"')

for size in "60 16" "160 48" "200 50"; do
	set -- $size
	SIZE="$1x$2"
	start "$1" "$2" "$DB"
	check "$SIZE: the dashboard draws" "Support P&L"
	# Wide, the panels fill in after the first frame, each list an
	# ellipsis until it is read: judge the labels once they are drawn.
	[ "$1" -lt 150 ] || { wait_for 'Claims past deadline (' 15; wait_gone '│ … ' 15; }
	tabs "$SIZE"
	whole "$SIZE: every dashboard label whole (no ellipsis)" '…'
	framed "$SIZE: the dashboard's panels are framed inside the screen" '│╭╰' '│╮╯'
	[ "$SIZE" = 60x16 ] && check "60x16: the dashboard shows net first" "Net ✓ profit "
	if [ "$SIZE" = 160x48 ]; then
		# A wide screen has room for the SLA's and the waits' whole labels.
		check "160x48: the labels in full" "SLA met 1st, next, res *87.51 % · 86.03 % · 79.95 %"
		check "... the waits on a line of their own" "Wait on team med · on customer *2h 18m · 15m 42s"
		check "... all of them" "First response med · p90 *1h 05m · 8h 08m"
		check "... the first resolution on a line of its own, under the full one" "First resolution med · p90 *2h 29m · 2d 11h"
	fi
	if [ "$1" -ge 150 ]; then
		check "$SIZE: the trends of twelve months" "Trends, April 2021 to March 2022"
		check "$SIZE: ... the net's trend ends on report summary's net ($(usd "$net"))" \
			"│ Net  *[▁▂▃▄▅▆▇█ ]*  *$(pattern "$(usd "$net")") [▲▼=] │"
		check "$SIZE: ... the trends have sparklines" "│ Tickets created  *[▁▂▃▄▅▆▇█ ]*[▁▂▃▄▅▆▇█] "
		IFS='|' read -r name revenue <<EOF
$agent
EOF
		check "$SIZE: agents by revenue lead with report agents' top ($name, $(usd "$revenue"))" \
			"Agents by revenue"
		check "$SIZE: ... its first row" "│ $name  *$(pattern "$(usd "$revenue")") "
		IFS='|' read -r name revenue <<EOF
$campaign
EOF
		check "$SIZE: campaigns by revenue lead with report campaigns' top ($name)" \
			"│ $name  *$(pattern "$(usd "$revenue")") "
		IFS='|' read -r count name since <<EOF
$watch
EOF
		check "$SIZE: the watchlist's count is report watchlist's ($count)" \
			"Watchlist, lowest score first ($(commas "$count"))"
		check "$SIZE: ... its first customer is the report's ($name, $since)" "│ $name  *[0-9]*  *$since │"
		IFS='|' read -r count tracking days claimed <<EOF
$claims
EOF
		check "$SIZE: claims past deadline: report claims' count ($count)" "Claims past deadline ($count)"
		check "$SIZE: ... the first is the report's ($tracking, $days days)" \
			"│ $tracking  *$days  *$(pattern "$(usd "$claimed")")"
		IFS='|' read -r fr res <<EOF
$sla
EOF
		check "$SIZE: the SLA by channel is report sla's (email $fr %, $res %)" \
			"│ email  *$(printf '%.2f' "$fr") %  *$(printf '%.2f' "$res") % │"
		# The net's trend, selected: its lowest and highest months, as
		# report pnl gives them month by month (the store's six months of
		# data).  It is the 23rd figure: the P&L's, then the tickets
		# panel's (the waits line among them), then the trends.
		IFS='|' read -r lo hi <<EOF
$months
EOF
		keys j j j j j j j j j j j j j j j j j j j j j j
		check "$SIZE: the net's trend names its lowest and highest month, as report pnl ($(usd "$lo"), $(usd "$hi"))" \
			"Net: lowest $(pattern "$(usd "$lo")") (.*), highest $(pattern "$(usd "$hi")") (.*)"
		keys Enter
		check "$SIZE: Enter on the net's trend opens the what-if, as the net does" "Dashboard › What-if"
		keys Escape Enter
		check "$SIZE: Esc is back on the dashboard, the net's trend still selected" "Dashboard › What-if"
		keys Escape
		keys G Enter
		check "$SIZE: Enter on the last figure, a claim past its deadline, opens the claims" "Dashboard › Claims"
		keys Escape '['
		check "$SIZE: a period back, the trends end a month earlier" "Trends, March 2021 to February 2022"
	fi
	keys q
	wait_for 'EXIT=' 3
	check "$SIZE: q exits 0" "EXIT=0"
done

# --- LANG=C: plain ASCII ------------------------------------------------------
# A locale that is not UTF-8: frames, bars, sparklines, arrows and signs
# in ASCII, names beyond ASCII as '?', and the status line says the
# fallback is in use.
start_c 80 24 "$DB"
check "LANG=C: the status line says the ASCII fallback is in use" "ASCII fallback in use: the locale is not UTF-8"
check "80x24, LANG=C: the dashboard draws" "Support P&L"
ascii "LANG=C, 80x24: the dashboard is plain ASCII"
check "... its P&L panel is framed in ASCII" "^+- Support P&L -*++- Tickets -*+$"
check "... with its labels" "| Upsell  *\$40,682.29 |"
check "... net and whether support is a profit center" "| Net + profit center  *\$3,263.45 |"
check "... the tickets' labels, / between two figures" "| Created / solved  *3,921 / 3,439 |"
check "... the channels' bars" "| email  #####* *1,783 |"
check "... the daily sparkline" "| Daily [_.:=+*#-]* |"
check "... the watchlist's label" "Watchlist (satisfaction <= 6)"
check "... a name beyond ASCII as ?, its columns kept" "1. Aino M?kinen  *6,912 pts |"
check "... the top bar's period and dates" "^ cxtop  < March 2022 > 2022-03-01 - 2022-03-31  month"
tabs "80x24, LANG=C"
whole "80x24, LANG=C: every dashboard label whole (no ~ for a cut)" '~'
framed "80x24, LANG=C: the panels are framed in ASCII inside the screen" '|+' '|+'
keys '?'
ascii "80x24, LANG=C: the help is plain ASCII"
keys Escape Enter
ascii "LANG=C: a drill-down and its trail are plain ASCII"
check "... the trail with > and /" "Dashboard > Upsell orders / March 2022"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0" "EXIT=0"

for size in "60 16" "160 48" "200 50"; do
	set -- $size
	SIZE="$1x$2"
	start_c "$1" "$2" "$DB"
	check "$SIZE, LANG=C: the dashboard draws" "Support P&L"
	[ "$1" -lt 150 ] || { wait_for 'Claims past deadline (' 15; wait_gone '| ~ ' 15; }
	ascii "$SIZE, LANG=C: the dashboard is plain ASCII"
	# The minimum size: still readable.
	[ "$SIZE" = 60x16 ] && check "LANG=C, 60x16: the dashboard shows net first" "Net + profit"
	tabs "$SIZE, LANG=C"
	whole "$SIZE, LANG=C: every dashboard label whole (no ~ for a cut)" '~'
	framed "$SIZE, LANG=C: the panels are framed in ASCII inside the screen" '|+' '|+'
	keys '?'
	ascii "$SIZE, LANG=C: the help is plain ASCII"
	keys Escape q
	wait_for 'EXIT=' 3
	check "$SIZE, LANG=C: q exits 0" "EXIT=0"
done

# --- in words -------------------------------------------------------------------
# No internal names (frt_met, revenue_per_100, returns_liability_bp) nor
# "n/a": the dashboard, what it opens, its help, and the SLA behind its
# line, table by table.
start 160 50 "$DB"
view_words 1
keys 1 j j j j j j j j j j j j j j j j j j j j j Enter
check "the SLA opens" "Dashboard › SLA"
for f in 1 2 3 4 5 6 7; do
	words "the SLA, table $f reads in words"
	keys f
done
keys q q
wait_for 'EXIT=' 3
check "160x50: q exits 0" "EXIT=0"

# An empty store: nothing to measure reads as a dash, in words; H without
# schedules says how to get them and changes nothing.
"$CXTOP" init "$WORK/empty.db" >/dev/null
start 80 24 "$WORK/empty.db"
words "an empty store's dashboard reads in words"
check "... a median with no tickets is a dash" "First response med · p90  *— · —"
check "... and no break-even says why in words" "Break-even liability  *no returns"
check "80x24 without an SLA line: the first resolution has its line" "First resolution med · p90 *— · —"
check "... the status line says how tickets come in" "empty store: bring tickets in with cxtop import"
check "... a net of zero is neither a profit nor a cost center" "│ Net  *\$0.00 │"
check_not "... and is not called one" "cost center\|profit center"
keys H
check "H without schedules says how to load them" "cxtop schedule load FILE"
check_not "... and stays on the clock" " business hours"
keys q
wait_for 'EXIT=' 3
