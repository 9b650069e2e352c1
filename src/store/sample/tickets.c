/* tickets.c — six months of help-desk tickets, the KPI side of the sample.
 *
 * Volumes follow the week (quiet weekends) and the season (December peak).
 * Times are skewed (rng_skewed) around a median per channel - chat in
 * minutes, email in hours, phone almost at once - stretched by complexity
 * and by the agent's own pace, so per-agent, per-channel and per-topic
 * figures really differ.  About 4 % are unresolved, mostly from the last
 * two weeks of March; about 1.5 % were never answered at all; CSAT is asked
 * on about 55 % of solved tickets.  The agent who left gets nothing that
 * would still be going on after his last day.
 */
#include <stdlib.h>
#include <string.h>

#include "sample.h"

enum { EMAIL, CHAT, PHONE, SOCIAL, SMS, N_CHANNELS };
static const char *const channel_name[N_CHANNELS] = {"email", "chat", "phone", "social", "sms"};
static const int channel_w[N_CHANNELS] = {45, 25, 15, 8, 7};
/* Medians in seconds: until the first response, and from it to the
 * resolution when more than one reply is needed. */
static const int64_t frt_median[N_CHANNELS] = {4 * 3600, 90, 20, 90 * 60, 45 * 60};
static const int64_t res_median[N_CHANNELS] = {20 * 3600, 15 * 60, 8 * 60, 6 * 3600, 3 * 3600};

static const struct {
	const char *name;
	int weight;
	int complexity_w[3];
	int retention; /* the Retention team takes most of these */
} topic[] = {
	{"shipping delay", 22, {60, 35, 5}, 0},
	{"damaged item", 10, {15, 50, 35}, 0},
	{"billing", 14, {30, 50, 20}, 1},
	{"subscription change", 15, {65, 30, 5}, 1},
	{"cancellation", 9, {35, 45, 20}, 1},
	{"product question", 13, {75, 22, 3}, 0},
	{"returns & exchanges", 11, {20, 50, 30}, 0},
	{"login", 6, {80, 18, 2}, 0},
};
#define N_TOPICS ((int)(sizeof topic / sizeof topic[0]))

static const int complexity_frt_pm[3] = {1000, 1100, 1250};
static const int complexity_res_pm[3] = {1000, 2200, 5000};
static const int one_touch_bp[3] = {6500, 3500, 1000};
/* CSAT 0..10 as customers give it: skewed high. */
static const int csat_w[11] = {3, 1, 1, 2, 2, 3, 4, 8, 15, 23, 38};
/* Tickets by hour of day, UTC (customers are mostly in the Americas). */
static const int hour_w[24] = {2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9, 9, 8, 8, 7, 6, 4, 3};
static const int weekday_pm[7] = {1120, 1080, 1050, 1020, 1000, 820, 780};
static const int month_pm[N_MONTHS] = {970, 1000, 1150, 1080, 950, 1000};

enum { SOLVED, OPEN, NEVER };

struct ticket {
	int64_t customer, agent, created, frt, resolved;
	int64_t first_resolved; /* before any reopening: resolved, unless reopened */
	int channel, topic, complexity, csat, replies, reopened;
	int seq; /* order of generation: keeps the sort deterministic */
	const char *status;
};

static int64_t scaled(int64_t v, int pm1, int pm2)
{
	return v * pm1 / 1000 * pm2 / 1000;
}

/* Everything that follows from who handles the ticket and how it ends. */
static void handle(rng *r, struct ticket *t, const struct agent *a, int fate)
{
	int cx = t->complexity - 1;
	t->agent = a->id;
	t->frt = t->created + scaled(rng_skewed(r, frt_median[t->channel]), complexity_frt_pm[cx], a->frt_pm);
	t->resolved = t->first_resolved = NONE;
	t->csat = -1;
	t->reopened = 0;
	if (fate == OPEN) {
		t->replies = 1 + (int)rng_below(r, 3);
		t->status = rng_chance(r, 5500) ? "open" : "pending";
		return;
	}
	int64_t done;
	if (rng_chance(r, one_touch_bp[cx])) {
		t->replies = 1;
		/* Email and messages are solved with the reply; a call or a chat
		 * lasts a few minutes. */
		done = t->frt + (t->channel == PHONE || t->channel == CHAT ? rng_skewed(r, 6 * 60) : rng_range(r, 30, 600));
	} else {
		t->replies = 2 + (int)rng_below(r, 2 + 2 * cx);
		done = t->frt + scaled(rng_skewed(r, res_median[t->channel]), complexity_res_pm[cx], a->res_pm);
	}
	/* Solved here first; a reopened ticket is solved again a day or so
	 * after each reopening, which moves only its final resolution. */
	t->first_resolved = done;
	if (rng_chance(r, a->reopen_bp)) {
		t->reopened = rng_chance(r, 8500) ? 1 : 2;
		for (int i = 0; i < t->reopened; i++) {
			t->replies += 1 + (int)rng_below(r, 2);
			done += rng_skewed(r, DAY);
		}
	}
	t->resolved = done;
	/* Solved tickets close automatically four days later. */
	t->status = done < T_END - 4 * DAY ? "closed" : "solved";
	if (rng_chance(r, 5500)) {
		int c = rng_pick(r, csat_w, 11), s = a->csat_shift;
		c += s / 10;
		if (rng_below(r, 10) < (s < 0 ? -s : s) % 10)
			c += s < 0 ? -1 : 1;
		if (t->reopened)
			c -= 2;
		if (cx == 2 && rng_chance(r, 4000))
			c--;
		t->csat = c < 0 ? 0 : c > 10 ? 10 : c;
	}
}

