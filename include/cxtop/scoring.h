/* scoring.h — gamification rules as plain data (read from YAML by
 * src/config/scoring.c) and the scores computed from them (src/model).
 *
 * Points per event, weighted by ticket complexity so that cherry-picking
 * easy tickets does not pay; levels from lifetime points; monthly trophies;
 * badges; anti-gaming flags; and the alarm that everyone's results look the
 * same.  Percentages and ratios are integers (percent or basis points).
 */
#ifndef CXTOP_SCORING_H
#define CXTOP_SCORING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/error.h"
#include "cxtop/model.h"

/* Events that earn (or cost) points.  The ticket events (up to SLA_MISS)
 * are multiplied by the ticket's complexity weight. */
enum cx_rule {
	CX_R_SOLVED,       /* a ticket solved */
	CX_R_FRT_MET,      /* ... first answered within the FRT target */
	CX_R_ONE_TOUCH,    /* ... solved with a single reply */
	CX_R_PROMOTER,     /* ... rated 9-10 */
	CX_R_DETRACTOR,    /* ... rated 0-6 (negative points) */
	CX_R_REOPENED,     /* ... reopened (negative) */
	CX_R_SLA_MISS,     /* ... resolved later than the SLA (negative) */
	CX_R_TICKET_RULES, /* (marker: the rules above are per ticket) */
	CX_R_UPSELL = CX_R_TICKET_RULES, /* an upsell conversion */
	CX_R_WINBACK,      /* a win-back */
	CX_R_REVENUE_100,  /* per 100 currency units of attributed revenue */
	CX_R_CLAIM,        /* a carrier claim recovered (paid) */
	CX_R_COUNT
};

/* The YAML key of a rule ("solved", "frt_met", ...): also the json key of
 * its column in the leaderboard report. */
const char *cx_rule_key(enum cx_rule r);
/* A rule in a manager's words, short enough for a column's title
 * ("Solved", "Reply in time", ...). */
const char *cx_rule_title(enum cx_rule r);

enum cx_trophy {
	CX_T_POINTS,  /* most points */
	CX_T_CSAT,    /* best CSAT, with at least min_ratings ratings */
	CX_T_FRT,     /* fastest FRT median, with at least min_tickets tickets */
	CX_T_REVENUE, /* most revenue attributed */
	CX_T_SAVER,   /* most win-backs */
	CX_T_COUNT
};

const char *cx_trophy_key(enum cx_trophy t);   /* "most_points", ... */
const char *cx_trophy_title(enum cx_trophy t); /* "Most points", ... */

/* Badge metrics, measured per agent per period. */
enum cx_metric {
	CX_M_SOLVED,
	CX_M_UPSELL,           /* upsell conversions */
	CX_M_WINBACK,          /* win-backs */
	CX_M_FRT_MEDIAN_MIN,   /* FRT median in minutes */
	CX_M_CSAT_PCT,         /* CSAT percent */
	CX_M_ONE_TOUCH_PCT,
	CX_M_NO_REOPEN_STREAK, /* longest run of working days without a reopened ticket */
	CX_M_REVENUE,          /* attributed revenue in major units */
	CX_M_COUNT
};

const char *cx_metric_key(enum cx_metric m); /* "solved", "upsell_conversions", ... */

#define CX_MAX_LEVELS 12
#define CX_MAX_BADGES 24
#define CX_NAME_LEN 40

typedef struct cx_level {
	char name[CX_NAME_LEN];
	int64_t points; /* lifetime points needed */
} cx_level;

typedef struct cx_badge_rule {
	char name[CX_NAME_LEN];
	enum cx_metric metric;
	bool has_min, has_max;
	int64_t min, max;     /* inclusive bounds on the metric */
	int64_t min_tickets;  /* solved tickets needed to qualify (0: none) */
} cx_badge_rule;

