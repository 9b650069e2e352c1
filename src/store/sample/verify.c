/* verify.c — the generator checks its own output before it is kept.
 *
 * Every figure DOMAIN.md quotes, every edge case the UI must meet, and the
 * shape of the support P&L (a loss October to December, a profit in January
 * and February) are re-read from the finished store with plain SQL, the way
 * a reader would check them.  The exact figures are also checked as users
 * from UTC-10 to UTC+13 would group them, by local month.
 */
#include <stdio.h>
#include <string.h>

#include "sample.h"
#include "cxtop/store.h"

static int failures;

/* One integer from sql with up to two bound integers; must be in lo..hi. */
static void check(sqlite3 *db, const char *what, const char *sql, int64_t p1, int64_t p2, int64_t lo, int64_t hi)
{
	sqlite3_stmt *s = sq_prep(db, sql);
	int n = sqlite3_bind_parameter_count(s);
	if (n >= 1)
		sq_i64(s, 1, p1);
	if (n >= 2)
		sq_i64(s, 2, p2);
	int64_t v = 0;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		die("\"%s\" failed: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	if (v < lo || v > hi) {
		failures++;
		if (lo == hi)
			fprintf(stderr, "mksample: check failed: %s: got %lld, want %lld\n", what, (long long)v,
				(long long)lo);
		else
			fprintf(stderr, "mksample: check failed: %s: got %lld, want %lld..%lld\n", what, (long long)v,
				(long long)lo, (long long)hi);
	}
}

static void check_text(sqlite3 *db, const char *what, const char *sql, const char *want)
{
	sqlite3_stmt *s = sq_prep(db, sql);
	const char *v = "(no row)";
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		v = (const char *)sqlite3_column_text(s, 0);
	if (strcmp(v, want) != 0) {
		failures++;
		fprintf(stderr, "mksample: check failed: %s: got '%s', want '%s'\n", what, v, want);
	}
	sqlite3_finalize(s);
}

#define ALL INT64_MAX

/* Bounds of month m (0 = Oct 2021) as seen at UTC+offset, in unix seconds. */
static int64_t lo_of(int m, int64_t offset)
{
	return month_first(m) * DAY - offset;
}
static int64_t hi_of(int m, int64_t offset)
{
	return (month_last(m) + 1) * DAY - offset;
}

static const char *const month_name[N_MONTHS] = {"Oct 2021", "Nov 2021", "Dec 2021",
						 "Jan 2022", "Feb 2022", "Mar 2022"};

struct pnl {
	int64_t upsell, winback, discount, claims, cogs, campaigns, staff, platform, other, returns, liability, net;
};

