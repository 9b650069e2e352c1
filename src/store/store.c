/* store.c — opening, creating and migrating a store.
 *
 * Every connection gets the same pragmas: foreign keys on, and a busy
 * timeout so a writer in another process makes us wait a moment instead of
 * failing.  Stores made by cxtop init are in WAL mode, so that the UI keeps
 * reading while an import or a sqlite3 shell writes.  Errors are turned into one line naming the file and the cause.
 */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cxtop/file.h"
#include "schema.h"
#include "ticket_facts.h"

/* Damage SQLite met anywhere in this process: it logs every SQLITE_CORRUPT
 * as it finds it, whether or not the query that met it passes the error
 * on.  Each store remembers the count at its open (cx_store_damage). */
static unsigned long damage_seen;

static void log_damage(void *unused, int code, const char *msg)
{
	(void)unused;
	(void)msg;
	if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB)
		damage_seen++;
}

/* Before SQLite's first use only (sqlite3_config says so); when something
 * else started SQLite first, the queries' own errors still tell. */
static void watch_for_damage(void)
{
	static bool done;
	if (!done) {
		done = true;
		sqlite3_config(SQLITE_CONFIG_LOG, log_damage, NULL);
	}
}


#define DAMAGED "store '%s' is damaged: part of it cannot be read (cxtop check lists what; restore a backup)"

/* Turns an SQLite result code into the words a manager can act on. */
static const char *why(sqlite3 *db, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
		return "file is not an SQLite database";
	case SQLITE_CORRUPT:
		return "database file is corrupt";
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "store is locked by another process (try again when it is done)";
	case SQLITE_READONLY:
		return "store is read-only";
	case SQLITE_CANTOPEN:
		return "cannot open the file";
	case SQLITE_FULL:
		return "disk is full";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "permission denied";
	default:
		return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
	}
}

int cx_store_sql_fail(cx_store *st, cx_error *err, int rc, const char *doing)
{
	if ((rc & 0xff) == SQLITE_CORRUPT)
		return cx_fail(err, CX_EXIT_RUNTIME, DAMAGED, st->path);
	return cx_fail(err, CX_EXIT_RUNTIME, "%s '%s': %s", doing, st->path, why(st->db, rc));
}

int cx_store_damage(cx_store *st, cx_error *err)
{
	if (damage_seen == st->damage_at_open)
		return 0;
	return cx_fail(err, CX_EXIT_RUNTIME, DAMAGED, st->path);
}

static int exec(cx_store *st, const char *sql, const char *doing, cx_error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, doing);
	return 0;
}

int cx_store_read_begin(cx_store *st, cx_error *err)
{
	return exec(st, "BEGIN", "cannot read store", err);
}

void cx_store_read_end(cx_store *st)
{
	/* Reads only: nothing to keep or lose whichever way it ends. */
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

int cx_store_exec(cx_store *st, const char *sql, cx_error *err)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return cx_fail(err, CX_EXIT_RUNTIME, "store '%s': %s", st->path, sqlite3_errmsg(st->db));
	return 0;
}

/* One integer from a one-row query; rc is returned through *rcp. */
static int64_t query_int(cx_store *st, const char *sql, int *rcp)
{
	sqlite3_stmt *s = NULL;
	int64_t v = 0;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			v = sqlite3_column_int64(s, 0);
			rc = SQLITE_OK;
		} else if (rc == SQLITE_DONE) {
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(s);
	if (rcp)
		*rcp = rc;
	return v;
}

static cx_store *store_new(const char *path)
{
	cx_store *st = calloc(1, sizeof *st);
	if (!st)
		return NULL;
	st->path = strdup(path);
	if (!st->path) {
		free(st);
		return NULL;
	}
	return st;
}

void cx_store_close(cx_store *st)
{
	if (!st)
		return;
	sqlite3_finalize(st->data_version_stmt);
	cx_q_cache_clear(st);
	cx_fact_cache_free(st);
	cx_store_clock_free(st);
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}

/* Before version 6's guards (checked before the first step of any upgrade
 * that reaches them): a store that already holds rows they refuse is not
 * upgraded (the triggers would not remove them, and every later
 * write near them would fail); the first rule broken is named, with how
 * many rows and the SQL that lists them. */
