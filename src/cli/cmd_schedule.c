/* cmd_schedule.c — `cxtop schedule check FILE [--from T --to T]`: is a
 * schedules file right, and what does it say?  `cxtop schedule load FILE
 * [DB]` puts it in the store, where business time and the SLA read it.  A manager writing working
 * hours and holidays sees them read back as cxtop understood them, with
 * the hours of a week, and can try the business-time rule on two instants
 * of their own ("Friday 18:00 to Monday 09:05") before any figure uses it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_internal.h"
#include "cxtop/business_time.h"
#include "cxtop/convert.h"
#include "cxtop/format.h"
#include "cxtop/period.h"
#include "cxtop/schedules.h"
#include "cxtop/sla.h"
#include "cxtop/store.h"
#include "cxtop/zone.h"

#define usage_error(...) cx_usage_error_in("cxtop schedule --help", __VA_ARGS__)

static const char *const day_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static void help(void)
{
	printf("Usage: cxtop schedule check FILE [--from TIME --to TIME]\n"
	       "       cxtop [--actor NAME] schedule load FILE [DB]\n"
	       "check reads a schedules file (working hours, holidays, the teams each\n"
	       "applies to, SLA policies; cxtop(5), SCHEDULES) and prints it as cxtop\n"
	       "understood it, with the working hours of a week.  load checks it the\n"
	       "same way and replaces the store's schedules and SLA policies with it,\n"
	       "in one audited edit (cxtop report schedules shows them).  Both exit 1\n"
	       "with FILE:LINE:COLUMN when the file is wrong, and load changes nothing.\n"
	       "\n"
	       "  --from TIME --to TIME   the working time of each schedule between two\n"
	       "                          instants (YYYY-MM-DD HH:MM, in the schedule's\n"
	       "                          zone unless they end in Z or an offset)\n");
}

static bool same_day(const cx_schedule *s, int a, int b)
{
	if (s->nhours[a] != s->nhours[b])
		return false;
	for (int k = 0; k < s->nhours[a]; k++)
		if (s->hours[a][k].from != s->hours[b][k].from || s->hours[a][k].to != s->hours[b][k].to)
			return false;
	return true;
}

/* The week, days with the same hours run together: "mon-fri  09:00-17:00". */
static void print_week(const cx_schedule *s)
{
	for (int d = 0; d < 7;) {
		int e = d;
		while (e + 1 < 7 && same_day(s, d, e + 1))
			e++;
		if (s->nhours[d]) {
			char days[8];
			snprintf(days, sizeof days, e > d ? "%s-%s" : "%s", day_names[d], day_names[e]);
			printf("  %-8s ", days);
			for (int k = 0; k < s->nhours[d]; k++) {
				char a[16], b[16];
				cx_fmt_hhmm(a, sizeof a, s->hours[d][k].from);
				cx_fmt_hhmm(b, sizeof b, s->hours[d][k].to);
				printf("%s%s-%s", k ? ", " : "", a, b);
			}
			putchar('\n');
		}
		d = e + 1;
	}
}

static void print_schedule(const cx_named_schedule *s)
{
	char name[256], zone[128], week[32];
	cx_fmt_hhmm(week, sizeof week, cx_schedule_week_seconds(&s->hours));
	printf("%s  %s  %s a week", cx_safe_text(name, sizeof name, s->name), cx_safe_text(zone, sizeof zone, s->timezone),
	       week);
	if (s->is_default)
		printf("  (default)");
	putchar('\n');
	if (s->nteams) {
		printf("  teams:   ");
		for (size_t t = 0; t < s->nteams; t++)
			printf("%s%s", t ? ", " : "", cx_safe_text(name, sizeof name, s->teams[t]));
		putchar('\n');
	}
	print_week(&s->hours);
	for (size_t h = 0; h < s->nholidays; h++) {
		char day[11];
		cx_date_format(s->holidays[h], day);
		printf("  %s %s%s%s\n", h ? "        " : "holidays", day, s->holiday_names[h][0] ? "  " : "",
		       cx_safe_text(name, sizeof name, s->holiday_names[h]));
	}
}

