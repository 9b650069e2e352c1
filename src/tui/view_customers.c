/* view_customers.c — customers, paged through the store, with the
 * watchlist (satisfaction 6 or less), blacklist and promoters as filters.
 * Enter pushes the customer's tickets. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "pager.h"

struct customers {
	cx_store *st;
	cx_customer_filter filter;
	struct cx_pager pager;
	int64_t total;
	bool newest_first; /* s: highest ids (the newest customers) first */
};

static const char *const which[] = {"all customers", "watchlist (satisfaction ≤ 6)", "blacklisted",
				    "promoters (9-10)"};

static int fetch(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		 cx_error *err)
{
	struct customers *c = ctx;
	return cx_store_customers_page(c->st, &c->filter, after, inclusive, backward != c->newest_first, limit, out, n,
				       err);
}

static cx_page_key key_of(const void *item)
{
	const cx_customer_item *c = item;
	return (cx_page_key){c->id, c->id};
}

/* arg: which customers (an int, as cx_customer_filter.which), or NULL. */
static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct customers *c = v->state;
	if (arg)
		c->filter.which = *(const int *)arg;
	snprintf(v->title, sizeof v->title, "Customers%s%s", c->filter.which ? ": " : "",
		 c->filter.which ? which[c->filter.which] : "");
}

static void fini(struct cx_view *v)
{
	struct customers *c = v->state;
	cx_pager_free(&c->pager);
}

static void load(struct cx_app *app, struct cx_view *v)
{
	struct customers *c = v->state;
	c->st = app->st;
	cx_pager_bind(&c->pager, fetch, key_of, sizeof(cx_customer_item), c);
	cx_error err = {0};
	if (cx_store_customer_count(app->st, &c->filter, &c->total, &err) < 0)
		cx_app_status(app, true, "%s", err.msg);
	cx_pager_reload(&c->pager, app->rows > 5 ? app->rows - 5 : 1);
}

