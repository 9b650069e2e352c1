/* detail.c — the detail pane overlay (see detail.h): rows of label and
 * value that scroll when the screen is short; Enter on an agent's pane
 * lists the agent's tickets, Esc closes. */
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
}

static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	struct cx_detail *d = v->state;
	memcpy(d, arg, sizeof *d);
	d->top = 0;
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
			cx_ui_style(app, r->el);
			cx_ui_text(y, ix + lw + 1, d->right ? 10 : iw - lw - 1, r->value, d->right);
		} else if (k > d->n && k - d->n - 1 < d->nnotes) {
			cx_ui_style(app, CX_EL_WARN);
			cx_ui_text(y, ix, iw, d->notes[k - d->n - 1], false);
		}
	}
	char foot[128];
	snprintf(foot, sizeof foot, "%s%sEsc: close", d->agent_id ? "Enter: its tickets   " : "",
		 lines_of(d) > body ? "j k: scroll   " : "");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(iy + ih - 1, ix, iw, foot, false);
	cx_ui_style(app, CX_EL_NORMAL);
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct cx_detail *d = v->state;
	size_t top = (size_t)d->top;
	if (cx_move(req, &top, (size_t)(lines_of(d) > 0 ? lines_of(d) : 1), 10)) {
		d->top = (int)top;
		return CX_HANDLED;
	}
	if (req != CX_REQ_OPEN)
		return CX_UNHANDLED;
	if (!d->agent_id)
		return CX_CLOSE;
	struct cx_tickets_arg a = {0};
	a.filter.agent_id = d->agent_id;
	snprintf(a.who, sizeof a.who, "%s", d->agent);
	/* The pane gives way to the list it opens: back from the list is the
	 * list the pane was opened from. */
	cx_nav_pop(app);
	cx_nav_push(app, &cx_tickets_ops, &a);
	return CX_HANDLED;
}

static const struct cx_req_use keys[] = {
	{CX_REQ_DOWN, "scroll"},
	{CX_REQ_UP, "scroll"},
	{CX_REQ_OPEN, "the agent's tickets (on an agent), else close"},
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
