/* test_theme.c — colours, theme files and their errors, and where themes
 * are found.  Runs from the repository root (it reads ./themes). */
#include "testutil.h"

#include <dirent.h>
#include <sys/stat.h>

#include "cxtop/theme.h"

static const char *const shipped[] = {
	"default", "light", "solarized-dark", "high-contrast", "mono",
};

/* Writes text to a fresh temp file; returns its path (a private copy, as
 * tu_tmp_path reuses its buffer). */
static const char *write_file(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof path, "%s", tu_tmp_path(name));
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	return path;
}

static void assert_same_color(const cx_color *a, const cx_color *b)
{
	assert_int_equal(a->kind, b->kind);
	if (a->kind == CX_COLOR_DEFAULT)
		return;
	if (a->kind == CX_COLOR_INDEX)
		assert_int_equal(a->index, b->index);
	assert_int_equal(a->r, b->r);
	assert_int_equal(a->g, b->g);
	assert_int_equal(a->b, b->b);
}

static void assert_same_style(const cx_style *a, const cx_style *b)
{
	assert_same_color(&a->fg, &b->fg);
	assert_same_color(&a->bg, &b->bg);
	assert_int_equal(a->attrs, b->attrs);
}

static void assert_default_theme(const cx_theme *t)
{
	cx_theme d;
	cx_theme_default(&d);
	assert_string_equal(t->name, d.name);
	for (int e = 0; e < CX_EL_COUNT; e++)
		assert_same_style(&t->el[e], &d.el[e]);
}

/* Loads text as a theme file and checks the exact error: want is the part
 * after "path:", e.g. "3:3: unknown element 'rows'". */
static void expect_error(const char *text, const char *want)
{
	const char *path = write_file("bad.yaml", text);
	char full[1024];
	snprintf(full, sizeof full, "%s:%s", path, want);
	cx_theme t;
	memset(&t, 0x5a, sizeof t); /* garbage in, default out */
	cx_error err = {0};
	assert_int_equal(cx_theme_load(path, &t, &err), -1);
	assert_string_equal(err.msg, full);
	assert_int_equal(err.status, CX_EXIT_RUNTIME);
	assert_default_theme(&t);
}

static void load_ok(const char *text, cx_theme *t)
{
	const char *path = write_file("good.yaml", text);
	cx_error err = {0};
	if (cx_theme_load(path, t, &err) != 0)
		fail_msg("load failed: %s", err.msg);
}

/* --- element names and the built-in theme --------------------------------- */

static void element_names_are_complete_and_unique(void **state)
{
	for (int e = 0; e < CX_EL_COUNT; e++) {
		const char *n = cx_theme_element_name((enum cx_element)e);
		assert_non_null(n);
		for (int f = 0; f < e; f++)
			assert_string_not_equal(n, cx_theme_element_name((enum cx_element)f));
	}
	assert_string_equal(cx_theme_element_name(CX_EL_TAB_ACTIVE), "tab_active");
	assert_string_equal(cx_theme_element_name(CX_EL_ROW_SELECTED), "row_selected");
	assert_null(cx_theme_element_name(CX_EL_COUNT));
	assert_null(cx_theme_element_name((enum cx_element)-1));
}

/* What the UI does with a colour on a terminal with n colours. */
static int on_terminal(const cx_color *c, int n)
{
	if (c->kind == CX_COLOR_DEFAULT)
		return -1;
	if (c->kind == CX_COLOR_INDEX && c->index < n)
		return c->index;
	return cx_color_nearest(c->r, c->g, c->b, n);
}

