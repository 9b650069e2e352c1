/* test_store.c — opening, creating, versioning and guarding the store. */
#include "testutil.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "cxtop/store.h"

static bool exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* Runs SQL on a plain sqlite3 connection, as an outside tool would. */
static int raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open(path, &db);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

static cx_store *fresh(const char *name)
{
	cx_error err = {0};
	cx_store *st = cx_store_init(tu_tmp_path(name), &err);
	if (!st)
		fail_msg("init failed: %s", err.msg);
	return st;
}

static void init_creates_current_schema(void **state)
{
	cx_store *st = fresh("init.db");
	assert_int_equal(cx_store_schema_version(st), CX_SCHEMA_VERSION);
	assert_false(cx_store_read_only(st));
	char buf[32];
	assert_true(cx_store_setting(st, "returns_liability_bp", buf, sizeof buf));
	assert_string_equal(buf, "1000");
	assert_true(cx_store_setting(st, "currency", buf, sizeof buf));
	assert_string_equal(buf, "USD");
	assert_false(cx_store_setting(st, "no such key", buf, sizeof buf));
	cx_error err = {0};
	assert_true(cx_store_integrity_ok(st, &err));
	cx_store_close(st);
}

static void init_refuses_existing_file(void **state)
{
	const char *path = tu_tmp_path("exists.db");
	FILE *f = fopen(path, "w");
	fputs("precious", f);
	fclose(f);
	cx_error err = {0};
	assert_null(cx_store_init(path, &err));
	assert_non_null(strstr(err.msg, "already exists"));
	assert_int_equal(err.status, CX_EXIT_RUNTIME);
	/* Untouched. */
	f = fopen(path, "r");
	char buf[16] = {0};
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "precious");
}

static void init_in_missing_directory_leaves_nothing(void **state)
{
	const char *path = tu_tmp_path("no/such/dir/x.db");
	cx_error err = {0};
	assert_null(cx_store_init(path, &err));
	assert_non_null(strstr(err.msg, "x.db"));
	assert_false(exists(path));
}

static void open_missing_path_never_creates(void **state)
{
	const char *path = tu_tmp_path("missing.db");
	cx_error err = {0};
	assert_null(cx_store_open(path, CX_OPEN_READ_WRITE, &err));
	assert_non_null(strstr(err.msg, "missing.db"));
	assert_non_null(strstr(err.msg, "No such file"));
	assert_false(exists(path));
	assert_null(cx_store_open(path, CX_OPEN_READ_ONLY, &err));
	assert_false(exists(path));
}

static void open_non_database_fails_cleanly(void **state)
{
	const char *path = tu_tmp_path("notes.txt");
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 200; i++)
		fputs("this is not a database at all\n", f);
	fclose(f);
	cx_error err = {0};
	assert_null(cx_store_open(path, CX_OPEN_READ_WRITE, &err));
	assert_int_equal(strncmp(err.msg, "cannot open store '", 19), 0);
	assert_non_null(strstr(err.msg, "notes.txt"));
	assert_non_null(strstr(err.msg, "not an SQLite database"));
	assert_null(strchr(err.msg, '\n'));
	assert_int_equal(err.status, CX_EXIT_RUNTIME);
}

