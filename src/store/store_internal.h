/* store_internal.h — private to src/store: the store handle itself. */
#ifndef CXTOP_STORE_INTERNAL_H
#define CXTOP_STORE_INTERNAL_H

#include <sqlite3.h>

#include "cxtop/store.h"

/* How long a statement waits for another process's write to finish. */
#define CX_STORE_BUSY_TIMEOUT_MS 2000

/* The agents of a period (bound by cx_q_bind_period), as agents a: on the
 * team at any time in it, or with tickets in it (a leaver's last tickets
 * still count).  The Agents view's list and the leaderboard's. */
#define CX_SQL_AGENTS_OF_PERIOD                                      \
	" ((a.hired_on <= ?4 AND (a.left_on IS NULL OR a.left_on >= ?3))" \
	"  OR EXISTS (SELECT 1 FROM tickets t WHERE t.agent_id = a.id AND t.created_at >= ?1 AND t.created_at < ?2))"

struct cx_store {
	sqlite3 *db;
	char *path;
	bool read_only;
	unsigned long damage_at_open; /* store.c's count of SQLITE_CORRUPT then */
	sqlite3_stmt *data_version_stmt; /* polled often: prepared once */
	/* Statements kept prepared across refreshes: the UI re-runs the same
	 * few dozen queries every time the store changes. */
	struct cx_cached_stmt {
		char *sql;
		sqlite3_stmt *stmt;
		bool in_use;
		uint64_t used_at; /* for evicting the least recently used */
	} cache[64];
	uint64_t clock;
	/* The last period's ticket facts, decoded, per kind (fact_cache.c). */
	struct cx_fact_cache *fact_cache[2];
	/* Schedules and SLA policies with their zones (query_schedules.c). */
	struct cx_store_clock *clock_cache;
	/* Kept as it is while the rollups are packed: the packing's own writes
	 * do not touch the schedules (rollup.c). */
	bool clock_pinned;
	/* Durations in the tickets' working hours instead of on the clock
	 * (cx_store_set_hours). */
	bool business_hours;
};

/* Fills err with "<doing> '<path>': <why rc>" and returns -1. */
int cx_store_sql_fail(cx_store *st, cx_error *err, int rc, const char *doing);
/* Frees the clock kept on the handle (on close, and when it is stale). */
void cx_store_clock_free(cx_store *st);

#endif

/* ---- helpers for the query files ---------------------------------------- */
#include <stdlib.h>

/* Prepares sql (or takes it ready from the cache) or fills err ("cannot
 * read store '<path>': ...").  Every statement from here goes back with
 * cx_q_release or cx_q_done, never sqlite3_finalize. */
int cx_q_prepare(cx_store *st, const char *sql, sqlite3_stmt **out, cx_error *err);
/* Gives a statement back: reset for the next use, or finalized when it
 * was not cached. */
void cx_q_release(cx_store *st, sqlite3_stmt *s);
/* Finalizes every cached statement (on close). */
void cx_q_cache_clear(cx_store *st);
/* Binds the period's instants to ?1 (start) and ?2 (end), and its days as
 * 'YYYY-MM-DD' to ?3 (from) and ?4 (to) when the statement has them. */
void cx_q_bind_period(sqlite3_stmt *s, const cx_period *p);
/* Copies column i as text into buf ("" for NULL). */
void cx_q_text(sqlite3_stmt *s, int i, char *buf, size_t len);
/* Finishes a stepping loop: rc must be SQLITE_DONE. */
int cx_q_done(cx_store *st, sqlite3_stmt *s, int rc, cx_error *err);
/* Steps s to the end, one row of elem bytes per result row, each filled by
 * fill; then gives s back.  On failure *rows is NULL and err says why.
 * Every list query ends with this: the loop, the growth and the cleanup
 * live here once. */
int cx_q_collect(cx_store *st, sqlite3_stmt *s, size_t elem, void (*fill)(sqlite3_stmt *s, void *row), void **rows,
		 size_t *n, cx_error *err);
/* Grows *arr (of elem-size items) to hold at least n+1; exits on OOM. */
void *cx_q_grow(void *arr, size_t *cap, size_t n, size_t elem);
