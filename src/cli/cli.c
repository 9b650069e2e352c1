/* cli.c — option parsing and subcommand dispatch.
 *
 * Git-style: global options first, then an optional command and its own
 * options.  Each command lives in its own cmd_*.c and gets argv starting at
 * its name.  Errors leave as "cxtop: what: why" on stderr with exit status 2
 * for a wrong command line and 1 for anything else.
 */
#include "cxtop/cli.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_internal.h"
#include "cxtop/config.h"
#include "cxtop/format.h"
#include "cxtop/store.h"
#include "cxtop/tui.h"

static const struct cx_command commands[] = {
	{"report", cx_cmd_report, "report NAME [OPTS] [DB]", "print a report (cxtop report --list)"},
	{"import", cx_cmd_import, "import TABLE FILE... [DB]", "load CSV files (cxtop import --help)"},
	{"export", cx_cmd_export, "export TABLE [DB]", "write a table as native CSV or JSON"},
	{"init", cx_cmd_init, "init DB", "create an empty store at the current schema"},
	{"check", cx_cmd_check, "check [--repair] [DB]", "check the store and its ticket rollups"},
	{"schedule", cx_cmd_schedule, "schedule check|load FILE", "check or load working hours and SLAs"},
};

static void usage(FILE *to)
{
	fprintf(to,
		"Usage: cxtop [OPTIONS] [DB]\n"
		"       cxtop COMMAND [ARGS]\n"
		"\n"
		"The support team's P&L, KPIs and campaigns, from an SQLite store.\n"
		"Without a command, opens DB in the interactive UI (default: $CXTOP_DB,\n"
		"else the config file's db, else ./sample.db).\n"
		"\n"
		"Commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(to, "  %-26s %s\n", commands[i].synopsis, commands[i].summary);
	fprintf(to,
		"\n"
		"Options:\n"
		"  -r, --read-only        open the store read-only: nothing can be written\n"
		"  -t, --theme NAME|PATH  colour theme (default, light, solarized-dark,\n"
		"                         high-contrast, mono, or a YAML file)\n"
		"      --no-color         no colours (so does the NO_COLOR variable)\n"
		"      --actor NAME       who edits, in the audit trail (default: $USER)\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and the libraries in use\n"
		"\n"
		"Exit status: 0 ok, 1 runtime error, 2 usage error.  See cxtop(1), cxtop(5).\n");
}

static int usage_error(const char *help, const char *fmt, va_list ap)
{
	/* One line, whatever the command line held (an argument may contain a
	 * newline). */
	char msg[512], safe[2048];
	vsnprintf(msg, sizeof msg, fmt, ap);
	fprintf(stderr, "cxtop: %s (see %s)\n", cx_safe_text(safe, sizeof safe, msg), help);
	return CX_EXIT_USAGE;
}

int cx_usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = usage_error("cxtop --help", fmt, ap);
	va_end(ap);
	return rc;
}

int cx_usage_error_in(const char *help, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = usage_error(help, fmt, ap);
	va_end(ap);
	return rc;
}

int cx_finish_stdout(void)
{
	/* A full disk or a closed pipe shows only when the buffer goes out. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cxtop: cannot write to standard output: %s\n", strerror(errno ? errno : EIO));
		return CX_EXIT_RUNTIME;
	}
	return CX_EXIT_OK;
}

int cx_report_error(const cx_error *err)
{
	/* Messages quote files, cells and names: never a terminal control. */
	char safe[4 * sizeof err->msg];
	fprintf(stderr, "cxtop: %s\n", err->msg[0] ? cx_safe_text(safe, sizeof safe, err->msg) : "unknown error");
	return err->status ? err->status : CX_EXIT_RUNTIME;
}

const cx_config *cx_user_config(void)
{
	/* Read once per run; a broken file is reported once and ignored. */
	static cx_config cfg;
	static bool loaded;
	if (!loaded) {
		char path[1024];
		cx_error err = {0};
		loaded = true;
		cx_config_defaults(&cfg);
		char safe[sizeof err.msg];
		if (cx_config_default_path(path, sizeof path) && cx_config_load(path, &cfg, &err) < 0)
			fprintf(stderr, "cxtop: %s (config ignored)\n", cx_safe_text(safe, sizeof safe, err.msg));
	}
	return &cfg;
}

