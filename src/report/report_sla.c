/* report_sla.c — `cxtop report sla` and `cxtop report schedules`.
 *
 * sla: the period's tickets against their targets (sla_view.c): % met
 * per agent (the main table, its total the team's), team, channel,
 * priority and policy; every breach, worst first; every target still
 * running at the period's end, least time left first.  schedules: what
 * the store keeps, as cxtop schedule load wrote it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/xalloc.h"

#include "cxtop/sla_report.h"
#include "report_internal.h"

#define COUNT_COLS(prefix, title)                                                        \
	{prefix "_met", title " met", CX_CELL_INT, 0},                                   \
	{prefix "_breached", title " late", CX_CELL_INT, 0},                             \
	{prefix "_running", title " open", CX_CELL_INT, 0},                              \
	{prefix "_met_pct", title " % met", CX_CELL_BP, 0}

static const cx_column count_cols[] = {
	{"tickets", "Tickets", CX_CELL_INT, 0},
	COUNT_COLS("first_reply", "FR"),
	COUNT_COLS("resolution", "Res"),
	COUNT_COLS("next_reply", "NR"),
};
#define NCOUNT (sizeof count_cols / sizeof count_cols[0])

static void count_cells(cx_cell *c, const cx_sla_counts *k)
{
	c[0] = cx_int(k->tickets);
	for (int t = 0; t < CX_SLA_TARGETS; t++) {
		int64_t bp = 0;
		bool ok = cx_sla_met_bp(k, t, &bp);
		c[1 + 4 * t] = cx_int(k->met[t]);
		c[2 + 4 * t] = cx_int(k->breached[t]);
		c[3 + 4 * t] = cx_int(k->running[t]);
		c[4 + 4 * t] = cx_bp_or_null(ok, bp);
	}
}

/* A table of groups: lead columns, then the counts; totals when asked. */
static void group_table(cx_doc *doc, const char *name, const char *title, const char *key, const char *key_title,
			const cx_sla_group *g, size_t n, const cx_sla_counts *total)
{
	cx_column cols[1 + NCOUNT];
	cols[0] = (cx_column){key, key_title, CX_CELL_TEXT, 0};
	memcpy(cols + 1, count_cols, sizeof count_cols);
	cx_table *t = cx_doc_table(doc, name, title, cols, 1 + NCOUNT);
	for (size_t i = 0; i < n; i++) {
		if (!g[i].c.tickets)
			continue;
		cx_cell *c = cx_table_row(t);
		c[0] = cx_text(g[i].key);
		count_cells(c + 1, &g[i].c);
	}
	if (total) {
		cx_cell *c = cx_table_totals(t);
		c[0] = cx_text("TOTAL");
		count_cells(c + 1, total);
	}
}

static void instant_text(int64_t at, char *buf, size_t len)
{
	time_t tt = (time_t)at;
	struct tm tm;
	if (localtime_r(&tt, &tm))
		strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
	else
		snprintf(buf, len, "%lld", (long long)at);
}

static void items_table(cx_doc *doc, const char *name, const char *title, const char *margin_key,
			const char *margin_title, const cx_sla_view *v, const cx_sla_item *items, size_t n)
{
	const cx_column cols[] = {
		{"ticket_id", "Ticket", CX_CELL_ID, 0},
		{"created", "Created", CX_CELL_TEXT, 0},
		{"agent", "Agent", CX_CELL_TEXT, 0},
		{"priority", "Priority", CX_CELL_TEXT, 0},
		{"channel", "Channel", CX_CELL_TEXT, 0},
		{"policy", "Policy", CX_CELL_TEXT, 0},
		{"target", "Target", CX_CELL_TEXT, 0},
		{"goal_s", "Goal", CX_CELL_SECONDS, 0},
		{margin_key, margin_title, CX_CELL_SECONDS, 0},
	};
	/* How many: in the title, not in a totals row (there is nothing to
	 * add up in a list of tickets, and a count under "Created" misleads). */
	char counted[160], many[32];
	snprintf(counted, sizeof counted, "%s (%s)", title, cx_fmt_int(many, sizeof many, (int64_t)n));
	cx_table *t = cx_doc_table(doc, name, counted, cols, sizeof cols / sizeof cols[0]);
	for (size_t i = 0; i < n; i++) {
		const cx_sla_item *it = &items[i];
		char when[32];
		instant_text(it->created_at, when, sizeof when);
		cx_cell *c = cx_table_row(t);
		c[0] = cx_id(it->ticket_id);
		c[1] = cx_text(when);
		c[2] = it->agent[0] ? cx_text(it->agent) : cx_text("Unassigned");
		c[3] = it->priority >= 0 ? cx_text(cx_priority_names[it->priority]) : cx_null();
		c[4] = it->channel >= 0 ? cx_text(cx_channel_names[it->channel]) : cx_null();
		c[5] = cx_text(v->policy_names[it->policy]);
		c[6] = cx_text(cx_sla_target_names[it->target]);
		c[7] = cx_seconds(it->goal);
		c[8] = cx_seconds(it->margin);
	}
}

