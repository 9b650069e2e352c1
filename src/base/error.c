/* error.c — filling cx_error. */
#include "cxtop/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int cx_fail(cx_error *err, int status, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		/* Keep it one line whatever the cause put in it (SQLite messages
		 * and file contents can carry newlines). */
		for (char *p = err->msg; *p; p++)
			if (*p == '\n' || *p == '\r')
				*p = ' ';
		err->status = status;
	}
	return -1;
}

void cx_error_clear(cx_error *err)
{
	if (err) {
		err->status = 0;
		err->msg[0] = '\0';
	}
}
