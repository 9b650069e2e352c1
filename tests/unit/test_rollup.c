/* test_rollup.c — the hourly ticket rollups stay equal to the tickets.
 *
 * Random inserts, updates (a ticket moved to another day, agent or
 * channel, reopened, solved, re-rated), deletes and INSERT OR REPLACEs on a
 * copy of sample.db; after each batch every ticket figure is computed
 * three ways and must agree to the byte: from packed rollups, from the
 * tickets alone (every hour noted as written, read by a read-only handle
 * that cannot pack), and half and half (the batch's hours not packed
 * yet).  The medians are also checked against the sorted durations SQL
 * returns, and cxtop check must find nothing wrong. */
#include "testutil.h"

#include <time.h>

#include "cxtop/xalloc.h"

#include "cxtop/model.h"
#include "cxtop/store.h"
#include "store/durations.h"

static uint64_t seed = 12345;

static int64_t rnd(int64_t n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int64_t)((seed >> 33) % (uint64_t)n);
}

#define JAN_2022 1640995200LL /* 2022-01-01T00:00:00Z */

/* The periods compared: a month, one of odd bounds (not on whole hours,
 * so both partial ends are read from the tickets), and a long one. */
static cx_period periods[3];

static void make_periods(void)
{
	periods[0] = cx_period_containing(CX_PERIOD_MONTH, cx_days_from_civil(2022, 1, 1));
	periods[1] = periods[0];
	periods[1].start = JAN_2022 + 5 * 86400 + 1234;
	periods[1].end = JAN_2022 + 19 * 86400 + 3599;
	periods[1].kind = CX_PERIOD_RANGE;
	periods[2] = cx_period_range(cx_days_from_civil(2021, 9, 1), cx_days_from_civil(2022, 3, 31));
}

static const enum cx_ticket_group groups[] = {
	CX_GROUP_TEAM, CX_GROUP_AGENT, CX_GROUP_AGENT_TEAM, CX_GROUP_CHANNEL, CX_GROUP_TOPIC, CX_GROUP_COMPLEXITY,
};
#define NGROUPS (sizeof groups / sizeof groups[0])

#define NDAYS 240 /* the longest period's days */

/* Everything the facts feed, for one period, as one comparable blob. */
struct figures {
	cx_ticket_group_row *rows[NGROUPS];
	size_t n[NGROUPS];
	cx_score_raw *score;
	size_t nscore;
	int64_t daily[NDAYS];
	cx_watch_counts watch;
	cx_ticket_overview ov; /* the dashboard's one-pass figures */
	int64_t ov_daily[NDAYS];
	int64_t backlog; /* from the packed hours' counts where current */
	cx_score_raw *life; /* the levels' counts, through the kept months */
	size_t nlife;
};

/* The levels' counts to to_day against one count over all history. */
static void assert_life(cx_store *st, int32_t to_day, const cx_score_raw *life, size_t nlife)
{
	cx_error err = {0};
	cx_period all = cx_period_range(0, to_day);
	cx_score_raw *want;
	size_t nwant;
	assert_int_equal(cx_store_score_raw(st, &all, 3600, 48 * 3600, true, &want, &nwant, &err), 0);
	assert_int_equal(nlife, nwant);
	for (size_t i = 0; i < nwant; i++)
		if (memcmp(&life[i], &want[i], sizeof want[i]) != 0)
			fail_msg("levels to %d: agent %lld counts %lld solved and %lld revenue, all history %lld and %lld",
				 (int)to_day, (long long)want[i].agent_id, (long long)life[i].solved,
				 (long long)life[i].revenue, (long long)want[i].solved, (long long)want[i].revenue);
	free(want);
}

/* cx_store_overview_and_scores against cx_store_ticket_overview and
 * cx_store_score_raw, each alone. */
