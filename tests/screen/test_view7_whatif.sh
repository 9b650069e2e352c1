# test_view7_whatif.sh — view 7, the What-if: the levers.  Each says what
# it was and its change; the order-notification shop's say their currency
# (RUB in the sample, whose P&L is in USD), and its net gain is the notify
# report's, never the P&L's; the liability slider at 15 % shows report
# pnl --liability 15's net, and Enter applies it after asking (y or n, one
# key), u undoing it; a lever moved keeps its value across periods.  At
# 60x16 the P&L stays under the levers, which scroll; at 80x24, 160x48 and
# 200x50 it draws with every tab named and its labels whole (the line of
# keys above them may be cut); under LANG=C it is plain ASCII; it reads in
# words.  It has no drill-down and no sort: Enter applies a lever.
. tests/screen/screen-lib

# --- every size, in words ----------------------------------------------------
start 80 24 "$DB"
keys 7
check "80x24: key 7 shows the what-if slider" "Returns liability"
sizes 7 What-if "Returns liability" '4,$'
resize 120 40
keys 1 7
check "120x40: key 7 shows the what-if slider" "Returns liability"
resize 160 50
view_words 7
keys q
wait_for 'EXIT=' 3
check "what-if: q exits 0 after every size" "EXIT=0"

start_c 80 24 "$DB"
keys 7
ascii "LANG=C: view 7 is plain ASCII"
sizes_c 7 What-if '4,$'
keys 1 7 '?'
ascii "LANG=C: the what-if's help is plain ASCII"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the what-if" "EXIT=0"

# --- the levers --------------------------------------------------------------
start 80 24 "$DB"
keys 7
check "80x24: the P&L's levers say their currency" "^Support P&L (USD)  *what if  *as it was  *change  *net effect"
check "... each with what it was, and a dash for no change" "^Returns liability .* 10.00 %  *10.00 %  *—  *\$0.00"
check "the shop's levers say they are not in the store's currency" "^Notifications (RUB, not USD)  *what if  *stored  *change"
check "... its volume, with the stored figure" "^Shipments a month .* 6,000  *6,000  *—"
check "... its money levers name their currency" "^Average check (RUB) .* 3,000.00  *3,000.00  *—"
check "... cost per order too" "^Cost per order (RUB) .* 20.00  *20.00  *—"
stored=$(TZ=${TZ:-UTC} "$CXTOP" report notify --buyout 3 --cost-per-order 20 --format json "$DB" | jq -r '.rows[-1].net_min')
check "... and the net gain is the notify report's ($(money "$stored") RUB)" "^Net gain (RUB)  *$(money "$stored")  *$(money "$stored")  *—"

# Every shop lever moved: 8,000 shipments, a 3,200.00 check, 3.30 %
# buyout, 18.00 an order.
keys j j j j PgUp PgUp j PgUp PgUp j Right Right Right j Left Left
check "a lever moved shows its change against the stored value" "^Shipments a month .* 8,000  *6,000  *+2,000"
check "... the average check" "^Average check (RUB) .* 3,200.00  *3,000.00  *+200.00"
check "... the buyout, in points" "^Buyout change .* +3.30 %  *+3.00 %  *+0.30 %"
check "... a cut in cost per order, with its sign" "^Cost per order (RUB) .* 18.00  *20.00  *-2.00"
now=$(TZ=${TZ:-UTC} "$CXTOP" report notify --shipments 8000 --avg-check 3200 --buyout 3.3 --cost-per-order 18 --format json "$DB" | jq -r '.rows[-1].net_min')
change=$(money $((now - stored)))
check "the net gain is report notify's at those figures ($(money "$now") RUB, +$change)" \
	"^Net gain (RUB)  *$(money "$now")  *$(money "$stored")  *+$change"
pnl=$(TZ=${TZ:-UTC} "$CXTOP" report pnl --format json "$DB" | jq -r .totals.net)
check "... and the support P&L does not move: another shop, another currency" "^  Net  *\\\$$(money "$pnl")  *\\\$$(money "$pnl")  *\\\$0.00"
keys r
check "r puts every lever back" "^Cost per order (RUB) .* 20.00  *20.00  *—"
keys q
wait_for 'EXIT=' 3
check "q exits 0" "EXIT=0"

# When the shop sells in the store's currency, the group says just that.
cp sample.db "$WORK/usd.db"
sqlite3 "$WORK/usd.db" "UPDATE settings SET value = 'USD' WHERE key = 'notify_currency'"
start 80 24 "$WORK/usd.db"
keys 7
check "a shop in the store's currency: one currency named" "^Order notifications (USD)  *what if"
check "... on its money levers too" "^Cost per order (USD) "
keys q
wait_for 'EXIT=' 3

# The minimum size: the P&L stays on screen under the levers, which
# scroll to every lever, its stored value and change.
start 60 16 "$DB"
keys 7
check "60x16: the shop's group names its currency" "^Notifications (RUB) "
check "60x16: the P&L's net shows under the levers (report pnl's $(money "$pnl"))" \
	"^  Net  *\\\$$(money "$pnl")  *\\\$$(money "$pnl")  *\\\$0.00"
check "... with its liability" "^  Returns liability  *-\\\$"
keys j j j j j j j
check "... and the levers scroll down to the net gain" "^Net gain (RUB)  *420,000.00  *420,000.00  *—"
check "... the selected lever on screen" "^Cost per order (RUB) "
check "... the P&L still there" "^  Net  *\\\$$(money "$pnl")"
keys Right Right Right Right Right k k k k k k k
check "... back up to the first lever, the heading with it" "^Support P&L (USD) "
net15=$(TZ=${TZ:-UTC} "$CXTOP" report pnl --liability 15 --format json "$DB" | jq -r .totals.net)
keys Right Right Right Right Right
check "... the liability moved to 15 % moves the P&L's net to report pnl --liability 15's" \
	"^  Net  *\\\$$(money "$pnl")  *\\\$$(money "$net15")"
keys q
wait_for 'EXIT=' 3
check "60x16: q exits 0" "EXIT=0"

# Stepping the period: a lever moved keeps its value, the others follow the
# new period's figures (and so change nothing there).
start 120 35 "$DB"
keys 7 j Right
check "March: the upsell response moved a point" "Upsell response .* 22\.72 %  *21\.72 %"
keys '['
check "February: the moved lever keeps its value" "Upsell response .* 22\.72 %  *23\.05 %"
check "... the win-back lever follows February's 20.00 %, changing nothing" \
	"Win-back recovery .* 20\.00 %  *20\.00 %  *—  *\\\$0\.00"
keys r '['
check "after r, January's levers are January's" "Upsell response .* 21\.82 %  *21\.82 %  *—"
keys q
wait_for 'EXIT=' 3

# --- the liability applied, after asking; undone ------------------------------
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
keys q
wait_for 'EXIT=' 3
check "q exits 0 after applying the liability" "EXIT=0"
