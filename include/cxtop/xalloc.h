/* xalloc.h — allocation that cannot fail.
 *
 * cxtop has no sensible way to carry on without memory (a half-built report
 * is worse than none), so these print "cxtop: out of memory" to stderr and
 * exit(1) instead of returning NULL.  Callers never check the result. */
#ifndef CXTOP_XALLOC_H
#define CXTOP_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *cx_xmalloc(size_t size);
void *cx_xcalloc(size_t n, size_t size);
/* realloc(p, n * size), with the multiplication checked for overflow. */
void *cx_xreallocarray(void *p, size_t n, size_t size);
char *cx_xstrdup(const char *s);
/* A malloc'd string printed from fmt. */
char *cx_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
