# test_payments.sh — payment systems' charges folded into failed renewals:
# the stripe-payments and recharge-charges presets on fixtures written as
# those exports are (tests/data: a byte order mark, CRLF, quoted line
# breaks and quotes, Cyrillic, Finnish and CJK names, "n/a" cells, one-off
# payments, first orders, queued charges), with the help desk's tickets of
# the same customers.  What cxtop reports is checked against the same files
# read by the sqlite3 shell and folded in SQL by cxtop(1)'s rule.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
STRIPE=tests/data/stripe-payments.csv
RECHARGE=tests/data/recharge-charges.csv
TICKETS=tests/data/payments-tickets.csv

cat >"$WORK/campaigns.csv" <<'EOF'
name,kind,channel,starts_on,ends_on,cost_per_contact
Win-back — Dec 2021,winback,email,2021-12-27,2021-12-31,1.50
Win-back — Jan 2022,winback,email,2022-01-27,2022-01-31,1.50
Win-back — Feb 2022,winback,email,2022-02-27,2022-02-28,1.50
EOF

run import --presets
expect_out '^stripe-payments +Stripe: the payments CSV export' "--presets lists stripe-payments"
expect_out '^recharge-charges +Recharge: the charges CSV export' "--presets lists recharge-charges"

# A store with the win-back campaigns and the help desk's tickets.
fresh() {
	rm -f "$1"
	"$CXTOP" init "$1" >/dev/null
	"$CXTOP" import campaigns "$WORK/campaigns.csv" "$1" >/dev/null
	"$CXTOP" import tickets "$TICKETS" "$1" >/dev/null
}

# The files as the sqlite3 shell reads them (the BOM taken off).
sqlite3 "$WORK/raw.db" ".mode csv" ".import $STRIPE s" ".import $TICKETS t" ".import $WORK/campaigns.csv c"
tail -c +4 "$RECHARGE" >"$WORK/recharge.csv"
sqlite3 "$WORK/raw.db" ".mode csv" ".import $WORK/recharge.csv r"

# attempts(inv, email, at, failed, paid, amount) -> the winback report's
# totals: failed, recovered by dunning, reached support, recovered by
# support, revenue, lost.  The rule: failed at the first failed attempt,
# recovered at the first payment after it; support's when the customer's
# first ticket between the two falls on a win-back campaign's day; a lost
# renewal reached support when the customer wrote within 30 days.
fold_sql() {
	cat <<EOF
WITH a AS ($1),
g AS (SELECT inv, min(email) AS email, min(at) AS first_at,
             min(CASE WHEN failed THEN at END) AS failed_at
      FROM a GROUP BY inv),
f AS (SELECT g.inv, g.email, g.failed_at,
             (SELECT min(at) FROM a WHERE a.inv = g.inv AND a.paid AND a.at >= g.failed_at) AS recovered_at,
             (SELECT amount FROM a WHERE a.inv = g.inv ORDER BY at LIMIT 1) AS amount
      FROM g WHERE g.failed_at IS NOT NULL),
k AS (SELECT f.*, (SELECT min(t.created_at) FROM t WHERE lower(t.customer) = lower(f.email)
                   AND t.created_at BETWEEN f.failed_at
                       AND coalesce(f.recovered_at, datetime(f.failed_at, '+30 days'))) AS contact
      FROM f),
w AS (SELECT k.*, k.recovered_at IS NOT NULL AND k.contact IS NOT NULL AND EXISTS
             (SELECT 1 FROM c WHERE c.kind = 'winback' AND date(k.contact) BETWEEN c.starts_on AND c.ends_on) AS support
      FROM k)
SELECT count(*), sum(recovered_at IS NOT NULL AND NOT support),
       sum(support OR (recovered_at IS NULL AND contact IS NOT NULL)), sum(support),
       coalesce(sum(CASE WHEN support THEN amount END), 0), sum(recovered_at IS NULL),
       (SELECT count(DISTINCT inv) FROM a) - count(*)
FROM w;
EOF
}
cents="CAST(round(replace(%s, ',', '') * 100) AS INTEGER)"

stripe_attempts="SELECT \"Invoice ID\" AS inv, \"Customer Email\" AS email, \"Created date (UTC)\" AS at,
	lower(Status) = 'failed' AS failed, lower(Status) IN ('paid', 'refunded') AS paid,
	$(printf "$cents" Amount) AS amount
	FROM s WHERE \"Invoice ID\" <> '' AND \"Customer Email\" <> '' AND Description <> 'Subscription creation'
	AND lower(Status) IN ('paid', 'refunded', 'failed')"
# Recharge: a charge in error failed on its day; one paid after more than
# one attempt failed on its day and was recovered when processed.
recharge_attempts="SELECT id AS inv, email, scheduled_at || ' 00:00:00' AS at, 1 AS failed, 0 AS paid,
	$(printf "$cents" total_price) AS amount
	FROM r WHERE type <> 'checkout' AND (status = 'error' OR (status = 'success' AND charge_attempts > 1))
	UNION ALL
	SELECT id, email, replace(processed_at, 'T', ' '), 0, 1, $(printf "$cents" total_price)
	FROM r WHERE type <> 'checkout' AND status = 'success'"

