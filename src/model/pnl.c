/* pnl.c — the support P&L (DOMAIN §1).
 *
 * Net is linear in the liability percentage, so a what-if slider only calls
 * cx_pnl_compute again with another liability_bp: no query. */
#include <stdio.h>

#include "cxtop/format.h"
#include "cxtop/model.h"

int64_t cx_liability_part(int64_t cost_before, int64_t cost, int64_t liability_bp)
{
	int64_t upto = cx_sat_add(cost_before, cost);
	return cx_mul3_div_round(upto, liability_bp, 1, 10000) - cx_mul3_div_round(cost_before, liability_bp, 1, 10000);
}

cx_pnl cx_pnl_compute(const cx_pnl_raw *raw, int64_t liability_bp)
{
	cx_pnl p = {.raw = *raw, .liability_bp = liability_bp};
	/* Each figure is a store's sum, up to 10^7 x CX_MONEY_MAX; beyond
	 * that (a store filled by another program) they saturate. */
	p.attributed = cx_sat_add(cx_sat_add(raw->upsell, raw->winback),
				  cx_sat_add(raw->discount_codes, raw->claims_recovered));
	p.gross = cx_sat_sub(p.attributed, raw->cogs);
	p.fixed = cx_sat_add(cx_sat_add(raw->staff, raw->platform), raw->other);
	p.liability = cx_mul3_div_round(raw->returns_cost, liability_bp, 1, 10000);
	p.net = cx_sat_sub(cx_sat_sub(cx_sat_sub(p.gross, raw->campaigns), p.fixed), p.liability);
	/* Net is zero at (gross - fixed) / returns.  Outside 0-100 % that is
	 * no percentage anyone can choose: below 0, support loses money even
	 * carrying no returns; above 100, it makes money carrying them all. */
	p.break_even = CX_BE_NO_RETURNS;
	int64_t before = cx_sat_sub(cx_sat_sub(p.gross, raw->campaigns), p.fixed); /* net before the liability */
	if (raw->returns_cost > 0) {
		p.break_even_bp = cx_ratio_bp(before, raw->returns_cost);
		p.break_even = before < 0                    ? CX_BE_NONE
			       : before > raw->returns_cost ? CX_BE_ANY
							    : CX_BE_AT;
		p.break_even_ok = p.break_even == CX_BE_AT;
	}
	p.profit_center = p.net > 0;
	return p;
}

const char *cx_break_even_reason(const cx_pnl *p)
{
	switch (p->break_even) {
	case CX_BE_NO_RETURNS:
		return "no returns: net does not depend on the liability";
	case CX_BE_NONE:
		return "a cost center even at 0 %";
	case CX_BE_ANY:
		return "a profit center at any %";
	default:
		return NULL;
	}
}

char *cx_break_even_words(const cx_pnl *p, char *buf, size_t len)
{
	char pct[32];
	if (p->break_even == CX_BE_AT)
		snprintf(buf, len, "%s %%", cx_fmt_bp(pct, sizeof pct, p->break_even_bp));
	else if (p->break_even == CX_BE_NO_RETURNS)
		snprintf(buf, len, "no returns"); /* the reason is too long for a panel */
	else
		snprintf(buf, len, "%s: %s", p->break_even == CX_BE_NONE ? "none" : "any", cx_break_even_reason(p));
	return buf;
}

void cx_pnl_raw_add(cx_pnl_raw *dst, const cx_pnl_raw *src)
{
	dst->upsell += src->upsell;
	dst->winback += src->winback;
	dst->discount_codes += src->discount_codes;
	dst->claims_recovered += src->claims_recovered;
	dst->cogs += src->cogs;
	dst->campaigns += src->campaigns;
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
	/* amount * days in 128 bits: the share is below amount, so exact. */
	return cx_mul3_div_round(amount, days, 1, month_days);
}
