/* store.h — the SQLite store: the only module that speaks SQL.
 *
 * Everything cxtop knows lives in one SQLite file (see cxtop(5) for the
 * schema).  This header is the whole public face of src/store: opening and
 * creating stores, schema versioning, and the queries the model and UI need.
 * Callers never see sqlite3 types; they get plain C structs back.
 */
#ifndef CXTOP_STORE_H
#define CXTOP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/error.h"

/* The schema version this build writes and understands (PRAGMA user_version). */
#define CX_SCHEMA_VERSION 1

typedef struct cx_store cx_store;

enum cx_open_mode {
	CX_OPEN_READ_WRITE = 0,
	CX_OPEN_READ_ONLY = 1,
};

/* Opens an existing store.  Never creates a file: a missing path is an error
 * (only cx_store_init creates stores).  Rejects files that are not SQLite
 * databases, stores written by a newer cxtop, and stores that stay locked
 * past the busy timeout.  Older stores are migrated in place unless the store
 * is opened read-only, in which case an old store is refused.  Returns NULL
 * and fills err on failure. */
cx_store *cx_store_open(const char *path, enum cx_open_mode mode, cx_error *err);

/* Creates a new, empty store at the current schema.  Refuses to touch an
 * existing file.  Returns NULL and fills err on failure; on failure no file
 * is left behind. */
cx_store *cx_store_init(const char *path, cx_error *err);

void cx_store_close(cx_store *st);

const char *cx_store_path(const cx_store *st);
bool cx_store_read_only(const cx_store *st);

/* The store's schema version (PRAGMA user_version). */
int cx_store_schema_version(cx_store *st);

/* PRAGMA data_version: changes whenever another connection commits.  Cheap;
 * meant to be polled.  Returns -1 on error. */
int64_t cx_store_data_version(cx_store *st);

/* A settings value as text, copied into buf.  Returns false if unset. */
bool cx_store_setting(cx_store *st, const char *key, char *buf, size_t len);

/* Runs PRAGMA integrity_check; true when the answer is "ok". */
bool cx_store_integrity_ok(cx_store *st, cx_error *err);

/* Row counts of the main tables, for the summary printed by `cxtop DB`
 * and `cxtop info`. */
typedef struct cx_store_counts {
	int64_t agents, customers, tickets, orders, returns, campaigns, contacts, renewals, claims;
	int64_t first_ticket_at, last_ticket_at; /* unix seconds, 0 when no tickets */
} cx_store_counts;

int cx_store_counts_get(cx_store *st, cx_store_counts *out, cx_error *err);

/* Runs one SQL statement with no result rows.  For tests and the sample
 * generator only (they live beside the store); the rest of cxtop uses the
 * typed queries above. */
int cx_store_exec(cx_store *st, const char *sql, cx_error *err);

/* Version of the SQLite library in use, for --version. */
const char *cx_store_sqlite_version(void);

#endif
