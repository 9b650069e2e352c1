# test_import.sh — cxtop import and export through the real binary: the
# round trip on sample.db (every report, every format, identical), the
# idempotent re-import, updates, all-or-nothing on a bad last row, dry
# runs, unmapped values, values made on the fly, the v1 -> v2 migration.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
unset CXTOP_DB

TABLES="settings agents customers campaigns orders returns renewals contacts tickets claims costs notify"
SRC=$WORK/src.db
cp sample.db "$SRC"

hash_of() { sha256sum "$1" | cut -d' ' -f1; }

# ---- export -> import reproduces every report --------------------------------
mkdir "$WORK/x"
fail=""
for t in $TABLES; do
	"$CXTOP" export "$t" "$SRC" >"$WORK/x/$t.csv" 2>"$ERR" || fail="$fail $t"
done
if [ -z "$fail" ]; then ok "every table exports"; else not_ok "every table exports" "failed:$fail"; fi
DST=$WORK/dst.db
"$CXTOP" init "$DST" >/dev/null
fail=""
for t in $TABLES; do
	"$CXTOP" import "$t" "$WORK/x/$t.csv" "$DST" >"$OUT" 2>"$ERR" </dev/null || fail="$fail $t"
done
if [ -z "$fail" ]; then ok "every table imports into an empty store"; else
	status=1; not_ok "every table imports into an empty store" "failed:$fail"; fi
# Schedules are not imported but loaded, as the sample's were: the same
# file, by the same actor, at the same moment on the trail.
same_schedules() {
	"$CXTOP" --actor sample schedule load src/store/sample/schedules.yaml "$1" >/dev/null 2>&1
	sqlite3 "$1" "ATTACH '$SRC' AS src; UPDATE audit SET at = (SELECT s.at FROM src.audit s WHERE s.id = audit.id)"
}
same_schedules "$DST"
# The customers' satisfaction history is the store's own record of when it
# learnt each score (cxtop(5), HISTORY), not a table an export carries: a
# store filled by import starts its own.  Give the copy the history the
# sample's store kept, so that the past periods' watchlists can be
# compared too.
# The same for the tickets' timeline and history (schema 9, cxtop(5)
# TIMELINE): the store's own record of each conversation, which no export
# carries; packed again, as the events' triggers noted their hours.
same_history() {
	sqlite3 "$1" "ATTACH '$SRC' AS src; DELETE FROM customer_changes;
		INSERT INTO customer_changes SELECT * FROM src.customer_changes;
		DELETE FROM ticket_events; INSERT INTO ticket_events SELECT * FROM src.ticket_events;
		DELETE FROM ticket_changes; INSERT INTO ticket_changes SELECT * FROM src.ticket_changes"
	"$CXTOP" check --repair -q "$1" >/dev/null
}
same_history "$DST"
diffs=""
for r in $("$CXTOP" report --list | cut -d' ' -f1); do
	for f in text csv json md; do
		"$CXTOP" report "$r" --format "$f" "$SRC" >"$WORK/a" 2>&1
		"$CXTOP" report "$r" --format "$f" "$DST" >"$WORK/b" 2>&1
		cmp -s "$WORK/a" "$WORK/b" || diffs="$diffs $r.$f"
	done
	"$CXTOP" report pnl --from 2021-10-01 --to 2022-03-31 --period month "$SRC" >"$WORK/a" 2>&1
	"$CXTOP" report pnl --from 2021-10-01 --to 2022-03-31 --period month "$DST" >"$WORK/b" 2>&1
	cmp -s "$WORK/a" "$WORK/b" || diffs="$diffs pnl-months"
done
if [ -z "$diffs" ]; then ok "export then import gives identical reports (every report, every format)"; else
	not_ok "export then import gives identical reports" "differ:$diffs"; fi
fail=""
for t in $TABLES; do
	"$CXTOP" export "$t" "$DST" >"$WORK/y.csv" 2>/dev/null
	cmp -s "$WORK/x/$t.csv" "$WORK/y.csv" || fail="$fail $t"
done
if [ -z "$fail" ]; then ok "the imported store exports the same files"; else not_ok "the imported store exports the same files" "differ:$fail"; fi

