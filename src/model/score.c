/* scoring.c — points, ranks, levels, badges, trophies, anti-gaming flags
 * and the "everyone looks the same" alarm.  Pure arithmetic on the counts
 * the store measured; the rules come from the scoring file.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/scoring.h"
#include "cxtop/xalloc.h"

int64_t cx_score_points(const cx_scoring *rules, const cx_score_raw *raw, int64_t rule_points[CX_R_COUNT])
{
	int64_t local[CX_R_COUNT];
	int64_t *rp = rule_points ? rule_points : local;
	memset(rp, 0, sizeof(int64_t) * CX_R_COUNT);
	/* Ticket events weigh by complexity: a hard ticket is worth more, so
	 * picking easy ones does not pay.  Summed in percent, rounded once. */
	for (int r = 0; r < CX_R_TICKET_RULES; r++) {
		int64_t pct = 0;
		for (int c = 0; c < 3; c++)
			pct += raw->ticket[c][r] * rules->points[r] * rules->complexity_pct[c];
		rp[r] = cx_div_round(pct, 100);
	}
	rp[CX_R_UPSELL] = raw->upsell * rules->points[CX_R_UPSELL];
	rp[CX_R_WINBACK] = raw->winback * rules->points[CX_R_WINBACK];
	/* Whole hundreds of currency units (revenue is in minor units). */
	rp[CX_R_REVENUE_100] = raw->revenue / 10000 * rules->points[CX_R_REVENUE_100];
	rp[CX_R_CLAIM] = raw->claims * rules->points[CX_R_CLAIM];
	int64_t total = 0;
	for (int r = 0; r < CX_R_COUNT; r++)
		total += rp[r];
	return total;
}

static void metrics(cx_score *s)
{
	const cx_score_raw *r = s->raw;
	s->metric[CX_M_SOLVED] = r->solved;
	s->metric[CX_M_UPSELL] = r->upsell;
	s->metric[CX_M_WINBACK] = r->winback;
	s->metric[CX_M_REVENUE] = r->revenue / 100;
	s->metric[CX_M_NO_REOPEN_STREAK] = r->streak_days;
	s->metric_ok[CX_M_SOLVED] = s->metric_ok[CX_M_UPSELL] = s->metric_ok[CX_M_WINBACK] = true;
	s->metric_ok[CX_M_REVENUE] = s->metric_ok[CX_M_NO_REOPEN_STREAK] = true;
	if (r->frt.n > 0) {
		s->metric[CX_M_FRT_MEDIAN_MIN] = r->frt.median_x2 / 120; /* whole minutes */
		s->metric_ok[CX_M_FRT_MEDIAN_MIN] = true;
	}
	if (r->rated > 0) {
		s->metric[CX_M_CSAT_PCT] = r->satisfied * 100 / r->rated;
		s->metric_ok[CX_M_CSAT_PCT] = true;
	}
	if (r->solved > 0) {
		s->metric[CX_M_ONE_TOUCH_PCT] = r->one_touch * 100 / r->solved;
		s->metric_ok[CX_M_ONE_TOUCH_PCT] = true;
	}
}

static uint32_t badges(const cx_scoring *rules, const cx_score *s)
{
	uint32_t b = 0;
	for (int i = 0; i < rules->nbadges && i < 32; i++) {
		const cx_badge_rule *br = &rules->badges[i];
		if (!s->metric_ok[br->metric] || s->raw->solved < br->min_tickets)
			continue;
		int64_t m = s->metric[br->metric];
		if ((!br->has_min || m >= br->min) && (!br->has_max || m <= br->max))
			b |= 1u << i;
	}
	return b;
}

/* a/b > c/d * pct/100, without division. */
static bool ratio_above(int64_t a, int64_t b, int64_t c, int64_t d, int64_t pct)
{
	return b > 0 && d > 0 && a * d * 100 > c * b * pct;
}

