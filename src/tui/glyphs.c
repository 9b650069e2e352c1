/* glyphs.c — the two glyph sets, and text made ASCII for a terminal whose
 * locale is not UTF-8 (see glyphs.h). */
#include "glyphs.h"

#include <stdint.h>
#include <string.h>

#include "cxtop/format.h"

#define CX_GLYPH_UTF8(name, utf8, ascii) utf8,
#define CX_GLYPH_ASCII(name, utf8, ascii) ascii,
static const char *const utf8_set[CX_G_COUNT] = {CX_GLYPH_LIST(CX_GLYPH_UTF8)};
static const char *const ascii_set[CX_G_COUNT] = {CX_GLYPH_LIST(CX_GLYPH_ASCII)};
#undef CX_GLYPH_UTF8
#undef CX_GLYPH_ASCII

/* Set once before the first draw (glyphs.h says why this is not state). */
static const char *const *set = utf8_set;

void cx_glyphs_init(bool ascii)
{
	set = ascii ? ascii_set : utf8_set;
}

bool cx_glyphs_ascii_mode(void)
{
	return set == ascii_set;
}

const char *cx_glyph(enum cx_glyph g)
{
	return (int)g >= 0 && g < CX_G_COUNT ? set[g] : "";
}

/* The ASCII form of the character of n bytes at s. */
static const char *ascii_of(const char *s, int n, char *q, size_t qlen)
{
	for (int g = 0; g < CX_G_COUNT; g++)
		if (strlen(utf8_set[g]) == (size_t)n && memcmp(utf8_set[g], s, (size_t)n) == 0)
			return ascii_set[g];
	/* One '?' a column, so that a name lines up as it would have. */
	char one[8];
	memcpy(one, s, (size_t)n);
	one[n] = '\0';
	int w = cx_utf8_width(one);
	size_t k = 0;
	for (; k < (size_t)w && k + 1 < qlen; k++)
		q[k] = '?';
	q[k] = '\0';
	return q;
}

char *cx_glyphs_ascii(char *buf, size_t len, const char *s)
{
	size_t at = 0;
	uint32_t cp;
	int n;
	if (!len)
		return buf;
	for (; s && (n = cx_utf8_next(s, &cp)) > 0; s += n) {
		char q[4];
		const char *form = cp < 0x80 ? NULL : ascii_of(s, n, q, sizeof q);
		size_t m = form ? strlen(form) : 1;
		if (at + m >= len)
			break;
		memcpy(buf + at, form ? form : s, m);
		at += m;
	}
	buf[at] = '\0';
	return buf;
}
