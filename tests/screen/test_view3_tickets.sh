# test_view3_tickets.sh — view 3, the Tickets, read a screen at a time
# from the store.  Sorted by each column, both ways, the rows on screen are
# in the order the store's values give (read back with the sqlite3 shell),
# not just a marker in the header, and the sort, the page and the cursor
# survive a ticket's timeline and Esc; / finds a ticket by number, by a
# customer's name or email, by agent, by topic, marks the cells that
# matched and says in which columns; f and c pick what is listed; the
# timeline of a reopened ticket has both solves; at 60x16, 80x24, 160x48
# and 200x50 it draws with every tab named and its column titles whole;
# under LANG=C it is plain ASCII; it reads in words.
. tests/screen/screen-lib

S=$(date -u -d 2022-03-01 +%s)
E=$(date -u -d 2022-04-01 +%s)

# --- every size, in words ----------------------------------------------------
start 80 24 "$DB"
keys 3
check "80x24: key 3 shows tickets" "tickets created"
sizes 3 Tickets "tickets created" 4
resize 60 16
keys 1 3
check "60x16: the tickets list draws" "tickets"
resize 120 40
keys 1 3
check "120x40: key 3 shows tickets" "tickets created"
resize 160 50
view_words 3
keys q
wait_for 'EXIT=' 3
check "tickets: q exits 0 after every size" "EXIT=0"

start_c 80 24 "$DB"
keys 3
ascii "LANG=C: view 3 is plain ASCII"
sizes_c 3 Tickets 4
keys 1 3 Enter
ascii "LANG=C: a ticket's timeline is plain ASCII"
keys Escape '?'
ascii "LANG=C: the tickets' help is plain ASCII"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the tickets" "EXIT=0"

# --- sorted by each column ---------------------------------------------------
# shown_ids, sorted and every_column are screen-checks'.

# The tickets of March 2022, each column's order as the man page defines it.
TQ="SELECT t.id FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.agent_id
   WHERE t.created_at >= $S AND t.created_at < $E ORDER BY"
tick_order() { # tick_order COLUMN DIR
	d=$2
	case $1 in
	'#') echo "$TQ t.id $d" ;;
	Created) echo "$TQ t.created_at $d, t.id $d" ;;
	Chan.) echo "$TQ t.channel $d, t.created_at $d, t.id $d" ;;
	Status) echo "$TQ t.status $d, t.created_at $d, t.id $d" ;;
	FRT) echo "$TQ coalesce(t.first_response_at - t.created_at, 4611686018427387904) $d, t.created_at $d, t.id $d" ;;
	CSAT) echo "$TQ coalesce(t.csat, -1) $d, t.created_at $d, t.id $d" ;;
	Agent) echo "$TQ coalesce(a.name, '') $d, coalesce(t.agent_id, 0) $d, t.created_at $d, t.id $d" ;;
	Customer) echo "$TQ c.name $d, t.customer_id $d, t.created_at $d, t.id $d" ;;
	Topic) echo "$TQ t.topic $d, t.created_at $d, t.id $d" ;;
	esac
}

start 200 40 "$DB"
keys 3
check "the tickets start newest first, Created marked" "Created ▼"
sorted "tickets: Created, newest first" "Chan." "$(tick_order Created DESC)"
keys '<'
check "< sorts by the number, the header marks it" "# ▼\|#▼"
every_column tickets Chan. tick_order DESC '#' Created Chan. Status FRT CSAT Agent Customer Topic
check "the status line says the sort" "sorted by Topic"

# A sorted list, a page down, a drill-down and back: as it was.
keys '<' '<'
check "sorted by the agent" "Agent ▲\|Agent ▼"
keys PgDn j j
top=$(shown_ids Chan. | head -1)
keys Enter
check "Enter opens a ticket's timeline" "Ticket #"
ticket=$(screen | sed -n 's/.*Ticket #\([0-9]*\).*/\1/p' | head -n 1)
keys Escape
check "back on the tickets, still sorted by the agent" "Agent ▲\|Agent ▼"
[ "$(shown_ids Chan. | head -1)" = "$top" ] && ok "... on the same page" || echo "not ok - ... on the same page"
keys Enter
check "... the cursor on the same ticket (#$ticket)" "Ticket #$ticket "
keys Escape q
wait_for 'EXIT=' 3

