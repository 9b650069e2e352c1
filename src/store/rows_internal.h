/* rows_internal.h — private to src/store: the row writer's state, shared
 * by rows_write.c (finding, inserting and updating rows) and
 * rows_lookup.c (references by natural key, agents and customers created
 * on the fly). */
#ifndef CXTOP_ROWS_INTERNAL_H
#define CXTOP_ROWS_INTERNAL_H

#include "cxtop/store_rows.h"
#include "store_internal.h"

/* A small text -> id map for agents: a team has hundreds of agents and a
 * file names them a million times. */
struct cx_idmap {
	struct cx_idmap_slot {
		char *key;
		int64_t id;
		long created; /* index in cx_rows.created, or -1 */
	} *slot;
	size_t cap, n;
};

/* The statements of one set of present columns: files of one call share
 * their header, so there are a handful at most. */
#define CX_ROWS_SHAPES 16

struct cx_rows {
	cx_store *st;
	const cx_table_def *t;
	cx_rows_counts counts;
	int id_col, src_col, sid_col;
	int date_col, team_col, cname_col; /* -1 when the table has none */
	int agent_col, order_col, code_col, attr_col, camp_col, agent_code_col;
	bool settings;       /* key and value, no row ids */
	bool orders;         /* the table is orders: codes and campaigns credit them */
	bool credits_orders; /* contacts and renewals: they credit their order's agent */
	int *fills;                        /* per lookup column: the column it fills */
	bool has_lookups;
	int cogs_col, amount_col; /* orders: cogs, amount */
	int first_res_col, resolved_col, created_col; /* tickets: first_resolved_at (-1: another table) ... */
	int64_t cogs_bp;    /* orders: the settings' cogs share of an order without one; -1 none */
	char code[64]; /* an agent's discount code found by agent_code */
	bool by_sid;                /* the current row was found by its source id */
	int64_t max_id;             /* max(id) so far: no row has a larger one */
	int64_t customers_start_max; /* customers above it were created by this call */
	cx_val *v;                  /* the row being written, lookups resolved */
	struct {
		uint64_t mask;
		uint64_t used; /* for keeping the statements used last */
		sqlite3_stmt *ins, *upd;
	} shape[CX_ROWS_SHAPES];
	int nshapes;
	uint64_t clock;
	bool fatal; /* the store itself failed: the import cannot go on */
	sqlite3_stmt *by_source, *by_id, *natural[2], *touch, *adopt;
	sqlite3_stmt *seen_put;
	uint64_t *seen_bits; /* row ids this file wrote */
	size_t seen_words;
	/* lookups (rows_lookup.c) */
	sqlite3_stmt *q[24];
	struct cx_idmap agents;
	struct cx_created_agent {
		int64_t id;
		int64_t at; /* the earliest instant a row of this call names the agent */
	} *created;
	size_t ncreated, created_cap;
	/* settings: keys seen in the current file */
	char **keys;
	size_t nkeys, keys_cap;
	long *key_lines;
};

/* Prepares sql on w's connection into *s (once); fills err on failure. */
int cx_rows_prep(cx_rows *w, sqlite3_stmt **s, const char *sql, cx_error *err);
/* Steps a one-row statement, then resets it: 1 with its first column in
 * *a (and its second in *b unless NULL), 0 no row, -1 error. */
int cx_rows_step(cx_rows *w, sqlite3_stmt *s, int64_t *a, int64_t *b, cx_error *err);
/* Fills err from the connection's last error ("store: <msg>"). */
int cx_rows_sql_fail(cx_rows *w, cx_error *err);

/* Resolves every CX_COL_LOOKUP value of w->v into the column it fills,
 * creating agents and customers that a row names by name or email and the
 * store does not have.  at is the row's instant (a new customer's
 * created_at, a new agent's hired_on).  Returns 0, or -1 with err and
 * *bad_col. */
int cx_rows_resolve(cx_rows *w, const char *source, int64_t at, int *bad_col, cx_error *err);

/* Orders: the agent a discount code names, and for a new order that does
 * not say, its attribution from its code or its campaign's kind. */
int cx_rows_derive(cx_rows *w, bool found, cx_error *err);

/* Contacts and renewals: the order they produced is credited to their
 * agent when it names none. */
int cx_rows_credit_order(cx_rows *w, cx_error *err);

/* Gives created agents the earliest day a row named them as hired_on. */
int cx_rows_fix_created(cx_rows *w, cx_error *err);

void cx_rows_lookup_free(cx_rows *w);

#endif