static void default_theme_reads_well_on_8_colours(void **state)
{
	cx_theme t;
	cx_theme_default(&t);
	assert_string_equal(t.name, "default");
	for (int e = 0; e < CX_EL_COUNT; e++) {
		int fg = on_terminal(&t.el[e].fg, 8), bg = on_terminal(&t.el[e].bg, 8);
		/* Text on the terminal's (dark) background must not turn black,
		 * and text on a coloured background must differ from it. */
		if (bg < 0 && fg >= 0)
			assert_int_not_equal(fg, 0);
		if (bg >= 0 && fg >= 0)
			assert_int_not_equal(fg, bg);
	}
	/* And the colours that carry meaning keep it. */
	assert_int_equal(on_terminal(&t.el[CX_EL_GOOD].fg, 8), 2);
	assert_int_equal(on_terminal(&t.el[CX_EL_BAD].fg, 8), 1);
	assert_int_equal(on_terminal(&t.el[CX_EL_WARN].fg, 8), 3);
}

/* --- shipped themes ------------------------------------------------------- */

static void every_shipped_theme_loads(void **state)
{
	DIR *d = opendir("themes");
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		char path[512], stem[256];
		snprintf(path, sizeof path, "themes/%s", de->d_name);
		snprintf(stem, sizeof stem, "%.*s", (int)(len - 5), de->d_name);
		cx_theme t;
		cx_error err = {0};
		if (cx_theme_load(path, &t, &err) != 0)
			fail_msg("%s: %s", path, err.msg);
		assert_string_equal(t.name, stem);
		n++;
	}
	closedir(d);
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		char path[256];
		snprintf(path, sizeof path, "themes/%s.yaml", shipped[i]);
		struct stat sb;
		assert_int_equal(stat(path, &sb), 0);
	}
	assert_true(n >= 5);
}

static void default_yaml_matches_builtin(void **state)
{
	cx_theme t;
	cx_error err = {0};
	assert_int_equal(cx_theme_load("themes/default.yaml", &t, &err), 0);
	assert_default_theme(&t);
}

static void mono_has_no_colours(void **state)
{
	cx_theme t;
	cx_error err = {0};
	assert_int_equal(cx_theme_load("themes/mono.yaml", &t, &err), 0);
	for (int e = 0; e < CX_EL_COUNT; e++) {
		assert_int_equal(t.el[e].fg.kind, CX_COLOR_DEFAULT);
		assert_int_equal(t.el[e].bg.kind, CX_COLOR_DEFAULT);
	}
	assert_true(t.el[CX_EL_ROW_SELECTED].attrs & CX_ATTR_REVERSE);
}

static void solarized_uses_solarized_rgb(void **state)
{
	cx_theme t;
	cx_error err = {0};
	assert_int_equal(cx_theme_load("themes/solarized-dark.yaml", &t, &err), 0);
	const cx_color *bg = &t.el[CX_EL_NORMAL].bg;
	assert_int_equal(bg->kind, CX_COLOR_RGB);
	assert_int_equal(bg->r, 0x00);
	assert_int_equal(bg->g, 0x2b);
	assert_int_equal(bg->b, 0x36);
}

/* --- colours -------------------------------------------------------------- */

static void expect_index(const char *s, int index, unsigned rgb)
{
	cx_color c;
	if (!cx_color_parse(s, &c))
		fail_msg("'%s' refused", s);
	assert_int_equal(c.kind, CX_COLOR_INDEX);
	assert_int_equal(c.index, index);
	assert_int_equal(c.r, (rgb >> 16) & 0xff);
	assert_int_equal(c.g, (rgb >> 8) & 0xff);
	assert_int_equal(c.b, rgb & 0xff);
}

static void expect_rgb(const char *s, unsigned rgb)
{
	cx_color c;
	if (!cx_color_parse(s, &c))
		fail_msg("'%s' refused", s);
	assert_int_equal(c.kind, CX_COLOR_RGB);
	assert_int_equal(c.r, (rgb >> 16) & 0xff);
	assert_int_equal(c.g, (rgb >> 8) & 0xff);
	assert_int_equal(c.b, rgb & 0xff);
}

