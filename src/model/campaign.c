/* campaign.c — campaigns, win-back, notification channels, claims and the
 * silent-unhappy estimate: small formulas, each in one place. */
#include "cxtop/format.h"
#include "cxtop/model.h"

cx_campaign_kpi cx_campaign_kpi_of(const cx_campaign_raw *raw)
{
	cx_campaign_kpi k = {.raw = *raw};
	/* Saturated, not wrapped: a store written by another program may hold
	 * any integers (cx_sat_add in format.h). */
	k.cost = cx_sat_mul(raw->contacted, raw->cost_per_contact);
	k.contribution = cx_sat_sub(cx_sat_sub(raw->revenue, raw->cogs), k.cost);
	if (raw->contacted > 0) {
		k.response_ok = k.conversion_ok = true;
		k.response_bp = cx_ratio_bp(raw->responded, raw->contacted);
		k.conversion_bp = cx_ratio_bp(raw->converted, raw->contacted);
	}
	if (k.cost > 0) {
		k.roi_ok = true;
		k.roi_bp = cx_ratio_bp(k.contribution, k.cost);
	}
	return k;
}

cx_winback cx_winback_of(const cx_winback_raw *raw)
{
	cx_winback w = {.raw = *raw};
	w.lost = raw->failed - raw->by_dunning - raw->by_support;
	if (raw->to_support > 0) {
		w.recovery_ok = true;
		w.recovery_bp = cx_ratio_bp(raw->by_support, raw->to_support);
	}
	return w;
}

int64_t cx_notify_extra(int64_t shipments, int64_t avg_check, int64_t buyout_bp)
{
	return cx_mul3_div_round(shipments, avg_check, buyout_bp, 10000);
}

cx_notify_result cx_notify_compute(const cx_notify_channel *ch, int64_t shipments, int64_t avg_check)
{
	cx_notify_result r = {0};
	r.extra_min = cx_notify_extra(shipments, avg_check, ch->buyout_min_bp);
	r.extra_max = cx_notify_extra(shipments, avg_check, ch->buyout_max_bp);
	if (ch->has_cost) {
		r.cost_min = cx_mul3_div_round(shipments, ch->cost_min, 1, 1);
		r.cost_max = cx_mul3_div_round(shipments, ch->cost_max, 1, 1);
	}
	/* Worst case: the smallest gain at the highest cost; best the reverse. */
	r.net_min = cx_sat_sub(r.extra_min, r.cost_max);
	r.net_max = cx_sat_sub(r.extra_max, r.cost_min);
	return r;
}

int32_t cx_days_to_deadline(int32_t today, int32_t deadline)
{
	return deadline - today;
}

int64_t cx_silent_unhappy(int64_t complaints)
{
	return complaints * CX_SILENT_PER_COMPLAINT;
}
