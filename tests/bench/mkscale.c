/* mkscale.c — a store at scale for `make bench`: 1,000,000 tickets, 300
 * agents, 200,000 customers, 300,000 orders, 20,000 claims, over twelve
 * months, from a fixed seed.  Not realistic in its details (the sample
 * store is); realistic in its sizes and distributions, which is what the
 * timings depend on.
 *
 * Usage: mkscale OUT.db [TICKETS [MONTHS]]  (default 1,000,000 over 12 months)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/leaderboard.h"
#include "cxtop/store.h"
#include "store/store_internal.h"

static uint64_t seed = 0x5eed5ca1eULL;

static uint64_t next(void)
{
	/* splitmix64: fast, deterministic, good enough for test data. */
	uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int64_t rnd(int64_t n)
{
	return n > 0 ? (int64_t)(next() % (uint64_t)n) : 0;
}

/* A skewed duration: mostly short, a long tail (sum of a few exponentials
 * approximated by shifts). */
static int64_t skewed(int64_t base)
{
	int64_t v = base / 4 + rnd(base);
	int tail = (int)rnd(8);
	while (tail-- > 5)
		v *= 3;
	return v;
}

static void die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "mkscale: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die(db, sql);
	return s;
}

static void step(sqlite3 *db, sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		die(db, "insert");
	sqlite3_reset(s);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: mkscale OUT.db [TICKETS [MONTHS]]\n");
		return 2;
	}
	int64_t tickets = argc > 2 ? atoll(argv[2]) : 1000000;
	const int64_t agents = 300, customers = 200000, orders = 300000, claims = 20000;
	const int64_t t0 = 1617235200; /* 2021-04-01 UTC */
	int64_t months = argc > 3 ? atoll(argv[3]) : 12;
	if (tickets < 1 || months < 1 || months > 120) {
		fprintf(stderr, "mkscale: want at least one ticket and 1 to 120 months\n");
		return 2;
	}
	/* From t0 to the end of the last month, less the minute a ticket's
	 * time is jittered by: the newest ticket falls in the last month, so
	 * that the month the reports default to is a whole one. */
	struct tm end_tm = {.tm_year = 121, .tm_mon = 3 + (int)months, .tm_mday = 1};
	const int64_t span = (int64_t)timegm(&end_tm) - t0 - 60;
	cx_error err = {0};
	cx_store *st = cx_store_init(argv[1], &err);
	if (!st) {
		fprintf(stderr, "mkscale: %s\n", err.msg);
		return 1;
	}
	sqlite3 *db = st->db;
	sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);

	sqlite3_stmt *s = prep(db, "INSERT INTO agents (id, name, team, discount_code, monthly_cost, hired_on, left_on)"
				   " VALUES (?, ?, ?, ?, ?, '2020-01-06', ?)");
	for (int64_t a = 1; a <= agents; a++) {
		char name[32], team[16], code[16];
		snprintf(name, sizeof name, "Agent %03lld", (long long)a);
		snprintf(team, sizeof team, "Team %lld", (long long)(a % 12));
		snprintf(code, sizeof code, "AG%03lld", (long long)a);
		sqlite3_bind_int64(s, 1, a);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, team, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 5, 180000 + rnd(60000));
		if (a % 50 == 0)
			sqlite3_bind_text(s, 6, "2021-12-31", -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 6);
		step(db, s);
	}
	sqlite3_finalize(s);

	s = prep(db, "INSERT INTO customers (id, name, email, segment, blacklisted, satisfaction, created_at)"
		     " VALUES (?, ?, ?, ?, ?, ?, ?)");
	static const char *const segments[] = {"new", "standard", "vip", "lapsed"};
	for (int64_t c = 1; c <= customers; c++) {
		char name[32], email[48];
		snprintf(name, sizeof name, "Customer %06lld", (long long)c);
		snprintf(email, sizeof email, "c%06lld@example.com", (long long)c);
		sqlite3_bind_int64(s, 1, c);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, email, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, segments[rnd(4)], -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 5, rnd(100) == 0);
		if (rnd(10) < 4)
			sqlite3_bind_int64(s, 6, 1 + rnd(10));
		else
			sqlite3_bind_null(s, 6);
		sqlite3_bind_int64(s, 7, t0 - rnd(span));
		step(db, s);
	}
	sqlite3_finalize(s);

	s = prep(db, "INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at,"
		     " first_response_at, resolved_at, status, csat, replies, reopened, first_resolved_at)"
		     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
	static const char *const channels[] = {"email", "email", "email", "chat", "chat", "phone", "social", "sms"};
	static const char *const topics[] = {"shipping delay", "damaged item", "billing", "subscription change",
					     "cancellation", "product question", "returns & exchanges", "login"};
	for (int64_t i = 0; i < tickets; i++) {
		/* Created times in order, so ids follow time as in a real store. */
		int64_t created = t0 + i * span / tickets + rnd(60);
		int cx = 1 + (int)(rnd(10) < 5 ? 0 : rnd(10) < 7 ? 1 : 2);
		bool answered = rnd(100) >= 2, resolved = answered && rnd(100) >= 4;
		int64_t frt = created + skewed(3600);
		int64_t res = frt + skewed(3600 * 4 * cx);
		sqlite3_bind_int64(s, 1, 1 + rnd(customers));
		if (rnd(100) == 0)
			sqlite3_bind_null(s, 2);
		else
			sqlite3_bind_int64(s, 2, 1 + rnd(agents));
		sqlite3_bind_text(s, 3, channels[rnd(8)], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, topics[rnd(8)], -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 5, cx);
		sqlite3_bind_int64(s, 6, created);
		if (answered)
			sqlite3_bind_int64(s, 7, frt);
		else
			sqlite3_bind_null(s, 7);
		if (resolved)
			sqlite3_bind_int64(s, 8, res);
		else
			sqlite3_bind_null(s, 8);
		sqlite3_bind_text(s, 9, resolved ? "closed" : answered ? "open" : "new", -1, SQLITE_STATIC);
		if (resolved && rnd(100) < 55)
			sqlite3_bind_int64(s, 10, rnd(100) < 80 ? 7 + rnd(4) : rnd(7));
		else
			sqlite3_bind_null(s, 10);
		sqlite3_bind_int64(s, 11, answered ? 1 + (rnd(100) < 55 ? rnd(5) : 0) : 0);
		bool reopened = resolved && rnd(100) < 5;
		sqlite3_bind_int64(s, 12, reopened);
		/* A reopened ticket was first solved halfway to its final
		 * resolution (no draw: the store stays as it was otherwise). */
		if (resolved)
			sqlite3_bind_int64(s, 13, reopened ? frt + (res - frt) / 2 : res);
		else
			sqlite3_bind_null(s, 13);
		step(db, s);
	}
	sqlite3_finalize(s);

	sqlite3_exec(db,
		     "INSERT INTO campaigns (id, name, kind, channel, starts_on, cost_per_contact) VALUES"
		     " (1, 'Welcome upsell', 'upsell', 'email', '2021-04-01', 150),"
		     " (2, 'Win-back', 'winback', 'email', '2021-04-01', 400)",
		     NULL, NULL, NULL);
	s = prep(db, "INSERT INTO orders (customer_id, placed_at, amount, cogs, attribution, agent_id, campaign_id,"
		     " discount_code) VALUES (?,?,?,?,?,?,?,?)");
	sqlite3_stmt *ret = prep(db, "INSERT INTO returns (order_id, kind, cost, created_at) VALUES (?,?,?,?)");
	sqlite3_stmt *con = prep(db, "INSERT OR IGNORE INTO campaign_contacts (campaign_id, customer_id, agent_id,"
				     " contacted_at, responded, order_id) VALUES (1, ?, ?, ?, 1, ?)");
	for (int64_t o = 1; o <= orders; o++) {
		int64_t placed = t0 + rnd(span), amount = 3000 + rnd(12000), agent = 1 + rnd(agents);
		int64_t kind = rnd(100), customer = 1 + rnd(customers);
		const char *source = kind < 85 ? "shop" : kind < 93 ? "upsell" : kind < 96 ? "winback" : "discount_code";
		char code[16];
		snprintf(code, sizeof code, "AG%03lld", (long long)agent);
		sqlite3_bind_int64(s, 1, customer);
		sqlite3_bind_int64(s, 2, placed);
		sqlite3_bind_int64(s, 3, amount);
		sqlite3_bind_int64(s, 4, amount * 4 / 10);
		sqlite3_bind_text(s, 5, source, -1, SQLITE_STATIC);
		if (kind < 85) {
			sqlite3_bind_null(s, 6);
			sqlite3_bind_null(s, 7);
			sqlite3_bind_null(s, 8);
		} else {
			sqlite3_bind_int64(s, 6, agent);
			if (kind < 96)
				sqlite3_bind_int64(s, 7, kind < 93 ? 1 : 2);
			else
				sqlite3_bind_null(s, 7);
			if (kind >= 96)
				sqlite3_bind_text(s, 8, code, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(s, 8);
		}
		step(db, s);
		if (kind >= 85 && kind < 93) {
			sqlite3_bind_int64(con, 1, customer);
			sqlite3_bind_int64(con, 2, agent);
			sqlite3_bind_int64(con, 3, placed - 3600);
			sqlite3_bind_int64(con, 4, o);
			step(db, con);
		}
		if (rnd(100) < 7) {
			sqlite3_bind_int64(ret, 1, o);
			sqlite3_bind_text(ret, 2, rnd(10) < 7 ? "return" : "exchange", -1, SQLITE_STATIC);
			sqlite3_bind_int64(ret, 3, amount + 700);
			sqlite3_bind_int64(ret, 4, placed + 86400 * (1 + rnd(10)));
			step(db, ret);
		}
	}
	sqlite3_finalize(s);
	sqlite3_finalize(ret);
	sqlite3_finalize(con);

	s = prep(db, "INSERT INTO carrier_claims (carrier, tracking_no, order_id, kind, opened_on, filed_on, deadline_on,"
		     " status, claimed, recovered, resolved_on, agent_id) VALUES (?, ?, ?, ?,"
		     " date(?, 'unixepoch'), ?, date(?, 'unixepoch', '+60 days'), ?, ?, ?, ?, ?)");
	static const char *const carriers[] = {"UPS", "FedEx", "USPS"};
	static const char *const statuses[] = {"draft", "filed", "approved", "denied", "paid"};
	for (int64_t c = 1; c <= claims; c++) {
		char tracking[32], day[16];
		int64_t opened = t0 + rnd(span), claimed = 3000 + rnd(12000);
		int stt = (int)rnd(5);
		snprintf(tracking, sizeof tracking, "TRK%09lld", (long long)c);
		sqlite3_bind_text(s, 1, carriers[rnd(3)], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, tracking, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, 1 + rnd(orders));
		sqlite3_bind_text(s, 4, rnd(2) ? "lost" : "damaged", -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 5, opened);
		/* filed the next day unless a draft; resolved a month on. */
		time_t f = (time_t)(opened + 86400), r = (time_t)(opened + 30 * 86400);
		struct tm tm;
		gmtime_r(&f, &tm);
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		if (stt == 0)
			sqlite3_bind_null(s, 6);
		else
			sqlite3_bind_text(s, 6, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 7, opened);
		sqlite3_bind_text(s, 8, statuses[stt], -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 9, claimed);
		sqlite3_bind_int64(s, 10, stt == 4 ? claimed * (60 + rnd(41)) / 100 : 0);
		gmtime_r(&r, &tm);
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		if (stt >= 3)
			sqlite3_bind_text(s, 11, day, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, 11);
		sqlite3_bind_int64(s, 12, 1 + rnd(agents));
		step(db, s);
	}
	sqlite3_finalize(s);

	/* Monthly costs: staff, platform, other. */
	for (int m = 0; m < 12; m++) {
		char sql[256];
		int y = 2021 + (m + 3) / 12, mo = (m + 3) % 12 + 1;
		snprintf(sql, sizeof sql,
			 "INSERT INTO costs (month, kind, amount) VALUES ('%04d-%02d', 'staff', 60000000),"
			 " ('%04d-%02d', 'platform', 900000), ('%04d-%02d', 'other', 200000)",
			 y, mo, y, mo, y, mo);
		sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	if (sqlite3_exec(db, "COMMIT; ANALYZE", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "commit");
	/* Pack the ticket rollups, timed: the cost of a full rebuild. */
	struct timespec a, b;
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (cx_store_rollup_refresh(st, &err) < 0) {
		fprintf(stderr, "mkscale: %s\n", err.msg);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	fprintf(stderr, "mkscale: ticket rollups packed in %.2f s\n",
		(double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
	/* The leaderboard's months, kept as an import keeps them: timed, the
	 * cost of counting every solved ticket once. */
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (cx_leaderboard_keep_months(st, &err) < 0) {
		fprintf(stderr, "mkscale: %s\n", err.msg);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	fprintf(stderr, "mkscale: leaderboard months kept in %.2f s\n",
		(double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
	cx_store_close(st);
	return 0;
}
