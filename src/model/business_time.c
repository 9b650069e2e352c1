/* business_time.c — seconds within working hours (business_time.h).
 *
 * Each local day the span touches is taken in turn, and for each of its
 * weekday's intervals, the instants whose wall clock shows a time inside
 * it: one UTC range per offset the zone has that day.  Working from the
 * wall clock (not by adding hours to midnight) is what makes a DST change
 * inside working hours count as the clock shows it: the hour a clock
 * skips is never worked, the hour it repeats is worked twice.  A span of n days costs n
 * times the intervals of a day: a ticket open for two years, about 5,000
 * steps.
 */
#include "cxtop/business_time.h"

#include <stdlib.h>

#define DAY 86400
#define MAX_OFFSET (26 * 3600) /* no zone is further than this from UTC */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The span in force at t: the last whose start is at or before t (the
 * first for anything earlier). */
static size_t span_at(const cx_zone *z, int64_t t)
{
	size_t lo = 0, hi = z->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->spans[mid].from <= t)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

int32_t cx_zone_offset_at(const cx_zone *z, int64_t t)
{
	return z->spans[span_at(z, t)].offset;
}

int32_t cx_zone_day(const cx_zone *z, int64_t t)
{
	return (int32_t)floor_div(t + cx_zone_offset_at(z, t), DAY);
}

static bool holiday(const cx_schedule *s, int32_t day)
{
	size_t lo = 0, hi = s->nholidays;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->holidays[mid] == day)
			return true;
		if (s->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* 0 Monday .. 6 Sunday; day 0 (1970-01-01) was a Thursday. */
static int weekday(int32_t day)
{
	return (int)(((day % 7) + 7 + 3) % 7);
}

/* Seconds of [from, to) whose wall clock on local day `d` (midnight
 * `mid`, in local seconds) lies in [a, b): in each span of the zone, the
 * instants showing those times form one UTC range.  Summing over spans
 * counts an hour the clock repeats twice and an hour it skips never. */
static int64_t worked_in(const cx_zone *z, int64_t mid, int32_t a, int32_t b, int64_t from, int64_t to)
{
	int64_t total = 0;
	for (size_t i = span_at(z, mid + a - MAX_OFFSET); i < z->n; i++) {
		const cx_zone_span *sp = &z->spans[i];
		int64_t start = i == 0 ? INT64_MIN / 2 : sp->from;
		int64_t end = i + 1 < z->n ? z->spans[i + 1].from : INT64_MAX / 2;
		if (start > mid + b + MAX_OFFSET)
			break;
		int64_t lo = mid + a - sp->offset, hi = mid + b - sp->offset;
		if (lo < start)
			lo = start;
		if (lo < from)
			lo = from;
		if (hi > end)
			hi = end;
		if (hi > to)
			hi = to;
		if (hi > lo)
			total += hi - lo;
	}
	return total;
}

int64_t cx_business_seconds(const cx_schedule *s, const cx_zone *z, int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	/* An interval may end at the next midnight, and a zone may be a day
	 * away from UTC: one day more on each side is enough. */
	int32_t first = cx_zone_day(z, from) - 1, last = cx_zone_day(z, to) + 1;
	int64_t total = 0;
	for (int32_t d = first; d <= last; d++) {
		if (holiday(s, d))
			continue;
		int w = weekday(d);
		for (int k = 0; k < s->nhours[w]; k++)
			total += worked_in(z, (int64_t)d * DAY, s->hours[w][k].from, s->hours[w][k].to, from, to);
	}
	return total;
}

int64_t cx_schedule_week_seconds(const cx_schedule *s)
{
	int64_t total = 0;
	for (int w = 0; w < 7; w++)
		for (int k = 0; k < s->nhours[w]; k++)
			total += s->hours[w][k].to - s->hours[w][k].from;
	return total;
}

const char *cx_schedule_problem(const cx_schedule *s)
{
	for (int w = 0; w < 7; w++) {
		if (s->nhours[w] < 0 || s->nhours[w] > CX_SCHED_MAX_INTERVALS)
			return "too many intervals in a day";
		for (int k = 0; k < s->nhours[w]; k++) {
			int32_t a = s->hours[w][k].from, b = s->hours[w][k].to;
			if (a < 0 || b > DAY || a >= b)
				return "an interval must start before it ends, within the day (00:00-24:00)";
			if (k > 0 && a < s->hours[w][k - 1].to)
				return "intervals must be in order and must not overlap";
		}
	}
	for (size_t i = 1; i < s->nholidays; i++)
		if (s->holidays[i] <= s->holidays[i - 1])
			return "holidays must be sorted, each once";
	return NULL;
}
