# test_fuzz.sh — a short libFuzzer run of the CSV reader and the mapping
# parser (make fuzz runs them longer).
FUZZ_TIME=${FUZZ_TIME:-10} sh tests/fuzz/run.sh
