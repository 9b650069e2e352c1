/* sla.h — service-level targets and where a ticket stands against them.
 *
 * Part of src/model: pure.  A policy gives targets for the first reply and
 * for the resolution, counted in business time (the team's schedule) or
 * on the clock; a ticket is measured against the first policy that
 * matches its priority and channel.  As of an instant (a period's end), a
 * target is met, breached (and by how much), or still running (and how
 * much is left) when the ticket has not got there yet. */
#ifndef CXTOP_SLA_H
#define CXTOP_SLA_H

#include <stdbool.h>
#include <stdint.h>

#include "cxtop/business_time.h"

/* Priorities and channels as bits, for a policy's matches. */
enum { CX_PRIO_LOW, CX_PRIO_NORMAL, CX_PRIO_HIGH, CX_PRIO_URGENT, CX_PRIO_COUNT };
extern const char *const cx_priority_names[CX_PRIO_COUNT]; /* "low" .. "urgent" */
/* The channels in the order a policy's channel bits and cxtop's facts
 * number them. */
enum { CX_CHANNEL_COUNT = 5 };
extern const char *const cx_channel_names[CX_CHANNEL_COUNT]; /* "email" .. "sms" */

typedef struct cx_sla_policy {
	char *name;
	unsigned priorities; /* bit per CX_PRIO_*; 0: any */
	unsigned channels;   /* bit per channel (email, chat, phone, social, sms); 0: any */
	int64_t first_reply; /* seconds; 0: no target */
	int64_t resolution;  /* seconds; 0: no target */
	int64_t next_reply;  /* seconds for each next reply; 0: no target */
	bool business;       /* counted in business time, else on the clock */
} cx_sla_policy;

enum cx_sla_state {
	CX_SLA_NONE,     /* no target */
	CX_SLA_MET,      /* reached within the target */
	CX_SLA_BREACHED, /* reached late, or not reached and already past it */
	CX_SLA_RUNNING,  /* not reached yet, still within the target */
};

typedef struct cx_sla_result {
	enum cx_sla_state state;
	int64_t elapsed; /* seconds counted from the start to the end or as_of */
	int64_t margin;  /* MET, RUNNING: seconds to spare; BREACHED: seconds over */
} cx_sla_result;

/* The first of n policies matching priority (CX_PRIO_*, -1: none) and
 * channel (its index among email, chat, phone, social, sms; -1: none), or
 * NULL.  A policy that names priorities does not match a ticket without
 * one. */
const cx_sla_policy *cx_sla_match(const cx_sla_policy *p, size_t n, int priority, int channel);

/* One target: from start to reached (-1: not yet), as of as_of.  A reach
 * after as_of is not yet known at as_of.  s and z are used when business
 * is true. */
cx_sla_result cx_sla_measure(int64_t target, bool business, const cx_schedule *s, const cx_zone *z, int64_t start,
			     int64_t reached, int64_t as_of);

#endif
