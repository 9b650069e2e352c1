/* view_customers.c — customers, paged through the store and sorted by any
 * column (< > s) in its SQL, with the watchlist (satisfaction 6 or less),
 * blacklist and promoters as filters and a search by name or email whose
 * matching cells are marked.  Enter pushes the customer's tickets. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "columns.h"
#include "pager.h"
#include "glyphs.h"
#include "search.h"

struct customers {
	cx_store *st;
	cx_customer_filter filter;
	struct cx_pager pager;
	cx_customer_totals totals;
	bool announce; /* a search was settled: say what it matched once loaded */
};

static const char *const which[] = {"all customers", "watchlist", "blacklisted", "promoters (9-10)"};

/* Filter i's name: the watchlist says what it holds. */
static const char *which_name(int i, char *buf, size_t len)
{
	if (i == 1)
		snprintf(buf, len, "%s (satisfaction %s 6)", which[i], cx_glyph(CX_G_LESS_EQUAL));
	else
		snprintf(buf, len, "%s", which[i]);
	return buf;
}

static int fetch(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		 cx_error *err)
{
	struct customers *c = ctx;
	return cx_store_customers_page(c->st, &c->filter, after, inclusive, backward, limit, out, n, err);
}

static cx_page_key key_of(const void *item)
{
	const cx_customer_item *c = item;
	return c->key;
}

/* arg: which customers (an int, as cx_customer_filter.which), or NULL. */
static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct customers *c = v->state;
	if (arg)
		c->filter.which = *(const int *)arg;
	char name[64];
	snprintf(v->title, sizeof v->title, "Customers%s%s", c->filter.which ? ": " : "",
		 c->filter.which ? which_name(c->filter.which, name, sizeof name) : "");
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
	if (cx_store_customer_count(app->st, &c->filter, &c->totals, &err) < 0) {
		cx_app_status(app, true, "%s", err.msg);
	} else if (c->announce && c->filter.search[0]) {
		struct cx_search_count m[] = {{"Customer", c->totals.match_name}, {"Email", c->totals.match_email}};
		char says[256];
		cx_search_says(says, sizeof says, c->totals.customers, "customer", "customers", c->filter.search, m, 2);
		cx_app_status(app, false, "%s", says);
	}
	c->announce = false;
	cx_pager_reload(&c->pager, app->rows > 5 ? app->rows - 5 : 1);
}

static void refilter(struct cx_view *v)
{
	struct customers *c = v->state;
	c->pager.has_top = false;
	c->pager.cursor = 0;
	v->stale = true;
}

enum customer_field { CF_ID, CF_NAME, CF_EMAIL, CF_SEGMENT, CF_SCORE, CF_TICKETS, CF_BLACKLIST };

static enum cx_element customer_cell(const struct cx_col *col, const void *row, const void *ctx, int width, char *buf,
				     size_t len)
{
	const cx_customer_item *c = row;
	const struct customers *cs = ctx;
	/* A search looks in the name and the email: a match is marked. */
	const char *q = cs->filter.search;
	switch ((enum customer_field)col->arg) {
	case CF_ID:
		snprintf(buf, len, "%lld", (long long)c->id);
		return CX_EL_COUNT;
	case CF_NAME:
		snprintf(buf, len, "%s", c->name);
		return q[0] && cx_search_hit(c->name, q) ? CX_EL_SEARCH : CX_EL_COUNT;
	case CF_EMAIL:
		snprintf(buf, len, "%s", c->email[0] ? c->email : cx_glyph(CX_G_EM_DASH));
		return q[0] && cx_search_hit(c->email, q) ? CX_EL_SEARCH : CX_EL_COUNT;
	case CF_SEGMENT:
		snprintf(buf, len, "%s", c->segment);
		return CX_EL_COUNT;
	case CF_SCORE:
		if (!c->satisfaction) {
			snprintf(buf, len, "%s", cx_glyph(CX_G_EM_DASH));
			return CX_EL_COUNT;
		}
		snprintf(buf, len, "%d", c->satisfaction);
		return c->satisfaction <= 6 ? CX_EL_BAD : c->satisfaction >= 9 ? CX_EL_GOOD : CX_EL_COUNT;
	case CF_TICKETS:
		cx_fmt_int(buf, len, c->tickets);
		return CX_EL_COUNT;
	case CF_BLACKLIST:
	default:
		snprintf(buf, len, "%s", c->blacklisted ? "yes" : "");
		return CX_EL_COUNT;
	}
}

