/* view_whatif.c — what if the rules or the results were different?
 *
 * Sliders (whatif_levers.c) for the returns-liability percentage (with its
 * break-even marked), the upsell response rate, the win-back recovery rate,
 * the upsell cost per contact, and the order-notification shop's
 * shipments, average check, buyout change and cost per order, in the
 * shop's own currency.  The period's figures are read once; moving a slider only calls
 * cx_whatif_compute(), so sliding runs no query.  The liability slider at
 * PCT shows what `cxtop report pnl --liability PCT` prints (same model
 * function).  Enter on the liability asks, then applies it to the store as
 * an audited edit (u undoes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "cxtop/model.h"
#include "glyphs.h"
#include "whatif_levers.h"

#define MONTHS 6

struct whatif {
	cx_whatif_base base;
	cx_levers actual, now;
	cx_pnl_raw month_raw[MONTHS];
	cx_period months[MONTHS];
	char notify_currency[8];
	bool loaded;
	unsigned touched; /* the levers moved (1 << lever): they keep their value from period to period */
	int selected;
	int scroll; /* the levers' first row shown, on a short screen */
	char error[256];
	char question[96];
};

static int64_t setting_int(cx_store *st, const char *key)
{
	char buf[32];
	int64_t v = 0;
	if (cx_store_setting(st, key, buf, sizeof buf))
		sscanf(buf, "%lld", (long long *)&v);
	return v;
}

static int load_base(struct cx_app *app, struct whatif *wi, cx_error *err)
{
	memset(&wi->base, 0, sizeof wi->base);
	if (cx_store_pnl(app->st, &app->period, &wi->base.pnl, err) < 0)
		return -1;
	cx_campaign_row *rows;
	size_t n;
	if (cx_store_campaigns(app->st, &app->period, &rows, &n, err) < 0)
		return -1;
	/* Contacts (the rates' denominators) from the campaigns; revenue, COGS
	 * and conversions from the orders placed in the period, exactly as the
	 * P&L counts them, so that a lever at its actual value changes nothing
	 * and a lever at 0 takes away exactly the P&L's upsell or win-back. */
	for (size_t i = 0; i < n; i++) {
		const cx_campaign_raw *r = &rows[i].raw;
		if (strcmp(rows[i].kind, "upsell") == 0) {
			wi->base.upsell_contacts += r->contacted;
			wi->base.upsell_cost = cx_sat_add(wi->base.upsell_cost, cx_sat_mul(r->contacted, r->cost_per_contact));
		} else if (strcmp(rows[i].kind, "winback") == 0) {
			wi->base.winback_reached += r->contacted;
		}
	}
	free(rows);
	cx_attributed at;
	if (cx_store_attributed(app->st, &app->period, &at, err) < 0)
		return -1;
	wi->base.upsell_converted = at.orders[0];
	wi->base.upsell_revenue = at.revenue[0];
	wi->base.upsell_cogs = at.cogs[0];
	wi->base.winback_recovered = at.orders[1];
	wi->base.winback_revenue = at.revenue[1];
	wi->base.winback_cogs = at.cogs[1];
	wi->base.shipments = setting_int(app->st, "notify_shipments");
	wi->base.avg_check = setting_int(app->st, "notify_avg_check");
	if (!cx_store_setting(app->st, "notify_currency", wi->notify_currency, sizeof wi->notify_currency))
		cx_store_currency(app->st, wi->notify_currency, sizeof wi->notify_currency);

	/* The calls lever starts at the cheapest channel that costs money. */
	cx_notify_row *ch;
	int64_t buyout = 0, cpo = 0;
	if (cx_store_notify(app->st, &ch, &n, err) < 0)
		return -1;
	bool found = false;
	for (size_t i = 0; i < n; i++)
		if (ch[i].ch.has_cost && (!found || ch[i].ch.cost_min < cpo)) {
			found = true;
			cpo = ch[i].ch.cost_min;
			buyout = ch[i].ch.buyout_min_bp;
		}
	free(ch);
	int64_t cpc = wi->base.upsell_contacts ? cx_div_round(wi->base.upsell_cost, wi->base.upsell_contacts) : 0;
	wi->actual = cx_levers_actual(&wi->base, cx_store_liability_bp(app->st), cpc, buyout, cpo);
	return 0;
}

