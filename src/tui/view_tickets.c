/* view_tickets.c — tickets created in the period, newest first, paged
 * through the store (a million tickets cost what a hundred do).  Filters:
 * state (f), channel (c), agent (from a drill-down; a clears it), search
 * (/).  Enter shows a ticket's timeline. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cxtop/format.h"
#include "pager.h"

static cx_ticket_filter tk_filter;
static char agent_name[96];
static struct cx_pager pager;
static bool detail;
static int64_t total;
static bool all_time; /* a customer's tickets are shown whatever the period */
static bool oldest_first; /* S: the list read the other way */
static const char *const channels[] = {"", "email", "chat", "phone", "social", "sms"};
static const char *const states[] = {"all", "unresolved", "solved", "never answered"};

static int fetch(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		 cx_error *err)
{
	struct cx_app *app = ctx;
	/* Oldest first is the newest-first list walked backward. */
	return cx_store_tickets_page(app->st, &tk_filter, after, inclusive, backward != oldest_first, limit, out, n,
				     err);
}

static cx_page_key key_of(const void *item)
{
	const cx_ticket_item *t = item;
	return (cx_page_key){t->created_at, t->id};
}

static void load(struct cx_app *app)
{
	cx_pager_bind(&pager, fetch, key_of, sizeof(cx_ticket_item), app);
	tk_filter.start = all_time ? 0 : app->period.start;
	tk_filter.end = all_time ? 0 : app->period.end;
	cx_error err = {0};
	if (cx_store_ticket_count(app->st, &tk_filter, &total, &err) < 0)
		cx_app_status(app, true, "%s", err.msg);
	cx_pager_reload(&pager, app->rows > 5 ? app->rows - 5 : 1);
}

/* Moves to the first page (after a tk_filter change). */
static void refilter(struct cx_app *app)
{
	pager.has_top = false;
	pager.cursor = 0;
	detail = false;
	app->stale[CX_V_TICKETS] = true;
}

void cx_tickets_show(struct cx_app *app, int64_t agent_id, const char *agent, const char *channel, int state)
{
	memset(&tk_filter, 0, sizeof tk_filter);
	tk_filter.agent_id = agent_id;
	snprintf(agent_name, sizeof agent_name, "%s", agent ? agent : "");
	snprintf(tk_filter.channel, sizeof tk_filter.channel, "%s", channel ? channel : "");
	tk_filter.state = state;
	all_time = false;
	refilter(app);
	cx_app_switch(app, CX_V_TICKETS);
}

void cx_tickets_for_customer(struct cx_app *app, int64_t customer_id, const char *name)
{
	cx_tickets_show(app, 0, NULL, NULL, 0);
	tk_filter.customer_id = customer_id;
	snprintf(agent_name, sizeof agent_name, "%s", name);
	all_time = true;
}

static void when(char *buf, size_t len, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!t || !localtime_r(&tt, &tm))
		snprintf(buf, len, "-");
	else
		strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

static void draw_detail(struct cx_app *app, const cx_ticket_item *t)
{
	int iy, ix, ih, iw;
	char title[128], a[32], b[32], line[160];
	snprintf(title, sizeof title, "Ticket #%lld · %s", (long long)t->id, t->topic);
	cx_ui_overlay(app, 14, 70, title, &iy, &ix, &ih, &iw);
	int y = iy;
	snprintf(line, sizeof line, "Customer   %s (#%lld)", t->customer, (long long)t->customer_id);
	cx_ui_text(y++, ix, iw, line, false);
	snprintf(line, sizeof line, "Agent      %s", t->agent[0] ? t->agent : "(unassigned)");
	cx_ui_text(y++, ix, iw, line, false);
	snprintf(line, sizeof line, "Channel    %s · complexity %d · status %s", t->channel, t->complexity, t->status);
	cx_ui_text(y++, ix, iw, line, false);
	y++;
	when(a, sizeof a, t->created_at);
	snprintf(line, sizeof line, "Created         %s", a);
	cx_ui_text(y++, ix, iw, line, false);
	when(a, sizeof a, t->first_response_at);
	if (t->first_response_at)
		cx_fmt_duration_x2(b, sizeof b, (t->first_response_at - t->created_at) * 2);
	snprintf(line, sizeof line, "First response  %s%s%s%s", a, t->first_response_at ? "  (after " : "  never answered",
		 t->first_response_at ? b : "", t->first_response_at ? ")" : "");
	if (!t->first_response_at)
		cx_ui_style(app, CX_EL_BAD);
	cx_ui_text(y++, ix, iw, line, false);
	cx_ui_style(app, CX_EL_NORMAL);
	when(a, sizeof a, t->resolved_at);
	if (t->resolved_at)
		cx_fmt_duration_x2(b, sizeof b, (t->resolved_at - t->created_at) * 2);
	snprintf(line, sizeof line, "Resolved        %s%s%s%s", a, t->resolved_at ? "  (after " : "  not yet",
		 t->resolved_at ? b : "", t->resolved_at ? ")" : "");
	cx_ui_text(y++, ix, iw, line, false);
	y++;
	if (t->csat >= 0)
		snprintf(a, sizeof a, "%d", t->csat);
	else
		snprintf(a, sizeof a, "not rated");
	snprintf(line, sizeof line, "Replies %d%s · reopened %d · CSAT %s", t->replies,
		 t->replies == 1 && t->resolved_at ? " (one-touch)" : "", t->reopened, a);
	cx_ui_style(app, t->csat >= 0 && t->csat <= 6 ? CX_EL_BAD : CX_EL_NORMAL);
	cx_ui_text(y++, ix, iw, line, false);
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(iy + ih - 1, ix, iw, "Esc: close", false);
	cx_ui_style(app, CX_EL_NORMAL);
}

