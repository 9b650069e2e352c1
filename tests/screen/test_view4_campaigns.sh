# test_view4_campaigns.sh — view 4, the Campaigns, and the campaign form.
# Sorted by each column, the rows are in the order the report's rows
# give; a campaign's figures open its contacts, which add up to its cost
# and revenue, and Esc comes back to the same campaign, sorted as before.
# The form: every way a value is refused, each shown beside its field in
# the error colour with the field named, each refused again by Ctrl-S
# ("not saved: Field: why"), none reaching the store; the kind and channel
# picked, never typed; the name's uniqueness checked as it is typed; the
# field's rule dim under it; an edit saved, audited and undone (u); the
# audit trail (A) in words.  At 60x16, 80x24, 160x48 and 200x50 the list
# draws with every tab named and its column titles whole, and the form
# scrolls at 60x16; under LANG=C both are plain ASCII.
. tests/screen/screen-lib

# --- every size, every column sorted ----------------------------------------
TZ=${TZ:-UTC} "$CXTOP" report campaigns --format json "$DB" | jq .rows >"$WORK/campaigns.json"

start 80 24 "$DB"
keys 4
check "80x24: key 4 shows campaigns" "Welcome upsell"
sizes 4 Campaigns "Welcome upsell" 4
# The form at the minimum size scrolls to its last field.
resize 60 16
keys 1 4 "[" e
check "60x16: the campaign form opens" "Edit campaign #"
keys Down Down Down Down Down Down Down Down Down Down
check "60x16: the form scrolls to the last field" "Support hand-off day"
keys Escape L
resize 120 40
keys 1 4
check "120x40: key 4 shows campaigns" "Welcome upsell"
resize 200 50
keys 1 4
sort_each campaigns "$WORK/campaigns.json" campaign_id 1 ID=campaign_id Campaign=campaign Kind=kind Channel=channel \
	Contacted=contacted Responded=responded "Resp %=response_pct" Converted=converted "Conv %=conversion_pct" \
	Revenue=revenue COGS=cogs Cost=cost Contribution=contribution ROI=roi_pct Archived=archived
keys q
wait_for 'EXIT=' 3
check "campaigns: q exits 0 after every size and sort" "EXIT=0"

start_c 80 24 "$DB"
keys 4
ascii "LANG=C: view 4 is plain ASCII"
sizes_c 4 Campaigns 4
resize 80 24
keys 1 4 e
ascii "LANG=C: the campaign form is plain ASCII"
check "... its keys in words" "Enter/Down next / Up previous"
keys Escape '?'
ascii "LANG=C: the help is plain ASCII"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the campaigns" "EXIT=0"

# --- a campaign's figures open its contacts; Esc comes back -----------------
start 120 30 "$DB"
keys 4 j j Enter
check "the campaign's pane offers its figures" "j k: a figure   Enter: its rows"
keys Enter
check "Contacted opens the campaign's contacts, as many as the row says" "› Contacts: campaign Welcome upsell"
check "... 1,653 of them" "1,653 of 1,653 rows"
c=$("$CXTOP" report campaigns --format text "$DB" | grep 'Welcome upsell')
check "... whose total is the campaign's cost and revenue" "^ *Total  *\$826.50  *359  *\$40,682.29"
case "$c" in *'$826.50'*'$40,682.29'* | *'$40,682.29'*'$826.50'*) ok "... which report campaigns prints for it" ;;
*) echo "not ok - report campaigns' row: $c" ;; esac
keys Escape
check_not "Esc leaves the contacts" "› Contacts: campaign"
keys Enter
check "... for the campaigns, the cursor on the same campaign" "Welcome upsell — Mar 2022 ─"
# Sorted by name, the last campaign's contacts, and back: as it was.
keys Escape '>' '>' G Enter Enter
check "sorted by name, the last campaign's contacts" "› Contacts: campaign Win-back — Mar 2022"
keys Escape
check "Esc: the campaigns still sorted by name" "sort: Campaign ▲"
keys Enter
check "... the cursor on the same campaign" "Win-back — Mar 2022 ─"
keys Escape q
wait_for 'EXIT=' 3

# --- the form: every refusal --------------------------------------------------
campaigns() { sqlite3 "$DB" "SELECT * FROM campaigns ORDER BY id" | md5sum; }
before=$(campaigns)

# field N: the cursor on field N of the form (0 the name), its text cleared.
field() {
	i=0
	while [ "$i" -lt "$1" ]; do keys Down; i=$((i + 1)); done
	keys C-u
}
# refused NAME FIELD TEXT INLINE: typed into a new campaign's field, TEXT is
# refused beside it (INLINE), and by the save, naming the field's label.
refused() {
	keys a
	check "$1: the form opens" "New campaign"
	# A good name first, so that the save names the field at fault.
	[ "$2" -gt 0 ] && text "Form check"
	field "$2"
	[ -n "$3" ] && $T send-keys -t ui -l -- "$3" && sleep 0.3
	check "$1: refused as it is typed, the field named" "$4"
	keys C-s
	check "$1: the save refuses it too" "not saved: ${4%%:*}:"
	keys Escape
	[ "$(campaigns)" = "$before" ] && ok "$1: nothing reached the store" || echo "not ok - $1: nothing reached the store"
}

