/* help.c — the `?` overlay: every key the view beneath answers, then every
 * key that works everywhere, all read from the key table (keys.c), so the
 * help is complete by construction.  It scrolls on a short screen. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "glyphs.h"

#define HELP_LINES 96

struct help {
	char title[192];
	int n, top, page;
	struct {
		char keys[64];
		char what[128];
		bool heading;
	} line[HELP_LINES];
};

static void add(void *ctx, const char *keys, const char *what)
{
	struct help *h = ctx;
	if (h->n >= HELP_LINES)
		return;
	snprintf(h->line[h->n].keys, sizeof h->line[h->n].keys, "%s", keys ? keys : "");
	snprintf(h->line[h->n].what, sizeof h->line[h->n].what, "%s", what);
	h->line[h->n].heading = !keys;
	h->n++;
}

static void init(struct cx_app *app, struct cx_view *v, const void *arg)
{
	const struct cx_view *beneath = arg;
	struct help *h = v->state;
	snprintf(h->title, sizeof h->title, "Keys: %s", beneath->title);
	snprintf(v->title, sizeof v->title, "%s", h->title);
	cx_help_lines(beneath->title, beneath->keys, add, h);
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct help *h = v->state;
	int iy, ix, ih, iw;
	cx_ui_overlay(app, h->n + 3, 86, h->title, &iy, &ix, &ih, &iw);
	int body = ih - 1 > 1 ? ih - 1 : 1;
	h->page = body;
	if (h->top > h->n - body)
		h->top = h->n - body > 0 ? h->n - body : 0;
	for (int i = 0; i < body && h->top + i < h->n; i++) {
		int k = h->top + i;
		if (h->line[k].heading) {
			cx_ui_style(app, CX_EL_PANEL_TITLE);
			cx_ui_text(iy + i, ix, iw, h->line[k].what, false);
			continue;
		}
		cx_ui_style(app, CX_EL_HEADER);
		cx_ui_text(iy + i, ix, 22, h->line[k].keys, false);
		cx_ui_style(app, CX_EL_NORMAL);
		cx_ui_text(iy + i, ix + 23, iw - 23, h->line[k].what, false);
	}
	char foot[96];
	snprintf(foot, sizeof foot, "%s%s%sEsc or ? closes", h->n > body ? "j k PgDn PgUp scroll " : "",
		 h->n > body ? cx_glyph(CX_G_DOT) : "", h->n > body ? " " : "");
	cx_ui_style(app, CX_EL_MUTED);
	cx_ui_text(iy + ih - 1, ix, iw, foot, false);
	cx_ui_style(app, CX_EL_NORMAL);
}

static enum cx_handled handle(struct cx_app *app, struct cx_view *v, enum cx_req req, int ch)
{
	struct help *h = v->state;
	/* The help moves by screen lines: its cursor is the top line. */
	size_t top = (size_t)h->top;
	if (req == CX_REQ_DOWN || req == CX_REQ_UP) {
		cx_move(req, &top, (size_t)h->n, 1);
		h->top = (int)top;
		return CX_HANDLED;
	}
	if (cx_move(req, &top, (size_t)h->n, (size_t)(h->page > 1 ? h->page - 1 : 1))) {
		h->top = (int)top;
		return CX_HANDLED;
	}
	return req == CX_REQ_OPEN ? CX_CLOSE : CX_UNHANDLED;
}

static const struct cx_req_use keys[] = {
	{CX_REQ_DOWN, "scroll"},
	{CX_REQ_PAGE_DOWN, "scroll a screen"},
	{CX_REQ_NONE, NULL},
};

const struct cx_view_ops cx_help_ops = {
	.kind = "Help",
	.state_size = sizeof(struct help),
	.overlay = true,
	.init = init,
	.draw = draw,
	.handle = handle,
	.keys = keys,
};
