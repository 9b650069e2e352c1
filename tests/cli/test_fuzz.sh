# test_fuzz.sh — a short libFuzzer run of every fuzz target (tests/fuzz/run.sh
# lists them; make fuzz runs them longer).
FUZZ_TIME=${FUZZ_TIME:-10} sh tests/fuzz/run.sh
