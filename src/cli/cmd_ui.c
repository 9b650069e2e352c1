/* cmd_ui.c — `cxtop [OPTIONS] [DB]`: the interactive UI.
 *
 * Settings come from, in order of strength: the command line, the config
 * file ($XDG_CONFIG_HOME/cxtop/config.yaml), then the built-in defaults.
 * A broken config file is reported and ignored: the UI still opens. */
#include <inttypes.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cli_internal.h"
#include "cxtop/format.h"
#include "cxtop/config.h"
#include "cxtop/store.h"
#include "cxtop/tui.h"

static void day(int64_t t, char *buf, size_t len)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t == 0 || !localtime_r(&tt, &tm) || strftime(buf, len, "%Y-%m-%d", &tm) == 0)
		snprintf(buf, len, "-");
}

/* Without a terminal (a pipe, a script, cron), `cxtop DB` prints what the
 * store holds instead of starting the UI. */
static int print_summary(const char *path, bool read_only)
{
	cx_error err = {0};
	/* A summary only reads; opening read-only also leaves the file exactly as
	 * it was (no switch to WAL). */
	cx_store *st = cx_store_open(path, CX_OPEN_READ_ONLY, &err);
	if (!st)
		return cx_report_error(&err);
	cx_store_counts n;
	if (cx_store_counts_get(st, &n, &err) < 0 || cx_store_damage(st, &err) < 0) {
		cx_store_close(st);
		return cx_report_error(&err);
	}
	char first[16], last[16], currency[8] = "?";
	day(n.first_ticket_at, first, sizeof first);
	day(n.last_ticket_at, last, sizeof last);
	cx_store_setting(st, "currency", currency, sizeof currency);
	char shown[512];
	printf("%s%s (schema %d, %s)\n", cx_safe_text(shown, sizeof shown, cx_store_path(st)), read_only ? " [read-only]" : "",
	       cx_store_schema_version(st), currency);
	printf("  %" PRId64 " agents, %" PRId64 " customers, %" PRId64 " tickets (%s to %s)\n", n.agents,
	       n.customers, n.tickets, first, last);
	printf("  %" PRId64 " orders, %" PRId64 " returns, %" PRId64 " campaigns with %" PRId64
	       " contacts, %" PRId64 " failed renewals, %" PRId64 " carrier claims\n",
	       n.orders, n.returns, n.campaigns, n.contacts, n.renewals, n.claims);
	cx_store_close(st);
	return CX_EXIT_OK;
}

/* Who edits: $USER, else the account's name, else "unknown". */
int cx_cmd_ui(const struct cx_ui_options *opt)
{
	const cx_config *cfg = cx_user_config();
	cx_error err = {0};
	char config_path[1024];
	cx_tui_options t = {
		.config_path = cx_config_default_path(config_path, sizeof config_path) ? config_path : NULL,
		.db_path = opt->db_path ? opt->db_path : cx_configured_db(),
		.read_only = opt->read_only,
		.theme = opt->theme ? opt->theme : cfg->has_theme ? cfg->theme : NULL,
		.no_color = opt->no_color,
		.refresh_ms = cfg->refresh_ms,
		.actor = opt->actor ? opt->actor : cx_login_name(),
	};
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return print_summary(t.db_path, t.read_only);
	cx_error_clear(&err);
#ifdef M_MMAP_THRESHOLD
	/* The passes over a long period allocate and free arrays of megabytes.
	 * glibc raises its threshold for giving such an array a mapping of
	 * its own after the first one is freed, so the later ones come from
	 * the heap, where the views' documents pin them: the UI's memory only
	 * grew, period after period (about 3 MB more at 1,000,000 tickets,
	 * BENCH.md).  A fixed threshold hands every large array back when it
	 * is freed. */
	mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
	if (cx_tui_run(&t, &err) < 0)
		return cx_report_error(&err);
	return CX_EXIT_OK;
}
