/* timeline.c — each ticket's conversation (schema 9's ticket_events), made
 * to agree with the ticket's fields: the customer writes first, the first
 * reply comes at first_response_at, every later reply answers a customer
 * message, the ticket waits on the customer (pending) after each reply
 * and on the team (open) after each message, is solved at
 * first_resolved_at, reopened by a message some time after and solved
 * again, until resolved_at; closed four days later when its status says
 * so; rated after the solve when it has a rating.  The reply events are
 * exactly `replies`, the last status is `status`.
 *
 * A reopened ticket also gets its history (ticket_changes): the reopen,
 * the reply and the solve that followed, each dated when it happened, as
 * a help desk would have recorded them; so a month's figures read as they
 * were at its end (a ticket solved then and reopened later counts as
 * solved in that month).
 *
 * Times come from a generator seeded by the ticket's id, not from the
 * tickets' stream: every other figure of the sample stays as it was. */
#include <stdlib.h>

#include "sample.h"

struct tl_writer {
	sqlite3_stmt *ev, *chg;
};

struct tl_writer *tl_open(sqlite3 *db)
{
	struct tl_writer *tw = xcalloc(1, sizeof *tw);
	tw->ev = sq_prep(db, "INSERT INTO ticket_events (ticket_id, at, kind, status_before, status_after)"
			     " VALUES (?, ?, ?, ?, ?)");
	tw->chg = sq_prep(db, "INSERT INTO ticket_changes (ticket_id, at, status_before, status_after, resolved_before,"
			      " resolved_after, reopened_before, reopened_after, replies_before, replies_after,"
			      " csat_before, csat_after, agent_before, agent_after)"
			      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	return tw;
}

void tl_close(struct tl_writer *tw)
{
	sqlite3_finalize(tw->ev);
	sqlite3_finalize(tw->chg);
	free(tw);
}

static void event(struct tl_writer *tw, int64_t id, int64_t at, const char *kind, const char *before,
		  const char *after)
{
	sq_i64(tw->ev, 1, id);
	sq_i64(tw->ev, 2, at);
	sq_text(tw->ev, 3, kind);
	sq_text(tw->ev, 4, before);
	sq_text(tw->ev, 5, after);
	sq_run(tw->ev);
}

/* Status changes, remembering the status in force. */
struct conv {
	struct tl_writer *tw;
	int64_t id;
	const char *status;
	int replies; /* so far */
};

static void to(struct conv *c, int64_t at, const char *status)
{
	event(c->tw, c->id, at, "status", c->status, status);
	c->status = status;
}

static void reply(struct conv *c, int64_t at)
{
	event(c->tw, c->id, at, "reply", NULL, NULL);
	c->replies++;
	to(c, at, "pending");
}

static void message(struct conv *c, int64_t at)
{
	event(c->tw, c->id, at, "message", NULL, NULL);
	if (c->status[0] == 'p') /* pending: back to the team */
		to(c, at, "open");
}

/* A point p % of the way from a to b. */
static int64_t between(int64_t a, int64_t b, int64_t pct)
{
	return a + (b - a) * pct / 100;
}

/* m replies from the first (at frt) until `until`, each after a message. */
static void exchange(struct conv *c, rng *r, int64_t frt, int64_t until, int m)
{
	reply(c, frt);
	int64_t prev = frt;
	for (int j = 1; j < m; j++) {
		int64_t next = between(frt, until, 100 * j / m);
		if (next <= prev)
			next = prev + 1;
		message(c, between(prev, next, rng_range(r, 20, 80)));
		reply(c, next);
		prev = next;
	}
}

static void change(struct tl_writer *tw, const struct tl_ticket *t, int64_t at, const char *before, const char *after,
		   int64_t res_before, int64_t res_after, int reopened_before, int replies_before, int replies_after)
{
	sqlite3_stmt *s = tw->chg;
	sq_i64(s, 1, t->id);
	sq_i64(s, 2, at);
	sq_text(s, 3, before);
	sq_text(s, 4, after);
	sq_i64(s, 5, res_before);
	sq_i64(s, 6, res_after);
	sq_i64(s, 7, reopened_before);
	sq_i64(s, 8, reopened_before + (res_before != NONE && res_after == NONE));
	sq_i64(s, 9, replies_before);
	sq_i64(s, 10, replies_after);
	sq_i64(s, 11, t->csat < 0 ? NONE : t->csat);
	sq_i64(s, 12, t->csat < 0 ? NONE : t->csat);
	sq_i64(s, 13, t->agent);
	sq_i64(s, 14, t->agent);
	sq_run(s);
}

void tl_write(struct tl_writer *tw, const struct tl_ticket *t)
{
	rng r;
	rng_seed(&r, (uint64_t)t->id * 0x9E3779B97F4A7C15ULL ^ 0x7e1e11e5ULL);
	struct conv c = {tw, t->id, "new", 0};
	event(tw, t->id, t->created, "message", NULL, NULL);
	if (t->frt == NONE)
		return; /* never answered: new */
	if (t->resolved == NONE) {
		/* Still being worked on at the sample's end. */
		exchange(&c, &r, t->frt, between(t->frt, T_END, 70), t->replies);
		if (t->status[0] == 'o')
			message(&c, between(t->frt, T_END, rng_range(&r, 75, 99)));
		return;
	}
	int k = t->reopened, first = t->replies - k;
	exchange(&c, &r, t->frt, t->first_resolved, first);
	to(&c, t->first_resolved, "solved");
	int64_t solved = t->first_resolved;
	for (int i = 1; i <= k; i++) {
		int64_t next = between(t->first_resolved, t->resolved, 100 * i / k);
		if (i == k)
			next = t->resolved;
		int64_t back = between(solved, next, rng_range(&r, 10, 40));
		int64_t answer = between(back, next, rng_range(&r, 30, 70));
		int before = c.replies;
		event(tw, t->id, back, "message", NULL, NULL);
		event(tw, t->id, back, "reopened", NULL, NULL);
		to(&c, back, "open");
		change(tw, t, back, "solved", "open", solved, NONE, i - 1, before, before);
		reply(&c, answer);
		change(tw, t, answer, "open", "pending", NONE, NONE, i, before, c.replies);
		to(&c, next, "solved");
		change(tw, t, next, "pending", "solved", NONE, next, i, c.replies, c.replies);
		solved = next;
	}
	if (t->status[0] == 'c')
		to(&c, t->resolved + 4 * DAY, "closed");
	if (t->csat >= 0) {
		int64_t at = t->resolved + rng_range(&r, 300, 2 * DAY);
		event(tw, t->id, at < T_END ? at : t->resolved > T_END ? t->resolved : T_END, "rated", NULL, NULL);
	}
}
