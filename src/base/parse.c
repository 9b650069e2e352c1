/* parse.c — strict number parsing without floating point: "12.5" is read
 * as 1250 hundredths, exactly. */
#include "cxtop/parse.h"

#include <string.h>

/* Digits, optionally a point and up to two more digits, nothing else; the
 * value in hundredths.  Refuses anything above max by value, not by the
 * number of digits: "1.00" and "1" and "001" are the same amount, and
 * every amount cx_fmt_money_plain writes up to max reads back. */
static bool hundredths(const char *s, int64_t max, int64_t *out)
{
	int64_t v = 0;
	int digits = 0, decimals = -1;
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s == '.') {
			if (decimals >= 0 || digits == 0)
				return false;
			decimals = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return false;
		if (decimals >= 0 && ++decimals > 2)
			return false;
		/* Past max with this digit: the decimals still to come only
		 * make it larger. */
		int d = *s - '0';
		if (v > (max - d) / 10)
			return false;
		v = v * 10 + d;
		digits++;
	}
	if (decimals == 0)
		return false; /* "12." */
	for (int d = decimals < 0 ? 0 : decimals; d < 2; d++) {
		if (v > max / 10)
			return false;
		v *= 10;
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

bool cx_parse_count(const char *s, int64_t *out)
{
	int64_t v = 0;
	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000000LL)
			return false;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return true;
}

bool cx_parse_money(const char *s, int64_t *out)
{
	return hundredths(s, CX_MONEY_MAX, out);
}

const char *cx_money_refusal(const char *s)
{
	int64_t v;
	if (hundredths(s, INT64_MAX, &v))
		return "at most 1000000000.00";
	return "an amount >= 0, at most 2 decimals";
}

bool cx_parse_pct(const char *s, int64_t *bp)
{
	char buf[32];
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, s, n + 1);
	if (buf[n - 1] == '%')
		buf[n - 1] = '\0';
	int64_t v;
	if (!hundredths(buf, 10000, &v))
		return false;
	*bp = v;
	return true;
}

bool cx_parse_signed_pct(const char *s, int64_t *bp)
{
	if (s && (*s == '-' || *s == '+')) {
		if (!cx_parse_pct(s + 1, bp))
			return false;
		if (*s == '-')
			*bp = -*bp;
		return true;
	}
	return cx_parse_pct(s, bp);
}
