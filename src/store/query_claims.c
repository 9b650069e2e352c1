/* query_claims.c — carrier claims by status, and the open ones against
 * their deadlines. */
#include <string.h>

#include "store_internal.h"

/* Every claim as it stood at the end of day ?1: the values before its
 * first change after that day (schema.c, version 3), else the row (the
 * first changes found once, from the few made after the day, not by a
 * lookup per claim); then
 * by its dates: not filed yet is a draft, resolved only later was still
 * filed, and money counts once it was paid. */
#define CLAIMS_AS_OF                                                                                     \
	"WITH first_change AS ("                                                                        \
	"  SELECT claim_id, min(id) AS id FROM claim_changes WHERE on_day > ?1 GROUP BY claim_id),"      \
	" row AS ("                                                                                      \
	"  SELECT c.id, c.carrier, c.tracking_no, c.kind, c.opened_on, c.deadline_on, c.agent_id, c.claimed," \
	"         CASE WHEN x.id IS NULL THEN c.status ELSE x.status_before END AS status,"             \
	"         CASE WHEN x.id IS NULL THEN c.filed_on ELSE x.filed_before END AS filed_on,"          \
	"         CASE WHEN x.id IS NULL THEN c.resolved_on ELSE x.resolved_before END AS resolved_on,"  \
	"         CASE WHEN x.id IS NULL THEN c.recovered ELSE x.recovered_before END AS recovered"      \
	"  FROM carrier_claims c LEFT JOIN first_change f ON f.claim_id = c.id"                        \
	"  LEFT JOIN claim_changes x ON x.id = f.id"                                                    \
	"  WHERE c.opened_on <= ?1),"                                                                   \
	" asof AS ("                                                                                     \
	"  SELECT id, carrier, tracking_no, kind, opened_on, deadline_on, agent_id, claimed,"           \
	"         CASE WHEN filed_on IS NULL OR filed_on > ?1 THEN 'draft'"                             \
	"              WHEN resolved_on IS NOT NULL AND resolved_on > ?1 THEN 'filed' ELSE status END AS status," \
	"         CASE WHEN resolved_on IS NOT NULL AND resolved_on <= ?1 THEN recovered ELSE 0 END AS recovered" \
	"  FROM row) "

/* Hands each claim statement s reads to row; a row that fails (< 0)
 * stops the reading with its error. */
static int each_claim(cx_store *st, sqlite3_stmt *s, int (*row)(void *ctx, const cx_open_claim *r), void *ctx,
		      cx_error *err);

/* The by-status table's order of statuses, from a claim's start to its end. */
#define STATUS_ORDER                                                                                      \
	"CASE status WHEN 'draft' THEN 1 WHEN 'filed' THEN 2 WHEN 'approved' THEN 3 WHEN 'denied' THEN 4 ELSE 5 END"

/* ?1 the period's last day (the day CLAIMS_AS_OF reads the claims as of),
 * ?2 its first (the claims opened since). */
static void bind_as_of(sqlite3_stmt *s, const cx_period *p)
{
	char from[11], to[11];
	cx_date_format(p->from_day, from);
	cx_date_format(p->to_day, to);
	sqlite3_bind_text(s, 1, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, from, -1, SQLITE_TRANSIENT);
}

static void fill_claims_by_status(sqlite3_stmt *s, void *row)
{
	cx_claim_group *r = row;
	cx_q_text(s, 0, r->carrier, sizeof r->carrier);
	cx_q_text(s, 1, r->status, sizeof r->status);
	r->count = sqlite3_column_int64(s, 2);
	r->claimed = sqlite3_column_int64(s, 3);
	r->recovered = sqlite3_column_int64(s, 4);
}

int cx_store_claims_by_status(cx_store *st, const cx_period *p, cx_claim_group **rows, size_t *n, cx_error *err)
{
	/* The claims opened in the period, by the status they had at its end. */
	static const char sql[] = CLAIMS_AS_OF
		"SELECT carrier, status, count(*), sum(claimed), sum(recovered) FROM asof"
		" WHERE opened_on >= ?2"
		" GROUP BY carrier, status"
		" ORDER BY carrier, " STATUS_ORDER;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_as_of(s, p);
	return cx_q_collect(st, s, sizeof **rows, fill_claims_by_status, (void **)rows, n, err);
}

