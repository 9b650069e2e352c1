/* import.c — cxtop import: CSV files in, one transaction, all or nothing.
 *
 * For each file: read the header, plan where each column of the table
 * comes from (the column of the same name in a native CSV, or what the
 * mapping file says), then for each record turn the cells into typed
 * values (convert.c), and hand the row to the store's writer
 * (src/store/rows_write.c), which finds, inserts or updates it.
 *
 * A bad row does not stop the reading: the import goes on to the end so
 * that one run shows the first 20 problems and how many there are, and
 * every value that has no place among cxtop's channels or statuses, with
 * its count.  Then the transaction is rolled back: the store is exactly as
 * before.  Only a file cxtop cannot read at all (a bad header, a broken
 * quote) stops at once.
 */
#include <fnmatch.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cxtop/convert.h"
#include "cxtop/csv.h"
#include "cxtop/format.h"
#include "cxtop/import.h"
#include "cxtop/parse.h"
#include "cxtop/period.h"
#include "cxtop/store_rows.h"
#include "cxtop/xalloc.h"
#include "import_internal.h"

#define MAX_SHOWN 20      /* refused rows printed; the rest are counted */
#define MAX_UNMAPPED 1000 /* distinct unmapped values remembered */
#define MAX_CELLS 16      /* columns one mapping field may join */

struct plan {
	int cell;                 /* native: the header's index, -1 absent */
	const cx_map_field *f;    /* mapping: the field feeding it, or NULL */
	int cells[MAX_CELLS];     /* mapping: header indexes of f->columns */
	int after;                /* the column a duration counts from, or -1 */
	int src;                  /* the *_src column keeping the source's word, or -1 */
};

struct unmapped {
	int col;
	char *value;
	long count, line;
};

struct strbuf {
	char *s;
	size_t cap;
};

struct run {
	const cx_import_opts *o;
	const cx_table_def *t;
	const cx_mapping *m;
	cx_rows *w;
	cx_fold *fold; /* charges: rows collected, then folded into renewals */
	cx_json_set *json; /* a mapping's json: every file's pages, read first */
	const char *source;
	cx_import_result *res;
	struct plan *plan;
	cx_val *vals;
	struct strbuf *bufs;
	struct strbuf *raws;   /* a mapped cell's text before its map */
	const char **premap;   /* per column: that text, or NULL */
	int *skip_cells;
	/* the file being read */
	cx_csv *csv;
	char **header;
	size_t nheader;
	/* problems */
	long refused, shown;
	struct unmapped *um;
	size_t num, umcap;
	char *last_key; /* the record before's source_id (mapping's repeated: skip) */
	int sid_col, scale_col; /* source_id, csat_scale: -1 when the table has none */
	long um_other;
	/* progress */
	struct timespec started, drawn;
};

static double since(const struct timespec *a)
{
	struct timespec b;
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a->tv_sec) + (double)(b.tv_nsec - a->tv_nsec) / 1e9;
}

/* ---- messages ------------------------------------------------------------ */

/* A cell's text (or a file's name) as it may be echoed in a message:
 * short, one line, controls and direction overrides shown as cx_safe_text
 * shows them, so nothing read from a file acts on the terminal. */
static void echo(const char *s, char *out, size_t len)
{
	char safe[1024];
	cx_safe_text(safe, sizeof safe, s);
	size_t n = strlen(safe);
	if (n < len) {
		memcpy(out, safe, n + 1);
		return;
	}
	/* Cut on a character boundary, then say so (len is always room for
	 * more than the dots). */
	n = len - 4;
	while (n > 0 && ((unsigned char)safe[n] & 0xc0) == 0x80)
		n--;
	memcpy(out, safe, n);
	memcpy(out + n, "...", 4);
}

/* The 1-based field of the file that column col comes from, or 0. */
static int field_of(const struct run *r, int col)
{
	if (col < 0)
		return 0;
	const struct plan *p = &r->plan[col];
	if (p->f)
		return p->f->ncolumns ? p->cells[0] + 1 : 0;
	if (p->cell >= 0)
		return p->cell + 1;
	/* A lookup's target: the lookup's own column. */
	for (size_t i = 0; i < r->t->ncols; i++)
		if (r->t->cols[i].fills && strcmp(r->t->cols[i].fills, r->t->cols[col].name) == 0)
			return field_of(r, (int)i);
	return 0;
}

