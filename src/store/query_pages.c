/* query_pages.c — keyset-paged lists of tickets and customers.
 *
 * Each page is one statement over an index range: WHERE (key, id) < (?, ?)
 * ORDER BY key DESC, id DESC LIMIT n (or the mirror image going backward),
 * so memory is one screen and every page costs the same.  The WHERE clause
 * is assembled from fixed fragments; values are always bound, never
 * pasted into SQL. */
#include <stdio.h>
#include <string.h>

#include "cxtop/parse.h"
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

/* A ticket solved in [:start, :end) as the store knew it at :end: the
 * same reading as OPEN_AT_END (and as the figures', facts_as_of.c), so a
 * ticket solved in the period and reopened after it is still listed, and
 * one solved into the period by a later write is not. */
#define SOLVED_IN_PERIOD                                                                                   \
	" AND (t.resolved_at >= :start AND t.resolved_at < :end"                                           \
	"      OR t.id IN (SELECT ticket_id FROM ticket_changes WHERE at >= :end))"                        \
	" AND coalesce((SELECT coalesce(c.resolved_before >= :start AND c.resolved_before < :end, 0)"      \
	"      FROM ticket_changes c WHERE c.ticket_id = t.id AND c.at >= :end ORDER BY c.at, c.id LIMIT 1)," \
	"    t.resolved_at >= :start AND t.resolved_at < :end)"

/* A value as it stood at :end: before the ticket's first change after
 * :end (x, joined by cols_as_of below), else as it is now. */
#define AS_OF(now, then) "CASE WHEN x.id IS NULL THEN " now " ELSE " then " END"

/* The lists whose tickets are read as they stood at the period's end:
 * open at its end, solved in it. */
static bool ticket_as_of(const cx_ticket_filter *f)
{
	return f->end > 0 && (f->state == CX_TICKETS_OPEN || f->state == CX_TICKETS_SOLVED);
}

/* Tickets: newest first, keyed on (created_at, id).  Each state is the set
 * a dashboard figure counts (store.h), within the period when there is
 * one, else as the tickets are now. */
static void ticket_where_by(char *buf, size_t len, const cx_ticket_filter *f, bool no_created_index)
{
	/* + keeps the created_at index out, when another gives the order. */
	const char *created = no_created_index ? " AND +t.created_at >= :start AND +t.created_at < :end"
					       : " AND t.created_at >= :start AND t.created_at < :end";
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
		state = period ? SOLVED_IN_PERIOD : " AND t.resolved_at IS NOT NULL";
		break;
	case CX_TICKETS_UNANSWERED:
		state = period ? " AND t.created_at >= :start AND t.created_at < :end AND t.first_response_at IS NULL"
			       : " AND t.first_response_at IS NULL";
		break;
	}
	/* An agent's tickets as of the end are those assigned to them then. */
	const char *agent = !f->agent_id     ? ""
			    : ticket_as_of(f) ? " AND " AS_OF("t.agent_id", "x.agent_before") " = :agent"
					      : " AND t.agent_id = :agent";
	snprintf(buf, len, "%s%s%s%s%s", state, agent,
		 f->customer_id ? " AND t.customer_id = :customer" : "", f->channel[0] ? " AND t.channel = :channel" : "",
		 f->search[0] ? " AND (t.id = :num OR t.topic LIKE :q ESCAPE '\\' OR c.name LIKE :q ESCAPE '\\'"
				" OR c.email LIKE :q ESCAPE '\\' OR a.name LIKE :q ESCAPE '\\')"
			      : "");
}

static void ticket_where(char *buf, size_t len, const cx_ticket_filter *f)
{
	ticket_where_by(buf, len, f, false);
}

/* The ticket number a search names ("1042" or "#1042"), or -1. */
static int64_t search_number(const char *q)
{
	int64_t v;
	return cx_parse_count(q + (*q == '#'), &v) ? v : -1;
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
	bind_named(s, ":num", search_number(f->search));
}

/* The columns a ticket row is read from.  A ticket open at a period's
 * end is shown as it stood then: the values before its first change
 * after the end, if any (x, joined by the as-of query). */
