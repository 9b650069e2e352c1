/* config.c — the user's config.yaml (format in include/cxtop/config.h).
 *
 * An empty file (or one with only comments) is fine and means the
 * defaults: people create the file first and fill it in later.  Anything
 * present must be right, with errors as "path:line:column: message". */
#include "cxtop/config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cxtop/parse.h"
#include "yaml_tree.h"

enum { REFRESH_MIN = 100, REFRESH_MAX = 60000, REFRESH_DEFAULT = 500 };

void cx_config_defaults(cx_config *c)
{
	memset(c, 0, sizeof *c);
	c->refresh_ms = REFRESH_DEFAULT;
}

bool cx_config_dir(char *buf, size_t len)
{
	/* The XDG spec says a relative XDG_CONFIG_HOME is to be ignored. */
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/cxtop", xdg);
	else if (home && *home)
		n = snprintf(buf, len, "%s/.config/cxtop", home);
	else
		return false;
	return n >= 0 && (size_t)n < len;
}

bool cx_config_default_path(char *buf, size_t len)
{
	char dir[1024];
	if (!cx_config_dir(dir, sizeof dir))
		return false;
	int n = snprintf(buf, len, "%s/config.yaml", dir);
	return n >= 0 && (size_t)n < len;
}

/* A scalar with some text in it, or an error naming the key. */
static int text_value(const char *path, const cx_ynode *k, const cx_ynode *v, cx_error *err)
{
	if (v->kind != CX_Y_SCALAR)
		return cx_yaml_fail(err, path, v, "expected text for %s, found %s", k->text,
				    cx_yaml_kind_name(v));
	if (!v->text[0])
		return cx_yaml_fail(err, path, v, "missing value for %s", k->text);
	return 0;
}

/* "~" and "~/x" become $HOME and $HOME/x; "~user/x" is left alone (rare in
 * a config file, and getpwnam would drag in NSS for it). */
static int set_db(const char *path, const cx_ynode *v, cx_config *c, cx_error *err)
{
	const char *s = v->text, *home = "";
	if (s[0] == '~' && (s[1] == '/' || s[1] == '\0')) {
		home = getenv("HOME");
		if (!home || !*home)
			return cx_yaml_fail(err, path, v, "cannot expand '~' in db: HOME is not set");
		s++;
	}
	int n = snprintf(c->db, sizeof c->db, "%s%s", home, s);
	if (n < 0 || (size_t)n >= sizeof c->db)
		return cx_yaml_fail(err, path, v, "db path is longer than %zu bytes",
				    sizeof c->db - 1);
	c->has_db = true;
	return 0;
}

static int set_theme(const char *path, const cx_ynode *v, cx_config *c, cx_error *err)
{
	if (strlen(v->text) >= sizeof c->theme)
		return cx_yaml_fail(err, path, v, "theme is longer than %zu bytes",
				    sizeof c->theme - 1);
	strcpy(c->theme, v->text);
	c->has_theme = true;
	return 0;
}

static int set_refresh(const char *path, const cx_ynode *v, cx_config *c, cx_error *err)
{
	int64_t ms;
	if (!cx_parse_count(v->text, &ms) || ms < REFRESH_MIN || ms > REFRESH_MAX)
		return cx_yaml_fail(err, path, v,
				    "refresh_ms must be a whole number from %d to %d, not '%.40s'",
				    REFRESH_MIN, REFRESH_MAX, v->text);
	c->refresh_ms = (int)ms;
	return 0;
}

static int apply(const char *path, const cx_ynode *root, cx_config *c, cx_error *err)
{
	if (!root)
		return 0;
	if (root->kind != CX_Y_MAP)
		return cx_yaml_fail(err, path, root, "expected a mapping at the top level, found %s",
				    cx_yaml_kind_name(root));
	for (size_t i = 0; i < root->n; i++) {
		const cx_ynode *k = root->item[2 * i], *v = root->item[2 * i + 1];
		int (*set)(const char *, const cx_ynode *, cx_config *, cx_error *);
		if (strcmp(k->text, "db") == 0)
			set = set_db;
		else if (strcmp(k->text, "theme") == 0)
			set = set_theme;
		else if (strcmp(k->text, "refresh_ms") == 0)
			set = set_refresh;
		else
			return cx_yaml_fail(err, path, k,
					    "unknown key '%.60s' (expected db, theme or refresh_ms)",
					    k->text);
		if (text_value(path, k, v, err) || set(path, v, c, err))
			return -1;
	}
	return 0;
}

static int top(const char *path, const cx_ynode *root, void *c, cx_error *err)
{
	return apply(path, root, c, err);
}

/* From the file (text NULL) or from text. */
static int load(const char *path, const char *text, size_t len, cx_config *out, cx_error *err)
{
	cx_config c;
	cx_config_defaults(&c);
	cx_config_defaults(out);
	struct stat sb;
	if (!text && stat(path, &sb) != 0 && errno == ENOENT) {
		cx_error_clear(err); /* no config file: nothing to configure */
		return 0;
	}
	if (cx_yaml_load(path, text, len, "config file", top, &c, err) != 0)
		return -1;
	*out = c; /* all or nothing */
	return 0;
}

int cx_config_load(const char *path, cx_config *out, cx_error *err)
{
	return load(path, NULL, 0, out, err);
}

int cx_config_load_mem(const char *path, const char *text, size_t len, cx_config *out, cx_error *err)
{
	return load(path, text ? text : "", len, out, err);
}
