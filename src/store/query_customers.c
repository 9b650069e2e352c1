/* query_customers.c — the watchlist (satisfaction 6 or less) and the
 * satisfaction counts around it; the notification channels. */
#include <string.h>

#include "ticket_facts.h"

static void count_complaint(const cx_fact *f, void *ctx)
{
	*(int64_t *)ctx += f->csat >= 0 && f->csat <= 6;
}

int cx_store_customer_counts(cx_store *st, cx_watch_counts *c, cx_error *err)
{
	/* Index ranges, never the customers themselves: satisfaction is 1-10,
	 * so the rated are the three ranges together; the blacklisted have a
	 * partial index of their own (schema 4). */
	static const char sql[] =
		"SELECT (SELECT count(*) FROM customers WHERE satisfaction <= 6),"
		"       (SELECT count(*) FROM customers WHERE satisfaction >= 9),"
		"       (SELECT count(*) FROM customers WHERE satisfaction BETWEEN 7 AND 8),"
		"       (SELECT count(*) FROM customers WHERE blacklisted = 1)";
	memset(c, 0, sizeof *c);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		c->watchlist = sqlite3_column_int64(s, 0);
		c->promoters = sqlite3_column_int64(s, 1);
		c->passives = sqlite3_column_int64(s, 2);
		c->rated = c->watchlist + c->promoters + c->passives;
		c->blacklisted = sqlite3_column_int64(s, 3);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_watch_counts(cx_store *st, const cx_period *p, cx_watch_counts *c, cx_error *err)
{
	if (cx_store_customer_counts(st, c, err) < 0)
		return -1;
	/* Tickets solved in the period and rated 0-6, from their facts. */
	return cx_facts_scan(st, CX_FACT_RESOLVED, p->start, p->end, count_complaint, &c->complaints, err);
}

static void fill_watchlist(sqlite3_stmt *s, cx_watch_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, r->name, sizeof r->name);
	cx_q_text(s, 2, r->email, sizeof r->email);
	cx_q_text(s, 3, r->segment, sizeof r->segment);
	r->satisfaction = sqlite3_column_int(s, 4);
	r->blacklisted = sqlite3_column_int(s, 5) != 0;
	r->last_ticket_id = sqlite3_column_int64(s, 6);
	r->last_ticket_at = sqlite3_column_int64(s, 7);
	cx_q_text(s, 8, r->last_agent, sizeof r->last_agent);
}

int cx_store_watchlist(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_watch_row *r), void *ctx,
		       cx_watch_counts *counts, cx_error *err)
{
	/* The customer's newest ticket up to the end of the period, and who
	 * handled it: the person to follow up. */
	static const char sql[] =
		"SELECT c.id, c.name, coalesce(c.email, ''), c.segment, c.satisfaction, c.blacklisted,"
		"       coalesce(t.id, 0), coalesce(t.created_at, 0), coalesce(a.name, '')"
		" FROM customers c"
		" LEFT JOIN tickets t ON t.id = (SELECT id FROM tickets WHERE customer_id = c.id AND created_at < ?2"
		"                                ORDER BY created_at DESC, id DESC LIMIT 1)"
		" LEFT JOIN agents a ON a.id = t.agent_id"
		" WHERE c.satisfaction <= 6"
		" ORDER BY c.satisfaction, t.created_at DESC, c.id";
	memset(counts, 0, sizeof *counts);
	if (cx_store_watch_counts(st, p, counts, err) < 0)
		return -1;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	cx_watch_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_watchlist(s, &r);
		if (row(ctx, &r) < 0) {
			sqlite3_finalize(s);
			return -1;
		}
	}
	return cx_q_done(st, s, rc, err);
}

static void fill_notify(sqlite3_stmt *s, void *row)
{
	cx_notify_row *r = row;
	cx_q_text(s, 0, r->name, sizeof r->name);
	cx_q_text(s, 1, r->currency, sizeof r->currency);
	r->ch.has_cost = sqlite3_column_int(s, 2) != 0;
	r->ch.cost_min = sqlite3_column_int64(s, 3);
	r->ch.cost_max = sqlite3_column_int64(s, 4);
	r->ch.buyout_min_bp = sqlite3_column_int64(s, 5);
	r->ch.buyout_max_bp = sqlite3_column_int64(s, 6);
	cx_q_text(s, 7, r->note, sizeof r->note);
}

int cx_store_notify(cx_store *st, cx_notify_row **rows, size_t *n, cx_error *err)
{
	static const char sql[] = "SELECT name, currency, cost_min IS NOT NULL, coalesce(cost_min, 0),"
				  " coalesce(cost_max, cost_min, 0), buyout_min_bp, buyout_max_bp, note"
				  " FROM notify_channels ORDER BY id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	if (cx_q_collect(st, s, sizeof **rows, fill_notify, (void **)rows, n, err) < 0)
		return -1;
	/* The array is final now: the names can be pointed at. */
	for (size_t i = 0; i < *n; i++)
		(*rows)[i].ch.name = (*rows)[i].name;
	return 0;
}