static void refuse(struct run *r, long line, int col, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void refuse(struct run *r, long line, int col, const char *fmt, ...)
{
	r->refused++;
	if (r->shown >= MAX_SHOWN || !r->o->errors_to)
		return;
	r->shown++;
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	int field = field_of(r, col);
	char name[256];
	echo(cx_csv_name(r->csv), name, sizeof name);
	if (field)
		fprintf(r->o->errors_to, "cxtop: %s:%ld:%d: %s\n", name, line, field, msg);
	else
		fprintf(r->o->errors_to, "cxtop: %s:%ld: %s\n", name, line, msg);
}

static void unmapped(struct run *r, int col, const char *value, long line)
{
	for (size_t i = 0; i < r->num; i++)
		if (r->um[i].col == col && strncmp(r->um[i].value, value, 200) == 0) {
			r->um[i].count++;
			return;
		}
	if (r->num == MAX_UNMAPPED) {
		r->um_other++;
		return;
	}
	if (r->num == r->umcap)
		r->um = cx_xreallocarray(r->um, r->umcap = r->umcap ? r->umcap * 2 : 16, sizeof *r->um);
	/* Only the start of a value is kept: it is for a message. */
	char head[201];
	snprintf(head, sizeof head, "%s", value);
	r->um[r->num++] = (struct unmapped){col, cx_xstrdup(head), 1, line};
}

static int by_count(const void *a, const void *b)
{
	const struct unmapped *x = a, *y = b;
	if (x->col != y->col)
		return x->col - y->col;
	return (y->count > x->count) - (y->count < x->count);
}

/* One line per column with values that have no place, then how to give
 * them one. */
static void report_unmapped(struct run *r)
{
	FILE *to = r->o->errors_to;
	if (!r->num || !to)
		return;
	qsort(r->um, r->num, sizeof *r->um, by_count);
	for (size_t i = 0; i < r->num;) {
		int col = r->um[i].col;
		const cx_col *c = &r->t->cols[col];
		size_t j = i;
		while (j < r->num && r->um[j].col == col)
			j++;
		char allowed[200] = "";
		for (const char *const *v = c->values; *v; v++)
			snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s%s",
				 v == c->values ? "" : ", ", *v);
		fprintf(to, "cxtop: %s: %zu %s value%s with no place among %s:", cx_csv_name(r->csv), j - i, c->name,
			j - i == 1 ? "" : "s", allowed);
		for (size_t k = i; k < j && k < i + 10; k++) {
			char e[60];
			echo(r->um[k].value, e, sizeof e);
			fprintf(to, "%s \"%s\" (%ld row%s, first on line %ld)", k == i ? "" : ",", e, r->um[k].count,
				r->um[k].count == 1 ? "" : "s", r->um[k].line);
		}
		fprintf(to, "%s\n", j - i > 10 ? ", ..." : "");
		const cx_map_field *f = r->plan[col].f;
		char e[60];
		echo(r->um[i].value, e, sizeof e);
		if (f && f->nmap)
			fprintf(to, "cxtop: %s:%d:%d: add each to %s's map, e.g. \"%s\": %s\n", r->m->path, f->map_pos.line,
				f->map_pos.column, c->name, e, c->values[0]);
		else if (f)
			fprintf(to, "cxtop: %s:%d:%d: give %s a map, e.g. map: {\"%s\": %s}\n", r->m->path, f->pos.line,
				f->pos.column, c->name, e, c->values[0]);
		else
			fprintf(to, "cxtop: map them with --map FILE, e.g. fields: {%s: {column: %s, map: {\"%s\": %s}}} "
				    "(cxtop(5), MAPPING FILES)\n",
				c->name, c->name, e, c->values[0]);
		i = j;
	}
	if (r->um_other)
		fprintf(to, "cxtop: %s: and %ld more rows with values not listed\n", cx_csv_name(r->csv), r->um_other);
}

/* ---- progress ------------------------------------------------------------ */

static void progress(struct run *r, int64_t rows, bool done)
{
	if (!r->o->progress || !r->o->progress_to)
		return;
	if (!done && since(&r->drawn) < 0.2)
		return;
	clock_gettime(CLOCK_MONOTONIC, &r->drawn);
	FILE *to = r->o->progress_to;
	if (done) {
		fputs("\r\033[K", to);
		fflush(to);
		return;
	}
	double secs = since(&r->started);
	double rate = secs > 0 ? (double)rows / secs : 0;
	int64_t size = cx_csv_size(r->csv), at = cx_csv_bytes_read(r->csv);
	char name[40];
	echo(cx_csv_name(r->csv), name, sizeof name);
	if (size > 0) {
		int pct = (int)(at * 100 / size);
		char bar[21];
		for (int i = 0; i < 20; i++)
			bar[i] = i < pct / 5 ? '#' : '.';
		bar[20] = '\0';
		double eta = at > 0 ? secs * (double)(size - at) / (double)at : 0;
		fprintf(to, "\r\033[K%s [%s] %3d%%  %" PRId64 " rows  %.0f rows/s  ETA %.0f s", name, bar, pct, rows, rate,
			eta);
	} else {
		fprintf(to, "\r\033[K%s  %" PRId64 " rows  %.0f rows/s", name, rows, rate);
	}
	fflush(to);
}

/* ---- planning ------------------------------------------------------------- */

static int header_index(const struct run *r, const char *name)
{
	for (size_t i = 0; i < r->nheader; i++)
		if (strcmp(r->header[i], name) == 0)
			return (int)i;
	return -1;
}

static int header_index_after(const struct run *r, const char *name, int after)
{
	for (size_t i = (size_t)after + 1; i < r->nheader; i++)
		if (strcmp(r->header[i], name) == 0)
			return (int)i;
	return -1;
}

static void free_header(struct run *r)
{
	for (size_t i = 0; i < r->nheader; i++)
		free(r->header[i]);
	free(r->header);
	r->header = NULL;
	r->nheader = 0;
}

static void column_list(const cx_table_def *t, char *out, size_t len)
{
	out[0] = '\0';
	for (size_t i = 0; i < t->ncols; i++)
		snprintf(out + strlen(out), len - strlen(out), "%s%s", i ? ", " : "", t->cols[i].name);
}

