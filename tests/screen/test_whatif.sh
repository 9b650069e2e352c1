# test_whatif.sh — the what-if view's levers: each says what it was and
# its change; the order-notification shop's say their currency (RUB in
# the sample, whose P&L is in USD), and its net gain is the notify
# report's, never the P&L's.
. tests/screen/screen-lib

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
