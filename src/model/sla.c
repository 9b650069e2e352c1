/* sla.c — where a ticket stands against a service-level target (sla.h).
 *
 * "Met" is decided by the time counted up to the reply or the resolution;
 * a ticket still waiting at as_of is breached as soon as its time counted
 * so far is past the target (it cannot come back), and running until
 * then.  A reply that came after as_of was not there at as_of: a report
 * for a past month says what was true at its end.
 */
#include "cxtop/sla.h"

#include <stddef.h>

const char *const cx_priority_names[CX_PRIO_COUNT] = {"low", "normal", "high", "urgent"};
const char *const cx_channel_names[CX_CHANNEL_COUNT] = {"email", "chat", "phone", "social", "sms"};

const cx_sla_policy *cx_sla_match(const cx_sla_policy *p, size_t n, int priority, int channel)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i].priorities && (priority < 0 || !(p[i].priorities & (1u << priority))))
			continue;
		if (p[i].channels && (channel < 0 || !(p[i].channels & (1u << channel))))
			continue;
		return &p[i];
	}
	return NULL;
}

cx_sla_result cx_sla_measure(int64_t target, bool business, const cx_schedule *s, const cx_zone *z, int64_t start,
			     int64_t reached, int64_t as_of)
{
	cx_sla_result r = {.state = CX_SLA_NONE};
	if (target <= 0)
		return r;
	bool done = reached >= 0 && reached <= as_of;
	int64_t end = done ? reached : as_of;
	if (end < start)
		end = start;
	r.elapsed = business ? cx_business_seconds(s, z, start, end) : end - start;
	if (r.elapsed > target) {
		r.state = CX_SLA_BREACHED;
		r.margin = r.elapsed - target;
	} else {
		r.state = done ? CX_SLA_MET : CX_SLA_RUNNING;
		r.margin = target - r.elapsed;
	}
	return r;
}
