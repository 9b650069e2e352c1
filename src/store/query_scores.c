/* query_scores.c — what each agent did in a period, counted for the
 * gamification rules: ticket events from the facts of solved tickets,
 * conversions and claims by grouped queries; the points themselves are the
 * model's arithmetic. */
#include <string.h>

#include "cxtop/xalloc.h"
#include "keymap.h"
#include "rollup.h"
#include "score_events.h"

static cx_score_raw *find(cx_score_raw *rows, size_t n, int64_t agent_id)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].agent_id == agent_id)
			return &rows[i];
	return NULL;
}

/* Ticket events per agent and complexity, and each agent's streak, over
 * the facts of the tickets solved in the period (ticket_facts.c). */
struct events {
	const cx_period *p;
	cx_judge judge;
	cx_score_raw *rows;
	cx_keymap row_of; /* agent id -> index into rows */
	bool streaks;
	int32_t ndays;
	unsigned char **days; /* per row, per day of the period: 1 solved, 2 reopened */
	cx_day_cache day_cache;
};

int cx_judge_init(cx_store *st, int64_t frt_s, int64_t sla_s, cx_judge *j, cx_error *err)
{
	*j = (cx_judge){.frt_s = frt_s, .sla_s = sla_s, .business = cx_store_business_hours(st)};
	return cx_store_clock(st, &j->clock, err);
}

/* Whether the ticket's first reply came within target, and whether its
 * resolution missed the resolution target. */
static void judge(const cx_judge *ev, const cx_fact *f, bool *frt_met, bool *sla_miss)
{
	int64_t created = f->at - f->resolution;
	int64_t frt = f->frt, res = f->resolution;
	if (ev->business) {
		if (frt >= 0)
			frt = cx_clock_business(ev->clock, f->agent_id, created, created + frt);
		res = cx_clock_business(ev->clock, f->agent_id, created, f->at);
	}
	*frt_met = frt >= 0 && frt <= ev->frt_s;
	*sla_miss = res > ev->sla_s;
	if (!ev->clock || !ev->clock->set.nsla)
		return;
	cx_sla_ticket t = {.agent_id = f->agent_id, .channel = f->channel, .priority = f->priority,
			   .created_at = created, .first_reply_at = f->frt >= 0 ? created + f->frt : -1,
			   .resolved_at = f->at};
	cx_sla_result first, resolution;
	/* As of the resolution: a solved ticket's targets are all decided. */
	if (!cx_clock_sla(ev->clock, &t, f->at, &first, &resolution))
		return;
	if (first.state != CX_SLA_NONE)
		*frt_met = first.state == CX_SLA_MET;
	if (resolution.state != CX_SLA_NONE)
		*sla_miss = resolution.state == CX_SLA_BREACHED;
}

bool cx_judge_counts(const cx_fact *f)
{
	return f->agent_id != 0 && f->complexity >= 1 && f->complexity <= 3;
}

void cx_judge_count(const cx_judge *j, const cx_fact *f, cx_score_raw *r, int sign)
{
	int64_t *t = r->ticket[f->complexity - 1];
	bool rated = f->csat >= 0;
	bool frt_met, sla_miss;
	judge(j, f, &frt_met, &sla_miss);
	t[CX_R_SOLVED] += sign;
	t[CX_R_FRT_MET] += sign * frt_met;
	t[CX_R_ONE_TOUCH] += sign * (f->replies == 1);
	t[CX_R_PROMOTER] += sign * (rated && f->csat >= 9);
	t[CX_R_DETRACTOR] += sign * (rated && f->csat <= 6);
	t[CX_R_REOPENED] += sign * (f->reopened > 0);
	t[CX_R_SLA_MISS] += sign * sla_miss;
	r->solved += sign;
	r->one_touch += sign * (f->replies == 1);
	r->reopened += sign * (f->reopened > 0);
	r->complexity_sum += sign * f->complexity;
	r->rated += sign * rated;
	r->satisfied += sign * (rated && f->csat >= 7);
}

