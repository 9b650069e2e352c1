/* app.c — the UI's main loop: the top bar, the tabs, the status line, the
 * global keys, and the live refresh.
 *
 * The loop sleeps in getch() with a timeout.  Each time it wakes with no
 * key it asks the store for PRAGMA data_version, which changes only when
 * another process has committed; only then does anything get re-read.
 * Idle, cxtop costs one cheap query every refresh interval.
 */
#include <langinfo.h>
#include <locale.h>
#include <term.h>
#include <unistd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "cxtop/report.h"

static const struct cx_view *const views[CX_V_COUNT] = {
	&cx_view_dashboard, &cx_view_agents,      &cx_view_tickets, &cx_view_campaigns,
	&cx_view_claims,    &cx_view_leaderboard, &cx_view_whatif,  &cx_view_customers,
};

static const struct cx_key_help global_help[] = {
	{"1-8, Tab, S-Tab", "switch view (or click a tab)"},
	{"[  ]", "previous / next period (not past the data)"},
	{"L", "the latest period with data"},
	{"p", "period length: month, week, quarter"},
	{"t", "next theme"},
	{"u", "undo the last edit (campaigns, the applied liability)"},
	{"?", "this help (Esc closes)"},
	{"Ctrl-L", "redraw the screen"},
	{"q", "quit"},
	{NULL, NULL},
};

static volatile sig_atomic_t got_signal;
static bool curses_up;

static void on_signal(int sig)
{
	got_signal = sig;
}

/* Whatever happens (even exit() from deep inside), the terminal is given
 * back as it was. */
static void restore_terminal(void)
{
	if (curses_up) {
		endwin();
		curses_up = false;
	}
}

void cx_app_status(struct cx_app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_error = error;
}

void cx_app_invalidate(struct cx_app *app)
{
	for (int i = 0; i < CX_V_COUNT; i++)
		app->stale[i] = true;
}

bool cx_app_writable(struct cx_app *app)
{
	if (app->read_only)
		cx_app_status(app, true, "read-only: this store cannot be changed (opened with --read-only, or no write "
					 "permission)");
	return !app->read_only;
}

void cx_app_edited(struct cx_app *app)
{
	cx_app_invalidate(app);
	app->data_version = cx_store_data_version(app->st);
	app->refreshed_at = time(NULL);
}

void cx_app_switch(struct cx_app *app, int view)
{
	if (view >= 0 && view < CX_V_COUNT && view != app->view) {
		app->view = view;
		/* A message belongs to the view it was about. */
		if (!app->status_error)
			app->status[0] = '\0';
	}
}

void cx_app_prompt(struct cx_app *app, const char *prompt, void (*on_input)(struct cx_app *, bool done))
{
	app->prompt = prompt;
	app->input[0] = '\0';
	app->on_input = on_input;
}

/* ---- bars ---------------------------------------------------------------- */

static int tab_x[CX_V_COUNT + 1];

static void draw_top(struct cx_app *app)
{
	char label[64], when[16], left[512], right[128];
	cx_period_label(app->period, label, sizeof label);
	struct tm tm;
	localtime_r(&app->refreshed_at, &tm);
	strftime(when, sizeof when, "%H:%M:%S", &tm);
	snprintf(left, sizeof left, " cxtop  %s  ◂ %s ▸  %s", app->db_path, label,
		 cx_period_kind_name(app->period.kind));
	snprintf(right, sizeof right, "%s⟳ %s ", app->read_only ? "READ-ONLY  " : "", when);
	cx_ui_style(app, CX_EL_HEADER);
	int rw = cx_utf8_width(right);
	if (rw > app->cols)
		rw = app->cols;
	cx_ui_text(0, 0, app->cols - rw, left, false);
	if (app->read_only) {
		cx_ui_style(app, CX_EL_WARN);
		cx_ui_text(0, app->cols - rw, 11, "READ-ONLY  ", false);
		cx_ui_style(app, CX_EL_HEADER);
		cx_ui_text(0, app->cols - rw + 11, rw - 11, right + 11, false);
	} else {
		cx_ui_text(0, app->cols - rw, rw, right, false);
	}
}

