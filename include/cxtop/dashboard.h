/* dashboard.h — every figure of the dashboard for one period, gathered
 * once.  `cxtop report summary` prints exactly these, and the UI's
 * dashboard draws them, so the two can never disagree. */
#ifndef CXTOP_DASHBOARD_H
#define CXTOP_DASHBOARD_H

#include "cxtop/model.h"
#include "cxtop/period.h"
#include "cxtop/sla_report.h"
#include "cxtop/store.h"

#define CX_DASH_TOP 10 /* the summary report prints the first 3 */
#define CX_DASH_MAX_DAYS 93 /* a quarter */

typedef struct cx_dash_agent {
	int64_t id;
	char name[128], team[64];
	int64_t revenue, solved;
} cx_dash_agent;

typedef struct cx_dashboard {
	cx_period period;
	char currency[8];
	cx_ticket_kpi tickets;
	int64_t backlog;
	cx_pnl_raw pnl_raw;
	cx_pnl pnl;
	cx_ticket_group_row *channels; /* per channel, by volume */
	size_t nchannels;
	int64_t daily[CX_DASH_MAX_DAYS]; /* tickets created per local day */
	int ndays;
	cx_dash_agent top[CX_DASH_TOP];
	int ntop;
	cx_dash_agent leaders[CX_DASH_TOP]; /* the period's leaderboard, by points */
	int64_t leader_points[CX_DASH_TOP];
	int nleaders;
	bool alarm;                 /* everyone's results look the same */
	char scoring_error[512];    /* a refused scoring file, or "" */
	int64_t claims_open, claims_due_7d, claims_past_deadline, claims_open_value;
	cx_watch_counts watch;
	bool sla_on;                /* the store has SLA policies */
	cx_sla_counts sla;          /* the team's, as report sla's total row */
} cx_dashboard;

/* One period's headline figures, for the trends of the wide dashboard:
 * the ticket KPIs (the team's row of the same pass over the facts, without
 * the channels), the backlog and the P&L, through the store and model
 * calls of cx_dashboard_load, without the lists (no leaderboard, claims,
 * watchlist or SLA), so that a trend's point for a period is that
 * period's dashboard figure (tests/unit/test_dashboard.c). */
typedef struct cx_dash_point {
	cx_period period;
	cx_ticket_kpi tickets;
	int64_t backlog;
	cx_pnl pnl;
} cx_dash_point;

int cx_dashboard_point(cx_store *st, const cx_period *p, int64_t liability_bp, cx_dash_point *out, cx_error *err);
/* The point of a dashboard already loaded (no query). */
void cx_dashboard_point_of(const cx_dashboard *d, cx_dash_point *out);

/* The day the figures "at the period's end" (open claims, their
 * deadlines) are read as of: the period's last day, or today while the
 * period has not ended, so a claim due in three days is not counted past
 * its deadline at the end of this month. */
int32_t cx_dashboard_as_of_day(const cx_period *p);

/* Loads the dashboard of period p at the given liability percentage. */
int cx_dashboard_load(cx_store *st, const cx_period *p, int64_t liability_bp, cx_dashboard *out, cx_error *err);
void cx_dashboard_free(cx_dashboard *d);

#endif
