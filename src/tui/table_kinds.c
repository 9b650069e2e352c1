/* table_kinds.c — the lists made of the table view: Agents, Campaigns
 * (with its edit keys), Claims, the Leaderboard (with how the points were
 * earned as its detail pane), and the SLA (opened from the dashboard). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view_table.h"
#include "cxtop/format.h"

/* The requests every table answers, in the order the help lists them. */
#define TABLE_KEYS                                                                          \
	CX_MOVE_KEYS, {CX_REQ_LEFT, NULL}, {CX_REQ_RIGHT, NULL}, {CX_REQ_SORT_PREV, NULL},        \
		{CX_REQ_SORT_NEXT, NULL}, {CX_REQ_SORT_FLIP, NULL}, {CX_REQ_SEARCH, NULL}

static const struct cx_req_use agent_keys[] = {
	TABLE_KEYS,
	{CX_REQ_FILTER, "the team subtotals, and back"},
	{CX_REQ_OPEN, "every figure of the agent (Enter again: the agent's tickets)"},
	{CX_REQ_NONE, NULL},
};

const struct cx_table_kind cx_table_agents = {
	.name = "Agents", .report = "agents", .agent_rows = true, .keys = agent_keys};

/* In the table by carrier and status (the report's first), Enter lists
 * the claims a row counts (report rows --figure claims), which add up to
 * its count, claimed and recovered; on an open claim it shows the claim. */
static enum cx_handled claim_request(struct cx_app *app, struct cx_view *v, enum cx_req req)
{
	struct cx_tview *t = v->state;
	cx_table *tb = cx_tview_table(t);
	if (req != CX_REQ_OPEN || !tb || t->table != 0 || t->cursor >= t->n)
		return CX_UNHANDLED;
	int cc = cx_tview_column(tb, "carrier"), cs = cx_tview_column(tb, "status");
	if (cc < 0 || cs < 0)
		return CX_UNHANDLED;
	const cx_cell *row = &tb->cells[t->order[t->cursor] * tb->ncols];
	struct cx_rows_arg r = {.figure = "claims", .carrier = row[cc].s, .status = row[cs].s};
	cx_nav_push(app, &cx_rows_ops, &r);
	return CX_HANDLED;
}

static const struct cx_req_use claim_keys[] = {
	TABLE_KEYS,
	{CX_REQ_FILTER, "the claims by carrier and status, and back"},
	{CX_REQ_OPEN, "an open claim's every figure; a carrier and status: its claims"},
	{CX_REQ_NONE, NULL},
};

/* Open claims first: the report's second table. */
const struct cx_table_kind cx_table_claims = {
	.name = "Claims", .report = "claims", .table = 1, .handle = claim_request, .keys = claim_keys};

/* ---- campaigns: e edits, a adds, D archives (or restores), A shows the
 * audit trail instead of the campaigns and back. */

static int64_t selected_campaign(struct cx_tview *t)
{
	cx_table *tb = cx_tview_table(t);
	if (!tb || t->cursor >= t->n || strcmp(t->report, "campaigns") != 0)
		return 0;
	const cx_cell *id = &tb->cells[t->order[t->cursor] * tb->ncols];
	return id->kind == CX_CELL_ID ? id->i : 0;
}

static enum cx_handled campaign_request(struct cx_app *app, struct cx_view *v, enum cx_req req)
{
	struct cx_tview *t = v->state;
	int64_t id = selected_campaign(t);
	cx_error err = {0};
	switch (req) {
	case CX_REQ_EDIT:
		if (id && cx_app_writable(app))
			cx_nav_push(app, &cx_form_ops, &id);
		return CX_HANDLED;
	case CX_REQ_ADD: {
		int64_t none = 0;
		if (cx_app_writable(app))
			cx_nav_push(app, &cx_form_ops, &none);
		return CX_HANDLED;
	}
	case CX_REQ_ARCHIVE: {
		cx_campaign c;
		if (!id || !cx_app_writable(app))
			return CX_HANDLED;
		if (cx_store_campaign_get(app->st, id, &c, &err) < 0 ||
		    cx_store_campaign_archive(app->st, id, !c.archived, app->actor, &err) < 0) {
			cx_app_status(app, true, "%s", err.msg);
			return CX_HANDLED;
		}
		cx_app_edited(app);
		cx_app_status(app, false, "%s campaign #%lld (%s); u undoes", c.archived ? "restored" : "archived",
			      (long long)id, c.name);
		return CX_HANDLED;
	}
	case CX_REQ_AUDIT:
		t->report = strcmp(t->report, "campaigns") == 0 ? "audit" : "campaigns";
		t->cursor = t->top = 0;
		t->hscroll = 0;
		t->sort = -1;
		v->stale = true;
		return CX_HANDLED;
	default:
		return CX_UNHANDLED;
	}
}