static int plan_native(struct run *r, cx_error *err)
{
	for (size_t i = 0; i < r->nheader; i++) {
		int col = cx_table_col(r->t, r->header[i]);
		if (col < 0) {
			char known[1024];
			column_list(r->t, known, sizeof known);
			char e[60];
			echo(r->header[i], e, sizeof e);
			return cx_fail(err, CX_EXIT_RUNTIME, "%s:%ld:%zu: unknown column '%s' for %s (its columns: %s)",
				       cx_csv_name(r->csv), cx_csv_line(r->csv), i + 1, e, r->t->name, known);
		}
		if (r->plan[col].cell >= 0)
			return cx_fail(err, CX_EXIT_RUNTIME, "%s:%ld:%zu: column '%s' again (first as field %d)",
				       cx_csv_name(r->csv), cx_csv_line(r->csv), i + 1, r->header[i], r->plan[col].cell + 1);
		r->plan[col].cell = (int)i;
	}
	return 0;
}

static int map_fail(struct run *r, cx_error *err, cx_map_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int map_fail(struct run *r, cx_error *err, cx_map_pos pos, const char *fmt, ...)
{
	char msg[480];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return cx_fail(err, CX_EXIT_RUNTIME, "%s:%d:%d: %s", r->m->path, pos.line, pos.column, msg);
}

static int plan_mapped(struct run *r, cx_error *err)
{
	const cx_mapping *m = r->m;
	char msg[600];
	for (size_t i = 0; i < m->nfields; i++) {
		const cx_map_field *f = &m->fields[i];
		int col = cx_table_col(r->t, f->name);
		if (col < 0) {
			char known[1024];
			column_list(r->t, known, sizeof known);
			snprintf(msg, sizeof msg, "unknown field '%s' for %s (its fields: %s)", f->name, r->t->name, known);
			return map_fail(r, err, f->pos, "%s%s", msg, "");
		}
		struct plan *p = &r->plan[col];
		p->f = f;
		if (f->ncolumns > MAX_CELLS)
			return map_fail(r, err, f->pos, "%s joins more than 16 columns%s", f->name, "");
		for (size_t k = 0; k < f->ncolumns; k++) {
			p->cells[k] = header_index(r, f->columns[k]);
			if (p->cells[k] >= 0 && header_index_after(r, f->columns[k], p->cells[k]) >= 0) {
				char e[80];
				echo(f->columns[k], e, sizeof e);
				snprintf(msg, sizeof msg, "column '%s' appears twice in the header of %s: which one is meant?",
					 e, cx_csv_name(r->csv));
				return map_fail(r, err, f->pos, "%s", msg);
			}
			if (p->cells[k] < 0) {
				char e[80];
				echo(f->columns[k], e, sizeof e);
				snprintf(msg, sizeof msg, "column '%s' is not in the header of %s", e, cx_csv_name(r->csv));
				return map_fail(r, err, f->pos, "%s%s", msg, "");
			}
		}
		if (f->after) {
			p->after = cx_table_col(r->t, f->after);
			if (p->after < 0 || r->t->cols[p->after].kind != CX_COL_INSTANT)
				return map_fail(r, err, f->pos, "after: '%s' is not an instant field of %s", f->after, r->t->name);
			if (r->t->cols[col].kind != CX_COL_INSTANT)
				return map_fail(r, err, f->pos, "%s is not an instant: it cannot be a duration after %s", f->name,
						f->after);
		}
	}
	for (size_t i = 0; i < m->nfields; i++) {
		const struct plan *p = &r->plan[cx_table_col(r->t, m->fields[i].name)];
		if (p->after >= 0 && !r->plan[p->after].f)
			return map_fail(r, err, m->fields[i].pos, "after: %s is not mapped (%s counts from it)",
					m->fields[i].after, m->fields[i].name);
	}
	for (size_t i = 0; i < m->nskips; i++) {
		r->skip_cells[i] = header_index(r, m->skips[i].column);
		if (r->skip_cells[i] < 0) {
			char e[80];
			echo(m->skips[i].column, e, sizeof e);
			snprintf(msg, sizeof msg, "skip: column '%s' is not in the header of %s", e, cx_csv_name(r->csv));
			return map_fail(r, err, m->skips[i].pos, "%s%s", msg, "");
		}
	}
	return 0;
}

/* ---- cells to values ---------------------------------------------------- */

static char *buf_set(struct strbuf *b, const char *s, size_t n)
{
	if (n + 1 > b->cap) {
		b->cap = (n + 1) * 2;
		b->s = cx_xreallocarray(b->s, b->cap, 1);
	}
	memcpy(b->s, s, n);
	b->s[n] = '\0';
	return b->s;
}

static const char *trim(const char *s, size_t *n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t k = strlen(s);
	while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
		k--;
	*n = k;
	return s;
}

static bool same_word(const char *a, const char *b)
{
	size_t na, nb;
	a = trim(a, &na);
	b = trim(b, &nb);
	return na == nb && strncasecmp(a, b, na) == 0;
}

/* The text column col gets from the current record, after the mapping's
 * join, default, split and map (a value the map does not list stays as it
 * is); NULL when the file does not give it. */
static const char *cell_text(struct run *r, int col)
{
	const struct plan *p = &r->plan[col];
	struct strbuf *b = &r->bufs[col];
	size_t n;
	const char *s;
	if (!p->f) {
		if (p->cell < 0)
			return NULL;
		s = trim(cx_csv_field(r->csv, (size_t)p->cell), &n);
		/* A native file's text after the ' export put before it. */
		if (!r->m && n > 1 && s[0] == '\'' && strchr(CX_NATIVE_QUOTED, s[1])) {
			s++;
			n--;
		}
		return buf_set(b, s, n);
	}
	const cx_map_field *f = p->f;
	r->premap[col] = NULL;
	if (f->value) {
		s = buf_set(b, f->value, strlen(f->value));
	} else {
		/* Join the columns, skipping empty ones. */
		size_t total = 0;
		for (size_t k = 0; k < f->ncolumns; k++)
			total += cx_csv_field_len(r->csv, (size_t)p->cells[k]) + (f->join ? strlen(f->join) : 1);
		char *out = buf_set(b, "", 0);
		if (total + 1 > b->cap) {
			b->cap = total + 1;
			out = b->s = cx_xreallocarray(b->s, b->cap, 1);
		}
		size_t at = 0;
		for (size_t k = 0; k < f->ncolumns; k++) {
			const char *c = trim(cx_csv_field(r->csv, (size_t)p->cells[k]), &n);
			if (!n)
				continue;
			if (at) {
				const char *j = f->join ? f->join : " ";
				memcpy(out + at, j, strlen(j));
				at += strlen(j);
			}
			memcpy(out + at, c, n);
			at += n;
		}
		out[at] = '\0';
		s = out;
	}
	if (!*s && f->dflt)
		s = buf_set(b, f->dflt, strlen(f->dflt));
	if (f->split && *s) {
		/* Take part `part` of the pieces (negative: from the end). */
		size_t sl = strlen(f->split), count = 1;
		for (const char *q = strstr(s, f->split); q; q = strstr(q + sl, f->split))
			count++;
		long want = f->part > 0 ? f->part - 1 : (long)count + f->part;
		const char *start = s;
		if (want < 0 || want >= (long)count) {
			s = "";
		} else {
			for (long k = 0; k < want; k++)
				start = strstr(start, f->split) + sl;
			const char *end = strstr(start, f->split);
			size_t len = end ? (size_t)(end - start) : strlen(start);
			/* The piece moves to the front of the buffer it is in. */
			memmove(b->s, start, len);
			b->s[len] = '\0';
			s = trim(b->s, &n);
			memmove(b->s, s, n);
			b->s[n] = '\0';
			s = b->s;
		}
	}
	if (f->nmap && *s) {
		r->premap[col] = buf_set(&r->raws[col], s, strlen(s));
		for (size_t k = 0; k < f->nmap; k++)
			if (same_word(f->map[k].from, s))
				return buf_set(b, f->map[k].to, strlen(f->map[k].to));
		if (f->otherwise)
			return buf_set(b, f->otherwise, strlen(f->otherwise));
	}
	return s;
}

/* Sets the (not given) *_src column beside col to the source system's own
 * word when it differs from cxtop's. */
static void keep_original(struct run *r, int col, const char *original, const char *canonical)
{
	int src = r->plan[col].src;
	if (src < 0 || r->plan[src].cell >= 0 || r->plan[src].f)
		return;
	if (same_word(original, canonical)) {
		r->vals[src].type = CX_V_NULL;
		return;
	}
	r->vals[src].type = CX_V_TEXT;
	r->vals[src].s = original;
}

static char *const *formats_of(const struct run *r, int col, size_t *n)
{
	const cx_map_field *f = r->plan[col].f;
	if (f && f->nformats) {
		*n = f->nformats;
		return f->formats;
	}
	if (r->m && r->m->nformats) {
		*n = r->m->nformats;
		return r->m->formats;
	}
	*n = 0;
	return NULL;
}

/* Converts col's text into r->vals[col]; false with *why on refusal. */
static bool convert(struct run *r, int col, const char *s, long line, const char **why)
{
	const cx_col *c = &r->t->cols[col];
	cx_val *v = &r->vals[col];
	const cx_map_field *f = r->plan[col].f;
	int32_t day;
	size_t nf;
	char *const *fmts;
	*why = NULL;
	if (f && f->scale != CX_MAP_SCALE_NONE) {
		/* The scale the customer was asked on, rated or not. */
		int sc = r->scale_col;
		if (sc >= 0 && !r->plan[sc].f && r->plan[sc].cell < 0) {
			r->vals[sc].type = CX_V_TEXT;
			r->vals[sc].s = cx_conv_scale_name(f->scale);
		}
	}
	if (!*s) {
		/* Empty: nothing, or the column's value stays as it is. */
		if (c->required && !c->dflt && c->kind != CX_COL_REF) {
			*why = "is empty";
			return false;
		}
		v->type = c->defaulted || c->kind == CX_COL_ID || c->kind == CX_COL_HINT || c->dflt ? CX_V_ABSENT : CX_V_NULL;
		return true;
	}
	v->type = CX_V_INT;
	switch (c->kind) {
	case CX_COL_ID:
	case CX_COL_REF:
		return cx_conv_int(s, 1, INT64_MAX, &v->i, why);
	case CX_COL_INT:
		if (f && f->scale != CX_MAP_SCALE_NONE && strcmp(c->name, "csat") == 0) {
			/* "Offered" and "Unoffered": asked, not answered. */
			if (f->scale == CX_MAP_SCALE_GOOD_BAD && (same_word(s, "offered") || same_word(s, "unoffered") ||
								  same_word(s, "not offered"))) {
				v->type = CX_V_NULL;
				return true;
			}
			int k;
			if (!cx_conv_csat(s, f->scale, &k, why))
				return false;
			v->i = k;
			return true;
		}
		return cx_conv_int(s, c->min, c->max, &v->i, why);
	case CX_COL_BOOL: {
		int b;
		if (!cx_conv_bool(s, &b, why))
			return false;
		v->i = b;
		return true;
	}
	case CX_COL_MONEY:
		return cx_conv_money(s, &v->i, why);
	case CX_COL_BP:
		return cx_conv_pct(s, &v->i, why);
	case CX_COL_SBP:
		if (!cx_parse_signed_pct(s, &v->i)) {
			*why = "not a percentage between -100 and 100 with at most 2 decimals";
			return false;
		}
		return true;
	case CX_COL_INSTANT:
		fmts = formats_of(r, col, &nf);
		if (f && f->after)
			return cx_conv_duration(s, f->unit, &v->i, why);
		return cx_conv_instant(s, fmts, nf, &v->i, why);
	case CX_COL_DATE: {
		fmts = formats_of(r, col, &nf);
		if (!cx_conv_date(s, fmts, nf, &day, why))
			return false;
		char ymd[11];
		cx_date_format(day, ymd);
		v->type = CX_V_TEXT;
		v->s = buf_set(&r->bufs[col], ymd, 10);
		return true;
	}
	case CX_COL_MONTH: {
		int y, mo;
		char tail;
		if (sscanf(s, "%4d-%2d%c", &y, &mo, &tail) != 2 || strlen(s) != 7 || mo < 1 || mo > 12 || y < 1970) {
			*why = "not a month (expected YYYY-MM)";
			return false;
		}
		v->type = CX_V_TEXT;
		v->s = s;
		return true;
	}
	case CX_COL_ENUM: {
		/* A map may list only some values: the others can still be
		 * cxtop's own words or their usual names (values.c). */
		const char *canon = cx_imp_canonical(c, s);
		if (!canon) {
			/* Collected and reported together, with the fix. */
			unmapped(r, col, s, line);
			return false;
		}
		keep_original(r, col, r->premap[col] ? r->premap[col] : s, canon);
		v->type = CX_V_TEXT;
		v->s = canon;
		return true;
	}
	case CX_COL_SCALE:
		for (int k = CX_MAP_SCALE_0_10; k <= CX_MAP_SCALE_GOOD_BAD; k++)
			if (strcmp(s, cx_conv_scale_name((enum cx_map_scale)k)) == 0) {
				v->type = CX_V_TEXT;
				v->s = cx_conv_scale_name((enum cx_map_scale)k);
				return true;
			}
		*why = "not a rating scale (0-10, 1-10, 1-5 or good-bad)";
		return false;
	case CX_COL_SOURCE:
		for (const char *q = s; *q; q++)
			if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '.' || *q == '_' || *q == '-')) {
				*why = "not a source name (lower-case letters, digits, '.', '_' and '-')";
				return false;
			}
		if (strlen(s) > 64) {
			*why = "longer than 64 characters";
			return false;
		}
		v->type = CX_V_TEXT;
		v->s = s;
		return true;
	case CX_COL_SOURCE_ID:
	case CX_COL_TEXT:
	case CX_COL_LOOKUP:
	case CX_COL_HINT:
		if ((*why = cx_imp_text_problem(s, c->min, c->kind == CX_COL_SOURCE_ID ? 200 : c->max ? c->max : 320)))
			return false;
		v->type = CX_V_TEXT;
		v->s = s;
		return true;
	}
	*why = "unknown column kind";
	return false;
}

