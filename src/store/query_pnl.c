/* query_pnl.c — the inputs of the support P&L for a period, and the
 * settings it depends on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int64_t cx_store_liability_bp(cx_store *st)
{
	char buf[32];
	if (!cx_store_setting(st, "returns_liability_bp", buf, sizeof buf))
		return 1000;
	return strtoll(buf, NULL, 10); /* the schema's CHECK keeps it 0..10000 */
}

void cx_store_currency(cx_store *st, char *buf, size_t len)
{
	if (!cx_store_setting(st, "currency", buf, len))
		snprintf(buf, len, "USD");
}

static int one_instant(cx_store *st, const char *sql, int64_t *out, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_newest_ticket(cx_store *st, int64_t *out, cx_error *err)
{
	/* A ticket dated in the future (a clock or a typing mistake) does not
	 * make the default period a future one: the newest up to tomorrow,
	 * and only when there is none, the newest of all. */
	return one_instant(st,
			   "SELECT coalesce((SELECT max(created_at) FROM tickets"
			   " WHERE created_at <= CAST(strftime('%s', 'now') AS INTEGER) + 86400),"
			   " (SELECT max(created_at) FROM tickets), 0)",
			   out, err);
}

int cx_store_oldest_ticket(cx_store *st, int64_t *out, cx_error *err)
{
	return one_instant(st, "SELECT coalesce(min(created_at), 0) FROM tickets", out, err);
}

/* Monthly costs overlapping the period, each prorated by the days of its
 * month that the period covers: the shares `report rows` lists. */
static int add_share(void *ctx, const cx_cost_share *r)
{
	cx_pnl_raw *out = ctx;
	if (strcmp(r->kind, "staff") == 0)
		out->staff += r->share;
	else if (strcmp(r->kind, "platform") == 0)
		out->platform += r->share;
	else
		out->other += r->share;
	return 0;
}

static int costs(cx_store *st, const cx_period *p, cx_pnl_raw *out, cx_error *err)
{
	return cx_store_cost_shares(st, p, add_share, out, err);
}

int cx_store_pnl(cx_store *st, const cx_period *p, cx_pnl_raw *out, cx_error *err)
{
	static const char sql[] =
		"SELECT"
		" (SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'upsell' AND placed_at >= ?1 AND placed_at < ?2),"
		" (SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'winback' AND placed_at >= ?1 AND placed_at < ?2),"
		" (SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'discount_code' AND placed_at >= ?1 AND placed_at < ?2),"
		" (SELECT coalesce(sum(recovered), 0) FROM carrier_claims WHERE status = 'paid'"
		"    AND resolved_on >= ?3 AND resolved_on <= ?4),"
		" (SELECT coalesce(sum(cogs), 0) FROM orders WHERE attribution IN ('upsell', 'winback', 'discount_code')"
		"    AND placed_at >= ?1 AND placed_at < ?2),"
		" (SELECT coalesce(sum(cost), 0) FROM returns WHERE created_at >= ?1 AND created_at < ?2),"
		/* Each contact made in the period costs its campaign's cost per contact. */
		" (SELECT coalesce(sum(c.cost_per_contact), 0) FROM campaign_contacts x"
		"    JOIN campaigns c ON c.id = x.campaign_id WHERE x.contacted_at >= ?1 AND x.contacted_at < ?2)";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->upsell = sqlite3_column_int64(s, 0);
		out->winback = sqlite3_column_int64(s, 1);
		out->discount_codes = sqlite3_column_int64(s, 2);
		out->claims_recovered = sqlite3_column_int64(s, 3);
		out->cogs = sqlite3_column_int64(s, 4);
		out->returns_cost = sqlite3_column_int64(s, 5);
		out->campaigns = sqlite3_column_int64(s, 6);
		rc = SQLITE_DONE;
	}
	if (cx_q_done(st, s, rc, err) < 0)
		return -1;
	return costs(st, p, out, err);
}

int cx_store_attributed(cx_store *st, const cx_period *p, cx_attributed *out, cx_error *err)
{
	static const char sql[] = "SELECT attribution, count(*), sum(amount), sum(cogs) FROM orders"
				  " WHERE attribution IN ('upsell', 'winback', 'discount_code')"
				  " AND placed_at >= ?1 AND placed_at < ?2 GROUP BY attribution";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		char src[16];
		cx_q_text(s, 0, src, sizeof src);
		int i = strcmp(src, "upsell") == 0 ? 0 : strcmp(src, "winback") == 0 ? 1 : 2;
		out->orders[i] = sqlite3_column_int64(s, 1);
		out->revenue[i] = sqlite3_column_int64(s, 2);
		out->cogs[i] = sqlite3_column_int64(s, 3);
	}
	return cx_q_done(st, s, rc, err);
}