static void color_parse_accepts(void **state)
{
	cx_color c;
	assert_true(cx_color_parse("default", &c));
	assert_int_equal(c.kind, CX_COLOR_DEFAULT);
	assert_true(cx_color_parse("Default", &c));
	assert_int_equal(c.kind, CX_COLOR_DEFAULT);

	expect_index("black", 0, 0x000000);
	expect_index("red", 1, 0xcd0000);
	expect_index("green", 2, 0x00cd00);
	expect_index("yellow", 3, 0xcdcd00);
	expect_index("blue", 4, 0x0000ee);
	expect_index("magenta", 5, 0xcd00cd);
	expect_index("cyan", 6, 0x00cdcd);
	expect_index("white", 7, 0xe5e5e5);
	expect_index("bright-black", 8, 0x7f7f7f);
	expect_index("grey", 8, 0x7f7f7f);
	expect_index("gray", 8, 0x7f7f7f);
	expect_index("bright-red", 9, 0xff0000);
	expect_index("light-red", 9, 0xff0000);
	expect_index("brightred", 9, 0xff0000);
	expect_index("bright_red", 9, 0xff0000);
	expect_index("light-cyan", 14, 0x00ffff);
	expect_index("bright-white", 15, 0xffffff);
	expect_index("RED", 1, 0xcd0000);
	expect_index("Bright-Blue", 12, 0x5c5cff);

	expect_index("0", 0, 0x000000);
	expect_index("16", 16, 0x000000);
	expect_index("67", 67, 0x5f87af);
	expect_index("196", 196, 0xff0000);
	expect_index("231", 231, 0xffffff);
	expect_index("232", 232, 0x080808);
	expect_index("244", 244, 0x808080);
	expect_index("255", 255, 0xeeeeee);
	expect_index("007", 7, 0xe5e5e5);

	expect_rgb("#1e1e2e", 0x1e1e2e);
	expect_rgb("#89B4FA", 0x89b4fa);
	expect_rgb("#000000", 0x000000);
	/* #rgb is CSS shorthand: each digit doubled. */
	expect_rgb("#f80", 0xff8800);
	expect_rgb("#FFF", 0xffffff);
}

static void color_parse_refuses(void **state)
{
	static const char *const bad[] = {
		"", "256", "1000", "-1", "+1", "1.5", " red", "red ", "purpel", "bright-",
		"brightgrey", "light-default", "#12345g", "#1234567", "#12", "#", "#ggg",
		"rgb(1,2,3)", "0x10", "none",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cx_color c = {.kind = CX_COLOR_INDEX, .index = 42};
		if (cx_color_parse(bad[i], &c))
			fail_msg("'%s' accepted", bad[i]);
		assert_int_equal(c.index, 42); /* untouched */
	}
	assert_false(cx_color_parse(NULL, NULL));
}

static void color_nearest(void **state)
{
	/* 256 colours: the cube and grey ramp (fixed RGB), not 0-15. */
	assert_int_equal(cx_color_nearest(255, 0, 0, 256), 196);
	assert_int_equal(cx_color_nearest(0, 0, 0, 256), 16);
	assert_int_equal(cx_color_nearest(255, 255, 255, 256), 231);
	assert_int_equal(cx_color_nearest(0x76, 0x76, 0x76, 256), 243);
	assert_int_equal(cx_color_nearest(0x80, 0x80, 0x80, 256), 244);
	assert_int_equal(cx_color_nearest(0x79, 0x79, 0x79, 256), 243); /* 0x76 is closer than 0x80 */
	assert_int_equal(cx_color_nearest(0x89, 0xb4, 0xfa, 256), 111);  /* #87afff */
	/* Every cube and ramp colour finds itself. */
	for (int i = 16; i < 256; i++) {
		char s[16];
		cx_color c;
		snprintf(s, sizeof s, "%d", i);
		assert_true(cx_color_parse(s, &c));
		assert_int_equal(cx_color_nearest(c.r, c.g, c.b, 256), i);
	}
	/* 16 colours; 88 is treated as 16. */
	assert_int_equal(cx_color_nearest(255, 0, 0, 16), 9);
	assert_int_equal(cx_color_nearest(255, 0, 0, 88), 9);
	assert_int_equal(cx_color_nearest(0x80, 0x80, 0x80, 16), 8);
	assert_int_equal(cx_color_nearest(255, 255, 255, 16), 15);
	/* 8 colours: only 0-7. */
	assert_int_equal(cx_color_nearest(255, 0, 0, 8), 1);
	assert_int_equal(cx_color_nearest(0, 0, 0, 8), 0);
	assert_int_equal(cx_color_nearest(255, 255, 255, 8), 7);
	/* Greys stay grey: plain distance would make #808080 olive (3). */
	assert_int_equal(cx_color_nearest(0x80, 0x80, 0x80, 8), 7);
	assert_int_equal(cx_color_nearest(0x83, 0x94, 0x96, 8), 7);
	assert_int_equal(cx_color_nearest(0x83, 0x94, 0x96, 16), 8);
	assert_int_equal(cx_color_nearest(0xc0, 0xc0, 0xc0, 16), 7);
	assert_int_equal(cx_color_nearest(0x20, 0x20, 0x20, 8), 0);
	for (int r = 0; r < 256; r += 51)
		for (int g = 0; g < 256; g += 51)
			assert_in_range(cx_color_nearest((uint8_t)r, (uint8_t)g, 200, 8), 0, 7);
}

