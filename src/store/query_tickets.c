/* query_tickets.c — ticket KPIs per group, in SQL aggregates.
 *
 * Four passes over index ranges, never over the whole table: tickets created
 * in the period (volume, unanswered, unresolved), tickets resolved in it
 * (solved, one-touch, reopened, ratings), and the two duration
 * distributions, whose middle and p90 ranks SQLite picks with window
 * functions so that only three values per group reach C.
 */
#include <stdio.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "store_internal.h"

static const char *group_expr(enum cx_ticket_group g)
{
	switch (g) {
	case CX_GROUP_AGENT:
		return "coalesce(agent_id, 0)";
	case CX_GROUP_AGENT_TEAM:
		return "coalesce((SELECT team FROM agents a WHERE a.id = tickets.agent_id), '')";
	case CX_GROUP_CHANNEL:
		return "channel";
	case CX_GROUP_TOPIC:
		return "topic";
	case CX_GROUP_COMPLEXITY:
		return "complexity";
	case CX_GROUP_TEAM:
	default:
		return "0";
	}
}

struct groups {
	cx_ticket_group_row *rows;
	size_t n, cap;
};

/* The row of the group in column 0 of s, created on first sight. */
static cx_ticket_raw *group_of(struct groups *g, sqlite3_stmt *s)
{
	char key[256];
	/* Compared whole: two long topics that share a beginning stay apart. */
	const unsigned char *full = sqlite3_column_text(s, 0);
	cx_q_text(s, 0, key, sizeof key);
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->rows[i].key, key) == 0 && (!full || strlen((const char *)full) < sizeof key))
			return &g->rows[i].raw;
	g->rows = cx_q_grow(g->rows, &g->cap, g->n, sizeof *g->rows);
	cx_ticket_group_row *r = &g->rows[g->n++];
	memcpy(r->key, key, sizeof key);
	r->key_int = sqlite3_column_int64(s, 0);
	return &r->raw;
}

/* Ratings that can count in NPS: asked on 0-10 (or 1-10). */
#define NPS_SCALE "(csat_scale = '0-10' OR csat_scale = '1-10')"

static int run_counts(cx_store *st, const cx_period *p, const char *gx, struct groups *g, bool solved_pass,
		      cx_error *err)
{
	char sql[1024];
	sqlite3_stmt *s;
	if (solved_pass)
		snprintf(sql, sizeof sql,
			 "SELECT %s AS g, count(*), sum(replies = 1), sum(reopened > 0), count(csat),"
			 " sum(csat >= 7), sum(csat >= 9 AND " NPS_SCALE "), sum(csat <= 6 AND " NPS_SCALE "),"
			 " sum(csat IS NOT NULL AND " NPS_SCALE ")"
			 " FROM tickets WHERE resolved_at >= ?1 AND resolved_at < ?2 GROUP BY g",
			 gx);
	else
		snprintf(sql, sizeof sql,
			 "SELECT %s AS g, count(*), sum(first_response_at IS NULL), sum(resolved_at IS NULL)"
			 " FROM tickets WHERE created_at >= ?1 AND created_at < ?2 GROUP BY g",
			 gx);
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_ticket_raw *r = group_of(g, s);
		if (!solved_pass) {
			r->created = sqlite3_column_int64(s, 1);
			r->unanswered = sqlite3_column_int64(s, 2);
			r->unresolved = sqlite3_column_int64(s, 3);
		} else {
			r->solved = sqlite3_column_int64(s, 1);
			r->one_touch = sqlite3_column_int64(s, 2);
			r->reopened = sqlite3_column_int64(s, 3);
			r->rated = sqlite3_column_int64(s, 4);
			r->satisfied = sqlite3_column_int64(s, 5);
			r->promoters = sqlite3_column_int64(s, 6);
			r->detractors = sqlite3_column_int64(s, 7);
			r->nps_rated = sqlite3_column_int64(s, 8);
		}
	}
	return cx_q_done(st, s, rc, err);
}

/* The durations of each group in order, streamed: C counts the rank of
 * every row and keeps only the two middle values and the p90 value, so
 * memory stays constant whatever the period.  Each group's count is known
 * from the counting pass (answered tickets: created - unanswered; solved
 * tickets: all have a resolution), so the ranks are known before its rows
 * arrive.  (A window-function version ran about half again as long.) */
#define DIST_SQL \
		"SELECT %s AS g, %s AS d FROM tickets WHERE %s >= ?1 AND %s < ?2 AND %s IS NOT NULL ORDER BY g, d"

