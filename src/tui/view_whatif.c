/* view_whatif.c — the returns-liability slider.
 *
 * The P&L inputs are read once per period; moving the slider only calls
 * cx_pnl_compute() again (net is linear in the percentage), so sliding runs
 * no query at all.  The same function prints `cxtop report pnl
 * --liability PCT`, so the slider at PCT and that report agree.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "cxtop/model.h"

#define MONTHS 6

static cx_pnl_raw period_raw;
static cx_pnl_raw month_raw[MONTHS];
static cx_period months[MONTHS];
static int64_t stored_bp, slider_bp;
static bool loaded, touched;
static char error[256];

static void load(struct cx_app *app)
{
	cx_error err = {0};
	loaded = false;
	stored_bp = cx_store_liability_bp(app->st);
	if (!touched)
		slider_bp = stored_bp;
	if (cx_store_pnl(app->st, &app->period, &period_raw, &err) < 0) {
		snprintf(error, sizeof error, "%s", err.msg);
		return;
	}
	/* The six months up to the period's end: would each still have been a
	 * profit center at the slider's percentage? */
	cx_period m = cx_period_containing(CX_PERIOD_MONTH, app->period.to_day);
	for (int i = MONTHS - 1; i >= 0; i--) {
		months[i] = m;
		if (cx_store_pnl(app->st, &m, &month_raw[i], &err) < 0) {
			snprintf(error, sizeof error, "%s", err.msg);
			return;
		}
		m = cx_period_step(m, -1);
	}
	loaded = true;
}

static void money(char *b, size_t len, int64_t v, const struct cx_app *app)
{
	cx_fmt_money(b, len, v, app->currency);
}

static void row(struct cx_app *app, int y, const char *label, int64_t a, int64_t b, bool diff, enum cx_element el)
{
	char sa[40], sb[40], sd[40];
	money(sa, sizeof sa, a, app);
	money(sb, sizeof sb, b, app);
	money(sd, sizeof sd, b - a, app);
	cx_ui_style(app, CX_EL_NORMAL);
	cx_ui_text(y, 2, 26, label, false);
	cx_ui_style(app, el);
	cx_ui_text(y, 29, 16, sa, true);
	cx_ui_text(y, 47, 16, sb, true);
	cx_ui_style(app, b - a < 0 ? CX_EL_BAD : CX_EL_NORMAL);
	if (diff && app->cols >= 80)
		cx_ui_text(y, 65, 14, sd, true);
	cx_ui_style(app, CX_EL_NORMAL);
}

