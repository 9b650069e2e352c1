/* fuzz.h — what the libFuzzer targets in tests/fuzz share. */
#ifndef CXTOP_FUZZ_H
#define CXTOP_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property that must hold: a trap, which libFuzzer keeps as a crash. */
#define CHECK(x) \
	do { \
		if (!(x)) \
			__builtin_trap(); \
	} while (0)

#endif
