/* format.c — money, percentages, durations and UTF-8 display width.
 *
 * Integer arithmetic only: a report that adds up on screen must add up on
 * paper, so no value here ever passes through a binary float.  Magnitudes
 * are taken as uint64_t so that INT64_MIN prints correctly too.
 */
#include "cxtop/format.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "cxtop/xalloc.h"

/* --- numbers ------------------------------------------------------------ */

/* |v| without the overflow of -INT64_MIN. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Writes u in decimal at out, with "," every three digits when grouped;
 * returns the length.  out needs 27 bytes (20 digits, 6 commas, NUL). */
static size_t put_uint(char *out, uint64_t u, bool grouped)
{
	char rev[32];
	size_t n = 0;
	do {
		if (grouped && n % 4 == 3)
			rev[n++] = ',';
		rev[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	for (size_t i = 0; i < n; i++)
		out[i] = rev[n - 1 - i];
	out[n] = '\0';
	return n;
}

/* Writes "<units>.<cents>" of a magnitude in hundredths; returns the length. */
static size_t put_hundredths(char *out, uint64_t u, bool grouped)
{
	size_t n = put_uint(out, u / 100, grouped);
	out[n++] = '.';
	out[n++] = (char)('0' + u % 100 / 10);
	out[n++] = (char)('0' + u % 10);
	out[n] = '\0';
	return n;
}

/* Copies s into buf like snprintf would, but never cuts a UTF-8 character
 * in half (a cut "€" would be an invalid byte on screen).  Returns buf. */
static char *give(char *buf, size_t len, const char *s)
{
	if (!len)
		return buf;
	size_t n = strlen(s);
	if (n >= len) {
		n = len - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* The well-known symbols; anything else prints its ISO code after the amount. */
static const char *currency_symbol(const char *code)
{
	static const struct {
		const char *code, *symbol;
	} symbols[] = { { "USD", "$" }, { "EUR", "\u20ac" }, { "GBP", "\u00a3" } };
	for (size_t i = 0; code && i < sizeof symbols / sizeof symbols[0]; i++)
		if (strcmp(code, symbols[i].code) == 0)
			return symbols[i].symbol;
	return NULL;
}

char *cx_fmt_money(char *buf, size_t len, int64_t minor, const char *currency)
{
	char tmp[64];
	size_t n = 0;
	const char *sym = currency_symbol(currency);
	if (minor < 0)
		tmp[n++] = '-';
	if (sym) {
		strcpy(tmp + n, sym);
		n += strlen(sym);
	}
	n += put_hundredths(tmp + n, magnitude(minor), true);
	/* ISO codes are three letters; the bound only keeps tmp safe. */
	if (!sym && currency && *currency)
		snprintf(tmp + n, sizeof tmp - n, " %.8s", currency);
	return give(buf, len, tmp);
}

char *cx_fmt_money_plain(char *buf, size_t len, int64_t minor)
{
	char tmp[40];
	size_t n = 0;
	if (minor < 0)
		tmp[n++] = '-';
	put_hundredths(tmp + n, magnitude(minor), false);
	return give(buf, len, tmp);
}

char *cx_fmt_int(char *buf, size_t len, int64_t v)
{
	char tmp[40];
	size_t n = 0;
	if (v < 0)
		tmp[n++] = '-';
	put_uint(tmp + n, magnitude(v), true);
	return give(buf, len, tmp);
}

char *cx_fmt_bp(char *buf, size_t len, int64_t bp)
{
	/* A basis point is a hundredth of a percent: the same shape as cents. */
	return cx_fmt_money_plain(buf, len, bp);
}

/* Durations are truncated to the unit shown, as a clock would: 59.5 s is
 * "59s" and 1h 05m 59s is "1h 05m", so a value never reads as reached
 * before it was. */
char *cx_fmt_duration_x2(char *buf, size_t len, int64_t half_seconds)
{
	char tmp[48];
	uint64_t s = magnitude(half_seconds) / 2;
	/* Less than a second below zero rounds to 0s, not "-0s". */
	const char *sign = half_seconds < 0 && s > 0 ? "-" : "";
	if (s < 60)
		snprintf(tmp, sizeof tmp, "%s%" PRIu64 "s", sign, s);
	else if (s < 3600)
		snprintf(tmp, sizeof tmp, "%s%" PRIu64 "m %02" PRIu64 "s", sign, s / 60, s % 60);
	else if (s < 86400)
		snprintf(tmp, sizeof tmp, "%s%" PRIu64 "h %02" PRIu64 "m", sign, s / 3600, s % 3600 / 60);
	else
		snprintf(tmp, sizeof tmp, "%s%" PRIu64 "d %02" PRIu64 "h", sign, s / 86400, s % 86400 / 3600);
	return give(buf, len, tmp);
}

char *cx_fmt_hhmm(char *buf, size_t len, int64_t seconds)
{
	snprintf(buf, len, "%02lld:%02lld", (long long)(seconds / 3600), (long long)(seconds / 60 % 60));
	return buf;
}

char *cx_fmt_seconds_plain_x2(char *buf, size_t len, int64_t half_seconds)
{
	char tmp[40];
	size_t n = 0;
	uint64_t u = magnitude(half_seconds);
	if (half_seconds < 0)
		tmp[n++] = '-';
	n += put_uint(tmp + n, u / 2, false);
	if (u % 2)
		strcpy(tmp + n, ".5");
	return give(buf, len, tmp);
}

/* --- rounding ----------------------------------------------------------- */

int64_t cx_div_round(int64_t num, int64_t den)
{
	/* C division truncates toward zero and the remainder takes num's sign,
	 * so |r| < den.  "|r| >= den - |r|" is "2|r| >= den" without the
	 * overflow of doubling. */
	int64_t q = num / den, r = num % den;
	uint64_t ar = magnitude(r);
	if (ar >= (uint64_t)den - ar)
		q += num < 0 ? -1 : 1;
	return q;
}

/* a * b / d for a < d, exactly: the quotient and *rem.  Shift-and-add over
 * the bits of b keeps every intermediate below 2d, which fits in 64 bits
 * for any d <= INT64_MAX, so no 128-bit type is needed. */
static uint64_t mul_div_small(uint64_t a, uint64_t b, uint64_t d, uint64_t *rem)
{
	uint64_t q = 0, r = 0;
	for (int bit = 63; bit >= 0; bit--) {
		q <<= 1;
		r <<= 1;
		if (r >= d) {
			r -= d;
			q++;
		}
		if (b >> bit & 1) {
			r += a;
			if (r >= d) {
				r -= d;
				q++;
			}
		}
	}
	*rem = r;
	return q;
}

/* The result saturates at INT64_MIN/INT64_MAX when num/den is beyond
 * +-922 337 203 685 477, which no ratio in a report comes near. */
int64_t cx_ratio_bp(int64_t num, int64_t den)
{
	uint64_t d = (uint64_t)den;
	uint64_t whole = magnitude(num / den), part = magnitude(num % den);
	uint64_t frac_rem;
	uint64_t frac = mul_div_small(part, 10000, d, &frac_rem);
	if (frac_rem >= d - frac_rem) /* half away from zero, as cx_div_round */
		frac++;
	uint64_t limit = num < 0 ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (whole > limit / 10000 || whole * 10000 > limit - frac)
		return num < 0 ? INT64_MIN : INT64_MAX;
	uint64_t m = whole * 10000 + frac;
	/* m may be 2^63 when negative: negate in unsigned, then convert. */
	return num < 0 ? (int64_t)(0 - m) : (int64_t)m;
}

/* --- UTF-8 -------------------------------------------------------------- */

int cx_utf8_next(const char *s, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	if (p[0] < 0x80) {
		*cp = p[0];
		return p[0] ? 1 : 0;
	}
	/* Lead byte: how many continuation bytes, and the smallest code point
	 * that may use this length (anything smaller is an overlong form). */
	int more;
	uint32_t c, min;
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		more = 1, c = p[0] & 0x1F, min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		more = 2, c = p[0] & 0x0F, min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		more = 3, c = p[0] & 0x07, min = 0x10000;
	} else {
		*cp = CX_UTF8_INVALID;
		return 1;
	}
	for (int i = 1; i <= more; i++) {
		/* A NUL is not a continuation byte, so this never reads past the end. */
		if ((p[i] & 0xC0) != 0x80) {
			*cp = CX_UTF8_INVALID;
			return 1;
		}
		c = c << 6 | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = CX_UTF8_INVALID;
		return 1;
	}
	*cp = c;
	return more + 1;
}

/* Columns of one code point.  ASCII goes to wcwidth(), which every locale
 * agrees on; beyond ASCII the C locale's wcwidth() says -1, and the answer
 * must not depend on whether setlocale() ran, so a small table decides. */
static int cp_width(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
	} zero[] = {
		{ 0x0300, 0x036F }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F },
		{ 0x20D0, 0x20FF }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
	}, wide[] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
		{ 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
		{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
	};
	if (cp == CX_UTF8_INVALID)
		return 1; /* shown as one replacement character */
	if (cp < 0x80) {
		int w = wcwidth((wchar_t)cp);
		return w < 0 ? 0 : w; /* control characters take no column */
	}
	for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
		if (cp >= zero[i].lo && cp <= zero[i].hi)
			return 0;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i].lo && cp <= wide[i].hi)
			return 2;
	return 1;
}

