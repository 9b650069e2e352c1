/* render_json.c — the report for programs (RFC 8259), one object:
 *
 *   {
 *     "report": "agents", "title": ..., "from": ..., "to": ..., "currency": ...,
 *     <fact key>: value, ...
 *     "rows": [ {<column key>: value, ...}, ... ],   the main table
 *     "totals": {...} or null,
 *     <table name>: [ ... ],                         each further table
 *     <table name>_totals: {...},                    only when it has totals
 *     "notes": [ "...", ... ]
 *   }
 *
 * Numbers keep their exact value: money in integer minor units, basis
 * points as a percentage with two decimals (23.05), durations in seconds
 * (3600.5).  "rows" and "totals" are there even when the doc has no table,
 * so a consumer never has to test for them.  Fact keys and table names are
 * the caller's to keep distinct from each other and from the keys above.
 */
#include <inttypes.h>

#include "cxtop/format.h"
#include "render_internal.h"

/* The inside of a JSON string.  Text from the store is passed through as
 * UTF-8, except that bytes which are not UTF-8 become U+FFFD (JSON must
 * be valid UTF-8, and one bad name must not make a whole export
 * unreadable), and every control a terminal would act on (C0, DEL, C1,
 * direction overrides) is written as \uXXXX, so that `cat` of a json
 * report is as safe as its text form. */
static void str_body(FILE *out, const char *s)
{
	uint32_t cp;
	int n;
	while ((n = cx_utf8_next(s, &cp)) > 0) {
		if (cp == CX_UTF8_INVALID)
			fputs("\xEF\xBF\xBD", out);
		else if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (cx_cp_is_control(cp))
			fprintf(out, "\\u%04" PRIX32, cp);
		else
			fwrite(s, 1, (size_t)n, out);
		s += n;
	}
}

static void str(FILE *out, const char *s)
{
	if (!s) {
		fputs("null", out);
		return;
	}
	fputc('"', out);
	str_body(out, s);
	fputc('"', out);
}

/* "key": */
static void key(FILE *out, const char *k, const char *suffix)
{
	fputc('"', out);
	str_body(out, k);
	str_body(out, suffix);
	fputs("\": ", out);
}

static void value(FILE *out, const cx_cell *c)
{
	char buf[64];
	switch (c->kind) {
	case CX_CELL_TEXT:
	case CX_CELL_DATE: str(out, c->s); break;
	case CX_CELL_INT:
	case CX_CELL_ID:
	case CX_CELL_MONEY: fprintf(out, "%" PRId64, c->i); break;
	/* "-0.50" and "3600.5" are valid JSON numbers as formatted. */
	case CX_CELL_POINTS:
	case CX_CELL_BP: fputs(cx_fmt_bp(buf, sizeof buf, c->i), out); break;
	case CX_CELL_SECONDS: fputs(cx_fmt_seconds_plain_x2(buf, sizeof buf, c->i), out); break;
	case CX_CELL_BOOL: fputs(c->i ? "true" : "false", out); break;
	case CX_CELL_NULL:
	default: fputs("null", out); break;
	}
}

/* One row as an object on one line: easy to read and to grep.  Columns
 * marked CX_COL_NOJSON are left out: the json keys are a documented
 * contract, the extra columns are for people. */
static void object(FILE *out, const cx_table *t, const cx_cell *cells)
{
	bool first = true;
	/* The totals' label ("TOTAL" in the other formats) is the object's
	 * name here (totals, <table>_totals): its first column is null, never
	 * a word in a field that holds an id or a name. */
	bool totals = cells == t->totals;
	fputc('{', out);
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->cols[c].flags & CX_COL_NOJSON)
			continue;
		if (!first)
			fputs(", ", out);
		first = false;
		key(out, t->cols[c].key, "");
		if (totals && cx_rep_total_label(t, c))
			fputs("null", out);
		else
			value(out, &cells[c]);
	}
	fputc('}', out);
}

/* The table whose rows are handed to row_object, and how many came. */
struct body {
	FILE *out;
	const cx_table *t;
	size_t done;
};

static void row_object(void *ctx, const cx_cell *row)
{
	struct body *b = ctx;
	fputs("    ", b->out);
	object(b->out, b->t, row);
	fputs(++b->done < b->t->nrows ? ",\n" : "\n", b->out);
}

static void rows(FILE *out, const cx_table *t)
{
	if (!t->nrows) {
		fputs("[]", out);
		return;
	}
	fputs("[\n", out);
	struct body b = { out, t, 0 };
	if (cx_table_each(t, row_object, &b) < 0)
		return; /* the store failed: cx_render says so */
	fputs("  ]", out);
}

void cx_render_json(const cx_doc *doc, FILE *out)
{
	fputs("{\n  \"report\": ", out);
	str(out, doc->report);
	fputs(",\n  \"title\": ", out);
	str(out, doc->title);
	fputs(",\n  \"from\": ", out);
	str(out, doc->from);
	fputs(",\n  \"to\": ", out);
	str(out, doc->to);
	fputs(",\n  \"currency\": ", out);
	str(out, doc->currency);
	for (size_t i = 0; i < doc->nfacts; i++) {
		fputs(",\n  ", out);
		key(out, doc->fact_keys[i], "");
		value(out, &doc->facts[i]);
	}

	const cx_table *first = doc->ntables ? doc->tables[0] : NULL;
	fputs(",\n  \"rows\": ", out);
	if (first)
		rows(out, first);
	else
		fputs("[]", out);
	fputs(",\n  \"totals\": ", out);
	if (first && first->totals)
		object(out, first, first->totals);
	else
		fputs("null", out);

	for (size_t i = 1; i < doc->ntables; i++) {
		const cx_table *t = doc->tables[i];
		fputs(",\n  ", out);
		key(out, t->name, "");
		rows(out, t);
		if (t->totals) {
			fputs(",\n  ", out);
			key(out, t->name, "_totals");
			object(out, t, t->totals);
		}
	}

	fputs(",\n  \"notes\": [", out);
	for (size_t i = 0; i < doc->nnotes; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		str(out, doc->notes[i]);
	}
	fputs(doc->nnotes ? "\n  ]\n}\n" : "]\n}\n", out);
}
