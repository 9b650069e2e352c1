/* sla_report.h — where the period's tickets stand against their SLA
 * targets, gathered once for `cxtop report sla`, the dashboard's SLA line
 * and its drill-down, so that the three can never disagree.
 *
 * The tickets are those created in the period, as the store knew them at
 * its end; each is measured against the first policy that matches it, as
 * of the period's end (or now, for a period that has not ended).  A
 * target's "% met" counts the tickets that reached it in time among those
 * decided: met or breached.  One still running is not decided yet. */
#ifndef CXTOP_SLA_REPORT_H
#define CXTOP_SLA_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/clock.h"
#include "cxtop/period.h"
#include "cxtop/store.h"

enum { CX_SLA_FIRST, CX_SLA_RESOLUTION, CX_SLA_NEXT, CX_SLA_TARGETS };
extern const char *const cx_sla_target_names[CX_SLA_TARGETS]; /* "first reply", "resolution", "next reply" */

typedef struct cx_sla_counts {
	int64_t tickets;                   /* under a policy with at least one target */
	int64_t met[CX_SLA_TARGETS], breached[CX_SLA_TARGETS], running[CX_SLA_TARGETS];
} cx_sla_counts;

/* met * 10000 / (met + breached) in basis points; false when none decided. */
bool cx_sla_met_bp(const cx_sla_counts *c, int target, int64_t *bp);

/* One ticket's standing on one target: a breach, or a target still
 * running. */
typedef struct cx_sla_item {
	int64_t ticket_id, agent_id;
	char agent[128];     /* the agent's name ("" unassigned) */
	int target;          /* CX_SLA_FIRST, CX_SLA_RESOLUTION or CX_SLA_NEXT */
	int policy;          /* index into the clock's policies */
	int priority, channel;
	int64_t created_at;
	int64_t goal;        /* the target, seconds */
	int64_t margin;      /* breached: seconds over; running: seconds left */
} cx_sla_item;

typedef struct cx_sla_group {
	char key[128];       /* agent name ("Unassigned"), team, channel, priority or policy */
	int64_t key_int;     /* agents: the agent's id (0 unassigned) */
	char team[64];       /* agents: the agent's team */
	cx_sla_counts c;
} cx_sla_group;

typedef struct cx_sla_view {
	int64_t as_of;
	size_t npolicies;
	cx_sla_counts total;
	int64_t untargeted;        /* tickets no policy (with a target) covers */
	cx_sla_group *agents, *teams, *channels, *priorities, *policies;
	size_t nagents, nteams, nchannels, npriorities, npolicy_rows;
	cx_sla_item *breaches;     /* every breach, worst (most over) first */
	size_t nbreaches;
	cx_sla_item *running;      /* targets still running, least time left first */
	size_t nrunning;
	char (*policy_names)[64];  /* per policy */
} cx_sla_view;

/* Gathers the view of period p.  A store without SLA policies gives an
 * empty view (npolicies 0). */
int cx_sla_view_load(cx_store *st, const cx_period *p, cx_sla_view *out, cx_error *err);
void cx_sla_view_free(cx_sla_view *v);

#endif
