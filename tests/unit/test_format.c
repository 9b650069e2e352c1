/* test_format.c — money, percentages, durations, UTF-8 width and rounding. */
#include "testutil.h"

#include "cxtop/format.h"

static char buf[128];

static void money_with_symbols_and_codes(void **state)
{
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 4437710, "USD"), "$44,377.10");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, -123400, "USD"), "-$1,234.00");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 0, "USD"), "$0.00");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, -5, "USD"), "-$0.05");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 99999, "USD"), "$999.99");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 100000, "USD"), "$1,000.00");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 1250, "EUR"), "€12.50");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, -1250, "EUR"), "-€12.50");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 100, "GBP"), "£1.00");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 90000000, "RUB"), "900,000.00 RUB");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, -7, "RUB"), "-0.07 RUB");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, 1250, NULL), "12.50");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, INT64_MAX, "USD"), "$92,233,720,368,547,758.07");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, INT64_MIN, "USD"), "-$92,233,720,368,547,758.08");
	assert_string_equal(cx_fmt_money(buf, sizeof buf, INT64_MIN, "RUB"), "-92,233,720,368,547,758.08 RUB");
}

static void money_in_a_short_buffer_is_cut_whole(void **state)
{
	char small[4];
	assert_string_equal(cx_fmt_money(small, sizeof small, 4437710, "USD"), "$44");
	/* "€" is three bytes: with room for only three bytes, none of it. */
	assert_string_equal(cx_fmt_money(small, 3, 1250, "EUR"), "");
	assert_string_equal(cx_fmt_money(small, sizeof small, 1250, "EUR"), "€");
	small[0] = 'x';
	cx_fmt_money(small, 0, 1, "USD"); /* writes nothing */
	assert_int_equal(small[0], 'x');
}

static void money_plain(void **state)
{
	assert_string_equal(cx_fmt_money_plain(buf, sizeof buf, 4437710), "44377.10");
	assert_string_equal(cx_fmt_money_plain(buf, sizeof buf, -5), "-0.05");
	assert_string_equal(cx_fmt_money_plain(buf, sizeof buf, 0), "0.00");
	assert_string_equal(cx_fmt_money_plain(buf, sizeof buf, 100000000), "1000000.00");
	assert_string_equal(cx_fmt_money_plain(buf, sizeof buf, INT64_MAX), "92233720368547758.07");
	assert_string_equal(cx_fmt_money_plain(buf, sizeof buf, INT64_MIN), "-92233720368547758.08");
}

static void ints_are_grouped(void **state)
{
	assert_string_equal(cx_fmt_int(buf, sizeof buf, 1701), "1,701");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, -12), "-12");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, 0), "0");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, 999), "999");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, 1000), "1,000");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, -1000000), "-1,000,000");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, INT64_MAX), "9,223,372,036,854,775,807");
	assert_string_equal(cx_fmt_int(buf, sizeof buf, INT64_MIN), "-9,223,372,036,854,775,808");
}

static void basis_points(void **state)
{
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, 2305), "23.05");
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, -50), "-0.50");
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, -1), "-0.01");
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, 5), "0.05");
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, 0), "0.00");
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, 10000), "100.00");
	assert_string_equal(cx_fmt_bp(buf, sizeof buf, -123456), "-1234.56");
}

