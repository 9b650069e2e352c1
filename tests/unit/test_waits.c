/* test_waits.c — requester wait, agent wait and next reply from a ticket's
 * timeline: a ticket still open at the period's end, pending across a
 * weekend and a holiday, a DST change, several pendings, no customer
 * message, a history that does not explain the status; and a brute-force
 * walk, a minute at a time with libc's own local time, over random
 * timelines. */
#include "testutil.h"

#include <time.h>

#include "cxtop/business_time.h"
#include "cxtop/period.h"
#include "cxtop/waits.h"
#include "cxtop/zone.h"

#define H 3600
#define M 60
#define ZONE "Europe/Helsinki"

static int64_t at(int y, int mo, int d, int h, int mi)
{
	return tu_local_at(ZONE, y, mo, d, h, mi);
}

struct fixture {
	cx_zone_span *spans;
	cx_zone z;
	cx_schedule s;
	int32_t hol[4];
};

/* Monday to Friday 09:00-17:00 in Helsinki over 2022, Epiphany off. */
static void load(struct fixture *f)
{
	cx_error err = {0};
	size_t n;
	assert_int_equal(cx_zone_load(ZONE, at(2021, 12, 1, 0, 0), at(2023, 1, 31, 0, 0), &f->spans, &n, &err), 0);
	f->z = (cx_zone){.spans = f->spans, .n = n};
	memset(&f->s, 0, sizeof f->s);
	for (int w = 0; w < 5; w++) {
		f->s.hours[w][0].from = 9 * H;
		f->s.hours[w][0].to = 17 * H;
		f->s.nhours[w] = 1;
	}
	f->hol[0] = cx_days_from_civil(2022, 1, 6);
	f->s.holidays = f->hol;
	f->s.nholidays = 1;
}

#define EV(t, k) ((cx_tl_event){(t), CX_TL_##k, CX_ST_NONE, CX_ST_NONE})
#define ST(t, b, a) ((cx_tl_event){(t), CX_TL_STATUS, CX_ST_##b, CX_ST_##a})

static void open_at_the_period_end(void **state)
{
	(void)state;
	struct fixture f;
	load(&f);
	/* Monday 10:00 created, replied and set pending at 11:00, the customer
	 * answers at 12:00 (open again); the period ends Monday 15:00. */
	int64_t c = at(2022, 2, 7, 10, 0);
	cx_tl_event ev[] = {EV(c, CREATED),         EV(c, MESSAGE),           EV(c + H, REPLY),
			    ST(c + H, NEW, PENDING), EV(c + 2 * H, MESSAGE), ST(c + 2 * H, PENDING, OPEN)};
	cx_waits w;
	cx_waits_of(ev, 6, c + 5 * H, &f.s, &f.z, &w);
	assert_true(w.known);
	assert_int_equal(w.requester, H + 3 * H);
	assert_int_equal(w.agent, H);
	assert_int_equal(w.requester_b, 4 * H);
	assert_int_equal(w.status, CX_ST_OPEN);
	/* The message after the first reply is still unanswered: running. */
	assert_int_equal(w.awaiting_since, c + 2 * H);
	assert_int_equal(w.next_reply, -1);
	/* As of an earlier end, the later events are not known yet. */
	cx_waits_of(ev, 6, c + 90 * M, &f.s, &f.z, &w);
	assert_int_equal(w.requester, H);
	assert_int_equal(w.agent, 30 * M);
	assert_int_equal(w.awaiting_since, -1);
	/* Nor is a ticket created after the end. */
	cx_waits_of(ev, 6, c, &f.s, &f.z, &w);
	assert_false(w.known);
	assert_int_equal(w.requester, -1);
	free(f.spans);
}

