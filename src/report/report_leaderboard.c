/* report_leaderboard.c — the leaderboard and the monthly trophies. */
#include <stdio.h>
#include <string.h>

#include "cxtop/leaderboard.h"
#include "report_internal.h"

/* The json row keys are the contract of cxtop(1): rank, agent_id, agent,
 * team, points, level, badges, flags.  The rest is for people. */
static const cx_column lead_cols[] = {
	{"rank", "Rank", CX_CELL_INT, 0},
	{"move", "Move", CX_CELL_TEXT, CX_COL_NOJSON},
	{"agent_id", "ID", CX_CELL_ID, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
	{"team", "Team", CX_CELL_TEXT, 0},
	{"level", "Level", CX_CELL_TEXT, 0},
	{"points", "Points", CX_CELL_INT, 0},
	{"bar", "", CX_CELL_TEXT, CX_COL_NOJSON | CX_COL_SORT_AS_PREVIOUS},
	{"badges", "Badges", CX_CELL_TEXT, 0},
	{"flags", "Flags", CX_CELL_TEXT, 0},
};
#define LEAD_COLS (sizeof lead_cols / sizeof lead_cols[0])

static void warn_rules(cx_doc *doc, const cx_leaderboard *lb)
{
	/* The note only: the command line prints it on stderr, the UI on its
	 * status line (a report builder must not write to a curses screen). */
	if (lb->rules_error[0]) {
		cx_doc_warn(doc, "Scoring file refused (%s); the built-in rules apply.", lb->rules_error);
	} else {
		cx_doc_note(doc, "Scoring rules: %s.", lb->rules_path[0] ? lb->rules_path : "built in");
	}
}

static void alarm_note(cx_doc *doc, const cx_leaderboard *lb)
{
	const cx_board *b = &lb->board;
	char s[16], c[16], f[16], t[16];
	/* Coefficients of variation in basis points print as percentages. */
	cx_fmt_bp(s, sizeof s, b->cv_bp[0]);
	cx_fmt_bp(c, sizeof c, b->cv_bp[1]);
	cx_fmt_bp(f, sizeof f, b->cv_bp[2]);
	cx_fmt_bp(t, sizeof t, lb->rules.alarm_cv_bp);
	if (b->alarm)
		cx_doc_note(doc, "ALARM: everyone's results look the same (variation of solved %s %%, CSAT %s %%, FRT %s %%, "
				 "all under %s %%): time for the agents to try new tactics.",
			    s, c, f, t);
	else if (b->cv_agents >= 3)
		cx_doc_note(doc, "Spread across %d agents: solved %s %%, CSAT %s %%, FRT median %s %% "
				 "(the alarm sounds when all are under %s %%).",
			    b->cv_agents, s, c, f, t);
}

cx_doc *cx_report_leaderboard(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	cx_leaderboard lb;
	if (cx_leaderboard_load(st, &opt->period, &lb, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "leaderboard", "Leaderboard");
	cx_doc_fact(doc, "alarm", "Everyone looks the same", cx_bool(lb.board.alarm));
	cx_table *t = cx_doc_table(doc, "rows", NULL, lead_cols, LEAD_COLS);
	int64_t top = lb.board.n ? lb.board.scores[0].points : 0;
	for (size_t i = 0; i < lb.board.n; i++) {
		const cx_score *s = &lb.board.scores[i];
		char move[16], badges[256], flags[64], bar[64] = "";
		cx_leaderboard_movement(s, move, sizeof move);
		cx_leaderboard_badges(&lb.rules, s, badges, sizeof badges);
		cx_leaderboard_flags(s, flags, sizeof flags);
		/* A ten-cell bar of points against the leader's. */
		int cells = top > 0 && s->points > 0 ? (int)(s->points * 10 / top) : 0;
		for (int k = 0; k < cells; k++)
			strcat(bar, "█");
		cx_cell *c = cx_table_row(t);
		c[0] = cx_int(s->rank);
		c[1] = cx_text(move);
		c[2] = cx_id(s->raw->agent_id);
		c[3] = cx_text(s->raw->name);
		c[4] = cx_text(s->raw->team);
		c[5] = cx_text(lb.rules.nlevels ? lb.rules.levels[s->level].name : "");
		c[6] = cx_int(s->points);
		c[7] = cx_text(bar);
		c[8] = cx_text(badges);
		c[9] = cx_text(flags);
	}

	/* How each agent's points were earned, rule by rule. */
	cx_column how[1 + CX_R_COUNT + 1];
	how[0] = (cx_column){"agent", "Agent", CX_CELL_TEXT, 0};
	for (int r = 0; r < CX_R_COUNT; r++)
		how[1 + r] = (cx_column){cx_rule_key((enum cx_rule)r), cx_rule_title((enum cx_rule)r), CX_CELL_INT, 0};
	how[1 + CX_R_COUNT] = (cx_column){"points", "Points", CX_CELL_INT, 0};
	cx_table *h = cx_doc_table(doc, "points_by_rule", "Points by rule", how, 2 + CX_R_COUNT);
	for (size_t i = 0; i < lb.board.n; i++) {
		const cx_score *s = &lb.board.scores[i];
		cx_cell *c = cx_table_row(h);
		c[0] = cx_text(s->raw->name);
		for (int r = 0; r < CX_R_COUNT; r++)
			c[1 + r] = cx_int(s->rule_points[r]);
		c[1 + CX_R_COUNT] = cx_int(s->points);
	}
	for (size_t i = 0; i < lb.board.n; i++) {
		const cx_score *s = &lb.board.scores[i];
		if (s->flags) {
			char why[512];
			cx_leaderboard_flag_reasons(&lb.board, &lb.rules, s, why, sizeof why);
			cx_doc_note(doc, "%s: %s", s->raw->name, why);
		}
	}
	alarm_note(doc, &lb);
	warn_rules(doc, &lb);
	cx_leaderboard_free(&lb);
	return doc;
}

cx_doc *cx_report_trophies(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"trophy", "Trophy", CX_CELL_TEXT, 0},
		{"agent_id", "ID", CX_CELL_ID, 0},
		{"agent", "Winner", CX_CELL_TEXT, 0},
		{"value", "With", CX_CELL_TEXT, 0},
		{"reward", "Suggested reward", CX_CELL_TEXT, 0},
	};
	cx_leaderboard lb;
	if (cx_leaderboard_load(st, &opt->period, &lb, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "trophies", "Trophies");
	cx_doc_fact(doc, "alarm", "Everyone looks the same", cx_bool(lb.board.alarm));
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	for (int k = 0; k < CX_T_COUNT; k++) {
		cx_cell *c = cx_table_row(t);
		c[0] = cx_text(cx_trophy_title((enum cx_trophy)k));
		c[4] = lb.rules.rewards[k][0] ? cx_text(lb.rules.rewards[k]) : cx_null();
		int w = lb.board.trophy[k];
		if (w < 0) {
			c[3] = cx_text("nobody qualifies");
			continue;
		}
		const cx_score *s = &lb.board.scores[w];
		char v[64], tmp[32];
		int64_t x = lb.board.trophy_value[k];
		switch (k) {
		case CX_T_CSAT:
			cx_fmt_bp(tmp, sizeof tmp, x);
			snprintf(v, sizeof v, "%s %% of %lld ratings", tmp, (long long)s->raw->rated);
			break;
		case CX_T_FRT:
			cx_fmt_duration_x2(tmp, sizeof tmp, x);
			snprintf(v, sizeof v, "median %s", tmp);
			break;
		case CX_T_REVENUE:
			cx_fmt_money(v, sizeof v, x, doc->currency);
			break;
		case CX_T_SAVER:
			snprintf(v, sizeof v, "%lld win-backs", (long long)x);
			break;
		default:
			cx_fmt_int(tmp, sizeof tmp, x);
			snprintf(v, sizeof v, "%s points", tmp);
			break;
		}
		c[1] = cx_id(s->raw->agent_id);
		c[2] = cx_text(s->raw->name);
		c[3] = cx_text(v);
	}
	char ratings[64];
	snprintf(ratings, sizeof ratings, "%lld", (long long)lb.rules.trophy_min_ratings);
	cx_doc_note(doc, "Best CSAT needs at least %s ratings; fastest first response at least %lld tickets.", ratings,
		    (long long)lb.rules.trophy_min_tickets);
	alarm_note(doc, &lb);
	warn_rules(doc, &lb);
	cx_leaderboard_free(&lb);
	return doc;
}
