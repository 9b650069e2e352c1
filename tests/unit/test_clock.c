/* test_clock.c — each agent's tickets counted in the working hours of the
 * agent's team (or the default schedule, or on the clock), and where a
 * ticket stands against the policy that applies to it. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "cxtop/clock.h"
#include "cxtop/schedules.h"

#define H 3600
/* 2022-02-07 is a Monday; 09:00 UTC. */
static const int64_t MON9 = 1644224400;

/* Two schedules in UTC: Office (team Support, weekdays 09-17) and Late
 * (the default, weekdays 13-21); policies by priority, then a catch-all
 * on the clock. */
static const char file[] = "schedules:\n"
			   "  Office: {timezone: UTC, teams: [Support], hours: {mon-fri: 09:00-17:00}}\n"
			   "  Late: {timezone: UTC, default: true, hours: {mon-fri: 13:00-21:00},\n"
			   "         holidays: {2022-02-08: Closed}}\n"
			   "sla:\n"
			   "  - {name: Urgent, priority: urgent, first_reply: 1h, next_reply: 2h, resolution: 4h}\n"
			   "  - {name: Rest, first_reply: 2h, hours: calendar}\n";

static cx_clock clock_;

static int setup(void **state)
{
	cx_schedules s;
	cx_error err = {0};
	if (cx_schedules_load_mem("c.yaml", file, strlen(file), &s, &err) < 0)
		fail_msg("%s", err.msg);
	cx_clock_init(&clock_, &s);
	for (size_t i = 0; i < clock_.set.n; i++) {
		cx_zone_span *utc = malloc(sizeof *utc);
		*utc = (cx_zone_span){.from = 0, .offset = 0};
		cx_clock_set_zone(&clock_, i, utc, 1);
	}
	/* Agent 1 in Support, 2 in Sales (no schedule names it: the default),
	 * 3 added after the clock was built (unknown: the default too). */
	cx_clock_add_agent(&clock_, 2, "Sales");
	cx_clock_add_agent(&clock_, 1, "Support");
	cx_clock_ready(&clock_);
	return 0;
}

static int teardown(void **state)
{
	cx_clock_free(&clock_);
	return 0;
}

static void each_agent_by_their_team(void **state)
{
	const cx_zone *z;
	assert_string_equal(cx_clock_schedule(&clock_, 1, &z)->name, "Office");
	assert_string_equal(cx_clock_schedule(&clock_, 2, &z)->name, "Late");
	assert_string_equal(cx_clock_schedule(&clock_, 3, &z)->name, "Late");
	assert_string_equal(cx_clock_schedule(&clock_, 0, &z)->name, "Late");
	/* Monday 09:00 to 15:00: 6 h in the office, 2 h late. */
	assert_int_equal(cx_clock_business(&clock_, 1, MON9, MON9 + 6 * H), 6 * H);
	assert_int_equal(cx_clock_business(&clock_, 2, MON9, MON9 + 6 * H), 2 * H);
	/* Tuesday is Late's holiday, not the office's. */
	int64_t tue9 = MON9 + 24 * H;
	assert_int_equal(cx_clock_business(&clock_, 1, tue9, tue9 + 12 * H), 8 * H);
	assert_int_equal(cx_clock_business(&clock_, 0, tue9, tue9 + 12 * H), 0);
	assert_int_equal(cx_clock_business(&clock_, 1, MON9, MON9), 0);
	assert_int_equal(cx_clock_business(&clock_, 1, MON9, MON9 - 1), 0);
}

static void without_a_default_the_clock_counts(void **state)
{
	static const char nodefault[] = "schedules:\n  Office: {timezone: UTC, teams: [Support], hours: {mon: 09:00-10:00}}\n";
	cx_schedules s;
	cx_error err = {0};
	assert_int_equal(cx_schedules_load_mem("d.yaml", nodefault, strlen(nodefault), &s, &err), 0);
	cx_clock c;
	cx_clock_init(&c, &s);
	cx_zone_span *utc = malloc(sizeof *utc);
	*utc = (cx_zone_span){.from = 0, .offset = 0};
	cx_clock_set_zone(&c, 0, utc, 1);
	cx_clock_add_agent(&c, 7, "Sales");
	cx_clock_ready(&c);
	const cx_zone *z;
	assert_null(cx_clock_schedule(&c, 7, &z));
	assert_null(cx_clock_schedule(&c, 0, &z));
	assert_int_equal(cx_clock_business(&c, 7, MON9, MON9 + 5 * H), 5 * H);
	cx_clock_free(&c);
}

