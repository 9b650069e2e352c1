/* query_customers.c — the watchlist (satisfaction 6 or less) and the
 * satisfaction counts around it; the notification channels. */
#include <string.h>

#include "ticket_facts.h"

static void count_complaint(const cx_fact *f, void *ctx)
{
	*(int64_t *)ctx += f->csat >= 0 && f->csat <= 6;
}

/* The customers changed at or after ?1: each one's first such change. */
#define CHANGED_SINCE \
	"WITH ch AS (SELECT customer_id, min(id) AS id FROM customer_changes WHERE at >= ?1 GROUP BY customer_id) "

int cx_store_customer_counts(cx_store *st, int64_t at, cx_watch_counts *c, cx_error *err)
{
	/* As of `at`, like the backlog: the customers of each band now, less
	 * those changed since, plus those changed since whose satisfaction then
	 * was in the band.  The band's customers now come from its kept count
	 * per day (customer_bands, schema 12) for the days before at's, and
	 * from the (satisfaction, created_at) index for the part of at's day
	 * before it (?2 its first instant); the changed are few.  The bands
	 * are the kept ones: 0 is 6 or less, 1 is 9-10, 2 is 7-8, 3 the
	 * blacklisted. */
#define BAND(n, in, cond)                                                                                  \
	"((SELECT coalesce(sum(customers), 0) FROM customer_bands WHERE band = " n " AND day < ?2 / 86400)"   \
	" + (SELECT count(*) FROM customers WHERE satisfaction IN " in " AND created_at >= ?2 AND created_at < ?1)" \
	" - (SELECT count(*) FROM ch JOIN customers c ON c.id = ch.customer_id"                                \
	"    WHERE c.satisfaction " cond " AND c.created_at < ?1)"                                             \
	" + (SELECT count(*) FROM ch JOIN customer_changes x ON x.id = ch.id JOIN customers c ON c.id = ch.customer_id" \
	"    WHERE x.satisfaction_before " cond " AND c.created_at < ?1))"
	static const char sql[] =
		CHANGED_SINCE "SELECT " BAND("0", "(1, 2, 3, 4, 5, 6)", "<= 6") ", " BAND("1", "(9, 10)", ">= 9") ","
		" " BAND("2", "(7, 8)", "BETWEEN 7 AND 8") ","
		" (SELECT coalesce(sum(customers), 0) FROM customer_bands WHERE band = 3 AND day < ?2 / 86400)"
		" + (SELECT count(*) FROM customers WHERE blacklisted = 1 AND created_at >= ?2 AND created_at < ?1)";
#undef BAND
	memset(c, 0, sizeof *c);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	/* at's UTC day's first instant (floor, also before 1970). */
	int64_t day0 = at - ((at % 86400) + 86400) % 86400;
	sqlite3_bind_int64(s, 1, at);
	sqlite3_bind_int64(s, 2, day0);
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
	if (cx_store_customer_counts(st, p->end, c, err) < 0)
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
	r->since = sqlite3_column_int64(s, 9);
}

int cx_store_watchlist(cx_store *st, const cx_period *p, int (*row)(void *ctx, const cx_watch_row *r), void *ctx,
		       cx_watch_counts *counts, cx_error *err)
{
	/* The customers on the list at the period's end (?1), as then: with
	 * the satisfaction they had then, since when they have been on it (the
	 * last fall to 6 or less up to then, else since they came), and
	 * their newest ticket up to then and who handled it: the person to
	 * follow up. */
	static const char sql[] =
		CHANGED_SINCE
		", cand AS (SELECT id FROM customers WHERE satisfaction <= 6 AND created_at < ?1"
		"           UNION SELECT customer_id FROM ch),"
		" asof AS (SELECT c.id, CASE WHEN x.id IS NULL THEN c.satisfaction ELSE x.satisfaction_before END AS sat"
		"          FROM cand JOIN customers c ON c.id = cand.id LEFT JOIN ch ON ch.customer_id = c.id"
		"          LEFT JOIN customer_changes x ON x.id = ch.id WHERE c.created_at < ?1)"
		"SELECT c.id, c.name, coalesce(c.email, ''), c.segment, asof.sat, c.blacklisted,"
		"       coalesce(t.id, 0), coalesce(t.created_at, 0), coalesce(a.name, ''),"
		"       coalesce((SELECT max(y.at) FROM customer_changes y WHERE y.customer_id = c.id AND y.at < ?1"
		"                 AND y.satisfaction_after <= 6"
		"                 AND (y.satisfaction_before IS NULL OR y.satisfaction_before > 6)), c.created_at)"
		" FROM asof JOIN customers c ON c.id = asof.id"
		" LEFT JOIN tickets t ON t.id = (SELECT id FROM tickets WHERE customer_id = c.id AND created_at < ?1"
		"                                ORDER BY created_at DESC, id DESC LIMIT 1)"
		" LEFT JOIN agents a ON a.id = t.agent_id"
		" WHERE asof.sat <= 6"
		" ORDER BY asof.sat, t.created_at DESC, c.id";
	memset(counts, 0, sizeof *counts);
	if (cx_store_watch_counts(st, p, counts, err) < 0)
		return -1;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, p->end);
	cx_watch_row r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_watchlist(s, &r);
		if (row(ctx, &r) < 0) {
			cx_q_release(st, s);
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
