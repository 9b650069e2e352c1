/* schema.h — private to src/store: the DDL of each schema version. */
#ifndef CXTOP_STORE_SCHEMA_H
#define CXTOP_STORE_SCHEMA_H

/* SQL that takes a store from version `from_version` to from_version + 1,
 * or NULL when there is no such step. */
const char *cx_schema_migration(int from_version);

/* The CREATE TRIGGER statements that note the hours a write touches
 * (version 4, the update trigger as version 5 made it), for cxtop check to compare and put back. */
const char *cx_schema_rollup_triggers(void);

#endif
