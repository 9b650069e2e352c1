/* test_sample.c — the committed sample.db holds what DOMAIN.md promises.
 *
 * Reads sample.db (run from the repository root) read-only with plain
 * SQLite, independently of the generator's own checks: the article figures
 * to the cent, the P&L's signs month by month, and every edge case the UI
 * is meant to meet.  Rebuild the file with `make sample`.
 */
#include "testutil.h"

#include <sqlite3.h>
#include "cxtop/store.h"

static sqlite3 *db;

static int open_sample(void **state)
{
	(void)state;
	if (sqlite3_open_v2("sample.db", &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "cannot open sample.db (run from the repository root; build it with `make sample`)\n");
		sqlite3_close(db);
		db = NULL;
		return -1;
	}
	return 0;
}

static int close_sample(void **state)
{
	(void)state;
	sqlite3_close(db);
	db = NULL;
	return 0;
}

/* First column of the first row of sql, with ?1 bound to text p (if any). */
static int64_t q(const char *sql, const char *p)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	}
	if (p)
		assert_int_equal(sqlite3_bind_text(s, 1, p, -1, SQLITE_STATIC), SQLITE_OK);
	int rc = sqlite3_step(s);
	assert_true(rc == SQLITE_ROW || rc == SQLITE_DONE);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return v;
}

static int64_t qi(const char *sql)
{
	return q(sql, NULL);
}

/* ---- the store itself ---------------------------------------------------- */

static void test_integrity_check_ok(void **state)
{
	(void)state;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
}

static void test_foreign_key_check_empty(void **state)
{
	(void)state;
	sqlite3_stmt *s = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
}

static void test_user_version_is_current(void **state)
{
	(void)state;
	assert_int_equal(qi("PRAGMA user_version"), CX_SCHEMA_VERSION);
}

static void test_returns_liability_is_1000_bp(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'returns_liability_bp'"), 1000);
}

/* ---- February upsell: 1,701 contacted, 392 orders, $44,377.10 ------------ */

#define FEB_UPSELL "(SELECT id FROM campaigns WHERE name = 'Welcome upsell — Feb 2022')"

static void test_feb_upsell_contacts_1701(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM campaign_contacts WHERE campaign_id = " FEB_UPSELL), 1701);
}

static void test_feb_upsell_responded_392(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM campaign_contacts WHERE responded = 1 AND campaign_id = " FEB_UPSELL),
			 392);
}

static void test_feb_upsell_converted_392(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM campaign_contacts WHERE order_id IS NOT NULL AND campaign_id = " FEB_UPSELL),
			 392);
	/* 392 / 1701 = 23.05 % */
	assert_int_equal(qi("SELECT 10000 * count(order_id) / count(*) FROM campaign_contacts WHERE campaign_id = " FEB_UPSELL),
			 2304);
}

static void test_feb_upsell_revenue_4437710(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT sum(o.amount) FROM campaign_contacts c JOIN orders o ON o.id = c.order_id"
			    " WHERE c.campaign_id = " FEB_UPSELL),
			 4437710);
	assert_int_equal(qi("SELECT sum(amount) FROM orders WHERE attribution = 'upsell'"
			    " AND placed_at >= strftime('%s', '2022-02-01') + 0 AND placed_at < strftime('%s', '2022-03-01') + 0"),
			 4437710);
}

/* ---- win-back: January 350 / 70 / $8,627, February 285 / 57 / $4,694 ---- */

static int64_t handed_to_support(const char *ym)
{
	return q("SELECT count(*) FROM renewals WHERE substr(to_support_on, 1, 7) = ?1", ym);
}

static int64_t recovered_by_support(const char *ym)
{
	return q("SELECT count(*) FROM renewals WHERE recovered_by = 'support' AND substr(recovered_on, 1, 7) = ?1", ym);
}