static int64_t q2(sqlite3 *db, const char *sql, int64_t p1, int64_t p2)
{
	sqlite3_stmt *s = sq_prep(db, sql);
	sq_i64(s, 1, p1);
	sq_i64(s, 2, p2);
	int64_t v = 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int64_t qtext(sqlite3 *db, const char *sql, const char *p1)
{
	sqlite3_stmt *s = sq_prep(db, sql);
	sq_text(s, 1, p1);
	int64_t v = 0;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* DOMAIN.md §1, for one calendar month in UTC. */
static void month_pnl(sqlite3 *db, int m, int64_t liability_bp, struct pnl *p)
{
	int64_t lo = lo_of(m, 0), hi = hi_of(m, 0);
	char ym[11];
	fmt_date(ym, month_first(m));
	ym[7] = '\0';
	static const char src[] = "SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = '%s'"
				  " AND placed_at >= ?1 AND placed_at < ?2";
	char sql[256];
	snprintf(sql, sizeof sql, src, "upsell");
	p->upsell = q2(db, sql, lo, hi);
	snprintf(sql, sizeof sql, src, "winback");
	p->winback = q2(db, sql, lo, hi);
	snprintf(sql, sizeof sql, src, "discount_code");
	p->discount = q2(db, sql, lo, hi);
	p->cogs = q2(db, "SELECT coalesce(sum(cogs), 0) FROM orders WHERE attribution IN ('upsell', 'winback', 'discount_code')"
			 " AND placed_at >= ?1 AND placed_at < ?2", lo, hi);
	p->returns = q2(db, "SELECT coalesce(sum(cost), 0) FROM returns WHERE created_at >= ?1 AND created_at < ?2", lo, hi);
	p->claims = qtext(db, "SELECT coalesce(sum(recovered), 0) FROM carrier_claims WHERE status = 'paid'"
			      " AND substr(resolved_on, 1, 7) = ?1", ym);
	p->staff = qtext(db, "SELECT coalesce(sum(amount), 0) FROM costs WHERE month = ?1 AND kind = 'staff'", ym);
	p->platform = qtext(db, "SELECT coalesce(sum(amount), 0) FROM costs WHERE month = ?1 AND kind = 'platform'", ym);
	p->other = qtext(db, "SELECT coalesce(sum(amount), 0) FROM costs WHERE month = ?1 AND kind = 'other'", ym);
	p->campaigns = q2(db, "SELECT coalesce(sum(c.cost_per_contact), 0) FROM campaign_contacts x"
			      " JOIN campaigns c ON c.id = x.campaign_id WHERE x.contacted_at >= ?1 AND x.contacted_at < ?2",
			  lo, hi);
	p->liability = (p->returns * liability_bp + 5000) / 10000; /* rounded, as cxtop does */
	p->net = p->upsell + p->winback + p->discount + p->claims - p->cogs - p->campaigns - p->staff - p->platform -
		 p->other - p->liability;
}

static void dollars(char *out, size_t len, int64_t cents)
{
	int64_t a = cents < 0 ? -cents : cents;
	snprintf(out, len, "%s%lld.%02lld", cents < 0 ? "-" : "", (long long)(a / 100), (long long)(a % 100));
}

static void check_pnl(sqlite3 *db)
{
	int64_t bp = sq_int(db, "SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'returns_liability_bp'");
	static const char *const col[] = {"upsell", "winback", "discount", "claims", "cogs", "campaigns", "staff",
					  "platform", "other", "returns", "liability", "net"};
	printf("%-9s", "month");
	for (int i = 0; i < 12; i++)
		printf(" %10s", col[i]);
	printf("\n");
	for (int m = 0; m < N_MONTHS; m++) {
		struct pnl p;
		month_pnl(db, m, bp, &p);
		int64_t v[12] = {p.upsell, p.winback, p.discount, p.claims, p.cogs, p.campaigns, p.staff,
				 p.platform, p.other, p.returns, p.liability, p.net};
		printf("%-9s", month_name[m]);
		for (int i = 0; i < 12; i++) {
			char d[32];
			dollars(d, sizeof d, v[i]);
			printf(" %10s", d);
		}
		printf("\n");
		/* Support loses money until the campaigns start, then earns. */
		if (m < 3 && p.net >= 0) {
			failures++;
			fprintf(stderr, "mksample: check failed: net for %s must be negative\n", month_name[m]);
		}
		if ((m == 3 || m == 4) && p.net <= 0) {
			failures++;
			fprintf(stderr, "mksample: check failed: net for %s must be positive\n", month_name[m]);
		}
	}
}

/* The figures from the articles, seen from three time zones. */
static void check_exact(sqlite3 *db)
{
	/* UTC, Honolulu, Sydney in winter and summer, Auckland in winter and
	 * summer. */
	static const int64_t offsets[] = {0, -10 * 3600, 10 * 3600, 11 * 3600, 12 * 3600, 13 * 3600};
	for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++) {
		int64_t o = offsets[i];
		char what[96];
		snprintf(what, sizeof what, "February upsell revenue at UTC%+lld", (long long)(o / 3600));
		check(db, what,
		      "SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'upsell' AND placed_at >= ? AND placed_at < ?",
		      lo_of(4, o), hi_of(4, o), 4437710, 4437710);
		snprintf(what, sizeof what, "February upsell contacts at UTC%+lld", (long long)(o / 3600));
		check(db, what,
		      "SELECT count(*) FROM campaign_contacts c JOIN campaigns k ON k.id = c.campaign_id"
		      " WHERE k.kind = 'upsell' AND contacted_at >= ? AND contacted_at < ?",
		      lo_of(4, o), hi_of(4, o), 1701, 1701);
		snprintf(what, sizeof what, "January win-back revenue at UTC%+lld", (long long)(o / 3600));
		check(db, what,
		      "SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'winback' AND placed_at >= ? AND placed_at < ?",
		      lo_of(3, o), hi_of(3, o), 862700, 862700);
		snprintf(what, sizeof what, "February win-back revenue at UTC%+lld", (long long)(o / 3600));
		check(db, what,
		      "SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'winback' AND placed_at >= ? AND placed_at < ?",
		      lo_of(4, o), hi_of(4, o), 469400, 469400);
	}

	static const char feb_upsell[] = "(SELECT id FROM campaigns WHERE name = 'Welcome upsell — Feb 2022')";
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM campaign_contacts WHERE campaign_id = %s", feb_upsell);
	check(db, "Feb upsell contacts", sql, 0, 0, 1701, 1701);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM campaign_contacts WHERE campaign_id = %s AND responded = 1",
		 feb_upsell);
	check(db, "Feb upsell responded", sql, 0, 0, 392, 392);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM campaign_contacts WHERE campaign_id = %s AND order_id IS NOT NULL",
		 feb_upsell);
	check(db, "Feb upsell converted", sql, 0, 0, 392, 392);
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(o.amount), 0) FROM campaign_contacts c JOIN orders o ON o.id = c.order_id"
				  " WHERE c.campaign_id = %s", feb_upsell);
	check(db, "Feb upsell revenue of converted contacts", sql, 0, 0, 4437710, 4437710);
	snprintf(sql, sizeof sql, "SELECT coalesce(sum(amount), 0) FROM orders WHERE campaign_id = %s", feb_upsell);
	check(db, "Feb upsell orders", sql, 0, 0, 4437710, 4437710);

	static const struct {
		const char *month, *campaign;
		int64_t handed_lo, handed_hi, won_lo, won_hi, total;
	} wb[] = {
		{"2022-01", "Win-back — Jan 2022", 350, 350, 70, 70, 862700},
		{"2022-02", "Win-back — Feb 2022", 285, 285, 57, 57, 469400},
		{"2022-03", "Win-back — Mar 2022", 280, 320, 50, 70, -1},
	};
	for (size_t i = 0; i < sizeof wb / sizeof wb[0]; i++) {
		char what[96];
		snprintf(what, sizeof what, "%s renewals handed to support", wb[i].month);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM renewals WHERE substr(to_support_on, 1, 7) = '%s'",
			 wb[i].month);
		check(db, what, sql, 0, 0, wb[i].handed_lo, wb[i].handed_hi);
		snprintf(what, sizeof what, "%s win-back contacts", wb[i].month);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM campaign_contacts WHERE campaign_id ="
					  " (SELECT id FROM campaigns WHERE name = '%s')", wb[i].campaign);
		check(db, what, sql, 0, 0, wb[i].handed_lo, wb[i].handed_hi);
		snprintf(what, sizeof what, "%s renewals recovered by support", wb[i].month);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM renewals WHERE recovered_by = 'support'"
					  " AND substr(recovered_on, 1, 7) = '%s'", wb[i].month);
		check(db, what, sql, 0, 0, wb[i].won_lo, wb[i].won_hi);
		snprintf(what, sizeof what, "%s win-back contacts converted", wb[i].month);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM campaign_contacts WHERE responded = 1 AND renewal_id IS NOT NULL"
					  " AND campaign_id = (SELECT id FROM campaigns WHERE name = '%s')", wb[i].campaign);
		check(db, what, sql, 0, 0, wb[i].won_lo, wb[i].won_hi);
		if (wb[i].total >= 0) {
			snprintf(what, sizeof what, "%s recovered by support, cents", wb[i].month);
			snprintf(sql, sizeof sql, "SELECT coalesce(sum(amount), 0) FROM renewals WHERE recovered_by = 'support'"
						  " AND substr(recovered_on, 1, 7) = '%s'", wb[i].month);
			check(db, what, sql, 0, 0, wb[i].total, wb[i].total);
		}
	}
}

