/* test_convert.c — CSV cells to store values: instants in zones and
 * formats, dates, durations, money, percentages, numbers, ratings.
 *
 * Expected instants were computed apart from cxtop (Python's
 * calendar.timegm and date(1)), e.g. 2022-02-01T09:30:00Z = 1643707800. */
#include "testutil.h"

#include <time.h>

#include "cxtop/convert.h"
#include "cxtop/period.h"

static const char *why;

/* Unix seconds of a UTC date and time, from the day count alone. */
#define DAY_2022_02_01 19024
#define T_0930Z INT64_C(1643707800) /* 2022-02-01T09:30:00Z */
#define T_0730Z INT64_C(1643700600) /* 2022-02-01T07:30:00Z */

static int64_t iso(const char *s)
{
	int64_t t = -12345;
	why = NULL;
	if (!cx_conv_instant_iso(s, &t, &why))
		fail_msg("refused \"%s\": %s", s, why ? why : "(no reason)");
	return t;
}

/* Refused, for the reason given. */
static void iso_refused(const char *s, const char *reason)
{
	int64_t t = -12345;
	why = NULL;
	if (cx_conv_instant_iso(s, &t, &why))
		fail_msg("accepted \"%s\" as %lld", s, (long long)t);
	assert_int_equal(t, -12345);
	assert_non_null(why);
	assert_string_equal(why, reason);
}

static int64_t fmt(const char *s, const char *f)
{
	int64_t t = -12345;
	why = NULL;
	if (!cx_conv_instant_fmt(s, f, &t, &why))
		fail_msg("refused \"%s\" as %s: %s", s, f, why ? why : "(no reason)");
	return t;
}

static void fmt_refused(const char *s, const char *f, const char *reason)
{
	int64_t t = -12345;
	why = NULL;
	if (cx_conv_instant_fmt(s, f, &t, &why))
		fail_msg("accepted \"%s\" as %s: %lld", s, f, (long long)t);
	assert_non_null(why);
	assert_string_equal(why, reason);
}

static void zone(const char *z)
{
	cx_error err = {0};
	if (cx_conv_tz_set(z, &err) < 0)
		fail_msg("%s", err.msg);
}

