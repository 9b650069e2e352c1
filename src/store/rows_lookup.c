/* rows_lookup.c — references by natural key, and the agents and customers
 * a file names before the store knows them.
 *
 * A help desk's export names the agent by name or email and the customer
 * by email; cxtop stores ids.  Each CX_COL_LOOKUP column is resolved here
 * into the id column it fills:
 *   agent     an id (digits), else an email, else a discount code, else a
 *             name (two agents with one name: refused as ambiguous);
 *             not found: created, on its team (agent_team) or "Support",
 *             hired on the earliest day a row of the call names it;
 *   customer  an id (digits) or an email; a new email creates the
 *             customer (named customer_name, else the email), arrived at
 *             the earliest instant a row of the call names it;
 *   campaign  a name, else an id;
 *   order, renewal  a source id from the row's own source.
 */
#include <stdio.h>
#include <string.h>

#include "cxtop/period.h"
#include "cxtop/xalloc.h"
#include "rows_internal.h"

enum {
	Q_CUST_ID, Q_CUST_EMAIL, Q_CUST_NEW, Q_CUST_EARLIER,
	Q_AGENT_ID, Q_AGENT_EMAIL, Q_AGENT_CODE, Q_AGENT_NAME, Q_AGENT_NEW,
	Q_ORDER_SRC, Q_CAMPAIGN_NAME, Q_CAMPAIGN_ID, Q_RENEWAL_SRC, Q_AGENT_HIRED,
	Q_ORDER_SOURCES, Q_CAMPAIGN_KIND, Q_ORDER_AGENT, Q_AGENT_CODE_ANYCASE,
	Q_TICKET_BY_ID, Q_TICKET_BY_EMAIL, Q_WINBACK_ON,
	Q_COUNT
};

static const char *const q_sql[Q_COUNT] = {
	[Q_CUST_ID] = "SELECT id, created_at FROM customers WHERE id = ?1",
	[Q_CUST_EMAIL] = "SELECT id, created_at FROM customers WHERE email = ?1 COLLATE NOCASE",
	[Q_CUST_NEW] = "INSERT INTO customers (source, name, email, created_at) VALUES (?1, ?2, ?3, ?4)",
	[Q_CUST_EARLIER] = "UPDATE customers SET created_at = ?2 WHERE id = ?1 AND created_at > ?2",
	[Q_AGENT_ID] = "SELECT id FROM agents WHERE id = ?1",
	[Q_AGENT_EMAIL] = "SELECT id FROM agents WHERE email = ?1 COLLATE NOCASE",
	[Q_AGENT_CODE] = "SELECT id FROM agents WHERE discount_code = ?1",
	[Q_AGENT_NAME] = "SELECT id FROM agents WHERE name = ?1 LIMIT 2",
	[Q_AGENT_NEW] = "INSERT INTO agents (source, name, email, team, hired_on) VALUES (?1, ?2, ?3, ?4, ?5)",
	[Q_ORDER_SRC] = "SELECT id FROM orders WHERE source = ?1 AND source_id = ?2",
	[Q_CAMPAIGN_NAME] = "SELECT id FROM campaigns WHERE name = ?1",
	[Q_CAMPAIGN_ID] = "SELECT id FROM campaigns WHERE id = ?1",
	[Q_RENEWAL_SRC] = "SELECT id FROM renewals WHERE source = ?1 AND source_id = ?2",
	[Q_AGENT_HIRED] = "UPDATE agents SET hired_on = ?2 WHERE id = ?1 AND hired_on > ?2",
	[Q_ORDER_SOURCES] = "SELECT DISTINCT source FROM orders WHERE source_id IS NOT NULL",
	[Q_CAMPAIGN_KIND] = "SELECT kind FROM campaigns WHERE id = ?1",
	[Q_ORDER_AGENT] = "UPDATE orders SET agent_id = ?2 WHERE id = ?1 AND agent_id IS NULL",
	[Q_AGENT_CODE_ANYCASE] = "SELECT discount_code FROM agents WHERE discount_code = ?1 COLLATE NOCASE LIMIT 1",
	/* A customer's tickets in a time range: tickets_customer_created. */
	[Q_TICKET_BY_ID] = "SELECT created_at, coalesce(agent_id, 0) FROM tickets"
			   " WHERE customer_id = ?1 AND created_at BETWEEN ?2 AND ?3 ORDER BY created_at, id LIMIT 1",
	[Q_TICKET_BY_EMAIL] = "SELECT t.created_at, coalesce(t.agent_id, 0) FROM customers c"
			      " JOIN tickets t ON t.customer_id = c.id"
			      " WHERE c.email = ?1 COLLATE NOCASE AND t.created_at BETWEEN ?2 AND ?3"
			      " ORDER BY t.created_at, t.id LIMIT 1",
	[Q_WINBACK_ON] = "SELECT id FROM campaigns WHERE kind = 'winback' AND starts_on <= ?1"
			 " AND (ends_on IS NULL OR ends_on >= ?1) ORDER BY starts_on DESC, id LIMIT 1",
};

