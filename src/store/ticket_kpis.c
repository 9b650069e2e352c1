/* ticket_kpis.c — ticket KPIs per group, from one pass over the facts of
 * the tickets created in the period and one over those resolved in it
 * (ticket_facts.c).  Counts are summed per group as the facts go by; the
 * durations of each group give its median and p90 exactly, in bounded
 * memory (durations.c: kept and selected, or binned and read twice when a
 * period holds more than KEEP_MAX tickets of a kind).
 *
 * The rows come out in the order SQL's GROUP BY gave them before the
 * rollups (the groups of created tickets by key, then those only seen
 * among resolved ones), so every report reads as it did. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "durations.h"
#include "keymap.h"
#include "rollup.h"
#include "ticket_facts.h"

struct group {
	int64_t key_int;
	char *key; /* whole, however long */
	bool created_pass;
	bool int_key; /* ordered by key_int, else by key */
	cx_ticket_raw raw;
	cx_durations frt, res, first_res, req_wait, agent_wait, next_reply;
};

struct acc {
	cx_store *st;
	enum cx_ticket_group mode;
	bool created_pass;
	bool binned; /* too many tickets to keep: medians in two passes */
	struct group *g;
	size_t n, cap;
	int small[8];      /* channel or complexity -> group */
	cx_keymap by_key;  /* agent id, topic or team -> group */
	cx_keymap teams;   /* agent id -> index into team_names */
	char **team_names;
	size_t nteams;
	cx_keymap by_agent; /* agent id -> group, for AGENT_TEAM */
};

static int new_group(struct acc *a, int64_t key_int, const char *text)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->g = cx_xreallocarray(a->g, a->cap, sizeof *a->g);
	}
	struct group *g = &a->g[a->n];
	memset(g, 0, sizeof *g);
	char buf[32];
	if (!text) {
		snprintf(buf, sizeof buf, "%lld", (long long)key_int);
		text = buf;
	}
	g->key = cx_xstrdup(text);
	g->key_int = key_int;
	g->created_pass = a->created_pass;
	cx_durations_init(&g->frt, a->binned);
	cx_durations_init(&g->res, a->binned);
	cx_durations_init(&g->first_res, a->binned);
	cx_durations_init(&g->req_wait, a->binned);
	cx_durations_init(&g->agent_wait, a->binned);
	cx_durations_init(&g->next_reply, a->binned);
	g->int_key = a->mode == CX_GROUP_TEAM || a->mode == CX_GROUP_AGENT || a->mode == CX_GROUP_COMPLEXITY;
	return (int)a->n++;
}

/* Agents' teams, for grouping by team: the few hundred agents, once. */
static int load_teams(struct acc *a, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(a->st, "SELECT id, coalesce(team, '') FROM agents", &s, err) < 0)
		return -1;
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->team_names = cx_q_grow(a->team_names, &cap, a->nteams, sizeof *a->team_names);
		a->team_names[a->nteams] = cx_xstrdup((const char *)sqlite3_column_text(s, 1));
		*cx_keymap_at(&a->teams, sqlite3_column_int64(s, 0), NULL) = (int)a->nteams++;
	}
	return cx_q_done(a->st, s, rc, err);
}

static struct group *group_of(struct acc *a, const cx_fact *f)
{
	int *slot;
	switch (a->mode) {
	case CX_GROUP_TEAM:
		return &a->g[0];
	case CX_GROUP_CHANNEL:
		slot = &a->small[f->channel];
		if (*slot < 0)
			*slot = new_group(a, 0, cx_fact_channel_names[f->channel]);
		return &a->g[*slot];
	case CX_GROUP_COMPLEXITY:
		slot = &a->small[f->complexity & 7];
		if (*slot < 0)
			*slot = new_group(a, f->complexity, NULL);
		return &a->g[*slot];
	case CX_GROUP_AGENT:
		slot = cx_keymap_at(&a->by_key, f->agent_id, NULL);
		if (*slot < 0)
			*slot = new_group(a, f->agent_id, NULL);
		return &a->g[*slot];
	case CX_GROUP_TOPIC:
		slot = cx_keymap_at(&a->by_key, 0, f->topic);
		if (*slot < 0)
			*slot = new_group(a, strtoll(f->topic, NULL, 10), f->topic);
		return &a->g[*slot];
	case CX_GROUP_AGENT_TEAM:
	default:
		slot = cx_keymap_at(&a->by_agent, f->agent_id, NULL);
		if (*slot < 0) {
			int *t = cx_keymap_at(&a->teams, f->agent_id, NULL);
			const char *team = *t >= 0 ? a->team_names[*t] : "";
			int *g = cx_keymap_at(&a->by_key, 0, team);
			if (*g < 0)
				*g = new_group(a, strtoll(team, NULL, 10), team);
			/* Both pointers may move as the maps grow: store via a fresh look. */
			int gi = *g;
			*cx_keymap_at(&a->by_agent, f->agent_id, NULL) = gi;
			return &a->g[gi];
		}
		return &a->g[*slot];
	}
}

