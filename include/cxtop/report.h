/* report.h — `cxtop report NAME`: each report gathers its figures through
 * the store's typed queries, computes them with the model, and lays them
 * out as a cx_doc for any format (see table.h). */
#ifndef CXTOP_REPORT_H
#define CXTOP_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "cxtop/error.h"
#include "cxtop/period.h"
#include "cxtop/store.h"
#include "cxtop/table.h"

typedef struct cx_report_opts {
	cx_period period;            /* the period reported on */
	bool split;                  /* pnl: one row per sub-period of split_kind */
	enum cx_period_kind split_kind;
	bool liability_set;          /* --liability: replaces the stored percentage */
	int64_t liability_bp;
	bool shipments_set, avg_check_set, buyout_set;
	int64_t shipments;           /* notify: --shipments */
	int64_t avg_check;           /* notify: --avg-check, minor units */
	int64_t buyout_bp;           /* notify: --buyout, a what-if row */
	int64_t cost_per_order;      /* notify: --cost-per-order for that row */
	bool business_hours;         /* --hours business (the store was set so) */
	const char *figure;          /* rows: --figure, the figure whose rows are listed */
	int64_t agent_id;            /* rows: --agent, one agent's part of the figure (0: all) */
	int64_t campaign_id;         /* rows: --campaign, one campaign's contacts (0: all) */
	const char *carrier;         /* rows: --carrier, the claims of one carrier (NULL: all) */
	const char *status;          /* rows: --status, the claims of one status at the end (NULL: all) */
} cx_report_opts;

typedef struct cx_report_def {
	const char *name;
	const char *summary;
	cx_doc *(*build)(cx_store *st, const cx_report_opts *opt, cx_error *err);
} cx_report_def;

/* Sets st to count durations in working hours; fails ("store 'x' has no
 * schedules: load one with cxtop schedule load FILE") when it has none. */
int cx_report_use_business_hours(cx_store *st, cx_error *err);
/* --compare: the period a report is set beside. */
enum cx_compare { CX_COMPARE_NONE, CX_COMPARE_PREVIOUS, CX_COMPARE_YEAR };

/* "previous" or "year"; false when neither. */
bool cx_compare_parse(const char *s, enum cx_compare *out);
/* The period before p of the same length (the month before a month, the
 * days just before a range), or the same days a year earlier. */
cx_period cx_compare_period(cx_period p, enum cx_compare how);
/* Adds to doc a "compare" table: each numeric figure of doc (its facts,
 * then its main table's totals) beside the same figure of prev, with the
 * change and an arrow.  Figures that are absent in either are shown with
 * no change. */
void cx_report_compare(cx_doc *doc, const cx_doc *prev, cx_period prev_period);

/* The figures `report rows` lists, by their json key in report summary or
 * pnl: i from 0 until NULL. */
const char *cx_report_figure_name(size_t i);
/* What the rows of figure `name` are ("Upsell orders"); NULL when there is
 * no such figure. */
const char *cx_report_figure_title(const char *name);
/* Whether figure `name` can be listed for one agent (--agent): the
 * Agents view's tickets, solved and revenue. */
bool cx_report_figure_per_agent(const char *name);

/* All reports, in the order `cxtop report --list` shows them. */
const cx_report_def *cx_report_all(size_t *n);
const cx_report_def *cx_report_find(const char *name);

/* The default period: the one of `kind` holding the newest ticket, or the
 * current one when the store has no tickets. */
int cx_report_default_period(cx_store *st, enum cx_period_kind kind, cx_period *out, cx_error *err);

#endif
