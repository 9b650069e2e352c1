/* mksample.c — builds sample.db, the store cxtop ships with.
 *
 * Usage: mksample OUT.db [SCHEDULES.yaml]
 *
 * The schedules file (working hours, holidays, SLA policies) is loaded the
 * way a manager loads one, through cxtop's own reader and an audited edit
 * by "sample".
 *
 * Creates the store with cx_store_init (schema and default settings), fills
 * it in one transaction, checks every promised figure, then makes the file
 * self-contained (rollback journal instead of WAL, statistics, vacuumed) so
 * it can be committed as one file.  On any failure it says why on stderr,
 * deletes OUT.db and exits non-zero: a half-made sample is never kept.
 */
#include <stdio.h>
#include <string.h>

#include "cxtop/schedules.h"
#include "cxtop/store.h"
#include "sample.h"
#include "store/store_internal.h"

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3 || argv[1][0] == '-') {
		fprintf(stderr, "usage: mksample OUT.db [SCHEDULES.yaml]\n");
		return 2;
	}
	const char *out = argv[1];
	cx_error err;
	memset(&err, 0, sizeof err);
	cx_store *st = cx_store_init(out, &err);
	if (!st) {
		fprintf(stderr, "mksample: %s\n", err.msg);
		return 1;
	}
	fail_set_output(out);
	window_init();

	struct world w;
	memset(&w, 0, sizeof w);
	w.db = st->db;
	sq_exec(w.db, "BEGIN IMMEDIATE");
	gen_agents(&w);
	gen_customers(&w);
	gen_campaigns(&w);
	gen_regular_orders(&w);
	gen_discount_orders(&w);
	gen_upsell(&w);
	gen_renewals(&w);
	write_orders_contacts_renewals(&w);
	gen_returns(&w);
	gen_claims(&w);
	gen_tickets(&w);
	gen_satisfaction(&w);
	gen_books(&w);
	sq_exec(w.db, "COMMIT");
	world_free(&w);
	if (argc == 3) {
		cx_schedules sched;
		cx_schedules_loaded got;
		if (cx_schedules_load(argv[2], &sched, &err) < 0 ||
		    cx_store_schedules_load(st, &sched, "sample", &got, &err) < 0)
			die("%s", err.msg);
		cx_schedules_free(&sched);
		/* As if loaded the morning the sample's story begins: the file
		 * must come out the same on every run. */
		char sql[128];
		snprintf(sql, sizeof sql, "UPDATE audit SET at = %lld WHERE actor = 'sample'",
			 (long long)at(START_DAY, 8, 0, 0));
		sq_exec(st->db, sql);
	}
	/* The ticket rollups packed (after the schedules: the waits are packed
	 * in their hours too), so that the committed store is current. */
	if (cx_store_rollup_refresh(st, &err) < 0)
		die("%s", err.msg);

	int failed = verify(st->db);
	if (failed) {
		cx_store_close(st);
		die("%d check%s failed; %s not written", failed, failed == 1 ? "" : "s", out);
	}

	/* One self-contained file: no -wal beside it, planner statistics in. */
	sq_exec(st->db, "PRAGMA journal_mode = DELETE");
	sq_exec(st->db, "ANALYZE");
	sq_exec(st->db, "VACUUM");
	cx_store_close(st);
	return 0;
}
