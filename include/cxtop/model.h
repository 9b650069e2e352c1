/* model.h — cxtop's arithmetic: KPIs, the support P&L, campaigns, win-back,
 * notification channels, claims.  Pure C: structs in, structs out; no SQL,
 * no curses, no I/O.  The store fills the *_raw structs with counts and
 * sums; the functions here turn them into the figures the UI and the
 * reports print, so both always agree.
 *
 * Money is int64_t minor units.  Percentages are basis points (1 % = 100),
 * rounded half away from zero from exact integer ratios.  A figure whose
 * denominator is zero is "undefined": its *_ok flag is false, and it prints
 * as n/a (json null), never as a division by zero.
 */
#ifndef CXTOP_MODEL_H
#define CXTOP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- distributions: medians first, averages mislead --------------------- */

/* A distribution of durations in seconds.  median_x2 is twice the median so
 * that the mean of two middle values stays exact; p90 is the nearest-rank
 * 90th percentile, the ceil(0.9 n)-th smallest value. */
typedef struct cx_dist {
	int64_t n;
	int64_t median_x2;
	int64_t p90;
} cx_dist;

/* 1-based ranks a distribution of n values needs: the two middle ranks
 * (equal when n is odd) and the p90 rank. */
void cx_dist_ranks(int64_t n, int64_t *mid_lo, int64_t *mid_hi, int64_t *p90);
/* The distribution of n sorted values (ascending). */
cx_dist cx_dist_of_sorted(const int64_t *v, int64_t n);
/* The same of n values in any order, which it reorders: exact, in linear
 * time on average (selection, not sorting). */
cx_dist cx_dist_of(int64_t *v, int64_t n);
/* The same of values that fit in 32 bits (half the memory). */
cx_dist cx_dist_of_u32(uint32_t *v, int64_t n);

/* ---- ticket KPIs ---------------------------------------------------------- */

/* What the store counts for a group of tickets (the team, an agent, a
 * channel, a topic, a complexity) over a period.  "Created" figures are over
 * tickets created in the period; "solved" figures over tickets resolved in
 * it; see cxtop(1), DEFINITIONS. */
typedef struct cx_ticket_raw {
	int64_t created;    /* tickets created in the period */
	int64_t unanswered; /* ... of which never answered (no first response) */
	int64_t unresolved; /* ... of which not resolved yet */
	int64_t solved;     /* tickets resolved in the period */
	int64_t one_touch;  /* ... with exactly one agent reply */
	int64_t reopened;   /* ... reopened at least once */
	int64_t rated;      /* ... with a csat rating */
	int64_t satisfied;  /* ... rated 7-10 */
	int64_t nps_rated;  /* ... rated on a 0-10 (or 1-10) scale: NPS counts only these */
	int64_t promoters;  /* ... of those, rated 9-10 */
	int64_t detractors; /* ... of those, rated 0-6 */
	cx_dist frt;        /* first response time, created tickets answered */
	cx_dist resolution; /* (full) resolution time, solved tickets: to the last resolution */
	cx_dist first_resolution; /* first resolution time, the same tickets: to the first */
	/* Solved tickets whose waits are known (cxtop/waits.h): time waiting
	 * on the team (new, open), on the customer (pending), and each one's
	 * longest wait for a next reply (those that had one). */
	cx_dist requester_wait, agent_wait, next_reply;
} cx_ticket_raw;

typedef struct cx_ticket_kpi {
	cx_ticket_raw raw;
	bool csat_ok, nps_ok, one_touch_ok, reopen_ok;
	int64_t csat_bp;      /* satisfied / rated */
	int64_t nps_bp;       /* (promoters - detractors) / nps_rated, in bp of a point */
	int64_t one_touch_bp; /* one_touch / solved */
	int64_t reopen_bp;    /* reopened / solved */
	int64_t unrated;      /* solved - rated */
} cx_ticket_kpi;

