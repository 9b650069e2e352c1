#!/bin/sh
# run.sh — `make bench`: cxtop's timings at scale, as medians, with the
# ratio against the sqlite3 shell doing the same work where there is one.
# Builds build/bench.db (1,000,000 tickets; deterministic) on first use.
# Prints; asserts nothing.  Takes a few minutes the first time.
set -eu
cd "$(dirname "$0")/../.."
DB=build/bench.db
export TZ=UTC LC_ALL=C.UTF-8 CXTOP_SCORING=src/config/scoring.yaml XDG_CONFIG_HOME=/nonexistent-cxtop-config

# A store from an older cxtop (another schema version) is built again.
want=$(./cxtop init build/bench-version.db >/dev/null && sqlite3 build/bench-version.db 'PRAGMA user_version')
rm -f build/bench-version.db
if [ -f "$DB" ] && [ "$(sqlite3 "$DB" 'PRAGMA user_version')" != "$want" ]; then
	echo "$DB has another schema version than this cxtop's ($want): building it again"
	rm -f "$DB" build/bench-*.csv
fi
if [ ! -f "$DB" ]; then
	echo "building $DB (1,000,000 tickets, 300 agents, 200,000 customers, 300,000 orders, 20,000 claims)..."
	rm -f "$DB.new"
	start=$(date +%s)
	./build/mkscale "$DB.new"
	mv "$DB.new" "$DB"
	echo "  built in $(($(date +%s) - start)) s, $(du -h "$DB" | cut -f1)"
fi

# median_ms CMD...: the median wall time of 5 runs, in milliseconds.
median_ms() {
	for i in 1 2 3 4 5; do
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		echo $(((e - s) / 1000))
	done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 / 1000 }'
}

echo
echo "cxtop bench on $DB ($(sqlite3 "$DB" 'SELECT count(*) FROM tickets') tickets)"
echo
./build/bench "$DB"

