/* query_tickets.c — the backlog at a period's end, one agent's durations,
 * the daily volume and one ticket's timeline.  The KPIs per group are in ticket_kpis.c. */
#include <stdio.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "keymap.h"
#include "rollup.h"
#include "ticket_facts.h"

int cx_store_backlog(cx_store *st, const cx_period *p, int64_t *out, cx_error *err)
{
	/* Open at the end as the store knew it then (schema.c, version 3):
	 * the tickets open at the end as they are now are those created
	 * before it less those solved before it (a ticket is never solved
	 * before it is created): two sums over the packed hours' counts
	 * (cx_facts_count).  Then the few tickets changed since the end are
	 * counted as they were before their first change after it. */
	static const char sql[] =
		"SELECT - (SELECT count(*) FROM tickets t WHERE t.created_at < ?2"
		"          AND (t.resolved_at IS NULL OR t.resolved_at >= ?2)"
		"          AND t.id IN (SELECT ticket_id FROM ticket_changes WHERE at >= ?2))"
		"     + (SELECT count(*) FROM ticket_changes c JOIN tickets t ON t.id = c.ticket_id"
		"          WHERE c.at >= ?2 AND t.created_at < ?2"
		"            AND c.id = (SELECT min(id) FROM ticket_changes WHERE ticket_id = c.ticket_id AND at >= ?2)"
		"            AND (c.resolved_before IS NULL OR c.resolved_before >= ?2))";
	cx_rollup_refresh_if_idle(st);
	/* One read: the counts and the changes agree. */
	if (sqlite3_exec(st->db, "SAVEPOINT backlog", NULL, NULL, NULL) != SQLITE_OK)
		return cx_store_sql_fail(st, err, sqlite3_errcode(st->db), "cannot read store");
	int64_t created, solved;
	int ret = cx_facts_count(st, CX_FACT_CREATED, p->end, &created, err);
	if (ret == 0)
		ret = cx_facts_count(st, CX_FACT_RESOLVED, p->end, &solved, err);
	sqlite3_stmt *s;
	if (ret == 0 && (ret = cx_q_prepare(st, sql, &s, err)) == 0) {
		cx_q_bind_period(s, p);
		int rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*out = created - solved + sqlite3_column_int64(s, 0);
			rc = SQLITE_DONE;
		}
		ret = cx_q_done(st, s, rc, err);
	}
	sqlite3_exec(st->db, "RELEASE backlog", NULL, NULL, NULL);
	return ret;
}

int cx_store_durations(cx_store *st, const cx_period *p, int64_t agent_id, int which, int64_t **values, size_t *n,
		       cx_error *err)
{
	/* As the store knew them at the period's end (facts_as_of.c), but
	 * straight from the tables: each ticket with the values it had then,
	 * the ones changed since from their first later change. */
#define AS_AT_END                                                                                             \
	"SELECT t.created_at AS c, t.first_response_at AS f, t.first_resolved_at AS fr, t.resolved_at AS r,"  \
	"       t.agent_id AS ag FROM tickets t"                                                             \
	" WHERE NOT EXISTS (SELECT 1 FROM ticket_changes y WHERE y.ticket_id = t.id AND y.at >= ?2)"         \
	" UNION ALL SELECT t.created_at, t.first_response_at,"                                               \
	"       CASE WHEN x.resolved_before IS NULL THEN NULL ELSE t.first_resolved_at END,"                 \
	"       x.resolved_before, x.agent_before FROM ticket_changes x JOIN tickets t ON t.id = x.ticket_id" \
	" WHERE x.at >= ?2 AND t.created_at < ?2"                                                            \
	"   AND x.id = (SELECT min(y.id) FROM ticket_changes y WHERE y.ticket_id = x.ticket_id AND y.at >= ?2)"
	static const char *const sqls[3] = {
		"SELECT f - c FROM (" AS_AT_END ") WHERE c >= ?1 AND c < ?2 AND f IS NOT NULL AND coalesce(ag, 0) = ?5"
		" ORDER BY 1",
		"SELECT r - c FROM (" AS_AT_END ") WHERE r >= ?1 AND r < ?2 AND coalesce(ag, 0) = ?5 ORDER BY 1",
		"SELECT fr - c FROM (" AS_AT_END ") WHERE r >= ?1 AND r < ?2 AND fr IS NOT NULL AND coalesce(ag, 0) = ?5"
		" ORDER BY 1",
	};
#undef AS_AT_END
	const char *sql = sqls[which < 0 || which > 2 ? 0 : which];
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	sqlite3_bind_int64(s, 5, agent_id);
	size_t cap = 0;
	*values = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*values = cx_q_grow(*values, &cap, *n, sizeof **values);
		(*values)[(*n)++] = sqlite3_column_int64(s, 0);
	}
	return cx_q_done(st, s, rc, err);
}

struct daily {
	cx_day_cache days;
	const cx_period *p;
	int64_t *out;
	int max;
};