static sqlite3_stmt *q(cx_rows *w, int which, cx_error *err)
{
	if (cx_rows_prep(w, &w->q[which], q_sql[which], err) < 0)
		return NULL;
	return w->q[which];
}

static bool is_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Runs a one-row lookup with text (and optionally a second text) bound;
 * 1 found (*id, *extra set), 0 not found, -1 error. */
static int find(cx_rows *w, int which, const char *a, const char *b, int64_t *id, int64_t *extra, cx_error *err)
{
	sqlite3_stmt *s = q(w, which, err);
	if (!s)
		return -1;
	if (is_digits(a) && (which == Q_CUST_ID || which == Q_AGENT_ID || which == Q_CAMPAIGN_ID))
		sqlite3_bind_int64(s, 1, strtoll(a, NULL, 10));
	else
		sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	int found = 0;
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (extra)
			*extra = sqlite3_column_count(s) > 1 ? sqlite3_column_int64(s, 1) : 0;
		found = 1;
		/* Q_AGENT_NAME: a second row means the name is ambiguous. */
		if (which == Q_AGENT_NAME && sqlite3_step(s) == SQLITE_ROW)
			found = 2;
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE)
		return cx_rows_sql_fail(w, err);
	return found;
}

/* ---- the agents map --------------------------------------------------- */

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static struct cx_idmap_slot *map_slot(struct cx_idmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1))
		if (!m->slot[i].key || strcmp(m->slot[i].key, key) == 0)
			return &m->slot[i];
}

static void map_put(struct cx_idmap *m, const char *key, int64_t id, long created)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct cx_idmap old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->slot = cx_xcalloc(m->cap, sizeof *m->slot);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slot[i].key) {
				*map_slot(m, old.slot[i].key) = old.slot[i];
				m->n++;
			}
		free(old.slot);
	}
	struct cx_idmap_slot *s = map_slot(m, key);
	if (!s->key) {
		s->key = cx_xstrdup(key);
		m->n++;
	}
	s->id = id;
	s->created = created;
}

/* ---- agents ------------------------------------------------------------ */

static void note_created(cx_rows *w, long created, int64_t at)
{
	if (created >= 0 && at < w->created[created].at)
		w->created[created].at = at;
}

static int agent_create(cx_rows *w, const char *source, const char *v, const char *team, int64_t at, int64_t *id,
			cx_error *err)
{
	int32_t day = cx_local_day(at);
	sqlite3_stmt *s = q(w, Q_AGENT_NEW, err);
	if (!s)
		return -1;
	char hired[11];
	cx_date_format(day, hired);
	bool email = strchr(v, '@') != NULL;
	sqlite3_bind_text(s, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, v, -1, SQLITE_STATIC);
	if (email)
		sqlite3_bind_text(s, 3, v, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, team && *team ? team : "Support", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, hired, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		w->fatal = rc != SQLITE_CONSTRAINT;
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot create agent '%s': %s", v, sqlite3_errmsg(w->st->db));
	}
	*id = sqlite3_last_insert_rowid(w->st->db);
	if (w->ncreated == w->created_cap)
		w->created = cx_q_grow(w->created, &w->created_cap, w->ncreated, sizeof *w->created);
	w->created[w->ncreated++] = (struct cx_created_agent){*id, at};
	w->counts.created_agents++;
	return 0;
}

