/* report_rows.c — `cxtop report rows --figure NAME`: the rows behind one
 * figure of the dashboard (the summary and P&L reports' json keys), with
 * their total.  The dashboard's drill-downs open these lists, so a manager
 * can see exactly what a number is made of; the report also computes the
 * figure itself, the way the dashboard does, and warns if the two ever
 * differ (they must not: the store reads both with the same conditions).
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "cxtop/dashboard.h"
#include "report_internal.h"

enum source {
	ORDERS,
	ATTRIBUTED,
	PAID_CLAIMS,
	CONTACTS,
	COSTS,
	RETURNS,
	LIABILITY,
	TICKETS,
	OPEN_CLAIMS,
	CLAIMS,
	WATCHLIST
};
enum claim_pick { ALL_OPEN, DUE_7D, PAST_DEADLINE };

struct figure {
	const char *name;  /* the figure's json key in report summary or pnl */
	const char *title; /* what the list is */
	enum source src;
	unsigned arg; /* orders: CX_ORDERS_*; costs: 1 staff, 2 platform, 4 other; tickets: the state; claims: the pick */
	bool money;   /* the figure is an amount (else a count of the rows) */
};

static const struct figure figures[] = {
	{"attributed", "Attributed revenue: orders and paid claims", ATTRIBUTED, 0, true},
	{"upsell", "Upsell orders", ORDERS, CX_ORDERS_UPSELL, true},
	{"winback", "Win-back orders", ORDERS, CX_ORDERS_WINBACK, true},
	{"discount_codes", "Discount-code orders", ORDERS, CX_ORDERS_CODES, true},
	{"claims_recovered", "Carrier claims paid", PAID_CLAIMS, 0, true},
	{"cogs", "Cost of goods of the attributed orders", ORDERS,
	 CX_ORDERS_UPSELL | CX_ORDERS_WINBACK | CX_ORDERS_CODES, true},
	{"campaign_costs", "Campaign contacts and their cost", CONTACTS, 0, true},
	{"fixed", "Staff, platform and other costs", COSTS, 7, true},
	{"staff", "Staff costs", COSTS, 1, true},
	{"platform", "Platform costs", COSTS, 2, true},
	{"other", "Other costs", COSTS, 4, true},
	{"returns_cost", "Returns and exchanges", RETURNS, 0, true},
	{"liability", "Returns liability", LIABILITY, 0, true},
	{"tickets", "Tickets created", TICKETS, CX_TICKETS_CREATED, false},
	{"solved", "Tickets solved", TICKETS, CX_TICKETS_SOLVED, false},
	{"backlog", "Tickets open at the period's end", TICKETS, CX_TICKETS_OPEN, false},
	{"unanswered", "Tickets never answered", TICKETS, CX_TICKETS_UNANSWERED, false},
	{"claims_open", "Claims open at the period's end", OPEN_CLAIMS, ALL_OPEN, false},
	{"claims_due_7d", "Open claims due within 7 days", OPEN_CLAIMS, DUE_7D, false},
	{"claims_past_deadline", "Open claims past their deadline", OPEN_CLAIMS, PAST_DEADLINE, false},
	{"watchlist", "Customers on the watchlist (satisfaction 6 or less)", WATCHLIST, 0, false},
	/* Not on the dashboard: the Claims view's table by carrier and status. */
	{"claims", "Claims opened in the period, as at its end", CLAIMS, 0, false},
};
#define NFIGURES (sizeof figures / sizeof figures[0])

const char *cx_report_figure_name(size_t i)
{
	return i < NFIGURES ? figures[i].name : NULL;
}

static const struct figure *find(const char *name)
{
	for (size_t i = 0; name && i < NFIGURES; i++)
		if (strcmp(figures[i].name, name) == 0)
			return &figures[i];
	return NULL;
}

const char *cx_report_figure_title(const char *name)
{
	const struct figure *f = find(name);
	return f ? f->title : NULL;
}

/* An agent's part of a figure, with the column of the agents report that
 * shows it. */
static const struct {
	const char *figure, *column;
} per_agent[] = {{"attributed", "revenue"}, {"tickets", "tickets"}, {"solved", "solved"}};

bool cx_report_figure_per_agent(const char *name)
{
	for (size_t i = 0; name && i < sizeof per_agent / sizeof per_agent[0]; i++)
		if (strcmp(per_agent[i].figure, name) == 0)
			return true;
	return false;
}

