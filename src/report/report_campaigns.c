/* report_campaigns.c — campaigns, the win-back funnel, and the
 * order-notification channels. */
#include <stdio.h>
#include <stdlib.h>

#include "cxtop/xalloc.h"
#include "report_internal.h"

cx_doc *cx_report_campaigns(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"campaign_id", "ID", CX_CELL_ID, 0},
		{"campaign", "Campaign", CX_CELL_TEXT, 0},
		{"kind", "Kind", CX_CELL_TEXT, 0},
		{"channel", "Channel", CX_CELL_TEXT, 0},
		{"contacted", "Contacted", CX_CELL_INT, 0},
		{"responded", "Responded", CX_CELL_INT, 0},
		{"response_pct", "Resp %", CX_CELL_BP, 0},
		{"converted", "Converted", CX_CELL_INT, 0},
		{"conversion_pct", "Conv %", CX_CELL_BP, 0},
		{"revenue", "Revenue", CX_CELL_MONEY, 0},
		{"cogs", "COGS", CX_CELL_MONEY, 0},
		{"cost", "Cost", CX_CELL_MONEY, 0},
		{"contribution", "Contribution", CX_CELL_MONEY, 0},
		{"roi_pct", "ROI", CX_CELL_BP, 0},
		{"archived", "Archived", CX_CELL_BOOL, 0},
	};
	cx_campaign_row *rows;
	size_t n;
	if (cx_store_campaigns(st, &opt->period, &rows, &n, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "campaigns", "Campaigns");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	cx_campaign_raw sum = {0};
	int64_t cost = 0;
	for (size_t i = 0; i < n; i++) {
		cx_campaign_kpi k = cx_campaign_kpi_of(&rows[i].raw);
		cx_cell *c = cx_table_row(t);
		c[0] = cx_id(rows[i].id);
		c[1] = cx_text(rows[i].name);
		c[2] = cx_text(rows[i].kind);
		c[3] = cx_text(rows[i].channel);
		c[4] = cx_int(k.raw.contacted);
		c[5] = cx_int(k.raw.responded);
		c[6] = cx_bp_or_null(k.response_ok, k.response_bp);
		c[7] = cx_int(k.raw.converted);
		c[8] = cx_bp_or_null(k.conversion_ok, k.conversion_bp);
		c[9] = cx_money(k.raw.revenue);
		c[10] = cx_money(k.raw.cogs);
		c[11] = cx_money(k.cost);
		c[12] = cx_money(k.contribution);
		c[13] = cx_bp_or_null(k.roi_ok, k.roi_bp);
		c[14] = cx_bool(rows[i].archived);
		sum.contacted += k.raw.contacted;
		sum.responded += k.raw.responded;
		sum.converted += k.raw.converted;
		sum.revenue += k.raw.revenue;
		sum.cogs += k.raw.cogs;
		cost += k.cost;
	}
	/* Campaigns have different costs per contact: the total's cost is the
	 * sum of theirs, and its rates are over all contacts. */
	cx_campaign_kpi tk = cx_campaign_kpi_of(&sum);
	tk.cost = cost;
	tk.contribution = sum.revenue - sum.cogs - cost;
	cx_cell *c = cx_table_totals(t);
	c[4] = cx_int(sum.contacted);
	c[5] = cx_int(sum.responded);
	c[6] = cx_bp_or_null(tk.response_ok, tk.response_bp);
	c[7] = cx_int(sum.converted);
	c[8] = cx_bp_or_null(tk.conversion_ok, tk.conversion_bp);
	c[9] = cx_money(sum.revenue);
	c[10] = cx_money(sum.cogs);
	c[11] = cx_money(cost);
	c[12] = cx_money(tk.contribution);
	c[13] = cost > 0 ? cx_bp(cx_ratio_bp(tk.contribution, cost)) : cx_null();
	free(rows);
	cx_doc_note(doc, "Contacts made in the period. Cost = contacted x cost per contact; "
			 "ROI = (revenue - COGS - cost) / cost.");
	return doc;
}

