# test_app_keys.sh — the keys that work in every view, and the help that
# lists them.  The `?` help each view draws lists every key of the key
# table (src/tui/keys.c) that works everywhere, and every key is in some
# view's help, as the screen shows them (that the table, the help's lines
# and the man page's KEYS agree is tests/unit/test_keys.c's); ? and F1
# open it, it scrolls at 60x16; digits go to a view's first screen,
# dropping its drill-downs; Tab and Shift-Tab step the views; [ ] L Home
# p step the period and stop at the data's ends; q goes back from a
# drill-down or an overlay and quits only from a root view, Ctrl-C at
# once, each leaving the terminal as it was; f goes round every list's
# tables without a crash or a leak.
. tests/screen/screen-lib

# --- the help as drawn, against the key table --------------------------------
# "1-8 CX_REQ_VIEW": every key the table names, with its request.
sed -n 's/.*{.*, "\([^"]*\)", CX_REQ_\([A-Z_]*\)}.*/\1 \2/p' src/tui/keys.c >"$WORK/keys"
sed -n 's/.*X(\([A-Z_]*\), true,.*/\1/p' src/tui/keys.h >"$WORK/global"
[ "$(wc -l <"$WORK/keys")" -gt 40 ] && ok "the key table is read from src/tui/keys.c ($(wc -l <"$WORK/keys") keys)" ||
	echo "not ok - the key table is read from src/tui/keys.c"
# listed FILE KEY: the help in FILE has KEY among the keys of a line.
listed() {
	grep -qF -e "│ $2  " -e "│ $2, " -e ", $2  " -e ", $2, " "$1"
}
start 200 50 "$DB"
for v in 1 2 3 4 5 6 7 8; do
	keys "$v" '?'
	wait_for 'Keys: ' 3
	screen >"$WORK/help$v"
	keys Escape
	missing=""
	while read -r name req; do
		grep -qx "$req" "$WORK/global" && ! listed "$WORK/help$v" "$name" && missing="$missing $name"
	done <"$WORK/keys"
	if [ -z "$missing" ]; then ok "view $v's ? help lists every key that works everywhere"; else
		echo "not ok - view $v's ? help lists every key that works everywhere (not:$missing)"
		sed 's/^/#   | /' "$WORK/help$v"
	fi
done
missing=""
while read -r name req; do
	found=""
	for v in 1 2 3 4 5 6 7 8; do listed "$WORK/help$v" "$name" && found=1 && break; done
	[ -n "$found" ] || missing="$missing $name"
done <"$WORK/keys"
if [ -z "$missing" ]; then ok "every key of the key table is in some view's ? help"; else
	echo "not ok - every key of the key table is in some view's ? help (not:$missing)"; fi
# Ctrl-C quits at once, from a drill-down too.
keys 2 Enter Enter
check "a drill-down to an agent's tickets" "Agents › Tickets: agent"
$T send-keys -t ui C-c
wait_for 'EXIT=' 3
check "Ctrl-C quits at once from a drill-down, exit status 0" "EXIT=0"
check "... and the terminal is sane after it" "^icanon echo"

# --- help, periods, the back stack and q (80x24) ------------------------------
start 80 24 "$DB"
keys '?'
check "? opens the help overlay" "Keys: Dashboard"
keys Escape
check_not "Escape closes the help overlay" "Keys: Dashboard"
keys F1
check "F1 opens it too" "Keys: Dashboard"
keys '?'
check_not "... and ? closes it" "Keys: Dashboard"

keys 1 '['
check "[ steps back a month" "February 2022"
keys ']' p
check "p switches to weeks" "2022-W13"
keys p p
check "p cycles back to months" "March 2022"
# Periods stop at the data's ends; L and Home come back to the latest.
keys ']'
check "] past the newest ticket says so and stays" "no tickets after March 2022"
keys '[' '[' '[' '[' '[' '['
check "[ past the oldest ticket says so" "no tickets before October 2021"
keys L
check "L is back on the latest period" "March 2022"

# A digit goes to a view's root: no filter sticks.
keys 2 Enter Enter
check "a second drill-down to an agent's tickets" "Tickets: agent"
keys 3
check "3 shows every ticket, not the agent's" "3,921 tickets created · 270 never answered *$"
check_not "... with no agent filter" "· agent "
check_not "... and no trail" "› Tickets"

# q in an overlay or a drill-down goes back; on a root view it quits.
keys Enter
check "Enter shows a ticket's timeline" "Ticket #"
keys q
check_not "q closes the timeline" "Ticket #"
check_not "... and does not quit" "EXIT="
keys 8 Enter
check "a customer's tickets are a drill-down" "Customers › Tickets: customer"
keys q
check_not "q leaves the drill-down" "Customers › Tickets"
check_not "... and does not quit" "EXIT="
keys '?'
check "? opens the help" "Keys: Customers"
keys q
check_not "q closes the help" "Keys: Customers"
keys q
wait_for 'EXIT=' 3
check "q on a root view quits" "EXIT=0"
check "80x24: the terminal is sane after q" "^icanon echo"

# Home: tmux sends it as its own terminal description says (ESC [ 1 ~),
# which xterm's does not know: this session says it is in tmux.
$T kill-server 2>/dev/null
n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
$T new-session -d -s ui -x 80 -y 24 "LANG=C.UTF-8 TERM=tmux-256color $CXTOP $DB; echo EXIT=\$?; sleep 60"
wait_for 'Dashboard' 5
keys '[' '['
check "two periods back" "◂ January 2022 ▸"
keys Home
check "Home is back on the latest period, as L is" "◂ March 2022 ▸"
keys q
wait_for 'EXIT=' 3

# Tab and Shift-Tab: the next and the previous view, round the ends.
start 120 40 "$DB"
keys Tab
check "Tab goes to the next view, the agents" "Maria Garcia"
keys BTab BTab
check "Shift-Tab goes back, round to the last view" "all customers"
keys Tab
check "... and Tab round to the first" "Support P&L"
keys q
wait_for 'EXIT=' 3
check "120x40: q exits 0" "EXIT=0"
check "120x40: the terminal is sane after q" "^icanon echo"

# 60x16: the help scrolls to its last line.
start 60 16 "$DB"
keys '?'
check "60x16: the help says it scrolls" "j k PgDn PgUp scroll"
keys G
check "60x16: G reaches the help's last line" "Ctrl-L"
keys Escape q
wait_for 'EXIT=' 3
check "60x16: q exits 0" "EXIT=0"

# f in every list view, twice round: no crash, no leak (ASan build).
start 80 24 "$DB"
keys 2 f f f 4 f f 5 f f f 6 f f f
check "f cycles the tables of every list view" "Leaderboard"
keys q
wait_for 'EXIT=' 3
check "after cycling tables q still exits 0 (no crash, no leak)" "EXIT=0"
