# test_view5_claims.sh — view 5, the Claims still open at the period's
# end.  Sorted by each column, the rows are in the order the claims
# report's open claims give; f shows the claims by carrier and status,
# where Enter on a row lists its claims, which add up to its count,
# claimed and recovered, and Esc comes back to the same row; an open
# claim's figures open and close on the same claim.  At 60x16, 80x24,
# 160x48 and 200x50 it draws with every tab named; under LANG=C it is
# plain ASCII; it reads in words.
. tests/screen/screen-lib

# --- every size, every column sorted, in words ------------------------------
TZ=${TZ:-UTC} "$CXTOP" report claims --format json "$DB" | jq .open >"$WORK/claims.json"

start 80 24 "$DB"
keys 5
check "80x24: key 5 shows open claims" "Open claims on 2022-03-31"
# The column titles are judged at 80 columns and wider: at 60 the list
# shows a column cut inside its title ("Op…").
sizes 5 Claims "Open claims on" 4 60
resize 120 40
keys 1 5
check "120x40: key 5 shows open claims" "Open claims on 2022-03-31"
resize 200 50
keys 1 5
sort_each claims "$WORK/claims.json" claim_id 1 ID=claim_id Carrier=carrier Tracking=tracking_no Kind=kind \
	Status=status Opened=opened_on Deadline=deadline_on "Days left=days_to_deadline" Past=past_deadline \
	Claimed=claimed Agent=agent
resize 160 50
view_words 5
keys q
wait_for 'EXIT=' 3
check "claims: q exits 0 after every size and sort" "EXIT=0"

start_c 80 24 "$DB"
keys 5
ascii "LANG=C: view 5 is plain ASCII"
sizes_c 5 Claims 4 60
keys 1 5 Enter
ascii "LANG=C: an open claim's figures are plain ASCII"
keys Escape f
ascii "LANG=C: the claims by carrier and status are plain ASCII"
keys '?'
ascii "LANG=C: the claims' help is plain ASCII"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0 after the claims" "EXIT=0"

# --- a claim's figures; the table by carrier and status, and back ------------
start 120 30 "$DB"
keys 5 j j Enter
check "Enter on an open claim shows its figures" "Tracking  *742591673156"
keys Escape
check_not "Esc closes them" "Tracking  *742591673156"
keys Enter
check "... the cursor still on the same claim" "Tracking  *742591673156"
keys Escape

# Enter on a row of the table by carrier and status lists its claims,
# which add up to its count, claimed and recovered.
keys f
check "f shows the claims by carrier and status" "FedEx  *draft  *2  *\$137.34"
keys g j j Enter
check "Enter on FedEx approved lists its claims" "› Claims: FedEx, approved"
check "... as many as the row counts" "7 of 7 rows"
check "... adding up to its claimed and recovered" "^ *Total  *\$513.76  *\$0.00"
keys Escape
check "Esc goes back to the table by carrier and status" "FedEx  *approved  *7  *\$513.76"
keys Enter
check "... the cursor on the same row" "› Claims: FedEx, approved"
keys Escape q
wait_for 'EXIT=' 3
check "q exits 0 after the claims" "EXIT=0"
