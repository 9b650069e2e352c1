# test_words.sh — no internal names on screen: every tab, every table of
# every list (f), a detail pane of each, the SLA, the audit trail after
# edits and the help read in a manager's words, never a store's or a
# file's key (frt_met, revenue_per_100, returns_liability_bp) nor "n/a".
. tests/screen/screen-lib

# words NAME: the screen holds no snake_case name and no "n/a".  Emails
# and paths are data: their words are left out of the check.
words() {
	found=$(screen | tr ' \t' '\n\n' | grep -v '@' | grep -v '^/' | grep -Eo '[a-z]+_[a-z_]+|n/a' | sort -u | tr '\n' ' ')
	if [ -z "$found" ]; then ok "$1"; else
		echo "not ok - $1"
		echo "#   internal names on screen: $found"
		screen | sed 's/^/#   | /'
	fi
}

# An edit of each kind first, so that the audit trail has them: the
# liability applied and undone, a campaign's cost per contact changed.
start 160 50 --actor screen-test "$DB"
keys 7 Right Enter
text y
check "the liability is applied" "returns liability set to 11.00 %"
keys u
check "... and undone" "undid the returns liability"
keys 4 e Down Down Down Down Down C-u
text "0.75"
keys C-s
check "a campaign's cost per contact is saved" "saved campaign #"
keys Escape q
wait_for 'EXIT=' 3

start 160 50 "$DB"
for tab in 1 2 3 4 5 6 7 8; do
	keys "$tab"
	words "view $tab reads in words"
	keys Enter
	words "view $tab: what Enter opens reads in words"
	keys Escape 1 "$tab"
	# Every other table of the list, and a detail pane of each.
	for f in 1 2 3 4; do
		keys f
		words "view $tab, table $((f + 1)) reads in words"
		keys Enter
		words "view $tab, table $((f + 1)): its detail reads in words"
		keys Escape
	done
	keys 1 "$tab" '?'
	words "view $tab: the help reads in words"
	keys Escape
done

keys 6 f
check "the points by rule are titled in words" "Solved  Reply in time  One-touch  Promoters  Detractors  Reopened  SLA missed"
keys Escape 6 Enter
check "how the points were earned, rule by rule, in words" "Reply in time  *1,458"

keys 4 A
check "the audit trail shows the edits" "Cost per contact"
words "the audit trail reads in words"
check "... the liability's row in words" "settings *Returns liability *Returns liability %"
keys End Enter
check "an edit's detail says it was not undone with a dash" "Undone by  *—"
words "... and reads in words"
keys Escape Escape

# The SLA behind the dashboard's line, table by table (below the waits line).
keys 1 j j j j j j j j j j j j j j j j j j j j j Enter
check "the SLA opens" "Dashboard › SLA"
for f in 1 2 3 4 5 6 7; do
	words "the SLA, table $f reads in words"
	keys f
done
keys q q
wait_for 'EXIT=' 3
check "q exits 0" "EXIT=0"

# The dashboard of an empty store: nothing to measure reads as a dash.
"$CXTOP" init "$WORK/empty.db" >/dev/null
start 80 24 "$WORK/empty.db"
words "an empty store's dashboard reads in words"
check "... a median with no tickets is a dash" "First response med · p90  *— · —"
check "... and no break-even says why in words" "Break-even liability  *no returns"
keys 2
words "an empty store's agents read in words"
keys q
wait_for 'EXIT=' 3
