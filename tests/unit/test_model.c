/* test_model.c — the pure arithmetic of src/model: every formula of
 * cxtop(1) DEFINITIONS, with the edge cases the data really has. */
#include "testutil.h"

#include "cxtop/format.h"
#include "cxtop/model.h"
#include "cxtop/parse.h"

static void dist_ranks_odd_even_and_empty(void **state)
{
	int64_t lo, hi, p;
	cx_dist_ranks(5, &lo, &hi, &p);
	assert_int_equal(lo, 3);
	assert_int_equal(hi, 3);
	assert_int_equal(p, 5); /* ceil(4.5) */
	cx_dist_ranks(4, &lo, &hi, &p);
	assert_int_equal(lo, 2);
	assert_int_equal(hi, 3);
	assert_int_equal(p, 4); /* ceil(3.6) */
	cx_dist_ranks(10, &lo, &hi, &p);
	assert_int_equal(p, 9);
	cx_dist_ranks(11, &lo, &hi, &p);
	assert_int_equal(p, 10); /* ceil(9.9) */
	cx_dist_ranks(1, &lo, &hi, &p);
	assert_int_equal(lo, 1);
	assert_int_equal(hi, 1);
	assert_int_equal(p, 1);
	cx_dist_ranks(0, &lo, &hi, &p);
	assert_int_equal(lo + hi + p, 0);
}

static void median_is_the_mean_of_the_middle_two(void **state)
{
	const int64_t even[] = {10, 20, 31, 40};
	cx_dist d = cx_dist_of_sorted(even, 4);
	assert_int_equal(d.median_x2, 51); /* 25.5 s exactly */
	assert_int_equal(d.p90, 40);
	const int64_t odd[] = {1, 2, 3, 4, 100};
	d = cx_dist_of_sorted(odd, 5);
	assert_int_equal(d.median_x2, 6);
	assert_int_equal(d.p90, 100);
	d = cx_dist_of_sorted(NULL, 0);
	assert_int_equal(d.n, 0);
}

static void ticket_kpis_exclude_unrated_and_say_so(void **state)
{
	cx_ticket_raw r = {.created = 10, .solved = 8, .one_touch = 3, .reopened = 1, .rated = 6, .satisfied = 4,
			   .nps_rated = 6, .promoters = 3, .detractors = 2};
	cx_ticket_kpi k = cx_ticket_kpi_of(&r);
	assert_true(k.csat_ok);
	assert_int_equal(k.csat_bp, 6667);     /* 4/6 */
	assert_int_equal(k.nps_bp, 1667);      /* (3-2)/6 */
	assert_int_equal(k.one_touch_bp, 3750); /* 3/8 */
	assert_int_equal(k.reopen_bp, 1250);   /* 1/8 */
	assert_int_equal(k.unrated, 2);
}

static void ticket_kpis_of_an_empty_period_are_undefined(void **state)
{
	cx_ticket_raw r = {0};
	cx_ticket_kpi k = cx_ticket_kpi_of(&r);
	assert_false(k.csat_ok);
	assert_false(k.nps_ok);
	assert_false(k.one_touch_ok);
	assert_false(k.reopen_ok);
	/* Solved but nobody rated: rates defined, satisfaction not. */
	r.solved = 3;
	k = cx_ticket_kpi_of(&r);
	assert_true(k.one_touch_ok);
	assert_false(k.csat_ok);
	assert_int_equal(k.unrated, 3);
}

static void nps_can_be_negative(void **state)
{
	cx_ticket_raw r = {.solved = 4, .rated = 4, .nps_rated = 4, .promoters = 0, .detractors = 3, .satisfied = 1};
	cx_ticket_kpi k = cx_ticket_kpi_of(&r);
	assert_int_equal(k.nps_bp, -7500);
}

static void nps_only_from_zero_to_ten_ratings(void **state)
{
	/* Six good/bad ratings (a help desk's thumbs) and two 0-10 ones: CSAT
	 * counts all eight, NPS only the two. */
	cx_ticket_raw r = {.solved = 8, .rated = 8, .satisfied = 5, .nps_rated = 2, .promoters = 1, .detractors = 0};
	cx_ticket_kpi k = cx_ticket_kpi_of(&r);
	assert_true(k.csat_ok);
	assert_int_equal(k.csat_bp, 6250);
	assert_true(k.nps_ok);
	assert_int_equal(k.nps_bp, 5000);
	/* Only thumbs: no NPS at all. */
	r.nps_rated = r.promoters = 0;
	k = cx_ticket_kpi_of(&r);
	assert_true(k.csat_ok);
	assert_false(k.nps_ok);
}

