/* color.c — colours as theme files write them, and the xterm-256 palette the
 * UI matches them against.
 *
 * Accepted spellings (case-insensitive):
 *   default                      the terminal's own foreground/background
 *   black red green yellow blue magenta cyan white        indices 0-7
 *   bright-NAME, light-NAME (also brightNAME, bright_NAME) indices 8-15
 *   grey, gray                   index 8 (bright black)
 *   0 .. 255                     a palette index, decimal digits only
 *   #rrggbb                      24-bit RGB
 *   #rgb                         CSS shorthand: #f80 is #ff8800
 * Anything else ("#12345g", "256", "-1", " red") is refused. */
#include "cxtop/theme.h"

#include <string.h>

/* xterm's default RGB for the 16 standard colours.  Terminals let users
 * change these, which is why cx_color_nearest avoids them when it can. */
static const uint8_t ansi16[16][3] = {
	{0x00, 0x00, 0x00}, {0xcd, 0x00, 0x00}, {0x00, 0xcd, 0x00}, {0xcd, 0xcd, 0x00},
	{0x00, 0x00, 0xee}, {0xcd, 0x00, 0xcd}, {0x00, 0xcd, 0xcd}, {0xe5, 0xe5, 0xe5},
	{0x7f, 0x7f, 0x7f}, {0xff, 0x00, 0x00}, {0x00, 0xff, 0x00}, {0xff, 0xff, 0x00},
	{0x5c, 0x5c, 0xff}, {0xff, 0x00, 0xff}, {0x00, 0xff, 0xff}, {0xff, 0xff, 0xff},
};

/* The six levels of each axis of the 6x6x6 cube (indices 16-231). */
static const uint8_t cube_level[6] = {0, 95, 135, 175, 215, 255};

static void palette_rgb(int i, uint8_t rgb[3])
{
	if (i < 16) {
		memcpy(rgb, ansi16[i], 3);
	} else if (i < 232) {
		int n = i - 16;
		rgb[0] = cube_level[n / 36];
		rgb[1] = cube_level[(n / 6) % 6];
		rgb[2] = cube_level[n % 6];
	} else {
		uint8_t v = (uint8_t)(8 + (i - 232) * 10); /* greys 8..238 */
		rgb[0] = rgb[1] = rgb[2] = v;
	}
}

static void set_index(cx_color *c, int i)
{
	uint8_t rgb[3];
	palette_rgb(i, rgb);
	c->kind = CX_COLOR_INDEX;
	c->index = i;
	c->r = rgb[0];
	c->g = rgb[1];
	c->b = rgb[2];
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool parse_hex(const char *s, cx_color *out)
{
	size_t n = strlen(s);
	int v[6] = {0};
	if (n != 3 && n != 6)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((v[i] = hexval(s[i])) < 0)
			return false;
	out->kind = CX_COLOR_RGB;
	out->index = -1;
	if (n == 3) {
		out->r = (uint8_t)(v[0] * 17);
		out->g = (uint8_t)(v[1] * 17);
		out->b = (uint8_t)(v[2] * 17);
	} else {
		out->r = (uint8_t)(v[0] * 16 + v[1]);
		out->g = (uint8_t)(v[2] * 16 + v[3]);
		out->b = (uint8_t)(v[4] * 16 + v[5]);
	}
	return true;
}

static bool parse_index(const char *s, cx_color *out)
{
	int v = 0;
	size_t n = strlen(s);
	if (n == 0 || n > 3)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (*s - '0');
	}
	if (v > 255)
		return false;
	set_index(out, v);
	return true;
}

/* s is already lower case. */
static bool parse_name(const char *s, cx_color *out)
{
	static const char *const base[8] = {
		"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	};
	if (strcmp(s, "grey") == 0 || strcmp(s, "gray") == 0) {
		set_index(out, 8);
		return true;
	}
	int bright = 0;
	if (strncmp(s, "bright", 6) == 0) {
		s += 6;
		bright = 8;
	} else if (strncmp(s, "light", 5) == 0) {
		s += 5;
		bright = 8;
	}
	if (bright && (*s == '-' || *s == '_'))
		s++;
	for (int i = 0; i < 8; i++) {
		if (strcmp(s, base[i]) == 0) {
			set_index(out, bright + i);
			return true;
		}
	}
	return false;
}

bool cx_color_parse(const char *s, cx_color *out)
{
	cx_color c = {0};
	char low[32]; /* longer than any spelling we accept */
	bool ok;
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n >= sizeof low)
		return false;
	for (size_t i = 0; i <= n; i++)
		low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];

	if (strcmp(low, "default") == 0) {
		c.kind = CX_COLOR_DEFAULT;
		c.index = -1;
		ok = true;
	} else if (low[0] == '#') {
		ok = parse_hex(low + 1, &c);
	} else if (low[0] >= '0' && low[0] <= '9') {
		ok = parse_index(low, &c);
	} else {
		ok = parse_name(low, &c);
	}
	if (ok && out)
		*out = c;
	return ok;
}

/* How far apart a colour's channels may be for it to count as a grey. */
enum { GREY_SPREAD = 24 };

static bool is_grey(int i)
{
	return i == 0 || i == 7 || i == 8 || i == 15;
}

int cx_color_nearest(uint8_t r, uint8_t g, uint8_t b, int ncolors)
{
	/* With 256 colours only the cube and the grey ramp are searched: their
	 * RGB is fixed by xterm's formula, while 0-15 are whatever the user's
	 * terminal palette says (Solarized users remap them wholesale).  With
	 * fewer colours 0-7 or 0-15 are all there is; 88-colour terminals are
	 * rare enough to be treated as 16. */
	int lo = 0, hi = 8;
	if (ncolors >= 256) {
		lo = 16;
		hi = 256;
	} else if (ncolors >= 16) {
		hi = 16;
	}
	/* Among 8 or 16 colours plain distance sends a mid grey to olive
	 * (#808080 is nearer #cdcd00 than #e5e5e5), so a grey is matched
	 * against the palette's greys only: black, white and their bright
	 * versions. */
	int hi_c = r > g ? (r > b ? r : b) : (g > b ? g : b);
	int lo_c = r < g ? (r < b ? r : b) : (g < b ? g : b);
	bool grey_only = hi <= 16 && hi_c - lo_c <= GREY_SPREAD;

	int best = lo;
	long best_d = -1;
	for (int i = lo; i < hi; i++) {
		if (grey_only && !is_grey(i))
			continue;
		uint8_t p[3];
		palette_rgb(i, p);
		long dr = (long)r - p[0], dg = (long)g - p[1], db = (long)b - p[2];
		long d = dr * dr + dg * dg + db * db;
		if (best_d < 0 || d < best_d) { /* ties go to the lower index */
			best_d = d;
			best = i;
		}
	}
	return best;
}
