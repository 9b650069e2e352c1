/* business_time.h — how much of a span of time fell in a team's working
 * hours: a ticket that arrives on Friday at 18:00 and is answered on
 * Monday at 09:05 waited 5 business minutes, not 63 hours.
 *
 * Part of src/model: pure arithmetic on plain structs, no clock, no files.
 * A schedule is weekly intervals of local wall-clock time plus holidays;
 * the zone that relates wall-clock time to UTC is given as its offsets
 * (cx_zone, filled from the system's time zone data by src/base/zone.c),
 * so that the model itself never reads tzdata.
 *
 * The rule, stated once: an instant counts when its local wall-clock time
 * lies within one of its weekday's intervals and its local day is not a
 * holiday.  So a DST change inside working hours makes that day's hours an
 * hour shorter or longer, as the clock on the office wall says; times are
 * exact to the second.
 */
#ifndef CXTOP_BUSINESS_TIME_H
#define CXTOP_BUSINESS_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CX_SCHED_MAX_INTERVALS 8 /* per weekday */

/* A zone over a range of time: the UTC offset (seconds east) in force from
 * each span's start until the next span's start.  Spans are in time order;
 * the first covers everything before it too, the last everything after. */
typedef struct cx_zone_span {
	int64_t from;   /* UTC unix seconds */
	int32_t offset; /* seconds to add to UTC for local wall-clock time */
} cx_zone_span;

typedef struct cx_zone {
	const cx_zone_span *spans;
	size_t n; /* at least 1 */
} cx_zone;

/* Working hours: per weekday (0 Monday .. 6 Sunday) up to
 * CX_SCHED_MAX_INTERVALS intervals [from, to) in seconds after local
 * midnight (0 .. 86400; to 86400 is the next midnight), in order and not
 * overlapping; holidays as local days (days since 1970-01-01), sorted. */
typedef struct cx_schedule {
	struct {
		int32_t from, to;
	} hours[7][CX_SCHED_MAX_INTERVALS];
	int nhours[7];
	const int32_t *holidays;
	size_t nholidays;
} cx_schedule;

/* The offset in force at UTC instant t. */
int32_t cx_zone_offset_at(const cx_zone *z, int64_t t);

/* The local day (days since 1970-01-01) holding UTC instant t. */
int32_t cx_zone_day(const cx_zone *z, int64_t t);

/* Seconds of [from, to) (UTC) within the schedule's working hours; 0 when
 * to <= from. */
int64_t cx_business_seconds(const cx_schedule *s, const cx_zone *z, int64_t from, int64_t to);

/* Working seconds in a plain week of s (no holidays, no DST change). */
int64_t cx_schedule_week_seconds(const cx_schedule *s);

/* What is wrong with s (intervals out of order, overlapping, outside the
 * day; holidays unsorted), or NULL. */
const char *cx_schedule_problem(const cx_schedule *s);

#endif
