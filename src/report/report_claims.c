/* report_claims.c — carrier claims and the satisfaction watchlist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/dashboard.h"
#include "report_internal.h"

/* The claims open at the period's end, a row each, with their sums; kept
 * with the table when it is streamed. */
struct open_reading {
	cx_store *st;
	int32_t as_of;
	int64_t count, past, claimed; /* of the latest reading */
	cx_table *t;
};

static int open_claim_row(void *ctx, const cx_open_claim *c)
{
	struct open_reading *o = ctx;
	int32_t deadline;
	bool known = cx_date_parse(c->deadline_on, &deadline);
	int32_t left = known ? cx_days_to_deadline(o->as_of, deadline) : 0;
	cx_cell *r = cx_table_row(o->t);
	r[0] = cx_id(c->id);
	r[1] = cx_text(c->carrier);
	r[2] = cx_text(c->tracking);
	r[3] = cx_text(c->kind);
	r[4] = cx_text(c->status);
	r[5] = cx_date(c->opened_on);
	r[6] = cx_date(c->deadline_on);
	r[7] = known ? cx_int(left) : cx_null();
	r[8] = cx_bool(known && left < 0);
	r[9] = cx_money(c->claimed);
	r[10] = c->agent[0] ? cx_text(c->agent) : cx_null();
	o->count++;
	o->past += known && left < 0;
	o->claimed += c->claimed;
	return 0;
}

static int read_open_claims(void *ctx, cx_table *t, cx_error *err)
{
	struct open_reading *o = ctx;
	o->t = t;
	o->count = o->past = o->claimed = 0;
	return cx_store_open_claims(o->st, o->as_of, open_claim_row, o, err);
}