int cx_utf8_width(const char *s)
{
	int w = 0, n;
	uint32_t cp;
	while ((n = cx_utf8_next(s, &cp)) > 0) {
		w += cp_width(cp);
		s += n;
	}
	return w;
}

/* Invalid bytes are copied as '?', so that what comes out is always valid
 * UTF-8 and takes exactly the width returned. */
int cx_utf8_fit(char *buf, size_t len, const char *s, int width)
{
	static const char ellipsis[] = "\u2026"; /* 3 bytes, 1 column */
	if (!len)
		return 0;
	buf[0] = '\0';
	if (width <= 0 || !s)
		return 0;
	bool cut = cx_utf8_width(s) > width || strlen(s) >= len;
	bool room_for_ellipsis = len > sizeof ellipsis - 1;
	int limit = cut && room_for_ellipsis ? width - 1 : width;
	size_t room = (cut && room_for_ellipsis ? len - (sizeof ellipsis - 1) : len) - 1;

	size_t o = 0;
	int used = 0, n;
	uint32_t cp;
	/* Zero-width marks after the last character kept still fit, so a
	 * base letter never loses its accent. */
	while ((n = cx_utf8_next(s, &cp)) > 0) {
		int w = cp_width(cp);
		if (used + w > limit || o + (size_t)n > room)
			break;
		if (cp == CX_UTF8_INVALID)
			buf[o] = '?';
		else
			memcpy(buf + o, s, (size_t)n);
		o += (size_t)n;
		used += w;
		s += n;
	}
	if (cut && room_for_ellipsis) {
		memcpy(buf + o, ellipsis, sizeof ellipsis - 1);
		o += sizeof ellipsis - 1;
		used++;
	}
	buf[o] = '\0';
	return used;
}

