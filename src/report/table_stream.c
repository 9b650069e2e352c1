/* table_stream.c — tables whose rows are read again for each writer
 * instead of held (cx_table_stream): a list of a million tickets costs one
 * row and a width per column, not a million rows.
 *
 * A streamed table keeps room for one row.  cx_table_row() hands the row
 * filled before it on (to the writer walking the table, if any), frees its
 * text and gives the same room back.  The first reading, when the table
 * is made streamed, measures each column's widest cell as people read it,
 * so that the text writer can align the columns without a reading of its
 * own.
 */
#include <stdlib.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "render_internal.h"

struct cx_row_stream {
	cx_rows_reader read;
	void *ctx;
	void (*free_ctx)(void *);
	const char *currency; /* the doc's: money cells' widths */
	int *widths;          /* each column's widest cell, from the first reading */
	bool measuring;       /* the first reading is under way */
	bool pending;         /* the cells hold a row not handed on yet */
	size_t seen;          /* rows of this reading (t->nrows: of the first) */
	cx_row_visit visit;   /* the writer walking the table, or NULL */
	void *visit_ctx;
	cx_error err; /* the first failure of a reading again */
	bool failed;
};

/* Hands the pending row on, measures it on the first reading, and forgets
 * it. */
static void finish_row(cx_table *t)
{
	struct cx_row_stream *s = t->stream;
	if (!s->pending)
		return;
	s->pending = false;
	if (s->measuring)
		for (size_t c = 0; c < t->ncols; c++) {
			char *text = cx_rep_human(&t->cells[c], s->currency);
			int w = cx_utf8_width(text);
			free(text);
			if (w > s->widths[c])
				s->widths[c] = w;
		}
	if (s->visit)
		s->visit(s->visit_ctx, t->cells);
	for (size_t c = 0; c < t->ncols; c++) {
		free(t->cells[c].s);
		t->cells[c] = cx_null();
	}
}

cx_cell *cx_stream_row(cx_table *t)
{
	finish_row(t);
	struct cx_row_stream *s = t->stream;
	s->pending = true;
	s->seen++;
	if (s->measuring)
		t->nrows = s->seen;
	return t->cells;
}

int cx_table_stream(cx_doc *doc, cx_table *t, cx_rows_reader read, void *ctx, void (*free_ctx)(void *),
		    cx_error *err)
{
	struct cx_row_stream *s = cx_xcalloc(1, sizeof *s);
	s->read = read;
	s->ctx = ctx;
	s->free_ctx = free_ctx;
	s->currency = doc->currency;
	s->widths = cx_xcalloc(t->ncols ? t->ncols : 1, sizeof *s->widths);
	/* Rows added before (none, by the contract) would be lost: keep them
	 * out of the way of the one row's room. */
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i].s);
	free(t->cells);
	t->cells = cx_xcalloc(t->ncols ? t->ncols : 1, sizeof *t->cells);
	t->nrows = 0;
	t->cap = 1;
	t->stream = s;
	s->measuring = true;
	int rc = read(ctx, t, err);
	finish_row(t);
	s->measuring = false;
	return rc;
}

int cx_table_each(const cx_table *ct, cx_row_visit visit, void *ctx)
{
	if (!ct->stream) {
		for (size_t r = 0; r < ct->nrows; r++)
			visit(ctx, &ct->cells[r * ct->ncols]);
		return 0;
	}
	/* Reading again changes only the one row's room: the table is const
	 * to its writers otherwise, and its row count stays the first
	 * reading's (json needs it to place its commas). */
	cx_table *t = (cx_table *)ct;
	struct cx_row_stream *s = t->stream;
	if (s->failed)
		return -1;
	s->seen = 0;
	s->visit = visit;
	s->visit_ctx = ctx;
	cx_error err = {0};
	int rc = s->read(s->ctx, t, &err);
	finish_row(t);
	s->visit = NULL;
	if (rc == 0 && s->seen != t->nrows)
		rc = cx_fail(&err, CX_EXIT_RUNTIME, "the store gave %zu rows, then %zu: it changed while it was read",
			     t->nrows, s->seen);
	if (rc < 0) {
		s->err = err;
		s->failed = true;
	}
	return rc;
}

void cx_table_body_widths(const cx_table *t, const char *currency, int *w)
{
	if (t->stream) {
		for (size_t c = 0; c < t->ncols; c++)
			w[c] = w[c] > t->stream->widths[c] ? w[c] : t->stream->widths[c];
		return;
	}
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		char *text = cx_rep_human(&t->cells[i], currency);
		int cw = cx_utf8_width(text);
		free(text);
		if (cw > w[i % t->ncols])
			w[i % t->ncols] = cw;
	}
}

void cx_stream_free(cx_table *t)
{
	struct cx_row_stream *s = t->stream;
	if (!s)
		return;
	if (s->pending)
		for (size_t c = 0; c < t->ncols; c++)
			free(t->cells[c].s);
	if (s->free_ctx)
		s->free_ctx(s->ctx);
	free(s->widths);
	free(s);
	t->stream = NULL;
	t->nrows = 0;
}

const cx_error *cx_doc_stream_error(const cx_doc *doc)
{
	for (size_t i = 0; i < doc->ntables; i++)
		if (doc->tables[i]->stream && doc->tables[i]->stream->failed)
			return &doc->tables[i]->stream->err;
	return NULL;
}
