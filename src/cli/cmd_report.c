/* cmd_report.c — `cxtop report NAME [OPTIONS] [DB]`: print a report.
 *
 * Reports only read: the store is opened read-only, so a report can never
 * write to it whatever goes wrong. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_internal.h"
#include "cxtop/format.h"
#include "cxtop/parse.h"
#include "cxtop/report.h"

#define report_usage_error(...) cx_usage_error_in("cxtop report --help", __VA_ARGS__)

static void report_usage(FILE *to)
{
	size_t n;
	const cx_report_def *all = cx_report_all(&n);
	fprintf(to, "Usage: cxtop report NAME [OPTIONS] [DB]\n"
		    "       cxtop report --list\n\nReports:\n");
	for (size_t i = 0; i < n; i++)
		fprintf(to, "  %-12s %s\n", all[i].name, all[i].summary);
	fprintf(to, "\nOptions:\n"
		    "  --from YYYY-MM-DD      first day (local time, inclusive)\n"
		    "  --to YYYY-MM-DD        last day (inclusive)\n"
		    "  --period KIND          month, week or quarter: the default period's length,\n"
		    "                         and with --from/--to, one pnl row per period\n"
		    "  --format FMT           text (default), csv, json or md\n"
		    "  --csv-raw              with --format csv: text cells as stored (no ' before\n"
		    "                         =, +, -, @; controls not shown as ^[)\n"
		    "  --liability PCT        summary, pnl: returns-liability percentage 0-100 for\n"
		    "                         this report only\n"
		    "  --hours KIND           business: first response, resolution, waits and next\n"
		    "                         replies in each team's working hours (cxtop schedule\n"
		    "                         load); calendar (default): every hour counts\n"
		    "  --compare WHAT         previous (the period before, of the same length) or\n"
		    "                         year (the same days a year earlier): every figure\n"
		    "                         beside it\n"
		    "  --shipments N          notify: shipments a month\n"
		    "  --avg-check AMOUNT     notify: average check, in major units\n"
		    "  --buyout PCT           notify: add a what-if row with this buyout change\n"
		    "  --cost-per-order AMOUNT  notify: the what-if row's cost per order\n"
		    "  --agent ID             rows: one agent's part of attributed, tickets or solved\n"
		    "  --campaign ID          rows: one campaign's contacts (--figure campaign_costs)\n"
		    "  --carrier NAME         rows: the claims of one carrier (--figure claims)\n"
		    "  --status STATUS        rows: the claims of one status at the period's end:\n"
		    "                         draft, filed, approved, denied, paid (--figure claims)\n"
		    "  --figure NAME          rows: the figure whose rows are listed, one of:\n");
	int col = 0;
	for (size_t i = 0; cx_report_figure_name(i); i++) {
		const char *name = cx_report_figure_name(i);
		if (col == 0 || col + 1 + (int)strlen(name) > 78) {
			fprintf(to, "%s                         ", col ? "\n" : "");
			col = 25;
		}
		col += fprintf(to, " %s", name);
	}
	fprintf(to, "\n"
		    "\nThe default period is the month holding the newest ticket.  Each option may be\n"
		    "given once; an option the report does not read is a usage error.\n");
}

static void list(void)
{
	size_t n;
	const cx_report_def *all = cx_report_all(&n);
	for (size_t i = 0; i < n; i++)
		printf("%-12s %s\n", all[i].name, all[i].summary);
}

/* Resolves --from/--to/--period into the period reported on. */
static int resolve_period(cx_store *st, const char *from, const char *to, bool has_kind, enum cx_period_kind kind,
			  cx_report_opts *opt, cx_error *err)
{
	/* The dates were checked by the caller. */
	int32_t a = 0, b = 0;
	if (from)
		cx_date_parse(from, &a);
	if (to)
		cx_date_parse(to, &b);
	if (!from && !to) {
		if (cx_report_default_period(st, has_kind ? kind : CX_PERIOD_MONTH, &opt->period, err) < 0)
			return -1;
		return 0;
	}
	if (!to) {
		cx_period def;
		if (cx_report_default_period(st, CX_PERIOD_MONTH, &def, err) < 0)
			return -1;
		b = def.to_day > a ? def.to_day : cx_period_containing(CX_PERIOD_MONTH, a).to_day;
	}
	if (!from)
		a = cx_period_containing(CX_PERIOD_MONTH, b).from_day;
	opt->period = cx_period_range(a, b);
	/* A range that is exactly one month (week, quarter) is labelled so. */
	cx_period whole = cx_period_containing(has_kind ? kind : CX_PERIOD_MONTH, a);
	if (whole.from_day == a && whole.to_day == b)
		opt->period = whole;
	opt->split = has_kind;
	opt->split_kind = kind;
	return 0;
}

