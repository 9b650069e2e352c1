/* report_summary.c — every number the dashboard shows, for one period. */
#include <stdio.h>
#include <stdlib.h>

#include "report_internal.h"

/* Agents ordered by attributed revenue, then by tickets solved. */
struct ranked {
	const cx_agent_row *a;
	int64_t solved;
};

static int by_revenue(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	if (a->a->revenue != b->a->revenue)
		return a->a->revenue < b->a->revenue ? 1 : -1;
	if (a->solved != b->solved)
		return a->solved < b->solved ? 1 : -1;
	return a->a->id < b->a->id ? -1 : 1;
}

cx_doc *cx_report_summary(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column top_cols[] = {
		{"agent_id", "ID", CX_CELL_INT, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
		{"team", "Team", CX_CELL_TEXT, 0},
		{"revenue", "Revenue", CX_CELL_MONEY, 0},
		{"solved", "Solved", CX_CELL_INT, 0},
	};
	cx_ticket_group_row *team = NULL, *by_agent = NULL;
	cx_agent_row *agents = NULL;
	cx_open_claim *open = NULL;
	cx_watch_row *watch = NULL;
	size_t nteam, nba, na, no, nw;
	cx_watch_counts wc;
	cx_pnl_raw raw;
	int64_t backlog;
	cx_doc *doc = NULL;
	if (cx_store_ticket_kpis(st, &opt->period, CX_GROUP_TEAM, &team, &nteam, err) < 0 ||
	    cx_store_ticket_kpis(st, &opt->period, CX_GROUP_AGENT, &by_agent, &nba, err) < 0 ||
	    cx_store_backlog(st, &opt->period, &backlog, err) < 0 || cx_store_pnl(st, &opt->period, &raw, err) < 0 ||
	    cx_store_agents(st, &opt->period, &agents, &na, err) < 0 ||
	    cx_store_open_claims(st, opt->period.to_day, &open, &no, err) < 0 ||
	    cx_store_watchlist(st, &opt->period, &watch, &nw, &wc, err) < 0)
		goto out;

	cx_ticket_kpi k = cx_ticket_kpi_of(&team[0].raw);
	cx_pnl p = cx_pnl_compute(&raw, cx_report_liability(st, opt));
	doc = cx_report_doc(st, opt, "summary", "Summary");
	cx_doc_fact(doc, "tickets", "Tickets created", cx_int(k.raw.created));
	cx_doc_fact(doc, "solved", "Tickets solved", cx_int(k.raw.solved));
	cx_doc_fact(doc, "backlog", "Backlog at period end", cx_int(backlog));
	cx_doc_fact(doc, "unanswered", "Never answered", cx_int(k.raw.unanswered));
	cx_doc_fact(doc, "frt_median_s", "First response, median", cx_dist_median(&k.raw.frt));
	cx_doc_fact(doc, "frt_p90_s", "First response, p90", cx_dist_p90(&k.raw.frt));
	cx_doc_fact(doc, "resolution_median_s", "Resolution, median", cx_dist_median(&k.raw.resolution));
	cx_doc_fact(doc, "resolution_p90_s", "Resolution, p90", cx_dist_p90(&k.raw.resolution));
	cx_doc_fact(doc, "one_touch_pct", "One-touch resolution", cx_bp_or_null(k.one_touch_ok, k.one_touch_bp));
	cx_doc_fact(doc, "reopen_pct", "Reopened", cx_bp_or_null(k.reopen_ok, k.reopen_bp));
	cx_doc_fact(doc, "csat_pct", "CSAT (rated 7-10)", cx_bp_or_null(k.csat_ok, k.csat_bp));
	cx_doc_fact(doc, "nps", "NPS", cx_bp_or_null(k.nps_ok, k.nps_bp));
	cx_doc_fact(doc, "rated", "Rated tickets", cx_int(k.raw.rated));
	cx_doc_fact(doc, "unrated", "Unrated solved tickets", cx_int(k.unrated));
	cx_doc_fact(doc, "attributed", "Revenue attributed to support", cx_money(p.attributed));
	cx_doc_fact(doc, "liability_pct", "Returns liability", cx_bp(p.liability_bp));
	cx_doc_fact(doc, "net", "Support net", cx_money(p.net));
	cx_doc_fact(doc, "profit_center", "Profit center", cx_bool(p.profit_center));
	cx_doc_fact(doc, "break_even_pct", "Break-even liability", cx_bp_or_null(p.break_even_ok, p.break_even_bp));
	int64_t past = 0, soon = 0;
	for (size_t i = 0; i < no; i++) {
		int32_t d;
		if (!cx_date_parse(open[i].deadline_on, &d))
			continue;
		int32_t left = cx_days_to_deadline(opt->period.to_day, d);
		past += left < 0;
		soon += left >= 0 && left <= 7;
	}
	cx_doc_fact(doc, "claims_open", "Claims open", cx_int((int64_t)no));
	cx_doc_fact(doc, "claims_due_7d", "Claims due within 7 days", cx_int(soon));
	cx_doc_fact(doc, "claims_past_deadline", "Claims past deadline", cx_int(past));
	cx_doc_fact(doc, "watchlist", "Watchlist size", cx_int(wc.watchlist));

	struct ranked *r = calloc(na ? na : 1, sizeof *r);
	if (!r) {
		cx_doc_free(doc);
		doc = NULL;
		cx_fail(err, CX_EXIT_RUNTIME, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < na; i++) {
		r[i].a = &agents[i];
		for (size_t j = 0; j < nba; j++)
			if (by_agent[j].key_int == agents[i].id)
				r[i].solved = by_agent[j].raw.solved;
	}
	qsort(r, na, sizeof *r, by_revenue);
	cx_table *t = cx_doc_table(doc, "top_agents", "Top agents by attributed revenue", top_cols, 5);
	for (size_t i = 0; i < na && i < 3; i++) {
		cx_cell *c = cx_table_row(t);
		c[0] = cx_int(r[i].a->id);
		c[1] = cx_text(r[i].a->name);
		c[2] = cx_text(r[i].a->team);
		c[3] = cx_money(r[i].a->revenue);
		c[4] = cx_int(r[i].solved);
	}
	free(r);
out:
	free(team);
	free(by_agent);
	free(agents);
	free(open);
	free(watch);
	return doc;
}