static void count_events(const cx_fact *f, void *ctx)
{
	struct events *ev = ctx;
	if (!cx_judge_counts(f))
		return;
	int i = *cx_keymap_at(&ev->row_of, f->agent_id, NULL);
	if (i < 0)
		return; /* not an agent of the period's list */
	cx_judge_count(&ev->judge, f, &ev->rows[i], 1);
	if (!ev->streaks)
		return;
	int32_t d = cx_fact_local_day(&ev->day_cache, f->at) - ev->p->from_day;
	if (d < 0 || d >= ev->ndays)
		return;
	if (!ev->days[i])
		ev->days[i] = cx_xcalloc((size_t)ev->ndays, 1);
	ev->days[i][d] |= (unsigned char)(1 | (f->reopened > 0 ? 2 : 0));
}

/* The longest run of working days (days with solved tickets) on which none
 * of the agent's solved tickets was reopened; days off do not break it. */
static int64_t longest_streak(const unsigned char *days, int32_t n)
{
	int64_t run = 0, best = 0;
	for (int32_t d = 0; days && d < n; d++) {
		if (!(days[d] & 1))
			continue;
		run = days[d] & 2 ? 0 : run + 1;
		if (run > best)
			best = run;
	}
	return best;
}

static void events_begin(struct events *ev, const cx_period *p, bool streaks, cx_score_raw *rows, size_t n)
{
	*ev = (struct events){.p = p, .rows = rows, .streaks = streaks};
	ev->ndays = p->to_day - p->from_day + 1;
	if (ev->ndays < 0)
		ev->ndays = 0;
	ev->days = cx_xcalloc(n ? n : 1, sizeof *ev->days);
	for (size_t i = 0; i < n; i++)
		*cx_keymap_at(&ev->row_of, rows[i].agent_id, NULL) = (int)i;
}

static void events_end(struct events *ev, bool ok, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ok && ev->streaks)
			ev->rows[i].streak_days = longest_streak(ev->days[i], ev->ndays);
		free(ev->days[i]);
	}
	free(ev->days);
	cx_keymap_free(&ev->row_of);
}

static int ticket_events(cx_store *st, const cx_period *p, int64_t frt_s, int64_t sla_s, bool streaks,
			 cx_score_raw *rows, size_t n, cx_error *err)
{
	struct events ev;
	events_begin(&ev, p, streaks, rows, n);
	int rc = cx_judge_init(st, frt_s, sla_s, &ev.judge, err);
	/* judge() counts on the clock itself: the facts come unconverted. */
	cx_store_set_hours(st, false);
	if (rc == 0)
		rc = cx_facts_scan(st, CX_FACT_RESOLVED, p->start, p->end, count_events, &ev, err);
	cx_store_set_hours(st, ev.judge.business);
	events_end(&ev, rc == 0, n);
	return rc;
}

static int conversions(cx_store *st, const cx_period *p, cx_score_raw *rows, size_t n, cx_error *err)
{
	static const char sql[] = CX_SQL_CONVERSIONS;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_score_raw *r = find(rows, n, sqlite3_column_int64(s, 0));
		if (!r)
			continue;
		/* Added: the levels add a board's own month to the kept ones. */
		r->upsell += sqlite3_column_int64(s, 1);
		r->winback += sqlite3_column_int64(s, 2);
		r->revenue += sqlite3_column_int64(s, 3);
	}
	return cx_q_done(st, s, rc, err);
}

static int claims(cx_store *st, const cx_period *p, cx_score_raw *rows, size_t n, cx_error *err)
{
	static const char sql[] = CX_SQL_PAID_CLAIMS;
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		cx_score_raw *r = find(rows, n, sqlite3_column_int64(s, 0));
		if (r)
			r->claims += sqlite3_column_int64(s, 1);
	}
	return cx_q_done(st, s, rc, err);
}

