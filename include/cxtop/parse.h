/* parse.h — strict parsers for values people type: on the command line, in
 * forms, in CSV files.  Each accepts exactly one format and says no to
 * anything else (no trailing junk, no silent rounding). */
#ifndef CXTOP_PARSE_H
#define CXTOP_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* A non-negative whole number, digits only ("6000", not "6,000" or "6e3"). */
bool cx_parse_count(const char *s, int64_t *out);

/* Money in major units with at most 2 decimals: "3000", "3000.5",
 * "44377.10" -> minor units.  Negative amounts are refused. */
bool cx_parse_money(const char *s, int64_t *out);

/* A percentage 0-100 with at most 2 decimals ("10", "12.5", "0.25") -> basis
 * points.  A trailing '%' is allowed. */
bool cx_parse_pct(const char *s, int64_t *bp);

/* A signed percentage -100..100 with at most 2 decimals -> basis points. */
bool cx_parse_signed_pct(const char *s, int64_t *bp);

#endif
