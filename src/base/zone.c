/* zone.c — a zone's offsets from libc (zone.h).
 *
 * libc knows a zone's rules but gives them only as "the offset at this
 * instant".  The range is walked in steps of six hours; where the offset
 * differs between two steps, the change is found to the second by halving.
 * Real zones change offset at most a few times a year, never twice within
 * six hours, so no change is missed.
 */
#include "cxtop/zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cxtop/xalloc.h"

#define STEP (6 * 3600)
#define MARGIN (3 * 86400) /* around the range: a day's intervals are found from its neighbours */

bool cx_zone_known(const char *zone)
{
	if (!zone || !*zone || strstr(zone, ".."))
		return false;
	if (strcmp(zone, "UTC") == 0)
		return true;
	char path[1024];
	if (zone[0] == '/') {
		snprintf(path, sizeof path, "%s", zone);
	} else {
		const char *dir = getenv("TZDIR");
		if (!dir || !*dir)
			dir = "/usr/share/zoneinfo";
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, zone) >= sizeof path)
			return false;
	}
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int32_t offset_at(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

int cx_zone_load(const char *zone, int64_t from, int64_t to, cx_zone_span **spans, size_t *n, cx_error *err)
{
	*spans = NULL;
	*n = 0;
	if (!cx_zone_known(zone))
		return cx_fail(err, CX_EXIT_RUNTIME, "unknown time zone '%s'", zone ? zone : "");
	const char *old = getenv("TZ");
	char *saved = old ? cx_xstrdup(old) : NULL;
	/* "UTC0" is UTC by POSIX rules even without a zone file. */
	setenv("TZ", strcmp(zone, "UTC") == 0 ? "UTC0" : zone, 1);
	tzset();

	size_t cap = 8;
	cx_zone_span *v = cx_xcalloc(cap, sizeof *v);
	int64_t t = from - MARGIN, end = (to > from ? to : from) + MARGIN;
	v[0] = (cx_zone_span){.from = t, .offset = offset_at(t)};
	size_t k = 1;
	while (t < end) {
		int64_t next = t + STEP < end ? t + STEP : end;
		int32_t was = offset_at(t), now = offset_at(next);
		if (now != was) {
			/* The first second of the new offset, in (t, next]. */
			int64_t lo = t, hi = next;
			while (hi - lo > 1) {
				int64_t mid = lo + (hi - lo) / 2;
				if (offset_at(mid) == was)
					lo = mid;
				else
					hi = mid;
			}
			if (k == cap) {
				cap *= 2;
				v = cx_xreallocarray(v, cap, sizeof *v);
			}
			v[k++] = (cx_zone_span){.from = hi, .offset = now};
		}
		t = next;
	}
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	*spans = v;
	*n = k;
	return 0;
}
