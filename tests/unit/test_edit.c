/* test_edit.c — campaign rules, audited saves, undo, concurrent changes and
 * read-only refusal, on a temp copy of sample.db. */
#include "testutil.h"

#include <sqlite3.h>

#include "cxtop/campaign.h"
#include "cxtop/parse.h"
#include "cxtop/store.h"

static cx_store *st;
static const char *path;

static int setup(void **state)
{
	path = tu_tmp_path("edit.db");
	unlink(path);
	tu_copy("sample.db", path);
	/* The sample's trail holds the load of its schedules: these tests
	 * count the rows an edit writes, so they start from an empty trail
	 * (the load and undo meet in undo_passes_over_a_schedules_load). */
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("cannot empty the trail of %s", path);
	sqlite3_close(db);
	cx_error err = {0};
	st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	if (!st)
		fail_msg("%s", err.msg);
	return 0;
}

/* The sample as shipped, its schedules load on the trail. */
static int setup_as_shipped(void **state)
{
	path = tu_tmp_path("edit.db");
	unlink(path);
	tu_copy("sample.db", path);
	cx_error err = {0};
	st = cx_store_open(path, CX_OPEN_READ_WRITE, &err);
	if (!st)
		fail_msg("%s", err.msg);
	return 0;
}

static int teardown(void **state)
{
	cx_store_close(st);
	return 0;
}