static void open_foreign_sqlite_file_is_not_a_store(void **state)
{
	const char *path = tu_tmp_path("other.db");
	assert_int_equal(raw_exec(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);"), SQLITE_OK);
	cx_error err = {0};
	assert_null(cx_store_open(path, CX_OPEN_READ_WRITE, &err));
	assert_non_null(strstr(err.msg, "not a cxtop store"));
	/* The foreign file is left as it was: no schema added. */
	assert_int_equal(raw_exec(path, "SELECT 1 FROM settings"), SQLITE_ERROR);
}

static void open_newer_store_is_refused(void **state)
{
	cx_store *st = fresh("future.db");
	cx_store_close(st);
	const char *path = tu_tmp_path("future.db");
	assert_int_equal(raw_exec(path, "PRAGMA user_version = 99"), SQLITE_OK);
	cx_error err = {0};
	assert_null(cx_store_open(path, CX_OPEN_READ_WRITE, &err));
	assert_non_null(strstr(err.msg, "99"));
	assert_non_null(strstr(err.msg, "newer"));
}

static void open_locked_store_reports_lock(void **state)
{
	cx_store *st = fresh("locked.db");
	cx_store_close(st);
	const char *path = tu_tmp_path("locked.db");
	sqlite3 *holder = NULL;
	assert_int_equal(sqlite3_open(path, &holder), SQLITE_OK);
	assert_int_equal(sqlite3_exec(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
					      "INSERT INTO costs (month, kind, amount) VALUES ('2022-01', 'other', 1);",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	cx_error err = {0};
	assert_null(cx_store_open(path, CX_OPEN_READ_WRITE, &err));
	assert_non_null(strstr(err.msg, "locked"));
	sqlite3_exec(holder, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(holder);
	/* Once released it opens, and the held write never happened. */
	st = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
	assert_non_null(st);
	cx_store_close(st);
}

static void read_only_cannot_write(void **state)
{
	cx_store *st = fresh("ro.db");
	cx_store_close(st);
	cx_error err = {0};
	st = cx_store_open(tu_tmp_path("ro.db"), CX_OPEN_READ_ONLY, &err);
	assert_non_null(st);
	assert_true(cx_store_read_only(st));
	assert_int_equal(cx_store_exec(st, "UPDATE settings SET value = '2000' WHERE key = 'returns_liability_bp'", &err),
			 -1);
	assert_non_null(strstr(err.msg, "readonly"));
	char buf[16];
	assert_true(cx_store_setting(st, "returns_liability_bp", buf, sizeof buf));
	assert_string_equal(buf, "1000");
	cx_store_close(st);
}

static void file_without_write_permission_opens_read_only(void **state)
{
	if (geteuid() == 0)
		skip(); /* root writes anyway */
	cx_store *st = fresh("perm.db");
	cx_store_close(st);
	const char *path = tu_tmp_path("perm.db");
	assert_int_equal(chmod(path, 0444), 0);
	cx_error err = {0};
	st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	assert_true(cx_store_read_only(st));
	cx_store_close(st);
}

static void data_version_moves_on_outside_write(void **state)
{
	cx_store *st = fresh("live.db");
	int64_t before = cx_store_data_version(st);
	assert_true(before >= 0);
	assert_int_equal(cx_store_data_version(st), before);
	assert_int_equal(raw_exec(tu_tmp_path("live.db"),
				  "INSERT INTO costs (month, kind, amount) VALUES ('2022-01', 'staff', 100)"),
			 SQLITE_OK);
	assert_true(cx_store_data_version(st) != before);
	cx_store_close(st);
}

/* A few good rows that the bad ones below lean on. */
static const char base_rows[] =
	"INSERT INTO agents (id, name, team, discount_code, monthly_cost, hired_on)"
	"  VALUES (1, 'Aino', 'Frontline', 'AINO10', 200000, '2021-01-04');"
	"INSERT INTO customers (id, name, email, created_at) VALUES (1, 'Matti', 'm@example.com', 1633046400);"
	"INSERT INTO campaigns (id, name, kind, channel, starts_on) VALUES (1, 'Welcome', 'upsell', 'email', '2022-02-01');"
	"INSERT INTO orders (id, customer_id, placed_at, amount, cogs, attribution) VALUES (1, 1, 1633046400, 5000, 2000, 'shop');"
	"INSERT INTO tickets (id, customer_id, agent_id, channel, topic, complexity, created_at, first_response_at,"
	"  resolved_at, status, csat, replies) VALUES (1, 1, 1, 'email', 'billing', 2, 1633046500, 1633046600, 1633046700, 'solved', 9, 1);";

static void good_rows_are_accepted(void **state)
{
	cx_store *st = fresh("good.db");
	cx_error err = {0};
	assert_int_equal(cx_store_exec(st, base_rows, &err), 0);
	assert_int_equal(cx_store_exec(st,
				       "INSERT INTO returns (order_id, kind, cost, created_at) VALUES (1, 'return', 6000, 1633046800);"
				       "INSERT INTO carrier_claims (carrier, tracking_no, order_id, kind, opened_on, filed_on,"
				       "  deadline_on, status, claimed, recovered, resolved_on)"
				       "  VALUES ('UPS', '1Z999', 1, 'lost', '2022-01-03', '2022-01-04', '2022-03-04', 'paid',"
				       "  5000, 4000, '2022-02-01');"
				       "INSERT INTO renewals (customer_id, due_on, amount, failed_on) VALUES (1, '2022-01-15', 11900, '2022-01-15');"
				       "INSERT INTO costs (month, kind, amount) VALUES ('2022-01', 'platform', 120000);"
				       "INSERT INTO campaign_contacts (campaign_id, customer_id, contacted_at, responded, order_id)"
				       "  VALUES (1, 1, 1633046500, 1, 1);",
				       &err),
			 0);
	cx_store_close(st);
}

/* Each statement must be refused by a CHECK or a foreign key. */
static const char *const bad_rows[] = {
	/* agents */
	"INSERT INTO agents (name, team, hired_on) VALUES ('  ', 'T', '2021-01-01')",
	"INSERT INTO agents (name, team, hired_on) VALUES ('A', 'T', '2021-02-30')",
	"INSERT INTO agents (name, team, hired_on, left_on) VALUES ('A', 'T', '2021-02-01', '2021-01-01')",
	"INSERT INTO agents (name, team, hired_on, monthly_cost) VALUES ('A', 'T', '2021-02-01', -5)",
	"INSERT INTO agents (name, team, hired_on, monthly_cost) VALUES ('A', 'T', '2021-02-01', 12.5)",
	"INSERT INTO agents (name, team, hired_on, discount_code) VALUES ('B', 'T', '2021-02-01', 'AINO10')",
	/* customers */
	"INSERT INTO customers (name, created_at, satisfaction) VALUES ('C', 1633046401, 11)",
	"INSERT INTO customers (name, created_at, satisfaction) VALUES ('C', 1633046401, 0)",
	"INSERT INTO customers (name, created_at, blacklisted) VALUES ('C', 1633046401, 2)",
	"INSERT INTO customers (name, created_at, email) VALUES ('C', 1633046401, 'not-an-email')",
	/* tickets */
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (99, 'email', 't', 1, 1633046401, 'new')",
	"INSERT INTO tickets (customer_id, agent_id, channel, topic, complexity, created_at, status) VALUES (1, 99, 'email', 't', 1, 1633046401, 'new')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'fax', 't', 1, 1633046401, 'new')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 4, 1633046401, 'new')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 1, 1633046401, 'lost')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, first_response_at, status) VALUES (1, 'email', 't', 1, 1633046500, 1633046450, 'open')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, 1633046450, 'solved')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 1, 1633046500, 'solved')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, 1633046600, 'open')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status, csat) VALUES (1, 'email', 't', 1, 1633046500, 'new', 11)",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status, replies) VALUES (1, 'email', 't', 1, 1633046500, 'new', 2)",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 1, '2022-01-01', 'new')",
	/* ... and what only the guards (schema 6) refuse */
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status, csat) VALUES (1, 'email', 't', 1, 1633046400, 'new', 9.5)",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 1.5, 1633046400, 'new')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 1, 37500000000, 'new')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, status) VALUES (1, 'email', 't', 1, 100, 'new')",
	"UPDATE orders SET amount = 100000000001 WHERE id = 1",
	"DELETE FROM agents WHERE id = 1",
	/* ... and the first resolution's rules (schema 7) */
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, resolved_at, first_resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, 1633046600, 1633046700, 'solved')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, resolved_at, first_resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, 1633046600, 1633046400, 'solved')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, first_resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, 37500000000, 'open')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, first_resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, '2022-01-01', 'open')",
	"INSERT INTO tickets (customer_id, channel, topic, complexity, created_at, first_resolved_at, status) VALUES (1, 'email', 't', 1, 1633046500, 1633046600.5, 'open')",
	"UPDATE tickets SET first_resolved_at = 1633046701 WHERE id = 1",
	"UPDATE tickets SET resolved_at = 1633046650 WHERE id = 1", /* before its first resolution */
	/* orders */
	"INSERT INTO orders (customer_id, placed_at, amount, attribution) VALUES (1, 1633046401, -1, 'shop')",
	"INSERT INTO orders (customer_id, placed_at, amount, attribution) VALUES (1, 1633046401, 19.99, 'shop')",
	"INSERT INTO orders (customer_id, placed_at, amount, attribution) VALUES (1, 1633046401, 100, 'gift')",
	"INSERT INTO orders (customer_id, placed_at, amount, attribution) VALUES (1, 1633046401, 100, 'upsell')",
	"INSERT INTO orders (customer_id, placed_at, amount, attribution) VALUES (1, 1633046401, 100, 'discount_code')",
	"INSERT INTO orders (customer_id, placed_at, amount, attribution, discount_code) VALUES (1, 1633046401, 100, 'discount_code', 'NOPE')",
	"INSERT INTO orders (customer_id, placed_at, amount, attribution, campaign_id) VALUES (1, 1633046401, 100, 'upsell', 42)",
	/* returns */
	"INSERT INTO returns (order_id, kind, cost, created_at) VALUES (42, 'return', 100, 1633046401)",
	"INSERT INTO returns (order_id, kind, cost, created_at) VALUES (1, 'refund', 100, 1633046401)",
	"INSERT INTO returns (order_id, kind, cost, created_at) VALUES (1, 'return', -100, 1633046401)",
	/* campaigns */
	"INSERT INTO campaigns (name, kind, channel, starts_on) VALUES ('Welcome', 'upsell', 'email', '2022-02-01')",
	"INSERT INTO campaigns (name, kind, channel, starts_on) VALUES ('X', 'lottery', 'email', '2022-02-01')",
	"INSERT INTO campaigns (name, kind, channel, starts_on, ends_on) VALUES ('X', 'upsell', 'email', '2022-02-01', '2022-01-01')",
	"INSERT INTO campaigns (name, kind, channel, starts_on, target_rate_bp) VALUES ('X', 'upsell', 'email', '2022-02-01', 10001)",
	"INSERT INTO campaigns (name, kind, channel, starts_on, renewal_day) VALUES ('X', 'winback', 'email', '2022-02-01', 31)",
	"INSERT INTO campaigns (name, kind, channel, starts_on, cost_per_contact) VALUES ('X', 'upsell', 'email', '2022-02-01', 1.5)",
	/* campaign contacts */
	"INSERT INTO campaign_contacts (campaign_id, customer_id, contacted_at) VALUES (7, 1, 1633046401)",
	"INSERT INTO campaign_contacts (campaign_id, customer_id, contacted_at, responded, order_id) VALUES (1, 1, 1633046401, 0, 1)",
	/* renewals */
	"INSERT INTO renewals (customer_id, due_on, amount, failed_on) VALUES (1, '2022-01-15', 100, '2022-01-14')",
	"INSERT INTO renewals (customer_id, due_on, amount, failed_on, recovered_by) VALUES (1, '2022-01-15', 100, '2022-01-15', 'support')",
	"INSERT INTO renewals (customer_id, due_on, amount, failed_on, recovered_by, recovered_on) VALUES (1, '2022-01-15', 100, '2022-01-15', 'magic', '2022-01-20')",
	"INSERT INTO renewals (customer_id, due_on, amount, failed_on, recovered_by, recovered_on) VALUES (1, '2022-01-15', 100, '2022-01-15', 'support', '2022-01-28')",
	/* carrier claims */
	"INSERT INTO carrier_claims (carrier, tracking_no, kind, opened_on, deadline_on, status, claimed) VALUES ('UPS', 'a', 'stolen', '2022-01-01', '2022-02-01', 'draft', 1)",
	"INSERT INTO carrier_claims (carrier, tracking_no, kind, opened_on, deadline_on, status, claimed) VALUES ('UPS', 'a', 'lost', '2022-01-01', '2022-02-01', 'filed', 1)",
	"INSERT INTO carrier_claims (carrier, tracking_no, kind, opened_on, deadline_on, status, claimed, recovered) VALUES ('UPS', 'a', 'lost', '2022-01-01', '2022-02-01', 'draft', 10, 5)",
	"INSERT INTO carrier_claims (carrier, tracking_no, kind, opened_on, filed_on, deadline_on, status, claimed) VALUES ('UPS', 'a', 'lost', '2022-01-01', '2022-01-02', '2022-02-01', 'denied', 1)",
	"INSERT INTO carrier_claims (carrier, tracking_no, kind, opened_on, deadline_on, status, claimed, order_id) VALUES ('UPS', 'a', 'lost', '2022-01-01', '2022-02-01', 'draft', 1, 77)",
	/* costs */
	"INSERT INTO costs (month, kind, amount) VALUES ('2022-13', 'staff', 1)",
	"INSERT INTO costs (month, kind, amount) VALUES ('2022-01', 'coffee', 1)",
	"INSERT INTO costs (month, kind, amount) VALUES ('2022-01', 'staff', -1)",
	/* settings */
	"UPDATE settings SET value = '10001' WHERE key = 'returns_liability_bp'",
	"UPDATE settings SET value = '10.5' WHERE key = 'returns_liability_bp'",
	"UPDATE settings SET value = '-1' WHERE key = 'returns_liability_bp'",
	"UPDATE settings SET value = 'usd' WHERE key = 'currency'",
	/* notification channels */
	"INSERT INTO notify_channels (name, currency, cost_min, cost_max, buyout_min_bp, buyout_max_bp) VALUES ('x', 'RUB', 100, 50, 0, 10)",
	"INSERT INTO notify_channels (name, currency, buyout_min_bp, buyout_max_bp) VALUES ('x', 'RUB', 300, 200)",
};