static void draw_tabs(struct cx_app *app)
{
	int x = 0;
	cx_ui_style(app, CX_EL_TAB);
	cx_ui_fill(1, 0, app->cols);
	for (int i = 0; i < CX_V_COUNT; i++) {
		char t[48];
		/* Narrow screens get the numbers and the current tab's name. */
		if (app->cols >= 100 || i == app->view)
			snprintf(t, sizeof t, " %d %s ", i + 1, views[i]->title);
		else
			snprintf(t, sizeof t, " %d ", i + 1);
		int w = cx_utf8_width(t);
		tab_x[i] = x;
		if (x + w > app->cols)
			w = app->cols - x;
		cx_ui_style(app, i == app->view ? CX_EL_TAB_ACTIVE : CX_EL_TAB);
		if (w > 0)
			cx_ui_text(1, x, w, t, false);
		x += w;
	}
	tab_x[CX_V_COUNT] = x;
	cx_ui_style(app, CX_EL_NORMAL);
}

static void draw_status(struct cx_app *app)
{
	int y = app->rows - 1;
	if (app->prompt) {
		char line[256];
		snprintf(line, sizeof line, "%s%s", app->prompt, app->input);
		cx_ui_style(app, CX_EL_SEARCH);
		cx_ui_text(y, 0, app->cols, line, false);
		int cx = cx_utf8_width(line);
		move(y, cx < app->cols ? cx : app->cols - 1);
		return;
	}
	cx_ui_style(app, app->status_error ? CX_EL_BAD : CX_EL_STATUS);
	cx_ui_text(y, 0, app->cols,
		   app->status[0] ? app->status : " ? help  q quit  1-8 views  [ ] period  p length  t theme", false);
	cx_ui_style(app, CX_EL_NORMAL);
}

static void draw_help(struct cx_app *app)
{
	const struct cx_key_help *vh = views[app->view]->help;
	int n = 0;
	for (int i = 0; global_help[i].keys; i++)
		n++;
	for (int i = 0; vh && vh[i].keys; i++)
		n++;
	int iy, ix, ih, iw;
	char title[64];
	snprintf(title, sizeof title, "Keys: %s", views[app->view]->title);
	cx_ui_overlay(app, n + 5, 86, title, &iy, &ix, &ih, &iw);
	int y = iy;
	for (int part = 0; part < 2; part++) {
		const struct cx_key_help *h = part == 0 ? vh : global_help;
		for (int i = 0; h && h[i].keys && y < iy + ih; i++, y++) {
			cx_ui_style(app, CX_EL_HEADER);
			cx_ui_text(y, ix, 16, h[i].keys, false);
			cx_ui_style(app, CX_EL_NORMAL);
			cx_ui_text(y, ix + 17, iw - 17, h[i].what, false);
		}
		y++;
	}
}

static void draw(struct cx_app *app)
{
	erase();
	getmaxyx(stdscr, app->rows, app->cols);
	if (app->rows < CX_MIN_ROWS || app->cols < CX_MIN_COLS) {
		char msg[128];
		snprintf(msg, sizeof msg, "terminal too small: cxtop needs %dx%d, this is %dx%d", CX_MIN_COLS,
			 CX_MIN_ROWS, app->cols, app->rows);
		cx_ui_style(app, CX_EL_WARN);
		cx_ui_text(0, 0, app->cols, msg, false);
		refresh();
		return;
	}
	if (app->stale[app->view]) {
		app->stale[app->view] = false;
		views[app->view]->load(app);
	}
	draw_top(app);
	draw_tabs(app);
	views[app->view]->draw(app, 2, app->rows - 3);
	if (app->help)
		draw_help(app);
	draw_status(app);
	if (cx_form_active())
		cx_form_draw(app); /* last: it places the cursor */
	curs_set(app->prompt || cx_form_active() ? 1 : 0);
	refresh();
}

/* ---- input --------------------------------------------------------------- */

static void set_period(struct cx_app *app, cx_period p)
{
	app->period = p;
	app->kind = p.kind;
	cx_app_invalidate(app);
	app->status[0] = '\0';
}

static void next_theme(struct cx_app *app)
{
	char names[32][64], path[1024];
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
	cx_app_status(app, false, "theme: %s", names[next]);
}