static int utc_group(void **state)
{
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static void iso_with_offsets(void **state)
{
	zone("Europe/Helsinki"); /* none of these may depend on it */
	assert_int_equal(iso("2022-02-01T09:30:00Z"), T_0930Z);
	assert_int_equal(iso("2022-02-01t09:30:00z"), T_0930Z);
	assert_int_equal(iso("2022-02-01T09:30Z"), T_0930Z);
	assert_int_equal(iso("2022-02-01 09:30:00Z"), T_0930Z);
	assert_int_equal(iso("2022-02-01T09:30:00.999Z"), T_0930Z); /* fraction dropped */
	assert_int_equal(iso("2022-02-01T09:30:00,5Z"), T_0930Z);
	assert_int_equal(iso("  2022-02-01T09:30:00Z \t"), T_0930Z);
	assert_int_equal(iso("2022-02-01T11:30:00+02"), T_0930Z);
	assert_int_equal(iso("2022-02-01T11:30:00+02:00"), T_0930Z);
	assert_int_equal(iso("2022-02-01T11:30:00+0200"), T_0930Z);
	assert_int_equal(iso("2022-02-01T05:00:00-04:30"), T_0930Z);
	assert_int_equal(iso("2022-02-01T09:30:00-00:00"), T_0930Z);
	assert_int_equal(iso("2022-02-01T09:30:00.123456+00:00"), T_0930Z);
	/* Shopify's form, and Rails' " UTC". */
	assert_int_equal(iso("2022-02-01 09:30:00 +0200"), T_0730Z);
	assert_int_equal(iso("2022-02-01 09:30:00 +02:00"), T_0730Z);
	assert_int_equal(iso("2022-02-01 09:30:00 UTC"), T_0930Z);
	/* An offset that moves the instant across midnight and a year. */
	assert_int_equal(iso("2022-02-01T01:00:00+03:00"), INT64_C(1643666400));
	assert_int_equal(iso("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(iso("2199-12-31T23:59:59Z"), INT64_C(7258118399));
	assert_int_equal(iso("2024-02-29T00:00:00Z"), INT64_C(1709164800));
	cx_conv_tz_restore();
}

static void iso_refusals(void **state)
{
	const char *shape = "not an ISO 8601 date and time (expected YYYY-MM-DD HH:MM:SS)";
	iso_refused("", shape);
	iso_refused("   ", shape);
	iso_refused("yesterday", shape);
	iso_refused("2022-2-1", shape);
	iso_refused("2022/02/01", shape);
	iso_refused("20220201T093000Z", shape);
	iso_refused("2022-02-01T9:30Z", shape);
	iso_refused("2022-02-01T09Z", shape);
	iso_refused("2022-02-01X09:30:00Z", shape);
	iso_refused("2022-02-01T09:30:00.Z", shape);
	iso_refused("2022-02-01T09:30:00Zjunk", shape);
	iso_refused("2022-02-01T09:30:00 Z", shape);
	iso_refused("2022-02-01T09:30:00+2", shape);
	iso_refused("2022-02-01T09:30:00+02:", shape);
	iso_refused("2022-02-01T09:30:00+02:0", shape);
	iso_refused("2022-02-01T09:30:00+020", shape);
	iso_refused("2022-02-01T09:30:00 GMT", shape);
	iso_refused("2022-02-01Z", shape);
	iso_refused("2022-02-01T", shape);
	iso_refused("2022-02-01 junk", shape);
	iso_refused("2022-02-01T09:30:00+24:00", "time zone offset out of range");
	iso_refused("2022-02-01T09:30:00+02:60", "time zone offset out of range");
	iso_refused("2022-13-01T09:30:00Z", "month 13 does not exist");
	iso_refused("2022-00-01", "month 0 does not exist");
	iso_refused("2022-02-30T09:30:00Z", "day 30 does not exist in 2022-02");
	iso_refused("2023-02-29", "day 29 does not exist in 2023-02");
	iso_refused("2022-04-31", "day 31 does not exist in 2022-04");
	iso_refused("2022-01-00", "day 0 does not exist in 2022-01");
	iso_refused("2022-02-01T24:00:00Z", "hour 24 does not exist");
	iso_refused("2022-02-01T09:60:00Z", "minute 60 does not exist");
	iso_refused("2022-02-01T23:59:60Z", "second 60 does not exist");
	iso_refused("1969-12-31T23:59:59Z", "year out of range");
	iso_refused("2200-01-01T00:00:00Z", "year out of range");
	iso_refused("0000-01-01", "year out of range");
}

static void wall_times_in_helsinki(void **state)
{
	zone("Europe/Helsinki");
	/* Winter: UTC+2. */
	assert_int_equal(iso("2022-02-01 09:30:00"), T_0730Z);
	assert_int_equal(iso("2022-02-01T09:30"), T_0730Z);
	/* Summer: UTC+3 (2022-07-01T09:00:00Z). */
	assert_int_equal(iso("2022-07-01T12:00:00"), INT64_C(1656666000));
	/* A date alone is local midnight: 2022-01-31T22:00:00Z. */
	assert_int_equal(iso("2022-02-01"), INT64_C(1643666400));
	/* 03:30 on 27 March 2022 never happened (03:00 -> 04:00): read with
	 * either offset, as mktime chooses, it is 01:30Z or 00:30Z. */
	int64_t gap = iso("2022-03-27T03:30:00");
	assert_true(gap == INT64_C(1648344600) || gap == INT64_C(1648341000));
	/* Either side of the gap is plain. */
	assert_int_equal(iso("2022-03-27T02:30:00"), INT64_C(1648341000));
	assert_int_equal(iso("2022-03-27T04:30:00"), INT64_C(1648344600));
	/* An explicit offset wins over the zone set. */
	assert_int_equal(iso("2022-07-01T12:00:00Z"), INT64_C(1656676800));
	cx_conv_tz_restore();
}

static void wall_times_in_new_york(void **state)
{
	zone("America/New_York");
	assert_int_equal(iso("2022-03-01"), INT64_C(1646110800));        /* 05:00Z, EST */
	assert_int_equal(iso("2022-07-04T12:00:00"), INT64_C(1656950400)); /* 16:00Z, EDT */
	assert_int_equal(iso("2022-02-01T04:30:00"), T_0930Z);
	cx_conv_tz_restore();
	/* Back to UTC (the group's zone). */
	assert_int_equal(iso("2022-02-01T09:30:00"), T_0930Z);
}

static void zones_unknown_and_restored(void **state)
{
	cx_error err = {0};
	assert_int_equal(cx_conv_tz_set("Mars/Olympus_Mons", &err), -1);
	assert_string_equal(err.msg, "unknown time zone 'Mars/Olympus_Mons'");
	assert_int_equal(err.status, CX_EXIT_USAGE);
	assert_int_equal(cx_conv_tz_set("../../../../etc/passwd", &err), -1);
	assert_string_equal(err.msg, "unknown time zone '../../../../etc/passwd'");
	assert_int_equal(cx_conv_tz_set("Europe", &err), -1); /* a directory */
	assert_string_equal(getenv("TZ"), "UTC");             /* untouched */

	/* NULL and "" keep the zone; restore then changes nothing. */
	assert_int_equal(cx_conv_tz_set(NULL, &err), 0);
	assert_int_equal(cx_conv_tz_set("", &err), 0);
	cx_conv_tz_restore();
	assert_string_equal(getenv("TZ"), "UTC");

	/* TZ set before: it comes back exactly. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	zone("Europe/Helsinki");
	assert_string_equal(getenv("TZ"), "Europe/Helsinki");
	assert_int_equal(iso("2022-02-01 09:30:00"), T_0730Z);
	cx_conv_tz_restore();
	assert_string_equal(getenv("TZ"), "America/New_York");
	assert_int_equal(iso("2022-02-01T04:30:00"), T_0930Z);

	/* TZ unset before: unset after. */
	unsetenv("TZ");
	zone("UTC");
	assert_int_equal(iso("2022-02-01T09:30:00"), T_0930Z);
	cx_conv_tz_restore();
	assert_null(getenv("TZ"));

	/* Absolute paths, if the file exists; TZDIR is where names are looked for. */
	zone("/usr/share/zoneinfo/Europe/Helsinki");
	assert_int_equal(iso("2022-02-01 09:30:00"), T_0730Z);
	cx_conv_tz_restore();
	assert_null(getenv("TZ"));
	assert_int_equal(cx_conv_tz_set("/no/such/zone", &err), -1);
	setenv("TZDIR", tu_tmp_path(""), 1);
	assert_int_equal(cx_conv_tz_set("Europe/Helsinki", &err), -1);
	zone("UTC"); /* needs no file */
	cx_conv_tz_restore();
	unsetenv("TZDIR");
	tu_tmp_cleanup();

	setenv("TZ", "UTC", 1);
	tzset();
}

static void strptime_formats(void **state)
{
	zone("Europe/Helsinki");
	/* %z is the offset given, whatever the zone set. */
	assert_int_equal(fmt("2022-02-01 09:30:00 +0200", "%Y-%m-%d %H:%M:%S %z"), T_0730Z);
	assert_int_equal(fmt("2022-02-01 09:30:00 -0130", "%Y-%m-%d %H:%M:%S %z"), INT64_C(1643713200));
	assert_int_equal(fmt("2022-02-01 09:30:00 Z", "%Y-%m-%d %H:%M:%S %z"), T_0930Z);
	/* Without %z: a wall time in the zone set. */
	assert_int_equal(fmt("01/02/2022 09:30", "%d/%m/%Y %H:%M"), T_0730Z);
	assert_int_equal(fmt("  01/02/2022 09:30  ", "%d/%m/%Y %H:%M"), T_0730Z);
	assert_int_equal(fmt("01/07/2022 12:00", "%d/%m/%Y %H:%M"), INT64_C(1656666000));
	/* Only a date: local midnight. */
	assert_int_equal(fmt("01-Feb-22", "%d-%b-%y"), INT64_C(1643666400));
	assert_int_equal(fmt("01/02/2022", "%d/%m/%Y"), INT64_C(1643666400));
	assert_int_equal(fmt("29/02/2024", "%d/%m/%Y"), INT64_C(1709157600));
	assert_int_equal(fmt("Feb 1, 2022 9:30 AM", "%b %d, %Y %I:%M %p"), T_0730Z);

	fmt_refused("01/02/2022 09:30 junk", "%d/%m/%Y %H:%M", "does not match the format '%d/%m/%Y %H:%M'");
	fmt_refused("2022-02-01", "%d/%m/%Y", "does not match the format '%d/%m/%Y'");
	fmt_refused("", "%d/%m/%Y", "does not match the format '%d/%m/%Y'");
	fmt_refused("30/02/2022", "%d/%m/%Y", "day 30 does not exist in 2022-02");
	fmt_refused("29/02/2023", "%d/%m/%Y", "day 29 does not exist in 2023-02");
	fmt_refused("31-Apr-22", "%d-%b-%y", "day 31 does not exist in 2022-04");
	fmt_refused("01/02/2022 23:59:60", "%d/%m/%Y %H:%M:%S", "second 60 does not exist");
	fmt_refused("01/02/1969", "%d/%m/%Y", "year out of range");
	fmt_refused("01/02/2022", "%d/%m", "the format needs a year, a month and a day");
	fmt_refused("01/02/2022 09:30 EET", "%d/%m/%Y %H:%M %Z", "%Z is not supported in a format (use %z)");
	cx_conv_tz_restore();
}

static void epoch_formats(void **state)
{
	assert_int_equal(fmt("1643707800", "epoch"), T_0930Z);
	assert_int_equal(fmt(" 1643707800 ", "epoch"), T_0930Z);
	assert_int_equal(fmt("0", "epoch"), 0);
	assert_int_equal(fmt("7258118399", "epoch"), INT64_C(7258118399));
	assert_int_equal(fmt("1643707800000", "epoch_ms"), T_0930Z);
	assert_int_equal(fmt("1643707800999", "epoch_ms"), T_0930Z); /* floored */
	assert_int_equal(fmt("999", "epoch_ms"), 0);
	assert_int_equal(fmt("2022-02-01T09:30:00Z", "iso8601"), T_0930Z);

	fmt_refused("7258118400", "epoch", "year out of range");
	fmt_refused("99999999999999999999999", "epoch", "year out of range");
	fmt_refused("-1", "epoch", "year out of range");
	fmt_refused("-1", "epoch_ms", "year out of range"); /* floors to -1 s */
	fmt_refused("1643707800.5", "epoch", "not a unix time (whole seconds)");
	fmt_refused("1e9", "epoch", "not a unix time (whole seconds)");
	fmt_refused("", "epoch", "not a unix time (whole seconds)");
	fmt_refused("+1643707800", "epoch", "not a unix time (whole seconds)");
	fmt_refused("1643707800000.0", "epoch_ms", "not a unix time in milliseconds");
}

static void several_formats(void **state)
{
	char *fmts[] = {"%d/%m/%Y %H:%M", "epoch", "iso8601"};
	int64_t t;
	assert_true(cx_conv_instant("01/02/2022 09:30", fmts, 3, &t, &why));
	assert_int_equal(t, T_0930Z);
	assert_true(cx_conv_instant("1643707800", fmts, 3, &t, &why));
	assert_int_equal(t, T_0930Z);
	assert_true(cx_conv_instant("2022-02-01T11:30:00+02:00", fmts, 3, &t, &why));
	assert_int_equal(t, T_0930Z);
	/* No formats: ISO 8601. */
	assert_true(cx_conv_instant("2022-02-01T09:30:00Z", NULL, 0, &t, &why));
	assert_int_equal(t, T_0930Z);
	assert_false(cx_conv_instant("01/02/2022 09:30", NULL, 0, &t, &why));
	/* The reason of the format that fitted the shape. */
	assert_false(cx_conv_instant("30/02/2022 09:30", fmts, 3, &t, &why));
	assert_string_equal(why, "day 30 does not exist in 2022-02");
	assert_false(cx_conv_instant("2022-02-30", fmts, 3, &t, &why));
	assert_string_equal(why, "day 30 does not exist in 2022-02");
	assert_false(cx_conv_instant("soon", fmts, 3, &t, &why));
	assert_string_equal(why, "matches none of the formats");
	assert_false(cx_conv_instant("soon", fmts + 1, 1, &t, &why));
	assert_string_equal(why, "not a unix time (whole seconds)");
}

static int32_t date(const char *s, char *const *fmts, size_t n)
{
	int32_t d = -1;
	why = NULL;
	if (!cx_conv_date(s, fmts, n, &d, &why))
		fail_msg("refused date \"%s\": %s", s, why ? why : "(no reason)");
	return d;
}

static void date_refused(const char *s, char *const *fmts, size_t n, const char *reason)
{
	int32_t d = -1;
	why = NULL;
	if (cx_conv_date(s, fmts, n, &d, &why))
		fail_msg("accepted date \"%s\" as %d", s, (int)d);
	assert_string_equal(why, reason);
}

static void dates(void **state)
{
	zone("Europe/Helsinki");
	assert_int_equal(date("2022-02-01", NULL, 0), DAY_2022_02_01);
	assert_int_equal(date(" 2022-02-01 ", NULL, 0), DAY_2022_02_01);
	assert_int_equal(date("2024-02-29", NULL, 0), 19782);
	assert_int_equal(date("1970-01-01", NULL, 0), 0);
	date_refused("2023-02-29", NULL, 0, "day 29 does not exist in 2023-02");
	date_refused("2022-13-01", NULL, 0, "month 13 does not exist");
	date_refused("2200-01-01", NULL, 0, "year out of range");
	date_refused("2022-02-01T09:30:00Z", NULL, 0, "not a date (expected YYYY-MM-DD)");
	date_refused("01/02/2022", NULL, 0, "not a date (expected YYYY-MM-DD)");
	date_refused("2022-2-1", NULL, 0, "not a date (expected YYYY-MM-DD)");
	date_refused("", NULL, 0, "not a date (expected YYYY-MM-DD)");

	char *dmy[] = {"%d/%m/%Y"}, *bday[] = {"%d-%b-%y"}, *zoned[] = {"%Y-%m-%d %H:%M:%S %z"},
	     *wall[] = {"%d/%m/%Y %H:%M"}, *ep[] = {"epoch"}, *is[] = {"iso8601"};
	assert_int_equal(date("01/02/2022", dmy, 1), DAY_2022_02_01);
	assert_int_equal(date("01-Feb-22", bday, 1), DAY_2022_02_01);
	date_refused("30/02/2022", dmy, 1, "day 30 does not exist in 2022-02");
	/* A wall time keeps its written date, whatever the zone. */
	assert_int_equal(date("01/02/2022 23:30", wall, 1), DAY_2022_02_01);
	/* An instant with an offset is seen in the zone set: 23:30Z on
	 * 31 January is 01:30 on 1 February in Helsinki. */
	assert_int_equal(date("2022-01-31 23:30:00 +0000", zoned, 1), DAY_2022_02_01);
	assert_int_equal(date("2022-02-01 23:30:00 +0000", zoned, 1), DAY_2022_02_01 + 1);
	assert_int_equal(date("2022-01-31T23:30:00Z", is, 1), DAY_2022_02_01);
	assert_int_equal(date("2022-01-31T23:30:00", is, 1), DAY_2022_02_01 - 1);
	assert_int_equal(date("2022-02-01", is, 1), DAY_2022_02_01);
	assert_int_equal(date("1643673600", ep, 1), DAY_2022_02_01); /* 00:00Z */
	assert_int_equal(date("1643666400", ep, 1), DAY_2022_02_01); /* 22:00Z the day before */
	cx_conv_tz_restore();
	assert_int_equal(date("1643666400", ep, 1), DAY_2022_02_01 - 1); /* in UTC */
}

static int64_t dur(const char *s, enum cx_map_unit u)
{
	int64_t v = -1;
	why = NULL;
	if (!cx_conv_duration(s, u, &v, &why))
		fail_msg("refused duration \"%s\": %s", s, why ? why : "(no reason)");
	return v;
}

static void dur_refused(const char *s, enum cx_map_unit u, const char *reason)
{
	int64_t v = -1;
	why = NULL;
	if (cx_conv_duration(s, u, &v, &why))
		fail_msg("accepted duration \"%s\" as %lld", s, (long long)v);
	assert_string_equal(why, reason);
}

static void durations(void **state)
{
	assert_int_equal(dur("90", CX_MAP_UNIT_SECONDS), 90);
	assert_int_equal(dur(" 90 ", CX_MAP_UNIT_SECONDS), 90);
	assert_int_equal(dur("0", CX_MAP_UNIT_SECONDS), 0);
	assert_int_equal(dur("1.5", CX_MAP_UNIT_SECONDS), 2);  /* half up */
	assert_int_equal(dur("1.49", CX_MAP_UNIT_SECONDS), 1);
	assert_int_equal(dur("12.5", CX_MAP_UNIT_MINUTES), 750);
	assert_int_equal(dur("0.0083333", CX_MAP_UNIT_MINUTES), 0);  /* 0.499998 s */
	assert_int_equal(dur("0.0083334", CX_MAP_UNIT_MINUTES), 1);  /* 0.500004 s */
	assert_int_equal(dur("1.6666666666666667", CX_MAP_UNIT_MINUTES), 100);
	assert_int_equal(dur("0.125", CX_MAP_UNIT_MINUTES), 8);      /* 7.5 s */
	assert_int_equal(dur("2", CX_MAP_UNIT_HOURS), 7200);
	assert_int_equal(dur("0.25", CX_MAP_UNIT_HOURS), 900);
	assert_int_equal(dur("1.0001388", CX_MAP_UNIT_HOURS), 3600);  /* +0.49968 s */
	assert_int_equal(dur("1.0001389", CX_MAP_UNIT_HOURS), 3601);  /* +0.50004 s */
	assert_int_equal(dur("1000000", CX_MAP_UNIT_HOURS), INT64_C(3600000000));

	assert_int_equal(dur("01:02:03", CX_MAP_UNIT_HMS), 3723);
	assert_int_equal(dur("1:02", CX_MAP_UNIT_HMS), 3720);
	assert_int_equal(dur("00:00:00", CX_MAP_UNIT_HMS), 0);
	assert_int_equal(dur("30:00:00", CX_MAP_UNIT_HMS), 108000);
	assert_int_equal(dur("123:59:59", CX_MAP_UNIT_HMS), 123 * 3600 + 59 * 60 + 59);

	dur_refused("-5", CX_MAP_UNIT_SECONDS, "negative duration");
	dur_refused("-0.5", CX_MAP_UNIT_MINUTES, "negative duration");
	dur_refused("abc", CX_MAP_UNIT_MINUTES, "not a duration (a number, or HH:MM:SS)");
	dur_refused("", CX_MAP_UNIT_MINUTES, "not a duration (a number, or HH:MM:SS)");
	dur_refused("12.", CX_MAP_UNIT_MINUTES, "not a duration (a number, or HH:MM:SS)");
	dur_refused(".5", CX_MAP_UNIT_MINUTES, "not a duration (a number, or HH:MM:SS)");
	dur_refused("1e3", CX_MAP_UNIT_SECONDS, "not a duration (a number, or HH:MM:SS)");
	dur_refused("5 min", CX_MAP_UNIT_MINUTES, "not a duration (a number, or HH:MM:SS)");
	dur_refused("1,5", CX_MAP_UNIT_MINUTES, "not a duration (a number, or HH:MM:SS)");
	dur_refused("0.0000000000000000000000000000001", CX_MAP_UNIT_SECONDS, "too many decimals");
	dur_refused("99999999999999999", CX_MAP_UNIT_SECONDS, "duration too large");
	dur_refused("01:60:00", CX_MAP_UNIT_HMS, "minute 60 does not exist");
	dur_refused("01:00:60", CX_MAP_UNIT_HMS, "second 60 does not exist");
	dur_refused("-01:00:00", CX_MAP_UNIT_HMS, "negative duration");
	dur_refused("90", CX_MAP_UNIT_HMS, "not a duration (expected HH:MM:SS)");
	dur_refused("1:2:3", CX_MAP_UNIT_HMS, "not a duration (expected HH:MM:SS)");
	dur_refused("01:02:03.5", CX_MAP_UNIT_HMS, "not a duration (expected HH:MM:SS)");
	dur_refused(":30", CX_MAP_UNIT_HMS, "not a duration (expected HH:MM:SS)");
	dur_refused("90", CX_MAP_UNIT_NONE, "no unit for a duration");
}

static void money(void **state)
{
	static const struct {
		const char *s;
		int64_t want;
	} ok[] = {
		{"44377.10", 4437710}, {"3000", 300000}, {"0.5", 50}, {" 12.34 ", 1234},
		{"1,234.56", 123456}, {"1,234", 123400}, {"12,345,678.9", 1234567890},
		{"$1,234.56", 123456}, {"\xe2\x82\xac" "12.50", 1250}, {"\xc2\xa3" "7", 700}, {"0", 0},
	};
	static const struct {
		const char *s, *why;
	} bad[] = {
		{"-1", "negative amount"},
		{"$-1.00", "negative amount"},
		{"1.005", "more than 2 decimals"},
		{"1,234.567", "more than 2 decimals"},
		{"1,5", "not an amount (',' must group thousands)"},
		{"12,34.00", "not an amount (',' must group thousands)"},
		{"1234,567", "not an amount (',' must group thousands)"},
		{",123", "not an amount (',' must group thousands)"},
		{"1.234,56", "not an amount (',' after the decimal point)"},
		{"12.", "not an amount"},
		{".5", "not an amount"},
		{"", "not an amount"},
		{"$", "not an amount"},
		{"1e3", "not an amount"},
		{"12 USD", "not an amount"},
		{"12.3x", "not an amount"},
		{"\xc2\xa5" "12", "not an amount"}, /* yen: no */
		{"99999999999999999999", "amount too large (at most 1000000000.00)"},
		{"1,000,000,000.01", "amount too large (at most 1000000000.00)"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int64_t v = -1;
		if (!cx_conv_money(ok[i].s, &v, &why))
			fail_msg("refused money \"%s\": %s", ok[i].s, why);
		assert_int_equal(v, ok[i].want);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t v = -1;
		if (cx_conv_money(bad[i].s, &v, &why))
			fail_msg("accepted money \"%s\" as %lld", bad[i].s, (long long)v);
		assert_string_equal(why, bad[i].why);
	}
}

static void percentages(void **state)
{
	int64_t bp;
	assert_true(cx_conv_pct("12.5", &bp, &why));
	assert_int_equal(bp, 1250);
	assert_true(cx_conv_pct(" 12.5% ", &bp, &why));
	assert_int_equal(bp, 1250);
	assert_true(cx_conv_pct("100", &bp, &why));
	assert_int_equal(bp, 10000);
	assert_true(cx_conv_pct("0.01", &bp, &why));
	assert_int_equal(bp, 1);
	assert_false(cx_conv_pct("-1", &bp, &why));
	assert_string_equal(why, "negative percentage");
	assert_false(cx_conv_pct("12.345", &bp, &why));
	assert_string_equal(why, "more than 2 decimals");
	assert_false(cx_conv_pct("100.01", &bp, &why));
	assert_string_equal(why, "more than 100%");
	assert_false(cx_conv_pct("ten", &bp, &why));
	assert_string_equal(why, "not a percentage");
	assert_false(cx_conv_pct("", &bp, &why));
	assert_string_equal(why, "not a percentage");
	assert_false(cx_conv_pct("12.", &bp, &why));
	assert_string_equal(why, "not a percentage");
	assert_false(cx_conv_pct("1.2.3", &bp, &why));
	assert_string_equal(why, "not a percentage");
	assert_false(cx_conv_pct("%", &bp, &why));
	assert_string_equal(why, "not a percentage");
}

static void whole_numbers(void **state)
{
	int64_t v;
	assert_true(cx_conv_int(" 42 ", 0, 100, &v, &why));
	assert_int_equal(v, 42);
	assert_true(cx_conv_int("-7", -10, 10, &v, &why));
	assert_int_equal(v, -7);
	assert_true(cx_conv_int("9223372036854775807", 1, INT64_MAX, &v, &why));
	assert_true(v == INT64_MAX);
	assert_false(cx_conv_int("101", 0, 100, &v, &why));
	assert_string_equal(why, "not between 0 and 100");
	assert_false(cx_conv_int("0", 1, INT64_MAX, &v, &why));
	assert_string_equal(why, "less than 1");
	assert_false(cx_conv_int("99999999999999999999", 1, INT64_MAX, &v, &why));
	assert_string_equal(why, "out of range");
	assert_false(cx_conv_int("1.0", 0, 100, &v, &why));
	assert_string_equal(why, "not a whole number");
	assert_false(cx_conv_int("1,000", 0, 10000, &v, &why));
	assert_string_equal(why, "not a whole number");
	assert_false(cx_conv_int("", 0, 100, &v, &why));
	assert_string_equal(why, "not a whole number");
	assert_false(cx_conv_int("-", 0, 100, &v, &why));
	assert_string_equal(why, "not a whole number");
}

static void yes_and_no(void **state)
{
	static const char *yes[] = {"1", "yes", "YES", "True", "y", " Y "}, *no[] = {"0", "no", "No", "FALSE", "n"};
	int b;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		b = -1;
		assert_true(cx_conv_bool(yes[i], &b, &why));
		assert_int_equal(b, 1);
	}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
		b = -1;
		assert_true(cx_conv_bool(no[i], &b, &why));
		assert_int_equal(b, 0);
	}
	assert_false(cx_conv_bool("2", &b, &why));
	assert_string_equal(why, "not yes or no (expected yes/no, true/false, y/n or 1/0)");
	assert_false(cx_conv_bool("yes please", &b, &why));
	assert_false(cx_conv_bool("", &b, &why));
}

static void ratings(void **state)
{
	static const int five[] = {0, 3, 5, 8, 10};
	char s[8];
	int k;
	for (int i = 0; i <= 10; i++) {
		snprintf(s, sizeof s, "%d", i);
		assert_true(cx_conv_csat(s, CX_MAP_SCALE_NONE, &k, &why));
		assert_int_equal(k, i);
		assert_true(cx_conv_csat(s, CX_MAP_SCALE_0_10, &k, &why));
		assert_int_equal(k, i);
		assert_int_equal(cx_conv_csat(s, CX_MAP_SCALE_1_10, &k, &why), i >= 1);
		if (i >= 1)
			assert_int_equal(k, i);
		assert_int_equal(cx_conv_csat(s, CX_MAP_SCALE_1_5, &k, &why), i >= 1 && i <= 5);
		if (i >= 1 && i <= 5)
			assert_int_equal(k, five[i - 1]);
	}
	assert_false(cx_conv_csat("0", CX_MAP_SCALE_1_10, &k, &why));
	assert_string_equal(why, "not a rating from 1 to 10");
	assert_false(cx_conv_csat("6", CX_MAP_SCALE_1_5, &k, &why));
	assert_string_equal(why, "not a rating from 1 to 5");
	assert_false(cx_conv_csat("11", CX_MAP_SCALE_0_10, &k, &why));
	assert_string_equal(why, "not a rating from 0 to 10");
	assert_false(cx_conv_csat("-1", CX_MAP_SCALE_NONE, &k, &why));
	assert_false(cx_conv_csat("4.5", CX_MAP_SCALE_1_5, &k, &why));
	assert_false(cx_conv_csat("", CX_MAP_SCALE_0_10, &k, &why));
	assert_true(cx_conv_csat(" Good ", CX_MAP_SCALE_GOOD_BAD, &k, &why));
	assert_int_equal(k, 10);
	assert_true(cx_conv_csat("BAD", CX_MAP_SCALE_GOOD_BAD, &k, &why));
	assert_int_equal(k, 0);
	assert_false(cx_conv_csat("offered", CX_MAP_SCALE_GOOD_BAD, &k, &why));
	assert_string_equal(why, "not a rating (expected good or bad)");
	assert_false(cx_conv_csat("unoffered", CX_MAP_SCALE_GOOD_BAD, &k, &why));
	assert_false(cx_conv_csat("10", CX_MAP_SCALE_GOOD_BAD, &k, &why));

	assert_string_equal(cx_conv_scale_name(CX_MAP_SCALE_NONE), "0-10");
	assert_string_equal(cx_conv_scale_name(CX_MAP_SCALE_0_10), "0-10");
	assert_string_equal(cx_conv_scale_name(CX_MAP_SCALE_1_10), "1-10");
	assert_string_equal(cx_conv_scale_name(CX_MAP_SCALE_1_5), "1-5");
	assert_string_equal(cx_conv_scale_name(CX_MAP_SCALE_GOOD_BAD), "good-bad");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_with_offsets),
		cmocka_unit_test(iso_refusals),
		cmocka_unit_test(wall_times_in_helsinki),
		cmocka_unit_test(wall_times_in_new_york),
		cmocka_unit_test(zones_unknown_and_restored),
		cmocka_unit_test(strptime_formats),
		cmocka_unit_test(epoch_formats),
		cmocka_unit_test(several_formats),
		cmocka_unit_test(dates),
		cmocka_unit_test(durations),
		cmocka_unit_test(money),
		cmocka_unit_test(percentages),
		cmocka_unit_test(whole_numbers),
		cmocka_unit_test(yes_and_no),
		cmocka_unit_test(ratings),
	};
	return cmocka_run_group_tests_name("convert", tests, utc_group, NULL);
}
