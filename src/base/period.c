/* period.c — calendar arithmetic and reporting periods.
 *
 * Civil-date conversions are pure integer arithmetic (the days-from-civil
 * algorithm), so they never depend on TZ; only the mapping of a day to its
 * local midnight asks the C library (mktime), because daylight saving makes
 * some days 23 or 25 hours long.
 */
#include "cxtop/period.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int32_t cx_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const int yoe = y - era * 400;
	const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cx_civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	const int era = (z >= 0 ? z : z - 146096) / 146097;
	const int doe = z - era * 146097;
	const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : n[m - 1];
}

bool cx_date_parse(const char *s, int32_t *day)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*day = cx_days_from_civil(y, m, d);
	return true;
}

void cx_date_format(int32_t day, char out[11])
{
	int y, m, d;
	char buf[32];
	cx_civil_from_days(day, &y, &m, &d);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

int64_t cx_local_midnight(int32_t day)
{
	int y, m, d;
	cx_civil_from_days(day, &y, &m, &d);
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_isdst = -1};
	return (int64_t)mktime(&tm);
}

int32_t cx_local_day(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return (int32_t)(t / 86400);
	return cx_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int cx_month_days(int32_t day)
{
	int y, m, d;
	cx_civil_from_days(day, &y, &m, &d);
	return days_in_month(y, m);
}

static cx_period make(enum cx_period_kind kind, int32_t from, int32_t to)
{
	cx_period p = {.kind = kind, .from_day = from, .to_day = to};
	p.start = cx_local_midnight(from);
	p.end = cx_local_midnight(to + 1);
	return p;
}

cx_period cx_period_containing(enum cx_period_kind kind, int32_t day)
{
	int y, m, d;
	cx_civil_from_days(day, &y, &m, &d);
	switch (kind) {
	case CX_PERIOD_WEEK: {
		/* 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0. */
		int wd = (int)(((int64_t)day % 7 + 7 + 3) % 7);
		return make(kind, day - wd, day - wd + 6);
	}
	case CX_PERIOD_QUARTER: {
		int qm = (m - 1) / 3 * 3 + 1;
		return make(kind, cx_days_from_civil(y, qm, 1),
			    cx_days_from_civil(y, qm + 2, days_in_month(y, qm + 2)));
	}
	case CX_PERIOD_MONTH:
	case CX_PERIOD_RANGE:
	default:
		return make(CX_PERIOD_MONTH, cx_days_from_civil(y, m, 1), cx_days_from_civil(y, m, days_in_month(y, m)));
	}
}

cx_period cx_period_range(int32_t from_day, int32_t to_day)
{
	return make(CX_PERIOD_RANGE, from_day, to_day);
}

cx_period cx_period_step(cx_period p, int steps)
{
	if (p.kind == CX_PERIOD_RANGE) {
		int32_t len = p.to_day - p.from_day + 1;
		return cx_period_range(p.from_day + steps * len, p.to_day + steps * len);
	}
	cx_period q = p;
	while (steps > 0) {
		q = cx_period_containing(p.kind, q.to_day + 1);
		steps--;
	}
	while (steps < 0) {
		q = cx_period_containing(p.kind, q.from_day - 1);
		steps++;
	}
	return q;
}

int cx_period_split(cx_period range, enum cx_period_kind kind, cx_period *out, int max)
{
	int n = 0;
	for (int32_t day = range.from_day; day <= range.to_day;) {
		cx_period p = cx_period_containing(kind, day);
		int32_t from = p.from_day < range.from_day ? range.from_day : p.from_day;
		int32_t to = p.to_day > range.to_day ? range.to_day : p.to_day;
		if (n < max) {
			out[n] = make(from == p.from_day && to == p.to_day ? kind : CX_PERIOD_RANGE, from, to);
		}
		n++;
		day = to + 1;
	}
	return n;
}

bool cx_period_kind_parse(const char *s, enum cx_period_kind *out)
{
	static const struct {
		const char *name;
		enum cx_period_kind kind;
	} names[] = {{"month", CX_PERIOD_MONTH}, {"week", CX_PERIOD_WEEK}, {"quarter", CX_PERIOD_QUARTER}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].kind;
			return true;
		}
	return false;
}

const char *cx_period_kind_name(enum cx_period_kind kind)
{
	switch (kind) {
	case CX_PERIOD_WEEK:
		return "week";
	case CX_PERIOD_QUARTER:
		return "quarter";
	case CX_PERIOD_RANGE:
		return "range";
	case CX_PERIOD_MONTH:
	default:
		return "month";
	}
}

void cx_period_label(cx_period p, char *buf, int len)
{
	static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
					     "July",    "August",   "September", "October", "November", "December"};
	int y, m, d;
	cx_civil_from_days(p.from_day, &y, &m, &d);
	switch (p.kind) {
	case CX_PERIOD_MONTH:
		snprintf(buf, (size_t)len, "%s %d", months[m - 1], y);
		break;
	case CX_PERIOD_QUARTER:
		snprintf(buf, (size_t)len, "%d Q%d", y, (m - 1) / 3 + 1);
		break;
	case CX_PERIOD_WEEK: {
		/* ISO week number: the week's Thursday decides the year. */
		int32_t thu = p.from_day + 3;
		int ty, tm, td;
		cx_civil_from_days(thu, &ty, &tm, &td);
		int week = (thu - cx_days_from_civil(ty, 1, 1)) / 7 + 1;
		int fy, fm, fd, ly, lm, ld;
		cx_civil_from_days(p.from_day, &fy, &fm, &fd);
		cx_civil_from_days(p.to_day, &ly, &lm, &ld);
		snprintf(buf, (size_t)len, "%d-W%02d (%02d-%02d – %02d-%02d)", ty, week, fm, fd, lm, ld);
		break;
	}
	case CX_PERIOD_RANGE:
	default: {
		char a[11], b[11];
		cx_date_format(p.from_day, a);
		cx_date_format(p.to_day, b);
		snprintf(buf, (size_t)len, "%s – %s", a, b);
		break;
	}
	}
}
