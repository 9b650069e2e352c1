/* tui.h — the interactive UI (curses lives only in src/tui). */
#ifndef CXTOP_TUI_H
#define CXTOP_TUI_H

#include <stdbool.h>

#include "cxtop/error.h"

typedef struct cx_tui_options {
	const char *db_path;
	bool read_only;
	const char *theme;   /* a name or a path; NULL for the config's or the default */
	bool no_color;       /* --no-color (NO_COLOR in the environment does the same) */
	int refresh_ms;      /* how often to look for changes by other processes */
	const char *actor;   /* who edits, for the audit trail */
	const char *config_path; /* where `t` remembers the theme; NULL: nowhere (no HOME) */
} cx_tui_options;

/* Runs the UI until the user quits.  Returns 0, or -1 with err filled (the
 * terminal is restored before the caller prints it). */
int cx_tui_run(const cx_tui_options *opt, cx_error *err);

/* Version of the curses library in use, for --version. */
const char *cx_tui_curses_version(void);

#endif
