/* campaigns.c — the campaigns table, and the two helpers that make the
 * campaigns hit DOMAIN.md's figures exactly: exactly_k (how many converted)
 * and priced (how much they paid, to the cent).
 *
 * Campaign rows go in by start date.  Two campaigns have no contacts on
 * purpose: the discount-code "campaign" (codes are handed out in tickets,
 * not by a mailing) and a notification pilot that has not started calling.
 */
#include <stdlib.h>

#include "sample.h"

enum { UPSELL, WINBACK, DISCOUNT, NOTIFY };

void gen_campaigns(struct world *w)
{
	static const struct {
		const char *name, *kind, *channel, *starts, *ends;
		int64_t cost_per_contact, target_bp, discount_bp;
		int winback_timing;
		int role, month; /* where the id goes: role, and 0..2 = Jan..Mar */
	} rows[] = {
		{"Agent discount codes", "discount", "chat", "2021-10-01", NULL, 0, 0, 1000, 0, DISCOUNT, 0},
		{"Welcome upsell — Jan 2022", "upsell", "email", "2022-01-01", "2022-01-31", 50, 2000, 0, 0, UPSELL, 0},
		{"Win-back — Jan 2022", "winback", "email", "2022-01-27", "2022-01-31", 200, 2000, 0, 1, WINBACK, 0},
		{"Welcome upsell — Feb 2022", "upsell", "email", "2022-02-01", "2022-02-28", 50, 2000, 0, 0, UPSELL, 1},
		{"Win-back — Feb 2022", "winback", "email", "2022-02-27", "2022-02-28", 200, 2000, 0, 1, WINBACK, 1},
		{"Welcome upsell — Mar 2022", "upsell", "email", "2022-03-01", "2022-03-31", 50, 2000, 0, 0, UPSELL, 2},
		{"Parcel status calls (pilot)", "notification", "phone", "2022-03-01", NULL, 35, 350, 0, 0, NOTIFY, 0},
		{"Win-back — Mar 2022", "winback", "email", "2022-03-27", "2022-03-31", 200, 2000, 0, 1, WINBACK, 2},
	};
	sqlite3_stmt *s = sq_prep(w->db,
				  "INSERT INTO campaigns (id, name, kind, channel, starts_on, ends_on, cost_per_contact,"
				  " target_rate_bp, discount_bp, renewal_day, dunning_days, handoff_day, updated_at)"
				  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				  /* set up at 09:00 UTC three days before it starts */
				  " CAST(strftime('%s', ?5, '-3 days', '+9 hours') AS INTEGER))");
	for (int i = 0; i < (int)(sizeof rows / sizeof rows[0]); i++) {
		int64_t id = i + 1;
		sq_i64(s, 1, id);
		sq_text(s, 2, rows[i].name);
		sq_text(s, 3, rows[i].kind);
		sq_text(s, 4, rows[i].channel);
		sq_text(s, 5, rows[i].starts);
		sq_text(s, 6, rows[i].ends);
		sq_i64(s, 7, rows[i].cost_per_contact);
		sq_i64(s, 8, rows[i].target_bp);
		sq_i64(s, 9, rows[i].discount_bp);
		/* Renewals on the 15th, 12 days of dunning, support on the 27th. */
		sq_i64(s, 10, rows[i].winback_timing ? 15 : NONE);
		sq_i64(s, 11, rows[i].winback_timing ? 12 : NONE);
		sq_i64(s, 12, rows[i].winback_timing ? 27 : NONE);
		sq_run(s);
		switch (rows[i].role) {
		case UPSELL:
			w->camp_upsell[rows[i].month] = id;
			break;
		case WINBACK:
			w->camp_winback[rows[i].month] = id;
			break;
		case DISCOUNT:
			w->camp_discount = id;
			break;
		default:
			w->camp_notify = id;
			break;
		}
	}
	sqlite3_finalize(s);
}

void exactly_k(rng *r, int *flag, int n, int k)
{
	int have = 0;
	if (k < 0 || k > n)
		die("cannot choose %d of %d", k, n);
	for (int i = 0; i < n; i++)
		have += flag[i] != 0;
	/* Drop or add at random until the count is right. */
	while (have > k) {
		int i = (int)rng_below(r, n);
		if (flag[i]) {
			flag[i] = 0;
			have--;
		}
	}
	while (have < k) {
		int i = (int)rng_below(r, n);
		if (!flag[i]) {
			flag[i] = 1;
			have++;
		}
	}
}

void priced(rng *r, const int64_t *tiers, const int *tier_w, int ntiers, int tax_bp, int n, int64_t total,
	    int64_t *out)
{
	int *tier = xcalloc((size_t)n, sizeof *tier);
	int64_t *base = xcalloc((size_t)n, sizeof *base), *cap = xcalloc((size_t)n, sizeof *cap);
	for (int i = 0; i < n; i++)
		tier[i] = rng_pick(r, tier_w, ntiers);
	if (total >= 0) {
		/* Move customers between plans until the tax needed lies in the
		 * middle half of what tax can add: then every row keeps a
		 * plausible plan price plus a plausible tax. */
		for (int guard = 0;; guard++) {
			int64_t sum = 0, room = 0;
			for (int i = 0; i < n; i++) {
				sum += tiers[tier[i]];
				room += tiers[tier[i]] * tax_bp / 10000;
			}
			int64_t need = total - sum;
			int dir = need < room / 4 ? -1 : need > room * 3 / 4 ? 1 : 0;
			if (dir == 0)
				break;
			if (guard > 100000)
				die("cannot price %d rows to %lld", n, (long long)total);
			int i = (int)rng_below(r, n);
			if (tier[i] + dir >= 0 && tier[i] + dir < ntiers)
				tier[i] += dir;
		}
	}
	for (int i = 0; i < n; i++) {
		base[i] = tiers[tier[i]];
		cap[i] = base[i] * tax_bp / 10000;
		out[i] = base[i] + rng_below(r, cap[i] + 1);
	}
	if (total >= 0 && fit_total(r, out, base, cap, n, total) < 0)
		die("cannot price %d rows to %lld", n, (long long)total);
	free(tier);
	free(base);
	free(cap);
}
