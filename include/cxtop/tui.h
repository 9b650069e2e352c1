/* tui.h — the interactive UI (curses lives only in src/tui). */
#ifndef CXTOP_TUI_H
#define CXTOP_TUI_H

/* Version of the curses library in use, for --version. */
const char *cx_tui_curses_version(void);

#endif
