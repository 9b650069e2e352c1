/* rollup.h — private to src/store: keeping the hourly ticket rollups. */
#ifndef CXTOP_STORE_ROLLUP_H
#define CXTOP_STORE_ROLLUP_H

#include "store_internal.h"

/* Packs the hours writes have touched, when the store is writable, no
 * transaction is open on this connection and no other writer holds the
 * lock; otherwise does nothing (readers take such hours from the tickets).
 * Never fails: a rollup is a cache of the tickets, not data. */
void cx_rollup_refresh_if_idle(cx_store *st);

/* Packs every noted hour now; the caller holds the write transaction. */
int cx_rollup_pack_dirty(cx_store *st, cx_error *err);

#endif