static void a_ticket_against_its_policy(void **state)
{
	cx_sla_result first, res;
	/* Urgent, Support, created Monday 16:30, replied Tuesday 09:20: 50
	 * business minutes, met; resolved Tuesday 12:30, 4 h business: met
	 * exactly. */
	int64_t created = MON9 + 7 * H + 30 * 60;
	cx_sla_ticket t = {.id = 1, .agent_id = 1, .channel = 0, .priority = CX_PRIO_URGENT, .created_at = created,
			   .first_reply_at = MON9 + 24 * H + 20 * 60, .resolved_at = MON9 + 24 * H + 3 * H + 30 * 60};
	const cx_sla_policy *p = cx_clock_sla(&clock_, &t, MON9 + 48 * H, &first, &res);
	assert_string_equal(p->name, "Urgent");
	assert_int_equal(first.state, CX_SLA_MET);
	assert_int_equal(first.elapsed, 50 * 60);
	assert_int_equal(res.state, CX_SLA_MET);
	assert_int_equal(res.margin, 0);
	/* The same ticket with the late team (off on Tuesday), not replied
	 * nor resolved by Tuesday 21:00. */
	t.agent_id = 2;
	t.first_reply_at = -1;
	t.resolved_at = -1;
	p = cx_clock_sla(&clock_, &t, MON9 + 24 * H + 12 * H, &first, &res);
	/* Monday 16:30-21:00 counts 4 h 30: past the 1 h target. */
	assert_int_equal(first.state, CX_SLA_BREACHED);
	assert_int_equal(first.margin, 3 * H + 30 * 60);
	assert_int_equal(res.state, CX_SLA_BREACHED);
	assert_int_equal(res.margin, 30 * 60);
	/* A normal ticket falls to Rest, on the clock, no resolution target. */
	t.priority = CX_PRIO_NORMAL;
	p = cx_clock_sla(&clock_, &t, created + 90 * 60, &first, &res);
	assert_string_equal(p->name, "Rest");
	assert_int_equal(first.state, CX_SLA_RUNNING);
	assert_int_equal(first.margin, 30 * 60);
	assert_int_equal(res.state, CX_SLA_NONE);
	/* Created after as_of: not measured yet. */
	p = cx_clock_sla(&clock_, &t, created - 1, &first, &res);
	assert_int_equal(first.state, CX_SLA_NONE);
}

static void next_replies_against_their_target(void **state)
{
	/* Urgent (next reply 2 business hours), Support. */
	int64_t created = MON9;
	cx_sla_ticket t = {.id = 1, .agent_id = 1, .priority = CX_PRIO_URGENT, .created_at = created,
			   .first_reply_at = created + 600, .resolved_at = -1, .next_reply = -1, .next_reply_b = -1,
			   .awaiting_since = -1};
	const cx_sla_policy *p = cx_sla_match(clock_.set.sla, clock_.set.nsla, t.priority, 0);
	assert_string_equal(p->name, "Urgent");
	/* No customer message after the first reply: nothing was due. */
	cx_sla_result r = cx_clock_sla_next(&clock_, &t, p, MON9 + 5 * H);
	assert_int_equal(r.state, CX_SLA_NONE);
	/* Its longest next reply took 5 h on the clock, 90 business minutes: met. */
	t.next_reply = 5 * H;
	t.next_reply_b = 90 * 60;
	r = cx_clock_sla_next(&clock_, &t, p, MON9 + 30 * H);
	assert_int_equal(r.state, CX_SLA_MET);
	assert_int_equal(r.margin, 30 * 60);
	/* A message waiting since Monday 15:00, as of 16:00: running, 1 h left. */
	t.awaiting_since = MON9 + 6 * H;
	r = cx_clock_sla_next(&clock_, &t, p, MON9 + 7 * H);
	assert_int_equal(r.state, CX_SLA_RUNNING);
	assert_int_equal(r.margin, H);
	/* ...as of Tuesday 12:00: 2 h on Monday, 3 h on Tuesday: 3 h over. */
	r = cx_clock_sla_next(&clock_, &t, p, MON9 + 27 * H);
	assert_int_equal(r.state, CX_SLA_BREACHED);
	assert_int_equal(r.margin, 3 * H);
	/* The Rest policy has no next-reply target. */
	t.priority = CX_PRIO_NORMAL;
	p = cx_sla_match(clock_.set.sla, clock_.set.nsla, t.priority, 0);
	assert_int_equal(cx_clock_sla_next(&clock_, &t, p, MON9 + 27 * H).state, CX_SLA_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(each_agent_by_their_team, setup, teardown),
		cmocka_unit_test_setup_teardown(next_replies_against_their_target, setup, teardown),
		cmocka_unit_test(without_a_default_the_clock_counts),
		cmocka_unit_test_setup_teardown(a_ticket_against_its_policy, setup, teardown),
	};
	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