static void prompt_key(struct cx_app *app, int ch)
{
	size_t len = strlen(app->input);
	if (ch == 27 || ch == '\n' || ch == KEY_ENTER || ch == '\r') {
		if (ch == 27)
			app->input[0] = '\0';
		void (*cb)(struct cx_app *, bool) = app->on_input;
		app->prompt = NULL;
		if (cb)
			cb(app, true);
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
	if (app->on_input)
		app->on_input(app, false);
}

static void mouse(struct cx_app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.y == 1 && (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))) {
		for (int i = 0; i < CX_V_COUNT; i++)
			if (ev.x >= tab_x[i] && ev.x < tab_x[i + 1])
				cx_app_switch(app, i);
		return;
	}
	if (views[app->view]->click) {
		if (ev.bstate & BUTTON4_PRESSED)
			views[app->view]->click(app, -1, 0);
#ifdef BUTTON5_PRESSED
		else if (ev.bstate & BUTTON5_PRESSED)
			views[app->view]->click(app, -2, 0);
#endif
		else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
			views[app->view]->click(app, ev.y, ev.x);
	}
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

static void key(struct cx_app *app, int ch)
{
	if (cx_form_active()) {
		cx_form_key(app, ch);
		return;
	}
	if (app->prompt) {
		prompt_key(app, ch);
		return;
	}
	if (app->help) {
		if (ch == 27 || ch == '?' || ch == 'q' || ch == '\n')
			app->help = false;
		return;
	}
	if (ch == KEY_MOUSE) {
		mouse(app);
		return;
	}
	if (views[app->view]->key(app, ch))
		return;
	switch (ch) {
	case 'q':
	case 3: /* Ctrl-C */
		app->quit = true;
		break;
	case '?':
	case KEY_F(1):
		app->help = true;
		break;
	case '\t':
		cx_app_switch(app, (app->view + 1) % CX_V_COUNT);
		break;
	case KEY_BTAB:
		cx_app_switch(app, (app->view + CX_V_COUNT - 1) % CX_V_COUNT);
		break;
	case '[':
	case ']': {
		/* Periods with no tickets at all are empty screens: stop at the
		 * data's ends and say so. */
		cx_period next = cx_period_step(app->period, ch == '[' ? -1 : 1);
		char label[64];
		cx_period_label(app->period, label, sizeof label);
		if (ch == '[' && app->oldest_day && next.to_day < app->oldest_day)
			cx_app_status(app, false, "no tickets before %s (L: the latest period)", label);
		else if (ch == ']' && app->newest_day && next.from_day > app->newest_day)
			cx_app_status(app, false, "no tickets after %s", label);
		else
			set_period(app, next);
		break;
	}
	case 'L':
		set_period(app, cx_period_containing(app->period.kind == CX_PERIOD_RANGE ? CX_PERIOD_MONTH
											 : app->period.kind,
						     app->newest_day));
		break;
	case 'p': {
		enum cx_period_kind k = app->period.kind == CX_PERIOD_MONTH  ? CX_PERIOD_WEEK
					: app->period.kind == CX_PERIOD_WEEK ? CX_PERIOD_QUARTER
									     : CX_PERIOD_MONTH;
		/* Anchor on the last day with data in the period, so that March's
		 * week is the one holding March 31st, not April's first week. */
		int32_t anchor = app->period.to_day;
		if (app->newest_day && anchor > app->newest_day && app->period.from_day <= app->newest_day)
			anchor = app->newest_day;
		set_period(app, cx_period_containing(k, anchor));
		break;
	}
	case 't':
		next_theme(app);
		break;
	case 'u':
		undo(app);
		break;
	case 12: /* Ctrl-L */
		clearok(curscr, TRUE);
		break;
	case 27:
		app->status[0] = '\0';
		break;
	default:
		if (ch >= '1' && ch < '1' + CX_V_COUNT)
			cx_app_switch(app, ch - '1');
		break;
	}
}

/* Has another process written?  One cheap pragma on an idle connection. */
static void poll_store(struct cx_app *app)
{
	int64_t v = cx_store_data_version(app->st);
	if (v >= 0 && v != app->data_version) {
		app->data_version = v;
		app->refreshed_at = time(NULL);
		cx_app_invalidate(app);
	}
}

/* ---- setup --------------------------------------------------------------- */

static void load_theme(struct cx_app *app, const cx_tui_options *opt)
{
	cx_theme_default(&app->theme);
	snprintf(app->theme.name, sizeof app->theme.name, "default");
	if (!opt->theme)
		return;
	char path[1024];
	cx_error err = {0};
	if (!cx_theme_find(opt->theme, path, sizeof path)) {
		cx_app_status(app, true, "theme '%s' not found; using the default theme", opt->theme);
		return;
	}
	if (cx_theme_load(path, &app->theme, &err) < 0) {
		/* The file's own words, then the default theme. */
		cx_app_status(app, true, "%s", err.msg);
		cx_theme_default(&app->theme);
		snprintf(app->theme.name, sizeof app->theme.name, "default");
		return;
	}
	const char *base = strrchr(opt->theme, '/');
	snprintf(app->theme.name, sizeof app->theme.name, "%s", base ? base + 1 : opt->theme);
	char *dot = strstr(app->theme.name, ".yaml");
	if (dot)
		*dot = '\0';
}

