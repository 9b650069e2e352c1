/* sla_view.c — the period's tickets against their SLA targets
 * (sla_report.h): one pass over the tickets, each measured by the model
 * (cx_clock_sla), counted per agent, team, channel, priority and policy,
 * with every breach and every running target kept for the lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/sla_report.h"
#include "cxtop/xalloc.h"

const char *const cx_sla_target_names[CX_SLA_TARGETS] = {"first reply", "resolution", "next reply"};

bool cx_sla_met_bp(const cx_sla_counts *c, int target, int64_t *bp)
{
	int64_t decided = c->met[target] + c->breached[target];
	if (decided == 0)
		return false;
	/* Rounded half up, in integers: the same figure in every format. */
	*bp = (c->met[target] * 20000 + decided) / (2 * decided);
	return true;
}

struct gather {
	const cx_clock *clock;
	cx_sla_view *v;
	int64_t as_of;
	cx_agent_row *agents;
	size_t nagents;
	size_t cap_agents, cap_teams, cap_breaches, cap_running;
	/* The period's agents by id, with their row and their team's row
	 * (-1 until first met): a ticket's rows in a binary search instead of
	 * two walks over a few hundred rows. */
	struct slot {
		int64_t id;
		int agent, team;
	} *slots;
	size_t nslots;
};

static int by_slot_id(const void *x, const void *y)
{
	const struct slot *a = x, *b = y;
	return (a->id > b->id) - (a->id < b->id);
}

static cx_sla_group *group(cx_sla_group **arr, size_t *n, size_t *cap, const char *key, int64_t key_int)
{
	for (size_t i = 0; i < *n; i++)
		if ((*arr)[i].key_int == key_int && strcmp((*arr)[i].key, key) == 0)
			return &(*arr)[i];
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*arr = cx_xreallocarray(*arr, *cap, sizeof **arr);
	}
	cx_sla_group *g = &(*arr)[(*n)++];
	memset(g, 0, sizeof *g);
	snprintf(g->key, sizeof g->key, "%s", key);
	g->key_int = key_int;
	return g;
}

static const cx_agent_row *agent_of(const struct gather *g, int64_t agent_id)
{
	for (size_t i = 0; agent_id && i < g->nagents; i++)
		if (g->agents[i].id == agent_id)
			return &g->agents[i];
	return NULL;
}

/* The agent's row, created for an agent the period's list lacks. */
static cx_sla_group *agent_group(struct gather *g, int64_t agent_id)
{
	cx_sla_view *v = g->v;
	for (size_t i = 0; i < v->nagents; i++)
		if (v->agents[i].key_int == agent_id)
			return &v->agents[i];
	const cx_agent_row *a = agent_of(g, agent_id);
	char key[128];
	snprintf(key, sizeof key, "%s", a ? a->name : agent_id ? "?" : "Unassigned");
	cx_sla_group *r = group(&v->agents, &v->nagents, &g->cap_agents, key, agent_id);
	snprintf(r->team, sizeof r->team, "%s", a ? a->team : "");
	return r;
}

static void count(cx_sla_counts *c, int target, const cx_sla_result *r, bool first_target)
{
	if (first_target)
		c->tickets++;
	c->met[target] += r->state == CX_SLA_MET;
	c->breached[target] += r->state == CX_SLA_BREACHED;
	c->running[target] += r->state == CX_SLA_RUNNING;
}

static void keep(cx_sla_item **arr, size_t *n, size_t *cap, const cx_sla_ticket *t, const char *agent, int target,
		 int policy, int64_t goal, int64_t margin)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*arr = cx_xreallocarray(*arr, *cap, sizeof **arr);
	}
	cx_sla_item *it = &(*arr)[(*n)++];
	*it = (cx_sla_item){.ticket_id = t->id, .agent_id = t->agent_id, .target = target, .policy = policy,
			    .priority = t->priority, .channel = t->channel, .created_at = t->created_at, .goal = goal,
			    .margin = margin};
	snprintf(it->agent, sizeof it->agent, "%s", agent);
}

static void visit(const cx_sla_ticket *t, void *ctx)
{
	struct gather *g = ctx;
	cx_sla_view *v = g->v;
	cx_sla_result r[CX_SLA_TARGETS];
	const cx_sla_policy *p = cx_clock_sla(g->clock, t, g->as_of, &r[CX_SLA_FIRST], &r[CX_SLA_RESOLUTION]);
	r[CX_SLA_NEXT] = cx_clock_sla_next(g->clock, t, p, g->as_of);
	if (!p || (r[0].state == CX_SLA_NONE && r[1].state == CX_SLA_NONE && r[2].state == CX_SLA_NONE)) {
		v->untargeted++;
		return;
	}
	int policy = (int)(p - g->clock->set.sla);
	struct slot key = {.id = t->agent_id};
	struct slot *slot = g->nslots ? bsearch(&key, g->slots, g->nslots, sizeof key, by_slot_id) : NULL;
	cx_sla_group *agent = slot ? &v->agents[slot->agent] : agent_group(g, t->agent_id);
	const char *team_name = *agent->team ? agent->team : "Unassigned";
	cx_sla_group *team;
	if (slot && slot->team >= 0) {
		team = &v->teams[slot->team];
	} else {
		team = group(&v->teams, &v->nteams, &g->cap_teams, team_name, 0);
		if (slot)
			slot->team = (int)(team - v->teams);
	}
	cx_sla_counts *cs[] = {
		&v->total,
		&agent->c,
		&team->c,
		&v->channels[t->channel >= 0 && t->channel < CX_CHANNEL_COUNT ? t->channel : 0].c,
		/* Listed urgent first, then "none". */
		&v->priorities[t->priority >= 0 ? CX_PRIO_COUNT - 1 - t->priority : CX_PRIO_COUNT].c,
		&v->policies[policy].c,
	};
	bool first = true;
	for (int k = 0; k < CX_SLA_TARGETS; k++) {
		if (r[k].state == CX_SLA_NONE)
			continue;
		for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++)
			count(cs[i], k, &r[k], first);
		first = false;
		int64_t goal = k == CX_SLA_FIRST ? p->first_reply : k == CX_SLA_NEXT ? p->next_reply : p->resolution;
		if (r[k].state == CX_SLA_BREACHED)
			keep(&v->breaches, &v->nbreaches, &g->cap_breaches, t, t->agent_id ? agent->key : "", k, policy, goal,
			     r[k].margin);
		else if (r[k].state == CX_SLA_RUNNING)
			keep(&v->running, &v->nrunning, &g->cap_running, t, t->agent_id ? agent->key : "", k, policy, goal,
			     r[k].margin);
	}
}

