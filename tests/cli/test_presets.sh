# test_presets.sh — the shipped presets on fixtures written the way the
# vendors' exports are (tests/data): a byte order mark, CRLF, subjects
# with commas, quotes and line breaks, Cyrillic, Finnish and CJK names, a
# custom field, an unknown channel.  The figures cxtop reports are checked
# against the same file read by the sqlite3 shell and counted in SQL.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8
FIX=tests/data/zendesk-tickets.csv

run import --presets
expect_out '^zendesk-csv +Zendesk: the ticket CSV export' "--presets lists zendesk-csv with what it reads"

"$CXTOP" init "$WORK/z.db" >/dev/null
run import tickets "$FIX" --preset zendesk-csv "$WORK/z.db"
expect_status 1 "an unknown channel stops the Zendesk import"
expect_err '1 channel value with no place among email, chat, phone, social, sms: "carrier pigeon" \(2 rows, first on line 22\)' \
	"the unknown Via value is listed with its count and first line"
expect_err 'presets/zendesk-csv.yaml:[0-9]+:[0-9]+: add each to channel.s map' "the preset's map line is named"

run import tickets "$FIX" --preset zendesk-csv --explain "$WORK/z.db"
expect_out '^  first_response_at  <- "First reply time in minutes", minutes after created_at$' "--explain shows where a field comes from"
expect_out '^  first_resolved_at  <- "First resolution time in minutes", minutes after created_at$' "... the first resolution among them"
expect_out '^  not used: "Subject", "Updated at", ' "--explain lists the columns nothing reads"
expect_out '\(comma-separated, 25 columns\) into tickets with ' "--explain names the file's shape"
got=$(sqlite3 "$WORK/z.db" "SELECT count(*) FROM tickets")
if [ "$got" = 0 ]; then ok "--explain writes nothing"; else not_ok "--explain writes nothing" "$got tickets"; fi

# The fix a manager makes: their own copy of the preset, one line longer.
run import tickets "$FIX" --preset zendesk-csv --map "$WORK/x.yaml" "$WORK/z.db"
expect_status 2 "--preset and --map together are refused"
sed 's/^      any channel: email$/      any channel: email\n      carrier pigeon: email/' presets/zendesk-csv.yaml >"$WORK/zendesk.yaml"
run import tickets "$FIX" --map "$WORK/zendesk.yaml" "$WORK/z.db"
expect_out '^tickets: 240 inserted, 0 updated, 0 unchanged, 0 skipped' "the fixed mapping imports every ticket"
expect_out '^created on the fly: 4 agents, 8 customers' "agents and requesters are created once each"
run import tickets "$FIX" --map "$WORK/zendesk.yaml" "$WORK/z.db"
expect_out '^tickets: 0 inserted, 0 updated, 240 unchanged' "importing the export again changes nothing"