/* One row's figure in another report (the agents report for an agent, the
 * campaigns report for a campaign): the cell of column `column` in the row
 * whose `id_key` is id, and the row's name (column `name_key`). */
static int part_value(cx_doc *doc, const char *id_key, int64_t id, const char *column, const char *name_key,
		      int64_t *out, char *who, size_t wholen)
{
	const cx_table *t = doc->tables[0];
	int ci = -1, cv = -1, cn = -1;
	for (size_t c = 0; c < t->ncols; c++) {
		ci = strcmp(t->cols[c].key, id_key) == 0 ? (int)c : ci;
		cv = strcmp(t->cols[c].key, column) == 0 ? (int)c : cv;
		cn = strcmp(t->cols[c].key, name_key) == 0 ? (int)c : cn;
	}
	for (size_t r = 0; ci >= 0 && cv >= 0 && r < t->nrows; r++) {
		const cx_cell *row = &t->cells[r * t->ncols];
		if (row[ci].kind == CX_CELL_ID && row[ci].i == id) {
			*out = row[cv].i;
			snprintf(who, wholen, "%s", cn >= 0 && row[cn].s ? row[cn].s : "");
			return 0;
		}
	}
	return -1;
}

/* The agent's figure as the agents report (the Agents view) shows it. */
static int agent_value(cx_store *st, const cx_report_opts *opt, const struct figure *f, int64_t *out, char *who,
		       size_t wholen, cx_error *err)
{
	const char *column = NULL;
	for (size_t i = 0; i < sizeof per_agent / sizeof per_agent[0]; i++)
		if (strcmp(per_agent[i].figure, f->name) == 0)
			column = per_agent[i].column;
	if (!column)
		return cx_fail(err, CX_EXIT_USAGE, "report rows: --agent applies to attributed, tickets and solved");
	cx_report_opts o = *opt;
	o.figure = NULL;
	o.agent_id = 0;
	cx_doc *agents = cx_report_agents(st, &o, err);
	if (!agents)
		return -1;
	int found = part_value(agents, "agent_id", opt->agent_id, column, "agent", out, who, wholen);
	cx_doc_free(agents);
	if (found < 0)
		return cx_fail(err, CX_EXIT_USAGE, "report rows: agent %lld has no row in the agents report for the period",
			       (long long)opt->agent_id);
	return 0;
}

/* The campaign's cost and revenue as the campaigns report (the Campaigns
 * view) shows them. */
static int campaign_values(cx_store *st, const cx_report_opts *opt, int64_t *cost, int64_t *revenue, char *who,
			   size_t wholen, cx_error *err)
{
	cx_report_opts o = *opt;
	o.figure = NULL;
	o.campaign_id = 0;
	cx_doc *campaigns = cx_report_campaigns(st, &o, err);
	if (!campaigns)
		return -1;
	int found = part_value(campaigns, "campaign_id", opt->campaign_id, "cost", "campaign", cost, who, wholen);
	if (found == 0)
		found = part_value(campaigns, "campaign_id", opt->campaign_id, "revenue", "campaign", revenue, who, wholen);
	cx_doc_free(campaigns);
	if (found < 0)
		return cx_fail(err, CX_EXIT_USAGE,
			       "report rows: campaign %lld has no row in the campaigns report for the period",
			       (long long)opt->campaign_id);
	return 0;
}

/* Claims opened in the period of one carrier and status (NULL: any), as
 * the claims report's table by carrier and status counts them. */
static int claims_value(cx_store *st, const cx_report_opts *opt, cx_claim_group *sum, cx_error *err)
{
	cx_claim_group *g;
	size_t n;
	if (cx_store_claims_by_status(st, &opt->period, &g, &n, err) < 0)
		return -1;
	memset(sum, 0, sizeof *sum);
	for (size_t i = 0; i < n; i++)
		if ((!opt->carrier || strcmp(opt->carrier, g[i].carrier) == 0) &&
		    (!opt->status || strcmp(opt->status, g[i].status) == 0)) {
			sum->count += g[i].count;
			sum->claimed = cx_sat_add(sum->claimed, g[i].claimed);
			sum->recovered = cx_sat_add(sum->recovered, g[i].recovered);
		}
	free(g);
	return 0;
}

