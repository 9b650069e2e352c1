/* input.h — private to src/tui: a key, or a mouse event, made into a
 * request and given to the view on top of the stack, then (when the view
 * does not answer it) to the app's own meaning of it. */
#ifndef CXTOP_TUI_INPUT_H
#define CXTOP_TUI_INPUT_H

#include "app.h"

void cx_input_key(struct cx_app *app, int ch);

#endif