static int64_t winback_revenue(const char *ym)
{
	return q("SELECT coalesce(sum(amount), 0) FROM orders WHERE attribution = 'winback'"
		 " AND strftime('%Y-%m', placed_at, 'unixepoch') = ?1",
		 ym);
}

static void test_jan_winback_350_reached_support(void **state)
{
	(void)state;
	assert_int_equal(handed_to_support("2022-01"), 350);
	assert_int_equal(qi("SELECT count(*) FROM campaign_contacts WHERE campaign_id ="
			    " (SELECT id FROM campaigns WHERE name = 'Win-back — Jan 2022')"),
			 350);
}

static void test_jan_winback_70_recovered(void **state)
{
	(void)state;
	assert_int_equal(recovered_by_support("2022-01"), 70);
}

static void test_jan_winback_862700_cents(void **state)
{
	(void)state;
	assert_int_equal(winback_revenue("2022-01"), 862700);
	assert_int_equal(q("SELECT sum(amount) FROM renewals WHERE recovered_by = 'support'"
			   " AND substr(recovered_on, 1, 7) = ?1",
			   "2022-01"),
			 862700);
}

static void test_feb_winback_285_reached_support(void **state)
{
	(void)state;
	assert_int_equal(handed_to_support("2022-02"), 285);
}

static void test_feb_winback_57_recovered(void **state)
{
	(void)state;
	assert_int_equal(recovered_by_support("2022-02"), 57);
}

static void test_feb_winback_469400_cents(void **state)
{
	(void)state;
	assert_int_equal(winback_revenue("2022-02"), 469400);
}

/* A manager in Honolulu, Sydney or Auckland groups by local month: the
 * same figures. */
static void test_exact_figures_hold_from_utc_minus10_to_plus13(void **state)
{
	(void)state;
	static const char *const mod[] = {"-10 hours", "+10 hours", "+11 hours", "+12 hours", "+13 hours"};
	for (int i = 0; i < 5; i++) {
		assert_int_equal(q("SELECT sum(amount) FROM orders WHERE attribution = 'upsell'"
				   " AND strftime('%Y-%m', placed_at, 'unixepoch', ?1) = '2022-02'",
				   mod[i]),
				 4437710);
		assert_int_equal(q("SELECT sum(amount) FROM orders WHERE attribution = 'winback'"
				   " AND strftime('%Y-%m', placed_at, 'unixepoch', ?1) = '2022-01'",
				   mod[i]),
				 862700);
		assert_int_equal(q("SELECT sum(amount) FROM orders WHERE attribution = 'winback'"
				   " AND strftime('%Y-%m', placed_at, 'unixepoch', ?1) = '2022-02'",
				   mod[i]),
				 469400);
	}
}

/* ---- the support P&L (DOMAIN.md §1) at the stored liability ------------- */

static int64_t net(const char *ym)
{
	return q("WITH b(lo, hi) AS (SELECT CAST(strftime('%s', ?1 || '-01') AS INTEGER),"
		 "                          CAST(strftime('%s', ?1 || '-01', '+1 month') AS INTEGER))"
		 "SELECT (SELECT coalesce(sum(amount - cogs), 0) FROM orders"
		 "         WHERE attribution IN ('upsell', 'winback', 'discount_code') AND placed_at >= lo AND placed_at < hi)"
		 "     + (SELECT coalesce(sum(recovered), 0) FROM carrier_claims"
		 "         WHERE status = 'paid' AND substr(resolved_on, 1, 7) = ?1)"
		 "     - (SELECT coalesce(sum(amount), 0) FROM costs WHERE month = ?1)"
		 "     - ((SELECT coalesce(sum(cost), 0) FROM returns WHERE created_at >= lo AND created_at < hi)"
		 "        * (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'returns_liability_bp') + 5000) / 10000"
		 "  FROM b",
		 ym);
}

static void test_pnl_loss_oct_nov_dec_2021(void **state)
{
	(void)state;
	assert_true(net("2021-10") < 0);
	assert_true(net("2021-11") < 0);
	assert_true(net("2021-12") < 0);
}

