/* error.h — one-line error messages carried up to the command line.
 *
 * Every module that can fail fills a cx_error with a complete sentence
 * fragment ("cannot open store 'x.db': file is not a database") and an exit
 * status.  main() prints it as "cxtop: <msg>" and exits with the status.
 */
#ifndef CXTOP_ERROR_H
#define CXTOP_ERROR_H

/* Exit statuses, as documented in cxtop(1). */
enum {
	CX_EXIT_OK = 0,
	CX_EXIT_RUNTIME = 1, /* the store, a file, the terminal */
	CX_EXIT_USAGE = 2,   /* the command line itself is wrong */
};

typedef struct cx_error {
	int status;     /* CX_EXIT_RUNTIME or CX_EXIT_USAGE once set */
	char msg[512];  /* one line, no trailing newline */
} cx_error;

/* Sets err (if non-NULL) and returns -1, so callers can `return cx_fail(...)`. */
int cx_fail(cx_error *err, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void cx_error_clear(cx_error *err);

#endif
