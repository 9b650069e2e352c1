/* period.h — calendar days and reporting periods in local time.
 *
 * The store keeps instants in UTC; managers think in their own calendar.  A
 * period is a run of whole local days [from_day, to_day], and the instants
 * [start, end) between the local midnights that bound it.  Days are counted
 * from 1970-01-01 in the proleptic Gregorian calendar, independent of any
 * time zone; only start/end depend on TZ.
 */
#ifndef CXTOP_PERIOD_H
#define CXTOP_PERIOD_H

#include <stdbool.h>
#include <stdint.h>

enum cx_period_kind { CX_PERIOD_MONTH, CX_PERIOD_WEEK, CX_PERIOD_QUARTER, CX_PERIOD_RANGE };

typedef struct cx_period {
	enum cx_period_kind kind;
	int32_t from_day, to_day; /* inclusive */
	int64_t start, end;       /* unix seconds: local midnight of from_day, of to_day + 1 */
} cx_period;

int32_t cx_days_from_civil(int y, int m, int d);
void cx_civil_from_days(int32_t day, int *y, int *m, int *d);

/* Strict 'YYYY-MM-DD' with a real day of a real month; false otherwise. */
bool cx_date_parse(const char *s, int32_t *day);
/* Writes 'YYYY-MM-DD' (11 bytes with the NUL). */
void cx_date_format(int32_t day, char out[11]);

/* Local midnight at the start of `day`, as unix seconds. */
int64_t cx_local_midnight(int32_t day);
/* The local calendar day holding the instant t. */
int32_t cx_local_day(int64_t t);
/* Days in the month holding `day`. */
int cx_month_days(int32_t day);

/* The month / ISO week (Monday to Sunday) / quarter holding `day`. */
cx_period cx_period_containing(enum cx_period_kind kind, int32_t day);
/* An arbitrary inclusive range of days. */
cx_period cx_period_range(int32_t from_day, int32_t to_day);
/* The period `steps` periods of the same kind away (negative: earlier).
 * A RANGE steps by its own length. */
cx_period cx_period_step(cx_period p, int steps);
/* Splits `range` into consecutive periods of `kind`, clipped to the range.
 * Writes at most max of them into out and returns how many there are. */
int cx_period_split(cx_period range, enum cx_period_kind kind, cx_period *out, int max);

bool cx_period_kind_parse(const char *s, enum cx_period_kind *out);
const char *cx_period_kind_name(enum cx_period_kind kind);
/* "March 2022", "2022-W09", "2022 Q1", or "2022-03-01 – 2022-03-10". */
void cx_period_label(cx_period p, char *buf, int len);

#endif