/* Why s is not a date: written right but not on the calendar (2022-02-30),
 * or not written as one. */
static const char *date_mistake(const char *s)
{
	bool shaped = strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; shaped && i < 10; i++)
		shaped = i == 4 || i == 7 || (s[i] >= '0' && s[i] <= '9');
	return shaped ? "no such day in the calendar" : "not a date (want YYYY-MM-DD)";
}

/* The statuses a carrier claim goes through (cxtop(5), carrier_claims). */
static bool claim_status_valid(const char *s)
{
	static const char *const statuses[] = {"draft", "filed", "approved", "denied", "paid"};
	for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (strcmp(s, statuses[i]) == 0)
			return true;
	return false;
}

/* The options only some reports read, and those reports (space around
 * each name), or after a "!" the reports it does not apply to.  Any other
 * option applies to every report. */
static const struct {
	const char *option, *reports;
} only_for[] = {
	/* The audit trail and the schedules are whatever the period. */
	{"from", "! audit schedules "},
	{"to", "! audit schedules "},
	{"period", "! audit schedules "},
	{"compare", "! audit schedules "},
	{"liability", " summary pnl "},
	{"hours", " summary agents channels topics leaderboard trophies "},
	{"figure", " rows "},
	{"agent", " rows "},
	{"campaign", " rows "},
	{"carrier", " rows "},
	{"status", " rows "},
	{"shipments", " notify "},
	{"avg-check", " notify "},
	{"buyout", " notify "},
	{"cost-per-order", " notify "},
};

/* " summary pnl " as "summary, pnl": the table's spaces are for matching
 * whole names, not for the message. */
static const char *names_of(const char *reports, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (const char *p = reports; *p;) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		int w = snprintf(buf + used, len - used, "%s%.*s", used ? ", " : "", (int)n, p);
		if (w < 0 || (size_t)w >= len - used)
			break;
		used += (size_t)w;
		p += n;
	}
	return buf;
}

/* A usage error when an option given is one the report does not read. */
static int check_applies(const cx_report_def *def, const char *const *given, size_t ngiven)
{
	char list[128];
	char word[64];
	snprintf(word, sizeof word, " %s ", def->name);
	for (size_t i = 0; i < ngiven; i++)
		for (size_t j = 0; j < sizeof only_for / sizeof only_for[0]; j++) {
			const char *reports = only_for[j].reports;
			bool but = reports[0] == '!';
			if (strcmp(given[i], only_for[j].option) != 0 || (strstr(reports, word) != NULL) == !but)
				continue;
			if (but)
				return report_usage_error("report %s: --%s does not apply to it: it shows everything, "
							  "whatever the period",
							  def->name, given[i]);
			return report_usage_error("report %s: --%s does not apply to it (only to: %s)", def->name,
						  given[i], names_of(reports, list, sizeof list));
		}
	return 0;
}