struct ticket_cols {
	const char *resolved, *agent, *status, *csat, *replies, *reopened, *first_resolved, *from;
};
static const struct ticket_cols cols_now = {
	"t.resolved_at", "t.agent_id", "t.status", "t.csat", "t.replies", "t.reopened", "t.first_resolved_at",
	" FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN agents a ON a.id = t.agent_id"};
static const struct ticket_cols cols_as_of = {
	AS_OF("t.resolved_at", "x.resolved_before"),
	AS_OF("t.agent_id", "x.agent_before"),
	AS_OF("t.status", "x.status_before"),
	AS_OF("t.csat", "x.csat_before"),
	AS_OF("t.replies", "x.replies_before"),
	AS_OF("t.reopened", "x.reopened_before"),
	"CASE WHEN x.id IS NULL THEN t.first_resolved_at WHEN x.resolved_before IS NULL THEN NULL"
	" ELSE t.first_resolved_at END",
	" FROM tickets t JOIN customers c ON c.id = t.customer_id"
	" LEFT JOIN ticket_changes x ON x.id = (SELECT y.id FROM ticket_changes y"
	"   WHERE y.ticket_id = t.id AND y.at >= :end ORDER BY y.at, y.id LIMIT 1)"
	" LEFT JOIN agents a ON a.id = " AS_OF("t.agent_id", "x.agent_before")};

/* A sort is the list of values a row is ordered by, the last one the
 * ticket's number; each is kept in one field of the row's page key. */
enum key_field { KF_K, KF_T, KF_S, KF_ID };
struct sort_part {
	enum key_field field;
	const char *expr; /* NULL: from the row's columns (status, csat) */
};
#define MAX_PARTS 4
#define NEVER "4611686018427387904" /* an unanswered ticket's first response: the longest */

/* The parts of sort `sort` over columns c (written into buf). */
static int sort_parts(enum cx_ticket_sort sort, const struct ticket_cols *c, struct sort_part *p, char *buf,
		      size_t len)
{
	int n = 0;
	switch (sort) {
	case CX_TSORT_CREATED:
		p[n++] = (struct sort_part){KF_K, "t.created_at"};
		break;
	case CX_TSORT_ID:
		break;
	case CX_TSORT_CHANNEL:
		p[n++] = (struct sort_part){KF_S, "t.channel"};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	case CX_TSORT_STATUS:
		p[n++] = (struct sort_part){KF_S, c->status};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	case CX_TSORT_TOPIC:
		p[n++] = (struct sort_part){KF_S, "t.topic"};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	case CX_TSORT_FRT:
		p[n++] = (struct sort_part){KF_K, "coalesce(t.first_response_at - t.created_at, " NEVER ")"};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	case CX_TSORT_CSAT:
		snprintf(buf, len, "coalesce(%s, -1)", c->csat);
		p[n++] = (struct sort_part){KF_K, buf};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	case CX_TSORT_AGENT:
		snprintf(buf, len, "coalesce(%s, 0)", c->agent);
		p[n++] = (struct sort_part){KF_S, "coalesce(a.name, '')"};
		p[n++] = (struct sort_part){KF_K, buf};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	case CX_TSORT_CUSTOMER:
	case CX_TSORT_COUNT:
		p[n++] = (struct sort_part){KF_S, "c.name"};
		p[n++] = (struct sort_part){KF_K, "t.customer_id"};
		p[n++] = (struct sort_part){KF_T, "t.created_at"};
		break;
	}
	p[n++] = (struct sort_part){KF_ID, "t.id"};
	return n;
}

/* " AND (a, b, id) < (:p0, :p1, :p2)": the rows after key `after` in
 * direction up; ", a DESC, b DESC, t.id DESC" for ORDER BY. */
