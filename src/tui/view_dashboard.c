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
#include "cxtop/dashboard.h"
#include "cxtop/format.h"
#include "cxtop/report.h"
#include "cxtop/table.h"
#include "glyphs.h"

enum drill {
	D_CAMPAIGNS,
	D_AGENTS,
	D_CLAIMS,
	D_TICKETS,
	D_UNRESOLVED,
	D_UNANSWERED,
	D_CHANNEL,
	D_AGENT,
	D_WATCHLIST,
	D_WHATIF,
	D_SLA,
};

struct item {
	int y, x, w;
	enum drill what;
	int arg; /* channel index or top-agent index */
};

struct dashboard {
	cx_dashboard dash;
	bool loaded;
	char error[256];
	struct item items[40]; /* the selectable figures, as last drawn */
	int nitems, selected;
};

static void fini(struct cx_view *v)
{
	struct dashboard *d = v->state;
	if (d->loaded)
		cx_dashboard_free(&d->dash);
	d->loaded = false;
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
}

static void money(const struct dashboard *d, char *buf, size_t len, int64_t v)
{
	cx_fmt_money(buf, len, v, d->dash.currency);
}

static void add_item(struct dashboard *d, int y, int x, int w, enum drill what, int arg)
{
	if (d->nitems < (int)(sizeof d->items / sizeof d->items[0]))
		d->items[d->nitems++] = (struct item){y, x, w, what, arg};
}

/* "label ........ value" in width w, the value styled; selectable when
 * `what` is not -1. */
static void line(struct cx_app *app, struct dashboard *d, int y, int x, int w, const char *label, const char *value, enum cx_element el,
		 int what, int arg)
{
	int vw = cx_ui_width(value);
	if (vw > w - 2)
		vw = w - 2;
	/* At least one blank between a (clipped) label and its value. */
	int lw = w - vw - 1;
	bool sel = what >= 0 && d->nitems == d->selected;
	if (what >= 0)
		add_item(d, y, x, w, (enum drill)what, arg);
	cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
	cx_ui_text(y, x, lw, label, false);
	cx_ui_text(y, x + lw, 1, "", false);
	cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : el);
	cx_ui_text(y, x + w - vw, vw, value, true);
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

static void pnl_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	char b[64], title[64];
	const cx_pnl *p = &d->dash.pnl;
	cx_ui_box(app, y, x, h, w, "Support P&L");
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	/* Too short for every line: the bottom line first. */
	if (h - 2 < 10) {
		money(d, b, sizeof b, p->attributed);
		if (y < end) line(app, d, y++, x, w, "Attributed", b, CX_EL_MONEY, D_CAMPAIGNS, 0);
		money(d, b, sizeof b, p->net);
		snprintf(title, sizeof title, "Net %s %s", cx_glyph(p->profit_center ? CX_G_TICK : CX_G_CROSS),
			 p->profit_center ? "profit" : "loss");
		if (y < end) line(app, d, y++, x, w, title, b, p->profit_center ? CX_EL_GOOD : CX_EL_BAD, D_WHATIF, 0);
		cx_break_even_words(p, b, sizeof b);
		if (y < end) line(app, d, y++, x, w, "Break-even", b, CX_EL_MUTED, D_WHATIF, 0);
		money(d, b, sizeof b, -p->fixed - p->raw.cogs - p->raw.campaigns - p->liability);
		if (y < end) line(app, d, y++, x, w, "All costs", b, CX_EL_NORMAL, -1, 0);
		return;
	}
	money(d, b, sizeof b, p->raw.upsell);
	if (y < end) line(app, d, y++, x, w, "Upsell", b, CX_EL_MONEY, D_CAMPAIGNS, 0);
	money(d, b, sizeof b, p->raw.winback);
	if (y < end) line(app, d, y++, x, w, "Win-back", b, CX_EL_MONEY, D_CAMPAIGNS, 0);
	money(d, b, sizeof b, p->raw.discount_codes);
	if (y < end) line(app, d, y++, x, w, "Discount codes", b, CX_EL_MONEY, D_AGENTS, 0);
	money(d, b, sizeof b, p->raw.claims_recovered);
	if (y < end) line(app, d, y++, x, w, "Claims recovered", b, CX_EL_MONEY, D_CLAIMS, 0);
	money(d, b, sizeof b, -p->raw.cogs);
	if (y < end) line(app, d, y++, x, w, "COGS", b, CX_EL_NORMAL, -1, 0);
	money(d, b, sizeof b, -p->raw.campaigns);
	if (y < end) line(app, d, y++, x, w, "Campaign costs", b, CX_EL_NORMAL, D_CAMPAIGNS, 0);
	money(d, b, sizeof b, -p->fixed);
	if (y < end) line(app, d, y++, x, w, "Staff, platform, other", b, CX_EL_NORMAL, -1, 0);
	char pct[16];
	cx_fmt_bp(pct, sizeof pct, p->liability_bp);
	snprintf(title, sizeof title, "Returns liability %s %%", pct);
	money(d, b, sizeof b, -p->liability);
	if (y < end) line(app, d, y++, x, w, title, b, CX_EL_NORMAL, D_WHATIF, 0);
	money(d, b, sizeof b, p->net);
	snprintf(title, sizeof title, "Net %s %s", cx_glyph(p->profit_center ? CX_G_TICK : CX_G_CROSS),
		 p->profit_center ? "profit center" : "cost center");
	if (y < end) line(app, d, y++, x, w, title, b, p->profit_center ? CX_EL_GOOD : CX_EL_BAD, D_WHATIF, 0);
	cx_break_even_words(p, b, sizeof b);
	if (y < end) line(app, d, y++, x, w, "Break-even liability", b, CX_EL_MUTED, D_WHATIF, 0);
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

