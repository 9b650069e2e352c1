/* rows_read.c — a table's rows as typed values, for cxtop export.
 *
 * Streams: one row at a time from one statement, so exporting a million
 * tickets costs what exporting ten does, in memory. */
#include <stdio.h>
#include <string.h>

#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "cxtop/store_rows.h"
#include "store_internal.h"

int cx_rows_each(cx_store *st, const cx_table_def *t, int32_t from_day, int32_t to_day,
		 int (*row)(void *ctx, const cx_val *vals, cx_error *err), void *ctx, cx_error *err)
{
	char sql[2048];
	size_t n = 0;
	n += (size_t)snprintf(sql + n, sizeof sql - n, "SELECT ");
	int k = 0;
	for (size_t i = 0; i < t->ncols; i++)
		if (cx_col_stored(&t->cols[i]))
			n += (size_t)snprintf(sql + n, sizeof sql - n, "%s%s", k++ ? ", " : "", cx_col_sql(&t->cols[i]));
	n += (size_t)snprintf(sql + n, sizeof sql - n, " FROM %s", t->sql);
	bool filter = t->date_col && from_day <= to_day;
	bool instant = filter && t->cols[cx_table_col(t, t->date_col)].kind == CX_COL_INSTANT;
	if (filter) {
		n += (size_t)snprintf(sql + n, sizeof sql - n, instant ? " WHERE %s >= ?1 AND %s < ?2" : " WHERE %s >= ?1 AND %s <= ?2",
				      t->date_col, t->date_col);
	}
	snprintf(sql + n, sizeof sql - n, " ORDER BY %s", strcmp(t->sql, "settings") == 0 ? "key" : "id");

	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	if (filter) {
		char a[11], b[11];
		cx_date_format(from_day, a);
		cx_date_format(to_day, b);
		if (instant) {
			sqlite3_bind_int64(s, 1, cx_local_midnight(from_day));
			sqlite3_bind_int64(s, 2, cx_local_midnight(to_day + 1));
		} else {
			sqlite3_bind_text(s, 1, a, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(s, 2, b, -1, SQLITE_TRANSIENT);
		}
	}
	cx_val *v = cx_xcalloc(t->ncols, sizeof *v);
	int ret = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int c = 0;
		for (size_t i = 0; i < t->ncols; i++) {
			v[i] = (cx_val){.type = CX_V_ABSENT};
			if (!cx_col_stored(&t->cols[i]))
				continue;
			switch (sqlite3_column_type(s, c)) {
			case SQLITE_NULL:
				v[i].type = CX_V_NULL;
				break;
			case SQLITE_INTEGER:
				v[i].type = CX_V_INT;
				v[i].i = sqlite3_column_int64(s, c);
				break;
			default:
				v[i].type = CX_V_TEXT;
				v[i].s = (const char *)sqlite3_column_text(s, c);
				break;
			}
			c++;
		}
		if (row(ctx, v, err) < 0) {
			ret = -1;
			break;
		}
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = cx_store_sql_fail(st, err, rc, "cannot read store");
	free(v);
	sqlite3_finalize(s);
	return ret;
}
