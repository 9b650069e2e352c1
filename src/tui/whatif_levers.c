/* whatif_levers.c — the what-if levers: their ranges, how their values
 * read, and the block of sliders (see whatif_levers.h). */
#include <stdio.h>
#include <string.h>

#include "cxtop/format.h"
#include "glyphs.h"
#include "whatif_levers.h"

/* How a lever's value reads: a percentage (bp), the store's money, the
 * shop's money (its currency is in the label), a count. */
enum kind { K_PCT, K_MONEY, K_SHOP_MONEY, K_COUNT };

static const struct {
	const char *label; /* the shop's money adds its currency */
	enum kind kind;
	struct cx_lever_steps steps;
} levers[CX_L_COUNT] = {
	[CX_L_LIABILITY] = {"Returns liability", K_PCT, {0, 10000, 100, 10, 1000}},
	[CX_L_UPSELL] = {"Upsell response", K_PCT, {0, 10000, 100, 10, 1000}},
	[CX_L_WINBACK] = {"Win-back recovery", K_PCT, {0, 10000, 100, 10, 1000}},
	[CX_L_CPC] = {"Upsell cost/contact", K_MONEY, {0, 2000, 10, 1, 100}},
	[CX_L_SHIPMENTS] = {"Shipments a month", K_COUNT, {0, 20000, 100, 10, 1000}},
	[CX_L_AVG_CHECK] = {"Average check", K_SHOP_MONEY, {0, 1000000, 1000, 100, 10000}},
	[CX_L_BUYOUT] = {"Buyout change", K_PCT, {-1000, 1000, 10, 1, 100}},
	[CX_L_CPO] = {"Cost per order", K_SHOP_MONEY, {0, 20000, 100, 10, 1000}},
};

/* The columns: the label, the slider (what is left), then three figures
 * (what if, as it was, the change) and, on a screen wide enough, each
 * P&L lever's effect on net. */
#define LABEL_W 21
#define EFFECT_W 12

int64_t *cx_lever_value(cx_levers *l, int i)
{
	switch (i) {
	case CX_L_UPSELL:
		return &l->upsell_rate_bp;
	case CX_L_WINBACK:
		return &l->winback_rate_bp;
	case CX_L_CPC:
		return &l->cost_per_contact;
	case CX_L_SHIPMENTS:
		return &l->shipments;
	case CX_L_AVG_CHECK:
		return &l->avg_check;
	case CX_L_BUYOUT:
		return &l->buyout_bp;
	case CX_L_CPO:
		return &l->cost_per_order;
	case CX_L_LIABILITY:
	default:
		return &l->liability_bp;
	}
}

struct cx_lever_steps cx_lever_steps(const cx_levers *actual, int i)
{
	struct cx_lever_steps s = levers[i].steps;
	cx_levers a = *actual;
	int64_t was = *cx_lever_value(&a, i);
	if ((i == CX_L_SHIPMENTS || i == CX_L_AVG_CHECK) && was > s.max / 2)
		s.max = cx_sat_add(was, was);
	return s;
}

static void label_of(const struct cx_lever_block *b, int i, char *buf, size_t len)
{
	if (levers[i].kind == K_SHOP_MONEY)
		snprintf(buf, len, "%s (%s)", levers[i].label, b->notify_currency);
	else
		snprintf(buf, len, "%s", levers[i].label);
}

/* v as the lever reads; signed: a + before a rise (a change, the buyout). */
static void value_text(const struct cx_lever_block *b, enum kind k, int64_t v, bool sign, char *buf, size_t len)
{
	char t[48];
	switch (k) {
	case K_PCT:
		cx_fmt_bp(t, sizeof t, v);
		snprintf(buf, len, "%s%s %%", sign && v > 0 ? "+" : "", t);
		return;
	case K_MONEY:
		cx_fmt_money(t, sizeof t, v, b->currency);
		break;
	case K_SHOP_MONEY:
		cx_fmt_money(t, sizeof t, v, ""); /* grouped, the code in the label */
		break;
	case K_COUNT:
		cx_fmt_int(t, sizeof t, v);
		break;
	}
	snprintf(buf, len, "%s%s", sign && v > 0 ? "+" : "", t);
}

