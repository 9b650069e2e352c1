/* convert.c — the text of a CSV cell to a store value, strictly.
 *
 * An import reads millions of cells, so the common forms are parsed by
 * hand: ISO 8601 instants with an offset are pure integer arithmetic
 * (days-from-civil), and only wall times without a zone ask the C library
 * (mktime), because only it knows the zone's daylight saving rules.
 * strptime(3) serves the other formats, with every field it hands back
 * checked again: it takes 30 February, and second 61, without a word.
 *
 * Reasons are static strings; the few that name a value ("day 30 does not
 * exist in 2022-02") are printed into a per-thread buffer that the next
 * refusal overwrites, so callers use *why at once, as they do. */
#include "cxtop/convert.h"
#include "cxtop/zone.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cxtop/parse.h"
#include "cxtop/period.h"
#include "cxtop/xalloc.h"

#define YEAR_MIN 1970
#define YEAR_MAX 2199

static _Thread_local char why_buf[128];

static const char *because(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static const char *because(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why_buf, sizeof why_buf, fmt, ap);
	va_end(ap);
	return why_buf;
}

static bool fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return false;
}

/* ---- time zone ---- */

static struct {
	bool active; /* a zone is set and the old TZ is kept below */
	bool had;    /* TZ was set before */
	char *old;
} saved;

int cx_conv_tz_set(const char *zone, cx_error *err)
{
	if (!zone || !*zone)
		return 0;
	bool utc = strcmp(zone, "UTC") == 0;
	if (!cx_zone_known(zone))
		return cx_fail(err, CX_EXIT_USAGE, "unknown time zone '%s'", zone);
	/* Set twice without a restore: the first saved value is the one to
	 * go back to. */
	if (!saved.active) {
		const char *old = getenv("TZ");
		saved.had = old != NULL;
		saved.old = old ? cx_xstrdup(old) : NULL;
		saved.active = true;
	}
	/* "UTC0" is UTC by POSIX rules even without a zoneinfo file. */
	setenv("TZ", utc ? "UTC0" : zone, 1);
	tzset();
	return 0;
}

void cx_conv_tz_restore(void)
{
	if (!saved.active)
		return;
	if (saved.had)
		setenv("TZ", saved.old, 1);
	else
		unsetenv("TZ");
	free(saved.old);
	saved.old = NULL;
	saved.had = false;
	saved.active = false;
	tzset();
}

/* ---- shared pieces ---- */

