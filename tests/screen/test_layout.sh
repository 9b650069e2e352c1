# test_layout.sh — the screen at 60x16, 80x24, 160x48 and 200x50, in UTF-8
# and in ASCII (LANG=C): every tab named, the dashboard's labels whole,
# its panels framed inside the screen; from 150 columns the wide panels
# (trends, the top rows of the lists), their figures those of the reports;
# below the minimum size one line that says so.
. tests/screen/screen-lib

# usd MINOR: -103698 -> -$1,036.98, as the screen writes the store's money
usd() {
	v=$(money "$1")
	case $v in -*) printf -- '-$%s' "${v#-}" ;; *) printf '$%s' "$v" ;; esac
}
# pattern TEXT: TEXT as a grep pattern (the money's $ and the dots literal)
pattern() { printf '%s' "$1" | sed 's/[][\.$*^]/\\&/g'; }

# tabs SIZE: the tab bar names every tab, by its name or its short name.
tabs() {
	what=$1
	bar=$(screen | sed -n 2p)
	missing=""
	i=1
	for t in "Dashboard Dash" "Agents Agnt" "Tickets Tick" "Campaigns Camp" "Claims Clm" "Leaderboard Lead" \
		"What-if W-if" "Customers Cust"; do
		set -- $t
		printf '%s\n' "$bar" | grep -Eq "(^| )$i ($1|$2)( |\$)" || missing="$missing $i"
		i=$((i + 1))
	done
	if [ -z "$missing" ]; then ok "$what: every tab is named"; else
		echo "not ok - $what: every tab is named (not:$missing)"
		screen | sed 's/^/#   | /'
	fi
}

# whole NAME ELLIPSIS: between the top bar (whose store path may be cut)
# and the status line, no label, title or figure is cut: no ellipsis on
# the dashboard.
whole() {
	if screen | sed '1d;$d' | grep -q -- "$2"; then
		echo "not ok - $1"
		screen | sed 's/^/#   | /'
	else ok "$1"; fi
}

# framed NAME LEFT RIGHT: every panel line starts and ends with a frame
# character: nothing drawn past a panel's edge or the screen's (a line
# too long would wrap into the next and break its frame).
framed() {
	bad=$(screen | sed '1,2d;$d' | grep -v "^[$2].*[$3]\$" | head -n 3)
	if [ -z "$bad" ]; then ok "$1"; else
		echo "not ok - $1"
		printf '%s\n' "$bad" | sed 's/^/#   bad: /'
		screen | sed 's/^/#   | /'
	fi
}

# Every view at a size: it draws, and keeps its tabs named.
views() {
	for k in 2 3 4 5 6 7 8; do
		keys "$k"
		if screen | grep -q 'terminal too small'; then echo "not ok - $1: view $k draws"; else ok "$1: view $k draws"; fi
	done
	tabs "$1, view 8"
	keys 1
}

for size in "60 16" "80 24" "160 48" "200 50"; do
	set -- $size
	SIZE="$1x$2"
	start "$1" "$2" "$DB"
	check "$SIZE: the dashboard draws" "Support P&L"
	# Wide, the panels fill in after the first frame: judge the labels
	# once the last of them (the claims past deadline) is drawn.
	[ "$1" -lt 150 ] || wait_for 'Claims past deadline (' 15
	tabs "$SIZE"
	whole "$SIZE: every dashboard label whole (no ellipsis)" '…'
	framed "$SIZE: the dashboard's panels are framed inside the screen" '│╭╰' '│╮╯'
	views "$SIZE"
	keys q
	wait_for 'EXIT=' 3
	check "$SIZE: q exits 0" "EXIT=0"

	start_c "$1" "$2" "$DB"
	check "$SIZE, LANG=C: the dashboard draws" "Support P&L"
	[ "$1" -lt 150 ] || wait_for 'Claims past deadline (' 15
	ascii "$SIZE, LANG=C: the dashboard is plain ASCII"
	tabs "$SIZE, LANG=C"
	whole "$SIZE, LANG=C: every dashboard label whole (no ~ for a cut)" '~'
	framed "$SIZE, LANG=C: the panels are framed in ASCII inside the screen" '|+' '|+'
	for k in 2 3 4 5 6 7 8; do
		keys "$k"
		ascii "$SIZE, LANG=C: view $k is plain ASCII"
	done
	keys 1 '?'
	ascii "$SIZE, LANG=C: the help is plain ASCII"
	keys Escape q
	wait_for 'EXIT=' 3
	check "$SIZE, LANG=C: q exits 0" "EXIT=0"