static void print_bits(const char *what, unsigned bits, const char *const *words, int n)
{
	if (!bits)
		return;
	printf("  %s ", what);
	for (int i = 0, k = 0; i < n; i++)
		if (bits & (1u << i))
			printf("%s%s", k++ ? ", " : "", words[i]);
}

/* A target as it would be written in the file: "5m", "1h 30m", "40h",
 * "2d" (days only on the clock). */
static char *target_text(char *buf, size_t len, int64_t secs, bool business)
{
	long long h = secs / 3600, m = secs / 60 % 60;
	if (!business && secs % 86400 == 0)
		snprintf(buf, len, "%lldd", (long long)(secs / 86400));
	else if (h && m)
		snprintf(buf, len, "%lldh %lldm", h, m);
	else if (h)
		snprintf(buf, len, "%lldh", h);
	else
		snprintf(buf, len, "%lldm", m);
	return buf;
}

/* The policies in the order they are tried. */
static void print_sla(const cx_schedules *s)
{
	printf("\nSLA policies, tried in this order (the first that matches a ticket applies):\n");
	for (size_t i = 0; i < s->nsla; i++) {
		const cx_sla_policy *p = &s->sla[i];
		char name[128], a[32];
		printf("  %s:", cx_safe_text(name, sizeof name, p->name));
		print_bits("priority", p->priorities, cx_priority_names, CX_PRIO_COUNT);
		print_bits("channel", p->channels, cx_channel_names, CX_CHANNEL_COUNT);
		if (!p->priorities && !p->channels)
			printf("  any ticket");
		if (p->first_reply)
			printf("  first reply %s", target_text(a, sizeof a, p->first_reply, p->business));
		if (p->resolution)
			printf("  resolution %s", target_text(a, sizeof a, p->resolution, p->business));
		printf(", %s\n", p->business ? "in business time" : "on the clock");
	}
}

/* An instant as written, in the schedule's zone unless it says its own. */
static int instant(const char *text, const char *zone, int64_t *out, cx_error *err)
{
	const char *why = NULL;
	if (cx_conv_tz_set(zone, err) < 0)
		return -1;
	bool ok = cx_conv_instant_iso(text, out, &why);
	cx_conv_tz_restore();
	if (!ok)
		return cx_fail(err, CX_EXIT_USAGE, "schedule: '%s' is %s", text, why ? why : "not an instant");
	return 0;
}

static int between(const cx_named_schedule *s, const char *from_text, const char *to_text)
{
	cx_error err = {0};
	int64_t from, to;
	if (instant(from_text, s->timezone, &from, &err) < 0 || instant(to_text, s->timezone, &to, &err) < 0)
		return cx_report_error(&err);
	cx_zone_span *spans;
	size_t n;
	if (cx_zone_load(s->timezone, from, to, &spans, &n, &err) < 0)
		return cx_report_error(&err);
	cx_zone z = {.spans = spans, .n = n};
	int64_t worked = cx_business_seconds(&s->hours, &z, from, to);
	free(spans);
	char a[32], b[32];
	cx_fmt_duration_x2(a, sizeof a, 2 * worked);
	cx_fmt_duration_x2(b, sizeof b, 2 * (to > from ? to - from : 0));
	char f[64], t[64];
	printf("  from %s to %s: %s of working time (%s on the clock)\n", cx_safe_text(f, sizeof f, from_text),
	       cx_safe_text(t, sizeof t, to_text), a, b);
	return CX_EXIT_OK;
}

