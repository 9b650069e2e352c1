#!/bin/sh
# build.sh — the demo store: a team that is not the sample company, built
# only the way a manager would build theirs, with cxtop import.
#
#   sh demo/build.sh [CXTOP] DB      (make demo: build/demo.db)
#
# Kaamos Box Oy: a help desk on Zendesk (its API's pages), a Shopify shop
# (its orders export, with the agents' discount codes), subscriptions
# billed through Stripe (its payments export), and a few files of its own:
# settings, agents, campaigns, monthly costs (demo/*.csv), and the
# teams' working hours and SLA targets (demo/schedules.yaml).
set -eu
CXTOP=${2:+$1}
CXTOP=${CXTOP:-./cxtop}
DB=${2:-${1:-build/demo.db}}
D=tests/data
rm -f "$DB" "$DB-wal" "$DB-shm"
run() { echo "cxtop $*"; "$CXTOP" "$@" -q; }
"$CXTOP" init "$DB" >/dev/null
run import settings demo/settings.csv "$DB"
run import agents demo/agents.csv "$DB"
run import campaigns demo/campaigns.csv "$DB"
run import costs demo/costs.csv "$DB"
run import tickets $D/zendesk-tickets.ndjson $D/zendesk-users.json --preset zendesk-json "$DB"
# The billing inbox's tickets, kept in cxtop's own CSV.
run import tickets $D/payments-tickets.csv "$DB"
run import orders $D/shopify-orders.csv --preset shopify-orders "$DB"
run import returns $D/shopify-orders.csv --preset shopify-refunds "$DB"
run import charges $D/stripe-payments.csv --preset stripe-payments "$DB"
# Working hours, holidays and SLA targets of both teams.
echo "cxtop schedule load demo/schedules.yaml $DB"
"$CXTOP" --actor demo schedule load demo/schedules.yaml "$DB" >/dev/null
