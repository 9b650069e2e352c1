/* table.h — a report as data: titled tables of typed cells, rendered as
 * text, csv, json or md by src/report.
 *
 * Every report (and, later, every list in the UI) is built as a cx_doc: some
 * header facts (report name, period, currency) and one or more tables.  The
 * cells are typed, so that each format can print a number its own way:
 * "$44,377.10" in text, 44377.10 in csv, 4437710 (minor units) in json.
 */
#ifndef CXTOP_TABLE_H
#define CXTOP_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cxtop/error.h"

enum cx_cell_kind {
	CX_CELL_NULL,     /* no value: "n/a" in text/md, empty in csv, null in json */
	CX_CELL_TEXT,     /* UTF-8 text */
	CX_CELL_INT,      /* a count: 1,701 in text; 1701 elsewhere */
	CX_CELL_MONEY,    /* minor units: $44,377.10 text/md; 44377.10 csv; 4437710 json */
	CX_CELL_BP,       /* basis points: 23.05 % text/md; 23.05 csv and json */
	CX_CELL_SECONDS,  /* a duration in HALF seconds (so an even-count median is
			     exact): "1h 05m" text/md; seconds csv/json, with ".5"
			     when odd, e.g. 3600.5 */
	CX_CELL_BOOL,     /* yes/no text/md; true/false csv and json */
	CX_CELL_DATE,     /* text 'YYYY-MM-DD', printed as is; a string in json */
	CX_CELL_ID,       /* an identifier: plain digits everywhere (no 1,701) */
	CX_CELL_POINTS,   /* a score in hundredths of a point, such as NPS: "34.69"
			     everywhere (a percentage difference, not a percentage) */
};

typedef struct cx_cell {
	enum cx_cell_kind kind;
	int64_t i;      /* INT, MONEY, BP, SECONDS (half seconds), BOOL (0/1) */
	char *s;        /* TEXT and DATE: owned copy */
} cx_cell;

typedef struct cx_column {
	const char *key;   /* json key and csv header, e.g. "frt_median_s" */
	const char *title; /* text/md header, e.g. "FRT med" */
	enum cx_cell_kind kind; /* the kind its cells normally have (for alignment:
				   TEXT and DATE left, the rest right) */
	unsigned flags;    /* CX_COL_* */
} cx_column;

/* A column shown to people (text, md, csv) but left out of json, whose keys
 * are a fixed contract (see cxtop(1), FORMATS). */
#define CX_COL_NOJSON 1u
/* A picture of the column before it (a bar of the points): sorted by that
 * column's values, never by its own text. */
#define CX_COL_SORT_AS_PREVIOUS 2u

typedef struct cx_table {
	char *name;               /* json key of this table ("rows" for the main one) */
	char *title;              /* heading in text/md, or NULL */
	size_t ncols;
	cx_column *cols;          /* copied at creation; strings must outlive the table */
	size_t nrows, cap;
	cx_cell *cells;           /* nrows * ncols, row-major */
	cx_cell *totals;          /* ncols cells, or NULL when the table has no totals */
	struct cx_row_stream *stream; /* non-NULL: the rows are read again for each
					 writer, not held (cx_table_stream) */
} cx_table;

/* A whole report. */
typedef struct cx_doc {
	char *report;     /* "pnl", "agents", ... */
	char *title;      /* human title for text/md, e.g. "Support P&L" */
	char *from, *to;  /* 'YYYY-MM-DD' inclusive */
	char *currency;   /* ISO code of the money cells, e.g. "USD" */
	size_t nfacts;    /* scalar facts shown above the tables (summary etc.) */
	char **fact_keys;
	char **fact_titles;
	cx_cell *facts;
	size_t ntables;
	cx_table **tables; /* tables[0] is the main one: json "rows" + "totals" */
	char **notes;      /* free lines printed under the tables in text/md */
	size_t nnotes;
	const char *warning; /* the first note that is also a warning (one of
				notes), for stderr or the status line; NULL */
	bool csv_raw; /* csv: text cells as stored (--csv-raw), not made safe */
} cx_doc;

