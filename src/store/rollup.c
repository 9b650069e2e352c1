/* rollup.c — keeping the hourly ticket rollups current, and checking them.
 *
 * The triggers of schema 4 note each (kind, hour) a write touches in
 * ticket_hours_dirty; they cannot pack facts themselves (SQL has no way to
 * edit a packed blob, and a trigger must work in any sqlite3 shell).  This
 * file packs the noted hours again: right after an upgrade or an import,
 * and before any read on a writable store that nobody else is writing.
 * Readers never depend on it: an hour still noted is read from the tickets
 * (ticket_facts.c), so the rollups are a cache that cannot be wrong, only
 * slower when stale.  `cxtop check` compares every packed hour with a fresh
 * packing of its tickets, and --repair rebuilds them all.
 */
#include "rollup.h"
#include "score_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "schema.h"
#include "ticket_facts.h"

static cx_progress_fn progress;

void cx_store_set_progress(cx_progress_fn fn)
{
	progress = fn;
}

struct hour_key {
	int kind;
	int64_t hour;
};

static int read_keys(cx_store *st, const char *sql, struct hour_key **keys, size_t *n, cx_error *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	*keys = NULL;
	*n = 0;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*keys = cx_q_grow(*keys, &cap, *n, sizeof **keys);
		(*keys)[*n].kind = sqlite3_column_int(s, 0);
		(*keys)[(*n)++].hour = sqlite3_column_int64(s, 1);
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(*keys);
		*keys = NULL;
		return -1;
	}
	return 0;
}

/* Packs one hour again from its tickets; an hour left empty loses its row. */
static int pack_hour(cx_store *st, int kind, int64_t hour, cx_error *err)
{
	/* An upsert, not INSERT OR REPLACE: the totals' update trigger sees
	 * the old count (a replaced row fires no delete trigger). */
	static const char put_sql[] = "INSERT INTO ticket_hours (kind, hour, tickets, facts) VALUES (?1, ?2, ?3, ?4)"
				      " ON CONFLICT (kind, hour) DO UPDATE SET tickets = excluded.tickets, facts = excluded.facts";
	static const char del_sql[] = "DELETE FROM ticket_hours WHERE kind = ?1 AND hour = ?2";
	unsigned char *blob;
	size_t len;
	int64_t tickets;
	if (hour < 1)
		return 0; /* never read from a rollup (ticket_facts.c) */
	if (cx_facts_pack_hour(st, (enum cx_fact_kind)kind, hour, &blob, &len, &tickets, err) < 0)
		return -1;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, tickets ? put_sql : del_sql, &s, err) < 0) {
		free(blob);
		return -1;
	}
	sqlite3_bind_int(s, 1, kind);
	sqlite3_bind_int64(s, 2, hour);
	if (tickets) {
		sqlite3_bind_int64(s, 3, tickets);
		sqlite3_bind_blob(s, 4, blob, (int)len, free);
	}
	int rc = sqlite3_step(s);
	if (tickets)
		sqlite3_bind_null(s, 4); /* let go of the blob now */
	return cx_q_done(st, s, rc, err);
}

