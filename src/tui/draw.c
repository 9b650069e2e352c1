/* draw.c — colours from the theme, and the few drawing primitives every
 * view uses: clipped UTF-8 text, frames, bars, sparklines, overlays. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cxtop/format.h"
#include "glyphs.h"

/* Resolves a theme colour to what this terminal has: -1 for the default,
 * else a palette index below COLORS. */
static short resolve(const cx_color *c)
{
	switch (c->kind) {
	case CX_COLOR_INDEX:
		if (c->index < COLORS)
			return (short)c->index;
		return (short)cx_color_nearest(c->r, c->g, c->b, COLORS);
	case CX_COLOR_RGB:
		return (short)cx_color_nearest(c->r, c->g, c->b, COLORS);
	case CX_COLOR_DEFAULT:
	default:
		return -1;
	}
}

static attr_t attrs_of(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & CX_ATTR_BOLD)
		r |= A_BOLD;
	if (a & CX_ATTR_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & CX_ATTR_REVERSE)
		r |= A_REVERSE;
	if (a & CX_ATTR_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & CX_ATTR_ITALIC)
		r |= A_ITALIC;
#endif
	return r;
}

/* Without colour the screen must still read: the elements that colour alone
 * would tell apart get attributes instead. */
static attr_t mono_attrs(enum cx_element el)
{
	switch (el) {
	case CX_EL_TAB_ACTIVE:
	case CX_EL_ROW_SELECTED:
	case CX_EL_STATUS:
		return A_REVERSE;
	case CX_EL_HEADER:
	case CX_EL_PANEL_TITLE:
	case CX_EL_BAD:
		return A_BOLD;
	case CX_EL_MUTED:
		return A_DIM;
	case CX_EL_SEARCH:
		return A_UNDERLINE;
	default:
		return A_NORMAL;
	}
}

void cx_colors_init(struct cx_app *app)
{
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	for (int el = 0; el < CX_EL_COUNT && el + 1 < COLOR_PAIRS; el++)
		init_pair((short)(el + 1), resolve(&app->theme.el[el].fg), resolve(&app->theme.el[el].bg));
	bkgdset(COLOR_PAIR(CX_EL_NORMAL + 1));
}

void cx_ui_style(struct cx_app *app, enum cx_element el)
{
	if (!app->color) {
		attrset(mono_attrs(el) | attrs_of(app->theme.el[el].attrs & ~(unsigned)CX_ATTR_REVERSE) |
			(app->theme.el[el].attrs & CX_ATTR_REVERSE ? A_REVERSE : 0));
		return;
	}
	attrset(COLOR_PAIR(el + 1) | attrs_of(app->theme.el[el].attrs));
}

/* What cx_ui_text draws of s before it is cut: made safe, and ASCII when
 * the terminal cannot show more. */
static const char *shown(char *buf, size_t len, const char *s)
{
	char safe[1024];
	cx_safe_text(safe, sizeof safe, s ? s : "");
	if (cx_glyphs_ascii_mode())
		return cx_glyphs_ascii(buf, len, safe);
	snprintf(buf, len, "%s", safe);
	return buf;
}

int cx_ui_width(const char *s)
{
	char buf[1024];
	return cx_utf8_width(shown(buf, sizeof buf, s));
}

int cx_ui_text(int y, int x, int width, const char *s, bool right)
{
	char buf[1024], text[1024];
	if (width <= 0)
		return 0;
	/* Names, notes and topics come from the store: a control character
	 * would move the cursor or restyle the terminal (cx_safe_text). */
	int used = cx_utf8_fit(buf, sizeof buf, shown(text, sizeof text, s), width);
	/* The "…" of a cut line, in the ASCII set too (one column either way). */
	if (cx_glyphs_ascii_mode()) {
		snprintf(text, sizeof text, "%s", buf);
		cx_glyphs_ascii(buf, sizeof buf, text);
	}
	int pad = width - used;
	move(y, x);
	if (right)
		for (int i = 0; i < pad; i++)
			addch(' ');
	addstr(buf);
	if (!right)
		for (int i = 0; i < pad; i++)
			addch(' ');
	return width;
}

void cx_ui_fill(int y, int x, int width)
{
	move(y, x);
	for (int i = 0; i < width; i++)
		addch(' ');
}

