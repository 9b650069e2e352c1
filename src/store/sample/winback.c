/* winback.c — failed renewals, dunning, and support's win-back campaigns.
 *
 * Renewals run on the 15th; only failures are stored.  A dunning service
 * retries for 12 days and recovers some (16th..26th).  Before January
 * nobody acted on the rest.  From January on, support gets the remainder on
 * the 27th and writes to each of them (one campaign contact per renewal);
 * the recovered ones become 'winback' orders between the 27th and the end
 * of the month, at 10:00-13:59 UTC (10:00-10:59 on the last day) so the
 * month holds from UTC-10 to UTC+13.  January and February reproduce the article exactly:
 * 350 handed over / 70 retained / $8,627 and 285 / 57 / $4,694.
 */
#include <stdlib.h>

#include "sample.h"

static const int64_t plan_price[] = {4900, 5900, 7900, 9900, 11900, 12900, 14900};
static const int plan_w[] = {10, 14, 18, 22, 16, 12, 8};
#define PLAN_TAX_BP 825

void gen_renewals(struct world *w)
{
	rng r;
	rng_seed(&r, 0x2e4e3a15ULL);
	int *used = xcalloc((size_t)w->ncustomers, sizeof *used); /* month + 1 of last failure */

	for (int m = 0; m < N_MONTHS; m++) {
		int64_t due = month_first(m) + 14, handoff = month_first(m) + 26, last = month_last(m);
		int failed = (int)rng_range(&r, 560, 640);
		/* How many are still failed on the 27th, and how many of those
		 * support wins back (about 20 %). */
		int to_support = 0, won = 0;
		int64_t won_total = -1;
		switch (m) {
		case 3:
			to_support = 350, won = 70, won_total = 862700;
			break;
		case 4:
			to_support = 285, won = 57, won_total = 469400;
			break;
		case 5:
			to_support = (int)rng_range(&r, 290, 315), won = to_support / 5 + (int)rng_range(&r, -2, 2);
			break;
		default: /* no hand-off yet: whatever dunning missed is lost */
			to_support = 0;
			break;
		}

		int first = w->nrenewals;
		int limit = customers_by(w, (due - 35) * DAY); /* subscribed a month before */
		for (int i = 0; i < failed; i++) {
			int c;
			do
				c = (int)rng_below(&r, limit);
			while (!w->customers[c].subscriber || used[c] == m + 1);
			used[c] = m + 1;
			struct renewal rn = {0};
			rn.customer = w->customers[c].id;
			rn.due = due;
			rn.to_support = rn.recovered_on = NONE;
			rn.agent = NONE;
			rn.order_ix = -1;
			int64_t amount;
			priced(&r, plan_price, plan_w, 7, PLAN_TAX_BP, 1, -1, &amount);
			rn.amount = amount;
			add_renewal(w, &rn);
		}

		/* Dunning recovers a share: all but the hand-off from January on,
		 * about 45 % before. */
		int dunned = to_support ? failed - to_support : failed * (int)rng_range(&r, 4200, 4800) / 10000;
		int *flag = xcalloc((size_t)failed, sizeof *flag);
		exactly_k(&r, flag, failed, dunned);
		int nsupport = 0;
		int *support_ix = xcalloc((size_t)failed, sizeof *support_ix);
		for (int i = 0; i < failed; i++) {
			struct renewal *rn = &w->renewals[first + i];
			if (flag[i]) {
				rn->recovered_by = "dunning";
				rn->recovered_on = due + rng_range(&r, 1, 11);
			} else if (to_support) {
				rn->to_support = handoff;
				support_ix[nsupport++] = first + i;
			}
		}
		free(flag);
		if (!to_support) {
			free(support_ix);
			continue;
		}

		/* Support's emails: one contact per renewal, the Retention team. */
		int64_t campaign = w->camp_winback[m - 3];
		int cfirst = w->ncontacts;
		int *win = xcalloc((size_t)nsupport, sizeof *win);
		for (int i = 0; i < nsupport; i++) {
			const struct agent *a;
			do
				a = &w->agents[rng_below(&r, w->nagents)];
			while (!a->winback_w || !agent_active(a, handoff));
			struct contact ct = {campaign, w->renewals[support_ix[i]].customer, a->id,
					     at(handoff, 10, 0, 0) + rng_below(&r, 3600), 0, -1, support_ix[i]};
			win[i] = rng_chance(&r, a->winback_w * 100);
			add_contact(w, &ct);
		}
		exactly_k(&r, win, nsupport, won);

		/* What the retained customers paid: their renewal, re-charged. */
		int64_t *amount = xcalloc((size_t)won, sizeof *amount);
		priced(&r, plan_price, plan_w, 7, PLAN_TAX_BP, won, won_total, amount);
		for (int i = 0, j = 0; i < nsupport; i++) {
			struct contact *ct = &w->contacts[cfirst + i];
			struct renewal *rn = &w->renewals[support_ix[i]];
			if (!win[i]) {
				ct->renewal_ix = -1;
				continue;
			}
			ct->responded = 1;
			int64_t day = handoff + rng_below(&r, last - handoff + 1);
			rn->amount = amount[j++];
			rn->recovered_by = "support";
			rn->recovered_on = day;
			rn->agent = ct->agent;
			struct order o = {0};
			o.customer = rn->customer;
			/* After the 10:00 email on the 27th; before 11:00 UTC on the
			 * month's last day, so that even at UTC+13 (Auckland in
			 * summer) it is still this month. */
			if (day == handoff)
				o.placed_at = at(day, 11, 0, 0) + rng_below(&r, 3 * 3600);
			else if (day == last)
				o.placed_at = at(day, 10, 0, 0) + rng_below(&r, 3600);
			else
				o.placed_at = at(day, 10, 0, 0) + rng_below(&r, 4 * 3600);
			o.amount = rn->amount;
			o.cogs = cogs_of(&r, o.amount);
			o.source = "winback";
			o.agent = ct->agent;
			o.campaign = campaign;
			rn->order_ix = add_order(w, &o);
		}
		free(amount);
		free(win);
		free(support_ix);
	}
	free(used);
}