static const cx_pnl_raw february = {
	.upsell = 4437710, .winback = 469400, .discount_codes = 900000, .claims_recovered = 200000,
	.cogs = 2322844,   .staff = 2800000,  .platform = 120000,       .other = 30000,
	.returns_cost = 1500000,
};

static void pnl_follows_the_domain_formulas(void **state)
{
	cx_pnl p = cx_pnl_compute(&february, 1000);
	assert_int_equal(p.attributed, 4437710 + 469400 + 900000 + 200000);
	assert_int_equal(p.gross, p.attributed - 2322844);
	assert_int_equal(p.fixed, 2950000);
	assert_int_equal(p.liability, 150000);
	assert_int_equal(p.net, p.gross - p.fixed - p.liability);
	assert_true(p.break_even_ok);
	assert_int_equal(p.break_even_bp, cx_ratio_bp(p.gross - p.fixed, 1500000));
	assert_int_equal(p.profit_center, p.net > 0);
}

static void pnl_net_is_linear_in_the_liability(void **state)
{
	cx_pnl at0 = cx_pnl_compute(&february, 0);
	cx_pnl at100 = cx_pnl_compute(&february, 10000);
	assert_int_equal(at0.liability, 0);
	assert_int_equal(at0.net, at0.gross - at0.fixed);
	assert_int_equal(at100.liability, february.returns_cost);
	for (int64_t bp = 0; bp <= 10000; bp += 100) {
		cx_pnl p = cx_pnl_compute(&february, bp);
		assert_int_equal(p.net, at0.net - february.returns_cost * bp / 10000);
	}
	/* At the break-even percentage net is zero (to the cent). */
	cx_pnl be = cx_pnl_compute(&february, at0.break_even_bp);
	assert_true(be.net >= -february.returns_cost / 10000 - 1 && be.net <= february.returns_cost / 10000 + 1);
}

static void pnl_liability_rounds_half_away_from_zero(void **state)
{
	cx_pnl_raw r = {.returns_cost = 5}; /* 5 cents at 10 % = 0.5 cent */
	assert_int_equal(cx_pnl_compute(&r, 1000).liability, 1);
	r.returns_cost = 4;
	assert_int_equal(cx_pnl_compute(&r, 1000).liability, 0);
	r.returns_cost = 333;
	assert_int_equal(cx_pnl_compute(&r, 1050).liability, 35); /* 34.965 */
}

static void pnl_without_returns_has_no_break_even(void **state)
{
	cx_pnl_raw r = february;
	r.returns_cost = 0;
	cx_pnl p = cx_pnl_compute(&r, 1000);
	assert_false(p.break_even_ok);
	assert_int_equal(p.liability, 0);
	assert_int_equal(p.net, p.gross - p.fixed);
}

static void pnl_counts_campaign_costs(void **state)
{
	/* Campaign costs come off before net and before the break-even. */
	cx_pnl_raw r = {.upsell = 1000000, .cogs = 400000, .campaigns = 100000, .staff = 300000, .returns_cost = 400000};
	cx_pnl p = cx_pnl_compute(&r, 1000);
	assert_int_equal(p.net, 1000000 - 400000 - 100000 - 300000 - 40000);
	assert_int_equal(p.break_even_bp, 5000); /* 200000 / 400000 */
	r.campaigns = 0;
	assert_int_equal(cx_pnl_compute(&r, 1000).net - p.net, 100000);
}

static void pnl_break_even_edges(void **state)
{
	char b[64];
	/* gross - fixed = 500000 against 1000000 of returns: 50 %. */
	cx_pnl_raw r = {.discount_codes = 2500000, .staff = 2000000, .returns_cost = 1000000};
	cx_pnl p = cx_pnl_compute(&r, 0);
	assert_int_equal(p.break_even, CX_BE_AT);
	assert_int_equal(p.break_even_bp, 5000);
	assert_string_equal(cx_break_even_words(&p, b, sizeof b), "50.00 %");
	assert_null(cx_break_even_reason(&p));
	/* Exactly 0 % and exactly 100 % are break-evens. */
	r.discount_codes = 2000000;
	p = cx_pnl_compute(&r, 0);
	assert_int_equal(p.break_even, CX_BE_AT);
	assert_int_equal(p.break_even_bp, 0);
	r.discount_codes = 3000000;
	p = cx_pnl_compute(&r, 0);
	assert_int_equal(p.break_even, CX_BE_AT);
	assert_int_equal(p.break_even_bp, 10000);
	/* A cent more and support is a profit center at any %. */
	r.discount_codes = 3000001;
	p = cx_pnl_compute(&r, 10000);
	assert_int_equal(p.break_even, CX_BE_ANY);
	assert_false(p.break_even_ok);
	assert_true(p.profit_center);
	assert_string_equal(cx_break_even_words(&p, b, sizeof b), "any: a profit center at any %");
	r.returns_cost = 0;
	p = cx_pnl_compute(&r, 1000);
	assert_int_equal(p.break_even, CX_BE_NO_RETURNS);
	assert_string_equal(cx_break_even_words(&p, b, sizeof b), "no returns");
}

