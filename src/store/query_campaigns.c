/* query_campaigns.c — campaigns, their contacts and conversions, and the
 * win-back funnel of failed renewals. */
#include <string.h>

#include "store_internal.h"

static void fill_campaigns(sqlite3_stmt *s, void *row)
{
	cx_campaign_row *r = row;
	r->id = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, r->name, sizeof r->name);
	cx_q_text(s, 2, r->kind, sizeof r->kind);
	cx_q_text(s, 3, r->channel, sizeof r->channel);
	cx_q_text(s, 4, r->starts_on, sizeof r->starts_on);
	cx_q_text(s, 5, r->ends_on, sizeof r->ends_on);
	r->archived = sqlite3_column_int(s, 6) != 0;
	r->raw.cost_per_contact = sqlite3_column_int64(s, 7);
	r->raw.contacted = sqlite3_column_int64(s, 8);
	r->raw.responded = sqlite3_column_int64(s, 9);
	r->raw.converted = sqlite3_column_int64(s, 10);
	r->raw.revenue = sqlite3_column_int64(s, 11);
	r->raw.cogs = sqlite3_column_int64(s, 12);
}

int cx_store_campaigns(cx_store *st, const cx_period *p, cx_campaign_row **rows, size_t *n, cx_error *err)
{
	/* A conversion's revenue is its order: the upsell order itself, or the
	 * win-back order of the recovered renewal. */
	static const char sql[] =
		"WITH k AS ("
		"  SELECT cc.campaign_id AS id, count(*) AS contacted, sum(cc.responded) AS responded,"
		"         sum(cc.order_id IS NOT NULL OR cc.renewal_id IS NOT NULL) AS converted,"
		"         coalesce(sum(o.amount), 0) AS revenue, coalesce(sum(o.cogs), 0) AS cogs"
		"  FROM campaign_contacts cc"
		"  LEFT JOIN renewals r ON r.id = cc.renewal_id"
		"  LEFT JOIN orders o ON o.id = coalesce(cc.order_id, r.order_id)"
		"  WHERE cc.contacted_at >= ?1 AND cc.contacted_at < ?2"
		"  GROUP BY cc.campaign_id)"
		" SELECT c.id, c.name, c.kind, c.channel, c.starts_on, coalesce(c.ends_on, ''), c.archived,"
		"        c.cost_per_contact, coalesce(k.contacted, 0), coalesce(k.responded, 0),"
		"        coalesce(k.converted, 0), coalesce(k.revenue, 0), coalesce(k.cogs, 0)"
		" FROM campaigns c LEFT JOIN k ON k.id = c.id"
		" WHERE k.id IS NOT NULL OR (c.starts_on <= ?4 AND (c.ends_on IS NULL OR c.ends_on >= ?3))"
		" ORDER BY c.starts_on, c.name";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	return cx_q_collect(st, s, sizeof **rows, fill_campaigns, (void **)rows, n, err);
}

static void fill_winback(sqlite3_stmt *s, void *row)
{
	cx_winback_row *r = row;
	cx_q_text(s, 0, r->month, sizeof r->month);
	r->raw.failed = sqlite3_column_int64(s, 1);
	r->raw.by_dunning = sqlite3_column_int64(s, 2);
	r->raw.to_support = sqlite3_column_int64(s, 3);
	r->raw.by_support = sqlite3_column_int64(s, 4);
	r->raw.revenue = sqlite3_column_int64(s, 5);
}

int cx_store_winback(cx_store *st, const cx_period *p, cx_winback_row **rows, size_t *n, cx_error *err)
{
	static const char sql[] =
		"SELECT substr(r.due_on, 1, 7) AS month, count(*),"
		"       sum(r.recovered_by IS 'dunning'), sum(r.to_support_on IS NOT NULL),"
		"       sum(r.recovered_by IS 'support'),"
		"       coalesce(sum(CASE WHEN r.recovered_by = 'support' THEN o.amount END), 0)"
		" FROM renewals r LEFT JOIN orders o ON o.id = r.order_id"
		" WHERE r.due_on >= ?3 AND r.due_on <= ?4"
		" GROUP BY month ORDER BY month";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	return cx_q_collect(st, s, sizeof **rows, fill_winback, (void **)rows, n, err);
}
