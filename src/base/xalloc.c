/* xalloc.c — allocation that exits on failure (see xalloc.h for why). */
#include "cxtop/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("cxtop: out of memory\n", stderr);
	exit(1);
}

void *cx_xmalloc(size_t size)
{
	/* malloc(0) may return NULL; ask for one byte so NULL always means failure. */
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *cx_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *cx_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		out_of_memory();
	size_t bytes = n * size;
	p = realloc(p, bytes ? bytes : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *cx_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(cx_xmalloc(n), s, n);
}

char *cx_xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0) {
		/* Only an invalid format gets here; an empty string beats a crash. */
		va_end(again);
		return cx_xstrdup("");
	}
	char *s = cx_xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}
