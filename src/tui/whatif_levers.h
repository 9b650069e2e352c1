/* whatif_levers.h — private to src/tui: the what-if view's levers, and the
 * block of sliders that shows them.
 *
 * Two groups of levers.  The support P&L's (liability, upsell response,
 * win-back recovery, upsell cost per contact) are in the store's currency
 * and each has its effect on net.  The order-notification shop's
 * (shipments, average check, buyout change, cost per order) are in the
 * shop's currency, which need not be the store's: its group and its money
 * levers say which it is, and its net gain has a row of its own, never
 * added to the P&L.  Every lever shows its value, the value as it was
 * (the period's, or the stored setting) and the change between them. */
#ifndef CXTOP_TUI_WHATIF_LEVERS_H
#define CXTOP_TUI_WHATIF_LEVERS_H

#include "app.h"
#include "cxtop/model.h"

enum cx_lever {
	CX_L_LIABILITY,
	CX_L_UPSELL,
	CX_L_WINBACK,
	CX_L_CPC,
	CX_L_SHIPMENTS, /* the first of the shop's */
	CX_L_AVG_CHECK,
	CX_L_BUYOUT,
	CX_L_CPO,
	CX_L_COUNT
};

/* How far a lever goes: min, max, and the steps of Left/Right, </> and
 * PgUp/PgDn, in its own units (basis points, minor units, shipments). */
struct cx_lever_steps {
	int64_t min, max, step, fine, coarse;
};

/* Lever i's field in l. */
int64_t *cx_lever_value(cx_levers *l, int i);
/* Lever i's range; the shop's volume and check reach at least twice what
 * they were. */
struct cx_lever_steps cx_lever_steps(const cx_levers *actual, int i);

/* What the block draws from. */
struct cx_lever_block {
	const cx_levers *now, *actual;
	const cx_whatif *w;         /* at now */
	const cx_whatif *w0;        /* at actual */
	const char *currency;       /* the store's */
	const char *notify_currency; /* the shop's */
	int selected;
	int skip; /* the block's first rows not drawn (scrolled off a short screen) */
};

/* The block's rows, and the row lever i is drawn on (0: the first
 * heading), for scrolling it on a short screen. */
#define CX_LEVER_ROWS (CX_L_COUNT + 3)
int cx_lever_row(int i);

/* Draws the levers from row y, the screen's width; returns the rows used
 * (at most height). */
int cx_levers_draw(struct cx_app *app, const struct cx_lever_block *b, int y, int height);

#endif
