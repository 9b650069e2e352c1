/* view_dashboard.c — the morning screen: the support P&L, ticket KPIs,
 * channels, daily volume, top agents, claims and the watchlist.
 *
 * Every figure comes from cx_dashboard_load(), the function behind
 * `cxtop report summary`, so the screen and the printed summary agree to
 * the cent.  Figures that have rows behind them are selectable: j/k move
 * between them and Enter opens the view holding those rows.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "cxtop/report.h"
#include "cxtop/table.h"
#include "dash.h"
#include "glyphs.h"

static const char *const figures[] = {"attributed",     "upsell", "winback", "discount_codes", "claims_recovered",
				      "cogs",           "campaign_costs", "fixed", "liability", "claims_open",
				      "claims_past_deadline", "watchlist"};

static void fini(struct cx_view *v)
{
	struct dashboard *d = v->state;
	if (d->loaded)
		cx_dashboard_free(&d->dash);
	if (d->prev_loaded)
		cx_dashboard_free(&d->prev);
	d->loaded = d->prev_loaded = false;
}

static void load(struct cx_app *app, struct cx_view *v)
{
	struct dashboard *d = v->state;
	cx_error err = {0};
	fini(v);
	d->loaded = cx_dashboard_load(app->st, &app->period, cx_store_liability_bp(app->st), &d->dash, &err) == 0;
	snprintf(d->error, sizeof d->error, "%s", d->loaded ? "" : err.msg);
	if (d->loaded && d->dash.scoring_error[0])
		cx_app_status(app, true, "scoring rules refused (%s); the built-in rules apply", d->dash.scoring_error);
	/* The period before, for the arrows: only when the store has data
	 * then (a first month compared with nothing would be all ▲), and
	 * only after the first frame (idle below). */
	cx_period before = cx_compare_period(app->period, CX_COMPARE_PREVIOUS);
	d->prev_wanted = d->loaded && app->oldest_day && before.to_day >= app->oldest_day;
	d->resay = false;
	cx_period_label(before, d->prev_label, sizeof d->prev_label);
	dash_wide_reset(app, d);
}

static void say_change(struct cx_app *app, const struct dashboard *d);

static enum cx_idle idle(struct cx_app *app, struct cx_view *v)
{
	struct dashboard *d = v->state;
	if (v->stale || !d->loaded)
		return CX_IDLE_NONE;
	if (d->prev_wanted) {
		cx_error err = {0};
		cx_period before = cx_compare_period(app->period, CX_COMPARE_PREVIOUS);
		d->prev_wanted = false;
		d->prev_loaded = cx_dashboard_load(app->st, &before, cx_store_liability_bp(app->st), &d->prev, &err) == 0;
		/* The wide trends take this period's point from it. */
		dash_wide_reset(app, d);
		return CX_IDLE_MORE;
	}
	if (app->cols < DASH_WIDE_COLS)
		return CX_IDLE_NONE;
	return dash_wide_idle(app, d);
}

/* The next dash_line() compares its figure with the period before. */
void dash_vs(struct dashboard *d, int64_t now, int64_t before, int good, enum cmp_kind kind)
{
	d->pending = (struct cmp){.on = d->prev_loaded, .now = now, .before = before, .good = good, .kind = kind};
}

static const char *arrow(const struct cmp *c)
{
	return c->now > c->before ? cx_glyph(CX_G_SORT_UP) : c->now < c->before ? cx_glyph(CX_G_SORT_DOWN) : "=";
}

static enum cx_element arrow_style(const struct cmp *c)
{
	int dir = (c->now > c->before) - (c->now < c->before);
	return dir * c->good > 0 ? CX_EL_GOOD : dir * c->good < 0 ? CX_EL_BAD : CX_EL_MUTED;
}

/* A value of the comparison as people read it; signed when a change. */
void dash_value_text(const struct dashboard *d, enum cmp_kind kind, int64_t v, bool change, char *buf, size_t len)
{
	char b[64];
	const char *sign = change && v > 0 ? "+" : change && v < 0 ? "-" : "";
	int64_t a = change && v < 0 ? -v : v;
	switch (kind) {
	case CMP_MONEY:
		cx_fmt_money(b, sizeof b, a, d->dash.currency);
		break;
	case CMP_COUNT:
		cx_fmt_int(b, sizeof b, a);
		break;
	case CMP_BP:
		cx_fmt_bp(b, sizeof b, a);
		strcat(b, change ? " pp" : " %");
		break;
	case CMP_POINTS:
		cx_fmt_bp(b, sizeof b, a);
		break;
	case CMP_DURATION:
		cx_fmt_duration_x2(b, sizeof b, a);
		break;
	}
	snprintf(buf, len, "%s%s", sign, b);
}