static unsigned flags(const cx_scoring *rules, const cx_board *bd, const cx_score_raw *r)
{
	unsigned f = 0;
	if (r->solved < rules->flag_min_solved || bd->team_solved <= 0)
		return 0;
	/* Much easier tickets than the team: mean complexity below easy_pct %
	 * of the team's mean. */
	if (r->complexity_sum * bd->team_solved * 100 < bd->team_complexity_sum * r->solved * rules->flag_easy_pct)
		f |= CX_FLAG_EASY;
	if (ratio_above(r->reopened, r->solved, bd->team_reopened, bd->team_solved, rules->flag_reopen_pct))
		f |= CX_FLAG_REOPEN;
	int64_t team_unrated = bd->team_solved - bd->team_rated;
	if (ratio_above(r->solved - r->rated, r->solved, team_unrated, bd->team_solved, rules->flag_unrated_pct))
		f |= CX_FLAG_UNRATED;
	return f;
}

static int by_points(const void *x, const void *y)
{
	const cx_score *a = x, *b = y;
	if (a->points != b->points)
		return a->points < b->points ? 1 : -1;
	int c = strcmp(a->raw->name, b->raw->name);
	return c ? c : (a->raw->agent_id > b->raw->agent_id) - (a->raw->agent_id < b->raw->agent_id);
}

/* Competition ranking: equal points share a rank, the next is skipped. */
static void rank(cx_score *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i].rank = i > 0 && s[i].points == s[i - 1].points ? s[i - 1].rank : (int)i + 1;
}

/* Another period's ranks, once: its scores ranked as the board ranks
 * them.  An agent with no points and nothing solved then had no score. */
typedef struct prev_ranks {
	cx_score *s; /* by rank */
	size_t n;
} prev_ranks;

static prev_ranks rank_prev(const cx_scoring *rules, const cx_score_raw *raw, size_t n)
{
	prev_ranks r = {NULL, raw ? n : 0};
	if (r.n == 0)
		return r;
	r.s = cx_xcalloc(n, sizeof *r.s);
	for (size_t i = 0; i < n; i++) {
		r.s[i].raw = &raw[i];
		r.s[i].points = cx_score_points(rules, &raw[i], NULL);
	}
	qsort(r.s, n, sizeof *r.s, by_points);
	rank(r.s, n);
	return r;
}

/* The rank an agent had; the last row of the agent wins, as a list with
 * one agent twice would have it. */
static int rank_of(const prev_ranks *r, int64_t agent_id)
{
	int rank = 0;
	for (size_t i = 0; i < r->n; i++)
		if (r->s[i].raw->agent_id == agent_id && (r->s[i].points != 0 || r->s[i].raw->solved > 0))
			rank = r->s[i].rank;
	return rank;
}

/* Coefficient of variation in basis points (population standard deviation
 * over the mean).  A statistic, not money: doubles are fine here. */
static int64_t cv_bp(const double *v, int n)
{
	double mean = 0, var = 0;
	for (int i = 0; i < n; i++)
		mean += v[i];
	mean /= n;
	if (mean <= 0)
		return 0;
	for (int i = 0; i < n; i++)
		var += (v[i] - mean) * (v[i] - mean);
	var /= n;
	return (int64_t)llround(sqrt(var) / mean * 10000.0);
}

static void diversity(const cx_scoring *rules, cx_board *b)
{
	double *solved = cx_xcalloc(b->n + 1, sizeof *solved), *csat = cx_xcalloc(b->n + 1, sizeof *csat),
	       *frt = cx_xcalloc(b->n + 1, sizeof *frt);
	int k = 0;
	for (size_t i = 0; i < b->n; i++) {
		const cx_score_raw *r = b->scores[i].raw;
		if (r->solved < rules->flag_min_solved || r->rated == 0 || r->frt.n == 0)
			continue;
		solved[k] = (double)r->solved;
		csat[k] = (double)r->satisfied / (double)r->rated;
		frt[k] = (double)r->frt.median_x2;
		k++;
	}
	b->cv_agents = k;
	if (k >= 3) {
		b->cv_bp[0] = cv_bp(solved, k);
		b->cv_bp[1] = cv_bp(csat, k);
		b->cv_bp[2] = cv_bp(frt, k);
		b->alarm = b->cv_bp[0] < rules->alarm_cv_bp && b->cv_bp[1] < rules->alarm_cv_bp &&
			   b->cv_bp[2] < rules->alarm_cv_bp;
	}
	free(solved);
	free(csat);
	free(frt);
}

