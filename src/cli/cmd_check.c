/* cmd_check.c — `cxtop check [--repair] [DB]`: is the store sound, and do
 * its ticket rollups and customer counts say what its tickets say? */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_internal.h"
#include "cxtop/format.h"
#include "cxtop/store.h"

static void help(void)
{
	printf("Usage: cxtop check [--repair] [-q] [DB]\n"
	       "Checks the store's integrity, then compares every hour of its ticket\n"
	       "rollups with the tickets themselves (the rollups are what every ticket\n"
	       "figure is read from), and each customer's kept ticket count with their\n"
	       "tickets.  Exits 1 when anything is wrong.\n"
	       "\n"
	       "  --repair   rebuild the rollups, the counts and their triggers\n"
	       "  -q         print only problems\n");
}

int cx_cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"repair", no_argument, NULL, 'r'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool repair = false, quiet = false;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			repair = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			help();
			return CX_EXIT_OK;
		default:
			return cx_usage_error_in("cxtop check --help", "check: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cx_usage_error_in("cxtop check --help", "check: unexpected argument '%s'", argv[optind + 1]);
	const char *db = optind < argc ? argv[optind] : cx_configured_db();

	cx_error err = {0};
	cx_store *st = cx_store_open(db, repair ? CX_OPEN_READ_WRITE : CX_OPEN_READ_ONLY, &err);
	if (!st)
		return cx_report_error(&err);
	if (!cx_store_integrity_ok(st, &err)) {
		cx_store_close(st);
		return cx_report_error(&err);
	}
	cx_rollup_check chk;
	if (cx_store_rollup_check(st, repair, &chk, &err) < 0) {
		cx_store_close(st);
		return cx_report_error(&err);
	}
	cx_store_close(st);
	bool bad = chk.wrong || chk.missing || chk.extra || chk.triggers || chk.counts_wrong || chk.bands_wrong ||
		   chk.months_wrong;
	char shown[512];
	db = cx_safe_text(shown, sizeof shown, db);
	char a[32], b[32], w[32], m[32], x[32], s[32], cw[32], bw[32], km[32], kw[32];
	if (!quiet || bad)
		printf("%s: integrity ok; ticket rollups: %s hours hold tickets, %s compared: %s wrong, %s missing,"
		       " %s left over, %s written since packed (read from the tickets until packed);"
		       " customers' ticket counts: %s wrong; satisfaction band days: %s wrong;"
		       " leaderboard months kept: %s, %s wrong%s\n",
		       db, cx_fmt_int(a, sizeof a, chk.hours), cx_fmt_int(b, sizeof b, chk.checked),
		       cx_fmt_int(w, sizeof w, chk.wrong), cx_fmt_int(m, sizeof m, chk.missing),
		       cx_fmt_int(x, sizeof x, chk.extra), cx_fmt_int(s, sizeof s, chk.stale),
		       cx_fmt_int(cw, sizeof cw, chk.counts_wrong), cx_fmt_int(bw, sizeof bw, chk.bands_wrong),
		       cx_fmt_int(km, sizeof km, chk.months),
		       cx_fmt_int(kw, sizeof kw, chk.months_wrong), chk.triggers ? "; triggers missing or altered" : "");
	if (repair) {
		printf("%s: ticket rollups, customers' ticket counts and satisfaction bands rebuilt; leaderboard months"
		       " forgotten (counted again when next needed)\n", db);
		return cx_finish_stdout();
	}
	if (bad)
		fprintf(stderr, "cxtop: %s: the ticket rollups or counts disagree with the tickets (cxtop check --repair %s rebuilds them)\n",
			db, db);
	int rc = cx_finish_stdout();
	return bad ? CX_EXIT_RUNTIME : rc;
}