/* Worst first: most over (breaches), least left (running); then by ticket. */
static int by_margin_desc(const void *x, const void *y)
{
	const cx_sla_item *a = x, *b = y;
	if (a->margin != b->margin)
		return a->margin < b->margin ? 1 : -1;
	if (a->ticket_id != b->ticket_id)
		return a->ticket_id < b->ticket_id ? -1 : 1;
	return a->target - b->target;
}

static int by_margin_asc(const void *x, const void *y)
{
	const cx_sla_item *a = x, *b = y;
	if (a->margin != b->margin)
		return a->margin < b->margin ? -1 : 1;
	if (a->ticket_id != b->ticket_id)
		return a->ticket_id < b->ticket_id ? -1 : 1;
	return a->target - b->target;
}

static int by_key(const void *x, const void *y)
{
	return strcmp(((const cx_sla_group *)x)->key, ((const cx_sla_group *)y)->key);
}

int cx_sla_view_load(cx_store *st, const cx_period *p, cx_sla_view *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	const cx_clock *clock;
	if (cx_store_clock(st, &clock, err) < 0)
		return -1;
	int64_t now = (int64_t)time(NULL);
	out->as_of = p->end < now ? p->end : now;
	out->npolicies = clock->set.nsla;
	if (!out->npolicies)
		return 0;
	out->channels = cx_xcalloc(CX_CHANNEL_COUNT, sizeof *out->channels);
	out->nchannels = CX_CHANNEL_COUNT;
	for (int i = 0; i < CX_CHANNEL_COUNT; i++)
		snprintf(out->channels[i].key, sizeof out->channels[i].key, "%s", cx_channel_names[i]);
	out->priorities = cx_xcalloc(CX_PRIO_COUNT + 1, sizeof *out->priorities);
	out->npriorities = CX_PRIO_COUNT + 1;
	for (int i = 0; i <= CX_PRIO_COUNT; i++)
		snprintf(out->priorities[i].key, sizeof out->priorities[i].key, "%s",
			 i < CX_PRIO_COUNT ? cx_priority_names[CX_PRIO_COUNT - 1 - i] : "none");
	out->policies = cx_xcalloc(out->npolicies, sizeof *out->policies);
	out->npolicy_rows = out->npolicies;
	out->policy_names = cx_xcalloc(out->npolicies, sizeof *out->policy_names);
	for (size_t i = 0; i < out->npolicies; i++) {
		snprintf(out->policies[i].key, sizeof out->policies[i].key, "%s", clock->set.sla[i].name);
		snprintf(out->policy_names[i], sizeof out->policy_names[i], "%s", clock->set.sla[i].name);
	}
	struct gather g = {.clock = clock, .v = out, .as_of = out->as_of};
	if (cx_store_agents(st, p, &g.agents, &g.nagents, err) < 0) {
		cx_sla_view_free(out);
		return -1;
	}
	/* One row per agent in the agents report's order (team, name), the
	 * unassigned after them; rows without a ticket are dropped at the end. */
	g.slots = cx_xcalloc(g.nagents ? g.nagents : 1, sizeof *g.slots);
	for (size_t i = 0; i < g.nagents; i++) {
		cx_sla_group *r = agent_group(&g, g.agents[i].id);
		g.slots[g.nslots++] = (struct slot){g.agents[i].id, (int)(r - out->agents), -1};
	}
	if (g.nslots > 1)
		qsort(g.slots, g.nslots, sizeof *g.slots, by_slot_id);
	/* Next replies need each ticket's timeline: read only when a policy
	 * sets a target for them. */
	bool next = false;
	for (size_t i = 0; i < out->npolicies; i++)
		next |= clock->set.sla[i].next_reply > 0;
	int rc = cx_store_sla_tickets(st, p, next, out->as_of, visit, &g, err);
	if (rc == 0) {
		size_t k = 0;
		for (size_t i = 0; i < out->nagents; i++)
			if (out->agents[i].c.tickets)
				out->agents[k++] = out->agents[i];
		out->nagents = k;
		/* qsort(NULL, 0, ...) is undefined: an empty period has no rows. */
		if (out->nteams > 1)
			qsort(out->teams, out->nteams, sizeof *out->teams, by_key);
		if (out->nbreaches > 1)
			qsort(out->breaches, out->nbreaches, sizeof *out->breaches, by_margin_desc);
		if (out->nrunning > 1)
			qsort(out->running, out->nrunning, sizeof *out->running, by_margin_asc);
	}
	free(g.agents);
	free(g.slots);
	if (rc < 0)
		cx_sla_view_free(out);
	return rc;
}

void cx_sla_view_free(cx_sla_view *v)
{
	free(v->agents);
	free(v->teams);
	free(v->channels);
	free(v->priorities);
	free(v->policies);
	free(v->breaches);
	free(v->running);
	free(v->policy_names);
	memset(v, 0, sizeof *v);
}
