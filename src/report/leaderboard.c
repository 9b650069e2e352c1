/* leaderboard.c — gathering the gamification board of a period (see
 * leaderboard.h), and the words the report and the UI use for it. */
#include "cxtop/leaderboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/report.h"

static void rules(cx_leaderboard *lb)
{
	cx_error err = {0};
	cx_scoring_default(&lb->rules);
	if (!cx_scoring_find(lb->rules_path, sizeof lb->rules_path)) {
		lb->rules_path[0] = '\0';
		return;
	}
	/* A broken file is reported and the defaults apply: the board still
	 * shows, with the reason beside it. */
	if (cx_scoring_load(lb->rules_path, &lb->rules, &err) < 0) {
		snprintf(lb->rules_error, sizeof lb->rules_error, "%s", err.msg);
		cx_scoring_default(&lb->rules);
	}
}

int cx_leaderboard_load(cx_store *st, const cx_period *p, cx_leaderboard *lb, cx_error *err)
{
	memset(lb, 0, sizeof *lb);
	rules(lb);
	int64_t frt = lb->rules.frt_target_s, sla = lb->rules.sla_s;
	cx_period prev = cx_period_step(*p, -1);
	/* Last period and all time are only needed for their points. */
	if (cx_store_score_raw(st, p, frt, sla, false, &lb->raw, &lb->n, err) < 0 ||
	    cx_store_score_raw(st, &prev, frt, sla, true, &lb->prev, &lb->nprev, err) < 0 ||
	    /* Levels count every point ever earned, up to the period's end. */
	    cx_store_score_life(st, p->to_day, frt, sla, &lb->life, &lb->nlife, err) < 0) {
		cx_leaderboard_free(lb);
		return -1;
	}
	cx_board_compute(&lb->rules, lb->raw, lb->n, lb->prev, lb->nprev, lb->life, lb->nlife, &lb->board);
	return 0;
}

int cx_leaderboard_keep_months(cx_store *st, cx_error *err)
{
	cx_leaderboard lb;
	memset(&lb, 0, sizeof lb);
	rules(&lb);
	cx_period p;
	cx_score_raw *life;
	size_t n;
	if (cx_report_default_period(st, CX_PERIOD_MONTH, &p, err) < 0 ||
	    cx_store_score_life(st, p.to_day, lb.rules.frt_target_s, lb.rules.sla_s, &life, &n, err) < 0)
		return -1;
	free(life);
	return 0;
}

void cx_leaderboard_free(cx_leaderboard *lb)
{
	cx_board_free(&lb->board);
	free(lb->raw);
	free(lb->prev);
	free(lb->life);
	lb->raw = lb->prev = lb->life = NULL;
	lb->n = lb->nprev = lb->nlife = 0;
}

void cx_leaderboard_movement(const cx_score *s, char *buf, size_t len)
{
	if (!s->prev_rank)
		snprintf(buf, len, "new");
	else if (s->prev_rank > s->rank)
		snprintf(buf, len, "▲%d", s->prev_rank - s->rank);
	else if (s->prev_rank < s->rank)
		snprintf(buf, len, "▼%d", s->rank - s->prev_rank);
	else
		snprintf(buf, len, "=");
}

void cx_leaderboard_badges(const cx_scoring *rules, const cx_score *s, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < rules->nbadges && i < 32; i++)
		if (s->badges & (1u << i)) {
			int w = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", rules->badges[i].name);
			if (w < 0 || (size_t)w >= len - used)
				return;
			used += (size_t)w;
		}
}

void cx_leaderboard_flags(const cx_score *s, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s", s->flags & CX_FLAG_EASY ? "easy tickets" : "",
		 (s->flags & CX_FLAG_EASY) && (s->flags & (CX_FLAG_REOPEN | CX_FLAG_UNRATED)) ? ", " : "",
		 s->flags & CX_FLAG_REOPEN ? "reopens" : "",
		 (s->flags & CX_FLAG_REOPEN) && (s->flags & CX_FLAG_UNRATED) ? ", " : "",
		 s->flags & CX_FLAG_UNRATED ? "unrated" : "");
}

void cx_leaderboard_flag_reasons(const cx_board *b, const cx_scoring *rules, const cx_score *s, char *buf, size_t len)
{
	const cx_score_raw *r = s->raw;
	char a[16], t[16];
	size_t used = 0;
	buf[0] = '\0';
	if (s->flags & CX_FLAG_EASY) {
		/* Mean complexity, two decimals. */
		cx_fmt_bp(a, sizeof a, r->solved ? r->complexity_sum * 100 / r->solved : 0);
		cx_fmt_bp(t, sizeof t, b->team_solved ? b->team_complexity_sum * 100 / b->team_solved : 0);
		used += (size_t)snprintf(buf + used, len - used,
					 "Easy tickets: mean complexity %s against the team's %s (flagged below %lld %%). ",
					 a, t, (long long)rules->flag_easy_pct);
	}
	if ((s->flags & CX_FLAG_REOPEN) && used < len) {
		cx_fmt_bp(a, sizeof a, r->solved ? cx_ratio_bp(r->reopened, r->solved) : 0);
		cx_fmt_bp(t, sizeof t, b->team_solved ? cx_ratio_bp(b->team_reopened, b->team_solved) : 0);
		used += (size_t)snprintf(buf + used, len - used, "Reopens: %s %% of solved tickets against the team's %s %%. ",
					 a, t);
	}
	if ((s->flags & CX_FLAG_UNRATED) && used < len) {
		cx_fmt_bp(a, sizeof a, r->solved ? cx_ratio_bp(r->solved - r->rated, r->solved) : 0);
		cx_fmt_bp(t, sizeof t, b->team_solved ? cx_ratio_bp(b->team_solved - b->team_rated, b->team_solved) : 0);
		snprintf(buf + used, len - used, "Unrated: %s %% of solved tickets carry no rating against the team's %s %%.",
			 a, t);
	}
}
