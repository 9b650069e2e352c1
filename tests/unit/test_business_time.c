/* test_business_time.c — seconds within working hours: the edges a manager
 * would check by hand (a weekend, a lunch break, a holiday, both DST
 * changes, a ticket open across a new year), and a brute-force walk, a
 * minute at a time with libc's own local time, over thousands of random
 * spans and schedules in zones with odd offsets and DST rules. */
#include "testutil.h"

#include <time.h>

#include "cxtop/business_time.h"
#include "cxtop/period.h"
#include "cxtop/zone.h"

#define H 3600
#define M 60

/* The UTC instant of a wall-clock time in zone (libc, tm_isdst unknown). */
static int64_t at(const char *zone, int y, int mo, int d, int h, int mi)
{
	return tu_local_at(zone, y, mo, d, h, mi);
}

struct fixture {
	cx_zone_span *spans;
	cx_zone z;
};

static void load(struct fixture *f, const char *zone, int64_t from, int64_t to)
{
	cx_error err = {0};
	size_t n;
	assert_int_equal(cx_zone_load(zone, from, to, &f->spans, &n, &err), 0);
	f->z = (cx_zone){.spans = f->spans, .n = n};
}

/* Monday to Friday, the given intervals each day. */
static cx_schedule weekdays(int32_t a1, int32_t b1, int32_t a2, int32_t b2)
{
	cx_schedule s = {0};
	for (int w = 0; w < 5; w++) {
		s.hours[w][0].from = a1;
		s.hours[w][0].to = b1;
		s.nhours[w] = 1;
		if (b2 > a2) {
			s.hours[w][1].from = a2;
			s.hours[w][1].to = b2;
			s.nhours[w] = 2;
		}
	}
	return s;
}

static void friday_evening_to_monday_morning(void **state)
{
	const char *zone = "Europe/Helsinki";
	int64_t from = at(zone, 2022, 2, 4, 18, 0), to = at(zone, 2022, 2, 7, 9, 5);
	struct fixture f;
	load(&f, zone, from, to);
	cx_schedule s = weekdays(9 * H, 17 * H, 0, 0);
	assert_int_equal(to - from, 63 * H + 5 * M);
	assert_int_equal(cx_business_seconds(&s, &f.z, from, to), 5 * M);
	assert_int_equal(cx_schedule_week_seconds(&s), 40 * H);
	free(f.spans);
}

static void lunch_break_and_outside_hours(void **state)
{
	const char *zone = "America/New_York";
	struct fixture f;
	int64_t mon11 = at(zone, 2022, 3, 7, 11, 0), mon1330 = at(zone, 2022, 3, 7, 13, 30);
	load(&f, zone, mon11, mon11 + 30 * 86400);
	cx_schedule s = weekdays(8 * H, 12 * H, 13 * H, 17 * H);
	assert_int_equal(cx_business_seconds(&s, &f.z, mon11, mon1330), H + 30 * M);
	/* Created and answered the same night: nothing counts. */
	assert_int_equal(cx_business_seconds(&s, &f.z, at(zone, 2022, 3, 7, 19, 0), at(zone, 2022, 3, 8, 7, 59)), 0);
	/* Created at night, answered at 08:30: half an hour. */
	assert_int_equal(cx_business_seconds(&s, &f.z, at(zone, 2022, 3, 7, 23, 0), at(zone, 2022, 3, 8, 8, 30)), 30 * M);
	/* Backwards or empty spans are 0. */
	assert_int_equal(cx_business_seconds(&s, &f.z, mon1330, mon11), 0);
	assert_int_equal(cx_business_seconds(&s, &f.z, mon11, mon11), 0);
	free(f.spans);
}

static void holidays_are_not_worked(void **state)
{
	const char *zone = "Europe/Helsinki";
	int32_t epiphany;
	assert_true(cx_date_parse("2022-01-06", &epiphany)); /* a Thursday */
	cx_schedule s = weekdays(9 * H, 17 * H, 0, 0);
	s.holidays = &epiphany;
	s.nholidays = 1;
	struct fixture f;
	int64_t wed16 = at(zone, 2022, 1, 5, 16, 0), fri10 = at(zone, 2022, 1, 7, 10, 0);
	load(&f, zone, wed16, fri10);
	assert_int_equal(cx_business_seconds(&s, &f.z, wed16, fri10), 2 * H);
	s.nholidays = 0;
	assert_int_equal(cx_business_seconds(&s, &f.z, wed16, fri10), 10 * H);
	free(f.spans);
}