static void fill_open_claims(sqlite3_stmt *s, void *row)
{
	cx_open_claim *r = row;
	r->id = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, r->carrier, sizeof r->carrier);
	cx_q_text(s, 2, r->tracking, sizeof r->tracking);
	cx_q_text(s, 3, r->kind, sizeof r->kind);
	cx_q_text(s, 4, r->status, sizeof r->status);
	cx_q_text(s, 5, r->opened_on, sizeof r->opened_on);
	cx_q_text(s, 6, r->deadline_on, sizeof r->deadline_on);
	cx_q_text(s, 7, r->agent, sizeof r->agent);
	r->claimed = sqlite3_column_int64(s, 8);
	r->recovered = sqlite3_column_int64(s, 9);
}

int cx_store_open_claims(cx_store *st, int32_t as_of_day, int (*row)(void *ctx, const cx_open_claim *r), void *ctx,
			 cx_error *err)
{
	/* Open on day ?1: neither denied nor paid by then, as it stood then. */
	static const char sql[] = CLAIMS_AS_OF
		"SELECT c.id, c.carrier, c.tracking_no, c.kind, c.status,"
		"       c.opened_on, c.deadline_on, coalesce(a.name, ''), c.claimed, c.recovered"
		" FROM asof c LEFT JOIN agents a ON a.id = c.agent_id"
		" WHERE c.status NOT IN ('denied', 'paid')"
		" ORDER BY c.deadline_on, c.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	char day[11];
	cx_date_format(as_of_day, day);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	return each_claim(st, s, row, ctx, err);
}

int cx_store_open_claims_summary(cx_store *st, int32_t as_of_day, cx_open_claims_summary *out, cx_error *err)
{
	/* The same claims as cx_store_open_claims, summed in SQL: the
	 * dashboard needs four numbers, not twelve thousand rows. */
	static const char sql[] = CLAIMS_AS_OF
		"SELECT count(*), coalesce(sum(claimed), 0), coalesce(sum(deadline_on < ?1), 0),"
		"       coalesce(sum(deadline_on >= ?1 AND deadline_on <= ?2), 0)"
		" FROM asof WHERE status NOT IN ('denied', 'paid')";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	char day[11], week[11];
	cx_date_format(as_of_day, day);
	cx_date_format(as_of_day + 7, week);
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, week, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->open = sqlite3_column_int64(s, 0);
		out->claimed = sqlite3_column_int64(s, 1);
		out->past_deadline = sqlite3_column_int64(s, 2);
		out->due_7d = sqlite3_column_int64(s, 3);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

int cx_store_claims_opened(cx_store *st, const cx_period *p, const char *carrier, const char *status,
			   int (*row)(void *ctx, const cx_open_claim *r), void *ctx, cx_error *err)
{
	/* cx_store_claims_by_status's claims, not grouped: a group's rows add
	 * up to its counts and sums. */
	static const char sql[] = CLAIMS_AS_OF
		"SELECT c.id, c.carrier, c.tracking_no, c.kind, c.status,"
		"       c.opened_on, c.deadline_on, coalesce(a.name, ''), c.claimed, c.recovered"
		" FROM asof c LEFT JOIN agents a ON a.id = c.agent_id"
		" WHERE c.opened_on >= ?2 AND (?3 IS NULL OR c.carrier = ?3) AND (?4 IS NULL OR c.status = ?4)"
		" ORDER BY c.carrier, " STATUS_ORDER ", c.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_as_of(s, p);
	if (carrier)
		sqlite3_bind_text(s, 3, carrier, -1, SQLITE_TRANSIENT);
	if (status)
		sqlite3_bind_text(s, 4, status, -1, SQLITE_TRANSIENT);
	return each_claim(st, s, row, ctx, err);
}

static int each_claim(cx_store *st, sqlite3_stmt *s, int (*row)(void *ctx, const cx_open_claim *r), void *ctx,
		      cx_error *err)
{
	cx_open_claim r;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fill_open_claims(s, &r);
		if (row(ctx, &r) < 0) {
			cx_q_release(st, s);
			return -1;
		}
	}
	return cx_q_done(st, s, rc, err);
}
