/* query_scores.c — what each agent did in a period, counted for the
 * gamification rules.  A handful of grouped queries over index ranges; the
 * points themselves are the model's arithmetic. */
#include <string.h>

#include "store_internal.h"

static cx_score_raw *find(cx_score_raw *rows, size_t n, int64_t agent_id)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].agent_id == agent_id)
			return &rows[i];
	return NULL;
}

/* Ticket events per agent and complexity, over tickets solved in the period. */
static int ticket_events(cx_store *st, const cx_period *p, int64_t frt_s, int64_t sla_s, cx_score_raw *rows, size_t n,
			 cx_error *err)
{
	static const char sql[] =
		"SELECT agent_id, complexity, count(*),"
		" sum(first_response_at IS NOT NULL AND first_response_at - created_at <= ?5),"
		" sum(replies = 1), sum(csat >= 9), sum(csat <= 6), sum(reopened > 0),"
		" sum(resolved_at - created_at > ?6), count(csat), sum(csat >= 7)"
		" FROM tickets WHERE resolved_at >= ?1 AND resolved_at < ?2 AND agent_id IS NOT NULL"
		" GROUP BY agent_id, complexity";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	sqlite3_bind_int64(s, 5, frt_s);
	sqlite3_bind_int64(s, 6, sla_s);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_score_raw *r = find(rows, n, sqlite3_column_int64(s, 0));
		int c = sqlite3_column_int(s, 1) - 1;
		if (!r || c < 0 || c > 2)
			continue;
		for (int e = 0; e < CX_R_TICKET_RULES; e++)
			r->ticket[c][e] = sqlite3_column_int64(s, 2 + e);
		r->solved += r->ticket[c][CX_R_SOLVED];
		r->one_touch += r->ticket[c][CX_R_ONE_TOUCH];
		r->reopened += r->ticket[c][CX_R_REOPENED];
		r->complexity_sum += r->ticket[c][CX_R_SOLVED] * (c + 1);
		r->rated += sqlite3_column_int64(s, 9);
		r->satisfied += sqlite3_column_int64(s, 10);
	}
	return cx_q_done(st, s, rc, err);
}

static int conversions(cx_store *st, const cx_period *p, cx_score_raw *rows, size_t n, cx_error *err)
{
	static const char sql[] =
		"SELECT agent_id, sum(attribution = 'upsell'), sum(attribution = 'winback'), sum(amount) FROM orders"
		" WHERE attribution IN ('upsell', 'winback', 'discount_code') AND placed_at >= ?1 AND placed_at < ?2"
		" AND agent_id IS NOT NULL GROUP BY agent_id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_score_raw *r = find(rows, n, sqlite3_column_int64(s, 0));
		if (!r)
			continue;
		r->upsell = sqlite3_column_int64(s, 1);
		r->winback = sqlite3_column_int64(s, 2);
		r->revenue = sqlite3_column_int64(s, 3);
	}
	return cx_q_done(st, s, rc, err);
}

static int claims(cx_store *st, const cx_period *p, cx_score_raw *rows, size_t n, cx_error *err)
{
	static const char sql[] = "SELECT agent_id, count(*) FROM carrier_claims WHERE status = 'paid'"
				  " AND resolved_on >= ?3 AND resolved_on <= ?4 AND agent_id IS NOT NULL"
				  " GROUP BY agent_id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_score_raw *r = find(rows, n, sqlite3_column_int64(s, 0));
		if (r)
			r->claims = sqlite3_column_int64(s, 1);
	}
	return cx_q_done(st, s, rc, err);
}

/* The longest run of working days (days with solved tickets) on which none
 * of the agent's solved tickets was reopened; days off do not break it. */
static int streaks(cx_store *st, const cx_period *p, cx_score_raw *rows, size_t n, cx_error *err)
{
	static const char sql[] =
		"SELECT agent_id, date(resolved_at, 'unixepoch', 'localtime') AS d, max(reopened > 0) FROM tickets"
		" WHERE resolved_at >= ?1 AND resolved_at < ?2 AND agent_id IS NOT NULL"
		" GROUP BY agent_id, d ORDER BY agent_id, d";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	int64_t agent = -1, run = 0;
	cx_score_raw *r = NULL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t a = sqlite3_column_int64(s, 0);
		if (a != agent) {
			agent = a;
			run = 0;
			r = find(rows, n, a);
		}
		run = sqlite3_column_int(s, 2) ? 0 : run + 1;
		if (r && run > r->streak_days)
			r->streak_days = run;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_score_raw(cx_store *st, const cx_period *p, int64_t frt_target_s, int64_t sla_s, bool points_only,
		       cx_score_raw **out, size_t *n, cx_error *err)
{
	cx_agent_row *agents = NULL;
	cx_ticket_group_row *kpi = NULL;
	size_t na = 0, nk = 0;
	*out = NULL;
	*n = 0;
	if (cx_store_agents(st, p, &agents, &na, err) < 0)
		return -1;
	if (!points_only && cx_store_ticket_kpis(st, p, CX_GROUP_AGENT, &kpi, &nk, err) < 0) {
		free(agents);
		return -1;
	}
	cx_score_raw *rows = calloc(na ? na : 1, sizeof *rows);
	if (!rows) {
		free(agents);
		free(kpi);
		return cx_fail(err, CX_EXIT_RUNTIME, "out of memory");
	}
	for (size_t i = 0; i < na; i++) {
		rows[i].agent_id = agents[i].id;
		memcpy(rows[i].name, agents[i].name, sizeof rows[i].name);
		memcpy(rows[i].team, agents[i].team, sizeof rows[i].team);
		for (size_t k = 0; k < nk; k++)
			if (kpi[k].key_int == agents[i].id)
				rows[i].frt = kpi[k].raw.frt;
	}
	free(agents);
	free(kpi);
	if (ticket_events(st, p, frt_target_s, sla_s, rows, na, err) < 0 || conversions(st, p, rows, na, err) < 0 ||
	    claims(st, p, rows, na, err) < 0 || (!points_only && streaks(st, p, rows, na, err) < 0)) {
		free(rows);
		return -1;
	}
	*out = rows;
	*n = na;
	return 0;
}
