/* people.c — the support team and the customer base.
 *
 * The agents are written by hand: DOMAIN.md needs agents who really differ
 * (a fast agent with low CSAT, a slow one customers love, one who sells),
 * names in Finnish, Cyrillic and CJK, one who left and one hired late.
 * Customers are generated: a base signed up before the window, then new
 * subscribers every month.  From January on, the new subscribers who sign
 * up by the 26th are the cohort that month's welcome campaign contacts
 * (they are contacted within a day, and contacts stay on days 2-27 so the
 * monthly figures hold in any time zone); later sign-ups are not contacted.
 */
#include <stdlib.h>

#include "sample.h"

/* name, team, code, monthly cost, hired, left, frt, res, csat, reopen, load, upsell, winback */
static const struct {
	const char *name, *team, *code;
	int64_t cost;
	int hy, hm, hd; /* hired on */
	int ly, lm, ld; /* left on, 0 = still here */
	int frt_pm, res_pm, csat_shift, reopen_bp, load, upsell_w, winback_w;
} roster[] = {
	{"Aino Mäkinen", "Frontline", "AINO10", 205000, 2019, 3, 4, 0, 0, 0, 950, 950, 2, 400, 10, 22, 0},
	/* Fast but sloppy: short first responses, more reopens, low CSAT. */
	{"Jyrki Häkkinen", "Frontline", "JYRKI10", 198000, 2020, 8, 17, 0, 0, 0, 420, 700, -18, 1100, 13, 18, 0},
	/* The seller: most discount-code orders and upsell conversions. */
	{"Maria Garcia", "Frontline", "MARIA10", 215000, 2018, 11, 12, 0, 0, 0, 1000, 1000, 3, 400, 10, 36, 0},
	{"Дмитрий Волков", "Frontline", "DMITRI10", 189000, 2021, 2, 1, 0, 0, 0, 1100, 1050, 0, 500, 10, 20, 0},
	{"王芳", "Frontline", "WANGFANG10", 192000, 2020, 5, 18, 0, 0, 0, 900, 900, 4, 350, 10, 23, 0},
	/* Left mid-January: nothing of his after 2022-01-14. */
	{"James O'Brien", "Frontline", "JAMES10", 185000, 2019, 9, 9, 2022, 1, 14, 1150, 1200, -3, 600, 9, 19, 0},
	/* Hired in November, still ramping up. */
	{"Priya Nair", "Frontline", "PRIYA10", 176000, 2021, 11, 8, 0, 0, 0, 1250, 1300, 0, 700, 7, 20, 0},
	{"Mikko Virtanen", "Frontline", "MIKKO10", 201000, 2020, 1, 13, 0, 0, 0, 1000, 1000, 1, 450, 10, 21, 0},
	{"Ahmed Hassan", "Frontline", "AHMED10", 194000, 2021, 4, 6, 0, 0, 0, 1050, 950, 1, 450, 10, 22, 0},
	{"Emma Lindqvist", "Frontline", "EMMA10", 187000, 2021, 6, 21, 0, 0, 0, 980, 1100, 0, 500, 10, 21, 0},
	/* Slow but loved: long first responses, the best CSAT, rare reopens. */
	{"Ольга Смирнова", "Retention", "OLGA10", 226000, 2017, 10, 2, 0, 0, 0, 2100, 1400, 15, 200, 8, 0, 26},
	{"Lena Korhonen", "Retention", "LENA10", 212000, 2019, 1, 21, 0, 0, 0, 1000, 950, 3, 400, 9, 0, 21},
	{"Иван Петров", "Retention", "IVAN10", 203000, 2020, 10, 5, 0, 0, 0, 1100, 1050, 0, 500, 9, 0, 19},
	{"佐藤健", "Retention", "KEN10", 199000, 2021, 3, 15, 0, 0, 0, 950, 1000, 2, 400, 9, 0, 20},
	{"Sofia Rossi", "Retention", "SOFIA10", 197000, 2019, 6, 10, 0, 0, 0, 1050, 1050, -1, 550, 9, 0, 17},
};

void gen_agents(struct world *w)
{
	int n = (int)(sizeof roster / sizeof roster[0]);
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO agents (id, name, team, discount_code, monthly_cost, hired_on, left_on)"
					 " VALUES (?, ?, ?, ?, ?, ?, ?)");
	w->agents = xcalloc((size_t)n, sizeof *w->agents);
	w->nagents = n;
	for (int i = 0; i < n; i++) {
		struct agent *a = &w->agents[i];
		char hired[11], left[11];
		a->id = i + 1;
		a->name = roster[i].name;
		a->team = roster[i].team;
		a->code = roster[i].code;
		a->monthly_cost = roster[i].cost;
		a->hired = day_of(roster[i].hy, roster[i].hm, roster[i].hd);
		a->left = roster[i].ly ? day_of(roster[i].ly, roster[i].lm, roster[i].ld) : NONE;
		a->frt_pm = roster[i].frt_pm;
		a->res_pm = roster[i].res_pm;
		a->csat_shift = roster[i].csat_shift;
		a->reopen_bp = roster[i].reopen_bp;
		a->load = roster[i].load;
		a->upsell_w = roster[i].upsell_w;
		a->winback_w = roster[i].winback_w;
		fmt_date(hired, a->hired);
		if (a->left != NONE)
			fmt_date(left, a->left);
		sq_i64(s, 1, a->id);
		sq_text(s, 2, a->name);
		sq_text(s, 3, a->team);
		sq_text(s, 4, a->code);
		sq_i64(s, 5, a->monthly_cost);
		sq_text(s, 6, hired);
		sq_text(s, 7, a->left != NONE ? left : NULL);
		sq_run(s);
	}
	sqlite3_finalize(s);
}