static int64_t count(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int64_t v = -1;
	sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

/* ---- the rules, good and bad values ---------------------------------------- */

static void rules_accept_good_values(void **state)
{
	cx_campaign c;
	cx_campaign_defaults(&c, "2022-02-01");
	assert_null(cx_campaign_set_text(&c, CX_CF_NAME, "  Spring welcome  "));
	assert_string_equal(c.name, "Spring welcome");
	assert_null(cx_campaign_set_text(&c, CX_CF_KIND, "winback"));
	assert_null(cx_campaign_set_text(&c, CX_CF_CHANNEL, "sms"));
	assert_null(cx_campaign_set_text(&c, CX_CF_STARTS, "2024-02-29"));
	assert_null(cx_campaign_set_text(&c, CX_CF_ENDS, ""));
	assert_null(cx_campaign_set_text(&c, CX_CF_COST, "1.5"));
	assert_int_equal(c.cost_per_contact, 150);
	assert_null(cx_campaign_set_text(&c, CX_CF_TARGET, "23.05"));
	assert_int_equal(c.target_rate_bp, 2305);
	assert_null(cx_campaign_set_text(&c, CX_CF_DISCOUNT, "100"));
	assert_null(cx_campaign_set_text(&c, CX_CF_RENEWAL_DAY, "15"));
	assert_null(cx_campaign_set_text(&c, CX_CF_DUNNING_DAYS, "12"));
	assert_null(cx_campaign_set_text(&c, CX_CF_HANDOFF_DAY, "27"));
	enum cx_campaign_field f;
	assert_null(cx_campaign_check(&c, &f));
	char buf[64];
	cx_campaign_get_text(&c, CX_CF_COST, buf, sizeof buf);
	assert_string_equal(buf, "1.50");
	cx_campaign_get_text(&c, CX_CF_TARGET, buf, sizeof buf);
	assert_string_equal(buf, "23.05");
	/* The largest cost the form takes shows as it reads back: a save, a
	 * re-save and an undo of it all go through. */
	assert_null(cx_campaign_set_text(&c, CX_CF_COST, "1000000000"));
	assert_int_equal(c.cost_per_contact, CX_MONEY_MAX);
	cx_campaign_get_text(&c, CX_CF_COST, buf, sizeof buf);
	assert_string_equal(buf, "1000000000.00");
	assert_null(cx_campaign_set_text(&c, CX_CF_COST, buf));
	assert_int_equal(c.cost_per_contact, CX_MONEY_MAX);
	/* One cent more is refused with the limit in the message. */
	assert_string_equal(cx_campaign_set_text(&c, CX_CF_COST, "1000000000.01"), "at most 1000000000.00");
	assert_string_equal(cx_campaign_set_text(&c, CX_CF_COST, "1.005"), "an amount >= 0, at most 2 decimals");
}

static void rules_refuse_bad_values(void **state)
{
	static const struct {
		enum cx_campaign_field f;
		const char *text;
	} bad[] = {
		{CX_CF_NAME, ""},          {CX_CF_NAME, "   "},           {CX_CF_KIND, "lottery"},
		{CX_CF_CHANNEL, "fax"},    {CX_CF_STARTS, "2022-02-30"}, {CX_CF_STARTS, ""},
		{CX_CF_ENDS, "2022-13-01"}, {CX_CF_COST, "-1"},           {CX_CF_COST, "1.005"},
		{CX_CF_COST, "abc"},       {CX_CF_COST, "1,50"},          {CX_CF_TARGET, "101"},
		{CX_CF_TARGET, "-5"},      {CX_CF_DISCOUNT, "12.345"},    {CX_CF_RENEWAL_DAY, "29"},
		{CX_CF_RENEWAL_DAY, "0"},  {CX_CF_DUNNING_DAYS, "61"},    {CX_CF_HANDOFF_DAY, "31"},
		{CX_CF_COST, "1000000000.01"}, {CX_CF_COST, "10000000000001"}, {CX_CF_COST, "10000000000001.00"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cx_campaign c, before;
		cx_campaign_defaults(&c, "2022-02-01");
		snprintf(c.name, sizeof c.name, "x");
		before = c;
		const char *why = cx_campaign_set_text(&c, bad[i].f, bad[i].text);
		if (!why)
			fail_msg("accepted %s = '%s'", cx_campaign_label(bad[i].f), bad[i].text);
		assert_memory_equal(&c, &before, sizeof c); /* unchanged */
	}
}

static void rules_across_fields(void **state)
{
	cx_campaign c;
	enum cx_campaign_field f;
	cx_campaign_defaults(&c, "2022-02-01");
	snprintf(c.name, sizeof c.name, "x");
	assert_null(cx_campaign_set_text(&c, CX_CF_ENDS, "2022-01-31"));
	assert_non_null(cx_campaign_check(&c, &f));
	assert_int_equal(f, CX_CF_ENDS);
	assert_null(cx_campaign_set_text(&c, CX_CF_ENDS, "2022-02-01"));
	assert_null(cx_campaign_check(&c, &f));
	c.renewal_day = 15;
	c.dunning_days = 12;
	c.handoff_day = 20;
	assert_non_null(cx_campaign_check(&c, &f));
	assert_int_equal(f, CX_CF_DUNNING_DAYS);
	c.handoff_day = 10;
	assert_non_null(cx_campaign_check(&c, &f));
	assert_int_equal(f, CX_CF_HANDOFF_DAY);
}

/* ---- saving, the audit trail, undo -------------------------------------------- */

static void save_writes_the_change_and_its_audit(void **state)
{
	cx_error err = {0};
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(st, 4, &before, &err), 0);
	assert_string_equal(before.name, "Welcome upsell — Feb 2022");
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_COST, "1.75"));
	assert_null(cx_campaign_set_text(&after, CX_CF_TARGET, "25"));
	assert_int_equal(cx_store_campaign_save(st, &before, &after, "tester", &err), 0);
	assert_int_equal(count("SELECT cost_per_contact FROM campaigns WHERE id = 4"), 175);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE entity = 'campaigns' AND row_id = '4'"), 2);
	assert_int_equal(count("SELECT count(DISTINCT edit) FROM audit"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE field = 'cost_per_contact' AND old = '0.50'"
			       " AND new = '1.75' AND actor = 'tester'"),
			 1);
	/* Saving again with nothing changed writes nothing. */
	cx_campaign again;
	assert_int_equal(cx_store_campaign_get(st, 4, &again, &err), 0);
	assert_int_equal(cx_store_campaign_save(st, &again, &again, "tester", &err), 0);
	assert_int_equal(count("SELECT count(*) FROM audit"), 2);
}

