/* cmd_import.c — `cxtop import TABLE FILE... [DB]` and `cxtop export TABLE
 * [DB]`: a team's own data in, and back out in the same format. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_internal.h"
#include "cxtop/config.h"
#include "cxtop/file.h"
#include "cxtop/format.h"
#include "cxtop/leaderboard.h"
#include "cxtop/import.h"
#include "cxtop/mapping.h"
#include "cxtop/period.h"
#include "cxtop/store.h"
#include "cxtop/store_rows.h"

#define import_usage_error(...) cx_usage_error_in("cxtop import --help", __VA_ARGS__)
#define export_usage_error(...) cx_usage_error_in("cxtop export --help", __VA_ARGS__)

static void import_usage(FILE *to)
{
	fprintf(to,
		"Usage: cxtop import TABLE FILE... [OPTIONS] [DB]\n"
		"Loads CSV files (or a help desk's JSON API pages, with a mapping that says\n"
		"json) into the store: all of them or nothing, and importing a file again\n"
		"updates what changed instead of adding rows twice.  FILE - is standard\n"
		"input.  The last of several arguments is the store when it is an SQLite\n"
		"file or is named *.db, *.sqlite, *.sqlite3 (or give --db); else $CXTOP_DB,\n"
		"the config file's db, ./sample.db.\n"
		"\n"
		"Tables, in an order that fills an empty store:\n");
	cx_print_list(to, "  ", cx_import_table_names());
	fprintf(to,
		"(charges: a payment system's charge attempts, folded into failed renewals)\n"
		"\n"
		"Options:\n"
		"  --map FILE          a mapping file: how another system's columns feed TABLE\n"
		"                      (without one, the header must use cxtop's column names)\n"
		"  --preset NAME       a shipped mapping for a help desk's or shop's export\n"
		"  --presets           list the presets\n"
		"  --source NAME       the system the rows come from (default: the mapping's,\n"
		"                      or csv)\n"
		"  --tz ZONE           time zone of times written without one (default: local)\n"
		"  --delimiter C       , ; or tab (default: detected from the header)\n"
		"  --encoding NAME     the files' encoding, e.g. windows-1251 (default: UTF-8)\n"
		"  --dry-run           check everything and print the summary; write nothing\n"
		"  --explain           show where each field comes from in the file, then a\n"
		"                      dry run\n"
		"  -q, --quiet         no progress bar\n"
		"  --db PATH           the store\n"
		"\n"
		"See cxtop(5), NATIVE CSV and MAPPING FILES.\n");
}

/* Each shipped (or the user's own) preset with the first line of its
 * comment. */
static int list_presets(void)
{
	char names[64][64], path[1024];
	int n = cx_datafile_list("presets", names, 64);
	for (int i = 0; i < n; i++) {
		char what[200] = "";
		FILE *f = cx_datafile_find("presets", names[i], path, sizeof path) ? fopen(path, "r") : NULL;
		if (f) {
			if (fgets(what, sizeof what, f) && what[0] == '#') {
				what[strcspn(what, "\n")] = '\0';
				memmove(what, what + 1 + (what[1] == ' '), strlen(what) - (what[1] == ' '));
			} else {
				what[0] = '\0';
			}
			fclose(f);
		}
		printf("%-18s %s\n", names[i], what);
	}
	char dirs[1200];
	if (n == 0)
		printf("no presets installed (looked in %s)\n", cx_datafile_dirs("presets", dirs, sizeof dirs));
	return cx_finish_stdout();
}

/* True when path names a store: an SQLite database file (its first 16
 * bytes say so), or a name ending in .db, .sqlite or .sqlite3 (so that a
 * mistyped store is reported as a missing store, not as a missing CSV). */
static bool is_sqlite_file(const char *path)
{
	size_t n = strlen(path);
	if ((n > 3 && strcmp(path + n - 3, ".db") == 0) || (n > 7 && strcmp(path + n - 7, ".sqlite") == 0) ||
	    (n > 8 && strcmp(path + n - 8, ".sqlite3") == 0))
		return true;
	const char *why;
	FILE *f = cx_fopen_regular(path, &why); /* never wait on a FIFO */
	if (!f)
		return false;
	char magic[16];
	bool yes = fread(magic, 1, sizeof magic, f) == sizeof magic && memcmp(magic, "SQLite format 3", 16) == 0;
	fclose(f);
	return yes;
}

