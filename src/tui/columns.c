/* columns.c — laying out and drawing declared columns (columns.h). */
#include <stdio.h>

#include "columns.h"
#include "cxtop/format.h"
#include "glyphs.h"

/* A column kept off screens narrower than its min_cols. */
static bool hidden(const struct cx_col *c, int cols)
{
	return c->min_cols && cols < c->min_cols;
}

void cx_cols_layout(const struct cx_col *c, int n, int cols, int gap, int *width)
{
	bool wide = cols >= 110;
	int used = 0, shown = 0, nflex = 0;
	for (int i = 0; i < n; i++) {
		width[i] = 0;
		if (hidden(&c[i], cols))
			continue;
		width[i] = wide && c[i].wide_width ? c[i].wide_width : c[i].width;
		if (!width[i] && !c[i].flex)
			continue;
		shown++;
		used += width[i];
		nflex += c[i].flex;
	}
	used += shown > 1 ? (shown - 1) * gap : 0;
	/* Too narrow: the columns that may give way do, right to left. */
	for (int i = n - 1; i >= 0 && used > cols; i--) {
		if (!c[i].shrink_to || width[i] <= c[i].shrink_to)
			continue;
		int give = used - cols < width[i] - c[i].shrink_to ? used - cols : width[i] - c[i].shrink_to;
		width[i] -= give;
		used -= give;
	}
	/* What is left goes to the flex columns; none left, they go. */
	int left = cols - used;
	for (int i = 0; i < n && nflex; i++) {
		if (!c[i].flex || hidden(&c[i], cols))
			continue;
		int share = left / nflex;
		left -= share;
		nflex--;
		width[i] += share > 0 ? share : 0;
	}
}

void cx_cols_draw(struct cx_app *app, const struct cx_col *c, int n, const int *width, int gap, int y,
		  const void *row, const void *ctx, enum cx_element el, int sort_col, bool desc)
{
	char buf[512];
	int x = 0;
	cx_ui_style(app, el);
	cx_ui_fill(y, 0, app->cols);
	for (int i = 0; i < n && x < app->cols; i++) {
		if (width[i] <= 0)
			continue;
		int w = x + width[i] > app->cols ? app->cols - x : width[i];
		enum cx_element cell = CX_EL_COUNT;
		const char *text = buf;
		if (row)
			cell = c[i].get(&c[i], row, ctx, width[i], buf, sizeof buf);
		else
			text = c[i].title;
		/* The selected row keeps its colour, but for a search's match,
		 * which must show on every row. */
		cx_ui_style(app, cell == CX_EL_COUNT || (el == CX_EL_ROW_SELECTED && cell != CX_EL_SEARCH) ? el : cell);
		cx_ui_text(y, x, w, text, c[i].right);
		cx_ui_style(app, el);
		/* The mark: beside a left-aligned title when there is room, else
		 * in the gap after the column, never widening it. */
		int tw = cx_ui_width(c[i].title);
		int mx = !c[i].right && tw + 2 <= w ? x + tw + 1 : x + w;
		if (!row && i == sort_col && mx < app->cols)
			cx_ui_text(y, mx, 1, cx_glyph(desc ? CX_G_SORT_DOWN : CX_G_SORT_UP), false);
		x += w + gap;
	}
}