static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct whatif *wi = v->state;
	snprintf(wi->notify_currency, sizeof wi->notify_currency, "%s", app->currency);
	snprintf(v->title, sizeof v->title, "What-if");
}

static void load(struct cx_app *app, struct cx_view *v)
{
	struct whatif *wi = v->state;
	cx_error err = {0};
	wi->loaded = false;
	if (load_base(app, wi, &err) < 0) {
		snprintf(wi->error, sizeof wi->error, "%s", err.msg);
		return;
	}
	/* A lever not moved follows the period; one moved keeps its value. */
	for (int i = 0; i < CX_L_COUNT; i++)
		if (!(wi->touched & 1u << i))
			*cx_lever_value(&wi->now, i) = *cx_lever_value(&wi->actual, i);
	/* The six months up to the period's end: would each still have been a
	 * profit center at the slider's liability? */
	cx_period m = cx_period_containing(CX_PERIOD_MONTH, app->period.to_day);
	for (int i = MONTHS - 1; i >= 0; i--) {
		wi->months[i] = m;
		if (cx_store_pnl(app->st, &m, &wi->month_raw[i], &err) < 0) {
			snprintf(wi->error, sizeof wi->error, "%s", err.msg);
			return;
		}
		m = cx_period_step(m, -1);
	}
	wi->loaded = true;
}

/* Where the P&L's figures go: under the levers' from 76 columns on, else
 * three columns of 12 at the right edge, the label taking the rest. */
struct pnl_cols {
	int x[3], w, label_w;
};

static struct pnl_cols pnl_cols(const struct cx_app *app)
{
	if (app->cols >= 76)
		return (struct pnl_cols){.x = {27, 44, 61}, .w = 15, .label_w = 24};
	int x = app->cols - 36;
	return (struct pnl_cols){.x = {x, x + 12, x + 24}, .w = 12, .label_w = x - 3};
}

static void row(struct cx_app *app, const struct pnl_cols *c, int y, const char *label, int64_t a, int64_t b,
		enum cx_element el)
{
	char sa[40], sb[40], sd[40];
	cx_fmt_money(sa, sizeof sa, a, app->currency);
	cx_fmt_money(sb, sizeof sb, b, app->currency);
	cx_fmt_money(sd, sizeof sd, b - a, app->currency);
	cx_ui_style(app, CX_EL_NORMAL);
	cx_ui_text(y, 2, c->label_w, label, false);
	cx_ui_style(app, el);
	cx_ui_text(y, c->x[0], c->w, sa, true);
	cx_ui_text(y, c->x[1], c->w, sb, true);
	cx_ui_style(app, b - a < 0 ? CX_EL_BAD : CX_EL_NORMAL);
	int dw = app->cols - 1 - c->x[2] < c->w ? app->cols - 1 - c->x[2] : c->w;
	cx_ui_text(y, c->x[2], dw, sd, true);
	cx_ui_style(app, CX_EL_NORMAL);
}

/* The P&L as it was and as it would be, in `rows` lines (8 for all of it;
 * fewer on a short screen keep, in this order, net, the liability, the
 * attributed revenue, whether support is a profit center and the costs). */
