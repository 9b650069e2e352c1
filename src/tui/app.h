/* app.h — private to src/tui: the application state every view shares,
 * the view interface, the navigation stack and the drawing helpers.
 *
 * A view is an instance: its class (struct cx_view_ops, one per kind of
 * screen) and its private state, which the app allocates (state_size
 * bytes, zeroed) when it makes the instance and frees when it drops it.
 * The eight tabs are eight root instances that live as long as the
 * program; a drill-down pushes a new instance on the stack above the
 * current root, and overlays (help, detail panes, the campaign form) are
 * instances pushed the same way, drawn over what is beneath them.
 *
 * To add a view: write a `const struct cx_view_ops` (its state struct,
 * init/load/draw/handle, the requests it answers for `?`), and either add
 * it to CX_ROOT_LIST below (a new tab) or push it from a drill-down with
 * cx_nav_push(app, &its_ops, &its_arg). */
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
#include "keys.h"

/* Below this the screen says so instead of drawing garbage. */
#define CX_MIN_COLS 60
#define CX_MIN_ROWS 16
/* Drill-downs and overlays above a root; deeper pushes are refused. */
#define CX_STACK_MAX 16

struct cx_app;
struct cx_view;

/* What a view's handler did with a request. */
enum cx_handled {
	CX_UNHANDLED, /* not the view's: the loop applies its own meaning */
	CX_HANDLED,
	CX_CLOSE, /* done: pop this instance off the stack */
};

/* What a view's idle step did. */
enum cx_idle {
	CX_IDLE_NONE, /* nothing to do */
	CX_IDLE_MORE, /* did a step; more remains */
	CX_IDLE_DONE, /* did the last step */
};

struct cx_view_ops {
	const char *kind; /* "Tickets": for the help's title */
	size_t state_size;
	bool overlay;    /* drawn over the instance beneath it */
	bool text_input; /* printable keys are typed into it (forms) */
	/* Sets up a new instance from a drill-down's argument (NULL for a
	 * root); may set v->title and v->keys. */
	void (*init)(struct cx_app *app, struct cx_view *v, const void *arg);
	/* Frees what the state points to (not the state itself). */
	void (*fini)(struct cx_view *v);
	/* Re-reads the data for the current period (after a period change, or
	 * when another process wrote to the store). */
	void (*load)(struct cx_app *app, struct cx_view *v);
	/* Draws into rows [top, top + height) of the screen. */
	void (*draw)(struct cx_app *app, struct cx_view *v, int top, int height);
	/* Answers a request; ch is the key that made it (typed text). */
	enum cx_handled (*handle)(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch);
	/* A click on row y of the view's area (0 is its first row). */
	enum cx_handled (*click)(struct cx_app *app, struct cx_view *v, int y, int x);
	const struct cx_req_use *keys; /* what it answers, ended by CX_REQ_NONE */
	/* Work put off until after the first frame (the wide dashboard's
	 * trends and lists): one short step, called while no key is waiting
	 * once the view is on screen.  Returns CX_IDLE_NONE when nothing is
	 * left (nothing to redraw), else what it did. */
	enum cx_idle (*idle)(struct cx_app *app, struct cx_view *v);
};

struct cx_view {
	const struct cx_view_ops *ops;
	void *state;
	bool stale; /* must load before drawing */
	/* The tab's name for a root; a drill-down's says what it shows
	 * ("Tickets: agent Maria Garcia"). */
	char title[160];
	const struct cx_req_use *keys; /* ops->keys unless init says otherwise */
	bool refused; /* set by init when it cannot be made (it says why) */
};

/* The tabs, written once: X(ops, argument, name, short name). */
#define CX_ROOT_LIST(X)                                           \
	X(cx_dashboard_ops, NULL, "Dashboard", "Dash")            \
	X(cx_table_ops, &cx_table_agents, "Agents", "Agnt")       \
	X(cx_tickets_ops, NULL, "Tickets", "Tick")                \
	X(cx_table_ops, &cx_table_campaigns, "Campaigns", "Camp") \
	X(cx_table_ops, &cx_table_claims, "Claims", "Clm")        \
	X(cx_table_ops, &cx_table_leaderboard, "Leaderboard", "Lead") \
	X(cx_whatif_ops, NULL, "What-if", "W-if")                 \
	X(cx_customers_ops, NULL, "Customers", "Cust")
#define CX_ROOT_COUNT 8

struct cx_table_kind; /* view_table.h */
extern const struct cx_view_ops cx_dashboard_ops, cx_table_ops, cx_tickets_ops, cx_whatif_ops, cx_customers_ops,
	cx_help_ops, cx_detail_ops, cx_form_ops;
extern const struct cx_table_kind cx_table_agents, cx_table_campaigns, cx_table_claims, cx_table_leaderboard,
	cx_table_sla, cx_table_rows;
/* The rows behind a figure (`cxtop report rows`): pushed with a struct
 * cx_rows_arg, the figure's name and, for one agent's part, the agent. */
