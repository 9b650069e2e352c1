/* fuzz_schedules.c — libFuzzer target for schedules files
 * (src/config/schedules.c): any bytes give either schedules whose hours
 * and holidays hold together, or one line of error that names the file
 * with nothing left allocated; no crash, leak or undefined behaviour. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cxtop/schedules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cx_schedules s;
	cx_error err = {0};
	if (cx_schedules_load_mem("schedules.yaml", (const char *)data, size, &s, &err) == 0) {
		size_t defaults = 0;
		for (size_t i = 0; i < s.n; i++) {
			const cx_named_schedule *n = &s.v[i];
			if (!n->name || (n->nholidays && !n->holidays) || (n->nteams && !n->teams))
				abort();
			for (size_t h = 1; h < n->nholidays; h++)
				if (n->holidays[h - 1] > n->holidays[h]) /* sorted, as promised */
					abort();
			defaults += n->is_default;
		}
		if (defaults > 1 || (s.nsla && !s.sla))
			abort();
		cx_schedules_free(&s);
	} else if (!strstr(err.msg, "schedules.yaml") || strchr(err.msg, '\n') || s.v || s.n || s.sla) {
		abort();
	}
	return 0;
}
