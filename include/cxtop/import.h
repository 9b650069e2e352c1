/* import.h — cxtop import and cxtop export: a team's own data in and out.
 *
 * Import reads CSV files — cxtop's native CSV (headers are the store's
 * column names, cxtop(5) NATIVE CSV) or any CSV with a mapping file —
 * checks every cell, and writes the rows through src/store in one
 * transaction: all of the files or nothing.  Export writes a table as
 * native CSV (or JSON), so that export then import reproduces a store.
 */
#ifndef CXTOP_IMPORT_H
#define CXTOP_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cxtop/error.h"
#include "cxtop/mapping.h"
#include "cxtop/store.h"
#include "cxtop/store_rows.h"

typedef struct cx_import_opts {
	const char *table;          /* CLI name; with a mapping, must agree with its table: */
	char *const *files;         /* "-" is standard input */
	size_t nfiles;
	const cx_mapping *map;      /* NULL: native CSV */
	const char *source;         /* --source; NULL: the mapping's, else "csv" */
	const char *tz;             /* --tz; NULL: the mapping's, else the local zone */
	char delimiter;             /* --delimiter; 0: the mapping's, else detected */
	const char *encoding;       /* --encoding; NULL: the mapping's, else UTF-8 */
	bool dry_run;
	FILE *explain_to;           /* --explain: each file's plan goes here (and nothing is written) */
	bool progress;              /* draw a progress bar on progress_to */
	FILE *progress_to;
	FILE *errors_to;            /* each refused row: "cxtop: FILE:LINE:FIELD: message" */
} cx_import_opts;

/* What the charges of a payment system's export came to (cxtop(1),
 * import charges): the failed renewals they fold into, and who recovered
 * them. */
typedef struct cx_fold_counts {
	int64_t renewals;                /* failed renewals written */
	int64_t first_try;               /* renewals paid at the first attempt: not stored */
	int64_t dunning, support, lost;  /* of renewals: recovered by whom, or not */
	int64_t uncredited;              /* after a support ticket, but no win-back campaign then: dunning's */
	int64_t winback;                 /* money of the win-back orders written */
	cx_rows_counts orders;           /* the win-back orders, within the result's counts */
} cx_fold_counts;

typedef struct cx_import_result {
	int64_t rows, inserted, updated, unchanged, skipped;
	int64_t created_agents, created_customers;
	size_t files;
	double seconds;
	bool folded;                     /* the table was charges: fold holds what they came to */
	cx_fold_counts fold;
} cx_import_result;

/* The table called name that cxtop import takes: a store table
 * (cx_table_find), or charges, which is folded into renewals. */
const cx_table_def *cx_import_table(const char *name);
/* "settings, agents, ..., charges", for messages. */
const char *cx_import_table_names(void);

/* Imports opt->files into st.  Returns 0, or -1 with err filled (for bad
 * rows: "N rows refused in FILE...; nothing was written", the rows
 * themselves having gone to errors_to, the first 20 of them). */
int cx_import_run(cx_store *st, const cx_import_opts *opt, cx_import_result *res, cx_error *err);

enum cx_export_format { CX_EXPORT_CSV, CX_EXPORT_JSON };

/* Writes table's rows (with from_day <= to_day, only those whose date falls
 * in those days) to out.  Returns 0, or -1 with err filled. */
int cx_export_run(cx_store *st, const char *table, int32_t from_day, int32_t to_day, enum cx_export_format fmt,
		  FILE *out, cx_error *err);

#endif