/* The selected figure beside the period before, on the status line (a
 * trend's: its lowest and highest periods). */
static void say_change(struct cx_app *app, const struct dashboard *d)
{
	if (d->selected >= d->nitems)
		return;
	const struct item *it = &d->items[d->selected];
	if (it->trend) {
		dash_wide_say(app, d, it->trend - 1);
		return;
	}
	if (!it->cmp.on) {
		app->status[0] = '\0';
		return;
	}
	char now[64], delta[64], before[64];
	dash_value_text(d, it->cmp.kind, it->cmp.now, false, now, sizeof now);
	dash_value_text(d, it->cmp.kind, it->cmp.now - it->cmp.before, true, delta, sizeof delta);
	dash_value_text(d, it->cmp.kind, it->cmp.before, false, before, sizeof before);
	if (it->cmp.now == it->cmp.before)
		cx_app_status(app, false, "%s: %s, = as in %s", it->label, now, d->prev_label);
	else
		cx_app_status(app, false, "%s: %s, %s %s against %s (%s)", it->label, now, arrow(&it->cmp), delta,
			      d->prev_label, before);
}

static void money(const struct dashboard *d, char *buf, size_t len, int64_t v)
{
	cx_fmt_money(buf, len, v, d->dash.currency);
}

void dash_item(struct dashboard *d, int y, int x, int w, enum drill what, int arg, const char *label)
{
	if (d->nitems < (int)(sizeof d->items / sizeof d->items[0])) {
		struct item *it = &d->items[d->nitems++];
		*it = (struct item){
			.y = y, .x = x, .w = w, .what = what, .arg = arg, .cmp = d->pending, .trend = d->pending_trend};
		snprintf(it->label, sizeof it->label, "%s", label);
	}
	d->pending.on = false;
	d->pending_trend = 0;
}

/* A label that fits in w columns without cutting a word: whole, else
 * without its part in brackets ("Watchlist (satisfaction <= 6)"), else
 * its first words that fit (a separator left at the end dropped). */
const char *dash_fit_words(const char *label, int w, char *buf, size_t len)
{
	if (cx_ui_width(label) <= w)
		return label;
	snprintf(buf, len, "%s", label);
	char *open = strstr(buf, " (");
	if (open)
		*open = '\0';
	for (;;) {
		size_t n = strlen(buf);
		while (n > 0 && strchr(" :,", buf[n - 1]))
			buf[--n] = '\0';
		/* A middle dot (two bytes) left at the end goes too. */
		const char *dot = cx_glyph(CX_G_DOT);
		size_t dl = strlen(dot);
		if (n >= dl && strcmp(buf + n - dl, dot) == 0) {
			buf[n - dl] = '\0';
			continue;
		}
		if (cx_ui_width(buf) <= w)
			return buf;
		char *sp = strrchr(buf, ' ');
		if (!sp)
			return buf;
		*sp = '\0';
	}
}

void dash_box(struct cx_app *app, int y, int x, int h, int w, const char *title)
{
	char fitted[160];
	/* The frame keeps two columns each side, and a blank around the title. */
	cx_ui_box(app, y, x, h, w, dash_fit_words(title, w - 6, fitted, sizeof fitted));
}

/* "label ........ value" in width w, the value styled; selectable when
 * `what` is not -1.  A wide panel adds the arrow of vs() after it. */