static void assert_one_pass(cx_store *st, const cx_period *p, bool business)
{
	cx_error err = {0};
	cx_store_set_hours(st, business);
	cx_ticket_overview alone, both;
	int64_t alone_daily[NDAYS], both_daily[NDAYS];
	cx_score_raw *alone_score, *both_score;
	size_t nalone, nboth;
	assert_int_equal(cx_store_ticket_overview(st, p, alone_daily, NDAYS, &alone, &err), 0);
	assert_int_equal(cx_store_score_raw(st, p, 3600, 48 * 3600, false, &alone_score, &nalone, &err), 0);
	assert_int_equal(cx_store_overview_and_scores(st, p, both_daily, NDAYS, &both, 3600, 48 * 3600, &both_score, &nboth,
						      &err),
			 0);
	cx_store_set_hours(st, false);
	assert_memory_equal(&both.team, &alone.team, sizeof both.team);
	assert_int_equal(both.nchannels, alone.nchannels);
	assert_memory_equal(both.channels, alone.channels, both.nchannels * sizeof *both.channels);
	assert_memory_equal(both_daily, alone_daily, sizeof both_daily);
	assert_int_equal(both.complaints, alone.complaints);
	assert_int_equal(nboth, nalone);
	for (size_t i = 0; i < nboth; i++)
		if (memcmp(&both_score[i], &alone_score[i], sizeof both_score[i]) != 0)
			fail_msg("the dashboard's one pass (%s): agent %lld counts differ", business ? "business" : "clock",
				 (long long)both_score[i].agent_id);
	free(alone.channels);
	free(both.channels);
	free(alone_score);
	free(both_score);
}

static void figures_of(cx_store *st, const cx_period *p, struct figures *f, bool one_pass)
{
	cx_error err = {0};
	memset(f, 0, sizeof *f);
	for (size_t g = 0; g < NGROUPS; g++)
		assert_int_equal(cx_store_ticket_kpis(st, p, groups[g], &f->rows[g], &f->n[g], &err), 0);
	assert_int_equal(cx_store_score_raw(st, p, 3600, 48 * 3600, false, &f->score, &f->nscore, &err), 0);
	assert_int_equal(cx_store_daily_volume(st, p, f->daily, NDAYS, &err), 0);
	assert_int_equal(cx_store_watch_counts(st, p, &f->watch, &err), 0);
	assert_int_equal(cx_store_backlog(st, p, &f->backlog, &err), 0);
	assert_int_equal(cx_store_ticket_overview(st, p, f->ov_daily, NDAYS, &f->ov, &err), 0);
	/* The one pass says what the separate ones say. */
	assert_memory_equal(&f->ov.team, &f->rows[0][0].raw, sizeof f->ov.team);
	assert_int_equal(f->ov.nchannels, f->n[3]);
	assert_memory_equal(f->ov.channels, f->rows[3], f->n[3] * sizeof *f->ov.channels);
	assert_memory_equal(f->ov_daily, f->daily, sizeof f->daily);
	assert_int_equal(f->ov.complaints, f->watch.complaints);
	/* The dashboard's one pass for both says what each says alone, on
	 * the clock and in business hours. */
	if (one_pass) {
		assert_one_pass(st, p, false);
		assert_one_pass(st, p, true);
	}
	/* A whole month's points (the board's period before), through the
	 * kept months, count what the full board of that month counts. */
	if (p->kind == CX_PERIOD_MONTH) {
		cx_score_raw *pts;
		size_t npts;
		assert_int_equal(cx_store_score_raw(st, p, 3600, 48 * 3600, true, &pts, &npts, &err), 0);
		assert_int_equal(npts, f->nscore);
		for (size_t i = 0; i < npts; i++) {
			cx_score_raw want = f->score[i];
			want.frt = (cx_dist){0};
			want.streak_days = 0;
			if (memcmp(&pts[i], &want, sizeof want) != 0)
				fail_msg("a month's points through the kept months: agent %lld solved %lld, board %lld",
					 (long long)want.agent_id, (long long)pts[i].solved, (long long)want.solved);
		}
		free(pts);
	}
	/* The levels' counts, through the kept months (a writable handle
	 * keeps those it counts, a read-only one reads them), say what one
	 * count over all history says. */
	assert_int_equal(cx_store_score_life(st, p->to_day, 3600, 48 * 3600, &f->life, &f->nlife, &err), 0);
	assert_life(st, p->to_day, f->life, f->nlife);
	/* And to a day in the middle of a month: the month so far is
	 * counted, and added to the kept ones. */
	cx_score_raw *mid;
	size_t nmid;
	assert_int_equal(cx_store_score_life(st, p->to_day - 12, 3600, 48 * 3600, &mid, &nmid, &err), 0);
	assert_life(st, p->to_day - 12, mid, nmid);
	free(mid);
}

