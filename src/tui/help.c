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
	int rows; /* the lines drawn, descriptions wrapped (as last drawn) */
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

/* The length of the first piece of s that fits in w columns, cut after a
 * word (or inside one longer than w); *next is where the rest starts. */
static size_t piece(const char *s, int w, const char **next)
{
	char buf[160];
	size_t len = strlen(s), cut = len;
	snprintf(buf, sizeof buf, "%s", s);
	if (cx_ui_width(buf) > w) {
		/* The longest run of whole words that fits. */
		cut = 0;
		for (size_t i = 1; i <= len && i < sizeof buf; i++) {
			if (s[i] != ' ' && s[i] != '\0')
				continue;
			snprintf(buf, sizeof buf, "%.*s", (int)i, s);
			if (cx_ui_width(buf) > w)
				break;
			cut = i;
		}
		if (!cut)
			cut = (size_t)(w > 0 ? w : 1) < len ? (size_t)(w > 0 ? w : 1) : len;
	}
	*next = s + cut;
	while (**next == ' ')
		(*next)++;
	return cut;
}

/* The help's lines on a screen iw wide: a description too long for its
 * column goes on under itself.  Draws those in [top, top + body) at iy
 * (when draw) and returns how many there are. */
static int layout(struct cx_app *app, const struct help *h, int iy, int ix, int iw, int top, int body, bool draw)
{
	int row = 0, dw = iw - 23;
	for (int k = 0; k < h->n; k++) {
		const char *s = h->line[k].what, *next;
		bool first = true;
		do {
			size_t n = h->line[k].heading ? strlen(s) : piece(s, dw, &next);
			if (h->line[k].heading)
				next = s + n;
			if (draw && row >= top && row < top + body) {
				int y = iy + row - top;
				char text[160];
				snprintf(text, sizeof text, "%.*s", (int)n, s);
				if (h->line[k].heading) {
					cx_ui_style(app, CX_EL_PANEL_TITLE);
					cx_ui_text(y, ix, iw, text, false);
				} else {
					cx_ui_style(app, CX_EL_HEADER);
					cx_ui_text(y, ix, 22, first ? h->line[k].keys : "", false);
					cx_ui_style(app, CX_EL_NORMAL);
					cx_ui_text(y, ix + 23, dw, text, false);
				}
			}
			row++;
			first = false;
			s = next;
		} while (*s);
	}
	return row;
}

static void draw(struct cx_app *app, struct cx_view *v, int top, int height)
{
	struct help *h = v->state;
	int iy, ix, ih, iw;
	/* Measured at the width the overlay will have. */
	int w = app->cols - 2 < 86 ? app->cols - 2 : 86;
	int rows = layout(app, h, 0, 0, w - 4, 0, 0, false);
	cx_ui_overlay(app, rows + 3, 86, h->title, &iy, &ix, &ih, &iw);
	int body = ih - 1 > 1 ? ih - 1 : 1;
	h->page = body;
	h->rows = rows;
	if (h->top > rows - body)
		h->top = rows - body > 0 ? rows - body : 0;
	layout(app, h, iy, ix, iw, h->top, body, true);
	char foot[96];
	snprintf(foot, sizeof foot, "%s%s%sEsc or ? closes", rows > body ? "j k PgDn PgUp scroll " : "",
		 rows > body ? cx_glyph(CX_G_DOT) : "", rows > body ? " " : "");
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
		cx_move(req, &top, (size_t)(h->rows > h->n ? h->rows : h->n), 1);
		h->top = (int)top;
		return CX_HANDLED;
	}
	if (cx_move(req, &top, (size_t)(h->rows > h->n ? h->rows : h->n), (size_t)(h->page > 1 ? h->page - 1 : 1))) {
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