# At 80 columns the customer's column is hidden, but not when sorted by it.
start 80 24 "$DB"
keys 3
check_not "80 columns: no customer column" "Customer"
keys '>' '>' '>' '>' '>' '>'
check "sorted by the customer, its column shows at 80 columns" "Customer ▼"
sorted "80 columns: tickets sorted by Customer" "Chan." "$(tick_order Customer DESC)"

# f: the tickets each dashboard figure counts; c: a channel at a time.
n=$(sqlite3 "$DB" "SELECT count(*) FROM tickets WHERE created_at >= $S AND created_at < $E AND channel = 'email'")
keys c
check "c shows one channel's tickets, as many as the store holds ($n email)" "$(commas "$n") tickets created · email"
keys c c c c c
check "c cycles back to every channel" "3,921 tickets created · 270 never answered *$"
keys f
check "f: the tickets open at the period's end" "825 tickets open at period end"
keys f
check "f: the tickets solved in the period" "3,439 tickets solved"
keys f
check "f: the tickets never answered" "270 tickets never answered"
keys f
check "f: back on the tickets created" "3,921 tickets created"
keys q
wait_for 'EXIT=' 3
check "q exits 0 after sorting the tickets" "EXIT=0"

# --- / : a ticket by number, customer, agent, topic ---------------------------
# A hit keeps the matching rows, marks the cells that matched and says in
# which columns; a miss says so; Esc clears it.
TW="FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.agent_id
    WHERE t.created_at >= $S AND t.created_at < $E"

start 80 24 "$DB"
keys 3 /
text "#21900"
keys Enter
check "a ticket by number: found, and the status line says the column" '1 ticket matches "#21900": in # 1'
check "... the one ticket in the list" "^ *21900 "
check "... which the line above the list counts in the singular" "^ 1 ticket created "
keys Escape
check_not "Esc clears the search" '· "#21900"'
keys /
text "hamalainen"
keys Enter
n=$(sqlite3 "$DB" "SELECT count(*) $TW AND (c.email LIKE '%hamalainen%' OR c.name LIKE '%hamalainen%' OR t.topic LIKE '%hamalainen%' OR a.name LIKE '%hamalainen%')")
check "a ticket by the customer's email: as many as the store holds" "$n tickets\? match.* \"hamalainen\": in Email $n"
check "... the customer's column shows at 80 columns, with the email" "Customer"
check "... the email that matched" "hamalainen@"
keys Escape /
text "Maria Garcia"
keys Enter
n=$(sqlite3 "$DB" "SELECT count(*) $TW AND (a.name LIKE '%Maria Garcia%' OR c.name LIKE '%Maria Garcia%' OR c.email LIKE '%Maria Garcia%' OR t.topic LIKE '%Maria Garcia%')")
check "a ticket by agent: counted, the column named" "$(commas "$n") tickets match \"Maria Garcia\": in .*Agent"
keys Escape /
text "damaged"
keys Enter
n=$(sqlite3 "$DB" "SELECT count(*) $TW AND t.topic LIKE '%damaged%'")
check "a ticket by topic: counted, in Topic" "$n tickets match \"damaged\": in Topic $n"
# The cells that matched are drawn as matches: the search colour.
if $T capture-pane -e -p -t ui | grep "damaged item" | grep -q "$ESC\\["; then ok "... the matching cells are coloured"; else echo "not ok - ... the matching cells are coloured"; fi
keys Escape /
text "no such thing zzz"
keys Enter
check "a miss says so on the status line" 'no ticket matches "no such thing zzz"'
check "... and the list says none match" "no tickets match"
keys Escape /
text "99999999"
keys Enter
check "a number no ticket has is a miss" 'no ticket matches "99999999"'
keys Escape q
wait_for 'EXIT=' 3
check "q exits 0 after searching the tickets" "EXIT=0"

# --- a timeline ----------------------------------------------------------------
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
# Below, the timeline as the store holds it: the reopening and the status
# changes the triggers dated when they were written, each one line.
n=$(sqlite3 "$WORK/reopened.db" "SELECT count(*) FROM ticket_timeline WHERE ticket_id = 1")
check "... then its timeline" "│ Timeline "
check "... the status changes, from and to" "status solved → open"
check "... and the reopening" "reopened *│"
got=$(screen | sed -n '/│ Timeline /,/Esc: close/p' | grep -c "│ 20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] ")
[ "$got" = "$n" ] && ok "... one line for each of the ticket's $n events" || echo "not ok - ... one line for each of the ticket's $n events (screen: $got)"
keys Escape q
wait_for 'EXIT=' 3