cx_ticket_kpi cx_ticket_kpi_of(const cx_ticket_raw *raw);
/* Sums counts (not distributions: those cannot be added; dst keeps its own). */
void cx_ticket_raw_add_counts(cx_ticket_raw *dst, const cx_ticket_raw *src);

/* ---- the support P&L (DOMAIN §1) ----------------------------------------- */

typedef struct cx_pnl_raw {
	int64_t upsell, winback, discount_codes, claims_recovered; /* revenue by source */
	int64_t cogs;                   /* of the attributed orders */
	int64_t campaigns;              /* contacts made x their campaign's cost per contact */
	int64_t staff, platform, other; /* fixed costs */
	int64_t returns_cost;           /* all returns and exchanges */
} cx_pnl_raw;

typedef struct cx_pnl {
	cx_pnl_raw raw;
	int64_t liability_bp;
	int64_t attributed;  /* upsell + winback + discount_codes + claims_recovered */
	int64_t gross;       /* attributed - cogs */
	int64_t fixed;       /* staff + platform + other */
	int64_t liability;   /* returns_cost * liability_bp / 10000, rounded */
	int64_t net;         /* gross - campaigns - fixed - liability */
	/* The liability percentage at which net is zero, when there is one
	 * between 0 and 100 %: break_even_ok and break_even_bp.  Otherwise
	 * break_even says why not. */
	enum cx_break_even {
		CX_BE_AT,         /* break_even_bp, 0-10000 */
		CX_BE_NO_RETURNS, /* no returns: net does not depend on the % */
		CX_BE_NONE,       /* a cost center even at 0 % */
		CX_BE_ANY,        /* a profit center even at 100 % */
	} break_even;
	bool break_even_ok;
	int64_t break_even_bp; /* (gross - campaigns - fixed) / returns_cost */
	bool profit_center;  /* net > 0 */
} cx_pnl;

cx_pnl cx_pnl_compute(const cx_pnl_raw *raw, int64_t liability_bp);
/* The liability carried by one return, whose cost follows `cost_before`
 * in a list: the liability on the costs up to it less that on the costs
 * before it, each rounded as cx_pnl_compute rounds.  Over a whole list the
 * parts add up to cx_pnl_compute's liability to the cent. */
int64_t cx_liability_part(int64_t cost_before, int64_t cost, int64_t liability_bp);
/* Why there is no break-even percentage, in words ("a cost center even at
 * 0 %"), or NULL when there is one. */
const char *cx_break_even_reason(const cx_pnl *p);
/* The break-even as a manager reads it: "12.34 %", "none: a cost center
 * even at 0 %", "any: a profit center at any %", "n/a: no returns". */
char *cx_break_even_words(const cx_pnl *p, char *buf, size_t len);
void cx_pnl_raw_add(cx_pnl_raw *dst, const cx_pnl_raw *src);

/* A cost booked for a whole month, counted for `days` of the month's
 * `month_days`: the share, rounded to the cent. */
int64_t cx_prorate(int64_t amount, int days, int month_days);

/* An agent's staff cost over the days [from_day, to_day]: monthly_cost for
 * every whole month employed, prorated by day for partial months (hired or
 * left inside the month, or a period that covers part of it).  left_day is
 * the last day employed, INT32_MAX while on the team. */
int64_t cx_agent_cost(int64_t monthly_cost, int32_t from_day, int32_t to_day, int32_t hired_day, int32_t left_day);

/* ---- what-if levers ------------------------------------------------------- */

/* What the period really did, as the what-if view starts from it. */
typedef struct cx_whatif_base {
	cx_pnl_raw pnl;
	int64_t upsell_contacts, upsell_converted, upsell_revenue, upsell_cogs, upsell_cost; /* cost: contacts x cpc */
	int64_t winback_reached, winback_recovered, winback_revenue, winback_cogs;
	int64_t shipments, avg_check; /* the order-notification shop */
} cx_whatif_base;

