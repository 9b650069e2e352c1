/* theme.c — the built-in theme and theme files.
 *
 * THEME FILE FORMAT (YAML, one document, UTF-8):
 *
 *     # themes/default.yaml
 *     name: default
 *     elements:
 *       normal:       { fg: default, bg: default }
 *       tab_active:   { fg: black, bg: cyan, attrs: [bold] }
 *       row_selected: { fg: "#1e1e2e", bg: "#89b4fa" }
 *       good:         { fg: green }
 *       bad:          { fg: 196, attrs: [bold] }
 *
 * Top-level keys:
 *   name      text, at most 63 bytes; optional, defaults to the file name
 *             without its directory and ".yaml".
 *   elements  a mapping from element names to styles; optional.
 * Element names: normal, tab, tab_active, header, status, row, row_alt,
 *   row_selected, panel_title, border, good, bad, warn, money, muted, bar,
 *   sparkline, search.
 * A style is a mapping with any of:
 *   fg, bg    a colour (see color.c): default, black, red, green, yellow,
 *             blue, magenta, cyan, white, bright-NAME / light-NAME, grey /
 *             gray, a palette index 0-255, #rrggbb or #rgb; names are
 *             case-insensitive.  Quote "#..." values: an unquoted # starts
 *             a YAML comment.
 *   attrs     one of bold, underline, reverse, dim, italic, or a sequence
 *             of them ([bold, underline]); [] for none.  Attribute names
 *             are lower case.
 * An element the file does not mention keeps the built-in default theme's
 * style.  An element it does mention gets exactly what is written: an
 * omitted fg or bg is the terminal's default colour, omitted attrs are
 * none.  (Inheriting single fields from the dark default would leak dark
 * colours into a light theme.)
 *
 * Anything else is an error reported as "path:line:column: message" at the
 * offending node (1-based): unknown keys, elements, colours or attributes,
 * a value of the wrong kind (a sequence where a mapping belongs), duplicate
 * keys, more than one document, aliases, an empty file, and YAML syntax
 * errors (at libyaml's problem position).  A broken theme is never half
 * applied: the caller gets the default theme and -1.
 */
#include "cxtop/theme.h"

#include <string.h>

#include "yaml_tree.h"

static const char *const element_names[CX_EL_COUNT] = {
	[CX_EL_NORMAL] = "normal",
	[CX_EL_TAB] = "tab",
	[CX_EL_TAB_ACTIVE] = "tab_active",
	[CX_EL_HEADER] = "header",
	[CX_EL_STATUS] = "status",
	[CX_EL_ROW] = "row",
	[CX_EL_ROW_ALT] = "row_alt",
	[CX_EL_ROW_SELECTED] = "row_selected",
	[CX_EL_PANEL_TITLE] = "panel_title",
	[CX_EL_BORDER] = "border",
	[CX_EL_GOOD] = "good",
	[CX_EL_BAD] = "bad",
	[CX_EL_WARN] = "warn",
	[CX_EL_MONEY] = "money",
	[CX_EL_MUTED] = "muted",
	[CX_EL_BAR] = "bar",
	[CX_EL_SPARKLINE] = "sparkline",
	[CX_EL_SEARCH] = "search",
};

const char *cx_theme_element_name(enum cx_element e)
{
	if ((int)e < 0 || e >= CX_EL_COUNT)
		return NULL;
	return element_names[e];
}

static const struct {
	const char *name;
	unsigned bit;
} attr_names[] = {
	{"bold", CX_ATTR_BOLD},     {"underline", CX_ATTR_UNDERLINE},
	{"reverse", CX_ATTR_REVERSE}, {"dim", CX_ATTR_DIM},
	{"italic", CX_ATTR_ITALIC},
};

/* The default theme, spelt as a theme file would spell it; themes/default.yaml
 * says the same (a test keeps them equal).  Muted 256-colour tones for a
 * dark terminal, each chosen so that its nearest of the 8 basic colours is
 * still readable and still means the same thing: good stays green, bad red,
 * warn yellow, and nothing drawn on the terminal's background turns black. */