/* Checks the file, then writes it to the store as a whole. */
static int load_file(const char *path, const char *db)
{
	cx_error err = {0};
	cx_schedules s;
	if (cx_schedules_load(path, &s, &err) < 0)
		return cx_report_error(&err);
	cx_store *st = cx_store_open(db, CX_OPEN_READ_WRITE, &err);
	if (!st) {
		cx_schedules_free(&s);
		return cx_report_error(&err);
	}
	cx_schedules_loaded got;
	int rc = cx_store_schedules_load(st, &s, cx_actor(), &got, &err);
	/* Business-time waits are packed with the solved tickets' facts: the
	 * hours the new schedules touch are packed again now, not left for
	 * every read-only report to read around. */
	if (rc == 0)
		rc = cx_store_rollup_refresh(st, &err);
	cx_store_close(st);
	cx_schedules_free(&s);
	if (rc < 0)
		return cx_report_error(&err);
	char p[512], d[512], t[128];
	printf("%s: loaded %zu schedule%s (%zu team%s, %zu holiday%s) and %zu SLA polic%s into %s\n",
	       cx_safe_text(p, sizeof p, path), got.schedules, got.schedules == 1 ? "" : "s", got.teams,
	       got.teams == 1 ? "" : "s", got.holidays, got.holidays == 1 ? "" : "s", got.policies,
	       got.policies == 1 ? "y" : "ies", cx_safe_text(d, sizeof d, db));
	if (got.unknown_team[0])
		fprintf(stderr, "cxtop: warning: %s names team '%s', which no agent is in\n", p,
			cx_safe_text(t, sizeof t, got.unknown_team));
	if (got.unscheduled)
		fprintf(stderr,
			"cxtop: warning: %zu agent%s in teams no schedule names, and no default schedule: their tickets"
			" are counted on the clock\n",
			got.unscheduled, got.unscheduled == 1 ? " is" : "s are");
	return cx_finish_stdout();
}

int cx_cmd_schedule(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"from", required_argument, NULL, 'f'},
		{"to", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *from = NULL, *to = NULL;
	int c;
	optind = 0; /* 0: glibc starts afresh, options may follow the file */
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
		case 't':
			if (c == 'f' ? from : to)
				return usage_error("schedule: --%s is given twice", c == 'f' ? "from" : "to");
			*(c == 'f' ? &from : &to) = optarg;
			break;
		case 'h':
			help();
			return CX_EXIT_OK;
		default:
			return usage_error("schedule: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (!from != !to)
		return usage_error("schedule: give --from and --to together%s", "");
	if (optind >= argc)
		return usage_error("schedule: what to do? (check FILE, load FILE [DB])%s", "");
	const char *action = argv[optind];
	bool load = strcmp(action, "load") == 0;
	if (!load && strcmp(action, "check") != 0)
		return usage_error("schedule: unknown action '%s' (check FILE, load FILE [DB])", action);
	if (optind + 1 >= argc)
		return usage_error("schedule %s: which file?", action);
	if (optind + (load ? 3 : 2) < argc)
		return usage_error("schedule %s: unexpected argument '%s'", action, argv[optind + (load ? 3 : 2)]);
	if (load && from)
		return usage_error("schedule load: --from and --to belong to check%s", "");
	const char *path = argv[optind + 1];
	if (load)
		return load_file(path, optind + 2 < argc ? argv[optind + 2] : cx_configured_db());

	cx_error err = {0};
	cx_schedules s;
	if (cx_schedules_load(path, &s, &err) < 0)
		return cx_report_error(&err);
	char p[512];
	printf("%s: %zu schedule%s\n", cx_safe_text(p, sizeof p, path), s.n, s.n == 1 ? "" : "s");
	int rc = CX_EXIT_OK;
	for (size_t i = 0; i < s.n && rc == CX_EXIT_OK; i++) {
		putchar('\n');
		print_schedule(&s.v[i]);
		if (from)
			rc = between(&s.v[i], from, to);
	}
	if (rc == CX_EXIT_OK && s.nsla)
		print_sla(&s);
	cx_schedules_free(&s);
	if (rc != CX_EXIT_OK)
		return rc;
	return cx_finish_stdout();
}
