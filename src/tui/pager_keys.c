/* pager_keys.c — the movement requests and clicks every paged list shares
 * (tickets, customers): one place, so the two lists move alike. */
#include "app.h"
#include "pager.h"

bool cx_pager_move(struct cx_pager *p, enum cx_req req)
{
	int page = p->rows > 1 ? p->rows - 1 : 1;
	switch (req) {
	case CX_REQ_DOWN:
		cx_pager_down(p, 1);
		return true;
	case CX_REQ_UP:
		cx_pager_up(p, 1);
		return true;
	case CX_REQ_PAGE_DOWN:
		cx_pager_down(p, page);
		return true;
	case CX_REQ_PAGE_UP:
		cx_pager_up(p, page);
		return true;
	case CX_REQ_FIRST:
		cx_pager_home(p);
		return true;
	case CX_REQ_LAST:
		cx_pager_end(p);
		return true;
	default:
		return false;
	}
}

int cx_pager_click(struct cx_pager *p, int row)
{
	if (row < 0 || row >= p->n)
		return -1;
	bool again = row == p->cursor;
	p->cursor = row;
	return again ? 1 : 0;
}