static void pnl_loss_and_sums(void **state)
{
	cx_pnl_raw r = {.discount_codes = 900000, .cogs = 360000, .staff = 2800000, .returns_cost = 1000000};
	cx_pnl p = cx_pnl_compute(&r, 1000);
	assert_false(p.profit_center);
	/* Negative even at 0 %: no break-even, and never a negative one. */
	assert_int_equal(p.break_even, CX_BE_NONE);
	assert_false(p.break_even_ok);
	char b[64];
	assert_string_equal(cx_break_even_words(&p, b, sizeof b), "none: a cost center even at 0 %");
	assert_string_equal(cx_break_even_reason(&p), "a cost center even at 0 %");
	cx_pnl_raw sum = {0};
	cx_pnl_raw_add(&sum, &r);
	cx_pnl_raw_add(&sum, &february);
	assert_int_equal(sum.staff, 2800000 * 2);
	assert_int_equal(sum.upsell, february.upsell);
}

static void prorate_by_day(void **state)
{
	assert_int_equal(cx_prorate(310000, 31, 31), 310000);
	assert_int_equal(cx_prorate(310000, 10, 31), 100000);
	assert_int_equal(cx_prorate(100, 1, 3), 33);
	assert_int_equal(cx_prorate(100, 2, 3), 67);
	assert_int_equal(cx_prorate(100, 0, 30), 0);
}

static void agent_cost_over_months_and_leavers(void **state)
{
	int32_t jan1 = 18993; /* 2022-01-01 */
	int32_t mar31 = jan1 + 31 + 28 + 30;
	/* Three whole months. */
	assert_int_equal(cx_agent_cost(200000, jan1, mar31, 0, INT32_MAX), 600000);
	/* Left on 2022-01-14: 14 of January's 31 days. */
	assert_int_equal(cx_agent_cost(310000, jan1, mar31, 0, jan1 + 13), 140000);
	/* Hired after the period: nothing. */
	assert_int_equal(cx_agent_cost(310000, jan1, jan1 + 30, jan1 + 40, INT32_MAX), 0);
	/* One week of February (28 days). */
	assert_int_equal(cx_agent_cost(280000, jan1 + 31, jan1 + 37, 0, INT32_MAX), 70000);
}

static void campaign_rates_cost_and_roi(void **state)
{
	cx_campaign_raw r = {.contacted = 1701, .responded = 392, .converted = 392, .revenue = 4437710,
			     .cogs = 1775084, .cost_per_contact = 150};
	cx_campaign_kpi k = cx_campaign_kpi_of(&r);
	assert_int_equal(k.response_bp, 2305); /* 23.05 % */
	assert_int_equal(k.conversion_bp, 2305);
	assert_int_equal(k.cost, 255150);
	assert_int_equal(k.contribution, 4437710 - 1775084 - 255150);
	assert_true(k.roi_ok);
	assert_int_equal(k.roi_bp, cx_ratio_bp(k.contribution, 255150));
}

static void campaign_with_zero_contacts(void **state)
{
	cx_campaign_raw r = {.cost_per_contact = 150};
	cx_campaign_kpi k = cx_campaign_kpi_of(&r);
	assert_false(k.response_ok);
	assert_false(k.conversion_ok);
	assert_false(k.roi_ok);
	assert_int_equal(k.cost, 0);
	/* Free contacts: rates defined, ROI not. */
	r.contacted = 10;
	r.cost_per_contact = 0;
	k = cx_campaign_kpi_of(&r);
	assert_true(k.response_ok);
	assert_false(k.roi_ok);
}