/* Is a better than b for trophy t?  Ties go to the better rank. */
static bool better(enum cx_trophy t, const cx_score *a, const cx_score *b)
{
	const cx_score_raw *x = a->raw, *y = b->raw;
	int64_t l, r;
	switch (t) {
	case CX_T_CSAT: /* satisfied/rated, compared as fractions */
		l = x->satisfied * y->rated;
		r = y->satisfied * x->rated;
		break;
	case CX_T_FRT: /* lower is better */
		l = y->frt.median_x2;
		r = x->frt.median_x2;
		break;
	case CX_T_REVENUE:
		l = x->revenue;
		r = y->revenue;
		break;
	case CX_T_SAVER:
		l = x->winback;
		r = y->winback;
		break;
	case CX_T_POINTS:
	default:
		l = a->points;
		r = b->points;
		break;
	}
	return l != r ? l > r : a->rank < b->rank;
}

static bool qualifies(const cx_scoring *rules, enum cx_trophy t, const cx_score *s)
{
	const cx_score_raw *r = s->raw;
	switch (t) {
	case CX_T_CSAT:
		return r->rated >= rules->trophy_min_ratings && r->rated > 0;
	case CX_T_FRT:
		return r->frt.n >= rules->trophy_min_tickets && r->frt.n > 0;
	case CX_T_REVENUE:
		return r->revenue > 0;
	case CX_T_SAVER:
		return r->winback > 0;
	case CX_T_POINTS:
	default:
		return s->points > 0;
	}
}

static int64_t trophy_value(enum cx_trophy t, const cx_score *s)
{
	switch (t) {
	case CX_T_CSAT:
		return cx_ratio_bp(s->raw->satisfied, s->raw->rated);
	case CX_T_FRT:
		return s->raw->frt.median_x2;
	case CX_T_REVENUE:
		return s->raw->revenue;
	case CX_T_SAVER:
		return s->raw->winback;
	case CX_T_POINTS:
	default:
		return s->points;
	}
}

void cx_board_compute(const cx_scoring *rules, const cx_score_raw *raw, size_t n, const cx_score_raw *prev,
		      size_t nprev, const cx_score_raw *life, size_t nlife, cx_board *b)
{
	memset(b, 0, sizeof *b);
	b->n = n;
	b->scores = cx_xcalloc(n + 1, sizeof *b->scores);
	for (size_t i = 0; i < n; i++) {
		b->team_solved += raw[i].solved;
		b->team_complexity_sum += raw[i].complexity_sum;
		b->team_reopened += raw[i].reopened;
		b->team_rated += raw[i].rated;
	}
	prev_ranks before = rank_prev(rules, prev, nprev);
	for (size_t i = 0; i < n; i++) {
		cx_score *s = &b->scores[i];
		s->raw = &raw[i];
		s->points = cx_score_points(rules, &raw[i], s->rule_points);
		metrics(s);
		s->badges = badges(rules, s);
		s->flags = flags(rules, b, &raw[i]);
		s->lifetime = s->points;
		for (size_t j = 0; life && j < nlife; j++)
			if (life[j].agent_id == raw[i].agent_id)
				s->lifetime = cx_score_points(rules, &life[j], NULL);
		s->level = 0;
		for (int l = 0; l < rules->nlevels; l++)
			if (s->lifetime >= rules->levels[l].points)
				s->level = l;
		s->prev_rank = rank_of(&before, raw[i].agent_id);
	}
	free(before.s);
	qsort(b->scores, n, sizeof *b->scores, by_points);
	rank(b->scores, n);
	for (int t = 0; t < CX_T_COUNT; t++) {
		b->trophy[t] = -1;
		for (size_t i = 0; i < n; i++)
			if (qualifies(rules, (enum cx_trophy)t, &b->scores[i]) &&
			    (b->trophy[t] < 0 || better((enum cx_trophy)t, &b->scores[i], &b->scores[b->trophy[t]])))
				b->trophy[t] = (int)i;
		if (b->trophy[t] >= 0)
			b->trophy_value[t] = trophy_value((enum cx_trophy)t, &b->scores[b->trophy[t]]);
	}
	diversity(rules, b);
}

void cx_board_free(cx_board *b)
{
	free(b->scores);
	b->scores = NULL;
	b->n = 0;
}
