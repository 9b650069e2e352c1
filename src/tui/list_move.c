/* list_move.c — the movement requests over a list held in memory (tables,
 * the dashboard's figures, the what-if levers, a detail pane), written
 * once.  Paged lists move through the store instead (pager_keys.c). */
#include "app.h"

bool cx_move(enum cx_req req, size_t *cursor, size_t n, size_t page)
{
	size_t last = n ? n - 1 : 0;
	if (page < 1)
		page = 1;
	switch (req) {
	case CX_REQ_DOWN:
		if (*cursor < last)
			(*cursor)++;
		return true;
	case CX_REQ_UP:
		if (*cursor > 0)
			(*cursor)--;
		return true;
	case CX_REQ_PAGE_DOWN:
		*cursor = *cursor + page < last ? *cursor + page : last;
		return true;
	case CX_REQ_PAGE_UP:
		*cursor = *cursor > page ? *cursor - page : 0;
		return true;
	case CX_REQ_FIRST:
		*cursor = 0;
		return true;
	case CX_REQ_LAST:
		*cursor = last;
		return true;
	default:
		return false;
	}
}