static void draw(struct cx_app *app, int top, int height)
{
	char info[256], count[32];
	cx_fmt_int(count, sizeof count, total);
	snprintf(info, sizeof info, " %s tickets%s%s · %s%s%s%s%s%s%s%s", count, all_time ? " (all time)" : "",
		 oldest_first ? ", oldest first" : "",
		 states[tk_filter.state],
		 tk_filter.channel[0] ? " · " : "", tk_filter.channel, agent_name[0] ? (tk_filter.customer_id ? " · customer " : " · agent ") : "", agent_name,
		 tk_filter.search[0] ? " · \"" : "", tk_filter.search, tk_filter.search[0] ? "\"" : "");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(top, 0, app->cols, info, false);

	/* Narrow screens drop the customer (Enter shows it) and the year; the
	 * topic takes what is left. */
	int w = app->cols;
	bool wide = w >= 110;
	int wid = 7, wcreated = wide ? 16 : 11, wch = 6, wst = 7, wfrt = 8, wcsat = 4, wagent = wide ? 18 : 14;
	int wcust = wide ? 20 : 0;
	int wtopic = w - (wid + wcreated + wch + wst + wfrt + wcsat + wagent + wcust + (wide ? 8 : 7));
	if (wtopic < 0) { /* below 64 columns: the agent column gives way */
		wagent += wtopic;
		wtopic = 0;
		if (wagent < 4)
			wagent = 4;
	}
	cx_ui_style(app, CX_EL_HEADER);
	cx_ui_fill(top + 1, 0, w);
	int x = 0;
	x += cx_ui_text(top + 1, x, wid, "#", true) + 1;
	x += cx_ui_text(top + 1, x, wcreated, "Created", false) + 1;
	x += cx_ui_text(top + 1, x, wch, "Chan.", false) + 1;
	x += cx_ui_text(top + 1, x, wst, "Status", false) + 1;
	x += cx_ui_text(top + 1, x, wfrt, "FRT", true) + 1;
	x += cx_ui_text(top + 1, x, wcsat, "CSAT", true) + 1;
	x += cx_ui_text(top + 1, x, wagent, "Agent", false) + 1;
	if (wide)
		x += cx_ui_text(top + 1, x, wcust, "Customer", false) + 1;
	if (wtopic > 0)
		cx_ui_text(top + 1, x, wtopic, "Topic", false);

	int rows = height - 2;
	if (rows != pager.rows)
		cx_pager_reload(&pager, rows);
	for (int i = 0; i < pager.n && i < rows; i++) {
		const cx_ticket_item *t = cx_pager_item(&pager, i);
		char id[24], created[24], frt[24], csat[8];
		snprintf(id, sizeof id, "%lld", (long long)t->id);
		when(created, sizeof created, t->created_at);
		/* MM-DD HH:MM within a period; a customer's all-time list needs
		 * the year more than the minute. */
		char day[16];
		snprintf(day, sizeof day, "%.10s", created);
		const char *shown = wide ? created : all_time ? day : created + 5;
		if (t->first_response_at)
			cx_fmt_duration_x2(frt, sizeof frt, (t->first_response_at - t->created_at) * 2);
		else
			snprintf(frt, sizeof frt, "-");
		if (t->csat >= 0)
			snprintf(csat, sizeof csat, "%d", t->csat);
		else
			snprintf(csat, sizeof csat, "-");
		int y = top + 2 + i;
		enum cx_element el = i == pager.cursor ? CX_EL_ROW_SELECTED : (i % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		cx_ui_style(app, el);
		cx_ui_fill(y, 0, w);
		x = 0;
		x += cx_ui_text(y, x, wid, id, true) + 1;
		x += cx_ui_text(y, x, wcreated, shown, false) + 1;
		x += cx_ui_text(y, x, wch, t->channel, false) + 1;
		if (i != pager.cursor && !t->resolved_at)
			cx_ui_style(app, CX_EL_WARN);
		x += cx_ui_text(y, x, wst, t->status, false) + 1;
		cx_ui_style(app, el);
		x += cx_ui_text(y, x, wfrt, frt, true) + 1;
		if (i != pager.cursor && t->csat >= 0 && t->csat <= 6)
			cx_ui_style(app, CX_EL_BAD);
		x += cx_ui_text(y, x, wcsat, csat, true) + 1;
		cx_ui_style(app, el);
		x += cx_ui_text(y, x, wagent, t->agent[0] ? t->agent : "-", false) + 1;
		if (wide)
			x += cx_ui_text(y, x, wcust, t->customer, false) + 1;
		if (wtopic > 0)
			cx_ui_text(y, x, wtopic, t->topic, false);
	}
	if (pager.n == 0) {
		cx_ui_style(app, pager.error[0] ? CX_EL_BAD : CX_EL_MUTED);
		cx_ui_text(top + 2, 1, w - 2, pager.error[0] ? pager.error : "no tickets match", false);
	}
	cx_ui_style(app, CX_EL_NORMAL);
	if (detail && pager.cursor < pager.n)
		draw_detail(app, cx_pager_item(&pager, pager.cursor));
}

static void on_search(struct cx_app *app, bool done)
{
	snprintf(tk_filter.search, sizeof tk_filter.search, "%s", app->input);
	refilter(app);
}

static bool key(struct cx_app *app, int ch)
{
	if (detail) {
		if (ch == 27 || ch == '\n')
			detail = false;
		return ch != 'q';
	}
	if (cx_pager_key(&pager, ch))
		return true;
	switch (ch) {
	case 'f':
		tk_filter.state = (tk_filter.state + 1) % 4;
		refilter(app);
		return true;
	case 'c': {
		int i = 0;
		for (int k = 0; k < 6; k++)
			if (strcmp(tk_filter.channel, channels[k]) == 0)
				i = k;
		snprintf(tk_filter.channel, sizeof tk_filter.channel, "%s", channels[(i + 1) % 6]);
		refilter(app);
		return true;
	}
	case 'S':
	case 's':
		oldest_first = !oldest_first;
		refilter(app);
		cx_app_status(app, false, "%s first (tickets page by creation time, fast at any depth)",
			      oldest_first ? "oldest" : "newest");
		return true;
	case 'a':
		tk_filter.agent_id = 0;
		tk_filter.customer_id = 0;
		agent_name[0] = '\0';
		all_time = false;
		refilter(app);
		return true;
	case '/':
		cx_app_prompt(app, "search topic or customer: ", on_search);
		return true;
	case '\n':
	case KEY_ENTER:
		if (pager.n)
			detail = true;
		return true;
	case 27:
		if (tk_filter.search[0]) {
			tk_filter.search[0] = '\0';
			refilter(app);
			return true;
		}
		return false;
	default:
		return false;
	}
}

static void click(struct cx_app *app, int y, int x)
{
	/* Rows start four lines down: top bar, tabs, info line, header. */
	if (cx_pager_click(&pager, y, 4) == 1)
		detail = true;
}

static const struct cx_key_help help[] = {
	{"j k, arrows", "move; PgUp PgDn, g G (Home End) jump"},
	{"f", "filter: all, unresolved, solved, never answered"},
	{"c", "filter by channel (cycles)"},
	{"a", "show every agent's tickets again"},
	{"s  S", "newest or oldest first"},
	{"/", "search topic or customer name (Esc clears)"},
	{"Enter", "the ticket's timeline"},
	{NULL, NULL},
};

const struct cx_view cx_view_tickets = {"Tickets", load, draw, key, click, help};
