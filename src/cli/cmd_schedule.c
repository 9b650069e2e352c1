/* cmd_schedule.c — `cxtop schedule check FILE [--from T --to T]`: is a
 * schedules file right, and what does it say?  A manager writing working
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
#include "cxtop/zone.h"

#define usage_error(...) cx_usage_error_in("cxtop schedule --help", __VA_ARGS__)

static const char *const day_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static void help(void)
{
	printf("Usage: cxtop schedule check FILE [--from TIME --to TIME]\n"
	       "Reads a schedules file (working hours, holidays, the teams each applies\n"
	       "to; cxtop(5), SCHEDULES) and prints it as cxtop understood it, with the\n"
	       "working hours of a week.  Exits 1 with FILE:LINE:COLUMN when it is wrong.\n"
	       "\n"
	       "  --from TIME --to TIME   the working time of each schedule between two\n"
	       "                          instants (YYYY-MM-DD HH:MM, in the schedule's\n"
	       "                          zone unless they end in Z or an offset)\n");
}

static void clock_text(int32_t s, char out[6])
{
	snprintf(out, 6, "%02d:%02d", (int)(s / 3600), (int)(s / 60 % 60));
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
				char a[6], b[6];
				clock_text(s->hours[d][k].from, a);
				clock_text(s->hours[d][k].to, b);
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
	int64_t secs = cx_schedule_week_seconds(&s->hours);
	snprintf(week, sizeof week, "%lld:%02lld", (long long)(secs / 3600), (long long)(secs / 60 % 60));
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
	static const char *const channels[] = {"email", "chat", "phone", "social", "sms"};
	printf("\nSLA policies, tried in this order (the first that matches a ticket applies):\n");
	for (size_t i = 0; i < s->nsla; i++) {
		const cx_sla_policy *p = &s->sla[i];
		char name[128], a[32];
		printf("  %s:", cx_safe_text(name, sizeof name, p->name));
		print_bits("priority", p->priorities, cx_priority_names, CX_PRIO_COUNT);
		print_bits("channel", p->channels, channels, 5);
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
		return usage_error("schedule: what to do? (check FILE)%s", "");
	if (strcmp(argv[optind], "check") != 0)
		return usage_error("schedule: unknown action '%s' (check FILE)", argv[optind]);
	if (optind + 1 >= argc)
		return usage_error("schedule check: which file?%s", "");
	if (optind + 2 < argc)
		return usage_error("schedule check: unexpected argument '%s'", argv[optind + 2]);
	const char *path = argv[optind + 1];

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
