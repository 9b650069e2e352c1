/* ticket_waits.c — a ticket's requester wait, agent wait and next reply,
 * from its timeline (schema 9), for the facts of solved tickets.
 *
 * The store reads the events, the model counts (cxtop/waits.h).  A solved
 * ticket's waits are final at its solve, so the packed facts hold them
 * computed over the whole timeline; a ticket changed after a period's end
 * is read as of that end (facts_as_of.c).  When the timeline does not
 * explain the ticket's status (an import, a store from before schema 9),
 * the waits a help desk exported are used if the import kept them, else
 * they are unknown (-1), never zero. */
#include <stdlib.h>
#include <string.h>

#include "cxtop/clock.h"
#include "cxtop/waits.h"
#include "cxtop/xalloc.h"
#include "ticket_facts.h"

static int8_t kind_of(const unsigned char *k)
{
	for (int i = 0; k && i < CX_TL_KINDS; i++)
		if (strcmp((const char *)k, cx_tl_kind_names[i]) == 0)
			return (int8_t)i;
	return CX_TL_RATED; /* the schema allows no other; counts in nothing */
}

static int64_t minutes(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, col) * 60;
}

void cx_fact_no_waits(cx_fact *f)
{
	f->req_wait = f->agent_wait = f->next_reply = -1;
	f->req_wait_b = f->agent_wait_b = f->next_reply_b = -1;
}

int cx_ticket_waits(cx_store *st, int64_t id, int64_t created, int64_t agent_id, int64_t as_of, cx_waits *w)
{
	sqlite3_stmt *s;
	cx_error err = {0};
	if (cx_q_prepare(st,
			 "SELECT at, kind, status_before, status_after FROM ticket_events"
			 " WHERE ticket_id = ?1 AND at < ?2 ORDER BY at, id",
			 &s, &err) < 0)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, as_of);
	cx_tl_event small[32], *ev = small;
	size_t n = 0, cap = 32;
	ev[n++] = (cx_tl_event){created, CX_TL_CREATED, CX_ST_NONE, CX_ST_NONE};
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap *= 2;
			cx_tl_event *bigger = cx_xcalloc(cap, sizeof *bigger);
			memcpy(bigger, ev, n * sizeof *ev);
			if (ev != small)
				free(ev);
			ev = bigger;
		}
		ev[n++] = (cx_tl_event){sqlite3_column_int64(s, 0), kind_of(sqlite3_column_text(s, 1)),
					(int8_t)cx_tl_status_of((const char *)sqlite3_column_text(s, 2)),
					(int8_t)cx_tl_status_of((const char *)sqlite3_column_text(s, 3))};
	}
	const cx_clock *clock = NULL;
	if (cx_q_done(st, s, rc, &err) < 0 || cx_store_clock(st, &clock, &err) < 0) {
		if (ev != small)
			free(ev);
		return -1;
	}
	const cx_zone *z = NULL;
	const cx_named_schedule *sched = cx_clock_schedule(clock, agent_id, &z);
	cx_waits_of(ev, n, as_of, sched ? &sched->hours : NULL, z, w);
	if (ev != small)
		free(ev);
	return 0;
}

int cx_fact_waits(cx_store *st, sqlite3_stmt *row, int col, cx_fact *f, int64_t as_of)
{
	cx_fact_no_waits(f);
	cx_waits w;
	if (cx_ticket_waits(st, sqlite3_column_int64(row, col), sqlite3_column_int64(row, col + 1), f->agent_id, as_of,
			    &w) < 0)
		return -1;
	/* Solved as the events say, as the ticket is: the timeline explains it. */
	if (w.known && (w.status == CX_ST_SOLVED || w.status == CX_ST_CLOSED)) {
		f->req_wait = w.requester;
		f->agent_wait = w.agent;
		f->req_wait_b = w.requester_b;
		f->agent_wait_b = w.agent_b;
	} else {
		f->req_wait = minutes(row, col + 2);
		f->agent_wait = minutes(row, col + 3);
		f->req_wait_b = minutes(row, col + 4);
		f->agent_wait_b = minutes(row, col + 5);
	}
	f->next_reply = w.next_reply;
	f->next_reply_b = w.next_reply_b;
	return 0;
}