/* The name and the email share what the figures leave. */
static const struct cx_col columns[] = {
	{.title = "#", .width = 8, .right = true, .arg = CF_ID, .get = customer_cell},
	{.title = "Customer", .flex = true, .arg = CF_NAME, .get = customer_cell},
	{.title = "Email", .flex = true, .min_cols = 72, .arg = CF_EMAIL, .get = customer_cell},
	{.title = "Segment", .width = 9, .arg = CF_SEGMENT, .get = customer_cell},
	{.title = "Score", .width = 5, .right = true, .arg = CF_SCORE, .get = customer_cell},
	{.title = "Tickets", .width = 8, .right = true, .arg = CF_TICKETS, .get = customer_cell},
	{.title = "Blacklist", .width = 9, .arg = CF_BLACKLIST, .get = customer_cell},
};
#define NCOLUMNS ((int)(sizeof columns / sizeof columns[0]))

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct customers *cs = v->state;
	struct cx_pager *p = &cs->pager;
	char info[256], count[32];
	cx_fmt_int(count, sizeof count, cs->totals.customers);
	const char *dot = cx_glyph(CX_G_DOT);
	char list[64], search[160] = "";
	which_name(cs->filter.which, list, sizeof list);
	if (cs->filter.search[0])
		snprintf(search, sizeof search, " %s \"%s\"", dot, cs->filter.search);
	snprintf(info, sizeof info, " %s %s %s%s", count, dot, list, search);
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(top, 0, app->cols, info, false);
	/* A narrow screen gives the names the room the emails would share
	 * with them, unless the list is sorted by email or a search matched
	 * one. */
	struct cx_col cols[NCOLUMNS];
	memcpy(cols, columns, sizeof cols);
	if (cs->filter.sort == CX_CSORT_EMAIL || (cs->filter.search[0] && cs->totals.match_email))
		cols[CF_EMAIL].min_cols = 0;
	int width[NCOLUMNS];
	cx_cols_layout(cols, NCOLUMNS, app->cols, 1, width);
	cx_cols_draw(app, cols, NCOLUMNS, width, 1, top + 1, NULL, cs, CX_EL_HEADER, (int)cs->filter.sort,
		     cs->filter.descending);
	int rows = height - 2;
	if (rows != p->rows)
		cx_pager_reload(p, rows);
	for (int i = 0; i < p->n && i < rows; i++) {
		enum cx_element el = i == p->cursor ? CX_EL_ROW_SELECTED : (i % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		cx_cols_draw(app, cols, NCOLUMNS, width, 1, top + 2 + i, cx_pager_item(p, i), cs, el, -1, false);
	}
	if (p->n == 0) {
		cx_ui_style(app, p->error[0] ? CX_EL_BAD : CX_EL_MUTED);
		cx_ui_text(top + 2, 1, app->cols - 2, p->error[0] ? p->error : "no customers match", false);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void on_search(struct cx_app *app, struct cx_view *v, bool done)
{
	struct customers *c = v->state;
	snprintf(c->filter.search, sizeof c->filter.search, "%s", app->input);
	c->announce = done;
	refilter(v);
}

/* Sorts by column col (the columns are in the order of the store's
 * sorts), highest first when desc. */
static void sort_by(struct cx_app *app, struct cx_view *v, int col, bool desc)
{
	struct customers *c = v->state;
	c->filter.sort = (enum cx_customer_sort)col;
	c->filter.descending = desc;
	refilter(v);
	cx_app_status(app, false, "sorted by %s, %s", columns[col].title, desc ? "highest first" : "lowest first");
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
		sort_by(app, v, (int)c->filter.sort, !c->filter.descending);
		return CX_HANDLED;
	case CX_REQ_SORT_PREV:
		sort_by(app, v, c->filter.sort > 0 ? (int)c->filter.sort - 1 : 0, c->filter.descending);
		return CX_HANDLED;
	case CX_REQ_SORT_NEXT:
		sort_by(app, v, (int)c->filter.sort + 1 < NCOLUMNS ? (int)c->filter.sort + 1 : NCOLUMNS - 1,
			c->filter.descending);
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
	{CX_REQ_SORT_PREV, NULL},
	{CX_REQ_SORT_NEXT, NULL},
	{CX_REQ_SORT_FLIP, "reverse the order (by number: newest or oldest customers first)"},
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