static bool skip_row(struct run *r)
{
	if (!r->m)
		return false;
	for (size_t i = 0; i < r->m->nskips; i++) {
		const cx_map_skip *k = &r->m->skips[i];
		size_t n;
		const char *cell = trim(cx_csv_field(r->csv, (size_t)r->skip_cells[i]), &n);
		char tmp[1024];
		snprintf(tmp, sizeof tmp, "%.*s", (int)(n < sizeof tmp ? n : sizeof tmp - 1), cell);
		bool hit = false;
		switch (k->test) {
		case CX_MAP_EQUALS:
		case CX_MAP_IN:
			for (size_t j = 0; j < k->nvalues && !hit; j++)
				hit = same_word(k->values[j], tmp);
			break;
		case CX_MAP_EMPTY:
			hit = n == 0;
			break;
		case CX_MAP_NOT_EMPTY:
			hit = n != 0;
			break;
		case CX_MAP_MATCHES:
			hit = fnmatch(k->values[0], tmp, 0) == 0;
			break;
		}
		if (hit)
			return true;
	}
	return false;
}

/* True when the record's source_id is the one of the record before (the
 * further line items of an order); remembers it for the next. */
static bool same_key_as_before(struct run *r)
{
	int col = r->sid_col;
	if (col < 0)
		return false;
	const char *s = cell_text(r, col);
	if (!s || !*s)
		return false;
	bool same = r->last_key && strcmp(r->last_key, s) == 0;
	if (!same) {
		free(r->last_key);
		r->last_key = cx_xstrdup(s);
	}
	return same;
}

