/* report_pnl.c — the support P&L (DOMAIN §1), one row per period. */
#include <stdio.h>

#include "cxtop/xalloc.h"
#include "report_internal.h"

/* json keys are the contract of cxtop(1): exactly these, per row and in
 * totals.  The period label is for people; json gets it in "periods". */
static const cx_column cols[] = {
	{"period", "Period", CX_CELL_TEXT, CX_COL_NOJSON},
	{"upsell", "Upsell", CX_CELL_MONEY, 0},
	{"winback", "Win-back", CX_CELL_MONEY, 0},
	{"discount_codes", "Codes", CX_CELL_MONEY, 0},
	{"claims_recovered", "Claims", CX_CELL_MONEY, 0},
	{"attributed", "Attributed", CX_CELL_MONEY, 0},
	{"cogs", "COGS", CX_CELL_MONEY, 0},
	{"campaign_costs", "Campaigns", CX_CELL_MONEY, 0},
	{"staff", "Staff", CX_CELL_MONEY, 0},
	{"platform", "Platform", CX_CELL_MONEY, 0},
	{"other", "Other", CX_CELL_MONEY, 0},
	{"returns_cost", "Returns", CX_CELL_MONEY, 0},
	{"liability_pct", "Liab %", CX_CELL_BP, 0},
	{"liability", "Liability", CX_CELL_MONEY, 0},
	{"net", "Net", CX_CELL_MONEY, 0},
	{"break_even_pct", "Break-even", CX_CELL_BP, 0},
	{"break_even_note", "No break-even", CX_CELL_TEXT, 0},
	{"profit_center", "Profit", CX_CELL_BOOL, 0},
};

static void fill(cx_cell *c, const char *label, const cx_pnl *p)
{
	int i = 0;
	c[i++] = cx_text(label);
	c[i++] = cx_money(p->raw.upsell);
	c[i++] = cx_money(p->raw.winback);
	c[i++] = cx_money(p->raw.discount_codes);
	c[i++] = cx_money(p->raw.claims_recovered);
	c[i++] = cx_money(p->attributed);
	c[i++] = cx_money(p->raw.cogs);
	c[i++] = cx_money(p->raw.campaigns);
	c[i++] = cx_money(p->raw.staff);
	c[i++] = cx_money(p->raw.platform);
	c[i++] = cx_money(p->raw.other);
	c[i++] = cx_money(p->raw.returns_cost);
	c[i++] = cx_bp(p->liability_bp);
	c[i++] = cx_money(p->liability);
	c[i++] = cx_money(p->net);
	c[i++] = cx_bp_or_null(p->break_even_ok, p->break_even_bp);
	const char *why = cx_break_even_reason(p);
	c[i++] = why ? cx_text(why) : cx_null();
	c[i++] = cx_bool(p->profit_center);
}

cx_doc *cx_report_pnl(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	int64_t bp = cx_report_liability(st, opt);
	int n = 1;
	cx_period one = opt->period, *parts = &one;
	if (opt->split) {
		n = cx_period_split(opt->period, opt->split_kind, NULL, 0);
		parts = cx_xcalloc((size_t)n, sizeof *parts);
		cx_period_split(opt->period, opt->split_kind, parts, n);
	}
	cx_doc *doc = cx_report_doc(st, opt, "pnl", "Support P&L");
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	static const cx_column period_cols[] = {
		{"label", "Period", CX_CELL_TEXT, 0},
		{"from", "From", CX_CELL_DATE, 0},
		{"to", "To", CX_CELL_DATE, 0},
	};
	cx_table *pt = NULL;
	cx_pnl_raw sum = {0};
	int64_t liability_sum = 0;
	for (int i = 0; i < n; i++) {
		cx_pnl_raw raw;
		if (cx_store_pnl(st, &parts[i], &raw, err) < 0) {
			cx_doc_free(doc);
			if (parts != &one)
				free(parts);
			return NULL;
		}
		cx_pnl p = cx_pnl_compute(&raw, bp);
		/* Each row's liability is the rounded liability of the returns so
		 * far minus that of the rows before: the rows add up to exactly the
		 * liability of the whole range, as one report of it would print. */
		int64_t before = cx_div_round(sum.returns_cost * bp, 10000);
		int64_t upto = cx_div_round((sum.returns_cost + raw.returns_cost) * bp, 10000);
		p.net += p.liability - (upto - before);
		p.liability = upto - before;
		p.profit_center = p.net > 0;
		char label[64], from[11], to[11];
		cx_period_label(parts[i], label, sizeof label);
		fill(cx_table_row(t), label, &p);
		cx_pnl_raw_add(&sum, &raw);
		liability_sum += p.liability;
		if (n > 1) {
			if (!pt)
				pt = cx_doc_table(doc, "periods", NULL, period_cols, 3);
			cx_cell *c = cx_table_row(pt);
			cx_date_format(parts[i].from_day, from);
			cx_date_format(parts[i].to_day, to);
			c[0] = cx_text(label);
			c[1] = cx_date(from);
			c[2] = cx_date(to);
		}
	}
	/* Totals add the rows up: the total liability is the sum of the rows'
	 * rounded liabilities, so the columns always foot. */
	cx_pnl total = cx_pnl_compute(&sum, bp);
	total.net += total.liability - liability_sum;
	total.liability = liability_sum;
	total.profit_center = total.net > 0;
	fill(cx_table_totals(t), "Total", &total);
	if (parts != &one)
		free(parts);

	cx_doc_note(doc, "Net = attributed revenue - COGS - campaign costs - staff - platform - other - liability %% x "
			 "returns; campaign costs are the contacts made in the period x their campaign's cost per contact.");
	cx_doc_note(doc, "Break-even: the liability %% at which net is zero; none when net is negative even at 0 %%, "
			 "any when it is positive even at 100 %%.");
	return doc;
}
