/* render_internal.h — private to src/report: one writer per format, and
 * the few rules they share so that text and md print the same numbers. */
#ifndef CXTOP_RENDER_INTERNAL_H
#define CXTOP_RENDER_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "cxtop/table.h"

/* Each writes the whole document; cx_render() checks the stream after. */
void cx_render_text(const cx_doc *doc, FILE *out);
void cx_render_csv(const cx_doc *doc, FILE *out);
void cx_render_json(const cx_doc *doc, FILE *out);
void cx_render_md(const cx_doc *doc, FILE *out);

/* A cell as people read it (text and md), malloc'd: "$1,234.50", "1,701",
 * "23.05 %", "1h 05m", "yes", "n/a".  Control characters in text become
 * spaces, so a stray newline in a name cannot break a table's lines. */
char *cx_rep_human(const cx_cell *c, const char *currency);

/* Numbers are right-aligned; TEXT and DATE columns left-aligned. */
bool cx_rep_right(const cx_column *col);

/* True when the totals row's cell in column col is to be printed as
 * "TOTAL": the first column, when it holds no value or a label. */
bool cx_rep_total_label(const cx_table *t, size_t col);

/* table_stream.c (cx_table_each is in cxtop/table.h).  Raises w[c] to the widest body cell of column c as cx_rep_human prints
 * it (a streamed table's from its first reading). */
void cx_table_body_widths(const cx_table *t, const char *currency, int *w);
/* cx_table_row and the freeing of a streamed table. */
cx_cell *cx_stream_row(cx_table *t);
void cx_stream_free(cx_table *t);

#endif
