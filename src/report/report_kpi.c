/* report_kpi.c — ticket KPIs per agent (with team subtotals), per channel,
 * per topic and per complexity. */
#include <stdio.h>
#include <string.h>

#include "cxtop/xalloc.h"
#include "report_internal.h"

/* The leading label columns plus the shared KPI columns, in one array. */
static cx_column *with_kpis(const cx_column *lead, size_t nlead, const cx_column *tail, size_t ntail, size_t *n)
{
	*n = nlead + CX_KPI_NCOLS + ntail;
	cx_column *c = cx_xcalloc(*n, sizeof *c);
	memcpy(c, lead, nlead * sizeof *c);
	memcpy(c + nlead, cx_kpi_columns, sizeof cx_kpi_columns);
	if (ntail)
		memcpy(c + nlead + CX_KPI_NCOLS, tail, ntail * sizeof *c);
	return c;
}

/* Which resolution each pair of columns measures, said in every report
 * that has both. */
#define RESOLUTIONS                                                                                          \
	"Res: created to the final resolution; 1st res: created to the first, before any reopening (the same " \
	"tickets)."

static const cx_ticket_group_row *find_group(const cx_ticket_group_row *g, size_t n, int64_t key)
{
	for (size_t i = 0; i < n; i++)
		if (g[i].key_int == key)
			return &g[i];
	return NULL;
}

static int team_kpi(cx_store *st, const cx_period *p, cx_ticket_kpi *out, cx_error *err)
{
	cx_ticket_group_row *g;
	size_t n;
	if (cx_store_ticket_kpis(st, p, CX_GROUP_TEAM, &g, &n, err) < 0)
		return -1;
	*out = cx_ticket_kpi_of(&g[0].raw);
	free(g);
	return 0;
}

cx_doc *cx_report_agents(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column lead[] = {
		{"agent_id", "ID", CX_CELL_ID, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
		{"team", "Team", CX_CELL_TEXT, 0},
	};
	static const cx_column tail[] = {
		{"revenue", "Revenue", CX_CELL_MONEY, 0},
		{"cost", "Cost", CX_CELL_MONEY, CX_COL_NOJSON},
	};
	static const cx_column team_lead[] = {
		{"team", "Team", CX_CELL_TEXT, 0},
		{"agents", "Agents", CX_CELL_INT, 0},
	};
	cx_agent_row *agents = NULL;
	cx_ticket_group_row *g = NULL, *tg = NULL;
	size_t na = 0, ng = 0, ntg = 0;
	cx_ticket_kpi team;
	if (cx_store_agents(st, &opt->period, &agents, &na, err) < 0 ||
	    cx_store_ticket_kpis(st, &opt->period, CX_GROUP_AGENT, &g, &ng, err) < 0 ||
	    cx_store_ticket_kpis(st, &opt->period, CX_GROUP_AGENT_TEAM, &tg, &ntg, err) < 0 ||
	    team_kpi(st, &opt->period, &team, err) < 0) {
		free(agents);
		free(g);
		free(tg);
		return NULL;
	}
	cx_doc *doc = cx_report_doc(st, opt, "agents", "Agents");
	size_t ncols, nteam;
	cx_column *cols = with_kpis(lead, 3, tail, 2, &ncols);
	cx_column *tcols = with_kpis(team_lead, 2, tail, 2, &nteam);
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, ncols);
	cx_table *tt = cx_doc_table(doc, "teams", "Teams", tcols, nteam);
	int64_t rev = 0, cost = 0;
	for (size_t i = 0; i < na; i++) {
		const cx_agent_row *a = &agents[i];
		const cx_ticket_group_row *k = find_group(g, ng, a->id);
		cx_ticket_raw zero = {0};
		cx_ticket_kpi kpi = cx_ticket_kpi_of(k ? &k->raw : &zero);
		int64_t c = cx_agent_cost(a->monthly_cost, opt->period.from_day, opt->period.to_day, a->hired_day,
					  a->left_day);
		cx_cell *row = cx_table_row(t);
		row[0] = cx_id(a->id);
		row[1] = cx_text(a->name);
		row[2] = cx_text(a->team);
		cx_kpi_cells(row + 3, &kpi);
		row[3 + CX_KPI_NCOLS] = cx_money(a->revenue);
		row[4 + CX_KPI_NCOLS] = cx_money(c);
		rev = cx_sat_add(rev, a->revenue);
		cost = cx_sat_add(cost, c);
		/* Team subtotal: one row per team, its distributions from SQL. */
		if (i + 1 == na || strcmp(agents[i + 1].team, a->team) != 0) {
			int64_t trev = 0, tcost = 0, members = 0;
			for (size_t j = 0; j <= i; j++) {
				if (strcmp(agents[j].team, a->team) != 0)
					continue;
				members++;
				trev = cx_sat_add(trev, agents[j].revenue);
				tcost = cx_sat_add(tcost, cx_agent_cost(agents[j].monthly_cost, opt->period.from_day,
									opt->period.to_day, agents[j].hired_day,
									agents[j].left_day));
			}
			cx_ticket_raw traw = {0};
			for (size_t j = 0; j < ntg; j++)
				if (strcmp(tg[j].key, a->team) == 0)
					traw = tg[j].raw;
			cx_ticket_kpi tk = cx_ticket_kpi_of(&traw);
			cx_cell *tr = cx_table_row(tt);
			tr[0] = cx_text(a->team);
			tr[1] = cx_int(members);
			cx_kpi_cells(tr + 2, &tk);
			tr[2 + CX_KPI_NCOLS] = cx_money(trev);
			tr[3 + CX_KPI_NCOLS] = cx_money(tcost);
		}
	}
	/* Tickets nobody was assigned: their own row in both tables, so that
	 * the rows add up to the total. */
	const cx_ticket_group_row *un = find_group(g, ng, 0);
	bool unassigned = un && un->raw.created + un->raw.solved + un->raw.unresolved > 0;
	if (unassigned) {
		cx_ticket_kpi uk = cx_ticket_kpi_of(&un->raw);
		cx_cell *row = cx_table_row(t);
		row[1] = cx_text("Unassigned");
		row[2] = cx_text("");
		cx_kpi_cells(row + 3, &uk);
		row[3 + CX_KPI_NCOLS] = cx_money(0);
		row[4 + CX_KPI_NCOLS] = cx_money(0);
		cx_cell *tr = cx_table_row(tt);
		tr[0] = cx_text("Unassigned");
		tr[1] = cx_int(0);
		cx_kpi_cells(tr + 2, &uk);
		tr[2 + CX_KPI_NCOLS] = cx_money(0);
		tr[3 + CX_KPI_NCOLS] = cx_money(0);
	}
	cx_cell *tot = cx_table_totals(t);
	cx_kpi_cells(tot + 3, &team);
	tot[3 + CX_KPI_NCOLS] = cx_money(rev);
	tot[4 + CX_KPI_NCOLS] = cx_money(cost);
	cx_cell *ttot = cx_table_totals(tt);
	ttot[0] = cx_text("Total");
	ttot[1] = cx_int((int64_t)na);
	cx_kpi_cells(ttot + 2, &team);
	ttot[2 + CX_KPI_NCOLS] = cx_money(rev);
	ttot[3 + CX_KPI_NCOLS] = cx_money(cost);
	if (unassigned)
		cx_doc_note(doc, "Unassigned: %lld tickets created in the period had no agent; its row makes the rows "
			    "add up to the total.", (long long)un->raw.created);
	cx_doc_note(doc, "Cost: each agent's monthly cost prorated by the days employed in the period; the P&L's staff "
			 "cost is the costs table's booked amount, which may differ.");
	cx_doc_note(doc, "FRT over tickets created in the period; resolution, CSAT, NPS, one-touch and reopen over "
			 "tickets solved in it. Medians of an even count are the mean of the two middle values.");
	cx_doc_note(doc, "%s", RESOLUTIONS);
	free(cols);
	free(tcols);
	free(agents);
	free(g);
	free(tg);
	return doc;
}

