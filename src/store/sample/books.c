/* books.c — the rows that are typed in rather than generated: monthly
 * costs, settings, and the order-notification channels of DOMAIN.md §4.
 *
 * Staff cost is derived from the roster, so it always matches the agents:
 * an agent counts for every month in which they were employed at all (the
 * January leaver counts for January, the November hire from November).
 */
#include <stdio.h>

#include "sample.h"

void gen_books(struct world *w)
{
	sqlite3_stmt *s = sq_prep(w->db, "INSERT INTO costs (month, kind, amount, note) VALUES (?, ?, ?, ?)");
	for (int m = 0; m < N_MONTHS; m++) {
		int64_t first = month_first(m), last = month_last(m), staff = 0;
		int heads = 0;
		for (int i = 0; i < w->nagents; i++) {
			const struct agent *a = &w->agents[i];
			if (a->hired <= last && (a->left == NONE || a->left >= first)) {
				staff += a->monthly_cost;
				heads++;
			}
		}
		char month[11], note[64];
		fmt_date(month, first);
		month[7] = '\0';
		snprintf(note, sizeof note, "%d agents", heads);
		sq_text(s, 1, month);
		sq_text(s, 2, "staff");
		sq_i64(s, 3, staff);
		sq_text(s, 4, note);
		sq_run(s);
		sq_text(s, 1, month);
		sq_text(s, 2, "platform");
		sq_i64(s, 3, 120000);
		sq_text(s, 4, "help desk subscription");
		sq_run(s);
		sq_text(s, 1, month);
		sq_text(s, 2, "other");
		sq_i64(s, 3, 30000);
		sq_text(s, 4, "telephony");
		sq_run(s);
	}
	sqlite3_finalize(s);

	/* cx_store_init wrote the defaults (liability 10 %, USD, $243 per
	 * lost customer); these are the sample's own. */
	static const char *const settings[][2] = {
		{"company_name", "Northbox Subscriptions"},
		{"notify_shipments", "6000"},
		{"notify_avg_check", "300000"},
		{"notify_currency", "RUB"},
	};
	s = sq_prep(w->db, "INSERT INTO settings (key, value) VALUES (?, ?)");
	for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		sq_text(s, 1, settings[i][0]);
		sq_text(s, 2, settings[i][1]);
		sq_run(s);
	}
	sqlite3_finalize(s);

	/* A cash-on-delivery shop's experiment: cost per order in kopecks,
	 * change in buyout rate in basis points. */
	static const struct {
		const char *name;
		int64_t cost_min, cost_max, buyout_min, buyout_max;
		const char *note;
	} channels[] = {
		{"Managers calling between other work", NONE, NONE, 50, 50, "their time"},
		{"Own call center (3 operators, scripts)", 2500, 2500, 350, 400, "scripts per segment"},
		{"Partner call centers (50-70 calls/day, <=2 min)", 7000, 10000, 50, 150,
		 "2.5-3 % below the own call center"},
		{"Automated status-triggered calls", 2000, 2000, 300, 400, "per-segment scripts"},
	};
	s = sq_prep(w->db, "INSERT INTO notify_channels (id, name, currency, cost_min, cost_max, buyout_min_bp,"
			   " buyout_max_bp, note) VALUES (?, ?, 'RUB', ?, ?, ?, ?, ?)");
	for (size_t i = 0; i < sizeof channels / sizeof channels[0]; i++) {
		sq_i64(s, 1, (int64_t)i + 1);
		sq_text(s, 2, channels[i].name);
		sq_i64(s, 3, channels[i].cost_min);
		sq_i64(s, 4, channels[i].cost_max);
		sq_i64(s, 5, channels[i].buyout_min);
		sq_i64(s, 6, channels[i].buyout_max);
		sq_text(s, 7, channels[i].note);
		sq_run(s);
	}
	sqlite3_finalize(s);
}
