/* detail.h — private to src/tui: a detail pane, the overlay that shows one
 * row's figures (an agent, a campaign, a ticket's timeline, how points
 * were earned).  The view fills a struct cx_detail and pushes it with
 * cx_detail_push(); the pane keeps its own copy, so the list beneath may
 * reload meanwhile. */
#ifndef CXTOP_TUI_DETAIL_H
#define CXTOP_TUI_DETAIL_H

#include "app.h"

#define CX_DETAIL_ROWS 48
#define CX_DETAIL_NOTES 4

struct cx_detail_row {
	char label[64];
	char value[192];
	enum cx_element el; /* the value's style */
	/* When set (an agent's tickets, solved, revenue), Enter on the row
	 * opens the rows of this `cxtop report rows` figure for the agent. */
	const char *figure;
};

struct cx_detail {
	char title[160];
	int width;       /* of the box (0: 64) */
	int label_width; /* (0: 24) */
	bool right;      /* values right-aligned in a narrow column (figures) */
	int n;
	struct cx_detail_row rows[CX_DETAIL_ROWS];
	char notes[CX_DETAIL_NOTES][256]; /* below the rows, as warnings */
	int nnotes;
	/* When set, Enter lists this agent's tickets (or the selected
	 * figure's rows of the agent, or of the campaign). */
	int64_t agent_id;
	int64_t campaign_id;
	char agent[96]; /* the agent's or the campaign's name */
	/* internal */
	int top;
	int sel; /* the selected row with a figure, or -1 */
};

/* Appends a row; silently full after CX_DETAIL_ROWS. */
void cx_detail_add(struct cx_detail *d, const char *label, const char *value, enum cx_element el);
/* Appends a note; silently full after CX_DETAIL_NOTES. */
void cx_detail_note(struct cx_detail *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
