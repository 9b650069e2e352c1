/* parse.h — strict parsers for values people type: on the command line, in
 * forms, in CSV files.  Each accepts exactly one format and says no to
 * anything else (no trailing junk, no silent rounding). */
#ifndef CXTOP_PARSE_H
#define CXTOP_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* A non-negative whole number, digits only ("6000", not "6,000" or "6e3"). */
bool cx_parse_count(const char *s, int64_t *out);

/* The largest amount of money cxtop takes anywhere (a form, an import, an
 * option), in minor units: 1,000,000,000.00.  Ten million such amounts
 * still add up inside an int64_t (10^7 x 10^11 = 10^18 < 9.2 x 10^18), so
 * sums over a store's rows stay exact. */
#define CX_MONEY_MAX INT64_C(100000000000)

/* Money in major units with at most 2 decimals: "3000", "3000.5",
 * "44377.10" -> minor units.  Negative amounts and amounts above
 * CX_MONEY_MAX are refused, whatever the number of digits: what
 * cx_fmt_money_plain writes for 0..CX_MONEY_MAX reads back exactly. */
bool cx_parse_money(const char *s, int64_t *out);
/* Why cx_parse_money refuses s, in words for a form or a message: "at most
 * 1000000000.00" for an amount of the right shape above CX_MONEY_MAX,
 * else "an amount >= 0, at most 2 decimals". */
const char *cx_money_refusal(const char *s);

/* A percentage 0-100 with at most 2 decimals ("10", "12.5", "0.25") -> basis
 * points.  A trailing '%' is allowed. */
bool cx_parse_pct(const char *s, int64_t *bp);

/* A signed percentage -100..100 with at most 2 decimals -> basis points. */
bool cx_parse_signed_pct(const char *s, int64_t *bp);

#endif
