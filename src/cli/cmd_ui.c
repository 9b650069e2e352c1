/* cmd_ui.c — `cxtop [OPTIONS] [DB]`: the interactive UI.
 *
 * Settings come from, in order of strength: the command line, the config
 * file ($XDG_CONFIG_HOME/cxtop/config.yaml), then the built-in defaults.
 * A broken config file is reported and ignored: the UI still opens. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli_internal.h"
#include "cxtop/config.h"
#include "cxtop/tui.h"

int cx_cmd_ui(const struct cx_ui_options *opt)
{
	cx_config cfg;
	cx_error err = {0};
	char path[1024];
	cx_config_defaults(&cfg);
	if (cx_config_default_path(path, sizeof path) && cx_config_load(path, &cfg, &err) < 0)
		fprintf(stderr, "cxtop: %s (config ignored)\n", err.msg);

	cx_tui_options t = {
		.db_path = opt->db_path ? opt->db_path : cfg.has_db && !getenv("CXTOP_DB") ? cfg.db : cx_default_db(),
		.read_only = opt->read_only,
		.theme = opt->theme ? opt->theme : cfg.has_theme ? cfg.theme : NULL,
		.no_color = opt->no_color,
		.refresh_ms = cfg.refresh_ms,
	};
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cx_fail(&err, CX_EXIT_USAGE, "the interactive UI needs a terminal; for a report to a file or pipe, "
					     "use: cxtop report NAME");
		return cx_report_error(&err);
	}
	cx_error_clear(&err);
	if (cx_tui_run(&t, &err) < 0)
		return cx_report_error(&err);
	return CX_EXIT_OK;
}
