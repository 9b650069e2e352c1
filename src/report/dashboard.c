/* dashboard.c — gathering the dashboard's figures (see dashboard.h). */
#include "cxtop/dashboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Agents ordered by attributed revenue, then by tickets solved, then id. */
static int by_revenue(const void *x, const void *y)
{
	const cx_dash_agent *a = x, *b = y;
	if (a->revenue != b->revenue)
		return a->revenue < b->revenue ? 1 : -1;
	if (a->solved != b->solved)
		return a->solved < b->solved ? 1 : -1;
	return a->id < b->id ? -1 : 1;
}

static int by_volume(const void *x, const void *y)
{
	const cx_ticket_group_row *a = x, *b = y;
	if (a->raw.created != b->raw.created)
		return a->raw.created < b->raw.created ? 1 : -1;
	return strcmp(a->key, b->key);
}

/* Agents by attributed revenue (ties: tickets solved), from the counts the
 * leaderboard already read: no query of its own. */
static void top_agents(cx_dashboard *d, const cx_score_raw *raw, size_t n)
{
	cx_dash_agent *all = calloc(n ? n : 1, sizeof *all);
	if (!all)
		return;
	for (size_t i = 0; i < n; i++) {
		all[i].id = raw[i].agent_id;
		memcpy(all[i].name, raw[i].name, sizeof all[i].name);
		memcpy(all[i].team, raw[i].team, sizeof all[i].team);
		all[i].revenue = raw[i].revenue;
		all[i].solved = raw[i].solved;
	}
	qsort(all, n, sizeof *all, by_revenue);
	d->ntop = n < CX_DASH_TOP ? (int)n : CX_DASH_TOP;
	memcpy(d->top, all, (size_t)d->ntop * sizeof *all);
	free(all);
}

/* The scoring rules in use; a broken file is noted and the defaults apply. */
static void scoring(cx_dashboard *d, cx_scoring *rules)
{
	char path[1024];
	cx_error rerr = {0};
	cx_scoring_default(rules);
	if (cx_scoring_find(path, sizeof path) && cx_scoring_load(path, rules, &rerr) < 0) {
		snprintf(d->scoring_error, sizeof d->scoring_error, "%s", rerr.msg);
		cx_scoring_default(rules);
	}
}

/* The period's leaderboard, without movement or levels (those need two
 * more periods of data, and the dashboard refreshes often). */
static void leaders(cx_dashboard *d, const cx_scoring *rules, const cx_score_raw *raw, size_t n)
{
	top_agents(d, raw, n);
	cx_board b;
	cx_board_compute(rules, raw, n, NULL, 0, NULL, 0, &b);
	d->nleaders = 0;
	for (size_t i = 0; i < b.n && d->nleaders < CX_DASH_TOP; i++) {
		cx_dash_agent *a = &d->leaders[d->nleaders];
		a->id = b.scores[i].raw->agent_id;
		snprintf(a->name, sizeof a->name, "%s", b.scores[i].raw->name);
		snprintf(a->team, sizeof a->team, "%s", b.scores[i].raw->team);
		a->revenue = b.scores[i].raw->revenue;
		a->solved = b.scores[i].raw->solved;
		d->leader_points[d->nleaders++] = b.scores[i].points;
	}
	d->alarm = b.alarm;
	cx_board_free(&b);
}

int32_t cx_dashboard_as_of_day(const cx_period *p)
{
	int32_t today = cx_local_day((int64_t)time(NULL));
	return p->to_day < today ? p->to_day : today;
}

static int claims(cx_store *st, cx_dashboard *d, cx_error *err)
{
	cx_open_claims_summary c;
	if (cx_store_open_claims_summary(st, cx_dashboard_as_of_day(&d->period), &c, err) < 0)
		return -1;
	d->claims_open = c.open;
	d->claims_open_value = c.claimed;
	d->claims_past_deadline = c.past_deadline;
	d->claims_due_7d = c.due_7d;
	return 0;
}

static int sla(cx_store *st, cx_dashboard *d, cx_error *err)
{
	cx_sla_view v;
	if (cx_sla_view_load(st, &d->period, &v, err) < 0)
		return -1;
	d->sla_on = v.npolicies > 0;
	d->sla = v.total;
	cx_sla_view_free(&v);
	return 0;
}

int cx_dashboard_load(cx_store *st, const cx_period *p, int64_t liability_bp, cx_dashboard *d, cx_error *err)
{
	memset(d, 0, sizeof *d);
	d->period = *p;
	cx_store_currency(st, d->currency, sizeof d->currency);
	d->ndays = p->to_day - p->from_day + 1;
	if (d->ndays > CX_DASH_MAX_DAYS)
		d->ndays = CX_DASH_MAX_DAYS;
	/* The ticket panels and the board's counts in one pass over each
	 * kind of facts. */
	cx_scoring rules;
	scoring(d, &rules);
	cx_ticket_overview ov;
	cx_score_raw *raw;
	size_t nraw;
	if (cx_store_overview_and_scores(st, p, d->daily, d->ndays, &ov, rules.frt_target_s, rules.sla_s, &raw, &nraw,
					 err) < 0)
		goto fail;
	leaders(d, &rules, raw, nraw);
	free(raw);
	d->tickets = cx_ticket_kpi_of(&ov.team);
	d->channels = ov.channels;
	d->nchannels = ov.nchannels;
	if (d->nchannels > 1) /* qsort(NULL, 0, ...) is undefined: an empty period has none */
		qsort(d->channels, d->nchannels, sizeof *d->channels, by_volume);
	if (cx_store_backlog(st, p, &d->backlog, err) < 0 || cx_store_pnl(st, p, &d->pnl_raw, err) < 0)
		goto fail;
	d->pnl = cx_pnl_compute(&d->pnl_raw, liability_bp);
	if (claims(st, d, err) < 0 || cx_store_customer_counts(st, p->end, &d->watch, err) < 0 || sla(st, d, err) < 0)
		goto fail;
	d->watch.complaints = ov.complaints;
	return 0;
fail:
	cx_dashboard_free(d);
	return -1;
}

int cx_dashboard_point(cx_store *st, const cx_period *p, int64_t liability_bp, cx_dash_point *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	out->period = *p;
	/* The team's row alone (no channels): the same counts and durations as
	 * the overview's team row, in about half its time. */
	cx_ticket_group_row *team;
	size_t n;
	if (cx_store_ticket_kpis(st, p, CX_GROUP_TEAM, &team, &n, err) < 0)
		return -1;
	if (n)
		out->tickets = cx_ticket_kpi_of(&team[0].raw);
	free(team);
	cx_pnl_raw raw;
	if (cx_store_backlog(st, p, &out->backlog, err) < 0 || cx_store_pnl(st, p, &raw, err) < 0)
		return -1;
	out->pnl = cx_pnl_compute(&raw, liability_bp);
	return 0;
}

void cx_dashboard_point_of(const cx_dashboard *d, cx_dash_point *out)
{
	*out = (cx_dash_point){.period = d->period, .tickets = d->tickets, .backlog = d->backlog, .pnl = d->pnl};
}

void cx_dashboard_free(cx_dashboard *d)
{
	free(d->channels);
	d->channels = NULL;
	d->nchannels = 0;
}