/* --- reading theme files -------------------------------------------------- */

static void partial_theme_keeps_defaults(void **state)
{
	cx_theme t, d;
	cx_theme_default(&d);
	load_ok("# only two elements\n"
		"elements:\n"
		"  good: { fg: green }\n"
		"  bad:  { fg: 196, attrs: bold }\n"
		"  row_selected: { fg: \"#1e1e2e\", bg: \"#89b4fa\", attrs: [reverse, underline] }\n"
		"  muted: { attrs: [] }\n",
		&t);
	/* No name: the file's name. */
	assert_string_equal(t.name, "good");
	assert_int_equal(t.el[CX_EL_GOOD].fg.kind, CX_COLOR_INDEX);
	assert_int_equal(t.el[CX_EL_GOOD].fg.index, 2);
	/* A mentioned element is exactly what the file says. */
	assert_int_equal(t.el[CX_EL_GOOD].bg.kind, CX_COLOR_DEFAULT);
	assert_int_equal(t.el[CX_EL_GOOD].attrs, 0);
	assert_int_equal(t.el[CX_EL_BAD].fg.index, 196);
	assert_int_equal(t.el[CX_EL_BAD].attrs, CX_ATTR_BOLD);
	assert_int_equal(t.el[CX_EL_ROW_SELECTED].fg.kind, CX_COLOR_RGB);
	assert_int_equal(t.el[CX_EL_ROW_SELECTED].bg.b, 0xfa);
	assert_int_equal(t.el[CX_EL_ROW_SELECTED].attrs, CX_ATTR_REVERSE | CX_ATTR_UNDERLINE);
	assert_int_equal(t.el[CX_EL_MUTED].fg.kind, CX_COLOR_DEFAULT);
	assert_int_equal(t.el[CX_EL_MUTED].attrs, 0);
	/* The rest is the default theme. */
	for (int e = 0; e < CX_EL_COUNT; e++)
		if (e != CX_EL_GOOD && e != CX_EL_BAD && e != CX_EL_ROW_SELECTED && e != CX_EL_MUTED)
			assert_same_style(&t.el[e], &d.el[e]);
}

static void every_attribute_and_a_name(void **state)
{
	cx_theme t;
	load_ok("name: \"my theme\"\n"
		"elements:\n"
		"  header:\n"
		"    fg: Bright-Yellow\n"
		"    attrs:\n"
		"      - bold\n"
		"      - underline\n"
		"      - reverse\n"
		"      - dim\n"
		"      - italic\n",
		&t);
	assert_string_equal(t.name, "my theme");
	assert_int_equal(t.el[CX_EL_HEADER].fg.index, 11);
	assert_int_equal(t.el[CX_EL_HEADER].attrs, CX_ATTR_BOLD | CX_ATTR_UNDERLINE |
							   CX_ATTR_REVERSE | CX_ATTR_DIM |
							   CX_ATTR_ITALIC);
}