static void winback_recovery_rate(void **state)
{
	cx_winback_raw jan = {.failed = 600, .by_dunning = 250, .to_support = 350, .by_support = 70, .revenue = 862700};
	cx_winback w = cx_winback_of(&jan);
	assert_int_equal(w.recovery_bp, 2000);
	assert_int_equal(w.lost, 280);
	cx_winback_raw none = {.failed = 10, .by_dunning = 4};
	w = cx_winback_of(&none);
	assert_false(w.recovery_ok);
	assert_int_equal(w.lost, 6);
}

static void notify_reproduces_the_shop(void **state)
{
	/* 6,000 shipments x 3,000 RUB x 5 % = 900,000 RUB. */
	assert_int_equal(cx_notify_extra(6000, 300000, 500), 90000000);
	cx_notify_channel automated = {.name = "auto", .has_cost = true, .cost_min = 2000, .cost_max = 2000,
				       .buyout_min_bp = 300, .buyout_max_bp = 400};
	cx_notify_result r = cx_notify_compute(&automated, 6000, 300000);
	assert_int_equal(r.extra_min, 54000000);
	assert_int_equal(r.extra_max, 72000000);
	assert_int_equal(r.cost_min, 12000000);
	assert_int_equal(r.net_min, 42000000);
	assert_int_equal(r.net_max, 60000000);
	cx_notify_channel partner = {.name = "partner", .has_cost = true, .cost_min = 7000, .cost_max = 10000,
				     .buyout_min_bp = 50, .buyout_max_bp = 150};
	r = cx_notify_compute(&partner, 6000, 300000);
	assert_true(r.net_min < 0); /* worst case loses money */
	cx_notify_channel managers = {.name = "managers", .has_cost = false, .buyout_min_bp = 50, .buyout_max_bp = 50};
	r = cx_notify_compute(&managers, 6000, 300000);
	assert_int_equal(r.cost_max, 0);
	assert_int_equal(r.net_min, 9000000);
}

/* Figures past what cxtop itself takes (a store another program filled)
 * saturate instead of overflowing: each of these was signed overflow. */
static void money_at_the_limits_never_overflows(void **state)
{
	/* Contacts x cost per contact. */
	cx_campaign_raw r = {.contacted = 10000000000, .cost_per_contact = 10000000000, .revenue = INT64_MAX};
	cx_campaign_kpi k = cx_campaign_kpi_of(&r);
	assert_int_equal(k.cost, INT64_MAX);
	assert_int_equal(k.contribution, 0);
	r = (cx_campaign_raw){.contacted = 10000000, .cost_per_contact = CX_MONEY_MAX, .revenue = 0, .cogs = INT64_MAX};
	k = cx_campaign_kpi_of(&r);
	assert_int_equal(k.cost, 10000000 * CX_MONEY_MAX); /* exact at the limits */
	assert_int_equal(k.contribution, INT64_MIN);
	/* The notify net: the smallest gain minus the highest cost. */
	cx_notify_channel ch = {.name = "x", .has_cost = true, .cost_min = 0, .cost_max = INT64_MAX,
				.buyout_min_bp = -10000, .buyout_max_bp = 10000};
	cx_notify_result n = cx_notify_compute(&ch, 1000000000, CX_MONEY_MAX);
	assert_int_equal(n.extra_min, INT64_MIN);
	assert_int_equal(n.cost_max, INT64_MAX);
	assert_int_equal(n.net_min, INT64_MIN);
	assert_int_equal(n.net_max, INT64_MAX);
	/* An agent's monthly cost prorated by day, and summed over months. */
	assert_int_equal(cx_prorate(INT64_MAX - 1, 1, 2), INT64_MAX / 2);
	assert_int_equal(cx_prorate(INT64_MAX, 30, 31), cx_mul3_div_round(INT64_MAX, 30, 1, 31));
	int32_t jan1 = 18993; /* 2022-01-01 */
	assert_int_equal(cx_agent_cost(INT64_MAX, jan1, jan1 + 89, 0, INT32_MAX), INT64_MAX);
	assert_int_equal(cx_agent_cost(CX_MONEY_MAX, jan1, jan1 + 364, 0, INT32_MAX), 12 * CX_MONEY_MAX);
	/* The P&L of sums at 10^7 rows of the largest amount, and past it. */
	cx_pnl_raw big = {.upsell = 10000000 * CX_MONEY_MAX, .returns_cost = 10000000 * CX_MONEY_MAX};
	cx_pnl p = cx_pnl_compute(&big, 10000);
	assert_int_equal(p.liability, 10000000 * CX_MONEY_MAX);
	assert_int_equal(p.net, 0);
	cx_pnl_raw huge = {.upsell = INT64_MAX, .winback = INT64_MAX, .staff = INT64_MAX, .other = INT64_MAX,
			   .cogs = INT64_MAX, .campaigns = INT64_MAX, .returns_cost = INT64_MAX};
	p = cx_pnl_compute(&huge, 10000);
	assert_int_equal(p.attributed, INT64_MAX);
	assert_int_equal(p.fixed, INT64_MAX);
	assert_int_equal(p.liability, INT64_MAX);
	assert_int_equal(p.net, INT64_MIN);
}

