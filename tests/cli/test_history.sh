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
got=$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM ticket_changes) || '/' || (SELECT count(*) FROM claim_changes)")
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
