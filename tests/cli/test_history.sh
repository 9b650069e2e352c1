# test_history.sh — past periods read the same after later changes: a
# ticket reopened and a claim paid today, by the sqlite3 shell and by an
# import, leave February 2022's backlog and claims exactly as they were,
# and show in the period they happen in (schema version 3, cxtop(5)
# HISTORY).
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
DB=$WORK/h.db
cp sample.db "$DB"
FEB="--from 2022-02-01 --to 2022-02-28"

# shellcheck disable=SC2086
before_claims=$("$CXTOP" report claims $FEB --format json "$DB")
# shellcheck disable=SC2086
before_backlog=$("$CXTOP" report summary $FEB --format json "$DB" | jq .backlog)
now_backlog=$("$CXTOP" report summary --from 2026-01-01 --to 2099-12-31 --format json "$DB" | jq .backlog)
case "$before_backlog$now_backlog" in
*[!0-9]* | "") not_ok "the figures to compare are there" "backlog '$before_backlog', now '$now_backlog'" ;;
*) ok "the figures to compare are there" ;;
esac

# A ticket solved in February is reopened today; another one, open at the
# end of February, is solved today through an import.
sqlite3 "$DB" "UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = reopened + 1 WHERE id = 17374"
mid=$("$CXTOP" report summary --from 2026-01-01 --to 2099-12-31 --format json "$DB" | jq .backlog)
if [ "$mid" = $((now_backlog + 1)) ]; then ok "today's backlog counts the reopened ticket"; else
	not_ok "today's backlog counts the reopened ticket" "$now_backlog then $mid"; fi
open_id=$(sqlite3 "$DB" "SELECT id FROM tickets WHERE created_at < strftime('%s', '2022-02-20')
	AND (resolved_at IS NULL) ORDER BY id LIMIT 1")
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
printf 'id,status,resolved_at\n%s,solved,%s\n' "$open_id" "$now" >"$WORK/solved.csv"
run import tickets "$WORK/solved.csv" "$DB"
expect_out '^tickets: 0 inserted, 1 updated' "an import solves a ticket open since February"
# A claim approved in February is paid today.
sqlite3 "$DB" "UPDATE carrier_claims SET status = 'paid', recovered = claimed, resolved_on = date('now') WHERE id = 106"
# The sample's own history (its reopened tickets, its claims' steps) ends
# with March 2022: count what was written today.
got=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM ticket_changes WHERE at >= strftime('%s', '2022-04-01')) || '/' ||
	(SELECT count(*) FROM claim_changes WHERE on_day > '2022-03-31')")
if [ "$got" = "2/1" ]; then ok "the store keeps each change (2 tickets, 1 claim)"; else not_ok "the store keeps each change" "got $got"; fi

# shellcheck disable=SC2086
after_claims=$("$CXTOP" report claims $FEB --format json "$DB")
# shellcheck disable=SC2086
after_backlog=$("$CXTOP" report summary $FEB --format json "$DB" | jq .backlog)
if [ -n "$before_claims" ] && [ "$before_claims" = "$after_claims" ]; then ok "February's claims report reads as before"; else
	not_ok "February's claims report reads as before"; fi
if [ "$before_backlog" = "$after_backlog" ]; then ok "February's backlog reads as before ($after_backlog)"; else
	not_ok "February's backlog reads as before" "$before_backlog then $after_backlog"; fi
later=$("$CXTOP" report summary --from 2026-01-01 --to 2099-12-31 --format json "$DB" | jq .backlog)
if [ -n "$later" ] && [ "$later" = "$now_backlog" ]; then ok "today's backlog no longer counts the ticket solved today"; else
	not_ok "today's backlog follows the changes" "$now_backlog then $later"; fi
open_now=$(sqlite3 "$DB" "SELECT count(*) FROM carrier_claims WHERE id = 106 AND status = 'paid'")
if [ "$open_now" = 1 ]; then ok "the paid claim is paid now"; else not_ok "the paid claim is paid now"; fi

# Deleting a ticket takes its history with it.
sqlite3 "$DB" "PRAGMA foreign_keys = ON; DELETE FROM tickets WHERE id = 17374"
got=$(sqlite3 "$DB" "SELECT count(*) FROM ticket_changes WHERE ticket_id = 17374")
if [ "$got" = 0 ]; then ok "a deleted ticket's history goes with it"; else not_ok "a deleted ticket's history goes with it" "got $got"; fi

