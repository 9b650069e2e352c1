/* pager.h — private to src/tui: a screenful of a keyset-paged list.
 *
 * The pager holds only the rows on screen and the key of the top one.
 * Moving re-reads one screen from a new top key: an index range in the
 * store, as cheap on page 10,000 as on page 1. */
#ifndef CXTOP_TUI_PAGER_H
#define CXTOP_TUI_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#include "cxtop/store.h"
#include "keys.h"

#define CX_PAGER_MAX 256 /* rows on the tallest screen we draw */

struct cx_pager {
	/* Reads up to limit items after `after` (NULL: from the start, or when
	 * backward from the end) into out; returns -1 on error. */
	int (*fetch)(void *ctx, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out, int *n,
		     cx_error *err);
	cx_page_key (*key_of)(const void *item);
	size_t item_size;
	void *ctx;
	/* state */
	void *items; /* CX_PAGER_MAX items */
	int n, cursor, rows;
	bool has_top;
	cx_page_key top;
	char error[256];
};

void cx_pager_init(struct cx_pager *p);
/* Sets a list's source on first use (and the context every time): the
 * views call it at the top of their load. */
void cx_pager_bind(struct cx_pager *p,
		   int (*fetch)(void *, const cx_page_key *, bool, bool, int, void *, int *, cx_error *),
		   cx_page_key (*key_of)(const void *), size_t item_size, void *ctx);
void cx_pager_free(struct cx_pager *p);
/* Re-reads the screen from the current top (after a change or resize). */
void cx_pager_reload(struct cx_pager *p, int rows);
void cx_pager_home(struct cx_pager *p);
void cx_pager_end(struct cx_pager *p);
void cx_pager_down(struct cx_pager *p, int steps);
void cx_pager_up(struct cx_pager *p, int steps);
const void *cx_pager_item(const struct cx_pager *p, int i);

/* The movement requests (keys.h): true when req was one of them.  In
 * pager_keys.c, beside the app's requests. */
bool cx_pager_move(struct cx_pager *p, enum cx_req req);
/* A click on the list's row `row` (0 the first shown): 1 when it hit the
 * row already under the cursor (open it), 0 when it moved the cursor, -1
 * otherwise. */
int cx_pager_click(struct cx_pager *p, int row);

#endif
