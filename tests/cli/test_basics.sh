# test_basics.sh — cxtop's command line: help, version, init, bad input.
. tests/cli/lib.sh

run --help
expect_status 0 "--help exits 0"
expect_out '^Usage: cxtop' "--help prints usage"
expect_out 'init DB' "--help lists init"

run --version
expect_status 0 "--version exits 0"
expect_out '^cxtop [0-9]+\.[0-9]+\.[0-9]+$' "--version prints cxtop X.Y.Z"
expect_out 'ncurses [0-9].*SQLite [0-9].*libyaml [0-9]' "--version names the libraries"

run --no-such-option
expect_status 2 "unknown option exits 2"
expect_one_line_err "unknown option: one line on stderr"
expect_err "no-such-option" "unknown option is named"

run init
expect_status 2 "init without a path exits 2"

run init "$WORK/a.db"
expect_status 0 "init creates a store"
expect_out "schema version 12" "init says what it made"
if [ -f "$WORK/a.db" ]; then ok "init wrote the file"; else not_ok "init wrote the file"; fi

run init "$WORK/a.db"
expect_status 1 "init on an existing file exits 1"
expect_err "already exists" "init refuses to overwrite"
expect_one_line_err "init refusal is one line"

run init "$WORK/nodir/b.db"
expect_status 1 "init in a missing directory exits 1"
if [ ! -e "$WORK/nodir/b.db" ]; then ok "failed init leaves no file"; else not_ok "failed init leaves no file"; fi

run "$WORK/a.db"
expect_status 0 "opening a new store works"
expect_out "0 tickets" "an empty store shows no tickets"

run "$WORK/missing.db"
expect_status 1 "a missing store exits 1"
expect_one_line_err "missing store: one line"
if [ ! -e "$WORK/missing.db" ]; then ok "opening a missing path creates nothing"; else not_ok "opening a missing path creates nothing"; fi

printf 'id,name\n1,not a database\n' >"$WORK/notes.csv"
run "$WORK/notes.csv"
expect_status 1 "a non-database exits 1"
expect_err "notes.csv': file is not an SQLite database" "a non-database is named and explained"

version=$(sqlite3 "$WORK/a.db" "PRAGMA user_version")
sqlite3 "$WORK/a.db" "PRAGMA user_version = $((version + 1))"
run "$WORK/a.db"
expect_status 1 "a store from a newer cxtop exits 1"
expect_err "newer than this cxtop" "a newer store is explained"
sqlite3 "$WORK/a.db" "PRAGMA user_version = $version"

CXTOP_DB="$WORK/a.db" run
expect_status 0 "CXTOP_DB names the default store"

run --read-only "$WORK/a.db"
expect_status 0 "--read-only opens"
expect_out "read-only" "--read-only is shown"

run "$WORK/a.db" extra
expect_status 2 "a stray argument exits 2"

# The config file names the default store for reports too.
mkdir -p "$WORK/xdg/cxtop"
cp sample.db "$WORK/team.db"
printf 'db: %s\n' "$WORK/team.db" >"$WORK/xdg/cxtop/config.yaml"
(cd "$WORK" && XDG_CONFIG_HOME="$WORK/xdg" "$CXTOP" report pnl --format json >"$OUT" 2>"$ERR")
status=$?
expect_status 0 "report uses the config file's db when no DB is given"
expect_out '"report": "pnl"' "the config's store was read"
printf 'db: [oops\n' >"$WORK/xdg/cxtop/config.yaml"
(cd "$WORK" && XDG_CONFIG_HOME="$WORK/xdg" CXTOP_DB="$WORK/team.db" "$CXTOP" report pnl >"$OUT" 2>"$ERR")
status=$?
expect_status 0 "CXTOP_DB wins over a broken config file"

# Every command's --help fits an 80-column terminal.
wide=""
for c in "" import export schedule check init report; do
	# shellcheck disable=SC2086
	"$CXTOP" $c --help 2>&1 | awk -v c="${c:-cxtop}" 'length > 80 { print c ": " length }' >>"$WORK/wide"
done
if [ ! -s "$WORK/wide" ]; then ok "every --help fits 80 columns"; else not_ok "--help lines over 80 columns" "$(cat "$WORK/wide")"; fi

# A mistyped command is not taken for a store's name.
run repor
expect_status 2 "a word that is no command and no file is a usage error"
expect_err "no command or store named 'repor' \(the commands: report, import, export, init, check, schedule\)" \
	"... that names the commands"
run reprot pnl
expect_err "no command or store named 'reprot'" "... also with arguments after it"
# A date written right that is not on the calendar says so.
run report summary --from 2022-02-30 sample.db
expect_status 2 "--from 2022-02-30 is a usage error"
expect_err "'2022-02-30': no such day in the calendar" "... saying the day does not exist"
run report summary --to 2022-2-3 sample.db
expect_err "'2022-2-3': not a date \(want YYYY-MM-DD\)" "a date written otherwise says how to write it"

# Options a report would silently ignore are usage errors.
run report audit --from 2022-01-01 sample.db
expect_status 2 "report audit --from: the audit is whatever the period"
expect_err "report audit: --from does not apply to it: it shows everything, whatever the period" "... saying so"
run report schedules --compare previous sample.db
expect_status 2 "report schedules --compare is a usage error"
run report agents --from 2022-02-01 --to 2022-02-28 --period week sample.db
expect_status 2 "--period week with a range that is no week, on a report other than pnl"
expect_err "is not one week: only pnl splits a range by --period" "... saying only pnl splits"
run report agents --from 2022-03-07 --to 2022-03-13 --period week --format json sample.db
if [ "$status" -eq 0 ] && [ "$(jq -r .title "$OUT")" = "Northbox Subscriptions · Agents — 2022-W10 (03-07 – 03-13)" ]; then
	ok "a range that is one week, with --period week, is that week"
else not_ok "one week given as a range"; fi
run report notify --cost-per-order 5 sample.db
expect_status 2 "--cost-per-order without --buyout is a usage error"
expect_err "give --buyout too" "... saying what it belongs to"
