# test_search.sh — / in the lists: a ticket by number, by a customer's
# name or email, by agent, by topic; customers by name or email; the other
# lists by any cell.  A hit keeps the matching rows, marks the cells that
# matched and says in which columns; a miss says so; Esc clears it.
. tests/screen/screen-lib

S=$(date -u -d 2022-03-01 +%s)
E=$(date -u -d 2022-04-01 +%s)
TW="FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.agent_id
    WHERE t.created_at >= $S AND t.created_at < $E"

commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
ESC=$(printf '\033')

start 80 24 "$DB"
keys 3 /
text "#21900"
keys Enter
check "a ticket by number: found, and the status line says the column" '1 ticket matches "#21900": in # 1'
check "... the one ticket in the list" "^ *21900 "
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
keys Escape

# Customers: by name, by email, a miss.
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

# A list in memory: the agents by name, the column named.
keys 2 /
text "Maria"
keys Enter
check "agents: a hit names its column" 'match.* "Maria": in Agent'
keys Escape /
text "zzzz"
keys Enter
check "agents: a miss says so" 'no row matches "zzzz"'
keys Escape q
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