static void unknown_names_are_errors(void **state)
{
	expect_error("name: x\n"
		     "elements:\n"
		     "  rows: { fg: red }\n",
		     "3:3: unknown element 'rows'");
	expect_error("name: x\n"
		     "colours: {}\n",
		     "2:1: unknown key 'colours' (expected name or elements)");
	expect_error("elements:\n"
		     "  row: { fgg: red }\n",
		     "2:10: unknown key 'fgg' in row (expected fg, bg or attrs)");
}

static void bad_values_are_errors(void **state)
{
	/* A good element before the bad one is not applied either. */
	expect_error("name: x\n"
		     "elements:\n"
		     "  good: { fg: green }\n"
		     "  header: { fg: blue }\n"
		     "  tab: { fg: red }\n"
		     "  status: { bg: black }\n"
		     "  row:   { fg: purpel }\n",
		     "7:16: unknown colour 'purpel' for row.fg");
	expect_error("elements:\n"
		     "  bad:\n"
		     "    bg: \"#12345g\"\n",
		     "3:9: unknown colour '#12345g' for bad.bg");
	expect_error("elements:\n"
		     "  bad: { fg: 256 }\n",
		     "2:14: unknown colour '256' for bad.fg");
	expect_error("elements:\n"
		     "  row: { fg: }\n",
		     "2:14: missing colour for row.fg");
	expect_error("elements:\n"
		     "  row:\n"
		     "    attrs: [bold, blink]\n",
		     "3:19: unknown attribute 'blink' for row.attrs "
		     "(expected bold, underline, reverse, dim or italic)");
	expect_error("elements:\n"
		     "  row: { attrs: Bold }\n",
		     "2:17: unknown attribute 'Bold' for row.attrs "
		     "(expected bold, underline, reverse, dim or italic)");
	expect_error("name: \"\"\n", "1:7: missing value for name");
}

static void wrong_node_types_are_errors(void **state)
{
	expect_error("elements:\n"
		     "  - row\n",
		     "2:3: expected a mapping for elements, found a sequence");
	expect_error("elements: dark\n",
		     "1:11: expected a mapping for elements, found a scalar");
	expect_error("elements:\n"
		     "  row: [red]\n",
		     "2:8: expected a mapping for row, found a sequence");
	expect_error("elements:\n"
		     "  row: { fg: { r: 1 } }\n",
		     "2:14: expected a colour for row.fg, found a mapping");
	expect_error("elements:\n"
		     "  row: { attrs: { bold: true } }\n",
		     "2:17: expected an attribute or a list of attributes for row.attrs, "
		     "found a mapping");
	expect_error("elements:\n"
		     "  row: { attrs: [bold, [dim]] }\n",
		     "2:24: expected an attribute for row.attrs, found a sequence");
	expect_error("name: [a, b]\n", "1:7: expected text for name, found a sequence");
	expect_error("- name\n- elements\n",
		     "1:1: expected a mapping at the top level, found a sequence");
	expect_error("just text\n", "1:1: expected a mapping at the top level, found a scalar");
	expect_error("? [a]\n: b\n", "1:3: a key must be a scalar, not a sequence");
}

