/* query_claims.c — carrier claims by status, and the open ones against
 * their deadlines. */
#include <string.h>

#include "store_internal.h"

static void fill_claims_by_status(sqlite3_stmt *s, void *row)
{
	cx_claim_group *r = row;
	cx_q_text(s, 0, r->carrier, sizeof r->carrier);
	cx_q_text(s, 1, r->status, sizeof r->status);
	r->count = sqlite3_column_int64(s, 2);
	r->claimed = sqlite3_column_int64(s, 3);
	r->recovered = sqlite3_column_int64(s, 4);
}

int cx_store_claims_by_status(cx_store *st, const cx_period *p, cx_claim_group **rows, size_t *n, cx_error *err)
{
	static const char sql[] =
		"SELECT carrier, status, count(*), sum(claimed), sum(recovered) FROM carrier_claims"
		" WHERE opened_on >= ?3 AND opened_on <= ?4"
		" GROUP BY carrier, status"
		" ORDER BY carrier, CASE status WHEN 'draft' THEN 1 WHEN 'filed' THEN 2 WHEN 'approved' THEN 3"
		"   WHEN 'denied' THEN 4 ELSE 5 END";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	return cx_q_collect(st, s, sizeof **rows, fill_claims_by_status, (void **)rows, n, err);
}

static void fill_open_claims(sqlite3_stmt *s, void *row)
{
	cx_open_claim *r = row;
	r->id = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, r->carrier, sizeof r->carrier);
	cx_q_text(s, 2, r->tracking, sizeof r->tracking);
	cx_q_text(s, 3, r->kind, sizeof r->kind);
	cx_q_text(s, 4, r->status, sizeof r->status);
	cx_q_text(s, 5, r->opened_on, sizeof r->opened_on);
	cx_q_text(s, 6, r->deadline_on, sizeof r->deadline_on);
	cx_q_text(s, 7, r->agent, sizeof r->agent);
	r->claimed = sqlite3_column_int64(s, 8);
}

int cx_store_open_claims(cx_store *st, int32_t as_of_day, cx_open_claim **rows, size_t *n, cx_error *err)
{
	static const char sql[] =
		/* Open on day ?1: opened by then and not resolved by then, with
		 * the status it had that day (a claim paid since was "filed"). */
		"SELECT c.id, c.carrier, c.tracking_no, c.kind,"
		"       CASE WHEN c.filed_on IS NULL OR c.filed_on > ?1 THEN 'draft'"
		"            WHEN c.resolved_on IS NOT NULL THEN 'filed' ELSE c.status END,"
		"       c.opened_on, c.deadline_on, coalesce(a.name, ''), c.claimed"
		" FROM carrier_claims c LEFT JOIN agents a ON a.id = c.agent_id"
		" WHERE c.opened_on <= ?1 AND (c.resolved_on IS NULL OR c.resolved_on > ?1)"
		" ORDER BY c.deadline_on, c.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	char day[11];
	cx_date_format(as_of_day, day);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	return cx_q_collect(st, s, sizeof **rows, fill_open_claims, (void **)rows, n, err);
}
