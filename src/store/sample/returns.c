/* returns.c — returns and exchanges, the cost support is held partly
 * liable for (10 % by default: agents sometimes side with the customer too
 * early to close a ticket).
 *
 * About 8 % of regular orders come back, plus a few attributed ones.
 * cost = what the company is out: refund plus return label for a return,
 * shipping both ways plus the replacement's cost for an exchange.  Normally
 * that is at most the order; a handful refund in full and pay shipping and
 * a goodwill credit on top, so they cost more than the order (a real case
 * the UI must not choke on).  Returns are created from 2021-10-01 (orders
 * start in mid-September for that) to 2022-03-31.
 */
#include <stdlib.h>

#include "sample.h"

struct ret {
	int64_t order_id, cost, created_at;
	const char *kind;
};

static int by_created(const void *pa, const void *pb)
{
	const struct ret *a = pa, *b = pb;
	if (a->created_at != b->created_at)
		return a->created_at < b->created_at ? -1 : 1;
	return a->order_id < b->order_id ? -1 : a->order_id > b->order_id;
}

void gen_returns(struct world *w)
{
	rng r;
	rng_seed(&r, 0x2e7a25ULL);
	struct ret *rs = xcalloc((size_t)w->norders, sizeof *rs);
	int n = 0;
	for (int i = 0; i < w->norders; i++) {
		const struct order *o = &w->orders[i];
		int bp = i < w->nregular ? 780 : 300;
		if (!rng_chance(&r, bp))
			continue;
		struct ret *x = &rs[n];
		/* Most come back within a week of delivery, a few much later. */
		x->created_at = o->placed_at + DAY + rng_skewed(&r, 4 * DAY);
		int exchange = rng_chance(&r, 3000);
		int over = rng_chance(&r, 120);
		int64_t label = rng_range(&r, 500, 900);
		if (x->created_at > T_END)
			continue; /* still on its way back */
		if (x->created_at < START_DAY * DAY)
			continue; /* September: before the sample's books start */
		x->order_id = o->id;
		x->kind = exchange ? "exchange" : "return";
		if (over) {
			x->cost = o->amount + label + rng_below(&r, 1501);
		} else if (exchange) {
			x->cost = rng_range(&r, 1200, 1800); /* shipping both ways */
			x->cost += o->cogs * rng_range(&r, 50, 100) / 100;
		} else {
			x->cost = o->amount * rng_range(&r, 8000, 9800) / 10000 + label;
		}
		if (!over && x->cost > o->amount)
			x->cost = o->amount;
		n++;
	}
	qsort(rs, (size_t)n, sizeof *rs, by_created);
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO returns (id, order_id, kind, cost, created_at) VALUES (?, ?, ?, ?, ?)");
	for (int i = 0; i < n; i++) {
		sq_i64(s, 1, i + 1);
		sq_i64(s, 2, rs[i].order_id);
		sq_text(s, 3, rs[i].kind);
		sq_i64(s, 4, rs[i].cost);
		sq_i64(s, 5, rs[i].created_at);
		sq_run(s);
	}
	sqlite3_finalize(s);
	free(rs);
}
