# test_timeline.sh — the ticket timeline (schema version 9, cxtop(5)
# TIMELINE): the sample's timelines explain every solved ticket's waits;
# the sqlite3 shell's writes are kept in the timeline, dated now, and a
# past month's waits and next replies do not move; an event written by
# hand is checked and read; a store from before keeps what can be
# derived, and its waits are unknown, never zero; the waits an import
# carries are used.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
DB=$WORK/t.db
cp sample.db "$DB"
FEB="--from 2022-02-01 --to 2022-02-28"
q() { sqlite3 "$DB" "$1"; }

# shellcheck disable=SC2086
"$CXTOP" report summary $FEB --format json "$DB" >"$WORK/feb.json"
# shellcheck disable=SC2086
"$CXTOP" report sla $FEB --format json "$DB" >"$WORK/feb-sla.json"
rq=$(jq .requester_wait_median_s "$WORK/feb.json")
ag=$(jq .agent_wait_median_s "$WORK/feb.json")
nr=$(jq .next_reply_median_s "$WORK/feb.json")
case "$rq $ag $nr" in
*null* | *[!0-9.\ ]*) not_ok "the sample's February has waits and next replies" "$rq $ag $nr" ;;
*) ok "the sample's February has waits and next replies ($rq, $ag, $nr s)" ;;
esac
if [ "$(jq '.next_reply_met_pct != null and .next_reply_breached > 0' "$WORK/feb-sla.json")" = true ]; then
	ok "report sla measures next replies"
else not_ok "report sla measures next replies" "$(jq -c '{next_reply_met_pct, next_reply_breached}' "$WORK/feb-sla.json")"; fi

# A ticket solved in February: reopened, answered and solved again today
# through the sqlite3 shell.
id=$(q "SELECT id FROM tickets WHERE resolved_at >= strftime('%s', '2022-02-10') AND resolved_at < strftime('%s', '2022-02-20')
	AND reopened = 0 ORDER BY id LIMIT 1")
before=$(q "SELECT count(*) FROM ticket_events WHERE ticket_id = $id")
q "UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = 1 WHERE id = $id"
q "UPDATE tickets SET replies = replies + 2 WHERE id = $id"
q "UPDATE tickets SET status = 'solved', resolved_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = $id"
got=$(q "SELECT group_concat(kind || coalesce(':' || status_before || '>' || status_after, ''), ' ') FROM
	(SELECT * FROM ticket_events WHERE ticket_id = $id AND at >= strftime('%s', 'now', '-1 hour') ORDER BY id)")
case "$got" in
"reopened status:closed>open reply status:open>solved" | "reopened status:solved>open reply status:open>solved")
	ok "the shell's writes are in the timeline, dated now ($got)" ;;
*) not_ok "the shell's writes are in the timeline, dated now" "got '$got' (had $before events)" ;;
esac
# shellcheck disable=SC2086
"$CXTOP" report summary $FEB --format json "$DB" >"$WORK/feb2.json"
# shellcheck disable=SC2086
"$CXTOP" report sla $FEB --format json "$DB" >"$WORK/feb2-sla.json"
if cmp -s "$WORK/feb.json" "$WORK/feb2.json" && cmp -s "$WORK/feb-sla.json" "$WORK/feb2-sla.json"; then
	ok "February's waits, next replies and SLA do not move"
else not_ok "February's waits, next replies and SLA do not move" "$(diff "$WORK/feb.json" "$WORK/feb2.json" | head -5)"; fi