/* Charges: what the attempts came to, and who recovered the renewals. */
static void print_fold(const cx_import_result *r)
{
	const cx_fold_counts *f = &r->fold;
	char a[32], b[32], c[32], d[32], e[32], m[40];
	printf("failed renewals: %s (%s paid at the first attempt, not stored); recovered by dunning %s, by "
	       "support %s; not recovered %s\n",
	       cx_fmt_int(a, sizeof a, f->renewals), cx_fmt_int(b, sizeof b, f->first_try),
	       cx_fmt_int(c, sizeof c, f->dunning), cx_fmt_int(d, sizeof d, f->support),
	       cx_fmt_int(e, sizeof e, f->lost));
	if (f->support)
		printf("win-back orders: %s, %s (%s inserted, %s updated, %s unchanged)\n",
		       cx_fmt_int(a, sizeof a, f->support), cx_fmt_money_plain(m, sizeof m, f->winback),
		       cx_fmt_int(b, sizeof b, f->orders.inserted), cx_fmt_int(c, sizeof c, f->orders.updated),
		       cx_fmt_int(d, sizeof d, f->orders.unchanged));
	if (f->uncredited)
		fprintf(stderr,
			"cxtop: %s recover%s after a support ticket counted as dunning: no win-back campaign was "
			"running on the ticket's day (add one, then import again)\n",
			cx_fmt_int(a, sizeof a, f->uncredited), f->uncredited == 1 ? "y" : "ies");
}

static void print_created(const cx_import_result *r)
{
	char a[32], b[32];
	if (r->created_agents && r->created_customers)
		printf("created on the fly: %s agent%s, %s customer%s\n", cx_fmt_int(a, sizeof a, r->created_agents),
		       r->created_agents == 1 ? "" : "s", cx_fmt_int(b, sizeof b, r->created_customers),
		       r->created_customers == 1 ? "" : "s");
	else if (r->created_agents)
		printf("created on the fly: %s agent%s\n", cx_fmt_int(a, sizeof a, r->created_agents),
		       r->created_agents == 1 ? "" : "s");
	else if (r->created_customers)
		printf("created on the fly: %s customer%s\n", cx_fmt_int(b, sizeof b, r->created_customers),
		       r->created_customers == 1 ? "" : "s");
}

static void print_summary(const cx_import_opts *o, const cx_import_result *r, const char *db)
{
	char a[32], b[32], c[32], d[32], e[32];
	const char *dry = o->dry_run ? "dry run, nothing written: " : "";
	if (r->folded) {
		/* The writer's counts hold the win-back orders too. */
		const cx_rows_counts *oc = &r->fold.orders;
		printf("%scharges: %s row%s in %zu file%s, %s skipped (%.1f s)\n", dry, cx_fmt_int(a, sizeof a, r->rows),
		       r->rows == 1 ? "" : "s", r->files, r->files == 1 ? "" : "s", cx_fmt_int(b, sizeof b, r->skipped),
		       r->seconds);
		printf("renewals: %s inserted, %s updated, %s unchanged\n",
		       cx_fmt_int(a, sizeof a, r->inserted - oc->inserted), cx_fmt_int(b, sizeof b, r->updated - oc->updated),
		       cx_fmt_int(c, sizeof c, r->unchanged - oc->unchanged));
		print_fold(r);
	} else {
		printf("%s%s: %s inserted, %s updated, %s unchanged, %s skipped (%s row%s in %zu file%s, %.1f s)\n", dry,
		       o->table, cx_fmt_int(a, sizeof a, r->inserted), cx_fmt_int(b, sizeof b, r->updated),
		       cx_fmt_int(c, sizeof c, r->unchanged), cx_fmt_int(d, sizeof d, r->skipped),
		       cx_fmt_int(e, sizeof e, r->rows), r->rows == 1 ? "" : "s", r->files, r->files == 1 ? "" : "s",
		       r->seconds);
	}
	print_created(r);
	/* Which store: without one on the command line it is the configured
	 * or the default one, and the user should not have to guess. */
	char shown[512];
	printf("%s %s\n", o->dry_run ? "store (untouched):" : "store:", cx_safe_text(shown, sizeof shown, db));
}