void dash_line(struct cx_app *app, struct dashboard *d, int y, int x, int w, const char *label, const char *value,
	       enum cx_element el, int what, int arg)
{
	struct cmp c = d->pending;
	int aw = c.on && !c.quiet && w >= 44 ? 2 : 0;
	w -= aw;
	int vw = cx_ui_width(value);
	if (vw > w - 2)
		vw = w - 2;
	/* At least one blank between a (clipped) label and its value. */
	int lw = w - vw - 1;
	bool sel = what >= 0 && d->nitems == d->selected;
	if (what >= 0)
		dash_item(d, y, x, w, (enum drill)what, arg, label);
	d->pending.on = false;
	char fitted[160];
	cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
	cx_ui_text(y, x, lw, dash_fit_words(label, lw, fitted, sizeof fitted), false);
	cx_ui_text(y, x + lw, 1, "", false);
	cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : el);
	cx_ui_text(y, x + w - vw, vw, value, true);
	if (aw) {
		cx_ui_style(app, arrow_style(&c));
		cx_ui_text(y, x + w, aw, arrow(&c), true);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

/* "label ...... a · b" where a and b are two figures, each selectable on
 * its own (Created opens the tickets created, Solved those solved). */
static void pair_line(struct cx_app *app, struct dashboard *d, int y, int x, int w, const char *label, const char *a,
		      const char *b, enum cx_ticket_state sa, enum cx_ticket_state sb)
{
	int aw = cx_ui_width(a), bw = cx_ui_width(b);
	int vw = aw + 3 + bw;
	if (vw > w - 2) {
		dash_line(app, d, y, x, w, label, a, CX_EL_NORMAL, D_TICKETS, (int)sa);
		return;
	}
	int lw = w - vw - 1;
	bool sel_a = d->nitems == d->selected, sel_b = d->nitems + 1 == d->selected;
	dash_item(d, y, x + w - vw, aw, D_TICKETS, (int)sa, "Created");
	dash_vs(d, d->dash.tickets.raw.solved, d->prev.tickets.raw.solved, +1, CMP_COUNT);
	dash_item(d, y, x + w - bw, bw, D_TICKETS, (int)sb, "Solved");
	char fitted[160];
	cx_ui_style(app, CX_EL_NORMAL);
	cx_ui_text(y, x, lw + 1, dash_fit_words(label, lw, fitted, sizeof fitted), false);
	cx_ui_style(app, sel_a ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
	cx_ui_text(y, x + w - vw, aw, a, true);
	cx_ui_style(app, CX_EL_NORMAL);
	char dot[16];
	snprintf(dot, sizeof dot, " %s ", cx_glyph(CX_G_DOT));
	cx_ui_text(y, x + w - vw + aw, 3, dot, false);
	cx_ui_style(app, sel_b ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
	cx_ui_text(y, x + w - bw, bw, b, true);
	cx_ui_style(app, CX_EL_NORMAL);
}

/* "a · b" into buf. */
static const char *pair(char *buf, size_t len, const char *a, const char *b)
{
	snprintf(buf, len, "%s %s %s", a, cx_glyph(CX_G_DOT), b);
	return buf;
}

/* A figure's two-part label whole: "a · b" when it fits beside the value,
 * else the brief one (an 80-column screen has 36 columns a panel). */
static const char *fit(char *buf, size_t len, const char *a, const char *b, const char *brief_a, const char *brief_b,
		       int w, const char *value)
{
	pair(buf, len, a, b);
	if (cx_ui_width(buf) + 1 + cx_ui_width(value) <= w)
		return buf;
	return pair(buf, len, brief_a, brief_b);
}

/* The break-even in words, or in one word ("none", "any") when the
 * reason would not fit beside its label: the what-if view says why. */
static void break_even(const cx_pnl *p, char *b, size_t len, const char *label, int w)
{
	cx_break_even_words(p, b, len);
	if (cx_ui_width(label) + 1 + cx_ui_width(b) > w && p->break_even != CX_BE_AT && p->break_even != CX_BE_NO_RETURNS)
		snprintf(b, len, "%s", p->break_even == CX_BE_NONE ? "none" : "any");
}

void dash_pnl_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	char b[64], title[64];
	const cx_pnl *p = &d->dash.pnl, *q = &d->prev.pnl;
	dash_box(app, y, x, h, w, "Support P&L");
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	/* Too short for every line: the bottom line first. */
	if (h - 2 < 10) {
		money(d, b, sizeof b, p->attributed);
		dash_vs(d, p->attributed, q->attributed, +1, CMP_MONEY);
		if (y < end) dash_line(app, d, y++, x, w, "Attributed", b, CX_EL_MONEY, D_ROWS, F_ATTRIBUTED);
		money(d, b, sizeof b, p->net);
		snprintf(title, sizeof title, "Net %s %s", cx_glyph(p->profit_center ? CX_G_TICK : CX_G_CROSS),
			 p->profit_center ? "profit" : "loss");
		dash_vs(d, p->net, q->net, +1, CMP_MONEY);
		if (y < end) dash_line(app, d, y++, x, w, title, b, p->profit_center ? CX_EL_GOOD : CX_EL_BAD, D_WHATIF, 0);
		break_even(p, b, sizeof b, "Break-even", w);
		if (y < end) dash_line(app, d, y++, x, w, "Break-even", b, CX_EL_MUTED, D_WHATIF, 0);
		money(d, b, sizeof b, -p->fixed - p->raw.cogs - p->raw.campaigns - p->liability);
		if (y < end) dash_line(app, d, y++, x, w, "All costs", b, CX_EL_NORMAL, -1, 0);
		return;
	}
	money(d, b, sizeof b, p->raw.upsell);
	dash_vs(d, p->raw.upsell, q->raw.upsell, +1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "Upsell", b, CX_EL_MONEY, D_ROWS, F_UPSELL);
	money(d, b, sizeof b, p->raw.winback);
	dash_vs(d, p->raw.winback, q->raw.winback, +1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "Win-back", b, CX_EL_MONEY, D_ROWS, F_WINBACK);
	money(d, b, sizeof b, p->raw.discount_codes);
	dash_vs(d, p->raw.discount_codes, q->raw.discount_codes, +1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "Discount codes", b, CX_EL_MONEY, D_ROWS, F_CODES);
	money(d, b, sizeof b, p->raw.claims_recovered);
	dash_vs(d, p->raw.claims_recovered, q->raw.claims_recovered, +1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "Claims recovered", b, CX_EL_MONEY, D_ROWS, F_CLAIMS_RECOVERED);
	money(d, b, sizeof b, -p->raw.cogs);
	dash_vs(d, p->raw.cogs, q->raw.cogs, -1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "COGS", b, CX_EL_NORMAL, D_ROWS, F_COGS);
	money(d, b, sizeof b, -p->raw.campaigns);
	dash_vs(d, p->raw.campaigns, q->raw.campaigns, -1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "Campaign costs", b, CX_EL_NORMAL, D_ROWS, F_CAMPAIGN_COSTS);
	money(d, b, sizeof b, -p->fixed);
	dash_vs(d, p->fixed, q->fixed, -1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, "Staff, platform, other", b, CX_EL_NORMAL, D_ROWS, F_FIXED);
	char pct[16];
	cx_fmt_bp(pct, sizeof pct, p->liability_bp);
	money(d, b, sizeof b, -p->liability);
	snprintf(title, sizeof title, "Returns liability %s %%", pct);
	if (cx_ui_width(title) + 1 + cx_ui_width(b) > w)
		snprintf(title, sizeof title, "Liability %s %%", pct);
	dash_vs(d, p->liability, q->liability, -1, CMP_MONEY);
	if (y < end) dash_line(app, d, y++, x, w, title, b, CX_EL_NORMAL, D_ROWS, F_LIABILITY);
	money(d, b, sizeof b, p->net);
	/* A net of exactly zero (an empty period) is neither. */
	if (p->net == 0)
		snprintf(title, sizeof title, "Net");
	else
		snprintf(title, sizeof title, "Net %s %s", cx_glyph(p->profit_center ? CX_G_TICK : CX_G_CROSS),
			 p->profit_center ? "profit center" : "cost center");
	dash_vs(d, p->net, q->net, +1, CMP_MONEY);
	if (y < end)
		dash_line(app, d, y++, x, w, title, b,
			  p->net == 0 ? CX_EL_NORMAL : p->profit_center ? CX_EL_GOOD : CX_EL_BAD, D_WHATIF, 0);
	const char *be = "Break-even liability";
	cx_break_even_words(p, b, sizeof b);
	if (cx_ui_width(be) + 1 + cx_ui_width(b) > w)
		be = "Break-even";
	break_even(p, b, sizeof b, be, w);
	if (y < end) dash_line(app, d, y++, x, w, be, b, CX_EL_MUTED, D_WHATIF, 0);
}

/* No tickets to measure: a dash, as the lists show a missing value. */
static void none(char *b, size_t len)
{
	snprintf(b, len, "%s", cx_glyph(CX_G_EM_DASH));
}

static void dur(char *b, size_t len, const cx_dist *d, bool median)
{
	if (d->n == 0)
		none(b, len);
	else if (median)
		cx_fmt_duration_x2(b, len, d->median_x2);
	else
		cx_fmt_duration_x2(b, len, d->p90 * 2);
}

static void pct_or_none(char *b, size_t len, bool ok, int64_t bp)
{
	char p[16];
	if (!ok) {
		none(b, len);
		return;
	}
	cx_fmt_bp(p, sizeof p, bp);
	snprintf(b, len, "%s %%", p);
}

/* The lines the tickets panel draws below the resolution: CSAT, NPS,
 * one-touch, the SLA when the store has policies, the daily volume. */
static int lines_below_resolution(const struct dashboard *d)
{
	return 4 + (d->dash.sla_on ? 1 : 0);
}

/* Resolution to the final resolution, and to the first: a line of its own
 * when the panel has one to spare (not at 80x24 with an SLA line), else
 * after the full one's figures when the panel is wide enough, else only in
 * the reports. */
static void resolution_lines(struct cx_app *app, struct dashboard *d, int *y, int end, int x, int w)
{
	const cx_ticket_kpi *k = &d->dash.tickets, *pk = &d->prev.tickets;
	char b[32], c[32], full[80], first[80], both[176], t[96];
	dur(b, sizeof b, &k->raw.resolution, true);
	dur(c, sizeof c, &k->raw.resolution, false);
	pair(full, sizeof full, b, c);
	dur(b, sizeof b, &k->raw.first_resolution, true);
	dur(c, sizeof c, &k->raw.first_resolution, false);
	pair(first, sizeof first, b, c);
	bool own_line = end - (*y + 1) >= lines_below_resolution(d) + 1;
	snprintf(both, sizeof both, "%s  1st %s", full, first);
	if (*y >= end)
		return;
	/* Both open the tickets solved in the period, whose times they are. */
	if (k->raw.resolution.n && pk->raw.resolution.n)
		dash_vs(d, k->raw.resolution.median_x2, pk->raw.resolution.median_x2, -1, CMP_DURATION);
	int need = cx_ui_width(pair(t, sizeof t, "Resolved med", "p90")) + 1 + cx_ui_width(both);
	if (!own_line && need <= w) {
		/* Both figures before the arrow: the arrow gives way. */
		d->pending.quiet = need + 2 > w;
		dash_line(app, d, (*y)++, x, w, fit(t, sizeof t, "Resolution med", "p90", "Resolved med", "p90", w, both), both,
		     CX_EL_NORMAL,
		     D_TICKETS, CX_TICKETS_SOLVED);
		return;
	}
	dash_line(app, d, (*y)++, x, w, fit(t, sizeof t, "Resolution med", "p90", "Resolved med", "p90", w, full), full,
	     CX_EL_NORMAL,
	     D_TICKETS, CX_TICKETS_SOLVED);
	if (own_line && *y < end) {
		if (k->raw.first_resolution.n && pk->raw.first_resolution.n)
			dash_vs(d, k->raw.first_resolution.median_x2, pk->raw.first_resolution.median_x2, -1, CMP_DURATION);
		dash_line(app, d, (*y)++, x, w, fit(t, sizeof t, "First resolution med", "p90", "1st res med", "p90", w, first),
		     first,
		     CX_EL_NORMAL, D_TICKETS, CX_TICKETS_SOLVED);
	}
}

/* Requester and agent wait, medians of the solved tickets: a line of its
 * own only when the panel has one to spare below the resolution's. */
static void waits_line(struct cx_app *app, struct dashboard *d, int *y, int end, int x, int w)
{
	const cx_ticket_kpi *k = &d->dash.tickets, *pk = &d->prev.tickets;
	char b[32], c[32], val[80], t[96];
	if (end - (*y + 1) < lines_below_resolution(d))
		return;
	dur(b, sizeof b, &k->raw.requester_wait, true);
	dur(c, sizeof c, &k->raw.agent_wait, true);
	pair(val, sizeof val, b, c);
	if (k->raw.requester_wait.n && pk->raw.requester_wait.n)
		dash_vs(d, k->raw.requester_wait.median_x2, pk->raw.requester_wait.median_x2, -1, CMP_DURATION);
	dash_line(app, d, (*y)++, x, w, fit(t, sizeof t, "Wait on team med", "on customer", "Wait team", "cust", w, val), val,
	     CX_EL_NORMAL, D_TICKETS, CX_TICKETS_SOLVED);
}

void dash_tickets_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	char b[64], c[64], lab[96], t[96];
	const cx_ticket_kpi *k = &d->dash.tickets, *pk = &d->prev.tickets;
	dash_box(app, y, x, h, w, "Tickets");
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	cx_fmt_int(b, sizeof b, k->raw.created);
	cx_fmt_int(c, sizeof c, k->raw.solved);
	dash_vs(d, k->raw.created, pk->raw.created, 0, CMP_COUNT);
	if (y < end) pair_line(app, d, y++, x, w, pair(t, sizeof t, "Created", "solved"), b, c, CX_TICKETS_CREATED,
			       CX_TICKETS_SOLVED);
	cx_fmt_int(b, sizeof b, d->dash.backlog);
	dash_vs(d, d->dash.backlog, d->prev.backlog, -1, CMP_COUNT);
	if (y < end) dash_line(app, d, y++, x, w, "Backlog at period end", b,
			  d->dash.backlog > k->raw.solved / 4 ? CX_EL_WARN : CX_EL_NORMAL, D_TICKETS, CX_TICKETS_OPEN);
	cx_fmt_int(b, sizeof b, k->raw.unanswered);
	dash_vs(d, k->raw.unanswered, pk->raw.unanswered, -1, CMP_COUNT);
	if (y < end) dash_line(app, d, y++, x, w, "Never answered", b, k->raw.unanswered ? CX_EL_WARN : CX_EL_GOOD,
			  D_TICKETS, CX_TICKETS_UNANSWERED);
	dur(b, sizeof b, &k->raw.frt, true);
	dur(c, sizeof c, &k->raw.frt, false);
	pair(lab, sizeof lab, b, c);
	if (k->raw.frt.n && pk->raw.frt.n)
		dash_vs(d, k->raw.frt.median_x2, pk->raw.frt.median_x2, -1, CMP_DURATION);
	if (y < end) dash_line(app, d, y++, x, w, fit(t, sizeof t, "First response med", "p90", "1st reply med", "p90", w, lab), lab,
			  CX_EL_NORMAL, D_TICKETS, CX_TICKETS_CREATED);
	resolution_lines(app, d, &y, end, x, w);
	waits_line(app, d, &y, end, x, w);
	pct_or_none(b, sizeof b, k->csat_ok, k->csat_bp);
	cx_fmt_int(c, sizeof c, k->unrated);
	snprintf(lab, sizeof lab, "CSAT (%s unrated)", c);
	if (k->csat_ok && pk->csat_ok)
		dash_vs(d, k->csat_bp, pk->csat_bp, +1, CMP_BP);
	if (y < end) dash_line(app, d, y++, x, w, lab, b, k->csat_ok && k->csat_bp >= 8000 ? CX_EL_GOOD : CX_EL_WARN, D_TICKETS, CX_TICKETS_SOLVED);
	if (k->nps_ok)
		cx_fmt_bp(b, sizeof b, k->nps_bp);
	else
		none(b, sizeof b);
	if (k->nps_ok && pk->nps_ok)
		dash_vs(d, k->nps_bp, pk->nps_bp, +1, CMP_POINTS);
	if (y < end) dash_line(app, d, y++, x, w, "NPS", b, k->nps_ok && k->nps_bp > 0 ? CX_EL_GOOD : CX_EL_BAD, D_TICKETS, CX_TICKETS_SOLVED);
	pct_or_none(b, sizeof b, k->one_touch_ok, k->one_touch_bp);
	pct_or_none(c, sizeof c, k->reopen_ok, k->reopen_bp);
	pair(lab, sizeof lab, b, c);
	if (k->one_touch_ok && pk->one_touch_ok)
		dash_vs(d, k->one_touch_bp, pk->one_touch_bp, +1, CMP_BP);
	if (y < end) dash_line(app, d, y++, x, w, fit(t, sizeof t, "One-touch", "reopened", "1-touch", "reopened", w, lab), lab,
			  CX_EL_NORMAL, D_TICKETS, CX_TICKETS_SOLVED);
	if (d->dash.sla_on && y < end) {
		int64_t fr = 0, rs = 0, nr = 0;
		bool fr_ok = cx_sla_met_bp(&d->dash.sla, CX_SLA_FIRST, &fr);
		bool rs_ok = cx_sla_met_bp(&d->dash.sla, CX_SLA_RESOLUTION, &rs);
		bool nr_ok = cx_sla_met_bp(&d->dash.sla, CX_SLA_NEXT, &nr);
		pct_or_none(b, sizeof b, fr_ok, fr);
		pct_or_none(c, sizeof c, rs_ok, rs);
		pair(lab, sizeof lab, b, c);
		int64_t pfr = 0;
		if (fr_ok && d->prev.sla_on && cx_sla_met_bp(&d->prev.sla, CX_SLA_FIRST, &pfr))
			dash_vs(d, fr, pfr, +1, CMP_BP);
		bool warn = (fr_ok && fr < 9000) || (rs_ok && rs < 9000) || (nr_ok && nr < 9000);
		if (nr_ok) {
			/* Three figures: first reply, next reply, resolution. */
			char n[32], three[128];
			pct_or_none(n, sizeof n, nr_ok, nr);
			snprintf(three, sizeof three, "%s %s %s %s %s", b, cx_glyph(CX_G_DOT), n, cx_glyph(CX_G_DOT), c);
			const char *label = cx_ui_width("SLA met 1st, next, res") + 1 + cx_ui_width(three) <= w
						    ? "SLA met 1st, next, res"
						    : "SLA";
			dash_line(app, d, y++, x, w, label, three, warn ? CX_EL_WARN : CX_EL_GOOD, D_SLA, 0);
		} else {
			dash_line(app, d, y++, x, w, fit(t, sizeof t, "SLA met first reply", "resolution", "SLA met 1st", "res", w, lab),
			     lab, warn ? CX_EL_WARN : CX_EL_GOOD, D_SLA, 0);
		}
	}
	if (y < end) {
		cx_ui_style(app, CX_EL_MUTED);
		cx_ui_text(y, x, 6, "Daily", false);
		cx_ui_style(app, CX_EL_SPARKLINE);
		cx_ui_sparkline(y, x + 6, w - 6, d->dash.daily, d->dash.ndays);
		cx_ui_style(app, CX_EL_NORMAL);
	}
}

void dash_channels_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	dash_box(app, y, x, h, w, "Channels (tickets created)");
	y++, x += 2, w -= 4;
	int64_t max = 0;
	for (size_t i = 0; i < d->dash.nchannels; i++)
		if (d->dash.channels[i].raw.created > max)
			max = d->dash.channels[i].raw.created;
	for (size_t i = 0; i < d->dash.nchannels && (int)i < h - 2; i++) {
		char n[32];
		bool sel = d->nitems == d->selected;
		for (size_t k = 0; d->prev_loaded && k < d->prev.nchannels; k++)
			if (strcmp(d->prev.channels[k].key, d->dash.channels[i].key) == 0)
				dash_vs(d, d->dash.channels[i].raw.created, d->prev.channels[k].raw.created, 0, CMP_COUNT);
		dash_item(d, y + (int)i, x, w, D_CHANNEL, (int)i, d->dash.channels[i].key);
		cx_fmt_int(n, sizeof n, d->dash.channels[i].raw.created);
		/* Wide panels add each channel's FRT median and CSAT: loyalty and
		 * speed differ by channel, and that is what training targets. */
		char extra[64] = "";
		int ew = 0;
		if (w >= 56) {
			cx_ticket_kpi k = cx_ticket_kpi_of(&d->dash.channels[i].raw);
			char f[24], c[24];
			dur(f, sizeof f, &k.raw.frt, true);
			pct_or_none(c, sizeof c, k.csat_ok, k.csat_bp);
			snprintf(extra, sizeof extra, "FRT %7s  CSAT %7s", f, c);
			ew = 26;
		}
		cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
		cx_ui_text(y + (int)i, x, 7, d->dash.channels[i].key, false);
		cx_ui_style(app, CX_EL_BAR);
		cx_ui_bar(y + (int)i, x + 7, w - 15 - ew, d->dash.channels[i].raw.created, max);
		cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
		cx_ui_text(y + (int)i, x + w - 8 - ew, 8, n, true);
		if (ew) {
			cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_MUTED);
			cx_ui_text(y + (int)i, x + w - ew, ew, extra, true);
		}
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

void dash_people_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	char b[64], c[64], lab[128];
	const char *dot = cx_glyph(CX_G_DOT);
	snprintf(lab, sizeof lab, "Leaderboard %s claims %s watchlist", dot, dot);
	dash_box(app, y, x, h, w, lab);
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	/* The claims and watchlist lines keep their place at the bottom. */
	int room = end - y - 3 - (d->dash.alarm ? 1 : 0);
	for (int i = 0; i < d->dash.nleaders && i < room && y < end; i++) {
		cx_fmt_int(c, sizeof c, d->dash.leader_points[i]);
		snprintf(b, sizeof b, "%s pts", c);
		snprintf(lab, sizeof lab, "%d. %s", i + 1, d->dash.leaders[i].name);
		dash_line(app, d, y++, x, w, lab, b, CX_EL_GOOD, D_AGENT, i);
	}
	if (d->dash.alarm && y < end) {
		cx_ui_style(app, CX_EL_WARN);
		char fitted[160];
		snprintf(lab, sizeof lab, "%s Everyone looks the same: time for new tactics", cx_glyph(CX_G_WARNING));
		cx_ui_text(y++, x, w, dash_fit_words(lab, w, fitted, sizeof fitted), false);
		cx_ui_style(app, CX_EL_NORMAL);
	}
	cx_fmt_int(b, sizeof b, d->dash.claims_open);
	cx_fmt_int(c, sizeof c, d->dash.claims_due_7d);
	snprintf(lab, sizeof lab, "Claims open (%s due in 7 days)", c);
	dash_vs(d, d->dash.claims_open, d->prev.claims_open, 0, CMP_COUNT);
	if (y < end) dash_line(app, d, y++, x, w, lab, b, CX_EL_NORMAL, D_ROWS, F_CLAIMS_OPEN);
	cx_fmt_int(b, sizeof b, d->dash.claims_past_deadline);
	dash_vs(d, d->dash.claims_past_deadline, d->prev.claims_past_deadline, -1, CMP_COUNT);
	if (y < end) dash_line(app, d, y++, x, w, "Claims past deadline", b, d->dash.claims_past_deadline ? CX_EL_BAD : CX_EL_GOOD,
			  D_ROWS, F_CLAIMS_PAST);
	cx_fmt_int(b, sizeof b, d->dash.watch.watchlist);
	snprintf(lab, sizeof lab, "Watchlist (satisfaction %s 6)", cx_glyph(CX_G_LESS_EQUAL));
	dash_vs(d, d->dash.watch.watchlist, d->prev.watch.watchlist, -1, CMP_COUNT);
	if (y < end) dash_line(app, d, y++, x, w, lab, b, d->dash.watch.watchlist ? CX_EL_WARN : CX_EL_GOOD, D_ROWS,
			  F_WATCHLIST);
}