static void undo_reverts_the_whole_save_and_is_audited(void **state)
{
	cx_error err = {0};
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(st, 4, &before, &err), 0);
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_COST, "2"));
	assert_null(cx_campaign_set_text(&after, CX_CF_NAME, "Welcome upsell (Feb)"));
	assert_int_equal(cx_store_campaign_save(st, &before, &after, "tester", &err), 0);
	char what[256];
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 1);
	assert_int_equal(count("SELECT cost_per_contact FROM campaigns WHERE id = 4"), 50);
	assert_int_equal(count("SELECT count(*) FROM campaigns WHERE name = 'Welcome upsell — Feb 2022'"), 1);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = 'undo'"), 2);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = 'edit' AND undone_by IS NOT NULL"), 2);
	/* Nothing more to undo. */
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 0);
}

static void a_concurrent_change_is_not_overwritten(void **state)
{
	cx_error err = {0};
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(st, 4, &before, &err), 0);
	/* Someone else, in a sqlite3 shell, while the form is open. */
	sqlite3 *db;
	sqlite3_open(path, &db);
	assert_int_equal(sqlite3_exec(db, "UPDATE campaigns SET cost_per_contact = 999 WHERE id = 4", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_COST, "1.75"));
	assert_int_equal(cx_store_campaign_save(st, &before, &after, "tester", &err), -1);
	assert_non_null(strstr(err.msg, "changed by someone else"));
	assert_int_equal(count("SELECT cost_per_contact FROM campaigns WHERE id = 4"), 999);
	assert_int_equal(count("SELECT count(*) FROM audit"), 0);
}

static void undo_refuses_when_the_value_moved_on(void **state)
{
	cx_error err = {0};
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(st, 4, &before, &err), 0);
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_COST, "1.75"));
	assert_int_equal(cx_store_campaign_save(st, &before, &after, "tester", &err), 0);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "UPDATE campaigns SET cost_per_contact = 300 WHERE id = 4", NULL, NULL, NULL);
	sqlite3_close(db);
	char what[256];
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), -1);
	assert_non_null(strstr(err.msg, "changed since"));
	assert_int_equal(count("SELECT cost_per_contact FROM campaigns WHERE id = 4"), 300);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = 'undo'"), 0);
}

static void undo_moves_both_dates_back_at_once(void **state)
{
	/* Field by field, the dates would pass through "ends before it
	 * starts"; the undo must revert the save as a whole. */
	cx_error err = {0};
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(st, 6, &before, &err), 0);
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_STARTS, "2022-05-01"));
	assert_null(cx_campaign_set_text(&after, CX_CF_ENDS, "2022-05-31"));
	assert_int_equal(cx_store_campaign_save(st, &before, &after, "tester", &err), 0);
	char what[256];
	if (cx_store_undo(st, "tester", what, sizeof what, &err) != 1)
		fail_msg("undo failed: %s", err.msg);
	cx_campaign back;
	assert_int_equal(cx_store_campaign_get(st, 6, &back, &err), 0);
	assert_string_equal(back.starts_on, before.starts_on);
	assert_string_equal(back.ends_on, before.ends_on);
}

static void long_names_count_characters(void **state)
{
	cx_campaign c;
	cx_campaign_defaults(&c, "2022-02-01");
	char name[512] = "";
	for (int i = 0; i < 100; i++)
		strcat(name, "я"); /* 100 characters, 200 bytes */
	assert_null(cx_campaign_set_text(&c, CX_CF_NAME, name));
	strcat(name, "я");
	assert_non_null(cx_campaign_set_text(&c, CX_CF_NAME, name));
}