static void count_day(const cx_fact *f, void *ctx)
{
	struct daily *d = ctx;
	int32_t day = cx_fact_local_day(&d->days, f->at);
	if (day >= d->p->from_day && day - d->p->from_day < d->max)
		d->out[day - d->p->from_day]++;
}

int cx_store_daily_volume(cx_store *st, const cx_period *p, int64_t *out, int max, cx_error *err)
{
	struct daily d = {.p = p, .out = out, .max = max};
	for (int i = 0; i < max; i++)
		out[i] = 0;
	return cx_facts_scan(st, CX_FACT_CREATED, p->start, p->end, count_day, &d, err);
}

/* The tickets created in the period as the SLA measures them, as the store
 * knew them at the period's end: a ticket resolved then and reopened since
 * (or reassigned) is read as it was, from its first change after the end
 * (schema 3), like the backlog above.  Those few are read first, into a
 * map; then the period's tickets in one pass over the created_at index. */
struct as_was {
	int64_t agent, resolved; /* resolved -1: unresolved then */
};

int cx_store_sla_tickets(cx_store *st, const cx_period *p, bool next_reply, int64_t as_of,
			 void (*visit)(const cx_sla_ticket *t, void *ctx), void *ctx, cx_error *err)
{
	static const char changed_sql[] =
		"SELECT c.ticket_id, coalesce(c.agent_before, 0), c.resolved_before FROM ticket_changes c"
		" JOIN tickets t ON t.id = c.ticket_id AND t.created_at >= ?1 AND t.created_at < ?2"
		" WHERE c.at >= ?2 AND c.id = (SELECT min(id) FROM ticket_changes WHERE ticket_id = c.ticket_id AND at >= ?2)";
	static const char sql[] = "SELECT id, coalesce(agent_id, 0), channel, priority, created_at, first_response_at,"
				  " resolved_at FROM tickets WHERE created_at >= ?1 AND created_at < ?2 ORDER BY id";
	cx_keymap changed = {0};
	struct as_was *was = NULL;
	size_t nwas = 0, cap = 0;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, changed_sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		was = cx_q_grow(was, &cap, nwas, sizeof *was);
		was[nwas] = (struct as_was){sqlite3_column_int64(s, 1),
					    sqlite3_column_type(s, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 2)};
		*cx_keymap_at(&changed, sqlite3_column_int64(s, 0), NULL) = (int)nwas++;
	}
	if (cx_q_done(st, s, rc, err) < 0 || cx_q_prepare(st, sql, &s, err) < 0) {
		cx_keymap_free(&changed);
		free(was);
		return -1;
	}
	cx_q_bind_period(s, p);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_sla_ticket t = {
			.id = sqlite3_column_int64(s, 0),
			.agent_id = sqlite3_column_int64(s, 1),
			.channel = -1,
			.priority = -1,
			.created_at = sqlite3_column_int64(s, 4),
			.first_reply_at = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 5),
			.resolved_at = sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 6),
			.next_reply = -1,
			.next_reply_b = -1,
			.awaiting_since = -1,
		};
		if (nwas) {
			int k = *cx_keymap_at(&changed, t.id, NULL);
			if (k >= 0) {
				t.agent_id = was[k].agent;
				t.resolved_at = was[k].resolved;
			}
		}
		const char *ch = (const char *)sqlite3_column_text(s, 2), *pr = (const char *)sqlite3_column_text(s, 3);
		for (int i = 0; ch && i < CX_FACT_CHANNELS; i++)
			if (strcmp(ch, cx_fact_channel_names[i]) == 0)
				t.channel = i;
		for (int i = 0; pr && i < CX_PRIO_COUNT; i++)
			if (strcmp(pr, cx_priority_names[i]) == 0)
				t.priority = i;
		cx_waits w;
		if (next_reply) {
			if (cx_ticket_waits(st, t.id, t.created_at, t.agent_id, as_of, &w) < 0) {
				rc = SQLITE_ERROR;
				break;
			}
			t.next_reply = w.next_reply;
			t.next_reply_b = w.next_reply_b;
			t.awaiting_since = w.awaiting_since;
		}
		visit(&t, ctx);
	}
	cx_keymap_free(&changed);
	free(was);
	return cx_q_done(st, s, rc, err);
}

static void fill_event(sqlite3_stmt *s, void *row)
{
	cx_ticket_event *e = row;
	e->at = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, e->kind, sizeof e->kind);
	cx_q_text(s, 2, e->status_before, sizeof e->status_before);
	cx_q_text(s, 3, e->status_after, sizeof e->status_after);
}

int cx_store_ticket_events(cx_store *st, int64_t ticket_id, cx_ticket_event **rows, size_t *n, cx_error *err)
{
	static const char sql[] = "SELECT at, kind, status_before, status_after FROM ticket_timeline"
				  " WHERE ticket_id = ?1 ORDER BY at, event_id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, ticket_id);
	return cx_q_collect(st, s, sizeof **rows, fill_event, (void **)rows, n, err);
}