static void pending_across_a_weekend_and_a_holiday(void **state)
{
	(void)state;
	struct fixture f;
	load(&f);
	/* Friday 16:00 pending until Monday 10:00: 18 hours on the clock... */
	int64_t c = at(2022, 2, 4, 15, 0), p = at(2022, 2, 4, 16, 0), back = at(2022, 2, 7, 10, 0);
	cx_tl_event ev[] = {EV(c, CREATED), EV(c, MESSAGE), EV(p, REPLY), ST(p, NEW, PENDING), EV(back, MESSAGE),
			    ST(back, PENDING, OPEN), EV(back + 30 * M, REPLY), ST(back + 30 * M, OPEN, SOLVED)};
	cx_waits w;
	cx_waits_of(ev, 8, CX_WAITS_FINAL, &f.s, &f.z, &w);
	assert_int_equal(w.agent, back - p);
	/* ...one business hour on Friday and one on Monday. */
	assert_int_equal(w.agent_b, 2 * H);
	assert_int_equal(w.requester, H + 30 * M);
	assert_int_equal(w.requester_b, H + 30 * M);
	assert_int_equal(w.next_reply, 30 * M);
	assert_int_equal(w.next_reply_b, 30 * M);
	assert_int_equal(w.status, CX_ST_SOLVED);
	/* Pending from Wednesday 5 January 16:00 to Friday 7 January 10:00:
	 * Epiphany (Thursday) is not worked. */
	int64_t p2 = at(2022, 1, 5, 16, 0), b2 = at(2022, 1, 7, 10, 0);
	cx_tl_event ev2[] = {EV(p2 - H, CREATED), ST(p2, NEW, PENDING), ST(b2, PENDING, OPEN)};
	cx_waits_of(ev2, 3, b2, &f.s, &f.z, &w);
	assert_int_equal(w.agent, b2 - p2);
	assert_int_equal(w.agent_b, 2 * H);
	free(f.spans);
}

static void dst_change_while_pending(void **state)
{
	(void)state;
	struct fixture f;
	load(&f);
	/* Saturday 26 March 2022 12:00 to Sunday 27 March 12:00 in Helsinki:
	 * clocks go forward at 03:00, so the day is 23 hours long. */
	int64_t p = at(2022, 3, 26, 12, 0), b = at(2022, 3, 27, 12, 0);
	cx_tl_event ev[] = {EV(p - H, CREATED), ST(p, NEW, PENDING), ST(b, PENDING, SOLVED)};
	cx_waits w;
	cx_waits_of(ev, 3, CX_WAITS_FINAL, &f.s, &f.z, &w);
	assert_int_equal(w.agent, 23 * H);
	assert_int_equal(w.agent_b, 0);
	assert_int_equal(w.requester, H);
	assert_int_equal(w.requester_b, 0);
	free(f.spans);
}

static void several_pendings_and_next_replies(void **state)
{
	(void)state;
	/* No schedule: business time equals calendar time. */
	int64_t c = 1000000;
	cx_tl_event ev[] = {
		EV(c, CREATED),
		EV(c, MESSAGE),
		EV(c + 100, REPLY), /* the first reply: not a next reply */
		ST(c + 100, NEW, PENDING),
		EV(c + 400, MESSAGE),
		ST(c + 400, PENDING, OPEN),
		EV(c + 450, MESSAGE), /* a second message does not restart the wait */
		EV(c + 1000, REPLY), /* 600 s after the first unanswered message */
		ST(c + 1000, OPEN, PENDING),
		ST(c + 1500, PENDING, HOLD), /* on hold counts in neither */
		ST(c + 2000, HOLD, OPEN),
		EV(c + 2100, MESSAGE),
		EV(c + 2300, REPLY), /* 200 s */
		ST(c + 2300, OPEN, PENDING),
		ST(c + 2600, PENDING, SOLVED),
		EV(c + 9000, RATED),
	};
	cx_waits w;
	cx_waits_of(ev, sizeof ev / sizeof ev[0], CX_WAITS_FINAL, NULL, NULL, &w);
	assert_true(w.known);
	assert_int_equal(w.requester, 100 + 600 + 300);
	assert_int_equal(w.agent, 300 + 500 + 300);
	assert_int_equal(w.requester_b, w.requester);
	assert_int_equal(w.agent_b, w.agent);
	assert_int_equal(w.next_reply, 600);
	assert_int_equal(w.next_replies, 2);
	assert_int_equal(w.status, CX_ST_SOLVED);
}

