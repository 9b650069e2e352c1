/* theme.h — UI themes as plain data, read from YAML by src/config.
 *
 * A theme maps named UI elements to a foreground, a background and
 * attributes.  Colours are kept as the user wrote them (a name, 0-255, or
 * #rrggbb) resolved to an RGB value and, where given, a palette index; the
 * UI picks the nearest colour the terminal really has.  No curses here.
 */
#ifndef CXTOP_THEME_H
#define CXTOP_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/error.h"

/* The UI elements a theme styles.  Keep cx_theme_element_name() in step. */
enum cx_element {
	CX_EL_NORMAL,       /* default text */
	CX_EL_TAB,          /* an inactive tab */
	CX_EL_TAB_ACTIVE,   /* the current tab */
	CX_EL_HEADER,       /* top bar, table headers */
	CX_EL_STATUS,       /* the status line */
	CX_EL_ROW,          /* a table row */
	CX_EL_ROW_ALT,      /* every other row */
	CX_EL_ROW_SELECTED, /* the row under the cursor */
	CX_EL_PANEL_TITLE,  /* a dashboard panel's title */
	CX_EL_BORDER,       /* panel borders */
	CX_EL_GOOD,         /* a figure on the right side of its target */
	CX_EL_BAD,          /* ... on the wrong side */
	CX_EL_WARN,         /* needs attention soon */
	CX_EL_MONEY,        /* money amounts */
	CX_EL_MUTED,        /* secondary text, n/a */
	CX_EL_BAR,          /* bar charts */
	CX_EL_SPARKLINE,    /* sparklines */
	CX_EL_SEARCH,       /* a search match / the search prompt */
	CX_EL_COUNT
};

enum cx_color_kind {
	CX_COLOR_DEFAULT, /* the terminal's own foreground/background */
	CX_COLOR_INDEX,   /* a palette index 0-255 (names map to 0-15) */
	CX_COLOR_RGB,     /* #rrggbb */
};

typedef struct cx_color {
	enum cx_color_kind kind;
	int index;       /* CX_COLOR_INDEX */
	uint8_t r, g, b; /* CX_COLOR_RGB, and the RGB of an index for matching */
} cx_color;

enum {
	CX_ATTR_BOLD = 1,
	CX_ATTR_UNDERLINE = 2,
	CX_ATTR_REVERSE = 4,
	CX_ATTR_DIM = 8,
	CX_ATTR_ITALIC = 16,
};

typedef struct cx_style {
	cx_color fg, bg;
	unsigned attrs; /* CX_ATTR_* */
} cx_style;

typedef struct cx_theme {
	char name[64];
	cx_style el[CX_EL_COUNT];
} cx_theme;

/* "tab_active" for CX_EL_TAB_ACTIVE, etc.; NULL when out of range. */
const char *cx_theme_element_name(enum cx_element e);

/* The built-in default (dark) theme: always available, also the fallback
 * when a theme file is broken. */
void cx_theme_default(cx_theme *out);

/* Reads a theme file.  On any error fills err with
 * "path:line:column: message" (1-based), leaves *out as the default theme,
 * and returns -1. */
int cx_theme_load(const char *path, cx_theme *out, cx_error *err);
/* The same from len bytes of text; path only names it in messages. */
int cx_theme_load_mem(const char *path, const char *text, size_t len, cx_theme *out, cx_error *err);

/* Parses a colour as written in a theme: "default", a name (black, red,
 * green, yellow, blue, magenta, cyan, white, and bright-/light- variants,
 * grey/gray), 0-255, or #rrggbb. */
bool cx_color_parse(const char *s, cx_color *out);

/* The palette index 0-255 nearest to an RGB colour in the xterm-256
 * palette, limited to the first `ncolors` entries (8, 16, 88 or 256). */
int cx_color_nearest(uint8_t r, uint8_t g, uint8_t b, int ncolors);

/* Finds a theme by NAME (searched as NAME.yaml in
 * $XDG_CONFIG_HOME/cxtop/themes, ~/.config/cxtop/themes, then the shared
 * data directory and ./themes) or by PATH (anything containing '/' or
 * ending in .yaml).  Writes the file's path into buf; false if not found. */
bool cx_theme_find(const char *name_or_path, char *buf, size_t len);

/* The names of the themes found in those directories, sorted, without
 * duplicates; returns how many (at most max).  For the UI's `t` key. */
int cx_theme_list(char names[][64], int max);

#endif