static void visit_created(const cx_fact *f, void *ctx)
{
	struct group *g = group_of(ctx, f);
	g->raw.created++;
	if (f->frt < 0)
		g->raw.unanswered++;
	else
		cx_durations_add(&g->frt, f->frt);
	g->raw.unresolved += f->resolution < 0;
}

static void visit_resolved(const cx_fact *f, void *ctx)
{
	struct group *g = group_of(ctx, f);
	g->raw.solved++;
	g->raw.one_touch += f->replies == 1;
	g->raw.reopened += f->reopened > 0;
	if (f->csat >= 0) {
		g->raw.rated++;
		g->raw.satisfied += f->csat >= 7;
		if (f->nps_scale) {
			g->raw.nps_rated++;
			g->raw.promoters += f->csat >= 9;
			g->raw.detractors += f->csat <= 6;
		}
	}
	cx_durations_add(&g->res, f->resolution);
	if (f->first_resolution >= 0)
		cx_durations_add(&g->first_res, f->first_resolution);
	if (f->req_wait >= 0)
		cx_durations_add(&g->req_wait, f->req_wait);
	if (f->agent_wait >= 0)
		cx_durations_add(&g->agent_wait, f->agent_wait);
	if (f->next_reply >= 0)
		cx_durations_add(&g->next_reply, f->next_reply);
}

static int by_key(const void *x, const void *y)
{
	const struct group *a = x, *b = y;
	if (a->created_pass != b->created_pass)
		return a->created_pass ? -1 : 1;
	if (a->int_key)
		return (a->key_int > b->key_int) - (a->key_int < b->key_int);
	return strcmp(a->key, b->key);
}

static void acc_free(struct acc *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->g[i].key);
		cx_durations_free(&a->g[i].frt);
		cx_durations_free(&a->g[i].res);
		cx_durations_free(&a->g[i].first_res);
		cx_durations_free(&a->g[i].req_wait);
		cx_durations_free(&a->g[i].agent_wait);
		cx_durations_free(&a->g[i].next_reply);
	}
	free(a->g);
	for (size_t i = 0; i < a->nteams; i++)
		free(a->team_names[i]);
	free(a->team_names);
	cx_keymap_free(&a->by_key);
	cx_keymap_free(&a->teams);
	cx_keymap_free(&a->by_agent);
}

/* Kept values for up to this many tickets of a kind: a quarter of a
 * million-ticket year.  Each is up to three values of 4 bytes in each
 * grouping, and the dashboard groups twice (team, channels): about 11 MB
 * at most, where keeping a year's (a million) took 36 MB of peak RSS
 * together with the rest.  Longer periods are binned and read twice. */
#ifndef KEEP_MAX
#define KEEP_MAX 300000
#endif

/* ---- the second pass of binned medians ------------------------------------ */

static void again_created(const cx_fact *f, void *ctx)
{
	if (f->frt >= 0)
		cx_durations_again(&group_of(ctx, f)->frt, f->frt);
}

static void again_resolved(const cx_fact *f, void *ctx)
{
	struct group *g = group_of(ctx, f);
	cx_durations_again(&g->res, f->resolution);
	if (f->first_resolution >= 0)
		cx_durations_again(&g->first_res, f->first_resolution);
	if (f->req_wait >= 0)
		cx_durations_again(&g->req_wait, f->req_wait);
	if (f->agent_wait >= 0)
		cx_durations_again(&g->agent_wait, f->agent_wait);
	if (f->next_reply >= 0)
		cx_durations_again(&g->next_reply, f->next_reply);
}

