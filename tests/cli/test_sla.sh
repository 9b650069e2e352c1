# test_sla.sh — schedules and SLA policies in the store: cxtop schedule
# load (audited, all or nothing), report schedules, report sla against the
# same tickets counted in SQL, the dashboard's SLA figures, and
# --hours business (equal to the clock for a schedule that never stops).
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
unset CXTOP_DB

DB=$WORK/s.db
cp sample.db "$DB"

# ---- the sample as shipped ----------------------------------------------------
run report schedules "$DB"
expect_out '^Frontline — Helsinki +Europe/Helsinki +yes +Frontline ' "the sample's schedules are in the store"
expect_out '^Retention — New York +America/New_York +no +Retention ' "one per team, Frontline's the default"
expect_out '^Urgent +urgent +any +1h 00m +4h 00m|^Urgent +urgent +any +1h 00m +8h 00m' "its policies, in order"
run report audit --format csv "$DB"
expect_out '^[0-9]+,2021-10-01 08:00:00,sample,load,schedules,schedules.yaml,Schedules,' \
	"the sample's load is on the audit trail"

# ---- load: checked first, all or nothing, audited --------------------------------
printf 'schedules:\n  Everyone: {timezone: Mars/Olympus, hours: {mon: 09:00-17:00}}\n' >"$WORK/bad.yaml"
before=$(sqlite3 "$DB" "SELECT count(*) FROM schedules; SELECT count(*) FROM sla_policies; SELECT count(*) FROM audit" | tr '\n' ' ')
run schedule load "$WORK/bad.yaml" "$DB"
expect_status 1 "a wrong schedules file is refused"
expect_err "bad.yaml:2:[0-9]+: .*Mars/Olympus" "at its line and column"
expect_one_line_err "in one line"
after=$(sqlite3 "$DB" "SELECT count(*) FROM schedules; SELECT count(*) FROM sla_policies; SELECT count(*) FROM audit" | tr '\n' ' ')
if [ "$before" = "$after" ]; then ok "and nothing in the store changed"; else not_ok "a refused load changed the store" "$before -> $after"; fi
CXTOP_DB=$DB "$CXTOP" schedule load "$WORK/bad.yaml" >"$OUT" 2>"$ERR"
status=$?
expect_status 1 "load without a store uses the default one (\$CXTOP_DB), and still checks the file first"

# A policy on the clock only, that the shell can count as well: first
# reply within 2 h for urgent and high, 6 h for the rest, resolution in
# 2 days for everyone; the schedule runs around the clock.
cat >"$WORK/clock.yaml" <<'EOF'
schedules:
  Always:
    timezone: UTC
    default: true
    hours: {mon-sun: 00:00-24:00}
sla:
  - {name: Fast, priority: [urgent, high], first_reply: 2h, resolution: 2d, hours: calendar}
  - {name: Rest, first_reply: 6h, resolution: 2d, hours: calendar}
EOF
run --actor tester schedule load "$WORK/clock.yaml" "$DB"
expect_status 0 "a right file loads"
expect_out '^.*clock.yaml: loaded 1 schedule \(0 teams, 0 holidays\) and 2 SLA policies into ' "and says what it loaded"
if [ ! -s "$ERR" ]; then ok "no warning needed: everyone works by the default"; else not_ok "an unneeded warning"; fi
got=$(sqlite3 "$DB" "SELECT actor, action, entity, row_id, new FROM audit ORDER BY id DESC LIMIT 1")
if [ "$got" = "tester|load|schedules|clock.yaml|1 schedule, 0 teams, 0 holidays, 2 SLA policies" ]; then
	ok "the load is audited, by the actor given"; else not_ok "the load's audit row" "got $got"; fi
got=$(sqlite3 "$DB" "SELECT count(*) FROM schedule_teams; SELECT count(*) FROM schedule_holidays" | tr '\n' ' ')
if [ "$got" = "0 0 " ]; then ok "a load replaces what was there"; else not_ok "a load replaces what was there" "got $got"; fi

