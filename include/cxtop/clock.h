/* clock.h — how long a ticket took, counted the way a manager asked:
 * in the working hours of the team that handled it, or on the clock; and
 * where it stands against the SLA policy that applies to it.
 *
 * Part of src/model: pure.  A clock is a set of schedules and SLA
 * policies (schedule_set.h) with each schedule's zone given as offsets
 * (the store fills them from src/base/zone.c) and each agent's schedule,
 * through the agent's team.  A ticket of an agent whose team no schedule
 * names, with no default schedule, is counted on the clock (every hour
 * counts); so is an unassigned ticket when there is no default. */
#ifndef CXTOP_CLOCK_H
#define CXTOP_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/business_time.h"
#include "cxtop/schedule_set.h"
#include "cxtop/sla.h"

typedef struct cx_clock_agent {
	int64_t agent_id;
	int schedule; /* index into set.v; -1: none (on the clock) */
} cx_clock_agent;

typedef struct cx_clock {
	cx_schedules set;     /* owned */
	cx_zone *zones;       /* per schedule (spans owned) */
	cx_clock_agent *agents; /* sorted by agent_id once ready */
	size_t nagents, cap;
	int unassigned;       /* the default schedule's index, or -1 */
} cx_clock;

/* Takes set over (zeroing the caller's); zones are given next. */
void cx_clock_init(cx_clock *c, cx_schedules *set);
/* Schedule i's zone: spans (malloc'd; the clock frees them). */
void cx_clock_set_zone(cx_clock *c, size_t i, cx_zone_span *spans, size_t n);
/* Agent agent_id works in team (NULL: none). */
void cx_clock_add_agent(cx_clock *c, int64_t agent_id, const char *team);
/* After the last agent: ready for lookups. */
void cx_clock_ready(cx_clock *c);
void cx_clock_free(cx_clock *c);

/* The schedule an agent's tickets are counted in (0: unassigned), or NULL
 * for the clock. */
const cx_named_schedule *cx_clock_schedule(const cx_clock *c, int64_t agent_id, const cx_zone **zone);

/* Seconds of [from, to) counted for a ticket of agent_id: its schedule's
 * working time, or to - from when it has none (0 when to <= from). */
int64_t cx_clock_business(const cx_clock *c, int64_t agent_id, int64_t from, int64_t to);

/* A ticket as the SLA sees it. */
typedef struct cx_sla_ticket {
	int64_t id;             /* 0 when not known */
	int64_t agent_id;       /* 0: unassigned */
	int channel;            /* 0 email .. 4 sms */
	int priority;           /* CX_PRIO_*, -1: none set */
	int64_t created_at;
	int64_t first_reply_at; /* -1: not yet */
	int64_t resolved_at;    /* -1: not yet */
	/* From the timeline as of the SLA's instant (cxtop/waits.h); -1 when
	 * none: the longest next reply on the clock and in the agent's
	 * schedule's hours, and a customer message still waiting for one. */
	int64_t next_reply, next_reply_b, awaiting_since;
} cx_sla_ticket;

/* The first reply's and the resolution's standing as of as_of, under the
 * policy that applies (returned; NULL when none does, and both results
 * are CX_SLA_NONE). */
const cx_sla_policy *cx_clock_sla(const cx_clock *c, const cx_sla_ticket *t, int64_t as_of, cx_sla_result *first,
				  cx_sla_result *resolution);

/* The next replies' standing under policy p as of as_of: breached when the
 * longest next reply, or a message still waiting, went past the target (by
 * the worse of the two); running while a message waits within it (time
 * left for that message); met when every next reply came within it; none
 * when p sets no next-reply target or the ticket had no next reply due. */
cx_sla_result cx_clock_sla_next(const cx_clock *c, const cx_sla_ticket *t, const cx_sla_policy *p, int64_t as_of);

#endif