int cx_cmd_report(int argc, char **argv)
{
	enum { O_FROM = 256, O_TO, O_PERIOD, O_FORMAT, O_LIABILITY, O_SHIPMENTS, O_AVG, O_BUYOUT, O_CPO, O_LIST, O_COMPARE,
	       O_CSV_RAW, O_HOURS, O_FIGURE, O_AGENT, O_CAMPAIGN, O_CARRIER, O_STATUS };
	static const struct option longopts[] = {
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"period", required_argument, NULL, O_PERIOD},
		{"format", required_argument, NULL, O_FORMAT},
		{"liability", required_argument, NULL, O_LIABILITY},
		{"shipments", required_argument, NULL, O_SHIPMENTS},
		{"avg-check", required_argument, NULL, O_AVG},
		{"buyout", required_argument, NULL, O_BUYOUT},
		{"cost-per-order", required_argument, NULL, O_CPO},
		{"list", no_argument, NULL, O_LIST},
		{"compare", required_argument, NULL, O_COMPARE},
		{"csv-raw", no_argument, NULL, O_CSV_RAW},
		{"hours", required_argument, NULL, O_HOURS},
		{"figure", required_argument, NULL, O_FIGURE},
		{"agent", required_argument, NULL, O_AGENT},
		{"campaign", required_argument, NULL, O_CAMPAIGN},
		{"carrier", required_argument, NULL, O_CARRIER},
		{"status", required_argument, NULL, O_STATUS},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	cx_report_opts opt = {0};
	const char *from = NULL, *to = NULL;
	enum cx_period_kind kind = CX_PERIOD_MONTH;
	bool has_kind = false;
	enum cx_format fmt = CX_FMT_TEXT;
	enum cx_compare compare = CX_COMPARE_NONE;
	bool csv_raw = false;
	/* The long options given, each once: a second --from is a mistake,
	 * not a correction. */
	const char *given[16];
	size_t ngiven = 0;

	/* 0, not 1: glibc then starts afresh on this new argv (the global
	 * options were parsed with other settings).  Options may come before
	 * or after the report's name and the store. */
	optind = 0;
	opterr = 0;
	int c, index = -1;
	while ((c = getopt_long(argc, argv, ":h", longopts, &index)) != -1) {
		if (c >= O_FROM && index >= 0) {
			for (size_t i = 0; i < ngiven; i++)
				if (strcmp(given[i], longopts[index].name) == 0)
					return report_usage_error("report: --%s given twice", given[i]);
			if (ngiven < sizeof given / sizeof given[0])
				given[ngiven++] = longopts[index].name;
		}
		index = -1;
		switch (c) {
		case O_FROM:
			from = optarg;
			break;
		case O_TO:
			to = optarg;
			break;
		case O_PERIOD:
			if (!cx_period_kind_parse(optarg, &kind))
				return report_usage_error("--period '%s': want month, week or quarter", optarg);
			has_kind = true;
			break;
		case O_CSV_RAW:
			csv_raw = true;
			break;
		case O_FORMAT:
			if (!cx_format_parse(optarg, &fmt))
				return report_usage_error("--format '%s': want text, csv, json or md", optarg);
			break;
		case O_LIABILITY:
			if (!cx_parse_pct(optarg, &opt.liability_bp))
				return report_usage_error("--liability '%s': want a percentage from 0 to 100 "
						      "(at most 2 decimals)", optarg);
			opt.liability_set = true;
			break;
		case O_SHIPMENTS:
			/* Bounded so that shipments x cost per order stays exact. */
			if (!cx_parse_count(optarg, &opt.shipments) || opt.shipments > 1000000000)
				return report_usage_error("--shipments '%s': want a whole number up to 1000000000", optarg);
			opt.shipments_set = true;
			break;
		case O_AVG:
			if (!cx_parse_money(optarg, &opt.avg_check) || opt.avg_check > 100000000000LL)
				return report_usage_error("--avg-check '%s': want an amount like 3000 or 3000.50", optarg);
			opt.avg_check_set = true;
			break;
		case O_BUYOUT:
			if (!cx_parse_signed_pct(optarg, &opt.buyout_bp))
				return report_usage_error("--buyout '%s': want a percentage from -100 to 100", optarg);
			opt.buyout_set = true;
			break;
		case O_CPO:
			if (!cx_parse_money(optarg, &opt.cost_per_order) || opt.cost_per_order > 100000000000LL)
				return report_usage_error("--cost-per-order '%s': want an amount like 20 or 20.50", optarg);
			break;
		case O_COMPARE:
			if (!cx_compare_parse(optarg, &compare))
				return report_usage_error("--compare '%s': want previous or year", optarg);
			break;
		case O_FIGURE:
			opt.figure = optarg;
			break;
		case O_CAMPAIGN:
			if (!cx_parse_count(optarg, &opt.campaign_id) || opt.campaign_id < 1)
				return report_usage_error("--campaign '%s': want a campaign's id (a whole number)", optarg);
			break;
		case O_CARRIER:
			if (!optarg[0])
				return report_usage_error("--carrier '': want a carrier's name, as the claims report shows it%s", "");
			opt.carrier = optarg;
			break;
		case O_STATUS:
			if (!claim_status_valid(optarg))
				return report_usage_error("--status '%s': want draft, filed, approved, denied or paid", optarg);
			opt.status = optarg;
			break;
		case O_AGENT:
			if (!cx_parse_count(optarg, &opt.agent_id) || opt.agent_id < 1)
				return report_usage_error("--agent '%s': want an agent's id (a whole number)", optarg);
			break;
		case O_HOURS:
			if (strcmp(optarg, "business") != 0 && strcmp(optarg, "calendar") != 0)
				return report_usage_error("--hours '%s': want business or calendar", optarg);
			opt.business_hours = strcmp(optarg, "business") == 0;
			break;
		case O_LIST:
			list();
			return cx_finish_stdout();
		case 'h':
			report_usage(stdout);
			return cx_finish_stdout();
		case ':':
			return report_usage_error("report: option '%s' needs a value", argv[optind - 1]);
		default:
			return report_usage_error("report: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return report_usage_error("report: which report? cxtop report --list shows them%s", "");
	const cx_report_def *def = cx_report_find(argv[optind]);
	if (!def)
		return report_usage_error("report: no report named '%s'; cxtop report --list shows them", argv[optind]);
	if (argc - optind > 2)
		return report_usage_error("report: unexpected argument '%s'", argv[optind + 2]);
	if (check_applies(def, given, ngiven) != 0)
		return CX_EXIT_USAGE;
	for (size_t i = 0; i < ngiven; i++)
		if (strcmp(given[i], "cost-per-order") == 0 && !opt.buyout_set)
			return report_usage_error("report notify: --cost-per-order is the cost of the --buyout row: "
						  "give --buyout too%s", "");
	if (opt.figure && !cx_report_figure_title(opt.figure))
		return report_usage_error("report rows: no figure named '%s'", opt.figure);
	if (opt.campaign_id && (!opt.figure || strcmp(opt.figure, "campaign_costs") != 0 || opt.agent_id))
		return report_usage_error("report rows: --campaign applies to --figure campaign_costs alone%s", "");
	if ((opt.carrier || opt.status) && (!opt.figure || strcmp(opt.figure, "claims") != 0))
		return report_usage_error("report rows: --carrier and --status apply to --figure claims%s", "");
	if (opt.agent_id && !cx_report_figure_per_agent(opt.figure))
		return report_usage_error("report rows: --agent applies to --figure attributed, tickets or solved%s", "");
	if (csv_raw && fmt != CX_FMT_CSV)
		return report_usage_error("report: --csv-raw applies to --format csv only%s", "");
	const char *db = argc - optind == 2 ? argv[optind + 1] : cx_configured_db();

	/* Dates that cannot be right are usage errors whatever the store holds:
	 * check them before opening it. */
	cx_error err = {0};
	int32_t a, b;
	if (from && !cx_date_parse(from, &a))
		return report_usage_error("--from '%s': %s", from, date_mistake(from));
	if (to && !cx_date_parse(to, &b))
		return report_usage_error("--to '%s': %s", to, date_mistake(to));
	if (from && to && a > b)
		return report_usage_error("--from %s is after --to %s", from, to);

	cx_store *st = cx_store_open(db, CX_OPEN_READ_ONLY, &err);
	if (!st)
		return cx_report_error(&err);
	if ((opt.business_hours && cx_report_use_business_hours(st, &err) < 0) ||
	    resolve_period(st, from, to, has_kind, kind, &opt, &err) < 0) {
		cx_store_close(st);
		return cx_report_error(&err);
	}
	/* With --from/--to, --period splits pnl into rows; any other report
	 * reads one period, so the range must be one of that length. */
	if (opt.split && strcmp(def->name, "pnl") != 0 && opt.period.kind != kind) {
		cx_store_close(st);
		return report_usage_error("report %s: --from/--to is not one %s: only pnl splits a range by --period",
					  def->name, cx_period_kind_name(kind));
	}
	/* A read-only store whose rollups lag behind a write is read from
	 * the tickets for those hours: exact, but say why it is slower. */
	int64_t stale = 0;
	if (cx_store_rollup_stale(st, &stale, &err) == 0 && stale > 0)
		fprintf(stderr,
			"cxtop: note: %lld hour%s of tickets written since the rollups were packed read from the tickets"
			" (opening the store for writing packs them)\n",
			(long long)stale, stale == 1 ? "" : "s");
	/* Lists that grow with the store are printed as they are read: the
	 * store stays open, in one read transaction (the rows read for the
	 * totals and again for printing are the same), until the report is
	 * written.  Set beside an earlier period, they are held. */
	opt.stream = compare == CX_COMPARE_NONE;
	if (cx_store_read_begin(st, &err) < 0) {
		cx_store_close(st);
		return cx_report_error(&err);
	}
	cx_doc *doc = def->build(st, &opt, &err);
	if (doc && compare != CX_COMPARE_NONE) {
		/* The same report for the earlier period, set beside it. */
		cx_report_opts before = opt;
		before.period = cx_compare_period(opt.period, compare);
		/* As on the dashboard: a period that ends before the store's
		 * first ticket is compared with nothing, not with zeros. */
		int64_t oldest = 0;
		bool none = cx_store_oldest_ticket(st, &oldest, &err) == 0 &&
			    (oldest == 0 || before.period.to_day < cx_local_day(oldest));
		cx_doc *prev = none ? NULL : def->build(st, &before, &err);
		if (none) {
			char first[11] = "";
			if (oldest)
				cx_date_format(cx_local_day(oldest), first);
			cx_report_compare(doc, NULL, before.period, first);
		} else if (!prev) {
			cx_doc_free(doc);
			doc = NULL;
		} else {
			cx_report_compare(doc, prev, before.period, NULL);
			cx_doc_free(prev);
		}
	}
	/* A damaged page met on the way fails the report even where a query
	 * let the error pass. */
	if (doc && cx_store_damage(st, &err) < 0) {
		cx_doc_free(doc);
		doc = NULL;
	}
	if (!doc) {
		cx_store_read_end(st);
		cx_store_close(st);
		return cx_report_error(&err);
	}
	/* A warning the report carries (a refused scoring file) goes to stderr
	 * as well: the output stays what it was, a person still gets told. */
	if (doc->warning) {
		char *safe = cx_safe_dup(doc->warning);
		fprintf(stderr, "cxtop: %s\n", safe);
		free(safe);
	}
	doc->csv_raw = csv_raw;
	errno = 0;
	int rc = cx_render(doc, fmt, stdout);
	if (rc < 0 || fflush(stdout) != 0 || ferror(stdout)) {
		const cx_error *read = cx_doc_stream_error(doc);
		if (read)
			err = *read;
		else
			cx_fail(&err, CX_EXIT_RUNTIME, "cannot write the report: %s", errno ? strerror(errno) : "write error");
		rc = -1;
	} else if (cx_store_damage(st, &err) < 0) {
		rc = -1; /* met while the rows were read again */
	}
	cx_doc_free(doc);
	cx_store_read_end(st);
	cx_store_close(st);
	if (rc < 0)
		return cx_report_error(&err);
	return CX_EXIT_OK;
}
