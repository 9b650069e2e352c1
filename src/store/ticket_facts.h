/* ticket_facts.h — private to src/store: what the KPIs need of each
 * ticket, read from the hourly rollups (schema 4) where they are current
 * and from the tickets themselves where they are not.
 *
 * Every ticket figure (volumes, rates, exact medians and p90, the
 * leaderboard's ticket events, streaks, daily volume) is a pass over the
 * facts of the tickets created, or resolved, in a range of instants.  The
 * rollup keeps those facts packed per (kind, UTC hour), so a month is 720
 * blobs instead of ~85,000 rows walked by a dozen statements; see
 * rollup.c for how they are kept exact. */
#ifndef CXTOP_STORE_TICKET_FACTS_H
#define CXTOP_STORE_TICKET_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "cxtop/clock.h"
#include "cxtop/sla.h"
#include "store_internal.h"

/* Which instant a pass ranges over. */
enum cx_fact_kind {
	CX_FACT_CREATED = 0,  /* created_at */
	CX_FACT_RESOLVED = 1, /* resolved_at */
};

#define CX_FACT_CHANNELS 5
extern const char *const cx_fact_channel_names[CX_FACT_CHANNELS];

typedef struct cx_fact {
	int64_t at;         /* created_at or resolved_at, by the pass's kind */
	int64_t agent_id;   /* 0: unassigned */
	const char *topic;  /* valid during the visit only */
	int64_t frt;        /* first_response_at - created_at; -1: never answered */
	int64_t resolution; /* resolved_at - created_at; -1: unresolved */
	int64_t first_resolution; /* first_resolved_at - created_at; -1: never solved */
	int64_t replies;
	int64_t reopened;
	int8_t channel;    /* index into cx_fact_channel_names */
	int8_t complexity; /* 1..3 */
	int8_t csat;       /* 0..10; -1: not rated */
	bool nps_scale;    /* rated on a 0-10 or 1-10 scale */
	int8_t priority;   /* CX_PRIO_* (cxtop/sla.h); -1: none set */
	/* Solved tickets only (the resolved kind; -1 in the created kind, and
	 * when not known): requester and agent wait, the longest next reply,
	 * on the clock and (_b) in the agent's schedule's hours. */
	int64_t req_wait, agent_wait, next_reply;
	int64_t req_wait_b, agent_wait_b, next_reply_b;
} cx_fact;

typedef void (*cx_fact_visit)(const cx_fact *f, void *ctx);

/* Calls visit for each ticket whose kind's instant is in [start, end), in
 * no particular order.  Hours whose rollup is current come from it; the
 * rest (the partial hours at either end, hours a write has touched since
 * the last refresh) from the tickets.  A writable store brings its dirty
 * hours up to date first when no other writer holds the lock. */
int cx_facts_scan(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit, void *ctx,
		  cx_error *err);

/* A fact on the clock with its durations in its schedule's working time,
 * as cx_facts_scan gives them when the store counts business hours. */
void cx_fact_business(const cx_clock *clock, enum cx_fact_kind kind, const cx_fact *f, cx_fact *out);

/* The dashboard's one pass a kind (ticket_kpis.c): the team's and the
 * channels' KPIs, the daily volume and complaints, and besides, when
 * asked, each agent's KPIs of the created tickets (agents) and every
 * solved ticket's fact on the clock handed to `solved` (the board's
 * events, which judge durations themselves). */
struct cx_overview_also {
	cx_ticket_group_row **agents; /* NULL: not wanted */
	size_t *nagents;
	cx_fact_visit solved;
	void *ctx;
};
int cx_facts_overview(cx_store *st, const cx_period *p, int64_t *daily, int ndaily, cx_ticket_overview *out,
		      const struct cx_overview_also *also, cx_error *err);

/* How many tickets have the kind's instant before end, as they stand now:
 * from the packed hours' counts, and the tickets where those are not
 * current. */
int cx_facts_count(cx_store *st, enum cx_fact_kind kind, int64_t end, int64_t *out, cx_error *err);

/* cx_facts_scan with every ticket as it stands now, the ones changed
 * since `end` included (what the leaderboard's kept months hold), the
 * fact cache neither read nor filled, and durations on the clock. */
int cx_facts_scan_now(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
		      void *ctx, cx_error *err);
/* The facts of these tickets as they stand now, those of them that have
 * the kind's instant; waits unknown. */
int cx_facts_of_tickets(cx_store *st, enum cx_fact_kind kind, const int64_t *ids, size_t n, cx_fact_visit visit,
			void *ctx, cx_error *err);