static void refilter(struct cx_view *v)
{
	struct customers *c = v->state;
	c->pager.has_top = false;
	c->pager.cursor = 0;
	v->stale = true;
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct customers *cs = v->state;
	struct cx_pager *p = &cs->pager;
	char info[256], count[32];
	cx_fmt_int(count, sizeof count, cs->total);
	snprintf(info, sizeof info, " %s · %s%s%s%s", count, which[cs->filter.which], cs->filter.search[0] ? " · \"" : "",
		 cs->filter.search, cs->filter.search[0] ? "\"" : "");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(top, 0, app->cols, info, false);
	int w = app->cols;
	int wid = 8, wscore = 5, wbl = 9, wt = 8, wseg = 9;
	int wname = (w - (wid + wscore + wbl + wt + wseg + 6)) / 2;
	int wmail = w - (wid + wscore + wbl + wt + wseg + wname + 6);
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_fill(top + 1, 0, w);
	int x = 0;
	x += cx_ui_text(top + 1, x, wid, "#", true) + 1;
	x += cx_ui_text(top + 1, x, wname, "Customer", false) + 1;
	x += cx_ui_text(top + 1, x, wmail, "Email", false) + 1;
	x += cx_ui_text(top + 1, x, wseg, "Segment", false) + 1;
	x += cx_ui_text(top + 1, x, wscore, "Score", true) + 1;
	x += cx_ui_text(top + 1, x, wt, "Tickets", true) + 1;
	cx_ui_text(top + 1, x, wbl, "Blacklist", false);
	int rows = height - 2;
	if (rows != p->rows)
		cx_pager_reload(p, rows);
	for (int i = 0; i < p->n && i < rows; i++) {
		const cx_customer_item *c = cx_pager_item(p, i);
		char id[24], score[8], tickets[24];
		snprintf(id, sizeof id, "%lld", (long long)c->id);
		if (c->satisfaction)
			snprintf(score, sizeof score, "%d", c->satisfaction);
		else
			snprintf(score, sizeof score, "-");
		cx_fmt_int(tickets, sizeof tickets, c->tickets);
		int y = top + 2 + i;
		enum cx_element el = i == p->cursor ? CX_EL_ROW_SELECTED : (i % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		cx_ui_style(app, el);
		cx_ui_fill(y, 0, w);
		x = 0;
		x += cx_ui_text(y, x, wid, id, true) + 1;
		x += cx_ui_text(y, x, wname, c->name, false) + 1;
		x += cx_ui_text(y, x, wmail, c->email, false) + 1;
		x += cx_ui_text(y, x, wseg, c->segment, false) + 1;
		if (i != p->cursor && c->satisfaction && c->satisfaction <= 6)
			cx_ui_style(app, CX_EL_BAD);
		else if (i != p->cursor && c->satisfaction >= 9)
			cx_ui_style(app, CX_EL_GOOD);
		x += cx_ui_text(y, x, wscore, score, true) + 1;
		cx_ui_style(app, el);
		x += cx_ui_text(y, x, wt, tickets, true) + 1;
		cx_ui_text(y, x, wbl, c->blacklisted ? "yes" : "", false);
	}
	if (p->n == 0) {
		cx_ui_style(app, p->error[0] ? CX_EL_BAD : CX_EL_MUTED);
		cx_ui_text(top + 2, 1, w - 2, p->error[0] ? p->error : "no customers match", false);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void on_search(struct cx_app *app, struct cx_view *v, bool done)
{
	struct customers *c = v->state;
	snprintf(c->filter.search, sizeof c->filter.search, "%s", app->input);
	refilter(v);
}

static void open_customer(struct cx_app *app, struct customers *cs)
{
	if (cs->pager.cursor >= cs->pager.n)
		return;
	const cx_customer_item *c = cx_pager_item(&cs->pager, cs->pager.cursor);
	struct cx_tickets_arg a = {0};
	a.filter.customer_id = c->id;
	snprintf(a.who, sizeof a.who, "%s", c->name);
	a.all_time = true;
	cx_nav_push(app, &cx_tickets_ops, &a);
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct customers *c = v->state;
	if (cx_pager_move(&c->pager, req))
		return CX_HANDLED;
	switch (req) {
	case CX_REQ_FILTER:
		c->filter.which = (c->filter.which + 1) % 4;
		refilter(v);
		return CX_HANDLED;
	case CX_REQ_SORT_FLIP:
		c->newest_first = !c->newest_first;
		refilter(v);
		cx_app_status(app, false, "%s customers first", c->newest_first ? "newest" : "oldest");
		return CX_HANDLED;
	case CX_REQ_WATCHLIST:
		c->filter.which = c->filter.which == 1 ? 0 : 1;
		refilter(v);
		return CX_HANDLED;
	case CX_REQ_SEARCH:
		cx_app_prompt(app, v, "search name or email: ", on_search);
		return CX_HANDLED;
	case CX_REQ_OPEN:
		open_customer(app, c);
		return CX_HANDLED;
	case CX_REQ_BACK:
		if (c->filter.search[0]) {
			c->filter.search[0] = '\0';
			refilter(v);
			return CX_HANDLED;
		}
		return CX_UNHANDLED;
	default:
		return CX_UNHANDLED;
	}
}

static enum cx_handled click(struct cx_app *app, struct cx_view *v, int y, int x)
{
	struct customers *c = v->state;
	/* Rows start under the info line and the header. */
	if (cx_pager_click(&c->pager, y - 2) == 1)
		open_customer(app, c);
	return CX_HANDLED;
}

static const struct cx_req_use keys[] = {
	CX_MOVE_KEYS,
	{CX_REQ_FILTER, "filter: all, watchlist, blacklisted, promoters"},
	{CX_REQ_WATCHLIST, NULL},
	{CX_REQ_SORT_FLIP, "oldest or newest customers first"},
	{CX_REQ_SEARCH, "search name or email (Esc clears)"},
	{CX_REQ_OPEN, "the customer's tickets (all time)"},
	{CX_REQ_NONE, NULL},
};

const struct cx_view_ops cx_customers_ops = {
	.kind = "Customers",
	.state_size = sizeof(struct customers),
	.init = init,
	.fini = fini,
	.load = load,
	.draw = draw,
	.handle = handle,
	.click = click,
	.keys = keys,
};
