/* query_rows.c — the rows behind each figure of the P&L (store.h): the
 * orders, contacts, returns, paid claims and cost shares that
 * cx_store_pnl sums, each list under the same conditions as its sum, so
 * that a drill-down adds up to the figure it came from. */
#include <stdio.h>
#include <string.h>

#include "cxtop/model.h"
#include "store_internal.h"

/* ---- orders ---------------------------------------------------------------- */

static void fill_order(sqlite3_stmt *s, cx_order_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->placed_at = sqlite3_column_int64(s, 1);
	r->amount = sqlite3_column_int64(s, 2);
	r->cogs = sqlite3_column_int64(s, 3);
	cx_q_text(s, 4, r->attribution, sizeof r->attribution);
	cx_q_text(s, 5, r->customer, sizeof r->customer);
	cx_q_text(s, 6, r->agent, sizeof r->agent);
	cx_q_text(s, 7, r->campaign, sizeof r->campaign);
	cx_q_text(s, 8, r->code, sizeof r->code);
}

int cx_store_order_rows(cx_store *st, const cx_period *p, unsigned mask, int64_t agent_id,
			int (*row)(void *ctx, const cx_order_row *r), void *ctx, cx_error *err)
{
	/* The discount-code orders are credited to the agent whose code it
	 * is (the P&L's discount codes), the others to the order's agent. */
	static const char sql[] =
		"SELECT o.id, o.placed_at, o.amount, o.cogs, o.attribution, coalesce(c.name, ''),"
		"       coalesce(a.name, ca.name, ''), coalesce(k.name, ''), coalesce(o.discount_code, '')"
		" FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
		" LEFT JOIN agents a ON a.id = o.agent_id"
		" LEFT JOIN agents ca ON o.attribution = 'discount_code' AND ca.discount_code = o.discount_code"
		" LEFT JOIN campaigns k ON k.id = o.campaign_id"
		" WHERE o.attribution IN (CASE WHEN ?5 & 1 THEN 'upsell' END, CASE WHEN ?5 & 2 THEN 'winback' END,"
		"                         CASE WHEN ?5 & 4 THEN 'discount_code' END)"
		"   AND o.placed_at >= ?1 AND o.placed_at < ?2 AND (?6 = 0 OR o.agent_id = ?6)"
		" ORDER BY o.placed_at, o.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	sqlite3_bind_int64(s, 5, (sqlite3_int64)mask);
	sqlite3_bind_int64(s, 6, agent_id);
	cx_order_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_order(s, &r);
		if (row(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- campaign contacts ------------------------------------------------------- */

static void fill_contact(sqlite3_stmt *s, cx_contact_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->contacted_at = sqlite3_column_int64(s, 1);
	r->cost = sqlite3_column_int64(s, 2);
	cx_q_text(s, 3, r->campaign, sizeof r->campaign);
	cx_q_text(s, 4, r->customer, sizeof r->customer);
	cx_q_text(s, 5, r->agent, sizeof r->agent);
	r->responded = sqlite3_column_int(s, 6) != 0;
	r->converted = sqlite3_column_int(s, 7) != 0;
	r->order_id = sqlite3_column_int64(s, 8);
	r->revenue = sqlite3_column_int64(s, 9);
}

int cx_store_contact_rows(cx_store *st, const cx_period *p, int64_t campaign_id,
			  int (*row)(void *ctx, const cx_contact_row *r), void *ctx, cx_error *err)
{
	/* A conversion and its revenue as cx_store_campaigns counts them. */
	static const char sql[] =
		"SELECT x.id, x.contacted_at, k.cost_per_contact, k.name, coalesce(c.name, ''), coalesce(a.name, ''),"
		"       x.responded, x.order_id IS NOT NULL OR x.renewal_id IS NOT NULL, coalesce(o.id, 0),"
		"       coalesce(o.amount, 0)"
		" FROM campaign_contacts x JOIN campaigns k ON k.id = x.campaign_id"
		" LEFT JOIN customers c ON c.id = x.customer_id LEFT JOIN agents a ON a.id = x.agent_id"
		" LEFT JOIN renewals r ON r.id = x.renewal_id"
		" LEFT JOIN orders o ON o.id = coalesce(x.order_id, r.order_id)"
		" WHERE x.contacted_at >= ?1 AND x.contacted_at < ?2 AND (?5 = 0 OR x.campaign_id = ?5)"
		" ORDER BY x.contacted_at, x.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	sqlite3_bind_int64(s, 5, campaign_id);
	cx_contact_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_contact(s, &r);
		if (row(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- returns ----------------------------------------------------------------- */

static void fill_return(sqlite3_stmt *s, cx_return_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->created_at = sqlite3_column_int64(s, 1);
	r->order_id = sqlite3_column_int64(s, 2);
	r->cost = sqlite3_column_int64(s, 3);
	cx_q_text(s, 4, r->kind, sizeof r->kind);
	cx_q_text(s, 5, r->customer, sizeof r->customer);
}

int cx_store_return_rows(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_return_row *r), void *ctx,
			 cx_error *err)
{
	static const char sql[] = "SELECT r.id, r.created_at, r.order_id, r.cost, r.kind, coalesce(c.name, '')"
				  " FROM returns r LEFT JOIN orders o ON o.id = r.order_id"
				  " LEFT JOIN customers c ON c.id = o.customer_id"
				  " WHERE r.created_at >= ?1 AND r.created_at < ?2 ORDER BY r.created_at, r.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	cx_return_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_return(s, &r);
		if (row(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- paid claims -------------------------------------------------------------- */

static void fill_paid(sqlite3_stmt *s, cx_paid_claim *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->claimed = sqlite3_column_int64(s, 1);
	r->recovered = sqlite3_column_int64(s, 2);
	cx_q_text(s, 3, r->carrier, sizeof r->carrier);
	cx_q_text(s, 4, r->tracking, sizeof r->tracking);
	cx_q_text(s, 5, r->kind, sizeof r->kind);
	cx_q_text(s, 6, r->opened_on, sizeof r->opened_on);
	cx_q_text(s, 7, r->resolved_on, sizeof r->resolved_on);
	cx_q_text(s, 8, r->agent, sizeof r->agent);
}

int cx_store_paid_claims(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_paid_claim *r), void *ctx,
			 cx_error *err)
{
	static const char sql[] =
		"SELECT c.id, c.claimed, c.recovered, c.carrier, c.tracking_no, c.kind, c.opened_on, c.resolved_on,"
		"       coalesce(a.name, '')"
		" FROM carrier_claims c LEFT JOIN agents a ON a.id = c.agent_id"
		" WHERE c.status = 'paid' AND c.resolved_on >= ?3 AND c.resolved_on <= ?4"
		" ORDER BY c.resolved_on, c.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	cx_paid_claim r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_paid(s, &r);
		if (row(ctx, &r) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- cost shares ---------------------------------------------------------------- */

int cx_store_cost_shares(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_cost_share *r), void *ctx,
			 cx_error *err)
{
	static const char sql[] = "SELECT month, kind, sum(amount), count(*) FROM costs"
				  " WHERE month >= substr(?3, 1, 7) AND month <= substr(?4, 1, 7)"
				  " GROUP BY month, kind"
				  " ORDER BY month, CASE kind WHEN 'staff' THEN 1 WHEN 'platform' THEN 2 ELSE 3 END";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_cost_share r = {0};
		char first[16];
		int32_t from;
		cx_q_text(s, 0, r.month, sizeof r.month);
		cx_q_text(s, 1, r.kind, sizeof r.kind);
		snprintf(first, sizeof first, "%.7s-01", r.month);
		if (!cx_date_parse(first, &from))
			continue;
		r.month_days = cx_month_days(from);
		int32_t to = from + r.month_days - 1;
		int32_t a = from > p->from_day ? from : p->from_day;
		int32_t b = to < p->to_day ? to : p->to_day;
		r.days = b - a + 1;
		r.booked = sqlite3_column_int64(s, 2);
		r.entries = sqlite3_column_int64(s, 3);
		/* The share of days a..b is the month's amount up to b minus the
		 * amount up to the day before a, each rounded once: the pieces of
		 * a month split by week always add up to the month to the cent. */
		r.share = cx_prorate(r.booked, b - from + 1, r.month_days) - cx_prorate(r.booked, a - from, r.month_days);
		if (row(ctx, &r) != 0)
			break;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return cx_q_done(st, s, rc, err);
}
