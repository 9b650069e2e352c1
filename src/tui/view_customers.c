/* view_customers.c — customers, paged through the store, with the
 * watchlist (satisfaction 6 or less), blacklist and promoters as filters.
 * Enter lists the customer's tickets. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "pager.h"

static cx_customer_filter cust_filter;
static struct cx_pager pager;
static int64_t total;
static bool newest_first; /* S: highest ids (the newest customers) first */
static const char *const which[] = {"all customers", "watchlist (satisfaction ≤ 6)", "blacklisted",
				    "promoters (9-10)"};

static int fetch(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		 cx_error *err)
{
	struct cx_app *app = ctx;
	return cx_store_customers_page(app->st, &cust_filter, after, inclusive, backward != newest_first, limit, out, n,
				       err);
}

static cx_page_key key_of(const void *item)
{
	const cx_customer_item *c = item;
	return (cx_page_key){c->id, c->id};
}

static void load(struct cx_app *app)
{
	cx_pager_bind(&pager, fetch, key_of, sizeof(cx_customer_item), app);
	cx_error err = {0};
	if (cx_store_customer_count(app->st, &cust_filter, &total, &err) < 0)
		cx_app_status(app, true, "%s", err.msg);
	cx_pager_reload(&pager, app->rows > 5 ? app->rows - 5 : 1);
}

static void refilter(struct cx_app *app)
{
	pager.has_top = false;
	pager.cursor = 0;
	app->stale[CX_V_CUSTOMERS] = true;
}

void cx_customers_show(struct cx_app *app, int w)
{
	cust_filter.which = w;
	cust_filter.search[0] = '\0';
	refilter(app);
	cx_app_switch(app, CX_V_CUSTOMERS);
}

static void draw(struct cx_app *app, int top, int height)
{
	char info[256], count[32];
	cx_fmt_int(count, sizeof count, total);
	snprintf(info, sizeof info, " %s · %s%s%s%s", count, which[cust_filter.which], cust_filter.search[0] ? " · \"" : "",
		 cust_filter.search, cust_filter.search[0] ? "\"" : "");
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
	if (rows != pager.rows)
		cx_pager_reload(&pager, rows);
	for (int i = 0; i < pager.n && i < rows; i++) {
		const cx_customer_item *c = cx_pager_item(&pager, i);
		char id[24], score[8], tickets[24];
		snprintf(id, sizeof id, "%lld", (long long)c->id);
		if (c->satisfaction)
			snprintf(score, sizeof score, "%d", c->satisfaction);
		else
			snprintf(score, sizeof score, "-");
		cx_fmt_int(tickets, sizeof tickets, c->tickets);
		int y = top + 2 + i;
		enum cx_element el = i == pager.cursor ? CX_EL_ROW_SELECTED : (i % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		cx_ui_style(app, el);
		cx_ui_fill(y, 0, w);
		x = 0;
		x += cx_ui_text(y, x, wid, id, true) + 1;
		x += cx_ui_text(y, x, wname, c->name, false) + 1;
		x += cx_ui_text(y, x, wmail, c->email, false) + 1;
		x += cx_ui_text(y, x, wseg, c->segment, false) + 1;
		if (i != pager.cursor && c->satisfaction && c->satisfaction <= 6)
			cx_ui_style(app, CX_EL_BAD);
		else if (i != pager.cursor && c->satisfaction >= 9)
			cx_ui_style(app, CX_EL_GOOD);
		x += cx_ui_text(y, x, wscore, score, true) + 1;
		cx_ui_style(app, el);
		x += cx_ui_text(y, x, wt, tickets, true) + 1;
		cx_ui_text(y, x, wbl, c->blacklisted ? "yes" : "", false);
	}
	if (pager.n == 0) {
		cx_ui_style(app, pager.error[0] ? CX_EL_BAD : CX_EL_MUTED);
		cx_ui_text(top + 2, 1, w - 2, pager.error[0] ? pager.error : "no customers match", false);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void on_search(struct cx_app *app, bool done)
{
	snprintf(cust_filter.search, sizeof cust_filter.search, "%s", app->input);
	refilter(app);
}

static bool key(struct cx_app *app, int ch)
{
	if (cx_pager_key(&pager, ch))
		return true;
	switch (ch) {
	case 'f':
		cust_filter.which = (cust_filter.which + 1) % 4;
		refilter(app);
		return true;
	case 's':
	case 'S':
		newest_first = !newest_first;
		refilter(app);
		cx_app_status(app, false, "%s customers first", newest_first ? "newest" : "oldest");
		return true;
	case 'w':
		cust_filter.which = cust_filter.which == 1 ? 0 : 1;
		refilter(app);
		return true;
	case '/':
		cx_app_prompt(app, "search name or email: ", on_search);
		return true;
	case '\n':
	case KEY_ENTER:
		if (pager.cursor < pager.n) {
			const cx_customer_item *c = cx_pager_item(&pager, pager.cursor);
			cx_tickets_for_customer(app, c->id, c->name);
		}
		return true;
	case 27:
		if (cust_filter.search[0]) {
			cust_filter.search[0] = '\0';
			refilter(app);
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void click(struct cx_app *app, int y, int x)
{
	cx_pager_click(&pager, y, 4);
}

static const struct cx_key_help help[] = {
	{"j k, arrows", "move; PgUp PgDn, g G (Home End) jump"},
	{"f", "filter: all, watchlist, blacklisted, promoters"},
	{"w", "watchlist on / off"},
	{"s  S", "oldest or newest customers first"},
	{"/", "search name or email (Esc clears)"},
	{"Enter", "the customer's tickets (all time)"},
	{NULL, NULL},
};

const struct cx_view cx_view_customers = {"Customers", load, draw, key, click, help};
