# test_score_months.sh — the leaderboard's kept months (schema 12,
# cxtop(5) score_months): an import keeps them; boards read through them
# (the levels included) are the boards counted from the tickets, for the
# newest month, a past one and a year, before and after the sqlite3
# shell's writes to an old month; check compares them and finds a damaged
# one; --repair forgets them and the boards stay the same.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
DB=$WORK/s.db
cp sample.db "$DB"
q() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }

# boards NAME: the leaderboards of three periods, in json and text (the
# levels are in both), into $WORK/NAME.
boards() {
	: >"$WORK/$1"
	for p in "" "--from 2022-02-01 --to 2022-02-28" "--from 2021-07-01 --to 2022-06-30"; do
		for f in json text; do
			# shellcheck disable=SC2086
			"$CXTOP" report leaderboard $p --format $f "$DB" >>"$WORK/$1" 2>>"$WORK/$1.err" || echo "exit $?" >>"$WORK/$1"
		done
	done
}

boards cold
if [ "$(q 'SELECT count(*) FROM score_months')" = 0 ]; then ok "a store from mksample keeps no months yet"; else not_ok "a store from mksample keeps no months yet"; fi

# An import (here, the agents as they are) keeps the months.
"$CXTOP" export agents "$DB" >"$WORK/agents.csv"
run import agents "$WORK/agents.csv" "$DB"
expect_status 0 "an import succeeds"
if [ -s "$ERR" ]; then not_ok "... and warns of nothing"; else ok "... and warns of nothing"; fi
kept=$(q 'SELECT count(*) FROM score_months WHERE agent_id = 0')
if [ "$kept" -gt 3 ]; then ok "an import keeps the leaderboard's months ($kept)"; else not_ok "an import keeps the leaderboard's months" "kept $kept"; fi
boards warm
if cmp -s "$WORK/cold" "$WORK/warm"; then ok "boards through the kept months are the boards counted from the tickets"; else
	not_ok "boards through the kept months are the boards counted from the tickets" "$(diff "$WORK/cold" "$WORK/warm" | head -5)"
fi
run check "$DB"
expect_status 0 "check passes with months kept"
expect_out "leaderboard months kept: $kept, 0 wrong" "check compares every kept month"

# The shell's writes to tickets solved in an old month: the month is not
# used until counted again, and every board says what a count says.
jan=$(q "SELECT id FROM tickets WHERE resolved_at >= strftime('%s', '2022-01-01') AND resolved_at < strftime('%s', '2022-02-01') AND agent_id IS NOT NULL ORDER BY id LIMIT 40")
for id in $jan; do q "UPDATE tickets SET csat = 10, reopened = 0, replies = 1 WHERE id = $id"; done
q "DELETE FROM tickets WHERE id = (SELECT min(id) FROM tickets WHERE resolved_at >= strftime('%s', '2021-11-01') AND resolved_at < strftime('%s', '2021-12-01'))"
# Orders and claims earn points too: an old month's upsells given to
# another agent, and a paid claim moved to another.
before=$(q 'SELECT count(*) FROM score_months WHERE agent_id = 0')
q "UPDATE orders SET agent_id = (SELECT min(id) FROM agents) WHERE id IN (SELECT id FROM orders WHERE attribution = 'upsell' AND agent_id IS NOT NULL AND placed_at >= strftime('%s', '2022-02-01') AND placed_at < strftime('%s', '2022-03-01') ORDER BY id LIMIT 5)"
after=$(q 'SELECT count(*) FROM score_months WHERE agent_id = 0')
if [ "$after" -lt "$before" ]; then ok "the shell's order changes drop the months they fall in ($before, then $after)"; else not_ok "the shell's order changes drop the months they fall in" "$before, then $after"; fi
q "UPDATE carrier_claims SET agent_id = (SELECT max(id) FROM agents) WHERE id = (SELECT min(id) FROM carrier_claims WHERE status = 'paid' AND agent_id IS NOT NULL AND resolved_on >= '2022-03-05' AND resolved_on < '2022-03-25')"
last=$(q 'SELECT count(*) FROM score_months WHERE agent_id = 0')
if [ "$last" -lt "$after" ]; then ok "... and so do a paid claim's ($after, then $last)"; else not_ok "... and so do a paid claim's" "$after, then $last"; fi
# INSERT OR REPLACE deletes the row it replaces without a delete
# trigger: an attributed order replaced by a shop order, a paid claim by a
# denied one, each in a kept month.
q "SELECT count(*) FROM score_months WHERE agent_id = 0" >"$WORK/n0"
q "INSERT OR REPLACE INTO orders (id, customer_id, placed_at, amount, cogs, attribution)
   SELECT id, customer_id, placed_at, amount, cogs, 'shop' FROM orders
   WHERE attribution = 'upsell' AND agent_id IS NOT NULL AND placed_at >= strftime('%s', '2022-01-01')
   AND placed_at < strftime('%s', '2022-02-01') ORDER BY id LIMIT 1"