static void claims_deadline_and_silent_unhappy(void **state)
{
	assert_int_equal(cx_days_to_deadline(100, 107), 7);
	assert_int_equal(cx_days_to_deadline(100, 90), -10);
	assert_int_equal(cx_silent_unhappy(12), 312);
	assert_int_equal(cx_silent_unhappy(0), 0);
}

static const cx_whatif_base base = {
	.pnl = {.upsell = 4437710, .winback = 469400, .discount_codes = 900000, .cogs = 2322844, .staff = 2800000,
		.platform = 120000, .other = 30000, .returns_cost = 1500000},
	.upsell_contacts = 1701, .upsell_converted = 392, .upsell_revenue = 4437710, .upsell_cogs = 1775084,
	.upsell_cost = 255150,
	.winback_reached = 285, .winback_recovered = 57, .winback_revenue = 469400, .winback_cogs = 187760,
	.shipments = 6000, .avg_check = 300000,
};

static void whatif_at_the_actual_levers_changes_nothing(void **state)
{
	cx_levers a = cx_levers_actual(&base, 1000, 150, 500, 0);
	assert_int_equal(a.upsell_rate_bp, 2305);
	assert_int_equal(a.winback_rate_bp, 2000);
	cx_whatif w = cx_whatif_compute(&base, &a, &a);
	cx_pnl p = cx_pnl_compute(&base.pnl, 1000);
	assert_int_equal(w.pnl.net, p.net);
	assert_int_equal(w.d_liability + w.d_upsell + w.d_winback + w.d_contact_cost, 0);
	assert_int_equal(w.notify_net, 90000000); /* the shop's 900,000 RUB */
	assert_int_equal(w.d_notify, 0);
	assert_int_equal(a.shipments, 6000);
	assert_int_equal(a.avg_check, 300000);
}

/* Revenue without contacts (win-backs imported from a payments system, no
 * win-back campaign): the lever has no rate to move, and the P&L keeps the
 * revenue at any setting. */
static void whatif_revenue_without_contacts_stays(void **state)
{
	cx_whatif_base b = base;
	b.winback_reached = 0;
	cx_levers a = cx_levers_actual(&b, 1000, 150, 500, 0);
	cx_whatif w = cx_whatif_compute(&b, &a, &a);
	assert_int_equal(w.pnl.net, cx_pnl_compute(&b.pnl, 1000).net);
	assert_int_equal(w.d_winback, 0);
	cx_levers l = a;
	l.winback_rate_bp = 3000;
	w = cx_whatif_compute(&b, &a, &l);
	assert_int_equal(w.d_winback, 0);
	assert_int_equal(w.pnl.raw.winback, b.pnl.winback);
}

static void whatif_levers_move_net_by_their_own_effect(void **state)
{
	cx_levers a = cx_levers_actual(&base, 1000, 150, 500, 0);
	cx_levers l = a;
	l.liability_bp = 1500;
	cx_whatif w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.d_liability, -75000); /* 5 % of 15,000.00 */
	assert_int_equal(w.pnl.net, cx_pnl_compute(&base.pnl, 1500).net);
	/* Twice the win-back rate: twice the win-back contribution. */
	l = a;
	l.winback_rate_bp = 4000;
	w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.d_winback, 469400 - 187760);
	assert_int_equal(w.pnl.net - cx_pnl_compute(&base.pnl, 1000).net, w.d_winback);
	/* No upsell conversions at all: the upsell contribution is gone. */
	l = a;
	l.upsell_rate_bp = 0;
	w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.d_upsell, -(4437710 - 1775084));
	assert_int_equal(w.pnl.raw.upsell, 0);
	/* A cent more per contact costs 1,701 cents. */
	l = a;
	l.cost_per_contact = 151;
	w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.d_contact_cost, -1701);
	/* ... and net moves by exactly that, through the campaign costs. */
	assert_int_equal(w.pnl.net - cx_pnl_compute(&base.pnl, 1000).net, -1701);
	assert_int_equal(w.pnl.raw.campaigns, base.pnl.campaigns + 1701);
	/* Notification: 3 % at 20 RUB an order. */
	l = a;
	l.buyout_bp = 300;
	l.cost_per_order = 2000;
	w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.notify_net, 54000000 - 12000000);
	assert_int_equal(w.d_notify, 54000000 - 12000000 - 90000000);
	/* The shop's own levers: twice the shipments, twice the net gain;
	 * a dearer average check, more extra revenue. */
	l = a;
	l.shipments = 12000;
	w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.notify_net, 2 * 90000000);
	assert_int_equal(w.d_notify, 90000000);
	l = a;
	l.avg_check = 400000;
	w = cx_whatif_compute(&base, &a, &l);
	assert_int_equal(w.notify_net, 6000LL * 400000 * 500 / 10000);
	/* None of them moves the support P&L: another shop, another currency. */
	assert_int_equal(w.pnl.net, cx_pnl_compute(&base.pnl, 1000).net);
}