static int run_dist(cx_store *st, const cx_period *p, const char *gx, bool resolution, struct groups *g,
		    cx_error *err)
{
	char sql[1024];
	if (resolution)
		snprintf(sql, sizeof sql, DIST_SQL, gx, "resolved_at - created_at", "resolved_at", "resolved_at",
			 "resolved_at");
	else
		snprintf(sql, sizeof sql, DIST_SQL, gx, "first_response_at - created_at", "created_at", "created_at",
			 "first_response_at");
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	cx_ticket_raw *r = NULL;
	cx_dist *d = NULL;
	int64_t k = 0, lo = 0, hi = 0, p90 = 0;
	char key[256] = "";
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *gk = sqlite3_column_text(s, 0);
		if (!r || strcmp(key, gk ? (const char *)gk : "") != 0) {
			cx_q_text(s, 0, key, sizeof key);
			r = group_of(g, s);
			d = resolution ? &r->resolution : &r->frt;
			d->n = resolution ? r->solved : r->created - r->unanswered;
			d->median_x2 = d->p90 = 0;
			cx_dist_ranks(d->n, &lo, &hi, &p90);
			k = 0;
		}
		int64_t v = sqlite3_column_int64(s, 1);
		k++;
		if (k == lo)
			d->median_x2 += v;
		if (k == hi)
			d->median_x2 += v;
		if (k == p90)
			d->p90 = v;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_ticket_kpis(cx_store *st, const cx_period *p, enum cx_ticket_group group, cx_ticket_group_row **rows,
			 size_t *n, cx_error *err)
{
	const char *gx = group_expr(group);
	struct groups g = {0};
	if (group == CX_GROUP_TEAM) {
		/* The team always has its one row, even in an empty period. */
		g.rows = cx_xcalloc(1, sizeof *g.rows);
		g.n = g.cap = 1;
		snprintf(g.rows[0].key, sizeof g.rows[0].key, "0");
	}
	if (run_counts(st, p, gx, &g, false, err) < 0 || run_counts(st, p, gx, &g, true, err) < 0 || run_dist(st, p, gx, false, &g, err) < 0 ||
	    run_dist(st, p, gx, true, &g, err) < 0) {
		free(g.rows);
		return -1;
	}
	*rows = g.rows;
	*n = g.n;
	return 0;
}

int cx_store_backlog(cx_store *st, const cx_period *p, int64_t *out, cx_error *err)
{
	/* Open at the end as the store knew it then (schema.c, version 3):
	 * two index ranges over the rows as they are (still unresolved, and
	 * resolved only after the end), then the few tickets changed since the
	 * end are counted as they were before their first change after it. */
	static const char sql[] =
		"SELECT (SELECT count(*) FROM tickets WHERE resolved_at IS NULL AND created_at < ?2)"
		"     + (SELECT count(*) FROM tickets WHERE resolved_at >= ?2 AND created_at < ?2)"
		"     - (SELECT count(*) FROM tickets t WHERE t.created_at < ?2"
		"          AND (t.resolved_at IS NULL OR t.resolved_at >= ?2)"
		"          AND t.id IN (SELECT ticket_id FROM ticket_changes WHERE at >= ?2))"
		"     + (SELECT count(*) FROM ticket_changes c JOIN tickets t ON t.id = c.ticket_id"
		"          WHERE c.at >= ?2 AND t.created_at < ?2"
		"            AND c.id = (SELECT min(id) FROM ticket_changes WHERE ticket_id = c.ticket_id AND at >= ?2)"
		"            AND (c.resolved_before IS NULL OR c.resolved_before >= ?2))";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_durations(cx_store *st, const cx_period *p, int64_t agent_id, int which, int64_t **values, size_t *n,
		       cx_error *err)
{
	const char *sql = which == 0 ? "SELECT first_response_at - created_at FROM tickets WHERE created_at >= ?1"
				       " AND created_at < ?2 AND first_response_at IS NOT NULL"
				       " AND coalesce(agent_id, 0) = ?5 ORDER BY 1"
				     : "SELECT resolved_at - created_at FROM tickets WHERE resolved_at >= ?1"
				       " AND resolved_at < ?2 AND coalesce(agent_id, 0) = ?5 ORDER BY 1";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	sqlite3_bind_int64(s, 5, agent_id);
	size_t cap = 0;
	*values = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*values = cx_q_grow(*values, &cap, *n, sizeof **values);
		(*values)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_daily_volume(cx_store *st, const cx_period *p, int64_t *out, int max, cx_error *err)
{
	/* SQLite's 'localtime' asks the C library, so days follow TZ as the
	 * rest of cxtop does. */
	static const char sql[] = "SELECT date(created_at, 'unixepoch', 'localtime') AS d, count(*) FROM tickets"
				  " WHERE created_at >= ?1 AND created_at < ?2 GROUP BY d";
	for (int i = 0; i < max; i++)
		out[i] = 0;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char day[16];
		int32_t d;
		cx_q_text(s, 0, day, sizeof day);
		if (cx_date_parse(day, &d) && d >= p->from_day && d - p->from_day < max)
			out[d - p->from_day] = sqlite3_column_int64(s, 1);
	}
	return cx_q_done(st, s, rc, err);
}