/* A help desk counts the first resolution in whole minutes (Zendesk's
 * "First resolution time in minutes"), which can put it up to a minute
 * past the solved time of a ticket never reopened: less than one of the
 * duration's units past it, it is the solved time.  Further past it, the
 * store's rule refuses the row. */
static void first_resolution_rounded(struct run *r)
{
	int first = cx_table_col(r->t, "first_resolved_at"), solved = cx_table_col(r->t, "resolved_at");
	if (first < 0 || solved < 0 || r->plan[first].after < 0 || !r->plan[first].f)
		return;
	cx_val *f = &r->vals[first];
	const cx_val *s = &r->vals[solved];
	enum cx_map_unit u = r->plan[first].f->unit;
	int64_t unit = u == CX_MAP_UNIT_HOURS ? 3600 : u == CX_MAP_UNIT_MINUTES ? 60 : 1;
	if (f->type == CX_V_INT && s->type == CX_V_INT && f->i > s->i && f->i - s->i < unit)
		f->i = s->i;
}

/* One record: convert, then write. */
static int do_row(struct run *r, cx_error *err)
{
	const cx_table_def *t = r->t;
	long line = cx_csv_line(r->csv);
	if (cx_csv_nfields(r->csv) != r->nheader) {
		refuse(r, line, -1, "%zu fields, but the header has %zu", cx_csv_nfields(r->csv), r->nheader);
		return 0;
	}
	/* Repeats first: an order's first row decides for its line items,
	 * whether it is imported or skipped. */
	if (r->m && r->m->repeated_skip && same_key_as_before(r)) {
		r->res->skipped++;
		return 0;
	}
	if (skip_row(r)) {
		r->res->skipped++;
		return 0;
	}
	for (size_t i = 0; i < t->ncols; i++)
		r->vals[i] = (cx_val){.type = CX_V_ABSENT};
	bool ok = true;
	long before = r->refused;
	/* Durations count from another field: that one first. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < t->ncols; i++) {
			if ((r->plan[i].after >= 0) != (pass == 1))
				continue;
			const char *s = cell_text(r, (int)i);
			if (!s)
				continue;
			const char *why;
			if (!convert(r, (int)i, s, line, &why)) {
				ok = false;
				if (why) {
					char e[60];
					echo(s, e, sizeof e);
					refuse(r, line, (int)i, "%s: %s (\"%s\")", t->cols[i].name, why, e);
				}
				continue;
			}
			if (pass == 1 && r->vals[i].type == CX_V_INT) {
				const cx_val *base = &r->vals[r->plan[i].after];
				if (base->type != CX_V_INT) {
					ok = false;
					refuse(r, line, (int)i, "%s: counts from %s, which is empty", t->cols[i].name,
					       t->cols[r->plan[i].after].name);
					continue;
				}
				r->vals[i].i += base->i;
				/* The sum must still be an instant cxtop can write back. */
				if (r->vals[i].i < 0 || r->vals[i].i >= 7258118400ll) {
					ok = false;
					refuse(r, line, (int)i, "%s: the duration puts it past the year 2199", t->cols[i].name);
				}
			}
		}
	if (ok)
		first_resolution_rounded(r);
	if (!ok) {
		/* A row refused only for an unmapped value is listed with the
		 * others of its kind at the end; it still counts. */
		if (r->refused == before)
			r->refused++;
		return 0;
	}
	char value[1100]; /* a setting's value as stored */
	if (strcmp(t->name, "settings") == 0) {
		if (r->vals[0].type != CX_V_TEXT || r->vals[1].type != CX_V_TEXT) {
			refuse(r, line, -1, "a settings row needs a key and a value");
			return 0;
		}
		const char *key = r->vals[0].s, *store_key;
		const char *why = cx_imp_setting(key, r->vals[1].type == CX_V_TEXT ? r->vals[1].s : "", &store_key, value,
						 sizeof value);
		if (why) {
			char e[60];
			echo(key, e, sizeof e);
			refuse(r, line, why[0] == 'u' ? 0 : 1, "%s: %s", e, why);
			return 0;
		}
		r->vals[0].s = store_key;
		r->vals[1].type = CX_V_TEXT;
		r->vals[1].s = value;
	}
	if (r->fold) {
		const char *why = cx_fold_add(r->fold, r->vals, line);
		if (why)
			refuse(r, line, -1, "%s", why);
		return 0;
	}
	int bad;
	int rc = cx_rows_put(r->w, r->source, r->vals, line, &bad, err);
	if (rc == -2)
		return -1; /* the store itself failed: stop */
	if (rc < 0)
		refuse(r, line, bad, "%s", err->msg);
	return 0;
}

