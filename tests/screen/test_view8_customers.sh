# test_view8_customers.sh — view 8, the Customers, read a screen at a
# time from the store.  Sorted by each column, both ways, the rows on
# screen are in the order the store's values give (read back with the
# sqlite3 shell), and the sort, the top row and the cursor survive a
# customer's tickets and Esc; / finds customers by name or email and says
# in which columns; f and w pick whom to list; a name holding a terminal's
# control sequence is drawn harmlessly.  At 60x16, 80x24, 160x48 and
# 200x50 it draws with every tab named; under LANG=C it is plain ASCII; it
# reads in words.
. tests/screen/screen-lib

# --- every size, in words ----------------------------------------------------
start 80 24 "$DB"
keys 8
check "80x24: key 8 shows customers" "customers"
# The column titles are judged at 80 columns and wider: at 60 the
# customer's title is cut ("Custom…").
sizes 8 Customers "customers" 4 60
resize 120 40
keys 1 8
check "120x40: key 8 shows customers" "customers"
resize 160 50
view_words 8
keys q
wait_for 'EXIT=' 3
check "customers: q exits 0 after every size" "EXIT=0"

start_c 80 24 "$DB"
keys 8
ascii "LANG=C: view 8 is plain ASCII"
sizes_c 8 Customers 4 60
keys 1 8 Enter
ascii "LANG=C: a customer's tickets are plain ASCII"
keys Escape '?'
ascii "LANG=C: the customers' help is plain ASCII"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the customers" "EXIT=0"

# --- sorted by each column ---------------------------------------------------
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
who=$(screen | sed -n 's/.*Tickets: customer \(.*\) (all time).*/\1/p' | head -n 1)
keys Escape
check "back on the customers, still sorted by name" "Customer ▲\|Customer ▼"
[ "$(shown_ids Segment | head -1)" = "$top" ] && ok "... with the same customer on top" || echo "not ok - ... with the same customer on top"
keys Enter
check "... the cursor on the same customer ($who)" "Tickets: customer $(pattern "$who") (all time)"
keys Escape q
wait_for 'EXIT=' 3
check "q exits 0 after sorting the customers" "EXIT=0"

# --- / : by name, by email, a miss; f and w -----------------------------------
start 80 24 "$DB"
keys 8 /
text "O'Connor"
keys Enter
n=$(sqlite3 "$DB" "SELECT count(*) FROM customers WHERE name LIKE '%O''Connor%' OR email LIKE '%O''Connor%'")
check "customers by name: counted, in Customer" "$n customers\? match.* \"O'Connor\": in Customer $n"
keys Escape /
text "posti.example"
keys Enter
n=$(sqlite3 "$DB" "SELECT count(*) FROM customers WHERE email LIKE '%posti.example%'")
check "customers by email: counted, in Email" "$(commas "$n") customers match \"posti.example\": in Email"
keys Escape /
text "zzzz"
keys Enter
check "customers: a miss says so" 'no customer matches "zzzz"'
check "... and the list says none match" "no customers match"
keys Escape

# f: all, the watchlist, blacklisted, promoters; w: the watchlist on and off.
n=$(sqlite3 "$DB" "SELECT count(*) FROM customers WHERE satisfaction <= 6")
keys f
check "f: the watchlist, as many as the store holds ($n)" "$(commas "$n") · watchlist"
keys f f f
check "f goes round to all the customers" "13,418 · all customers"
keys w
check "w: the watchlist on" "$(commas "$n") · watchlist"
keys w
check "w again: off" "13,418 · all customers"
keys q
wait_for 'EXIT=' 3
check "q exits 0 after searching" "EXIT=0"

# A name with a terminal's control sequence in it is shown harmlessly.
sqlite3 "$DB" "UPDATE customers SET name = 'Evil' || char(27) || '[2J Name' WHERE id = (SELECT min(id) FROM customers)"
start 80 24 "$DB"
keys 8 /
text "Evil"
keys Enter
check "a name holding an escape is found" '1 customer matches "Evil"'
if $T capture-pane -p -t ui | grep -q "Evil.*Name"; then ok "... and drawn without its escape acting"; else echo "not ok - ... and drawn without its escape acting"; fi
keys Escape q
wait_for 'EXIT=' 3