cx_doc *cx_report_sla(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	cx_sla_view v;
	if (cx_sla_view_load(st, &opt->period, &v, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "sla", "Service levels");
	if (!v.npolicies) {
		cx_doc_note(doc, "The store has no SLA policies: load a schedules file with an sla: list"
				 " (cxtop schedule load FILE; cxtop(5), SCHEDULES).");
		cx_sla_view_free(&v);
		return doc;
	}
	char as_of[32];
	if (v.as_of == opt->period.end) {
		char day[11];
		cx_date_format(opt->period.to_day, day);
		snprintf(as_of, sizeof as_of, "the end of %s", day);
	} else {
		instant_text(v.as_of, as_of, sizeof as_of);
	}
	cx_doc_fact(doc, "as_of", "As of", cx_text(as_of));
	cx_doc_fact(doc, "tickets", "Tickets with a target", cx_int(v.total.tickets));
	cx_doc_fact(doc, "untargeted", "Tickets no policy covers", cx_int(v.untargeted));
	for (int t = 0; t < CX_SLA_TARGETS; t++) {
		static const char *const keys[][6] = {
			{"first_reply_met_pct", "First reply met", "first_reply_breached", "First reply breached",
			 "first_reply_running", "First reply running"},
			{"resolution_met_pct", "Resolution met", "resolution_breached", "Resolution breached",
			 "resolution_running", "Resolution running"},
			{"next_reply_met_pct", "Next reply met", "next_reply_breached", "Next reply breached",
			 "next_reply_running", "Next reply running"},
		};
		int64_t bp = 0;
		bool ok = cx_sla_met_bp(&v.total, t, &bp);
		cx_doc_fact(doc, keys[t][0], keys[t][1], cx_bp_or_null(ok, bp));
		cx_doc_fact(doc, keys[t][2], keys[t][3], cx_int(v.total.breached[t]));
		cx_doc_fact(doc, keys[t][4], keys[t][5], cx_int(v.total.running[t]));
	}

	/* The main table: per agent, its total the team's. */
	cx_column cols[3 + NCOUNT];
	cols[0] = (cx_column){"agent_id", "ID", CX_CELL_ID, 0};
	cols[1] = (cx_column){"agent", "Agent", CX_CELL_TEXT, 0};
	cols[2] = (cx_column){"team", "Team", CX_CELL_TEXT, 0};
	memcpy(cols + 3, count_cols, sizeof count_cols);
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, 3 + NCOUNT);
	for (size_t i = 0; i < v.nagents; i++) {
		cx_cell *c = cx_table_row(t);
		c[0] = v.agents[i].key_int ? cx_id(v.agents[i].key_int) : cx_null();
		c[1] = cx_text(v.agents[i].key);
		c[2] = cx_text(v.agents[i].team);
		count_cells(c + 3, &v.agents[i].c);
	}
	cx_cell *c = cx_table_totals(t);
	c[0] = cx_text("TOTAL");
	count_cells(c + 3, &v.total);

	group_table(doc, "teams", "By team", "team", "Team", v.teams, v.nteams, NULL);
	group_table(doc, "channels", "By channel", "channel", "Channel", v.channels, v.nchannels, NULL);
	group_table(doc, "priorities", "By priority", "priority", "Priority", v.priorities, v.npriorities, NULL);
	group_table(doc, "policies", "By policy", "policy", "Policy", v.policies, v.npolicy_rows, NULL);
	items_table(doc, "breaches", "Breaches, worst first", "over_s", "Over", &v, v.breaches, v.nbreaches);
	items_table(doc, "at_risk", "Still running at the period's end, least time left first", "left_s", "Left", &v,
		    v.running, v.nrunning);
	cx_doc_note(doc, "Tickets created in the period, each measured against the first policy that matches its "
			 "priority and channel, as of %s. FR: first reply; Res: resolution; NR: next reply (every agent reply that "
			 "answers a customer message after the first reply; met when each came within the target, "
			 "late by the longest); late: breached; open: still running. %% met counts met among met and late; an open target is not decided yet. Targets in business time count the working hours of the "
			 "ticket's team (cxtop report schedules).",
		    as_of);
	cx_sla_view_free(&v);
	return doc;
}

/* ---- schedules ------------------------------------------------------------- */