typedef struct cx_levers {
	int64_t liability_bp;
	int64_t upsell_rate_bp;   /* conversions per contact */
	int64_t winback_rate_bp;  /* recoveries per renewal reaching support */
	int64_t cost_per_contact; /* upsell, minor units */
	int64_t buyout_bp;        /* notification: buyout change */
	int64_t cost_per_order;   /* notification: per order, the shop's currency */
	int64_t shipments;        /* notification: the shop's orders a month */
	int64_t avg_check;        /* notification: the shop's average order, its currency */
} cx_levers;

typedef struct cx_whatif {
	cx_pnl pnl;                 /* the support P&L at the levers */
	int64_t d_liability, d_upsell, d_winback; /* each lever's effect on net */
	int64_t d_contact_cost;     /* effect on the campaigns' contribution */
	int64_t notify_net;         /* the notification channel's net gain */
	int64_t d_notify;           /* ... its change against the actual levers */
} cx_whatif;

/* The levers where the period really was: nothing changes.  The shop's
 * shipments and average check are the base's. */
cx_levers cx_levers_actual(const cx_whatif_base *b, int64_t liability_bp, int64_t cost_per_contact,
			   int64_t buyout_bp, int64_t cost_per_order);
/* The P&L and each lever's effect.  A rate lever scales the campaign's
 * revenue and COGS in proportion to conversions (same average order). */
cx_whatif cx_whatif_compute(const cx_whatif_base *b, const cx_levers *actual, const cx_levers *l);

/* ---- campaigns ------------------------------------------------------------ */

typedef struct cx_campaign_raw {
	int64_t contacted, responded, converted;
	int64_t revenue, cogs;      /* of the conversions' orders */
	int64_t cost_per_contact;
} cx_campaign_raw;

typedef struct cx_campaign_kpi {
	cx_campaign_raw raw;
	bool response_ok, conversion_ok, roi_ok;
	int64_t response_bp;   /* responded / contacted */
	int64_t conversion_bp; /* converted / contacted */
	int64_t cost;          /* contacted * cost_per_contact */
	int64_t contribution;  /* revenue - cogs - cost */
	int64_t roi_bp;        /* contribution / cost */
} cx_campaign_kpi;

cx_campaign_kpi cx_campaign_kpi_of(const cx_campaign_raw *raw);

/* ---- win-back (passive churn) -------------------------------------------- */

typedef struct cx_winback_raw {
	int64_t failed, by_dunning, to_support, by_support, revenue;
} cx_winback_raw;

typedef struct cx_winback {
	cx_winback_raw raw;
	int64_t lost;          /* failed - by_dunning - by_support */
	bool recovery_ok;
	int64_t recovery_bp;   /* by_support / to_support */
} cx_winback;

cx_winback cx_winback_of(const cx_winback_raw *raw);

/* ---- order-notification channels (DOMAIN §4) ------------------------------ */

typedef struct cx_notify_channel {
	const char *name;
	bool has_cost;         /* false: the channel costs staff time, not money */
	int64_t cost_min, cost_max;        /* per order, minor units */
	int64_t buyout_min_bp, buyout_max_bp;
} cx_notify_channel;

typedef struct cx_notify_result {
	int64_t extra_min, extra_max; /* shipments * avg_check * buyout change */
	int64_t cost_min, cost_max;   /* shipments * cost per order */
	int64_t net_min, net_max;     /* extra - cost (worst and best case) */
} cx_notify_result;

/* Extra revenue of a buyout change at a volume and average check. */
int64_t cx_notify_extra(int64_t shipments, int64_t avg_check, int64_t buyout_bp);
cx_notify_result cx_notify_compute(const cx_notify_channel *ch, int64_t shipments, int64_t avg_check);

/* ---- carrier claims --------------------------------------------------------- */

/* Whole days from `today` to `deadline` (negative once past). */
int32_t cx_days_to_deadline(int32_t today, int32_t deadline);

/* ---- satisfaction (DOMAIN §3) ---------------------------------------------- */

/* For every complaint heard, 26 other unhappy customers stay silent. */
#define CX_SILENT_PER_COMPLAINT 26
int64_t cx_silent_unhappy(int64_t complaints);

#endif