/* Half seconds in, truncated to the unit shown. */
static void durations_at_unit_boundaries(void **state)
{
	static const struct {
		int64_t x2;
		const char *want;
	} cases[] = {
		{ 0, "0s" },
		{ 1, "0s" },
		{ 90, "45s" },
		{ 59 * 2, "59s" },
		{ 59 * 2 + 1, "59s" },
		{ 60 * 2, "1m 00s" },
		{ 60 * 2 + 1, "1m 00s" },
		{ (12 * 60 + 5) * 2, "12m 05s" },
		{ 3599 * 2, "59m 59s" },
		{ 3599 * 2 + 1, "59m 59s" },
		{ 3600 * 2, "1h 00m" },
		{ (3 * 3600 + 5 * 60 + 59) * 2, "3h 05m" },
		{ 86399 * 2, "23h 59m" },
		{ 86400 * 2, "1d 00h" },
		{ (2 * 86400 + 4 * 3600) * 2, "2d 04h" },
		{ (400 * 86400 + 23 * 3600) * 2 + 1, "400d 23h" },
		{ -90, "-45s" },
		{ -1, "0s" },
		{ -7200, "-1h 00m" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(cx_fmt_duration_x2(buf, sizeof buf, cases[i].x2), cases[i].want);
	/* The extremes print something sensible and do not trap (UBSan). */
	assert_string_equal(cx_fmt_duration_x2(buf, sizeof buf, INT64_MAX), "53375995583650d 07h");
	assert_string_equal(cx_fmt_duration_x2(buf, sizeof buf, INT64_MIN), "-53375995583650d 07h");
}

static void seconds_plain(void **state)
{
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, 7201), "3600.5");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, 7200), "3600");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, 1), "0.5");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, 0), "0");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, -1), "-0.5");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, -3), "-1.5");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, INT64_MAX), "4611686018427387903.5");
	assert_string_equal(cx_fmt_seconds_plain_x2(buf, sizeof buf, INT64_MIN), "-4611686018427387904");
}

static void utf8_width(void **state)
{
	assert_int_equal(cx_utf8_width(""), 0);
	assert_int_equal(cx_utf8_width("Aino"), 4);
	assert_int_equal(cx_utf8_width("Мäkinen"), 7);
	assert_int_equal(cx_utf8_width("Ольга Петрова"), 13);
	assert_int_equal(cx_utf8_width("王芳"), 4);
	assert_int_equal(cx_utf8_width("한국어"), 6);
	assert_int_equal(cx_utf8_width("ＡＢ"), 4);           /* fullwidth forms */
	assert_int_equal(cx_utf8_width("\xF0\x9F\x98\x80"), 2); /* U+1F600 emoji */
	assert_int_equal(cx_utf8_width("\xF0\xA0\x80\x8B"), 2); /* U+2000B, plane 2 */
	assert_int_equal(cx_utf8_width("e\xCC\x81"), 1);       /* e + combining acute */
	assert_int_equal(cx_utf8_width("a\xE1\xAA\xB0" "b"), 2); /* U+1AB0 */
	assert_int_equal(cx_utf8_width("a\xE2\x83\x90"), 1);   /* U+20D0 */
	assert_int_equal(cx_utf8_width("a\xE2\x80\x8B" "b"), 2); /* zero-width space */
	assert_int_equal(cx_utf8_width("\xEF\xBB\xBFx"), 1);   /* BOM */
	assert_int_equal(cx_utf8_width("–…"), 2);              /* en dash, ellipsis */
	/* Invalid bytes count one each. */
	assert_int_equal(cx_utf8_width("a\xFF" "b"), 3);
	assert_int_equal(cx_utf8_width("\xE7\x8E"), 2);          /* truncated */
	assert_int_equal(cx_utf8_width("\xC0\xAF"), 2);          /* overlong '/' */
	assert_int_equal(cx_utf8_width("\xED\xA0\x80"), 3);      /* surrogate */
	assert_int_equal(cx_utf8_width("\xF4\x90\x80\x80"), 4);  /* above U+10FFFF */
	assert_int_equal(cx_utf8_width("\x80\x80王"), 4);
}

