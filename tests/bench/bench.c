/* bench.c — in-process timings for `make bench`: the dashboard compute, a
 * list page near the start and deep in the list, and a what-if slider
 * step.  Prints medians; asserts nothing (timings belong in a benchmark,
 * not in the tests).
 *
 * Usage: bench STORE.db
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cxtop/dashboard.h"
#include "cxtop/model.h"
#include "cxtop/report.h"
#include "cxtop/store.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void line(const char *what, double ms, const char *aim)
{
	if (ms < 1)
		printf("%-44s %10.3f ms   %s\n", what, ms, aim);
	else
		printf("%-44s %10.1f ms   %s\n", what, ms, aim);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench STORE.db\n");
		return 2;
	}
	cx_error err = {0};
	cx_store *st = cx_store_open(argv[1], CX_OPEN_READ_ONLY, &err);
	if (!st) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	cx_period p;
	if (cx_report_default_period(st, CX_PERIOD_MONTH, &p, &err) < 0) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	enum { RUNS = 7, PAGES = 25, STEPS = 10000 };
	double t[PAGES];

	/* Dashboard: every panel, as the UI loads it on each refresh. */
	for (int i = 0; i < RUNS; i++) {
		cx_dashboard d;
		double a = now_ms();
		if (cx_dashboard_load(st, &p, 1000, &d, &err) < 0) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		t[i] = now_ms() - a;
		cx_dashboard_free(&d);
	}
	line("dashboard compute (all panels, one month)", median(t, RUNS), "aim <= 20 ms");
	/* Longer periods ending with the same month: a quarter, a year, all. */
	{
		int64_t oldest = 0;
		cx_store_oldest_ticket(st, &oldest, &err);
		int32_t first = cx_local_day(oldest);
		const struct {
			const char *what;
			int32_t from;
		} longer[] = {
			{"dashboard compute, quarter", p.to_day - 91},
			{"dashboard compute, year", p.to_day - 364},
			{"dashboard compute, all time", first},
		};
		for (size_t k = 0; k < sizeof longer / sizeof longer[0]; k++) {
			cx_period q = cx_period_range(longer[k].from < first ? first : longer[k].from, p.to_day);
			for (int i = 0; i < RUNS; i++) {
				cx_dashboard d;
				double a = now_ms();
				if (cx_dashboard_load(st, &q, 1000, &d, &err) < 0) {
					fprintf(stderr, "bench: %s\n", err.msg);
					return 1;
				}
				t[i] = now_ms() - a;
				cx_dashboard_free(&d);
			}
			line(longer[k].what, median(t, RUNS), "aim <= 20 ms");
		}
	}

	/* Where the dashboard's time goes: each store call on its own. */
	{
		cx_ticket_group_row *rows;
		size_t nr;
		int64_t v, daily[CX_DASH_MAX_DAYS];
		cx_pnl_raw pr;
		cx_score_raw *sr;
		cx_open_claims_summary oc;
		cx_watch_counts wc;
		const char *names[] = {"team KPIs", "channel KPIs", "backlog", "P&L inputs", "daily volume",
				       "leaderboard counts", "open claims", "watch counts"};
		for (int part = 0; part < 8; part++) {
			for (int i = 0; i < RUNS; i++) {
				double a = now_ms();
				switch (part) {
				case 0:
				case 1:
					cx_store_ticket_kpis(st, &p, part ? CX_GROUP_CHANNEL : CX_GROUP_TEAM, &rows, &nr, &err);
					free(rows);
					break;
				case 2:
					cx_store_backlog(st, &p, &v, &err);
					break;
				case 3:
					cx_store_pnl(st, &p, &pr, &err);
					break;
				case 4:
					cx_store_daily_volume(st, &p, daily, CX_DASH_MAX_DAYS, &err);
					break;
				case 5:
					cx_store_score_raw(st, &p, 3600, 172800, false, &sr, &nr, &err);
					free(sr);
					break;
				case 6:
					cx_store_open_claims_summary(st, p.to_day, &oc, &err);
					break;
				default:
					cx_store_watch_counts(st, &p, &wc, &err);
					break;
				}
				t[i] = now_ms() - a;
			}
			char what[64];
			snprintf(what, sizeof what, "  of which %s", names[part]);
			line(what, median(t, RUNS), "");
		}
	}

	/* A screen of tickets, all time: the first page, and one 400,000 rows
	 * deep (keyset: the key of that row, found once, untimed). */
	cx_ticket_filter f = {0};
	cx_ticket_item items[40];
	int n;
	for (int i = 0; i < PAGES; i++) {
		double a = now_ms();
		cx_store_tickets_page(st, &f, NULL, false, false, 40, items, &n, &err);
		t[i] = now_ms() - a;
	}
	line("tickets list, page 1 (40 rows)", median(t, PAGES), "aim <= 5 ms");
	cx_page_key key = items[n - 1].key;
	for (int hop = 0; hop < 10000; hop++) {
		if (cx_store_tickets_page(st, &f, &key, false, false, 40, items, &n, &err) < 0 || n == 0)
			break;
		key = items[n - 1].key;
	}
	for (int i = 0; i < PAGES; i++) {
		double a = now_ms();
		cx_store_tickets_page(st, &f, &key, false, false, 40, items, &n, &err);
		t[i] = now_ms() - a;
	}
	line("tickets list, page 10,000 (40 rows, keyset)", median(t, PAGES), "aim <= 5 ms");

	/* The period's tickets sorted by other columns (the Tickets view's
	 * < and >): the first page and one 1,000 pages deep, each read
	 * through the index the sort walks. */
	static const struct {
		enum cx_ticket_sort sort;
		const char *what;
	} sorts[] = {{CX_TSORT_CHANNEL, "channel"}, {CX_TSORT_FRT, "first response"}, {CX_TSORT_AGENT, "agent"},
		     {CX_TSORT_CUSTOMER, "customer"}, {CX_TSORT_ID, "number"}};
	for (size_t k = 0; k < sizeof sorts / sizeof sorts[0]; k++) {
		cx_ticket_filter sf = {.start = p.start, .end = p.end, .sort = sorts[k].sort};
		char what[80];
		for (int i = 0; i < PAGES; i++) {
			double a = now_ms();
			cx_store_tickets_page(st, &sf, NULL, false, false, 40, items, &n, &err);
			t[i] = now_ms() - a;
		}
		snprintf(what, sizeof what, "tickets by %s, page 1", sorts[k].what);
		line(what, median(t, PAGES), "aim <= 5 ms");
		key = items[n > 0 ? n - 1 : 0].key;
		for (int hop = 0; hop < 1000 && n > 0; hop++) {
			if (cx_store_tickets_page(st, &sf, &key, false, false, 40, items, &n, &err) < 0 || n == 0)
				break;
			key = items[n - 1].key;
		}
		for (int i = 0; i < PAGES; i++) {
			double a = now_ms();
			cx_store_tickets_page(st, &sf, &key, false, false, 40, items, &n, &err);
			t[i] = now_ms() - a;
		}
		snprintf(what, sizeof what, "tickets by %s, page 1,000", sorts[k].what);
		line(what, median(t, PAGES), "aim <= 5 ms");
	}

	/* The Customers view sorted by ticket count, most first (schema 11's
	 * kept counts), and by name: page 1 and one 1,000 pages deep. */
	static const struct {
		enum cx_customer_sort sort;
		const char *what;
	} csorts[] = {{CX_CSORT_TICKETS, "ticket count"}, {CX_CSORT_NAME, "name"}};
	for (size_t k = 0; k < sizeof csorts / sizeof csorts[0]; k++) {
		cx_customer_filter cf = {.sort = csorts[k].sort, .descending = csorts[k].sort == CX_CSORT_TICKETS};
		cx_customer_item cust[40];
		char what[80];
		for (int i = 0; i < PAGES; i++) {
			double a = now_ms();
			cx_store_customers_page(st, &cf, NULL, false, false, 40, cust, &n, &err);
			t[i] = now_ms() - a;
		}
		snprintf(what, sizeof what, "customers by %s, page 1", csorts[k].what);
		line(what, median(t, PAGES), "aim <= 5 ms");
		cx_page_key ck = cust[n > 0 ? n - 1 : 0].key;
		for (int hop = 0; hop < 1000 && n > 0; hop++) {
			if (cx_store_customers_page(st, &cf, &ck, false, false, 40, cust, &n, &err) < 0 || n == 0)
				break;
			ck = cust[n - 1].key;
		}
		for (int i = 0; i < PAGES; i++) {
			double a = now_ms();
			cx_store_customers_page(st, &cf, &ck, false, false, 40, cust, &n, &err);
			t[i] = now_ms() - a;
		}
		snprintf(what, sizeof what, "customers by %s, page 1,000", csorts[k].what);
		line(what, median(t, PAGES), "aim <= 5 ms");
	}

	/* A slider step: arithmetic only. */
	cx_whatif_base base = {0};
	cx_store_pnl(st, &p, &base.pnl, &err);
	cx_levers a0 = cx_levers_actual(&base, 1000, 150, 300, 2000), l = a0;
	volatile int64_t sink = 0;
	double a = now_ms();
	for (int i = 0; i < STEPS; i++) {
		l.liability_bp = i % 10001;
		sink += cx_whatif_compute(&base, &a0, &l).pnl.net;
	}
	line("what-if slider step (no query)", (now_ms() - a) / STEPS, "aim <= 1 ms");

	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("%-44s %10ld KB   aim < 32 MB\n", "peak RSS of the above", ru.ru_maxrss);
	cx_store_close(st);
	return (int)(sink & 0);
}
