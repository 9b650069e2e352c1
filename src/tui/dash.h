/* dash.h — private to the dashboard (view_dashboard.c, dash_wide.c): its
 * state, the figures it can open, and the line helpers both files draw
 * with.
 *
 * view_dashboard.c draws the four panels every size has (P&L, tickets,
 * channels, people) and answers keys; dash_wide.c adds, at 150 columns
 * and more, the trends of the headline figures over the last periods and
 * the top rows of the lists (agents, campaigns, the watchlist, claims past
 * deadline, the SLA by channel).  Those are filled in after the first
 * frame (dash_wide_idle), a period or a list at a time, so that a big store's
 * first frame costs what it costs at 80 columns. */
#ifndef CXTOP_TUI_DASH_H
#define CXTOP_TUI_DASH_H

#include "app.h"
#include "cxtop/dashboard.h"

/* Where a figure leads: the rows it is made of. */
enum drill {
	D_ROWS,    /* report rows: arg indexes figures[] */
	D_TICKETS, /* the tickets view: arg is the cx_ticket_state the figure counts */
	D_CHANNEL, /* the tickets created in channel `arg` */
	D_AGENT,   /* the tickets of top agent `arg` */
	D_WHATIF,
	D_SLA,
	D_LIST,    /* row arg of the wide lists (dash_wide.c) */
};

/* The figures whose rows `cxtop report rows` lists (its --figure names). */
enum figure { F_ATTRIBUTED, F_UPSELL, F_WINBACK, F_CODES, F_CLAIMS_RECOVERED, F_COGS, F_CAMPAIGN_COSTS, F_FIXED,
	      F_LIABILITY, F_CLAIMS_OPEN, F_CLAIMS_PAST, F_WATCHLIST };

/* How a figure compares with the period before: which way is good for
 * the business (+1 up, -1 down, 0 neither), and how to print it. */
enum cmp_kind { CMP_MONEY, CMP_COUNT, CMP_BP, CMP_DURATION, CMP_POINTS };
struct cmp {
	bool on;
	bool quiet; /* on the status line, but no arrow: the line has no room */
	int64_t now, before;
	int good;
	enum cmp_kind kind;
};

struct item {
	int y, x, w;
	enum drill what;
	int arg;
	char label[48];
	struct cmp cmp;
	int trend; /* 1 + the trend row it is (its status line), else 0 */
};

/* ---- the wide dashboard's deferred figures ---- */
#define DASH_TREND_N 12 /* periods a trend shows, the current one last */
#define DASH_LIST_ROWS 24
#define DASH_LIST_COLS 4
#define DASH_CACHE 48 /* trend points kept across period steps */
#define DASH_LISTS 5  /* agents, campaigns, watchlist, claims, SLA (dash_wide.c) */

struct dash_list {
	bool loaded;
	char error[160];
	int n;
	char cell[DASH_LIST_ROWS][DASH_LIST_COLS][64];
	char head[DASH_LIST_COLS][32];
	int64_t id[DASH_LIST_ROWS]; /* the row's agent, campaign or customer */
};

struct dash_wide {
	/* trend points of the last DASH_TREND_N periods, oldest first */
	cx_dash_point pt[DASH_TREND_N];
	bool have[DASH_TREND_N], none[DASH_TREND_N]; /* none: before the data */
	/* points already computed, good while app->data_gen stays */
	cx_dash_point cache[DASH_CACHE];
	int ncache, next_cache;
	unsigned cache_gen;
	bool cache_hours;
	struct dash_list list[DASH_LISTS];
	char error[200];
};

struct dashboard {
	cx_dashboard dash;
	bool loaded;
	cx_dashboard prev; /* the period before, of the same length */
	bool prev_loaded;
	/* The period before is read after the first frame (idle), so that
	 * the screen shows the period's figures at the cost of one period. */
	bool prev_wanted;
	bool resay;         /* a figure was picked before the period before was read:
			       its change goes on the status line once it is */
	char prev_label[64];
	struct cmp pending; /* the next line's comparison (dash_vs()) */
	int pending_trend;  /* the next line is trend row pending_trend - 1 */
	char error[256];
	struct item items[96]; /* the selectable figures, as last drawn */
	int nitems, selected;
	struct dash_wide wide;
};

/* The next dash_line() compares its figure with the period before. */
void dash_vs(struct dashboard *d, int64_t now, int64_t before, int good, enum cmp_kind kind);
/* "label ........ value" in width w, the value styled; selectable when
 * `what` is not -1.  A wide line adds the arrow of dash_vs() after it. */
void dash_line(struct cx_app *app, struct dashboard *d, int y, int x, int w, const char *label, const char *value,
	       enum cx_element el, int what, int arg);
/* label, or as much of it as fits in w columns in whole words (into buf). */
const char *dash_fit_words(const char *label, int w, char *buf, size_t len);
/* A panel's frame, its title in whole words. */
void dash_box(struct cx_app *app, int y, int x, int h, int w, const char *title);
/* Registers a selectable figure drawn at (y, x), w wide. */
void dash_item(struct dashboard *d, int y, int x, int w, enum drill what, int arg, const char *label);
/* A value as people read it, of kind k; signed when a change. */
void dash_value_text(const struct dashboard *d, enum cmp_kind k, int64_t v, bool change, char *buf, size_t len);

/* ---- dash_wide.c ---- */
/* At this many columns the dashboard has three columns of panels. */
#define DASH_WIDE_COLS 150
void dash_wide_reset(struct cx_app *app, struct dashboard *d);
/* Draws the wide layout in rows [top, top + height). */
void dash_wide_draw(struct cx_app *app, struct dashboard *d, int top, int height);
enum cx_idle dash_wide_idle(struct cx_app *app, struct dashboard *d);
/* The status line of trend row i, selected. */
void dash_wide_say(struct cx_app *app, const struct dashboard *d, int trend);
/* Opens row arg of the lists. */
void dash_wide_drill(struct cx_app *app, struct dashboard *d, int arg);

/* ---- view_dashboard.c: the panels every size has ---- */
void dash_pnl_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w);
void dash_tickets_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w);
void dash_channels_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w);
void dash_people_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w);

#endif