static void syntax_errors_are_errors(void **state)
{
	/* Unclosed quote: libyaml finds out at the end of the file; the message
	 * says where the quote began. */
	expect_error("name: x\n"
		     "elements:\n"
		     "  row: { fg: \"red }\n",
		     "4:1: syntax error: found unexpected end of stream "
		     "(while scanning a quoted scalar started at 3:14)");
	/* Bad indentation. */
	expect_error("name: x\n"
		     "elements:\n"
		     "  row: { fg: red }\n"
		     " tab: { fg: blue }\n",
		     "4:2: syntax error: did not find expected key "
		     "(while parsing a block mapping started at 1:1)");
	expect_error("elements:\n"
		     "  row:\n"
		     "    fg: red\n"
		     "   bg: blue\n",
		     "4:4: syntax error: did not find expected key "
		     "(while parsing a block mapping started at 2:3)");
	/* A tab used for indentation. */
	expect_error("elements:\n"
		     "\trow: { fg: red }\n",
		     "2:1: syntax error: found character that cannot start any token "
		     "(while scanning for the next token started at 2:1)");
	expect_error("elements:\n"
		     "  row: { fg: red\n",
		     "3:1: syntax error: did not find expected ',' or '}' "
		     "(while parsing a flow mapping started at 2:8)");
	expect_error("name: a: b\n",
		     "1:8: syntax error: mapping values are not allowed in this context");
	/* Not UTF-8: the position of the bad byte. */
	expect_error("name: x\n"
		     "elements:\n"
		     "  row: { fg: r\xff" "ed }\n",
		     "3:15: syntax error: invalid leading UTF-8 octet");
	/* A character cut short: reported where it starts (after two good
	 * two-byte characters). */
	expect_error("name: \xc3\xa9\xc3\xa9\xc3x\n",
		     "1:9: syntax error: invalid trailing UTF-8 octet");
}

static void empty_files_are_errors(void **state)
{
	expect_error("", "1:1: empty theme file");
	expect_error("# nothing yet\n\n", "1:1: empty theme file");
	expect_error("---\n", "1:1: empty theme file");
}

static void yaml_we_refuse(void **state)
{
	expect_error("name: x\n"
		     "elements:\n"
		     "  row: { fg: red }\n"
		     "  row: { fg: blue }\n",
		     "4:3: duplicate key 'row' (first at 3:3)");
	expect_error("elements:\n"
		     "  row: { fg: red, fg: blue }\n",
		     "2:19: duplicate key 'fg' (first at 2:10)");
	expect_error("name: x\n"
		     "name: y\n",
		     "2:1: duplicate key 'name' (first at 1:1)");
	expect_error("name: x\n"
		     "---\n"
		     "name: y\n",
		     "2:1: only one YAML document is allowed");
	expect_error("name: &n x\n"
		     "elements:\n"
		     "  row: { fg: *n }\n",
		     "3:14: aliases (*n) are not supported");
	expect_error("name: \"a\\0b\"\n", "1:7: text contains a NUL character");
	/* Deep nesting stops early instead of recursing forever. */
	char deep[300] = "name: ";
	for (int i = 0; i < 100; i++)
		strcat(deep, "[");
	for (int i = 0; i < 100; i++)
		strcat(deep, "]");
	strcat(deep, "\n");
	expect_error(deep, "1:38: nested too deeply");
}

static void unreadable_files_are_errors(void **state)
{
	cx_theme t;
	cx_error err = {0};
	const char *dir = tu_tmp_path("");
	char missing[600], want[800];
	snprintf(missing, sizeof missing, "%sno-such-theme.yaml", dir);
	assert_int_equal(cx_theme_load(missing, &t, &err), -1);
	snprintf(want, sizeof want, "cannot open theme '%s': No such file or directory", missing);
	assert_string_equal(err.msg, want);
	assert_default_theme(&t);

	assert_int_equal(cx_theme_load("themes", &t, &err), -1);
	assert_string_equal(err.msg, "cannot open theme 'themes': Is a directory");
	assert_default_theme(&t);
}

/* --- finding themes ------------------------------------------------------- */

static void mkdirs(const char *path)
{
	char buf[1024];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
	}
	mkdir(buf, 0755);
}

static void touch(const char *dir, const char *file)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("name: x\n", f);
	fclose(f);
}