cx_doc *cx_report_claims(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"carrier", "Carrier", CX_CELL_TEXT, 0},
		{"status", "Status", CX_CELL_TEXT, 0},
		{"count", "Claims", CX_CELL_INT, 0},
		{"claimed", "Claimed", CX_CELL_MONEY, 0},
		{"recovered", "Recovered", CX_CELL_MONEY, 0},
		{"recovery_pct", "Recovery", CX_CELL_BP, 0},
	};
	static const cx_column open_cols[] = {
		{"claim_id", "ID", CX_CELL_ID, 0},
		{"carrier", "Carrier", CX_CELL_TEXT, 0},
		{"tracking_no", "Tracking", CX_CELL_TEXT, 0},
		{"kind", "Kind", CX_CELL_TEXT, 0},
		{"status", "Status", CX_CELL_TEXT, 0},
		{"opened_on", "Opened", CX_CELL_DATE, 0},
		{"deadline_on", "Deadline", CX_CELL_DATE, 0},
		{"days_to_deadline", "Days left", CX_CELL_INT, 0},
		{"past_deadline", "Past", CX_CELL_BOOL, 0},
		{"claimed", "Claimed", CX_CELL_MONEY, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
	};
	cx_claim_group *g;
	size_t ng;
	/* Deadlines are counted from the end of the period, so that a report
	 * on a past month reads as it did then (from today while it lasts). */
	int32_t as_of = cx_dashboard_as_of_day(&opt->period);
	if (cx_store_claims_by_status(st, &opt->period, &g, &ng, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "claims", "Carrier claims");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	int64_t count = 0, claimed = 0, recovered = 0;
	for (size_t i = 0; i < ng; i++) {
		cx_cell *c = cx_table_row(t);
		c[0] = cx_text(g[i].carrier);
		c[1] = cx_text(g[i].status);
		c[2] = cx_int(g[i].count);
		c[3] = cx_money(g[i].claimed);
		c[4] = cx_money(g[i].recovered);
		c[5] = g[i].claimed > 0 ? cx_bp(cx_ratio_bp(g[i].recovered, g[i].claimed)) : cx_null();
		count += g[i].count;
		claimed += g[i].claimed;
		recovered += g[i].recovered;
	}
	free(g);
	cx_cell *c = cx_table_totals(t);
	c[0] = cx_text("Total");
	c[2] = cx_int(count);
	c[3] = cx_money(claimed);
	c[4] = cx_money(recovered);
	c[5] = claimed > 0 ? cx_bp(cx_ratio_bp(recovered, claimed)) : cx_null();

	/* The open claims grow with the store: streamed on the command line. */
	char day[11];
	cx_date_format(as_of, day);
	char title[64];
	snprintf(title, sizeof title, "Open claims on %s, nearest deadline first", day);
	cx_table *ot = cx_doc_table(doc, "open", title, open_cols, sizeof open_cols / sizeof open_cols[0]);
	struct open_reading sums = {.st = st, .as_of = as_of};
	if (cx_report_fill(doc, ot, opt->stream, read_open_claims, &sums, sizeof sums, err) < 0) {
		cx_doc_free(doc);
		return NULL;
	}
	cx_doc_fact(doc, "open_claims", "Open claims", cx_int(sums.count));
	cx_doc_fact(doc, "open_claimed", "Open claims' value", cx_money(sums.claimed));
	cx_doc_fact(doc, "past_deadline", "Past deadline", cx_int(sums.past));
	cx_doc_note(doc, "Claims opened in the period by carrier and status. Recovery = recovered / claimed.");
	return doc;
}

/* One customer of the watchlist, a row of the report's table. */
static int watch_row(void *ctx, const cx_watch_row *r)
{
	cx_cell *c = cx_table_row(ctx);
	c[0] = cx_id(r->id);
	c[1] = cx_text(r->name);
	c[2] = cx_text(r->segment);
	c[3] = cx_int(r->satisfaction);
	char day[11];
	cx_date_format(cx_local_day(r->since), day);
	c[4] = cx_date(day);
	c[5] = cx_bool(r->blacklisted);
	if (r->last_ticket_id) {
		cx_date_format(cx_local_day(r->last_ticket_at), day);
		c[6] = cx_id(r->last_ticket_id);
		c[7] = cx_date(day);
	}
	c[8] = r->last_agent[0] ? cx_text(r->last_agent) : cx_null();
	return 0;
}

/* What reading the watchlist needs, kept with a streamed table. */
struct watch_reading {
	cx_store *st;
	cx_period period;
	cx_watch_counts counts; /* of the first reading */
};

static int read_watchlist(void *ctx, cx_table *t, cx_error *err)
{
	struct watch_reading *rd = ctx;
	return cx_store_watchlist(rd->st, &rd->period, watch_row, t, &rd->counts, err);
}

cx_doc *cx_report_watchlist(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"customer_id", "ID", CX_CELL_ID, 0},
		{"customer", "Customer", CX_CELL_TEXT, 0},
		{"segment", "Segment", CX_CELL_TEXT, 0},
		{"satisfaction", "Score", CX_CELL_INT, 0},
		{"on_list_since", "Listed since", CX_CELL_DATE, 0},
		{"blacklisted", "Blacklist", CX_CELL_BOOL, 0},
		{"last_ticket_id", "Last ticket", CX_CELL_ID, 0},
		{"last_ticket_on", "On", CX_CELL_DATE, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
	};
	/* The counts come with the list, and lead the report: the table is
	 * filled straight from the store, a customer at a time (and, streamed,
	 * read again as it is printed). */
	cx_doc *doc = cx_report_doc(st, opt, "watchlist", "Watchlist");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	struct watch_reading rd = {.st = st, .period = opt->period};
	int rc = cx_report_fill(doc, t, opt->stream, read_watchlist, &rd, sizeof rd, err);
	cx_watch_counts k = rd.counts;
	if (rc < 0) {
		cx_doc_free(doc);
		return NULL;
	}
	cx_doc_fact(doc, "watchlist", "On the watchlist (satisfaction 6 or less)", cx_int(k.watchlist));
	cx_doc_fact(doc, "promoters", "Promoters (9-10)", cx_int(k.promoters));
	cx_doc_fact(doc, "passives", "Passives (7-8)", cx_int(k.passives));
	cx_doc_fact(doc, "rated_customers", "Customers with a score", cx_int(k.rated));
	cx_doc_fact(doc, "blacklisted", "Blacklisted", cx_int(k.blacklisted));
	cx_doc_fact(doc, "complaints", "Complaints in the period (ratings 0-6)", cx_int(k.complaints));
	cx_doc_fact(doc, "silent_unhappy", "Silent unhappy customers (estimate)", cx_int(cx_silent_unhappy(k.complaints)));
	cx_doc_note(doc, "As at the end of the period: each customer with the score they had then, on the list since "
			 "their score last fell to 6 or less.");
	cx_doc_note(doc, "For every complaint heard, %d other unhappy customers stay silent.", CX_SILENT_PER_COMPLAINT);
	return doc;
}