static int agent_lookup(cx_rows *w, const char *source, const char *v, const char *team, int64_t at, int64_t *id,
			cx_error *err)
{
	struct cx_idmap_slot *hit = map_slot(&w->agents, v);
	if (hit && hit->key) {
		*id = hit->id;
		note_created(w, hit->created, at);
		return 0;
	}
	size_t before = w->ncreated;
	int found;
	if (is_digits(v)) {
		if ((found = find(w, Q_AGENT_ID, v, NULL, id, NULL, err)) < 0)
			return -1;
		if (!found)
			return cx_fail(err, CX_EXIT_RUNTIME, "no agent with id %s", v);
	} else if (strchr(v, '@')) {
		if ((found = find(w, Q_AGENT_EMAIL, v, NULL, id, NULL, err)) < 0)
			return -1;
		if (!found && agent_create(w, source, v, team, at, id, err) < 0)
			return -1;
	} else {
		if ((found = find(w, Q_AGENT_CODE, v, NULL, id, NULL, err)) < 0)
			return -1;
		if (!found && (found = find(w, Q_AGENT_NAME, v, NULL, id, NULL, err)) < 0)
			return -1;
		if (found == 2)
			return cx_fail(err, CX_EXIT_RUNTIME,
				       "two agents are named '%s': name this one by its id or email", v);
		if (!found && agent_create(w, source, v, team, at, id, err) < 0)
			return -1;
	}
	map_put(&w->agents, v, *id, w->ncreated > before ? (long)before : -1);
	return 0;
}

int cx_rows_fix_created(cx_rows *w, cx_error *err)
{
	for (size_t i = 0; i < w->ncreated; i++) {
		sqlite3_stmt *s = q(w, Q_AGENT_HIRED, err);
		if (!s)
			return -1;
		char day[11];
		cx_date_format(cx_local_day(w->created[i].at), day);
		sqlite3_bind_int64(s, 1, w->created[i].id);
		sqlite3_bind_text(s, 2, day, -1, SQLITE_STATIC);
		int rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return cx_rows_sql_fail(w, err);
	}
	return 0;
}

/* ---- customers --------------------------------------------------------- */

static int customer_lookup(cx_rows *w, const char *source, const char *v, const char *name, int64_t at, int64_t *id,
			   cx_error *err)
{
	int64_t created_at = 0;
	int found;
	if (is_digits(v)) {
		if ((found = find(w, Q_CUST_ID, v, NULL, id, &created_at, err)) < 0)
			return -1;
		if (!found)
			return cx_fail(err, CX_EXIT_RUNTIME, "no customer with id %s", v);
		return 0;
	}
	if (!strchr(v, '@'))
		return cx_fail(err, CX_EXIT_RUNTIME, "'%s' is neither a customer id nor an email", v);
	if ((found = find(w, Q_CUST_EMAIL, v, NULL, id, &created_at, err)) < 0)
		return -1;
	if (found) {
		/* A customer this call created arrived no later than the first
		 * row that names them, whatever the file's order. */
		if (*id > w->customers_start_max && at < created_at) {
			sqlite3_stmt *s = q(w, Q_CUST_EARLIER, err);
			if (!s)
				return -1;
			sqlite3_bind_int64(s, 1, *id);
			sqlite3_bind_int64(s, 2, at);
			int rc = sqlite3_step(s);
			sqlite3_reset(s);
			if (rc != SQLITE_DONE)
				return cx_rows_sql_fail(w, err);
		}
		return 0;
	}
	sqlite3_stmt *s = q(w, Q_CUST_NEW, err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, source, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, name && *name ? name : v, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, v, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, at);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		w->fatal = rc != SQLITE_CONSTRAINT;
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot create customer '%s': %s", v, sqlite3_errmsg(w->st->db));
	}
	*id = sqlite3_last_insert_rowid(w->st->db);
	w->counts.created_customers++;
	return 0;
}

/* ---- the rest ----------------------------------------------------------- */

static const char *hint(cx_rows *w, int i)
{
	return i >= 0 && w->v[i].type == CX_V_TEXT ? w->v[i].s : NULL;
}

