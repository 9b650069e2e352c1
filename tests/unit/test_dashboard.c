/* test_dashboard.c — the wide dashboard's trend points are the dashboard's
 * own figures: for every month of the sample (and a week and a quarter),
 * cx_dashboard_point gives what cx_dashboard_load gives for the ticket
 * KPIs, the backlog and the P&L, and cx_dashboard_point_of copies them. */
#include "testutil.h"

#include "cxtop/dashboard.h"
#include "cxtop/format.h"
#include "cxtop/period.h"

static cx_store *st;

static int open_copy(void **state)
{
	(void)state;
	const char *path = tu_tmp_path("dashboard.db");
	tu_copy("sample.db", path);
	cx_error err = {0};
	st = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
	return st ? 0 : -1;
}

static int close_copy(void **state)
{
	(void)state;
	cx_store_close(st);
	tu_tmp_cleanup();
	return 0;
}

static void assert_same(const cx_dash_point *pt, const cx_dashboard *d)
{
	assert_int_equal(pt->period.from_day, d->period.from_day);
	assert_int_equal(pt->period.to_day, d->period.to_day);
	/* Counts and distributions: all int64_t, compared whole. */
	assert_memory_equal(&pt->tickets.raw, &d->tickets.raw, sizeof d->tickets.raw);
	assert_int_equal(pt->tickets.csat_ok, d->tickets.csat_ok);
	assert_int_equal(pt->tickets.csat_bp, d->tickets.csat_bp);
	assert_int_equal(pt->tickets.nps_bp, d->tickets.nps_bp);
	assert_int_equal(pt->tickets.one_touch_bp, d->tickets.one_touch_bp);
	assert_int_equal(pt->tickets.reopen_bp, d->tickets.reopen_bp);
	assert_int_equal(pt->backlog, d->backlog);
	assert_memory_equal(&pt->pnl.raw, &d->pnl.raw, sizeof d->pnl.raw);
	assert_int_equal(pt->pnl.attributed, d->pnl.attributed);
	assert_int_equal(pt->pnl.liability, d->pnl.liability);
	assert_int_equal(pt->pnl.net, d->pnl.net);
}

static void check_period(cx_period p, int64_t liability_bp)
{
	cx_error err = {0};
	cx_dashboard d;
	cx_dash_point pt, of;
	assert_int_equal(cx_dashboard_load(st, &p, liability_bp, &d, &err), 0);
	assert_int_equal(cx_dashboard_point(st, &p, liability_bp, &pt, &err), 0);
	assert_same(&pt, &d);
	cx_dashboard_point_of(&d, &of);
	assert_same(&of, &d);
	cx_dashboard_free(&d);
}

static void test_every_month(void **state)
{
	(void)state;
	int32_t day;
	assert_true(cx_date_parse("2021-09-15", &day));
	cx_period p = cx_period_containing(CX_PERIOD_MONTH, day);
	/* A month before the data, the six with data, one after. */
	for (int i = 0; i < 8; i++, p = cx_period_step(p, 1))
		check_period(p, 1000);
	p = cx_period_containing(CX_PERIOD_MONTH, day);
	check_period(cx_period_step(p, 5), 2500);
}

static void test_week_and_quarter(void **state)
{
	(void)state;
	int32_t day;
	assert_true(cx_date_parse("2022-02-14", &day));
	check_period(cx_period_containing(CX_PERIOD_WEEK, day), 1000);
	check_period(cx_period_containing(CX_PERIOD_QUARTER, day), 1000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_month),
		cmocka_unit_test(test_week_and_quarter),
	};
	return cmocka_run_group_tests_name("dashboard points", tests, open_copy, close_copy);
}