const char *cx_configured_db(void)
{
	const char *env = getenv("CXTOP_DB");
	if (env && *env)
		return env;
	const cx_config *cfg = cx_user_config();
	return cfg->has_db ? cfg->db : "sample.db";
}

static void version(void)
{
	printf("cxtop %s\n", CX_VERSION);
	printf("%s, SQLite %s, libyaml %s\n", cx_tui_curses_version(), cx_store_sqlite_version(),
	       cx_config_yaml_version());
}

/* Long steps of the store (packing the ticket hours of an upgraded store)
 * show a bar on a terminal; total 0 means unknown. */
static void progress_bar(const char *what, int64_t done, int64_t total)
{
	if (total > 0)
		fprintf(stderr, "\rcxtop: %s: %3d%% (%lld of %lld)%s", what, (int)(done * 100 / total),
			(long long)done, (long long)total, done >= total ? "\n" : "");
	else
		fprintf(stderr, "\rcxtop: %s: %lld", what, (long long)done);
	fflush(stderr);
}

/* --actor, given before the command (cxtop --actor NAME schedule load ...). */
static const char *given_actor;

int cx_cli_main(int argc, char **argv)
{
	if (isatty(STDERR_FILENO))
		cx_store_set_progress(progress_bar);
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"read-only", no_argument, NULL, 'r'},
		{"theme", required_argument, NULL, 't'},
		{"no-color", no_argument, NULL, 'C'},
		{"actor", required_argument, NULL, 'a'},
		{NULL, 0, NULL, 0},
	};
	struct cx_ui_options ui = {0};

	opterr = 0;
	int c;
	/* '+': stop at the first non-option, which may be a command. */
	while ((c = getopt_long(argc, argv, "+:hVrt:", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return cx_finish_stdout();
		case 'V':
			version();
			return cx_finish_stdout();
		case ':':
			return cx_usage_error("option '%s' needs a value", argv[optind - 1]);
		case 'r':
			ui.read_only = true;
			break;
		case 't':
			ui.theme = optarg;
			break;
		case 'C':
			ui.no_color = true;
			break;
		case 'a':
			if (!*optarg)
				return cx_usage_error("--actor: a name is required%s", "");
			ui.actor = given_actor = optarg;
			break;
		default:
			return cx_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}

	if (optind < argc) {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[optind], commands[i].name) == 0)
				return commands[i].run(argc - optind, argv + optind);
	}
	/* A word that is no command and no file is a mistyped command more
	 * often than a store's name ("cxtop repor"): say both. */
	if (optind < argc && !strpbrk(argv[optind], "./") && access(argv[optind], F_OK) != 0) {
		char names[128] = "";
		for (size_t i = 0, n = 0; i < sizeof commands / sizeof commands[0] && n < sizeof names; i++)
			n += (size_t)snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "", commands[i].name);
		return cx_usage_error("no command or store named '%s' (the commands: %s)", argv[optind], names);
	}
	if (argc - optind > 1)
		return cx_usage_error("unexpected argument '%s'", argv[optind + 1]);
	ui.db_path = optind < argc ? argv[optind] : NULL;
	return cx_cmd_ui(&ui);
}

const char *cx_login_name(void)
{
	const char *u = getenv("USER");
	if (u && *u)
		return u;
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_name && *pw->pw_name ? pw->pw_name : "unknown";
}

const char *cx_actor(void)
{
	return given_actor ? given_actor : cx_login_name();
}

void cx_print_list(FILE *to, const char *indent, const char *list)
{
	int col = fprintf(to, "%s", indent), start = col;
	for (const char *p = list; *p;) {
		const char *end = strstr(p, ", ");
		int len = end ? (int)(end - p) : (int)strlen(p);
		/* A blank before the word on the same line, or a new line. */
		if (col > start) {
			if (col + 1 + len + 1 > 80)
				col = fprintf(to, "\n%s", indent) - 1;
			else
				col += fprintf(to, " ");
		}
		col += fprintf(to, "%.*s%s", len, p, end ? "," : "");
		p = end ? end + 2 : p + len;
	}
	fputc('\n', to);
}
