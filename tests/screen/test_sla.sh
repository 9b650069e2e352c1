# test_sla.sh — the SLA in the interface: the dashboard's line is report
# sla's total, Enter opens the report's tables (f: the next one), and H
# counts every duration in business hours and back.
. tests/screen/screen-lib

start 80 24 "$DB"
check "80x24: the tickets panel has the SLA line, whole (first reply, next reply, resolution)" "SLA  *87.51 % · 86.03 % · 79.95 %"
check_not "... and no room for the first resolution's line" "1st res med"
check "the top bar shows the period's dates" "◂ March 2022 ▸ 2022-03-01 – 2022-03-31  month"
# The twentieth figure: ten of the P&L, then the tickets panel's (created and solved are two).
keys j j j j j j j j j j j j j j j j j j j Enter
check "Enter on it opens the SLA per agent" "Dashboard › SLA · March 2022"
check "... whose total is the dashboard's figure" "TOTAL .*3,413 .*487 .*87.51 %"
keys f
check "f: by team" "By team"
keys Escape
check "Esc is back on the dashboard" "Support P&L"
check_not "... with the clock's medians" "business hours"
keys H
check "H: business hours, said in the top bar" "business hours"
check "80x24: the top bar keeps the dates and business hours whole" "^ .*◂ March 2022 ▸ 2022-03-01 – 2022-03-31 .*business hours  "
check "... and on the status line" "durations in business hours"
check_not "... the medians counted in working hours" "1st reply med · p90 *1h 05m · 8h 08m"
keys H
check "H again: back on the clock" "1st reply med · p90 *1h 05m · 8h 08m"
keys q
wait_for 'EXIT=' 3
check "q exits 0" "EXIT=0"

# Read-only too: the period, its dates, business hours and READ-ONLY whole.
start 80 24 --read-only "$DB"
keys H
check "80x24, read-only: dates, business hours and READ-ONLY whole" "^ .*◂ March 2022 ▸ 2022-03-01 – 2022-03-31 .*business hours  *READ-ONLY "
keys Escape q
wait_for 'EXIT=' 3
check "... and it exits 0" "EXIT=0"

# A wide screen has room for the whole labels.
start 160 48 "$DB"
check "160x48: the labels in full" "SLA met 1st, next, res *87.51 % · 86.03 % · 79.95 %"
check "... the waits on a line of their own" "Wait on team med · on customer *2h 18m · 15m 42s"
check "... all of them" "First response med · p90 *1h 05m · 8h 08m"
check "... the first resolution on a line of its own, under the full one" "First resolution med · p90 *2h 29m · 2d 11h"
keys q
wait_for 'EXIT=' 3

# The first resolution: a line more (80x25), or after the full one's
# figures on a wide panel (120x24), as report summary has them.
start 80 25 "$DB"
check "80x25: the first resolution has its line" "1st res med · p90 *2h 29m · 2d 11h"
check "... the full one above it" "Resolution med · p90 *2h 51m · 2d 17h"
check "... and the SLA line stays" "SLA  *87.51 % · 86.03 % · 79.95 %"
check_not "... with no room for the waits" "Wait on team"
keys q
wait_for 'EXIT=' 3
start 120 24 "$DB"
check "120x24: both on the resolution line" "Resolved med · p90  2h 51m · 2d 17h  1st 2h 29m · 2d 11h"
keys q
wait_for 'EXIT=' 3

# A store without schedules: H says how to get them and changes nothing.
"$CXTOP" init "$WORK/empty.db" >/dev/null
start 80 24 "$WORK/empty.db"
check "80x24 without an SLA line: the first resolution has its line" "First resolution med · p90 *— · —"
keys H
check "H without schedules says how to load them" "cxtop schedule load FILE"
check_not "... and stays on the clock" " business hours"
keys q
wait_for 'EXIT=' 3