static const struct cx_req_use campaign_keys[] = {
	{CX_REQ_EDIT, NULL},
	{CX_REQ_ADD, NULL},
	{CX_REQ_ARCHIVE, NULL},
	{CX_REQ_AUDIT, NULL},
	TABLE_KEYS,
	{CX_REQ_OPEN, "every figure of the campaign (Enter on one: its contacts, which add up to it)"},
	{CX_REQ_NONE, NULL},
};

const struct cx_table_kind cx_table_campaigns = {
	.name = "Campaigns", .report = "campaigns", .handle = campaign_request, .keys = campaign_keys};

/* ---- the leaderboard: the `leaderboard` report's table, and as the detail,
 * how the agent's points were earned rule by rule (the report's second
 * table, same order) and why a flag was raised (its notes). */
static void leader_detail(struct cx_tview *t, size_t row, struct cx_detail *d)
{
	cx_table *tb = t->doc->tables[0];
	cx_table *how = t->doc->ntables > 1 ? t->doc->tables[1] : NULL;
	int cn = cx_tview_column(tb, "agent");
	const char *name = cn >= 0 ? tb->cells[row * tb->ncols + (size_t)cn].s : "";
	snprintf(d->title, sizeof d->title, "How %s earned the points", name ? name : "");
	d->width = 70;
	d->right = true;
	for (size_t c = 1; how && row < how->nrows && c < how->ncols; c++) {
		char *s = cx_cell_human(&how->cells[row * how->ncols + c], t->doc->currency);
		bool total = c + 1 == how->ncols;
		cx_detail_add(d, total ? "Total points" : how->cols[c].title, s,
			      total ? CX_EL_HEADER : how->cells[row * how->ncols + c].i < 0 ? CX_EL_BAD : CX_EL_NORMAL);
		free(s);
	}
	/* The flags' reasons are the report's notes "Name: ...". */
	for (size_t k = 0; name && k < t->doc->nnotes; k++) {
		size_t len = strlen(name);
		if (strncmp(t->doc->notes[k], name, len) == 0 && t->doc->notes[k][len] == ':')
			cx_detail_note(d, "%s", t->doc->notes[k] + len + 2);
	}
}

static const struct cx_req_use leader_keys[] = {
	TABLE_KEYS,
	{CX_REQ_FILTER, "the points of every rule for everyone"},
	{CX_REQ_OPEN, "how the agent's points were earned, rule by rule"},
	{CX_REQ_NONE, NULL},
};

const struct cx_table_kind cx_table_leaderboard = {.name = "Leaderboard",
						   .report = "leaderboard",
						   .detail = leader_detail,
						   .agent_rows = true,
						   .keys = leader_keys};

/* ---- the SLA: report sla's tables, per agent first (its total is the
 * dashboard's figure), then by team, channel, priority, policy, the
 * breaches and the targets still running. */
static const struct cx_req_use sla_keys[] = {
	TABLE_KEYS,
	{CX_REQ_FILTER, "by team, channel, priority, policy; the breaches; what is still running"},
	{CX_REQ_OPEN, "every figure of the row"},
	{CX_REQ_NONE, NULL},
};

const struct cx_table_kind cx_table_sla = {.name = "SLA", .report = "sla", .agent_rows = true, .keys = sla_keys};

/* ---- the rows behind a figure of the dashboard (report rows): the list
 * and its total row, which is the figure. */
static const struct cx_req_use rows_keys[] = {
	TABLE_KEYS,
	{CX_REQ_OPEN, "every column of the row"},
	{CX_REQ_NONE, NULL},
};

const struct cx_table_kind cx_table_rows = {.name = "Rows", .report = "rows", .keys = rows_keys};