/* The figure as the dashboard shows it. */
static int64_t dashboard_value(const struct figure *f, const cx_dashboard *d)
{
	const cx_pnl *p = &d->pnl;
	static const struct {
		const char *name;
		size_t off;
	} raw[] = {
		{"upsell", offsetof(cx_pnl_raw, upsell)},
		{"winback", offsetof(cx_pnl_raw, winback)},
		{"discount_codes", offsetof(cx_pnl_raw, discount_codes)},
		{"claims_recovered", offsetof(cx_pnl_raw, claims_recovered)},
		{"cogs", offsetof(cx_pnl_raw, cogs)},
		{"campaign_costs", offsetof(cx_pnl_raw, campaigns)},
		{"staff", offsetof(cx_pnl_raw, staff)},
		{"platform", offsetof(cx_pnl_raw, platform)},
		{"other", offsetof(cx_pnl_raw, other)},
		{"returns_cost", offsetof(cx_pnl_raw, returns_cost)},
	};
	for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++)
		if (strcmp(f->name, raw[i].name) == 0)
			return *(const int64_t *)((const char *)&p->raw + raw[i].off);
	if (strcmp(f->name, "attributed") == 0)
		return p->attributed;
	if (strcmp(f->name, "fixed") == 0)
		return p->fixed;
	if (strcmp(f->name, "liability") == 0)
		return p->liability;
	if (strcmp(f->name, "tickets") == 0)
		return d->tickets.raw.created;
	if (strcmp(f->name, "solved") == 0)
		return d->tickets.raw.solved;
	if (strcmp(f->name, "backlog") == 0)
		return d->backlog;
	if (strcmp(f->name, "unanswered") == 0)
		return d->tickets.raw.unanswered;
	if (strcmp(f->name, "claims_open") == 0)
		return d->claims_open;
	if (strcmp(f->name, "claims_due_7d") == 0)
		return d->claims_due_7d;
	if (strcmp(f->name, "claims_past_deadline") == 0)
		return d->claims_past_deadline;
	return d->watch.watchlist;
}

static cx_cell day_of(int64_t at)
{
	char day[11];
	cx_date_format(cx_local_day(at), day);
	return cx_date(day);
}

static cx_cell text_or_null(const char *s)
{
	return s[0] ? cx_text(s) : cx_null();
}

/* What a list adds up to as it is built. */
struct acc {
	cx_table *t;
	const struct figure *f;
	int64_t rows, total, second; /* second: a sum shown beside the total */
	int64_t third;               /* claims: the recovered beside the claimed */
	int64_t converted;           /* campaign contacts that converted */
	int64_t liability_bp;
};

/* ---- orders ---------------------------------------------------------------- */

