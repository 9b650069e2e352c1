/* convert.h — turning the text of a CSV cell into a store value: instants,
 * dates, durations, money, percentages, whole numbers, yes/no, ratings.
 *
 * Strict: each function accepts its documented forms, with spaces around
 * the value allowed, and refuses anything else (no trailing junk, no silent
 * rounding of money).  On refusal it returns false and, when why is not
 * NULL, points *why at a short static reason for the error message ("not
 * a date", "month 13 does not exist").  Instants without a zone are read
 * in the zone set with cx_conv_tz_set (the process's TZ) by mktime(3)
 * with tm_isdst = -1: a wall time that a DST change skips or repeats gets
 * the instant mktime chooses for it. */
#ifndef CXTOP_CONVERT_H
#define CXTOP_CONVERT_H

#include <stdbool.h>
#include <stdint.h>

#include "cxtop/error.h"
#include "cxtop/mapping.h"

/* Uses zone (an IANA name such as "Europe/Helsinki", or "UTC") for
 * instants without a zone until cx_conv_tz_restore.  NULL or "" keeps the
 * local zone.  An unknown zone (no such file under $TZDIR or
 * /usr/share/zoneinfo) fills err ("unknown time zone 'x'") and returns
 * -1.  Not reentrant: one import at a time per process. */
int cx_conv_tz_set(const char *zone, cx_error *err);
void cx_conv_tz_restore(void);

/* An instant in ISO 8601 / RFC 3339 as exports write them:
 *   YYYY-MM-DD                     (midnight, in the zone set)
 *   YYYY-MM-DD[T ]HH:MM[:SS[.frac]] (in the zone set; fraction dropped)
 *   ... followed by Z, +HH, +HH:MM, +HHMM or " +HHMM" / " UTC" (that offset)
 * Years 1970-2199.  Result in UTC unix seconds. */
bool cx_conv_instant_iso(const char *s, int64_t *out, const char **why);

/* An instant in a strptime(3) format ("%d/%m/%Y %H:%M", "%d-%b-%y", with
 * %z honoured as an offset), or one of the special formats "iso8601"
 * (as above), "epoch" (unix seconds) and "epoch_ms" (milliseconds).  The
 * whole string must be consumed. */
bool cx_conv_instant_fmt(const char *s, const char *fmt, int64_t *out, const char **why);

/* Tries each format in turn (ISO 8601 when nformats is 0). */
bool cx_conv_instant(const char *s, char *const *formats, size_t nformats, int64_t *out, const char **why);

/* A calendar date 'YYYY-MM-DD' (or, with formats, the date part of what
 * they parse; an instant is taken as its date in the zone set) -> days
 * since 1970-01-01. */
bool cx_conv_date(const char *s, char *const *formats, size_t nformats, int32_t *day, const char **why);

/* A duration in unit: a non-negative number of seconds, minutes or hours
 * (decimals allowed, rounded to the nearest second), or "HH:MM[:SS]" for
 * CX_MAP_UNIT_HMS.  -> seconds. */
bool cx_conv_duration(const char *s, enum cx_map_unit unit, int64_t *seconds, const char **why);

/* Money in major units, as cx_parse_money ("44377.10", "3000", "0.5"),
 * also with a thousands separator "," when a "." decimal follows or no
 * decimals ("1,234.56"), and a leading currency sign "$", "€", "£".
 * Negative amounts are refused. -> minor units. */
bool cx_conv_money(const char *s, int64_t *minor, const char **why);

/* A percentage "12.5" or "12.5%" (0-100, at most 2 decimals) -> bp. */
bool cx_conv_pct(const char *s, int64_t *bp, const char **why);

/* A whole number in [min, max]. */
bool cx_conv_int(const char *s, int64_t min, int64_t max, int64_t *out, const char **why);

/* 0/1, yes/no, true/false, y/n (any case) -> 0 or 1. */
bool cx_conv_bool(const char *s, int *out, const char **why);

/* A satisfaction rating on scale (CX_MAP_SCALE_NONE: 0-10) -> 0..10:
 *   0-10: the number itself;  1-10: the number itself (0 refused);
 *   1-5: 1->0, 2->3, 3->5, 4->8, 5->10 (4 and 5 count as satisfied, 7+;
 *        only 5 as a promoter, 9+);
 *   good-bad: "good" -> 10, "bad" -> 0 (any case).
 * Zendesk's "offered" and "unoffered" (no rating given) are not ratings:
 * the caller treats them as empty; this function refuses them. */
bool cx_conv_csat(const char *s, enum cx_map_scale scale, int *out, const char **why);

/* The name of a scale as stored in tickets.csat_scale ("0-10", "1-5"...). */
const char *cx_conv_scale_name(enum cx_map_scale scale);

#endif