cx_doc *cx_report_winback(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"month", "Renewal month", CX_CELL_TEXT, 0},
		{"failed", "Failed", CX_CELL_INT, 0},
		{"recovered_dunning", "By dunning", CX_CELL_INT, 0},
		{"reached_support", "To support", CX_CELL_INT, 0},
		{"recovered_support", "By support", CX_CELL_INT, 0},
		{"support_recovery_pct", "Support %", CX_CELL_BP, 0},
		{"revenue", "Revenue", CX_CELL_MONEY, 0},
		{"lost", "Lost", CX_CELL_INT, 0},
	};
	cx_winback_row *rows;
	size_t n;
	if (cx_store_winback(st, &opt->period, &rows, &n, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "winback", "Passive-churn win-back");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	cx_winback_raw sum = {0};
	for (size_t i = 0; i <= n; i++) {
		cx_winback w = cx_winback_of(i < n ? &rows[i].raw : &sum);
		cx_cell *c = i < n ? cx_table_row(t) : cx_table_totals(t);
		c[0] = cx_text(i < n ? rows[i].month : "Total");
		c[1] = cx_int(w.raw.failed);
		c[2] = cx_int(w.raw.by_dunning);
		c[3] = cx_int(w.raw.to_support);
		c[4] = cx_int(w.raw.by_support);
		c[5] = cx_bp_or_null(w.recovery_ok, w.recovery_bp);
		c[6] = cx_money(w.raw.revenue);
		c[7] = cx_int(w.lost);
		if (i < n) {
			sum.failed += w.raw.failed;
			sum.by_dunning += w.raw.by_dunning;
			sum.to_support += w.raw.to_support;
			sum.by_support += w.raw.by_support;
			sum.revenue += w.raw.revenue;
		}
	}
	free(rows);
	cx_doc_note(doc, "Renewals due in the period that failed; those the dunning service did not recover are "
			 "handed to support. Support %% = recovered by support / reached support.");
	return doc;
}

static int64_t setting_int(cx_store *st, const char *key, int64_t fallback)
{
	char buf[32];
	return cx_store_setting(st, key, buf, sizeof buf) ? strtoll(buf, NULL, 10) : fallback;
}

cx_doc *cx_report_notify(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column cols[] = {
		{"channel", "Channel", CX_CELL_TEXT, 0},
		{"cost_per_order_min", "Cost/order", CX_CELL_MONEY, 0},
		{"cost_per_order_max", "to", CX_CELL_MONEY, 0},
		{"buyout_change_min_pct", "Buyout +", CX_CELL_BP, 0},
		{"buyout_change_max_pct", "to", CX_CELL_BP, 0},
		{"extra_revenue_min", "Extra revenue", CX_CELL_MONEY, 0},
		{"extra_revenue_max", "to", CX_CELL_MONEY, 0},
		{"cost_min", "Cost", CX_CELL_MONEY, 0},
		{"cost_max", "to", CX_CELL_MONEY, 0},
		{"net_min", "Net gain", CX_CELL_MONEY, 0},
		{"net_max", "to", CX_CELL_MONEY, 0},
	};
	cx_notify_row *rows;
	size_t n;
	if (cx_store_notify(st, &rows, &n, err) < 0)
		return NULL;
	int64_t shipments = opt->shipments_set ? opt->shipments : setting_int(st, "notify_shipments", 0);
	int64_t avg = opt->avg_check_set ? opt->avg_check : setting_int(st, "notify_avg_check", 0);
	char currency[8] = "";
	if (!cx_store_setting(st, "notify_currency", currency, sizeof currency))
		cx_store_currency(st, currency, sizeof currency);
	cx_doc *doc = cx_report_doc(st, opt, "notify", "Order-notification channels");
	free(doc->currency);
	doc->currency = cx_xstrdup(currency);
	cx_doc_fact(doc, "shipments", "Shipments a month", cx_int(shipments));
	cx_doc_fact(doc, "avg_check", "Average check", cx_money(avg));
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i <= n; i++) {
		cx_notify_channel what_if = {.name = "What-if (--buyout)", .has_cost = true,
					     .cost_min = opt->cost_per_order, .cost_max = opt->cost_per_order,
					     .buyout_min_bp = opt->buyout_bp, .buyout_max_bp = opt->buyout_bp};
		if (i == n && !opt->buyout_set)
			break;
		const cx_notify_channel *ch = i < n ? &rows[i].ch : &what_if;
		cx_notify_result r = cx_notify_compute(ch, shipments, avg);
		cx_cell *c = cx_table_row(t);
		c[0] = cx_text(ch->name);
		c[1] = ch->has_cost ? cx_money(ch->cost_min) : cx_null();
		c[2] = ch->has_cost ? cx_money(ch->cost_max) : cx_null();
		c[3] = cx_bp(ch->buyout_min_bp);
		c[4] = cx_bp(ch->buyout_max_bp);
		c[5] = cx_money(r.extra_min);
		c[6] = cx_money(r.extra_max);
		c[7] = cx_money(r.cost_min);
		c[8] = cx_money(r.cost_max);
		c[9] = cx_money(r.net_min);
		c[10] = cx_money(r.net_max);
	}
	for (size_t i = 0; i < n; i++)
		if (!rows[i].ch.has_cost)
			cx_doc_note(doc, "%s: costs %s, not money (n/a).", rows[i].name,
				    rows[i].note[0] ? rows[i].note : "staff time");
	cx_doc_note(doc, "Extra revenue = shipments x average check x buyout change; cost = shipments x cost per "
			 "order; net gain = extra revenue - cost, worst case to best case.");
	free(rows);
	return doc;
}
