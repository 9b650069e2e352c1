/* test_glyphs.c — the ASCII fallback: in the ASCII set nothing beyond
 * ASCII is drawn, text from the store keeps its width, and every
 * character beyond ASCII that src/tui writes comes from the glyph table. */
#include "testutil.h"

#include <dirent.h>

#include "cxtop/format.h"
#include "tui/glyphs.h"

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void the_ascii_set_is_ascii(void **state)
{
	cx_glyphs_init(true);
	assert_true(cx_glyphs_ascii_mode());
	for (int g = 0; g < CX_G_COUNT; g++)
		if (!is_ascii(cx_glyph((enum cx_glyph)g)))
			fail_msg("glyph %d is not ASCII in the ASCII set", g);
	assert_string_equal(cx_glyph(CX_G_BOX_H), "-");
	assert_string_equal(cx_glyph(CX_G_SORT_UP), "^");
	cx_glyphs_init(false);
	assert_false(cx_glyphs_ascii_mode());
	assert_string_equal(cx_glyph(CX_G_BOX_H), "\u2500");
	assert_string_equal(cx_glyph(CX_G_DOT), "\u00b7");
}

/* What is drawn cell by cell, or beside text others measure, keeps one
 * column in both sets: a frame, a bar, a sparkline, a slider, a sort
 * mark, the ellipsis of cut text. */
static void cells_keep_their_width(void **state)
{
	static const enum cx_glyph cells[] = {
		CX_G_BOX_H,	 CX_G_BOX_V,	 CX_G_BOX_TL,	    CX_G_BOX_TR,	  CX_G_BOX_BL,	  CX_G_BOX_BR,
		CX_G_BLOCK,	 CX_G_BAR_1,	 CX_G_BAR_4,	    CX_G_BAR_7,		  CX_G_SPARK_1,	  CX_G_SPARK_7,
		CX_G_KNOB,	 CX_G_TRACK_FULL, CX_G_MARK_BREAK_EVEN, CX_G_MARK_ACTUAL, CX_G_SORT_UP, CX_G_SORT_DOWN,
		CX_G_ELLIPSIS, CX_G_DOT,
	};
	for (int set = 0; set < 2; set++) {
		cx_glyphs_init(set == 1);
		for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
			if (cx_utf8_width(cx_glyph(cells[i])) != 1)
				fail_msg("glyph %d is %d columns in the %s set", (int)cells[i],
					 cx_utf8_width(cx_glyph(cells[i])), set ? "ASCII" : "UTF-8");
	}
	cx_glyphs_init(false);
}

static void text_becomes_ascii(void **state)
{
	char buf[128];
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "Maria Garcia, 3 tickets"), "Maria Garcia, 3 tickets");
	/* Letters beyond ASCII: a '?' a column, so columns still line up. */
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "Aino M\u00e4kinen"), "Aino M?kinen");
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "\u041e\u043b\u044c\u0433\u0430"), "?????");
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "\u738b\u82b3"), "????"); /* 王芳: 4 columns */
	assert_int_equal(cx_utf8_width(cx_glyphs_ascii(buf, sizeof buf, "\u738b\u82b3 x")), cx_utf8_width("\u738b\u82b3 x"));
	/* A combining accent takes no column: nothing. */
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "Jose\u0301"), "Jose");
	/* A byte that is not UTF-8. */
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "a\xff" "b"), "a?b");
	/* The table's own characters, as the reports write them. */
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "\u25b23 \u2014 a \u00b7 b\u2026"), "^3 - a / b~");
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "\u2588\u2588\u258c"), "##:");
	assert_string_equal(cx_glyphs_ascii(buf, sizeof buf, "\u20ac12.50"), "EUR12.50");
	/* Cut at a whole character when the buffer is short. */
	char small[4];
	assert_string_equal(cx_glyphs_ascii(small, sizeof small, "ab\u20accd"), "ab");
	assert_string_equal(cx_glyphs_ascii(small, sizeof small, "abcdefgh"), "abc");
}

/* Every string and character literal in the .c files of src/tui is ASCII: a
 * character beyond it is written as cx_glyph(CX_G_...), so that the ASCII
 * set has its own form (glyphs.h).  Comments may say anything. */
static void src_tui_writes_no_literal_glyph(void **state)
{
	DIR *d = opendir("src/tui");
	assert_non_null(d);
	struct dirent *e;
	int files = 0;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "src/tui/%s", e->d_name);
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		files++;
		enum { CODE, STRING, CHAR, LINE_COMMENT, BLOCK_COMMENT } st = CODE;
		int c, prev = 0, line = 1;
		while ((c = getc(f)) != EOF) {
			if (c == '\n')
				line++;
			switch (st) {
			case CODE:
				if (c == '"')
					st = STRING;
				else if (c == '\'')
					st = CHAR;
				else if (prev == '/' && c == '/')
					st = LINE_COMMENT;
				else if (prev == '/' && c == '*')
					st = BLOCK_COMMENT, c = 0;
				break;
			case STRING:
			case CHAR:
				if (c >= 0x80)
					fail_msg("%s:%d: a character beyond ASCII in a literal: use cx_glyph()", path, line);
				if (c == '\\') {
					c = getc(f); /* the escaped character, whatever it is */
					if (c == '\n')
						line++;
					c = 0;
				} else if (c == (st == STRING ? '"' : '\'')) {
					st = CODE;
					c = 0;
				}
				break;
			case LINE_COMMENT:
				if (c == '\n')
					st = CODE;
				break;
			case BLOCK_COMMENT:
				if (prev == '*' && c == '/')
					st = CODE, c = 0;
				break;
			}
			prev = c;
		}
		fclose(f);
	}
	closedir(d);
	assert_true(files > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_ascii_set_is_ascii),
		cmocka_unit_test(cells_keep_their_width),
		cmocka_unit_test(text_becomes_ascii),
		cmocka_unit_test(src_tui_writes_no_literal_glyph),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