typedef struct cx_scoring {
	int64_t points[CX_R_COUNT];
	int complexity_pct[3];       /* weight of complexity 1, 2, 3 in percent (100, 150, 200) */
	int64_t frt_target_s;        /* FRT target for CX_R_FRT_MET */
	int64_t sla_s;               /* resolution SLA for CX_R_SLA_MISS */
	cx_level levels[CX_MAX_LEVELS];
	int nlevels;                 /* ascending points; the first is 0 */
	int64_t trophy_min_ratings;  /* CSAT trophy qualification */
	int64_t trophy_min_tickets;  /* FRT trophy qualification */
	char rewards[CX_T_COUNT][64]; /* suggested reward per trophy, "" for none */
	cx_badge_rule badges[CX_MAX_BADGES];
	int nbadges;
	int64_t flag_min_solved;     /* flags need at least this many solved tickets */
	int64_t flag_easy_pct;       /* mean complexity below this % of the team's */
	int64_t flag_reopen_pct;     /* reopen rate above this % of the team's */
	int64_t flag_unrated_pct;    /* unrated share above this % of the team's */
	int64_t alarm_cv_bp;         /* alarm when every main KPI's coefficient of
					variation is below this (basis points: 1000 = 0.10) */
} cx_scoring;

/* The built-in rules (also shipped as src/config/scoring.yaml). */
void cx_scoring_default(cx_scoring *out);

/* Reads a rules file.  Keys not given keep their default.  On error fills
 * err with "path:line:column: message", leaves *out as the defaults, and
 * returns -1. */
int cx_scoring_load(const char *path, cx_scoring *out, cx_error *err);
/* The same from len bytes of text; path only names it in messages. */
int cx_scoring_load_mem(const char *path, const char *text, size_t len, cx_scoring *out, cx_error *err);

/* $XDG_CONFIG_HOME/cxtop/scoring.yaml (or ~/.config/...) when it exists,
 * else the shipped default (the data directory's, else ./src/config's).
 * False when none exists: the built-in rules apply. */
bool cx_scoring_find(char *buf, size_t len);

/* ---- scores (src/model/scoring.c) ------------------------------------------ */

/* What the store measures per agent over a period. */
typedef struct cx_score_raw {
	int64_t agent_id;
	char name[128], team[64];
	int64_t ticket[3][CX_R_TICKET_RULES]; /* per complexity 1-3: count of each ticket event */
	int64_t upsell, winback, revenue, claims; /* revenue in minor units */
	int64_t solved, rated, satisfied, one_touch, reopened, complexity_sum;
	cx_dist frt;         /* over tickets created in the period */
	int64_t streak_days; /* longest run of working days without a reopened ticket */
} cx_score_raw;

enum { CX_FLAG_EASY = 1, CX_FLAG_REOPEN = 2, CX_FLAG_UNRATED = 4 };

typedef struct cx_score {
	const cx_score_raw *raw;
	int64_t rule_points[CX_R_COUNT]; /* how the points were earned, rule by rule */
	int64_t points;
	int rank;        /* 1-based; equal points share a rank, the next is skipped */
	int prev_rank;   /* last period's rank, 0 when the agent had no score then */
	int64_t lifetime;
	int level;       /* index into the rules' levels */
	uint32_t badges; /* bit i: rules->badges[i] earned */
	unsigned flags;  /* CX_FLAG_* */
	int64_t metric[CX_M_COUNT];
	bool metric_ok[CX_M_COUNT];
} cx_score;

typedef struct cx_board {
	cx_score *scores; /* by rank, then name */
	size_t n;
	int trophy[CX_T_COUNT]; /* index into scores, -1 when nobody qualifies */
	int64_t trophy_value[CX_T_COUNT];
	/* team references for the flags */
	int64_t team_solved, team_complexity_sum, team_reopened, team_rated;
	/* the diversity alarm: coefficients of variation (bp) of solved tickets,
	 * CSAT and FRT median across the agents with enough volume */
	int64_t cv_bp[3];
	int cv_agents;
	bool alarm;
} cx_board;

/* Points of one agent, and the breakdown by rule. */
int64_t cx_score_points(const cx_scoring *rules, const cx_score_raw *raw, int64_t rule_points[CX_R_COUNT]);

/* The leaderboard of a period.  prev (last period) and life (all time) may
 * be NULL/0; agents are matched by id.  The board points into raw. */
void cx_board_compute(const cx_scoring *rules, const cx_score_raw *raw, size_t n, const cx_score_raw *prev,
		      size_t nprev, const cx_score_raw *life, size_t nlife, cx_board *out);
void cx_board_free(cx_board *b);

#endif
