/* fuzz_config.c — libFuzzer target for the config file
 * (src/config/config.c): any bytes give either settings inside their
 * bounds or one line of error that names the file, with the defaults left
 * in place; no crash, leak or undefined behaviour. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cxtop/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cx_config c;
	cx_error err = {0};
	if (cx_config_load_mem("config.yaml", (const char *)data, size, &c, &err) == 0) {
		if (!memchr(c.db, '\0', sizeof c.db) || !memchr(c.theme, '\0', sizeof c.theme) ||
		    (c.has_db && !c.db[0]) || c.refresh_ms <= 0)
			abort();
	} else if (!strstr(err.msg, "config.yaml") || strchr(err.msg, '\n') || c.has_db || c.has_theme ||
		   c.refresh_ms != 500) {
		abort();
	}
	return 0;
}
