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

/* A ticket open at :end as the store knew it then (schema.c, version 3):
 * its values before its first change after :end, else as it is now.  The
 * first line narrows to index ranges (still open, solved only later, or
 * changed later); the second decides each of those few. */
#define OPEN_AT_END                                                                                        \
	" AND t.created_at < :end"                                                                         \
	" AND (t.resolved_at IS NULL OR t.resolved_at >= :end"                                             \
	"      OR t.id IN (SELECT ticket_id FROM ticket_changes WHERE at >= :end))"                        \
	" AND coalesce((SELECT c.resolved_before IS NULL OR c.resolved_before >= :end FROM ticket_changes c" \
	"      WHERE c.ticket_id = t.id AND c.at >= :end ORDER BY c.at, c.id LIMIT 1),"                    \
	"    t.resolved_at IS NULL OR t.resolved_at >= :end)"

/* Tickets: newest first, keyed on (created_at, id).  Each state is the set
 * a dashboard figure counts (store.h), within the period when there is
 * one, else as the tickets are now. */
static void ticket_where(char *buf, size_t len, const cx_ticket_filter *f)
{
	const char *created = " AND t.created_at >= :start AND t.created_at < :end";
	const char *state = "";
	bool period = f->end > 0;
	switch (f->state) {
	case CX_TICKETS_CREATED:
	case CX_TICKETS_STATES:
		state = period ? created : "";
		break;
	case CX_TICKETS_OPEN:
		state = period ? OPEN_AT_END : " AND t.resolved_at IS NULL";
		break;
	case CX_TICKETS_SOLVED:
		state = period ? " AND t.resolved_at >= :start AND t.resolved_at < :end" : " AND t.resolved_at IS NOT NULL";
		break;
	case CX_TICKETS_UNANSWERED:
		state = period ? " AND t.created_at >= :start AND t.created_at < :end AND t.first_response_at IS NULL"
			       : " AND t.first_response_at IS NULL";
		break;
	}
	snprintf(buf, len, "%s%s%s%s%s", state, f->agent_id ? " AND t.agent_id = :agent" : "",
		 f->customer_id ? " AND t.customer_id = :customer" : "", f->channel[0] ? " AND t.channel = :channel" : "",
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

/* One statement over the filter: newest first, or oldest first when
 * backward, after the key when there is one, at most limit rows (-1: all),
 * each handed to row (0 to go on). */
static int tickets_select(cx_store *st, const cx_ticket_filter *f, const cx_page_key *after, bool inclusive,
			  bool backward, int64_t limit, int (*row)(void *ctx, const cx_ticket_item *it), void *ctx,
			  cx_error *err)
{
	char where[1024], sql[4096];
	ticket_where(where, sizeof where, f);
	/* Forward is newest first (descending); backward walks up the list. */
	/* The tickets open at a period's end are shown as they stood then:
	 * the values before their first change after it, if any. */
	bool as_of = f->state == CX_TICKETS_OPEN && f->end > 0;
	snprintf(sql, sizeof sql,
		 as_of ? "SELECT t.id, t.created_at, coalesce(t.first_response_at, 0),"
			 " coalesce(CASE WHEN x.id IS NULL THEN t.resolved_at ELSE x.resolved_before END, 0),"
			 " coalesce(CASE WHEN x.id IS NULL THEN t.agent_id ELSE x.agent_before END, 0),"
			 " t.customer_id, c.name, coalesce(a.name, ''), t.channel, t.topic,"
			 " CASE WHEN x.id IS NULL THEN t.status ELSE x.status_before END, t.complexity,"
			 " coalesce(CASE WHEN x.id IS NULL THEN t.csat ELSE x.csat_before END, -1),"
			 " CASE WHEN x.id IS NULL THEN t.replies ELSE x.replies_before END,"
			 " CASE WHEN x.id IS NULL THEN t.reopened ELSE x.reopened_before END,"
			 " coalesce(CASE WHEN x.id IS NULL THEN t.first_resolved_at"
			 "   WHEN x.resolved_before IS NULL THEN NULL ELSE t.first_resolved_at END, 0)"
			 " FROM tickets t JOIN customers c ON c.id = t.customer_id"
			 " LEFT JOIN ticket_changes x ON x.id = (SELECT y.id FROM ticket_changes y"
			 "   WHERE y.ticket_id = t.id AND y.at >= :end ORDER BY y.at, y.id LIMIT 1)"
			 " LEFT JOIN agents a ON a.id = CASE WHEN x.id IS NULL THEN t.agent_id ELSE x.agent_before END"
			 " WHERE 1%s%s ORDER BY t.created_at %s, t.id %s LIMIT :limit"
		       : "SELECT t.id, t.created_at, coalesce(t.first_response_at, 0), coalesce(t.resolved_at, 0),"
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
	int rc;
	cx_ticket_item item, *t = &item;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(t, 0, sizeof *t);
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
		if (row(ctx, t) != 0)
			break;
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	return cx_q_done(st, s, rc, err);
}

struct page_fill {
	cx_ticket_item *out;
	int n, limit;
};

static int page_row(void *ctx, const cx_ticket_item *it)
{
	struct page_fill *p = ctx;
	if (p->n < p->limit)
		p->out[p->n++] = *it;
	return p->n < p->limit ? 0 : 1;
}

int cx_store_tickets_page(cx_store *st, const cx_ticket_filter *f, const cx_page_key *after, bool inclusive,
			  bool backward, int limit, cx_ticket_item *out, int *n, cx_error *err)
{
	struct page_fill p = {out, 0, limit};
	*n = 0;
	if (limit <= 0)
		return 0;
	int ret = tickets_select(st, f, after, inclusive, backward, limit, page_row, &p, err);
	*n = p.n;
	return ret;
}

int cx_store_tickets_each(cx_store *st, const cx_ticket_filter *f, int (*row)(void *ctx, const cx_ticket_item *it),
			  void *ctx, cx_error *err)
{
	return tickets_select(st, f, NULL, false, true, -1, row, ctx, err);
}

int cx_store_ticket_totals(cx_store *st, const cx_ticket_filter *f, cx_ticket_totals *out, cx_error *err)
{
	char where[1024], sql[2048];
	ticket_where(where, sizeof where, f);
	/* The same definitions as the ticket KPIs (model/kpi.c): satisfied is
	 * rated 7 or more, one-touch one reply, reopened at least once. */
	snprintf(sql, sizeof sql,
		 "SELECT count(*), count(t.first_response_at), count(t.resolved_at),"
		 " coalesce(sum(t.resolved_at IS NOT NULL AND t.csat IS NOT NULL), 0),"
		 " coalesce(sum(t.resolved_at IS NOT NULL AND t.csat >= 7), 0),"
		 " coalesce(sum(t.resolved_at IS NOT NULL AND t.replies = 1), 0),"
		 " coalesce(sum(t.resolved_at IS NOT NULL AND t.reopened > 0), 0)"
		 " FROM tickets t %s WHERE 1%s",
		 f->search[0] ? "JOIN customers c ON c.id = t.customer_id" : "", where);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_ticket_filter(s, f);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->tickets = sqlite3_column_int64(s, 0);
		out->answered = sqlite3_column_int64(s, 1);
		out->resolved = sqlite3_column_int64(s, 2);
		out->rated = sqlite3_column_int64(s, 3);
		out->satisfied = sqlite3_column_int64(s, 4);
		out->one_touch = sqlite3_column_int64(s, 5);
		out->reopened = sqlite3_column_int64(s, 6);
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
