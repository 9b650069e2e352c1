# test_odd_files.sh — files that are not what they should be: a FIFO (or
# any non-regular file) where cxtop reads a store, a settings file or an
# import is refused with one line at once, never waited on; a damaged store
# never gives exit status 0 for work that read the damage; read-only opens
# of a WAL store leave its directory as they found it, and work in a
# directory cxtop cannot write.
. tests/cli/lib.sh
export TZ=UTC
export LC_ALL=C.UTF-8

# runt ARGS...: run, but give up after 20 s (a hang is exit status 124).
runt() {
	timeout 20 "$CXTOP" "$@" >"$OUT" 2>"$ERR" </dev/null
	status=$?
}

# --- a FIFO where a file is read --------------------------------------------
mkfifo "$WORK/store.db" "$WORK/fifo" "$WORK/fifo.csv" "$WORK/fifo.json" "$WORK/fifo.yaml"
cp sample.db "$WORK/s.db"

for cmd in "report summary" "export tickets" "check" "--read-only"; do
	runt $cmd "$WORK/store.db"
	expect_status 1 "a FIFO as the store: cxtop $cmd exits 1 at once"
	expect_err "^cxtop: cannot open store '.*store.db': is a FIFO, not a regular file$" \
		"a FIFO as the store: cxtop $cmd says so"
	expect_one_line_err "a FIFO as the store: cxtop $cmd says it in one line"
done
runt import tickets tests/data/zendesk-tickets.csv --preset zendesk-csv --db "$WORK/store.db"
expect_status 1 "a FIFO as the store of an import is refused at once"
expect_err "is a FIFO, not a regular file" "the import says the store is a FIFO"

runt import tickets "$WORK/fifo.csv" --preset zendesk-csv "$WORK/s.db"
expect_status 1 "a FIFO as a CSV file to import is refused at once"
expect_err "^cxtop: cannot open '.*fifo.csv': is a FIFO, not a regular file$" "the import names the FIFO"
expect_one_line_err "the refused CSV file is one line"
runt import tickets "$WORK/fifo.json" --preset zendesk-json "$WORK/s.db"
expect_status 1 "a FIFO as a JSON file to import is refused at once"
expect_err "^cxtop: cannot open '.*fifo.json': is a FIFO, not a regular file$" "the JSON import names the FIFO"
runt import tickets tests/data/zendesk-tickets.csv --map "$WORK/fifo.yaml" "$WORK/s.db"
expect_status 1 "a FIFO as a mapping file is refused at once"
expect_err "^cxtop: cannot open mapping '.*fifo.yaml': is a FIFO, not a regular file$" "the mapping's FIFO is named"
runt import tickets tests/data/zendesk-tickets.csv --preset "$WORK/fifo.yaml" "$WORK/s.db"
expect_status 1 "a FIFO as a preset path is refused at once"
expect_err "is a FIFO, not a regular file" "the preset's FIFO is named"
runt import tickets "$WORK/fifo" --preset zendesk-csv
expect_status 1 "a FIFO as the last argument of an import (store or file?) is refused at once"
runt schedule check "$WORK/fifo.yaml"
expect_status 1 "a FIFO as a schedules file is refused at once"
expect_err "^cxtop: cannot open schedules '.*fifo.yaml': is a FIFO, not a regular file$" "the schedules FIFO is named"
expect_one_line_err "the refused schedules file is one line"
runt schedule check /dev/null
expect_status 1 "a device as a schedules file is refused"
expect_err "is a device, not a regular file" "the device is named as one"

CXTOP_SCORING="$WORK/fifo.yaml" runt report leaderboard "$WORK/s.db"
expect_status 0 "a FIFO as CXTOP_SCORING: the report still runs, on the built-in rules"
expect_err "cannot open scoring rules '.*fifo.yaml': is a FIFO, not a regular file" "the scoring FIFO is named"
expect_one_line_err "the refused scoring file is one line"

mkdir -p "$WORK/xdg/cxtop"
mkfifo "$WORK/xdg/cxtop/config.yaml"
XDG_CONFIG_HOME="$WORK/xdg" runt --read-only "$WORK/s.db"
expect_status 0 "a FIFO as config.yaml: cxtop still opens the store, without the config"
expect_err "^cxtop: cannot open config file '.*config.yaml': is a FIFO, not a regular file \(config ignored\)$" \
	"the config FIFO is named"
expect_one_line_err "the refused config file is one line"
XDG_CONFIG_HOME="$WORK/xdg" CXTOP_DB="$WORK/s.db" runt report summary
expect_status 0 "a FIFO as config.yaml: a report on \$CXTOP_DB still runs"

# --- a damaged store ----------------------------------------------------------
head -c 200000 /dev/urandom >"$WORK/random.db"
for cmd in "report summary" "report pnl" "report audit" "export tickets" "check" "--read-only"; do
	runt $cmd "$WORK/random.db"
	expect_status 1 "random bytes as the store: cxtop $cmd exits 1"
	expect_one_line_err "random bytes as the store: cxtop $cmd says why in one line"
