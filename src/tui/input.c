/* input.c — what a key does.  The rule for leaving, in one place: the view
 * on top may answer Esc (a table clears its search first, a form says it
 * did not save); otherwise Esc, Backspace and h close the top overlay or
 * leave the drill-down, and q does the same except on a root view, where it
 * quits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "cxtop/config.h"
#include "cxtop/format.h"

static void set_period(struct cx_app *app, cx_period p)
{
	app->period = p;
	app->kind = p.kind;
	cx_app_invalidate(app);
	app->status[0] = '\0';
}

/* Business hours need a schedule: without one the key says how to load
 * it and nothing changes. */
static void toggle_hours(struct cx_app *app)
{
	bool business = !cx_store_business_hours(app->st);
	if (business) {
		cx_schedules s;
		cx_error err = {0};
		if (cx_store_schedules(app->st, &s, &err) < 0) {
			cx_app_status(app, true, "%s", err.msg);
			return;
		}
		size_t n = s.n;
		cx_schedules_free(&s);
		if (!n) {
			cx_app_status(app, true, "no schedules in this store: load one with cxtop schedule load FILE");
			return;
		}
	}
	cx_store_set_hours(app->st, business);
	cx_app_invalidate(app);
	app->data_gen++;
	cx_app_status(app, false, "durations %s (H: %s)", business ? "in business hours" : "on the clock",
		      business ? "on the clock" : "business hours");
}

static void step_period(struct cx_app *app, int dir)
{
	/* Periods with no tickets at all are empty screens: stop at the data's
	 * ends and say so. */
	cx_period next = cx_period_step(app->period, dir);
	char label[64];
	cx_period_label(app->period, label, sizeof label);
	if (dir < 0 && app->oldest_day && next.to_day < app->oldest_day)
		cx_app_status(app, false, "no tickets before %s (L or Home: the latest period)", label);
	else if (dir > 0 && app->newest_day && next.from_day > app->newest_day)
		cx_app_status(app, false, "no tickets after %s", label);
	else
		set_period(app, next);
}

static void period_length(struct cx_app *app)
{
	enum cx_period_kind k = app->period.kind == CX_PERIOD_MONTH  ? CX_PERIOD_WEEK
				: app->period.kind == CX_PERIOD_WEEK ? CX_PERIOD_QUARTER
								     : CX_PERIOD_MONTH;
	/* Anchor on the last day with data in the period, so that March's week
	 * is the one holding March 31st, not April's first week. */
	int32_t anchor = app->period.to_day;
	if (app->newest_day && anchor > app->newest_day && app->period.from_day <= app->newest_day)
		anchor = app->newest_day;
	set_period(app, cx_period_containing(k, anchor));
}

static void next_theme(struct cx_app *app)
{
	char names[32][64], path[1024];
	/* Without colours a theme changes nothing on screen: say why. */
	if (!app->color) {
		const char *nc = getenv("NO_COLOR");
		cx_app_status(app, true, "no colours: %s; themes need them",
			      nc && *nc ? "NO_COLOR is set" : has_colors() ? "--no-color was given" : "this terminal has none");
		return;
	}
	int n = cx_theme_list(names, 32);
	if (n <= 0) {
		cx_app_status(app, true, "no themes found (looked in ~/.config/cxtop/themes and %s/themes)", CX_DATADIR);
		return;
	}
	int next = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], app->theme.name) == 0)
			next = (i + 1) % n;
	cx_error err = {0};
	if (!cx_theme_find(names[next], path, sizeof path) || cx_theme_load(path, &app->theme, &err) < 0) {
		cx_app_status(app, true, "%s", err.msg[0] ? err.msg : "theme not found");
		return;
	}
	snprintf(app->theme.name, sizeof app->theme.name, "%s", names[next]);
	cx_colors_init(app);
	/* Remembered for the next run; when the config file cannot take it
	 * safely, the theme still changes, and the status line says why it
	 * will not last. */
	if (!app->config_path)
		cx_app_status(app, true, "theme: %s, not remembered: no config folder (HOME is not set)", names[next]);
	else if (cx_config_set_theme(app->config_path, names[next], &err) < 0)
		cx_app_status(app, true, "theme: %s, not remembered: %s", names[next], err.msg);
	else
		cx_app_status(app, false, "theme: %s (remembered in %s)", names[next], app->config_path);
}

static void undo(struct cx_app *app)
{
	char what[256];
	cx_error err = {0};
	if (!cx_app_writable(app))
		return;
	int rc = cx_store_undo(app->st, app->actor, what, sizeof what, &err);
	if (rc < 0)
		cx_app_status(app, true, "%s", err.msg);
	else
		cx_app_status(app, false, "%s", what);
	if (rc > 0)
		cx_app_edited(app);
}

