/* fuzz_theme.c — libFuzzer target for theme files (src/config/theme.c):
 * any bytes give either a theme or one line of error that names the file,
 * with the default theme left in place; no crash, leak or undefined
 * behaviour.  Built and run by `make fuzz` (tests/fuzz/run.sh). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cxtop/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cx_theme t, def;
	cx_error err = {0};
	cx_theme_default(&def);
	if (cx_theme_load_mem("fuzz.yaml", (const char *)data, size, &t, &err) == 0) {
		if (!memchr(t.name, '\0', sizeof t.name))
			abort();
	} else if (!strstr(err.msg, "fuzz.yaml") || strchr(err.msg, '\n') || err.status != CX_EXIT_RUNTIME ||
		   strcmp(t.name, def.name) != 0) {
		abort();
	}
	return 0;
}
