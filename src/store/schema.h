/* schema.h — private to src/store: the DDL of each schema version. */
#ifndef CXTOP_STORE_SCHEMA_H
#define CXTOP_STORE_SCHEMA_H

/* SQL that takes a store from version `from_version` to from_version + 1,
 * or NULL when there is no such step. */
const char *cx_schema_migration(int from_version);

/* The CREATE TRIGGER statements that keep the derived tables: the notes
 * of the hours a write touches (version 4, the update trigger as version 9
 * made it) and the customers' ticket counts (version 11), for cxtop check
 * to compare and put back. */
const char *cx_schema_rollup_triggers(void);
/* SQL that counts every customer's tickets again (customer_tickets), and
 * the customers of each band and day (customer_bands). */
const char *cx_schema_customer_count_fill(void);
/* SQL that sums the packed hours' tickets per kind again. */
const char *cx_schema_hours_total_fill(void);
/* A query of one number: the band cells whose count is wrong or missing. */
const char *cx_schema_customer_band_check(void);

/* A rule of the guards (schema.c, versions 6 and 7): cond holds for every
 * row of table, $ standing for the row. */
struct cx_guard {
	const char *table, *cond, *message;
};
#include <stdbool.h>
#include <stddef.h>
/* The rules a version added (6, or 7): every row must keep them. */
size_t cx_schema_guards(int version, const struct cx_guard **out);
/* SQL that counts (count) or lists the rows of g's table breaking g;
 * malloc'd. */
char *cx_schema_guard_query(const struct cx_guard *g, bool count);

#endif
