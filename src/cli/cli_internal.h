/* cli_internal.h — private to src/cli: the command table and helpers. */
#ifndef CXTOP_CLI_INTERNAL_H
#define CXTOP_CLI_INTERNAL_H

#include <stdio.h>

#include <stdbool.h>

#include "cxtop/config.h"
#include "cxtop/error.h"

struct cx_command {
	const char *name;
	int (*run)(int argc, char **argv); /* argv[0] is the command's name */
	const char *synopsis;
	const char *summary;
};

struct cx_ui_options {
	const char *db_path; /* NULL: the config's, else $CXTOP_DB, else ./sample.db */
	const char *theme;   /* NULL: the config's, else the default */
	const char *actor;   /* who the audit trail names: --actor, else $USER */
	bool read_only;
	bool no_color;
};

int cx_cmd_init(int argc, char **argv);
int cx_cmd_report(int argc, char **argv);
int cx_cmd_import(int argc, char **argv);
int cx_cmd_export(int argc, char **argv);
int cx_cmd_check(int argc, char **argv);
int cx_cmd_schedule(int argc, char **argv);
int cx_cmd_ui(const struct cx_ui_options *opt);

/* Prints "cxtop: <fmt ...> (see cxtop --help)" and returns CX_EXIT_USAGE. */
int cx_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same, pointing at another help ("cxtop report --help"). */
int cx_usage_error_in(const char *help, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Flushes standard output; on failure (full disk, closed pipe) prints one
 * line and returns CX_EXIT_RUNTIME, else CX_EXIT_OK. */
int cx_finish_stdout(void);
/* Writes a list of words (", " between them) on lines of at most 80
 * columns, each line after `indent`: the tables of import and export. */
void cx_print_list(FILE *to, const char *indent, const char *list);
/* Prints "cxtop: <err->msg>" and returns its exit status. */
int cx_report_error(const cx_error *err);
/* The user's config file, read on first use (defaults when missing or
 * broken; a broken one is reported on stderr). */
const cx_config *cx_user_config(void);
/* Who the audit trail names when --actor is not given: $USER, else the
 * login name, else "unknown". */
const char *cx_login_name(void);
/* The --actor given before the command, else cx_login_name(). */
const char *cx_actor(void);
/* $CXTOP_DB, else the config file's db, else ./sample.db. */
const char *cx_configured_db(void);

#endif
