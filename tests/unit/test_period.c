/* test_period.c — calendar days, periods in local time, and the strict
 * parsers of values people type. */
#include "testutil.h"

#include <time.h>

#include "cxtop/format.h"
#include "cxtop/parse.h"
#include "cxtop/period.h"

static int32_t day(const char *s)
{
	int32_t d;
	assert_true(cx_date_parse(s, &d));
	return d;
}

static void civil_round_trip(void **state)
{
	assert_int_equal(cx_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(cx_days_from_civil(2022, 1, 1), 18993);
	for (int32_t d = 0; d < 40000; d += 7) {
		int y, m, dd;
		cx_civil_from_days(d, &y, &m, &dd);
		assert_int_equal(cx_days_from_civil(y, m, dd), d);
	}
	char buf[11];
	cx_date_format(day("2024-02-29"), buf);
	assert_string_equal(buf, "2024-02-29");
}

static void date_parse_is_strict(void **state)
{
	int32_t d;
	assert_false(cx_date_parse("2022-02-30", &d));
	assert_false(cx_date_parse("2021-02-29", &d));
	assert_true(cx_date_parse("2024-02-29", &d));
	assert_false(cx_date_parse("2022-13-01", &d));
	assert_false(cx_date_parse("2022-1-01", &d));
	assert_false(cx_date_parse("2022-01-01x", &d));
	assert_false(cx_date_parse("01/02/2022", &d));
	assert_false(cx_date_parse("", &d));
	assert_false(cx_date_parse(NULL, &d));
}

static void periods_month_week_quarter(void **state)
{
	cx_period m = cx_period_containing(CX_PERIOD_MONTH, day("2022-02-14"));
	assert_int_equal(m.from_day, day("2022-02-01"));
	assert_int_equal(m.to_day, day("2022-02-28"));
	assert_int_equal(m.end - m.start, 28 * 86400); /* TZ=UTC in make check */
	cx_period w = cx_period_containing(CX_PERIOD_WEEK, day("2022-03-03")); /* a Thursday */
	assert_int_equal(w.from_day, day("2022-02-28"));                       /* Monday */
	assert_int_equal(w.to_day, day("2022-03-06"));
	cx_period q = cx_period_containing(CX_PERIOD_QUARTER, day("2022-03-31"));
	assert_int_equal(q.from_day, day("2022-01-01"));
	assert_int_equal(q.to_day, day("2022-03-31"));
	char label[64];
	cx_period_label(m, label, sizeof label);
	assert_string_equal(label, "February 2022");
	cx_period_label(w, label, sizeof label);
	assert_string_equal(label, "2022-W09 (02-28 – 03-06)");
	cx_period_label(q, label, sizeof label);
	assert_string_equal(label, "2022 Q1");
	cx_period_label(cx_period_containing(CX_PERIOD_WEEK, day("2021-01-03")), label, sizeof label);
	assert_string_equal(label, "2020-W53 (12-28 – 01-03)");
}

static void stepping_and_splitting(void **state)
{
	cx_period m = cx_period_containing(CX_PERIOD_MONTH, day("2022-01-31"));
	cx_period next = cx_period_step(m, 1);
	assert_int_equal(next.from_day, day("2022-02-01"));
	assert_int_equal(next.to_day, day("2022-02-28"));
	cx_period back = cx_period_step(m, -3);
	assert_int_equal(back.from_day, day("2021-10-01"));
	cx_period r = cx_period_range(day("2021-10-15"), day("2022-01-10"));
	cx_period parts[8];
	int n = cx_period_split(r, CX_PERIOD_MONTH, parts, 8);
	assert_int_equal(n, 4);
	assert_int_equal(parts[0].from_day, day("2021-10-15"));
	assert_int_equal(parts[0].kind, CX_PERIOD_RANGE); /* clipped */
	assert_int_equal(parts[1].kind, CX_PERIOD_MONTH);
	assert_int_equal(parts[3].to_day, day("2022-01-10"));
	/* Counting without room to write. */
	assert_int_equal(cx_period_split(r, CX_PERIOD_WEEK, NULL, 0), 14);
	cx_period rs = cx_period_step(cx_period_range(day("2022-01-01"), day("2022-01-10")), 1);
	assert_int_equal(rs.from_day, day("2022-01-11"));
}

static void local_time_follows_tz(void **state)
{
	setenv("TZ", "America/New_York", 1);
	tzset();
	cx_period m = cx_period_containing(CX_PERIOD_MONTH, day("2022-03-01"));
	/* March 2022 in New York: starts at 05:00 UTC, has a 23-hour day. */
	assert_int_equal(m.start, 1646110800);
	assert_int_equal(m.end - m.start, 31 * 86400 - 3600);
	assert_int_equal(cx_local_day(1646110800 - 1), day("2022-02-28"));
	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(cx_local_day(1646110800 - 1), day("2022-03-01"));
}

static void parse_money_pct_count(void **state)
{
	int64_t v;
	assert_true(cx_parse_money("44377.10", &v));
	assert_int_equal(v, 4437710);
	assert_true(cx_parse_money("3000", &v));
	assert_int_equal(v, 300000);
	assert_true(cx_parse_money("0.5", &v));
	assert_int_equal(v, 50);
	assert_false(cx_parse_money("1.005", &v));
	assert_false(cx_parse_money("-1", &v));
	assert_false(cx_parse_money("1,000", &v));
	assert_false(cx_parse_money("12.", &v));
	assert_false(cx_parse_money(".5", &v));
	assert_false(cx_parse_money("", &v));
	assert_false(cx_parse_money("1e3", &v));
	assert_false(cx_parse_money("99999999999999999999", &v));
	assert_true(cx_parse_pct("15", &v));
	assert_int_equal(v, 1500);
	assert_true(cx_parse_pct("12.5%", &v));
	assert_int_equal(v, 1250);
	assert_true(cx_parse_pct("100", &v));
	assert_false(cx_parse_pct("100.01", &v));
	assert_false(cx_parse_pct("-1", &v));
	assert_false(cx_parse_pct("ten", &v));
	assert_true(cx_parse_signed_pct("-2.5", &v));
	assert_int_equal(v, -250);
	assert_true(cx_parse_count("6000", &v));
	assert_int_equal(v, 6000);
	assert_false(cx_parse_count("6,000", &v));
	assert_false(cx_parse_count("-6", &v));
}

/* parse(format(x)) == x for one amount, and x + 0.01 past the limit is
 * refused in every spelling. */
static void money_round_trips(int64_t x)
{
	char buf[64];
	int64_t v = -1;
	cx_fmt_money_plain(buf, sizeof buf, x);
	if (!cx_parse_money(buf, &v) || v != x)
		fail_msg("'%s' (%lld) read back as %lld", buf, (long long)x, (long long)v);
}

static void money_limit_round_trip(void **state)
{
	int64_t v;
	/* The limit itself, in every spelling the parser takes. */
	assert_int_equal(CX_MONEY_MAX, INT64_C(100000000000));
	assert_true(cx_parse_money("1000000000", &v));
	assert_int_equal(v, CX_MONEY_MAX);
	assert_true(cx_parse_money("1000000000.0", &v));
	assert_int_equal(v, CX_MONEY_MAX);
	assert_true(cx_parse_money("1000000000.00", &v));
	assert_int_equal(v, CX_MONEY_MAX);
	assert_true(cx_parse_money("0001000000000.00", &v));
	assert_int_equal(v, CX_MONEY_MAX);
	assert_true(cx_parse_money("999999999.99", &v));
	assert_int_equal(v, CX_MONEY_MAX - 1);
	/* One cent more is refused whether or not it has decimals: the digit
	 * count no longer decides. */
	assert_false(cx_parse_money("1000000000.01", &v));
	assert_false(cx_parse_money("1000000001", &v));
	assert_false(cx_parse_money("1000000001.00", &v));
	assert_false(cx_parse_money("10000000000001", &v));
	assert_false(cx_parse_money("10000000000001.00", &v));
	assert_false(cx_parse_money("9223372036854775807", &v));
	assert_false(cx_parse_money("92233720368547758.07", &v));
	assert_false(cx_parse_money("000000000000000000001000000000.01", &v));
	/* Every amount near both ends, every power of ten and the amounts
	 * just below them, and a sweep over the whole range. */
	for (int64_t x = 0; x <= 100000; x++)
		money_round_trips(x);
	for (int64_t x = CX_MONEY_MAX - 100000; x <= CX_MONEY_MAX; x++)
		money_round_trips(x);
	for (int64_t p = 1; p <= CX_MONEY_MAX; p *= 10) {
		money_round_trips(p);
		money_round_trips(p - 1);
	}
	for (int64_t x = 0; x <= CX_MONEY_MAX; x += 99991)
		money_round_trips(x);
	/* Percentages share the reader, bounded at 100 %. */
	assert_true(cx_parse_pct("100.00", &v));
	assert_int_equal(v, 10000);
	assert_true(cx_parse_pct("0100", &v));
	assert_int_equal(v, 10000);
	assert_false(cx_parse_pct("100.01", &v));
	assert_false(cx_parse_pct("1000", &v));
	for (int64_t x = 0; x <= 10000; x++) {
		char buf[32];
		cx_fmt_bp(buf, sizeof buf, x);
		assert_true(cx_parse_pct(buf, &v));
		assert_int_equal(v, x);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(civil_round_trip),
		cmocka_unit_test(date_parse_is_strict),
		cmocka_unit_test(periods_month_week_quarter),
		cmocka_unit_test(stepping_and_splitting),
		cmocka_unit_test(local_time_follows_tz),
		cmocka_unit_test(parse_money_pct_count),
		cmocka_unit_test(money_limit_round_trip),
	};
	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests_name("period", tests, NULL, NULL);
}
