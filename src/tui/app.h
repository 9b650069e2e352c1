/* app.h — private to src/tui: the application state every view shares,
 * the view interface, and the drawing helpers. */
#ifndef CXTOP_TUI_APP_H
#define CXTOP_TUI_APP_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "cxtop/period.h"
#include "cxtop/store.h"
#include "cxtop/theme.h"
#include "cxtop/tui.h"

/* Below this the screen says so instead of drawing garbage. */
#define CX_MIN_COLS 60
#define CX_MIN_ROWS 16

enum cx_view_id {
	CX_V_DASHBOARD,
	CX_V_AGENTS,
	CX_V_TICKETS,
	CX_V_CAMPAIGNS,
	CX_V_CLAIMS,
	CX_V_LEADERBOARD,
	CX_V_WHATIF,
	CX_V_CUSTOMERS,
	CX_V_COUNT
};

struct cx_key_help {
	const char *keys;
	const char *what;
};

struct cx_app;

struct cx_view {
	const char *title;
	/* Re-reads the view's data for the current period (after a period
	 * change, or when another process wrote to the store). */
	void (*load)(struct cx_app *app);
	/* Draws into rows [top, top + height) of the screen. */
	void (*draw)(struct cx_app *app, int top, int height);
	/* Handles a key; false when the key is not the view's. */
	bool (*key)(struct cx_app *app, int ch);
	/* A mouse click on screen row y (inside the view), or the wheel. */
	void (*click)(struct cx_app *app, int y, int x);
	const struct cx_key_help *help; /* NULL-terminated */
};

struct cx_app {
	cx_store *st;
	const char *db_path;
	const char *actor;
	bool read_only;
	char currency[8];
	cx_period period;
	enum cx_period_kind kind;
	int32_t newest_day; /* the newest ticket's day: where periods are anchored */
	int32_t oldest_day; /* the oldest ticket's day (0: no tickets): [ stops there */
	int view;
	bool stale[CX_V_COUNT]; /* must reload before drawing */
	int64_t data_version;
	time_t refreshed_at;
	int refresh_ms;
	char status[256];
	bool status_error;
	cx_theme theme;
	bool color;
	int rows, cols;
	bool help;
	bool quit;
	/* An input prompt on the status line (search); NULL when none. */
	const char *prompt;
	char input[64];
	void (*on_input)(struct cx_app *app, bool done);
};

extern const struct cx_view cx_view_dashboard, cx_view_agents, cx_view_tickets, cx_view_campaigns,
	cx_view_claims, cx_view_leaderboard, cx_view_whatif, cx_view_customers;

/* ---- app.c --------------------------------------------------------------- */
void cx_app_status(struct cx_app *app, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void cx_app_switch(struct cx_app *app, int view);
/* Starts a one-line prompt; on_input is called on every change (done=false)
 * and on Enter or Escape (done=true; input "" after Escape). */
void cx_app_prompt(struct cx_app *app, const char *prompt, void (*on_input)(struct cx_app *, bool done));
/* Marks every view for reloading. */
void cx_app_invalidate(struct cx_app *app);
/* For edit keys: false (and "read-only" on the status line) when the store
 * cannot be written. */
bool cx_app_writable(struct cx_app *app);
/* After an edit: re-read everything, and remember the store's new state
 * so that the live refresh does not count our own write as another's. */
void cx_app_edited(struct cx_app *app);

/* ---- the campaign form (campaign_form.c) ----------------------------------- */
void cx_form_open(struct cx_app *app, int64_t id); /* id 0: a new campaign */
bool cx_form_active(void);
void cx_form_draw(struct cx_app *app);
bool cx_form_key(struct cx_app *app, int ch);

/* ---- drill-downs between views -------------------------------------------- */
void cx_tickets_show(struct cx_app *app, int64_t agent_id, const char *agent, const char *channel, int state);
void cx_tickets_for_customer(struct cx_app *app, int64_t customer_id, const char *name);
void cx_customers_show(struct cx_app *app, int which);
void cx_claims_show_open(struct cx_app *app);

/* ---- draw.c ---------------------------------------------------------------- */
void cx_colors_init(struct cx_app *app);
void cx_ui_style(struct cx_app *app, enum cx_element el);
/* Writes s at (y, x) in exactly `width` columns: clipped with "…" or padded;
 * right-aligned when right.  Returns the columns used (== width). */
int cx_ui_text(int y, int x, int width, const char *s, bool right);
void cx_ui_fill(int y, int x, int width);
/* A panel frame with a title; the inside is (y+1, x+1, h-2, w-2). */
void cx_ui_box(struct cx_app *app, int y, int x, int h, int w, const char *title);
/* A horizontal bar of `value` out of `max` in `width` cells (eighths). */
void cx_ui_bar(int y, int x, int width, int64_t value, int64_t max);
/* A sparkline of n values squeezed or stretched into width cells. */
void cx_ui_sparkline(int y, int x, int width, const int64_t *v, int n);
/* A centred overlay box; returns its inner geometry. */
void cx_ui_overlay(struct cx_app *app, int h, int w, const char *title, int *iy, int *ix, int *ih, int *iw);

#endif