/* The change against what it was: a dash while there is none. */
static void change_text(const struct cx_lever_block *b, enum kind k, int64_t d, char *buf, size_t len)
{
	if (d == 0)
		snprintf(buf, len, "%s", cx_glyph(CX_G_EM_DASH));
	else
		value_text(b, k, d, true, buf, len);
}

struct layout {
	int sw;       /* the slider's cells */
	int num_w;    /* each figure's: "1,234,567.00" from 76 columns on */
	int x_num;    /* where the three figures start */
	int effect_w; /* 0: no room for the effect on net */
};

static struct layout layout(const struct cx_app *app)
{
	struct layout l = {.effect_w = EFFECT_W, .num_w = app->cols >= 76 ? 12 : 11};
	int fixed = LABEL_W + 1 + 3 * l.num_w;
	if (app->cols - fixed - EFFECT_W < 8)
		l.effect_w = 0;
	l.sw = app->cols - fixed - l.effect_w;
	if (l.sw > 50)
		l.sw = 50;
	if (l.sw < 1)
		l.sw = 1;
	l.x_num = app->cols - l.effect_w - 3 * l.num_w;
	return l;
}

/* The three figures (and the effect) at row y. */
static void figures(struct cx_app *app, const struct layout *l, int y, const char *now, const char *was,
		    const char *change, enum cx_element el)
{
	cx_ui_style(app, el);
	cx_ui_text(y, l->x_num, l->num_w, now, true);
	cx_ui_style(app, el == CX_EL_ROW_SELECTED ? el : CX_EL_MUTED);
	cx_ui_text(y, l->x_num + l->num_w, l->num_w, was, true);
	cx_ui_style(app, el);
	cx_ui_text(y, l->x_num + 2 * l->num_w, l->num_w, change, true);
}

/* A group's title and its columns' headings. */
static void heading(struct cx_app *app, const struct layout *l, int y, const char *title, const char *was,
		    const char *effect)
{
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_fill(y, 0, app->cols);
	cx_ui_text(y, 0, l->x_num, title, false);
	cx_ui_text(y, l->x_num, l->num_w, "what if", true);
	cx_ui_text(y, l->x_num + l->num_w, l->num_w, was, true);
	cx_ui_text(y, l->x_num + 2 * l->num_w, l->num_w, "change", true);
	if (l->effect_w)
		cx_ui_text(y, l->x_num + 3 * l->num_w, l->effect_w, effect, true);
	cx_ui_style(app, CX_EL_NORMAL);
}

static void slider(struct cx_app *app, const struct cx_lever_block *b, const struct layout *l, int y, int i)
{
	cx_levers now = *b->now, was = *b->actual;
	struct cx_lever_steps s = cx_lever_steps(b->actual, i);
	int64_t span = s.max - s.min, v = *cx_lever_value(&now, i), a = *cx_lever_value(&was, i);
	int last = l->sw - 1;
	int pos = (int)((v - s.min) * last / span), mark = (int)((a - s.min) * last / span);
	pos = pos < 0 ? 0 : pos > last ? last : pos;
	/* On the liability slider, the break-even percentage. */
	const cx_pnl *p = &b->w0->pnl;
	int be = i == CX_L_LIABILITY && p->break_even_ok && p->break_even_bp >= 0 && p->break_even_bp <= 10000
			 ? (int)(p->break_even_bp * last / 10000)
			 : -1;
	move(y, LABEL_W);
	for (int k = 0; k < l->sw; k++) {
		enum cx_glyph g = k == pos    ? CX_G_KNOB
				  : k == be   ? CX_G_MARK_BREAK_EVEN
				  : k == mark ? CX_G_MARK_ACTUAL
				  : k < pos   ? CX_G_TRACK_FULL
					      : CX_G_BOX_H;
		cx_ui_style(app, k == be ? CX_EL_WARN : k <= pos ? CX_EL_BAR : CX_EL_MUTED);
		addstr(cx_glyph(g));
	}
	cx_ui_fill(y, LABEL_W + l->sw, l->x_num - LABEL_W - l->sw);
}

