/* search.c — matching and the status line's words for every list's
 * search (search.h). */
#include "search.h"

#include <stdio.h>
#include <string.h>

#include "cxtop/format.h"
#include "cxtop/parse.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool cx_search_hit(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	if (n == 0)
		return true;
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && lower(hay[i]) == lower(needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

int64_t cx_search_number(const char *q)
{
	int64_t v;
	return cx_parse_count(q + (*q == '#'), &v) ? v : -1;
}

void cx_search_says(char *buf, size_t len, int64_t rows, const char *one, const char *many, const char *query,
		    const struct cx_search_count *c, int n)
{
	char count[32];
	if (rows == 0) {
		snprintf(buf, len, "no %s matches \"%s\"", one, query);
		return;
	}
	cx_fmt_int(count, sizeof count, rows);
	size_t used = (size_t)snprintf(buf, len, "%s %s match%s \"%s\"", count, rows == 1 ? one : many,
				       rows == 1 ? "es" : "", query);
	const char *sep = ": in ";
	for (int i = 0; i < n && used < len; i++) {
		if (c[i].n <= 0)
			continue;
		cx_fmt_int(count, sizeof count, c[i].n);
		used += (size_t)snprintf(buf + used, len - used, "%s%s %s", sep, c[i].column, count);
		sep = ", ";
	}
}
