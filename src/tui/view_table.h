/* view_table.h — private to src/tui: the table view, one class for the
 * lists built on report tables (Agents, Campaigns, Claims, Leaderboard).
 * Each list is an instance made from a cx_table_kind: which report, which
 * of its tables first, and what the list adds (keys, a detail pane). */
#ifndef CXTOP_TUI_VIEW_TABLE_H
#define CXTOP_TUI_VIEW_TABLE_H

#include "app.h"
#include "cxtop/report.h"
#include "detail.h"

struct cx_tview;

struct cx_table_kind {
	const char *name;   /* the tab's name */
	const char *report; /* the cx_report it shows */
	int table;          /* the report's table shown first */
	/* The list's own requests, asked before the common ones. */
	enum cx_handled (*handle)(struct cx_app *app, struct cx_view *v, enum cx_req req);
	/* Fills the detail pane of table row `row` (NULL: every column). */
	void (*detail)(struct cx_tview *t, size_t row, struct cx_detail *d);
	bool agent_rows; /* its rows are agents: Enter in the pane lists their tickets */
	const struct cx_req_use *keys;
};

struct cx_tview {
	const struct cx_table_kind *kind;
	const char *report; /* the kind's, or another (campaigns' audit trail) */
	char figure[32];    /* report rows: the figure whose rows are shown */
	int64_t agent_id;   /* ... and the agent whose part, or 0 */
	int64_t campaign_id; /* ... or the campaign whose */
	char carrier[32];   /* ... or the carrier whose claims ("": every carrier's) */
	char status[12];    /* ... of this status ("": any) */
	cx_doc *doc;
	int table;
	char **human;  /* rows x cols, the strings drawn (into text) */
	size_t nhuman; /* how many: the table they were made for may change */
	char *text;    /* every string of human, one after another: a list of
			  thousands of rows is one allocation, not one a cell */
	int *width;    /* per column: its widest cell */
	struct cx_col *cols; /* the columns, declared from the report's */
	size_t *order; /* rows shown, after search and sort */
	size_t n;
	size_t cursor, top;
	int hscroll;
	int sort; /* the sorted column, -1 for the report's order */
	bool desc;
	char search[64];
	char error[256];
	int page; /* rows on screen, for PgUp PgDn */
};

cx_table *cx_tview_table(struct cx_tview *t);
/* The column with this json key, or -1. */
int cx_tview_column(const cx_table *tb, const char *key);
/* Back to the first row of table `table` of the report, unsorted. */
void cx_tview_switch(struct cx_tview *t, int table);

#endif
