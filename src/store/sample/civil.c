/* civil.c — calendar arithmetic in integers, independent of the local time
 * zone (no localtime, no TZ): the sample is the same everywhere.
 * day_of/civil are Howard Hinnant's days_from_civil/civil_from_days.
 */
#include <stdio.h>

#include "sample.h"

int64_t START_DAY, END_DAY, T_END;

int64_t day_of(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void civil(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int month_days(int y, int m)
{
	static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return n[m - 1];
}

int mday(int64_t day)
{
	int y, m, d;
	civil(day, &y, &m, &d);
	return d;
}

int weekday(int64_t day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

void fmt_date(char out[11], int64_t day)
{
	int y, m, d;
	civil(day, &y, &m, &d);
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
}

int64_t at(int64_t day, int h, int mi, int s)
{
	return day * DAY + h * 3600 + mi * 60 + s;
}

void window_init(void)
{
	START_DAY = day_of(START_Y, START_M, 1);
	END_DAY = day_of(2022, 3, 31);
	T_END = (END_DAY + 1) * DAY - 1;
}

int64_t month_first(int ix)
{
	int m = START_M + ix, y = START_Y;
	while (m > 12) {
		m -= 12;
		y++;
	}
	return day_of(y, m, 1);
}

int64_t month_last(int ix)
{
	return month_first(ix + 1) - 1;
}

int month_ix(int64_t day)
{
	for (int i = 0; i < N_MONTHS; i++)
		if (day >= month_first(i) && day <= month_last(i))
			return i;
	return -1;
}
