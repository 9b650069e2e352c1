/* claims.c — carrier claims for lost and damaged parcels.
 *
 * Support had not filed a claim in seven years; it starts on 2022-01-03.
 * In January it works through a backlog of old shipments, several already
 * past the carrier's deadline (some left as drafts, some filed anyway and
 * denied); after that claims follow new incidents.  Every status appears for
 * every carrier (the first fifteen claims see to it), paid claims recover at
 * most what was claimed (some only part), and dates that move money
 * (resolved_on) stay on days 2-27 like every other exact figure.
 *
 * Each claim's way to its status is kept in claim_changes, as the store's
 * trigger would have kept it had support updated the claim day by day:
 * filed (draft -> filed), approved (filed -> approved, a week or more after
 * filing; a paid claim is approved halfway to its payment), then denied or
 * paid.  So a claim approved in April reads as filed in the March report,
 * whenever it is printed.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample.h"

enum { DRAFT, FILED, APPROVED, DENIED, PAID, N_STATUS };
static const char *const status_name[N_STATUS] = {"draft", "filed", "approved", "denied", "paid"};

static const struct {
	const char *name;
	int window_days; /* from the ship date */
	int weight;
} carrier[3] = {{"UPS", 60, 40}, {"FedEx", 60, 30}, {"USPS", 60, 30}};

struct claim {
	int car, status, lost;
	int64_t order_ix, opened, filed, deadline, resolved, claimed, recovered, agent;
};

/* The day an approved or paid claim was approved (NONE for the others):
 * no draw from the generator, so that the claims themselves stay as they
 * were before their history was kept. */
static int64_t approved_on(const struct claim *c, int64_t id)
{
	if (c->status == PAID)
		return c->filed + (c->resolved - c->filed + 1) / 2;
	if (c->status != APPROVED)
		return NONE;
	int64_t day = c->filed + 7 + id % 9;
	return day <= END_DAY ? day : END_DAY;
}

/* One step of a claim's history: on `day` it went from status `from` to
 * `to` (filing sets filed_on; denial and payment set resolved_on and what
 * was recovered). */
static void step(sqlite3_stmt *h, int64_t id, const struct claim *c, int64_t day, int from, int to)
{
	char on[11], filed[11], resolved[11];
	fmt_date(on, day);
	if (c->filed != NONE)
		fmt_date(filed, c->filed);
	if (c->resolved != NONE)
		fmt_date(resolved, c->resolved);
	bool final = to == DENIED || to == PAID;
	sq_i64(h, 1, id);
	sq_text(h, 2, on);
	sq_text(h, 3, status_name[from]);
	sq_text(h, 4, status_name[to]);
	sq_text(h, 5, from == DRAFT ? NULL : filed);
	sq_text(h, 6, filed);
	sq_text(h, 7, NULL);
	sq_text(h, 8, final ? resolved : NULL);
	sq_i64(h, 9, 0);
	sq_i64(h, 10, to == PAID ? c->recovered : 0);
	sq_run(h);
}

static void history(sqlite3_stmt *h, int64_t id, const struct claim *c)
{
	if (c->status == DRAFT)
		return;
	step(h, id, c, c->filed, DRAFT, FILED);
	int64_t approved = approved_on(c, id);
	if (approved != NONE)
		step(h, id, c, approved, FILED, APPROVED);
	if (c->status == DENIED || c->status == PAID)
		step(h, id, c, c->resolved, approved != NONE ? APPROVED : FILED, c->status);
}

/* First regular order placed on or after day (regular orders are generated
 * day by day, so their days never decrease). */
