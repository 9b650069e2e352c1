# test_ui.sh — the real binary in tmux, read back as a person would see it.
# Each check prints "ok - ..." or "not ok - ..." (counted by tests/run.sh).
. tests/screen/screen-lib

for size in "80 24" "120 40"; do
	set -- $size
	start "$1" "$2" "$DB"
	check "$1x$2: the dashboard opens on the newest ticket's month" "March 2022"
	check "$1x$2: the dashboard shows the P&L" "Support P&L"
	check "$1x$2: the dashboard shows net and profit center" "Net ✓ profit center"
	check "$1x$2: the dashboard shows ticket KPIs" "reply med · p90\|response med · p90"
	check "$1x$2: the dashboard shows channels" "email"
	keys 2; check "$1x$2: key 2 shows agents" "Maria Garcia"
	keys 3; check "$1x$2: key 3 shows tickets" "tickets created"
	keys 4; check "$1x$2: key 4 shows campaigns" "Welcome upsell"
	keys 5; check "$1x$2: key 5 shows open claims" "Open claims on 2022-03-31"
	keys 6; check "$1x$2: key 6 shows the leaderboard" "Leaderboard"
	keys 7; check "$1x$2: key 7 shows the what-if slider" "Returns liability"
	keys 8; check "$1x$2: key 8 shows customers" "customers"
	keys q
	wait_for 'EXIT=' 3
	check "$1x$2: q exits 0" "EXIT=0"
	check "$1x$2: the terminal is sane after q" "^icanon echo"
done

start 80 24 "$DB"
# The figures on screen are the report's.
net=$(TZ=${TZ:-UTC} "$CXTOP" report summary --format json "$DB" | jq -r .net)
dollars=$(printf '%s' "$net" | awk '{ v = $1 / 100; s = sprintf("%.2f", v < 0 ? -v : v); n = split(s, p, "."); i = p[1]; o = ""; while (length(i) > 3) { o = "," substr(i, length(i) - 2) o; i = substr(i, 1, length(i) - 3) } printf "%s%s.%s", (v < 0 ? "-$" : "$"), i o, p[2] }')
check "the dashboard's net is the summary report's ($dollars)" "$dollars"

keys '?'
check "? opens the help overlay" "Keys: Dashboard"
keys Escape
check_not "Escape closes the help overlay" "Keys: Dashboard"

keys 2 /
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

keys 1 '['
check "[ steps back a month" "February 2022"
keys ']' p
check "p switches to weeks" "2022-W13"
keys p p
check "p cycles back to months" "March 2022"

# Resize far below the minimum and back: a message, no crash.
$T resize-window -t ui -x 40 -y 12
sleep 0.5
check "a tiny terminal gets a one-line message" "terminal too small"
$T resize-window -t ui -x 100 -y 30
sleep 0.5
check "back to a usable size the dashboard returns" "Support P&L"

# Another process writes: the dashboard follows within 2 seconds.
sqlite3 "$DB" "UPDATE settings SET value = '2000' WHERE key = 'returns_liability_bp'"
if wait_for 'Returns liability 20.00 %' 2; then ok "a write by another process shows within 2 s"; else
	echo "not ok - a write by another process shows within 2 s"
	screen | sed 's/^/#   | /'
fi

# Periods stop at the data's ends; L comes back to the latest.
keys ']'
check "] past the newest ticket says so and stays" "no tickets after March 2022"
keys '[' '[' '[' '[' '[' '['
check "[ past the oldest ticket says so" "no tickets before October 2021"
keys L
check "L is back on the latest period" "March 2022"

# An import by another process: the UI keeps working and shows what it
# committed.
printf 'key,value\nreturns_liability,25\n' >"$WORK/liability.csv"
"$CXTOP" import settings "$WORK/liability.csv" "$DB" >/dev/null 2>&1
if wait_for 'Returns liability 25.00 %' 2; then ok "an import by another process shows within 2 s"; else
	echo "not ok - an import by another process shows within 2 s"
	screen | sed 's/^/#   | /'
fi

keys q
wait_for 'EXIT=' 3
check "q exits 0 after all that" "EXIT=0"

# --- f in every list view, twice round: no crash, no leak (ASan build) -----
start 80 24 "$DB"
keys 2 f f f 4 f f 5 f f f 6 f f f
check "f cycles the tables of every list view" "Leaderboard"
keys q
wait_for 'EXIT=' 3
check "after cycling tables q still exits 0 (no crash, no leak)" "EXIT=0"

