/* query_util.c — the small repeated steps of every query. */
#include <stdio.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "store_internal.h"

#define CACHE_SIZE (sizeof ((cx_store *)0)->cache / sizeof ((cx_store *)0)->cache[0])

int cx_q_prepare(cx_store *st, const char *sql, sqlite3_stmt **out, cx_error *err)
{
	struct cx_cached_stmt *slot = NULL;
	for (size_t i = 0; i < CACHE_SIZE; i++) {
		struct cx_cached_stmt *c = &st->cache[i];
		if (c->sql && !c->in_use && strcmp(c->sql, sql) == 0) {
			c->in_use = true;
			c->used_at = ++st->clock;
			*out = c->stmt;
			return 0;
		}
		/* Remember a free slot, else the least recently used idle one. */
		if (!c->in_use && (!slot || (slot->sql && (!c->sql || c->used_at < slot->used_at))))
			slot = c;
	}
	int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
	if (rc != SQLITE_OK) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot read store '%s': %s", st->path, sqlite3_errmsg(st->db));
		sqlite3_finalize(*out);
		*out = NULL;
		return -1;
	}
	if (slot) {
		if (slot->sql) {
			sqlite3_finalize(slot->stmt);
			free(slot->sql);
		}
		slot->sql = cx_xstrdup(sql);
		slot->stmt = *out;
		slot->in_use = true;
		slot->used_at = ++st->clock;
	}
	return 0;
}

void cx_q_release(cx_store *st, sqlite3_stmt *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < CACHE_SIZE; i++)
		if (st->cache[i].stmt == s && st->cache[i].sql) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			st->cache[i].in_use = false;
			return;
		}
	sqlite3_finalize(s);
}

void cx_q_cache_clear(cx_store *st)
{
	for (size_t i = 0; i < CACHE_SIZE; i++) {
		if (st->cache[i].sql) {
			sqlite3_finalize(st->cache[i].stmt);
			free(st->cache[i].sql);
		}
		st->cache[i] = (struct cx_cached_stmt){0};
	}
}

void cx_q_bind_period(sqlite3_stmt *s, const cx_period *p)
{
	int n = sqlite3_bind_parameter_count(s);
	if (n >= 1)
		sqlite3_bind_int64(s, 1, p->start);
	if (n >= 2)
		sqlite3_bind_int64(s, 2, p->end);
	char d[11];
	if (n >= 3) {
		cx_date_format(p->from_day, d);
		sqlite3_bind_text(s, 3, d, -1, SQLITE_TRANSIENT);
	}
	if (n >= 4) {
		cx_date_format(p->to_day, d);
		sqlite3_bind_text(s, 4, d, -1, SQLITE_TRANSIENT);
	}
}

void cx_q_text(sqlite3_stmt *s, int i, char *buf, size_t len)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	snprintf(buf, len, "%s", v ? (const char *)v : "");
}

int cx_q_done(cx_store *st, sqlite3_stmt *s, int rc, cx_error *err)
{
	cx_q_release(st, s);
	if (rc != SQLITE_DONE)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	return 0;
}

void *cx_q_grow(void *arr, size_t *cap, size_t n, size_t elem)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 16;
	void *p = cx_xreallocarray(arr, *cap, elem);
	memset((char *)p + n * elem, 0, (*cap - n) * elem);
	return p;
}

int cx_q_collect(cx_store *st, sqlite3_stmt *s, size_t elem, void (*fill)(sqlite3_stmt *s, void *row), void **rows,
		 size_t *n, cx_error *err)
{
	size_t cap = 0;
	*rows = NULL;
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*rows = cx_q_grow(*rows, &cap, *n, elem);
		fill(s, (char *)*rows + elem * (*n)++);
	}
	if (cx_q_done(st, s, rc, err) < 0) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}
