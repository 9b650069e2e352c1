/* view_tickets.c — tickets created in the period, newest first, paged
 * through the store (a million tickets cost what a hundred do), sorted by
 * any column (< > s) in the store's SQL.  Filters: state (f), channel
 * (c), search (/: a number, topic, customer, email, agent; the cells that
 * matched are marked); a drill-down pushes an instance with
 * its own filter (an agent's, a customer's, a channel's tickets), and Esc
 * goes back to where it came from.  Enter shows a ticket's timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "cxtop/format.h"
#include "detail.h"
#include "columns.h"
#include "pager.h"
#include "glyphs.h"
#include "search.h"

struct tickets {
	cx_store *st;
	cx_ticket_filter filter;
	char who[96];      /* the agent's or the customer's name */
	bool all_time;     /* a customer's tickets are shown whatever the period */
	bool announce;     /* a search was settled: say what it matched once loaded */
	struct cx_pager pager;
	cx_ticket_totals totals; /* what the list adds up to */
};

static const char *const channels[] = {"", "email", "chat", "phone", "social", "sms"};
/* What each state lists, within a period (the dashboard figure it is)
 * and over all time (a customer's tickets). */
static const char *const states[CX_TICKETS_STATES] = {"created", "open at period end", "solved", "never answered"};
static const char *const states_all_time[CX_TICKETS_STATES] = {"all", "unresolved", "solved", "never answered"};

static const char *state_name(const struct tickets *t)
{
	return (t->all_time ? states_all_time : states)[t->filter.state % CX_TICKETS_STATES];
}

static int fetch(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		 cx_error *err)
{
	struct tickets *t = ctx;
	return cx_store_tickets_page(t->st, &t->filter, after, inclusive, backward, limit, out, n, err);
}

static cx_page_key key_of(const void *item)
{
	const cx_ticket_item *it = item;
	return it->key;
}

/* arg: a struct cx_tickets_arg, or NULL for every ticket of the period. */
static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct tickets *t = v->state;
	const struct cx_tickets_arg *a = arg;
	if (a) {
		t->filter = a->filter;
		snprintf(t->who, sizeof t->who, "%s", a->who);
		t->all_time = a->all_time;
	}
	/* The title says what the drill-down shows. */
	char what[160] = "";
	if (t->who[0])
		snprintf(what, sizeof what, "%s %s%s", t->filter.customer_id ? "customer" : "agent", t->who,
			 t->all_time ? " (all time)" : "");
	else if (t->filter.channel[0])
		snprintf(what, sizeof what, "channel %s", t->filter.channel);
	else if (t->filter.state)
		snprintf(what, sizeof what, "%s", state_name(t));
	snprintf(v->title, sizeof v->title, "Tickets%s%s", what[0] ? ": " : "", what);
}

static void fini(struct cx_view *v)
{
	struct tickets *t = v->state;
	cx_pager_free(&t->pager);
}

static void load(struct cx_app *app, struct cx_view *v)
{
	struct tickets *t = v->state;
	t->st = app->st;
	cx_pager_bind(&t->pager, fetch, key_of, sizeof(cx_ticket_item), t);
	t->filter.start = t->all_time ? 0 : app->period.start;
	t->filter.end = t->all_time ? 0 : app->period.end;
	cx_error err = {0};
	if (cx_store_ticket_totals(app->st, &t->filter, &t->totals, &err) < 0)
		cx_app_status(app, true, "%s", err.msg);
	else if (t->announce && t->filter.search[0]) {
		const cx_ticket_totals *m = &t->totals;
		struct cx_search_count c[] = {{"#", m->match_id},	     {"Customer", m->match_customer},
					      {"Email", m->match_email},     {"Agent", m->match_agent},
					      {"Topic", m->match_topic}};
		char says[256];
		cx_search_says(says, sizeof says, m->tickets, "ticket", "tickets", t->filter.search, c, 5);
		cx_app_status(app, false, "%s", says);
	}
	t->announce = false;
	cx_pager_reload(&t->pager, app->rows > 5 ? app->rows - 5 : 1);
}

/* Moves to the first page (after a filter change). */
static void refilter(struct cx_view *v)
{
	struct tickets *t = v->state;
	t->pager.has_top = false;
	t->pager.cursor = 0;
	v->stale = true;
}

