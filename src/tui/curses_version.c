/* curses_version.c — which ncurses cxtop runs with. */
#include <curses.h>

#include "cxtop/tui.h"

const char *cx_tui_curses_version(void)
{
	return curses_version();
}