static void utf8_next_decodes(void **state)
{
	uint32_t cp;
	assert_int_equal(cx_utf8_next("", &cp), 0);
	assert_int_equal(cx_utf8_next("A", &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(cx_utf8_next("ä", &cp), 2);
	assert_int_equal(cp, 0xE4);
	assert_int_equal(cx_utf8_next("王", &cp), 3);
	assert_int_equal(cp, 0x738B);
	assert_int_equal(cx_utf8_next("\xF0\x9F\x98\x80", &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(cx_utf8_next("\xE7\x8E", &cp), 1);
	assert_true(cp == CX_UTF8_INVALID);
	assert_int_equal(cx_utf8_next("\xEF\xBF\xBD", &cp), 3); /* a real U+FFFD is valid */
	assert_int_equal(cp, 0xFFFD);
}

static void utf8_fit(void **state)
{
	char out[64];
	/* Fits: copied whole. */
	assert_int_equal(cx_utf8_fit(out, sizeof out, "Мäkinen", 7), 7);
	assert_string_equal(out, "Мäkinen");
	assert_int_equal(cx_utf8_fit(out, sizeof out, "王芳", 4), 4);
	assert_string_equal(out, "王芳");
	/* Cut, with an ellipsis in the last column. */
	assert_int_equal(cx_utf8_fit(out, sizeof out, "abcdef", 4), 4);
	assert_string_equal(out, "abc…");
	assert_int_equal(cx_utf8_fit(out, sizeof out, "Мäkinen", 4), 4);
	assert_string_equal(out, "Мäk…");
	/* A wide character that does not fit whole is left out, never halved. */
	assert_int_equal(cx_utf8_fit(out, sizeof out, "王芳", 3), 3);
	assert_string_equal(out, "王…");
	assert_int_equal(cx_utf8_fit(out, sizeof out, "王芳", 2), 1);
	assert_string_equal(out, "…");
	assert_int_equal(cx_utf8_fit(out, sizeof out, "ab王芳", 4), 3);
	assert_string_equal(out, "ab…");
	assert_int_equal(cx_utf8_fit(out, sizeof out, "王芳x", 4), 3);
	assert_string_equal(out, "王…");
	/* A combining mark stays with its letter. */
	assert_int_equal(cx_utf8_fit(out, sizeof out, "e\xCC\x81xyz", 2), 2);
	assert_string_equal(out, "e\xCC\x81…");
	/* Nothing fits in no columns. */
	assert_int_equal(cx_utf8_fit(out, sizeof out, "abc", 0), 0);
	assert_string_equal(out, "");
	assert_int_equal(cx_utf8_fit(out, sizeof out, "abc", 1), 1);
	assert_string_equal(out, "…");
	/* The buffer is a limit too: 5 bytes hold "a…" and the NUL. */
	assert_int_equal(cx_utf8_fit(out, 5, "abcdef", 10), 2);
	assert_string_equal(out, "a…");
	/* Invalid bytes come out as '?', one column each. */
	assert_int_equal(cx_utf8_fit(out, sizeof out, "a\xFF" "b", 10), 3);
	assert_string_equal(out, "a?b");
}

/* Halves go away from zero, on both sides; no overflow near the limits. */
static void div_round(void **state)
{
	assert_int_equal(cx_div_round(5, 2), 3);
	assert_int_equal(cx_div_round(-5, 2), -3);
	assert_int_equal(cx_div_round(7, 2), 4);
	assert_int_equal(cx_div_round(-7, 2), -4);
	assert_int_equal(cx_div_round(4, 3), 1);
	assert_int_equal(cx_div_round(5, 3), 2);
	assert_int_equal(cx_div_round(-4, 3), -1);
	assert_int_equal(cx_div_round(-5, 3), -2);
	assert_int_equal(cx_div_round(0, 7), 0);
	assert_int_equal(cx_div_round(6, 3), 2);
	assert_int_equal(cx_div_round(-6, 3), -2);
	assert_true(cx_div_round(INT64_MAX, 1) == INT64_MAX);
	assert_true(cx_div_round(INT64_MIN, 1) == INT64_MIN);
	assert_true(cx_div_round(INT64_MAX, 2) == INT64_C(4611686018427387904));
	assert_true(cx_div_round(INT64_MIN, 2) == INT64_C(-4611686018427387904));
	assert_true(cx_div_round(INT64_MIN + 1, 2) == INT64_C(-4611686018427387904));
	/* Exactly a half and just under a half of a huge denominator. */
	assert_true(cx_div_round(INT64_C(4611686018427387904), INT64_MAX) == 1);
	assert_true(cx_div_round(INT64_C(4611686018427387903), INT64_MAX) == 0);
	assert_true(cx_div_round(INT64_C(-4611686018427387904), INT64_MAX) == -1);
	assert_true(cx_div_round(INT64_MAX, INT64_MAX) == 1);
}

/* Terminal controls never pass: each shown visibly, with the width it is
 * drawn at; text without them comes back as it was. */
static void safe_text(void **state)
{
	(void)state;
	char out[128];
	assert_string_equal(cx_safe_text(out, sizeof buf, "Jyrki\033[2J"), "Jyrki^[[2J");
	assert_string_equal(cx_safe_text(out, sizeof buf, "a\rb\tc\x7f\x01"), "a^Mb^Ic^?^A");
	assert_string_equal(cx_safe_text(out, sizeof buf, "x\xc2\x9b" "y"), "x<U+009B>y");
	assert_string_equal(cx_safe_text(out, sizeof buf, "\xe2\x80\xae" "evil"), "<U+202E>evil");
	assert_string_equal(cx_safe_text(out, sizeof buf, "\xe2\x81\xa6\xe2\x81\xa9\xe2\x80\x8f"), "<U+2066><U+2069><U+200F>");
	assert_string_equal(cx_safe_text(out, sizeof buf, "bad\xff"), "bad?");
	assert_string_equal(cx_safe_text(out, sizeof buf, "Ольга 王芳 — café"), "Ольга 王芳 — café");
	assert_int_equal(cx_utf8_width(cx_safe_text(out, sizeof buf, "\033]0;x\a")), 8);
	assert_false(cx_text_unsafe("Ольга 王芳"));
	assert_true(cx_text_unsafe("a\033"));
	assert_true(cx_text_unsafe("\xc2\x85"));
	/* Cut at a whole form, never inside one. */
	assert_string_equal(cx_safe_text(out, 6, "ab\033" "cd"), "ab^[c");
	assert_string_equal(cx_safe_text(out, 5, "ab\xc2\x9b"), "ab");
	char *d = cx_safe_dup("\xc2\x80\xc2\x80\xc2\x80");
	assert_string_equal(d, "<U+0080><U+0080><U+0080>");
	free(d);
}

static void ratio_bp(void **state)
{
	assert_int_equal(cx_ratio_bp(392, 1701), 2305);
	assert_int_equal(cx_ratio_bp(1, 3), 3333);
	assert_int_equal(cx_ratio_bp(2, 3), 6667);
	assert_int_equal(cx_ratio_bp(-2, 3), -6667);
	assert_int_equal(cx_ratio_bp(1, 20000), 1); /* half a basis point */
	assert_int_equal(cx_ratio_bp(-1, 20000), -1);
	assert_int_equal(cx_ratio_bp(1, 20001), 0);
	assert_int_equal(cx_ratio_bp(0, 5), 0);
	assert_int_equal(cx_ratio_bp(5, 5), 10000);
	assert_int_equal(cx_ratio_bp(3, 2), 15000);
	/* Where num * 10000 would overflow 64 bits. */
	assert_true(cx_ratio_bp(INT64_C(1000000000000), 3) == INT64_C(3333333333333333));
	assert_true(cx_ratio_bp(INT64_MAX, INT64_MAX) == 10000);
	assert_true(cx_ratio_bp(INT64_MAX - 1, INT64_MAX) == 10000);
	assert_true(cx_ratio_bp(INT64_C(4611686018427387904), INT64_MAX) == 5000);
	assert_true(cx_ratio_bp(INT64_MIN, INT64_MAX) == -10000);
	assert_true(cx_ratio_bp(INT64_MAX, 10000) == INT64_MAX);   /* exactly */
	assert_true(cx_ratio_bp(INT64_MIN, 10000) == INT64_MIN);   /* exactly */
	/* Beyond int64 it saturates rather than wraps. */
	assert_true(cx_ratio_bp(INT64_MAX, 1) == INT64_MAX);
	assert_true(cx_ratio_bp(INT64_MIN, 1) == INT64_MIN);
	assert_true(cx_ratio_bp(INT64_MAX, 9999) == INT64_MAX);
}

/* The 128-bit product of three int64 factors can itself overflow: the
 * result saturates by its sign instead. */
static void mul3_div_round_and_saturation(void **state)
{
	assert_int_equal(cx_mul3_div_round(6000, 300000, 500, 10000), 90000000);
	assert_int_equal(cx_mul3_div_round(-5, 1, 1, 2), -3);
	assert_int_equal(cx_mul3_div_round(5, 1, 1, 2), 3);
	assert_true(cx_mul3_div_round(INT64_MAX, INT64_MAX, 1, INT64_MAX) == INT64_MAX);
	assert_true(cx_mul3_div_round(INT64_MAX, INT64_MAX, INT64_MAX, 1) == INT64_MAX);
	assert_true(cx_mul3_div_round(INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX) == INT64_MAX);
	assert_true(cx_mul3_div_round(INT64_MIN, INT64_MAX, INT64_MAX, 3) == INT64_MIN);
	assert_true(cx_mul3_div_round(INT64_MIN, INT64_MIN, INT64_MIN, 1) == INT64_MIN);
	assert_true(cx_mul3_div_round(INT64_MIN, INT64_MIN, -1, 7) == INT64_MIN);
	assert_true(cx_mul3_div_round(INT64_MIN, -1, 1, 1) == INT64_MAX);
	assert_true(cx_mul3_div_round(INT64_MIN, INT64_MIN, 0, 1) == 0);
	/* A half of the largest denominator rounds away from zero. */
	assert_true(cx_mul3_div_round(INT64_C(4611686018427387904), 1, 1, INT64_MAX) == 1);
	assert_true(cx_mul3_div_round(INT64_C(4611686018427387903), 1, 1, INT64_MAX) == 0);
	/* Shipments x average check x buyout at the option's limits. */
	assert_true(cx_mul3_div_round(1000000000, INT64_C(100000000000), -10000, 10000) == INT64_MIN);
	assert_true(cx_sat_add(INT64_MAX, 1) == INT64_MAX);
	assert_true(cx_sat_add(INT64_MIN, -1) == INT64_MIN);
	assert_true(cx_sat_add(-5, 3) == -2);
	assert_true(cx_sat_sub(INT64_MIN, 1) == INT64_MIN);
	assert_true(cx_sat_sub(INT64_MAX, -1) == INT64_MAX);
	assert_true(cx_sat_sub(0, INT64_MIN) == INT64_MAX);
	assert_true(cx_sat_sub(-1, INT64_MIN) == INT64_MAX);
	assert_true(cx_sat_sub(5, 7) == -2);
	assert_true(cx_sat_mul(INT64_MAX, 2) == INT64_MAX);
	assert_true(cx_sat_mul(INT64_MIN, -1) == INT64_MAX);
	assert_true(cx_sat_mul(INT64_MIN, 2) == INT64_MIN);
	assert_true(cx_sat_mul(-3, 4) == -12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(money_with_symbols_and_codes),
		cmocka_unit_test(money_in_a_short_buffer_is_cut_whole),
		cmocka_unit_test(money_plain),
		cmocka_unit_test(ints_are_grouped),
		cmocka_unit_test(basis_points),
		cmocka_unit_test(durations_at_unit_boundaries),
		cmocka_unit_test(seconds_plain),
		cmocka_unit_test(utf8_width),
		cmocka_unit_test(utf8_next_decodes),
		cmocka_unit_test(utf8_fit),
		cmocka_unit_test(div_round),
		cmocka_unit_test(ratio_bp),
		cmocka_unit_test(mul3_div_round_and_saturation),
		cmocka_unit_test(safe_text),
	};
	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