# What a manager should hear about: a team nobody is in, and agents whose
# team no schedule names while there is no default.
printf 'schedules:\n  X: {timezone: UTC, teams: [Frontline, Frontlnie], hours: {mon: 09:00-17:00}}\n' >"$WORK/typo.yaml"
cp "$DB" "$WORK/typo.db"
run schedule load "$WORK/typo.yaml" "$WORK/typo.db"
expect_status 0 "a file with a mistyped team still loads"
expect_err "warning: .*names team 'Frontlnie', which no agent is in" "and warns of the team nobody is in"
expect_err "warning: 5 agents are in teams no schedule names, and no default schedule" \
	"and of the agents left on the clock"

# ---- report sla, counted again in SQL ------------------------------------------------
# March 2022 as of its end (2022-04-01 00:00 UTC); no ticket of the sample
# changed after it, so the rows are as they were then.
END=1648771200
sqlite3 -separator ' ' "$DB" "
	WITH t AS (SELECT id, created_at c, first_response_at f, resolved_at r,
	             CASE WHEN priority IN ('urgent', 'high') THEN 7200 ELSE 21600 END AS goal
	           FROM tickets WHERE created_at >= 1646092800 AND created_at < $END),
	  v AS (SELECT CASE WHEN f IS NOT NULL AND f <= $END THEN (CASE WHEN f - c <= goal THEN 'met' ELSE 'late' END)
	                    WHEN $END - c > goal THEN 'late' ELSE 'open' END AS fr,
	               CASE WHEN r IS NOT NULL AND r <= $END THEN (CASE WHEN r - c <= 172800 THEN 'met' ELSE 'late' END)
	                    WHEN $END - c > 172800 THEN 'late' ELSE 'open' END AS res FROM t)
	SELECT count(*), sum(fr = 'met'), sum(fr = 'late'), sum(fr = 'open'),
	       sum(res = 'met'), sum(res = 'late'), sum(res = 'open') FROM v" >"$WORK/want"
"$CXTOP" report sla --format json "$DB" | jq -r '.totals | "\(.tickets) \(.first_reply_met) \(.first_reply_breached) \(.first_reply_running) \(.resolution_met) \(.resolution_breached) \(.resolution_running)"' >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "report sla's totals equal the tickets counted in SQL"; else
	not_ok "report sla's totals" "want: $(cat "$WORK/want")" "got: $(cat "$WORK/got")"; fi
# Per priority, the same.
sqlite3 -separator ' ' "$DB" "
	SELECT coalesce(priority, 'none'), count(*),
	       sum(first_response_at IS NOT NULL AND first_response_at - created_at <=
	           CASE WHEN priority IN ('urgent', 'high') THEN 7200 ELSE 21600 END)
	FROM tickets WHERE created_at >= 1646092800 AND created_at < $END
	GROUP BY 1 ORDER BY 1" >"$WORK/want"
"$CXTOP" report sla --format json "$DB" | jq -r '.priorities[] | "\(.priority) \(.tickets) \(.first_reply_met)"' | sort >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "per priority too (none for tickets without one)"; else
	not_ok "report sla per priority" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
# The breaches list adds up to the breaches counted, worst first.
"$CXTOP" report sla --format json "$DB" >"$WORK/sla.json"
n=$(jq '.breaches | length' "$WORK/sla.json")
want=$(jq '.totals.first_reply_breached + .totals.resolution_breached' "$WORK/sla.json")
if [ "$n" = "$want" ] && [ "$n" -gt 0 ]; then ok "every breach is listed ($n)"; else not_ok "the breaches list" "listed $n, counted $want"; fi
if jq -e '[.breaches[].over_s] as $o | $o == ($o | sort | reverse)' "$WORK/sla.json" >/dev/null; then
	ok "the worst breach first"; else not_ok "breaches are not worst first"; fi
n=$(jq '.at_risk | length' "$WORK/sla.json")
want=$(jq '.totals.first_reply_running + .totals.resolution_running' "$WORK/sla.json")
if [ "$n" = "$want" ]; then ok "every running target is listed, least time left first"; else not_ok "the running list" "listed $n, counted $want"; fi
# The summary (the dashboard's figures) says the same.
"$CXTOP" report summary --format json "$DB" >"$WORK/sum.json"
a=$(jq -r '"\(.sla_first_reply_met_pct) \(.sla_resolution_met_pct) \(.sla_breaches)"' "$WORK/sum.json")
b=$(jq -r '"\(.first_reply_met_pct) \(.resolution_met_pct) \(.first_reply_breached + .resolution_breached)"' "$WORK/sla.json")
if [ "$a" = "$b" ]; then ok "the dashboard's SLA figures are report sla's ($a)"; else not_ok "dashboard vs report sla" "$a vs $b"; fi
# Every format.
for f in text csv md; do
	run report sla --format "$f" "$DB"
	expect_status 0 "report sla --format $f"
