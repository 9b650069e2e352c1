# test_app_store.sh — the store under every view: a write or an import by
# another process shows within 2 seconds while the program keeps working;
# --read-only, or a store file without write permission, is said in the
# top bar and every edit key (the campaign form, the liability) says the
# store cannot be changed.
. tests/screen/screen-lib

# Another process writes: the dashboard follows within 2 seconds.
start 100 30 "$DB"
# The shell waits for the interface's read to end, as cxtop import does:
# sample.db keeps a rollback journal, where a reader holds off a writer
# (a store made by cxtop init is in WAL mode, where it does not).
sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE settings SET value = '2000' WHERE key = 'returns_liability_bp'"
if wait_for 'Returns liability 20.00 %' 2; then ok "a write by another process shows within 2 s"; else
	echo "not ok - a write by another process shows within 2 s"
	screen | sed 's/^/#   | /'
fi
# An import by another process: the UI keeps working and shows what it
# committed.
keys 3 1
printf 'key,value\nreturns_liability,25\n' >"$WORK/liability.csv"
"$CXTOP" import settings "$WORK/liability.csv" "$DB" >/dev/null 2>&1
if wait_for 'Returns liability 25.00 %' 2; then ok "an import by another process shows within 2 s"; else
	echo "not ok - an import by another process shows within 2 s"
	screen | sed 's/^/#   | /'
fi
keys q
wait_for 'EXIT=' 3
check "q exits 0 after all that" "EXIT=0"

# Read-only: shown in the top bar, and every edit key says so.
start 80 24 --read-only "$DB"
check "--read-only is shown in the top bar" "READ-ONLY"
keys 4 e
check "read-only: e says the store cannot be changed" "read-only: this store cannot be changed"
keys 7 Enter
check "read-only: applying the liability is refused" "read-only"
keys q
wait_for 'EXIT=' 3

# A store file without write permission opens read-only, as the man page
# says.  Root writes anyway, so as root the check runs as nobody.
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups env ASAN_OPTIONS=detect_leaks=0"
if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1 || ! $NOBODY "$CXTOP" --version >/dev/null 2>&1; then
	ok "a store without write permission opens read-only # SKIP needs root and a checkout nobody can run"
else
	RO=$(mktemp -d "${TMPDIR:-/tmp}/cxtop-ro-XXXXXX")
	chmod 755 "$RO"
	cp sample.db "$RO/ro.db"
	chmod 444 "$RO/ro.db"
	$T kill-server 2>/dev/null
	n=$((n + 1)); T="tmux -L cxtop-test-$$-$n"
	$T new-session -d -s ui -x 80 -y 24 "LANG=C.UTF-8 TERM=xterm-256color $NOBODY $CXTOP $RO/ro.db; echo EXIT=\$?; sleep 60"
	check "a store without write permission opens read-only" "READ-ONLY"
	keys 4 e
	check "... and refuses edits" "read-only: this store cannot be changed"
	keys q
	wait_for 'EXIT=' 3
	check "... and exits 0" "EXIT=0"
	rm -rf "$RO"
fi
