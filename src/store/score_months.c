/* score_months.c — the leaderboard's kept months (schema 12).
 *
 * A level counts every point an agent ever earned, so each board used to
 * judge every ticket ever solved: half a second at four million tickets.
 * Points are sums of counts (cx_score_points), so the counts of a month can
 * be kept and added up: score_months holds, per local month and agent, the
 * ticket events of the tickets solved in it as they stand now, under what
 * judging them depends on (the targets, business hours, a fingerprint of
 * the schedules, SLA policies and teams).  A row with agent 0 marks a month
 * as counted, even an empty one.
 *
 * A kept month is used only while it is current: rollup.c throws away the
 * months of every hour it packs again, and a month with an hour written
 * since (noted in ticket_hours_dirty, not packed yet) is counted from the
 * facts.  A writer keeps what it counted, in the same write transaction
 * as the reading, so nothing can slip in between.
 *
 * A board as of an earlier day reads the tickets changed since as they
 * were then: those are few, and are taken out as they are now and put back
 * as they were (the same correction cx_facts_scan makes per hour).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "keymap.h"
#include "score_events.h"

/* The counts a kept row holds, in this order: the ticket events by
 * complexity, then solved, one-touch, reopened, complexity sum, rated,
 * satisfied, upsells, win-backs, attributed revenue, claims paid. */
enum { NCOUNTS = 3 * CX_R_TICKET_RULES + 10 };

static void counts_of(const cx_score_raw *r, int64_t *v)
{
	for (int c = 0; c < 3; c++)
		for (int e = 0; e < CX_R_TICKET_RULES; e++)
			*v++ = r->ticket[c][e];
	*v++ = r->solved;
	*v++ = r->one_touch;
	*v++ = r->reopened;
	*v++ = r->complexity_sum;
	*v++ = r->rated;
	*v++ = r->satisfied;
	*v++ = r->upsell;
	*v++ = r->winback;
	*v++ = r->revenue;
	*v = r->claims;
}

static void add_counts(cx_score_raw *r, const int64_t *v)
{
	for (int c = 0; c < 3; c++)
		for (int e = 0; e < CX_R_TICKET_RULES; e++)
			r->ticket[c][e] += *v++;
	r->solved += *v++;
	r->one_touch += *v++;
	r->reopened += *v++;
	r->complexity_sum += *v++;
	r->rated += *v++;
	r->satisfied += *v++;
	r->upsell += *v++;
	r->winback += *v++;
	r->revenue += *v++;
	r->claims += *v;
}

/* Kept as little-endian 64-bit integers, whatever the machine. */
static void encode(const int64_t *v, unsigned char *out)
{
	for (int i = 0; i < NCOUNTS; i++)
		for (int b = 0; b < 8; b++)
			out[i * 8 + b] = (unsigned char)((uint64_t)v[i] >> (8 * b));
}

static bool decode(const unsigned char *in, int len, int64_t *v)
{
	if (len != NCOUNTS * 8)
		return false;
	for (int i = 0; i < NCOUNTS; i++) {
		uint64_t u = 0;
		for (int b = 0; b < 8; b++)
			u |= (uint64_t)in[i * 8 + b] << (8 * b);
		memcpy(&v[i], &u, sizeof u);
	}
	return true;
}

/* ---- what judging depends on ----------------------------------------------- */

/* FNV-1a over every row the clock is built from (query_schedules.c): a
 * change to a schedule, holiday, policy or an agent's team gives another
 * fingerprint, under which nothing is kept yet. */
int cx_score_clock_print(cx_store *st, int64_t *out, cx_error *err)
{
	static const char *const sql[] = {
		"SELECT * FROM schedules ORDER BY id",
		"SELECT * FROM schedule_hours ORDER BY 1, 2, 3, 4",
		"SELECT * FROM schedule_holidays ORDER BY 1, 2, 3",
		"SELECT * FROM schedule_teams ORDER BY 1, 2",
		"SELECT * FROM sla_policies ORDER BY id",
		"SELECT id, team FROM agents ORDER BY id",
	};
	uint64_t h = 14695981039346656037u;
	for (size_t q = 0; q < sizeof sql / sizeof sql[0]; q++) {
		sqlite3_stmt *s;
		if (cx_q_prepare(st, sql[q], &s, err) < 0)
			return -1;
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(s); c++) {
				/* The type first, so NULL, 1 and '1' differ. */
				unsigned char type = (unsigned char)sqlite3_column_type(s, c);
				const unsigned char *p = sqlite3_column_text(s, c);
				int len = sqlite3_column_bytes(s, c);
				h = (h ^ type) * 1099511628211u;
				for (int i = 0; p && i < len; i++)
					h = (h ^ p[i]) * 1099511628211u;
				h = (h ^ 0xFF) * 1099511628211u;
			}
		}
		if (cx_q_done(st, s, rc, err) < 0)
			return -1;
		h = (h ^ 0xFE) * 1099511628211u;
	}
	memcpy(out, &h, sizeof h);
	return 0;
}