static void fill_board_agent(sqlite3_stmt *s, void *row)
{
	cx_score_raw *r = row;
	r->agent_id = sqlite3_column_int64(s, 0);
	cx_q_text(s, 1, r->name, sizeof r->name);
	cx_q_text(s, 2, r->team, sizeof r->team);
}

/* Each row's first-response distribution from the per-agent KPIs of the
 * tickets created in the period (the board's FRT trophy and diversity
 * alarm).  Both lists are short (the agents of a team). */
static void take_frt(cx_score_raw *rows, size_t n, const cx_ticket_group_row *kpi, size_t nk)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < nk; k++)
			if (kpi[k].key_int == rows[i].agent_id)
				rows[i].frt = kpi[k].raw.frt;
}

static int agents_frt(cx_store *st, const cx_period *p, cx_score_raw *rows, size_t n, cx_error *err)
{
	cx_ticket_group_row *kpi;
	size_t nk;
	if (cx_facts_created_kpis(st, p, CX_GROUP_AGENT, &kpi, &nk, err) < 0)
		return -1;
	take_frt(rows, n, kpi, nk);
	free(kpi);
	return 0;
}

/* The board's agents, as cx_store_agents lists them, without the attributed
 * revenue it sums (conversions() counts what the points need; summed over
 * all time for the levels, it was most of the board's cost). */
static int board_agents(cx_store *st, const cx_period *p, cx_score_raw **out, size_t *n, cx_error *err)
{
	static const char sql[] =
		"SELECT a.id, a.name, a.team FROM agents a WHERE" CX_SQL_AGENTS_OF_PERIOD " ORDER BY a.team, a.name, a.id";
	sqlite3_stmt *s;
	if (cx_q_prepare(st, sql, &s, err) < 0)
		return -1;
	cx_q_bind_period(s, p);
	return cx_q_collect(st, s, sizeof **out, fill_board_agent, (void **)out, n, err);
}

/* Whether the period is one whole local month. */
static bool whole_month(const cx_period *p)
{
	cx_period m = cx_period_containing(CX_PERIOD_MONTH, p->from_day);
	return m.from_day == p->from_day && m.to_day == p->to_day && m.start == p->start && m.end == p->end;
}

/* A whole month's points, through the kept months: what the points need
 * (as points_only) of that month as the store knew it at its end. */
static int month_points(cx_store *st, const cx_period *p, int64_t frt_target_s, int64_t sla_s, cx_score_raw *rows,
			size_t n, cx_error *err)
{
	cx_rollup_refresh_if_idle(st); /* first: packing drops kept months */
	cx_judge j;
	bool business = cx_store_business_hours(st);
	int rc = cx_judge_init(st, frt_target_s, sla_s, &j, err);
	cx_store_set_hours(st, false); /* judging counts on the clock */
	if (rc == 0)
		rc = cx_score_months_add(st, &j, p->start, p->end, p->end, rows, n, err);
	cx_store_set_hours(st, business);
	return rc;
}

int cx_store_score_raw(cx_store *st, const cx_period *p, int64_t frt_target_s, int64_t sla_s, bool points_only,
		       cx_score_raw **out, size_t *n, cx_error *err)
{
	cx_score_raw *rows = NULL;
	size_t na = 0;
	*out = NULL;
	*n = 0;
	if (board_agents(st, p, &rows, &na, err) < 0)
		return -1;
	if (!rows) /* no agents: still an array to free */
		rows = cx_xcalloc(1, sizeof *rows);
	/* The month before a month's board: its points are a kept month's. */
	if (points_only && whole_month(p)) {
		if (month_points(st, p, frt_target_s, sla_s, rows, na, err) < 0) {
			free(rows);
			return -1;
		}
		*out = rows;
		*n = na;
		return 0;
	}
	if ((!points_only && agents_frt(st, p, rows, na, err) < 0) ||
	    ticket_events(st, p, frt_target_s, sla_s, !points_only, rows, na, err) < 0 ||
	    conversions(st, p, rows, na, err) < 0 || claims(st, p, rows, na, err) < 0) {
		free(rows);
		return -1;
	}
	*out = rows;
	*n = na;
	return 0;
}