# --- the minimum size, 60x16 --------------------------------------------------
start 60 16 "$DB"
check "60x16: the dashboard shows net first" "Net ✓ profit "
keys 4 "[" e
check "60x16: the campaign form opens" "Edit campaign #"
keys Down Down Down Down Down Down Down Down Down Down
check "60x16: the form scrolls to the last field" "Support hand-off day"
keys Escape 3
check "60x16: the tickets list draws" "tickets"
keys q
wait_for 'EXIT=' 3
check "60x16: q exits 0" "EXIT=0"

# --- What-if: the slider at 15 % shows the report's net at 15 % -------------
cp sample.db "$DB"
start 80 24 --actor screen-test "$DB"
keys 7 Right Right Right Right Right
check "the liability slider moves from 10 % to 15 %" "15.00 %"
net15=$(TZ=${TZ:-UTC} "$CXTOP" report pnl --liability 15 --format json "$DB" | jq -r .totals.net)
dollars=$(printf '%s' "$net15" | awk '{ v = $1 / 100; s = sprintf("%.2f", v < 0 ? -v : v); n = split(s, p, "."); i = p[1]; o = ""; while (length(i) > 3) { o = "," substr(i, length(i) - 2) o; i = substr(i, 1, length(i) - 3) } printf "%s%s.%s", (v < 0 ? "-$" : "$"), i o, p[2] }')
if screen | grep "^  Net " | grep -q -- "$dollars"; then ok "the slider at 15 % shows report pnl --liability 15's net ($dollars)"; else
	echo "not ok - the slider at 15 % shows report pnl --liability 15's net ($dollars)"; screen | sed 's/^/#   | /'; fi
keys Enter
check "Enter on the liability asks first" "apply a returns liability of 15.00 %"
text n
check "answering no (one key) applies nothing" "not applied"
[ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'returns_liability_bp'")" = 1000 ] && ok "the store still says 10 %" || echo "not ok - the store still says 10 %"
keys Enter
text y
check "answering yes (one key) applies it" "returns liability set to 15.00 %"
[ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'returns_liability_bp'")" = 1500 ] && ok "the store now says 15 %" || echo "not ok - the store now says 15 %"
keys u
check "u undoes the applied liability" "undid the returns liability: back to 10.00 %"
[ "$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'returns_liability_bp'")" = 1000 ] && ok "the store is back to 10 %" || echo "not ok - the store is back to 10 %"

# --- Editing a campaign's cost per contact ----------------------------------
before=$(sqlite3 "$DB" "SELECT cost_per_contact FROM campaigns WHERE name = 'Welcome upsell — Feb 2022'")
keys 4 "[" /
text "Feb 2022"
keys Enter
check "the campaigns list finds the February upsell" "Welcome upsell — Feb 2022"
keys e
check "e opens the campaign form" "Edit campaign #"
keys Down Down Down Down Down C-u
text "12.345"
check "a bad cost per contact is refused inline" "an amount >= 0, at most 2 decimals"
keys C-s
check "saving with a bad value is refused, naming the field" "not saved: Cost per contact"
[ "$(sqlite3 "$DB" "SELECT cost_per_contact FROM campaigns WHERE name = 'Welcome upsell — Feb 2022'")" = "$before" ] && ok "the bad value never reached the store" || echo "not ok - the bad value never reached the store"
keys C-u
text "1.75"
keys C-s
check "a good value is saved" "saved campaign #"
[ "$(sqlite3 "$DB" "SELECT cost_per_contact FROM campaigns WHERE name = 'Welcome upsell — Feb 2022'")" = 175 ] && ok "the store holds 1.75" || echo "not ok - the store holds 1.75"
[ "$(sqlite3 "$DB" "SELECT actor || ' ' || old || ' ' || new FROM audit WHERE field = 'cost_per_contact' ORDER BY id DESC LIMIT 1")" = "screen-test 0.50 1.75" ] && ok "the edit is in the audit trail" || echo "not ok - the edit is in the audit trail"
keys u
check "u undoes the edit" "undid 1 change to campaign"
[ "$(sqlite3 "$DB" "SELECT cost_per_contact FROM campaigns WHERE name = 'Welcome upsell — Feb 2022'")" = "$before" ] && ok "the store is back to the old cost" || echo "not ok - the store is back to the old cost"
keys Escape A
check "A shows the audit trail, newest first" "undo .*campaigns"
keys q
wait_for 'EXIT=' 3

