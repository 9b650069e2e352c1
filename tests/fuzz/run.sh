#!/bin/sh
# run.sh — runs each fuzz target (the CSV reader, JSON pages, mapping,
# theme, config, scoring and schedules files, the strict parsers) for
# FUZZ_TIME seconds (default 10) on a copy of its seed corpus, and prints
# "ok"/"not ok" lines for tests/run.sh.
# A crash leaves its input in build/fuzz/crash-* (libFuzzer's artifact).
set -u
cd "$(dirname "$0")/../.." || exit 1
time=${FUZZ_TIME:-10}
for t in csv mapping json theme config scoring schedules parse; do
	bin=build/fuzz/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "not ok - fuzz_$t is built"
		continue
	fi
	corpus=$(mktemp -d)
	cp tests/fuzz/corpus/$t/* "$corpus"/ 2>/dev/null
	if "$bin" -max_total_time="$time" -timeout=10 -rss_limit_mb=1024 -artifact_prefix=build/fuzz/ \
		-print_final_stats=1 "$corpus" >build/fuzz/$t.log 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz/$t.log)
		echo "ok - fuzz_$t: ${runs:-?} inputs in ${time} s, no crash, leak or undefined behaviour"
	else
		echo "not ok - fuzz_$t found a problem (build/fuzz/$t.log, build/fuzz/crash-*)"
		tail -n 30 build/fuzz/$t.log
	fi
	rm -rf "$corpus"
done
