/* sql.c — the few SQLite calls the generators need, with one policy: any
 * failure is a bug in the generator, so it ends the run with a message and
 * removes the half-written output (a broken sample.db must never be left
 * behind for `make sample` to move into place).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sample.h"

static const char *output_path;

void fail_set_output(const char *path)
{
	output_path = path;
}

static void remove_output(void)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char p[4096];
	if (!output_path)
		return;
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", output_path, suffix[i]);
		unlink(p);
	}
}

void die(const char *fmt, ...)
{
	va_list ap;
	fputs("mksample: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	remove_output();
	exit(1);
}

sqlite3_stmt *sq_prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die("cannot prepare \"%s\": %s", sql, sqlite3_errmsg(db));
	return s;
}

void sq_i64(sqlite3_stmt *s, int i, int64_t v)
{
	int rc = v == NONE ? sqlite3_bind_null(s, i) : sqlite3_bind_int64(s, i, v);
	if (rc != SQLITE_OK)
		die("cannot bind parameter %d: %s", i, sqlite3_errstr(rc));
}

void sq_text(sqlite3_stmt *s, int i, const char *v)
{
	int rc = v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s, i);
	if (rc != SQLITE_OK)
		die("cannot bind parameter %d: %s", i, sqlite3_errstr(rc));
}

void sq_run(sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		die("\"%s\" failed: %s", sqlite3_sql(s), sqlite3_errmsg(sqlite3_db_handle(s)));
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

void sq_exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die("\"%s\" failed: %s", sql, sqlite3_errmsg(db));
}

int64_t sq_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = sq_prep(db, sql);
	int64_t v = 0;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		die("\"%s\" failed: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	return v;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die("out of memory");
	size_t bytes = n * size;
	p = realloc(p, bytes ? bytes : 1);
	if (!p)
		die("out of memory");
	return p;
}
