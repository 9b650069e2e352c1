/* bars.h — private to src/tui: the lines around the views: the top bar,
 * the tabs, the trail of drill-downs and the status line. */
#ifndef CXTOP_TUI_BARS_H
#define CXTOP_TUI_BARS_H

#include "app.h"

void cx_bars_top(struct cx_app *app);
/* Every tab's name when they fit, else short names, else numbers; the
 * current tab always whole. */
void cx_bars_tabs(struct cx_app *app);
/* The way back ("Agents › Tickets: agent …  Esc: back") on row y when a
 * drill-down is shown; returns the first row left for the view. */
int cx_bars_trail(struct cx_app *app, int y);
/* The message, prompt or key hints; returns the prompt's cursor column. */
int cx_bars_status(struct cx_app *app);

#endif