static void figures_free(struct figures *f)
{
	for (size_t g = 0; g < NGROUPS; g++)
		free(f->rows[g]);
	free(f->score);
	free(f->ov.channels);
	free(f->life);
}

static void assert_same(const struct figures *a, const struct figures *b, const char *what)
{
	for (size_t g = 0; g < NGROUPS; g++) {
		if (a->n[g] != b->n[g])
			fail_msg("%s: group %zu has %zu rows against %zu", what, g, a->n[g], b->n[g]);
		for (size_t i = 0; i < a->n[g]; i++)
			if (memcmp(&a->rows[g][i], &b->rows[g][i], sizeof a->rows[g][i]) != 0)
				fail_msg("%s: group %zu row %zu (%s) differs", what, g, i, a->rows[g][i].key);
	}
	assert_int_equal(a->nscore, b->nscore);
	for (size_t i = 0; i < a->nscore; i++)
		if (memcmp(&a->score[i], &b->score[i], sizeof a->score[i]) != 0)
			fail_msg("%s: score row %zu (agent %lld) differs", what, i, (long long)a->score[i].agent_id);
	assert_memory_equal(a->daily, b->daily, sizeof a->daily);
	assert_memory_equal(&a->watch, &b->watch, sizeof a->watch);
	if (a->backlog != b->backlog)
		fail_msg("%s: backlog %lld against %lld", what, (long long)a->backlog, (long long)b->backlog);
}

/* The medians and p90 of every agent against SQL's sorted durations. */
static void assert_medians(cx_store *st, const cx_period *p, const struct figures *f)
{
	cx_error err = {0};
	const cx_ticket_group_row *rows = f->rows[1]; /* CX_GROUP_AGENT */
	for (size_t i = 0; i < f->n[1]; i++) {
		for (int which = 0; which < 3; which++) {
			int64_t *v;
			size_t n;
			assert_int_equal(cx_store_durations(st, p, rows[i].key_int, which, &v, &n, &err), 0);
			cx_dist want = cx_dist_of_sorted(v, (int64_t)n);
			const cx_dist *got = which == 0   ? &rows[i].raw.frt
					     : which == 1 ? &rows[i].raw.resolution
							  : &rows[i].raw.first_resolution;
			assert_int_equal(got->n, want.n);
			assert_int_equal(got->median_x2, want.median_x2);
			assert_int_equal(got->p90, want.p90);
			free(v);
		}
	}
}

static void exec_ok(cx_store *st, const char *sql)
{
	cx_error err = {0};
	if (cx_store_exec(st, sql, &err) < 0)
		fail_msg("%s: %s", sql, err.msg);
}