check_fold() { # NAME STORE ATTEMPTS-SQL
	sqlite3 -separator ' ' "$WORK/raw.db" "$(fold_sql "$3")" >"$WORK/want"
	"$CXTOP" report winback --from 2021-12-01 --to 2022-02-28 --format json "$2" |
		jq -r '.totals | "\(.failed) \(.recovered_dunning) \(.reached_support) \(.recovered_support) \(.revenue) \(.lost)"' >"$WORK/got"
	# The last figure is the renewals paid at the first attempt, which
	# the import counts and does not store.
	first_try=$(cut -d' ' -f7 "$WORK/want")
	cut -d' ' -f1-6 "$WORK/want" >"$WORK/want6"
	if [ -s "$WORK/got" ] && cmp -s "$WORK/want6" "$WORK/got"; then ok "$1: report winback equals the file folded in SQL"; else
		not_ok "$1: report winback equals the file folded in SQL" "want: $(cat "$WORK/want6")" "got: $(cat "$WORK/got")"; fi
	if grep -q "($first_try paid at the first attempt, not stored)" "$OUT"; then ok "$1: the renewals paid at once are counted"; else
		not_ok "$1: the renewals paid at once are counted" "want $first_try"; fi
	# The P&L's win-back revenue is the support recoveries' orders.
	want=$(cut -d' ' -f5 "$WORK/want")
	got=$("$CXTOP" report pnl --from 2021-12-01 --to 2022-02-28 --format json "$2" | jq '.totals.winback // .rows[0].winback')
	if [ "$want" = "$got" ] && [ "$want" -gt 0 ]; then ok "$1: the P&L's win-back revenue is support's recoveries"; else
		not_ok "$1: the P&L's win-back revenue is support's recoveries" "want $want, got $got"; fi
}

fresh "$WORK/s.db"
run import charges "$STRIPE" --preset stripe-payments "$WORK/s.db"
expect_status 0 "the Stripe payments export imports"
expect_out '^charges: 334 rows in 1 file, 18 skipped' "one-off payments, first payments, canceled and email-less rows are skipped"
expect_out '^renewals: [1-9][0-9]* inserted, 0 updated, 0 unchanged' "its failed renewals are written"
expect_out '^win-back orders: [1-9]' "support's recoveries become win-back orders"
check_fold stripe "$WORK/s.db" "$stripe_attempts"
run import charges "$STRIPE" --preset stripe-payments "$WORK/s.db"
expect_out '^renewals: 0 inserted, 0 updated, [1-9][0-9]* unchanged' "importing the export again changes nothing"
expect_out '\(0 inserted, 0 updated, [1-9][0-9]* unchanged\)' "nor the win-back orders"

fresh "$WORK/r.db"
run import charges "$RECHARGE" --preset recharge-charges --tz UTC "$WORK/r.db"
expect_status 0 "the Recharge charges export imports"
expect_out '^charges: 226 rows in 1 file, 16 skipped' "checkout, queued and skipped charges are left out"
check_fold recharge "$WORK/r.db" "$recharge_attempts"

# Without a win-back campaign, support's part cannot be credited: dunning's,
# and the import says why.
rm -f "$WORK/n.db"
"$CXTOP" init "$WORK/n.db" >/dev/null
"$CXTOP" import tickets "$TICKETS" "$WORK/n.db" >/dev/null
run import charges "$STRIPE" --preset stripe-payments "$WORK/n.db"
expect_status 0 "charges import without campaigns"
expect_out 'by support 0;' "no campaign: no recovery is support's"
expect_err '^cxtop: [0-9]+ recoveries after a support ticket counted as dunning: no win-back campaign was running' \
	"the import says how many it could not credit, and why"

# A native charges file: cxtop's own column names; a row without a time is
# refused with its line, and nothing is written.
cat >"$WORK/c.csv" <<'EOF'
source_id,customer,amount,outcome,attempted_at
inv-1,ann@example.com,10.00,failed,2022-01-15 08:00
inv-1,ann@example.com,10.00,paid,2022-01-18 08:00
inv-2,bob@example.com,12.00,failed,
EOF
run import charges "$WORK/c.csv" "$WORK/n.db"
expect_status 1 "a charge without any time is refused"
expect_err 'c.csv:4: neither attempted_at nor due_at' "the line is named"
expect_err 'nothing was written' "and nothing is written"
got=$(sqlite3 "$WORK/n.db" "SELECT count(*) FROM renewals WHERE source = 'csv'")
if [ "$got" = 0 ]; then ok "a refused charges file leaves no renewal"; else not_ok "a refused charges file leaves no renewal" "$got"; fi
cat >"$WORK/c.csv" <<'EOF'
source_id,customer,amount,outcome,attempted_at
inv-1,ann@example.com,10.00,declined,2022-01-15 08:00
EOF
run import charges "$WORK/c.csv" "$WORK/n.db"
expect_status 1 "an outcome that is neither paid nor failed is refused"
expect_err 'declined' "the unknown outcome is named"

# The fold under valgrind (the normal build): no invalid access, no leak,
# on a store with campaigns and tickets so that every branch runs.
if command -v valgrind >/dev/null 2>&1 && [ -x "$PWD/cxtop" ]; then
	fresh "$WORK/v.db"
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 -q \
		"$PWD/cxtop" import charges "$STRIPE" "$WORK/c.csv" --preset stripe-payments "$WORK/v.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 1 "valgrind: a charges import refused at its second file is clean"
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 -q \
		"$PWD/cxtop" import charges "$STRIPE" --preset stripe-payments "$WORK/v.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 0 "valgrind: a charges import with support's recoveries is clean"
else
	echo "ok - # SKIP valgrind or ./cxtop not available"
fi