/* Plans every group's bins; true when a second pass is needed. */
static bool plan(struct acc *a)
{
	bool again = false;
	for (size_t i = 0; i < a->n; i++) {
		again |= cx_durations_plan(&a->g[i].frt);
		again |= cx_durations_plan(&a->g[i].res);
		again |= cx_durations_plan(&a->g[i].first_res);
		again |= cx_durations_plan(&a->g[i].req_wait);
		again |= cx_durations_plan(&a->g[i].agent_wait);
		again |= cx_durations_plan(&a->g[i].next_reply);
	}
	return again;
}

static int acc_init(struct acc *a, cx_store *st, const cx_period *p, enum cx_ticket_group group, cx_error *err)
{
	memset(a, 0, sizeof *a);
	a->st = st;
	a->mode = group;
	a->created_pass = true;
	a->binned = cx_facts_estimate(st, CX_FACT_CREATED, p->start, p->end) > KEEP_MAX ||
		    cx_facts_estimate(st, CX_FACT_RESOLVED, p->start, p->end) > KEEP_MAX;
	for (size_t i = 0; i < sizeof a->small / sizeof a->small[0]; i++)
		a->small[i] = -1;
	if (group == CX_GROUP_TEAM) /* the team always has its one row, even in an empty period */
		new_group(a, 0, NULL);
	return group == CX_GROUP_AGENT_TEAM ? load_teams(a, err) : 0;
}

/* The groups in their order, with their medians; frees the accumulator. */
static void acc_finish(struct acc *a, cx_ticket_group_row **rows, size_t *n)
{
	if (a->n > 1)
		qsort(a->g, a->n, sizeof *a->g, by_key);
	cx_ticket_group_row *out = cx_xcalloc(a->n ? a->n : 1, sizeof *out);
	for (size_t i = 0; i < a->n; i++) {
		struct group *g = &a->g[i];
		out[i].key_int = g->key_int;
		snprintf(out[i].key, sizeof out[i].key, "%s", g->key);
		out[i].raw = g->raw;
		out[i].raw.frt = cx_durations_dist(&g->frt);
		out[i].raw.resolution = cx_durations_dist(&g->res);
		out[i].raw.first_resolution = cx_durations_dist(&g->first_res);
		out[i].raw.requester_wait = cx_durations_dist(&g->req_wait);
		out[i].raw.agent_wait = cx_durations_dist(&g->agent_wait);
		out[i].raw.next_reply = cx_durations_dist(&g->next_reply);
	}
	*rows = out;
	*n = a->n;
	acc_free(a);
}

int cx_store_ticket_kpis(cx_store *st, const cx_period *p, enum cx_ticket_group group, cx_ticket_group_row **rows,
			 size_t *n, cx_error *err)
{
	struct acc a;
	if (acc_init(&a, st, p, group, err) < 0 ||
	    cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, visit_created, &a, err) < 0) {
		acc_free(&a);
		return -1;
	}
	a.created_pass = false;
	if (cx_facts_scan(st, CX_FACT_RESOLVED, p->start, p->end, visit_resolved, &a, err) < 0 ||
	    (plan(&a) && (cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, again_created, &a, err) < 0 ||
			  cx_facts_scan(st, CX_FACT_RESOLVED, p->start, p->end, again_resolved, &a, err) < 0))) {
		acc_free(&a);
		return -1;
	}
	acc_finish(&a, rows, n);
	return 0;
}

int cx_facts_created_kpis(cx_store *st, const cx_period *p, enum cx_ticket_group group, cx_ticket_group_row **rows,
			  size_t *n, cx_error *err)
{
	struct acc a;
	if (acc_init(&a, st, p, group, err) < 0 ||
	    cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, visit_created, &a, err) < 0 ||
	    (plan(&a) && cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, again_created, &a, err) < 0)) {
		acc_free(&a);
		return -1;
	}
	acc_finish(&a, rows, n);
	return 0;
}

/* ---- the dashboard's ticket panels, one pass a kind ------------------------ */

/* The passes run on the clock: the board's events judge durations
 * themselves, and the KPIs take them in business time when the store
 * counts so (convert). */
struct overview {
	struct acc team, channels, agents;
	bool want_agents;
	const cx_period *p;
	int64_t *daily;
	int ndaily;
	cx_day_cache days;
	int64_t complaints;
	const cx_clock *convert; /* NULL: on the clock */
	const struct cx_overview_also *also;
};

static const cx_fact *converted(struct overview *o, enum cx_fact_kind kind, const cx_fact *f, cx_fact *buf)
{
	if (!o->convert)
		return f;
	cx_fact_business(o->convert, kind, f, buf);
	return buf;
}

