/* fuzz_scoring.c — libFuzzer target for scoring rules
 * (src/config/scoring.c): any bytes give either a rule set or one line of
 * error that names the file; no crash, leak or undefined behaviour. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cxtop/scoring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static cx_scoring s; /* large: kept off the stack */
	cx_error err = {0};
	if (cx_scoring_load_mem("scoring.yaml", (const char *)data, size, &s, &err) != 0 &&
	    (!strstr(err.msg, "scoring.yaml") || strchr(err.msg, '\n') || err.status != CX_EXIT_RUNTIME))
		abort();
	return 0;
}
