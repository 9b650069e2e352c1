# test_view2_agents.sh — view 2, the Agents: the agents report as a list.
# Sorted by each column, the rows are in the order the report's own rows
# give; a drill-down (an agent's tickets, solved, revenue) and Esc come
# back to the same agent, sorted as before; its figures open rows that add
# up to what the row shows; / finds an agent by any cell; at 60x16, 80x24,
# 160x48 and 200x50 it draws with every tab named and its column titles
# whole; under LANG=C it is plain ASCII; it reads in words.
. tests/screen/screen-lib

# --- every size, every column sorted, in words ------------------------------
# The report's rows, every column of them: its CSV's first table (the JSON
# leaves some out), without the total row, an empty cell as no value.
TZ=${TZ:-UTC} "$CXTOP" report agents --format csv "$DB" | tr -d '\r' | awk 'NF == 0 { exit } { print }' |
	jq -R -s 'split("\n") | map(select(length > 0) | split(",")) | .[0] as $h | .[1:]
		| map([$h, .] | transpose | map({(.[0]): (.[1] | if . == "" then null else (tonumber? // .) end)}) | add)
		| map(select(.agent_id != "TOTAL"))' >"$WORK/agents.json"

start 80 24 "$DB"
keys 2
check "80x24: key 2 shows agents" "Maria Garcia"
sizes 2 Agents "Maria Garcia" 4
resize 120 40
keys 1 2
check "120x40: key 2 shows agents" "Maria Garcia"
resize 200 50
keys 1 2
sort_each agents "$WORK/agents.json" agent_id 1 ID=agent_id Agent=agent Team=team Tickets=tickets Solved=solved \
	"FRT med=frt_median_s" "FRT p90=frt_p90_s" "Res med=resolution_median_s" "Res p90=resolution_p90_s" \
	"1st res med=first_resolution_median_s" "1st res p90=first_resolution_p90_s" "Req wait=requester_wait_median_s" \
	"Agent wait=agent_wait_median_s" "Next reply=next_reply_median_s" CSAT=csat_pct NPS=nps 1-touch=one_touch_pct \
	Reopen=reopen_pct "No reply=unanswered" Open=unresolved Rated=rated Unrated=unrated Revenue=revenue Cost=cost
resize 160 50
view_words 2
keys q
wait_for 'EXIT=' 3
check "agents: q exits 0 after every size and sort" "EXIT=0"

start_c 80 24 "$DB"
keys 2
ascii "LANG=C: view 2 is plain ASCII"
sizes_c 2 Agents 4
keys 1 2 Enter
ascii "LANG=C: an agent's pane is plain ASCII"
keys Escape '?'
ascii "LANG=C: the agents' help is plain ASCII"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the agents" "EXIT=0"

# --- sorted, a drill-down and back; searched --------------------------------
# Agents sorted by name, the cursor on the fourth; a drill-down and back.
start 80 24 "$DB"
keys 2 '>' '>'
check "> picks the next column to sort by" "sort: Agent ▲"
check "... and the header marks it" "Agent *▲"
keys j j j Enter
check "Enter opens the fourth agent by name" "Jyrki Häkkinen ─"
keys Enter
check "Enter in the pane pushes the agent's tickets" "Agents › Tickets: agent Jyrki Häkkinen"
check "... whose list is filtered to the agent" "tickets created · agent Jyrki"
keys Escape
check "Esc is back on the agents, still sorted" "sort: Agent ▲"
keys Enter
check "... with the cursor on the same agent" "Jyrki Häkkinen ─"
keys Escape s
check "s flips the order" "sort: Agent ▼"
keys '<'
check "< picks the column to the left" "sort: ID ▼"
keys S-Right
check "Shift-Right picks the next column too" "sort: Agent ▼"
keys S
check "S flips the order too" "sort: Agent ▲"
keys S-Left
check "Shift-Left picks the column to the left" "sort: ID ▲"

# The team subtotals (f), a team's figures (Enter), and back.
keys f
check "f shows the team subtotals" "Teams · 3 of 3 rows"
keys j Enter
check "Enter on a team shows its figures" "Retention ─"
keys Escape
check_not "Esc closes the team's figures" "Retention ─"
keys f
check "f again: back on the agents" "15 of 15 rows"

# / in a list held in memory: by any cell, the column named.
keys '/'
text "Ольга"
keys Enter
check "search finds a Cyrillic name" "Ольга Смирнова"
check "search narrows the list" "1 of 1"
keys Escape
check "Escape clears the search" "1[0-9] of 1[0-9] rows"
keys Enter
check "Enter opens an agent's detail" "Enter: its rows"
keys Enter
check "Enter again lists the agent's tickets" "tickets created · agent"
keys 2 /
text "Maria"
keys Enter
check "agents: a hit names its column" 'match.* "Maria": in Agent'
keys Escape /
text "zzzz"
keys Enter
check "agents: a miss says so" 'no row matches "zzzz"'
keys Escape q
wait_for 'EXIT=' 3
check "q exits 0 after searching" "EXIT=0"

# --- an agent's figures open their rows ------------------------------------
# The pane's tickets, solved and revenue, each adding up to what the row
# shows; Esc from each comes back to the same agent.
start 100 30 "$DB"
row=$("$CXTOP" report agents --format json "$DB" | jq -r '.rows[0] | "\(.tickets) \(.solved)"')
first=$("$CXTOP" report agents --format json "$DB" | jq -r '.rows[0].agent')
keys 2 Enter
check "the agent's pane offers its figures" "j k: a figure   Enter: its rows"
keys Enter
check "Tickets opens the agent's tickets created, as many as the row says" "^ ${row% *} tickets created · agent"
keys Escape Enter j Enter
check "Solved opens the agent's tickets solved" "^ ${row#* } tickets solved · agent"
keys Escape Enter j j Enter
revenue=$(screen | sed -n 's/^ *Total  *\([^ ]*\) *$/\1/p')
check "Revenue opens the orders credited to the agent" "› Revenue: agent"
"$CXTOP" report agents --format text "$DB" >"$WORK/agents.txt"
if [ -n "$revenue" ] && grep -q -- "$revenue" "$WORK/agents.txt"; then ok "... whose total, $revenue, is the agent's revenue"
else echo "not ok - the agent's revenue rows add up to it (total '$revenue')"; fi
keys Escape
check_not "Esc leaves the revenue rows" "› Revenue: agent"
keys Enter
check "... for the agents, the cursor on the same agent ($first)" "$first ─"
keys Escape q
wait_for 'EXIT=' 3

# An empty store: the agents read in words too.
"$CXTOP" init "$WORK/empty.db" >/dev/null
start 80 24 "$WORK/empty.db"
keys 2
words "an empty store's agents read in words"
keys q
wait_for 'EXIT=' 3