static void overview_created(const cx_fact *f, void *ctx)
{
	struct overview *o = ctx;
	cx_fact buf;
	const cx_fact *g = converted(o, CX_FACT_CREATED, f, &buf);
	visit_created(g, &o->team);
	visit_created(g, &o->channels);
	if (o->want_agents)
		visit_created(g, &o->agents);
	int32_t d = cx_fact_local_day(&o->days, f->at) - o->p->from_day;
	if (d >= 0 && d < o->ndaily)
		o->daily[d]++;
}

static void overview_resolved(const cx_fact *f, void *ctx)
{
	struct overview *o = ctx;
	if (o->also && o->also->solved)
		o->also->solved(f, o->also->ctx);
	cx_fact buf;
	const cx_fact *g = converted(o, CX_FACT_RESOLVED, f, &buf);
	visit_resolved(g, &o->team);
	visit_resolved(g, &o->channels);
	o->complaints += f->csat >= 0 && f->csat <= 6;
}

static void overview_again_created(const cx_fact *f, void *ctx)
{
	struct overview *o = ctx;
	cx_fact buf;
	const cx_fact *g = converted(o, CX_FACT_CREATED, f, &buf);
	again_created(g, &o->team);
	again_created(g, &o->channels);
	if (o->want_agents)
		again_created(g, &o->agents);
}

static void overview_again_resolved(const cx_fact *f, void *ctx)
{
	struct overview *o = ctx;
	cx_fact buf;
	const cx_fact *g = converted(o, CX_FACT_RESOLVED, f, &buf);
	again_resolved(g, &o->team);
	again_resolved(g, &o->channels);
}

static int overview_passes(cx_store *st, struct overview *o, cx_error *err)
{
	const cx_period *p = o->p;
	if (cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, overview_created, o, err) < 0)
		return -1;
	o->team.created_pass = o->channels.created_pass = o->agents.created_pass = false;
	if (cx_facts_scan(st, CX_FACT_RESOLVED, p->start, p->end, overview_resolved, o, err) < 0)
		return -1;
	/* Only the created tickets' agents are kept: their resolved pass is
	 * not theirs to plan. */
	bool again = plan(&o->team) | plan(&o->channels) | (o->want_agents && plan(&o->agents));
	if (again && (cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, overview_again_created, o, err) < 0 ||
		      cx_facts_scan(st, CX_FACT_RESOLVED, p->start, p->end, overview_again_resolved, o, err) < 0))
		return -1;
	return 0;
}

int cx_facts_overview(cx_store *st, const cx_period *p, int64_t *daily, int ndaily, cx_ticket_overview *out,
		      const struct cx_overview_also *also, cx_error *err)
{
	struct overview o = {.p = p, .daily = daily, .ndaily = ndaily, .also = also};
	o.want_agents = also && also->agents;
	memset(out, 0, sizeof *out);
	for (int i = 0; i < ndaily; i++)
		daily[i] = 0;
	/* Written hours packed first, and the clock held as it is through
	 * the passes (the conversion keeps a pointer to it). */
	cx_rollup_refresh_if_idle(st);
	bool business = cx_store_business_hours(st);
	if (business && cx_store_clock(st, &o.convert, err) < 0)
		return -1;
	bool pinned = st->clock_pinned;
	st->clock_pinned = true;
	acc_init(&o.team, st, p, CX_GROUP_TEAM, err);
	acc_init(&o.channels, st, p, CX_GROUP_CHANNEL, err);
	if (o.want_agents)
		acc_init(&o.agents, st, p, CX_GROUP_AGENT, err);
	cx_store_set_hours(st, false);
	int rc = overview_passes(st, &o, err);
	cx_store_set_hours(st, business);
	st->clock_pinned = pinned;
	if (rc < 0) {
		acc_free(&o.team);
		acc_free(&o.channels);
		acc_free(&o.agents);
		return -1;
	}
	cx_ticket_group_row *team;
	size_t n;
	acc_finish(&o.team, &team, &n);
	out->team = team[0].raw;
	free(team);
	acc_finish(&o.channels, &out->channels, &out->nchannels);
	if (o.want_agents)
		acc_finish(&o.agents, also->agents, also->nagents);
	out->complaints = o.complaints;
	return 0;
}

int cx_store_ticket_overview(cx_store *st, const cx_period *p, int64_t *daily, int ndaily, cx_ticket_overview *out,
			     cx_error *err)
{
	return cx_facts_overview(st, p, daily, ndaily, out, NULL, err);
}
