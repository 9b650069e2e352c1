/* zone.h — a named time zone's UTC offsets over a range of time, from the
 * system's time zone data, for the pure arithmetic of business_time.h.
 *
 * Part of src/base: it sets TZ for a moment (cxtop is single-threaded)
 * and reads the offsets libc gives, then puts TZ back. */
#ifndef CXTOP_ZONE_H
#define CXTOP_ZONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/business_time.h"
#include "cxtop/error.h"

/* True when zone names a compiled zone file (under $TZDIR or
 * /usr/share/zoneinfo, no ".."), or is "UTC". */
bool cx_zone_known(const char *zone);

/* The offsets of zone from a little before `from` to a little after `to`
 * (UTC): at least one span, every change of offset in between found to
 * the second.  *spans is the caller's to free.  -1 with err ("unknown time
 * zone 'x'") for a zone cx_zone_known refuses. */
int cx_zone_load(const char *zone, int64_t from, int64_t to, cx_zone_span **spans, size_t *n, cx_error *err);

#endif