static void keyset(char *where, size_t wlen, char *order, size_t olen, const struct sort_part *p, int n, bool up,
		   bool inclusive, bool after)
{
	size_t w = 0, o = 0;
	where[0] = order[0] = '\0';
	if (after)
		w += (size_t)snprintf(where, wlen, " AND (");
	for (int i = 0; i < n; i++) {
		if (after)
			w += (size_t)snprintf(where + w, wlen - w, "%s%s", i ? ", " : "", p[i].expr);
		o += (size_t)snprintf(order + o, olen - o, "%s%s %s", i ? ", " : "", p[i].expr, up ? "ASC" : "DESC");
	}
	if (!after)
		return;
	w += (size_t)snprintf(where + w, wlen - w, ") %s%s (", up ? ">" : "<", inclusive ? "=" : "");
	for (int i = 0; i < n; i++)
		w += (size_t)snprintf(where + w, wlen - w, "%s:p%d", i ? ", " : "", i);
	snprintf(where + w, wlen - w, ")");
}

static void bind_key(sqlite3_stmt *s, const struct sort_part *p, int n, const cx_page_key *key)
{
	char name[8];
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof name, ":p%d", i);
		int at = sqlite3_bind_parameter_index(s, name);
		if (at <= 0)
			continue;
		if (p[i].field == KF_S)
			sqlite3_bind_text(s, at, key->s, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(s, at, p[i].field == KF_K ? key->k : p[i].field == KF_T ? key->t : key->id);
	}
}

/* The row's key from the sort values selected after its columns. */
static void read_key(sqlite3_stmt *s, int first, const struct sort_part *p, int n, cx_page_key *key)
{
	memset(key, 0, sizeof *key);
	for (int i = 0; i < n; i++) {
		if (p[i].field == KF_S)
			cx_q_text(s, first + i, key->s, sizeof key->s);
		else if (p[i].field == KF_K)
			key->k = sqlite3_column_int64(s, first + i);
		else if (p[i].field == KF_T)
			key->t = sqlite3_column_int64(s, first + i);
		else
			key->id = sqlite3_column_int64(s, first + i);
	}
}

/* One statement over the filter: what it reads and in which order. */
struct select_req {
	const cx_ticket_filter *f;
	const struct sort_part *key; /* the sort: the rows' page keys */
	int nkey;
	const struct sort_part *order; /* the order and the keyset (NULL: the sort's) */
	int norder;
	const cx_page_key *after; /* NULL: from the start */
	bool inclusive, up;       /* up: ascending */
	bool no_created_index;
	const char *extra; /* more conditions, and what binds them */
	void (*bind_extra)(sqlite3_stmt *, const void *);
	const void *extra_ctx;
	int64_t limit; /* -1: all */
};

