# test_form.sh — the campaign form: every way a value is refused, each shown
# beside its field in the error colour with the field named, each refused
# again by Ctrl-S ("not saved: Field: why"), none reaching the store; the
# kind and channel picked, never typed; the name's uniqueness checked as it
# is typed; the field's rule dim under it.
. tests/screen/screen-lib

ESC=$(printf '\033')
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
sqlite3 "$DB" "UPDATE campaigns SET cost_per_contact = 999 WHERE name = 'Spring win-back'"
before=$(campaigns)
keys Down Down Down Down Down C-u
text "1.25"
keys C-s
check "a campaign changed since the form opened is not saved" "not saved: "
keys Escape
[ "$(campaigns)" = "$before" ] && ok "... and the other process's change stands" || echo "not ok - ... and the other process's change stands"
keys q
wait_for 'EXIT=' 3
check "q exits 0 after the form's errors" "EXIT=0"
