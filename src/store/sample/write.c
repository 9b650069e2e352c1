/* write.c — writes the orders, renewals and campaign contacts built in
 * memory.  Orders go in by time, so order ids grow with placed_at as in a
 * real shop; renewals and contacts follow, pointing at the ids just made.
 */
#include <stdlib.h>

#include "sample.h"

static const struct order *sort_orders;

static int by_placed(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	int64_t ta = sort_orders[a].placed_at, tb = sort_orders[b].placed_at;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static const struct contact *sort_contacts;

static int by_contacted(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;
	int64_t ta = sort_contacts[a].contacted_at, tb = sort_contacts[b].contacted_at;
	if (ta != tb)
		return ta < tb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int64_t order_id(const struct world *w, int ix)
{
	return ix < 0 ? NONE : w->orders[ix].id;
}

static void write_orders(struct world *w)
{
	int *perm = xcalloc((size_t)w->norders, sizeof *perm);
	for (int i = 0; i < w->norders; i++)
		perm[i] = i;
	sort_orders = w->orders;
	qsort(perm, (size_t)w->norders, sizeof *perm, by_placed);
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO orders (id, customer_id, placed_at, amount, cogs, attribution, agent_id,"
					 " campaign_id, discount_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (int k = 0; k < w->norders; k++) {
		struct order *o = &w->orders[perm[k]];
		o->id = k + 1;
		sq_i64(s, 1, o->id);
		sq_i64(s, 2, o->customer);
		sq_i64(s, 3, o->placed_at);
		sq_i64(s, 4, o->amount);
		sq_i64(s, 5, o->cogs);
		sq_text(s, 6, o->source);
		sq_i64(s, 7, o->agent);
		sq_i64(s, 8, o->campaign);
		sq_text(s, 9, o->code);
		sq_run(s);
	}
	sqlite3_finalize(s);
	free(perm);
}

static void write_renewals(struct world *w)
{
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO renewals (id, customer_id, due_on, amount, failed_on, to_support_on,"
					 " recovered_by, recovered_on, agent_id, order_id) VALUES (?, ?, ?, ?, ?3, ?, ?, ?, ?, ?)");
	for (int i = 0; i < w->nrenewals; i++) {
		struct renewal *rn = &w->renewals[i];
		char due[11], sup[11], rec[11];
		fmt_date(due, rn->due);
		if (rn->to_support != NONE)
			fmt_date(sup, rn->to_support);
		if (rn->recovered_on != NONE)
			fmt_date(rec, rn->recovered_on);
		rn->id = i + 1;
		sq_i64(s, 1, rn->id);
		sq_i64(s, 2, rn->customer);
		sq_text(s, 3, due); /* failed_on = due_on: the card fails on the day */
		sq_i64(s, 4, rn->amount);
		sq_text(s, 5, rn->to_support != NONE ? sup : NULL);
		sq_text(s, 6, rn->recovered_by);
		sq_text(s, 7, rn->recovered_on != NONE ? rec : NULL);
		sq_i64(s, 8, rn->agent);
		sq_i64(s, 9, order_id(w, rn->order_ix));
		sq_run(s);
	}
	sqlite3_finalize(s);
}

static void write_contacts(struct world *w)
{
	int *perm = xcalloc((size_t)w->ncontacts, sizeof *perm);
	for (int i = 0; i < w->ncontacts; i++)
		perm[i] = i;
	sort_contacts = w->contacts;
	qsort(perm, (size_t)w->ncontacts, sizeof *perm, by_contacted);
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO campaign_contacts (id, campaign_id, customer_id, agent_id, contacted_at,"
					 " responded, order_id, renewal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
	for (int k = 0; k < w->ncontacts; k++) {
		const struct contact *c = &w->contacts[perm[k]];
		sq_i64(s, 1, k + 1);
		sq_i64(s, 2, c->campaign);
		sq_i64(s, 3, c->customer);
		sq_i64(s, 4, c->agent);
		sq_i64(s, 5, c->contacted_at);
		sq_i64(s, 6, c->responded);
		sq_i64(s, 7, order_id(w, c->order_ix));
		sq_i64(s, 8, c->renewal_ix < 0 ? NONE : w->renewals[c->renewal_ix].id);
		sq_run(s);
	}
	sqlite3_finalize(s);
	free(perm);
}

void write_orders_contacts_renewals(struct world *w)
{
	write_orders(w);
	write_renewals(w);
	write_contacts(w);
}
