/* whatif.c — the what-if levers.  Every lever is arithmetic on figures the
 * view loaded once: sliding never queries the store. */
#include "cxtop/format.h"
#include "cxtop/model.h"

cx_levers cx_levers_actual(const cx_whatif_base *b, int64_t liability_bp, int64_t cost_per_contact,
			   int64_t buyout_bp, int64_t cost_per_order)
{
	cx_levers l = {.liability_bp = liability_bp, .cost_per_contact = cost_per_contact, .buyout_bp = buyout_bp,
		       .cost_per_order = cost_per_order, .shipments = b->shipments, .avg_check = b->avg_check};
	l.upsell_rate_bp = b->upsell_contacts ? cx_ratio_bp(b->upsell_converted, b->upsell_contacts) : 0;
	l.winback_rate_bp = b->winback_reached ? cx_ratio_bp(b->winback_recovered, b->winback_reached) : 0;
	return l;
}

/* value x new_rate / old_rate, where old_rate is count/base exactly (not
 * the rounded bp), so that the lever at the actual rate changes nothing. */
static int64_t scale(int64_t value, int64_t new_rate_bp, int64_t actual_rate_bp, int64_t count, int64_t base)
{
	/* At its actual value a lever changes nothing; nor can it when the
	 * revenue came without contacts to take a rate of (win-backs from a
	 * payments import, orders no campaign reached): there is nothing to
	 * scale by, and the revenue is still the period's. */
	if (new_rate_bp == actual_rate_bp || count <= 0 || base <= 0)
		return value;
	/* new conversions = base x rate; value per conversion stays. */
	return cx_mul3_div_round(value, new_rate_bp, base, count * 10000);
}

/* The notification channel's net gain a month: extra revenue less its
 * cost, both in the shop's currency. */
static int64_t notify_net(const cx_levers *l)
{
	return cx_sat_sub(cx_notify_extra(l->shipments, l->avg_check, l->buyout_bp),
			  cx_mul3_div_round(l->shipments, l->cost_per_order, 1, 1));
}

cx_whatif cx_whatif_compute(const cx_whatif_base *b, const cx_levers *actual, const cx_levers *l)
{
	cx_whatif w = {0};
	cx_pnl_raw raw = b->pnl;
	int64_t up_rev = scale(b->upsell_revenue, l->upsell_rate_bp, actual->upsell_rate_bp, b->upsell_converted,
			       b->upsell_contacts);
	int64_t up_cogs = scale(b->upsell_cogs, l->upsell_rate_bp, actual->upsell_rate_bp, b->upsell_converted,
				b->upsell_contacts);
	int64_t wb_rev = scale(b->winback_revenue, l->winback_rate_bp, actual->winback_rate_bp, b->winback_recovered,
			       b->winback_reached);
	int64_t wb_cogs = scale(b->winback_cogs, l->winback_rate_bp, actual->winback_rate_bp, b->winback_recovered,
				b->winback_reached);
	w.d_upsell = (up_rev - up_cogs) - (b->upsell_revenue - b->upsell_cogs);
	w.d_winback = (wb_rev - wb_cogs) - (b->winback_revenue - b->winback_cogs);
	raw.upsell += up_rev - b->upsell_revenue;
	raw.cogs += up_cogs - b->upsell_cogs + wb_cogs - b->winback_cogs;
	raw.winback += wb_rev - b->winback_revenue;
	/* What the upsell contacts cost moves with its lever. */
	w.d_contact_cost = cx_sat_mul(-b->upsell_contacts, cx_sat_sub(l->cost_per_contact, actual->cost_per_contact));
	raw.campaigns -= w.d_contact_cost;
	w.pnl = cx_pnl_compute(&raw, l->liability_bp);
	cx_pnl at_actual = cx_pnl_compute(&raw, actual->liability_bp);
	w.d_liability = w.pnl.net - at_actual.net;
	w.notify_net = notify_net(l);
	w.d_notify = cx_sat_sub(w.notify_net, notify_net(actual));
	return w;
}