enum cx_format { CX_FMT_TEXT, CX_FMT_CSV, CX_FMT_JSON, CX_FMT_MD };

/* Parses "text", "csv", "json", "md"; false when unknown. */
bool cx_format_parse(const char *name, enum cx_format *out);

/* --- building ----------------------------------------------------------- */
cx_doc *cx_doc_new(const char *report, const char *title, const char *from, const char *to,
		   const char *currency);
void cx_doc_free(cx_doc *doc);
/* Adds a scalar fact (copied). */
void cx_doc_fact(cx_doc *doc, const char *key, const char *title, cx_cell value);
void cx_doc_note(cx_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A note that something is wrong (e.g. a refused scoring file): printed with
 * the notes, and also named by doc->warning so that the command line can put
 * it on stderr and the UI on its status line. */
void cx_doc_warn(cx_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Creates a table owned by doc; the first one added is the main table. */
cx_table *cx_doc_table(cx_doc *doc, const char *name, const char *title, const cx_column *cols, size_t ncols);

/* Appends a row; returns its cells (ncols of them, all CX_CELL_NULL) to fill. */
cx_cell *cx_table_row(cx_table *t);
/* Creates and returns the totals row (ncols NULL cells). */
cx_cell *cx_table_totals(cx_table *t);

/* A list as long as the store is big (the watchlist, the rows behind a
 * figure) is not held: `read` adds its rows with cx_table_row() as for any
 * table, and each row is handed on and forgotten when the next one is
 * asked for.  cx_table_stream reads the rows once at once (so that the
 * builder has its totals, and the table its row count and its columns'
 * widths); every writer then calls `read` again, so the store must stay
 * open, and in one read transaction, until the doc is rendered.  `read`
 * starts its sums afresh each time.  ctx is freed with free_ctx when the
 * doc is.  Memory stays one row and the columns' widths, whatever the
 * number of rows.  Returns read's result (-1 with err set). */
typedef int (*cx_rows_reader)(void *ctx, cx_table *t, cx_error *err);
int cx_table_stream(cx_doc *doc, cx_table *t, cx_rows_reader read, void *ctx, void (*free_ctx)(void *),
		    cx_error *err);
/* Walks a table's rows: the held cells, or a streamed table's rows read
 * again (writers, and a reader that wants only some of them); -1 when
 * that reading failed (cx_doc_stream_error says why).  row is valid
 * during the call. */
typedef void (*cx_row_visit)(void *ctx, const cx_cell *row);
int cx_table_each(const cx_table *t, cx_row_visit visit, void *ctx);
/* The error of a streamed table's reading again while rendered (the
 * store failed, or gave another number of rows), or NULL. */
const cx_error *cx_doc_stream_error(const cx_doc *doc);

/* Cell constructors.  Text is copied. */
cx_cell cx_null(void);
cx_cell cx_text(const char *s);
cx_cell cx_int(int64_t v);
cx_cell cx_id(int64_t v);
cx_cell cx_points(int64_t hundredths);
cx_cell cx_money(int64_t minor);
cx_cell cx_bp(int64_t bp);
cx_cell cx_seconds_x2(int64_t half_seconds);
cx_cell cx_seconds(int64_t seconds);
cx_cell cx_bool(bool b);
cx_cell cx_date(const char *yyyy_mm_dd);

/* A cell as people read it: "$1,234.50", "1,701", "23.05 %", "1h 05m",
 * "yes", "n/a".  malloc'd; the UI draws its tables with it, so a screen and
 * a printed report show the same strings. */
char *cx_cell_human(const cx_cell *c, const char *currency);

/* --- rendering ---------------------------------------------------------- */
/* Writes the document; returns 0, or -1 if the stream failed (errno set). */
int cx_render(const cx_doc *doc, enum cx_format fmt, FILE *out);

#endif