void cx_ui_box(struct cx_app *app, int y, int x, int h, int w, const char *title)
{
	if (h < 2 || w < 4)
		return;
	cx_ui_style(app, CX_EL_BORDER);
	/* Box-drawing characters written as text: some terminals (and tmux
	 * captures) show the alternate character set as letters. */
	for (int i = 1; i < w - 1; i++) {
		mvaddstr(y, x + i, cx_glyph(CX_G_BOX_H));
		mvaddstr(y + h - 1, x + i, cx_glyph(CX_G_BOX_H));
	}
	for (int i = 1; i < h - 1; i++) {
		mvaddstr(y + i, x, cx_glyph(CX_G_BOX_V));
		mvaddstr(y + i, x + w - 1, cx_glyph(CX_G_BOX_V));
	}
	mvaddstr(y, x, cx_glyph(CX_G_BOX_TL));
	mvaddstr(y, x + w - 1, cx_glyph(CX_G_BOX_TR));
	mvaddstr(y + h - 1, x, cx_glyph(CX_G_BOX_BL));
	mvaddstr(y + h - 1, x + w - 1, cx_glyph(CX_G_BOX_BR));
	if (title && w > 6) {
		char t[128];
		snprintf(t, sizeof t, " %s ", title);
		int tw = cx_ui_width(t);
		if (tw > w - 4)
			tw = w - 4;
		cx_ui_style(app, CX_EL_PANEL_TITLE);
		cx_ui_text(y, x + 2, tw, t, false);
	}
	cx_ui_style(app, CX_EL_NORMAL);
}

void cx_ui_bar(int y, int x, int width, int64_t value, int64_t max)
{
	static const enum cx_glyph eighths[] = {CX_G_COUNT, CX_G_BAR_1, CX_G_BAR_2, CX_G_BAR_3,
						CX_G_BAR_4, CX_G_BAR_5, CX_G_BAR_6, CX_G_BAR_7};
	if (width <= 0)
		return;
	int64_t units = max > 0 && value > 0 ? value * width * 8 / max : 0;
	if (units > (int64_t)width * 8)
		units = (int64_t)width * 8;
	move(y, x);
	int full = (int)(units / 8), used = full;
	for (int i = 0; i < full; i++)
		addstr(cx_glyph(CX_G_BLOCK));
	if (units % 8 && used < width) {
		addstr(cx_glyph(eighths[units % 8]));
		used++;
	}
	for (; used < width; used++)
		addch(' ');
}

void cx_ui_sparkline(int y, int x, int width, const int64_t *v, int n)
{
	static const enum cx_glyph ticks[] = {CX_G_SPARK_1, CX_G_SPARK_2, CX_G_SPARK_3, CX_G_SPARK_4,
					      CX_G_SPARK_5, CX_G_SPARK_6, CX_G_SPARK_7, CX_G_BLOCK};
	if (width <= 0 || n <= 0)
		return;
	int cells = n < width ? n : width;
	int64_t max = 0;
	/* Each cell shows the mean of the days that fall into it (a sum would
	 * make a cell holding two days look like a spike). */
	int64_t bucket[512];
	if (cells > 512)
		cells = 512;
	for (int c = 0; c < cells; c++) {
		int64_t sum = 0;
		int from = c * n / cells, to = (c + 1) * n / cells;
		for (int i = from; i < to; i++)
			sum += v[i];
		sum = to > from ? sum * 1000 / (to - from) : 0;
		bucket[c] = sum;
		if (sum > max)
			max = sum;
	}
	move(y, x);
	for (int c = 0; c < cells; c++)
		addstr(cx_glyph(max > 0 ? ticks[bucket[c] * 7 / max] : ticks[0]));
}

void cx_ui_overlay(struct cx_app *app, int h, int w, const char *title, int *iy, int *ix, int *ih, int *iw)
{
	if (h > app->rows - 2)
		h = app->rows - 2;
	if (w > app->cols - 2)
		w = app->cols - 2;
	int y = (app->rows - h) / 2, x = (app->cols - w) / 2;
	cx_ui_style(app, CX_EL_NORMAL);
	for (int r = 0; r < h; r++)
		cx_ui_fill(y + r, x, w);
	cx_ui_box(app, y, x, h, w, title);
	*iy = y + 1;
	*ix = x + 2;
	*ih = h - 2;
	*iw = w - 4;
}