/* What a date-and-time text says, before it becomes an instant or a day. */
struct when {
	int y, mon, d, h, min, sec;
	bool zoned;   /* an offset was written: off is meaningful */
	int32_t off;  /* seconds east of UTC */
	bool known;   /* t is the instant already (epoch formats) */
	int64_t t;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Points *b and *e at s without its outer spaces. */
static void trim(const char *s, const char **b, const char **e)
{
	const char *p = s, *q = s + strlen(s);
	while (p < q && is_space(*p))
		p++;
	while (q > p && is_space(q[-1]))
		q--;
	*b = p;
	*e = q;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Exactly n digits at p (within e) as a number, or -1. */
static int digits(const char *p, const char *e, int n)
{
	if (e - p < n)
		return -1;
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!is_digit(p[i]))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* Year, month and day: in range and real (31 April does not round-trip
 * through the day count). */
static bool check_date(int y, int m, int d, const char **why)
{
	if (y < YEAR_MIN || y > YEAR_MAX)
		return fail(why, "year out of range");
	if (m < 1 || m > 12)
		return fail(why, because("month %d does not exist", m));
	int ry, rm, rd;
	cx_civil_from_days(cx_days_from_civil(y, m, d), &ry, &rm, &rd);
	if (d < 1 || ry != y || rm != m || rd != d)
		return fail(why, because("day %d does not exist in %04d-%02d", d, y, m));
	return true;
}

/* Leap seconds are not kept: second 60 is refused, not moved. */
static bool check_time(int h, int min, int sec, const char **why)
{
	if (h < 0 || h > 23)
		return fail(why, because("hour %d does not exist", h));
	if (min < 0 || min > 59)
		return fail(why, because("minute %d does not exist", min));
	if (sec < 0 || sec > 59)
		return fail(why, because("second %d does not exist", sec));
	return true;
}

static bool check_when(const struct when *w, const char **why)
{
	return check_date(w->y, w->mon, w->d, why) && check_time(w->h, w->min, w->sec, why);
}

/* The instant w names: by arithmetic when it has an offset, else by
 * mktime in the zone set (tm_isdst -1: mktime picks across a DST change). */
static bool when_instant(const struct when *w, int64_t *out, const char **why)
{
	if (w->known) {
		*out = w->t;
		return true;
	}
	if (w->zoned) {
		int64_t days = cx_days_from_civil(w->y, w->mon, w->d);
		*out = days * 86400 + w->h * 3600 + w->min * 60 + w->sec - w->off;
		return true;
	}
	struct tm tm = {
		.tm_year = w->y - 1900,
		.tm_mon = w->mon - 1,
		.tm_mday = w->d,
		.tm_hour = w->h,
		.tm_min = w->min,
		.tm_sec = w->sec,
		.tm_isdst = -1,
	};
	errno = 0;
	time_t t = mktime(&tm);
	/* -1 is also a real instant (one second before 1970 in UTC). */
	if (t == (time_t)-1 && errno != 0)
		return fail(why, "not a time in this time zone");
	*out = (int64_t)t;
	return true;
}

/* The calendar day of w: the written date, unless w is an instant given
 * with its own offset, which is seen in the zone set. */
static bool when_day(const struct when *w, int32_t *day, const char **why)
{
	if (!w->known && !w->zoned) {
		*day = cx_days_from_civil(w->y, w->mon, w->d);
		return true;
	}
	int64_t t;
	if (!when_instant(w, &t, why))
		return false;
	*day = cx_local_day(t);
	return true;
}

/* ---- ISO 8601 ---- */

#define NOT_ISO "not an ISO 8601 date and time (expected YYYY-MM-DD HH:MM:SS)"

/* An offset after the time: Z, +HH, +HH:MM, +HHMM, or with a space before
 * the sign, or " UTC". */
static bool iso_zone(const char *p, const char *e, struct when *w, const char **why, bool *shaped)
{
	if (p == e)
		return true;
	if ((*p == 'Z' || *p == 'z') && e - p == 1) {
		w->zoned = true;
		return true;
	}
	if (*p == ' ') {
		p++;
		if (e - p == 3 && memcmp(p, "UTC", 3) == 0) {
			w->zoned = true;
			return true;
		}
	}
	if (p == e || (*p != '+' && *p != '-'))
		return fail(why, NOT_ISO);
	int sign = *p++ == '-' ? -1 : 1;
	int hh = digits(p, e, 2), mm = 0;
	if (hh < 0)
		return fail(why, NOT_ISO);
	p += 2;
	if (p < e && *p == ':')
		p++;
	if (p < e) {
		if ((mm = digits(p, e, 2)) < 0 || e - p != 2)
			return fail(why, NOT_ISO);
	} else if (p[-1] == ':') {
		return fail(why, NOT_ISO); /* "+02:" */
	}
	*shaped = true;
	if (hh > 23 || mm > 59)
		return fail(why, "time zone offset out of range");
	w->zoned = true;
	w->off = sign * (hh * 3600 + mm * 60);
	return true;
}

/* The fields of an ISO 8601 text in [p, e).  *shaped tells the caller the
 * text had the form, so that a refusal is about its values. */
static bool iso_fields(const char *p, const char *e, struct when *w, bool *date_only, const char **why, bool *shaped)
{
	*w = (struct when){0};
	*shaped = false;
	if (e - p < 10 || p[4] != '-' || p[7] != '-')
		return fail(why, NOT_ISO);
	int y = digits(p, e, 4), m = digits(p + 5, e, 2), d = digits(p + 8, e, 2);
	if (y < 0 || m < 0 || d < 0)
		return fail(why, NOT_ISO);
	w->y = y;
	w->mon = m;
	w->d = d;
	p += 10;
	*date_only = p == e;
	if (!*date_only) {
		if (*p != 'T' && *p != 't' && *p != ' ')
			return fail(why, NOT_ISO);
		p++;
		if ((w->h = digits(p, e, 2)) < 0 || e - p < 5 || p[2] != ':' || (w->min = digits(p + 3, e, 2)) < 0)
			return fail(why, NOT_ISO);
		p += 5;
		if (p < e && *p == ':') {
			if ((w->sec = digits(p + 1, e, 2)) < 0)
				return fail(why, NOT_ISO);
			p += 3;
			/* A fraction is dropped: the store counts whole seconds. */
			if (p < e && (*p == '.' || *p == ',')) {
				if (++p == e || !is_digit(*p))
					return fail(why, NOT_ISO);
				while (p < e && is_digit(*p))
					p++;
			}
		}
		if (!iso_zone(p, e, w, why, shaped))
			return false;
	}
	*shaped = true;
	return check_when(w, why);
}

static bool iso_when(const char *s, struct when *w, const char **why, bool *shaped)
{
	const char *b, *e;
	bool date_only;
	trim(s, &b, &e);
	return iso_fields(b, e, w, &date_only, why, shaped);
}

bool cx_conv_instant_iso(const char *s, int64_t *out, const char **why)
{
	struct when w;
	bool shaped;
	return iso_when(s, &w, why, &shaped) && when_instant(&w, out, why);
}

/* ---- epoch ---- */

/* An optionally negative whole number in [b, e); false when it is not one
 * or too long for 64 bits. */
static bool whole(const char *b, const char *e, int64_t *out, bool *too_big)
{
	bool neg = b < e && *b == '-';
	if (neg)
		b++;
	*too_big = false;
	if (b == e)
		return false;
	int64_t v = 0;
	for (; b < e; b++) {
		if (!is_digit(*b))
			return false;
		int digit = *b - '0';
		if (v > (INT64_MAX - digit) / 10) {
			*too_big = true;
			return false;
		}
		v = v * 10 + digit;
	}
	*out = neg ? -v : v;
	return true;
}

/* Unix seconds (per = 1) or milliseconds (per = 1000, floored). */
static bool epoch_when(const char *s, int64_t per, struct when *w, const char **why, bool *shaped)
{
	const char *b, *e;
	int64_t v;
	bool too_big;
	trim(s, &b, &e);
	*w = (struct when){0};
	*shaped = false;
	if (!whole(b, e, &v, &too_big)) {
		*shaped = too_big; /* a number, only far too big */
		if (too_big)
			return fail(why, "year out of range");
		return fail(why, per == 1 ? "not a unix time (whole seconds)" : "not a unix time in milliseconds");
	}
	*shaped = true;
	int64_t t = v / per - (v % per < 0); /* floor, also below zero */
	if (t < 0 || t >= (int64_t)cx_days_from_civil(YEAR_MAX + 1, 1, 1) * 86400)
		return fail(why, "year out of range");
	w->known = true;
	w->t = t;
	return true;
}

/* ---- strptime formats ---- */

enum {
	F_YEAR = 1,
	F_MON = 2,
	F_DAY = 4,
	F_ZONE = 8,    /* %z */
	F_ZNAME = 16,  /* %Z: glibc reads a word and ignores it */
};

/* Which fields a format sets, from its conversions. */
static int format_fields(const char *fmt)
{
	int f = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		p++;
		while (*p && strchr("EO_-0^#", *p))
			p++;
		while (is_digit(*p))
			p++;
		switch (*p) {
		case '\0':
			return f;
		case 'Y': case 'y': f |= F_YEAR; break;
		case 'm': case 'b': case 'B': case 'h': f |= F_MON; break;
		case 'd': case 'e': f |= F_DAY; break;
		case 'j': f |= F_MON | F_DAY; break;
		case 'D': case 'F': case 'c': case 'x': case 's': f |= F_YEAR | F_MON | F_DAY; break;
		case 'z': f |= F_ZONE; break;
		case 'Z': f |= F_ZNAME; break;
		default: break;
		}
	}
	return f;
}

static bool strptime_when(const char *s, const char *fmt, struct when *w, const char **why, bool *shaped)
{
	*w = (struct when){0};
	*shaped = false;
	int f = format_fields(fmt);
	if (f & F_ZNAME)
		return fail(why, "%Z is not supported in a format (use %z)");
	if ((f & (F_YEAR | F_MON | F_DAY)) != (F_YEAR | F_MON | F_DAY))
		return fail(why, "the format needs a year, a month and a day");
	const char *b, *e;
	trim(s, &b, &e);
	char buf[256];
	if ((size_t)(e - b) >= sizeof buf)
		return fail(why, "too long for a date and time");
	memcpy(buf, b, (size_t)(e - b));
	buf[e - b] = '\0';
	/* Defaults that glibc's own day-of-week arithmetic can read safely. */
	struct tm tm = {.tm_year = 70, .tm_mon = 0, .tm_mday = 1};
	const char *rest = strptime(buf, fmt, &tm);
	if (!rest || *rest)
		return fail(why, because("does not match the format '%.64s'", fmt));
	*shaped = true;
	w->y = tm.tm_year + 1900;
	w->mon = tm.tm_mon + 1;
	w->d = tm.tm_mday;
	w->h = tm.tm_hour;
	w->min = tm.tm_min;
	w->sec = tm.tm_sec;
	if (!check_when(w, why))
		return false;
	if (f & F_ZONE) {
		/* The offset from tm_gmtoff: mktime would read the fields in the
		 * zone set and ignore it. */
		if (tm.tm_gmtoff <= -86400 || tm.tm_gmtoff >= 86400)
			return fail(why, "time zone offset out of range");
		w->zoned = true;
		w->off = (int32_t)tm.tm_gmtoff;
	}
	return true;
}

/* One format, special or strptime's. */
static bool fmt_when(const char *s, const char *fmt, struct when *w, const char **why, bool *shaped)
{
	if (strcmp(fmt, "iso8601") == 0)
		return iso_when(s, w, why, shaped);
	if (strcmp(fmt, "epoch") == 0)
		return epoch_when(s, 1, w, why, shaped);
	if (strcmp(fmt, "epoch_ms") == 0)
		return epoch_when(s, 1000, w, why, shaped);
	return strptime_when(s, fmt, w, why, shaped);
}

bool cx_conv_instant_fmt(const char *s, const char *fmt, int64_t *out, const char **why)
{
	struct when w;
	bool shaped;
	return fmt_when(s, fmt, &w, why, &shaped) && when_instant(&w, out, why);
}

/* Tries the formats in turn.  When all fail, the reason is the first one
 * about a value (a text that had a format's shape but, say, day 30 of
 * February), else the one format's own, else a general one. */
static bool any_when(const char *s, char *const *formats, size_t n, struct when *w, const char **why)
{
	char first[sizeof why_buf] = "";
	const char *r = NULL;
	for (size_t i = 0; i < n; i++) {
		bool shaped;
		if (fmt_when(s, formats[i], w, &r, &shaped))
			return true;
		if (shaped && !first[0])
			snprintf(first, sizeof first, "%s", r);
	}
	if (first[0])
		return fail(why, because("%s", first));
	return fail(why, n == 1 ? r : "matches none of the formats");
}

bool cx_conv_instant(const char *s, char *const *formats, size_t nformats, int64_t *out, const char **why)
{
	if (nformats == 0)
		return cx_conv_instant_iso(s, out, why);
	struct when w;
	return any_when(s, formats, nformats, &w, why) && when_instant(&w, out, why);
}

/* ---- dates ---- */

static bool ymd(const char *s, int32_t *day, const char **why)
{
	const char *b, *e;
	trim(s, &b, &e);
	if (e - b != 10 || b[4] != '-' || b[7] != '-')
		return fail(why, "not a date (expected YYYY-MM-DD)");
	int y = digits(b, e, 4), m = digits(b + 5, e, 2), d = digits(b + 8, e, 2);
	if (y < 0 || m < 0 || d < 0)
		return fail(why, "not a date (expected YYYY-MM-DD)");
	if (!check_date(y, m, d, why))
		return false;
	*day = cx_days_from_civil(y, m, d);
	return true;
}

bool cx_conv_date(const char *s, char *const *formats, size_t nformats, int32_t *day, const char **why)
{
	if (nformats == 0)
		return ymd(s, day, why);
	struct when w;
	return any_when(s, formats, nformats, &w, why) && when_day(&w, day, why);
}

/* ---- durations ---- */

#define MAX_DECIMALS 30

/* A non-negative decimal number of units of mult seconds, rounded half up
 * to the second exactly: the fraction's digits are multiplied by mult as a
 * digit string, so "1.6666666666666667" minutes is 100 s with no float. */
static bool decimal_seconds(const char *b, const char *e, int64_t mult, int64_t *out, const char **why)
{
	if (b < e && *b == '-')
		return fail(why, "negative duration");
	int64_t ip = 0;
	const char *p = b;
	for (; p < e && is_digit(*p); p++) {
		if (ip > 1000000000000LL)
			return fail(why, "duration too large");
		ip = ip * 10 + (*p - '0');
	}
	if (p == b)
		return fail(why, "not a duration (a number, or HH:MM:SS)");
	int frac[MAX_DECIMALS], k = 0;
	if (p < e && *p == '.') {
		for (p++; p < e && is_digit(*p); p++) {
			if (k == MAX_DECIMALS)
				return fail(why, "too many decimals");
			frac[k++] = *p - '0';
		}
		if (k == 0)
			return fail(why, "not a duration (a number, or HH:MM:SS)");
	}
	if (p != e)
		return fail(why, "not a duration (a number, or HH:MM:SS)");
	int64_t carry = 0;
	for (int i = k - 1; i >= 0; i--) {
		int64_t v = frac[i] * mult + carry;
		frac[i] = (int)(v % 10);
		carry = v / 10;
	}
	/* carry: whole seconds of the fraction; frac: what is left of one. */
	*out = ip * mult + carry + (k > 0 && frac[0] >= 5);
	return true;
}

/* "H:MM" or "H:MM:SS", hours of any length (a 30-hour wait is one). */
static bool hms_seconds(const char *b, const char *e, int64_t *out, const char **why)
{
	if (b < e && *b == '-')
		return fail(why, "negative duration");
	int64_t h = 0;
	const char *p = b;
	for (; p < e && is_digit(*p); p++) {
		if (h > 1000000000LL)
			return fail(why, "duration too large");
		h = h * 10 + (*p - '0');
	}
	int m = p < e && *p == ':' ? digits(p + 1, e, 2) : -1, sec = 0;
	if (p == b || m < 0)
		return fail(why, "not a duration (expected HH:MM:SS)");
	p += 3;
	if (p < e) {
		if (*p != ':' || (sec = digits(p + 1, e, 2)) < 0 || e - p != 3)
			return fail(why, "not a duration (expected HH:MM:SS)");
	}
	if (m > 59)
		return fail(why, because("minute %d does not exist", m));
	if (sec > 59)
		return fail(why, because("second %d does not exist", sec));
	*out = h * 3600 + m * 60 + sec;
	return true;
}

bool cx_conv_duration(const char *s, enum cx_map_unit unit, int64_t *seconds, const char **why)
{
	const char *b, *e;
	trim(s, &b, &e);
	switch (unit) {
	case CX_MAP_UNIT_SECONDS:
		return decimal_seconds(b, e, 1, seconds, why);
	case CX_MAP_UNIT_MINUTES:
		return decimal_seconds(b, e, 60, seconds, why);
	case CX_MAP_UNIT_HOURS:
		return decimal_seconds(b, e, 3600, seconds, why);
	case CX_MAP_UNIT_HMS:
		return hms_seconds(b, e, seconds, why);
	case CX_MAP_UNIT_NONE:
		break;
	}
	return fail(why, "no unit for a duration");
}

/* ---- money, percentages, numbers ---- */

/* Copies [b, e) into out (size len) as digits and a point only: commas
 * must group thousands ("1,234.56", "12,345"), so that "1,5" (a decimal
 * comma) is refused rather than read as 15.  Returns a reason or NULL. */
static const char *money_digits(const char *b, const char *e, char *out, size_t len)
{
	const char *point = memchr(b, '.', (size_t)(e - b));
	const char *int_end = point ? point : e;
	bool grouped = memchr(b, ',', (size_t)(int_end - b)) != NULL;
	if (point && memchr(point, ',', (size_t)(e - point)))
		return "not an amount (',' after the decimal point)";
	if ((size_t)(e - b) >= len)
		return "amount too large";
	size_t n = 0;
	int run = 0, groups = 0;
	for (const char *p = b; p < int_end; p++) {
		if (*p == ',') {
			if (run == 0 || run > 3 || (groups > 0 && run != 3))
				return "not an amount (',' must group thousands)";
			groups++;
			run = 0;
			continue;
		}
		if (!is_digit(*p))
			return "not an amount";
		out[n++] = *p;
		run++;
	}
	if (grouped && run != 3)
		return "not an amount (',' must group thousands)";
	if (point) {
		for (const char *p = point + 1; p < e; p++)
			if (!is_digit(*p))
				return "not an amount";
		if (e - point - 1 > 2)
			return "more than 2 decimals";
		memcpy(out + n, point, (size_t)(e - point));
		n += (size_t)(e - point);
	}
	out[n] = '\0';
	return NULL;
}

/* A currency sign at b: its length, or 0. */
static size_t currency_sign(const char *b, const char *e)
{
	static const char *const signs[] = {"$", "\xe2\x82\xac" /* € */, "\xc2\xa3" /* £ */};
	for (size_t i = 0; i < sizeof signs / sizeof signs[0]; i++) {
		size_t n = strlen(signs[i]);
		if ((size_t)(e - b) >= n && memcmp(b, signs[i], n) == 0)
			return n;
	}
	return 0;
}

bool cx_conv_money(const char *s, int64_t *minor, const char **why)
{
	const char *b, *e;
	trim(s, &b, &e);
	if (b < e && *b == '-')
		return fail(why, "negative amount");
	b += currency_sign(b, e);
	if (b < e && *b == '-')
		return fail(why, "negative amount");
	char buf[64];
	const char *r = money_digits(b, e, buf, sizeof buf);
	if (r)
		return fail(why, r);
	/* The shape is right here, but for "", "12." and ".5", which
	 * cx_parse_money refuses too; else only the size is left. */
	size_t n = strlen(buf);
	if (n == 0 || buf[0] == '.' || buf[n - 1] == '.')
		return fail(why, "not an amount");
	if (!cx_parse_money(buf, minor))
		return fail(why, "amount too large (at most 1000000000.00)");
	return true;
}

bool cx_conv_pct(const char *s, int64_t *bp, const char **why)
{
	const char *b, *e;
	trim(s, &b, &e);
	if (b < e && *b == '-')
		return fail(why, "negative percentage");
	char buf[32];
	if ((size_t)(e - b) >= sizeof buf)
		return fail(why, "not a percentage");
	memcpy(buf, b, (size_t)(e - b));
	buf[e - b] = '\0';
	if (cx_parse_pct(buf, bp))
		return true;
	/* Why not: the same shape, read again only to name the fault. */
	const char *point = strchr(buf, '.');
	size_t n = strlen(buf);
	if (n && buf[n - 1] == '%')
		buf[--n] = '\0';
	if (n == 0 || strspn(buf, "0123456789.") != n || (point && strchr(point + 1, '.')) || buf[0] == '.' ||
	    buf[n - 1] == '.')
		return fail(why, "not a percentage");
	if (point && strlen(point + 1) > 2)
		return fail(why, "more than 2 decimals");
	return fail(why, "more than 100%");
}

bool cx_conv_int(const char *s, int64_t min, int64_t max, int64_t *out, const char **why)
{
	const char *b, *e;
	int64_t v;
	bool too_big;
	trim(s, &b, &e);
	if (!whole(b, e, &v, &too_big) && !too_big)
		return fail(why, "not a whole number");
	if (too_big)
		return fail(why, "out of range");
	if (v < min && max == INT64_MAX)
		return fail(why, because("less than %lld", (long long)min));
	if (v < min || v > max)
		return fail(why, because("not between %lld and %lld", (long long)min, (long long)max));
	*out = v;
	return true;
}

/* [b, e) equals word, ignoring ASCII case. */
static bool same(const char *b, const char *e, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(e - b) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = b[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

bool cx_conv_bool(const char *s, int *out, const char **why)
{
	static const char *const yes[] = {"1", "yes", "true", "y"}, *const no[] = {"0", "no", "false", "n"};
	const char *b, *e;
	trim(s, &b, &e);
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (same(b, e, yes[i])) {
			*out = 1;
			return true;
		}
		if (same(b, e, no[i])) {
			*out = 0;
			return true;
		}
	}
	return fail(why, "not yes or no (expected yes/no, true/false, y/n or 1/0)");
}

/* ---- satisfaction ---- */

bool cx_conv_csat(const char *s, enum cx_map_scale scale, int *out, const char **why)
{
	/* 1-5 spread over 0-10 so that 4 and 5 count as satisfied (7+) and
	 * only 5 as a promoter (9+). */
	static const int five[] = {0, 0, 3, 5, 8, 10};
	const char *b, *e;
	int64_t v;
	bool too_big;
	trim(s, &b, &e);
	if (scale == CX_MAP_SCALE_GOOD_BAD) {
		if (same(b, e, "good"))
			*out = 10;
		else if (same(b, e, "bad"))
			*out = 0;
		else
			return fail(why, "not a rating (expected good or bad)");
		return true;
	}
	bool num = whole(b, e, &v, &too_big);
	switch (scale) {
	case CX_MAP_SCALE_1_5:
		if (!num || v < 1 || v > 5)
			return fail(why, "not a rating from 1 to 5");
		*out = five[v];
		return true;
	case CX_MAP_SCALE_1_10:
		if (!num || v < 1 || v > 10)
			return fail(why, "not a rating from 1 to 10");
		*out = (int)v;
		return true;
	default:
		if (!num || v < 0 || v > 10)
			return fail(why, "not a rating from 0 to 10");
		*out = (int)v;
		return true;
	}
}

const char *cx_conv_scale_name(enum cx_map_scale scale)
{
	switch (scale) {
	case CX_MAP_SCALE_1_10:
		return "1-10";
	case CX_MAP_SCALE_1_5:
		return "1-5";
	case CX_MAP_SCALE_GOOD_BAD:
		return "good-bad";
	case CX_MAP_SCALE_NONE:
	case CX_MAP_SCALE_0_10:
		break;
	}
	return "0-10";
}