/* Packs every noted hour; the caller holds the write transaction. */
int cx_rollup_pack_dirty(cx_store *st, cx_error *err)
{
	struct hour_key *keys;
	size_t n;
	if (read_keys(st, "SELECT kind, hour FROM ticket_hours_dirty ORDER BY kind, hour", &keys, &n, err) < 0)
		return -1;
	/* The waits' business time: the clock built once, not after every
	 * hour written. */
	const cx_clock *clock;
	if (n && cx_store_clock(st, &clock, err) < 0) {
		free(keys);
		return -1;
	}
	bool pinned = st->clock_pinned; /* a caller may hold it too */
	st->clock_pinned = true;
	for (size_t i = 0; i < n; i++) {
		if (pack_hour(st, keys[i].kind, keys[i].hour, err) < 0) {
			st->clock_pinned = pinned;
			free(keys);
			return -1;
		}
		if (progress && n > 2000 && (i % 1000 == 0 || i + 1 == n))
			progress("packing ticket hours", (int64_t)i + 1, (int64_t)n);
	}
	st->clock_pinned = pinned;
	free(keys);
	/* The leaderboard's kept months (score_months.c) of a solved hour
	 * packed again are no longer what its tickets say. */
	static const char forget_sql[] =
		"DELETE FROM score_months WHERE EXISTS (SELECT 1 FROM ticket_hours_dirty d WHERE d.kind = 1"
		"  AND d.hour >= score_months.start_at / 3600 - 1 AND d.hour < score_months.end_at / 3600 + 1);"
		"DELETE FROM ticket_hours_dirty;";
	if (sqlite3_exec(st->db, forget_sql, NULL, NULL, NULL) != SQLITE_OK)
		return cx_store_sql_fail(st, err, sqlite3_errcode(st->db), "cannot update store");
	return 0;
}

static int in_transaction(cx_store *st, const char *begin, cx_error *err, int (*work)(cx_store *, cx_error *))
{
	int rc = sqlite3_exec(st->db, begin, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, "cannot update store");
	if (work(st, err) < 0) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return cx_store_sql_fail(st, err, rc, "cannot update store");
	}
	return 0;
}

int cx_store_rollup_refresh(cx_store *st, cx_error *err)
{
	if (st->read_only)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot update store '%s': store is read-only", st->path);
	return in_transaction(st, "BEGIN IMMEDIATE", err, cx_rollup_pack_dirty);
}

void cx_rollup_refresh_if_idle(cx_store *st)
{
	if (st->read_only || !sqlite3_get_autocommit(st->db))
		return;
	sqlite3_stmt *s;
	cx_error err = {0};
	if (cx_q_prepare(st, "SELECT 1 FROM ticket_hours_dirty LIMIT 1", &s, &err) < 0)
		return;
	int rc = sqlite3_step(s);
	cx_q_release(st, s);
	if (rc != SQLITE_ROW)
		return;
	/* Whoever holds the lock is writing more: read around them today. */
	sqlite3_busy_timeout(st->db, 0);
	in_transaction(st, "BEGIN IMMEDIATE", &err, cx_rollup_pack_dirty);
	sqlite3_busy_timeout(st->db, CX_STORE_BUSY_TIMEOUT_MS);
}