static void draw(struct cx_app *app, int top, int height)
{
	if (!loaded) {
		cx_ui_style(app, CX_EL_BAD);
		cx_ui_text(top + 1, 1, app->cols - 2, error, false);
		return;
	}
	cx_pnl at_stored = cx_pnl_compute(&period_raw, stored_bp);
	cx_pnl at_slider = cx_pnl_compute(&period_raw, slider_bp);
	char a[32], b[32], line[256];
	int y = top + 1;

	/* The slider, with the break-even percentage marked on it. */
	int sw = app->cols - 32;
	if (sw > 60)
		sw = 60;
	cx_fmt_bp(a, sizeof a, slider_bp);
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_text(y, 2, 18, "Returns liability", false);
	int pos = (int)(slider_bp * (sw - 1) / 10000);
	int be = at_stored.break_even_ok && at_stored.break_even_bp >= 0 && at_stored.break_even_bp <= 10000
			 ? (int)(at_stored.break_even_bp * (sw - 1) / 10000)
			 : -1;
	move(y, 21);
	for (int i = 0; i < sw; i++) {
		cx_ui_style(app, i == be ? CX_EL_WARN : i <= pos ? CX_EL_BAR : CX_EL_MUTED);
		addstr(i == pos ? "●" : i == be ? "┃" : i < pos ? "━" : "─");
	}
	cx_ui_style(app, CX_EL_HEADER);
	snprintf(line, sizeof line, " %s %%", a);
	cx_ui_text(y, 21 + sw, app->cols - 21 - sw, line, false);
	y++;
	cx_fmt_bp(a, sizeof a, stored_bp);
	if (at_stored.break_even_ok)
		cx_fmt_bp(b, sizeof b, at_stored.break_even_bp);
	snprintf(line, sizeof line, "stored %s %% · break-even ┃ %s%s · ? keys", a,
		 at_stored.break_even_ok ? b : "n/a (no returns)", at_stored.break_even_ok ? " %" : "");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(y, 21, app->cols - 22, line, false);
	y += 2;

	cx_ui_style(app, CX_EL_HEADER);
	cx_fmt_bp(a, sizeof a, stored_bp);
	cx_fmt_bp(b, sizeof b, slider_bp);
	cx_ui_fill(y, 0, app->cols);
	cx_ui_text(y, 2, 26, "", false);
	snprintf(line, sizeof line, "at %s %%", a);
	cx_ui_text(y, 29, 16, line, true);
	snprintf(line, sizeof line, "at %s %%", b);
	cx_ui_text(y, 47, 16, line, true);
	if (app->cols >= 80)
		cx_ui_text(y, 65, 14, "difference", true);
	y++;
	row(app, y++, "Attributed revenue", at_stored.attributed, at_slider.attributed, true, CX_EL_MONEY);
	row(app, y++, "COGS", -at_stored.raw.cogs, -at_slider.raw.cogs, true, CX_EL_NORMAL);
	row(app, y++, "Staff, platform, other", -at_stored.fixed, -at_slider.fixed, true, CX_EL_NORMAL);
	money(a, sizeof a, period_raw.returns_cost, app);
	snprintf(line, sizeof line, "Liability on %s", a);
	row(app, y++, line, -at_stored.liability, -at_slider.liability, true, CX_EL_NORMAL);
	row(app, y++, "Net", at_stored.net, at_slider.net, true, at_slider.profit_center ? CX_EL_GOOD : CX_EL_BAD);
	cx_ui_style(app, CX_EL_NORMAL);
	cx_ui_text(y, 2, 26, "Profit center", false);
	cx_ui_style(app, at_stored.profit_center ? CX_EL_GOOD : CX_EL_BAD);
	cx_ui_text(y, 29, 16, at_stored.profit_center ? "yes" : "no", true);
	cx_ui_style(app, at_slider.profit_center ? CX_EL_GOOD : CX_EL_BAD);
	cx_ui_text(y, 47, 16, at_slider.profit_center ? "yes" : "no", true);
	y += 2;

	if (y < top + height - 1) {
		cx_ui_style(app, CX_EL_HEADER);
		cx_ui_text(y++, 2, app->cols - 4, "Profit center at the slider's percentage, month by month:", false);
		int x = 2;
		for (int i = 0; i < MONTHS && x < app->cols - 12; i++) {
			cx_pnl p = cx_pnl_compute(&month_raw[i], slider_bp);
			char label[64];
			cx_period_label(months[i], label, sizeof label);
			snprintf(line, sizeof line, "%.3s %s", label, p.profit_center ? "✓" : "✗");
			cx_ui_style(app, p.profit_center ? CX_EL_GOOD : CX_EL_BAD);
			x += cx_ui_text(y, x, 8, line, false) + 1;
		}
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void set(struct cx_app *app, int64_t bp)
{
	slider_bp = bp < 0 ? 0 : bp > 10000 ? 10000 : bp;
	touched = true;
	app->status[0] = '\0';
}

static bool key(struct cx_app *app, int ch)
{
	switch (ch) {
	case KEY_RIGHT:
	case 'l':
		set(app, slider_bp + 100);
		return true;
	case KEY_LEFT:
	case 'h':
		set(app, slider_bp - 100);
		return true;
	case '>':
	case KEY_SRIGHT:
		set(app, slider_bp + 10);
		return true;
	case '<':
	case KEY_SLEFT:
		set(app, slider_bp - 10);
		return true;
	case KEY_PPAGE:
		set(app, slider_bp + 1000);
		return true;
	case KEY_NPAGE:
		set(app, slider_bp - 1000);
		return true;
	case KEY_HOME:
	case 'g':
		set(app, 0);
		return true;
	case KEY_END:
	case 'G':
		set(app, 10000);
		return true;
	case 'r':
		set(app, stored_bp);
		touched = false;
		return true;
	default:
		return false;
	}
}

static const struct cx_key_help help[] = {
	{"← →, h l", "liability -1 / +1 percentage point"},
	{"< >, S-← S-→", "-0.1 / +0.1 point"},
	{"PgDn PgUp", "-10 / +10 points"},
	{"Home End", "0 % / 100 %"},
	{"r", "back to the stored percentage"},
	{NULL, NULL},
};

const struct cx_view cx_view_whatif = {"What-if", load, draw, key, NULL, help};
