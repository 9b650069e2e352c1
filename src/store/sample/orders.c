/* orders.c — the world's growable arrays, and the orders nobody in support
 * caused (shop and subscription) plus the agents' discount-code orders.
 *
 * Regular orders are the denominator of everything else: returns and carrier
 * claims are drawn from them.  They start on 2021-09-15, two weeks before
 * the rest of the sample, so that October has a normal month of returns.  Discount-code orders are support's smallest
 * revenue line (about $9,000 a month); Maria Garcia hands out about a third
 * of the codes that get used.
 */
#include <stdlib.h>
#include <string.h>

#include "sample.h"

int add_order(struct world *w, const struct order *o)
{
	if (w->norders == w->caporders) {
		w->caporders = w->caporders ? 2 * w->caporders : 4096;
		w->orders = xrealloc(w->orders, (size_t)w->caporders, sizeof *w->orders);
	}
	w->orders[w->norders] = *o;
	w->orders[w->norders].id = NONE;
	return w->norders++;
}

int add_renewal(struct world *w, const struct renewal *r)
{
	if (w->nrenewals == w->caprenewals) {
		w->caprenewals = w->caprenewals ? 2 * w->caprenewals : 1024;
		w->renewals = xrealloc(w->renewals, (size_t)w->caprenewals, sizeof *w->renewals);
	}
	w->renewals[w->nrenewals] = *r;
	w->renewals[w->nrenewals].id = NONE;
	return w->nrenewals++;
}

void add_contact(struct world *w, const struct contact *c)
{
	if (w->ncontacts == w->capcontacts) {
		w->capcontacts = w->capcontacts ? 2 * w->capcontacts : 2048;
		w->contacts = xrealloc(w->contacts, (size_t)w->capcontacts, sizeof *w->contacts);
	}
	w->contacts[w->ncontacts++] = *c;
}

void world_free(struct world *w)
{
	free(w->agents);
	free(w->customers);
	free(w->orders);
	free(w->renewals);
	free(w->contacts);
	memset(w, 0, sizeof *w);
}

int64_t cogs_of(rng *r, int64_t amount)
{
	return amount * rng_range(r, 3700, 4300) / 10000;
}

int fit_total(rng *r, int64_t *amount, const int64_t *base, const int64_t *cap, int n, int64_t total)
{
	int64_t need = total, room = 0, wsum = 0;
	for (int i = 0; i < n; i++) {
		need -= base[i];
		room += cap[i];
	}
	if (n <= 0 || need < 0 || need > room)
		return -1;
	int64_t *wt = xcalloc((size_t)n, sizeof *wt);
	for (int i = 0; i < n; i++)
		wsum += wt[i] = 1 + rng_below(r, cap[i] + 1);
	int64_t given = 0;
	for (int i = 0; i < n; i++) {
		int64_t x = need * wt[i] / wsum;
		if (x > cap[i])
			x = cap[i];
		amount[i] = base[i] + x;
		given += x;
	}
	/* What integer division left over goes to whoever still has room. */
	for (int i = (int)rng_below(r, n), k = 0; given < need && k < 2 * n; k++, i = (i + 1) % n) {
		int64_t add = base[i] + cap[i] - amount[i];
		if (add > need - given)
			add = need - given;
		amount[i] += add;
		given += add;
	}
	free(wt);
	return given == need ? 0 : -1;
}

/* Subscription plans, in cents: what a box costs a month. */
static const int64_t plan_price[] = {4900, 5900, 7900, 9900, 11900, 12900, 14900};
static const int plan_w[] = {10, 14, 18, 22, 16, 12, 8};

void gen_regular_orders(struct world *w)
{
	rng r;
	rng_seed(&r, 0x0bde25ULL);
	/* Weekends are quieter; December is the gift season. */
	static const int weekday_pm[7] = {1080, 1050, 1030, 1020, 1000, 900, 920};
	/* The shop did not open on October 1st: the last two weeks of
	 * September are kept so that October's returns, which come from
	 * orders placed days earlier, are a full month's worth. */
	for (int64_t day = START_DAY - 16; day <= END_DAY; day++) {
		int m = month_ix(day);
		int64_t n = rng_range(&r, 52, 62) * weekday_pm[weekday(day)] / 1000;
		if (m == 2)
			n = n * 110 / 100;
		for (int64_t k = 0; k < n; k++) {
			struct order o = {0};
			o.placed_at = day * DAY + rng_below(&r, DAY);
			o.customer = w->customers[pick_customer(w, &r, o.placed_at)].id;
			int sub = w->customers[o.customer - 1].subscriber && rng_chance(&r, 6500);
			if (sub) {
				o.source = "subscription";
				o.amount = plan_price[rng_pick(&r, plan_w, 7)];
			} else {
				o.source = "shop";
				o.amount = rng_range(&r, 3000, 9000);
				o.amount += rng_below(&r, 6001); /* skewed low: sum of two */
			}
			o.cogs = cogs_of(&r, o.amount);
			o.agent = o.campaign = NONE;
			add_order(w, &o);
		}
	}
	w->nregular = w->norders;
}

void gen_discount_orders(struct world *w)
{
	rng r;
	rng_seed(&r, 0xd15c0ULL);
	const struct agent *maria = NULL;
	for (int i = 0; i < w->nagents; i++)
		if (strcmp(w->agents[i].code, "MARIA10") == 0)
			maria = &w->agents[i];
	if (!maria)
		die("roster has no Maria Garcia");
	for (int m = 0; m < N_MONTHS; m++) {
		int64_t first = month_first(m), days = month_last(m) - first + 1;
		int64_t n = rng_range(&r, 62, 78);
		for (int64_t k = 0; k < n; k++) {
			struct order o = {0};
			int64_t day = first + rng_below(&r, days);
			o.placed_at = at(day, 8, 0, 0) + rng_below(&r, 14 * 3600);
			const struct agent *a = maria;
			if (!rng_chance(&r, 3500)) {
				/* Any other agent employed that day. */
				do
					a = &w->agents[rng_below(&r, w->nagents)];
				while (a == maria || !agent_active(a, day));
			}
			o.customer = w->customers[pick_customer(w, &r, o.placed_at)].id;
			o.amount = rng_range(&r, 5000, 21000);
			o.cogs = cogs_of(&r, o.amount);
			o.source = "discount_code";
			o.agent = a->id;
			o.campaign = w->camp_discount;
			o.code = a->code;
			add_order(w, &o);
		}
	}
}