/* One random write; a delete refused by a reference is simply skipped. */
static void random_write(cx_store *st, int64_t max_id)
{
	char sql[1024];
	cx_error err = {0};
	int64_t id = 1 + rnd(max_id);
	int64_t days = rnd(41) - 20, secs = days * 86400 + rnd(7200) - 3600;
	switch (rnd(10)) {
	case 8: /* to another customer (the customers' ticket counts follow) */
		snprintf(sql, sizeof sql,
			 "UPDATE tickets SET customer_id = (SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET %lld)"
			 " WHERE id = %lld",
			 (long long)rnd(50), (long long)id);
		break;
	case 0: /* to another day (and hour) */
		snprintf(sql, sizeof sql,
			 "UPDATE tickets SET created_at = created_at + %lld, first_response_at = first_response_at + %lld,"
			 " resolved_at = resolved_at + %lld, first_resolved_at = first_resolved_at + %lld WHERE id = %lld",
			 (long long)secs, (long long)secs, (long long)secs, (long long)secs, (long long)id);
		break;
	case 1: /* to another agent, or none */
		if (rnd(5) == 0)
			snprintf(sql, sizeof sql, "UPDATE tickets SET agent_id = NULL WHERE id = %lld", (long long)id);
		else
			snprintf(sql, sizeof sql,
				 "UPDATE tickets SET agent_id = (SELECT id FROM agents ORDER BY id LIMIT 1 OFFSET %lld)"
				 " WHERE id = %lld",
				 (long long)rnd(10), (long long)id);
		break;
	case 2: /* to another channel and topic */
		snprintf(sql, sizeof sql,
			 "UPDATE tickets SET channel = '%s', topic = 'topic %lld' WHERE id = %lld",
			 (const char *[]){"email", "chat", "phone", "social", "sms"}[rnd(5)], (long long)rnd(4),
			 (long long)id);
		break;
	case 3: /* reopened */
		snprintf(sql, sizeof sql,
			 "UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = reopened + 1"
			 " WHERE id = %lld AND resolved_at IS NOT NULL",
			 (long long)id);
		break;
	case 4: /* solved (again): never before its first resolution, which stays */
		snprintf(sql, sizeof sql,
			 "UPDATE tickets SET status = 'solved',"
			 " resolved_at = max(created_at + %lld, coalesce(first_resolved_at, 0)) WHERE id = %lld",
			 (long long)rnd(5 * 86400), (long long)id);
		break;
	case 5: /* rated, on another scale; or values no byte field holds, and
		 * a first reply at the end of the instants the schema takes
		 * (2099): the longest duration a record can meet */
		if (rnd(3) == 0)
			snprintf(sql, sizeof sql,
				 "UPDATE tickets SET replies = %lld, reopened = %lld, status = 'solved', first_response_at = %lld,"
				 " resolved_at = max(created_at + %lld, coalesce(first_resolved_at, 0)) WHERE id = %lld",
				 (long long)(250 + rnd(400)), (long long)(250 + rnd(20)),
				 (long long)(rnd(2) ? 4102444799LL - rnd(5) : 4000000000LL), (long long)rnd(86400),
				 (long long)id);
		else
			snprintf(sql, sizeof sql, "UPDATE tickets SET csat = %lld, csat_scale = '%s' WHERE id = %lld",
				 (long long)rnd(11), rnd(2) ? "0-10" : "good-bad", (long long)id);
		break;
	case 6:
		snprintf(sql, sizeof sql, "DELETE FROM tickets WHERE id = %lld", (long long)id);
		cx_store_exec(st, sql, &err);
		return;
	case 7: /* the same id written again elsewhere in time */
		snprintf(sql, sizeof sql,
			 "INSERT OR REPLACE INTO tickets (id, customer_id, agent_id, channel, topic, complexity, created_at,"
			 " first_response_at, resolved_at, status, csat, replies, reopened)"
			 " SELECT id, customer_id, agent_id, channel, topic, complexity, created_at + %lld,"
			 " first_response_at + %lld, resolved_at + %lld, status, csat, replies, reopened"
			 " FROM tickets WHERE id = %lld",
			 (long long)secs, (long long)secs, (long long)secs, (long long)id);
		break;
	default: { /* a new ticket, solved or not */
		int64_t created = JAN_2022 + rnd(60 * 86400);
		bool solved = rnd(2);
		snprintf(sql, sizeof sql,
			 "INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at,"
			 " first_response_at, resolved_at, status, csat, replies)"
			 " VALUES ((SELECT min(id) FROM customers), (SELECT min(id) FROM agents), 'chat', 'new topic',"
			 " %lld, %lld, %lld, NULL, 'open', NULL, 1)",
			 (long long)(1 + rnd(3)), (long long)created, (long long)(created + 600));
		/* Solved, one in three with a first resolution of its own (as a
		 * help desk's export gives a reopened ticket's), the others
		 * taking resolved_at by the trigger. */
		char first[32] = "NULL";
		if (created % 3 == 0)
			snprintf(first, sizeof first, "%lld", (long long)(created + 3600));
		if (solved)
			snprintf(sql, sizeof sql,
				 "INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at,"
				 " first_response_at, resolved_at, status, csat, replies, first_resolved_at)"
				 " VALUES ((SELECT min(id) FROM customers), (SELECT min(id) FROM agents), 'chat', 'new topic',"
				 " %lld, %lld, %lld, %lld, 'solved', %lld, 1, %s)",
				 (long long)(1 + rnd(3)), (long long)created, (long long)(created + 600),
				 (long long)(created + 7200 + rnd(86400)), (long long)rnd(11), first);
		break;
	}
	}
	exec_ok(st, sql);
}