static void names_stay_unique(void **state)
{
	cx_error err = {0};
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(st, 4, &before, &err), 0);
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_NAME, "Welcome upsell — Jan 2022"));
	assert_int_equal(cx_store_campaign_save(st, &before, &after, "tester", &err), -1);
	assert_non_null(strstr(err.msg, "name"));
	assert_int_equal(count("SELECT count(*) FROM audit"), 0);
}

static void add_archive_and_undo_add(void **state)
{
	cx_error err = {0};
	cx_campaign c;
	cx_campaign_defaults(&c, "2022-04-01");
	assert_null(cx_campaign_set_text(&c, CX_CF_NAME, "April welcome"));
	int64_t id = 0;
	assert_int_equal(cx_store_campaign_add(st, &c, "tester", &id, &err), 0);
	assert_true(id > 0);
	assert_int_equal(cx_store_campaign_archive(st, id, true, "tester", &err), 0);
	assert_int_equal(count("SELECT archived FROM campaigns WHERE name = 'April welcome'"), 1);
	char what[256];
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 1); /* the archive */
	assert_int_equal(count("SELECT archived FROM campaigns WHERE name = 'April welcome'"), 0);
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 1); /* the add */
	assert_int_equal(count("SELECT count(*) FROM campaigns WHERE name = 'April welcome'"), 0);
	/* A campaign with contacts is archived, never deleted. */
	assert_int_equal(cx_store_campaign_archive(st, 4, true, "tester", &err), 0);
	assert_int_equal(count("SELECT count(*) FROM campaign_contacts WHERE campaign_id = 4"), 1701);
}

static void liability_setting_with_audit_and_undo(void **state)
{
	cx_error err = {0};
	assert_int_equal(cx_store_setting_set(st, "returns_liability_bp", "1500", "tester", &err), 0);
	assert_int_equal(cx_store_liability_bp(st), 1500);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE entity = 'settings' AND old = '1000' AND new = '1500'"),
			 1);
	/* The schema refuses out-of-range values: nothing written. */
	assert_int_equal(cx_store_setting_set(st, "returns_liability_bp", "10001", "tester", &err), -1);
	assert_int_equal(cx_store_liability_bp(st), 1500);
	assert_int_equal(count("SELECT count(*) FROM audit"), 1);
	char what[256];
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 1);
	assert_int_equal(cx_store_liability_bp(st), 1000);
}

/* The refusal names the setting in words, as the status line shows it. */
static void undo_of_a_moved_liability_says_so_in_words(void **state)
{
	cx_error err = {0};
	assert_int_equal(cx_store_setting_set(st, "returns_liability_bp", "1500", "tester", &err), 0);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, "UPDATE settings SET value = '1700' WHERE key = 'returns_liability_bp'", NULL, NULL, NULL);
	sqlite3_close(db);
	char what[256];
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), -1);
	assert_string_equal(err.msg, "cannot undo: the returns liability has changed since");
}

static void read_only_refuses_every_edit(void **state)
{
	cx_error err = {0};
	cx_store *ro = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
	assert_non_null(ro);
	cx_campaign before, after;
	assert_int_equal(cx_store_campaign_get(ro, 4, &before, &err), 0);
	after = before;
	assert_null(cx_campaign_set_text(&after, CX_CF_COST, "9"));
	assert_int_equal(cx_store_campaign_save(ro, &before, &after, "tester", &err), -1);
	assert_non_null(strstr(err.msg, "read-only"));
	int64_t id;
	assert_int_equal(cx_store_campaign_add(ro, &after, "tester", &id, &err), -1);
	assert_int_equal(cx_store_campaign_archive(ro, 4, true, "tester", &err), -1);
	assert_int_equal(cx_store_setting_set(ro, "returns_liability_bp", "2000", "tester", &err), -1);
	char what[64];
	assert_int_equal(cx_store_undo(ro, "tester", what, sizeof what, &err), -1);
	cx_store_close(ro);
	assert_int_equal(count("SELECT cost_per_contact FROM campaigns WHERE id = 4"), 50);
	assert_int_equal(count("SELECT count(*) FROM audit"), 0);
}

