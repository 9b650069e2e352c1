# test_nav.sh — the back stack: every drill-down pushes a view that Esc,
# Backspace and h leave, back to exactly where the manager was; digits go
# to a view's first screen; q quits only from a root view.
. tests/screen/screen-lib

start 80 24 "$DB"
# The dashboard's first figure is the P&L's upsell: it opens the upsell orders.
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

# Agents sorted by name, the cursor on the fourth; a drill-down and back.
keys 2 '>' '>'
check "> picks the next column to sort by" "sort: Agent ▲"
check "... and the header marks it" "Agent *▲"
keys j j j Enter
check "Enter opens the fourth agent by name" "Jyrki Häkkinen ─"
keys Enter
check "Enter in the pane pushes the agent's tickets" "Agents › Tickets: agent Jyrki Häkkinen"
check "... whose list is filtered to the agent" "tickets created · agent Jyrki"
keys Escape
check "Esc is back on the agents, still sorted" "sort: Agent ▲"
keys Enter
check "... with the cursor on the same agent" "Jyrki Häkkinen ─"
keys Escape s
check "s flips the order" "sort: Agent ▼"
keys '<'
check "< picks the column to the left" "sort: ID ▼"

# A digit goes to a view's root: no filter sticks.
keys Enter Enter
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

# 80x24: every tab has a name; a wide screen has the names whole.
start 80 24 "$DB"
check "80x24: the current tab's name is whole" "1 Dashboard"
check "80x24: every other tab has a short name" "2 Agnt  3 Tick  4 Camp  5 Clm  6 Lead  7 W-if  8 Cust"
keys q
wait_for 'EXIT=' 3
start 120 30 "$DB"
check "120x30: every tab's name is whole" "2 Agents  3 Tickets  4 Campaigns  5 Claims  6 Leaderboard  7 What-if  8 Customers"
keys q
wait_for 'EXIT=' 3

# 60x16: the help scrolls to its last line.
start 60 16 "$DB"
keys '?'
check "60x16: the help says it scrolls" "j k PgDn PgUp scroll"
keys G
check "60x16: G reaches the help's last line" "Ctrl-L"
keys Escape q
wait_for 'EXIT=' 3
check "60x16: q exits 0" "EXIT=0"

# A ticket solved, reopened and solved again: its timeline has both.
"$CXTOP" init "$WORK/reopened.db" >/dev/null
sqlite3 "$WORK/reopened.db" "INSERT INTO customers (id, name, email, created_at) VALUES (1, 'Matti', 'm@example.com', 1646092800);
	INSERT INTO tickets (id, customer_id, channel, topic, complexity, created_at, first_response_at, resolved_at, status, replies)
	VALUES (1, 1, 'email', 'billing', 1, 1646125200, 1646126000, 1646132400, 'solved', 1);
	UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = 1 WHERE id = 1;
	UPDATE tickets SET status = 'solved', resolved_at = 1646218800 WHERE id = 1"
start 80 24 "$WORK/reopened.db"
keys 3 Enter
check "a reopened ticket's timeline: first solved" "First solved .*2022-03-01 11:00  (after 2h 00m)"
check "... and resolved, the final time" "Resolved .*2022-03-02 11:00  (after 1d 02h)"
keys Escape q
wait_for 'EXIT=' 3
