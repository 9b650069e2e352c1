# test_demo.sh — the demo store (make demo) is built only through cxtop
# import, from the vendors' exports in tests/data and demo/*.csv: every
# import succeeds, the store passes cxtop check, and each part of the P&L
# the exports feed is there (help desk tickets, Shopify's discount-code
# orders and refunds, Stripe's win-back recoveries).
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8

if TZ=UTC sh demo/build.sh "$CXTOP" "$WORK/demo.db" >"$OUT" 2>"$ERR"; then status=0; else status=$?; fi
expect_status 0 "demo/build.sh builds the demo store with cxtop import alone"
expect_out '^cxtop import charges tests/data/stripe-payments.csv --preset stripe-payments' "it shows each command it runs"
run check "$WORK/demo.db"
expect_status 0 "the demo store passes cxtop check"
"$CXTOP" report pnl --format json "$WORK/demo.db" >"$WORK/pnl.json" 2>/dev/null
got=$(jq -r '"\(.from) \(.totals.winback > 0) \(.totals.discount_codes > 0) \(.totals.returns_cost > 0) \(.totals.cogs > 0) \(.totals.staff > 0)"' "$WORK/pnl.json")
if [ "$got" = "2022-02-01 true true true true true" ]; then ok "its P&L for February 2022 has win-back, codes, returns, COGS and staff"; else
	not_ok "the demo P&L" "got: $got"; fi
got=$("$CXTOP" report summary --format json "$WORK/demo.db" 2>/dev/null | jq -r '.title')
case $got in
"Kaamos Box Oy"*) ok "it is another company: $got" ;;
*) not_ok "the demo is another company" "title: $got" ;;
esac