n1=$(q "SELECT count(*) FROM score_months WHERE agent_id = 0")
if [ "$n1" -lt "$(cat "$WORK/n0")" ]; then ok "an order replaced by INSERT OR REPLACE drops its month ($(cat "$WORK/n0"), then $n1)"; else
	not_ok "an order replaced by INSERT OR REPLACE drops its month" "$(cat "$WORK/n0"), then $n1"; fi
boards written
cp "$DB" "$WORK/fresh.db"
sqlite3 "$WORK/fresh.db" 'DELETE FROM score_months'
DB0=$DB
DB=$WORK/fresh.db
boards counted
DB=$DB0
if cmp -s "$WORK/written" "$WORK/counted"; then ok "after the shell's writes, boards are what a count from the tickets says"; else
	not_ok "after the shell's writes, boards are what a count from the tickets says" "$(diff "$WORK/written" "$WORK/counted" | head -5)"
fi
if cmp -s "$WORK/cold" "$WORK/written"; then not_ok "the writes changed the levels (else this proves nothing)"; else ok "the writes changed the levels (else this proves nothing)"; fi
run check "$DB"
expect_status 0 "check passes after the shell's writes"

# A damaged month: check names it and the repair; --repair forgets them all.
q "UPDATE score_months SET counts = zeroblob(length(counts)) WHERE agent_id = (SELECT max(agent_id) FROM score_months) AND start_at = (SELECT min(start_at) FROM score_months)"
run check "$DB"
expect_status 1 "check fails on a kept month that disagrees with its tickets"
expect_out "leaderboard months kept: [0-9]+, 1 wrong" "... and counts it"
expect_one_line_err "... naming the repair in one line"
run check --repair "$DB"
expect_status 0 "check --repair succeeds"
expect_out "leaderboard months forgotten" "... and says the months are forgotten"
if [ "$(q 'SELECT count(*) FROM score_months')" = 0 ]; then ok "... which they are"; else not_ok "... which they are"; fi
boards repaired
if cmp -s "$WORK/written" "$WORK/repaired"; then ok "boards after --repair are the same"; else not_ok "boards after --repair are the same"; fi

# A read-only store with kept months that another clock made (a schedule
# added since) counts from the tickets: the same boards.
run import agents "$WORK/agents.csv" "$DB"
q "INSERT INTO schedules (name, timezone, is_default) VALUES ('Night', 'UTC', 0)"
boards reclocked
if cmp -s "$WORK/written" "$WORK/reclocked"; then ok "months kept under another clock are not used"; else not_ok "months kept under another clock are not used" "$(diff "$WORK/written" "$WORK/reclocked" | head -5)"; fi
run check "$DB"
expect_out "leaderboard months kept: 0, 0 wrong" "check leaves months of another clock alone"
