# test_view6_leaderboard.sh — view 6, the Leaderboard: ranks, movement,
# levels, points with a bar, badges.  Sorted by each column, the rows are
# in the order the leaderboard report's rows give; Enter shows how an
# agent's points were earned, rule by rule, and from there the agent's
# tickets, which Esc leaves for the same agent, sorted as before; / filters
# by team; at 80 columns the columns scroll and say so, and a wider
# terminal gives them back.  At 60x16, 80x24, 160x48 and 200x50 it draws
# with every tab named and its column titles whole; under LANG=C its
# arrows, bars and sort marks are ASCII; it reads in words.
. tests/screen/screen-lib

# --- every size, every column sorted, in words ------------------------------
TZ=${TZ:-UTC} "$CXTOP" report leaderboard --format json "$DB" | jq .rows >"$WORK/leaderboard.json"

start 80 24 "$DB"
keys 6
check "80x24: key 6 shows the leaderboard" "Leaderboard"
sizes 6 Leaderboard "Rank  Move" 4
resize 120 40
keys 1 6
check "120x40: key 6 shows the leaderboard" "Leaderboard"
resize 200 50
keys 1 6
# The movement is against the period before, which the report's rows do
# not hold: its sort is checked by its mark.  The bar (no title) is a
# picture of the points and sorts as they do.
sort_each leaderboard "$WORK/leaderboard.json" agent_id 3 Rank=rank Move=- ID=agent_id Agent=agent Team=team \
	Level=level Points=points =points Badges=badges Flags=flags
resize 160 50
view_words 6
keys 6 f
check "the points by rule are titled in words" "Solved  Reply in time  One-touch  Promoters  Detractors  Reopened  SLA missed"
keys Escape 6 Enter
check "how the points were earned, rule by rule, in words" "Reply in time  *1,458"
keys Escape q
wait_for 'EXIT=' 3
check "leaderboard: q exits 0 after every size and sort" "EXIT=0"

start_c 80 24 "$DB"
keys 6
ascii "LANG=C: view 6 is plain ASCII"
check "the leaderboard's movement arrows and bars" "^   1  ^3  .*##########"
keys '>' '>'
check "a sort mark in ASCII" "sort: Move ^"
check "... in the header too" "^Rank  Move^ ID"
keys Enter
ascii "LANG=C: a detail pane is plain ASCII"
keys Escape '?'
ascii "LANG=C: the leaderboard's help is plain ASCII"
keys Escape
sizes_c 6 Leaderboard 4
keys q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the leaderboard" "EXIT=0"

# --- ranks, a rule by rule pane, a filter; columns scrolled -----------------
start 80 24 "$DB"
keys 6
check "the leaderboard ranks agents by points" "Rank  Move"
check "the leaderboard shows levels and badges" "Closer"
keys Enter
check "Enter shows how the points were earned" "How .* earned the points"
check "the breakdown lists the rules" "One-touch"
keys Escape /
text "Retention"
keys Enter
check "the leaderboard filters by team" "5 of 14 rows"
keys Escape
check_not "the dashboard-less leaderboard has no alarm on the sample's real spread" "everyone looks the same"

# Columns scrolled off at 80 columns: the info line says so, and when the
# terminal widens the scroll is given back (no column stays hidden that fits).
check "at 80 columns the leaderboard says more columns are to the right" "rows  sort: the report's order .*more columns →"
keys Right Right Right
check "scrolled, it says more are to the left" "← more columns"
check_not "... and Team is off the screen" "Agent  *Team"
keys Left Left Left l
check "Left scrolls back, l scrolls right as Right does" "← more columns"
$T resize-window -t ui -x 170 -y 24 2>/dev/null
keys C-l
check "widened to 170, every column is back" "Agent  *Team  *Level  *Points"
check_not "... and nothing is said hidden" "more columns"

# Sorted by points, the fourth agent's tickets, and back: as it was.
keys '>' '>' '>' '>' '>' '>' '>' s j j j Enter
check "sorted by points, the fourth agent's points" "How Maria Garcia earned the points"
keys Enter
check "Enter in the pane: the agent's tickets" "Leaderboard › Tickets: agent Maria Garcia"
keys Escape
check "Esc: the leaderboard still sorted by points" "sort: Points ▼"
keys Enter
check "... the cursor on the same agent" "How Maria Garcia earned the points"
keys Escape q
wait_for 'EXIT=' 3
check "q exits 0 after the leaderboard" "EXIT=0"
