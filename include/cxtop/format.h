/* format.h — numbers and text for people: money, percentages, durations,
 * and the display width of UTF-8 strings.  Pure functions, shared by the
 * reports and the UI so both print the same thing. */
#ifndef CXTOP_FORMAT_H
#define CXTOP_FORMAT_H

#include <stddef.h>
#include <stdint.h>

/* "$44,377.10", "-$1,234.00", "€12.50", "900,000.00 RUB": the currency's
 * symbol where it has a well-known one (USD $, EUR €, GBP £), else the
 * amount followed by the ISO code.  Returns buf. */
char *cx_fmt_money(char *buf, size_t len, int64_t minor, const char *currency);

/* "44377.10", "-0.05": major units with 2 decimals, no separators (csv). */
char *cx_fmt_money_plain(char *buf, size_t len, int64_t minor);

/* "1,701", "-12": thousands separators. */
char *cx_fmt_int(char *buf, size_t len, int64_t v);

/* Basis points as a percentage with 2 decimals: 2305 -> "23.05",
 * -50 -> "-0.50". */
char *cx_fmt_bp(char *buf, size_t len, int64_t bp);

/* A duration in half seconds as people read it: "45s", "12m 05s",
 * "3h 05m", "2d 04h".  Negative durations never occur (the store forbids
 * them) but print with a minus sign. */
char *cx_fmt_duration_x2(char *buf, size_t len, int64_t half_seconds);

/* Seconds as hours and minutes, "08:00", "88:30": a wall-clock time of
 * a schedule, or a week's working hours. */
char *cx_fmt_hhmm(char *buf, size_t len, int64_t seconds);

/* Half seconds as a plain number of seconds: 7201 -> "3600.5", 7200 -> "3600". */
char *cx_fmt_seconds_plain_x2(char *buf, size_t len, int64_t half_seconds);

/* Columns a UTF-8 string takes on a terminal (wcwidth per code point; CJK
 * counts 2, combining marks 0, invalid bytes 1 each). */
int cx_utf8_width(const char *s);

/* Copies at most `width` display columns of s into buf (never splitting a
 * character), appending "…" when it had to cut.  Returns the width used. */
int cx_utf8_fit(char *buf, size_t len, const char *s, int width);

/* Decodes the UTF-8 character at s into *cp and returns its length in
 * bytes (1-4), or 0 at the terminating NUL.  An invalid or truncated
 * sequence counts as one byte with *cp = CX_UTF8_INVALID. */
#define CX_UTF8_INVALID 0xFFFFFFFFu
int cx_utf8_next(const char *s, uint32_t *cp);

/* Text from a store or a file made safe to show: terminal controls never
 * reach a terminal, a report or a log.  C0 controls and DEL in caret form
 * ("^[" for ESC, "^M" for CR, "^I" for tab), C1 controls and the
 * direction overrides and isolates (U+202A-202E, U+2066-2069, U+200E,
 * U+200F, U+061C) as "<U+009B>", bytes that are not UTF-8 as "?".
 * Everything else as it is, so the width of the result is what a terminal
 * draws.  cx_safe_text writes into buf (cut at a whole character) and
 * returns it; cx_safe_dup returns a malloc'd copy. */
char *cx_safe_text(char *buf, size_t len, const char *s);
char *cx_safe_dup(const char *s);
/* True when s holds anything cx_safe_text would change. */
int cx_text_unsafe(const char *s);
/* True for the code points cx_safe_text shows as <U+XXXX>. */
int cx_cp_is_control(uint32_t cp);

/* Rounds num/den to the nearest integer, halves away from zero.  den > 0. */
int64_t cx_div_round(int64_t num, int64_t den);

/* a * b * c / den, rounded as above, without overflowing in between
 * (128-bit intermediate, itself checked: three int64 factors can pass
 * 2^127); saturates at the int64 range.  den > 0. */
int64_t cx_mul3_div_round(int64_t a, int64_t b, int64_t c, int64_t den);

/* a + b, a - b and a * b, saturated at INT64_MIN and INT64_MAX instead of
 * overflowing.  Money that passes +-92,233,720,368,547,758.07 is already
 * nonsense (cxtop takes at most CX_MONEY_MAX an amount), but a store that an
 * outside program filled with bigger numbers must still give a report, not
 * undefined behaviour: such a figure shows as the limit. */
int64_t cx_sat_add(int64_t a, int64_t b);
int64_t cx_sat_sub(int64_t a, int64_t b);
int64_t cx_sat_mul(int64_t a, int64_t b);

/* num/den as basis points (num * 10000 / den, rounded as above).  den > 0. */
int64_t cx_ratio_bp(int64_t num, int64_t den);

#endif
