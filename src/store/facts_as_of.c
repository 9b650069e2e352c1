/* facts_as_of.c — the facts of a period as the store knew them at its end.
 *
 * A ticket solved in February and reopened in April must still count as
 * solved, one-touch and not reopened in February's report, whenever it is
 * printed.  The rollups and the tickets hold each ticket as it is now; the
 * history (ticket_changes, schema 3) holds, for every later change, the
 * values before it.  So a pass over [start, end) takes the few tickets
 * changed at or after `end`, which existed by then, and uses for each the
 * values before its first such change (its resolution, agent, replies,
 * reopens and rating then, and its waits from the timeline up to then);
 * the pass leaves those tickets out of the rows
 * and hours it reads, and visits these facts instead.  A store with no
 * changes after `end` (the current period, a store never updated) reads
 * exactly as before, at the cost of one indexed probe.
 */
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "ticket_facts.h"

/* The first change at or after ?1 of each ticket created before ?1, with
 * the fact's columns in fact_of_row's order, then the id and the instant
 * the ticket has now (the one the rollups file it under). */
#define AS_OF_COLS(at, now)                                                                              \
	"SELECT " at ", coalesce(x.agent_before, 0), t.channel, t.complexity, t.topic,"                   \
	" t.first_response_at - t.created_at, x.resolved_before - t.created_at, x.replies_before,"         \
	" x.reopened_before, x.csat_before, (t.csat_scale = '0-10' OR t.csat_scale = '1-10'), t.priority," \
	" CASE WHEN x.resolved_before IS NULL THEN NULL ELSE t.first_resolved_at - t.created_at END,"     \
	" t.id, t.created_at, t.requester_wait_min, t.agent_wait_min, t.requester_wait_business_min,"      \
	" t.agent_wait_business_min, " now                                                               \
	" FROM ticket_changes x JOIN tickets t ON t.id = x.ticket_id"                                     \
	" WHERE x.at >= ?1 AND t.created_at < ?1"                                                         \
	"   AND x.id = (SELECT min(y.id) FROM ticket_changes y WHERE y.ticket_id = x.ticket_id AND y.at >= ?1)" \
	" ORDER BY t.id"

static const char *const as_of_sql[2] = {
	AS_OF_COLS("t.created_at", "t.created_at"),
	AS_OF_COLS("x.resolved_before", "t.resolved_at"),
};

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return (a > b) - (a < b);
}

/* An instant's UTC hour, as the rollups file it (floor, below 0 too). */
static int64_t floor_hour(int64_t at)
{
	return at / 3600 - (at % 3600 != 0 && at < 0);
}

int cx_as_of_load(cx_store *st, enum cx_fact_kind kind, int64_t end, cx_as_of *a, cx_error *err)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *s;
	/* Nothing changed since: the common case, one index probe. */
	if (cx_q_prepare(st, "SELECT EXISTS (SELECT 1 FROM ticket_changes WHERE at >= ?1)", &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, end);
	int rc = sqlite3_step(s);
	bool any = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	if (cx_q_done(st, s, rc, err) < 0 || !any)
		return any ? -1 : 0;

	if (cx_q_prepare(st, as_of_sql[kind], &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, end);
	size_t cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a->t = cx_q_grow(a->t, &cap, a->n, sizeof *a->t);
		struct cx_as_of_ticket *t = &a->t[a->n++];
		cx_fact_of_row(s, &t->fact);
		/* A ticket unresolved then is in no resolved pass. */
		t->in_pass = sqlite3_column_type(s, 0) != SQLITE_NULL;
		t->fact.topic = t->topic = cx_xstrdup(t->fact.topic);
		t->id = sqlite3_column_int64(s, 13);
		t->now_filed = sqlite3_column_type(s, 19) != SQLITE_NULL;
		t->now_at = sqlite3_column_int64(s, 19);
		/* Its waits as the timeline stood at the end. */
		if (kind == CX_FACT_RESOLVED && t->in_pass && cx_fact_waits(st, s, 13, &t->fact, end) < 0) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		cx_as_of_free(a);
		return -1;
	}
	/* The hours they sit in now, sorted once: a pass asks for each hour. */
	a->hours = cx_xcalloc(a->n ? a->n : 1, sizeof *a->hours);
	for (size_t i = 0; i < a->n; i++)
		if (a->t[i].now_filed)
			a->hours[a->nhours++] = floor_hour(a->t[i].now_at);
	qsort(a->hours, a->nhours, sizeof *a->hours, cmp_i64);
	return 0;
}

bool cx_as_of_has(const cx_as_of *a, int64_t id)
{
	size_t lo = 0, hi = a->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a->t[mid].id == id)
			return true;
		if (a->t[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool cx_as_of_hour_taken(const cx_as_of *a, int64_t hour)
{
	return a->nhours && bsearch(&hour, a->hours, a->nhours, sizeof *a->hours, cmp_i64) != NULL;
}

void cx_as_of_visit(const cx_as_of *a, int64_t start, int64_t end, cx_fact_visit visit, void *ctx)
{
	for (size_t i = 0; i < a->n; i++)
		if (a->t[i].in_pass && a->t[i].fact.at >= start && a->t[i].fact.at < end)
			visit(&a->t[i].fact, ctx);
}

void cx_as_of_free(cx_as_of *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->t[i].topic);
	free(a->t);
	free(a->hours);
	memset(a, 0, sizeof *a);
}
