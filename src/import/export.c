/* export.c — cxtop export: a table as native CSV or JSON.
 *
 * Writes exactly what import reads (cxtop(5), NATIVE CSV): the header is
 * the table's stored columns, money in major units with two decimals,
 * percentages as percents, instants in UTC as 2022-02-01T09:30:00Z, dates
 * as they are.  Every value survives the trip: export, then import into an
 * empty store, gives the same reports.
 *
 * A CSV export is also opened in spreadsheets: a text that starts with =,
 * +, -, @, a tab, a CR (which a spreadsheet would run as a formula) or a '
 * is written after a ', which import takes off again.  Written to a
 * terminal, text shows its controls as cx_safe_text does; to a file or a
 * pipe it is exact. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cxtop/format.h"
#include "cxtop/import.h"
#include "cxtop/store_rows.h"
#include "import_internal.h"

struct out {
	const cx_table_def *t;
	enum cx_export_format fmt;
	FILE *f;
	int64_t rows;
	bool tty; /* the output is a terminal */
};

/* A value as native CSV text into buf; NULL for an empty cell. */
static const char *text_of(const cx_col *c, const cx_val *v, char *buf, size_t len, bool *number)
{
	*number = false;
	if (v->type == CX_V_NULL || v->type == CX_V_ABSENT)
		return NULL;
	if (v->type == CX_V_TEXT)
		return v->s;
	*number = true;
	switch (c->kind) {
	case CX_COL_MONEY:
	case CX_COL_BP:
	case CX_COL_SBP:
		/* Cents and basis points are both hundredths. */
		return cx_fmt_money_plain(buf, len, v->i);
	case CX_COL_INSTANT: {
		time_t t = (time_t)v->i;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
		*number = false;
		return buf;
	}
	default:
		snprintf(buf, len, "%" PRId64, v->i);
		return buf;
	}
}

static void csv_cell(FILE *f, const char *s)
{
	if (!s)
		return;
	/* Quoted when a comma, quote or line break is inside, or a space at
	 * either end; after a ' when a spreadsheet would run it (see the top). */
	bool quote = strpbrk(s, ",\"\r\n") || s[0] == ' ' || (*s && s[strlen(s) - 1] == ' ');
	if (quote)
		fputc('"', f);
	if (*s && strchr(CX_NATIVE_QUOTED, *s))
		fputc('\'', f);
	for (; *s; s++) {
		if (quote && *s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	if (quote)
		fputc('"', f);
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static int row(void *ctx, const cx_val *v, cx_error *err)
{
	struct out *o = ctx;
	const cx_table_def *t = o->t;
	char buf[64];
	bool number;
	if (strcmp(t->name, "settings") == 0) {
		/* Keys and values in a settings file's own words. */
		const char *key;
		char value[1100];
		cx_imp_setting_out(v[0].s, v[1].s, &key, value, sizeof value);
		if (o->fmt == CX_EXPORT_CSV) {
			csv_cell(o->f, key);
			fputc(',', o->f);
			csv_cell(o->f, value);
			fputs("\r\n", o->f);
		} else {
			fputs(o->rows ? ",\n{\"key\": " : "{\"key\": ", o->f);
			json_string(o->f, key);
			fputs(", \"value\": ", o->f);
			json_string(o->f, value);
			fputc('}', o->f);
		}
		o->rows++;
		return 0;
	}
	int k = 0;
	if (o->fmt == CX_EXPORT_JSON)
		fputs(o->rows ? ",\n{" : "{", o->f);
	for (size_t i = 0; i < t->ncols; i++) {
		if (!cx_col_stored(&t->cols[i]))
			continue;
		const char *s = text_of(&t->cols[i], &v[i], buf, sizeof buf, &number);
		char shown[2048];
		if (s && o->tty && !number)
			s = cx_safe_text(shown, sizeof shown, s);
		if (o->fmt == CX_EXPORT_CSV) {
			if (k)
				fputc(',', o->f);
			csv_cell(o->f, s);
		} else {
			fprintf(o->f, "%s\"%s\": ", k ? ", " : "", t->cols[i].name);
			if (!s)
				fputs("null", o->f);
			else if (number)
				fputs(s, o->f);
			else
				json_string(o->f, s);
		}
		k++;
	}
	fputs(o->fmt == CX_EXPORT_CSV ? "\r\n" : "}", o->f);
	o->rows++;
	if (ferror(o->f))
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot write the export: write error");
	return 0;
}

int cx_export_run(cx_store *st, const char *table, int32_t from_day, int32_t to_day, enum cx_export_format fmt,
		  FILE *f, cx_error *err)
{
	const cx_table_def *t = cx_table_find(table);
	if (!t)
		return cx_fail(err, CX_EXIT_USAGE, "unknown table '%s' (tables: %s)", table, cx_table_names());
	struct out o = {t, fmt, f, 0, isatty(fileno(f)) == 1};
	if (fmt == CX_EXPORT_CSV) {
		int k = 0;
		for (size_t i = 0; i < t->ncols; i++)
			if (cx_col_stored(&t->cols[i]))
				fprintf(f, "%s%s", k++ ? "," : "", t->cols[i].name);
		fputs("\r\n", f);
	} else {
		fputs("[\n", f);
	}
	if (cx_rows_each(st, t, from_day, to_day, row, &o, err) < 0)
		return -1;
	if (fmt == CX_EXPORT_JSON)
		fputs(o.rows ? "\n]\n" : "]\n", f);
	return 0;
}