/* A figure picked before the period before was read gets its change
 * once it is: the status line follows the figures drawn. */
static void resay(struct cx_app *app, struct dashboard *d)
{
	if (!d->resay || !d->prev_loaded)
		return;
	d->resay = false;
	if (d->selected < d->nitems && d->items[d->selected].cmp.on && !app->status[0])
		say_change(app, d);
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct dashboard *d = v->state;
	d->nitems = 0;
	if (!d->loaded) {
		cx_ui_style(app, CX_EL_BAD);
		cx_ui_text(top + 1, 1, app->cols - 2, d->error, false);
		return;
	}
	/* The upper panels need 12 lines (an 80x24 terminal has 21 for all
	 * four); a screen a line taller gives them a 13th (the tickets panel's
	 * first resolution besides the SLA line), two lines taller a 14th (the
	 * waits), and the rest to the lists below (more agents, more per
	 * channel). */
	if (app->cols >= DASH_WIDE_COLS) {
		dash_wide_draw(app, d, top, height);
		if (d->selected >= d->nitems)
			d->selected = d->nitems ? d->nitems - 1 : 0;
		resay(app, d);
		return;
	}
	int upper = height >= 23 ? 14 : height >= 22 ? 13 : height >= 21 ? 12 : height / 2;
	int lower = height - upper;
	int half = app->cols / 2;
	dash_pnl_panel(app, d, top, 0, upper, half);
	dash_tickets_panel(app, d, top, half, upper, app->cols - half);
	dash_channels_panel(app, d, top + upper, 0, lower, half);
	dash_people_panel(app, d, top + upper, half, lower, app->cols - half);
	if (d->selected >= d->nitems)
		d->selected = d->nitems ? d->nitems - 1 : 0;
	resay(app, d);
}

