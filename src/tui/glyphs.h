/* glyphs.h — private to src/tui: every character beyond ASCII that cxtop
 * itself draws, and the ASCII it becomes when the locale is not UTF-8.
 *
 * A terminal in a non-UTF-8 locale (LANG=C, a Latin-1 one) shows a box
 * line or an eighth block as a few bytes of garbage.  So the UI never
 * writes such a character as a literal: it asks cx_glyph() for it, and
 * cx_ui_text() passes the text it draws (names from the store, report
 * cells, the UI's own labels) through cx_glyphs_ascii() when the ASCII
 * set is in use.  Then nothing beyond ASCII reaches such a terminal: the
 * table's characters become their ASCII forms, anything else a '?' per
 * column.
 *
 * The set is chosen once, by cx_glyphs_init() before curses starts, from
 * the locale's codeset, and never changes afterwards: like curses' own
 * idea of the terminal it is a fact about where cxtop runs, not state a
 * view may change.
 *
 * To draw a new character: add it to CX_GLYPH_LIST with its ASCII form
 * (one column where it sits in a line others measure: a bar cell, a sort
 * mark) and write cx_glyph(CX_G_NAME).  A test fails on any other
 * non-ASCII string in src/tui. */
#ifndef CXTOP_TUI_GLYPHS_H
#define CXTOP_TUI_GLYPHS_H

#include <stdbool.h>
#include <stddef.h>

/* X(name, UTF-8, ASCII) */
#define CX_GLYPH_LIST(X)                                                     \
	/* panel frames */                                                   \
	X(BOX_H, "\u2500", "-")          /* ─ */                             \
	X(BOX_V, "\u2502", "|")          /* │ */                             \
	X(BOX_TL, "\u256d", "+")         /* ╭ */                             \
	X(BOX_TR, "\u256e", "+")         /* ╮ */                             \
	X(BOX_BL, "\u2570", "+")         /* ╰ */                             \
	X(BOX_BR, "\u256f", "+")         /* ╯ */                             \
	/* bars: a full cell and its eighths */                              \
	X(BLOCK, "\u2588", "#")          /* █ */                             \
	X(BAR_1, "\u258f", ":")          /* ▏ */                             \
	X(BAR_2, "\u258e", ":")          /* ▎ */                             \
	X(BAR_3, "\u258d", ":")          /* ▍ */                             \
	X(BAR_4, "\u258c", ":")          /* ▌ */                             \
	X(BAR_5, "\u258b", ":")          /* ▋ */                             \
	X(BAR_6, "\u258a", ":")          /* ▊ */                             \
	X(BAR_7, "\u2589", ":")          /* ▉ */                             \
	/* sparklines, lowest first (the highest is BLOCK) */                \
	X(SPARK_1, "\u2581", "_")        /* ▁ */                             \
	X(SPARK_2, "\u2582", ".")        /* ▂ */                             \
	X(SPARK_3, "\u2583", ":")        /* ▃ */                             \
	X(SPARK_4, "\u2584", "-")        /* ▄ */                             \
	X(SPARK_5, "\u2585", "=")        /* ▅ */                             \
	X(SPARK_6, "\u2586", "+")        /* ▆ */                             \
	X(SPARK_7, "\u2587", "*")        /* ▇ */                             \
	/* the what-if sliders */                                            \
	X(KNOB, "\u25cf", "O")           /* ● the lever's value */           \
	X(TRACK_FULL, "\u2501", "=")     /* ━ below the value */             \
	X(MARK_BREAK_EVEN, "\u2503", "!") /* ┃ */                            \
	X(MARK_ACTUAL, "\u254e", ":")    /* ╎ */                             \
	/* arrows */                                                         \
	X(SORT_UP, "\u25b2", "^")        /* ▲ lowest first; moved up */      \
	X(SORT_DOWN, "\u25bc", "v")      /* ▼ */                             \
	X(STEP_BACK, "\u25c2", "<")      /* ◂ the previous period */         \
	X(STEP_ON, "\u25b8", ">")        /* ▸ */                             \
	X(LEFT, "\u2190", "Left")        /* ← */                             \
	X(RIGHT, "\u2192", "Right")      /* → */                             \
	X(UP, "\u2191", "Up")            /* ↑ */                             \
	X(DOWN, "\u2193", "Down")        /* ↓ */                             \
	X(TRAIL, "\u203a", ">")          /* › between the views of a trail */ \
	X(REFRESH, "\u27f3", "")         /* ⟳ before the refresh time */     \
	/* signs */                                                          \
	X(TICK, "\u2713", "+")           /* ✓ */                             \
	X(CROSS, "\u2717", "-")          /* ✗ */                             \
	X(WARNING, "\u26a0", "!")        /* ⚠ */                             \
	X(DOT, "\u00b7", "/")            /* · between items */               \
	X(ELLIPSIS, "\u2026", "~")       /* … where text was cut */          \
	X(EN_DASH, "\u2013", "-")        /* – in ranges */                   \
	X(EM_DASH, "\u2014", "-")        /* — */                             \
	X(LESS_EQUAL, "\u2264", "<=")    /* ≤ */                             \
	X(GREATER_EQUAL, "\u2265", ">=") /* ≥ */                             \
	X(TIMES, "\u00d7", "x")          /* × */                             \
	X(EURO, "\u20ac", "EUR")         /* € (money from the reports) */    \
	X(POUND, "\u00a3", "GBP")        /* £ */

#define CX_GLYPH_ENUM(name, utf8, ascii) CX_G_##name,
enum cx_glyph { CX_GLYPH_LIST(CX_GLYPH_ENUM) CX_G_COUNT };
#undef CX_GLYPH_ENUM

/* Chooses the set: ASCII when ascii, else UTF-8.  Called once, before
 * anything is drawn. */
void cx_glyphs_init(bool ascii);
/* True when the ASCII set is in use. */
bool cx_glyphs_ascii_mode(void);
/* The character g in the set in use. */
const char *cx_glyph(enum cx_glyph g);

/* s in ASCII: the table's characters as their ASCII forms, any other
 * character beyond ASCII as one '?' for each column it takes (none for a
 * combining mark), ASCII as it is.  Writes into buf, cut at a whole
 * character, and returns it. */
char *cx_glyphs_ascii(char *buf, size_t len, const char *s);

#endif