static void when(char *buf, size_t len, int64_t at)
{
	time_t tt = (time_t)at;
	struct tm tm;
	if (!at || !localtime_r(&tt, &tm))
		snprintf(buf, len, "%s", cx_glyph(CX_G_EM_DASH));
	else
		strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

/* "2022-03-01 10:00  (after 2h 5m)", or `none` when it never happened. */
static void when_after(char *buf, size_t len, int64_t at, int64_t since, const char *none)
{
	char a[32], b[32];
	when(a, sizeof a, at);
	if (!at) {
		snprintf(buf, len, "%s  %s", a, none);
		return;
	}
	cx_fmt_duration_x2(b, sizeof b, (at - since) * 2);
	snprintf(buf, len, "%s  (after %s)", a, b);
}

/* What an event of the timeline was, in words. */
static void event_words(char *buf, size_t len, const cx_ticket_event *e)
{
	static const struct {
		const char *kind, *words;
	} names[] = {
		{"created", "created"},           {"message", "the customer wrote"}, {"reply", "an agent replied"},
		{"reopened", "reopened"},         {"rated", "rated by the customer"},
	};
	if (strcmp(e->kind, "status") == 0) {
		snprintf(buf, len, "status %s %s %s", e->status_before, cx_glyph(CX_G_RIGHT), e->status_after);
		return;
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(e->kind, names[i].kind) == 0) {
			snprintf(buf, len, "%s", names[i].words);
			return;
		}
	snprintf(buf, len, "%s", e->kind);
}

/* Below the ticket's figures, each event as the store dates it: when the
 * customer wrote and waited, when an agent answered, each status change.
 * What does not fit the pane is counted in a note. */
static void timeline(struct cx_app *app, struct cx_detail *d, int64_t id, int64_t created)
{
	cx_ticket_event *ev = NULL;
	size_t n = 0;
	cx_error err = {0};
	if (cx_store_ticket_events(app->st, id, &ev, &n, &err) < 0) {
		cx_detail_note(d, "Timeline not read: %s", err.msg);
		return;
	}
	cx_detail_add(d, "", "", CX_EL_NORMAL);
	cx_detail_add(d, "Timeline", "", CX_EL_PANEL_TITLE);
	size_t room = d->n < CX_DETAIL_ROWS ? (size_t)(CX_DETAIL_ROWS - d->n) : 0, shown = n <= room ? n : room;
	for (size_t i = 0; i < shown; i++) {
		char at[32], what[64], after[32], line[128];
		when(at, sizeof at, ev[i].at);
		event_words(what, sizeof what, &ev[i]);
		/* How long into the ticket, which is what the waits are made of
		 * (an event dated before the creation, as an import may give,
		 * has none). */
		after[0] = '\0';
		if (strcmp(ev[i].kind, "created") != 0 && ev[i].at >= created) {
			char d2[24];
			cx_fmt_duration_x2(d2, sizeof d2, (ev[i].at - created) * 2);
			snprintf(after, sizeof after, "+%s", d2);
		}
		snprintf(line, sizeof line, "%9s  %s", after, what);
		enum cx_element el = strcmp(ev[i].kind, "reopened") == 0 ? CX_EL_WARN : CX_EL_NORMAL;
		cx_detail_add(d, at, line, el);
	}
	if (shown < n)
		cx_detail_note(d, "%zu later events not shown", n - shown);
	free(ev);
}

/* The ticket's timeline, as a detail pane. */
static void open_ticket(struct cx_app *app, const cx_ticket_item *it)
{
	struct cx_detail d = {0};
	char v[192], a[32];
	const char *dot = cx_glyph(CX_G_DOT);
	snprintf(d.title, sizeof d.title, "Ticket #%lld %s %s", (long long)it->id, dot, it->topic);
	d.width = 72;
	d.label_width = 17;
	snprintf(v, sizeof v, "%s (#%lld)", it->customer, (long long)it->customer_id);
	cx_detail_add(&d, "Customer", v, CX_EL_NORMAL);
	cx_detail_add(&d, "Agent", it->agent[0] ? it->agent : "(unassigned)", CX_EL_NORMAL);
	snprintf(v, sizeof v, "%s %s complexity %d %s status %s", it->channel, dot, it->complexity, dot, it->status);
	cx_detail_add(&d, "Channel", v, CX_EL_NORMAL);
	when(a, sizeof a, it->created_at);
	cx_detail_add(&d, "Created", a, CX_EL_NORMAL);
	when_after(v, sizeof v, it->first_response_at, it->created_at, "never answered");
	cx_detail_add(&d, "First response", v, it->first_response_at ? CX_EL_NORMAL : CX_EL_BAD);
	/* A reopened ticket was solved first, then again: both. */
	if (it->first_resolved_at && it->first_resolved_at != it->resolved_at) {
		when_after(v, sizeof v, it->first_resolved_at, it->created_at, "");
		cx_detail_add(&d, "First solved", v, CX_EL_NORMAL);
	}
	when_after(v, sizeof v, it->resolved_at, it->created_at, it->first_resolved_at ? "not yet (reopened)" : "not yet");
	cx_detail_add(&d, "Resolved", v, CX_EL_NORMAL);
	if (it->csat >= 0)
		snprintf(a, sizeof a, "%d", it->csat);
	else
		snprintf(a, sizeof a, "not rated");
	snprintf(v, sizeof v, "%d%s %s reopened %d %s CSAT %s", it->replies,
		 it->replies == 1 && it->resolved_at ? " (one-touch)" : "", dot, it->reopened, dot, a);
	cx_detail_add(&d, "Replies", v, it->csat >= 0 && it->csat <= 6 ? CX_EL_BAD : CX_EL_NORMAL);
	timeline(app, &d, it->id, it->created_at);
	cx_detail_push(app, &d);
}

enum ticket_field { TF_ID, TF_CREATED, TF_CHANNEL, TF_STATUS, TF_FRT, TF_CSAT, TF_AGENT, TF_CUSTOMER, TF_TOPIC };

/* The customer's cell: the email when that is what a search matched. */
static bool email_matched(const struct tickets *t, const cx_ticket_item *it)
{
	const char *q = t->filter.search;
	return q[0] && !cx_search_hit(it->customer, q) && cx_search_hit(it->email, q);
}

/* The cell `text` of a column a search looks in: marked when it matched. */
static enum cx_element matched(const struct tickets *t, const char *text, enum cx_element el)
{
	return t->filter.search[0] && cx_search_hit(text, t->filter.search) ? CX_EL_SEARCH : el;
}

static enum cx_element ticket_cell(const struct cx_col *col, const void *row, const void *ctx, int width, char *buf,
				   size_t len)
{
	const cx_ticket_item *it = row;
	const struct tickets *t = ctx;
	char created[24];
	switch ((enum ticket_field)col->arg) {
	case TF_ID:
		snprintf(buf, len, "%lld", (long long)it->id);
		return t->filter.search[0] && cx_search_number(t->filter.search) == it->id ? CX_EL_SEARCH : CX_EL_COUNT;
	case TF_CREATED:
		/* MM-DD HH:MM within a period; a customer's all-time list needs
		 * the year more than the minute. */
		when(created, sizeof created, it->created_at);
		if (width >= 16)
			snprintf(buf, len, "%s", created);
		else if (t->all_time)
			snprintf(buf, len, "%.10s", created);
		else
			snprintf(buf, len, "%s", created + 5);
		return CX_EL_COUNT;
	case TF_CHANNEL:
		snprintf(buf, len, "%s", it->channel);
		return CX_EL_COUNT;
	case TF_STATUS:
		snprintf(buf, len, "%s", it->status);
		return it->resolved_at ? CX_EL_COUNT : CX_EL_WARN;
	case TF_FRT:
		if (it->first_response_at)
			cx_fmt_duration_x2(buf, len, (it->first_response_at - it->created_at) * 2);
		else
			snprintf(buf, len, "%s", cx_glyph(CX_G_EM_DASH));
		return CX_EL_COUNT;
	case TF_CSAT:
		if (it->csat < 0) {
			snprintf(buf, len, "%s", cx_glyph(CX_G_EM_DASH));
			return CX_EL_COUNT;
		}
		snprintf(buf, len, "%d", it->csat);
		return it->csat <= 6 ? CX_EL_BAD : CX_EL_COUNT;
	case TF_AGENT:
		snprintf(buf, len, "%s", it->agent[0] ? it->agent : cx_glyph(CX_G_EM_DASH));
		return it->agent[0] ? matched(t, it->agent, CX_EL_COUNT) : CX_EL_COUNT;
	case TF_CUSTOMER:
		snprintf(buf, len, "%s", email_matched(t, it) ? it->email : it->customer);
		return matched(t, buf, CX_EL_COUNT);
	case TF_TOPIC:
	default:
		snprintf(buf, len, "%s", it->topic);
		return matched(t, it->topic, CX_EL_COUNT);
	}
}

/* Narrow screens drop the customer (Enter shows it) and the year; the
 * topic takes what is left, and below 64 columns the agent gives way. */
static const struct cx_col columns[] = {
	{.title = "#", .width = 7, .right = true, .arg = TF_ID, .get = ticket_cell},
	{.title = "Created", .width = 11, .wide_width = 16, .arg = TF_CREATED, .get = ticket_cell},
	{.title = "Chan.", .width = 6, .arg = TF_CHANNEL, .get = ticket_cell},
	{.title = "Status", .width = 7, .arg = TF_STATUS, .get = ticket_cell},
	{.title = "FRT", .width = 8, .right = true, .arg = TF_FRT, .get = ticket_cell},
	{.title = "CSAT", .width = 4, .right = true, .arg = TF_CSAT, .get = ticket_cell},
	{.title = "Agent", .width = 14, .wide_width = 18, .shrink_to = 4, .arg = TF_AGENT, .get = ticket_cell},
	{.title = "Customer", .width = 20, .min_cols = 110, .arg = TF_CUSTOMER, .get = ticket_cell},
	{.title = "Topic", .flex = true, .arg = TF_TOPIC, .get = ticket_cell},
};
#define NCOLUMNS ((int)(sizeof columns / sizeof columns[0]))
/* The store's sort of each column, in the columns' order. */
static const enum cx_ticket_sort column_sort[NCOLUMNS] = {
	CX_TSORT_ID,   CX_TSORT_CREATED, CX_TSORT_CHANNEL,  CX_TSORT_STATUS, CX_TSORT_FRT,
	CX_TSORT_CSAT, CX_TSORT_AGENT,	 CX_TSORT_CUSTOMER, CX_TSORT_TOPIC,
};

static int sorted_column(const struct tickets *t)
{
	for (int i = 0; i < NCOLUMNS; i++)
		if (column_sort[i] == t->filter.sort)
			return i;
	return 1;
}

/* The figures the listed tickets make, as the dashboard computes them:
 * the satisfaction and one-touch rates of the solved, how many of the
 * created were never answered. */
static void ticket_sums(const struct tickets *t, char *buf, size_t len)
{
	const cx_ticket_totals *s = &t->totals;
	char a[16], b[16], c[16], n[32];
	buf[0] = '\0';
	if (t->filter.state == CX_TICKETS_SOLVED && s->tickets > 0) {
		cx_fmt_int(n, sizeof n, s->rated);
		cx_fmt_bp(b, sizeof b, cx_ratio_bp(s->one_touch, s->tickets));
		cx_fmt_bp(c, sizeof c, cx_ratio_bp(s->reopened, s->tickets));
		const char *dot = cx_glyph(CX_G_DOT);
		char csat[64] = "none rated";
		if (s->rated > 0) {
			cx_fmt_bp(a, sizeof a, cx_ratio_bp(s->satisfied, s->rated));
			snprintf(csat, sizeof csat, "CSAT %s %% of %s rated", a, n);
		}
		snprintf(buf, len, " %s %s %s one-touch %s %% %s reopened %s %%", dot, csat, dot, b, dot, c);
	} else if (t->filter.state == CX_TICKETS_CREATED && s->tickets > s->answered) {
		cx_fmt_int(n, sizeof n, s->tickets - s->answered);
		snprintf(buf, len, " %s %s never answered", cx_glyph(CX_G_DOT), n);
	}
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct tickets *t = v->state;
	char info[384], count[32], sums[192];
	cx_fmt_int(count, sizeof count, t->totals.tickets);
	ticket_sums(t, sums, sizeof sums);
	const char *dot = cx_glyph(CX_G_DOT);
	char channel[64] = "", who[160] = "", search[160] = "";
	if (t->filter.channel[0])
		snprintf(channel, sizeof channel, " %s %s", dot, t->filter.channel);
	if (t->who[0])
		snprintf(who, sizeof who, " %s %s %s", dot, t->filter.customer_id ? "customer" : "agent", t->who);
	if (t->filter.search[0])
		snprintf(search, sizeof search, " %s \"%s\"", dot, t->filter.search);
	snprintf(info, sizeof info, " %s %s %s%s%s%s%s%s", count, t->totals.tickets == 1 ? "ticket" : "tickets",
		 state_name(t), t->all_time ? " (all time)" : "", channel, who, search, sums);
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(top, 0, app->cols, info, false);

	/* The column sorted by, and the customer's when a search looks in
	 * it, are shown on any screen. */
	struct cx_col cols[NCOLUMNS];
	int width[NCOLUMNS], sorted = sorted_column(t);
	memcpy(cols, columns, sizeof cols);
	cols[sorted].min_cols = 0;
	if (t->filter.search[0] && (t->totals.match_customer || t->totals.match_email))
		cols[TF_CUSTOMER].min_cols = 0;
	cx_cols_layout(cols, NCOLUMNS, app->cols, 1, width);
	cx_cols_draw(app, cols, NCOLUMNS, width, 1, top + 1, NULL, t, CX_EL_HEADER, sorted, !t->filter.ascending);
	struct cx_pager *p = &t->pager;
	int rows = height - 2;
	if (rows != p->rows)
		cx_pager_reload(p, rows);
	for (int i = 0; i < p->n && i < rows; i++) {
		enum cx_element el = i == p->cursor ? CX_EL_ROW_SELECTED : (i % 2 ? CX_EL_ROW_ALT : CX_EL_ROW);
		cx_cols_draw(app, cols, NCOLUMNS, width, 1, top + 2 + i, cx_pager_item(p, i), t, el, -1, false);
	}
	if (p->n == 0) {
		cx_ui_style(app, p->error[0] ? CX_EL_BAD : CX_EL_MUTED);
		cx_ui_text(top + 2, 1, app->cols - 2, p->error[0] ? p->error : "no tickets match", false);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

static void on_search(struct cx_app *app, struct cx_view *v, bool done)
{
	struct tickets *t = v->state;
	snprintf(t->filter.search, sizeof t->filter.search, "%s", app->input);
	t->announce = done;
	refilter(v);
}

/* Sorts by column col (of the columns), highest first when desc. */
static void sort_by(struct cx_app *app, struct cx_view *v, int col, bool desc)
{
	struct tickets *t = v->state;
	t->filter.sort = column_sort[col];
	t->filter.ascending = !desc;
	refilter(v);
	cx_app_status(app, false, "sorted by %s, %s", columns[col].title,
		      col == TF_CREATED ? (desc ? "newest first" : "oldest first")
					: (desc ? "highest first" : "lowest first"));
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct tickets *t = v->state;
	if (cx_pager_move(&t->pager, req))
		return CX_HANDLED;
	switch (req) {
	case CX_REQ_FILTER:
		t->filter.state = (t->filter.state + 1) % CX_TICKETS_STATES;
		refilter(v);
		return CX_HANDLED;
	case CX_REQ_CHANNEL: {
		int i = 0;
		for (int k = 0; k < 6; k++)
			if (strcmp(t->filter.channel, channels[k]) == 0)
				i = k;
		snprintf(t->filter.channel, sizeof t->filter.channel, "%s", channels[(i + 1) % 6]);
		refilter(v);
		return CX_HANDLED;
	}
	case CX_REQ_SORT_FLIP:
		sort_by(app, v, sorted_column(t), t->filter.ascending);
		return CX_HANDLED;
	case CX_REQ_SORT_PREV:
		sort_by(app, v, sorted_column(t) > 0 ? sorted_column(t) - 1 : 0, !t->filter.ascending);
		return CX_HANDLED;
	case CX_REQ_SORT_NEXT:
		sort_by(app, v, sorted_column(t) + 1 < NCOLUMNS ? sorted_column(t) + 1 : NCOLUMNS - 1, !t->filter.ascending);
		return CX_HANDLED;
	case CX_REQ_SEARCH:
		cx_app_prompt(app, v, "search number, customer, email, agent or topic: ", on_search);
		return CX_HANDLED;
	case CX_REQ_OPEN:
		if (t->pager.cursor < t->pager.n)
			open_ticket(app, cx_pager_item(&t->pager, t->pager.cursor));
		return CX_HANDLED;
	case CX_REQ_BACK:
		if (t->filter.search[0]) {
			t->filter.search[0] = '\0';
			refilter(v);
			return CX_HANDLED;
		}
		return CX_UNHANDLED;
	default:
		return CX_UNHANDLED;
	}
}

static enum cx_handled click(struct cx_app *app, struct cx_view *v, int y, int x)
{
	struct tickets *t = v->state;
	/* Rows start under the info line and the header. */
	if (cx_pager_click(&t->pager, y - 2) == 1)
		open_ticket(app, cx_pager_item(&t->pager, t->pager.cursor));
	return CX_HANDLED;
}

static const struct cx_req_use keys[] = {
	CX_MOVE_KEYS,
	{CX_REQ_FILTER, "created, open at period end, solved in it, never answered"},
	{CX_REQ_CHANNEL, NULL},
	{CX_REQ_SORT_PREV, NULL},
	{CX_REQ_SORT_NEXT, NULL},
	{CX_REQ_SORT_FLIP, "reverse the order (newest or oldest first, by creation)"},
	{CX_REQ_SEARCH, "search a ticket number, customer name or email, agent, topic (Esc clears)"},
	{CX_REQ_OPEN, "the ticket's timeline"},
	{CX_REQ_NONE, NULL},
};

const struct cx_view_ops cx_tickets_ops = {
	.kind = "Tickets",
	.state_size = sizeof(struct tickets),
	.init = init,
	.fini = fini,
	.load = load,
	.draw = draw,
	.handle = handle,
	.click = click,
	.keys = keys,
};