static void audit_list_newest_first(void **state)
{
	cx_error err = {0};
	assert_int_equal(cx_store_setting_set(st, "returns_liability_bp", "1200", "a", &err), 0);
	assert_int_equal(cx_store_setting_set(st, "returns_liability_bp", "1300", "b", &err), 0);
	cx_audit_row *rows;
	size_t n;
	assert_int_equal(cx_store_audit(st, 10, &rows, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].new_value, "1300");
	assert_string_equal(rows[0].actor, "b");
	assert_string_equal(rows[1].old_value, "1000");
	free(rows);
}

static void search_takes_wildcards_literally(void **state)
{
	cx_error err = {0};
	cx_customer_filter all = {0}, under = {0};
	cx_customer_totals n_all, n_under, n_pct;
	snprintf(under.search, sizeof under.search, "_");
	assert_int_equal(cx_store_customer_count(st, &all, &n_all, &err), 0);
	assert_int_equal(cx_store_customer_count(st, &under, &n_under, &err), 0);
	/* Some emails hold an underscore; an unescaped "_" would match all. */
	assert_true(n_under.customers > 0);
	assert_true(n_under.customers < n_all.customers);
	/* ... in the email, never in the sample's names. */
	assert_int_equal(n_under.match_email, n_under.customers);
	snprintf(under.search, sizeof under.search, "%%");
	assert_int_equal(cx_store_customer_count(st, &under, &n_pct, &err), 0);
	assert_int_equal(n_pct.customers, 0);
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

/* A load replaces every schedule at once: u does not undo it (loading the
 * earlier file does), and passes over it to the edit before. */
static void undo_passes_over_a_schedules_load(void **state)
{
	cx_error err = {0};
	char what[256];
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = 'load' AND entity = 'schedules'"), 1);
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 0);
	assert_string_equal(what, "nothing to undo");
	assert_int_equal(count("SELECT count(*) FROM schedules"), 2);
	assert_int_equal(cx_store_setting_set(st, "returns_liability_bp", "1500", "tester", &err), 0);
	assert_int_equal(cx_store_undo(st, "tester", what, sizeof what, &err), 1);
	assert_int_equal(count("SELECT value FROM settings WHERE key = 'returns_liability_bp'"), 1000);
	assert_int_equal(count("SELECT count(*) FROM schedules"), 2);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE action = 'load' AND undone_by IS NULL"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rules_accept_good_values),
		cmocka_unit_test(rules_refuse_bad_values),
		cmocka_unit_test(rules_across_fields),
		cmocka_unit_test_setup_teardown(save_writes_the_change_and_its_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_reverts_the_whole_save_and_is_audited, setup, teardown),
		cmocka_unit_test_setup_teardown(a_concurrent_change_is_not_overwritten, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_refuses_when_the_value_moved_on, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_moves_both_dates_back_at_once, setup, teardown),
		cmocka_unit_test(long_names_count_characters),
		cmocka_unit_test_setup_teardown(names_stay_unique, setup, teardown),
		cmocka_unit_test_setup_teardown(add_archive_and_undo_add, setup, teardown),
		cmocka_unit_test_setup_teardown(liability_setting_with_audit_and_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_of_a_moved_liability_says_so_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(read_only_refuses_every_edit, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_list_newest_first, setup, teardown),
		cmocka_unit_test_setup_teardown(search_takes_wildcards_literally, setup, teardown),
		cmocka_unit_test_setup_teardown(undo_passes_over_a_schedules_load, setup_as_shipped, teardown),
	};
	return cmocka_run_group_tests_name("edit", tests, NULL, teardown_all);
}
