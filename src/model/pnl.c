/* pnl.c — the support P&L (DOMAIN §1).
 *
 * Net is linear in the liability percentage, so a what-if slider only calls
 * cx_pnl_compute again with another liability_bp: no query. */
#include "cxtop/format.h"
#include "cxtop/model.h"

cx_pnl cx_pnl_compute(const cx_pnl_raw *raw, int64_t liability_bp)
{
	cx_pnl p = {.raw = *raw, .liability_bp = liability_bp};
	p.attributed = raw->upsell + raw->winback + raw->discount_codes + raw->claims_recovered;
	p.gross = p.attributed - raw->cogs;
	p.fixed = raw->staff + raw->platform + raw->other;
	p.liability = cx_div_round(raw->returns_cost * liability_bp, 10000);
	p.net = p.gross - p.fixed - p.liability;
	if (raw->returns_cost > 0) {
		p.break_even_ok = true;
		p.break_even_bp = cx_ratio_bp(p.gross - p.fixed, raw->returns_cost);
	}
	p.profit_center = p.net > 0;
	return p;
}

void cx_pnl_raw_add(cx_pnl_raw *dst, const cx_pnl_raw *src)
{
	dst->upsell += src->upsell;
	dst->winback += src->winback;
	dst->discount_codes += src->discount_codes;
	dst->claims_recovered += src->claims_recovered;
	dst->cogs += src->cogs;
	dst->staff += src->staff;
	dst->platform += src->platform;
	dst->other += src->other;
	dst->returns_cost += src->returns_cost;
}

int64_t cx_prorate(int64_t amount, int days, int month_days)
{
	if (month_days <= 0 || days >= month_days)
		return amount;
	if (days <= 0)
		return 0;
	return cx_div_round(amount * days, month_days);
}