# The agents report against the sqlite3 shell running the same aggregates
# for the same month (the newest ticket's), plain SQL.
range=$(sqlite3 "$DB" "SELECT strftime('%s', date(max(created_at), 'unixepoch', 'start of month')),
	strftime('%s', date(max(created_at), 'unixepoch', 'start of month', '+1 month')) FROM tickets")
start=${range%|*}
end=${range#*|}
cat >build/bench-agents.sql <<SQL
SELECT coalesce(agent_id, 0) g, count(*), sum(first_response_at IS NULL), sum(resolved_at IS NULL)
  FROM tickets WHERE created_at >= $start AND created_at < $end GROUP BY g;
SELECT coalesce(agent_id, 0) g, count(*), sum(replies = 1), sum(reopened > 0), count(csat), sum(csat >= 7),
  sum(csat >= 9), sum(csat <= 6) FROM tickets WHERE resolved_at >= $start AND resolved_at < $end GROUP BY g;
WITH v AS (SELECT coalesce(agent_id, 0) g, first_response_at - created_at d FROM tickets
           WHERE created_at >= $start AND created_at < $end AND first_response_at IS NOT NULL),
     r AS (SELECT g, d, row_number() OVER (PARTITION BY g ORDER BY d) k, count(*) OVER (PARTITION BY g) n FROM v)
SELECT g, n, k, d FROM r WHERE k = (n + 1) / 2 OR k = n / 2 + 1 OR k = (9 * n + 9) / 10;
WITH v AS (SELECT coalesce(agent_id, 0) g, resolved_at - created_at d FROM tickets
           WHERE resolved_at >= $start AND resolved_at < $end),
     r AS (SELECT g, d, row_number() OVER (PARTITION BY g ORDER BY d) k, count(*) OVER (PARTITION BY g) n FROM v)
SELECT g, n, k, d FROM r WHERE k = (n + 1) / 2 OR k = n / 2 + 1 OR k = (9 * n + 9) / 10;
SQL
ours=$(median_ms ./cxtop report agents --format csv "$DB")
shell=$(median_ms sh -c "sqlite3 '$DB' < build/bench-agents.sql")
ratio=$(awk -v a="$ours" -v b="$shell" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
printf '%-44s %10s ms   sqlite3 shell %s ms, ratio %s (aim <= 1.0 with the team subtotals on top)\n' \
	"cxtop report agents (process, one month)" "$ours" "$shell" "$ratio"
summary=$(median_ms ./cxtop report summary --format json "$DB")
printf '%-44s %10s ms\n' "cxtop report summary (process, one month)" "$summary"
lb=$(median_ms ./cxtop report leaderboard --format json "$DB")
printf '%-44s %10s ms   aim <= 50 ms (levels through the kept months)\n' "cxtop report leaderboard (process)" "$lb"
rss=$( { /usr/bin/time -f %M ./cxtop report agents --format json "$DB" >/dev/null; } 2>&1 | tail -n 1)
printf '%-44s %10s KB   aim < 32 MB\n' "peak RSS, cxtop report agents" "$rss"

# Import: 1,000,000 native-CSV tickets into a fresh store (agents and
# customers loaded first, untimed), against the sqlite3 shell's .import of
# the same file into a bare table (no constraints, no indexes, no lookups).
if [ ! -f build/bench-tickets.csv ]; then
	for t in agents customers tickets; do ./cxtop export "$t" "$DB" >"build/bench-$t.csv"; done
fi
# fresh_store DB: a new store holding the bench's agents and customers.
fresh_store() {
	rm -f "$1" "$1-wal" "$1-shm"
	./cxtop init "$1" >/dev/null
	./cxtop import agents build/bench-agents.csv --quiet "$1" >/dev/null
	./cxtop import customers build/bench-customers.csv --quiet "$1" >/dev/null
}
import_once() {
	fresh_store build/bench-import.db
	s=$(date +%s%N)
	/usr/bin/time -f %M -o build/bench-import.rss ./cxtop import tickets build/bench-tickets.csv --quiet build/bench-import.db >/dev/null
	e=$(date +%s%N)
	echo $(((e - s) / 1000)) "$(cat build/bench-import.rss)"
}
shell_import_once() {
	rm -f build/bench-bare.db
	s=$(date +%s%N)
	sqlite3 build/bench-bare.db ".mode csv" ".import build/bench-tickets.csv tickets" >/dev/null 2>&1
	e=$(date +%s%N)
	echo $(((e - s) / 1000))
}
# The same rows put into a store's tickets table by the sqlite3 shell:
# the SQL floor of the work (constraints, foreign keys, five indexes).
sql_insert_once() {
	fresh_store build/bench-sql.db
	s=$(date +%s%N)
	sqlite3 build/bench-sql.db "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384;
		ATTACH 'build/bench-bare.db' AS b;
		INSERT INTO tickets (id, source, customer_id, agent_id, channel, topic, complexity, created_at,
			first_response_at, resolved_at, first_resolved_at, status, csat, csat_scale, replies, reopened)
		SELECT id, source, customer_id, nullif(agent_id, ''), channel, topic, complexity, unixepoch(created_at),
			unixepoch(nullif(first_response_at, '')), unixepoch(nullif(resolved_at, '')),
			unixepoch(nullif(first_resolved_at, '')), status,
			nullif(csat, ''), csat_scale, replies, reopened FROM b.tickets;" >/dev/null 2>&1
	e=$(date +%s%N)
	echo $(((e - s) / 1000))
}
runs=$(for i in 1 2 3; do import_once; done)
ours=$(echo "$runs" | cut -d' ' -f1 | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 / 1000 }')
lo=$(echo "$runs" | cut -d' ' -f1 | sort -n | head -n 1 | awk '{ printf "%.0f", $1 / 1000 }')
hi=$(echo "$runs" | cut -d' ' -f1 | sort -n | tail -n 1 | awk '{ printf "%.0f", $1 / 1000 }')
rss=$(echo "$runs" | cut -d' ' -f2 | sort -n | tail -n 1)
shell=$(for i in 1 2 3; do shell_import_once; done | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 / 1000 }')
ratio=$(awk -v a="$ours" -v b="$shell" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
printf '%-44s %10s ms   (%s-%s) sqlite3 .import into a bare table %s ms, ratio %s (aim <= 2.0, < 30 s)\n' \
	"cxtop import tickets (1,000,000 rows, median of 3)" "$ours" "$lo" "$hi" "$shell" "$ratio"
floor=$(for i in 1 2 3; do sql_insert_once; done | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 / 1000 }')
ratio=$(awk -v a="$ours" -v b="$floor" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
printf '%-44s %10s ms   ratio %s (cxtop against the same rows inserted by SQL into the store)\n' \
	"sqlite3 INSERT ... SELECT into a store" "$floor" "$ratio"
printf '%-44s %10s KB   aim <= 32 MB\n' "peak RSS, cxtop import tickets" "$rss"
rm -f build/bench-import.db* build/bench-bare.db build/bench-import.rss build/bench-sql.db*

# The first frame of the interface: from launching it in a tmux pane to the
# dashboard showing its figures, against the sqlite3 shell launched the
# same way printing one row (the floor of a process that opens the store).
# The panes live on a tmux server of their own (-L), started without a
# configuration file, so that another tmux on the machine (a screen test
# running at the same time) neither disturbs nor is disturbed by them; with
# `set -e`, killing a session that is not there must not end the loop
# (that is what printed nothing before).
TMUX_BENCH="tmux -L cxtop-bench-$$ -f /dev/null"
# first_frame CMD PATTERN: "median (min-max)" in ms of 5 launches until the
# pane shows a line matching PATTERN (grep -E); "timed out" after 60 s.
first_frame() {
	for i in 1 2 3 4 5; do
		$TMUX_BENCH kill-session -t first-frame 2>/dev/null || true
		s=$(date +%s%N)
		$TMUX_BENCH new-session -d -s first-frame -x 120 -y 40 "$1; sleep 60"
		until $TMUX_BENCH capture-pane -p -t first-frame 2>/dev/null | grep -Eq "$2"; do
			if [ $(($(date +%s%N) - s)) -gt 60000000000 ]; then
				echo timeout
				break
			fi
			sleep 0.002
		done
		e=$(date +%s%N)
		$TMUX_BENCH kill-session -t first-frame 2>/dev/null || true
		echo $(((e - s) / 1000))
	done | sort -n | awk '
		/timeout/ { out = 1 }
		{ v[NR] = $1 }
		END {
			if (out || NR < 5) { printf "timed out"; exit }
			printf "%.0f (%.0f-%.0f)", v[3] / 1000, v[1] / 1000, v[NR] / 1000
		}'
	$TMUX_BENCH kill-server 2>/dev/null || true
}
# ui_peak_rss DB: the UI's peak RSS (VmHWM) after every view at a month,
# an ISO week and a quarter, on a 160x48 screen (the wide dashboard with
# its lists), each view given time to load.
ui_peak_rss() {
	$TMUX_BENCH kill-session -t ui-rss 2>/dev/null || true
	$TMUX_BENCH new-session -d -s ui-rss -x 160 -y 48 "./cxtop --read-only $1; sleep 60"
	s=$(date +%s)
	until $TMUX_BENCH capture-pane -p -t ui-rss 2>/dev/null | grep -q "Backlog at period end"; do
		[ $(($(date +%s) - s)) -gt 60 ] && break
		sleep 0.05
	done
	pid=$($TMUX_BENCH list-panes -t ui-rss -F '#{pane_pid}')
	pid=$(pgrep -n -P "$pid" cxtop || echo "$pid")
	for len in month week quarter; do
		for v in 1 2 3 4 5 6 7 8; do
			$TMUX_BENCH send-keys -t ui-rss "$v"
			sleep 1.5
		done
		$TMUX_BENCH send-keys -t ui-rss p
		sleep 2
	done
	awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"
	$TMUX_BENCH kill-session -t ui-rss 2>/dev/null || true
}
if command -v tmux >/dev/null 2>&1; then
	printf '%-44s %10s MB   aim <= 32 MB\n' "peak RSS, the UI after every view (3 lengths)" "$(ui_peak_rss "$DB")"
	ui=$(first_frame "./cxtop --read-only $DB" "Backlog at period end")
	floor=$(first_frame "sqlite3 $DB 'select 1'" "^1$")
	printf '%-44s %10s ms   sqlite3 %s launched the same way %s ms (aim <= 150 ms)\n' \
		"first dashboard frame in tmux" "$ui" "'select 1'" "$floor"
fi

# Larger stores, when asked (BENCH_LARGE=1; about six minutes to build
# each once, 1.2 GB each): 4,000,000 tickets over 4 years (the 1M store's
# density) and over 1 year (four times it).
if [ "${BENCH_LARGE:-0}" = 1 ]; then
	for spec in 4000000:48 4000000:12; do
		n=${spec%:*}
		months=${spec#*:}
		big=build/bench-$n-$months.db
		if [ -f "$big" ] && [ "$(sqlite3 "$big" 'PRAGMA user_version')" != "$want" ]; then
			rm -f "$big"
		fi
		if [ ! -f "$big" ]; then
			echo "building $big ($n tickets over $months months)..."
			./build/mkscale "$big.new" "$n" "$months" && mv "$big.new" "$big"
		fi
		echo
		echo "cxtop bench on $big ($n tickets over $months months)"
		./build/bench "$big" | grep -E "dashboard|RSS"
		lb=$(median_ms ./cxtop report leaderboard --format json "$big")
		printf '%-44s %10s ms   aim <= 50 ms\n' "cxtop report leaderboard (process)" "$lb"
		if command -v tmux >/dev/null 2>&1; then
			ui=$(first_frame "./cxtop --read-only $big" "Backlog at period end")
			printf '%-44s %10s ms   aim <= 150 ms\n' "first dashboard frame in tmux" "$ui"
		fi
	done
fi