/* Only the figures of the tickets created in the period (volumes, no
 * reply, unresolved, first response), one pass (ticket_kpis.c): what the
 * leaderboard needs of each agent, without the solved tickets' pass. */
int cx_facts_created_kpis(cx_store *st, const cx_period *p, enum cx_ticket_group group, cx_ticket_group_row **rows,
			  size_t *n, cx_error *err);

/* The fact of the row a statement is on, whose columns are those of a
 * fact in order (ticket_facts.c's FACT_COLS); topic points into s.  Its
 * waits are left unknown. */
void cx_fact_of_row(sqlite3_stmt *s, cx_fact *f);

/* ---- ticket_waits.c: the waits of a solved ticket's fact */
#include "cxtop/waits.h"
/* The waits of ticket id (of agent_id, created at created) from its
 * timeline before as_of, in the agent's schedule's hours. */
int cx_ticket_waits(cx_store *st, int64_t id, int64_t created, int64_t agent_id, int64_t as_of, cx_waits *w);
void cx_fact_no_waits(cx_fact *f);
/* f's waits from the ticket's timeline as of as_of; the row's columns from
 * col on are the ticket's id, created_at and the four imported wait
 * minutes (requester, agent, and their business twins). */
int cx_fact_waits(cx_store *st, sqlite3_stmt *row, int col, cx_fact *f, int64_t as_of);

/* ---- facts_as_of.c: the tickets changed after a period's end, as they
 * were at its end (see there) */
typedef struct cx_as_of {
	struct cx_as_of_ticket {
		int64_t id;
		cx_fact fact;    /* as at the end; its `at` is the pass's instant then */
		bool in_pass;    /* it has that instant (a resolved pass: it was resolved) */
		int64_t now_at;  /* the instant it has now, which its rollup hour is of */
		bool now_filed;
		char *topic;
	} *t; /* by id */
	size_t n;
	int64_t *hours; /* the UTC hours they are filed under now, sorted */
	size_t nhours;
} cx_as_of;
int cx_as_of_load(cx_store *st, enum cx_fact_kind kind, int64_t end, cx_as_of *a, cx_error *err);
bool cx_as_of_has(const cx_as_of *a, int64_t id);
/* True when one of the tickets is filed now under this UTC hour. */
bool cx_as_of_hour_taken(const cx_as_of *a, int64_t hour);
/* Visits the facts whose instant then lies in [start, end). */
void cx_as_of_visit(const cx_as_of *a, int64_t start, int64_t end, cx_fact_visit visit, void *ctx);
void cx_as_of_free(cx_as_of *a);

/* ---- fact_cache.c: the last period's facts, its packed hours as they
 * were read and the rest decoded (private to the scan) */
struct cx_fact_cache;
/* Visits the kept facts of [start, end) when they are still current. */
bool cx_fact_cache_visit(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end, cx_fact_visit visit,
			 void *ctx);
/* Starts keeping the facts of a new pass; add each, then end it. */
struct cx_fact_cache *cx_fact_cache_begin(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end);
void cx_fact_cache_add(struct cx_fact_cache *c, const cx_fact *f);
/* A packed hour whose facts were just visited (copied). */
void cx_fact_cache_add_hour(struct cx_fact_cache *c, int64_t hour, const unsigned char *blob, size_t len);
void cx_fact_cache_end(struct cx_fact_cache *c, bool ok);
/* Frees both kinds' caches (on close). */
void cx_fact_cache_free(cx_store *st);

/* The local day (TZ, as SQLite's 'localtime' and the rest of cxtop) of an
 * instant, remembering the last day's bounds: facts come hour by hour, so
 * nearly every call is two comparisons. */
typedef struct cx_day_cache {
	int64_t lo, hi; /* [lo, hi) is day */
	int32_t day;
} cx_day_cache;
int32_t cx_fact_local_day(cx_day_cache *c, int64_t at);

/* About how many tickets of a kind [start, end) holds, from the rollups'
 * counts (for choosing how to compute, never for a figure). */
int64_t cx_facts_estimate(cx_store *st, enum cx_fact_kind kind, int64_t start, int64_t end);

/* Packs the facts of the tickets of one (kind, hour) from the tickets
 * table; *blob is malloc'd (NULL and 0 tickets for an empty hour). */
int cx_facts_pack_hour(cx_store *st, enum cx_fact_kind kind, int64_t hour, unsigned char **blob, size_t *len,
		       int64_t *tickets, cx_error *err);
/* Visits the facts of one packed hour; false when the blob is malformed. */
bool cx_facts_unpack(const unsigned char *blob, size_t len, int64_t hour, cx_fact_visit visit, void *ctx);

#endif
