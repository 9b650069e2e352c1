/* detail.c — the detail pane overlay (see detail.h): rows of label and
 * value that scroll when the screen is short; Enter on an agent's pane
 * opens the rows of the selected figure (tickets, solved, revenue: they
 * add up to it), Esc closes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "detail.h"

void cx_detail_add(struct cx_detail *d, const char *label, const char *value, enum cx_element el)
{
	if (d->n >= CX_DETAIL_ROWS)
		return;
	struct cx_detail_row *r = &d->rows[d->n++];
	snprintf(r->label, sizeof r->label, "%s", label);
	snprintf(r->value, sizeof r->value, "%s", value);
	r->el = el;
	r->figure = NULL;
}

void cx_detail_note(struct cx_detail *d, const char *fmt, ...)
{
	if (d->nnotes >= CX_DETAIL_NOTES)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->notes[d->nnotes++], sizeof d->notes[0], fmt, ap);
	va_end(ap);
}

/* The next row with a figure after (dir 1) or before (dir -1) row i. */
static int next_figure(const struct cx_detail *d, int i, int dir)
{
	for (int k = i + dir; k >= 0 && k < d->n; k += dir)
		if (d->rows[k].figure)
			return k;
	return -1;
}

static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct cx_detail *d = v->state;
	memcpy(d, arg, sizeof *d);
	d->top = 0;
	d->sel = d->agent_id || d->campaign_id ? next_figure(d, -1, 1) : -1;
	snprintf(v->title, sizeof v->title, "%s", d->title);
}

struct cx_view *cx_detail_push(struct cx_app *app, const struct cx_detail *d)
{
	return cx_nav_push(app, &cx_detail_ops, d);
}

static int lines_of(const struct cx_detail *d)
{
	return d->n + (d->nnotes ? d->nnotes + 1 : 0);
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct cx_detail *d = v->state;
	int iy, ix, ih, iw;
	int lw = d->label_width ? d->label_width : 24;
	cx_ui_overlay(app, lines_of(d) + 4, d->width ? d->width : 64, d->title, &iy, &ix, &ih, &iw);
	int body = ih - 2 > 1 ? ih - 2 : 1;
	if (d->top > lines_of(d) - body)
		d->top = lines_of(d) - body > 0 ? lines_of(d) - body : 0;
	for (int i = 0; i < body; i++) {
		int k = d->top + i, y = iy + i;
		if (k < d->n) {
			const struct cx_detail_row *r = &d->rows[k];
			cx_ui_style(app, CX_EL_MUTED);
			cx_ui_text(y, ix, lw, r->label, false);
			cx_ui_style(app, k == d->sel ? CX_EL_ROW_SELECTED : r->el);
			cx_ui_text(y, ix + lw + 1, d->right ? 10 : iw - lw - 1, r->value, d->right);
		} else if (k > d->n && k - d->n - 1 < d->nnotes) {
			cx_ui_style(app, CX_EL_WARN);
			cx_ui_text(y, ix, iw, d->notes[k - d->n - 1], false);
		}
	}
	char foot[128];
	snprintf(foot, sizeof foot, "%s%sEsc: close",
		 d->sel >= 0 ? "j k: a figure   Enter: its rows   " : d->agent_id ? "Enter: its tickets   " : "",
		 lines_of(d) > body && d->sel < 0 ? "j k: scroll   " : "");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(iy + ih - 1, ix, iw, foot, false);
	cx_ui_style(app, CX_EL_NORMAL);
}

/* The agent's tickets in `state`, in place of the pane. */
static void open_tickets(struct cx_app *app, const struct cx_detail *d, enum cx_ticket_state state)
{
	struct cx_tickets_arg a = {0};
	a.filter.agent_id = d->agent_id;
	a.filter.state = state;
	snprintf(a.who, sizeof a.who, "%s", d->agent);
	cx_nav_pop(app);
	cx_nav_push(app, &cx_tickets_ops, &a);
}

/* Opens the rows of the selected figure: the agent's tickets created or
 * solved, or the orders credited to them.  The pane gives way to the list
 * it opens: back from the list is the list the pane was opened from. */
static void open_figure(struct cx_app *app, const struct cx_detail *d)
{
	const char *figure = d->rows[d->sel].figure;
	int64_t agent = d->agent_id;
	if (strcmp(figure, "attributed") == 0 || d->campaign_id) {
		/* Popping the pane frees it: the name goes with a copy. */
		char who[sizeof d->agent];
		snprintf(who, sizeof who, "%s", d->agent);
		struct cx_rows_arg r = {.figure = figure, .agent_id = agent, .campaign_id = d->campaign_id, .who = who};
		cx_nav_pop(app);
		cx_nav_push(app, &cx_rows_ops, &r);
		return;
	}
	open_tickets(app, d, strcmp(figure, "solved") == 0 ? CX_TICKETS_SOLVED : CX_TICKETS_CREATED);
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct cx_detail *d = v->state;
	/* A pane with figures moves between them; the rest scroll. */
	if (d->sel >= 0 && (req == CX_REQ_DOWN || req == CX_REQ_UP)) {
		int k = next_figure(d, d->sel, req == CX_REQ_DOWN ? 1 : -1);
		if (k >= 0)
			d->sel = k;
		if (d->sel < d->top)
			d->top = d->sel;
		return CX_HANDLED;
	}
	size_t top = (size_t)d->top;
	if (cx_move(req, &top, (size_t)(lines_of(d) > 0 ? lines_of(d) : 1), 10)) {
		d->top = (int)top;
		return CX_HANDLED;
	}
	if (req != CX_REQ_OPEN)
		return CX_UNHANDLED;
	if (d->sel >= 0) {
		open_figure(app, d);
		return CX_HANDLED;
	}
	if (!d->agent_id)
		return CX_CLOSE;
	open_tickets(app, d, CX_TICKETS_CREATED);
	return CX_HANDLED;
}

static const struct cx_req_use keys[] = {
	{CX_REQ_DOWN, "scroll, or on an agent the next figure"},
	{CX_REQ_UP, "scroll, or on an agent the previous figure"},
	{CX_REQ_OPEN, "on an agent, the rows of the figure (tickets, solved, revenue), else close"},
	{CX_REQ_NONE, NULL},
};

const struct cx_view_ops cx_detail_ops = {
	.kind = "Detail",
	.state_size = sizeof(struct cx_detail),
	.overlay = true,
	.init = init,
	.draw = draw,
	.handle = handle,
	.keys = keys,
};