static void mark_all_written(cx_store *st)
{
	exec_ok(st, "INSERT OR IGNORE INTO ticket_hours_dirty (kind, hour)"
		    " SELECT 0, created_at / 3600 FROM tickets"
		    " UNION SELECT 1, resolved_at / 3600 FROM tickets WHERE resolved_at IS NOT NULL");
}

static void assert_check_clean(cx_store *st)
{
	cx_error err = {0};
	cx_rollup_check chk;
	assert_int_equal(cx_store_rollup_check(st, false, &chk, &err), 0);
	assert_int_equal(chk.wrong, 0);
	assert_int_equal(chk.missing, 0);
	assert_int_equal(chk.extra, 0);
	assert_int_equal(chk.triggers, 0);
	assert_int_equal(chk.counts_wrong, 0);
	assert_int_equal(chk.bands_wrong, 0);
	assert_int_equal(chk.months_wrong, 0);
}

static void test_random_writes_keep_rollups_exact(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("rollup.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	cx_store *rw = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(rw);
	assert_check_clean(rw);
	make_periods();
	for (int batch = 0; batch < 12; batch++) {
		for (int i = 0; i < 25; i++)
			random_write(rw, 24000);
		/* Half and half: the batch's hours are still noted as written. */
		int64_t stale;
		assert_int_equal(cx_store_rollup_stale(rw, &stale, &err), 0);
		assert_true(stale > 0);
		cx_store *ro = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
		assert_non_null(ro);
		struct figures mixed[3], packed[3], raw[3];
		for (int p = 0; p < 3; p++)
			figures_of(ro, &periods[p], &mixed[p], false);
		/* Packed: the writable handle packs before it reads. */
		for (int p = 0; p < 3; p++)
			figures_of(rw, &periods[p], &packed[p], true);
		assert_int_equal(cx_store_rollup_stale(rw, &stale, &err), 0);
		assert_int_equal(stale, 0);
		assert_check_clean(rw);
		/* From the tickets alone. */
		mark_all_written(rw);
		for (int p = 0; p < 3; p++)
			figures_of(ro, &periods[p], &raw[p], false);
		for (int p = 0; p < 3; p++) {
			assert_same(&packed[p], &raw[p], "packed against tickets");
			assert_same(&packed[p], &mixed[p], "packed against half packed");
			assert_medians(ro, &periods[p], &packed[p]);
			figures_free(&mixed[p]);
			figures_free(&packed[p]);
			figures_free(&raw[p]);
		}
		cx_store_close(ro);
	}
	cx_store_close(rw);
}

/* One random write to the customers: a score given, changed or taken
 * away, the blacklist, the day they came, a customer added, deleted or
 * written again by id or by email (INSERT OR REPLACE deletes the row it
 * replaces without a delete trigger). */
static void random_customer_write(cx_store *st)
{
	char sql[1024];
	cx_error err = {0};
	long long id = 1 + rnd(300), sat = 1 + rnd(10), at = JAN_2022 + rnd(90 * 86400) - 45 * 86400;
	/* Half the time one of the customers this test added, whom nothing
	 * names, so that replacing them goes through. */
	char who[80];
	if (rnd(2))
		snprintf(who, sizeof who, "(SELECT max(id) FROM customers WHERE name IN ('New', 'Taker'))");
	else
		snprintf(who, sizeof who, "%lld", id);
	switch (rnd(8)) {
	case 0:
		snprintf(sql, sizeof sql, "UPDATE customers SET satisfaction = %lld WHERE id = %s", sat, who);
		break;
	case 1:
		snprintf(sql, sizeof sql, "UPDATE customers SET satisfaction = NULL WHERE id = %lld", id);
		break;
	case 2:
		snprintf(sql, sizeof sql, "UPDATE customers SET blacklisted = 1 - blacklisted WHERE id = %lld", id);
		break;
	case 3:
		snprintf(sql, sizeof sql, "UPDATE customers SET created_at = %lld WHERE id = %lld", at, id);
		break;
	case 4:
		snprintf(sql, sizeof sql,
			 "INSERT INTO customers (name, email, satisfaction, blacklisted, created_at)"
			 " VALUES ('New', 'new%lld@example.com', %lld, %lld, %lld)",
			 (long long)rnd(1000000), sat, (long long)rnd(2), at);
		break;
	case 5: /* refused when a ticket names them: skipped */
		snprintf(sql, sizeof sql, "DELETE FROM customers WHERE id = %lld", id);
		cx_store_exec(st, sql, &err);
		return;
	case 6: /* the same id again, another score and day (refused when
		 * anything names them: skipped) */
		snprintf(sql, sizeof sql,
			 "INSERT OR REPLACE INTO customers (id, name, email, segment, satisfaction, blacklisted, created_at)"
			 " SELECT id, name, email, segment, %lld, blacklisted, %lld FROM customers WHERE id = %s",
			 sat, at, who);
		cx_store_exec(st, sql, &err);
		return;
	default: /* another customer's email: that customer is replaced
		  * (refused when anything names them: skipped) */
		snprintf(sql, sizeof sql,
			 "INSERT OR REPLACE INTO customers (name, email, satisfaction, created_at)"
			 " SELECT 'Taker', email, %lld, %lld FROM customers WHERE id = %s AND email IS NOT NULL",
			 sat, at, who);
		cx_store_exec(st, sql, &err);
		return;
	}
	exec_ok(st, sql);
}

/* The customers' band counts stay what the customers say, whatever is
 * written; and the watchlist counts with them are what a count says. */
static void test_random_customer_writes_keep_bands_exact(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("bands.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	cx_store *st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	assert_check_clean(st);
	for (int batch = 0; batch < 20; batch++) {
		for (int i = 0; i < 30; i++)
			random_customer_write(st);
		assert_check_clean(st);
	}
	/* After repair (the cells counted again), the same counts. */
	make_periods();
	cx_watch_counts before, after;
	assert_int_equal(cx_store_customer_counts(st, periods[0].end, &before, &err), 0);
	cx_rollup_check chk;
	assert_int_equal(cx_store_rollup_check(st, true, &chk, &err), 0);
	assert_int_equal(cx_store_customer_counts(st, periods[0].end, &after, &err), 0);
	assert_memory_equal(&before, &after, sizeof before);
	cx_store_close(st);
}

/* A store whose sales and claims earned points while no ticket is solved
 * (or none is there): the levels still count every sale and claim. */
static void test_levels_without_solved_tickets(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("nosolved.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	cx_store *st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	exec_ok(st, "DELETE FROM ticket_events; DELETE FROM ticket_changes; DELETE FROM tickets");
	make_periods();
	for (int k = 0; k < 2; k++) { /* counted and kept, then read from what was kept */
		int32_t to[] = {periods[0].to_day, periods[0].to_day - 12, periods[2].to_day};
		for (size_t i = 0; i < sizeof to / sizeof to[0]; i++) {
			cx_score_raw *life;
			size_t n;
			assert_int_equal(cx_store_score_life(st, to[i], 3600, 48 * 3600, &life, &n, &err), 0);
			assert_life(st, to[i], life, n);
			free(life);
		}
	}
	assert_check_clean(st);
	cx_store_close(st);
}

/* Damage that check finds, and --repair undoes, with every figure as before. */
static void test_check_finds_and_repairs(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("damaged.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	cx_store *st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	make_periods();
	struct figures before, after;
	figures_of(st, &periods[2], &before, false);

	exec_ok(st, "DROP TRIGGER tickets_rollup_update;"
		    "DELETE FROM ticket_hours WHERE hour % 97 = 0;"
		    "UPDATE ticket_hours SET facts = (SELECT facts FROM ticket_hours ORDER BY hour LIMIT 1)"
		    " WHERE kind = 0 AND hour % 89 = 1;"
		    "INSERT INTO ticket_hours (kind, hour, tickets, facts)"
		    " SELECT 0, 100, 1, facts FROM ticket_hours LIMIT 1;"
		    /* the customers' counts: one altered by hand, and the
		     * trigger of a move gone before a ticket moves */
		    "UPDATE customer_tickets SET tickets = tickets + 5 WHERE customer_id = 3;"
		    "DROP TRIGGER tickets_count_move;"
		    "UPDATE tickets SET customer_id = 4 WHERE id = (SELECT min(id) FROM tickets WHERE customer_id = 5);"
		    /* a satisfaction band's day altered by hand */
		    "UPDATE customer_bands SET customers = customers + 2"
		    " WHERE band = 0 AND day = (SELECT min(day) FROM customer_bands WHERE band = 0);");
	cx_rollup_check chk;
	assert_int_equal(cx_store_rollup_check(st, false, &chk, &err), 0);
	assert_int_equal(chk.triggers, 2);
	assert_int_equal(chk.counts_wrong, 3);
	assert_int_equal(chk.bands_wrong, 1);
	assert_true(chk.missing > 0);
	assert_true(chk.wrong > 0);
	assert_int_equal(chk.extra, 1);

	assert_int_equal(cx_store_rollup_check(st, true, &chk, &err), 0);
	assert_check_clean(st);
	/* A kind's kept total of packed tickets altered by hand: a wrong
	 * hour, and the backlog would be off; the repair sums it again. */
	exec_ok(st, "UPDATE ticket_hours_totals SET tickets = tickets + 3 WHERE kind = 1");
	assert_int_equal(cx_store_rollup_check(st, false, &chk, &err), 0);
	assert_int_equal(chk.wrong, 1);
	assert_int_equal(cx_store_rollup_check(st, true, &chk, &err), 0);
	assert_check_clean(st);
	figures_of(st, &periods[2], &after, false);
	assert_same(&before, &after, "before damage against after repair");
	figures_free(&before);
	figures_free(&after);
	cx_store_close(st);
}

/* Writes no trigger sees, as SQLite defines REPLACE: a customer put in
 * another's place under a new id leaves a count of 0 for the old id, which
 * is not an error; a ticket given another's id by UPDATE OR REPLACE leaves
 * the deleted ticket's customer counted once too often, which check finds
 * and --repair mends. */
static void test_replaced_rows_and_the_counts(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("replaced.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	cx_store *st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	exec_ok(st, "INSERT INTO customers (id, name, email, created_at) VALUES (900001, 'Old', 'same@example.com', 1640995200);"
		    "INSERT OR REPLACE INTO customers (id, name, email, created_at)"
		    " VALUES (900002, 'New', 'same@example.com', 1640995200)");
	assert_check_clean(st);
	exec_ok(st, "INSERT INTO tickets (id, customer_id, channel, topic, complexity, created_at, status, replies)"
		    " VALUES (900001, 7, 'chat', 'x', 1, 1646000000, 'open', 0), (900002, 8, 'chat', 'x', 1, 1646000000, 'open', 0);"
		    "UPDATE OR REPLACE tickets SET id = 900002 WHERE id = 900001");
	cx_rollup_check chk;
	assert_int_equal(cx_store_rollup_check(st, false, &chk, &err), 0);
	assert_int_equal(chk.counts_wrong, 1);
	assert_int_equal(cx_store_rollup_check(st, true, &chk, &err), 0);
	assert_check_clean(st);
	cx_store_close(st);
}

/* A damaged blob is an error naming the repair, never a wrong figure. */
static void test_damaged_blob_is_an_error(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("garbled.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	cx_store *st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	make_periods();
	exec_ok(st, "UPDATE ticket_hours SET facts = x'01ff' WHERE kind = 0 AND hour ="
		    " (SELECT min(hour) FROM ticket_hours WHERE kind = 0 AND hour >= 455832)");
	cx_ticket_group_row *rows;
	size_t n;
	assert_int_equal(cx_store_ticket_kpis(st, &periods[0], CX_GROUP_TEAM, &rows, &n, &err), -1);
	assert_non_null(strstr(err.msg, "cxtop check --repair"));
	cx_store_close(st);
}

/* The binned medians (two passes, bounded memory) against sorting, over
 * distributions that crowd one bin, spread over decades, repeat values,
 * and reach past 32 bits; sizes around each rank's edge cases. */
static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

static void test_binned_medians_are_exact(void **state)
{
	(void)state;
	static const int64_t sizes[] = {1, 2, 3, 4, 5, 9, 10, 11, 99, 100, 101, 1000, 4097, 20000};
	int64_t *v = cx_xcalloc(20000, sizeof *v);
	for (int shape = 0; shape < 5; shape++) {
		for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
			int64_t n = sizes[si];
			for (int64_t i = 0; i < n; i++) {
				switch (shape) {
				case 0: v[i] = rnd(200); break;                      /* the exact bins */
				case 1: v[i] = 3600 + rnd(40); break;                /* one crowded bin */
				case 2: v[i] = (int64_t)1 << rnd(40) | rnd(1000); break; /* decades */
				case 3: v[i] = rnd(3) * 86400; break;                /* repeats */
				default: v[i] = 4294967290LL + rnd(12) + (rnd(2) ? 5000000000LL : 0); break;
				}
			}
			cx_durations kept, binned;
			cx_durations_init(&kept, false);
			cx_durations_init(&binned, true);
			for (int64_t i = 0; i < n; i++) {
				cx_durations_add(&kept, v[i]);
				cx_durations_add(&binned, v[i]);
			}
			assert_true(cx_durations_plan(&binned));
			for (int64_t i = n - 1; i >= 0; i--) /* another order */
				cx_durations_again(&binned, v[i]);
			qsort(v, (size_t)n, sizeof *v, cmp_i64);
			cx_dist want = cx_dist_of_sorted(v, n), a = cx_durations_dist(&kept), b = cx_durations_dist(&binned);
			if (memcmp(&want, &a, sizeof want) != 0 || memcmp(&want, &b, sizeof want) != 0)
				fail_msg("shape %d, %lld values: median_x2 %lld/%lld/%lld, p90 %lld/%lld/%lld", shape,
					 (long long)n, (long long)want.median_x2, (long long)a.median_x2,
					 (long long)b.median_x2, (long long)want.p90, (long long)a.p90, (long long)b.p90);
			cx_durations_free(&kept);
			cx_durations_free(&binned);
		}
	}
	free(v);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_writes_keep_rollups_exact),
		cmocka_unit_test(test_replaced_rows_and_the_counts),
		cmocka_unit_test(test_random_customer_writes_keep_bands_exact),
		cmocka_unit_test(test_levels_without_solved_tickets),
		cmocka_unit_test(test_check_finds_and_repairs),
		cmocka_unit_test(test_damaged_blob_is_an_error),
		cmocka_unit_test(test_binned_medians_are_exact),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_tmp_cleanup();
	return rc;
}