static void every_check_and_foreign_key_refuses_bad_rows(void **state)
{
	cx_store *st = fresh("bad.db");
	cx_error err = {0};
	assert_int_equal(cx_store_exec(st, base_rows, &err), 0);
	int accepted = 0;
	for (size_t i = 0; i < sizeof bad_rows / sizeof bad_rows[0]; i++) {
		if (cx_store_exec(st, bad_rows[i], &err) == 0) {
			print_error("accepted a bad row: %s\n", bad_rows[i]);
			accepted++;
		}
	}
	/* And the store holds exactly the good rows it had. */
	cx_store_counts n;
	int rc = cx_store_counts_get(st, &n, &err);
	cx_store_close(st);
	assert_int_equal(accepted, 0);
	assert_int_equal(rc, 0);
	assert_int_equal(n.agents, 1);
	assert_int_equal(n.tickets, 1);
	assert_int_equal(n.orders, 1);
	assert_int_equal(n.returns, 0);
	assert_int_equal(n.claims, 0);
}

/* One integer from a plain sqlite3 connection (-1 for NULL). */
static int64_t raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int64_t v = -2;
	if (sqlite3_open(path, &db) == SQLITE_OK && sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_type(s, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* The first resolution, by the triggers, whoever writes: filled when a
 * ticket is first solved, kept through reopening and solving again and
 * through a write of NULL; a value given is taken, within the rules. */
static void first_resolution_is_filled_and_kept(void **state)
{
	cx_store *st = fresh("first.db");
	cx_error err = {0};
	assert_int_equal(cx_store_exec(st, base_rows, &err), 0);
	cx_store_close(st);
	const char *path = tu_tmp_path("first.db");
#define FIRST(id) raw_int(path, "SELECT first_resolved_at FROM tickets WHERE id = " #id)
	assert_int_equal(FIRST(1), 1633046700); /* inserted solved */
	assert_int_equal(raw_exec(path, "UPDATE tickets SET status = 'open', resolved_at = NULL, reopened = 1 WHERE id = 1"),
			 SQLITE_OK);
	assert_int_equal(FIRST(1), 1633046700);
	assert_int_equal(raw_exec(path, "UPDATE tickets SET status = 'solved', resolved_at = 1633133100 WHERE id = 1"),
			 SQLITE_OK);
	assert_int_equal(FIRST(1), 1633046700);
	assert_int_equal(raw_int(path, "SELECT resolved_at FROM tickets WHERE id = 1"), 1633133100);
	assert_int_equal(raw_exec(path, "UPDATE tickets SET first_resolved_at = NULL WHERE id = 1"), SQLITE_OK);
	assert_int_equal(FIRST(1), 1633046700);
	/* A help desk's own figure (earlier, still after created_at). */
	assert_int_equal(raw_exec(path, "UPDATE tickets SET first_resolved_at = 1633046650 WHERE id = 1"), SQLITE_OK);
	assert_int_equal(FIRST(1), 1633046650);
	/* Inserted open, solved later; inserted with its own. */
	assert_int_equal(raw_exec(path, "INSERT INTO tickets (id, customer_id, channel, topic, complexity, created_at, status)"
					" VALUES (2, 1, 'chat', 't', 1, 1633046500, 'new')"),
			 SQLITE_OK);
	assert_int_equal(FIRST(2), -1);
	assert_int_equal(raw_exec(path, "UPDATE tickets SET status = 'solved', resolved_at = 1633047000 WHERE id = 2"),
			 SQLITE_OK);
	assert_int_equal(FIRST(2), 1633047000);
	assert_int_equal(raw_exec(path, "INSERT INTO tickets (id, customer_id, channel, topic, complexity, created_at,"
					" resolved_at, first_resolved_at, status, reopened)"
					" VALUES (3, 1, 'chat', 't', 1, 1633046500, 1633140000, 1633047000, 'closed', 1)"),
			 SQLITE_OK);
	assert_int_equal(FIRST(3), 1633047000);
#undef FIRST
	/* The rollups saw every write. */
	st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	assert_non_null(st);
	cx_rollup_check chk;
	assert_int_equal(cx_store_rollup_check(st, false, &chk, &err), 0);
	assert_int_equal(chk.wrong + chk.missing + chk.extra + chk.triggers, 0);
	cx_store_close(st);
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(init_creates_current_schema),
		cmocka_unit_test(init_refuses_existing_file),
		cmocka_unit_test(init_in_missing_directory_leaves_nothing),
		cmocka_unit_test(open_missing_path_never_creates),
		cmocka_unit_test(open_non_database_fails_cleanly),
		cmocka_unit_test(open_foreign_sqlite_file_is_not_a_store),
		cmocka_unit_test(open_newer_store_is_refused),
		cmocka_unit_test(open_locked_store_reports_lock),
		cmocka_unit_test(read_only_cannot_write),
		cmocka_unit_test(file_without_write_permission_opens_read_only),
		cmocka_unit_test(data_version_moves_on_outside_write),
		cmocka_unit_test(good_rows_are_accepted),
		cmocka_unit_test(every_check_and_foreign_key_refuses_bad_rows),
		cmocka_unit_test(first_resolution_is_filled_and_kept),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, teardown_all);
}
