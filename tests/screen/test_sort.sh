# test_sort.sh — the Tickets and Customers views sorted by each column, both
# ways: the rows on screen are in the order the store's values give (read
# back with the sqlite3 shell), not just a marker in the header; and the
# sort survives a drill-down and Esc.
. tests/screen/screen-lib

S=$(date -u -d 2022-03-01 +%s)
E=$(date -u -d 2022-04-01 +%s)

# shown_ids HEADER: the numbers in the first column of the rows on screen
# under the header (the line holding HEADER).
shown_ids() {
	screen | awk -v h="$1" 'f && $1 ~ /^[0-9]+$/ { print $1; if (++n == 20) exit } index($0, h) { f = 1 }'
}

# sorted NAME HEADER SQL: the numbers on screen (20 at most) are SQL's first.
sorted() {
	sleep 0.3
	got=$(shown_ids "$2")
	want=$(sqlite3 "$DB" "$3 LIMIT $(echo "$got" | grep -c .)")
	if [ -n "$got" ] && [ "$got" = "$want" ]; then ok "$1"; else
		echo "not ok - $1"
		echo "#   want: $(echo $want)"
		echo "#   got:  $(echo $got)"
		screen | sed 's/^/#   | /'
	fi
}

# every_column LIST HEADER ORDER DIR COLUMN...: from the first column to the
# last with >, flipping with s at each, the rows checked against ORDER
# COLUMN DIR each time; the list starts on the first column in DIR.
every_column() {
	list=$1 header=$2 order=$3 dir=$4
	shift 4
	first=$1
	for col in "$@"; do
		[ "$col" = "$first" ] || keys '>'
		sorted "$list sorted by $col, $dir" "$header" "$($order "$col" $dir)"
		keys s
		[ $dir = DESC ] && dir=ASC || dir=DESC
		sorted "$list sorted by $col, $dir (s)" "$header" "$($order "$col" $dir)"
	done
}

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
keys Escape
check "back on the tickets, still sorted by the agent" "Agent ▲\|Agent ▼"
[ "$(shown_ids Chan. | head -1)" = "$top" ] && ok "... on the same page" || echo "not ok - ... on the same page"

# At 80 columns the customer's column is hidden, but not when sorted by it.
start 80 24 "$DB"
keys 3
check_not "80 columns: no customer column" "Customer"
keys '>' '>' '>' '>' '>' '>'
check "sorted by the customer, its column shows at 80 columns" "Customer ▼"
sorted "80 columns: tickets sorted by Customer" "Chan." "$(tick_order Customer DESC)"
keys q
wait_for 'EXIT=' 3
check "q exits 0 after sorting the tickets" "EXIT=0"

# --- Customers --------------------------------------------------------------
C="SELECT c.id FROM customers c ORDER BY"
cust_order() { # cust_order COLUMN DIR
	d=$2
	case $1 in
	'#') echo "$C c.id $d" ;;
	Customer) echo "$C c.name $d, c.id $d" ;;
	Email) echo "$C coalesce(c.email, '') $d, c.id $d" ;;
	Segment) echo "$C c.segment $d, c.id $d" ;;
	Score) echo "$C coalesce(c.satisfaction, 0) $d, c.id $d" ;;
	Tickets) echo "$C (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id) $d, c.id $d" ;;
	Blacklist) echo "$C c.blacklisted $d, c.id $d" ;;
	esac
}
start 200 40 "$DB"
keys 8
check "the customers start by number, marked" "# ▲\|#▲"
every_column customers Segment cust_order ASC '#' Customer Email Segment Score Tickets Blacklist
keys '<' '<' '<' '<' '<'
check "customers sorted by name" "Customer ▲\|Customer ▼"
top=$(shown_ids Segment | head -1)
keys Enter
check "Enter pushes the customer's tickets" "Customers › Tickets: customer"
keys Escape
check "back on the customers, still sorted by name" "Customer ▲\|Customer ▼"
[ "$(shown_ids Segment | head -1)" = "$top" ] && ok "... with the same customer on top" || echo "not ok - ... with the same customer on top"
keys q
wait_for 'EXIT=' 3
check "q exits 0 after sorting the customers" "EXIT=0"