static int guard_precheck(cx_store *st, cx_error *err)
{
	const struct cx_guard *g;
	size_t n = cx_schema_guards(6, &g);
	for (size_t i = 0; i < n; i++) {
		char *count = cx_schema_guard_query(&g[i], true);
		int rc;
		int64_t bad = query_int(st, count, &rc);
		free(count);
		if (rc != SQLITE_OK)
			return cx_store_sql_fail(st, err, rc, "cannot upgrade store");
		if (bad > 0) {
			char *list = cx_schema_guard_query(&g[i], false);
			cx_fail(err, CX_EXIT_RUNTIME,
				"cannot upgrade store '%s' to schema 6: %lld row%s of %s: %s; fix or delete %s, then open it again"
				" (they are: %s)",
				st->path, (long long)bad, bad == 1 ? "" : "s", g[i].table, g[i].message, bad == 1 ? "it" : "them",
				list);
			free(list);
			return -1;
		}
	}
	return 0;
}

/* Brings a store from its version up to CX_SCHEMA_VERSION, one step per
 * transaction, so a failure leaves it at a consistent earlier version. */
static int migrate(cx_store *st, int from, cx_error *err)
{
	for (int v = from; v < CX_SCHEMA_VERSION; v++) {
		const char *sql = cx_schema_migration(v);
		char bump[64];
		if (!sql)
			return cx_fail(err, CX_EXIT_RUNTIME, "store '%s': no migration from schema version %d",
				       st->path, v);
		if (exec(st, "BEGIN IMMEDIATE", "cannot upgrade store", err) < 0)
			return -1;
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		/* The guards' rules read columns every version has: a bad row is
		 * named before any step, whatever the store's version (a new one,
		 * version 0, has no tables yet and no rows). */
		if ((v == from && v > 0 && v < 6 && guard_precheck(st, err) < 0) || exec(st, sql, "cannot upgrade store", err) < 0 ||
		    exec(st, bump, "cannot upgrade store", err) < 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
		if (exec(st, "COMMIT", "cannot upgrade store", err) < 0) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return -1;
		}
	}
	return 0;
}

static int connect(cx_store *st, const char *name, int flags, cx_error *err)
{
	watch_for_damage();
	int rc = sqlite3_open_v2(name, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, "cannot open store");
	sqlite3_extended_result_codes(st->db, 0);
	sqlite3_busy_timeout(st->db, CX_STORE_BUSY_TIMEOUT_MS);
	st->damage_at_open = damage_seen;
	return exec(st, "PRAGMA foreign_keys = ON", "cannot open store", err);
}

/* "file:" and path, percent-encoded, with a query: an SQLite URI. */
static char *uri_of(const char *path, const char *query)
{
	size_t n = strlen(path);
	char *u = malloc(5 + 3 * n + 1 + strlen(query) + 1);
	if (!u)
		return NULL;
	char *o = u + sprintf(u, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	sprintf(o, "?%s", query);
	return u;
}

/* True when this process may create files beside path (its directory) and
 * write path itself. */
static bool can_write_beside(const char *path)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	return access(dir, W_OK) == 0 && access(path, W_OK) == 0;
}

/* True when path-suffix exists (a long name counts as existing). */
static bool beside(const char *path, const char *suffix)
{
	char name[4096];
	return snprintf(name, sizeof name, "%s%s", path, suffix) >= (int)sizeof name || access(name, F_OK) == 0;
}

/* Opens the connection for mode.  A WAL store (header bytes 18-19 are 2)
 * opened read-only without a -wal file beside it, that is, with no other
 * connection open:
 * - where cxtop may write beside it, it opens read-write with query_only
 *   set: the -wal and -shm files SQLite makes are then removed at close
 *   (a read-only connection cannot, and would leave them behind), and the
 *   store's bytes are not touched (an empty log has nothing to copy; a
 *   writer that comes meanwhile is checkpointed at close, as SQLite does
 *   for the last connection to any WAL store);
 * - where it may not (a read-only directory or file), SQLite cannot make
 *   the -shm file a read-only connection needs: the store is read as
 *   immutable, as it is at that moment, which nothing can change without
 *   such a -wal file. */