int cx_cmd_import(int argc, char **argv)
{
	enum { O_MAP = 256, O_SOURCE, O_TZ, O_DELIM, O_ENC, O_DRY, O_QUIET, O_DB, O_PRESET, O_PRESETS, O_EXPLAIN };
	static const struct option longopts[] = {
		{"map", required_argument, NULL, O_MAP},       {"source", required_argument, NULL, O_SOURCE},
		{"tz", required_argument, NULL, O_TZ},         {"delimiter", required_argument, NULL, O_DELIM},
		{"encoding", required_argument, NULL, O_ENC},  {"dry-run", no_argument, NULL, O_DRY},
		{"quiet", no_argument, NULL, O_QUIET},         {"db", required_argument, NULL, O_DB},
		{"preset", required_argument, NULL, O_PRESET}, {"presets", no_argument, NULL, O_PRESETS},
		{"explain", no_argument, NULL, O_EXPLAIN},
		{"help", no_argument, NULL, 'h'},              {NULL, 0, NULL, 0},
	};
	cx_import_opts o = {.errors_to = stderr, .progress_to = stderr};
	const char *preset = NULL;
	const char *map_path = NULL, *db = NULL;
	bool quiet = false;
	int c;
	optind = 0;
	opterr = 0;
	/* Options and operands may mix: `cxtop import tickets t.csv --dry-run`. */
	while ((c = getopt_long(argc, argv, ":hq", longopts, NULL)) != -1) {
		switch (c) {
		case O_MAP:
			map_path = optarg;
			break;
		case O_PRESET:
			preset = optarg;
			break;
		case O_PRESETS:
			return list_presets();
		case O_SOURCE:
			o.source = optarg;
			break;
		case O_TZ:
			o.tz = optarg;
			break;
		case O_DELIM:
			if (strcmp(optarg, ",") == 0 || strcmp(optarg, ";") == 0)
				o.delimiter = optarg[0];
			else if (strcmp(optarg, "tab") == 0 || strcmp(optarg, "\t") == 0 || strcmp(optarg, "\\t") == 0)
				o.delimiter = '\t';
			else
				return import_usage_error("import: --delimiter takes , ; or tab, not '%s'", optarg);
			break;
		case O_ENC:
			o.encoding = optarg;
			break;
		case O_DRY:
			o.dry_run = true;
			break;
		case O_EXPLAIN:
			/* The plan, then a dry run: what the file's values would do. */
			o.explain_to = stdout;
			o.dry_run = true;
			break;
		case 'q':
		case O_QUIET:
			quiet = true;
			break;
		case O_DB:
			db = optarg;
			break;
		case 'h':
			import_usage(stdout);
			return cx_finish_stdout();
		case ':':
			return import_usage_error("import: option '%s' needs a value", argv[optind - 1]);
		default:
			return import_usage_error("import: unknown option '%s'", argv[optind - 1]);
		}
	}
	/* GNU getopt moves the options before the operands: TABLE, FILE...
	 * and DB are what is left, in their order. */
	char **pos = argv + optind;
	int npos = argc - optind;
	char preset_path[1024];
	if (preset && map_path)
		return import_usage_error("import: give --map or --preset, not both%s", "");
	if (preset) {
		if (!cx_datafile_find("presets", preset, preset_path, sizeof preset_path))
		{
			char dirs[1200];
			return import_usage_error("import: no preset named '%s' in %s (cxtop import --presets lists them)",
						  preset, cx_datafile_dirs("presets", dirs, sizeof dirs));
		}
		map_path = preset_path;
	}
	if (npos < 1)
		return import_usage_error("import: which table? (%s)", cx_import_table_names());
	o.table = pos[0];
	if (!cx_import_table(o.table))
		return import_usage_error("import: unknown table '%s' (tables: %s)", o.table, cx_import_table_names());
	if (npos < 2)
		return import_usage_error("import: no file to import (give - for standard input)%s", "");
	o.files = pos + 1;
	o.nfiles = (size_t)npos - 1;
	if (!db && o.nfiles >= 2 && is_sqlite_file(pos[npos - 1])) {
		db = pos[npos - 1];
		o.nfiles--;
	}
	if (!db)
		db = cx_configured_db();
	size_t stdin_uses = 0;
	for (size_t i = 0; i < o.nfiles; i++)
		stdin_uses += strcmp(o.files[i], "-") == 0;
	if (stdin_uses > 1)
		return import_usage_error("import: standard input (-) can be read once%s", "");
	o.progress = !quiet && isatty(STDERR_FILENO);

	cx_error err = {0};
	cx_mapping map = {0};
	if (map_path) {
		if (cx_mapping_load(map_path, &map, &err) < 0)
			return cx_report_error(&err);
		o.map = &map;
	}
	cx_store *st = cx_store_open(db, CX_OPEN_READ_WRITE, &err);
	if (!st) {
		cx_mapping_free(&map);
		return cx_report_error(&err);
	}
	if (cx_store_read_only(st)) {
		cx_store_close(st);
		cx_mapping_free(&map);
		char shown[512];
		fprintf(stderr, "cxtop: cannot import into '%s': the store is read-only%s\n",
			cx_safe_text(shown, sizeof shown, db),
			o.dry_run ? " (a dry run needs to write too: it imports, then rolls back)" : "");
		return CX_EXIT_RUNTIME;
	}
	cx_import_result res;
	int rc = cx_import_run(st, &o, &res, &err);
	if (rc == 0)
		rc = cx_store_damage(st, &err);
	/* The tickets are in; the leaderboard's months are kept now, so the
	 * reports that follow need not count all history (cxtop(5),
	 * score_months).  The import stands even when this cannot be done. */
	cx_error keep_err = {0};
	if (rc == 0 && !o.dry_run && cx_leaderboard_keep_months(st, &keep_err) < 0)
		fprintf(stderr, "cxtop: warning: leaderboard months not kept (boards count all history): %s\n",
			keep_err.msg);
	cx_store_close(st);
	cx_mapping_free(&map);
	if (rc < 0)
		return cx_report_error(&err);
	print_summary(&o, &res, db);
	return cx_finish_stdout();
}