static void whatif_without_campaigns(void **state)
{
	cx_whatif_base empty = {0};
	cx_levers a = cx_levers_actual(&empty, 1000, 0, 0, 0);
	cx_levers l = a;
	l.upsell_rate_bp = 5000;
	l.winback_rate_bp = 5000;
	cx_whatif w = cx_whatif_compute(&empty, &a, &l);
	assert_int_equal(w.d_upsell, 0);
	assert_int_equal(w.d_winback, 0);
	assert_false(w.pnl.break_even_ok);
}

/* The liability each return carries adds up to the P&L's liability at any
 * percentage, where rounding each return's share on its own drifts. */
static void liability_parts_add_up(void **state)
{
	(void)state;
	static const int64_t costs[] = {3700, 3163, 4457, 14857, 4882, 11689, 1, 1, 1, 5, 99999, 0, 7};
	static const int64_t bps[] = {0, 1, 777, 1000, 3333, 5000, 9999, 10000};
	for (size_t b = 0; b < sizeof bps / sizeof bps[0]; b++) {
		int64_t before = 0, sum = 0, naive = 0;
		for (size_t i = 0; i < sizeof costs / sizeof costs[0]; i++) {
			int64_t part = cx_liability_part(before, costs[i], bps[b]);
			assert_true(part >= 0 && part <= costs[i]);
			sum += part;
			naive += cx_mul3_div_round(costs[i], bps[b], 1, 10000);
			before += costs[i];
		}
		cx_pnl_raw raw = {.returns_cost = before};
		assert_int_equal(sum, cx_pnl_compute(&raw, bps[b]).liability);
		if (bps[b] == 3333)
			assert_int_not_equal(naive, sum); /* why the parts are cumulative */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dist_ranks_odd_even_and_empty),
		cmocka_unit_test(median_is_the_mean_of_the_middle_two),
		cmocka_unit_test(ticket_kpis_exclude_unrated_and_say_so),
		cmocka_unit_test(ticket_kpis_of_an_empty_period_are_undefined),
		cmocka_unit_test(nps_can_be_negative),
		cmocka_unit_test(nps_only_from_zero_to_ten_ratings),
		cmocka_unit_test(pnl_follows_the_domain_formulas),
		cmocka_unit_test(pnl_net_is_linear_in_the_liability),
		cmocka_unit_test(pnl_liability_rounds_half_away_from_zero),
		cmocka_unit_test(pnl_without_returns_has_no_break_even),
		cmocka_unit_test(pnl_counts_campaign_costs),
		cmocka_unit_test(pnl_break_even_edges),
		cmocka_unit_test(pnl_loss_and_sums),
		cmocka_unit_test(prorate_by_day),
		cmocka_unit_test(agent_cost_over_months_and_leavers),
		cmocka_unit_test(campaign_rates_cost_and_roi),
		cmocka_unit_test(campaign_with_zero_contacts),
		cmocka_unit_test(winback_recovery_rate),
		cmocka_unit_test(notify_reproduces_the_shop),
		cmocka_unit_test(money_at_the_limits_never_overflows),
		cmocka_unit_test(claims_deadline_and_silent_unhappy),
		cmocka_unit_test(whatif_at_the_actual_levers_changes_nothing),
		cmocka_unit_test(whatif_levers_move_net_by_their_own_effect),
		cmocka_unit_test(whatif_revenue_without_contacts_stays),
		cmocka_unit_test(whatif_without_campaigns),
		cmocka_unit_test(liability_parts_add_up),
	};
	return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