cx_doc *cx_report_schedules(cx_store *st, const cx_report_opts *opt, cx_error *err)
{
	static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	cx_schedules s;
	if (cx_store_schedules(st, &s, err) < 0)
		return NULL;
	cx_doc *doc = cx_report_doc(st, opt, "schedules", "Schedules and SLA policies");
	/* They do not depend on the period: the title does not name one. */
	free(doc->title);
	doc->title = cx_xstrdup("Schedules and SLA policies");
	static const cx_column cols[] = {
		{"schedule", "Schedule", CX_CELL_TEXT, 0}, {"timezone", "Time zone", CX_CELL_TEXT, 0},
		{"default", "Default", CX_CELL_BOOL, 0},   {"teams", "Teams", CX_CELL_TEXT, 0},
		{"week", "Hours a week", CX_CELL_TEXT, 0}, {"holidays", "Holidays", CX_CELL_INT, 0},
	};
	cx_table *t = cx_doc_table(doc, "rows", NULL, cols, sizeof cols / sizeof cols[0]);
	static const cx_column hcols[] = {
		{"schedule", "Schedule", CX_CELL_TEXT, 0},
		{"day", "Day", CX_CELL_TEXT, 0},
		{"from", "From", CX_CELL_TEXT, 0},
		{"to", "To", CX_CELL_TEXT, 0},
	};
	cx_table *h = cx_doc_table(doc, "hours", "Working hours (local wall-clock time)", hcols, 4);
	static const cx_column dcols[] = {
		{"schedule", "Schedule", CX_CELL_TEXT, 0},
		{"date", "Date", CX_CELL_DATE, 0},
		{"name", "Holiday", CX_CELL_TEXT, 0},
	};
	cx_table *d = cx_doc_table(doc, "holidays", "Holidays", dcols, 3);
	for (size_t i = 0; i < s.n; i++) {
		const cx_named_schedule *x = &s.v[i];
		char teams[512] = "";
		for (size_t k = 0; k < x->nteams; k++) {
			size_t l = strlen(teams);
			snprintf(teams + l, sizeof teams - l, "%s%s", k ? ", " : "", x->teams[k]);
		}
		cx_cell *c = cx_table_row(t);
		c[0] = cx_text(x->name);
		c[1] = cx_text(x->timezone);
		c[2] = cx_bool(x->is_default);
		c[3] = cx_text(teams);
		/* "88:00", as schedule check says it. */
		char wk[32];
		c[4] = cx_text(cx_fmt_hhmm(wk, sizeof wk, cx_schedule_week_seconds(&x->hours)));
		c[5] = cx_int((int64_t)x->nholidays);
		for (int w = 0; w < 7; w++)
			for (int k = 0; k < x->hours.nhours[w]; k++) {
				char a[16], b[16];
				cx_fmt_hhmm(a, sizeof a, x->hours.hours[w][k].from);
				cx_fmt_hhmm(b, sizeof b, x->hours.hours[w][k].to);
				cx_cell *r = cx_table_row(h);
				r[0] = cx_text(x->name);
				r[1] = cx_text(days[w]);
				r[2] = cx_text(a);
				r[3] = cx_text(b);
			}
		for (size_t k = 0; k < x->nholidays; k++) {
			char day[11];
			cx_date_format(x->holidays[k], day);
			cx_cell *r = cx_table_row(d);
			r[0] = cx_text(x->name);
			r[1] = cx_date(day);
			r[2] = cx_text(x->holiday_names[k]);
		}
	}
	static const cx_column pcols[] = {
		{"policy", "Policy", CX_CELL_TEXT, 0},        {"priorities", "Priorities", CX_CELL_TEXT, 0},
		{"channels", "Channels", CX_CELL_TEXT, 0},    {"first_reply_s", "First reply", CX_CELL_SECONDS, 0},
		{"resolution_s", "Resolution", CX_CELL_SECONDS, 0}, {"hours", "Counted in", CX_CELL_TEXT, 0},
		{"next_reply_s", "Next reply", CX_CELL_SECONDS, 0},
	};
	cx_table *p = cx_doc_table(doc, "sla", "SLA policies, in the order they are tried", pcols, 7);
	for (size_t i = 0; i < s.nsla; i++) {
		const cx_sla_policy *x = &s.sla[i];
		char prios[64] = "", chans[64] = "";
		for (int k = 0; k < CX_PRIO_COUNT; k++)
			if (x->priorities & (1u << k)) {
				size_t l = strlen(prios);
				snprintf(prios + l, sizeof prios - l, "%s%s", l ? ", " : "", cx_priority_names[k]);
			}
		for (int k = 0; k < CX_CHANNEL_COUNT; k++)
			if (x->channels & (1u << k)) {
				size_t l = strlen(chans);
				snprintf(chans + l, sizeof chans - l, "%s%s", l ? ", " : "", cx_channel_names[k]);
			}
		cx_cell *r = cx_table_row(p);
		r[0] = cx_text(x->name);
		r[1] = cx_text(prios[0] ? prios : "any");
		r[2] = cx_text(chans[0] ? chans : "any");
		r[3] = x->first_reply ? cx_seconds(x->first_reply) : cx_null();
		r[4] = x->resolution ? cx_seconds(x->resolution) : cx_null();
		r[5] = cx_text(x->business ? "business hours" : "calendar hours");
		r[6] = x->next_reply ? cx_seconds(x->next_reply) : cx_null();
	}
	if (!s.n && !s.nsla)
		cx_doc_note(doc, "The store has no schedules: load a file with cxtop schedule load FILE (cxtop(5), "
				 "SCHEDULES).");
	else
		cx_doc_note(doc, "Loaded with cxtop schedule load; the audit report shows when and by whom. The "
				 "schedules do not depend on the period.");
	cx_schedules_free(&s);
	return doc;
}
