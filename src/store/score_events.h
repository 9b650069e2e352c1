/* score_events.h — private to src/store: how a solved ticket counts for
 * the gamification rules (query_scores.c), shared with the leaderboard's
 * kept months (score_months.c), so both count alike. */
#ifndef CXTOP_STORE_SCORE_EVENTS_H
#define CXTOP_STORE_SCORE_EVENTS_H

#include "cxtop/clock.h"
#include "ticket_facts.h"

/* What judging a ticket depends on.  The facts come on the clock;
 * durations are counted in business time when the store is set so, and a
 * ticket an SLA policy covers is judged by the policy's targets on the
 * policy's clock instead of the rules' targets. */
typedef struct cx_judge {
	int64_t frt_s, sla_s;
	const cx_clock *clock;
	bool business;
} cx_judge;

/* What agents earned by selling and recovering in a period (bound by
 * cx_q_bind_period): per agent, upsells, win-backs and the attributed
 * revenue; per agent, the claims paid. */
#define CX_SQL_CONVERSIONS                                                                                       \
	"SELECT agent_id, sum(attribution = 'upsell'), sum(attribution = 'winback'), sum(amount)"                \
	" FROM orders INDEXED BY orders_attribution"                                                             \
	" WHERE attribution IN ('upsell', 'winback', 'discount_code') AND placed_at >= ?1 AND placed_at < ?2" \
	" AND agent_id IS NOT NULL GROUP BY agent_id"
#define CX_SQL_PAID_CLAIMS                                                                                   \
	"SELECT agent_id, count(*) FROM carrier_claims WHERE status = 'paid'"                                \
	" AND resolved_on >= ?3 AND resolved_on <= ?4 AND agent_id IS NOT NULL GROUP BY agent_id"

/* Loads the store's clock and hours setting. */
int cx_judge_init(cx_store *st, int64_t frt_s, int64_t sla_s, cx_judge *j, cx_error *err);

/* Whether the ticket counts at all: an agent's, of a known complexity. */
bool cx_judge_counts(const cx_fact *f);
/* Adds (sign 1) or takes away (-1) a solved ticket's events, and the
 * solved, rated and other counts, in r. */
void cx_judge_count(const cx_judge *j, const cx_fact *f, cx_score_raw *r, int sign);

/* ---- score_months.c: the leaderboard's kept months */
/* Adds to rows (by agent id; agents not in rows are left out) what the
 * points count of the local months in [from, upto) (both month starts;
 * from INT64_MIN: since the first): the events of the tickets solved in
 * them, read as the store knew them at `as_of` (>= upto), the conversions
 * and the claims paid.  The kept months, those not kept counted (and
 * kept, by a writer), and the tickets changed since as_of put back as
 * they were. */
/* A fingerprint of what the clock is built from (schedules, holidays, SLA
 * policies, the agents' teams). */
int cx_score_clock_print(cx_store *st, int64_t *out, cx_error *err);
int cx_score_months_add(cx_store *st, const cx_judge *j, int64_t from, int64_t upto, int64_t as_of, cx_score_raw *rows,
			size_t n, cx_error *err);

/* Counts every kept month whose clock is the store's again and compares:
 * kept, how many are used; wrong, how many of those disagree. */
int cx_score_months_check(cx_store *st, int64_t *kept, int64_t *wrong, cx_error *err);

#endif