/* One KPI table grouped by `group`, its rows labelled by `label`. */
static int group_table(cx_store *st, const cx_report_opts *opt, cx_doc *doc, enum cx_ticket_group group,
		       const char *name, const char *title, const cx_column *label, cx_error *err)
{
	cx_ticket_group_row *g;
	size_t n, ncols;
	cx_ticket_kpi team;
	if (cx_store_ticket_kpis(st, &opt->period, group, &g, &n, err) < 0)
		return -1;
	if (team_kpi(st, &opt->period, &team, err) < 0) {
		free(g);
		return -1;
	}
	cx_column *cols = with_kpis(label, 1, NULL, 0, &ncols);
	cx_table *t = cx_doc_table(doc, name, title, cols, ncols);
	for (size_t i = 0; i < n; i++) {
		cx_ticket_kpi k = cx_ticket_kpi_of(&g[i].raw);
		cx_cell *row = cx_table_row(t);
		row[0] = group == CX_GROUP_COMPLEXITY ? cx_int(g[i].key_int) : cx_text(g[i].key);
		cx_kpi_cells(row + 1, &k);
	}
	cx_cell *tot = cx_table_totals(t);
	tot[0] = cx_text("Total");
	cx_kpi_cells(tot + 1, &team);
	free(cols);
	free(g);
	return 0;
}

cx_doc *cx_report_channels(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column label = {"channel", "Channel", CX_CELL_TEXT, 0};
	cx_doc *doc = cx_report_doc(st, opt, "channels", "Channels");
	if (group_table(st, opt, doc, CX_GROUP_CHANNEL, "rows", NULL, &label, err) < 0) {
		cx_doc_free(doc);
		return NULL;
	}
	cx_doc_note(doc, "%s", RESOLUTIONS);
	return doc;
}

cx_doc *cx_report_topics(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const cx_column topic = {"topic", "Topic", CX_CELL_TEXT, 0};
	static const cx_column complexity = {"complexity", "Complexity", CX_CELL_INT, 0};
	cx_doc *doc = cx_report_doc(st, opt, "topics", "Topics and complexity");
	if (group_table(st, opt, doc, CX_GROUP_TOPIC, "rows", NULL, &topic, err) < 0 ||
	    group_table(st, opt, doc, CX_GROUP_COMPLEXITY, "complexity", "By complexity (1 simple - 3 hard)",
			&complexity, err) < 0) {
		cx_doc_free(doc);
		return NULL;
	}
	cx_doc_note(doc, "A topic with many tickets and a long resolution median is a knowledge-base candidate.");
	cx_doc_note(doc, "%s", RESOLUTIONS);
	return doc;
}