static const struct {
	const char *fg, *bg;
	unsigned attrs;
} dark[CX_EL_COUNT] = {
	[CX_EL_NORMAL] = {"default", "default", 0},
	[CX_EL_TAB] = {"250", "default", 0},
	[CX_EL_TAB_ACTIVE] = {"black", "74", CX_ATTR_BOLD},
	[CX_EL_HEADER] = {"110", "default", CX_ATTR_BOLD},
	[CX_EL_STATUS] = {"252", "236", 0},
	[CX_EL_ROW] = {"default", "default", 0},
	[CX_EL_ROW_ALT] = {"default", "235", 0},
	[CX_EL_ROW_SELECTED] = {"black", "67", CX_ATTR_BOLD},
	[CX_EL_PANEL_TITLE] = {"110", "default", CX_ATTR_BOLD},
	[CX_EL_BORDER] = {"244", "default", 0},
	[CX_EL_GOOD] = {"71", "default", 0},
	[CX_EL_BAD] = {"167", "default", CX_ATTR_BOLD},
	[CX_EL_WARN] = {"179", "default", 0},
	[CX_EL_MONEY] = {"73", "default", 0},
	[CX_EL_MUTED] = {"245", "default", 0},
	[CX_EL_BAR] = {"67", "default", 0},
	[CX_EL_SPARKLINE] = {"74", "default", 0},
	[CX_EL_SEARCH] = {"black", "179", CX_ATTR_BOLD},
};

void cx_theme_default(cx_theme *out)
{
	memset(out, 0, sizeof *out);
	strcpy(out->name, "default");
	for (int e = 0; e < CX_EL_COUNT; e++) {
		/* The table above only holds valid spellings. */
		cx_color_parse(dark[e].fg, &out->el[e].fg);
		cx_color_parse(dark[e].bg, &out->el[e].bg);
		out->el[e].attrs = dark[e].attrs;
	}
}

/* --- reading a file ---------------------------------------------------- */

struct load {
	const char *path;
	cx_error *err;
	cx_theme *t;
};

static int fail(struct load *l, const cx_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct load *l, const cx_ynode *n, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return cx_yaml_fail(l->err, l->path, n, "%s", msg);
}

static int colour(struct load *l, const cx_ynode *v, const char *el, const char *key,
		  cx_color *out)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected a colour for %s.%s, found %s", el, key,
			    cx_yaml_kind_name(v));
	if (!v->text[0])
		return fail(l, v, "missing colour for %s.%s", el, key);
	if (!cx_color_parse(v->text, out))
		return fail(l, v, "unknown colour '%.60s' for %s.%s", v->text, el, key);
	return 0;
}

static int one_attr(struct load *l, const cx_ynode *v, const char *el, unsigned *attrs)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected an attribute for %s.attrs, found %s", el,
			    cx_yaml_kind_name(v));
	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++) {
		if (strcmp(v->text, attr_names[i].name) == 0) {
			*attrs |= attr_names[i].bit;
			return 0;
		}
	}
	return fail(l, v,
		    "unknown attribute '%.60s' for %s.attrs "
		    "(expected bold, underline, reverse, dim or italic)",
		    v->text, el);
}

static int attrs(struct load *l, const cx_ynode *v, const char *el, unsigned *out)
{
	*out = 0;
	if (v->kind == CX_Y_SCALAR)
		return one_attr(l, v, el, out);
	if (v->kind != CX_Y_SEQ)
		return fail(l, v, "expected an attribute or a list of attributes for %s.attrs, found %s",
			    el, cx_yaml_kind_name(v));
	for (size_t i = 0; i < v->n; i++)
		if (one_attr(l, v->item[i], el, out))
			return -1;
	return 0;
}

