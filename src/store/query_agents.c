/* query_agents.c — agents and the revenue attributed to each. */
#include <stdint.h>
#include <string.h>

#include "store_internal.h"

static void fill_agents(sqlite3_stmt *s, void *row)
{
	cx_agent_row *r = row;
	char day[16];
	r->id = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, r->name, sizeof r->name);
	cx_q_text(s, 2, r->team, sizeof r->team);
	cx_q_text(s, 3, r->code, sizeof r->code);
	r->monthly_cost = sqlite3_column_int64(s, 4);
	cx_q_text(s, 5, day, sizeof day);
	if (!cx_date_parse(day, &r->hired_day))
		r->hired_day = 0;
	cx_q_text(s, 6, day, sizeof day);
	if (!cx_date_parse(day, &r->left_day))
		r->left_day = INT32_MAX;
	r->revenue = sqlite3_column_int64(s, 7);
	r->cogs = sqlite3_column_int64(s, 8);
	r->orders = sqlite3_column_int64(s, 9);
}

int cx_store_agents(cx_store *st, const cx_period *p, cx_agent_row **rows, size_t *n, cx_error *err)
{
	/* The period's agents (CX_SQL_AGENTS_OF_PERIOD).  Revenue: the attributed orders
	 * (upsell, win-back, discount code) credited to the agent, read from
	 * the covering index orders_attribution: named, because with a store's
	 * statistics SQLite may pick a skip-scan of orders_agent, ten times
	 * slower. */
	static const char sql[] =
		"SELECT a.id, a.name, a.team, coalesce(a.discount_code, ''), a.monthly_cost, a.hired_on,"
		"       coalesce(a.left_on, ''),"
		"       coalesce(o.revenue, 0), coalesce(o.cogs, 0), coalesce(o.n, 0)"
		" FROM agents a"
		" LEFT JOIN (SELECT agent_id, sum(amount) AS revenue, sum(cogs) AS cogs, count(*) AS n FROM orders INDEXED BY orders_attribution"
		"            WHERE attribution IN ('upsell', 'winback', 'discount_code')"
		"              AND placed_at >= ?1 AND placed_at < ?2 GROUP BY agent_id) o ON o.agent_id = a.id"
		" WHERE" CX_SQL_AGENTS_OF_PERIOD
		" ORDER BY a.team, a.name, a.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	return cx_q_collect(st, s, sizeof **rows, fill_agents, (void **)rows, n, err);
}
