# test_app_layout.sh — the terminal around every view: the tab bar names
# every tab (the current one whole, the others short at 80 columns, all
# whole when wide); below the minimum size (60x16) one line says so and
# nothing else is drawn, and back at a usable size the screen returns; a
# terminal without colours (vt100) still draws, one that cannot place the
# cursor (TERM=dumb) is told so in one line.  Each view's own sizes are in
# its test_view*.sh.
. tests/screen/screen-lib

start 80 24 "$DB"
check "80x24: the current tab's name is whole" "1 Dashboard"
check "80x24: every other tab has a short name" "2 Agnt  3 Tick  4 Camp  5 Clm  6 Lead  7 W-if  8 Cust"

# Resize far below the minimum and back: a message, no crash.
resize 40 12
check "a tiny terminal gets a one-line message" "terminal too small"
resize 100 30
check "back to a usable size the dashboard returns" "Support P&L"
resize 120 30
check "120x30: every tab's name is whole" "2 Agents  3 Tickets  4 Campaigns  5 Claims  6 Leaderboard  7 What-if  8 Customers"

# Just below the minimum: one line, nothing else.
for size in "59 16" "60 15"; do
	set -- $size
	resize "$1" "$2"
	check "$1x$2: one line says the terminal is too small" "^terminal too small: cxtop needs 60x16, this is $1x$2"
	if [ "$(screen | sed 1d | tr -d ' \n' | wc -c)" -eq 0 ]; then ok "$1x$2: ... and nothing else is drawn"; else
		echo "not ok - $1x$2: ... and nothing else is drawn"
		screen | sed 's/^/#   | /'
	fi
	resize 60 16
	check "$1x$2: back at 60x16 the dashboard returns" "Support P&L"
done
keys q
wait_for 'EXIT=' 3
check "q exits 0 after the resizes" "EXIT=0"

# A monochrome terminal still draws; one that cannot place the cursor is
# told so in one line, and nothing else happens.
$T kill-server 2>/dev/null
n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
$T new-session -d -s ui -x 80 -y 24 "LANG=C.UTF-8 TERM=vt100 $CXTOP $DB; echo EXIT=\$?; sleep 60"
check "a vt100 (no colour) draws the dashboard" "Support P&L"
keys q
wait_for 'EXIT=' 3
check "the vt100 session exits 0" "EXIT=0"
$T kill-server 2>/dev/null
n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
$T new-session -d -s ui -x 80 -y 24 "TERM=dumb $CXTOP $DB; echo EXIT=\$?; sleep 60"
check "TERM=dumb gets a one-line reason and exit 1" "EXIT=1"
check "TERM=dumb's reason names the terminal" "terminal 'dumb' cannot place the cursor"
