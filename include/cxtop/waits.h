/* waits.h — how long a ticket waited on whom, from its timeline.
 *
 * Part of src/model: pure.  The store hands over a ticket's events in time
 * order (its created_at first, then what cxtop(5) calls the timeline:
 * customer messages, agent replies, status changes, reopens, ratings);
 * this file says, as of an instant (a period's end):
 *
 *   requester wait  the time the ticket was new or open: waiting on the team;
 *   agent wait      the time it was pending: waiting on the customer;
 *   next reply      for each customer message after the first reply, the
 *                   time to the next agent reply; a ticket's next-reply time
 *                   is its longest such wait.
 *
 * On hold (waiting on a third party), solved and closed count in neither.
 * Each is given on the clock and in business time (a schedule and its zone;
 * none: business equals calendar).  A status the events do not explain
 * (a change from a status the timeline never reached, as after an import
 * or a migration that could not know the history) makes the waits unknown,
 * never zero: cxtop shows "—" and leaves such a ticket out of the medians.
 */
#ifndef CXTOP_WAITS_H
#define CXTOP_WAITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cxtop/business_time.h"

enum cx_tl_kind {
	CX_TL_CREATED,  /* the ticket's created_at */
	CX_TL_MESSAGE,  /* a customer message */
	CX_TL_REPLY,    /* an agent's public reply */
	CX_TL_STATUS,   /* a status change: before -> after */
	CX_TL_REOPENED, /* the customer reopened a solved ticket */
	CX_TL_RATED,    /* a satisfaction rating was given */
	CX_TL_KINDS
};
extern const char *const cx_tl_kind_names[CX_TL_KINDS]; /* "created" .. "rated" */

enum cx_tl_status {
	CX_ST_NONE = -1, /* not known */
	CX_ST_NEW,
	CX_ST_OPEN,
	CX_ST_PENDING,
	CX_ST_HOLD,
	CX_ST_SOLVED,
	CX_ST_CLOSED,
	CX_ST_COUNT
};
extern const char *const cx_tl_status_names[CX_ST_COUNT]; /* "new" .. "closed" */
/* The status named s, or CX_ST_NONE. */
int cx_tl_status_of(const char *s);

typedef struct cx_tl_event {
	int64_t at;
	int8_t kind;          /* enum cx_tl_kind */
	int8_t before, after; /* CX_TL_STATUS: enum cx_tl_status; else CX_ST_NONE */
} cx_tl_event;

typedef struct cx_waits {
	bool known;              /* the status history explains the ticket */
	int64_t requester, agent; /* seconds on the clock; -1 when not known */
	int64_t requester_b, agent_b; /* the same in business time */
	int64_t next_reply, next_reply_b; /* the longest; -1: no customer message after the first reply was answered */
	int64_t awaiting_since;  /* a message after the first reply still unanswered at the end: its time; else -1 */
	int64_t next_replies;    /* how many next replies were given */
	int status;              /* at the end (enum cx_tl_status), as the events say */
} cx_waits;

/* An end after every event: the waits as they finally are, without the
 * time after the last event (a solved ticket's waits end at its solve). */
#define CX_WAITS_FINAL INT64_MAX

/* The waits of the events ev[0..n) (in time order; those at or after end
 * are not yet known at end), as of end.  ev[0] must be the CX_TL_CREATED;
 * the ticket is new from it until its first status change.  s and z give
 * business time (s NULL: business equals calendar). */
void cx_waits_of(const cx_tl_event *ev, size_t n, int64_t end, const cx_schedule *s, const cx_zone *z,
		 cx_waits *out);

#endif
