/* render_csv.c — RFC 4180 csv for spreadsheets and scripts.
 *
 * Shape:
 *   - the main table: a header line of column keys, then one line per row,
 *     then, if it has totals, a last line whose first column says "TOTAL";
 *   - every further table follows after one empty line, again with its own
 *     header line of keys (and its own TOTAL line);
 *   - a doc with facts (the single figures above the tables: a summary's
 *     KPIs, the claims' counts) starts with them as a "key,value" table,
 *     followed by an empty line when tables follow.
 *
 * Values are plain so that a spreadsheet reads them as numbers: money in
 * major units with two decimals (44377.10), basis points as a percentage
 * number (23.05), durations in seconds (3600.5), true/false, and an empty
 * field for no value.  Lines end in CRLF, as the RFC says.
 *
 * Text cells are what a spreadsheet must not run: one that starts with
 * =, +, -, @, a tab or a CR gets a leading ' (OWASP's advice against CSV
 * injection), and terminal controls are shown as cx_safe_text does.
 * Numbers are written by their own paths and never prefixed: a negative
 * amount stays a number.  doc->csv_raw (--csv-raw) writes text as stored.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/xalloc.h"
#include "render_internal.h"

static void field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

/* A text cell, safe for a spreadsheet unless raw. */
static void text_field(FILE *out, const char *s, bool raw)
{
	if (raw) {
		field(out, s);
		return;
	}
	char *safe = cx_safe_dup(s);
	if (strchr("=+-@\t\r", *s) && *s) {
		char *quoted = cx_xmalloc(strlen(safe) + 2);
		quoted[0] = '\'';
		strcpy(quoted + 1, safe);
		free(safe);
		safe = quoted;
	}
	field(out, safe);
	free(safe);
}

static void cell(FILE *out, const cx_cell *c, bool raw)
{
	char buf[64];
	switch (c->kind) {
	case CX_CELL_TEXT:
	case CX_CELL_DATE: text_field(out, c->s ? c->s : "", raw); break;
	case CX_CELL_INT:
	case CX_CELL_ID: fprintf(out, "%" PRId64, c->i); break;
	case CX_CELL_MONEY: fputs(cx_fmt_money_plain(buf, sizeof buf, c->i), out); break;
	case CX_CELL_POINTS:
	case CX_CELL_BP: fputs(cx_fmt_bp(buf, sizeof buf, c->i), out); break;
	case CX_CELL_SECONDS: fputs(cx_fmt_seconds_plain_x2(buf, sizeof buf, c->i), out); break;
	case CX_CELL_BOOL: fputs(c->i ? "true" : "false", out); break;
	case CX_CELL_NULL:
	default: break;
	}
}

/* The table whose rows are handed to body_row. */
struct body {
	FILE *out;
	const cx_table *t;
	bool raw;
};

static void body_row(void *ctx, const cx_cell *row)
{
	const struct body *b = ctx;
	for (size_t c = 0; c < b->t->ncols; c++) {
		if (c)
			fputc(',', b->out);
		cell(b->out, &row[c], b->raw);
	}
	fputs("\r\n", b->out);
}

static void table(FILE *out, const cx_table *t, bool raw)
{
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			fputc(',', out);
		field(out, t->cols[c].key);
	}
	fputs("\r\n", out);
	struct body b = { out, t, raw };
	if (cx_table_each(t, body_row, &b) < 0)
		return; /* the store failed: cx_render says so */
	if (t->totals) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc(',', out);
			if (cx_rep_total_label(t, c))
				fputs("TOTAL", out);
			else
				cell(out, &t->totals[c], raw);
		}
		fputs("\r\n", out);
	}
}

void cx_render_csv(const cx_doc *doc, FILE *out)
{
	if (doc->nfacts || !doc->ntables) {
		fputs("key,value\r\n", out);
		for (size_t i = 0; i < doc->nfacts; i++) {
			field(out, doc->fact_keys[i]);
			fputc(',', out);
			cell(out, &doc->facts[i], doc->csv_raw);
			fputs("\r\n", out);
		}
	}
	for (size_t i = 0; i < doc->ntables; i++) {
		if (i || doc->nfacts)
			fputs("\r\n", out);
		table(out, doc->tables[i], doc->csv_raw);
	}
}