start 120 30 "$DB"
keys 4
refused "empty name" 0 "" "Name: a name is required"
refused "blank name" 0 "   " "Name: a name is required"
refused "long name" 0 "$(printf '%0101d' 0)" "Name: at most 100 characters"
refused "a name another campaign has" 0 "Agent discount codes" "Name: another campaign already has this name"
refused "not a real start date" 3 "2022-02-30" "Starts on: a real date like 2022-02-01"
refused "no start date" 3 "" "Starts on: a real date like 2022-02-01"
refused "not a real end date" 4 "2022-13-01" "Ends on: a real date like 2022-02-28, or empty"
refused "three decimals in the cost" 5 "12.345" "Cost per contact: an amount >= 0, at most 2 decimals"
refused "a negative cost" 5 "-1" "Cost per contact: an amount >= 0"
refused "a cost beyond the most" 5 "1000000001" "Cost per contact: at most 1000000000.00"
refused "a target over 100 %" 6 "101" "Target response %: a percentage 0-100, at most 2 decimals"
refused "a discount that is not a number" 7 "ten" "Discount %: a percentage 0-100, at most 2 decimals"
refused "renewal day 29" 8 "29" "Renewal day: a day of the month 1-28, or empty"
refused "61 dunning days" 9 "61" "Dunning days: 0 to 60 days, or empty"
refused "hand-off day 0" 10 "0" "Support hand-off day: a day of the month 1-28, or empty"

# The rule is shown dim under the field with the cursor, not as an error.
keys a Down Down Down
check "the focused field's rule is on the line under it" "rule: a date like 2022-02-01"
if $T capture-pane -e -p -t ui | grep "rule: a date like" | grep -q "$ESC\\["; then ok "... drawn in its own (dim) style"; else echo "not ok - ... drawn in its own (dim) style"; fi
check_not "... and no error is shown for a good date" "Starts on: "
keys Escape

# Rules across fields, refused by the save.
keys a
text "Spring check"
keys Down Down Down C-u
text "2022-03-01"
keys Down C-u
text "2022-02-01"
keys C-s
check "an end before the start is refused, the field named" "not saved: Ends on: ends before it starts"
keys Escape
[ "$(campaigns)" = "$before" ] && ok "... and nothing reached the store" || echo "not ok - ... and nothing reached the store"
keys a
text "Spring check"
keys Down Down Down Down Down Down Down Down C-u
text 15
keys Down Down C-u
text 10
keys C-s
check "a hand-off before the renewal day is refused" "not saved: Support hand-off day: support gets the failed renewals after the renewal day"
keys Up C-u
text 13
keys Down C-u
text 27
keys C-s
check "dunning past the hand-off is refused" "not saved: Dunning days: dunning must end by the hand-off day"
keys Escape
[ "$(campaigns)" = "$before" ] && ok "... and nothing reached the store" || echo "not ok - ... and nothing reached the store"

# Kind and channel are pickers: typing does nothing, Left and Right move.
keys a
text "Spring win-back"
keys Down
check "the kind is a picker, with its rule" "pick with ← → or Space: upsell, winback"
text "zzz"
check "typing into the kind changes nothing" "← upsell →"
keys Right
check "Right picks the next kind" "← winback →"
keys Left Left
check "Left goes back round to the last" "← discount →"
keys Right Right Down
check "the channel is a picker" "← email →"
keys Space
check "Space picks the next channel" "← chat →"
keys C-s
check "a good form saves" "saved campaign #"
[ "$(sqlite3 "$DB" "SELECT kind || ' ' || channel FROM campaigns WHERE name = 'Spring win-back'")" = "winback chat" ] &&
	ok "the store holds the kind and channel picked" || echo "not ok - the store holds the kind and channel picked"
before=$(campaigns)

# Another process changes the campaign while the form is open: refused.
keys '/'
text "Spring win-back"
keys Enter e
check "e opens the saved campaign" "Edit campaign #"
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE campaigns SET cost_per_contact = 999 WHERE name = 'Spring win-back'"
before=$(campaigns)
keys Down Down Down Down Down C-u
text "1.25"
keys C-s
check "a campaign changed since the form opened is not saved" "not saved: "
keys Escape
[ "$(campaigns)" = "$before" ] && ok "... and the other process's change stands" || echo "not ok - ... and the other process's change stands"

# D archives the campaign under the cursor, u brings it back.
keys Escape '/'
text "Spring win-back"
keys Enter D
check "D archives the campaign" "archived campaign #"
[ "$(sqlite3 "$DB" "SELECT archived FROM campaigns WHERE name = 'Spring win-back'")" = 1 ] &&
	ok "... the store says archived" || echo "not ok - ... the store says archived"
keys u
check "u brings it back" "undid"
[ "$(sqlite3 "$DB" "SELECT archived FROM campaigns WHERE name = 'Spring win-back'")" = 0 ] &&
	ok "... the store says not archived" || echo "not ok - ... the store says not archived"
keys Escape q
wait_for 'EXIT=' 3
check "q exits 0 after the form's errors" "EXIT=0"

# --- editing a campaign's cost per contact: saved, audited, undone ----------
cp sample.db "$DB"
start 80 24 --actor screen-test "$DB"
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

# --- in words, the audit trail too ------------------------------------------
# An edit of each kind first, so that the audit trail has them: the
# liability applied and undone, a campaign's cost per contact changed.
cp sample.db "$DB"
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
keys Escape
view_words 4
keys 4 A
check "the audit trail shows the edits" "Cost per contact"
words "the audit trail reads in words"
check "... the liability's row in words" "settings *Returns liability *Returns liability %"
keys End Enter
check "an edit's detail says it was not undone with a dash" "Undone by  *—"
words "... and reads in words"
keys Escape Escape q
wait_for 'EXIT=' 3
check "160x50: q exits 0 after the audit trail" "EXIT=0"