/* A schedule of every hour of every day counts what the wall clock shows:
 * the day the clocks go forward has 23 hours, the day they go back 25. */
static void dst_days_are_as_long_as_the_wall_clock_says(void **state)
{
	const char *zone = "Europe/Helsinki";
	cx_schedule s = {0};
	for (int w = 0; w < 7; w++) {
		s.hours[w][0].from = 0;
		s.hours[w][0].to = 86400;
		s.nhours[w] = 1;
	}
	struct fixture f;
	load(&f, zone, at(zone, 2022, 3, 1, 0, 0), at(zone, 2022, 11, 1, 0, 0));
	int64_t spring = at(zone, 2022, 3, 27, 0, 0), spring_end = at(zone, 2022, 3, 28, 0, 0);
	assert_int_equal(spring_end - spring, 23 * H);
	assert_int_equal(cx_business_seconds(&s, &f.z, spring, spring_end), 23 * H);
	int64_t autumn = at(zone, 2022, 10, 30, 0, 0), autumn_end = at(zone, 2022, 10, 31, 0, 0);
	assert_int_equal(cx_business_seconds(&s, &f.z, autumn, autumn_end), 25 * H);
	/* Hours 02:00-05:00 on those days: the skipped hour (03-04) does not
	 * happen, the repeated one (03-04) happens twice. */
	cx_schedule n = {0};
	n.hours[6][0].from = 2 * H; /* Sunday */
	n.hours[6][0].to = 5 * H;
	n.nhours[6] = 1;
	assert_int_equal(cx_business_seconds(&n, &f.z, spring, spring_end), 2 * H);
	assert_int_equal(cx_business_seconds(&n, &f.z, autumn, autumn_end), 4 * H);
	/* An interval starting inside the skipped hour starts when it ends. */
	n.hours[6][0].from = 3 * H + 30 * M;
	assert_int_equal(cx_business_seconds(&n, &f.z, spring, spring_end), H);
	free(f.spans);
}

static void open_across_a_new_year(void **state)
{
	const char *zone = "America/New_York";
	cx_schedule s = weekdays(9 * H, 17 * H, 0, 0);
	int32_t hol[2];
	assert_true(cx_date_parse("2021-12-31", &hol[0]));
	assert_true(cx_date_parse("2022-01-03", &hol[1]));
	s.holidays = hol;
	s.nholidays = 2;
	struct fixture f;
	int64_t from = at(zone, 2021, 12, 30, 16, 0), to = at(zone, 2022, 1, 4, 10, 0);
	load(&f, zone, from, to);
	/* Thu 1 h, Fri holiday, the weekend, Mon holiday, Tue 1 h. */
	assert_int_equal(cx_business_seconds(&s, &f.z, from, to), 2 * H);
	free(f.spans);
}