# Solved counts, one-touch, reopen rate, CSAT and the per-agent figures of
# a past month are those recorded by its end: a ticket solved in February
# and reopened today, another answered twice more, one re-rated, one given
# to another agent (all through the sqlite3 shell) leave February's reports
# byte for byte as they were, while today's month sees the changes.
cp sample.db "$WORK/kpis.db"
FEBK="--from 2022-02-01 --to 2022-02-28"
for r in summary agents channels topics; do
	# shellcheck disable=SC2086
	"$CXTOP" report "$r" $FEBK --format json "$WORK/kpis.db" >"$WORK/feb-$r.json" 2>/dev/null
done
sqlite3 "$WORK/kpis.db" "
UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = reopened + 1 WHERE id = (SELECT min(id) FROM tickets
	WHERE resolved_at >= 1643673600 AND resolved_at < 1646092800 AND reopened = 0);
UPDATE tickets SET replies = replies + 2 WHERE id = (SELECT min(id) FROM tickets
	WHERE resolved_at >= 1643673600 AND resolved_at < 1646092800 AND replies = 1);
UPDATE tickets SET csat = 2 WHERE id = (SELECT min(id) FROM tickets
	WHERE resolved_at >= 1643673600 AND resolved_at < 1646092800 AND csat >= 9);
UPDATE tickets SET agent_id = (SELECT max(id) FROM agents) WHERE id = (SELECT max(id) FROM tickets
	WHERE created_at >= 1643673600 AND created_at < 1646092800 AND agent_id <> (SELECT max(id) FROM agents))"
same=""
for r in summary agents channels topics; do
	# shellcheck disable=SC2086
	"$CXTOP" report "$r" $FEBK --format json "$WORK/kpis.db" >"$WORK/feb2-$r.json" 2>/dev/null
	cmp -s "$WORK/feb-$r.json" "$WORK/feb2-$r.json" || same="$same $r"
done
if [ -z "$same" ] && [ -s "$WORK/feb-summary.json" ]; then ok "February's summary, agents, channels and topics do not move when its tickets change later"
else not_ok "February's reports moved:$same"; fi
if [ "$(jq .solved "$WORK/feb-summary.json")" = "$(jq .solved "$WORK/feb2-summary.json")" ] &&
	[ "$(sqlite3 "$WORK/kpis.db" "SELECT count(*) FROM ticket_changes WHERE at >= strftime('%s', '2022-04-01')")" = 4 ]; then
	ok "... four changes recorded, February still counts the reopened ticket solved"
else not_ok "the four changes"; fi
today=$("$CXTOP" report summary --from 2026-01-01 --to 2099-12-31 --format json "$WORK/kpis.db" 2>/dev/null | jq .backlog)
if [ "$today" -ge 1 ] 2>/dev/null; then ok "the reopened ticket is open now ($today in today's backlog)"
else not_ok "the reopened ticket is open now" "backlog $today"; fi

# The watchlist is per period: its customers as of the period's end, each
# month equal to the plain SQL over the satisfaction history; a score
# changed today leaves February's list as it was.
for m in 2021-10-31 2021-12-31 2022-02-28 2022-03-31; do
	from=$(echo "$m" | cut -c1-8)01
	end=$(date -u -d "$m + 1 day" +%s)
	want=$(sqlite3 sample.db "SELECT count(*) FROM customers c LEFT JOIN customer_changes x ON x.id =
		(SELECT id FROM customer_changes y WHERE y.customer_id = c.id AND y.at >= $end ORDER BY y.id LIMIT 1)
		WHERE c.created_at < $end AND CASE WHEN x.id IS NULL THEN c.satisfaction ELSE x.satisfaction_before END <= 6")
	got=$("$CXTOP" report watchlist --from "$from" --to "$m" --format json sample.db | jq '"\(.watchlist) \(.rows | length)"')
	if [ "$got" = "\"$want $want\"" ]; then ok "the watchlist at $m is the $want customers the history says"
	else not_ok "the watchlist at $m" "SQL: $want; report (count rows): $got"; fi
done
cp sample.db "$WORK/watch.db"
"$CXTOP" report watchlist $FEBK --format json "$WORK/watch.db" >"$WORK/w1.json" 2>/dev/null
listed=$(jq '.rows[0].customer_id' "$WORK/w1.json")
since=$(jq -r '.rows[0].on_list_since' "$WORK/w1.json")
want=$(sqlite3 "$WORK/watch.db" "SELECT date(coalesce((SELECT max(at) FROM customer_changes WHERE customer_id = $listed
	AND at < strftime('%s', '2022-03-01') AND satisfaction_after <= 6
	AND (satisfaction_before IS NULL OR satisfaction_before > 6)), (SELECT created_at FROM customers WHERE id = $listed)), 'unixepoch')")
