/* store_rows.h — the store's tables as rows of typed values: what import
 * writes and export reads.
 *
 * Part of src/store (the only code that speaks SQL).  Each importable table
 * is described once, as a list of columns with a kind; src/import turns the
 * text of a CSV cell into a cx_val by that kind, and src/store writes the
 * row: it finds the row the values belong to (by source and source_id, by
 * id, or by the table's natural key), resolves references given by natural
 * key (an agent's email, a customer's email, a campaign's name, an order's
 * source id), creates the agents and customers a file names but the store
 * does not have yet, and inserts, updates or leaves the row alone.
 *
 * Call order: cx_rows_begin (starts one transaction), cx_rows_put for each
 * row of each file, then cx_rows_end (commit, or roll back everything).
 */
#ifndef CXTOP_STORE_ROWS_H
#define CXTOP_STORE_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/error.h"
#include "cxtop/store.h"

enum cx_col_kind {
	CX_COL_ID,        /* the table's own INTEGER PRIMARY KEY */
	CX_COL_SOURCE,    /* the system a row came from ([a-z0-9._-], 1-64) */
	CX_COL_SOURCE_ID, /* that system's id for the row (text, 1-200) */
	CX_COL_INT,       /* a whole number in [min, max] */
	CX_COL_BOOL,      /* 0 or 1 */
	CX_COL_TEXT,      /* UTF-8 text of at most max characters (0: any) */
	CX_COL_ENUM,      /* one of values */
	CX_COL_MONEY,     /* minor units, >= 0; written in major units */
	CX_COL_BP,        /* basis points 0-10000; written as a percentage */
	CX_COL_SBP,       /* basis points -10000-10000 */
	CX_COL_INSTANT,   /* unix seconds, UTC */
	CX_COL_DATE,      /* 'YYYY-MM-DD' */
	CX_COL_MONTH,     /* 'YYYY-MM' */
	CX_COL_SCALE,     /* a rating scale: 0-10, 1-10, 1-5, good-bad */
	CX_COL_REF,       /* the id of a row of table ref */
	CX_COL_LOOKUP,    /* (not stored) a row of ref by natural key, filling column `fills` */
	CX_COL_HINT,      /* (not stored) used only when a lookup creates a row */
};

typedef struct cx_col {
	const char *name;            /* in CSV headers: the store's column name, less a _bp suffix */
	const char *sql;             /* the store's column when it differs (NULL: name) */
	enum cx_col_kind kind;
	/* Needed to insert a row: NOT NULL and no default. */
	bool required;
	/* NOT NULL with a default: an empty cell leaves the value alone. */
	bool defaulted;
	int64_t min, max;            /* CX_COL_INT; CX_COL_TEXT: max length */
	const char *const *values;   /* CX_COL_ENUM: NULL-terminated */
	const char *ref;             /* CX_COL_REF, CX_COL_LOOKUP: the table */
	const char *fills;           /* CX_COL_LOOKUP: the REF column it fills */
	const char *dflt;            /* an insert without this column takes this text (NULL: the schema's default) */
} cx_col;

typedef struct cx_table_def {
	const char *name;      /* as on the command line: "contacts" */
	const char *sql;       /* the store's table: "campaign_contacts" */
	const cx_col *cols;
	size_t ncols;
	const char *date_col;  /* the instant or date that --from/--to filter on (NULL: none) */
	/* How a row is found without ids: up to two keys of up to three
	 * columns, tried in order (a key is used when the row has all of its
	 * columns).  NULL-padded. */
	const char *natural[2][3];
	const char *touch;     /* an instant column set to now on every change (NULL: none) */
} cx_table_def;

/* Every importable table, in an order in which they can be imported into
 * an empty store (each after the tables it refers to). */