int agent_active(const struct agent *a, int64_t day)
{
	return day >= a->hired && (a->left == NONE || day <= a->left);
}

/* ---- customers ---------------------------------------------------------- */

#define BASE_CUSTOMERS 5000

struct signup {
	int64_t at;
	int cohort;
	int seq; /* generation order: the tie-break that keeps sorting stable */
};

static int by_time(const void *pa, const void *pb)
{
	const struct signup *a = pa, *b = pb;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Satisfaction 1..10 when asked: mostly happy, about 7 % on the watchlist. */
static const int satisfaction_w[10] = {1, 1, 1, 1, 1, 2, 14, 29, 24, 26};

void gen_customers(struct world *w)
{
	rng r;
	rng_seed(&r, 0xc0570e25ULL);
	/* New subscribers per month, Oct..Dec; Jan..Mar have a cohort + late. */
	static const int monthly[3] = {950, 1000, 1150};
	int cohort_n[3], late_n[3];
	cohort_n[0] = 1600 + (int)rng_below(&r, 41);
	cohort_n[1] = 1701;
	cohort_n[2] = 1640 + (int)rng_below(&r, 51);
	late_n[0] = 110 + (int)rng_below(&r, 30);
	late_n[1] = 40 + (int)rng_below(&r, 15);
	late_n[2] = 110 + (int)rng_below(&r, 30);

	int cap = BASE_CUSTOMERS + 3 * 1200 + 3 * 1900;
	struct signup *su = xcalloc((size_t)cap, sizeof *su);
	int n = 0;
	int64_t base_from = day_of(2019, 6, 1), span = START_DAY - base_from;
	for (int i = 0; i < BASE_CUSTOMERS; i++) {
		/* max of two uniforms: sign-ups grow over time. */
		int64_t a = rng_below(&r, span), b = rng_below(&r, span);
		su[n].at = (base_from + (a > b ? a : b)) * DAY + rng_below(&r, DAY);
		su[n].cohort = -1;
		su[n].seq = n;
		n++;
	}
	for (int m = 0; m < 3; m++) {
		int64_t first = month_first(m), days = month_last(m) - first + 1;
		int count = monthly[m] + (int)rng_range(&r, -30, 30);
		for (int i = 0; i < count; i++, n++) {
			su[n].at = first * DAY + rng_below(&r, days * DAY);
			su[n].cohort = -1;
			su[n].seq = n;
		}
	}
	for (int m = 3; m < 6; m++) {
		int64_t first = month_first(m), last = month_last(m);
		for (int i = 0; i < cohort_n[m - 3]; i++, n++) {
			/* Day 1 00:00 .. day 26 23:59: contacted the next day. */
			su[n].at = first * DAY + rng_below(&r, 26 * DAY);
			su[n].cohort = m;
			su[n].seq = n;
		}
		for (int i = 0; i < late_n[m - 3]; i++, n++) {
			su[n].at = (first + 26) * DAY + rng_below(&r, (last - first - 25) * DAY);
			su[n].cohort = -1;
			su[n].seq = n;
		}
	}
	qsort(su, (size_t)n, sizeof *su, by_time);

	w->customers = xcalloc((size_t)n, sizeof *w->customers);
	w->ncustomers = n;
	email_set *emails = email_set_new();
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO customers (id, name, email, segment, blacklisted, satisfaction, created_at)"
					 " VALUES (?, ?, ?, ?, ?, ?, ?)");
	int64_t new_from = day_of(2022, 1, 1) * DAY, vip_before = day_of(2021, 7, 1) * DAY;
	for (int i = 0; i < n; i++) {
		struct customer *c = &w->customers[i];
		char name[128], email[160];
		c->id = i + 1;
		c->created_at = su[i].at;
		c->cohort = su[i].cohort;
		make_person(&r, emails, name, sizeof name, email, sizeof email);
		if (c->created_at >= new_from)
			c->segment = "new";
		else if (rng_chance(&r, 1400))
			c->segment = "lapsed";
		else if (c->created_at < vip_before && rng_chance(&r, 900))
			c->segment = "vip";
		else
			c->segment = "standard";
		/* Bad buyout history takes time to earn: only older customers. */
		c->blacklisted = c->created_at < new_from && rng_chance(&r, 180);
		c->satisfaction = rng_chance(&r, 4000) ? 1 + rng_pick(&r, satisfaction_w, 10) : 0;
		c->subscriber = c->segment[0] != 'l' && !c->blacklisted;
		sq_i64(s, 1, c->id);
		sq_text(s, 2, name);
		sq_text(s, 3, email);
		sq_text(s, 4, c->segment);
		sq_i64(s, 5, c->blacklisted);
		sq_i64(s, 6, c->satisfaction ? c->satisfaction : NONE);
		sq_i64(s, 7, c->created_at);
		sq_run(s);
	}
	sqlite3_finalize(s);
	email_set_free(emails);
	free(su);
}

int customers_by(const struct world *w, int64_t t)
{
	int lo = 0, hi = w->ncustomers; /* first index with created_at > t */
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (w->customers[mid].created_at <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int pick_customer(const struct world *w, rng *r, int64_t t)
{
	int n = customers_by(w, t);
	if (n == 0)
		die("no customer exists yet at %lld", (long long)t);
	return (int)rng_below(r, n);
}