# An event written by hand: checked, and counted.
run check "$DB"
expect_out '0 wrong, 0 missing' "the rollups agree with the tickets after the shell's writes"
sqlite3 "$DB" "INSERT INTO ticket_events (ticket_id, at, kind) VALUES ($id, 1, 'status')" 2>"$WORK/err"
if grep -q 'CHECK constraint failed' "$WORK/err"; then ok "a status event without its statuses is refused"
else not_ok "a status event without its statuses is refused" "$(cat "$WORK/err")"; fi
sqlite3 "$DB" "INSERT INTO ticket_events (ticket_id, at, kind) VALUES ($id, 1, 'wave')" 2>"$WORK/err"
if grep -q 'CHECK constraint failed' "$WORK/err"; then ok "an unknown kind is refused"
else not_ok "an unknown kind is refused" "$(cat "$WORK/err")"; fi
got=$(q "SELECT count(*) FROM ticket_timeline WHERE ticket_id = $id AND kind = 'created'")
if [ "$got" = 1 ]; then ok "the timeline view starts with the ticket's creation"; else not_ok "timeline view" "$got"; fi

# A store from before schema 9: each first reply kept, the rest unknown.
gzip -dc tests/data/store-v6.db.gz >"$WORK/v6.db"
printf 'key,value\n' >"$WORK/s.csv"
run import settings "$WORK/s.csv" "$WORK/v6.db"
expect_status 0 "a schema 6 store is upgraded"
got=$(sqlite3 "$WORK/v6.db" "SELECT (SELECT count(*) FROM ticket_events WHERE kind = 'reply') = (SELECT count(*) FROM tickets
	WHERE first_response_at IS NOT NULL) AND (SELECT count(*) FROM ticket_events WHERE kind <> 'reply') = 0")
if [ "$got" = 1 ]; then ok "... keeping each first reply as the timeline's only event"; else not_ok "first replies kept" "$got"; fi
"$CXTOP" report summary --from 2022-01-01 --to 2022-12-31 --format json "$WORK/v6.db" >"$WORK/v6.json"
if [ "$(jq '.solved > 0 and .requester_wait_median_s == null and .agent_wait_median_s == null' "$WORK/v6.json")" = true ]; then
	ok "... whose solved tickets' waits are unknown, not zero"
else not_ok "unknown waits after the upgrade" "$(jq -c '{solved, requester_wait_median_s}' "$WORK/v6.json")"; fi

# An import: without minutes unknown; with them, the minutes.
"$CXTOP" init "$WORK/i.db" >/dev/null
printf 'source_id,customer,channel,topic,created_at,first_response_at,resolved_at,status,replies\n' >"$WORK/t.csv"
printf 'a,ann@example.com,email,billing,2022-03-01T08:00:00Z,2022-03-01T09:00:00Z,2022-03-01T12:00:00Z,solved,1\n' >>"$WORK/t.csv"
run import tickets "$WORK/t.csv" "$WORK/i.db"
expect_status 0 "a ticket imported without its waits"
W="--from 2022-03-01 --to 2022-03-31 --format json"
# shellcheck disable=SC2086
got=$("$CXTOP" report summary $W "$WORK/i.db" | jq -c '[.solved, .requester_wait_median_s, .agent_wait_median_s]')
if [ "$got" = '[1,null,null]' ]; then ok "... has unknown waits"; else not_ok "imported without waits" "$got"; fi
printf 'source_id,customer,channel,topic,created_at,first_response_at,resolved_at,status,replies,requester_wait_min,agent_wait_min\n' >"$WORK/t.csv"
printf 'a,ann@example.com,email,billing,2022-03-01T08:00:00Z,2022-03-01T09:00:00Z,2022-03-01T12:00:00Z,solved,1,75,105\n' >>"$WORK/t.csv"
run import tickets "$WORK/t.csv" "$WORK/i.db"
# shellcheck disable=SC2086
got=$("$CXTOP" report summary $W "$WORK/i.db" | jq -c '[.requester_wait_median_s, .agent_wait_median_s]')
if [ "$got" = '[4500,6300]' ]; then ok "... and the exported minutes when it carries them"; else not_ok "imported waits" "$got"; fi
printf 'source_id,customer,channel,topic,created_at,status,requester_wait_min\nb,ann@example.com,email,billing,2022-03-01T08:00:00Z,new,-3\n' >"$WORK/bad.csv"
run import tickets "$WORK/bad.csv" "$WORK/i.db"
expect_err 'bad.csv:2' "a negative wait is refused, naming the line"