int cx_store_overview_and_scores(cx_store *st, const cx_period *p, int64_t *daily, int ndaily, cx_ticket_overview *ov,
				 int64_t frt_target_s, int64_t sla_s, cx_score_raw **out, size_t *n, cx_error *err)
{
	cx_score_raw *rows = NULL;
	size_t na = 0;
	*out = NULL;
	*n = 0;
	memset(ov, 0, sizeof *ov);
	if (board_agents(st, p, &rows, &na, err) < 0)
		return -1;
	if (!rows)
		rows = cx_xcalloc(1, sizeof *rows);
	/* Packed first, then the clock the judge holds is kept as it is. */
	cx_rollup_refresh_if_idle(st);
	struct events ev;
	events_begin(&ev, p, true, rows, na);
	cx_ticket_group_row *kpi = NULL;
	size_t nk = 0;
	struct cx_overview_also also = {&kpi, &nk, count_events, &ev};
	bool pinned = st->clock_pinned;
	int rc = cx_judge_init(st, frt_target_s, sla_s, &ev.judge, err);
	st->clock_pinned = true;
	if (rc == 0)
		rc = cx_facts_overview(st, p, daily, ndaily, ov, &also, err);
	st->clock_pinned = pinned;
	events_end(&ev, rc == 0, na);
	if (rc == 0) {
		take_frt(rows, na, kpi, nk);
		rc = conversions(st, p, rows, na, err) < 0 || claims(st, p, rows, na, err) < 0 ? -1 : 0;
	}
	free(kpi);
	if (rc < 0) {
		free(rows);
		free(ov->channels);
		ov->channels = NULL;
		return -1;
	}
	*out = rows;
	*n = na;
	return 0;
}

int cx_store_score_life(cx_store *st, int32_t to_day, int64_t frt_target_s, int64_t sla_s, cx_score_raw **out,
			size_t *n, cx_error *err)
{
	cx_period life = cx_period_range(0, to_day);
	cx_score_raw *rows = NULL;
	size_t na = 0;
	*out = NULL;
	*n = 0;
	if (board_agents(st, &life, &rows, &na, err) < 0)
		return -1;
	if (!rows)
		rows = cx_xcalloc(1, sizeof *rows);
	/* The months before the one to_day ends in (all of them when to_day
	 * is a month's last day) are added whole; the rest is counted. */
	int y, m, d;
	cx_civil_from_days(to_day + 1, &y, &m, &d);
	int32_t first = cx_days_from_civil(y, m, 1);
	int64_t upto = cx_local_midnight(first);
	/* Hours written since are packed first: packing throws away the kept
	 * months they fall in, and builds the clock again. */
	cx_rollup_refresh_if_idle(st);
	cx_judge j;
	bool business = cx_store_business_hours(st);
	int rc = cx_judge_init(st, frt_target_s, sla_s, &j, err);
	cx_store_set_hours(st, false); /* judging counts on the clock */
	if (rc == 0)
		rc = cx_score_months_add(st, &j, INT64_MIN, upto, life.end, rows, na, err);
	cx_store_set_hours(st, business);
	cx_period tail = cx_period_range(first, to_day);
	if (rc < 0 ||
	    (first <= to_day && (ticket_events(st, &tail, frt_target_s, sla_s, false, rows, na, err) < 0 ||
				 conversions(st, &tail, rows, na, err) < 0 || claims(st, &tail, rows, na, err) < 0))) {
		free(rows);
		return -1;
	}
	*out = rows;
	*n = na;
	return 0;
}