# ---- idempotent --------------------------------------------------------------
before=$(hash_of "$DST")
run import tickets "$WORK/x/tickets.csv" "$DST"
expect_status 0 "a second import of the same file succeeds"
expect_out '^tickets: 0 inserted, 0 updated, 23,565 unchanged, 0 skipped' "a second import changes nothing"
run import customers "$WORK/x/customers.csv" "$DST"
expect_out ' 0 inserted, 0 updated, 13,418 unchanged' "customers again: all unchanged"

# ---- a changed row is updated --------------------------------------------------
head -n 1 "$WORK/x/tickets.csv" >"$WORK/t1.csv"
grep ',open,' "$WORK/x/tickets.csv" | head -n 1 >"$WORK/row"
id=$(cut -d, -f1 "$WORK/row")
sed 's/,open,/,pending,/' "$WORK/row" >>"$WORK/t1.csv"
run import tickets "$WORK/t1.csv" "$DST"
expect_out '^tickets: 0 inserted, 1 updated, 0 unchanged' "a changed ticket is updated"
got=$(sqlite3 "$DST" "SELECT status FROM tickets WHERE id = $id")
if [ "$got" = pending ]; then ok "the update is in the store"; else not_ok "the update is in the store" "status $got"; fi

# ---- all or nothing -------------------------------------------------------------
cp "$WORK/x/tickets.csv" "$WORK/bad.csv"
printf '999999,cxtop,,1,,chat,,billing,2,2022-03-01T10:00:00Z,,,solved,,,0-10,0,0\r\n' >>"$WORK/bad.csv"
awk -F, -v OFS=, 'NR == 2 { $6 = "carrier pigeon" } 1' "$WORK/bad.csv" >"$WORK/bad2.csv" && mv "$WORK/bad2.csv" "$WORK/bad.csv"
before=$(hash_of "$DST")
run import tickets "$WORK/bad.csv" "$DST"
expect_status 1 "a bad last row fails the import"
expect_err "bad.csv:23567:" "the bad last row is named by its line"
expect_err "no place among email, chat, phone, social, sms: \"carrier pigeon\" \(1 row, first on line 2\)" \
	"an unmapped channel is listed with its count and line"
expect_err "nothing was written" "the error says nothing was written"
if [ "$(hash_of "$DST")" = "$before" ]; then ok "the store is byte for byte as before"; else not_ok "the store is byte for byte as before"; fi

# ---- dry run ----------------------------------------------------------------------
printf 'name,team,hired_on,email\nNew Person,Helsinki,2022-01-10,new@example.com\n' >"$WORK/a.csv"
run import agents "$WORK/a.csv" --dry-run "$DST"
expect_out '^dry run, nothing written: agents: 1 inserted' "a dry run prints the summary"
if [ "$(hash_of "$DST")" = "$before" ]; then ok "a dry run writes nothing"; else not_ok "a dry run writes nothing"; fi
run import agents - "$DST" <"$WORK/a.csv"
"$CXTOP" import agents - "$DST" <"$WORK/a.csv" >"$OUT" 2>"$ERR"
expect_out '^agents: 1 inserted' "standard input imports"

# ---- values made on the fly, and natural keys ---------------------------------------
"$CXTOP" init "$WORK/fresh.db" >/dev/null
cat >"$WORK/tix.csv" <<'CSV'
source_id,customer,customer_name,agent,agent_team,channel,created_at,status,resolved_at,csat
A-1,ann@example.com,Ann Lee,Mikko,Helsinki,WhatsApp,2022-02-03 09:30,solved,2022-02-03 10:00,9
A-2,bob@example.com,,Mikko,Helsinki,web,2022-02-01T08:00:00+02:00,on hold,,
A-3,ann@example.com,,mari@example.com,,Voice,2022-02-02 12:00,Waiting on Third Party,,
CSV
run import tickets "$WORK/tix.csv" --tz Europe/Helsinki "$WORK/fresh.db"
expect_status 0 "tickets naming unknown agents and customers import"
expect_out '^created on the fly: 2 agents, 2 customers' "the summary says what was created"
got=$(sqlite3 "$WORK/fresh.db" "SELECT name || '|' || team || '|' || hired_on FROM agents WHERE name = 'Mikko'")
if [ "$got" = "Mikko|Helsinki|2022-02-01" ]; then ok "a new agent gets the team and the first day named"; else not_ok "a new agent gets the team and the first day named" "got $got"; fi
got=$(sqlite3 "$WORK/fresh.db" "SELECT created_at FROM customers WHERE email = 'ann@example.com'")
if [ "$got" = 1643796000 ]; then ok "a new customer arrives at the first row naming them (2022-02-02 12:00 Helsinki)"; else not_ok "a new customer arrives at the first row naming them" "got $got"; fi
got=$(sqlite3 "$WORK/fresh.db" "SELECT group_concat(channel || '/' || coalesce(channel_src, '-') || '/' || status || '/' || coalesce(status_src, '-'), ' ') FROM tickets ORDER BY id")
if [ "$got" = "chat/WhatsApp/solved/- email/web/pending/on hold phone/Voice/pending/Waiting on Third Party" ]; then
	ok "other systems' channels and statuses find their place, the originals kept"; else
	not_ok "other systems' channels and statuses find their place" "got $got"; fi