static int connect_mode(cx_store *st, enum cx_open_mode mode, const unsigned char *head, cx_error *err)
{
	bool is_wal = head[18] == 2 && head[19] == 2;
	if (mode == CX_OPEN_READ_WRITE || !is_wal || beside(st->path, "-wal"))
		return connect(st, st->path, mode == CX_OPEN_READ_ONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
			       err);
	if (can_write_beside(st->path)) {
		if (connect(st, st->path, SQLITE_OPEN_READWRITE, err) < 0)
			return -1;
		return exec(st, "PRAGMA query_only = ON", "cannot open store", err);
	}
	char *uri = uri_of(st->path, "immutable=1");
	if (!uri)
		return cx_fail(err, CX_EXIT_RUNTIME, "cannot open store '%s': out of memory", st->path);
	int rc = connect(st, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err);
	free(uri);
	return rc;
}

cx_store *cx_store_open(const char *path, enum cx_open_mode mode, cx_error *err)
{
	/* A regular file only: SQLite would wait for ever on a FIFO.  The
	 * header's first bytes say whether it is a WAL store. */
	const char *no;
	int fd = cx_open_regular(path, &no);
	if (fd < 0) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot open store '%s': %s%s", path, no,
			errno == ENOENT ? " (create one with: cxtop init FILE)" : "");
		return NULL;
	}
	unsigned char head[20] = {0};
	if (read(fd, head, sizeof head) < 0)
		memset(head, 0, sizeof head);
	close(fd);

	cx_store *st = store_new(path);
	if (!st) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot open store '%s': out of memory", path);
		return NULL;
	}
	/* Changes still in a -wal file, where a -shm file cannot be made:
	 * SQLite cannot read them, and its "cannot open" would not say why. */
	bool stuck = mode == CX_OPEN_READ_ONLY && head[18] == 2 && beside(path, "-wal") && !beside(path, "-shm") &&
		     !can_write_beside(path);
	if (connect_mode(st, mode, head, err) < 0)
		goto fail_stuck;
	/* A file without write permission opens read-only: treat it so. */
	st->read_only = mode == CX_OPEN_READ_ONLY || sqlite3_db_readonly(st->db, "main") == 1;

	/* The first read of the header is where a non-database or a locked
	 * store shows itself. */
	int rc;
	int version = (int)query_int(st, "PRAGMA user_version", &rc);
	if (rc != SQLITE_OK && stuck)
		goto fail_stuck;
	if (rc != SQLITE_OK) {
		cx_store_sql_fail(st, err, rc, "cannot open store");
		goto fail;
	}
	int64_t tables = query_int(st, "SELECT count(*) FROM sqlite_schema WHERE name = 'settings'", &rc);
	if (rc != SQLITE_OK) {
		cx_store_sql_fail(st, err, rc, "cannot open store");
		goto fail;
	}
	if (version == 0 || tables == 0) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot open store '%s': not a cxtop store (create one with: cxtop init FILE)",
			path);
		goto fail;
	}
	if (version > CX_SCHEMA_VERSION) {
		cx_fail(err, CX_EXIT_RUNTIME,
			"cannot open store '%s': schema version %d is newer than this cxtop understands (%d); upgrade cxtop",
			path, version, CX_SCHEMA_VERSION);
		goto fail;
	}
	if (version < CX_SCHEMA_VERSION) {
		if (st->read_only) {
			cx_fail(err, CX_EXIT_RUNTIME,
				"cannot open store '%s': schema version %d needs an upgrade, which a read-only store cannot take (open it once for writing: cxtop FILE, or cxtop import)",
				path, version);
			goto fail;
		}
		if (migrate(st, version, err) < 0)
			goto fail;
		/* Schema 4 notes every hour of an upgraded store for packing:
		 * do it now, while the user expects the upgrade to take time. */
		if (cx_store_rollup_refresh(st, err) < 0)
			goto fail;
	}
	/* The journal mode is the store's own (cxtop init makes WAL stores):
	 * opening a file never changes it, so looking at a store - the
	 * committed sample among them - leaves it byte for byte as it was. */
	return st;
