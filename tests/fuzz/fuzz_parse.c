/* fuzz_parse.c — libFuzzer target for the strict parsers people type into
 * (src/base/parse.c, cx_date_parse): whatever the bytes, an accepted value
 * is inside its bounds and formats back to text that parses to the same
 * value; and for any amount x, parse(format(x)) == x when 0 <= x <=
 * CX_MONEY_MAX and is refused above it. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "cxtop/format.h"
#include "cxtop/parse.h"
#include "cxtop/period.h"

/* The amount or basis points v formatted as the form and the audit do. */
static void round_trip(int64_t v, bool (*parse)(const char *, int64_t *), int64_t max)
{
	char buf[64];
	int64_t back = -1;
	cx_fmt_money_plain(buf, sizeof buf, v);
	if (v >= 0 && v <= max)
		CHECK(parse(buf, &back) && back == v);
	else
		CHECK(!parse(buf, &back));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The bytes as text. */
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	int64_t v;
	if (cx_parse_money(s, &v)) {
		CHECK(v >= 0 && v <= CX_MONEY_MAX);
		round_trip(v, cx_parse_money, CX_MONEY_MAX);
	}
	if (cx_parse_pct(s, &v)) {
		CHECK(v >= 0 && v <= 10000);
		round_trip(v, cx_parse_pct, 10000);
	}
	if (cx_parse_signed_pct(s, &v)) {
		CHECK(v >= -10000 && v <= 10000);
		char buf[64];
		int64_t back;
		cx_fmt_bp(buf, sizeof buf, v);
		CHECK(cx_parse_signed_pct(buf, &back) && back == v);
	}
	if (cx_parse_count(s, &v)) {
		char buf[32];
		int64_t back;
		CHECK(v >= 0);
		snprintf(buf, sizeof buf, "%" PRId64, v);
		CHECK(cx_parse_count(buf, &back) && back == v);
	}
	int32_t day;
	if (cx_date_parse(s, &day)) {
		char buf[11];
		int32_t back;
		cx_date_format(day, buf);
		CHECK(strcmp(buf, s) == 0); /* strict: one spelling per day */
		CHECK(cx_date_parse(buf, &back) && back == day);
	}
	free(s);
	/* The bytes as an amount: every int64 near the limit and beyond. */
	if (size >= 8) {
		int64_t x;
		memcpy(&x, data, sizeof x);
		round_trip(x, cx_parse_money, CX_MONEY_MAX);
		round_trip(x % (CX_MONEY_MAX + 1), cx_parse_money, CX_MONEY_MAX);
		round_trip(x % 10001, cx_parse_pct, 10000);
	}
	return 0;
}