static void tickets_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	char b[64], c[64], lab[96], t[96];
	const cx_ticket_kpi *k = &d->dash.tickets;
	cx_ui_box(app, y, x, h, w, "Tickets");
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	cx_fmt_int(b, sizeof b, k->raw.created);
	cx_fmt_int(c, sizeof c, k->raw.solved);
	pair(lab, sizeof lab, b, c);
	if (y < end) line(app, d, y++, x, w, pair(t, sizeof t, "Created", "solved"), lab, CX_EL_NORMAL, D_TICKETS, 0);
	cx_fmt_int(b, sizeof b, d->dash.backlog);
	if (y < end) line(app, d, y++, x, w, "Backlog at period end", b,
			  d->dash.backlog > k->raw.solved / 4 ? CX_EL_WARN : CX_EL_NORMAL, D_UNRESOLVED, 0);
	cx_fmt_int(b, sizeof b, k->raw.unanswered);
	if (y < end) line(app, d, y++, x, w, "Never answered", b, k->raw.unanswered ? CX_EL_WARN : CX_EL_GOOD,
			  D_UNANSWERED, 0);
	dur(b, sizeof b, &k->raw.frt, true);
	dur(c, sizeof c, &k->raw.frt, false);
	pair(lab, sizeof lab, b, c);
	if (y < end) line(app, d, y++, x, w, fit(t, sizeof t, "First response med", "p90", "1st reply med", "p90", w, lab), lab,
			  CX_EL_NORMAL, D_TICKETS, 0);
	dur(b, sizeof b, &k->raw.resolution, true);
	dur(c, sizeof c, &k->raw.resolution, false);
	pair(lab, sizeof lab, b, c);
	if (y < end) line(app, d, y++, x, w, fit(t, sizeof t, "Resolution med", "p90", "Resolved med", "p90", w, lab), lab,
			  CX_EL_NORMAL, D_TICKETS, 0);
	pct_or_none(b, sizeof b, k->csat_ok, k->csat_bp);
	cx_fmt_int(c, sizeof c, k->unrated);
	snprintf(lab, sizeof lab, "CSAT (%s unrated)", c);
	if (y < end) line(app, d, y++, x, w, lab, b, k->csat_ok && k->csat_bp >= 8000 ? CX_EL_GOOD : CX_EL_WARN, D_TICKETS, 0);
	if (k->nps_ok)
		cx_fmt_bp(b, sizeof b, k->nps_bp);
	else
		none(b, sizeof b);
	if (y < end) line(app, d, y++, x, w, "NPS", b, k->nps_ok && k->nps_bp > 0 ? CX_EL_GOOD : CX_EL_BAD, D_TICKETS, 0);
	pct_or_none(b, sizeof b, k->one_touch_ok, k->one_touch_bp);
	pct_or_none(c, sizeof c, k->reopen_ok, k->reopen_bp);
	pair(lab, sizeof lab, b, c);
	if (y < end) line(app, d, y++, x, w, fit(t, sizeof t, "One-touch", "reopened", "1-touch", "reopened", w, lab), lab,
			  CX_EL_NORMAL, D_TICKETS, 0);
	if (d->dash.sla_on && y < end) {
		int64_t fr = 0, rs = 0;
		bool fr_ok = cx_sla_met_bp(&d->dash.sla, CX_SLA_FIRST, &fr);
		bool rs_ok = cx_sla_met_bp(&d->dash.sla, CX_SLA_RESOLUTION, &rs);
		pct_or_none(b, sizeof b, fr_ok, fr);
		pct_or_none(c, sizeof c, rs_ok, rs);
		pair(lab, sizeof lab, b, c);
		line(app, d, y++, x, w, fit(t, sizeof t, "SLA met first reply", "resolution", "SLA met 1st", "res", w, lab), lab,
		     (fr_ok && fr < 9000) || (rs_ok && rs < 9000) ? CX_EL_WARN : CX_EL_GOOD, D_SLA, 0);
	}
	if (y < end) {
		cx_ui_style(app, CX_EL_MUTED);
		cx_ui_text(y, x, 6, "Daily", false);
		cx_ui_style(app, CX_EL_SPARKLINE);
		cx_ui_sparkline(y, x + 6, w - 6, d->dash.daily, d->dash.ndays);
		cx_ui_style(app, CX_EL_NORMAL);
	}
}