/* ---- a file, and the call ------------------------------------------------- */

const cx_table_def *cx_import_table(const char *name)
{
	const cx_table_def *f = cx_fold_table();
	return strcmp(name, f->name) == 0 ? f : cx_table_find(name);
}

const char *cx_import_table_names(void)
{
	static char names[512];
	if (!names[0])
		snprintf(names, sizeof names, "%s, %s", cx_table_names(), cx_fold_table()->name);
	return names;
}

/* --explain: where each field of the table comes from in this file, and
 * which of the file's columns nothing reads. */
static void explain(const struct run *r)
{
	FILE *to = r->o->explain_to;
	if (!to)
		return;
	char e[80];
	echo(cx_csv_name(r->csv), e, sizeof e);
	char d = cx_csv_delimiter(r->csv);
	if (r->json && cx_csv_size(r->csv) <= 1) {
		fprintf(to, "%s (JSON, no records: only lists that others' records join)\n", e);
		fflush(to);
		return;
	}
	if (r->json)
		fprintf(to, "%s (JSON, %" PRId64 " records, %zu paths read) into %s with %s:\n", e,
			cx_csv_size(r->csv) - 1, r->nheader, r->t->name, r->m->path);
	else
		fprintf(to, "%s (%s-separated, %zu columns) into %s%s%s:\n", e,
			d == '\t' ? "tab" : d == ';' ? "semicolon" : "comma", r->nheader, r->t->name,
			r->m ? " with " : "", r->m ? r->m->path : "");
	bool *used = cx_xcalloc(r->nheader + 1, sizeof *used);
	for (size_t i = 0; i < r->t->ncols; i++) {
		const struct plan *p = &r->plan[i];
		const char *name = r->t->cols[i].name;
		if (!p->f && p->cell < 0)
			continue;
		fprintf(to, "  %-18s <- ", name);
		if (!p->f) {
			used[p->cell] = true;
			echo(r->header[p->cell], e, sizeof e);
			fprintf(to, "\"%s\"\n", e);
			continue;
		}
		const cx_map_field *f = p->f;
		if (f->value) {
			echo(f->value, e, sizeof e);
			fprintf(to, "the value \"%s\"", e);
		}
		for (size_t k = 0; k < f->ncolumns; k++) {
			used[p->cells[k]] = true;
			echo(f->columns[k], e, sizeof e);
			fprintf(to, "%s\"%s\"", k ? " + " : "", e);
		}
		if (f->after)
			fprintf(to, ", %s after %s", f->unit == CX_MAP_UNIT_HMS ? "HH:MM:SS" : f->unit == CX_MAP_UNIT_HOURS ? "hours" : f->unit == CX_MAP_UNIT_MINUTES ? "minutes" : "seconds", f->after);
		if (f->split)
			fprintf(to, ", piece %d", f->part);
		if (f->nmap)
			fprintf(to, ", through a map of %zu values%s", f->nmap, f->otherwise ? " (otherwise one)" : "");
		if (f->scale)
			fprintf(to, ", rated %s", cx_conv_scale_name(f->scale));
		if (f->dflt)
			fprintf(to, ", empty: \"%s\"", f->dflt);
		fputc('\n', to);
	}
	for (size_t i = 0; r->m && i < r->m->nskips; i++)
		used[r->skip_cells[i]] = true;
	size_t unused = 0;
	for (size_t i = 0; i < r->nheader; i++)
		unused += !used[i];
	if (unused) {
		fprintf(to, "  not used:");
		for (size_t i = 0, k = 0; i < r->nheader; i++)
			if (!used[i]) {
				echo(r->header[i], e, sizeof e);
				fprintf(to, "%s \"%s\"", k++ ? "," : "", e);
			}
		fputc('\n', to);
	}
	free(used);
	fflush(to); /* before any refusal on stderr */
}