static const cx_column order_cols[] = {
	{"order_id", "Order", CX_CELL_ID, 0},
	{"placed_on", "Placed", CX_CELL_DATE, 0},
	{"amount", "Amount", CX_CELL_MONEY, 0},
	{"cogs", "COGS", CX_CELL_MONEY, 0},
	{"attribution", "Source", CX_CELL_TEXT, 0},
	{"customer", "Customer", CX_CELL_TEXT, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
	{"campaign", "Campaign or code", CX_CELL_TEXT, 0},
};

static const char *attribution_words(const char *a)
{
	return strcmp(a, "discount_code") == 0 ? "discount code" : strcmp(a, "winback") == 0 ? "win-back" : a;
}

static int order_row(void *ctx, const cx_order_row *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(r->id);
	c[1] = day_of(r->placed_at);
	c[4] = cx_text(attribution_words(r->attribution));
	c[5] = text_or_null(r->customer);
	c[6] = text_or_null(r->agent);
	c[7] = text_or_null(r->campaign[0] ? r->campaign : r->code);
	c[2] = cx_money(r->amount);
	c[3] = cx_money(r->cogs);
	a->rows++;
	a->total = cx_sat_add(a->total, r->amount);
	a->second = cx_sat_add(a->second, r->cogs);
	return 0;
}

/* ---- paid claims ------------------------------------------------------------- */

static const cx_column paid_cols[] = {
	{"claim_id", "Claim", CX_CELL_ID, 0},
	{"paid_on", "Paid", CX_CELL_DATE, 0},
	{"recovered", "Recovered", CX_CELL_MONEY, 0},
	{"claimed", "Claimed", CX_CELL_MONEY, 0},
	{"carrier", "Carrier", CX_CELL_TEXT, 0},
	{"tracking_no", "Tracking", CX_CELL_TEXT, 0},
	{"kind", "Kind", CX_CELL_TEXT, 0},
	{"opened_on", "Opened", CX_CELL_DATE, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
};

static int paid_row(void *ctx, const cx_paid_claim *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(r->id);
	c[4] = cx_text(r->carrier);
	c[5] = cx_text(r->tracking);
	c[6] = cx_text(r->kind);
	c[7] = cx_date(r->opened_on);
	c[1] = cx_date(r->resolved_on);
	c[8] = text_or_null(r->agent);
	c[3] = cx_money(r->claimed);
	c[2] = cx_money(r->recovered);
	a->rows++;
	a->second = cx_sat_add(a->second, r->claimed);
	a->total = cx_sat_add(a->total, r->recovered);
	return 0;
}

/* Attributed revenue: the orders and the paid claims in one list. */
static const cx_column attributed_cols[] = {
	{"source", "Source", CX_CELL_TEXT, 0},
	{"id", "ID", CX_CELL_ID, 0},
	{"on", "Date", CX_CELL_DATE, 0},
	{"amount", "Amount", CX_CELL_MONEY, 0},
	{"who", "Customer or carrier", CX_CELL_TEXT, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
};

static int attributed_order(void *ctx, const cx_order_row *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_text(attribution_words(r->attribution));
	c[1] = cx_id(r->id);
	c[2] = day_of(r->placed_at);
	c[4] = text_or_null(r->customer);
	c[5] = text_or_null(r->agent);
	c[3] = cx_money(r->amount);
	a->rows++;
	a->total = cx_sat_add(a->total, r->amount);
	return 0;
}

static int attributed_claim(void *ctx, const cx_paid_claim *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_text("claim paid");
	c[1] = cx_id(r->id);
	c[2] = cx_date(r->resolved_on);
	c[3] = cx_money(r->recovered);
	c[4] = cx_text(r->carrier);
	c[5] = text_or_null(r->agent);
	a->rows++;
	a->total = cx_sat_add(a->total, r->recovered);
	return 0;
}

/* ---- campaign contacts --------------------------------------------------------- */

static const cx_column contact_cols[] = {
	{"contact_id", "Contact", CX_CELL_ID, 0},
	{"contacted_on", "Contacted", CX_CELL_DATE, 0},
	{"cost", "Cost", CX_CELL_MONEY, 0},
	{"converted", "Converted", CX_CELL_BOOL, 0},
	{"revenue", "Revenue", CX_CELL_MONEY, 0},
	{"campaign", "Campaign", CX_CELL_TEXT, 0},
	{"customer", "Customer", CX_CELL_TEXT, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
	{"order_id", "Order", CX_CELL_ID, 0},
};

static int contact_row(void *ctx, const cx_contact_row *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(r->id);
	c[1] = day_of(r->contacted_at);
	c[2] = cx_money(r->cost);
	c[3] = cx_bool(r->converted);
	c[4] = cx_money(r->revenue);
	c[5] = cx_text(r->campaign);
	c[6] = text_or_null(r->customer);
	c[7] = text_or_null(r->agent);
	c[8] = r->order_id ? cx_id(r->order_id) : cx_null();
	a->rows++;
	a->total = cx_sat_add(a->total, r->cost);
	a->second = cx_sat_add(a->second, r->revenue);
	a->converted += r->converted;
	return 0;
}

/* ---- cost shares ------------------------------------------------------------------ */

static const cx_column cost_cols[] = {
	{"month", "Month", CX_CELL_TEXT, 0},
	{"kind", "Kind", CX_CELL_TEXT, 0},
	{"booked", "Booked", CX_CELL_MONEY, 0},
	{"lines", "Lines", CX_CELL_INT, 0},
	{"days", "Days in period", CX_CELL_INT, 0},
	{"month_days", "Days in month", CX_CELL_INT, 0},
	{"share", "Share", CX_CELL_MONEY, 0},
};

static int cost_row(void *ctx, const cx_cost_share *r)
{
	struct acc *a = ctx;
	unsigned bit = strcmp(r->kind, "staff") == 0 ? 1u : strcmp(r->kind, "platform") == 0 ? 2u : 4u;
	if (!(a->f->arg & bit))
		return 0;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_text(r->month);
	c[1] = cx_text(r->kind);
	c[2] = cx_money(r->booked);
	c[3] = cx_int(r->entries);
	c[4] = cx_int(r->days);
	c[5] = cx_int(r->month_days);
	c[6] = cx_money(r->share);
	a->rows++;
	a->second = cx_sat_add(a->second, r->booked);
	a->total = cx_sat_add(a->total, r->share);
	return 0;
}

/* ---- returns, and the liability they carry ------------------------------------------ */

static const cx_column return_cols[] = {
	{"return_id", "Return", CX_CELL_ID, 0},
	{"created_on", "Created", CX_CELL_DATE, 0},
	{"cost", "Cost", CX_CELL_MONEY, 0},
	{"liability", "Liability", CX_CELL_MONEY, 0},
	{"kind", "Kind", CX_CELL_TEXT, 0},
	{"order_id", "Order", CX_CELL_ID, 0},
	{"customer", "Customer", CX_CELL_TEXT, 0},
};

static int return_row(void *ctx, const cx_return_row *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	int64_t part = cx_liability_part(a->second, r->cost, a->liability_bp);
	c[0] = cx_id(r->id);
	c[1] = day_of(r->created_at);
	c[4] = cx_text(r->kind);
	c[5] = cx_id(r->order_id);
	c[6] = text_or_null(r->customer);
	c[2] = cx_money(r->cost);
	c[3] = cx_money(part);
	a->rows++;
	a->second = cx_sat_add(a->second, r->cost);
	a->total = cx_sat_add(a->total, a->f->src == LIABILITY ? part : r->cost);
	return 0;
}

/* ---- tickets ------------------------------------------------------------------------ */

static const cx_column ticket_cols[] = {
	{"ticket_id", "Ticket", CX_CELL_ID, 0},
	{"created_on", "Created", CX_CELL_DATE, 0},
	{"resolved_on", "Resolved", CX_CELL_DATE, 0},
	{"status", "Status", CX_CELL_TEXT, 0},
	{"channel", "Channel", CX_CELL_TEXT, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
	{"customer", "Customer", CX_CELL_TEXT, 0},
	{"replies", "Replies", CX_CELL_INT, 0},
	{"reopened", "Reopened", CX_CELL_INT, 0},
	{"csat", "CSAT", CX_CELL_INT, 0},
};

static int ticket_row(void *ctx, const cx_ticket_item *it)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(it->id);
	c[1] = day_of(it->created_at);
	c[2] = it->resolved_at ? day_of(it->resolved_at) : cx_null();
	c[3] = cx_text(it->status);
	c[4] = cx_text(it->channel);
	c[5] = text_or_null(it->agent);
	c[6] = text_or_null(it->customer);
	c[7] = cx_int(it->replies);
	c[8] = cx_int(it->reopened);
	c[9] = it->csat >= 0 ? cx_int(it->csat) : cx_null();
	a->rows++;
	a->total++;
	return 0;
}

/* Oldest first, as the tickets view lists them the other way round. */
static int tickets(cx_store *st, const cx_report_opts *opt, struct acc *a, cx_error *err)
{
	cx_ticket_filter f = {
		.start = opt->period.start, .end = opt->period.end, .agent_id = opt->agent_id, .state = a->f->arg};
	return cx_store_tickets_each(st, &f, ticket_row, a, err);
}

/* ---- open claims ----------------------------------------------------------------------- */

static const cx_column open_cols[] = {
	{"claim_id", "Claim", CX_CELL_ID, 0},
	{"deadline_on", "Deadline", CX_CELL_DATE, 0},
	{"claimed", "Claimed", CX_CELL_MONEY, 0},
	{"status", "Status", CX_CELL_TEXT, 0},
	{"carrier", "Carrier", CX_CELL_TEXT, 0},
	{"tracking_no", "Tracking", CX_CELL_TEXT, 0},
	{"kind", "Kind", CX_CELL_TEXT, 0},
	{"opened_on", "Opened", CX_CELL_DATE, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
};

/* Which of the claims open on the period's last day the figure lists, as
 * cx_store_open_claims_summary counts them. */
struct open_pick {
	struct acc *a;
	char today[11], week[11];
};

static int open_claim_row(void *ctx, const cx_open_claim *r)
{
	struct open_pick *o = ctx;
	struct acc *a = o->a;
	bool past = strcmp(r->deadline_on, o->today) < 0;
	bool due = !past && strcmp(r->deadline_on, o->week) <= 0;
	if ((a->f->arg == DUE_7D && !due) || (a->f->arg == PAST_DEADLINE && !past))
		return 0;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(r->id);
	c[1] = cx_date(r->deadline_on);
	c[2] = cx_money(r->claimed);
	c[3] = cx_text(r->status);
	c[4] = cx_text(r->carrier);
	c[5] = cx_text(r->tracking);
	c[6] = cx_text(r->kind);
	c[7] = cx_date(r->opened_on);
	c[8] = text_or_null(r->agent);
	a->rows++;
	a->total++;
	a->second = cx_sat_add(a->second, r->claimed);
	return 0;
}

static int open_claims(cx_store *st, const cx_report_opts *opt, struct acc *a, cx_error *err)
{
	struct open_pick o = {.a = a};
	int32_t day = cx_dashboard_as_of_day(&opt->period);
	cx_date_format(day, o.today);
	cx_date_format(day + 7, o.week);
	return cx_store_open_claims(st, day, open_claim_row, &o, err);
}

/* ---- claims opened in the period, by carrier and status ------------------------------- */

static const cx_column claim_cols[] = {
	{"claim_id", "Claim", CX_CELL_ID, 0},
	{"status", "Status", CX_CELL_TEXT, 0},
	{"claimed", "Claimed", CX_CELL_MONEY, 0},
	{"recovered", "Recovered", CX_CELL_MONEY, 0},
	{"carrier", "Carrier", CX_CELL_TEXT, 0},
	{"tracking_no", "Tracking", CX_CELL_TEXT, 0},
	{"kind", "Kind", CX_CELL_TEXT, 0},
	{"opened_on", "Opened", CX_CELL_DATE, 0},
	{"deadline_on", "Deadline", CX_CELL_DATE, 0},
	{"agent", "Agent", CX_CELL_TEXT, 0},
};

static int claim_row(void *ctx, const cx_open_claim *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(r->id);
	c[1] = cx_text(r->status);
	c[2] = cx_money(r->claimed);
	c[3] = cx_money(r->recovered);
	c[4] = cx_text(r->carrier);
	c[5] = cx_text(r->tracking);
	c[6] = cx_text(r->kind);
	c[7] = cx_date(r->opened_on);
	c[8] = cx_date(r->deadline_on);
	c[9] = text_or_null(r->agent);
	a->rows++;
	a->total++;
	a->second = cx_sat_add(a->second, r->claimed);
	a->third = cx_sat_add(a->third, r->recovered);
	return 0;
}

/* ---- the watchlist --------------------------------------------------------------------- */

static const cx_column watch_cols[] = {
	{"customer_id", "ID", CX_CELL_ID, 0},
	{"customer", "Customer", CX_CELL_TEXT, 0},
	{"email", "Email", CX_CELL_TEXT, 0},
	{"segment", "Segment", CX_CELL_TEXT, 0},
	{"satisfaction", "Satisfaction", CX_CELL_INT, 0},
	{"on_list_since", "Listed since", CX_CELL_DATE, 0},
};

static int watch_row(void *ctx, const cx_watch_row *r)
{
	struct acc *a = ctx;
	cx_cell *c = cx_table_row(a->t);
	c[0] = cx_id(r->id);
	c[1] = cx_text(r->name);
	c[2] = text_or_null(r->email);
	c[3] = cx_text(r->segment);
	c[4] = cx_int(r->satisfaction);
	c[5] = day_of(r->since);
	a->rows++;
	a->total++;
	return 0;
}

/* ---------------------------------------------------------------------------------------- */

/* The columns of figure f's list. */
static void columns(const struct figure *f, const cx_column **cols, size_t *n)
{
#define COLS(c) (*cols = c, *n = sizeof c / sizeof c[0])
	switch (f->src) {
	case ORDERS: COLS(order_cols); break;
	case ATTRIBUTED: COLS(attributed_cols); break;
	case PAID_CLAIMS: COLS(paid_cols); break;
	case CONTACTS: COLS(contact_cols); break;
	case COSTS: COLS(cost_cols); break;
	case RETURNS:
	case LIABILITY: COLS(return_cols); break;
	case TICKETS: COLS(ticket_cols); break;
	case OPEN_CLAIMS: COLS(open_cols); break;
	case CLAIMS: COLS(claim_cols); break;
	case WATCHLIST: COLS(watch_cols); break;
	}
#undef COLS
}

/* What reading a figure's rows needs, kept with a streamed table for its
 * readings again while it is printed. */
struct reading {
	cx_store *st;
	cx_report_opts opt;
	struct acc a;
};

/* Reads the figure's rows into t, its sums started afresh. */
static int read_rows(void *ctx, cx_table *t, cx_error *err)
{
	struct reading *rd = ctx;
	cx_store *st = rd->st;
	const cx_report_opts *opt = &rd->opt;
	struct acc *a = &rd->a;
	const struct figure *f = a->f;
	const cx_period *p = &opt->period;
	a->t = t;
	a->rows = a->total = a->second = a->third = a->converted = 0;
	switch (f->src) {
	case ORDERS: return cx_store_order_rows(st, p, f->arg, opt->agent_id, order_row, a, err);
	case ATTRIBUTED:
		if (cx_store_order_rows(st, p, CX_ORDERS_UPSELL | CX_ORDERS_WINBACK | CX_ORDERS_CODES, opt->agent_id,
					attributed_order, a, err) < 0)
			return -1;
		/* An agent's revenue is the orders credited to them. */
		return opt->agent_id ? 0 : cx_store_paid_claims(st, p, attributed_claim, a, err);
	case PAID_CLAIMS: return cx_store_paid_claims(st, p, paid_row, a, err);
	case CONTACTS: return cx_store_contact_rows(st, p, opt->campaign_id, contact_row, a, err);
	case COSTS: return cx_store_cost_shares(st, p, cost_row, a, err);
	case RETURNS:
	case LIABILITY: return cx_store_return_rows(st, p, return_row, a, err);
	case TICKETS: return tickets(st, opt, a, err);
	case OPEN_CLAIMS: return open_claims(st, opt, a, err);
	case CLAIMS: return cx_store_claims_opened(st, p, opt->carrier, opt->status, claim_row, a, err);
	case WATCHLIST: {
		cx_watch_counts counts;
		return cx_store_watchlist(st, p, watch_row, a, &counts, err);
	}
	}
	return 0;
}

/* The figure's rows in doc's main table, held, or streamed when opt asks
 * (the command line, printing straight away); *a gets their sums. */
static int fill(cx_store *st, const cx_report_opts *opt, cx_doc *doc, struct acc *a, cx_error *err)
{
	const cx_column *cols = NULL;
	size_t ncols = 0;
	columns(a->f, &cols, &ncols);
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, ncols);
	struct reading rd = {.st = st, .opt = *opt, .a = *a};
	int rc = cx_report_fill(doc, t, opt->stream, read_rows, &rd, sizeof rd, err);
	*a = rd.a; /* the sums of the first reading */
	return rc;
}

/* The totals row: the figure under its own column, and beside it the
 * second sum the list has (COGS beside the amounts, the claimed beside the
 * recovered, the booked amounts beside the shares). */
static void totals(const struct acc *a)
{
	cx_table *t = a->t;
	cx_cell *c = cx_table_totals(t);
	c[0] = cx_text("Total");
	switch (a->f->src) {
	case ORDERS:
		c[2] = cx_money(a->total);
		c[3] = cx_money(a->second);
		break;
	case ATTRIBUTED:
		c[3] = cx_money(a->total);
		break;
	case CONTACTS:
		c[2] = cx_money(a->total);
		c[3] = cx_int(a->converted);
		c[4] = cx_money(a->second);
		break;
	case PAID_CLAIMS:
		c[2] = cx_money(a->total);
		c[3] = cx_money(a->second);
		break;
	case COSTS:
		c[2] = cx_money(a->second);
		c[6] = cx_money(a->total);
		break;
	case RETURNS:
	case LIABILITY:
		c[2] = cx_money(a->second);
		c[3] = cx_money(a->f->src == LIABILITY ? a->total : cx_liability_part(0, a->second, a->liability_bp));
		break;
	case OPEN_CLAIMS:
		c[2] = cx_money(a->second);
		break;
	case CLAIMS:
		c[2] = cx_money(a->second);
		c[3] = cx_money(a->third);
		break;
	case TICKETS:
	case WATCHLIST:
		break;
	}
}

/* Without --figure: the index, every figure with its value, each the
 * name to give --figure for its rows. */
static cx_doc *figure_index(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"figure", "Figure", CX_CELL_TEXT, 0},
		{"rows", "Its rows", CX_CELL_TEXT, 0},
		{"value", "Value", CX_CELL_MONEY, 0},
	};
	cx_dashboard dash;
	cx_claim_group claims;
	if (claims_value(st, opt, &claims, err) < 0 ||
	    cx_dashboard_load(st, &opt->period, cx_report_liability(st, opt), &dash, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "rows", "The figures and their rows");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < NFIGURES; i++) {
		cx_cell *c = cx_table_row(t);
		int64_t v = figures[i].src == CLAIMS ? claims.count : dashboard_value(&figures[i], &dash);
		c[0] = cx_text(figures[i].name);
		c[1] = cx_text(figures[i].title);
		c[2] = figures[i].money ? cx_money(v) : cx_int(v);
	}
	cx_dashboard_free(&dash);
	cx_doc_note(doc, "cxtop report rows --figure NAME lists the rows of one; they add up to its value.");
	return doc;
}

cx_doc *cx_report_rows(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	if (!opt->figure)
		return figure_index(st, opt, err);
	const struct figure *f = find(opt->figure);
	if (!f) {
		cx_fail(err, CX_EXIT_USAGE, "report rows: no figure named '%s'; cxtop report --help lists them",
			opt->figure ? opt->figure : "");
		return NULL;
	}
	int64_t bp = cx_report_liability(st, opt);
	int64_t value = 0;
	char who[160] = "", title[256];
	int64_t revenue_want = -1; /* a campaign's revenue, for its contacts' conversions */
	cx_claim_group claims = {0};
	if (f->src == CLAIMS) {
		if (claims_value(st, opt, &claims, err) < 0)
			return NULL;
		value = claims.count;
		snprintf(who, sizeof who, "%s%s%s", opt->carrier ? opt->carrier : "",
			 opt->carrier && opt->status ? ", " : "", opt->status ? opt->status : "");
	} else if (opt->agent_id) {
		if (agent_value(st, opt, f, &value, who, sizeof who, err) < 0)
			return NULL;
	} else if (opt->campaign_id) {
		if (f->src != CONTACTS) {
			cx_fail(err, CX_EXIT_USAGE, "report rows: --campaign applies to campaign_costs");
			return NULL;
		}
		if (campaign_values(st, opt, &value, &revenue_want, who, sizeof who, err) < 0)
			return NULL;
	} else {
		cx_dashboard dash;
		if (cx_dashboard_load(st, &opt->period, bp, &dash, err) < 0)
			return NULL;
		value = dashboard_value(f, &dash);
		cx_dashboard_free(&dash);
	}
	/* An agent's revenue is orders only: claims are the team's. */
	snprintf(title, sizeof title, "%s%s%s", opt->agent_id && f->src == ATTRIBUTED ? "Attributed orders" : f->title,
		 !who[0]		 ? ""
		 : f->src == CLAIMS ? " · "
		 : opt->agent_id	 ? " · agent "
				 : " · campaign ",
		 who);

	cx_doc *doc = cx_report_doc(st, opt, "rows", title);
	struct acc a = {.f = f, .liability_bp = bp};
	if (fill(st, opt, doc, &a, err) < 0) {
		cx_doc_free(doc);
		return NULL;
	}
	totals(&a);
	/* COGS is the second sum of the attributed orders, beside their amounts. */
	int64_t total = strcmp(f->name, "cogs") == 0 ? a.second : a.total;
	cx_doc_fact(doc, "figure", "Figure", cx_text(f->name));
	cx_doc_fact(doc, "value", "The figure", f->money ? cx_money(value) : cx_int(value));
	cx_doc_fact(doc, "total", "The rows add up to", f->money ? cx_money(total) : cx_int(total));
	cx_doc_fact(doc, "count", "Rows", cx_int(a.rows));
	if (f->src == CONTACTS) {
		cx_doc_fact(doc, "converted", "Converted", cx_int(a.converted));
		cx_doc_fact(doc, "revenue", "Their orders' revenue", cx_money(a.second));
	}
	if (f->src == CLAIMS) {
		cx_doc_fact(doc, "claimed", "Claimed", cx_money(a.second));
		cx_doc_fact(doc, "recovered", "Recovered", cx_money(a.third));
		if (a.second != claims.claimed || a.third != claims.recovered)
			cx_doc_warn(doc, "the claims add up to %lld claimed and %lld recovered, the table by status says "
					 "%lld and %lld",
				    (long long)a.second, (long long)a.third, (long long)claims.claimed,
				    (long long)claims.recovered);
	}
	if (revenue_want >= 0 && revenue_want != a.second)
		cx_doc_warn(doc, "the contacts' orders add up to %lld, the campaign's revenue is %lld", (long long)a.second,
			    (long long)revenue_want);
	if (f->src == LIABILITY) {
		char pct[16];
		cx_fmt_bp(pct, sizeof pct, bp);
		cx_doc_note(doc, "Each return carries %s %% of its cost; each part is the liability on the costs up to it "
				 "less that on the costs before it, so the parts add up to the figure to the cent.",
			    pct);
	}
	if (f->src == COSTS)
		cx_doc_note(doc, "A month's cost is shared by the days the period covers (cxtop(1), Rounding).");
	if (value != total)
		cx_doc_warn(doc, "the rows add up to %lld, the figure is %lld: the store changed while it was read, or "
				 "this is a bug",
			    (long long)total, (long long)value);
	return doc;
}