done
# A store with a page of its tickets and one of their rollups zeroed: every report either says the
# store is damaged and exits 1, or did not read that page and prints what
# the whole store prints; never wrong figures with exit status 0.
cp sample.db "$WORK/damaged.db"
for table in tickets ticket_hours; do
	page=$(sqlite3 "$WORK/damaged.db" "SELECT pageno FROM dbstat WHERE name = '$table' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 100")
	dd if=/dev/zero of="$WORK/damaged.db" bs=4096 seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
done
damaged=0
for r in $("$CXTOP" report --list | cut -d' ' -f1); do
	ranges='"" "--from 2021-10-01 --to 2022-03-31"'
	# The audit trail and the schedules are whatever the period (a range
	# is a usage error for them).
	case $r in audit | schedules) ranges='""' ;; esac
	eval "set -- $ranges"
	for range in "$@"; do
		"$CXTOP" report $r $range sample.db >"$WORK/good" 2>/dev/null
		runt report $r $range "$WORK/damaged.db"
		if [ "$status" -eq 1 ] && grep -q "^cxtop: store '.*damaged.db' is damaged: " "$ERR" &&
			[ "$(wc -l <"$ERR")" -eq 1 ]; then
			damaged=$((damaged + 1))
			ok "report $r $range on a damaged store: exit 1, 'is damaged'"
		elif [ "$status" -eq 0 ] && cmp -s "$OUT" "$WORK/good"; then
			ok "report $r $range on a damaged store: the damage is not on its way, the figures are right"
		else
			not_ok "report $r $range on a damaged store: neither 'is damaged' nor the right figures"
		fi
	done
done
[ "$damaged" -gt 0 ] && ok "reports over the damaged rollups say so ($damaged)" ||
	not_ok "reports over the damaged rollups say so" "none did"
runt export tickets "$WORK/damaged.db"
expect_status 1 "exporting the damaged table exits 1"
expect_err "^cxtop: store '.*damaged.db' is damaged: " "the export says the store is damaged"
runt check "$WORK/damaged.db"
expect_status 1 "cxtop check finds the damage"
expect_err "integrity" "cxtop check names the integrity check"

# --- read-only opens of a WAL store -------------------------------------------
mkdir "$WORK/wal"
cp sample.db "$WORK/wal/w.db"
sqlite3 "$WORK/wal/w.db" "PRAGMA journal_mode = WAL" >/dev/null
cp "$WORK/wal/w.db" "$WORK/w.orig"
"$CXTOP" report summary sample.db >"$WORK/good"
runt report summary "$WORK/wal/w.db"
expect_status 0 "a report on a WAL store"
cmp -s "$OUT" "$WORK/good" && ok "it prints what the same store in rollback mode prints" ||
	not_ok "it prints what the same store in rollback mode prints"
for cmd in "report summary" "report leaderboard" "export agents" "check" "--read-only"; do
	runt $cmd "$WORK/wal/w.db"
	left=$(ls "$WORK/wal")
	[ "$status" -eq 0 ] && [ "$left" = "w.db" ] && ok "cxtop $cmd on a WAL store leaves no -wal or -shm file" ||
		not_ok "cxtop $cmd on a WAL store leaves no -wal or -shm file" "left: $left"
done
cmp -s "$WORK/wal/w.db" "$WORK/w.orig" && ok "read-only opens leave the WAL store byte for byte" ||
	not_ok "read-only opens leave the WAL store byte for byte"

# A directory cxtop cannot write: as another user when running as root.
as_reader=""
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
		as_reader="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
		chmod 755 "$WORK"
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_reader" ]; then
	chmod 555 "$WORK/wal"
	$as_reader "$CXTOP" report summary "$WORK/wal/w.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 0 "a WAL store in a read-only directory can be reported on"
	cmp -s "$OUT" "$WORK/good" && ok "with the same figures" || not_ok "with the same figures"
	[ "$(ls "$WORK/wal")" = "w.db" ] && ok "and nothing is left beside it" || not_ok "and nothing is left beside it"
	$as_reader "$CXTOP" --read-only "$WORK/wal/w.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 0 "--read-only opens a WAL store in a read-only directory"
	# Changes still in a -wal file without its -shm: said so, in one line.
	chmod 755 "$WORK/wal"
	cp "$WORK/wal/w.db" "$WORK/wal/stuck.db"
	printf 'not empty' >"$WORK/wal/stuck.db-wal"
	chmod 555 "$WORK/wal"
	$as_reader "$CXTOP" report summary "$WORK/wal/stuck.db" >"$OUT" 2>"$ERR" </dev/null
	status=$?
	expect_status 1 "a -wal file without -shm in a read-only directory cannot be read"
	expect_err "cannot read store '.*stuck.db': its latest changes are in '.*stuck.db-wal'" "and cxtop says why"
	expect_one_line_err "in one line"
	chmod 755 "$WORK/wal"
else
	echo "ok - # SKIP a read-only directory: running as root without setpriv"
fi
