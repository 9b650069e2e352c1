# test_guards.sh — schema 6: every rule holds for the plain sqlite3 shell
# (foreign keys off), a store already holding bad rows is not upgraded
# (and says how to find them), and a ticket dated in the far future does
# not move the default period.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
unset CXTOP_DB

DB=$WORK/g.db
cp sample.db "$DB"

# refused NAME SQL PATTERN: the shell's write fails with the rule's words,
# and nothing changed.
refused() {
	before=$(sqlite3 "$DB" "SELECT total_changes()" >/dev/null; sha256sum "$DB" | cut -d' ' -f1)
	if sqlite3 "$DB" "$2" >"$OUT" 2>"$ERR"; then
		not_ok "$1" "the shell's write went through: $2"
	elif ! grep -q -- "$3" "$ERR"; then
		not_ok "$1" "the error does not say '$3'"
	elif [ "$(sha256sum "$DB" | cut -d' ' -f1)" != "$before" ]; then
		not_ok "$1" "the store changed"
	else
		ok "$1"
	fi
}

T="INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at, status)"
refused "a ticket of agent 99999" "$T VALUES (1, 99999, 'email', 'x', 1, 1646092800, 'new')" \
	"tickets: agent_id names no agent"
refused "a ticket of an unknown customer" "$T VALUES (999999, NULL, 'email', 'x', 1, 1646092800, 'new')" \
	"tickets: customer_id names no customer"
refused "a ticket created in 3170" "$T VALUES (1, 1, 'email', 'x', 1, 37500000000, 'new')" \
	"not an instant in 2000-2099"
refused "a ticket created in 1999" "$T VALUES (1, 1, 'email', 'x', 1, 946684799, 'new')" \
	"not an instant in 2000-2099"
refused "a ticket created as text" "$T VALUES (1, 1, 'email', 'x', 1, '2022-03-01', 'new')" \
	"created_at"
refused "csat 9.5" "UPDATE tickets SET csat = 9.5 WHERE id = 5" "not a whole number"
refused "complexity 1.5" "UPDATE tickets SET complexity = 1.5 WHERE id = 5" "not a whole number"
refused "a contact of an unknown campaign" \
	"INSERT INTO campaign_contacts (campaign_id, customer_id, contacted_at) VALUES (999, 1, 1646092800)" \
	"campaign_contacts: campaign_id names no campaign"
refused "an order with someone else's discount code" \
	"INSERT INTO orders (customer_id, placed_at, amount, attribution, discount_code) VALUES (1, 1646092800, 100, 'discount_code', 'NOPE99')" \
	"orders: discount_code is the code of no agent"
refused "an order of 1,000,000,000.01" "UPDATE orders SET amount = 100000000001 WHERE id = 1" \
	"orders: amount or cogs is over 1000000000.00"
refused "a campaign costing more than money can sum" \
	"UPDATE campaigns SET cost_per_contact = 100000000001 WHERE id = 1" "cost_per_contact is over"
refused "a return of an unknown order" "INSERT INTO returns (order_id, kind, cost, created_at) VALUES (99999999, 'return', 100, 1646092800)" \
	"returns: order_id names no order"
refused "deleting an agent with tickets" "DELETE FROM agents WHERE id = 1" "agents: cannot delete"
refused "deleting a customer with orders" "DELETE FROM customers WHERE id = 1" "customers: cannot delete"
refused "deleting a campaign with contacts" "DELETE FROM campaigns WHERE id = 4" "campaigns: cannot delete"

# What is right still goes in, from the shell too.
if sqlite3 "$DB" "$T VALUES (1, 1, 'email', 'x', 2, 1646092800, 'new'); UPDATE tickets SET csat = 9, status = 'solved',
	resolved_at = 1646096400, first_response_at = 1646092900, replies = 1 WHERE id = last_insert_rowid()" 2>"$ERR"; then
	ok "a right ticket goes in and is solved from the shell"; else not_ok "a right ticket" "$(cat "$ERR")"; fi
if sqlite3 "$DB" "INSERT INTO agents (name, team, hired_on) VALUES ('New', 'Frontline', '2022-03-01');
	DELETE FROM agents WHERE name = 'New'" 2>"$ERR"; then
	ok "an agent nobody names can be deleted"; else not_ok "deleting an unused agent" "$(cat "$ERR")"; fi
# cxtop's own writes keep working: an import, an edit's undo.
run check "$DB"
expect_status 0 "the store is sound after the refused writes"

# ---- the upgrade refuses a store that already breaks a rule ----------------------
gzip -dc tests/data/sample-v1.db.gz >"$WORK/v1.db"
sqlite3 "$WORK/v1.db" "INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at, status)
	VALUES (1, 99999, 'email', 'x', 1, 1646092800, 'new')"
printf 'key,value\n' >"$WORK/s.csv"
run import settings "$WORK/s.csv" "$WORK/v1.db"
expect_status 1 "a store holding a ticket of agent 99999 is not upgraded"
expect_one_line_err "the refusal is one line"
expect_err "cannot upgrade store '.*v1.db' to schema 6: 1 row of tickets: agent_id names no agent" "it names the rule and the count"
expect_err "they are: SELECT \* FROM tickets WHERE NOT \(" "and the SQL that lists them"
got=$(sqlite3 "$WORK/v1.db" "PRAGMA user_version")
if [ "$got" = 1 ]; then ok "the store stays at its version, whole"; else not_ok "left at version 1" "version $got"; fi
sql=$(sed -n 's/.*(they are: \(.*\))$/\1/p' "$ERR")
n=$(sqlite3 "$WORK/v1.db" "SELECT count(*) FROM ($sql)")
if [ "$n" = 1 ]; then ok "the SQL given finds exactly the bad row"; else not_ok "the SQL given" "found $n rows: $sql"; fi
sqlite3 "$WORK/v1.db" "DELETE FROM tickets WHERE agent_id = 99999"
run import settings "$WORK/s.csv" "$WORK/v1.db"
expect_status 0 "once it is deleted, the upgrade goes through"
got=$(sqlite3 "$WORK/v1.db" "PRAGMA user_version")
if [ "$got" = 12 ]; then ok "to the current schema, 12"; else not_ok "upgraded to 12" "version $got"; fi

# ---- a ticket in the future does not move the default period ----------------------
cp sample.db "$WORK/f.db"
sqlite3 "$WORK/f.db" "$T VALUES (1, 1, 'email', 'x', 1, 4102444000, 'new')"
run report summary "$WORK/f.db"
expect_out "Summary — March 2022" "a ticket dated 2099 leaves the default period on the newest real one"