static bool listed(char names[][64], int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

static void find_and_list_themes(void **state)
{
	char xdg[600], user[700], buf[1024];
	snprintf(xdg, sizeof xdg, "%s", tu_tmp_path("xdg"));
	snprintf(user, sizeof user, "%s/cxtop/themes", xdg);
	mkdirs(user);
	touch(user, "default.yaml"); /* shadows ./themes/default.yaml */
	touch(user, "zz-mine.yaml");
	touch(user, ".hidden.yaml");
	touch(user, "notes.txt");
	setenv("XDG_CONFIG_HOME", xdg, 1);

	char want[800];
	snprintf(want, sizeof want, "%s/default.yaml", user);
	assert_true(cx_theme_find("default", buf, sizeof buf));
	assert_string_equal(buf, want);
	assert_true(cx_theme_find("light", buf, sizeof buf));
	assert_string_equal(buf, "./themes/light.yaml");
	assert_false(cx_theme_find("no-such-theme", buf, sizeof buf));
	assert_string_equal(buf, "");
	assert_false(cx_theme_find("", buf, sizeof buf));
	/* Too small a buffer is "not found", never a truncated path. */
	assert_false(cx_theme_find("light", buf, 8));
	/* Paths are used as they are. */
	assert_true(cx_theme_find("themes/mono.yaml", buf, sizeof buf));
	assert_string_equal(buf, "themes/mono.yaml");
	assert_false(cx_theme_find("themes/nope.yaml", buf, sizeof buf));
	assert_false(cx_theme_find("nope.yaml", buf, sizeof buf));
	assert_false(cx_theme_find("themes", buf, sizeof buf)); /* a directory */

	char names[64][64];
	int n = cx_theme_list(names, 64);
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++)
		assert_true(listed(names, n, shipped[i]));
	assert_true(listed(names, n, "zz-mine"));
	assert_false(listed(names, n, ".hidden"));
	assert_false(listed(names, n, "notes"));
	for (int i = 1; i < n; i++) /* sorted, each once */
		assert_true(strcmp(names[i - 1], names[i]) < 0);
	char few[2][64];
	assert_int_equal(cx_theme_list(few, 2), 2);
	assert_string_equal(few[0], names[0]);
	assert_string_equal(few[1], names[1]);

	/* Without XDG_CONFIG_HOME: ~/.config/cxtop/themes. */
	char home[600], dot[700];
	snprintf(home, sizeof home, "%s", tu_tmp_path("home"));
	snprintf(dot, sizeof dot, "%s/.config/cxtop/themes", home);
	mkdirs(dot);
	touch(dot, "homely.yaml");
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", home, 1);
	snprintf(want, sizeof want, "%s/homely.yaml", dot);
	assert_true(cx_theme_find("homely", buf, sizeof buf));
	assert_string_equal(buf, want);
	assert_false(cx_theme_find("zz-mine", buf, sizeof buf));
	n = cx_theme_list(names, 64);
	assert_true(listed(names, n, "homely"));
	assert_false(listed(names, n, "zz-mine"));
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_home);
}

static int teardown_all(void **state)
{
	tu_tmp_cleanup();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(element_names_are_complete_and_unique),
		cmocka_unit_test(default_theme_reads_well_on_8_colours),
		cmocka_unit_test(every_shipped_theme_loads),
		cmocka_unit_test(default_yaml_matches_builtin),
		cmocka_unit_test(mono_has_no_colours),
		cmocka_unit_test(solarized_uses_solarized_rgb),
		cmocka_unit_test(color_parse_accepts),
		cmocka_unit_test(color_parse_refuses),
		cmocka_unit_test(color_nearest),
		cmocka_unit_test(partial_theme_keeps_defaults),
		cmocka_unit_test(every_attribute_and_a_name),
		cmocka_unit_test(unknown_names_are_errors),
		cmocka_unit_test(bad_values_are_errors),
		cmocka_unit_test(wrong_node_types_are_errors),
		cmocka_unit_test(syntax_errors_are_errors),
		cmocka_unit_test(empty_files_are_errors),
		cmocka_unit_test(yaml_we_refuse),
		cmocka_unit_test(unreadable_files_are_errors),
		cmocka_unit_test(find_and_list_themes),
	};
	return cmocka_run_group_tests_name("theme", tests, NULL, teardown_all);
}