done

# ---- business hours -------------------------------------------------------------------
# A schedule that never stops counts every second: business = calendar.
"$CXTOP" report agents --format json "$DB" | jq -c '[.rows[] | [.frt_median_s, .resolution_p90_s]]' >"$WORK/cal"
"$CXTOP" report agents --hours business --format json "$DB" | jq -c '[.rows[] | [.frt_median_s, .resolution_p90_s]]' >"$WORK/bus"
if cmp -s "$WORK/cal" "$WORK/bus"; then ok "--hours business with working hours around the clock equals the clock"; else
	not_ok "an always-open schedule" "$(head -c 200 "$WORK/cal")" "$(head -c 200 "$WORK/bus")"; fi
run report agents --hours business "$DB"
expect_out '· business hours ' "the title says business hours"
expect_out '^Hours: +business$' "and so does a fact"
run report agents --hours weekdays "$DB"
expect_status 2 "--hours takes business or calendar"
# The sample's own schedules make a difference; without any, it is refused.
"$CXTOP" schedule load src/store/sample/schedules.yaml "$DB" >/dev/null
"$CXTOP" report channels --hours business --format json "$DB" | jq -r '.rows[] | select(.channel == "email") | .frt_median_s' >"$WORK/b"
"$CXTOP" report channels --format json "$DB" | jq -r '.rows[] | select(.channel == "email") | .frt_median_s' >"$WORK/c"
if awk -v b="$(cat "$WORK/b")" -v c="$(cat "$WORK/c")" 'BEGIN { exit !(b < c) }'; then ok "outside working hours does not count: email's median FRT shrinks"; else
	not_ok "business FRT" "business $(cat "$WORK/b"), calendar $(cat "$WORK/c")"; fi
"$CXTOP" init "$WORK/empty.db" >/dev/null
run report summary --hours business "$WORK/empty.db"
expect_status 1 "business hours without schedules is an error"
expect_err "has no schedules: .*cxtop schedule load" "that says how to load them"
run report sla "$WORK/empty.db"
expect_status 0 "report sla without policies still prints"
expect_out "no SLA policies" "and says how to get them"

# One breach checked by hand: its time counted, through schedule check.
"$CXTOP" report sla --format json "$DB" >"$WORK/sla.json"
row=$(jq -r '[.breaches[] | select(.policy == "Standard" and .target == "first reply")][0] | "\(.ticket_id) \(.goal_s) \(.over_s)"' "$WORK/sla.json")
set -- $row
tid=$1 goal=$2 over=$3
sqlite3 -separator ' ' "$DB" "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', created_at, 'unixepoch'),
	strftime('%Y-%m-%dT%H:%M:%SZ', min(coalesce(first_response_at, $END), $END), 'unixepoch'), coalesce(a.team, '')
	FROM tickets t LEFT JOIN agents a ON a.id = t.agent_id WHERE t.id = $tid" >"$WORK/t"
read -r from to team <"$WORK/t"
sched="Frontline — Helsinki"
[ "$team" = Retention ] && sched="Retention — New York"
"$CXTOP" schedule check src/store/sample/schedules.yaml --from "$from" --to "$to" >"$OUT"
worked=$(grep -A20 "^$sched " "$OUT" | grep -m1 '^  from ' | sed 's/.*: \(.*\) of working time.*/\1/')
want=$(jq -rn --argjson s "$((goal + over))" '
	def two: tostring | if length < 2 then "0" + . else . end;
	if $s >= 86400 then "\($s / 86400 | floor)d \($s % 86400 / 3600 | floor | two)h"
	elif $s >= 3600 then "\($s / 3600 | floor)h \($s % 3600 / 60 | floor | two)m"
	else "\($s / 60 | floor)m \($s % 60 | two)s" end')
case $worked in
"$want"*) ok "a breach's time is its working time, as schedule check counts it (ticket $tid: $worked)" ;;
*) not_ok "a breach's working time" "ticket $tid, $from to $to, $sched: report $want, schedule check $worked" ;;
esac