static int style(struct load *l, const cx_ynode *v, const char *el, cx_style *out)
{
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for %s, found %s", el, cx_yaml_kind_name(v));
	cx_color_parse("default", &out->fg);
	cx_color_parse("default", &out->bg);
	out->attrs = 0;
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i], *val = v->item[2 * i + 1];
		int rc;
		if (strcmp(k->text, "fg") == 0)
			rc = colour(l, val, el, "fg", &out->fg);
		else if (strcmp(k->text, "bg") == 0)
			rc = colour(l, val, el, "bg", &out->bg);
		else if (strcmp(k->text, "attrs") == 0)
			rc = attrs(l, val, el, &out->attrs);
		else
			rc = fail(l, k, "unknown key '%.60s' in %s (expected fg, bg or attrs)",
				  k->text, el);
		if (rc)
			return -1;
	}
	return 0;
}

static int elements(struct load *l, const cx_ynode *v)
{
	if (v->kind != CX_Y_MAP)
		return fail(l, v, "expected a mapping for elements, found %s", cx_yaml_kind_name(v));
	for (size_t i = 0; i < v->n; i++) {
		const cx_ynode *k = v->item[2 * i];
		int e = 0;
		while (e < CX_EL_COUNT && strcmp(element_names[e], k->text) != 0)
			e++;
		if (e == CX_EL_COUNT)
			return fail(l, k, "unknown element '%.60s'", k->text);
		if (style(l, v->item[2 * i + 1], element_names[e], &l->t->el[e]))
			return -1;
	}
	return 0;
}

static int name(struct load *l, const cx_ynode *v)
{
	if (v->kind != CX_Y_SCALAR)
		return fail(l, v, "expected text for name, found %s", cx_yaml_kind_name(v));
	if (!v->text[0])
		return fail(l, v, "missing value for name");
	if (strlen(v->text) >= sizeof l->t->name)
		return fail(l, v, "name is longer than %zu bytes", sizeof l->t->name - 1);
	strcpy(l->t->name, v->text);
	return 0;
}

static int apply(struct load *l, const cx_ynode *root)
{
	if (!root)
		return cx_fail(l->err, CX_EXIT_RUNTIME, "%s:1:1: empty theme file", l->path);
	if (root->kind != CX_Y_MAP)
		return fail(l, root, "expected a mapping at the top level, found %s",
			    cx_yaml_kind_name(root));
	for (size_t i = 0; i < root->n; i++) {
		const cx_ynode *k = root->item[2 * i], *v = root->item[2 * i + 1];
		int rc;
		if (strcmp(k->text, "name") == 0)
			rc = name(l, v);
		else if (strcmp(k->text, "elements") == 0)
			rc = elements(l, v);
		else
			rc = fail(l, k, "unknown key '%.60s' (expected name or elements)", k->text);
		if (rc)
			return -1;
	}
	return 0;
}

/* "themes/solarized-dark.yaml" -> "solarized-dark", for a file without name:. */
static void name_from_path(const char *path, char *buf, size_t len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".yaml") == 0)
		n -= 5;
	if (n >= len)
		n = len - 1;
	memcpy(buf, base, n);
	buf[n] = '\0';
}

static int top(const char *path, const cx_ynode *root, void *t, cx_error *err)
{
	struct load l = {.path = path, .err = err, .t = t};
	return apply(&l, root);
}

/* From the file (text NULL) or from text. */
static int load(const char *path, const char *text, size_t len, cx_theme *out, cx_error *err)
{
	cx_theme t;
	/* Build into a local copy so that *out is either the whole new theme
	 * or the default, never a mixture. */
	cx_theme_default(&t);
	name_from_path(path, t.name, sizeof t.name);
	if (cx_yaml_load(path, text, len, "theme", top, &t, err) != 0) {
		cx_theme_default(out);
		return -1;
	}
	*out = t;
	return 0;
}

int cx_theme_load(const char *path, cx_theme *out, cx_error *err)
{
	return load(path, NULL, 0, out, err);
}

int cx_theme_load_mem(const char *path, const char *text, size_t len, cx_theme *out, cx_error *err)
{
	return load(path, text ? text : "", len, out, err);
}