int64_t cx_mul3_div_round(int64_t a, int64_t b, int64_t c, int64_t den)
{
	/* Money times a volume times a rate can pass 2^63 long before the
	 * result does: the product is formed in 128 bits.  Three factors near
	 * 2^63 pass even 2^127: then the result is beyond int64 whatever den
	 * is (den < 2^63), and saturates by the product's sign. */
	__int128 ab, p;
	if (__builtin_mul_overflow((__int128)a, (__int128)b, &ab) || __builtin_mul_overflow(ab, (__int128)c, &p)) {
		bool negative = ((a < 0) != (b < 0)) != (c < 0);
		return negative ? INT64_MIN : INT64_MAX;
	}
	__int128 q = p / den, r = p % den;
	__int128 ar = r < 0 ? -r : r;
	if (ar >= den - ar) /* 2|r| >= den without doubling */
		q += p < 0 ? -1 : 1;
	if (q > INT64_MAX)
		return INT64_MAX;
	if (q < INT64_MIN)
		return INT64_MIN;
	return (int64_t)q;
}

int64_t cx_sat_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return b < 0 ? INT64_MIN : INT64_MAX;
	return r;
}

int64_t cx_sat_sub(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_sub_overflow(a, b, &r))
		return b > 0 ? INT64_MIN : INT64_MAX;
	return r;
}

int64_t cx_sat_mul(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) != (b < 0) ? INT64_MIN : INT64_MAX;
	return r;
}

int cx_cp_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E ||
	       cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* How one character of s is shown: its own bytes, or a visible form. */
static size_t safe_form(const char *s, int n, uint32_t cp, char out[16])
{
	if (cp == CX_UTF8_INVALID)
		return (size_t)snprintf(out, 16, "?");
	if (cp < 0x20 || cp == 0x7F)
		return (size_t)snprintf(out, 16, "^%c", cp == 0x7F ? '?' : (char)(cp + 0x40));
	if (cx_cp_is_control(cp))
		return (size_t)snprintf(out, 16, "<U+%04" PRIX32 ">", cp);
	memcpy(out, s, (size_t)n);
	return (size_t)n;
}

char *cx_safe_text(char *buf, size_t len, const char *s)
{
	size_t at = 0;
	uint32_t cp;
	int n;
	if (!len)
		return buf;
	for (; s && (n = cx_utf8_next(s, &cp)) > 0; s += n) {
		char form[16];
		size_t m = safe_form(s, n, cp, form);
		if (at + m >= len)
			break;
		memcpy(buf + at, form, m);
		at += m;
	}
	buf[at] = '\0';
	return buf;
}

int cx_text_unsafe(const char *s)
{
	uint32_t cp;
	int n;
	for (; s && (n = cx_utf8_next(s, &cp)) > 0; s += n)
		if (cp == CX_UTF8_INVALID || cx_cp_is_control(cp))
			return 1;
	return 0;
}

char *cx_safe_dup(const char *s)
{
	/* At most 8 bytes shown for each byte of s ("<U+0085>" for 2). */
	size_t len = (s ? strlen(s) : 0) * 8 + 1;
	return cx_safe_text(cx_xmalloc(len), len, s);
}
