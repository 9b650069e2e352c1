/* upsell.c — "Welcome upsell" campaigns, January to March 2022.
 *
 * An agent personally welcomes every new subscriber of the month's cohort
 * (signed up by the 26th) the next day, and offers the current box too.
 * Those who reply asking for it get an upsell order attributed to the agent.
 * February must reproduce the article: 1,701 contacts, 392 orders,
 * $44,377.10.  Contacts and orders stay on days 2-27 between 10:00 and
 * 16:00 UTC, so every monthly figure is the same from UTC-10 to UTC+10.
 */
#include <stdlib.h>

#include "sample.h"

/* The current box and its variants, in cents, plus up to 8.25 % sales tax. */
static const int64_t box_price[] = {9900, 10900, 11900};
static const int box_w[] = {30, 45, 25};
#define BOX_TAX_BP 825

void gen_upsell(struct world *w)
{
	rng r;
	rng_seed(&r, 0x0b5e11ULL);
	for (int m = 3; m < 6; m++) {
		int64_t campaign = w->camp_upsell[m - 3];
		int first = w->ncontacts, n = 0;

		for (int i = 0; i < w->ncustomers; i++) {
			const struct customer *c = &w->customers[i];
			if (c->cohort != m)
				continue;
			int64_t day = c->created_at / DAY + 1; /* day 2 .. 27 */
			const struct agent *a;
			do
				a = &w->agents[rng_below(&r, w->nagents)];
			while (!a->upsell_w || !agent_active(a, day));
			struct contact ct = {campaign, c->id, a->id, at(day, 10, 0, 0), 0, -1, -1};
			ct.contacted_at += rng_below(&r, 3 * 3600);
			ct.responded = rng_chance(&r, a->upsell_w * 100);
			add_contact(w, &ct);
			n++;
		}

		/* How many converted: the article's count in February, about
		 * 22 % (what the agents' own rates give) in January and March. */
		int k;
		if (m == 4)
			k = 392;
		else
			k = n * (int)rng_range(&r, 2160, 2280) / 10000;
		int *flag = xcalloc((size_t)n, sizeof *flag);
		for (int i = 0; i < n; i++)
			flag[i] = w->contacts[first + i].responded;
		exactly_k(&r, flag, n, k);

		int64_t *amount = xcalloc((size_t)k, sizeof *amount);
		priced(&r, box_price, box_w, 3, BOX_TAX_BP, k, m == 4 ? 4437710 : -1, amount);
		for (int i = 0, j = 0; i < n; i++) {
			struct contact *c = &w->contacts[first + i];
			c->responded = flag[i];
			if (!flag[i])
				continue;
			/* Ordered the same day or up to three days later, day 27 at
			 * the latest, always after the welcome email. */
			int64_t cday = c->contacted_at / DAY, oday = cday + rng_below(&r, 4);
			if (mday(oday) > 27 || month_ix(oday) != m)
				oday = cday;
			struct order o = {0};
			o.customer = c->customer;
			o.placed_at = oday == cday ? c->contacted_at + rng_range(&r, 1800, 3 * 3600)
						   : at(oday, 10, 0, 0) + rng_below(&r, 6 * 3600);
			o.amount = amount[j++];
			o.cogs = cogs_of(&r, o.amount);
			o.source = "upsell";
			o.agent = c->agent;
			o.campaign = campaign;
			c->order_ix = add_order(w, &o);
		}
		free(amount);
		free(flag);
	}
}
