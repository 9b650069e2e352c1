/* config.h — YAML files cxtop reads (libyaml lives only here).
 *
 * The user's config file, $XDG_CONFIG_HOME/cxtop/config.yaml (else
 * ~/.config/cxtop/config.yaml):
 *
 *     db: ~/support/team.db     # default store; a leading ~/ is expanded
 *     theme: solarized-dark     # a theme name or path (see theme.h)
 *     refresh_ms: 500           # how often the UI checks the store, 100..60000
 *
 * Every key is optional; any other key is an error.  The UI writes the
 * theme chosen with `t` back into it (cx_config_set_theme). */
#ifndef CXTOP_CONFIG_H
#define CXTOP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "cxtop/error.h"

typedef struct cx_config {
	char db[1024];    /* with ~ expanded; valid when has_db */
	char theme[256];  /* as written; valid when has_theme */
	int refresh_ms;   /* 500 unless the file says otherwise */
	bool has_db, has_theme;
} cx_config;

/* No db, no theme, refresh_ms 500. */
void cx_config_defaults(cx_config *c);

/* Reads the config file at path.  A missing file is not an error: *out is
 * the defaults and 0 is returned.  A malformed one fills err with
 * "path:line:column: message" (1-based), leaves *out as the defaults and
 * returns -1. */
int cx_config_load(const char *path, cx_config *out, cx_error *err);
/* The same from len bytes of text; path only names it in messages. */
int cx_config_load_mem(const char *path, const char *text, size_t len, cx_config *out, cx_error *err);

/* Remembers theme in the config file at path (created, with its folder,
 * when missing).  Everything else in the file stays as written (settings,
 * comments, blank lines): the theme's value is replaced where it is, or a
 * line "theme: NAME" added at the end.  The file is replaced whole, by a
 * temporary file renamed over it (a symlink's target is what is replaced,
 * the link stays).  Returns 0, or -1 with err saying why (the file named
 * by its name: "config.yaml:2:1: ...") and the file as it was: a file
 * with a mistake in it, a theme not on one line, settings
 * written in braces, a new text that would not read back as the same
 * settings with the new theme, or a file that cannot be written. */
int cx_config_set_theme(const char *path, const char *theme, cx_error *err);

/* The directory for the user's cxtop files: $XDG_CONFIG_HOME/cxtop, or
 * $HOME/.config/cxtop when XDG_CONFIG_HOME is unset or empty.  False when
 * neither variable is set or buf is too small. */
bool cx_config_dir(char *buf, size_t len);

/* cx_config_dir() + "/config.yaml". */
bool cx_config_default_path(char *buf, size_t len);

/* Version of the libyaml library in use, for --version. */
const char *cx_config_yaml_version(void);

/* A data file of kind ("themes", "presets") by name — NAME.yaml in
 * ~/.config/cxtop/KIND/, $(DATADIR)/KIND/, ./KIND/, first found — or by
 * path (a name with a '/' or ending in .yaml).  Fills buf; false when none. */
bool cx_datafile_find(const char *kind, const char *name_or_path, char *buf, size_t len);
/* The names of the kind's files in those folders, sorted, each once. */
int cx_datafile_list(const char *kind, char names[][64], int max);
/* The folders searched for kind, in order, as "DIR, DIR, DIR": for the
 * message that says a name was not found. */
char *cx_datafile_dirs(const char *kind, char *buf, size_t len);

#endif