extern const struct cx_view_ops cx_rows_ops;
struct cx_rows_arg {
	const char *figure;
	int64_t agent_id;    /* 0: the whole figure */
	int64_t campaign_id; /* or one campaign's part of it */
	const char *who;     /* the agent's or campaign's name, for the title */
	const char *carrier; /* claims: one carrier's (NULL: every carrier's) */
	const char *status;  /* claims: of one status at the period's end (NULL: any) */
};

struct cx_app {
	cx_store *st;
	const char *db_path;
	const char *actor;
	const char *config_path; /* where the theme chosen is remembered (NULL: nowhere) */
	bool read_only;
	char currency[8];
	cx_period period;
	enum cx_period_kind kind;
	int32_t newest_day; /* the newest ticket's day: where periods are anchored */
	int32_t oldest_day; /* the oldest ticket's day (0: no tickets): [ stops there */
	int64_t data_version;
	/* Counts the changes of the figures themselves (another process's
	 * write, an edit, the business-hours switch), not of the period: what
	 * a view may keep across periods is good while this stays the same. */
	unsigned data_gen;
	time_t refreshed_at;
	int refresh_ms;
	char status[256];
	bool status_error;
	cx_theme theme;
	bool color;
	int rows, cols;
	bool quit;
	/* The views: the roots (the tabs), and the stack whose bottom is the
	 * current root. */
	struct cx_view roots[CX_ROOT_COUNT];
	int root;
	struct cx_view *stack[CX_STACK_MAX];
	int depth;
	int tab_x[CX_ROOT_COUNT + 1]; /* where each tab starts, for clicks */
	int view_top;                 /* the screen row the top view's area starts on */
	/* An input prompt on the status line (search, a yes/no question); NULL
	 * when none.  It belongs to the view that asked. */
	const char *prompt;
	char question[128];
	char input[64];
	struct cx_view *prompt_view;
	void (*on_input)(struct cx_app *app, struct cx_view *v, bool done);
};

/* ---- app.c --------------------------------------------------------------- */
void cx_app_status(struct cx_app *app, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Starts a one-line prompt for view v; on_input is called on every change
 * (done=false) and on Enter or Escape (done=true; input "" after Escape). */
void cx_app_prompt(struct cx_app *app, struct cx_view *v, const char *prompt,
		   void (*on_input)(struct cx_app *, struct cx_view *, bool done));
/* Marks every view for reloading. */
void cx_app_invalidate(struct cx_app *app);
/* For edit keys: false (and "read-only" on the status line) when the store
 * cannot be written. */
bool cx_app_writable(struct cx_app *app);
/* After an edit: re-read everything, and remember the store's new state
 * so that the live refresh does not count our own write as another's. */
void cx_app_edited(struct cx_app *app);

/* ---- nav.c: the stack ------------------------------------------------------ */
void cx_nav_init(struct cx_app *app);
void cx_nav_free(struct cx_app *app);
struct cx_view *cx_nav_top(struct cx_app *app);
/* The instance beneath the overlays: the one whose screen is shown. */
struct cx_view *cx_nav_screen(struct cx_app *app);
/* Pushes a new instance of ops made from arg; NULL when the stack is full. */
struct cx_view *cx_nav_push(struct cx_app *app, const struct cx_view_ops *ops, const void *arg);
void cx_nav_pop(struct cx_app *app);
/* Drops every drill-down and overlay and shows root i. */
void cx_nav_root(struct cx_app *app, int i);
/* "Agents › Tickets: agent Maria Garcia": the way back, for the screen. */
void cx_nav_trail(struct cx_app *app, char *buf, size_t len);

/* ---- moving a cursor over n rows (list_move.c) ----------------------------- */
/* Applies a movement request to *cursor in [0, n); page is a screenful.
 * False when req is not a movement. */
bool cx_move(enum cx_req req, size_t *cursor, size_t n, size_t page);

/* ---- drill-downs: what a pushed instance is made from ---------------------- */
struct cx_tickets_arg {
	cx_ticket_filter filter;
	char who[96];  /* the agent's or customer's name */
	bool all_time; /* a customer's tickets, whatever the period */
};
struct cx_detail; /* detail.c */
struct cx_view *cx_detail_push(struct cx_app *app, const struct cx_detail *d);

/* ---- draw.c ---------------------------------------------------------------- */
void cx_colors_init(struct cx_app *app);
void cx_ui_style(struct cx_app *app, enum cx_element el);
/* Writes s at (y, x) in exactly `width` columns: clipped with an ellipsis
 * or padded; right-aligned when right.  Control characters are shown
 * harmlessly, and in the ASCII set (glyphs.h) so is everything beyond
 * ASCII.  Returns the columns used (== width). */
int cx_ui_text(int y, int x, int width, const char *s, bool right);
/* The columns cx_ui_text would draw s in, uncut: what to lay out by. */
int cx_ui_width(const char *s);
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