int cx_store_rollup_stale(cx_store *st, int64_t *hours, cx_error *err)
{
	sqlite3_stmt *s;
	if (cx_q_prepare(st, "SELECT count(*) FROM ticket_hours_dirty", &s, err) < 0)
		return -1;
	int rc = sqlite3_step(s);
	*hours = 0;
	if (rc == SQLITE_ROW) {
		*hours = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

/* ---- cxtop check ------------------------------------------------------------ */

/* The number of the triggers that are missing or differ from schema 4's. */
static int64_t triggers_wrong(cx_store *st)
{
	const char *all = cx_schema_rollup_triggers();
	int64_t wrong = 0;
	for (const char *p = strstr(all, "CREATE TRIGGER "); p; p = strstr(p + 1, "CREATE TRIGGER ")) {
		const char *name = p + strlen("CREATE TRIGGER ");
		size_t nlen = strcspn(name, " ");
		const char *end = strstr(p, "END;");
		char nbuf[64];
		snprintf(nbuf, sizeof nbuf, "%.*s", (int)nlen, name);
		sqlite3_stmt *s = NULL;
		bool same = false;
		if (sqlite3_prepare_v2(st->db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?1", -1,
				       &s, NULL) == SQLITE_OK) {
			sqlite3_bind_text(s, 1, nbuf, -1, SQLITE_STATIC);
			if (sqlite3_step(s) == SQLITE_ROW && end) {
				const char *sql = (const char *)sqlite3_column_text(s, 0);
				size_t want = (size_t)(end + 3 - p);
				same = sql && strlen(sql) == want && strncmp(sql, p, want) == 0;
			}
		}
		sqlite3_finalize(s);
		wrong += !same;
	}
	return wrong;
}

/* Compares packed hour k with a fresh packing of its tickets. */
static int compare_hour(cx_store *st, const struct hour_key *k, const void *stored, size_t slen, bool *same,
			cx_error *err)
{
	unsigned char *blob;
	size_t len;
	int64_t tickets;
	if (cx_facts_pack_hour(st, (enum cx_fact_kind)k->kind, k->hour, &blob, &len, &tickets, err) < 0)
		return -1;
	*same = blob && len == slen && memcmp(blob, stored, len) == 0;
	free(blob);
	return 0;
}

static int check_hours(cx_store *st, cx_rollup_check *out, cx_error *err)
{
	/* The hours holding tickets, each with its packed blob if any and
	 * whether a write noted it; in key order. */
	static const char sql[] =
		"WITH want(kind, hour) AS ("
		"  SELECT DISTINCT 0, created_at / 3600 FROM tickets WHERE created_at >= 3600"
		"  UNION SELECT DISTINCT 1, resolved_at / 3600 FROM tickets WHERE resolved_at >= 3600),"
		" keys(kind, hour) AS (SELECT kind, hour FROM want UNION SELECT kind, hour FROM ticket_hours)"
		" SELECT k.kind, k.hour, h.facts, d.hour IS NOT NULL, w.hour IS NOT NULL FROM keys k"
		" LEFT JOIN ticket_hours h ON h.kind = k.kind AND h.hour = k.hour"
		" LEFT JOIN ticket_hours_dirty d ON d.kind = k.kind AND d.hour = k.hour"
		" LEFT JOIN want w ON w.kind = k.kind AND w.hour = k.hour"
		" ORDER BY k.kind, k.hour";
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
	int rc;
	int64_t done = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct hour_key k = {sqlite3_column_int(s, 0), sqlite3_column_int64(s, 1)};
		bool packed = sqlite3_column_type(s, 2) != SQLITE_NULL;
		bool noted = sqlite3_column_int(s, 3) != 0, has_tickets = sqlite3_column_int(s, 4) != 0;
		out->hours += has_tickets;
		if (noted) {
			out->stale++;
		} else if (!packed) {
			out->missing++;
		} else if (!has_tickets) {
			out->extra++;
		} else {
			bool same;
			if (compare_hour(st, &k, sqlite3_column_blob(s, 2), (size_t)sqlite3_column_bytes(s, 2), &same,
					 err) < 0) {
				sqlite3_finalize(s);
				return -1;
			}
			out->checked++;
			out->wrong += !same;
		}
		if (progress && ++done % 2000 == 0)
			progress("checking ticket hours", done, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	return 0;
}

/* Customers whose kept ticket count is not their tickets' (or who have
 * no count), and counts of tickets for a customer that is gone.  A 0 left
 * for a gone customer is not one: an INSERT OR REPLACE of a customer under
 * a new id leaves it (no trigger fires for the row replaced), and no list
 * reads it. */
static int check_counts(cx_store *st, cx_rollup_check *out, cx_error *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM customers c LEFT JOIN customer_tickets n ON n.customer_id = c.id"
		"         WHERE n.tickets IS NOT (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id))"
		"     + (SELECT count(*) FROM customer_tickets n WHERE n.tickets <> 0"
		"         AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = n.customer_id))";
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		out->counts_wrong = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	/* The packed hours' totals (schema 12): a kind whose kept total is
	 * not the sum of its hours counts as a wrong hour. */
	static const char totals_sql[] =
		"SELECT count(*) FROM (SELECT 0 AS kind UNION ALL SELECT 1) k"
		" WHERE (SELECT tickets FROM ticket_hours_totals t WHERE t.kind = k.kind)"
		"   IS NOT (SELECT coalesce(sum(tickets), 0) FROM ticket_hours h WHERE h.kind = k.kind)";
	if (sqlite3_prepare_v2(st->db, totals_sql, -1, &s, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		out->wrong += sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	/* The customers of each satisfaction band and day (schema 12). */
	if (sqlite3_prepare_v2(st->db, cx_schema_customer_band_check(), -1, &s, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		out->bands_wrong = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	return 0;
}

static int rebuild(cx_store *st, cx_error *err)
{
	static const char sql[] =
		"DROP TRIGGER IF EXISTS tickets_rollup_insert;"
		"DROP TRIGGER IF EXISTS tickets_rollup_replace;"
		"DROP TRIGGER IF EXISTS tickets_rollup_delete;"
		"DROP TRIGGER IF EXISTS tickets_rollup_update;"
		"DROP TRIGGER IF EXISTS customers_count_insert;"
		"DROP TRIGGER IF EXISTS customers_count_delete;"
		"DROP TRIGGER IF EXISTS customers_count_renumber;"
		"DROP TRIGGER IF EXISTS tickets_count_replace;"
		"DROP TRIGGER IF EXISTS tickets_count_insert;"
		"DROP TRIGGER IF EXISTS tickets_count_delete;"
		"DROP TRIGGER IF EXISTS tickets_count_move;"
		"DROP TRIGGER IF EXISTS orders_months_replace;"
		"DROP TRIGGER IF EXISTS claims_months_replace;"
		"DROP TRIGGER IF EXISTS orders_months_insert;"
		"DROP TRIGGER IF EXISTS orders_months_delete;"
		"DROP TRIGGER IF EXISTS orders_months_update;"
		"DROP TRIGGER IF EXISTS claims_months_insert;"
		"DROP TRIGGER IF EXISTS claims_months_delete;"
		"DROP TRIGGER IF EXISTS claims_months_update;"
		"DROP TRIGGER IF EXISTS customers_bands_replace;"
		"DROP TRIGGER IF EXISTS customers_bands_insert;"
		"DROP TRIGGER IF EXISTS customers_bands_delete;"
		"DROP TRIGGER IF EXISTS customers_bands_update;"
		"DROP TRIGGER IF EXISTS ticket_hours_total_insert;"
		"DROP TRIGGER IF EXISTS ticket_hours_total_update;"
		"DROP TRIGGER IF EXISTS ticket_hours_total_delete;"
		"DELETE FROM ticket_hours;"
		"DELETE FROM ticket_hours_dirty;"
		"DELETE FROM score_months;"
		"INSERT INTO ticket_hours_dirty (kind, hour)"
		"  SELECT DISTINCT 0, created_at / 3600 FROM tickets"
		"  UNION SELECT DISTINCT 1, resolved_at / 3600 FROM tickets WHERE resolved_at IS NOT NULL;";
	/* The totals from the emptied hours (zero), then the triggers put
	 * back add what the packing below writes. */
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, cx_schema_hours_total_fill(), NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, cx_schema_customer_count_fill(), NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, cx_schema_rollup_triggers(), NULL, NULL, NULL) != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot update store '%s': %s", st->path, sqlite3_errmsg(st->db));
	return cx_rollup_pack_dirty(st, err);
}

int cx_store_rollup_check(cx_store *st, bool repair, cx_rollup_check *out, cx_error *err)
{
	memset(out, 0, sizeof *out);
	if (repair && st->read_only)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot repair store '%s': store is read-only", st->path);
	/* One read transaction: the tickets and the packed hours agree. */
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return cx_store_sql_fail(st, err, sqlite3_errcode(st->db), "cannot read store");
	out->triggers = triggers_wrong(st);
	int rc = check_hours(st, out, err);
	if (rc == 0)
		rc = check_counts(st, out, err);
	if (rc == 0)
		rc = cx_score_months_check(st, &out->months, &out->months_wrong, err);
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc < 0 || !repair)
		return rc;
	return in_transaction(st, "BEGIN IMMEDIATE", err, rebuild);
}
