/* columns.h — private to src/tui: the columns of a list, declared, and the
 * one function that draws them.
 *
 * A list declares its columns as data ({title, width rule, align,
 * getter}); cx_cols_layout() turns the width rules into widths for the
 * screen at hand, and cx_cols_draw() writes the header or a row.  A view
 * never positions a cell by hand. */
#ifndef CXTOP_TUI_COLUMNS_H
#define CXTOP_TUI_COLUMNS_H

#include "app.h"

struct cx_col {
	const char *title;
	/* The width rule: `width` cells (wide_width from 110 columns on, when
	 * set); on a screen too narrow for every column, those with a
	 * shrink_to give way down to it; flex columns share what is left
	 * (and drop out when nothing is); min_cols hides the column on
	 * narrower screens. */
	int width, wide_width, shrink_to, min_cols;
	bool flex;
	bool right; /* right-aligned: figures */
	int arg;    /* for the getter: which field (the table view: which column) */
	/* Writes the cell of `row` in `width` cells to buf; returns the
	 * element to draw it in, or CX_EL_COUNT for the row's own. */
	enum cx_element (*get)(const struct cx_col *col, const void *row, const void *ctx, int width, char *buf,
			       size_t len);
};

/* The widths on a screen `cols` wide, columns `gap` apart; 0 hides one. */
void cx_cols_layout(const struct cx_col *c, int n, int cols, int gap, int *width);

/* Draws the header (row NULL) or one row at screen line y, from column x0;
 * the header marks column sort_col with ▲ or ▼ (desc), in the gap after
 * it.  el is the row's element; a selected row keeps it for every cell
 * but a search's match (CX_EL_SEARCH). */
void cx_cols_draw(struct cx_app *app, const struct cx_col *c, int n, const int *width, int gap, int y,
		  const void *row, const void *ctx, enum cx_element el, int sort_col, bool desc);

#endif