/* Every figure opens a new instance of the view holding its rows, whose
 * total is the figure: Esc comes back here, to the same figure. */
static void drill(struct cx_app *app, struct dashboard *d, const struct item *it)
{
	struct cx_tickets_arg a = {0};
	switch (it->what) {
	case D_ROWS: {
		struct cx_rows_arg r = {.figure = figures[it->arg]};
		cx_nav_push(app, &cx_rows_ops, &r);
		return;
	}
	case D_WHATIF:
		cx_nav_push(app, &cx_whatif_ops, NULL);
		return;
	case D_SLA:
		cx_nav_push(app, &cx_table_ops, &cx_table_sla);
		return;
	case D_LIST:
		dash_wide_drill(app, d, it->arg);
		return;
	case D_TICKETS:
		a.filter.state = (enum cx_ticket_state)it->arg;
		break;
	case D_CHANNEL:
		if ((size_t)it->arg >= d->dash.nchannels)
			return;
		snprintf(a.filter.channel, sizeof a.filter.channel, "%s", d->dash.channels[it->arg].key);
		break;
	case D_AGENT:
		if (it->arg >= d->dash.nleaders)
			return;
		a.filter.agent_id = d->dash.leaders[it->arg].id;
		snprintf(a.who, sizeof a.who, "%s", d->dash.leaders[it->arg].name);
		break;
	}
	cx_nav_push(app, &cx_tickets_ops, &a);
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct dashboard *d = v->state;
	size_t sel = (size_t)d->selected;
	if (cx_move(req, &sel, (size_t)d->nitems, 5)) {
		d->selected = (int)sel;
		d->resay = !d->prev_loaded;
		say_change(app, d);
		return CX_HANDLED;
	}
	if (req != CX_REQ_OPEN)
		return CX_UNHANDLED;
	if (d->selected < d->nitems)
		drill(app, d, &d->items[d->selected]);
	return CX_HANDLED;
}