/* Hands each row of the request to row (0 to go on). */
static int tickets_select(cx_store *st, const struct select_req *r, int (*row)(void *ctx, const cx_ticket_item *it),
			  void *ctx, cx_error *err)
{
	char where[1024], keys[1024], order[512], sel[512], sql[6144];
	const cx_ticket_filter *f = r->f;
	ticket_where_by(where, sizeof where, f, r->no_created_index);
	bool as_of = ticket_as_of(f);
	const struct ticket_cols *c = as_of ? &cols_as_of : &cols_now;
	const struct sort_part *op = r->order ? r->order : r->key;
	int nop = r->order ? r->norder : r->nkey;
	keyset(keys, sizeof keys, order, sizeof order, op, nop, r->up, r->inclusive, r->after != NULL);
	size_t o = 0;
	sel[0] = '\0';
	for (int i = 0; i < r->nkey; i++)
		o += (size_t)snprintf(sel + o, sizeof sel - o, ", %s", r->key[i].expr);
	snprintf(sql, sizeof sql,
		 "SELECT t.id, t.created_at, coalesce(t.first_response_at, 0), coalesce(%s, 0), coalesce(%s, 0),"
		 " t.customer_id, c.name, coalesce(a.name, ''), t.channel, t.topic, %s, t.complexity,"
		 " coalesce(%s, -1), %s, %s, coalesce(%s, 0), coalesce(c.email, '')%s"
		 "%s WHERE 1%s%s%s ORDER BY %s LIMIT :limit",
		 c->resolved, c->agent, c->status, c->csat, c->replies, c->reopened, c->first_resolved, sel, c->from, where,
		 r->extra ? r->extra : "", keys, order);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_ticket_filter(s, f);
	if (r->after)
		bind_key(s, op, nop, r->after);
	if (r->bind_extra)
		r->bind_extra(s, r->extra_ctx);
	bind_named(s, ":limit", r->limit);
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
		cx_q_text(s, 16, t->email, sizeof t->email);
		read_key(s, 17, r->key, r->nkey, &t->key);
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

/* ---- sorted pages at scale ---------------------------------------------------
 * Sorted by anything but creation, one statement would read every ticket
 * of the period to sort them (a quarter of a second at a million tickets
 * a year).  The period's own list (created in it, any channel) is walked
 * through indexes instead (schema 9): by channel, status, topic, CSAT,
 * agent or customer, value by value in the sort's order, each value's
 * tickets an index range (value, created_at); by first response, its
 * expression's index in order, the period checked in the index; by
 * number, the period's numbers from the created_at index alone.  So a
 * page costs a few index probes at any depth.  Narrower lists (an
 * agent's, a customer's, a search, the other states) are small or read
 * the period anyway: one statement. */

/* One value of a walked column: text, or a number (the agent's or
 * customer's id, with the name in s). */
struct walk_val {
	char s[128];
	int64_t k;
	bool text;
	bool null; /* no agent, no rating */
};

static void bind_walk_val(sqlite3_stmt *s, const void *ctx)
{
	const struct walk_val *v = ctx;
	int i = sqlite3_bind_parameter_index(s, ":v");
	if (i <= 0)
		return;
	if (v->null)
		sqlite3_bind_null(s, i);
	else if (v->text)
		sqlite3_bind_text(s, i, v->s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(s, i, v->k);
}

static bool walk_text(enum cx_ticket_sort sort)
{
	return sort == CX_TSORT_CHANNEL || sort == CX_TSORT_STATUS || sort == CX_TSORT_TOPIC;
}

static void walk_null(enum cx_ticket_sort sort, struct walk_val *v)
{
	memset(v, 0, sizeof *v);
	v->null = true;
	v->k = sort == CX_TSORT_CSAT ? -1 : 0;
}

/* The value after (or, !up, before) *v in the sort's order, into *v;
 * first: the first value.  Returns 1, 0 when there is none, -1 on error.
 * No agent and no rating are the lowest values ("" and -1). */
static int walk_next(cx_store *st, enum cx_ticket_sort sort, bool up, bool first, struct walk_val *v, cx_error *err)
{
	char sql[256];
	bool named = sort == CX_TSORT_AGENT || sort == CX_TSORT_CUSTOMER;
	bool has_null = sort == CX_TSORT_AGENT || sort == CX_TSORT_CSAT;
	if (has_null && up && first) {
		walk_null(sort, v);
		return 1;
	}
	if (has_null && !up && !first && v->null)
		return 0;
	bool from = !first && !v->null;
	const char *dir = up ? "ASC" : "DESC", *agg = up ? "min" : "max";
	if (named)
		snprintf(sql, sizeof sql, "SELECT name, id FROM %s%s%s ORDER BY name %s, id %s LIMIT 1",
			 sort == CX_TSORT_AGENT ? "agents" : "customers", from ? " WHERE (name, id) " : "",
			 from ? (up ? "> (:s, :k)" : "< (:s, :k)") : "", dir, dir);
	else if (sort == CX_TSORT_CSAT)
		snprintf(sql, sizeof sql, "SELECT '', %s(csat) FROM tickets WHERE csat IS NOT NULL%s%s", agg,
			 from ? " AND csat " : "", from ? (up ? "> :k" : "< :k") : "");
	else {
		const char *col = sort == CX_TSORT_CHANNEL ? "channel" : sort == CX_TSORT_STATUS ? "status" : "topic";
		snprintf(sql, sizeof sql, "SELECT %s(%s), 0 FROM tickets%s%s%s%s", agg, col, from ? " WHERE " : "",
			 from ? col : "", from ? (up ? " > " : " < ") : "", from ? ":s" : "");
	}
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	bind_named_text(s, ":s", v->s);
	bind_named(s, ":k", v->k);
	int rc = sqlite3_step(s), found = 0;
	if (rc == SQLITE_ROW) {
		found = sqlite3_column_type(s, sort == CX_TSORT_CSAT ? 1 : 0) != SQLITE_NULL;
		if (found) {
			memset(v, 0, sizeof *v);
			cx_q_text(s, 0, v->s, sizeof v->s);
			v->k = sqlite3_column_int64(s, 1);
			v->text = walk_text(sort);
		}
		rc = SQLITE_DONE;
	}
	if (cx_q_done(st, s, rc, err) < 0)
		return -1;
	/* Going down, the empty value comes after the last real one. */
	if (!found && has_null && !up) {
		walk_null(sort, v);
		return 1;
	}
	return found;
}

static int walk_page(cx_store *st, struct select_req *r, struct page_fill *fill, cx_error *err)
{
	const cx_ticket_filter *f = r->f;
	static const char *const cond[CX_TSORT_COUNT] = {
		[CX_TSORT_CHANNEL] = " AND t.channel = :v", [CX_TSORT_STATUS] = " AND t.status = :v",
		[CX_TSORT_TOPIC] = " AND t.topic = :v",	    [CX_TSORT_CSAT] = " AND t.csat IS :v",
		[CX_TSORT_AGENT] = " AND t.agent_id IS :v", [CX_TSORT_CUSTOMER] = " AND t.customer_id = :v"};
	/* Within one value: by creation, then number. */
	static const struct sort_part within[2] = {{KF_T, "t.created_at"}, {KF_ID, "t.id"}};
	struct walk_val v;
	int more = 1;
	const cx_page_key *after = r->after;
	if (after) {
		memset(&v, 0, sizeof v);
		snprintf(v.s, sizeof v.s, "%s", after->s);
		v.k = after->k;
		v.text = walk_text(f->sort);
		v.null = (f->sort == CX_TSORT_AGENT && after->k == 0) || (f->sort == CX_TSORT_CSAT && after->k < 0);
	} else {
		more = walk_next(st, f->sort, r->up, true, &v, err);
	}
	r->extra = cond[f->sort];
	r->bind_extra = bind_walk_val;
	r->extra_ctx = &v;
	r->order = within;
	r->norder = 2;
	while (more > 0 && fill->n < fill->limit) {
		r->limit = fill->limit - fill->n;
		if (tickets_select(st, r, page_row, fill, err) < 0)
			return -1;
		r->after = NULL; /* the next values from their first ticket */
		if (fill->n < fill->limit)
			more = walk_next(st, f->sort, r->up, false, &v, err);
	}
	return more < 0 ? -1 : 0;
}

/* By number: the period's numbers in order from the created_at index
 * alone (channel, created_at with a channel), then their rows. */
static void id_extra(char *buf, size_t len, const struct select_req *r)
{
	snprintf(buf, len,
		 " AND t.id IN (SELECT id FROM tickets WHERE created_at >= :start AND created_at < :end%s%s"
		 " ORDER BY id %s LIMIT :limit)",
		 r->f->channel[0] ? " AND channel = :channel" : "",
		 !r->after ? "" : r->up ? (r->inclusive ? " AND id >= :p0" : " AND id > :p0")
				       : (r->inclusive ? " AND id <= :p0" : " AND id < :p0"),
		 r->up ? "ASC" : "DESC");
}

int cx_store_tickets_page(cx_store *st, const cx_ticket_filter *f, const cx_page_key *after, bool inclusive,
			  bool backward, int limit, cx_ticket_item *out, int *n, cx_error *err)
{
	struct page_fill fill = {out, 0, limit};
	struct sort_part p[MAX_PARTS];
	char buf[160], extra[512];
	*n = 0;
	if (limit <= 0)
		return 0;
	bool as_of = ticket_as_of(f);
	/* Forward is the list's order; backward walks up it. */
	struct select_req r = {.f = f, .after = after, .inclusive = inclusive, .up = f->ascending != backward, .limit = limit};
	r.key = p;
	r.nkey = sort_parts(f->sort, as_of ? &cols_as_of : &cols_now, p, buf, sizeof buf);
	/* The period's whole list, not a narrow one: walked through indexes. */
	bool wide = f->end > 0 && f->state == CX_TICKETS_CREATED && !f->agent_id && !f->customer_id && !f->search[0];
	int ret;
	if (wide && f->sort != CX_TSORT_CREATED && f->sort != CX_TSORT_FRT && f->sort != CX_TSORT_ID) {
		ret = walk_page(st, &r, &fill, err);
	} else {
		if (wide && f->sort == CX_TSORT_FRT) {
			/* The first response's index gives the order, the period
			 * checked in it; the leading bound starts it at the key. */
			r.no_created_index = true;
			if (after)
				r.extra = r.up ? " AND coalesce(t.first_response_at - t.created_at, " NEVER ") >= :p0"
					       : " AND coalesce(t.first_response_at - t.created_at, " NEVER ") <= :p0";
		} else if (wide && f->sort == CX_TSORT_ID) {
			id_extra(extra, sizeof extra, &r);
			r.extra = extra;
		}
		ret = tickets_select(st, &r, page_row, &fill, err);
	}
	*n = fill.n;
	return ret;
}

int cx_store_tickets_each(cx_store *st, const cx_ticket_filter *f, int (*row)(void *ctx, const cx_ticket_item *it),
			  void *ctx, cx_error *err)
{
	struct sort_part p[MAX_PARTS];
	char buf[160];
	bool as_of = ticket_as_of(f);
	struct select_req r = {.f = f, .up = true, .limit = -1};
	r.key = p;
	r.nkey = sort_parts(CX_TSORT_CREATED, as_of ? &cols_as_of : &cols_now, p, buf, sizeof buf);
	return tickets_select(st, &r, row, ctx, err);
}

int cx_store_ticket_totals(cx_store *st, const cx_ticket_filter *f, cx_ticket_totals *out, cx_error *err)
{
	char where[1024], sql[6144];
	ticket_where(where, sizeof where, f);
	/* The same definitions as the ticket KPIs (model/kpi.c): satisfied is
	 * rated 7 or more, one-touch one reply, reopened at least once; the
	 * values as the rows show them (as they stood at the period's end, for
	 * the lists read so). */
	bool as_of = ticket_as_of(f);
	const struct ticket_cols *c = as_of ? &cols_as_of : &cols_now;
	/* The list's joins only when a search or the history needs them. */
	const char *from = as_of || f->search[0] ? c->from : " FROM tickets t";
	snprintf(sql, sizeof sql,
		 "SELECT count(*), count(t.first_response_at), count(%s),"
		 " coalesce(sum(%s IS NOT NULL AND %s IS NOT NULL), 0),"
		 " coalesce(sum(%s IS NOT NULL AND %s >= 7), 0),"
		 " coalesce(sum(%s IS NOT NULL AND %s = 1), 0),"
		 " coalesce(sum(%s IS NOT NULL AND %s > 0), 0)%s"
		 "%s WHERE 1%s",
		 c->resolved, c->resolved, c->csat, c->resolved, c->csat, c->resolved, c->replies, c->resolved,
		 c->reopened,
		 /* Which column a search matched, for the status line. */
		 f->search[0] ? ", coalesce(sum(t.id = :num), 0), coalesce(sum(t.topic LIKE :q ESCAPE '\\'), 0),"
				" coalesce(sum(c.name LIKE :q ESCAPE '\\'), 0), coalesce(sum(c.email LIKE :q ESCAPE '\\'), 0),"
				" coalesce(sum(a.name LIKE :q ESCAPE '\\'), 0)"
			      : "",
		 from, where);
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
		if (f->search[0]) {
			out->match_id = sqlite3_column_int64(s, 7);
			out->match_topic = sqlite3_column_int64(s, 8);
			out->match_customer = sqlite3_column_int64(s, 9);
			out->match_email = sqlite3_column_int64(s, 10);
			out->match_agent = sqlite3_column_int64(s, 11);
		}
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

/* The customers' sorts, each the expression of an index (schema 10; the
 * ticket count is the kept count's, schema 11, whose index holds the
 * customer's id after it). */
static int customer_parts(enum cx_customer_sort sort, struct sort_part *p)
{
	static const struct sort_part first[CX_CSORT_COUNT] = {
		[CX_CSORT_NAME] = {KF_S, "c.name"},
		[CX_CSORT_EMAIL] = {KF_S, "coalesce(c.email, '')"},
		[CX_CSORT_SEGMENT] = {KF_S, "c.segment"},
		[CX_CSORT_SCORE] = {KF_K, "coalesce(c.satisfaction, 0)"},
		[CX_CSORT_TICKETS] = {KF_K, "n.tickets"},
		[CX_CSORT_BLACKLISTED] = {KF_K, "c.blacklisted"},
	};
	int n = 0;
	if (sort > CX_CSORT_ID && sort < CX_CSORT_COUNT)
		p[n++] = first[sort];
	p[n++] = (struct sort_part){KF_ID, sort == CX_CSORT_TICKETS ? "n.customer_id" : "c.id"};
	return n;
}

int cx_store_customers_page(cx_store *st, const cx_customer_filter *f, const cx_page_key *after, bool inclusive,
			    bool backward, int limit, cx_customer_item *out, int *n, cx_error *err)
{
	char where[256], keys[512], order[256], lead[256] = "", sql[2048], q[160];
	struct sort_part p[2];
	int np = customer_parts(f->sort, p);
	bool up = f->descending == backward;
	customer_where(where, sizeof where, f);
	keyset(keys, sizeof keys, order, sizeof order, p, np, up, inclusive, after != NULL);
	/* A bound on the sort value alone lets its index start at the key. */
	if (after && np > 1)
		snprintf(lead, sizeof lead, " AND %s %s :p0", p[0].expr, up ? ">=" : "<=");
	/* The outer loop is the table whose index gives the order: the
	 * counts' for the ticket count, the customers' otherwise. */
	snprintf(sql, sizeof sql,
		 "SELECT c.id, c.created_at, c.name, coalesce(c.email, ''), c.segment, coalesce(c.satisfaction, 0),"
		 " c.blacklisted, coalesce(n.tickets, 0), %s, %s"
		 " FROM %s WHERE 1%s%s%s ORDER BY %s LIMIT :limit",
		 p[0].expr, np > 1 ? p[1].expr : "0",
		 f->sort == CX_CSORT_TICKETS ? "customer_tickets n CROSS JOIN customers c ON c.id = n.customer_id"
					     : "customers c LEFT JOIN customer_tickets n ON n.customer_id = c.id",
		 where, lead, keys, order);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	like_pattern(q, sizeof q, f->search);
	bind_named_text(s, ":q", q);
	if (after)
		bind_key(s, p, np, after);
	bind_named(s, ":limit", limit);
	int rc, i = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && i < limit) {
		cx_customer_item *c = &out[i++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(s, 0);
		c->created_at = sqlite3_column_int64(s, 1);
		cx_q_text(s, 2, c->name, sizeof c->name);
		cx_q_text(s, 3, c->email, sizeof c->email);
		cx_q_text(s, 4, c->segment, sizeof c->segment);
		c->satisfaction = sqlite3_column_int(s, 5);
		c->blacklisted = sqlite3_column_int(s, 6) != 0;
		c->tickets = sqlite3_column_int64(s, 7);
		read_key(s, 8, p, np, &c->key);
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	*n = i;
	return cx_q_done(st, s, rc, err);
}

int cx_store_customer_count(cx_store *st, const cx_customer_filter *f, cx_customer_totals *out, cx_error *err)
{
	char where[256], sql[512], q[160];
	customer_where(where, sizeof where, f);
	snprintf(sql, sizeof sql,
		 "SELECT count(*), coalesce(sum(c.name LIKE :q ESCAPE '\\'), 0), coalesce(sum(c.email LIKE :q ESCAPE '\\'), 0)"
		 " FROM customers c WHERE 1%s",
		 where);
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	like_pattern(q, sizeof q, f->search);
	bind_named_text(s, ":q", q);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->customers = sqlite3_column_int64(s, 0);
		if (f->search[0]) {
			out->match_name = sqlite3_column_int64(s, 1);
			out->match_email = sqlite3_column_int64(s, 2);
		}
		rc = SQLITE_DONE;
	}
	return cx_q_done(st, s, rc, err);
}