# Read-only: shown in the top bar, and every edit key says so.
start 80 24 --read-only "$DB"
check "--read-only is shown in the top bar" "READ-ONLY"
keys 4 e
check "read-only: e says the store cannot be changed" "read-only: this store cannot be changed"
keys 7 Enter
check "read-only: applying the liability is refused" "read-only"
keys q
wait_for 'EXIT=' 3

# A store file without write permission opens read-only, as the man page
# says.  Root writes anyway, so as root the check runs as nobody.
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups env ASAN_OPTIONS=detect_leaks=0"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 || ! $NOBODY "$CXTOP" --version >/dev/null 2>&1; then
	ok "a store without write permission opens read-only # SKIP needs root and a checkout nobody can run"
else
	RO=$(mktemp -d "${TMPDIR:-/tmp}/cxtop-ro-XXXXXX")
	chmod 755 "$RO"
	cp sample.db "$RO/ro.db"
	chmod 444 "$RO/ro.db"
	$T kill-server 2>/dev/null
	n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
	$T new-session -d -s ui -x 80 -y 24 "LANG=C.UTF-8 TERM=xterm-256color $NOBODY $CXTOP $RO/ro.db; echo EXIT=\$?; sleep 60"
	check "a store without write permission opens read-only" "READ-ONLY"
	keys 4 e
	check "... and refuses edits" "read-only: this store cannot be changed"
	keys q
	wait_for 'EXIT=' 3
	check "... and exits 0" "EXIT=0"
	rm -rf "$RO"
fi

# Without colours the screen still reads.
start 80 24 --no-color "$DB"
check "--no-color still draws the dashboard" "Support P&L"
keys q
wait_for 'EXIT=' 3
check "--no-color exits 0" "EXIT=0"

# A monochrome terminal still draws; one that cannot place the cursor is
# told so in one line, and nothing else happens.
start 80 24 "$DB" </dev/null
$T kill-server 2>/dev/null
n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
$T new-session -d -s ui -x 80 -y 24 "LANG=C.UTF-8 TERM=vt100 $CXTOP $DB; echo EXIT=\$?; sleep 60"
check "a vt100 (no colour) draws the dashboard" "Support P&L"
keys q
wait_for 'EXIT=' 3
check "the vt100 session exits 0" "EXIT=0"
$T kill-server 2>/dev/null
n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
$T new-session -d -s ui -x 80 -y 24 "TERM=dumb $CXTOP $DB; echo EXIT=\$?; sleep 60"
check "TERM=dumb gets a one-line reason and exit 1" "EXIT=1"
check "TERM=dumb's reason names the terminal" "terminal 'dumb' cannot place the cursor"

# A broken theme: the file's line and column, and the default theme.
printf 'name: broken\nelements:\n  row: { fg: purpel }\n' >"$WORK/broken.yaml"
start 80 24 --theme "$WORK/broken.yaml" "$DB"
check "a broken theme is reported with its line and column" "broken.yaml:3:"
check "a broken theme still opens the UI" "Support P&L"
keys q
wait_for 'EXIT=' 3

# Without colours, t says why no theme can change anything.
start 80 24 --no-color "$DB"
keys t
check "t with --no-color says why nothing changes" "no colours: --no-color was given; themes need them"
keys q
wait_for 'EXIT=' 3

# A theme that is a FIFO is refused at once with one line (reading it would
# wait for ever), and the default theme is used.
mkfifo "$WORK/fifo-theme.yaml"
start 160 24 --theme "$WORK/fifo-theme.yaml" "$DB"
check "a FIFO as the theme is refused, not waited on" "fifo-theme.yaml': is a FIFO, not a regular file"
check "a FIFO as the theme still opens the UI" "Support P&L"
keys q
wait_for 'EXIT=' 3
check "the session with a FIFO theme exits 0" "EXIT=0"

# Columns scrolled off at 80 columns: the info line says so, and when the
# terminal widens the scroll is given back (no column stays hidden that fits).
start 80 24 "$DB"
keys 6
check "at 80 columns the leaderboard says more columns are to the right" "rows  sort: the report's order  more columns →"
keys Right Right Right
check "scrolled, it says more are to the left" "← more columns"
check_not "... and Team is off the screen" "Agent  *Team"
$T resize-window -t ui -x 170 -y 24 2>/dev/null
keys C-l
check "widened to 170, every column is back" "Agent  *Team  *Level  *Points"
check_not "... and nothing is said hidden" "more columns"