const cx_table_def *cx_table_all(size_t *n);
/* The table called name (CLI name or store name), or NULL. */
const cx_table_def *cx_table_find(const char *name);
/* The index of column name in t, or -1. */
int cx_table_col(const cx_table_def *t, const char *name);
/* "settings, agents, ..." for messages, in cx_table_all's order. */
const char *cx_table_names(void);
/* True for a column the store keeps (not a lookup or a hint). */
bool cx_col_stored(const cx_col *c);
/* The store's name of the column. */
const char *cx_col_sql(const cx_col *c);

/* One value of a row.  ABSENT: the file does not say (an insert takes the
 * column's default, an update leaves it alone); NUL: empty. */
enum cx_val_type { CX_V_ABSENT = 0, CX_V_NULL, CX_V_INT, CX_V_TEXT };
typedef struct cx_val {
	enum cx_val_type type;
	int64_t i;
	const char *s;
} cx_val;

/* ---- writing ---------------------------------------------------------- */

typedef struct cx_rows_counts {
	int64_t inserted, updated, unchanged;
	int64_t created_agents, created_customers;
} cx_rows_counts;

typedef struct cx_rows cx_rows;

/* Starts writing rows of table t: one transaction (BEGIN IMMEDIATE), held
 * until cx_rows_end.  Refuses a read-only store. */
cx_rows *cx_rows_begin(cx_store *st, const cx_table_def *t, cx_error *err);

/* Writes one row: vals has t->ncols entries; source names the system the
 * row came from unless vals holds a source.  line is the row's place in its
 * file (a setting given twice names the first).  Returns 0; -1 for a bad row, with err filled (a message without
 * file or line: the caller knows them) and *bad_col set to the column at
 * fault (-1: the row as a whole), the transaction still usable for
 * checking more rows (cx_rows_end must then roll back); or -2 when the
 * store itself failed (a full disk, an I/O error): stop, and roll back. */
int cx_rows_put(cx_rows *w, const char *source, const cx_val *vals, long line, int *bad_col, cx_error *err);

/* Starts the next file of the same call: a key seen in an earlier file is
 * no longer a duplicate (a newer export updates the row), one seen twice
 * in the same file is. */
int cx_rows_next_file(cx_rows *w, cx_error *err);

/* Goes on, in the same transaction, with rows of another table t: an
 * import that writes two tables (orders, then the renewals that name
 * them) commits or rolls back both.  Keys seen so far no longer count as
 * duplicates; the counts go on adding up. */
int cx_rows_next_table(cx_rows *w, const cx_table_def *t, cx_error *err);

/* Support's part in a failed renewal (src/import/fold.c): the first ticket
 * that customer (an id or an email, any case) opened in [from, to], as
 * *at and *agent_id (0: none assigned).  1 found, 0 none, -1 error. */
int cx_rows_first_ticket(cx_rows *w, const char *customer, int64_t from, int64_t to, int64_t *at,
			 int64_t *agent_id, cx_error *err);
/* The win-back campaign running on day ('YYYY-MM-DD'): the one that
 * started last on or before it and has not ended.  1 found (*id), 0 none,
 * -1 error. */
int cx_rows_winback_campaign(cx_rows *w, const char *day, int64_t *id, cx_error *err);

/* What has been written so far. */
const cx_rows_counts *cx_rows_counts_of(const cx_rows *w);

/* Commits (commit true) or rolls back everything since cx_rows_begin, and
 * frees w.  Returns -1 with err filled when the commit fails (then nothing
 * was written). */
int cx_rows_end(cx_rows *w, bool commit, cx_error *err);

/* ---- reading ---------------------------------------------------------- */

/* Calls row(ctx, vals) for every row of t, in id order, with vals holding
 * every stored column (virtual columns ABSENT; text valid during the call).
 * With from_day <= to_day (days since 1970-01-01, local) only rows whose
 * date_col falls in those days; a table without date_col ignores them.
 * row returns 0 to go on, -1 to stop (its error in err). */
int cx_rows_each(cx_store *st, const cx_table_def *t, int32_t from_day, int32_t to_day,
		 int (*row)(void *ctx, const cx_val *vals, cx_error *err), void *ctx, cx_error *err);

#endif