static void check_shape(sqlite3 *db)
{
	check_text(db, "integrity", "PRAGMA integrity_check", "ok");
	check(db, "foreign key violations", "SELECT count(*) FROM pragma_foreign_key_check", 0, 0, 0, 0);
	check(db, "schema version", "PRAGMA user_version", 0, 0, CX_SCHEMA_VERSION, CX_SCHEMA_VERSION);
	check_text(db, "returns_liability_bp", "SELECT value FROM settings WHERE key = 'returns_liability_bp'", "1000");
	check_text(db, "currency", "SELECT value FROM settings WHERE key = 'currency'", "USD");
	check_text(db, "notify_currency", "SELECT value FROM settings WHERE key = 'notify_currency'", "RUB");

	/* Upsell in January and March: the same play, not the same numbers. */
	check(db, "Jan upsell contacts",
	      "SELECT count(*) FROM campaign_contacts WHERE campaign_id = (SELECT id FROM campaigns WHERE name = 'Welcome upsell — Jan 2022')",
	      0, 0, 1550, 1650);
	check(db, "Jan upsell conversion, bp",
	      "SELECT 10000 * count(order_id) / count(*) FROM campaign_contacts"
	      " WHERE campaign_id = (SELECT id FROM campaigns WHERE name = 'Welcome upsell — Jan 2022')",
	      0, 0, 2100, 2300);
	check(db, "Mar upsell contacts",
	      "SELECT count(*) FROM campaign_contacts WHERE campaign_id = (SELECT id FROM campaigns WHERE name = 'Welcome upsell — Mar 2022')",
	      0, 0, 1600, 1700);
	check(db, "Mar upsell conversion, bp",
	      "SELECT 10000 * count(order_id) / count(*) FROM campaign_contacts"
	      " WHERE campaign_id = (SELECT id FROM campaigns WHERE name = 'Welcome upsell — Mar 2022')",
	      0, 0, 2100, 2300);
	check(db, "upsell contacts of customers not new that month",
	      "SELECT count(*) FROM campaign_contacts c JOIN campaigns k ON k.id = c.campaign_id"
	      " JOIN customers u ON u.id = c.customer_id WHERE k.kind = 'upsell'"
	      " AND strftime('%Y-%m', u.created_at, 'unixepoch') <> substr(k.starts_on, 1, 7)", 0, 0, 0, 0);
	check(db, "contacts before the customer existed",
	      "SELECT count(*) FROM campaign_contacts c JOIN customers u ON u.id = c.customer_id"
	      " WHERE c.contacted_at < u.created_at", 0, 0, 0, 0);
	check(db, "upsell orders placed before their contact",
	      "SELECT count(*) FROM campaign_contacts c JOIN orders o ON o.id = c.order_id WHERE o.placed_at < c.contacted_at",
	      0, 0, 0, 0);
	check(db, "campaigns with no contacts",
	      "SELECT count(*) FROM campaigns k WHERE NOT EXISTS (SELECT 1 FROM campaign_contacts c WHERE c.campaign_id = k.id)"
	      " AND name IN ('Agent discount codes', 'Parcel status calls (pilot)')", 0, 0, 2, 2);
	check(db, "win-back orders differing from their renewal",
	      "SELECT count(*) FROM renewals r JOIN orders o ON o.id = r.order_id"
	      " WHERE o.amount <> r.amount OR o.attribution <> 'winback' OR o.customer_id <> r.customer_id", 0, 0, 0, 0);
	check(db, "hand-offs before January", "SELECT count(*) FROM renewals WHERE due_on < '2022-01-01'"
	      " AND (to_support_on IS NOT NULL OR recovered_by = 'support')", 0, 0, 0, 0);
	check(db, "fewest failed renewals in a month",
	      "SELECT min(n) FROM (SELECT count(*) n FROM renewals GROUP BY due_on)", 0, 0, 500, 700);
	check(db, "months with failed renewals", "SELECT count(DISTINCT due_on) FROM renewals", 0, 0, 6, 6);

	/* Tickets. */
	check(db, "tickets in Oct 2021 .. Mar 2022",
	      "SELECT count(*) FROM tickets WHERE created_at >= ? AND created_at < ?", lo_of(0, 0), hi_of(5, 0), 20000,
	      30000);
	check(db, "ticket channels", "SELECT count(DISTINCT channel) FROM tickets", 0, 0, 5, 5);
	check(db, "ticket complexities", "SELECT count(DISTINCT complexity) FROM tickets", 0, 0, 3, 3);
	check(db, "unresolved tickets, bp", "SELECT 10000 * count(*) / (SELECT count(*) FROM tickets) FROM tickets"
	      " WHERE resolved_at IS NULL", 0, 0, 300, 500);
	check(db, "never answered tickets, bp", "SELECT 10000 * count(*) / (SELECT count(*) FROM tickets) FROM tickets"
	      " WHERE first_response_at IS NULL", 0, 0, 100, 200);
	check(db, "unresolved tickets older than March", "SELECT count(*) FROM tickets WHERE resolved_at IS NULL"
	      " AND created_at < ?", lo_of(5, 0), 0, 1, ALL);
	check(db, "one-touch share of solved, bp",
	      "SELECT 10000 * sum(replies = 1) / count(*) FROM tickets WHERE resolved_at IS NOT NULL", 0, 0, 4000, 5000);
	check(db, "reopened share of solved, bp",
	      "SELECT 10000 * sum(reopened > 0) / count(*) FROM tickets WHERE resolved_at IS NOT NULL", 0, 0, 300, 800);
	check(db, "CSAT share of solved, bp",
	      "SELECT 10000 * count(csat) / count(*) FROM tickets WHERE resolved_at IS NOT NULL", 0, 0, 5000, 6000);
	check(db, "CSAT on unresolved tickets", "SELECT count(csat) FROM tickets WHERE resolved_at IS NULL", 0, 0, 0, 0);
	/* The first resolution is the final one unless the ticket was
	 * reopened: then it came before, at least a few hours. */
	check(db, "solved tickets whose first resolution is not as their reopens say",
	      "SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL AND NOT"
	      " (CASE WHEN reopened = 0 THEN first_resolved_at = resolved_at"
	      "  ELSE first_resolved_at BETWEEN first_response_at AND resolved_at - 3600 END)",
	      0, 0, 0, 0);
	check(db, "first resolutions of tickets never solved",
	      "SELECT count(*) FROM tickets WHERE resolved_at IS NULL AND first_resolved_at IS NOT NULL", 0, 0, 0, 0);
	/* The timeline tells each ticket's story as its fields do. */
	check(db, "tickets whose reply events are not their replies",
	      "SELECT count(*) FROM tickets t WHERE replies <>"
	      " (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'reply')", 0, 0, 0, 0);
	check(db, "tickets whose first reply event is not their first response",
	      "SELECT count(*) FROM tickets t WHERE first_response_at IS NOT (SELECT min(at) FROM ticket_events e"
	      " WHERE e.ticket_id = t.id AND e.kind = 'reply')", 0, 0, 0, 0);
	check(db, "tickets whose last status event is not their status",
	      "SELECT count(*) FROM tickets t WHERE status <> coalesce((SELECT status_after FROM ticket_events e"
	      " WHERE e.ticket_id = t.id AND e.kind = 'status' ORDER BY at DESC, id DESC LIMIT 1), 'new')", 0, 0, 0, 0);
	check(db, "status changes from a status the ticket was not in",
	      "SELECT count(*) FROM ticket_events e WHERE kind = 'status' AND status_before IS NOT"
	      " coalesce((SELECT p.status_after FROM ticket_events p WHERE p.ticket_id = e.ticket_id"
	      " AND p.kind = 'status' AND (p.at < e.at OR (p.at = e.at AND p.id < e.id))"
	      " ORDER BY p.at DESC, p.id DESC LIMIT 1), 'new')", 0, 0, 0, 0);
	check(db, "solves in the timeline that are not the ticket's",
	      "SELECT count(*) FROM tickets t WHERE resolved_at IS NOT (SELECT max(at) FROM ticket_events e"
	      " WHERE e.ticket_id = t.id AND e.kind = 'status' AND e.status_after = 'solved')", 0, 0, 0, 0);
	check(db, "reopens in the timeline and in the history",
	      "SELECT count(*) FROM tickets t WHERE reopened <> (SELECT count(*) FROM ticket_events e"
	      " WHERE e.ticket_id = t.id AND e.kind = 'reopened') OR reopened <> (SELECT count(*) FROM ticket_changes c"
	      " WHERE c.ticket_id = t.id AND c.status_before = 'solved')", 0, 0, 0, 0);
	check(db, "ratings in the timeline", "SELECT count(*) FROM tickets t WHERE (csat IS NOT NULL) <>"
	      " EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'rated')", 0, 0, 0, 0);

	/* The agents who differ. */
	check(db, "Jyrki answers fastest (rank by median-ish FRT)",
	      "SELECT count(*) FROM (SELECT agent_id, avg(first_response_at - created_at) a FROM tickets"
	      " WHERE first_response_at IS NOT NULL AND channel = 'email' GROUP BY agent_id)"
	      " WHERE a < (SELECT avg(first_response_at - created_at) FROM tickets t JOIN agents g ON g.id = t.agent_id"
	      " WHERE g.name = 'Jyrki Häkkinen' AND channel = 'email' AND first_response_at IS NOT NULL)", 0, 0, 0, 0);
	check(db, "Jyrki has the lowest CSAT",
	      "SELECT count(*) FROM (SELECT agent_id, avg(csat) a FROM tickets WHERE csat IS NOT NULL GROUP BY agent_id)"
	      " WHERE a < (SELECT avg(csat) FROM tickets t JOIN agents g ON g.id = t.agent_id"
	      " WHERE g.name = 'Jyrki Häkkinen')", 0, 0, 0, 0);
	check(db, "Olga has the highest CSAT",
	      "SELECT count(*) FROM (SELECT agent_id, avg(csat) a FROM tickets WHERE csat IS NOT NULL GROUP BY agent_id)"
	      " WHERE a > (SELECT avg(csat) FROM tickets t JOIN agents g ON g.id = t.agent_id"
	      " WHERE g.name = 'Ольга Смирнова')", 0, 0, 0, 0);
	check(db, "Olga answers slowest",
	      "SELECT count(*) FROM (SELECT agent_id, avg(first_response_at - created_at) a FROM tickets"
	      " WHERE first_response_at IS NOT NULL AND channel = 'email' GROUP BY agent_id)"
	      " WHERE a > (SELECT avg(first_response_at - created_at) FROM tickets t JOIN agents g ON g.id = t.agent_id"
	      " WHERE g.name = 'Ольга Смирнова' AND channel = 'email' AND first_response_at IS NOT NULL)", 0, 0, 0, 0);
	check(db, "agents with more discount-code orders than Maria",
	      "SELECT count(*) FROM (SELECT agent_id, count(*) n FROM orders WHERE attribution = 'discount_code' GROUP BY agent_id)"
	      " WHERE n >= (SELECT count(*) FROM orders o JOIN agents g ON g.id = o.agent_id"
	      " WHERE g.name = 'Maria Garcia' AND attribution = 'discount_code') ", 0, 0, 1, 1);
	check(db, "agents with more upsell conversions than Maria",
	      "SELECT count(*) FROM (SELECT agent_id, count(*) n FROM orders WHERE attribution = 'upsell' GROUP BY agent_id)"
	      " WHERE n >= (SELECT count(*) FROM orders o JOIN agents g ON g.id = o.agent_id"
	      " WHERE g.name = 'Maria Garcia' AND attribution = 'upsell') ", 0, 0, 1, 1);
	check(db, "Maria's share of discount-code orders, bp",
	      "SELECT 10000 * sum(a.name = 'Maria Garcia') / count(*) FROM orders o JOIN agents a ON a.id = o.agent_id"
	      " WHERE attribution = 'discount_code'", 0, 0, 3000, 4000);
	check(db, "agents", "SELECT count(*) FROM agents", 0, 0, 15, 15);
	check(db, "teams", "SELECT count(DISTINCT team) FROM agents", 0, 0, 2, 2);
	check(db, "distinct discount codes", "SELECT count(DISTINCT discount_code) FROM agents", 0, 0, 15, 15);
	check(db, "agents who left", "SELECT count(*) FROM agents WHERE left_on IS NOT NULL", 0, 0, 1, 1);
	check(db, "activity of the leaver after leaving",
	      "SELECT (SELECT count(*) FROM tickets t WHERE t.agent_id = a.id AND max(t.created_at, coalesce(t.first_response_at, 0),"
	      "  coalesce(t.resolved_at, ?1)) >= CAST(strftime('%s', a.left_on, '+1 day') AS INTEGER))"
	      " + (SELECT count(*) FROM campaign_contacts c WHERE c.agent_id = a.id AND c.contacted_at >= CAST(strftime('%s', a.left_on, '+1 day') AS INTEGER))"
	      " + (SELECT count(*) FROM orders o WHERE o.agent_id = a.id AND o.placed_at >= CAST(strftime('%s', a.left_on, '+1 day') AS INTEGER))"
	      " + (SELECT count(*) FROM carrier_claims k WHERE k.agent_id = a.id AND k.opened_on > a.left_on)"
	      " FROM agents a WHERE a.left_on IS NOT NULL", T_END, 0, 0, 0);
	check(db, "activity before hiring",
	      "SELECT count(*) FROM tickets t JOIN agents a ON a.id = t.agent_id"
	      " WHERE t.created_at < CAST(strftime('%s', a.hired_on) AS INTEGER)", 0, 0, 0, 0);
	check(db, "Cyrillic agent names", "SELECT count(*) FROM agents WHERE unicode(name) BETWEEN 1024 AND 1279", 0, 0, 1,
	      ALL);
	check(db, "Finnish agent names", "SELECT count(*) FROM agents WHERE name LIKE '%ä%' OR name LIKE '%ö%'", 0, 0, 1,
	      ALL);
	check(db, "CJK agent names", "SELECT count(*) FROM agents WHERE unicode(name) BETWEEN 19968 AND 40959", 0, 0, 1,
	      ALL);
	check(db, "staff cost = roster",
	      "SELECT count(*) FROM costs c WHERE kind = 'staff' AND amount <> (SELECT sum(monthly_cost) FROM agents"
	      " WHERE hired_on <= date(c.month || '-01', '+1 month', '-1 day')"
	      " AND (left_on IS NULL OR left_on >= c.month || '-01'))", 0, 0, 0, 0);

	/* Customers. */
	check(db, "customers", "SELECT count(*) FROM customers", 0, 0, 12000, 14000);
	/* Satisfaction follows the ratings (satisfaction.c): some 20 % of
	 * ratings are 6 or less, so about one rated customer in five is on
	 * the watchlist. */
	check(db, "watchlist (satisfaction <= 6)", "SELECT count(*) FROM customers WHERE satisfaction <= 6", 0, 0, 1000,
	      2000);
	check(db, "satisfaction = the latest rating",
	      "SELECT count(*) FROM customers c JOIN tickets t ON t.id = (SELECT id FROM tickets WHERE customer_id = c.id"
	      " AND csat IS NOT NULL AND resolved_at IS NOT NULL ORDER BY resolved_at DESC, id DESC LIMIT 1)"
	      " WHERE c.satisfaction IS NOT max(t.csat, 1)",
	      0, 0, 0, 0);
	check(db, "satisfaction history ends at the score",
	      "SELECT count(*) FROM customers c JOIN customer_changes x ON x.id = (SELECT id FROM customer_changes"
	      " WHERE customer_id = c.id ORDER BY at DESC, id DESC LIMIT 1) WHERE x.satisfaction_after IS NOT c.satisfaction",
	      0, 0, 0, 0);
	check(db, "satisfaction changes, all dated by the sample's story",
	      "SELECT count(*) FROM customer_changes WHERE at > strftime('%s', '2022-04-01')", 0, 0, 0, 0);
	check(db, "promoters (satisfaction >= 9)", "SELECT count(*) FROM customers WHERE satisfaction >= 9", 0, 0, 1000,
	      ALL);
	check(db, "satisfaction known, bp", "SELECT 10000 * count(satisfaction) / count(*) FROM customers", 0, 0, 6000,
	      8000);
	check(db, "blacklisted, bp", "SELECT 10000 * sum(blacklisted) / count(*) FROM customers", 0, 0, 60, 150);
	check(db, "segments", "SELECT count(DISTINCT segment) FROM customers", 0, 0, 4, 4);
	check(db, "months without new customers",
	      "SELECT 6 - count(DISTINCT strftime('%Y-%m', created_at, 'unixepoch')) FROM customers WHERE created_at >= ?1",
	      lo_of(0, 0), 0, 0, 0);
	check(db, "tickets or orders before the customer existed",
	      "SELECT (SELECT count(*) FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.created_at < c.created_at)"
	      " + (SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.placed_at < c.created_at)",
	      0, 0, 0, 0);

	/* Orders and returns, month by month. */
	for (int m = 0; m < N_MONTHS; m++) {
		int64_t lo = lo_of(m, 0), hi = hi_of(m, 0);
		check(db, "regular orders in a month", "SELECT count(*) FROM orders WHERE attribution IN ('shop', 'subscription')"
		      " AND placed_at >= ? AND placed_at < ?", lo, hi, 1500, 2000);
		check(db, "discount-code orders in a month", "SELECT count(*) FROM orders WHERE attribution = 'discount_code'"
		      " AND placed_at >= ? AND placed_at < ?", lo, hi, 60, 80);
		check(db, "discount-code revenue in a month", "SELECT sum(amount) FROM orders WHERE attribution = 'discount_code'"
		      " AND placed_at >= ? AND placed_at < ?", lo, hi, 750000, 1100000);
		check(db, "return cost in a month", "SELECT coalesce(sum(cost), 0) FROM returns"
		      " WHERE created_at >= ? AND created_at < ?", lo, hi, 800000, 1500000);
	}
	check(db, "returns share of regular orders, bp",
	      "SELECT 10000 * count(*) / (SELECT count(*) FROM orders WHERE attribution IN ('shop', 'subscription'))"
	      " FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.attribution IN ('shop', 'subscription')", 0, 0, 600,
	      800);
	check(db, "returns on attributed orders",
	      "SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE o.attribution NOT IN ('shop', 'subscription')",
	      0, 0, 5, ALL);
	check(db, "exchanges share, bp", "SELECT 10000 * sum(kind = 'exchange') / count(*) FROM returns", 0, 0, 2500, 3500);
	check(db, "returns costing more than the order",
	      "SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.cost > o.amount", 0, 0, 3, 25);
	check(db, "returns before their order",
	      "SELECT count(*) FROM returns r JOIN orders o ON o.id = r.order_id WHERE r.created_at <= o.placed_at", 0, 0,
	      0, 0);
	check(db, "rows after 2022-03-31",
	      "SELECT (SELECT count(*) FROM returns WHERE created_at > ?1) + (SELECT count(*) FROM orders WHERE placed_at > ?1)"
	      " + (SELECT count(*) FROM tickets WHERE max(created_at, coalesce(first_response_at, 0), coalesce(resolved_at, 0)) > ?1)"
	      " + (SELECT count(*) FROM carrier_claims WHERE max(opened_on, coalesce(filed_on, ''), coalesce(resolved_on, '')) > '2022-03-31')"
	      " + (SELECT count(*) FROM renewals WHERE coalesce(recovered_on, '') > '2022-03-31')",
	      T_END, 0, 0, 0);

	/* Carrier claims. */
	check(db, "claims", "SELECT count(*) FROM carrier_claims", 0, 0, 150, 250);
	check(db, "carrier x status combinations", "SELECT count(*) FROM (SELECT DISTINCT carrier, status FROM carrier_claims)"
	      " WHERE carrier IN ('UPS', 'FedEx', 'USPS')", 0, 0, 15, 15);
	check(db, "claims opened before 2022-01-03", "SELECT count(*) FROM carrier_claims WHERE opened_on < '2022-01-03'", 0,
	      0, 0, 0);
	check(db, "open claims past their deadline", "SELECT count(*) FROM carrier_claims WHERE status IN ('draft', 'filed')"
	      " AND deadline_on < '2022-03-31'", 0, 0, 3, ALL);
	check(db, "claims recovering more than claimed", "SELECT count(*) FROM carrier_claims WHERE recovered > claimed", 0,
	      0, 0, 0);
	check(db, "partially paid claims", "SELECT count(*) FROM carrier_claims WHERE status = 'paid' AND recovered < claimed",
	      0, 0, 1, ALL);
	check(db, "claims without an order", "SELECT count(*) FROM carrier_claims WHERE order_id IS NULL", 0, 0, 0, 0);
	check(db, "claim dates out of order", "SELECT count(*) FROM carrier_claims WHERE filed_on < opened_on"
	      " OR resolved_on < filed_on", 0, 0, 0, 0);

	/* Their history: every claim but a draft was filed, each step follows
	 * the one before it, and the last leaves the claim as it is now. */
	check(db, "claims filed without a history", "SELECT count(*) FROM carrier_claims c WHERE c.status <> 'draft'"
	      " AND NOT EXISTS (SELECT 1 FROM claim_changes x WHERE x.claim_id = c.id AND x.status_after = 'filed'"
	      " AND x.on_day = c.filed_on)", 0, 0, 0, 0);
	check(db, "claim histories out of step", "SELECT count(*) FROM claim_changes x JOIN claim_changes y"
	      " ON y.claim_id = x.claim_id AND y.id = (SELECT min(id) FROM claim_changes z WHERE z.claim_id = x.claim_id"
	      " AND z.id > x.id) WHERE y.status_before <> x.status_after OR y.on_day < x.on_day", 0, 0, 0, 0);
	check(db, "claim histories ending elsewhere", "SELECT count(*) FROM carrier_claims c JOIN claim_changes x"
	      " ON x.id = (SELECT max(id) FROM claim_changes y WHERE y.claim_id = c.id)"
	      " WHERE x.status_after <> c.status OR x.resolved_after IS NOT c.resolved_on OR x.recovered_after <> c.recovered"
	      " OR x.filed_after IS NOT c.filed_on", 0, 0, 0, 0);
	check(db, "claims approved in their history", "SELECT count(DISTINCT claim_id) FROM claim_changes"
	      " WHERE status_after = 'approved'", 0, 0, 100, ALL);

	check(db, "notify channels", "SELECT count(*) FROM notify_channels", 0, 0, 4, 4);
}

int verify(sqlite3 *db)
{
	failures = 0;
	check_shape(db);
	check_exact(db);
	check_pnl(db);
	return failures;
}