/* An order named by a source id from another source (returns from one
 * file, orders from the shop's export): found when exactly one source has
 * that id.  The sources are few; each is an index lookup. */
static int order_elsewhere(cx_rows *w, const char *source, const char *v, int64_t *id, cx_error *err)
{
	sqlite3_stmt *s = q(w, Q_ORDER_SOURCES, err);
	if (!s)
		return -1;
	char sources[16][65];
	int n = 0, rc;
	while (n < 16 && (rc = sqlite3_step(s)) == SQLITE_ROW)
		snprintf(sources[n++], sizeof sources[0], "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	int found = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(sources[i], source) == 0)
			continue;
		int64_t other;
		int f = find(w, Q_ORDER_SRC, sources[i], v, &other, NULL, err);
		if (f < 0)
			return -1;
		if (f && found)
			return cx_fail(err, CX_EXIT_RUNTIME, "source id '%s' names orders of two sources: give --source", v);
		if (f) {
			*id = other;
			found = 1;
		}
	}
	return found;
}

static int lookup_one(cx_rows *w, const cx_col *c, const char *source, const char *v, int64_t at,
		      int64_t *id, cx_error *err)
{
	int found;
	if (strcmp(c->ref, "agents") == 0)
		return agent_lookup(w, source, v, hint(w, w->team_col), at, id, err);
	if (strcmp(c->ref, "customers") == 0)
		return customer_lookup(w, source, v, hint(w, w->cname_col), at, id, err);
	if (strcmp(c->ref, "campaigns") == 0) {
		if ((found = find(w, Q_CAMPAIGN_NAME, v, NULL, id, NULL, err)) < 0)
			return -1;
		if (!found && is_digits(v) && (found = find(w, Q_CAMPAIGN_ID, v, NULL, id, NULL, err)) < 0)
			return -1;
		return found ? 0 : cx_fail(err, CX_EXIT_RUNTIME, "no campaign named '%s'", v);
	}
	int which = strcmp(c->ref, "orders") == 0 ? Q_ORDER_SRC : Q_RENEWAL_SRC;
	if ((found = find(w, which, source, v, id, NULL, err)) < 0)
		return -1;
	if (!found && which == Q_ORDER_SRC && (found = order_elsewhere(w, source, v, id, err)) < 0)
		return -1;
	if (!found)
		return cx_fail(err, CX_EXIT_RUNTIME, "no %s with source id '%s' from source '%s' (import the %s first)",
			       which == Q_ORDER_SRC ? "order" : "renewal", v, source,
			       which == Q_ORDER_SRC ? "orders" : "renewals");
	return 0;
}

int cx_rows_resolve(cx_rows *w, const char *source, int64_t at, int *bad_col, cx_error *err)
{
	for (size_t i = 0; i < w->t->ncols; i++) {
		const cx_col *c = &w->t->cols[i];
		if (c->kind != CX_COL_LOOKUP || w->v[i].type == CX_V_ABSENT)
			continue;
		int target = w->fills[i];
		cx_val *tv = &w->v[target];
		if (w->v[i].type != CX_V_TEXT) {
			/* An empty reference: nobody (unless the id column says). */
			if (tv->type == CX_V_ABSENT)
				tv->type = CX_V_NULL;
			continue;
		}
		int64_t id;
		if (lookup_one(w, c, source, w->v[i].s, at, &id, err) < 0) {
			*bad_col = (int)i;
			return -1;
		}
		if (tv->type == CX_V_INT && tv->i != id) {
			*bad_col = (int)i;
			return cx_fail(err, CX_EXIT_RUNTIME, "'%s' is row %lld, but %s says %lld", w->v[i].s, (long long)id,
				       c->fills, (long long)tv->i);
		}
		tv->type = CX_V_INT;
		tv->i = id;
	}
	return 0;
}

