/* report_summary.c — every number the dashboard shows, for one period:
 * printed straight from the same cx_dashboard the UI draws. */
#include "cxtop/dashboard.h"
#include "report_internal.h"

cx_doc *cx_report_summary(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column top_cols[] = {
		{"agent_id", "ID", CX_CELL_ID, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
		{"team", "Team", CX_CELL_TEXT, 0},
		{"revenue", "Revenue", CX_CELL_MONEY, 0},
		{"solved", "Solved", CX_CELL_INT, 0},
	};
	cx_dashboard d;
	if (cx_dashboard_load(st, &opt->period, cx_report_liability(st, opt), &d, err) < 0)
		return NULL;
	const cx_ticket_kpi *k = &d.tickets;
	const cx_pnl *p = &d.pnl;
	cx_doc *doc = cx_report_doc(st, opt, "summary", "Summary");
	cx_doc_fact(doc, "tickets", "Tickets created", cx_int(k->raw.created));
	cx_doc_fact(doc, "solved", "Tickets solved", cx_int(k->raw.solved));
	cx_doc_fact(doc, "backlog", "Backlog at period end", cx_int(d.backlog));
	cx_doc_fact(doc, "unanswered", "Never answered", cx_int(k->raw.unanswered));
	cx_doc_fact(doc, "frt_median_s", "First response, median", cx_dist_median(&k->raw.frt));
	cx_doc_fact(doc, "frt_p90_s", "First response, p90", cx_dist_p90(&k->raw.frt));
	cx_doc_fact(doc, "resolution_median_s", "Full resolution, median", cx_dist_median(&k->raw.resolution));
	cx_doc_fact(doc, "resolution_p90_s", "Full resolution, p90", cx_dist_p90(&k->raw.resolution));
	cx_doc_fact(doc, "first_resolution_median_s", "First resolution, median",
		    cx_dist_median(&k->raw.first_resolution));
	cx_doc_fact(doc, "first_resolution_p90_s", "First resolution, p90", cx_dist_p90(&k->raw.first_resolution));
	cx_doc_fact(doc, "requester_wait_median_s", "Requester wait, median", cx_dist_median(&k->raw.requester_wait));
	cx_doc_fact(doc, "agent_wait_median_s", "Agent wait, median", cx_dist_median(&k->raw.agent_wait));
	cx_doc_fact(doc, "next_reply_median_s", "Next reply, median", cx_dist_median(&k->raw.next_reply));
	cx_doc_fact(doc, "one_touch_pct", "One-touch resolution", cx_bp_or_null(k->one_touch_ok, k->one_touch_bp));
	cx_doc_fact(doc, "reopen_pct", "Reopened", cx_bp_or_null(k->reopen_ok, k->reopen_bp));
	cx_doc_fact(doc, "csat_pct", "CSAT (rated 7-10)", cx_bp_or_null(k->csat_ok, k->csat_bp));
	cx_doc_fact(doc, "nps", "NPS", k->nps_ok ? cx_points(k->nps_bp) : cx_null());
	cx_doc_fact(doc, "rated", "Rated tickets", cx_int(k->raw.rated));
	cx_doc_fact(doc, "unrated", "Unrated solved tickets", cx_int(k->unrated));
	cx_doc_fact(doc, "attributed", "Revenue attributed to support", cx_money(p->attributed));
	cx_doc_fact(doc, "liability_pct", "Returns liability", cx_bp(p->liability_bp));
	cx_doc_fact(doc, "net", "Support net", cx_money(p->net));
	cx_doc_fact(doc, "profit_center", "Profit center", cx_bool(p->profit_center));
	cx_doc_fact(doc, "break_even_pct", "Break-even liability", cx_bp_or_null(p->break_even_ok, p->break_even_bp));
	if (cx_break_even_reason(p))
		cx_doc_fact(doc, "break_even_note", "No break-even", cx_text(cx_break_even_reason(p)));
	cx_doc_fact(doc, "claims_open", "Claims open", cx_int(d.claims_open));
	cx_doc_fact(doc, "claims_due_7d", "Claims due within 7 days", cx_int(d.claims_due_7d));
	cx_doc_fact(doc, "claims_past_deadline", "Claims past deadline", cx_int(d.claims_past_deadline));
	cx_doc_fact(doc, "watchlist", "Watchlist size", cx_int(d.watch.watchlist));
	cx_doc_fact(doc, "alarm", "Everyone's results look the same", cx_bool(d.alarm));
	/* Only for a store with SLA policies: as report sla's total row. */
	if (d.sla_on) {
		int64_t bp = 0;
		bool ok = cx_sla_met_bp(&d.sla, CX_SLA_FIRST, &bp);
		cx_doc_fact(doc, "sla_first_reply_met_pct", "SLA first reply met", cx_bp_or_null(ok, bp));
		ok = cx_sla_met_bp(&d.sla, CX_SLA_RESOLUTION, &bp);
		cx_doc_fact(doc, "sla_resolution_met_pct", "SLA resolution met", cx_bp_or_null(ok, bp));
		ok = cx_sla_met_bp(&d.sla, CX_SLA_NEXT, &bp);
		cx_doc_fact(doc, "sla_next_reply_met_pct", "SLA next reply met", cx_bp_or_null(ok, bp));
		cx_doc_fact(doc, "sla_breaches", "SLA breaches",
			    cx_int(d.sla.breached[CX_SLA_FIRST] + d.sla.breached[CX_SLA_RESOLUTION] +
				   d.sla.breached[CX_SLA_NEXT]));
	}
	cx_table *t = cx_doc_table(doc, "top_agents", "Top agents by attributed revenue", top_cols, 5);
	for (int i = 0; i < d.ntop && i < 3; i++) {
		cx_cell *c = cx_table_row(t);
		c[0] = cx_id(d.top[i].id);
		c[1] = cx_text(d.top[i].name);
		c[2] = cx_text(d.top[i].team);
		c[3] = cx_money(d.top[i].revenue);
		c[4] = cx_int(d.top[i].solved);
	}
	static const cx_column lead_cols[] = {
		{"rank", "Rank", CX_CELL_INT, 0},
		{"agent_id", "ID", CX_CELL_ID, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
		{"points", "Points", CX_CELL_INT, 0},
	};
	cx_table *l = cx_doc_table(doc, "leaders", "Leaderboard (points)", lead_cols, 4);
	for (int i = 0; i < d.nleaders && i < 3; i++) {
		cx_cell *c = cx_table_row(l);
		c[0] = cx_int(i + 1);
		c[1] = cx_id(d.leaders[i].id);
		c[2] = cx_text(d.leaders[i].name);
		c[3] = cx_int(d.leader_points[i]);
	}
	if (d.scoring_error[0])
		cx_doc_warn(doc, "Scoring file refused (%s); the built-in rules apply.", d.scoring_error);
	cx_dashboard_free(&d);
	return doc;
}