done

# --- the wide panels and their figures ----------------------------------------
report() { TZ=${TZ:-UTC} "$CXTOP" report "$@" --format json "$DB"; }
net=$(report summary | jq -r .net)
agent=$(report agents | jq -r '[.rows[] | select(.agent_id != null)] | sort_by(-.revenue) | .[0] | "\(.agent)|\(.revenue)"')
campaign=$(report campaigns | jq -r '.rows | sort_by(-.revenue) | .[0] | "\(.campaign)|\(.revenue)"')
watch=$(report watchlist | jq -r '"\(.watchlist)|\(.rows[0].customer)|\(.rows[0].on_list_since)"')
claims=$(report claims | jq -r '"\(.past_deadline)|\([.open[] | select(.past_deadline)][0] | "\(.tracking_no)|\(.days_to_deadline)|\(.claimed)")"')
sla=$(report sla | jq -r '.channels[] | select(.channel == "email") | "\(.first_reply_met_pct)|\(.resolution_met_pct)"')
months=$(TZ=${TZ:-UTC} "$CXTOP" report pnl --from 2021-10-01 --to 2022-03-31 --period month --format json "$DB" |
	jq -r '[.rows[].net] | "\(min)|\(max)"')

for size in "160 48" "200 50"; do
	set -- $size
	SIZE="$1x$2"
	start "$1" "$2" "$DB"
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
		"Watchlist, lowest score first ($(echo "$count" | sed ':a;s/\B[0-9]\{3\}\b/,&/;ta'))"
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
	# The net's trend, selected: its lowest and highest months, as report
	# pnl gives them month by month (the store's six months of data).  It
	# is the 23rd figure: the P&L's, then the tickets panel's (the waits
	# line among them), then the trends.
	IFS='|' read -r lo hi <<EOF
$months
EOF
	keys j j j j j j j j j j j j j j j j j j j j j j
	check "$SIZE: the net's trend names its lowest and highest month, as report pnl ($(usd "$lo"), $(usd "$hi"))" \
		"Net: lowest $(pattern "$(usd "$lo")") (.*), highest $(pattern "$(usd "$hi")") (.*)"
	keys Enter
	check "$SIZE: Enter on the net's trend opens the what-if, as the net does" "Dashboard › What-if"
	keys Escape
	keys G Enter
	check "$SIZE: Enter on the last figure, a claim past its deadline, opens the claims" "Dashboard › Claims"
	keys Escape '['
	check "$SIZE: a period back, the trends end a month earlier" "Trends, March 2021 to February 2022"
	keys q
	wait_for 'EXIT=' 3
	check "$SIZE: q exits 0" "EXIT=0"
done

# --- below the minimum: one line, nothing else --------------------------------
for size in "59 16" "60 15"; do
	set -- $size
	start 80 24 "$DB"
	$T resize-window -t ui -x "$1" -y "$2"
	sleep 0.5
	check "$1x$2: one line says the terminal is too small" "^terminal too small: cxtop needs 60x16, this is $1x$2"
	if [ "$(screen | sed 1d | tr -d ' \n' | wc -c)" -eq 0 ]; then ok "$1x$2: ... and nothing else is drawn"; else
		echo "not ok - $1x$2: ... and nothing else is drawn"
		screen | sed 's/^/#   | /'
	fi
	$T resize-window -t ui -x 60 -y 16
	sleep 0.5
	check "$1x$2: back at 60x16 the dashboard returns" "Support P&L"
	keys q
	wait_for 'EXIT=' 3
done
