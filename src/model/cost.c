/* cost.c — staff cost of an agent over any run of days. */
#include "cxtop/format.h"
#include "cxtop/model.h"
#include "cxtop/period.h"

int64_t cx_agent_cost(int64_t monthly_cost, int32_t from_day, int32_t to_day, int32_t hired_day, int32_t left_day)
{
	int32_t a = from_day > hired_day ? from_day : hired_day;
	int32_t b = to_day < left_day ? to_day : left_day;
	int64_t total = 0;
	/* Month by month, so that February's day is worth more than March's:
	 * the monthly cost is what is paid whatever the month's length. */
	for (int32_t day = a; day <= b;) {
		int y, m, d;
		cx_civil_from_days(day, &y, &m, &d);
		int mdays = cx_month_days(day);
		int32_t month_end = day - (d - 1) + mdays - 1;
		int32_t end = month_end < b ? month_end : b;
		/* Up to `end` minus up to the day before: splits add up exactly. */
		int32_t month_start = day - (d - 1);
		total = cx_sat_add(total, cx_prorate(monthly_cost, end - month_start + 1, mdays) -
						   cx_prorate(monthly_cost, day - month_start, mdays));
		day = end + 1;
	}
	return total;
}
