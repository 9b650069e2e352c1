# test_schedule.sh — cxtop schedule check: a schedules file read back as
# cxtop understood it, the business-time rule tried on two instants, and
# every mistake one line naming the file, line and column.
. tests/cli/lib.sh
# No command here may write to the default store.
export CXTOP_DB="$WORK/none.db"
export TZ=UTC
export LC_ALL=C.UTF-8

run schedule check demo/schedules.yaml
expect_status 0 "the demo's schedules file is right"
expect_out '^demo/schedules.yaml: 2 schedules$' "it counts the schedules"
expect_out '^Helsinki  Europe/Helsinki  44:00 a week$' "each schedule with its zone and its hours a week"
expect_out '^  mon-fri  08:00-12:00, 13:00-17:00$' "days with the same hours run together"
expect_out '^  holidays 2022-01-01  Uudenvuodenpäivä$' "holidays with their names"
expect_out '^Support — US  America/New_York  40:00 a week  \(default\)$' "the default is marked"

# Friday 18:00 to Monday 09:05: five working minutes in New York; in
# Helsinki, Saturday's four hours and Monday's first 65 minutes.
run schedule check demo/schedules.yaml --from "2022-02-04 18:00" --to "2022-02-07 09:05"
expect_out '^  from 2022-02-04 18:00 to 2022-02-07 09:05: 5m 00s of working time \(2d 15h on the clock\)$' \
	"Friday evening to Monday morning is five working minutes"
expect_out '^  from 2022-02-04 18:00 to 2022-02-07 09:05: 5h 05m of working time' \
	"a Saturday shift counts"
# Across a holiday (Presidents' Day, a Monday), instants in UTC: the
# Friday's last hour and the Tuesday's first.
run schedule check demo/schedules.yaml --from 2022-02-18T21:00:00Z --to 2022-02-22T15:00:00Z
expect_out "^  from 2022-02-18T21:00:00Z to 2022-02-22T15:00:00Z: 2h 00m of working time" \
	"a holiday is not worked; instants may carry their own offset"

run schedule check demo/schedules.yaml --from "2022-02-04 18:00"
expect_status 2 "--from without --to is a usage error"
run schedule check demo/schedules.yaml --from yesterday --to today
expect_status 2 "an instant that is not one is a usage error"
expect_one_line_err "in one line"
run schedule check
expect_status 2 "check needs a file"
run schedule apply demo/schedules.yaml
expect_status 2 "an unknown action is a usage error"
run schedule load demo/schedules.yaml "$WORK/a.db" extra
expect_status 2 "load takes a file and a store, nothing more"

printf 'schedules:\n  A:\n    timezone: Europe/Helsinki\n    hours:\n      mon-fri: 09:00-17:00\n      wed: 12:00-13:00\n' >"$WORK/s.yaml"
run schedule check "$WORK/s.yaml"
expect_status 1 "an overlap is refused"
expect_err "s.yaml:6:12: 12:00-13:00 overlaps another interval of wed" "at the interval's line and column"
expect_one_line_err "in one line"
run schedule check "$WORK/none.yaml"
expect_status 1 "a missing file is refused"
expect_err "cannot open schedules '.*none.yaml'" "and named"
printf 'schedules:\n  "\033[2J":\n    timezone: UTC\n    hours: {mon: 09:00-17:00}\n' >"$WORK/esc.yaml"
run schedule check "$WORK/esc.yaml"
if grep -q "$(printf '\033')" "$OUT"; then not_ok "a schedule's name never reaches the terminal raw"; else ok "a schedule's name never reaches the terminal raw"; fi
