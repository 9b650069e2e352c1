/* cmd_ui.c — `cxtop [DB]`: open the store and show it.
 *
 * The interactive UI is not built yet: until it is, this prints a short
 * summary of the store so that `make run` shows something true. */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include "cli_internal.h"
#include "cxtop/store.h"

static void day(int64_t t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t == 0 || !localtime_r(&tt, &tm) || strftime(buf, len, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, len, "-");
}

int cx_cmd_ui(const struct cx_ui_options *opt)
{
	cx_error err = {0};
	cx_store *st = cx_store_open(opt->db_path, opt->read_only ? CX_OPEN_READ_ONLY : CX_OPEN_READ_WRITE, &err);
	if (!st)
		return cx_report_error(&err);
	cx_store_counts n;
	if (cx_store_counts_get(st, &n, &err) < 0) {
		cx_store_close(st);
		return cx_report_error(&err);
	}
	char first[16], last[16], currency[8] = "?";
	day(n.first_ticket_at, first, sizeof first);
	day(n.last_ticket_at, last, sizeof last);
	cx_store_setting(st, "currency", currency, sizeof currency);
	printf("%s%s (schema %d, %s)\n", cx_store_path(st), cx_store_read_only(st) ? " [read-only]" : "",
	       cx_store_schema_version(st), currency);
	printf("  %" PRId64 " agents, %" PRId64 " customers, %" PRId64 " tickets (%s to %s)\n", n.agents,
	       n.customers, n.tickets, first, last);
	printf("  %" PRId64 " orders, %" PRId64 " returns, %" PRId64 " campaigns with %" PRId64
	       " contacts, %" PRId64 " failed renewals, %" PRId64 " carrier claims\n",
	       n.orders, n.returns, n.campaigns, n.contacts, n.renewals, n.claims);
	cx_store_close(st);
	return CX_EXIT_OK;
}
