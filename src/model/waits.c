/* waits.c — requester and agent wait and next-reply times from a ticket's
 * timeline (waits.h).
 *
 * One walk over the events: the status in force since the last change
 * decides which wait the time since then adds to, and the span is counted
 * twice, on the clock and in the schedule's hours.  A status change whose
 * "before" is not the status in force breaks the chain: the waits are not
 * known (the history before it is missing), and no figure pretends they are.
 */
#include "cxtop/waits.h"

#include <string.h>

const char *const cx_tl_kind_names[CX_TL_KINDS] = {"created", "message", "reply", "status", "reopened", "rated"};
const char *const cx_tl_status_names[CX_ST_COUNT] = {"new", "open", "pending", "hold", "solved", "closed"};

int cx_tl_status_of(const char *s)
{
	for (int i = 0; s && i < CX_ST_COUNT; i++)
		if (strcmp(s, cx_tl_status_names[i]) == 0)
			return i;
	return CX_ST_NONE;
}

static int64_t business(const cx_schedule *s, const cx_zone *z, int64_t from, int64_t to)
{
	if (to <= from)
		return 0;
	return s ? cx_business_seconds(s, z, from, to) : to - from;
}

struct walk {
	const cx_schedule *s;
	const cx_zone *z;
	cx_waits *w;
	int status;
	int64_t since; /* when the status in force began */
};

/* The span [since, to) in the status in force. */
static void add_span(struct walk *k, int64_t to)
{
	if (to <= k->since)
		return;
	if (k->status == CX_ST_NEW || k->status == CX_ST_OPEN) {
		k->w->requester += to - k->since;
		k->w->requester_b += business(k->s, k->z, k->since, to);
	} else if (k->status == CX_ST_PENDING) {
		k->w->agent += to - k->since;
		k->w->agent_b += business(k->s, k->z, k->since, to);
	}
	k->since = to;
}

void cx_waits_of(const cx_tl_event *ev, size_t n, int64_t end, const cx_schedule *s, const cx_zone *z,
		 cx_waits *out)
{
	memset(out, 0, sizeof *out);
	out->next_reply = out->next_reply_b = out->awaiting_since = -1;
	out->status = CX_ST_NONE;
	if (n == 0 || ev[0].kind != CX_TL_CREATED || ev[0].at >= end) {
		out->requester = out->agent = out->requester_b = out->agent_b = -1;
		return;
	}
	struct walk k = {s, z, out, CX_ST_NEW, ev[0].at};
	bool known = true, replied = false;
	int64_t awaiting = -1;
	for (size_t i = 1; i < n && ev[i].at < end; i++) {
		const cx_tl_event *e = &ev[i];
		switch (e->kind) {
		case CX_TL_STATUS:
			add_span(&k, e->at);
			known &= e->before == k.status;
			k.status = e->after;
			break;
		case CX_TL_MESSAGE:
			/* The first unanswered message after the first reply starts
			 * the wait; more messages before the reply do not restart it. */
			if (replied && awaiting < 0)
				awaiting = e->at;
			break;
		case CX_TL_REPLY:
			if (awaiting >= 0) {
				int64_t c = e->at - awaiting, b = business(s, z, awaiting, e->at);
				if (c > out->next_reply)
					out->next_reply = c;
				if (b > out->next_reply_b)
					out->next_reply_b = b;
				out->next_replies++;
				awaiting = -1;
			}
			replied = true;
			break;
		default:
			break;
		}
	}
	/* Final: the time after the last event runs in no period. */
	if (end != CX_WAITS_FINAL)
		add_span(&k, end);
	out->status = k.status;
	out->awaiting_since = awaiting;
	out->known = known;
	if (!known)
		out->requester = out->agent = out->requester_b = out->agent_b = -1;
}
