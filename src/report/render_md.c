/* render_md.c — GitHub-flavoured Markdown, for wikis, tickets and mail:
 *
 *     ## Agents
 *
 *     2022-01-01 – 2022-01-31
 *
 *     - Tickets: 1,701
 *
 *     ### By agent
 *
 *     | Agent | Tickets |
 *     | --- | ---: |
 *     | Ольга Петрова | 812 |
 *     | **TOTAL** | **1,701** |
 *
 * Cells read as in the text report; a pipe inside a cell is escaped as
 * "\|" so it cannot start a new column.  The source is not padded into
 * columns: whatever shows the Markdown lines the table up.
 */
#include <stdlib.h>

#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "render_internal.h"

/* Text as markdown table text: no terminal controls, no stray '|'. */
static void escaped(FILE *out, const char *text)
{
	char *safe = cx_safe_dup(text);
	for (const char *s = safe; *s; s++) {
		if (*s == '|')
			fputc('\\', out);
		fputc(*s, out);
	}
	free(safe);
}

/* One "| a | b |" line; bold for the totals (an empty cell stays empty,
 * "****" would show as a stray rule of stars). */
static void row_line(FILE *out, const cx_doc *doc, const cx_table *t, const cx_cell *cells, bool totals)
{
	fputc('|', out);
	for (size_t c = 0; c < t->ncols; c++) {
		char *s;
		if (totals && cx_rep_total_label(t, c))
			s = cx_xstrdup("TOTAL");
		else if (totals && cells[c].kind == CX_CELL_NULL)
			s = cx_xstrdup("");
		else
			s = cx_rep_human(&cells[c], doc->currency);
		fputc(' ', out);
		if (totals && *s)
			fputs("**", out);
		escaped(out, s);
		if (totals && *s)
			fputs("**", out);
		fputs(" |", out);
		free(s);
	}
	fputc('\n', out);
}

/* The table whose rows are handed to body_row. */
struct body {
	FILE *out;
	const cx_doc *doc;
	const cx_table *t;
};

static void body_row(void *ctx, const cx_cell *row)
{
	const struct body *b = ctx;
	row_line(b->out, b->doc, b->t, row, false);
}

static void table(FILE *out, const cx_doc *doc, const cx_table *t)
{
	if (t->title) {
		fputs("### ", out);
		escaped(out, t->title);
		fputs("\n\n", out);
	}
	if (!t->ncols)
		return;
	fputc('|', out);
	for (size_t c = 0; c < t->ncols; c++) {
		fputc(' ', out);
		escaped(out, t->cols[c].title ? t->cols[c].title : t->cols[c].key);
		fputs(" |", out);
	}
	fputs("\n|", out);
	for (size_t c = 0; c < t->ncols; c++)
		fputs(cx_rep_right(&t->cols[c]) ? " ---: |" : " --- |", out);
	fputc('\n', out);
	struct body b = { out, doc, t };
	if (cx_table_each(t, body_row, &b) < 0)
		return; /* the store failed: cx_render says so */
	if (t->totals)
		row_line(out, doc, t, t->totals, true);
}

void cx_render_md(const cx_doc *doc, FILE *out)
{
	fputs("## ", out);
	escaped(out, doc->title ? doc->title : doc->report ? doc->report : "");
	fputc('\n', out);
	if (doc->from && doc->to)
		fprintf(out, "\n%s \u2013 %s\n", doc->from, doc->to);
	if (doc->nfacts)
		fputc('\n', out);
	for (size_t i = 0; i < doc->nfacts; i++) {
		char *v = cx_rep_human(&doc->facts[i], doc->currency);
		fprintf(out, "- %s: %s\n", doc->fact_titles[i], v);
		free(v);
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		fputc('\n', out);
		table(out, doc, doc->tables[i]);
	}
	for (size_t i = 0; i < doc->nnotes; i++)
		fprintf(out, "\n%s\n", doc->notes[i]);
}
