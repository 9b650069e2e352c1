/* search.h — private to src/tui: what every list's `/` shares.  A search
 * keeps the rows that match (a filter, as you type); the cells that
 * matched are drawn as matches (CX_EL_SEARCH), and the status line says
 * in which columns the rows matched. */
#ifndef CXTOP_TUI_SEARCH_H
#define CXTOP_TUI_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Does hay hold needle, ASCII letters in either case (as SQL's LIKE)? */
bool cx_search_hit(const char *hay, const char *needle);
/* The ticket number a search names ("1042" or "#1042"), or -1. */
int64_t cx_search_number(const char *q);

/* One column's matches, for the status line. */
struct cx_search_count {
	const char *column;
	int64_t n;
};
/* "12 tickets match "ann": Customer 10, Agent 2" from the columns with
 * matches (n of them); "no ticket matches "ann"" when none. */
void cx_search_says(char *buf, size_t len, int64_t rows, const char *one, const char *many, const char *query,
		    const struct cx_search_count *c, int n);

#endif