static void export_usage(FILE *to)
{
	fprintf(to,
		"Usage: cxtop export TABLE [OPTIONS] [DB]\n"
		"Writes a table as cxtop's native CSV (what cxtop import reads) or JSON.\n"
		"\n"
		"Tables:\n");
	cx_print_list(to, "  ", cx_table_names());
	fprintf(to,
		"\n"
		"Options:\n"
		"  --from YYYY-MM-DD   only rows dated on or after this day (local time)\n"
		"  --to YYYY-MM-DD     only rows dated on or before this day\n"
		"  --format FMT        csv (default) or json\n"
		"  -o, --output FILE   write to FILE (complete or not at all) instead of stdout\n");
}

int cx_cmd_export(int argc, char **argv)
{
	enum { O_FROM = 256, O_TO, O_FORMAT };
	static const struct option longopts[] = {
		{"from", required_argument, NULL, O_FROM}, {"to", required_argument, NULL, O_TO},
		{"format", required_argument, NULL, O_FORMAT}, {"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
	};
	int32_t from = 1, to = 0;
	bool has_from = false, has_to = false;
	enum cx_export_format fmt = CX_EXPORT_CSV;
	const char *output = NULL;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", longopts, NULL)) != -1) {
		switch (c) {
		case O_FROM:
			if (!cx_date_parse(optarg, &from))
				return export_usage_error("export: --from '%s' is not a date (YYYY-MM-DD)", optarg);
			has_from = true;
			break;
		case O_TO:
			if (!cx_date_parse(optarg, &to))
				return export_usage_error("export: --to '%s' is not a date (YYYY-MM-DD)", optarg);
			has_to = true;
			break;
		case O_FORMAT:
			if (strcmp(optarg, "csv") == 0)
				fmt = CX_EXPORT_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = CX_EXPORT_JSON;
			else
				return export_usage_error("export: --format takes csv or json, not '%s'", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			export_usage(stdout);
			return cx_finish_stdout();
		case ':':
			return export_usage_error("export: option '%s' needs a value", argv[optind - 1]);
		default:
			return export_usage_error("export: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return export_usage_error("export: which table? (%s)", cx_table_names());
	if (argc - optind > 2)
		return export_usage_error("export: unexpected argument '%s'", argv[optind + 2]);
	const char *table = argv[optind];
	if (!cx_table_find(table))
		return export_usage_error("export: unknown table '%s' (tables: %s)", table, cx_table_names());
	if (has_from || has_to) {
		if (!has_from)
			from = INT32_MIN / 2;
		if (!has_to)
			to = INT32_MAX / 2;
		if (from > to)
			return export_usage_error("export: --from is after --to%s", "");
	}
	const char *db = argc - optind == 2 ? argv[optind + 1] : cx_configured_db();

	cx_error err = {0};
	cx_store *st = cx_store_open(db, CX_OPEN_READ_ONLY, &err);
	if (!st)
		return cx_report_error(&err);
	FILE *out = stdout;
	char tmp[4096], shown[512];
	if (output) {
		/* A temporary beside the target, renamed when complete. */
		snprintf(tmp, sizeof tmp, "%s.tmp-%ld", output, (long)getpid());
		out = fopen(tmp, "wx");
		if (!out) {
			int e = errno;
			cx_store_close(st);
			fprintf(stderr, "cxtop: cannot write '%s': %s\n", cx_safe_text(shown, sizeof shown, output),
				strerror(e));
			return CX_EXIT_RUNTIME;
		}
	}
	int rc = cx_export_run(st, table, from, to, fmt, out, &err);
	if (rc == 0)
		rc = cx_store_damage(st, &err);
	cx_store_close(st);
	if (output) {
		errno = 0;
		bool ok = rc == 0 && fflush(out) == 0 && !ferror(out) && fsync(fileno(out)) == 0;
		int e = errno;
		if (fclose(out) != 0 && ok) {
			e = errno;
			ok = false;
		}
		if (ok && rename(tmp, output) != 0) {
			e = errno;
			ok = false;
		}
		if (!ok) {
			unlink(tmp);
			if (rc == 0) {
				fprintf(stderr, "cxtop: cannot write '%s': %s\n",
					cx_safe_text(shown, sizeof shown, output), strerror(e ? e : EIO));
				return CX_EXIT_RUNTIME;
			}
		}
	}
	if (rc < 0)
		return cx_report_error(&err);
	return output ? CX_EXIT_OK : cx_finish_stdout();
}
