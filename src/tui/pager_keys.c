/* pager_keys.c — the keys and mouse gestures every paged list shares
 * (tickets, customers): one place, so the two lists move alike. */
#include "app.h"
#include "pager.h"

bool cx_pager_key(struct cx_pager *p, int ch)
{
	int page = p->rows > 1 ? p->rows - 1 : 1;
	switch (ch) {
	case 'j':
	case KEY_DOWN:
		cx_pager_down(p, 1);
		return true;
	case 'k':
	case KEY_UP:
		cx_pager_up(p, 1);
		return true;
	case KEY_NPAGE:
	case ' ':
		cx_pager_down(p, page);
		return true;
	case KEY_PPAGE:
		cx_pager_up(p, page);
		return true;
	case 'g':
	case KEY_HOME:
		cx_pager_home(p);
		return true;
	case 'G':
	case KEY_END:
		cx_pager_end(p);
		return true;
	default:
		return false;
	}
}

int cx_pager_click(struct cx_pager *p, int y, int first_row_y)
{
	if (y == -1) {
		cx_pager_up(p, 3);
		return -1;
	}
	if (y == -2) {
		cx_pager_down(p, 3);
		return -1;
	}
	int row = y - first_row_y;
	if (row < 0 || row >= p->n)
		return -1;
	bool again = row == p->cursor;
	p->cursor = row;
	return again ? 1 : 0;
}