static enum cx_handled click(struct cx_app *app, struct cx_view *v, int y, int x)
{
	struct dashboard *d = v->state;
	/* The figures' places are screen rows, as drawn. */
	y += app->view_top;
	for (int i = 0; i < d->nitems; i++)
		if (d->items[i].y == y && x >= d->items[i].x && x < d->items[i].x + d->items[i].w) {
			bool again = d->selected == i;
			d->selected = i;
			d->resay = !d->prev_loaded;
			say_change(app, d);
			if (again)
				drill(app, d, &d->items[i]);
			return CX_HANDLED;
		}
	return CX_UNHANDLED;
}

static const struct cx_req_use keys[] = {
	{CX_REQ_DOWN, "the next figure"},
	{CX_REQ_UP, "the previous figure"},
	{CX_REQ_FIRST, "the first figure"},
	{CX_REQ_LAST, "the last figure"},
	{CX_REQ_OPEN, "open the rows behind the figure (Esc comes back)"},
	{CX_REQ_NONE, NULL},
};

const struct cx_view_ops cx_dashboard_ops = {
	.kind = "Dashboard",
	.state_size = sizeof(struct dashboard),
	.fini = fini,
	.load = load,
	.draw = draw,
	.handle = handle,
	.click = click,
	.keys = keys,
	.idle = idle,
};