/* ---- a month's counts -------------------------------------------------------- */

/* Counted per agent, every agent (the kept rows serve every board). */
struct month {
	const cx_judge *j;
	cx_score_raw *agents;
	size_t n, cap;
	cx_keymap index; /* agent id -> agents[] */
};

static cx_score_raw *month_agent(struct month *m, int64_t agent_id)
{
	int *i = cx_keymap_at(&m->index, agent_id, NULL);
	if (*i < 0) {
		if (m->n == m->cap) {
			m->cap = m->cap ? m->cap * 2 : 64;
			m->agents = cx_xreallocarray(m->agents, m->cap, sizeof *m->agents);
		}
		memset(&m->agents[m->n], 0, sizeof m->agents[m->n]);
		m->agents[m->n].agent_id = agent_id;
		*cx_keymap_at(&m->index, agent_id, NULL) = (int)m->n++;
		return &m->agents[m->n - 1];
	}
	return &m->agents[*i];
}

static void month_visit(const cx_fact *f, void *ctx)
{
	struct month *m = ctx;
	if (cx_judge_counts(f))
		cx_judge_count(m->j, f, month_agent(m, f->agent_id), 1);
}

/* The month's conversions and paid claims, per agent (query_scores.c's
 * queries, over the month). */
static int month_sales(cx_store *st, const cx_period *p, struct month *m, cx_error *err)
{
	sqlite3_stmt *s;
	int rc;
	if (cx_q_prepare(st, CX_SQL_CONVERSIONS, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_score_raw *r = month_agent(m, sqlite3_column_int64(s, 0));
		r->upsell = sqlite3_column_int64(s, 1);
		r->winback = sqlite3_column_int64(s, 2);
		r->revenue = sqlite3_column_int64(s, 3);
	}
	if (cx_q_done(st, s, rc, err) < 0 || cx_q_prepare(st, CX_SQL_PAID_CLAIMS, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		month_agent(m, sqlite3_column_int64(s, 0))->claims = sqlite3_column_int64(s, 1);
	return cx_q_done(st, s, rc, err);
}

/* Counts the month from the tickets, orders and claims as they are now. */
static int count_month(cx_store *st, const cx_period *p, struct month *m, cx_error *err)
{
	if (cx_facts_scan_now(st, CX_FACT_RESOLVED, p->start, p->end, month_visit, m, err) < 0)
		return -1;
	return month_sales(st, p, m, err);
}

static void month_free(struct month *m)
{
	free(m->agents);
	cx_keymap_free(&m->index);
	memset(m, 0, sizeof *m);
}

/* ---- the months --------------------------------------------------------------- */

struct key {
	int64_t frt_s, sla_s, clock;
	int business;
};

static void bind_key(sqlite3_stmt *s, int col, const struct key *k)
{
	sqlite3_bind_int64(s, col, k->frt_s);
	sqlite3_bind_int64(s, col + 1, k->sla_s);
	sqlite3_bind_int(s, col + 2, k->business);
	sqlite3_bind_int64(s, col + 3, k->clock);
}

/* The kept month [start, end) into m; *found false when it is not kept
 * or not current. */
static int read_month(cx_store *st, const struct key *k, int64_t start, int64_t end, struct month *m, bool *found,
		      cx_error *err)
{
	static const char sql[] =
		"SELECT agent_id, counts FROM score_months WHERE start_at = ?1 AND end_at = ?2"
		" AND frt_s = ?3 AND sla_s = ?4 AND business = ?5 AND clock = ?6"
		" AND NOT EXISTS (SELECT 1 FROM ticket_hours_dirty WHERE kind = 1"
		"                 AND hour >= ?1 / 3600 - 1 AND hour < ?2 / 3600 + 1)";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, start);
	sqlite3_bind_int64(s, 2, end);
	bind_key(s, 3, k);
	int rc;
	bool mark = false, ok = true;
	int64_t v[NCOUNTS];
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t agent = sqlite3_column_int64(s, 0);
		if (agent == 0) {
			mark = true;
			continue;
		}
		if (!decode(sqlite3_column_blob(s, 1), sqlite3_column_bytes(s, 1), v)) {
			ok = false; /* damaged: counted again (and kept again by a writer) */
			continue;
		}
		add_counts(month_agent(m, agent), v);
	}
	if (cx_q_done(st, s, rc, err) < 0)
		return -1;
	*found = mark && ok;
	return 0;
}

static int keep_month(cx_store *st, const struct key *k, int64_t start, int64_t end, const struct month *m,
		      cx_error *err)
{
	/* The month as kept before under this key, and under any fingerprint
	 * of a clock that is gone (other targets may be another rules file's,
	 * in use beside this one). */
	static const char del_sql[] = "DELETE FROM score_months WHERE start_at = ?1"
				      " AND (clock <> ?6 OR (frt_s = ?3 AND sla_s = ?4 AND business = ?5))";
	static const char put_sql[] = "INSERT INTO score_months (start_at, end_at, frt_s, sla_s, business, clock,"
				      " agent_id, counts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, del_sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, start);
	sqlite3_bind_int64(s, 2, end);
	bind_key(s, 3, k);
	if (cx_q_done(st, s, sqlite3_step(s), err) < 0)
		return -1;
	unsigned char blob[NCOUNTS * 8];
	int64_t v[NCOUNTS];
	for (size_t i = 0; i <= m->n; i++) {
		/* The mark first (agent 0, nothing counted), then each agent. */
		cx_score_raw none = {0};
		const cx_score_raw *r = i == 0 ? &none : &m->agents[i - 1];
		if (i > 0 && r->agent_id == 0)
			continue;
		counts_of(r, v);
		encode(v, blob);
		if (cx_q_prepare(st, put_sql, &s, err) < 0)
			return -1;
		sqlite3_bind_int64(s, 1, start);
		sqlite3_bind_int64(s, 2, end);
		bind_key(s, 3, k);
		sqlite3_bind_int64(s, 7, r->agent_id);
		sqlite3_bind_blob(s, 8, blob, (int)sizeof blob, SQLITE_TRANSIENT);
		if (cx_q_done(st, s, sqlite3_step(s), err) < 0)
			return -1;
	}
	return 0;
}

/* The oldest instant anything earned points at (a ticket solved, an
 * attributed order placed, a claim paid); false when there is none. */
static int oldest_solved(cx_store *st, int64_t *at, bool *any, cx_error *err)
{
	sqlite3_stmt *s;
	/* An aggregate over the three, not min(a, b, c), which is NULL when
	 * any one is (a store with sales and no solved ticket). */
	if (cx_q_prepare(st,
			 "SELECT min(x) FROM (SELECT min(resolved_at) AS x FROM tickets"
			 " UNION ALL SELECT min(placed_at) FROM orders INDEXED BY orders_attribution"
			 "   WHERE attribution IN ('upsell', 'winback', 'discount_code')"
			 " UNION ALL SELECT CAST(strftime('%s', min(resolved_on)) AS INTEGER) - 86400 FROM carrier_claims"
			 "   WHERE resolved_on IS NOT NULL)",
			 &s, err) < 0)
		return -1;
	int rc = sqlite3_step(s);
	*any = false;
	if (rc == SQLITE_ROW) {
		*any = sqlite3_column_type(s, 0) != SQLITE_NULL;
		*at = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

/* Adds a month's counts to the board's rows. */
static void add_month(const struct month *m, cx_keymap *row_of, cx_score_raw *rows)
{
	int64_t v[NCOUNTS];
	for (size_t i = 0; i < m->n; i++) {
		int r = *cx_keymap_at(row_of, m->agents[i].agent_id, NULL);
		if (r < 0)
			continue; /* not on this board */
		counts_of(&m->agents[i], v);
		add_counts(&rows[r], v);
	}
}

/* Keeps a counted month; when that fails (a full disk, say) the month's
 * rows are undone and nothing more is kept this time: the board is
 * counted all the same. */
static void keep_or_not(cx_store *st, const struct key *k, const cx_period *p, const struct month *m, bool *keep)
{
	cx_error ignored = {0};
	if (sqlite3_exec(st->db, "SAVEPOINT keep_month", NULL, NULL, NULL) != SQLITE_OK) {
		*keep = false;
		return;
	}
	if (keep_month(st, k, p->start, p->end, m, &ignored) < 0) {
		sqlite3_exec(st->db, "ROLLBACK TO keep_month", NULL, NULL, NULL);
		*keep = false;
	}
	sqlite3_exec(st->db, "RELEASE keep_month", NULL, NULL, NULL);
}

static int months(cx_store *st, const cx_judge *j, const struct key *k, bool *keep, int64_t from, int64_t upto,
		  cx_keymap *row_of, cx_score_raw *rows, cx_error *err)
{
	int64_t oldest;
	bool any;
	if (oldest_solved(st, &oldest, &any, err) < 0)
		return -1;
	int32_t day = cx_local_day(any && oldest > from ? oldest : from > INT64_MIN ? from : upto);
	if (day < 0)
		day = 0; /* the levels count from 1970 on */
	int y, mo, d;
	cx_civil_from_days(day, &y, &mo, &d);
	for (cx_period p = cx_period_containing(CX_PERIOD_MONTH, cx_days_from_civil(y, mo, 1)); p.start < upto;
	     p = cx_period_step(p, 1)) {
		struct month m = {.j = j};
		bool found;
		int rc = read_month(st, k, p.start, p.end, &m, &found, err);
		if (rc == 0 && !found) {
			month_free(&m);
			m.j = j;
			rc = count_month(st, &p, &m, err);
			if (rc == 0 && *keep)
				keep_or_not(st, k, &p, &m, keep);
		}
		if (rc == 0)
			add_month(&m, row_of, rows);
		month_free(&m);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The tickets changed since as_of: out as they are now, back as they
 * were then, where either lies in [from, upto). */
struct undo {
	const cx_judge *j;
	cx_keymap *row_of;
	cx_score_raw *rows;
	int64_t from, upto;
	int sign;
};

static void undo_visit(const cx_fact *f, void *ctx)
{
	struct undo *u = ctx;
	if (f->at < u->from || f->at >= u->upto || !cx_judge_counts(f))
		return;
	int r = *cx_keymap_at(u->row_of, f->agent_id, NULL);
	if (r >= 0)
		cx_judge_count(u->j, f, &u->rows[r], u->sign);
}

static int as_of_then(cx_store *st, const cx_judge *j, int64_t from, int64_t upto, int64_t as_of,
		      cx_keymap *row_of, cx_score_raw *rows, cx_error *err)
{
	cx_as_of a;
	if (cx_as_of_load(st, CX_FACT_RESOLVED, as_of, &a, err) < 0)
		return -1;
	struct undo u = {j, row_of, rows, from, upto, 1};
	int64_t *now = cx_xcalloc(a.n ? a.n : 1, sizeof *now);
	size_t nnow = 0;
	for (size_t i = 0; i < a.n; i++) {
		if (a.t[i].in_pass)
			undo_visit(&a.t[i].fact, &u);
		if (a.t[i].now_filed && a.t[i].now_at >= from && a.t[i].now_at < upto)
			now[nnow++] = a.t[i].id;
	}
	u.sign = -1;
	int rc = cx_facts_of_tickets(st, CX_FACT_RESOLVED, now, nnow, undo_visit, &u, err);
	free(now);
	cx_as_of_free(&a);
	return rc;
}

int cx_score_months_add(cx_store *st, const cx_judge *j, int64_t from, int64_t upto, int64_t as_of, cx_score_raw *rows,
			size_t n, cx_error *err)
{
	struct key k = {j->frt_s, j->sla_s, 0, j->business};
	/* A writer keeps what it counts, in one write transaction with the
	 * reading; when another writer holds the lock, or a transaction is
	 * open already, it reads and counts like a reader. */
	bool keep = false;
	if (!st->read_only && sqlite3_get_autocommit(st->db)) {
		sqlite3_busy_timeout(st->db, 0);
		keep = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
		sqlite3_busy_timeout(st->db, CX_STORE_BUSY_TIMEOUT_MS);
	}
	if (!keep && sqlite3_exec(st->db, "SAVEPOINT score_months", NULL, NULL, NULL) != SQLITE_OK)
		return cx_store_sql_fail(st, err, sqlite3_errcode(st->db), "cannot read store");
	cx_keymap row_of = {0};
	for (size_t i = 0; i < n; i++)
		*cx_keymap_at(&row_of, rows[i].agent_id, NULL) = (int)i;
	/* The clock j holds stays as it is while this writes. */
	bool pinned = st->clock_pinned;
	st->clock_pinned = true;
	int rc = cx_score_clock_print(st, &k.clock, err);
	if (rc == 0)
		rc = months(st, j, &k, &keep, from, upto, &row_of, rows, err);
	if (rc == 0)
		rc = as_of_then(st, j, from, upto, as_of, &row_of, rows, err);
	cx_keymap_free(&row_of);
	st->clock_pinned = pinned;
	if (keep) {
		/* What was counted stands even when keeping it fails. */
		if (sqlite3_exec(st->db, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	} else {
		sqlite3_exec(st->db, "RELEASE score_months", NULL, NULL, NULL);
	}
	return rc;
}

/* ---- cxtop check ----------------------------------------------------------------- */

static int cmp_agent(const void *a, const void *b)
{
	const cx_score_raw *x = a, *y = b;
	return (x->agent_id > y->agent_id) - (x->agent_id < y->agent_id);
}

/* Whether two months' counts agree, agent by agent (an agent counted
 * nothing is the same as one not there). */
static bool same_month(struct month *a, struct month *b)
{
	qsort(a->agents, a->n, sizeof *a->agents, cmp_agent);
	qsort(b->agents, b->n, sizeof *b->agents, cmp_agent);
	int64_t va[NCOUNTS], vb[NCOUNTS], zero[NCOUNTS] = {0};
	size_t i = 0, k = 0;
	while (i < a->n || k < b->n) {
		int64_t ia = i < a->n ? a->agents[i].agent_id : INT64_MAX;
		int64_t ib = k < b->n ? b->agents[k].agent_id : INT64_MAX;
		if (ia <= ib)
			counts_of(&a->agents[i], va);
		else
			memcpy(va, zero, sizeof va);
		if (ib <= ia)
			counts_of(&b->agents[k], vb);
		else
			memcpy(vb, zero, sizeof vb);
		if (memcmp(va, vb, sizeof va) != 0)
			return false;
		i += ia <= ib;
		k += ib <= ia;
	}
	return true;
}

int cx_score_months_check(cx_store *st, int64_t *kept, int64_t *wrong, cx_error *err)
{
	static const char sql[] = "SELECT start_at, end_at, frt_s, sla_s, business FROM score_months"
				  " WHERE clock = ?1 AND agent_id = 0 ORDER BY start_at";
	*kept = *wrong = 0;
	struct key k;
	if (cx_score_clock_print(st, &k.clock, err) < 0)
		return -1;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, k.clock);
	struct {
		int64_t start, end;
		struct key k;
	} *list = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		list = cx_q_grow(list, &cap, n, sizeof *list);
		list[n].start = sqlite3_column_int64(s, 0);
		list[n].end = sqlite3_column_int64(s, 1);
		list[n].k = (struct key){sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3), k.clock,
					 sqlite3_column_int(s, 4)};
		n++;
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(list);
		return -1;
	}
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		cx_judge j;
		if (cx_judge_init(st, list[i].k.frt_s, list[i].k.sla_s, &j, err) < 0) {
			ret = -1;
			break;
		}
		j.business = list[i].k.business != 0;
		struct month stored = {.j = &j}, counted = {.j = &j};
		bool found;
		ret = read_month(st, &list[i].k, list[i].start, list[i].end, &stored, &found, err);
		/* Not found: written since, and not used until counted again. */
		if (ret == 0 && found) {
			/* A month of another time zone's cxtop is not this one's to
			 * use, nor to judge. */
			cx_period p = cx_period_containing(CX_PERIOD_MONTH, cx_local_day(list[i].start));
			if (p.start != list[i].start || p.end != list[i].end) {
				month_free(&stored);
				continue;
			}
			ret = count_month(st, &p, &counted, err);
			(*kept)++;
			if (ret == 0 && !same_month(&stored, &counted))
				(*wrong)++;
		}
		month_free(&stored);
		month_free(&counted);
	}
	free(list);
	return ret;
}