static void prompt_key(struct cx_app *app, int ch)
{
	size_t len = strlen(app->input);
	struct cx_view *v = app->prompt_view;
	if (ch == 27 || ch == '\n' || ch == KEY_ENTER) {
		if (ch == 27)
			app->input[0] = '\0';
		void (*cb)(struct cx_app *, struct cx_view *, bool) = app->on_input;
		app->prompt = NULL;
		app->prompt_view = NULL;
		if (cb && v)
			cb(app, v, true);
		return;
	}
	if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
		/* Back over one whole UTF-8 character. */
		while (len > 0 && ((unsigned char)app->input[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		app->input[len] = '\0';
	} else if (ch >= 32 && ch < 256 && len + 1 < sizeof app->input) {
		app->input[len] = (char)ch;
		app->input[len + 1] = '\0';
	} else {
		return;
	}
	if (app->on_input && v)
		app->on_input(app, v, false);
}

/* Gives req to the top view; true when that settled it. */
static bool to_view(struct cx_app *app, enum cx_req req, int ch)
{
	struct cx_view *top = cx_nav_top(app);
	enum cx_handled h = top->ops->handle ? top->ops->handle(app, top, req, ch) : CX_UNHANDLED;
	if (h == CX_CLOSE)
		cx_nav_pop(app);
	return h != CX_UNHANDLED;
}

static void mouse(struct cx_app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.y == 1 && (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))) {
		for (int i = 0; i < CX_ROOT_COUNT; i++)
			if (ev.x >= app->tab_x[i] && ev.x < app->tab_x[i + 1])
				cx_nav_root(app, i);
		return;
	}
	/* The wheel is three rows of movement, in whatever is on top. */
	enum cx_req wheel = CX_REQ_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		wheel = CX_REQ_UP;
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		wheel = CX_REQ_DOWN;
#endif
	if (wheel != CX_REQ_NONE) {
		for (int i = 0; i < 3; i++)
			to_view(app, wheel, 0);
		return;
	}
	struct cx_view *top = cx_nav_top(app);
	/* A click lands in the view's area: its row there is the app's to
	 * work out, not each view's. */
	if (!top->ops->overlay && top->ops->click && (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) &&
	    ev.y >= app->view_top && ev.y < app->rows - 1)
		if (top->ops->click(app, top, ev.y - app->view_top, ev.x) == CX_CLOSE)
			cx_nav_pop(app);
}

/* What a request means when the view on top does not answer it. */
static void app_request(struct cx_app *app, enum cx_req req, int arg)
{
	bool overlay = cx_nav_top(app)->ops->overlay;
	/* An overlay is modal: only leaving works past it. */
	if (overlay && req != CX_REQ_BACK && req != CX_REQ_QUIT && req != CX_REQ_QUIT_NOW && req != CX_REQ_HELP &&
	    req != CX_REQ_VIEW)
		return;
	switch (req) {
	case CX_REQ_BACK:
		if (app->depth > 1)
			cx_nav_pop(app);
		else
			app->status[0] = '\0';
		break;
	case CX_REQ_QUIT:
		if (app->depth > 1)
			cx_nav_pop(app);
		else
			app->quit = true;
		break;
	case CX_REQ_QUIT_NOW:
		app->quit = true;
		break;
	case CX_REQ_HELP:
		if (cx_nav_top(app)->ops == &cx_help_ops)
			cx_nav_pop(app);
		else
			cx_nav_push(app, &cx_help_ops, cx_nav_top(app));
		break;
	case CX_REQ_VIEW:
		cx_nav_root(app, arg);
		break;
	case CX_REQ_NEXT_VIEW:
		cx_nav_root(app, (app->root + 1) % CX_ROOT_COUNT);
		break;
	case CX_REQ_PREV_VIEW:
		cx_nav_root(app, (app->root + CX_ROOT_COUNT - 1) % CX_ROOT_COUNT);
		break;
	case CX_REQ_PERIOD_PREV:
	case CX_REQ_PERIOD_NEXT:
		step_period(app, req == CX_REQ_PERIOD_PREV ? -1 : 1);
		break;
	case CX_REQ_PERIOD_LATEST:
		set_period(app, cx_period_containing(app->period.kind == CX_PERIOD_RANGE ? CX_PERIOD_MONTH
											 : app->period.kind,
						     app->newest_day));
		break;
	case CX_REQ_PERIOD_LENGTH:
		period_length(app);
		break;
	case CX_REQ_THEME:
		next_theme(app);
		break;
	case CX_REQ_HOURS:
		toggle_hours(app);
		break;
	case CX_REQ_UNDO:
		undo(app);
		break;
	case CX_REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

void cx_input_key(struct cx_app *app, int ch)
{
	if (app->prompt) {
		prompt_key(app, ch);
		return;
	}
	if (ch == KEY_MOUSE) {
		mouse(app);
		return;
	}
	int arg = 0;
	enum cx_req req = cx_key_request(ch, &arg);
	/* A form takes every key but Esc as typing. */
	if (cx_nav_top(app)->ops->text_input && ch != 27 && ch != 3)
		req = CX_REQ_NONE;
	if (to_view(app, req, ch))
		return;
	app_request(app, req, arg);
}