static void no_customer_message_and_unexplained_history(void **state)
{
	(void)state;
	int64_t c = 5000;
	cx_tl_event ev[] = {EV(c, CREATED), EV(c + 60, REPLY), ST(c + 60, NEW, SOLVED)};
	cx_waits w;
	cx_waits_of(ev, 3, CX_WAITS_FINAL, NULL, NULL, &w);
	assert_int_equal(w.requester, 60);
	assert_int_equal(w.agent, 0);
	assert_int_equal(w.next_reply, -1);
	assert_int_equal(w.next_replies, 0);
	/* A change from open that the timeline never reached (the history
	 * before it is missing): unknown, not zero. */
	cx_tl_event bad[] = {EV(c, CREATED), ST(c + 60, OPEN, SOLVED)};
	cx_waits_of(bad, 2, CX_WAITS_FINAL, NULL, NULL, &w);
	assert_false(w.known);
	assert_int_equal(w.requester, -1);
	assert_int_equal(w.agent_b, -1);
	/* No created event: nothing is known. */
	cx_waits_of(ev + 1, 2, CX_WAITS_FINAL, NULL, NULL, &w);
	assert_false(w.known);
	cx_waits_of(NULL, 0, CX_WAITS_FINAL, NULL, NULL, &w);
	assert_false(w.known);
}

/* ---- brute force ------------------------------------------------------------ */

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static uint64_t next_rand(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* Is the minute starting at t worked, by libc's local time in ZONE? */
static bool worked(const struct fixture *f, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	int wd = (tm.tm_wday + 6) % 7;
	int32_t day = cx_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	for (size_t i = 0; i < f->s.nholidays; i++)
		if (f->s.holidays[i] == day)
			return false;
	int sec = tm.tm_hour * H + tm.tm_min * M;
	for (int i = 0; i < f->s.nhours[wd]; i++)
		if (sec >= f->s.hours[wd][i].from && sec < f->s.hours[wd][i].to)
			return true;
	return false;
}

static void brute_force_agrees(void **state)
{
	(void)state;
	struct fixture f;
	load(&f);
	/* Around both of 2022's DST changes and Epiphany. */
	const int64_t bases[] = {at(2022, 1, 3, 0, 0), at(2022, 3, 21, 0, 0), at(2022, 10, 24, 0, 0)};
	setenv("TZ", ZONE, 1);
	tzset();
	for (int round = 0; round < 300; round++) {
		int64_t c = bases[round % 3] + (int64_t)(next_rand() % (5 * 24 * 60)) * M;
		cx_tl_event ev[40];
		size_t n = 0;
		ev[n++] = EV(c, CREATED);
		int status = CX_ST_NEW;
		int64_t t = c;
		int steps = 1 + (int)(next_rand() % 12);
		for (int i = 0; i < steps; i++) {
			t += (int64_t)(next_rand() % (36 * 60)) * M;
			int to = (int)(next_rand() % CX_ST_COUNT);
			if (next_rand() % 3 == 0)
				ev[n++] = EV(t, MESSAGE);
			else if (next_rand() % 2 == 0)
				ev[n++] = EV(t, REPLY);
			ev[n++] = (cx_tl_event){t, CX_TL_STATUS, (int8_t)status, (int8_t)to};
			status = to;
		}
		int64_t end = t + (int64_t)(next_rand() % (48 * 60)) * M - 24 * 60 * M;
		if (end <= c)
			end = c + M;
		cx_waits w;
		cx_waits_of(ev, n, end, &f.s, &f.z, &w);
		/* The walk: each minute's status is the last change at or before it. */
		int64_t req = 0, agent = 0, req_b = 0, agent_b = 0;
		for (int64_t m = c; m < end; m += M) {
			int st = CX_ST_NEW;
			for (size_t i = 0; i < n; i++)
				if (ev[i].kind == CX_TL_STATUS && ev[i].at <= m)
					st = ev[i].after;
			bool b = worked(&f, m);
			if (st == CX_ST_NEW || st == CX_ST_OPEN) {
				req += M;
				req_b += b ? M : 0;
			} else if (st == CX_ST_PENDING) {
				agent += M;
				agent_b += b ? M : 0;
			}
		}
		assert_true(w.known);
		assert_int_equal(w.requester, req);
		assert_int_equal(w.agent, agent);
		assert_int_equal(w.requester_b, req_b);
		assert_int_equal(w.agent_b, agent_b);
	}
	unsetenv("TZ");
	tzset();
	free(f.spans);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_at_the_period_end),
		cmocka_unit_test(pending_across_a_weekend_and_a_holiday),
		cmocka_unit_test(dst_change_while_pending),
		cmocka_unit_test(several_pendings_and_next_replies),
		cmocka_unit_test(no_customer_message_and_unexplained_history),
		cmocka_unit_test(brute_force_agrees),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
