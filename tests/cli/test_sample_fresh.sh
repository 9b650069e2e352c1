# test_sample_fresh.sh — the committed sample.db is exactly what its
# generator (src/store/sample/) makes, so the two never drift apart.
. tests/cli/lib.sh
if ./build/mksample "$WORK/fresh.db" src/store/sample/schedules.yaml >"$OUT" 2>"$ERR"; then ok "the generator runs"; else not_ok "the generator runs"; fi
if [ "$(sqlite3 "$WORK/fresh.db" .dump | sha256sum)" = "$(sqlite3 -readonly sample.db .dump | sha256sum)" ]; then
	ok "sample.db is what make sample generates"
else
	not_ok "sample.db is what make sample generates" "run: make sample"
fi