static void test_pnl_profit_jan_feb_2022(void **state)
{
	(void)state;
	assert_true(net("2022-01") > 0);
	assert_true(net("2022-02") > 0);
}

/* ---- tickets ------------------------------------------------------------- */

static void test_at_least_20000_tickets_oct_to_mar(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM tickets WHERE created_at >= strftime('%s', '2021-10-01') + 0"
		       " AND created_at < strftime('%s', '2022-04-01') + 0") >= 20000);
	assert_int_equal(qi("SELECT count(DISTINCT strftime('%Y-%m', created_at, 'unixepoch')) FROM tickets"), 6);
}

static void test_tickets_in_all_five_channels(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(DISTINCT channel) FROM tickets"
			    " WHERE channel IN ('email', 'chat', 'phone', 'social', 'sms')"),
			 5);
}

static void test_ticket_complexity_1_to_3(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(DISTINCT complexity) FROM tickets"), 3);
	assert_int_equal(qi("SELECT min(complexity) * 10 + max(complexity) FROM tickets"), 13);
}

static void test_unresolved_tickets_present(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM tickets WHERE resolved_at IS NULL AND status IN ('new', 'open', 'pending')") > 0);
}

static void test_never_answered_tickets_present(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM tickets WHERE first_response_at IS NULL AND replies = 0 AND status = 'new'") > 0);
}

static void test_null_csat_present(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM tickets WHERE csat IS NULL AND resolved_at IS NOT NULL") > 0);
	assert_true(qi("SELECT count(*) FROM tickets WHERE csat IS NOT NULL") > 0);
}

/* Reopened tickets were first solved before their final resolution, and
 * only they: the others' first resolution is their resolved_at. */
static void test_first_resolution_before_final_only_when_reopened(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM tickets WHERE reopened > 0 AND first_resolved_at < resolved_at") > 500);
	assert_int_equal(qi("SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL AND"
			    " (first_resolved_at IS NULL OR first_resolved_at > resolved_at OR first_resolved_at < created_at"
			    "  OR (reopened = 0) <> (first_resolved_at = resolved_at))"),
			 0);
	assert_int_equal(qi("SELECT count(*) FROM tickets WHERE resolved_at IS NULL AND first_resolved_at IS NOT NULL"), 0);
}

/* ---- agents -------------------------------------------------------------- */

static void test_about_15_agents_in_2_teams(void **state)
{
	(void)state;
	int64_t n = qi("SELECT count(*) FROM agents");
	assert_true(n >= 12 && n <= 18);
	assert_int_equal(qi("SELECT count(DISTINCT team) FROM agents"), 2);
}

static void test_agent_discount_codes_unique(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(DISTINCT discount_code) FROM agents"), qi("SELECT count(*) FROM agents"));
}

static void test_one_agent_left(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM agents WHERE left_on IS NOT NULL"), 1);
	/* ... and has no tickets or contacts after leaving. */
	assert_int_equal(qi("SELECT count(*) FROM tickets t JOIN agents a ON a.id = t.agent_id WHERE a.left_on IS NOT NULL"
			    " AND t.created_at >= CAST(strftime('%s', a.left_on, '+1 day') AS INTEGER)"),
			 0);
	assert_int_equal(qi("SELECT count(*) FROM campaign_contacts c JOIN agents a ON a.id = c.agent_id"
			    " WHERE a.left_on IS NOT NULL"
			    " AND c.contacted_at >= CAST(strftime('%s', a.left_on, '+1 day') AS INTEGER)"),
			 0);
}

static void test_cyrillic_agent_name(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM agents WHERE unicode(name) BETWEEN 1024 AND 1279") > 0);
}

static void test_finnish_agent_name(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM agents WHERE name LIKE '%ä%' OR name LIKE '%ö%'") > 0);
}

