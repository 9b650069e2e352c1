# test_presets_json.sh — the JSON presets on API pages written as the
# vendors' APIs return them (tests/data): Zendesk's incremental export a
# page a line with metric_sets sideloaded and the users and groups in a
# file of their own; Freshdesk's ticket list a page a file with stats and
# requester embedded, and the agents and groups lists in their own files.
# Names in Cyrillic, Finnish and CJK, emails in mixed case, line breaks and
# quotes in subjects, nulls.  The figures cxtop reports are checked against
# the same pages read by jq and counted by the sqlite3 shell.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
ZT=tests/data/zendesk-tickets.ndjson
ZU=tests/data/zendesk-users.json

run import --presets
expect_out '^zendesk-json +Zendesk: the incremental ticket export API' "--presets lists zendesk-json"
expect_out '^freshdesk-json +Freshdesk: the v2 API.s ticket list' "--presets lists freshdesk-json"

# channel status score assignee-name solved-at, one line a ticket, in the
# pages' words.  Solved counts the tickets solved within the month, CSAT
# their ratings (cxtop(1), DEFINITIONS).
jq -s '[.[].metric_sets[]]' "$ZT" >"$WORK/ms.json"
jq -r --slurpfile u "$ZU" --slurpfile ms "$WORK/ms.json" '
	($u[0].users | map({key: (.id | tostring), value: .name}) | from_entries) as $names
	| .tickets[] | select(.status != "deleted")
	| (.id as $id | $ms[0] | map(select(.ticket_id == $id))[0].solved_at // "") as $solved
	| [.via.channel, .status, (.satisfaction_rating.score // ""), ($names[(.assignee_id // 0) | tostring] // ""), $solved]
	| @tsv' "$ZT" >"$WORK/z.tsv"
sqlite3 "$WORK/raw.db" "CREATE TABLE z (via, status, score, assignee, solved)" ".mode tabs" ".import $WORK/z.tsv z"

"$CXTOP" init "$WORK/z.db" >/dev/null
run import tickets "$ZT" "$ZU" --preset zendesk-json --explain "$WORK/z.db"
expect_out '^tests/data/zendesk-tickets.ndjson \(JSON, 230 records, 20 paths read\) into tickets' \
	"--explain counts the records of every page of the file"
expect_out '^  first_response_at  <- "metric_set.reply_time_in_minutes.calendar", minutes after created_at$' \
	"--explain shows the path through the sideloaded metric set"
expect_out '^tests/data/zendesk-users.json \(JSON, no records: only lists' "a users page holds no tickets"
run import tickets "$ZT" "$ZU" --preset zendesk-json "$WORK/z.db"
expect_status 0 "the Zendesk pages import"
expect_out '^tickets: 207 inserted, 0 updated, 0 unchanged, 23 skipped \(230 rows in 2 files' \
	"three pages a line each, deleted tickets skipped"
expect_out '^created on the fly: 4 agents, 59 customers' "agents and requesters come from the users page"
run import tickets "$ZT" "$ZU" --preset zendesk-json "$WORK/z.db"
expect_out '^tickets: 0 inserted, 0 updated, 207 unchanged' "importing the pages again changes nothing"

sqlite3 -separator ' ' "$WORK/raw.db" "
	SELECT CASE via WHEN 'web' THEN 'email' WHEN 'email' THEN 'email' WHEN 'api' THEN 'email'
	         WHEN 'any_channel' THEN 'email' WHEN 'chat' THEN 'chat' WHEN 'mobile' THEN 'chat'
	         WHEN 'native_messaging' THEN 'chat' WHEN 'voice' THEN 'phone' WHEN 'twitter' THEN 'social'
	         WHEN 'facebook' THEN 'social' WHEN 'sms' THEN 'sms' END AS ch,
	       count(*), sum(status IN ('solved', 'closed') AND solved < '2022-03'),
	       (20000 * sum(score = 'good') + sum(score IN ('good', 'bad'))) / (2 * sum(score IN ('good', 'bad')))
	FROM (SELECT via, status, solved, CASE WHEN solved <> '' AND solved < '2022-03' THEN score END AS score FROM z)
	GROUP BY ch ORDER BY ch" >"$WORK/want"
"$CXTOP" report channels --from 2022-02-01 --to 2022-02-28 --format json "$WORK/z.db" |
	jq -r '.rows[] | "\(.channel) \(.tickets) \(.solved) \(.csat_pct * 100 | round)"' >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "zendesk-json: report channels equals the pages counted (tickets, solved, CSAT)"; else
	not_ok "zendesk-json: report channels equals the pages counted" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
sqlite3 -separator '|' "$WORK/raw.db" "
	SELECT assignee, count(*), sum(status IN ('solved', 'closed') AND solved < '2022-03') FROM z WHERE assignee <> ''
	GROUP BY assignee ORDER BY assignee" | sort >"$WORK/want"
"$CXTOP" report agents --from 2022-02-01 --to 2022-02-28 --format json "$WORK/z.db" |
	jq -r '.rows[] | select(.agent_id != null) | "\(.agent)|\(.tickets)|\(.solved)"' | sort >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "zendesk-json: report agents equals the pages counted, names from the users page"; else
	not_ok "zendesk-json: report agents" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi

# A newer page: the ticket that got solved is updated, nothing else.
jq -c '.tickets |= map(select(.id == 2) | .status = "solved")
	| .metric_sets |= map(select(.ticket_id == 2) | .solved_at = "2022-03-01T10:00:00Z" | .replies = 1
		| .reply_time_in_minutes.calendar = 5)' "$ZT" | head -n 1 >"$WORK/newer.json"
run import tickets "$WORK/newer.json" "$ZU" --preset zendesk-json "$WORK/z.db"
expect_out '^tickets: 0 inserted, 1 updated, 0 unchanged' "a newer page updates the ticket that changed"
got=$(sqlite3 "$WORK/z.db" "SELECT status, datetime(resolved_at, 'unixepoch') FROM tickets WHERE source = 'zendesk' AND source_id = '2'")
if [ "$got" = "solved|2022-03-01 10:00:00" ]; then ok "the ticket is solved at the time the page says"; else not_ok "the ticket is solved" "$got"; fi

# The same ticket in two pages of one import, open in the first (no
# solve time in its metric set) and solved in the second: each record is
# read with the metric set of its own page, so the import takes both in
# order and the ticket ends solved, whichever page is named first.
jq -c '.tickets |= map(select(.id == 3) | .status = "open")
	| .metric_sets |= map(select(.ticket_id == 3) | .solved_at = null | .full_resolution_time_in_minutes.calendar = null
		| .first_resolution_time_in_minutes.calendar = null)' "$ZT" | head -n 1 >"$WORK/p1.json"
jq -c '.tickets |= map(select(.id == 3) | .status = "solved")
	| .metric_sets |= map(select(.ticket_id == 3) | .solved_at = "2022-03-02T10:00:00Z")' "$ZT" | head -n 1 >"$WORK/p2.json"
for order in "p1 p2" "p2 p1"; do
	rm -f "$WORK/pages.db"
	"$CXTOP" init "$WORK/pages.db" >/dev/null
	set -- $order
	run import tickets "$WORK/$1.json" "$WORK/$2.json" "$ZU" --preset zendesk-json "$WORK/pages.db"
	got=$(sqlite3 "$WORK/pages.db" "SELECT status, resolved_at IS NOT NULL FROM tickets WHERE source_id = '3'")
	want="solved|1"
	[ "$1" = p2 ] && want="open|0"
	if [ "$status" -eq 0 ] && [ "$got" = "$want" ]; then
		ok "one ticket in two pages ($1 then $2): each read with its own page's metric set, last one wins ($want)"
	else not_ok "one ticket in two pages ($1 then $2)" "got '$got', want '$want'"; fi
done

# A page that is not JSON: its file, line and column, and nothing written.
printf '{"tickets": [\n  {"id": 1,}\n]}\n' >"$WORK/bad.json"
before=$(sqlite3 "$WORK/z.db" "SELECT count(*) FROM tickets")
run import tickets "$ZT" "$WORK/bad.json" --preset zendesk-json "$WORK/z.db"
expect_status 1 "a broken page stops the import"
expect_err "bad.json:2:[0-9]+: not JSON: " "the broken page is named with its line and column"
expect_one_line_err "the error is one line"
after=$(sqlite3 "$WORK/z.db" "SELECT count(*) FROM tickets")
if [ "$before" = "$after" ]; then ok "nothing is written"; else not_ok "nothing is written" "$before then $after"; fi
printf '"just a string"\n' >"$WORK/bad.json"
run import tickets "$WORK/bad.json" --preset zendesk-json "$WORK/z.db"
expect_status 1 "a page that is neither an object nor a list is refused"
expect_err "bad.json:1:[0-9]+: not JSON: '\\[' or '\\{' expected" "with its line"

# A record whose value is wrong is named by its number in the file.
printf '{"tickets": [{"id": 1, "created_at": "2022-02-01T09:00:00Z", "status": "open", "via": {"channel": "email"}, "requester_id": 1000},\n {"id": 2, "created_at": "yesterday", "status": "open", "via": {"channel": "email"}, "requester_id": 1000}]}\n' >"$WORK/rec.json"
run import tickets "$WORK/rec.json" "$ZU" --preset zendesk-json "$WORK/z.db"
expect_status 1 "a bad value in a record stops the import"
expect_err 'rec.json:2:[0-9]+: created_at: ' "the record is named by its number in the file"

# ---- freshdesk-json --------------------------------------------------------------
jq -r '.[] | [(.source | tostring), (.status | tostring), (.responder_id // 0 | tostring), (.stats.resolved_at // "")] | @tsv' \
	tests/data/freshdesk-tickets-*.json >"$WORK/f.tsv"
jq -r '.[] | [(.id | tostring), .contact.name] | @tsv' tests/data/freshdesk-agents.json >"$WORK/fa.tsv"
sqlite3 "$WORK/raw.db" "CREATE TABLE f (source, status, responder, resolved)" "CREATE TABLE fa (id, name)" ".mode tabs" \
	".import $WORK/f.tsv f" ".import $WORK/fa.tsv fa"
"$CXTOP" init "$WORK/f.db" >/dev/null
run import tickets tests/data/freshdesk-tickets-1.json tests/data/freshdesk-tickets-2.json tests/data/freshdesk-tickets-3.json \
	tests/data/freshdesk-agents.json tests/data/freshdesk-groups.json --preset freshdesk-json "$WORK/f.db"
expect_status 0 "the Freshdesk pages import"
expect_out '^tickets: 220 inserted, 0 updated, 0 unchanged, 0 skipped \(220 rows in 5 files' \
	"three pages of tickets; the agents and groups files are lists joined by their names"
sqlite3 -separator ' ' "$WORK/raw.db" "
	SELECT CASE source WHEN '3' THEN 'phone' WHEN '7' THEN 'chat' WHEN '5' THEN 'social' WHEN '6' THEN 'social'
	         ELSE 'email' END AS ch, count(*), sum(status IN ('4', '5') AND resolved < '2022-03')
	FROM f GROUP BY ch ORDER BY ch" >"$WORK/want"
"$CXTOP" report channels --from 2022-02-01 --to 2022-02-28 --format json "$WORK/f.db" |
	jq -r '.rows[] | "\(.channel) \(.tickets) \(.solved)"' >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "freshdesk-json: report channels equals the pages counted (numeric sources and statuses)"; else
	not_ok "freshdesk-json: report channels" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
sqlite3 -separator '|' "$WORK/raw.db" "
	SELECT fa.name, count(*), sum(f.status IN ('4', '5') AND f.resolved < '2022-03') FROM f JOIN fa ON fa.id = f.responder
	GROUP BY fa.name" | sort >"$WORK/want"
"$CXTOP" report agents --from 2022-02-01 --to 2022-02-28 --format json "$WORK/f.db" |
	jq -r '.rows[] | select(.agent_id != null) | "\(.agent)|\(.tickets)|\(.solved)"' | sort >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "freshdesk-json: report agents equals the pages counted, names from the agents list"; else
	not_ok "freshdesk-json: report agents" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi

# Priorities: Freshdesk's codes 1-4, Zendesk's words (null: none set).
want=$(jq -r '.[] | .priority | tostring' tests/data/freshdesk-tickets-*.json | sort | uniq -c |
	awk '{split("low normal high urgent", n, " "); printf "%s %s;", n[$2], $1}')
got=$(sqlite3 -separator ' ' "$WORK/f.db" "SELECT priority, count(*) FROM tickets GROUP BY 1
	ORDER BY CASE priority WHEN 'low' THEN 1 WHEN 'normal' THEN 2 WHEN 'high' THEN 3 ELSE 4 END" | tr '\n' ';')
if [ -n "$want" ] && [ "$want" = "$got" ]; then ok "freshdesk-json: priority codes 1-4 as low, normal, high, urgent"; else
	not_ok "freshdesk-json: priorities" "want: $want" "got: $got"; fi

# The mapping's json block is checked like the rest of the file.
printf 'table: tickets\njson:\n  join:\n    a.b: {from: users, key: x}\nfields:\n  source_id: id\n' >"$WORK/m.yaml"
run import tickets "$ZT" --map "$WORK/m.yaml" "$WORK/z.db"
expect_status 1 "a join named with a dot is refused"
expect_err "m.yaml:4:5: a join's name may not hold '.'" "at its line and column"
printf 'table: tickets\njson:\n  join:\n    a: {key: x}\nfields:\n  source_id: id\n' >"$WORK/m.yaml"
run import tickets "$ZT" --map "$WORK/m.yaml" "$WORK/z.db"
expect_err "m.yaml:4:8: missing 'from' in join 'a'" "a join without from is refused where it is"

# The JSON reader under valgrind (the normal build).
if command -v valgrind >/dev/null 2>&1 && [ -x "$PWD/cxtop" ]; then
	"$CXTOP" init "$WORK/v.db" >/dev/null
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 -q \
		"$PWD/cxtop" import tickets "$ZT" "$ZU" --preset zendesk-json "$WORK/v.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 0 "valgrind: a JSON import is clean"
	valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 -q \
		"$PWD/cxtop" import tickets "$ZT" "$WORK/bad.json" --preset zendesk-json "$WORK/v.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 1 "valgrind: a refused JSON import is clean"
else
	echo "ok - # SKIP valgrind or ./cxtop not available"
fi
