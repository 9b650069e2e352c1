/* bars.c — the top bar (period and its dates, store, refresh time), the tabs, the trail
 * of drill-downs, and the status line. */
#include <stdio.h>
#include <string.h>

#include "bars.h"
#include "cxtop/format.h"
#include "glyphs.h"

/* The top bar at level 0 to TOP_LEVELS - 1: each level drops one thing a
 * narrow screen can spare, so that what a manager reads the numbers by --
 * the period, its dates, "business hours", READ-ONLY -- stays whole at 80
 * columns.  In order: the program's name, the period's length (its label
 * already says it: "March 2022", "2022-W13", "2022 Q1"), the refresh
 * time's seconds, the refresh time, and last the dates' year (the label
 * has it).  The store's path takes what is left, if that is enough to
 * read. */
#define TOP_LEVELS 6
static void top_parts(struct cx_app *app, int level, char *left, size_t llen, char *right, size_t rlen)
{
	char label[64], when[16], from[11], to[11];
	cx_period_label(app->period, label, sizeof label);
	cx_date_format(app->period.from_day, from);
	cx_date_format(app->period.to_day, to);
	int skip = level >= 5 ? 5 : 0; /* "2022-" */
	struct tm tm;
	localtime_r(&app->refreshed_at, &tm);
	strftime(when, sizeof when, level >= 3 ? "%H:%M" : "%H:%M:%S", &tm);
	snprintf(left, llen, "%s %s %s %s %s %s %s%s%s%s", level >= 1 ? "" : " cxtop ", cx_glyph(CX_G_STEP_BACK), label,
		 cx_glyph(CX_G_STEP_ON), from + skip, cx_glyph(CX_G_EN_DASH), to + skip, level >= 2 ? "" : "  ",
		 level >= 2 ? "" : cx_period_kind_name(app->period.kind),
		 cx_store_business_hours(app->st) ? "  business hours" : "");
	const char *mark = level >= 4 ? "" : cx_glyph(CX_G_REFRESH);
	snprintf(right, rlen, "%s%s%s%s ", app->read_only ? "READ-ONLY  " : "", mark, mark[0] ? " " : "",
		 level >= 4 ? "" : when);
}

void cx_bars_top(struct cx_app *app)
{
	char left[512], right[128];
	int level = 0;
	for (; level < TOP_LEVELS - 1; level++) {
		top_parts(app, level, left, sizeof left, right, sizeof right);
		/* At least two columns between the two ends. */
		if (cx_ui_width(left) + 2 + cx_ui_width(right) <= app->cols)
			break;
	}
	top_parts(app, level, left, sizeof left, right, sizeof right);
	int rw = cx_ui_width(right);
	if (rw > app->cols)
		rw = app->cols;
	/* The path when at least a few of its characters fit, a column short
	 * of the right end. */
	if (app->cols - rw - 1 - cx_ui_width(left) >= 10) {
		size_t used = strlen(left);
		snprintf(left + used, sizeof left - used, "  %s", app->db_path);
	}
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_text(0, 0, app->cols - rw - 1, left, false);
	cx_ui_fill(0, app->cols - rw - 1, 1);
	if (app->read_only) {
		cx_ui_style(app, CX_EL_WARN);
		cx_ui_text(0, app->cols - rw, 11, "READ-ONLY  ", false);
		cx_ui_style(app, CX_EL_HEADER);
		cx_ui_text(0, app->cols - rw + 11, rw - 11, right + 11, false);
	} else {
		cx_ui_text(0, app->cols - rw, rw, right, false);
	}
}

#define CX_ROOT_NAME(ops, arg, name, abbrev) name,
#define CX_ROOT_ABBREV(ops, arg, name, abbrev) abbrev,
static const char *const tab_name[CX_ROOT_COUNT] = {CX_ROOT_LIST(CX_ROOT_NAME)};
static const char *const tab_abbrev[CX_ROOT_COUNT] = {CX_ROOT_LIST(CX_ROOT_ABBREV)};
#undef CX_ROOT_NAME
#undef CX_ROOT_ABBREV

/* Tab i's label at level 0 (names), 1 (short names, the current tab's
 * whole), 2 (the same, one blank between tabs: 60 columns), 3 (every tab
 * by its short name) or 4 (numbers, the current tab's name whole). */