static void lever(struct cx_app *app, const struct cx_lever_block *b, const struct layout *l, int y, int i)
{
	char label[48], now[48], was[48], change[48];
	cx_levers n = *b->now, a = *b->actual;
	int64_t v = *cx_lever_value(&n, i), old = *cx_lever_value(&a, i);
	bool sel = i == b->selected;
	label_of(b, i, label, sizeof label);
	cx_ui_style(app, sel ? CX_EL_ROW_SELECTED : CX_EL_NORMAL);
	cx_ui_text(y, 0, LABEL_W, label, false);
	slider(app, b, l, y, i);
	value_text(b, levers[i].kind, v, i == CX_L_BUYOUT, now, sizeof now);
	value_text(b, levers[i].kind, old, i == CX_L_BUYOUT, was, sizeof was);
	change_text(b, levers[i].kind, cx_sat_sub(v, old), change, sizeof change);
	figures(app, l, y, now, was, change, sel ? CX_EL_ROW_SELECTED : CX_EL_HEADER);
	if (!l->effect_w || i >= CX_L_SHIPMENTS)
		return;
	int64_t effect = i == CX_L_LIABILITY ? b->w->d_liability
			 : i == CX_L_UPSELL  ? b->w->d_upsell
			 : i == CX_L_WINBACK ? b->w->d_winback
					     : b->w->d_contact_cost;
	char e[48];
	cx_fmt_money(e, sizeof e, effect, b->currency);
	cx_ui_style(app, effect < 0 ? CX_EL_BAD : effect > 0 ? CX_EL_GOOD : CX_EL_MUTED);
	cx_ui_text(y, l->x_num + 3 * l->num_w, l->effect_w, e, true);
}

int cx_lever_row(int i)
{
	return i < CX_L_SHIPMENTS ? 1 + i : 2 + i;
}

/* Whether the block's next row (counted in *row) is drawn at y. */
static bool shown(const struct cx_lever_block *b, int *row, int y, int end)
{
	return (*row)++ >= b->skip && y < end;
}

int cx_levers_draw(struct cx_app *app, const struct cx_lever_block *b, int y, int height)
{
	struct layout l = layout(app);
	int top = y, end = y + height, row = 0;
	char title[96], now[48], was[48], change[48];
	snprintf(title, sizeof title, "Support P&L (%s)", b->currency);
	if (shown(b, &row, y, end))
		heading(app, &l, y++, title, "as it was", "net effect");
	for (int i = 0; i < CX_L_SHIPMENTS; i++)
		if (shown(b, &row, y, end))
			lever(app, b, &l, y++, i);
	/* The shop's currency said where it differs from the store's, so that
	 * no one reads its figures as the P&L's. */
	bool other = strcmp(b->notify_currency, b->currency) != 0;
	snprintf(title, sizeof title, "Order notifications (%s, not %s)", b->notify_currency, b->currency);
	if (!other || cx_ui_width(title) > l.x_num - 1)
		snprintf(title, sizeof title, "%s (%s%s%s)", other ? "Notifications" : "Order notifications",
			 b->notify_currency, other ? ", not " : "", other ? b->currency : "");
	if (cx_ui_width(title) > l.x_num - 1)
		snprintf(title, sizeof title, "Notifications (%s)", b->notify_currency);
	if (shown(b, &row, y, end))
		heading(app, &l, y++, title, "stored", "");
	for (int i = CX_L_SHIPMENTS; i < CX_L_COUNT; i++)
		if (shown(b, &row, y, end))
			lever(app, b, &l, y++, i);
	if (shown(b, &row, y, end)) {
		char label[48];
		snprintf(label, sizeof label, "Net gain (%s)", b->notify_currency);
		cx_ui_style(app, CX_EL_NORMAL);
		cx_ui_fill(y, 0, app->cols);
		cx_ui_text(y, 0, LABEL_W, label, false);
		value_text(b, K_SHOP_MONEY, b->w->notify_net, false, now, sizeof now);
		value_text(b, K_SHOP_MONEY, b->w0->notify_net, false, was, sizeof was);
		change_text(b, K_SHOP_MONEY, b->w->d_notify, change, sizeof change);
		figures(app, &l, y++, now, was, change, b->w->notify_net < 0 ? CX_EL_BAD : CX_EL_MONEY);
	}
	cx_ui_style(app, CX_EL_NORMAL);
	return y - top;
}