static const struct agent *pick_agent(const struct world *w, rng *r, int64_t day, int retention_topic,
				      int allow_leavers)
{
	int wt[64], n = w->nagents < 64 ? w->nagents : 64;
	for (int i = 0; i < n; i++) {
		const struct agent *a = &w->agents[i];
		int ret = strcmp(a->team, "Retention") == 0;
		wt[i] = agent_active(a, day) && (allow_leavers || a->left == NONE) ? a->load : 0;
		wt[i] *= ret == retention_topic ? 6 : ret ? 1 : 2;
	}
	return &w->agents[rng_pick(r, wt, n)];
}

static int by_created(const void *pa, const void *pb)
{
	const struct ticket *a = pa, *b = pb;
	if (a->created != b->created)
		return a->created < b->created ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The priority the help desk gave a ticket: drawn from a hash of its id,
 * not from the generator's stream, so that every other figure of the
 * sample stays as it was before tickets had priorities.  Harder tickets
 * are more often high or urgent; about 3 in 100 were given none. */
static const char *priority_of(int64_t id, const struct ticket *t)
{
	uint64_t h = (uint64_t)id * 0x9E3779B97F4A7C15ULL;
	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 29;
	int pm = (int)(h % 1000);
	static const int urgent_pm[3] = {15, 40, 90}, high_pm[3] = {90, 160, 260}, low_pm[3] = {260, 180, 90};
	int cx = t->complexity - 1;
	if (pm < 30)
		return NULL;
	pm -= 30;
	if (pm < urgent_pm[cx])
		return "urgent";
	pm -= urgent_pm[cx];
	if (pm < high_pm[cx])
		return "high";
	pm -= high_pm[cx];
	if (pm < low_pm[cx])
		return "low";
	return "normal";
}

void gen_tickets(struct world *w)
{
	rng r;
	rng_seed(&r, 0x71c4e75ULL);
	int topic_w[N_TOPICS];
	for (int i = 0; i < N_TOPICS; i++)
		topic_w[i] = topic[i].weight;
	struct ticket *day_t = xcalloc(400, sizeof *day_t);
	int64_t id = 0;
	struct tl_writer *tw = tl_open(w->db);
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO tickets (id, customer_id, agent_id, channel, topic, complexity, created_at,"
					 " first_response_at, resolved_at, status, csat, replies, reopened, priority,"
					 " first_resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (int64_t day = START_DAY; day <= END_DAY; day++) {
		int64_t n = 130 * rng_range(&r, 920, 1080) / 1000 * weekday_pm[weekday(day)] / 1000 *
			    month_pm[month_ix(day)] / 1000;
		if (n > 400)
			n = 400;
		for (int64_t k = 0; k < n; k++) {
			struct ticket *t = &day_t[k];
			memset(t, 0, sizeof *t);
			t->seq = (int)k;
			t->created = at(day, rng_pick(&r, hour_w, 24), 0, 0);
			t->created += rng_below(&r, 3600);
			t->customer = w->customers[pick_customer(w, &r, t->created)].id;
			t->channel = rng_pick(&r, channel_w, N_CHANNELS);
			t->topic = rng_pick(&r, topic_w, N_TOPICS);
			t->complexity = 1 + rng_pick(&r, topic[t->topic].complexity_w, 3);

			/* The backlog at the end of March is mostly recent. */
			int recent = T_END - t->created < 14 * DAY;
			int fate = SOLVED;
			if (rng_chance(&r, recent ? 1300 : 40))
				fate = NEVER;
			else if (rng_chance(&r, recent ? 1600 : 70))
				fate = OPEN;
			const struct agent *a = pick_agent(w, &r, day, topic[t->topic].retention, 1);
			for (int tries = 0; fate != NEVER; tries++) {
				handle(&r, t, a, fate);
				if (t->frt > T_END)
					fate = NEVER; /* nobody got to it yet */
				else if (fate == SOLVED && t->resolved > T_END)
					fate = OPEN; /* still being worked on */
				else if (a->left != NONE &&
					 (fate == OPEN || t->resolved >= (a->left + 1) * DAY || t->frt >= (a->left + 1) * DAY))
					/* Would outlast the agent who left: someone else takes it. */
					a = pick_agent(w, &r, day, topic[t->topic].retention, 0);
				else
					break;
				if (tries > 100)
					die("cannot place a ticket on day %lld", (long long)day);
			}
			if (fate == NEVER) {
				t->agent = t->frt = t->resolved = t->first_resolved = NONE;
				t->replies = t->reopened = 0;
				t->csat = -1;
				t->status = "new";
			}
		}
		qsort(day_t, (size_t)n, sizeof *day_t, by_created);
		for (int64_t k = 0; k < n; k++) {
			const struct ticket *t = &day_t[k];
			sq_i64(s, 1, ++id);
			sq_i64(s, 2, t->customer);
			sq_i64(s, 3, t->agent);
			sq_text(s, 4, channel_name[t->channel]);
			sq_text(s, 5, topic[t->topic].name);
			sq_i64(s, 6, t->complexity);
			sq_i64(s, 7, t->created);
			sq_i64(s, 8, t->frt);
			sq_i64(s, 9, t->resolved);
			sq_text(s, 10, t->status);
			sq_i64(s, 11, t->csat < 0 ? NONE : t->csat);
			sq_i64(s, 12, t->replies);
			sq_i64(s, 13, t->reopened);
			const char *prio = priority_of(id, t);
			if (prio)
				sq_text(s, 14, prio);
			else
				sqlite3_bind_null(s, 14);
			sq_i64(s, 15, t->first_resolved);
			sq_run(s);
			tl_write(tw, &(struct tl_ticket){id, t->agent, t->created, t->frt, t->resolved, t->first_resolved,
							 t->replies, t->reopened, t->csat, t->status});
		}
	}
	sqlite3_finalize(s);
	tl_close(tw);
	free(day_t);
}
