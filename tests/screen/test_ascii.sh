# test_ascii.sh — a locale that is not UTF-8 (LANG=C): the screen is drawn
# in plain ASCII (frames, bars, sparklines, arrows, signs), names beyond
# ASCII show as '?', and the status line says the fallback is in use.
. tests/screen/screen-lib

start_c 80 24 "$DB"
check "LANG=C: the status line says the ASCII fallback is in use" "ASCII fallback in use: the locale is not UTF-8"
ascii "LANG=C, 80x24: the dashboard is plain ASCII"
check "... its P&L panel is framed in ASCII" "^+- Support P&L -*++- Tickets -*+$"
check "... with its labels" "| Upsell  *\$40,682.29 |"
check "... net and whether support is a profit center" "| Net + profit center  *\$3,263.45 |"
check "... the tickets' labels, / between two figures" "| Created / solved  *3,921 / 3,439 |"
check "... the channels' bars" "| email  #####* *1,783 |"
check "... the daily sparkline" "| Daily [_.:=+*#-]* |"
check "... the watchlist's label" "Watchlist (satisfaction <= 6)"
check "... a name beyond ASCII as ?, its columns kept" "1. Aino M?kinen  *6,912 pts |"
check "... the top bar's period and dates" "^ cxtop  < March 2022 > 2022-03-01 - 2022-03-31  month"
for k in 2 3 4 5 6 7 8; do
	keys "$k"
	ascii "LANG=C: view $k is plain ASCII"
done
keys 6
check "the leaderboard's movement arrows and bars" "^   1  ^3  .*##########"
keys '>' '>'
check "a sort mark in ASCII" "sort: Move ^"
check "... in the header too" "^Rank  Move^ ID"
keys Enter
ascii "LANG=C: a detail pane is plain ASCII"
keys Escape 4 e
ascii "LANG=C: the campaign form is plain ASCII"
check "... its keys in words" "Enter/Down next / Up previous"
keys Escape '?'
ascii "LANG=C: the help is plain ASCII"
keys Escape 1 Enter
ascii "LANG=C: a drill-down and its trail are plain ASCII"
check "... the trail with > and /" "Dashboard > Upsell orders / March 2022"
keys Escape q
wait_for 'EXIT=' 3
check "LANG=C: q exits 0" "EXIT=0"

# The minimum size: still readable.
start_c 60 16 "$DB"
ascii "LANG=C, 60x16: the dashboard is plain ASCII"
check "... and shows net first" "Net + profit"
keys q
wait_for 'EXIT=' 3
check "LANG=C, 60x16: q exits 0" "EXIT=0"