got=$(sqlite3 "$WORK/fresh.db" "SELECT created_at FROM tickets WHERE source_id = 'A-2'")
if [ "$got" = 1643695200 ]; then ok "an explicit offset wins over --tz"; else not_ok "an explicit offset wins over --tz" "got $got"; fi
run import tickets "$WORK/tix.csv" --tz Europe/Helsinki "$WORK/fresh.db"
expect_out '^tickets: 0 inserted, 0 updated, 3 unchanged' "re-importing finds rows by source id"
printf 'source_id,customer,channel,created_at,status\nA-9,zed@example.com,email,2022-02-05,open\nA-9,zed@example.com,email,2022-02-06,open\n' >"$WORK/dup.csv"
run import tickets "$WORK/dup.csv" "$WORK/fresh.db"
expect_err "dup.csv:3:1: source_id 'A-9' is already on an earlier line of this file" "a key twice in one file is refused"

# ---- refusals -----------------------------------------------------------------------
printf 'name,team,hired_on\nX,Y,2022-02-30\n' >"$WORK/d.csv"
run import agents "$WORK/d.csv" "$WORK/fresh.db"
expect_err 'd.csv:2:3: hired_on: ' "an impossible date is refused with its field"
printf 'nmae,team\n' >"$WORK/h.csv"
run import agents "$WORK/h.csv" "$WORK/fresh.db"
expect_one_line_err "an unknown header column is one line"
expect_err "h.csv:1:1: unknown column 'nmae' for agents" "an unknown header column is named"
printf 'source_id,customer,channel,created_at,status\nB-1,zed@example.com,email,2022-02-05,open,extra\n' >"$WORK/n.csv"
run import tickets "$WORK/n.csv" "$WORK/fresh.db"
expect_err 'n.csv:2: 6 fields, but the header has 5' "a wrong number of fields is refused"
printf 'month,kind,amount\n2022-02,staff,-5\n' >"$WORK/c.csv"
run import costs "$WORK/c.csv" "$WORK/fresh.db"
expect_err 'c.csv:2:3: amount: ' "negative money is refused"
printf 'customer,channel,created_at,status\nzed@example.com,email,2022-02-05,open\n' >"$WORK/k.csv"
run import tickets "$WORK/k.csv" "$WORK/fresh.db"
expect_err 'needs a source_id or an id' "a ticket without a key is refused"
printf 'key,value\nreturns_liabilty,15\n' >"$WORK/s.csv"
run import settings "$WORK/s.csv" "$WORK/fresh.db"
expect_err "s.csv:2:1: returns_liabilty: unknown setting" "an unknown setting is named"
printf 'key,value\nreturns_liability,15%%\ncompany_name,Tiny Co\n' >"$WORK/s.csv"
run import settings "$WORK/s.csv" "$WORK/fresh.db"
got=$(sqlite3 "$WORK/fresh.db" "SELECT value FROM settings WHERE key = 'returns_liability_bp'")
if [ "$got" = 1500 ]; then ok "settings take a percentage"; else not_ok "settings take a percentage" "got $got"; fi
run import tickets "$WORK/nope.csv" "$WORK/fresh.db"
expect_one_line_err "a missing file is one line"
run import tickets "$WORK/tix.csv" --read-only "$WORK/fresh.db"
expect_status 2 "import has no --read-only option"
cp "$WORK/fresh.db" "$WORK/ro.db"
chmod 444 "$WORK/ro.db"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	chmod 755 "$WORK"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$CXTOP" import tickets "$WORK/tix.csv" "$WORK/ro.db" >"$OUT" 2>"$ERR"
	status=$?
