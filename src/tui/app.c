/* app.c — the UI's main loop and its redraw policy, the live refresh, and
 * the few services every view calls (status line, prompts, edits).  The
 * bars are drawn by bars.c, keys become requests in input.c.
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
#include "bars.h"
#include "glyphs.h"
#include "input.h"
#include "cxtop/config.h"
#include "cxtop/format.h"
#include "cxtop/report.h"

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
	for (int i = 0; i < CX_ROOT_COUNT; i++)
		app->roots[i].stale = true;
	for (int i = 1; i < app->depth; i++)
		app->stack[i]->stale = true;
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
	app->data_gen++;
	app->data_version = cx_store_data_version(app->st);
	app->refreshed_at = time(NULL);
}

void cx_app_prompt(struct cx_app *app, struct cx_view *v, const char *prompt,
		   void (*on_input)(struct cx_app *, struct cx_view *, bool done))
{
	app->prompt = prompt;
	app->prompt_view = v;
	app->input[0] = '\0';
	app->on_input = on_input;
}

/* ---- drawing ------------------------------------------------------------- */

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
	struct cx_view *screen = cx_nav_screen(app);
	if (screen->stale) {
		screen->stale = false;
		if (screen->ops->load)
			screen->ops->load(app, screen);
	}
	cx_bars_top(app);
	cx_bars_tabs(app);
	app->view_top = cx_bars_trail(app, 2);
	int height = app->rows - 1 - app->view_top;
	screen->ops->draw(app, screen, app->view_top, height);
	int prompt_x = cx_bars_status(app);
	/* Overlays over the screen, the newest last: a form places the cursor
	 * where typing goes. */
	bool above = false;
	for (int i = 0; i < app->depth; i++) {
		if (above)
			app->stack[i]->ops->draw(app, app->stack[i], app->view_top, height);
		above = above || app->stack[i] == screen;
	}
	if (app->prompt)
		move(app->rows - 1, prompt_x);
	struct cx_view *top = cx_nav_top(app);
	curs_set(app->prompt || top->ops->text_input ? 1 : 0);
	refresh();
}

/* Has another process written?  One cheap pragma on an idle connection. */
static bool poll_store(struct cx_app *app)
{
	int64_t v = cx_store_data_version(app->st);
	if (v >= 0 && v != app->data_version) {
		app->data_version = v;
		app->refreshed_at = time(NULL);
		cx_app_invalidate(app);
		app->data_gen++;
		return true;
	}
	return false;
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
		char dirs[1200];
		cx_app_status(app, true, "theme '%s' not found in %s; using the default theme", opt->theme,
			      cx_datafile_dirs("themes", dirs, sizeof dirs));
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
	app.config_path = opt->config_path;
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
	load_theme(&app, opt);

	setlocale(LC_ALL, "");
	/* A terminal in another codeset would show box lines, bars and names
	 * as garbage: draw in plain ASCII there, and say how to get the rest. */
	const char *codeset = nl_langinfo(CODESET);
	bool utf8 = codeset && (strstr(codeset, "UTF-8") || strstr(codeset, "utf8") || strstr(codeset, "utf-8"));
	cx_glyphs_init(!utf8);
	if (!utf8)
		cx_app_status(&app, true, "ASCII fallback in use: the locale is not UTF-8 (LANG=C.UTF-8 shows everything)");
	/* An empty store shows zeros everywhere: say how data gets in (after
	 * any warning above, which matters more). */
	if (!app.oldest_day && !app.status[0])
		cx_app_status(&app, false, "empty store: bring tickets in with cxtop import (see cxtop import --help)");
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
	/* Home and End as terminals send them when TERM names another one
	 * (tmux, screen, rxvt, PuTTY under xterm's entry): otherwise read as
	 * Esc [ 1 ~, which would step the period back. */
	define_key("\033[1~", KEY_HOME);
	define_key("\033[4~", KEY_END);
	define_key("\033[7~", KEY_HOME);
	define_key("\033[8~", KEY_END);
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

	cx_nav_init(&app);
	/* The redraw policy, whole: the screen is drawn again after a key, a
	 * resize, a write by another process, or a step of the work a view put
	 * off until its first frame was shown (which runs only while no key
	 * waits); an idle minute draws nothing. */
	bool dirty = true, deferred = false;
	while (!app.quit && !got_signal) {
		if (dirty) {
			draw(&app);
			deferred = cx_nav_screen(&app)->ops->idle != NULL;
		}
		timeout(deferred ? 0 : app.refresh_ms);
		int ch = getch();
		if (ch == ERR && deferred) {
			struct cx_view *screen = cx_nav_screen(&app);
			enum cx_idle r = screen->ops->idle ? screen->ops->idle(&app, screen) : CX_IDLE_NONE;
			deferred = r == CX_IDLE_MORE;
			dirty = r != CX_IDLE_NONE;
			continue;
		}
		if (ch == ERR) {
			dirty = poll_store(&app);
			continue;
		}
		dirty = true;
		if (ch == KEY_RESIZE)
			continue;
		if (ch == '\r')
			ch = '\n';
		cx_input_key(&app, ch);
	}
	restore_terminal();
	cx_nav_free(&app);
	/* Views show a damaged page's error where they meet it; the exit
	 * status says it too. */
	int rc = cx_store_damage(app.st, err);
	cx_store_close(app.st);
	return rc;
}
