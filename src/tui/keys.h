/* keys.h — private to src/tui: requests, and the one table that binds keys
 * to them.
 *
 * Views never look at raw keys (but for typed text): the loop turns a key
 * into a request through the key table (keys.c), and a view answers the
 * requests it knows.  The same table writes the `?` help, the status-line
 * hints and is checked against the man page's KEYS section by a test, so a
 * key added here is a key documented everywhere.
 *
 * To add a key: add its request to CX_REQ_LIST (name, what it does) and a
 * line binding it in keys.c; then answer the request in the views it
 * concerns, and document it in man/cxtop.1 (the test says if you forget). */
#ifndef CXTOP_TUI_KEYS_H
#define CXTOP_TUI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* X(name, global, what): global requests are answered by the loop in any
 * view; the others by the views that list them. */
#define CX_REQ_LIST(X)                                                                          \
	X(NONE, false, "")                                                                      \
	X(VIEW, true, "go to a view (its first screen, not a drill-down)")                      \
	X(NEXT_VIEW, true, "the next view")                                                     \
	X(PREV_VIEW, true, "the previous view")                                                 \
	X(BACK, true, "back: close the help, detail or form; leave a drill-down; clear a search") \
	X(QUIT, true, "quit (from a drill-down or an overlay: back)")                           \
	X(QUIT_NOW, true, "quit at once, from anywhere")                                        \
	X(HELP, true, "this help")                                                              \
	X(PERIOD_PREV, true, "the previous period (stops at the oldest ticket)")                \
	X(PERIOD_NEXT, true, "the next period (stops at the newest ticket)")                    \
	X(PERIOD_LATEST, true, "the latest period with tickets")                                \
	X(PERIOD_LENGTH, true, "period length: month, week, quarter")                           \
	X(THEME, true, "the next theme, remembered for the next run")                           \
	X(HOURS, true, "durations in business hours (the schedules) or on the clock")            \
	X(UNDO, true, "undo the last edit (campaigns, the applied liability)")                  \
	X(REDRAW, true, "redraw the screen")                                                    \
	X(DOWN, false, "down one row")                                                          \
	X(UP, false, "up one row")                                                              \
	X(PAGE_DOWN, false, "a screen down")                                                    \
	X(PAGE_UP, false, "a screen up")                                                        \
	X(FIRST, false, "the first row")                                                        \
	X(LAST, false, "the last row")                                                          \
	X(LEFT, false, "scroll the columns left (the name stays)")                              \
	X(RIGHT, false, "scroll the columns right")                                             \
	X(SORT_PREV, false, "sort by the column to the left")                                   \
	X(SORT_NEXT, false, "sort by the column to the right")                                  \
	X(SORT_FLIP, false, "reverse the order")                                                \
	X(SEARCH, false, "search as you type (Enter keeps it, Esc clears it)")                  \
	X(FILTER, false, "the next filter or table")                                            \
	X(CHANNEL, false, "filter by channel (cycles)")                                         \
	X(WATCHLIST, false, "the watchlist on / off")                                           \
	X(OPEN, false, "open the row or figure under the cursor")                               \
	X(EDIT, false, "edit the campaign's parameters")                                        \
	X(ADD, false, "add a campaign")                                                         \
	X(ARCHIVE, false, "archive the campaign (or bring it back)")                            \
	X(AUDIT, false, "the audit trail of every edit, and back")                              \
	X(RESET, false, "every lever back to the period's real figures")

#define CX_REQ_ENUM(name, global, what) CX_REQ_##name,
enum cx_req { CX_REQ_LIST(CX_REQ_ENUM) CX_REQ_COUNT };
#undef CX_REQ_ENUM

/* One binding: keys first..last (a range for the digits) do `req`.  `name`
 * is how the help and the man page write the key. */
struct cx_key {
	int first, last;
	const char *name;
	enum cx_req req;
};

/* A request a view answers, with what it means there (NULL: the request's
 * own words). */
struct cx_req_use {
	enum cx_req req;
	const char *what;
};

/* The movement every list answers, for its `keys`. */
#define CX_MOVE_KEYS                                                                             \
	{CX_REQ_DOWN, NULL}, {CX_REQ_UP, NULL}, {CX_REQ_PAGE_DOWN, NULL}, {CX_REQ_PAGE_UP, NULL}, \
		{CX_REQ_FIRST, NULL}, {CX_REQ_LAST, NULL}

extern const struct cx_key cx_keys[];
extern const size_t cx_nkeys;

/* The request bound to key ch (CX_REQ_NONE when none); *arg is the key's
 * place in its range (0 for the first). */
enum cx_req cx_key_request(int ch, int *arg);
bool cx_req_global(enum cx_req req);
const char *cx_req_what(enum cx_req req);
/* "j, Down" — every key bound to req, in table order. */
void cx_req_keys(enum cx_req req, char *buf, size_t len);

/* The lines of the `?` help for a view answering `uses`: the view's
 * requests first, then every global one.  Calls line(ctx, keys, what,
 * heading) once per line; a heading has keys NULL.  Returns the count. */
int cx_help_lines(const char *view, const struct cx_req_use *uses,
		  void (*line)(void *ctx, const char *keys, const char *what), void *ctx);

#endif
