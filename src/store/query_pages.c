/* query_pages.c — keyset-paged lists of tickets and customers.
 *
 * Each page is one statement over an index range: WHERE (key, id) < (?, ?)
 * ORDER BY key DESC, id DESC LIMIT n (or the mirror image going backward),
 * so memory is one screen and every page costs the same.  The WHERE clause
 * is assembled from fixed fragments; values are always bound, never
 * pasted into SQL. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

/* Tickets: newest first, keyed on (created_at, id). */
static void ticket_where(char *buf, size_t len, const cx_ticket_filter *f)
{
	snprintf(buf, len,
		 "%s%s%s%s%s%s",
		 f->end > 0 ? " AND t.created_at >= :start AND t.created_at < :end" : "",
		 f->agent_id ? " AND t.agent_id = :agent" : "", f->customer_id ? " AND t.customer_id = :customer" : "", f->channel[0] ? " AND t.channel = :channel" : "",
		 f->state == 1   ? " AND t.resolved_at IS NULL"
		 : f->state == 2 ? " AND t.resolved_at IS NOT NULL"
		 : f->state == 3 ? " AND t.first_response_at IS NULL"
				 : "",
		 f->search[0] ? " AND (t.topic LIKE :q ESCAPE '\\' OR c.name LIKE :q ESCAPE '\\')" : "");
}

static void bind_named(sqlite3_stmt *s, const char *name, int64_t v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i > 0)
		sqlite3_bind_int64(s, i, v);
}

static void bind_named_text(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = sqlite3_bind_parameter_index(s, name);
	if (i > 0)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* "%text%" for LIKE, with the text's own %, _ and \ taken literally. */
static void like_pattern(char *q, size_t len, const char *text)
{
	size_t o = 0;
	q[o++] = '%';
	for (; *text && o + 3 < len; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			q[o++] = '\\';
		q[o++] = *text;
	}
	q[o++] = '%';
	q[o] = '\0';
}

static void bind_ticket_filter(sqlite3_stmt *s, const cx_ticket_filter *f)
{
	char q[160];
	bind_named(s, ":start", f->start);
	bind_named(s, ":end", f->end);
	bind_named(s, ":agent", f->agent_id);
	bind_named(s, ":customer", f->customer_id);
	bind_named_text(s, ":channel", f->channel);
	like_pattern(q, sizeof q, f->search);
	bind_named_text(s, ":q", q);
}

int cx_store_tickets_page(cx_store *st, const cx_ticket_filter *f, const cx_page_key *after, bool inclusive,
			  bool backward, int limit, cx_ticket_item *out, int *n, cx_error *err)
{
	char where[512], sql[2048];
	ticket_where(where, sizeof where, f);
	/* Forward is newest first (descending); backward walks up the list. */
	snprintf(sql, sizeof sql,
		 "SELECT t.id, t.created_at, coalesce(t.first_response_at, 0), coalesce(t.resolved_at, 0),"
		 " coalesce(t.agent_id, 0), t.customer_id, c.name, coalesce(a.name, ''), t.channel, t.topic,"
		 " t.status, t.complexity, coalesce(t.csat, -1), t.replies, t.reopened, coalesce(t.first_resolved_at, 0)"
		 " FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.agent_id"
		 " WHERE 1%s%s ORDER BY t.created_at %s, t.id %s LIMIT :limit",
		 where,
		 !after     ? ""
		 : backward ? (inclusive ? " AND (t.created_at, t.id) >= (:k, :id)" : " AND (t.created_at, t.id) > (:k, :id)")
			    : (inclusive ? " AND (t.created_at, t.id) <= (:k, :id)" : " AND (t.created_at, t.id) < (:k, :id)"),
		 backward ? "ASC" : "DESC", backward ? "ASC" : "DESC");
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_ticket_filter(s, f);
	if (after) {
		bind_named(s, ":k", after->k);
		bind_named(s, ":id", after->id);
	}
	bind_named(s, ":limit", limit);
	int rc, i = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && i < limit) {
		cx_ticket_item *t = &out[i++];
		t->id = sqlite3_column_int64(s, 0);
		t->created_at = sqlite3_column_int64(s, 1);
		t->first_response_at = sqlite3_column_int64(s, 2);
		t->resolved_at = sqlite3_column_int64(s, 3);
		t->agent_id = sqlite3_column_int64(s, 4);
		t->customer_id = sqlite3_column_int64(s, 5);
		cx_q_text(s, 6, t->customer, sizeof t->customer);
		cx_q_text(s, 7, t->agent, sizeof t->agent);
		cx_q_text(s, 8, t->channel, sizeof t->channel);
		cx_q_text(s, 9, t->topic, sizeof t->topic);
		cx_q_text(s, 10, t->status, sizeof t->status);
		t->complexity = sqlite3_column_int(s, 11);
		t->csat = sqlite3_column_int(s, 12);
		t->replies = sqlite3_column_int(s, 13);
		t->reopened = sqlite3_column_int(s, 14);
		t->first_resolved_at = sqlite3_column_int64(s, 15);
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	*n = i;
	return cx_q_done(st, s, rc, err);
}

int cx_store_ticket_count(cx_store *st, const cx_ticket_filter *f, int64_t *out, cx_error *err)
{
	char where[512], sql[1024];
	ticket_where(where, sizeof where, f);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM tickets t %s WHERE 1%s",
		 f->search[0] ? "JOIN customers c ON c.id = t.customer_id" : "", where);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_ticket_filter(s, f);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}

