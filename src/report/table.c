/* table.c — building a cx_doc: facts, tables, rows, notes.
 *
 * The doc owns every string in it (copies made here or by the cell
 * constructors), so a report can be built from short-lived buffers and
 * freed with one cx_doc_free().  A cell handed to a row, the totals or a
 * fact is taken over, not copied again: `row[0] = cx_text(name)` allocates
 * once and frees once.
 */
#include "cxtop/table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "render_internal.h"

static char *dup_or_null(const char *s)
{
	return s ? cx_xstrdup(s) : NULL;
}

static void cell_free(cx_cell *c)
{
	free(c->s);
	c->s = NULL;
}

static void null_cells(cx_cell *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		c[i] = cx_null();
}

cx_doc *cx_doc_new(const char *report, const char *title, const char *from, const char *to,
		   const char *currency)
{
	cx_doc *doc = cx_xcalloc(1, sizeof *doc);
	doc->report = dup_or_null(report);
	doc->title = dup_or_null(title);
	doc->from = dup_or_null(from);
	doc->to = dup_or_null(to);
	doc->currency = dup_or_null(currency);
	return doc;
}

static void table_free(cx_table *t)
{
	cx_stream_free(t); /* a streamed table holds no rows after it */
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		cell_free(&t->cells[i]);
	if (t->totals)
		for (size_t i = 0; i < t->ncols; i++)
			cell_free(&t->totals[i]);
	free(t->cells);
	free(t->totals);
	free(t->cols);
	free(t->name);
	free(t->title);
	free(t);
}

void cx_doc_free(cx_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->nfacts; i++) {
		free(doc->fact_keys[i]);
		free(doc->fact_titles[i]);
		cell_free(&doc->facts[i]);
	}
	free(doc->fact_keys);
	free(doc->fact_titles);
	free(doc->facts);
	for (size_t i = 0; i < doc->ntables; i++)
		table_free(doc->tables[i]);
	free(doc->tables);
	for (size_t i = 0; i < doc->nnotes; i++)
		free(doc->notes[i]);
	free(doc->notes);
	free(doc->report);
	free(doc->title);
	free(doc->from);
	free(doc->to);
	free(doc->currency);
	free(doc);
}

/* "rows" for the main table, "table2", "table3"... after it. */
static char *default_name(size_t index)
{
	char buf[32];
	if (index == 0)
		return cx_xstrdup("rows");
	snprintf(buf, sizeof buf, "table%zu", index + 1);
	return cx_xstrdup(buf);
}

/* Facts and notes are a handful per report: growing by one is plenty. */
void cx_doc_fact(cx_doc *doc, const char *key, const char *title, cx_cell value)
{
	size_t n = doc->nfacts + 1;
	doc->fact_keys = cx_xreallocarray(doc->fact_keys, n, sizeof *doc->fact_keys);
	doc->fact_titles = cx_xreallocarray(doc->fact_titles, n, sizeof *doc->fact_titles);
	doc->facts = cx_xreallocarray(doc->facts, n, sizeof *doc->facts);
	doc->fact_keys[n - 1] = cx_xstrdup(key);
	doc->fact_titles[n - 1] = cx_xstrdup(title ? title : key);
	doc->facts[n - 1] = value;
	doc->nfacts = n;
}

static char *add_note(cx_doc *doc, const char *fmt, va_list ap)
{
	char *note = cx_xvasprintf(fmt, ap);
	doc->notes = cx_xreallocarray(doc->notes, doc->nnotes + 1, sizeof *doc->notes);
	doc->notes[doc->nnotes++] = note;
	return note;
}

void cx_doc_note(cx_doc *doc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add_note(doc, fmt, ap);
	va_end(ap);
}

void cx_doc_warn(cx_doc *doc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *note = add_note(doc, fmt, ap);
	va_end(ap);
	if (!doc->warning)
		doc->warning = note;
}

cx_table *cx_doc_table(cx_doc *doc, const char *name, const char *title, const cx_column *cols, size_t ncols)
{
	cx_table *t = cx_xcalloc(1, sizeof *t);
	/* json needs a key for every table but the main one ("rows"). */
	t->name = name ? cx_xstrdup(name) : default_name(doc->ntables);
	t->title = dup_or_null(title);
	t->ncols = ncols;
	t->cols = cx_xreallocarray(NULL, ncols, sizeof *cols);
	if (ncols)
		memcpy(t->cols, cols, ncols * sizeof *cols);
	doc->tables = cx_xreallocarray(doc->tables, doc->ntables + 1, sizeof *doc->tables);
	doc->tables[doc->ntables++] = t;
	return t;
}

/* The returned cells are valid until the next cx_table_row() on t, which
 * may move the storage: fill a row before adding the next. */
cx_cell *cx_table_row(cx_table *t)
{
	if (t->stream)
		return cx_stream_row(t);
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		t->cells = cx_xreallocarray(t->cells, cap, (t->ncols ? t->ncols : 1) * sizeof *t->cells);
		t->cap = cap;
	}
	cx_cell *row = t->cells + t->nrows * t->ncols;
	null_cells(row, t->ncols);
	t->nrows++;
	return row;
}

cx_cell *cx_table_totals(cx_table *t)
{
	if (!t->totals) {
		t->totals = cx_xreallocarray(NULL, t->ncols, sizeof *t->totals);
		null_cells(t->totals, t->ncols);
	}
	return t->totals;
}

/* --- cells -------------------------------------------------------------- */

cx_cell cx_null(void)
{
	return (cx_cell){ .kind = CX_CELL_NULL };
}

/* A NULL string is a missing value, not a crash. */
cx_cell cx_text(const char *s)
{
	return s ? (cx_cell){ .kind = CX_CELL_TEXT, .s = cx_xstrdup(s) } : cx_null();
}

cx_cell cx_date(const char *yyyy_mm_dd)
{
	return yyyy_mm_dd ? (cx_cell){ .kind = CX_CELL_DATE, .s = cx_xstrdup(yyyy_mm_dd) } : cx_null();
}

cx_cell cx_int(int64_t v)
{
	return (cx_cell){ .kind = CX_CELL_INT, .i = v };
}

cx_cell cx_id(int64_t v)
{
	return (cx_cell){ .kind = CX_CELL_ID, .i = v };
}

cx_cell cx_money(int64_t minor)
{
	return (cx_cell){ .kind = CX_CELL_MONEY, .i = minor };
}

cx_cell cx_bp(int64_t bp)
{
	return (cx_cell){ .kind = CX_CELL_BP, .i = bp };
}

cx_cell cx_seconds_x2(int64_t half_seconds)
{
	return (cx_cell){ .kind = CX_CELL_SECONDS, .i = half_seconds };
}

cx_cell cx_seconds(int64_t seconds)
{
	/* Saturate rather than overflow; 146 billion years is "a long time". */
	int64_t x2 = seconds > INT64_MAX / 2 ? INT64_MAX : seconds < INT64_MIN / 2 ? INT64_MIN : seconds * 2;
	return cx_seconds_x2(x2);
}

cx_cell cx_bool(bool b)
{
	return (cx_cell){ .kind = CX_CELL_BOOL, .i = b ? 1 : 0 };
}

cx_cell cx_points(int64_t hundredths)
{
	return (cx_cell){ .kind = CX_CELL_POINTS, .i = hundredths };
}