static int first_order_on(const struct world *w, int64_t day)
{
	int lo = 0, hi = w->nregular;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (w->orders[mid].placed_at / DAY < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int64_t pick_order(const struct world *w, rng *r, unsigned char *used, int64_t from, int64_t to)
{
	int lo = first_order_on(w, from), hi = first_order_on(w, to + 1);
	if (hi <= lo)
		die("no orders between days %lld and %lld", (long long)from, (long long)to);
	for (;;) {
		int i = lo + (int)rng_below(r, hi - lo);
		if (!used[i]) {
			used[i] = 1;
			return i;
		}
	}
}

/* A resolution date on days 2..27 (never before from), or NONE when the
 * carrier could not have answered by the end of the sample. */
static int64_t resolution_day(int64_t from, int64_t day)
{
	if (day < from)
		day = from;
	while (mday(day) > 27 || mday(day) < 2)
		day++;
	return day <= END_DAY ? day : NONE;
}

/* Fills in the dates for the wanted status, settling for a less advanced
 * status when there is not enough time left before 2022-03-31. */
static void settle(rng *r, struct claim *c, int want)
{
	c->filed = c->resolved = NONE;
	c->recovered = 0;
	if (want == DRAFT) {
		c->status = DRAFT;
		return;
	}
	c->filed = c->opened + rng_below(r, 5);
	if (c->filed > END_DAY)
		c->filed = END_DAY;
	c->status = FILED;
	if (want == FILED)
		return;
	if (want == DENIED || want == PAID) {
		int64_t d = resolution_day(c->filed + 1, c->filed + (want == PAID ? rng_range(r, 14, 40) : rng_range(r, 7, 30)));
		if (d != NONE) {
			c->status = want;
			c->resolved = d;
			if (want == PAID)
				c->recovered = rng_chance(r, 6500) ? c->claimed : c->claimed * rng_range(r, 50, 95) / 100;
			return;
		}
		want = APPROVED;
	}
	if (c->filed + 7 <= END_DAY)
		c->status = APPROVED;
}

static int by_opened(const void *pa, const void *pb)
{
	const struct claim *a = pa, *b = pb;
	if (a->opened != b->opened)
		return a->opened < b->opened ? -1 : 1;
	return a->order_ix < b->order_ix ? -1 : a->order_ix > b->order_ix;
}

static void tracking(rng *r, int car, char *out, size_t len)
{
	static const char alnum[] = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
	char body[32];
	size_t n = car == 0 ? 16 : car == 1 ? 12 : 18;
	for (size_t i = 0; i < n; i++)
		body[i] = car == 0 && i < 6 ? alnum[rng_below(r, (int64_t)sizeof alnum - 1)] : (char)('0' + rng_below(r, 10));
	body[n] = '\0';
	snprintf(out, len, "%s%s", car == 0 ? "1Z" : car == 1 ? "" : "9400", body);
}

void gen_claims(struct world *w)
{
	rng r;
	rng_seed(&r, 0xc1a135ULL);
	enum { FORCED = 15, BACKLOG = 45, ONGOING = 150, TOTAL = FORCED + BACKLOG + ONGOING };
	struct claim *cl = xcalloc(TOTAL, sizeof *cl);
	unsigned char *used = xcalloc((size_t)w->nregular, 1);
	int64_t day0 = day_of(2022, 1, 3);
	int carrier_w[3] = {carrier[0].weight, carrier[1].weight, carrier[2].weight};

	for (int i = 0; i < TOTAL; i++) {
		struct claim *c = &cl[i];
		int want;
		int64_t shipped_from, shipped_to;
		if (i < FORCED) {
			/* One of each status for each carrier, early enough that
			 * any status is possible and well within the deadline. */
			c->car = i / N_STATUS;
			want = i % N_STATUS;
			c->opened = day0 + rng_range(&r, 1, 17);
			shipped_from = c->opened - 20, shipped_to = c->opened - 4;
		} else if (i < FORCED + BACKLOG) {
			/* The January backlog: parcels shipped since mid-October. */
			c->car = rng_pick(&r, carrier_w, 3);
			c->opened = day0 + rng_range(&r, 0, 24);
			shipped_from = day_of(2021, 10, 15), shipped_to = day_of(2021, 12, 20);
			want = -1;
		} else {
			c->car = rng_pick(&r, carrier_w, 3);
			c->opened = day0 + rng_below(&r, END_DAY - day0 + 1);
			shipped_from = c->opened - 30, shipped_to = c->opened - 5;
			want = -1;
		}
		c->order_ix = pick_order(w, &r, used, shipped_from - 1, shipped_to - 1);
		const struct order *o = &w->orders[c->order_ix];
		int64_t ship = o->placed_at / DAY + 1;
		c->deadline = ship + carrier[c->car].window_days;
		c->lost = rng_chance(&r, 4000);
		c->claimed = c->lost ? o->amount : o->amount * rng_range(&r, 40, 100) / 100;
		if (want < 0) {
			int64_t age = END_DAY - c->opened;
			if (c->opened > c->deadline) /* too late: left as a draft, or filed and denied */
				want = rng_chance(&r, 5000) ? DRAFT : DENIED;
			else if (age < 10)
				want = rng_chance(&r, 4500) ? DRAFT : FILED;
			else {
				static const int young[N_STATUS] = {15, 35, 20, 10, 20}, old[N_STATUS] = {6, 12, 12, 20, 50};
				want = rng_pick(&r, age < 30 ? young : old, N_STATUS);
			}
		}
		settle(&r, c, want);
		if (i < FORCED && c->status != want)
			die("claim %d cannot be %s", i, status_name[want]);
		do
			c->agent = w->agents[rng_below(&r, w->nagents)].id;
		while (!agent_active(&w->agents[c->agent - 1], c->opened));
	}
	qsort(cl, TOTAL, sizeof *cl, by_opened);

	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO carrier_claims (id, carrier, tracking_no, order_id, kind, opened_on,"
					 " filed_on, deadline_on, status, claimed, recovered, resolved_on, agent_id)"
					 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_stmt *h = sq_prep(w->db, "INSERT INTO claim_changes (claim_id, on_day, status_before, status_after,"
					 " filed_before, filed_after, resolved_before, resolved_after, recovered_before,"
					 " recovered_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (int i = 0; i < TOTAL; i++) {
		const struct claim *c = &cl[i];
		char tn[40], opened[11], filed[11], deadline[11], resolved[11];
		tracking(&r, c->car, tn, sizeof tn);
		fmt_date(opened, c->opened);
		fmt_date(deadline, c->deadline);
		if (c->filed != NONE)
			fmt_date(filed, c->filed);
		if (c->resolved != NONE)
			fmt_date(resolved, c->resolved);
		sq_i64(s, 1, i + 1);
		sq_text(s, 2, carrier[c->car].name);
		sq_text(s, 3, tn);
		sq_i64(s, 4, w->orders[c->order_ix].id);
		sq_text(s, 5, c->lost ? "lost" : "damaged");
		sq_text(s, 6, opened);
		sq_text(s, 7, c->filed != NONE ? filed : NULL);
		sq_text(s, 8, deadline);
		sq_text(s, 9, status_name[c->status]);
		sq_i64(s, 10, c->claimed);
		sq_i64(s, 11, c->recovered);
		sq_text(s, 12, c->resolved != NONE ? resolved : NULL);
		sq_i64(s, 13, c->agent);
		sq_run(s);
		history(h, i + 1, c);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(h);
	free(used);
	free(cl);
}
