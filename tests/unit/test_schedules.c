/* test_schedules.c — the schedules file: what a good one reads as, and
 * each mistake named at its line and column. */
#include "testutil.h"

#include "cxtop/period.h"
#include "cxtop/schedules.h"

static int load(const char *text, cx_schedules *s, cx_error *err)
{
	return cx_schedules_load_mem("s.yaml", text, strlen(text), s, err);
}

static void a_good_file(void **state)
{
	const char *text = "schedules:\n"
			   "  Helsinki:\n"
			   "    timezone: Europe/Helsinki\n"
			   "    teams: [Helsinki, Tampere]\n"
			   "    hours:\n"
			   "      mon-fri: [13:00-17:00, 08:00-12:00]\n"
			   "      sat,sun: 10:00-14:00\n"
			   "      fri: 18:00-24:00\n"
			   "    holidays:\n"
			   "      2022-01-06: Loppiainen\n"
			   "      2022-01-01: Uudenvuodenpäivä\n"
			   "  US:\n"
			   "    timezone: America/New_York\n"
			   "    default: true\n"
			   "    hours: {daily: 09:00-17:00}\n"
			   "    holidays: [2022-01-17]\n";
	cx_schedules s;
	cx_error err = {0};
	assert_int_equal(load(text, &s, &err), 0);
	assert_int_equal(s.n, 2);
	const cx_named_schedule *h = &s.v[0];
	assert_string_equal(h->name, "Helsinki");
	/* Intervals in order whatever the file's order; Friday has three. */
	assert_int_equal(h->hours.nhours[0], 2);
	assert_int_equal(h->hours.hours[0][0].from, 8 * 3600);
	assert_int_equal(h->hours.hours[0][1].to, 17 * 3600);
	assert_int_equal(h->hours.nhours[4], 3);
	assert_int_equal(h->hours.hours[4][2].to, 86400);
	assert_int_equal(h->hours.nhours[6], 1);
	assert_int_equal(cx_schedule_week_seconds(&h->hours), 5 * 8 * 3600 + 2 * 4 * 3600 + 6 * 3600);
	/* Holidays sorted, with their names. */
	int32_t d;
	assert_true(cx_date_parse("2022-01-01", &d));
	assert_int_equal(h->holidays[0], d);
	assert_string_equal(h->holiday_names[0], "Uudenvuodenpäivä");
	assert_ptr_equal(h->hours.holidays, h->holidays);
	assert_null(cx_schedule_problem(&h->hours));
	assert_int_equal(s.v[1].hours.nhours[6], 1);
	assert_ptr_equal(cx_schedules_for(&s, "Tampere"), &s.v[0]);
	assert_ptr_equal(cx_schedules_for(&s, "Support"), &s.v[1]);
	cx_schedules_free(&s);
}

/* Each mistake: the message and where it points. */
static void mistakes_are_named_where_they_are(void **state)
{
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"", "s.yaml:1:1: empty file: it needs schedules:"},
		{"schedule: {}\n", "s.yaml:1:1: unknown key 'schedule' (known: schedules, sla)"},
		{"schedules: {}\n", "s.yaml:1:12: expected a mapping of schedules by name, found an empty one"},
		{"schedules:\n  A:\n    hours: {mon: 09:00-17:00}\n", "s.yaml:3:5: missing 'timezone' in schedule 'A'"},
		{"schedules:\n  A:\n    timezone: Mars/Base\n    hours: {mon: 09:00-17:00}\n",
		 "s.yaml:3:15: unknown time zone 'Mars/Base' in schedule 'A'"},
		{"schedules:\n  A:\n    timezone: UTC\n", "s.yaml:3:5: missing 'hours' in schedule 'A'"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 09:00-17:00}\n    holiday: []\n",
		 "s.yaml:5:5: unknown key 'holiday' in schedule 'A'"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {monday: 09:00-17:00}\n",
		 "s.yaml:4:13: 'monday' is not a day"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 9-17}\n",
		 "s.yaml:4:18: '9-17' is not an interval of the day"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 17:00-09:00}\n",
		 "s.yaml:4:18: '17:00-09:00' ends before it starts"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 24:00-24:00}\n",
		 "s.yaml:4:18: '24:00-24:00' is not an interval of the day"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours:\n      mon-fri: 09:00-17:00\n      wed: 12:00-13:00\n",
		 "s.yaml:6:12: 12:00-13:00 overlaps another interval of wed"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 09:00-17:00}\n    holidays: {2022-02-30: x}\n",
		 "s.yaml:5:16: '2022-02-30' is not a date (YYYY-MM-DD)"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 09:00-17:00}\n    holidays: [2022-01-01, 2022-01-01]\n",
		 "s.yaml:5:28: 2022-01-01 is given twice"},
		{"schedules:\n  A:\n    timezone: UTC\n    hours: {mon: 09:00-17:00}\n    default: yes\n",
		 "s.yaml:5:14: expected true or false for 'default' in schedule 'A'"},
		{"schedules:\n  A: {timezone: UTC, hours: {mon: 09:00-17:00}, teams: [X]}\n"
		 "  B: {timezone: UTC, hours: {mon: 09:00-17:00}, teams: X}\n",
		 "s.yaml:3:3: team 'X' is in 'A' already"},
		{"schedules:\n  A: {timezone: UTC, hours: {mon: 09:00-17:00}, default: true}\n"
		 "  B: {timezone: UTC, hours: {mon: 09:00-17:00}, default: true}\n",
		 "s.yaml:3:3: 'A' and 'B' are both the default: one schedule can be"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cx_schedules s;
		cx_error err = {0};
		if (load(cases[i].text, &s, &err) != -1)
			fail_msg("case %zu loaded", i);
		if (strncmp(err.msg, cases[i].want, strlen(cases[i].want)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s...\"", i, err.msg, cases[i].want);
		assert_int_equal(s.n, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_good_file),
		cmocka_unit_test(mistakes_are_named_where_they_are),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