static void test_cjk_agent_name(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM agents WHERE unicode(name) BETWEEN 19968 AND 40959") > 0);
}

/* ---- customers ----------------------------------------------------------- */

static void test_watchlist_customers(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM customers WHERE satisfaction <= 6") > 0);
}

static void test_blacklisted_customers(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM customers WHERE blacklisted = 1") > 0);
}

/* ---- carrier claims ------------------------------------------------------ */

static void test_claims_every_status_for_every_carrier(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM (SELECT DISTINCT carrier, status FROM carrier_claims"
			    " WHERE carrier IN ('UPS', 'FedEx', 'USPS')"
			    " AND status IN ('draft', 'filed', 'approved', 'denied', 'paid'))"),
			 15);
}

static void test_claims_past_deadline(void **state)
{
	(void)state;
	assert_true(qi("SELECT count(*) FROM carrier_claims WHERE status IN ('draft', 'filed')"
		       " AND deadline_on < '2022-03-31'") > 0);
}

/* ---- notification channels and campaigns ---------------------------------- */

static void test_four_notify_channels(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM notify_channels"), 4);
}

static void test_zero_contact_campaigns(void **state)
{
	(void)state;
	assert_int_equal(qi("SELECT count(*) FROM campaigns k"
			    " WHERE name IN ('Agent discount codes', 'Parcel status calls (pilot)')"
			    " AND NOT EXISTS (SELECT 1 FROM campaign_contacts c WHERE c.campaign_id = k.id)"),
			 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integrity_check_ok),
		cmocka_unit_test(test_foreign_key_check_empty),
		cmocka_unit_test(test_user_version_is_current),
		cmocka_unit_test(test_returns_liability_is_1000_bp),
		cmocka_unit_test(test_feb_upsell_contacts_1701),
		cmocka_unit_test(test_feb_upsell_responded_392),
		cmocka_unit_test(test_feb_upsell_converted_392),
		cmocka_unit_test(test_feb_upsell_revenue_4437710),
		cmocka_unit_test(test_jan_winback_350_reached_support),
		cmocka_unit_test(test_jan_winback_70_recovered),
		cmocka_unit_test(test_jan_winback_862700_cents),
		cmocka_unit_test(test_feb_winback_285_reached_support),
		cmocka_unit_test(test_feb_winback_57_recovered),
		cmocka_unit_test(test_feb_winback_469400_cents),
		cmocka_unit_test(test_exact_figures_hold_from_utc_minus10_to_plus13),
		cmocka_unit_test(test_pnl_loss_oct_nov_dec_2021),
		cmocka_unit_test(test_pnl_profit_jan_feb_2022),
		cmocka_unit_test(test_at_least_20000_tickets_oct_to_mar),
		cmocka_unit_test(test_tickets_in_all_five_channels),
		cmocka_unit_test(test_ticket_complexity_1_to_3),
		cmocka_unit_test(test_unresolved_tickets_present),
		cmocka_unit_test(test_never_answered_tickets_present),
		cmocka_unit_test(test_null_csat_present),
		cmocka_unit_test(test_first_resolution_before_final_only_when_reopened),
		cmocka_unit_test(test_about_15_agents_in_2_teams),
		cmocka_unit_test(test_agent_discount_codes_unique),
		cmocka_unit_test(test_one_agent_left),
		cmocka_unit_test(test_cyrillic_agent_name),
		cmocka_unit_test(test_finnish_agent_name),
		cmocka_unit_test(test_cjk_agent_name),
		cmocka_unit_test(test_watchlist_customers),
		cmocka_unit_test(test_blacklisted_customers),
		cmocka_unit_test(test_claims_every_status_for_every_carrier),
		cmocka_unit_test(test_claims_past_deadline),
		cmocka_unit_test(test_four_notify_channels),
		cmocka_unit_test(test_zero_contact_campaigns),
	};
	return cmocka_run_group_tests_name("sample.db", tests, open_sample, close_sample);
}
