/* store_internal.h — private to src/store: the store handle itself. */
#ifndef CXTOP_STORE_INTERNAL_H
#define CXTOP_STORE_INTERNAL_H

#include <sqlite3.h>

#include "cxtop/store.h"

struct cx_store {
	sqlite3 *db;
	char *path;
	bool read_only;
	sqlite3_stmt *data_version_stmt; /* polled often: prepared once */
};

/* Fills err with "<doing> '<path>': <why rc>" and returns -1. */
int cx_store_sql_fail(cx_store *st, cx_error *err, int rc, const char *doing);

#endif