else
	run import tickets "$WORK/tix.csv" "$WORK/ro.db"
fi
expect_err "read-only" "an unwritable store refuses to import"
run import tikets "$WORK/tix.csv" "$WORK/fresh.db"
expect_status 2 "an unknown table is a usage error"

# ---- the v1 -> v2 migration keeps every figure ------------------------------------
gzip -dc tests/data/sample-v1.db.gz >"$WORK/v1.db"
run import settings "$WORK/s.csv" --dry-run "$WORK/v1.db"
expect_status 0 "a v1 store opens for import"
got=$(sqlite3 "$WORK/v1.db" "PRAGMA user_version")
if [ "$got" = 12 ]; then ok "opening a v1 store for writing migrates it to the current version"; else not_ok "opening a v1 store for writing migrates it to the current version" "version $got"; fi
# The sample's campaigns cost less per contact since that v1 copy was
# made: give the copy today's prices, and every figure must match.
sqlite3 "$WORK/v1.db" "ATTACH '$SRC' AS src; UPDATE campaigns SET cost_per_contact =
	(SELECT s.cost_per_contact FROM src.campaigns s WHERE s.id = campaigns.id)"
# The sample's tickets gained priorities and first resolutions (its
# reopened tickets', before the final one: the v1 copy has no history to
# take them from) and it gained schedules since: give the copy the same
# (priorities and first resolutions alone, through SQL; the schedules
# file, loaded).
sqlite3 "$WORK/v1.db" "ATTACH '$SRC' AS src; UPDATE tickets SET priority =
	(SELECT s.priority FROM src.tickets s WHERE s.id = tickets.id),
	first_resolved_at = (SELECT s.first_resolved_at FROM src.tickets s WHERE s.id = tickets.id)"
same_schedules "$WORK/v1.db"
# Its customers' satisfaction follows their ratings since, with the
# history of it: the same scores, and the sample's history in place of
# the changes this update notes today.
sqlite3 "$WORK/v1.db" "ATTACH '$SRC' AS src; UPDATE customers SET satisfaction =
	(SELECT s.satisfaction FROM src.customers s WHERE s.id = customers.id)"
same_history "$WORK/v1.db"
# The UPDATE touched every hour: pack them, so that no report notes it.
"$CXTOP" check --repair -q "$WORK/v1.db" >/dev/null
diffs=""
for r in $("$CXTOP" report --list | cut -d' ' -f1); do
	for f in text json; do
		"$CXTOP" report "$r" --format "$f" "$SRC" >"$WORK/a" 2>&1
		"$CXTOP" report "$r" --format "$f" "$WORK/v1.db" >"$WORK/b" 2>&1
		cmp -s "$WORK/a" "$WORK/b" || diffs="$diffs $r.$f"
	done
done
if [ -z "$diffs" ]; then ok "a migrated v1 store reports every figure as before"; else not_ok "a migrated v1 store reports every figure as before" "differ:$diffs"; fi

# ---- export options -------------------------------------------------------------------
run export tickets --from 2022-03-01 --to 2022-03-31 "$SRC"
n=$(($(wc -l <"$OUT") - 1))
want=$(sqlite3 "$SRC" "SELECT count(*) FROM tickets WHERE created_at >= strftime('%s', '2022-03-01') AND created_at < strftime('%s', '2022-04-01')")
if [ "$n" = "$want" ]; then ok "export --from/--to keeps the period's rows ($n)"; else not_ok "export --from/--to keeps the period's rows" "$n, want $want"; fi
run export campaigns --format json "$SRC"
if jq -e 'length == 8 and .[0].name != null' "$OUT" >/dev/null 2>&1; then ok "export --format json is valid JSON"; else not_ok "export --format json is valid JSON"; fi
run export agents -o "$WORK/agents-out.csv" "$SRC"
if [ "$status" -eq 0 ] && cmp -s "$WORK/agents-out.csv" "$WORK/x/agents.csv"; then ok "export -o writes the file"; else not_ok "export -o writes the file"; fi
# An encoding iconv does not know is a usage error, and nothing is written.
cp "$SRC" "$WORK/enc.db"
run import agents "$WORK/x/agents.csv" --encoding klingon-8 "$WORK/enc.db"
expect_status 2 "--encoding that iconv does not know is a usage error"
expect_err "unknown encoding 'klingon-8'" "... naming it"