int cx_rows_derive(cx_rows *w, bool found, cx_error *err)
{
	if (!w->orders)
		return 0;
	cx_val *v = w->v;
	int code = w->code_col, agent = w->agent_col, attr = w->attr_col, camp = w->camp_col;
	int maybe = w->agent_code_col;
	if (v[maybe].type == CX_V_TEXT && v[code].type != CX_V_TEXT) {
		/* Shops take codes in any case: the agent's own spelling is kept. */
		sqlite3_stmt *s = q(w, Q_AGENT_CODE_ANYCASE, err);
		if (!s)
			return -1;
		sqlite3_bind_text(s, 1, v[maybe].s, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW) {
			snprintf(w->code, sizeof w->code, "%s", (const char *)sqlite3_column_text(s, 0));
			v[code].type = CX_V_TEXT;
			v[code].s = w->code;
		}
		sqlite3_reset(s);
	}
	/* A shop's export has no cost of goods: a new order gets the
	 * settings' share of its amount, rounded half up to the minor unit
	 * (split so that no product overflows).  An order already stored
	 * keeps its cost: a later margin, or a file of costs, is not undone
	 * by importing the export again. */
	if (!found && w->cogs_bp >= 0 && v[w->cogs_col].type == CX_V_ABSENT && v[w->amount_col].type == CX_V_INT) {
		int64_t a = v[w->amount_col].i;
		v[w->cogs_col].type = CX_V_INT;
		v[w->cogs_col].i = a / 10000 * w->cogs_bp + (a % 10000 * w->cogs_bp + 5000) / 10000;
	}
	/* An agent's code names the agent the order is credited to. */
	if (v[code].type == CX_V_TEXT && v[agent].type != CX_V_INT) {
		int64_t id;
		int f = find(w, Q_AGENT_CODE, v[code].s, NULL, &id, NULL, err);
		if (f < 0)
			return -1;
		if (f) {
			v[agent].type = CX_V_INT;
			v[agent].i = id;
		}
	}
	if (found || v[attr].type != CX_V_ABSENT)
		return 0;
	/* A new order the file does not classify: its code or its campaign
	 * says why it exists. */
	if (v[code].type == CX_V_TEXT) {
		v[attr].type = CX_V_TEXT;
		v[attr].s = "discount_code";
	} else if (v[camp].type == CX_V_INT) {
		sqlite3_stmt *s = q(w, Q_CAMPAIGN_KIND, err);
		if (!s)
			return -1;
		sqlite3_bind_int64(s, 1, v[camp].i);
		if (sqlite3_step(s) == SQLITE_ROW) {
			const char *kind = (const char *)sqlite3_column_text(s, 0);
			if (kind && (strcmp(kind, "upsell") == 0 || strcmp(kind, "winback") == 0)) {
				v[attr].type = CX_V_TEXT;
				v[attr].s = strcmp(kind, "upsell") == 0 ? "upsell" : "winback";
			}
		}
		sqlite3_reset(s);
	}
	return 0;
}

int cx_rows_credit_order(cx_rows *w, cx_error *err)
{
	if (!w->credits_orders)
		return 0;
	const cx_val *order = &w->v[w->order_col], *agent = &w->v[w->agent_col];
	if (order->type != CX_V_INT || agent->type != CX_V_INT)
		return 0;
	sqlite3_stmt *s = q(w, Q_ORDER_AGENT, err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, order->i);
	sqlite3_bind_int64(s, 2, agent->i);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : cx_rows_sql_fail(w, err);
}

int cx_rows_first_ticket(cx_rows *w, const char *customer, int64_t from, int64_t to, int64_t *at,
			 int64_t *agent_id, cx_error *err)
{
	bool by_id = is_digits(customer);
	sqlite3_stmt *s = q(w, by_id ? Q_TICKET_BY_ID : Q_TICKET_BY_EMAIL, err);
	if (!s)
		return -1;
	if (by_id)
		sqlite3_bind_int64(s, 1, strtoll(customer, NULL, 10));
	else
		sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, from);
	sqlite3_bind_int64(s, 3, to);
	return cx_rows_step(w, s, at, agent_id, err);
}

int cx_rows_winback_campaign(cx_rows *w, const char *day, int64_t *id, cx_error *err)
{
	return find(w, Q_WINBACK_ON, day, NULL, id, NULL, err);
}

void cx_rows_lookup_free(cx_rows *w)
{
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(w->q[i]);
	for (size_t i = 0; i < w->agents.cap; i++)
		free(w->agents.slot[i].key);
	free(w->agents.slot);
	free(w->created);
}
