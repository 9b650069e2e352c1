/* clock.c — business time and SLA standing per agent (clock.h). */
#include "cxtop/clock.h"

#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"

void cx_clock_init(cx_clock *c, cx_schedules *set)
{
	memset(c, 0, sizeof *c);
	c->set = *set;
	memset(set, 0, sizeof *set);
	c->zones = cx_xcalloc(c->set.n ? c->set.n : 1, sizeof *c->zones);
	c->unassigned = -1;
	for (size_t i = 0; i < c->set.n; i++)
		if (c->set.v[i].is_default)
			c->unassigned = (int)i;
}

void cx_clock_set_zone(cx_clock *c, size_t i, cx_zone_span *spans, size_t n)
{
	if (i >= c->set.n) {
		free(spans);
		return;
	}
	free((void *)c->zones[i].spans);
	c->zones[i].spans = spans;
	c->zones[i].n = n;
}

void cx_clock_add_agent(cx_clock *c, int64_t agent_id, const char *team)
{
	const cx_named_schedule *s = cx_schedules_for(&c->set, team);
	if (c->nagents == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->agents = cx_xreallocarray(c->agents, c->cap, sizeof *c->agents);
	}
	c->agents[c->nagents++] = (cx_clock_agent){agent_id, s ? (int)(s - c->set.v) : -1};
}

static int by_agent(const void *x, const void *y)
{
	const cx_clock_agent *a = x, *b = y;
	return (a->agent_id > b->agent_id) - (a->agent_id < b->agent_id);
}

void cx_clock_ready(cx_clock *c)
{
	if (c->nagents > 1)
		qsort(c->agents, c->nagents, sizeof *c->agents, by_agent);
}

void cx_clock_free(cx_clock *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->set.n; i++)
		free((void *)c->zones[i].spans);
	free(c->zones);
	free(c->agents);
	cx_schedules_free(&c->set);
	memset(c, 0, sizeof *c);
}

const cx_named_schedule *cx_clock_schedule(const cx_clock *c, int64_t agent_id, const cx_zone **zone)
{
	int i = c->unassigned;
	if (agent_id != 0) {
		cx_clock_agent key = {agent_id, -1};
		const cx_clock_agent *a = c->nagents ? bsearch(&key, c->agents, c->nagents, sizeof key, by_agent) : NULL;
		/* An agent the clock was not told of (added since) goes by the
		 * default, like an agent of an unnamed team. */
		i = a ? a->schedule : c->unassigned;
	}
	if (i < 0 || !c->zones[i].spans) {
		*zone = NULL;
		return NULL;
	}
	*zone = &c->zones[i];
	return &c->set.v[i];
}

int64_t cx_clock_business(const cx_clock *c, int64_t agent_id, int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	const cx_zone *z;
	const cx_named_schedule *s = cx_clock_schedule(c, agent_id, &z);
	return s ? cx_business_seconds(&s->hours, z, from, to) : to - from;
}

/* One target, in business time only when the policy says so and the
 * ticket has a schedule. */
static cx_sla_result measure(const cx_clock *c, const cx_sla_ticket *t, int64_t target, bool business,
			     int64_t reached, int64_t as_of)
{
	const cx_zone *z = NULL;
	const cx_named_schedule *s = business ? cx_clock_schedule(c, t->agent_id, &z) : NULL;
	return cx_sla_measure(target, s != NULL, s ? &s->hours : NULL, z, t->created_at, reached, as_of);
}

const cx_sla_policy *cx_clock_sla(const cx_clock *c, const cx_sla_ticket *t, int64_t as_of, cx_sla_result *first,
				  cx_sla_result *resolution)
{
	const cx_sla_policy *p = cx_sla_match(c->set.sla, c->set.nsla, t->priority, t->channel);
	*first = *resolution = (cx_sla_result){.state = CX_SLA_NONE};
	if (!p || t->created_at > as_of)
		return p;
	*first = measure(c, t, p->first_reply, p->business, t->first_reply_at, as_of);
	*resolution = measure(c, t, p->resolution, p->business, t->resolved_at, as_of);
	return p;
}

cx_sla_result cx_clock_sla_next(const cx_clock *c, const cx_sla_ticket *t, const cx_sla_policy *p, int64_t as_of)
{
	cx_sla_result r = {.state = CX_SLA_NONE};
	if (!p || p->next_reply <= 0 || t->created_at > as_of)
		return r;
	const cx_zone *z = NULL;
	const cx_named_schedule *s = p->business ? cx_clock_schedule(c, t->agent_id, &z) : NULL;
	int64_t longest = s ? t->next_reply_b : t->next_reply, waiting = -1;
	if (t->awaiting_since >= 0 && t->awaiting_since <= as_of)
		waiting = s ? cx_business_seconds(&s->hours, z, t->awaiting_since, as_of) : as_of - t->awaiting_since;
	if (longest < 0 && waiting < 0)
		return r;
	int64_t worst = longest > waiting ? longest : waiting;
	r.elapsed = worst;
	if (worst > p->next_reply) {
		r.state = CX_SLA_BREACHED;
		r.margin = worst - p->next_reply;
	} else if (waiting >= 0) {
		r.state = CX_SLA_RUNNING;
		r.margin = p->next_reply - waiting;
	} else {
		r.state = CX_SLA_MET;
		r.margin = p->next_reply - longest;
	}
	return r;
}