static int read_header(struct run *r, cx_error *err)
{
	int rc = cx_csv_next(r->csv, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return cx_fail(err, CX_EXIT_RUNTIME, "%s: empty file: a header line is needed", cx_csv_name(r->csv));
	r->nheader = cx_csv_nfields(r->csv);
	r->header = cx_xcalloc(r->nheader, sizeof *r->header);
	for (size_t i = 0; i < r->nheader; i++) {
		size_t n;
		const char *s = trim(cx_csv_field(r->csv, i), &n);
		r->header[i] = cx_xstrdup(s);
		r->header[i][n] = '\0';
	}
	for (size_t i = 0; i < r->t->ncols; i++) {
		char name[80];
		snprintf(name, sizeof name, "%s_src", r->t->cols[i].name);
		r->plan[i] = (struct plan){.cell = -1, .after = -1, .src = cx_table_col(r->t, name)};
	}
	if ((r->m ? plan_mapped(r, err) : plan_native(r, err)) < 0)
		return -1;
	explain(r);
	return 0;
}

static int one_file(struct run *r, size_t file, cx_error *err)
{
	const char *path = r->o->files[file];
	cx_csv_opts co = {
		.delimiter = r->o->delimiter ? r->o->delimiter : r->m ? r->m->delimiter : 0,
		.encoding = r->o->encoding ? r->o->encoding : r->m ? r->m->encoding : NULL,
	};
	r->csv = r->json ? cx_json_rows(r->json, file, err) : cx_csv_open(path, &co, err);
	if (!r->csv)
		return -1;
	if (r->fold)
		cx_fold_file(r->fold, cx_csv_name(r->csv));
	int ret = read_header(r, err);
	int64_t rows = 0;
	free(r->last_key);
	r->last_key = NULL;
	clock_gettime(CLOCK_MONOTONIC, &r->started);
	r->drawn = r->started;
	while (ret == 0) {
		int rc = cx_csv_next(r->csv, err);
		if (rc < 0) {
			ret = -1;
			/* The usual cause: a spreadsheet's own encoding. */
			if (strstr(err->msg, "invalid UTF-8") && !r->o->encoding && !(r->m && r->m->encoding) &&
			    strlen(err->msg) + 60 < sizeof err->msg)
				strcat(err->msg, " (not UTF-8? give --encoding, e.g. windows-1252)");
		}
		if (rc <= 0)
			break;
		rows++;
		if (do_row(r, err) < 0)
			ret = -1;
		if ((rows & 1023) == 0)
			progress(r, rows, false);
	}
	progress(r, rows, true);
	r->res->rows += rows;
	r->res->files++;
	if (ret == 0)
		report_unmapped(r);
	for (size_t i = 0; i < r->num; i++)
		free(r->um[i].value);
	r->num = 0;
	r->um_other = 0;
	free_header(r);
	if (ret == 0 && r->refused)
		ret = cx_fail(err, CX_EXIT_RUNTIME, "%s: %ld problem%s%s; nothing was written", cx_csv_name(r->csv),
			      r->refused, r->refused == 1 ? "" : "s",
			      r->refused > r->shown && r->shown == MAX_SHOWN ? " (the first 20 shown)" : "");
	cx_csv_close(r->csv);
	r->csv = NULL;
	return ret;
}

static void free_run(struct run *r)
{
	if (r->bufs)
		for (size_t i = 0; i < r->t->ncols; i++) {
			free(r->bufs[i].s);
			free(r->raws[i].s);
		}
	free(r->bufs);
	free(r->raws);
	free(r->premap);
	free(r->plan);
	free(r->vals);
	free(r->skip_cells);
	free(r->um);
	free(r->last_key);
}

int cx_import_run(cx_store *st, const cx_import_opts *o, cx_import_result *res, cx_error *err)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	*res = (cx_import_result){0};
	const cx_table_def *t = cx_import_table(o->table);
	if (!t)
		return cx_fail(err, CX_EXIT_USAGE, "unknown table '%s' (tables: %s)", o->table, cx_import_table_names());
	if (o->map && strcmp(cx_import_table(o->map->table) ? cx_import_table(o->map->table)->name : "", t->name) != 0) {
		if (!cx_import_table(o->map->table))
			return cx_fail(err, CX_EXIT_RUNTIME, "%s:%d:%d: unknown table '%s' (tables: %s)", o->map->path,
				       o->map->table_pos.line, o->map->table_pos.column, o->map->table,
				       cx_import_table_names());
		return cx_fail(err, CX_EXIT_USAGE, "the mapping %s is for %s, not %s", o->map->path, o->map->table,
			       t->name);
	}
	struct run r = {
		.o = o,
		.t = t,
		.m = o->map,
		.res = res,
		.source = o->source ? o->source : o->map && o->map->source ? o->map->source : "csv",
	};
	r.sid_col = cx_table_col(t, "source_id");
	r.scale_col = cx_table_col(t, "csat_scale");
	r.plan = cx_xcalloc(t->ncols, sizeof *r.plan);
	r.vals = cx_xcalloc(t->ncols, sizeof *r.vals);
	r.bufs = cx_xcalloc(t->ncols, sizeof *r.bufs);
	r.raws = cx_xcalloc(t->ncols, sizeof *r.raws);
	r.premap = cx_xcalloc(t->ncols, sizeof *r.premap);
	r.skip_cells = cx_xcalloc(o->map ? o->map->nskips + 1 : 1, sizeof *r.skip_cells);

	const char *tz = o->tz ? o->tz : o->map ? o->map->timezone : NULL;
	if (cx_conv_tz_set(tz, err) < 0) {
		if (o->map && !o->tz && o->map->timezone) {
			char why[sizeof err->msg];
			snprintf(why, sizeof why, "%s", err->msg);
			cx_fail(err, CX_EXIT_RUNTIME, "%s:%d:%d: %s", o->map->path, o->map->timezone_pos.line,
				o->map->timezone_pos.column, why);
		}
		free_run(&r);
		return -1;
	}
	int ret = 0;
	/* Charges are written as renewals, after the win-back orders they
	 * name (fold.c). */
	if (t == cx_fold_table()) {
		r.fold = cx_fold_new();
		res->folded = true;
	}
	if (o->map && o->map->json && !(r.json = cx_json_load(o->files, o->nfiles, o->map, err)))
		ret = -1;
	if (ret == 0 && !(r.w = cx_rows_begin(st, r.fold ? cx_table_find("orders") : t, err)))
		ret = -1;
	for (size_t i = 0; ret == 0 && i < o->nfiles; i++) {
		if (i > 0 && cx_rows_next_file(r.w, err) < 0)
			ret = -1;
		else
			ret = one_file(&r, i, err);
	}
	if (r.w && ret == 0 && r.fold)
		ret = cx_fold_write(r.fold, r.w, r.source, &res->fold, err);
	if (r.w) {
		const cx_rows_counts *c = cx_rows_counts_of(r.w);
		res->inserted = c->inserted;
		res->updated = c->updated;
		res->unchanged = c->unchanged;
		res->created_agents = c->created_agents;
		res->created_customers = c->created_customers;
		cx_error end_err = {0};
		if (cx_rows_end(r.w, ret == 0 && !o->dry_run && !o->explain_to, &end_err) < 0 && ret == 0) {
			*err = end_err;
			ret = -1;
		}
	}
	cx_conv_tz_restore();
	cx_fold_free(r.fold);
	cx_json_free(r.json);
	free_run(&r);
	res->seconds = since(&t0);
	return ret;
}