int cx_tui_run(const cx_tui_options *opt, cx_error *err)
{
	struct cx_app app = {0};
	app.db_path = opt->db_path;
	app.actor = opt->actor && *opt->actor ? opt->actor : "unknown";
	app.refresh_ms = opt->refresh_ms > 0 ? opt->refresh_ms : 500;
	app.st = cx_store_open(opt->db_path, opt->read_only ? CX_OPEN_READ_ONLY : CX_OPEN_READ_WRITE, err);
	if (!app.st)
		return -1;
	app.read_only = cx_store_read_only(app.st);
	cx_store_currency(app.st, app.currency, sizeof app.currency);
	if (cx_report_default_period(app.st, CX_PERIOD_MONTH, &app.period, err) < 0) {
		cx_store_close(app.st);
		return -1;
	}
	app.kind = app.period.kind;
	app.newest_day = app.period.to_day;
	int64_t newest;
	if (cx_store_newest_ticket(app.st, &newest, err) == 0 && newest > 0)
		app.newest_day = cx_local_day(newest);
	int64_t oldest;
	if (cx_store_oldest_ticket(app.st, &oldest, err) == 0 && oldest > 0)
		app.oldest_day = cx_local_day(oldest);
	app.data_version = cx_store_data_version(app.st);
	app.refreshed_at = time(NULL);
	cx_app_invalidate(&app);
	load_theme(&app, opt);

	setlocale(LC_ALL, "");
	/* Names, lines and bars are UTF-8: say so when the locale is not. */
	const char *codeset = nl_langinfo(CODESET);
	if (codeset && !strstr(codeset, "UTF-8") && !strstr(codeset, "utf8"))
		cx_app_status(&app, true, "the locale is not UTF-8 (%s): names and lines will show wrong; set "
					  "LANG=C.UTF-8 or your UTF-8 locale",
			      codeset);
	/* Escape must answer at once: it closes overlays, search and forms. */
	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	/* Check the terminal first: initscr() would print its own message and
	 * exit on an unknown TERM, and a terminal that cannot place the cursor
	 * (TERM=dumb) would get an empty screen. */
	const char *term = getenv("TERM");
	int term_err = 0;
	if (!term || !*term || setupterm(NULL, STDOUT_FILENO, &term_err) != OK) {
		cx_store_close(app.st);
		return cx_fail(err, CX_EXIT_RUNTIME,
			       "unknown terminal type '%s': set TERM (e.g. TERM=xterm-256color); reports work anywhere: "
			       "cxtop report summary",
			       term ? term : "");
	}
	char *cup = tigetstr("cup");
	bool can_draw = cup && cup != (char *)-1;
	del_curterm(cur_term);
	if (!can_draw) {
		cx_store_close(app.st);
		return cx_fail(err, CX_EXIT_RUNTIME,
			       "terminal '%s' cannot place the cursor, which the interface needs; reports work "
			       "anywhere: cxtop report summary",
			       term);
	}
	if (!newterm(NULL, stdout, stdin)) {
		cx_store_close(app.st);
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot start the terminal UI on '%s'", term);
	}
	curses_up = true;
	atexit(restore_terminal);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
	/* raw, not cbreak: Ctrl-S saves a form instead of freezing the
	 * terminal (XON/XOFF), so Ctrl-C is read as a key and quits. */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	const char *no_color = getenv("NO_COLOR");
	app.color = has_colors() && !opt->no_color && !(no_color && *no_color);
	cx_colors_init(&app);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
			  | BUTTON5_PRESSED
#endif
		  ,
		  NULL);
	mouseinterval(0);
	timeout(app.refresh_ms);

	while (!app.quit && !got_signal) {
		draw(&app);
		int ch = getch();
		if (ch == ERR) {
			poll_store(&app);
			continue;
		}
		if (ch == KEY_RESIZE)
			continue;
		if (ch == '\r')
			ch = '\n';
		key(&app, ch);
	}
	restore_terminal();
	cx_store_close(app.st);
	return 0;
}