static void tab_label(const struct cx_app *app, int i, int level, char *buf, size_t len)
{
	bool whole = level == 0 || (i == app->root && level != 3);
	const char *name = whole ? tab_name[i] : tab_abbrev[i];
	if (level == 4 && !whole)
		snprintf(buf, len, " %d ", i + 1);
	else if (level >= 2)
		snprintf(buf, len, " %d %s", i + 1, name);
	else
		snprintf(buf, len, " %d %s ", i + 1, name);
}

void cx_bars_tabs(struct cx_app *app)
{
	char t[48];
	int level = 0;
	for (; level < 4; level++) {
		int w = 0;
		for (int i = 0; i < CX_ROOT_COUNT; i++) {
			tab_label(app, i, level, t, sizeof t);
			w += cx_ui_width(t);
		}
		if (w <= app->cols)
			break;
	}
	int x = 0;
	cx_ui_style(app, CX_EL_TAB);
	cx_ui_fill(1, 0, app->cols);
	for (int i = 0; i < CX_ROOT_COUNT; i++) {
		tab_label(app, i, level, t, sizeof t);
		int w = cx_ui_width(t);
		app->tab_x[i] = x;
		if (x + w > app->cols)
			w = app->cols - x;
		cx_ui_style(app, i == app->root ? CX_EL_TAB_ACTIVE : CX_EL_TAB);
		if (w > 0)
			cx_ui_text(1, x, w, t, false);
		x += w > 0 ? w : 0;
	}
	app->tab_x[CX_ROOT_COUNT] = x;
	cx_ui_style(app, CX_EL_NORMAL);
}

int cx_bars_trail(struct cx_app *app, int y)
{
	if (cx_nav_screen(app) == app->stack[0])
		return y;
	char trail[512], label[64], line[600];
	cx_nav_trail(app, trail, sizeof trail);
	cx_period_label(app->period, label, sizeof label);
	snprintf(line, sizeof line, " %s %s %s", trail, cx_glyph(CX_G_DOT), label);
	cx_ui_style(app, CX_EL_PANEL_TITLE);
	cx_ui_fill(y, 0, app->cols);
	cx_ui_text(y, 0, app->cols - 12, line, false);
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(y, app->cols - 12, 12, "Esc: back ", true);
	cx_ui_style(app, CX_EL_NORMAL);
	return y + 1;
}

/* The hints: the keys a person needs next, from the key table. */
static void hints(struct cx_app *app, char *buf, size_t len)
{
	static const enum cx_req root_hints[] = {CX_REQ_HELP, CX_REQ_QUIT, CX_REQ_VIEW, CX_REQ_PERIOD_PREV,
						 CX_REQ_PERIOD_NEXT, CX_REQ_PERIOD_LENGTH, CX_REQ_THEME};
	static const char *const root_words[] = {"help", "quit", "views", "", "period", "length", "theme"};
	static const enum cx_req back_hints[] = {CX_REQ_HELP, CX_REQ_BACK, CX_REQ_VIEW, CX_REQ_PERIOD_PREV,
						 CX_REQ_PERIOD_NEXT};
	static const char *const back_words[] = {"help", "back", "views", "", "period"};
	bool root = app->depth == 1;
	const enum cx_req *r = root ? root_hints : back_hints;
	const char *const *words = root ? root_words : back_words;
	size_t n = root ? sizeof root_hints / sizeof *root_hints : sizeof back_hints / sizeof *back_hints;
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char keys[64];
		cx_req_keys(r[i], keys, sizeof keys);
		/* The first key of each is enough on one line. */
		char *comma = strchr(keys, ',');
		if (comma)
			*comma = '\0';
		int w = snprintf(buf + used, len - used, " %s%s%s", keys, words[i][0] ? " " : "", words[i]);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
		if (words[i][0] && i + 1 < n)
			used += (size_t)snprintf(buf + used, len - used, " ");
	}
}

int cx_bars_status(struct cx_app *app)
{
	int y = app->rows - 1;
	if (app->prompt) {
		char line[256];
		snprintf(line, sizeof line, "%s%s", app->prompt, app->input);
		cx_ui_style(app, CX_EL_SEARCH);
		cx_ui_text(y, 0, app->cols, line, false);
		int cx = cx_ui_width(line);
		return cx < app->cols ? cx : app->cols - 1;
	}
	char h[256];
	if (!app->status[0])
		hints(app, h, sizeof h);
	cx_ui_style(app, app->status_error ? CX_EL_BAD : CX_EL_STATUS);
	cx_ui_text(y, 0, app->cols, app->status[0] ? app->status : h, false);
	cx_ui_style(app, CX_EL_NORMAL);
	return 0;
}
