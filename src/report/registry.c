/* registry.c — the list of reports, in the order --list shows them. */
#include <string.h>

#include "report_internal.h"

static const cx_report_def reports[] = {
	{"summary", "every number the dashboard shows", cx_report_summary},
	{"pnl", "the support P&L: revenue, costs, liability, net, break-even", cx_report_pnl},
	{"agents", "per agent KPIs, revenue and cost, team subtotals", cx_report_agents},
	{"channels", "ticket KPIs per channel", cx_report_channels},
	{"topics", "ticket KPIs per topic and per complexity", cx_report_topics},
	{"campaigns", "contacts, responses, conversions, revenue, cost and ROI", cx_report_campaigns},
	{"winback", "failed renewals, dunning, support recoveries per renewal month", cx_report_winback},
	{"notify", "order-notification channels: extra revenue and net gain", cx_report_notify},
	{"claims", "carrier claims by status; open claims and deadlines", cx_report_claims},
	{"watchlist", "customers with satisfaction 6 or less; promoters; silent unhappy", cx_report_watchlist},
	{"sla", "SLA targets met per agent, team, channel, priority; breaches", cx_report_sla},
	{"schedules", "the working hours, holidays and SLA policies the store keeps", cx_report_schedules},
	{"leaderboard", "points, ranks, levels, badges and anti-gaming flags per agent", cx_report_leaderboard},
	{"trophies", "the period's trophies and suggested rewards; the sameness alarm", cx_report_trophies},
	{"rows", "every figure; with --figure NAME its rows, which add up to it", cx_report_rows},
	{"audit", "every edit made through cxtop, newest first", cx_report_audit},
};

const cx_report_def *cx_report_all(size_t *n)
{
	*n = sizeof reports / sizeof reports[0];
	return reports;
}

const cx_report_def *cx_report_find(const char *name)
{
	for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
		if (strcmp(reports[i].name, name) == 0)
			return &reports[i];
	return NULL;
}