fail_stuck:
	if (stuck)
		cx_fail(err, CX_EXIT_RUNTIME,
			"cannot read store '%s': its latest changes are in '%s-wal', and reading them needs a '%s-shm' "
			"file that cannot be created in a read-only place (open the store once for writing, or copy it "
			"with its -wal file somewhere writable)",
			path, path, path);
fail:
	cx_store_close(st);
	return NULL;
}

cx_store *cx_store_init(const char *path, cx_error *err)
{
	/* Claim the name atomically: init never overwrites anything. */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0) {
		cx_fail(err, CX_EXIT_RUNTIME, "cannot create store '%s': %s", path,
			errno == EEXIST ? "file already exists" : strerror(errno));
		return NULL;
	}
	close(fd);

	cx_store *st = store_new(path);
	if (!st) {
		unlink(path);
		cx_fail(err, CX_EXIT_RUNTIME, "cannot create store '%s': out of memory", path);
		return NULL;
	}
	if (connect(st, path, SQLITE_OPEN_READWRITE, err) < 0 || migrate(st, 0, err) < 0 ||
	    exec(st, "PRAGMA journal_mode = WAL", "cannot create store", err) < 0) {
		cx_store_close(st);
		unlink(path);
		return NULL;
	}
	return st;
}

const char *cx_store_path(const cx_store *st)
{
	return st->path;
}

bool cx_store_read_only(const cx_store *st)
{
	return st->read_only;
}

int cx_store_schema_version(cx_store *st)
{
	return (int)query_int(st, "PRAGMA user_version", NULL);
}

int64_t cx_store_data_version(cx_store *st)
{
	if (!st->data_version_stmt &&
	    sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &st->data_version_stmt, NULL) != SQLITE_OK)
		return -1;
	int64_t v = -1;
	if (sqlite3_step(st->data_version_stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(st->data_version_stmt, 0);
	sqlite3_reset(st->data_version_stmt);
	return v;
}

bool cx_store_setting(cx_store *st, const char *key, char *buf, size_t len)
{
	sqlite3_stmt *s = NULL;
	bool found = false;
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM settings WHERE key = ?", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW && len > 0) {
			const unsigned char *v = sqlite3_column_text(s, 0);
			snprintf(buf, len, "%s", v ? (const char *)v : "");
			found = true;
		}
	}
	sqlite3_finalize(s);
	return found;
}

bool cx_store_integrity_ok(cx_store *st, cx_error *err)
{
	sqlite3_stmt *s = NULL;
	bool ok = false;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(s, 0);
		ok = v && strcmp((const char *)v, "ok") == 0;
		if (!ok)
			cx_fail(err, CX_EXIT_RUNTIME, "store '%s' failed its integrity check: %s", st->path,
				v ? (const char *)v : "?");
	} else {
		cx_store_sql_fail(st, err, rc, "cannot check store");
	}
	sqlite3_finalize(s);
	return ok;
}

int cx_store_counts_get(cx_store *st, cx_store_counts *out, cx_error *err)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM agents), (SELECT count(*) FROM customers),"
		" (SELECT count(*) FROM tickets), (SELECT count(*) FROM orders),"
		" (SELECT count(*) FROM returns), (SELECT count(*) FROM campaigns),"
		" (SELECT count(*) FROM campaign_contacts), (SELECT count(*) FROM renewals),"
		" (SELECT count(*) FROM carrier_claims),"
		" (SELECT coalesce(min(created_at), 0) FROM tickets),"
		" (SELECT coalesce(max(created_at), 0) FROM tickets)";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t *f[] = {&out->agents,   &out->customers, &out->tickets,
				&out->orders,   &out->returns,   &out->campaigns,
				&out->contacts, &out->renewals,  &out->claims,
				&out->first_ticket_at, &out->last_ticket_at};
		for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++)
			*f[i] = sqlite3_column_int64(s, i);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return cx_store_sql_fail(st, err, rc, "cannot read store");
	return 0;
}

const char *cx_store_sqlite_version(void)
{
	return sqlite3_libversion();
}