static void zones_and_schedules_are_checked(void **state)
{
	cx_error err = {0};
	cx_zone_span *spans;
	size_t n;
	assert_int_equal(cx_zone_load("Mars/Olympus_Mons", 0, 86400, &spans, &n, &err), -1);
	assert_string_equal(err.msg, "unknown time zone 'Mars/Olympus_Mons'");
	assert_int_equal(cx_zone_load("../etc/passwd", 0, 86400, &spans, &n, &err), -1);
	assert_int_equal(cx_zone_load("UTC", 0, 86400, &spans, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(spans[0].offset, 0);
	free(spans);
	cx_schedule s = weekdays(9 * H, 17 * H, 12 * H, 13 * H);
	assert_non_null(cx_schedule_problem(&s)); /* overlapping */
	s = weekdays(17 * H, 9 * H, 0, 0);
	assert_non_null(cx_schedule_problem(&s)); /* backwards */
	s = weekdays(9 * H, 25 * H, 0, 0);
	assert_non_null(cx_schedule_problem(&s)); /* past midnight */
	s = weekdays(0, 24 * H, 0, 0);
	assert_null(cx_schedule_problem(&s));
	int32_t hol[2] = {19000, 18000};
	s.holidays = hol;
	s.nholidays = 2;
	assert_non_null(cx_schedule_problem(&s)); /* unsorted */
}

/* ---- brute force ------------------------------------------------------------ */

static uint64_t rng = 0x2545f4914f6cdd1dull;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static int64_t below(int64_t n)
{
	return (int64_t)(next() % (uint64_t)n);
}

/* Whether instant t is worked, by libc's local time (TZ set): the
 * definition itself, with nothing of business_time.c. */
static bool worked(const cx_schedule *s, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	int32_t day = cx_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	for (size_t i = 0; i < s->nholidays; i++)
		if (s->holidays[i] == day)
			return false;
	int w = (tm.tm_wday + 6) % 7;
	int32_t sec = tm.tm_hour * H + tm.tm_min * M + tm.tm_sec;
	for (int k = 0; k < s->nhours[w]; k++)
		if (sec >= s->hours[w][k].from && sec < s->hours[w][k].to)
			return true;
	return false;
}

/* Every zone here changes offset on whole minutes (Kathmandu is +05:45,
 * Lord Howe moves by half an hour): a minute is worked or not as a whole,
 * so the walk goes a minute at a time and a second at a time at the ends. */
static int64_t walk(const cx_schedule *s, int64_t from, int64_t to)
{
	int64_t total = 0, t = from;
	for (; t < to && t % 60; t++)
		total += worked(s, t);
	for (; t + 60 <= to; t += 60)
		total += worked(s, t) ? 60 : 0;
	for (; t < to; t++)
		total += worked(s, t);
	return total;
}

static cx_schedule random_schedule(int32_t *hol, size_t nhol_max, int32_t first_day, size_t *nhol)
{
	cx_schedule s = {0};
	for (int w = 0; w < 7; w++) {
		int n = (int)below(4); /* 0 to 3 intervals */
		int32_t cur = 0;
		for (int k = 0; k < n && cur < 86400 - 60; k++) {
			int32_t a = cur + (int32_t)below((86400 - cur) / 60 / 2 + 1) * 60;
			int32_t b = a + 60 + (int32_t)below((86400 - a) / 60) * 60;
			if (b > 86400)
				b = 86400;
			if (a >= b)
				break;
			s.hours[w][k].from = a;
			s.hours[w][k].to = b;
			s.nhours[w] = k + 1;
			cur = b;
		}
	}
	*nhol = (size_t)below((int64_t)nhol_max + 1);
	int32_t d = first_day;
	for (size_t i = 0; i < *nhol; i++) {
		d += 1 + (int32_t)below(5);
		hol[i] = d;
	}
	s.holidays = hol;
	s.nholidays = *nhol;
	return s;
}

static void brute_force_agrees(void **state)
{
	static const char *const zones[] = {"Europe/Helsinki", "America/New_York", "Asia/Kathmandu",
					    "Australia/Lord_Howe", "UTC", "America/Santiago"};
	int64_t lo = at("UTC", 2021, 1, 1, 0, 0), hi = at("UTC", 2023, 12, 31, 0, 0);
	int cases = 0;
	for (size_t zi = 0; zi < sizeof zones / sizeof zones[0]; zi++) {
		struct fixture f;
		load(&f, zones[zi], lo, hi + 20 * 86400);
		/* DST changes: where a wrong answer would hide. */
		size_t nchanges = f.z.n;
		for (int c = 0; c < 300; c++) {
			int64_t from;
			if (nchanges > 1 && c % 2)
				from = f.z.spans[1 + below((int64_t)nchanges - 1)].from - below(4 * 86400);
			else
				from = lo + below(hi - lo);
			int64_t to = from + below(c % 10 == 0 ? 12 * 86400 : 3 * 86400);
			int32_t hol[8];
			size_t nhol;
			cx_schedule s = random_schedule(hol, 8, cx_zone_day(&f.z, from) - 2, &nhol);
			assert_null(cx_schedule_problem(&s));
			int64_t got = cx_business_seconds(&s, &f.z, from, to);
			setenv("TZ", strcmp(zones[zi], "UTC") == 0 ? "UTC0" : zones[zi], 1);
			tzset();
			int64_t want = walk(&s, from, to);
			unsetenv("TZ");
			tzset();
			if (got != want)
				fail_msg("%s, %lld..%lld: got %lld, the walk %lld", zones[zi], (long long)from, (long long)to,
					 (long long)got, (long long)want);
			cases++;
		}
		free(f.spans);
	}
	assert_int_equal(cases, 1800);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(friday_evening_to_monday_morning),
		cmocka_unit_test(lunch_break_and_outside_hours),
		cmocka_unit_test(holidays_are_not_worked),
		cmocka_unit_test(dst_days_are_as_long_as_the_wall_clock_says),
		cmocka_unit_test(open_across_a_new_year),
		cmocka_unit_test(zones_and_schedules_are_checked),
		cmocka_unit_test(brute_force_agrees),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