static void channels_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	cx_ui_box(app, y, x, h, w, "Channels (tickets created)");
	y++, x += 2, w -= 4;
	int64_t max = 0;
	for (size_t i = 0; i < d->dash.nchannels; i++)
		if (d->dash.channels[i].raw.created > max)
			max = d->dash.channels[i].raw.created;
	for (size_t i = 0; i < d->dash.nchannels && (int)i < h - 2; i++) {
		char n[32];
		bool sel = d->nitems == d->selected;
		add_item(d, y + (int)i, x, w, D_CHANNEL, (int)i);
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

static void people_panel(struct cx_app *app, struct dashboard *d, int y, int x, int h, int w)
{
	char b[64], c[64], lab[128];
	const char *dot = cx_glyph(CX_G_DOT);
	snprintf(lab, sizeof lab, "Leaderboard %s claims %s watchlist", dot, dot);
	cx_ui_box(app, y, x, h, w, lab);
	y++, x += 2, w -= 4;
	int end = y + h - 2;
	/* The claims and watchlist lines keep their place at the bottom. */
	int room = end - y - 3 - (d->dash.alarm ? 1 : 0);
	for (int i = 0; i < d->dash.nleaders && i < room && y < end; i++) {
		cx_fmt_int(c, sizeof c, d->dash.leader_points[i]);
		snprintf(b, sizeof b, "%s pts", c);
		snprintf(lab, sizeof lab, "%d. %s", i + 1, d->dash.leaders[i].name);
		line(app, d, y++, x, w, lab, b, CX_EL_GOOD, D_AGENT, i);
	}
	if (d->dash.alarm && y < end) {
		cx_ui_style(app, CX_EL_WARN);
		snprintf(lab, sizeof lab, "%s Everyone looks the same: time for new tactics", cx_glyph(CX_G_WARNING));
		cx_ui_text(y++, x, w, lab, false);
		cx_ui_style(app, CX_EL_NORMAL);
	}
	cx_fmt_int(b, sizeof b, d->dash.claims_open);
	cx_fmt_int(c, sizeof c, d->dash.claims_due_7d);
	snprintf(lab, sizeof lab, "Claims open (%s due in 7 days)", c);
	if (y < end) line(app, d, y++, x, w, lab, b, CX_EL_NORMAL, D_CLAIMS, 0);
	cx_fmt_int(b, sizeof b, d->dash.claims_past_deadline);
	if (y < end) line(app, d, y++, x, w, "Claims past deadline", b, d->dash.claims_past_deadline ? CX_EL_BAD : CX_EL_GOOD,
			  D_CLAIMS, 0);
	cx_fmt_int(b, sizeof b, d->dash.watch.watchlist);
	snprintf(lab, sizeof lab, "Watchlist (satisfaction %s 6)", cx_glyph(CX_G_LESS_EQUAL));
	if (y < end) line(app, d, y++, x, w, lab, b, d->dash.watch.watchlist ? CX_EL_WARN : CX_EL_GOOD,
			  D_WATCHLIST, 0);
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
	 * four); a taller screen gives the rest to the lists below (more
	 * agents, more per channel). */
	int upper = height >= 21 ? 12 : height / 2;
	int lower = height - upper;
	int half = app->cols / 2;
	pnl_panel(app, d, top, 0, upper, half);
	tickets_panel(app, d, top, half, upper, app->cols - half);
	channels_panel(app, d, top + upper, 0, lower, half);
	people_panel(app, d, top + upper, half, lower, app->cols - half);
	if (d->selected >= d->nitems)
		d->selected = d->nitems ? d->nitems - 1 : 0;
}

/* Every figure opens a new instance of the view holding its rows: Esc
 * comes back here, to the same figure. */
static void drill(struct cx_app *app, struct dashboard *d, const struct item *it)
{
	struct cx_tickets_arg a = {0};
	int watchlist = 1;
	switch (it->what) {
	case D_CAMPAIGNS:
		cx_nav_push(app, &cx_table_ops, &cx_table_campaigns);
		return;
	case D_AGENTS:
		cx_nav_push(app, &cx_table_ops, &cx_table_agents);
		return;
	case D_CLAIMS:
		cx_nav_push(app, &cx_table_ops, &cx_table_claims);
		return;
	case D_WATCHLIST:
		cx_nav_push(app, &cx_customers_ops, &watchlist);
		return;
	case D_WHATIF:
		cx_nav_push(app, &cx_whatif_ops, NULL);
		return;
	case D_SLA:
		cx_nav_push(app, &cx_table_ops, &cx_table_sla);
		return;
	case D_TICKETS:
		break;
	case D_UNRESOLVED:
		a.filter.state = 1;
		break;
	case D_UNANSWERED:
		a.filter.state = 3;
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
};