if [ "$since" = "$want" ]; then ok "a customer is listed since the rating that brought them there ($since)"
else not_ok "listed since" "report $since, history $want"; fi
sqlite3 "$WORK/watch.db" "UPDATE customers SET satisfaction = 10 WHERE id = $listed"
"$CXTOP" report watchlist $FEBK --format json "$WORK/watch.db" >"$WORK/w2.json" 2>/dev/null
if cmp -s "$WORK/w1.json" "$WORK/w2.json"; then ok "a score changed today leaves February's watchlist as it was"
else not_ok "February's watchlist moved"; fi
now=$("$CXTOP" report watchlist --from 2026-01-01 --to 2099-12-31 --format json "$WORK/watch.db" 2>/dev/null |
	jq "[.rows[] | select(.customer_id == $listed)] | length")
if [ "$now" = 0 ]; then ok "... while today's list no longer has the customer"; else not_ok "today's watchlist" "$now"; fi

# The sample's claims carry their history: a claim filed in February and
# approved in March is filed in February's list of open claims and approved
# in March's, as the sqlite3 shell reads the history.
id=$(sqlite3 sample.db "SELECT claim_id FROM claim_changes WHERE status_after = 'approved' AND on_day >= '2022-03-01'
	AND claim_id IN (SELECT id FROM carrier_claims WHERE filed_on < '2022-02-28' AND status = 'approved')
	ORDER BY claim_id LIMIT 1")
feb=$("$CXTOP" report claims --from 2022-02-01 --to 2022-02-28 --format json sample.db | jq -r ".open[] | select(.claim_id == ${id:-0}) | .status")
mar=$("$CXTOP" report claims --from 2022-03-01 --to 2022-03-31 --format json sample.db | jq -r ".open[] | select(.claim_id == ${id:-0}) | .status")
if [ -n "$id" ] && [ "$feb $mar" = "filed approved" ]; then ok "claim $id reads as filed at February's end and approved at March's"
else not_ok "a claim approved in March" "claim '$id': February $feb, March $mar"; fi
n=$("$CXTOP" report claims --from 2022-02-01 --to 2022-02-28 --format json sample.db | jq '[.open[] | select(.status == "approved")] | length')
want=$(sqlite3 sample.db "SELECT count(*) FROM carrier_claims c WHERE c.opened_on <= '2022-02-28' AND (SELECT x.status_after
	FROM claim_changes x WHERE x.claim_id = c.id AND x.on_day <= '2022-02-28' ORDER BY x.id DESC LIMIT 1) = 'approved'")
if [ "$n" = "$want" ] && [ "$n" -gt 0 ]; then ok "February's open claims hold the $want approved by then, as the history says"
else not_ok "approved at February's end" "report $n, history $want"; fi

# A period that has not ended reads its open claims as of today, not as of
# its last day: a claim due in three days is due within 7 days, not past
# its deadline (this month, in a new store).
"$CXTOP" init "$WORK/live.db" >/dev/null
today=$(date +%Y-%m-%d)
sqlite3 "$WORK/live.db" "INSERT INTO agents (id, name, team, hired_on) VALUES (1, 'Ann', 'T', '2020-01-01');
	INSERT INTO customers (id, name, created_at) VALUES (1, 'C', strftime('%s', 'now', '-2 days'));
	INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at, status)
	VALUES (1, 1, 'email', 'x', 1, strftime('%s', 'now', '-1 hours'), 'open');
	INSERT INTO carrier_claims (carrier, tracking_no, kind, opened_on, deadline_on, status, claimed)
	VALUES ('UPS', 'A1', 'lost', date('now', 'localtime'), date('now', 'localtime', '+3 days'), 'draft', 1000),
	       ('UPS', 'A2', 'lost', date('now', 'localtime'), date('now', 'localtime', '+18 days'), 'draft', 2000)"
got=$("$CXTOP" report summary --format json "$WORK/live.db" | jq -r '"\(.claims_open) \(.claims_due_7d) \(.claims_past_deadline)"')
if [ "$got" = "2 1 0" ]; then ok "this month's claims: 2 open, 1 due within 7 days, none past their deadline"
else not_ok "this month's open claims as of today" "open due past: $got"; fi
left=$("$CXTOP" report claims --format json "$WORK/live.db" | jq -r '[.open[].days_to_deadline] | join(" ")')
if [ "$left" = "3 18" ]; then ok "... with 3 and 18 days left, counted from today ($today)"
else not_ok "days left this month" "$left"; fi
