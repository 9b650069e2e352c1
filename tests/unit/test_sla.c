/* test_sla.c — where a ticket stands against a target as of an instant,
 * which policy applies, and the sla: list of a schedules file. */
#include "testutil.h"

#include "cxtop/schedules.h"
#include "cxtop/sla.h"

#define H 3600

/* UTC, Monday to Friday 09:00-17:00; 2022-02-07 is a Monday. */
static const int64_t MON9 = 1644224400; /* 2022-02-07 09:00:00Z */

static cx_schedule office(void)
{
	cx_schedule s = {0};
	for (int w = 0; w < 5; w++) {
		s.hours[w][0].from = 9 * H;
		s.hours[w][0].to = 17 * H;
		s.nhours[w] = 1;
	}
	return s;
}

static const cx_zone_span utc_span = {.from = 0, .offset = 0};
static const cx_zone utc = {.spans = &utc_span, .n = 1};

static void met_breached_running(void **state)
{
	cx_schedule s = office();
	/* Replied after 50 minutes: met with 10 to spare. */
	cx_sla_result r = cx_sla_measure(H, true, &s, &utc, MON9, MON9 + 50 * 60, MON9 + 10 * H);
	assert_int_equal(r.state, CX_SLA_MET);
	assert_int_equal(r.margin, 10 * 60);
	/* Replied after 90 minutes: breached by 30. */
	r = cx_sla_measure(H, true, &s, &utc, MON9, MON9 + 90 * 60, MON9 + 10 * H);
	assert_int_equal(r.state, CX_SLA_BREACHED);
	assert_int_equal(r.margin, 30 * 60);
	/* Not replied, 20 minutes in: running, 40 left. */
	r = cx_sla_measure(H, true, &s, &utc, MON9, -1, MON9 + 20 * 60);
	assert_int_equal(r.state, CX_SLA_RUNNING);
	assert_int_equal(r.margin, 40 * 60);
	/* Not replied, 2 hours in: already breached. */
	r = cx_sla_measure(H, true, &s, &utc, MON9, -1, MON9 + 2 * H);
	assert_int_equal(r.state, CX_SLA_BREACHED);
	assert_int_equal(r.margin, H);
	/* A reply after as_of was not there at as_of. */
	r = cx_sla_measure(H, true, &s, &utc, MON9, MON9 + 30 * 60, MON9 + 20 * 60);
	assert_int_equal(r.state, CX_SLA_RUNNING);
	/* No target, no verdict. */
	r = cx_sla_measure(0, true, &s, &utc, MON9, -1, MON9 + 20 * 60);
	assert_int_equal(r.state, CX_SLA_NONE);
}

/* Friday 16:30 to Monday 09:20: 50 business minutes, 64 h 50 m on the
 * clock; the same reply meets a business-hours target and breaches a
 * calendar one. */
static void business_or_calendar(void **state)
{
	cx_schedule s = office();
	int64_t fri1630 = MON9 - 3 * 86400 + 7 * H + 30 * 60, mon0920 = MON9 + 20 * 60;
	cx_sla_result r = cx_sla_measure(H, true, &s, &utc, fri1630, mon0920, mon0920);
	assert_int_equal(r.state, CX_SLA_MET);
	assert_int_equal(r.elapsed, 50 * 60);
	r = cx_sla_measure(H, false, &s, &utc, fri1630, mon0920, mon0920);
	assert_int_equal(r.state, CX_SLA_BREACHED);
	assert_int_equal(r.elapsed, 64 * H + 50 * 60);
}

static void the_first_matching_policy_applies(void **state)
{
	cx_sla_policy p[] = {
		{.name = "urgent", .priorities = 1u << CX_PRIO_URGENT, .first_reply = H},
		{.name = "chat", .channels = 1u << 1, .first_reply = 300},
		{.name = "rest", .first_reply = 8 * H},
	};
	assert_string_equal(cx_sla_match(p, 3, CX_PRIO_URGENT, 1)->name, "urgent");
	assert_string_equal(cx_sla_match(p, 3, CX_PRIO_LOW, 1)->name, "chat");
	assert_string_equal(cx_sla_match(p, 3, CX_PRIO_LOW, 0)->name, "rest");
	/* A ticket without a priority skips the policies that name one. */
	assert_string_equal(cx_sla_match(p, 3, -1, 0)->name, "rest");
	assert_null(cx_sla_match(p, 2, -1, 0));
}

static int load(const char *sla, cx_schedules *s, cx_error *err)
{
	char text[1024];
	snprintf(text, sizeof text, "schedules:\n  A: {timezone: UTC, hours: {mon: 09:00-17:00}}\nsla:\n%s", sla);
	return cx_schedules_load_mem("s.yaml", text, strlen(text), s, err);
}

static void the_sla_list_of_a_file(void **state)
{
	cx_schedules s;
	cx_error err = {0};
	assert_int_equal(load("  - {name: Urgent, priority: [urgent, high], first_reply: 1h 30m, resolution: 8h}\n"
			      "  - {channel: chat, first_reply: 5m, resolution: 2d, hours: calendar}\n",
			      &s, &err),
			 0);
	assert_int_equal(s.nsla, 2);
	assert_string_equal(s.sla[0].name, "Urgent");
	assert_int_equal(s.sla[0].priorities, (1u << CX_PRIO_URGENT) | (1u << CX_PRIO_HIGH));
	assert_int_equal(s.sla[0].first_reply, H + 30 * 60);
	assert_true(s.sla[0].business);
	assert_string_equal(s.sla[1].name, "policy 2");
	assert_int_equal(s.sla[1].channels, 1u << 1);
	assert_int_equal(s.sla[1].resolution, 2 * 86400);
	assert_false(s.sla[1].business);
	cx_schedules_free(&s);

	static const struct {
		const char *sla, *want;
	} bad[] = {
		{"  - {first_reply: 2d}\n", "s.yaml:4:19: '2d': a day of business time is not 24 hours"},
		{"  - {first_reply: 1.5h}\n", "s.yaml:4:19: '1.5h' is not a time"},
		{"  - {first_reply: 0m}\n", "s.yaml:4:19: '0m' is not a time"},
		{"  - {priority: critical, first_reply: 1h}\n",
		 "s.yaml:4:16: 'critical' is not a priority (low, normal, high, urgent)"},
		{"  - {channel: [chat, fax], first_reply: 1h}\n",
		 "s.yaml:4:22: 'fax' is not a channel (email, chat, phone, social, sms)"},
		{"  - {priority: urgent}\n", "s.yaml:4:5: sla policy 1 has no target"},
		{"  - {first_reply: 1h, hours: office}\n", "s.yaml:4:30: expected business or calendar for 'hours'"},
		{"  - {first_reply: 1h, next_reply: 0m}\n", "s.yaml:4:35: '0m' is not a time"},
		{"  - {first_reply: 1h, last_reply: 1h}\n", "s.yaml:4:23: unknown key 'last_reply' in sla policy 1"},
		{"  urgent: 1h\n", "s.yaml:4:3: expected a list of policies for 'sla', found a mapping"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(load(bad[i].sla, &s, &err), -1);
		if (strncmp(err.msg, bad[i].want, strlen(bad[i].want)) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s...\"", i, err.msg, bad[i].want);
		assert_int_equal(s.nsla, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(met_breached_running),
		cmocka_unit_test(business_or_calendar),
		cmocka_unit_test(the_first_matching_policy_applies),
		cmocka_unit_test(the_sla_list_of_a_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