# The same file through the sqlite3 shell's CSV reader, counted in SQL
# with the preset's documented meaning of each column.
tail -c +4 "$FIX" >"$WORK/plain.csv"
sqlite3 "$WORK/plain.db" ".mode csv" ".import $WORK/plain.csv z"
sqlite3 -separator ' ' "$WORK/plain.db" "
	SELECT CASE lower(Via) WHEN 'email' THEN 'email' WHEN 'web' THEN 'email' WHEN 'api' THEN 'email'
	         WHEN 'carrier pigeon' THEN 'email' WHEN 'chat' THEN 'chat' WHEN 'mobile' THEN 'chat'
	         WHEN 'web widget' THEN 'chat' WHEN 'voice' THEN 'phone' WHEN 'twitter' THEN 'social'
	         WHEN 'facebook' THEN 'social' WHEN 'sms' THEN 'sms' END AS ch,
	       count(*), sum(Status IN ('solved', 'closed')),
	       (20000 * sum(\"Satisfaction Score\" = 'Good') + sum(\"Satisfaction Score\" IN ('Good', 'Bad')))
	         / (2 * sum(\"Satisfaction Score\" IN ('Good', 'Bad')))
	FROM z GROUP BY ch ORDER BY ch" >"$WORK/want"
"$CXTOP" report channels --from 2022-02-01 --to 2022-02-28 --format json "$WORK/z.db" |
	jq -r '.rows[] | "\(.channel) \(.tickets) \(.solved) \(.csat_pct * 100 | round)"' >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "report channels equals the file counted in SQL (tickets, solved, CSAT)"; else
	not_ok "report channels equals the file counted in SQL" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
sqlite3 -separator '|' "$WORK/plain.db" "
	SELECT Assignee, count(*), sum(Status IN ('solved', 'closed')) FROM z WHERE Assignee <> ''
	GROUP BY Assignee ORDER BY Assignee" >"$WORK/want"
"$CXTOP" report agents --from 2022-02-01 --to 2022-02-28 --format json "$WORK/z.db" |
	jq -r '.rows[] | select(.agent_id != null) | "\(.agent)|\(.tickets)|\(.solved)"' | sort >"$WORK/got"
sort "$WORK/want" -o "$WORK/want"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "report agents equals the file counted in SQL, per assignee"; else
	not_ok "report agents equals the file counted in SQL" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
unassigned=$(sqlite3 "$WORK/plain.db" "SELECT count(*) FROM z WHERE Assignee = ''")
got=$("$CXTOP" report agents --from 2022-02-01 --to 2022-02-28 --format json "$WORK/z.db" | jq '.rows[] | select(.agent == "Unassigned") | .tickets')
if [ "$got" = "$unassigned" ]; then ok "unassigned tickets: $got, as in the file"; else not_ok "unassigned tickets as in the file" "$got, want $unassigned"; fi
got=$(sqlite3 "$WORK/z.db" "SELECT channel_src || '/' || csat_scale FROM tickets WHERE source_id = '5003'")
if [ "$got" = "Web Widget/good-bad" ]; then ok "Zendesk's own words are kept (Via, the rating scale)"; else not_ok "Zendesk's own words are kept" "got $got"; fi

# ---- freshdesk-csv ---------------------------------------------------------------
FIX=tests/data/freshdesk-tickets.csv
"$CXTOP" init "$WORK/f.db" >/dev/null
run import tickets "$FIX" --preset freshdesk-csv "$WORK/f.db"
expect_err '"Carrier Pigeon" \(1 row, first on line 60\)' "Freshdesk: the unknown Source is listed with its line"
sed 's/^      bot: chat$/      bot: chat\n      carrier pigeon: email/' presets/freshdesk-csv.yaml >"$WORK/freshdesk.yaml"
run import tickets "$FIX" --map "$WORK/freshdesk.yaml" "$WORK/f.db"
expect_out '^tickets: 220 inserted, 0 updated, 0 unchanged, 0 skipped' "Freshdesk: every ticket imports"
tail -c +4 "$FIX" >"$WORK/fplain.csv"
sqlite3 "$WORK/fplain.db" ".mode csv" ".import $WORK/fplain.csv f"
sqlite3 -separator ' ' "$WORK/fplain.db" "
	SELECT CASE lower(Source) WHEN 'email' THEN 'email' WHEN 'portal' THEN 'email' WHEN 'feedback widget' THEN 'email'
	         WHEN 'outbound email' THEN 'email' WHEN 'forum' THEN 'email' WHEN 'carrier pigeon' THEN 'email'
	         WHEN 'phone' THEN 'phone' WHEN 'chat' THEN 'chat' WHEN 'whatsapp' THEN 'chat'
	         WHEN 'twitter' THEN 'social' WHEN 'facebook' THEN 'social' END AS ch,
	       count(*), sum(Status IN ('Resolved', 'Closed')),
	       (20000 * sum(\"Survey results\" = 'Awesome') + sum(\"Survey results\" <> ''))
	         / (2 * sum(\"Survey results\" <> ''))
	FROM f GROUP BY ch ORDER BY ch" >"$WORK/want"
"$CXTOP" report channels --from 2022-03-01 --to 2022-03-31 --format json "$WORK/f.db" |
	jq -r '.rows[] | "\(.channel) \(.tickets) \(.solved) \(.csat_pct * 100 | round)"' >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "Freshdesk: report channels equals the file counted in SQL"; else
	not_ok "Freshdesk: report channels equals the file counted in SQL" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
want=$(sqlite3 "$WORK/fplain.db" "SELECT count(*) FROM f WHERE \"First response time (in hrs)\" <> ''")
got=$(sqlite3 "$WORK/f.db" "SELECT count(*) FROM tickets WHERE first_response_at IS NOT NULL")
if [ "$got" = "$want" ]; then ok "Freshdesk: HH:MM:SS first responses become instants ($got)"; else not_ok "Freshdesk: first responses" "$got, want $want"; fi
got=$(sqlite3 "$WORK/f.db" "SELECT first_response_at - created_at FROM tickets WHERE source_id = '9001'")
want=$(sqlite3 "$WORK/fplain.db" "SELECT \"First response time (in hrs)\" FROM f WHERE \"Ticket ID\" = '9001'")
if [ "$got" = "$(echo "$want" | awk -F: '{ print $1 * 3600 + $2 * 60 + $3 }')" ]; then ok "Freshdesk: $want after creation is $got s"; else
	not_ok "Freshdesk: first response duration" "$got for $want"; fi

# Priority is kept as Zendesk wrote it, "-" as none set.
want=$(sqlite3 -separator ' ' "$WORK/plain.db" "SELECT coalesce(nullif(Priority, '-'), 'none'), count(*) FROM z
	GROUP BY 1 ORDER BY 1" | tr '\n' ';')
got=$(sqlite3 -separator ' ' "$WORK/z.db" "SELECT coalesce(priority, 'none'), count(*) FROM tickets GROUP BY 1 ORDER BY 1" |
	tr '\n' ';')
if [ -n "$want" ] && [ "$want" = "$got" ]; then ok "Zendesk: each ticket's priority is kept, '-' as none"; else
	not_ok "Zendesk: priorities" "want: $want" "got: $got"; fi

# ---- osticket-csv ----------------------------------------------------------------
FIX=tests/data/osticket-tickets.csv
"$CXTOP" init "$WORK/o.db" >/dev/null
run import tickets "$FIX" --preset osticket-csv "$WORK/o.db"
expect_err '"Carrier Pigeon" \(1 row, first on line 43\)' "osTicket: the unknown source is listed with its line"
sed 's/^    map: {other: email}$/    map: {other: email, carrier pigeon: phone}/' presets/osticket-csv.yaml >"$WORK/osticket.yaml"
run import tickets "$FIX" --map "$WORK/osticket.yaml" "$WORK/o.db"
expect_out '^tickets: 205 inserted, 0 updated, 0 unchanged, 0 skipped' "osTicket: every ticket imports (';' found by itself)"
tail -c +4 "$FIX" >"$WORK/oplain.csv"
sqlite3 "$WORK/oplain.db" ".mode csv" ".separator ;" ".import $WORK/oplain.csv o"
sqlite3 -separator ' ' "$WORK/oplain.db" "
	SELECT CASE lower(Source) WHEN 'phone' THEN 'phone' WHEN 'carrier pigeon' THEN 'phone' ELSE 'email' END AS ch,
	       count(*), sum(\"Current Status\" IN ('Closed', 'Resolved', 'Archived'))
	FROM o GROUP BY ch ORDER BY ch" >"$WORK/want"
"$CXTOP" report channels --from 2022-01-01 --to 2022-02-28 --format json "$WORK/o.db" |
	jq -r '.rows[] | "\(.channel) \(.tickets) \(.solved)"' >"$WORK/got"
if [ -s "$WORK/want" ] && cmp -s "$WORK/want" "$WORK/got"; then ok "osTicket: report channels equals the file counted in SQL"; else
	not_ok "osTicket: report channels equals the file counted in SQL" "want: $(tr '\n' ';' <"$WORK/want")" "got: $(tr '\n' ';' <"$WORK/got")"; fi
want=$(sqlite3 -separator ' ' "$WORK/oplain.db" "SELECT CASE lower(Priority) WHEN 'emergency' THEN 'urgent'
	ELSE lower(Priority) END AS p, count(*) FROM o GROUP BY p ORDER BY p" | tr '\n' ';')
got=$(sqlite3 -separator ' ' "$WORK/o.db" "SELECT priority, count(*) FROM tickets GROUP BY 1 ORDER BY 1" | tr '\n' ';')
if [ -n "$want" ] && [ "$want" = "$got" ]; then ok "osTicket: priorities kept, Emergency as urgent"; else
	not_ok "osTicket: priorities" "want: $want" "got: $got"; fi
got=$(sqlite3 "$WORK/o.db" "SELECT datetime(created_at, 'unixepoch') FROM tickets WHERE source_id = '100201'")
if [ "$got" = "2022-01-03 11:16:00" ]; then ok "osTicket: '01/03/2022 11:16 am' is read as osTicket writes it"; else
	not_ok "osTicket: 12-hour dates" "got $got"; fi

# ---- shopify-orders and shopify-refunds ------------------------------------------
FIX=tests/data/shopify-orders.csv
"$CXTOP" init "$WORK/s.db" >/dev/null
printf 'name,team,discount_code,hired_on\nAino Mäkinen,Support,AINO10,2021-01-01\nJyrki Häkkinen,Support,JYRKI15,2021-01-01\n' >"$WORK/agents.csv"
"$CXTOP" import agents "$WORK/agents.csv" "$WORK/s.db" >/dev/null
run import orders "$FIX" --preset shopify-orders "$WORK/s.db"
expect_out '^orders: 86 inserted, 0 updated, 0 unchanged, 154 skipped \(240 rows' \
	"Shopify: one order per order, its further line items, voided and point-of-sale orders skipped"
run import returns "$FIX" --preset shopify-refunds "$WORK/s.db"
expect_out '^returns: 28 inserted' "Shopify: refunded orders become returns"
run import orders "$FIX" --preset shopify-orders "$WORK/s.db"
expect_out '^orders: 0 inserted, 0 updated, 86 unchanged' "Shopify: a second import changes nothing"
sqlite3 "$WORK/splain.db" ".mode csv" ".import $FIX s"
want=$(sqlite3 -separator ' ' "$WORK/splain.db" "
	SELECT sum(CAST(round(Total * 100) AS INTEGER)) FILTER (WHERE upper(\"Discount Code\") IN ('AINO10', 'JYRKI15')),
	       sum(CAST(round(\"Refunded Amount\" * 100) AS INTEGER))
	FROM s WHERE \"Financial Status\" NOT IN ('', 'voided') AND Email <> ''")
got=$("$CXTOP" report pnl --from 2022-02-01 --to 2022-03-31 --format json "$WORK/s.db" | jq -r '.totals | "\(.discount_codes) \(.returns_cost)"')
if [ -n "$want" ] && [ "$got" = "$want" ]; then ok "Shopify: the P&L's discount-code revenue and returns equal the file counted in SQL ($got)"; else
	not_ok "Shopify: P&L against the file" "got $got, want $want"; fi
want=$(sqlite3 -separator '|' "$WORK/splain.db" "
	SELECT CASE upper(\"Discount Code\") WHEN 'AINO10' THEN 'Aino Mäkinen' ELSE 'Jyrki Häkkinen' END,
	       sum(CAST(round(Total * 100) AS INTEGER))
	FROM s WHERE \"Financial Status\" NOT IN ('', 'voided') AND Email <> '' AND upper(\"Discount Code\") IN ('AINO10', 'JYRKI15')
	GROUP BY 1 ORDER BY 1")
got=$("$CXTOP" report agents --from 2022-02-01 --to 2022-03-31 --format json "$WORK/s.db" |
	jq -r '.rows[] | select(.agent_id != null) | "\(.agent)|\(.revenue)"' | sort)
if [ -n "$want" ] && [ "$got" = "$want" ]; then ok "Shopify: each agent is credited the orders with their code, in any case"; else
	not_ok "Shopify: agents' revenue" "got $(echo $got), want $(echo $want)"; fi
got=$(sqlite3 "$WORK/s.db" "SELECT count(*) FROM orders WHERE discount_code IS NULL AND attribution = 'shop'")
want=$(sqlite3 "$WORK/splain.db" "SELECT count(*) FROM s WHERE \"Financial Status\" NOT IN ('', 'voided') AND Email <> ''
	AND upper(\"Discount Code\") NOT IN ('AINO10', 'JYRKI15')")
if [ "$got" = "$want" ]; then ok "Shopify: the shop's own codes (WELCOME5) leave orders as shop sales ($got)"; else
	not_ok "Shopify: shop codes" "got $got, want $want"; fi

# The cost of goods a Shopify export lacks: the settings' cogs share of
# each new order, rounded half up to the cent, in the P&L's COGS; an order
# already stored keeps its cost (a file of costs is not undone by the
# next import of the export).
"$CXTOP" init "$WORK/m.db" >/dev/null
"$CXTOP" import agents "$WORK/agents.csv" "$WORK/m.db" >/dev/null
printf 'key,value\ncogs,37.5\n' >"$WORK/margin.csv"
run import settings "$WORK/margin.csv" "$WORK/m.db"
expect_status 0 "the cogs setting is a percentage"
"$CXTOP" import orders "$FIX" --preset shopify-orders "$WORK/m.db" >/dev/null
want=$(sqlite3 "$WORK/splain.db" "
	SELECT sum((CAST(round(Total * 100) AS INTEGER) * 375 + 500) / 1000)
	FILTER (WHERE upper(\"Discount Code\") IN ('AINO10', 'JYRKI15'))
	FROM s WHERE \"Financial Status\" NOT IN ('', 'voided') AND Email <> ''")
got=$("$CXTOP" report pnl --from 2022-02-01 --to 2022-03-31 --format json "$WORK/m.db" | jq -r '.totals.cogs')
if [ -n "$want" ] && [ "$got" = "$want" ]; then ok "Shopify: the P&L's COGS is the cogs share of the attributed orders ($got)"; else
	not_ok "Shopify: COGS from the margin" "got $got, want $want"; fi
first=$(sqlite3 "$WORK/m.db" "SELECT source_id FROM orders ORDER BY id LIMIT 1")
printf 'source_id,cogs\n%s,1.23\n' "$first" >"$WORK/costs.csv"
run import orders "$WORK/costs.csv" --source shopify "$WORK/m.db"
expect_out '^orders: 0 inserted, 1 updated' "a second file gives one order its own cost"
"$CXTOP" import orders "$FIX" --preset shopify-orders "$WORK/m.db" >/dev/null
got=$(sqlite3 "$WORK/m.db" "SELECT cogs FROM orders WHERE source_id = '$first'")
if [ "$got" = 123 ]; then ok "importing the export again keeps an order's own cost"; else
	not_ok "importing the export again keeps an order's own cost" "cogs $got"; fi
printf 'key,value\ncogs,101\n' >"$WORK/margin.csv"
run import settings "$WORK/margin.csv" "$WORK/m.db"
expect_status 1 "a cogs share above 100 % is refused"
expect_err 'margin.csv:2' "with its line"

# Run from a folder with no presets/ (and no config): the error names every
# folder searched, and --presets says where it looked (unless cxtop is
# installed on this machine, whose presets it then lists).
(
	cd "$WORK" && XDG_CONFIG_HOME="$WORK/cfg" "$CXTOP" import tickets x.csv --preset no-such-preset "$WORK/none.db"
) >"$OUT" 2>"$ERR"
status=$?
expect_status 2 "an unknown preset is a usage error"
expect_err "no preset named 'no-such-preset' in $WORK/cfg/cxtop/presets, .*/presets, \./presets" \
	"... naming the folders searched"
(cd "$WORK" && XDG_CONFIG_HOME="$WORK/cfg" "$CXTOP" import --presets) >"$OUT" 2>"$ERR"
if grep -q '^zendesk-csv' "$OUT"; then
	ok "--presets lists the installed presets (cxtop is installed here)"
else
	expect_out "no presets installed \(looked in $WORK/cfg/cxtop/presets, .*/presets, \./presets\)" \
		"--presets with none installed says where it looked"
fi