static void customer_where(char *buf, size_t len, const cx_customer_filter *f)
{
	static const char *const which[] = {"", " AND c.satisfaction <= 6", " AND c.blacklisted = 1",
					    " AND c.satisfaction >= 9"};
	snprintf(buf, len, "%s%s", f->which >= 0 && f->which <= 3 ? which[f->which] : "",
		 f->search[0] ? " AND (c.name LIKE :q ESCAPE '\\' OR c.email LIKE :q ESCAPE '\\')" : "");
}

int cx_store_customers_page(cx_store *st, const cx_customer_filter *f, const cx_page_key *after, bool inclusive,
			    bool backward, int limit, cx_customer_item *out, int *n, cx_error *err)
{
	char where[256], sql[1536], q[160];
	customer_where(where, sizeof where, f);
	snprintf(sql, sizeof sql,
		 "SELECT c.id, c.created_at, c.name, coalesce(c.email, ''), c.segment, coalesce(c.satisfaction, 0),"
		 " c.blacklisted, (SELECT count(*) FROM tickets t WHERE t.customer_id = c.id)"
		 " FROM customers c WHERE 1%s%s ORDER BY c.id %s LIMIT :limit",
		 where,
		 !after     ? ""
		 : backward ? (inclusive ? " AND c.id <= :id" : " AND c.id < :id")
			    : (inclusive ? " AND c.id >= :id" : " AND c.id > :id"),
		 backward ? "DESC" : "ASC");
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	like_pattern(q, sizeof q, f->search);
	bind_named_text(s, ":q", q);
	if (after)
		bind_named(s, ":id", after->id);
	bind_named(s, ":limit", limit);
	int rc, i = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && i < limit) {
		cx_customer_item *c = &out[i++];
		c->id = sqlite3_column_int64(s, 0);
		c->created_at = sqlite3_column_int64(s, 1);
		cx_q_text(s, 2, c->name, sizeof c->name);
		cx_q_text(s, 3, c->email, sizeof c->email);
		cx_q_text(s, 4, c->segment, sizeof c->segment);
		c->satisfaction = sqlite3_column_int(s, 5);
		c->blacklisted = sqlite3_column_int(s, 6) != 0;
		c->tickets = sqlite3_column_int64(s, 7);
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	*n = i;
	return cx_q_done(st, s, rc, err);
}

int cx_store_customer_count(cx_store *st, const cx_customer_filter *f, int64_t *out, cx_error *err)
{
	char where[256], sql[512], q[160];
	customer_where(where, sizeof where, f);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM customers c WHERE 1%s", where);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	like_pattern(q, sizeof q, f->search);
	bind_named_text(s, ":q", q);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}
