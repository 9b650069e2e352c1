/* pager.c — moving a screenful through a keyset-paged list. */
#include "pager.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cxtop/xalloc.h"

void cx_pager_init(struct cx_pager *p)
{
	p->items = cx_xcalloc(CX_PAGER_MAX, p->item_size);
	p->n = p->cursor = 0;
	p->has_top = false;
	p->error[0] = '\0';
}

void cx_pager_bind(struct cx_pager *p,
		   int (*fetch)(void *, const cx_page_key *, bool, bool, int, void *, int *, cx_error *),
		   cx_page_key (*key_of)(const void *), size_t item_size, void *ctx)
{
	if (!p->items) {
		p->fetch = fetch;
		p->key_of = key_of;
		p->item_size = item_size;
		cx_pager_init(p);
	}
	p->ctx = ctx;
}

void cx_pager_free(struct cx_pager *p)
{
	free(p->items);
	p->items = NULL;
}

const void *cx_pager_item(const struct cx_pager *p, int i)
{
	return (const char *)p->items + (size_t)i * p->item_size;
}

static int fetch(struct cx_pager *p, const cx_page_key *after, bool inclusive, bool backward, int limit, void *out,
		 int *n)
{
	cx_error err = {0};
	if (limit > CX_PAGER_MAX)
		limit = CX_PAGER_MAX;
	if (p->fetch(p->ctx, after, inclusive, backward, limit, out, n, &err) < 0) {
		snprintf(p->error, sizeof p->error, "%s", err.msg);
		*n = 0;
		return -1;
	}
	p->error[0] = '\0';
	return 0;
}

void cx_pager_reload(struct cx_pager *p, int rows)
{
	p->rows = rows < 1 ? 1 : rows > CX_PAGER_MAX ? CX_PAGER_MAX : rows;
	fetch(p, p->has_top ? &p->top : NULL, true, false, p->rows, p->items, &p->n);
	/* The top row may have gone (deleted, filtered out): start over. */
	if (p->n == 0 && p->has_top) {
		p->has_top = false;
		fetch(p, NULL, false, false, p->rows, p->items, &p->n);
	}
	if (p->n > 0) {
		p->top = p->key_of(p->items);
		p->has_top = true;
	}
	if (p->cursor >= p->n)
		p->cursor = p->n ? p->n - 1 : 0;
}

void cx_pager_home(struct cx_pager *p)
{
	p->has_top = false;
	p->cursor = 0;
	cx_pager_reload(p, p->rows);
}

/* The `count` rows just above the top, nearest first; moves the top to the
 * farthest one found.  Returns how many there were. */
static int move_top_up(struct cx_pager *p, int count, bool from_end)
{
	void *buf = cx_xcalloc(CX_PAGER_MAX, p->item_size);
	int n = 0;
	fetch(p, from_end ? NULL : &p->top, false, true, count, buf, &n);
	if (n > 0) {
		p->top = p->key_of((const char *)buf + (size_t)(n - 1) * p->item_size);
		p->has_top = true;
	}
	free(buf);
	return n;
}

void cx_pager_end(struct cx_pager *p)
{
	if (move_top_up(p, p->rows, true) > 0)
		cx_pager_reload(p, p->rows);
	p->cursor = p->n ? p->n - 1 : 0;
}

void cx_pager_down(struct cx_pager *p, int steps)
{
	if (p->cursor + steps < p->n) {
		p->cursor += steps;
		return;
	}
	/* A screen that is not full is the end of the list. */
	if (p->n < p->rows || p->n == 0) {
		p->cursor = p->n ? p->n - 1 : 0;
		return;
	}
	/* Move the top down so that the target row is the last on screen; at
	 * most a screenful at a time. */
	int target = p->cursor + steps;
	int shift = target - (p->rows - 1);
	if (shift > p->n - 1)
		shift = p->n - 1;
	if (shift < 1)
		shift = 1;
	p->top = p->key_of(cx_pager_item(p, shift));
	p->has_top = true;
	cx_pager_reload(p, p->rows);
	p->cursor = target - shift < p->n ? target - shift : p->n - 1;
}

void cx_pager_up(struct cx_pager *p, int steps)
{
	if (p->cursor >= steps) {
		p->cursor -= steps;
		return;
	}
	steps -= p->cursor;
	p->cursor = 0;
	int got = move_top_up(p, steps, false);
	if (got > 0)
		cx_pager_reload(p, p->rows);
}