static void pnl_table(struct cx_app *app, struct whatif *wi, const cx_whatif *w, const cx_whatif *w0, int y, int rows)
{
	struct pnl_cols c = pnl_cols(app);
	bool brief = c.label_w < 22;
	char a[40], liab[96];
	cx_fmt_money(a, sizeof a, wi->base.pnl.returns_cost, app->currency);
	snprintf(liab, sizeof liab, "Liability on %s", a);
	if (brief || cx_ui_width(liab) > c.label_w)
		snprintf(liab, sizeof liab, "Returns liability");
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_fill(y, 0, app->cols);
	cx_ui_text(y, c.x[0], c.w, "as it was", true);
	cx_ui_text(y, c.x[1], c.w, "what if", true);
	cx_ui_text(y, c.x[2], app->cols - 1 - c.x[2] < c.w ? app->cols - 1 - c.x[2] : c.w, "difference", true);
	y++;
	/* Each line's rank: the lines kept when only `rows - 1` fit. */
	int keep = rows - 1;
	if (keep > 2)
		row(app, &c, y++, "Attributed revenue", w0->pnl.attributed, w->pnl.attributed, CX_EL_MONEY);
	if (keep > 4)
		row(app, &c, y++, "COGS", -w0->pnl.raw.cogs, -w->pnl.raw.cogs, CX_EL_NORMAL);
	if (keep > 5)
		row(app, &c, y++, "Campaign costs", -w0->pnl.raw.campaigns, -w->pnl.raw.campaigns, CX_EL_NORMAL);
	if (keep > 6)
		row(app, &c, y++, brief ? "Fixed costs" : "Staff, platform, other", -w0->pnl.fixed, -w->pnl.fixed,
		    CX_EL_NORMAL);
	if (keep > 1)
		row(app, &c, y++, liab, -w0->pnl.liability, -w->pnl.liability, CX_EL_NORMAL);
	if (keep > 0)
		row(app, &c, y++, "Net", w0->pnl.net, w->pnl.net, w->pnl.profit_center ? CX_EL_GOOD : CX_EL_BAD);
	if (keep > 3) {
		cx_ui_style(app, CX_EL_NORMAL);
		cx_ui_text(y, 2, c.label_w, "Profit center", false);
		cx_ui_style(app, w0->pnl.profit_center ? CX_EL_GOOD : CX_EL_BAD);
		cx_ui_text(y, c.x[0], c.w, w0->pnl.profit_center ? "yes" : "no", true);
		cx_ui_style(app, w->pnl.profit_center ? CX_EL_GOOD : CX_EL_BAD);
		cx_ui_text(y, c.x[1], c.w, w->pnl.profit_center ? "yes" : "no", true);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

/* Keeps the selected lever (and, under the last, the shop's net gain) in
 * the `rows` lines the levers have. */
static void scroll_levers(struct whatif *wi, int rows)
{
	int at = cx_lever_row(wi->selected);
	int last = wi->selected == CX_L_COUNT - 1 ? at + 1 : at;
	/* A group's first lever brings its heading along. */
	if (wi->selected == 0 || wi->selected == CX_L_SHIPMENTS)
		at--;
	if (at < wi->scroll)
		wi->scroll = at;
	if (last >= wi->scroll + rows)
		wi->scroll = last - rows + 1;
	if (wi->scroll > CX_LEVER_ROWS - rows)
		wi->scroll = CX_LEVER_ROWS - rows;
	if (wi->scroll < 0)
		wi->scroll = 0;
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct whatif *wi = v->state;
	if (!wi->loaded) {
		cx_ui_style(app, CX_EL_BAD);
		cx_ui_text(top + 1, 1, app->cols - 2, wi->error, false);
		return;
	}
	cx_whatif w = cx_whatif_compute(&wi->base, &wi->actual, &wi->now);
	cx_whatif w0 = cx_whatif_compute(&wi->base, &wi->actual, &wi->actual);
	char a[40], b[40], line[256];
	int y = top, end = top + height;
	/* Everything needs the keys' line, the levers and the whole P&L; a
	 * shorter screen drops the keys' line (? lists them), then shortens
	 * the P&L to its bottom lines and scrolls the levers above it. */
	bool all = height >= 1 + CX_LEVER_ROWS + 8;
	int pnl_rows = all ? 8 : height - CX_LEVER_ROWS;
	pnl_rows = pnl_rows > 8 ? 8 : pnl_rows < 4 ? 4 : pnl_rows;
	if (all) {
		cx_ui_style(app, CX_EL_MUTED);
		cx_break_even_words(&w0.pnl, b, sizeof b);
		const char *dot = cx_glyph(CX_G_DOT);
		/* Whole items only: on a narrower screen the moves lose their
		 * fine steps, then Enter and r go (? lists every key); the
		 * marks' legend stays, as the sliders need it. */
		char move[96], legend[160];
		snprintf(move, sizeof move, "%s/%s move (</> fine, PgUp/PgDn 10%s)", cx_glyph(CX_G_LEFT),
			 cx_glyph(CX_G_RIGHT), cx_glyph(CX_G_TIMES));
		snprintf(legend, sizeof legend, "%s break-even %s %s %s as it was", cx_glyph(CX_G_MARK_BREAK_EVEN), b,
			 dot, cx_glyph(CX_G_MARK_ACTUAL));
		for (int level = 0; level < 4; level++) {
			char reset[32] = "", enter[64] = "";
			if (level == 1)
				snprintf(move, sizeof move, "%s/%s move", cx_glyph(CX_G_LEFT), cx_glyph(CX_G_RIGHT));
			if (level < 3)
				snprintf(reset, sizeof reset, " %s r reset", dot);
			if (level < 2)
				snprintf(enter, sizeof enter, " %s Enter applies the liability", dot);
			snprintf(line, sizeof line, " j/k lever %s %s%s%s %s %s", dot, move, reset, enter, dot, legend);
			if (cx_ui_width(line) <= app->cols)
				break;
		}
		cx_ui_text(y++, 0, app->cols, line, false);
	}
	int lever_rows = end - y - pnl_rows;
	if (lever_rows > CX_LEVER_ROWS)
		lever_rows = CX_LEVER_ROWS;
	if (lever_rows < 1)
		lever_rows = 1;
	if (all)
		wi->scroll = 0;
	else
		scroll_levers(wi, lever_rows);
	struct cx_lever_block block = {.now = &wi->now, .actual = &wi->actual, .w = &w, .w0 = &w0,
				       .currency = app->currency, .notify_currency = wi->notify_currency,
				       .selected = wi->selected, .skip = wi->scroll};
	y += cx_levers_draw(app, &block, y, lever_rows);
	/* Blank lines between the parts when the screen has them to spare. */
	bool roomy = all && end - y >= 8 + 1 + 2 + 1;
	y += roomy;
	if (y + pnl_rows > end)
		return;
	pnl_table(app, wi, &w, &w0, y, pnl_rows);
	y += pnl_rows + roomy;
	if (!all || y >= end)
		return;
	cx_fmt_bp(a, sizeof a, wi->now.liability_bp);
	snprintf(line, sizeof line, "Profit center at %s %%:", a);
	cx_ui_style(app, CX_EL_HEADER);
	int x = cx_ui_text(y, 2, cx_ui_width(line) + 1, line, false) + 3;
	for (int i = 0; i < MONTHS && x + 7 < app->cols; i++) {
		cx_pnl p = cx_pnl_compute(&wi->month_raw[i], wi->now.liability_bp);
		char label[64];
		cx_period_label(wi->months[i], label, sizeof label);
		snprintf(line, sizeof line, "%.3s %s", label, cx_glyph(p.profit_center ? CX_G_TICK : CX_G_CROSS));
		cx_ui_style(app, p.profit_center ? CX_EL_GOOD : CX_EL_BAD);
		x += cx_ui_text(y, x, 6, line, false) + 1;
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void set(struct cx_app *app, struct whatif *wi, int64_t delta)
{
	int64_t *v = cx_lever_value(&wi->now, wi->selected);
	struct cx_lever_steps s = cx_lever_steps(&wi->actual, wi->selected);
	int64_t nv = cx_sat_add(*v, delta);
	if (nv < s.min)
		nv = s.min;
	if (nv > s.max)
		nv = s.max;
	*v = nv;
	wi->touched |= 1u << wi->selected;
	app->status[0] = '\0';
}

static void on_confirm(struct cx_app *app, struct cx_view *v, bool done)
{
	struct whatif *wi = v->state;
	/* One key answers: y or n, no Enter needed. */
	if (!done) {
		if (!app->input[0])
			return;
		app->prompt = NULL;
		app->prompt_view = NULL;
	}
	char a[32], value[32];
	cx_fmt_bp(a, sizeof a, wi->now.liability_bp);
	if (app->input[0] != 'y' && app->input[0] != 'Y') {
		cx_app_status(app, false, "not applied: the stored liability stays as it was");
		return;
	}
	cx_error err = {0};
	snprintf(value, sizeof value, "%lld", (long long)wi->now.liability_bp);
	if (cx_store_setting_set(app->st, "returns_liability_bp", value, app->actor, &err) < 0) {
		cx_app_status(app, true, "%s", err.msg);
		return;
	}
	cx_app_edited(app);
	cx_app_status(app, false, "returns liability set to %s %% in the store; u undoes", a);
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct whatif *wi = v->state;
	const int64_t at = *cx_lever_value(&wi->now, wi->selected);
	const struct cx_lever_steps s = cx_lever_steps(&wi->actual, wi->selected);
	size_t sel = (size_t)wi->selected;
	switch (req) {
	case CX_REQ_DOWN:
	case CX_REQ_UP:
		cx_move(req, &sel, CX_L_COUNT, 1);
		wi->selected = (int)sel;
		return CX_HANDLED;
	case CX_REQ_RIGHT:
		set(app, wi, s.step);
		return CX_HANDLED;
	case CX_REQ_LEFT:
		set(app, wi, -s.step);
		return CX_HANDLED;
	case CX_REQ_SORT_NEXT:
		set(app, wi, s.fine);
		return CX_HANDLED;
	case CX_REQ_SORT_PREV:
		set(app, wi, -s.fine);
		return CX_HANDLED;
	case CX_REQ_PAGE_UP:
		set(app, wi, s.coarse);
		return CX_HANDLED;
	case CX_REQ_PAGE_DOWN:
		set(app, wi, -s.coarse);
		return CX_HANDLED;
	case CX_REQ_FIRST:
		set(app, wi, s.min - at);
		return CX_HANDLED;
	case CX_REQ_LAST:
		set(app, wi, s.max - at);
		return CX_HANDLED;
	case CX_REQ_RESET:
		wi->now = wi->actual;
		wi->touched = 0;
		cx_app_status(app, false, "every lever back where the period really was");
		return CX_HANDLED;
	case CX_REQ_OPEN: {
		if (wi->selected != CX_L_LIABILITY) {
			cx_app_status(app, false, "only the liability is applied to the store; the other levers are what-ifs");
			return CX_HANDLED;
		}
		if (!cx_app_writable(app))
			return CX_HANDLED;
		char a[32];
		cx_fmt_bp(a, sizeof a, wi->now.liability_bp);
		snprintf(wi->question, sizeof wi->question, "apply a returns liability of %s %% to the store? (y/n) ", a);
		cx_app_prompt(app, v, wi->question, on_confirm);
		return CX_HANDLED;
	}
	default:
		return CX_UNHANDLED;
	}
}

static const struct cx_req_use keys[] = {
	{CX_REQ_DOWN, "the next lever"},
	{CX_REQ_UP, "the previous lever"},
	{CX_REQ_RIGHT, "move it one step up (1 point; 10 cents a contact; 100 shipments; 10.00 of the check; "
		       "0.1 point of buyout; 1.00 an order)"},
	{CX_REQ_LEFT, "move it one step down"},
	{CX_REQ_SORT_NEXT, "a tenth of a step up"},
	{CX_REQ_SORT_PREV, "a tenth of a step down"},
	{CX_REQ_PAGE_UP, "ten steps up"},
	{CX_REQ_PAGE_DOWN, "ten steps down"},
	{CX_REQ_FIRST, "the lever's minimum"},
	{CX_REQ_LAST, "the lever's maximum"},
	{CX_REQ_RESET, NULL},
	{CX_REQ_OPEN, "on the liability: apply it to the store (asks first; u undoes)"},
	{CX_REQ_NONE, NULL},
};

const struct cx_view_ops cx_whatif_ops = {
	.kind = "What-if",
	.state_size = sizeof(struct whatif),
	.init = init,
	.load = load,
	.draw = draw,
	.handle = handle,
	.keys = keys,
};
